#include "model/source_span.h"

#include <algorithm>

namespace jixiao {

SourceSpan SourceSpan::merged(const SourceSpan& other) const {
  if (empty()) return other;
  if (other.empty()) return *this;
  SourceSpan out;
  out.first_line = std::min(first_line, other.first_line);
  out.last_line = std::max(last_line, other.last_line);
  if (box && other.box && box->page == other.box->page) {
    out.box = PageBox{box->page, std::min(box->x0, other.box->x0), std::min(box->y0, other.box->y0),
                      std::max(box->x1, other.box->x1), std::max(box->y1, other.box->y1)};
  } else if (box && !other.box) {
    out.box = box;
  } else if (!box && other.box) {
    out.box = other.box;
  }
  return out;
}

}  // namespace jixiao
