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

int form_rows_on_line(std::string_view line) {
  // Three labels of different rows take at least 36 bytes: shorter lines cannot hold them.
  if (line.size() < 36) return 0;
  int rows = 0;
  for (const auto& labels : kRowLabels) {
    for (std::string_view label : labels) {
      if (contains(line, label)) {
        ++rows;
        break;
      }
    }
  }
  return rows;
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
    if (form_rows_on_line(line.text) >= 3) return Layout::kOcrFlat;
    if (line.text.find('\t') != std::string::npos) ++tabbed;
  }
  if (tabbed >= 5 && tabbed * 10 >= lines.size()) return Layout::kTabbed;
  return Layout::kLineBroken;
}

}  // namespace jixiao
