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
  // Byte offsets in `text` where normalisation removed OCR letter-spacing (normalize.h): the
  // text there began a word of its own. "实 施 单 位 上 海 … 管 理 所 财 政 局" reads as one word,
  // though OCR may have put the wrapped rest of the cell before it ("财政局") right after a cell
  // that was spaced too: only these offsets show that the word was pieced together.
  std::vector<std::size_t> joined = {};

  SourceSpan span() const { return SourceSpan{number, number, box}; }
};

using TextLines = std::vector<TextLine>;

}  // namespace jixiao
