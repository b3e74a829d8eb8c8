// Document segmentation: finds the parts of a declaration in its lines — the title block, the
// 绩效目标设置情况 header paragraph, the narratives (项目经费情况说明) and the forms
// (绩效目标申报表/填报表) — as ranges of lines, in document order.
#pragma once

#include <optional>
#include <vector>

#include "ingest/text_line.h"

namespace jixiao {

// Half-open range [begin, end) of indices into DocumentParts::lines.
struct LineRange {
  std::size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
  std::size_t size() const { return empty() ? 0 : end - begin; }
};

struct FormRegion {
  LineRange range;              // starts at the form title
  std::optional<int> number;    // "填报表 3" → 3
};

struct DocumentParts {
  // The input lines, with a line split in two where a form, a narrative title or a narrative
  // section heading starts in the middle of it (OCR output); both halves keep the line number.
  TextLines lines;
  LineRange title;                  // lines before the first part (at most the first eight)
  std::optional<LineRange> header;  // the 绩效目标设置情况 paragraph (heading included)
  std::vector<LineRange> narratives;
  std::vector<FormRegion> forms;
};

// Splits `lines` into parts. A form title counts only when a 项目名称 label follows it before
// any other part (the document title "…年财政支出项目绩效目标申报表" is followed by the header
// instead); a narrative title only when a section heading, sub-project or 项目名称： line
// follows within four lines. Text before a part that belongs to none is left out of all parts.
DocumentParts segment_document(TextLines lines);

}  // namespace jixiao
