// The unit every text parser works on: one decoded, normalised line with its source position.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/source_span.h"

namespace jixiao {

struct TextLine {
  std::string text;  // UTF-8, normalised (see normalize.h); may contain '\t' cell separators
  int number = 0;    // 1-based line number in the decoded source (PDF: in the rebuilt text)
  std::optional<PageBox> box;  // where the line sits on its page, for PDF input

  SourceSpan span() const { return SourceSpan{number, number, box}; }
};

using TextLines = std::vector<TextLine>;

}  // namespace jixiao
