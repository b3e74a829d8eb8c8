// Where a value came from in its source document.
#pragma once

#include <optional>

namespace jixiao {

// A rectangle on a PDF page, in PDF points with the origin at the page's top-left corner.
struct PageBox {
  int page = 0;  // 1-based
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool operator==(const PageBox&) const = default;
};

// A 1-based inclusive line range in the decoded text of the source (for PDFs, in the text that
// jixiao rebuilt from the page layout), plus the page box when the source was a PDF.
// first_line == 0 means "no source position" (e.g. a value built in memory).
struct SourceSpan {
  int first_line = 0;
  int last_line = 0;
  std::optional<PageBox> box;

  bool empty() const { return first_line == 0; }
  // The smallest span covering both (boxes are kept only when both lie on the same page).
  SourceSpan merged(const SourceSpan& other) const;
  bool operator==(const SourceSpan&) const = default;
};

}  // namespace jixiao
