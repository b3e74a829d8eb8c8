// A review finding (审核意见): what a rule found, where, and the numbers behind it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_span.h"

namespace jixiao {

// 错误 error / 警告 warning / 提示 advice. Ordered by increasing severity.
enum class Severity { kAdvice = 0, kWarning = 1, kError = 2 };

std::string_view severity_name(Severity s);     // "advice" / "warning" / "error"
std::string_view severity_label_zh(Severity s);  // "提示" / "警告" / "错误"
// Accepts the English and Chinese names; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

// One compared quantity: e.g. {"项目资金总额", "37780000.00", "元"}.
struct Evidence {
  std::string label;
  std::string value;
  std::string unit;
  bool operator==(const Evidence&) const = default;
};

struct Finding {
  std::string rule;              // stable code, e.g. "FUND-001"
  Severity severity = Severity::kAdvice;
  int project_seq = 0;           // 0 for document-level findings
  std::string project_name;
  std::string field;             // JSON path of the field concerned, e.g. "funds_yuan.total"
  std::string message;           // Chinese, for people
  std::vector<Evidence> evidence;
  std::string comparison;        // how the evidence was compared, e.g. "3785.50 ≠ 3778.00 (差 7.50 万元)"
  std::vector<SourceSpan> spans; // source positions, the most relevant first
  bool operator==(const Finding&) const = default;
};

}  // namespace jixiao
