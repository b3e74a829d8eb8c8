#include "ingest/layout.h"

#include <array>
#include <vector>

#include "ingest/text_scan.h"

namespace jixiao {
namespace {

// Labels of the form, grouped by the table row they sit on: a line that holds labels of three
// or more different rows cannot be a row of a table, only a flattened form.
const std::array<std::vector<std::string_view>, 7> kRowLabels = {{
    {"项目名称"},
    {"主管部门", "实施单位"},
    {"计划开始日期", "计划完成日期"},
    {"项目资金总额", "年度资金申请总额"},
    {"上年结转资金"},
    {"项目总目标", "年度总体目标", "年度总目标"},
    {"一级指标", "二级指标", "三级指标"},
}};

// Whether `line` holds labels of three or more different rows. Stops as soon as the answer is
// known (three found, or too few rows left to reach three): this runs on every line.
bool holds_three_form_rows(std::string_view line) {
  // Three labels of different rows take at least 36 bytes: shorter lines cannot hold them.
  if (line.size() < 36) return false;
  int rows = 0;
  for (std::size_t g = 0; g < kRowLabels.size(); ++g) {
    if (rows + static_cast<int>(kRowLabels.size() - g) < 3) return false;
    for (std::string_view label : kRowLabels[g]) {
      if (contains(line, label)) {
        if (++rows == 3) return true;
        break;
      }
    }
  }
  return false;
}

}  // namespace

std::string_view layout_name(Layout layout) {
  switch (layout) {
    case Layout::kLineBroken: return "line-broken";
    case Layout::kTabbed: return "tabbed";
    case Layout::kOcrFlat: return "ocr-flat";
    case Layout::kPdf: return "pdf";
  }
  return "line-broken";
}

Layout detect_layout(std::span<const TextLine> lines) {
  std::size_t tabbed = 0;
  for (const TextLine& line : lines) {
    if (holds_three_form_rows(line.text)) return Layout::kOcrFlat;
    if (line.text.find('\t') != std::string::npos) ++tabbed;
  }
  if (tabbed >= 5 && tabbed * 10 >= lines.size()) return Layout::kTabbed;
  return Layout::kLineBroken;
}

}  // namespace jixiao
