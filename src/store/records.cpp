#include "store/records.h"

namespace jixiao {

void FindingCounts::add(Severity s, int n) {
  switch (s) {
    case Severity::kError: error += n; return;
    case Severity::kWarning: warning += n; return;
    case Severity::kAdvice: advice += n; return;
  }
}

FindingCounts& FindingCounts::operator+=(const FindingCounts& o) {
  error += o.error;
  warning += o.warning;
  advice += o.advice;
  return *this;
}

std::string_view dimension_name(SummaryDimension d) {
  switch (d) {
    case SummaryDimension::kDepartment: return "department";
    case SummaryDimension::kImplementer: return "implementer";
    case SummaryDimension::kCategory: return "category";
    case SummaryDimension::kYear: return "year";
    case SummaryDimension::kNone: break;
  }
  return "";
}

std::optional<SummaryDimension> parse_dimension(std::string_view text) {
  for (auto d : {SummaryDimension::kNone, SummaryDimension::kDepartment, SummaryDimension::kImplementer,
                 SummaryDimension::kCategory, SummaryDimension::kYear}) {
    if (text == dimension_name(d)) return d;
  }
  if (text == "none") return SummaryDimension::kNone;
  return std::nullopt;
}

}  // namespace jixiao
