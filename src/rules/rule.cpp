#include "rules/rule.h"

#include <algorithm>
#include <string>

#include "rules/text_util.h"

namespace jixiao::rules {

IndicatorLabels IndicatorLabels::of(const Project& p, std::size_t k) {
  const Indicator& i = p.indicators[k];
  IndicatorLabels l;
  l.level1 = level1_of(i.l1);
  l.l2_core = level2_core(i.l2);
  l.cost_under_output = l.level1 == Level1::kOutput && l.l2_core == "成本";
  l.cost = l.level1 == Level1::kCost || l.cost_under_output;
  l.name = compact(i.name);
  l.value = compact(i.value);
  l.unit = compact(i.target.unit);
  std::string prefix = "indicators[" + std::to_string(k) + "]";
  l.unreadable = std::any_of(p.unreadable.begin(), p.unreadable.end(),
                             [&](const Unreadable& u) { return u.field.rfind(prefix, 0) == 0; });
  return l;
}

ProjectView ProjectView::of(const Project& p, std::string display_name) {
  ProjectView v;
  v.project = &p;
  v.facts = extract_text_facts(p);
  v.narrative_bigrams = BigramSet::of(v.facts.narrative_text);
  v.display_name = std::move(display_name);
  v.indicators.reserve(p.indicators.size());
  for (std::size_t k = 0; k < p.indicators.size(); ++k) v.indicators.push_back(IndicatorLabels::of(p, k));
  v.table_readable = rules::table_readable(p);
  return v;
}

int ReviewContext::budget_year() const {
  return declaration && declaration->year.value ? *declaration->year.value : 0;
}

Finding& Reporter::report(std::string message) {
  Finding f;
  f.rule = std::string(info_.code);
  f.severity = info_.severity;
  if (project_) {
    f.project_seq = project_->project->seq;
    f.project_name = project_->display_name;
  }
  f.message = std::move(message);
  out_.push_back(std::move(f));
  return out_.back();
}

Finding& Reporter::report(std::string message, const ProjectView& project) {
  Finding& f = report(std::move(message));
  f.project_seq = project.project->seq;
  f.project_name = project.display_name;
  return f;
}

Evidence evidence(std::string label, std::string value, std::string unit) {
  return Evidence{std::move(label), std::move(value), std::move(unit)};
}

void add_span(Finding& f, const SourceSpan& span) {
  if (span.empty()) return;
  for (const auto& s : f.spans)
    if (s == span) return;
  f.spans.push_back(span);
}

}  // namespace jixiao::rules
