#include "model/finding.h"

namespace jixiao {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kAdvice: break;
  }
  return "advice";
}

std::string_view severity_label_zh(Severity s) {
  switch (s) {
    case Severity::kError: return "错误";
    case Severity::kWarning: return "警告";
    case Severity::kAdvice: break;
  }
  return "提示";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity s : {Severity::kAdvice, Severity::kWarning, Severity::kError}) {
    if (text == severity_name(s) || text == severity_label_zh(s)) return s;
  }
  return std::nullopt;
}

}  // namespace jixiao
