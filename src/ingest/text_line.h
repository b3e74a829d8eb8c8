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
  // The raw line began with a form feed or a space (normalisation trims both). pdftotext opens
  // every page with a form feed, which text dumps keep as such or as a space: in line-broken
  // text such a line may be the first of a page.
  bool page_start = false;

  SourceSpan span() const { return SourceSpan{number, number, box}; }
};

using TextLines = std::vector<TextLine>;

}  // namespace jixiao
