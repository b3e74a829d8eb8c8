// Indicator target values (指标值): "≥90.00(%)", "=56850份", "≤25.00(万元)", "合理", "48小时内".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

enum class Comparator { kNone, kGe, kLe, kEq, kGt, kLt };

// "≥" "≤" "=" ">" "<", or "" for kNone.
std::string_view comparator_symbol(Comparator c);
// Accepts ≥ ≤ = > < and the ASCII/full-width spellings >= <= ＝ ＞ ＜ ≧ ≦; nullopt otherwise.
std::optional<Comparator> parse_comparator(std::string_view text);

// A parsed target. Either quantitative (cmp/num/unit, num exactly as written, e.g. "90.00") or
// qualitative (text, e.g. "合理", "48小时内", "全年≤5次", "控制于预算内").
struct Target {
  Comparator cmp = Comparator::kNone;
  std::string num;   // as written, without thousands separators; empty when qualitative
  std::string unit;  // "%", "万元", "份"; empty when none
  std::string text;  // the qualitative value; empty when quantitative
  std::string prefix;  // words before the comparator of a quantitative value ("全年" in "全年≤5次")

  bool quantitative() const { return !num.empty(); }
  bool operator==(const Target&) const = default;

  // Parses a value with whitespace removed and half-width digits (see ingest/normalize.h); any
  // comparator spelling (>=, ≥, ＞ …). An optional short prefix, a comparator, a number and an
  // optional unit (bracketed or not: "≥90.00(%)", "=3万条/月", "全年≤5次") is quantitative;
  // everything else is qualitative and kept verbatim in `text`. Never fails.
  static Target parse(std::string_view value);
};

}  // namespace jixiao
