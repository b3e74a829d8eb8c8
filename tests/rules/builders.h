// Small builders for hand-made declarations in rule tests: every test states the few fields its
// rule reads; everything else stays blank.
#pragma once

#include <string>
#include <vector>

#include "model/declaration.h"
#include "rules/review.h"

namespace jixiao::testing {

inline SourceSpan lines(int first, int last = 0) { return SourceSpan{first, last ? last : first, {}}; }

inline Field<Money> yuan(const std::string& amount, int line = 0) {
  return Field<Money>{Money::parse_yuan(amount), line ? lines(line) : SourceSpan{}};
}

inline Field<std::string> text(const std::string& value, int line = 0) {
  return Field<std::string>{value, line ? lines(line) : SourceSpan{}};
}

inline Field<Date> date(const std::string& iso, int line = 0) {
  return Field<Date>{Date::parse(iso), line ? lines(line) : SourceSpan{}};
}

// A project with a form: name, a one-year plan in `year`, and the given total/annual amount
// (fiscal = total, current appropriation = annual, others 0).
inline Project form_project(int seq, const std::string& name, const std::string& total_yuan,
                            int year = 2024) {
  Project p;
  p.seq = seq;
  p.has_form = true;
  p.name = text(name, 100 * seq);
  p.start = date(std::to_string(year) + "-01-01", 100 * seq + 1);
  p.end = date(std::to_string(year) + "-12-31", 100 * seq + 1);
  p.funds.total = yuan(total_yuan, 100 * seq + 2);
  p.funds.fiscal = yuan(total_yuan, 100 * seq + 3);
  p.funds.other = yuan("0", 100 * seq + 4);
  p.funds.annual_total = yuan(total_yuan, 100 * seq + 2);
  p.funds.current_appropriation = yuan(total_yuan, 100 * seq + 3);
  p.funds.carryover = yuan("0", 100 * seq + 4);
  p.funds.annual_other = yuan("0", 100 * seq + 4);
  p.span = lines(100 * seq, 100 * seq + 99);
  return p;
}

inline Indicator indicator(const std::string& l1, const std::string& l2, const std::string& name,
                           const std::string& value, int line = 0) {
  Indicator i;
  i.l1 = l1;
  i.l2 = l2;
  i.name = name;
  i.value = value;
  i.target = Target::parse(value);
  if (line) i.span = lines(line);
  return i;
}

// A complete, unremarkable indicator table (成本, 产出 数量/质量/时效, 效益, 满意度), all
// quantitative, so that framework rules stay silent unless a test changes it.
inline std::vector<Indicator> complete_indicators(int first_line = 50) {
  return {indicator("成本指标", "经济成本指标", "培训成本控制", "≤100.00(万元)", first_line),
          indicator("产出指标", "数量指标", "培训场次", "≥4.00(场)", first_line + 1),
          indicator("产出指标", "质量指标", "培训合格率", "≥95.00(%)", first_line + 2),
          indicator("产出指标", "时效指标", "完成时限", "≤12.00(月)", first_line + 3),
          indicator("效益指标", "社会效益指标", "参训人员覆盖率", "≥90.00(%)", first_line + 4),
          indicator("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90.00(%)", first_line + 5)};
}

inline NarrativeSection section(const std::string& number, const std::string& heading,
                                const std::string& body, int first_line = 0, int last_line = 0,
                                const std::string& sub_project = "") {
  NarrativeSection s;
  s.number = number;
  s.heading = heading;
  s.text = body;
  s.sub_project = sub_project;
  if (first_line) s.span = lines(first_line, last_line ? last_line : first_line);
  return s;
}

inline LineItem item(const std::string& name, const std::string& quantity, const std::string& quantity_unit,
                     const std::string& price, const std::string& price_unit, const std::string& amount,
                     const std::string& amount_unit, int line = 0, const std::string& sub_project = "") {
  LineItem li;
  li.name = name;
  li.quantity = quantity;
  li.quantity_unit = quantity_unit;
  li.unit_price = price;
  li.unit_price_unit = price_unit;
  li.amount = amount;
  li.amount_unit = amount_unit;
  li.sub_project = sub_project;
  if (line) li.span = lines(line);
  return li;
}

inline Declaration declaration(std::vector<Project> projects, int year = 2024) {
  Declaration d;
  d.source = "test.txt";
  d.year = Field<int>{year, lines(2)};
  d.projects = std::move(projects);
  return d;
}

// The findings of one rule.
inline std::vector<Finding> findings_of(const Declaration& d, const std::string& code,
                                        const ReviewOptions& options = {}) {
  std::vector<Finding> out;
  for (auto& f : review(d, options))
    if (f.rule == code) out.push_back(f);
  return out;
}

// Whether any span of `f` covers line `line`.
inline bool covers_line(const Finding& f, int line) {
  for (const auto& s : f.spans)
    if (!s.empty() && s.first_line <= line && line <= s.last_line) return true;
  return false;
}

}  // namespace jixiao::testing
