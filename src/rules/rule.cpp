#include "rules/rule.h"

namespace jixiao::rules {

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
