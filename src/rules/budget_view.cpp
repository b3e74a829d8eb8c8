#include "rules/budget_view.h"

#include "rules/text_util.h"
#include "rules/tolerances.h"

namespace jixiao::rules {

std::optional<StatedAmount> parse_stated_wan(const std::string& text) {
  std::string c = compact(text);
  std::int64_t yuan_per_unit = kYuanPerWan;
  for (auto [suffix, factor] : {std::pair<std::string_view, std::int64_t>{"万元", kYuanPerWan},
                                {"万", kYuanPerWan},
                                {"元", 1}}) {
    if (c.size() > suffix.size() && c.substr(c.size() - suffix.size()) == suffix) {
      c.resize(c.size() - suffix.size());
      yuan_per_unit = factor;
      break;
    }
  }
  if (c.rfind("约", 0) == 0) c = c.substr(std::string_view("约").size());
  auto d = Decimal::parse(c);
  if (!d) return std::nullopt;
  return StatedAmount{Yuan::from_decimal(*d, yuan_per_unit),
                      Yuan::half_last_digit(*d, yuan_per_unit), compact(text)};
}

std::optional<StatedAmount> narrative_budget(const Project& p) {
  if (!p.narrative_budget_wan.value) return std::nullopt;
  return parse_stated_wan(*p.narrative_budget_wan.value);
}

FormMatch compare_with_form(Yuan stated, Yuan tolerance, const FormBudget& fb,
                            const ReviewOptions& o) {
  if (!fb.any()) return FormMatch::kNoForm;
  Yuan tol = tolerance + Yuan::from_money(o.arithmetic_tolerance);
  if (matches_form(stated, tol, fb)) return FormMatch::kMatch;
  auto closest = closest_form_amount(stated, fb);
  if (closest && is_form_rounding(stated, *closest, o.form_rounding)) return FormMatch::kRounding;
  if ((fb.total && is_magnitude_slip(stated, *fb.total, tol)) ||
      (fb.annual && is_magnitude_slip(stated, *fb.annual, tol)))
    return FormMatch::kMagnitudeSlip;
  return FormMatch::kMismatch;
}

ListReading read_list(const BudgetList& list, const ReviewOptions& o) {
  ListReading r;
  Yuan open_sum;
  int open_items = 0;
  bool seen_amount = false;
  for (const auto& st : list.statements) {
    if (st.role == AmountRole::kDeclaredTotal && !seen_amount && !r.leading_declared) {
      r.leading_declared = st;
      continue;
    }
    seen_amount = true;
    if (st.role == AmountRole::kItem) {
      open_sum += st.amount.value;
      ++open_items;
      ++r.items;
      continue;
    }
    // A closing total (or a declared total after items): it stands for the items before it.
    if (open_items > 0) {
      Yuan tol = st.amount.tolerance + Yuan::from_money(o.arithmetic_tolerance);
      if (!within(st.amount.value, open_sum, tol))
        r.mismatches.push_back({st, open_sum, open_items});
    }
    r.value += st.amount.value;
    ++r.parts;
    open_sum = Yuan{};
    open_items = 0;
  }
  r.value += open_sum;
  r.parts += open_items;
  return r;
}

}  // namespace jixiao::rules
