// Helpers shared by the rule families: form amounts as exact yuan, how to word amounts and
// differences in messages, and the spans of narrative facts.
#pragma once

#include <optional>
#include <string>

#include "model/declaration.h"
#include "rules/amount.h"
#include "rules/rule.h"

namespace jixiao::rules {

// The amount of a form field, nullopt when blank/absent.
std::optional<Yuan> form_amount(const Field<Money>& f);

// The project's budget on the form: 项目资金总额 and 年度资金申请总额.
struct FormBudget {
  std::optional<Yuan> total, annual;
  SourceSpan total_span, annual_span;
  bool any() const { return total || annual; }
};
FormBudget form_budget(const Project& p);

// Whether `stated` (± tolerance) equals one of the form's budget amounts.
bool matches_form(Yuan stated, Yuan tolerance, const FormBudget& fb);
// The form amount closest to `stated` (total preferred on ties); nullopt when the form has none.
std::optional<Yuan> closest_form_amount(Yuan stated, const FormBudget& fb);
// Whether `form` looks like `stated` rounded to the form's rounding unit (e.g. 330,769 → 330,800):
// form is a multiple of the rounding unit and they differ by less than it.
bool is_form_rounding(Yuan stated, Yuan form, Money rounding);

// "37,780,000.00 元"; "3785.5 万元".
std::string yuan_label(Yuan y);
std::string wan_label(Yuan y);
// "差 7.5 万元" / "差 31 元": the absolute difference in the unit that reads best.
std::string difference_label(Yuan a, Yuan b);

// Span of section `index` of `p` (empty when out of range).
SourceSpan section_span(const Project& p, int index);
// The narrative section heading, e.g. "六、年度预算安排" (for messages).
std::string section_label(const Project& p, int index);

// Fixed-point share for messages: "8.4%".
std::string percent_label(double share);

}  // namespace jixiao::rules
