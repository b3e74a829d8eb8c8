#include "rules/common.h"

#include <cmath>

#include <cstdio>

namespace jixiao::rules {

std::optional<Yuan> form_amount(const Field<Money>& f) {
  if (!f.value) return std::nullopt;
  return Yuan::from_money(*f.value);
}

FormBudget form_budget(const Project& p) {
  FormBudget fb;
  fb.total = form_amount(p.funds.total);
  fb.annual = form_amount(p.funds.annual_total);
  fb.total_span = p.funds.total.span;
  fb.annual_span = p.funds.annual_total.span;
  return fb;
}

bool matches_form(Yuan stated, Yuan tolerance, const FormBudget& fb) {
  return (fb.total && within(stated, *fb.total, tolerance)) ||
         (fb.annual && within(stated, *fb.annual, tolerance));
}

std::optional<Yuan> closest_form_amount(Yuan stated, const FormBudget& fb) {
  if (fb.total && fb.annual)
    return (*fb.annual - stated).abs() < (*fb.total - stated).abs() ? fb.annual : fb.total;
  return fb.total ? fb.total : fb.annual;
}

bool is_form_rounding(Yuan stated, Yuan form, Money rounding) {
  if (rounding.fen() <= 0) return false;
  Yuan unit = Yuan::from_money(rounding);
  if (form.pico() % unit.pico() != 0) return false;
  return (form - stated).abs() < unit;
}

std::string yuan_label(Yuan y) { return y.yuan_text() + " 元"; }
std::string wan_label(Yuan y) { return y.wan_text() + " 万元"; }

std::string difference_label(Yuan a, Yuan b) {
  Yuan d = (a - b).abs();
  if (d >= Yuan::from_money(Money::from_fen(10000 * 100))) return "差 " + d.wan_text() + " 万元";
  std::string text = d.yuan_text();
  // "31.00" → "31"
  if (text.size() > 3 && text.substr(text.size() - 3) == ".00") text.resize(text.size() - 3);
  return "差 " + text + " 元";
}

SourceSpan section_span(const Project& p, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= p.sections.size()) return {};
  return p.sections[static_cast<std::size_t>(index)].span;
}

std::string section_label(const Project& p, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= p.sections.size()) return "说明";
  const auto& s = p.sections[static_cast<std::size_t>(index)];
  std::string label;
  if (!s.sub_project.empty()) label += "（" + s.sub_project + "）";
  label += s.number.empty() ? s.heading : s.number + "、" + s.heading;
  return label;
}

std::string percent_label(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
  return buf;
}

}  // namespace jixiao::rules
