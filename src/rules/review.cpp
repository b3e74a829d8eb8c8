#include "rules/review.h"

#include <algorithm>

#include "rules/registry.h"
#include "rules/rule.h"

namespace jixiao {
namespace {

std::string display_name(const Project& p) {
  if (p.name.value && !p.name.value->empty()) return *p.name.value;
  if (p.narrative_title.value && !p.narrative_title.value->empty()) return *p.narrative_title.value;
  return "项目" + std::to_string(p.seq);
}

bool disabled(const ReviewOptions& o, std::string_view code) {
  return std::find(o.disabled_rules.begin(), o.disabled_rules.end(), code) !=
         o.disabled_rules.end();
}

}  // namespace

std::vector<Finding> review(const Declaration& d, const ReviewOptions& options) {
  rules::ReviewContext ctx;
  ctx.declaration = &d;
  ctx.options = &options;
  ctx.projects.reserve(d.projects.size());
  for (const auto& p : d.projects) {
    ctx.projects.push_back(rules::ProjectView::of(p, display_name(p)));
  }

  std::vector<Finding> findings;
  for (const auto& rule : rules::all_rules()) {
    if (rule.info.severity < options.min_severity || disabled(options, rule.info.code)) continue;
    if (rule.document_check) {
      rules::Reporter reporter(rule.info, nullptr, findings);
      rule.document_check(ctx, reporter);
    } else if (rule.project_check) {
      for (const auto& view : ctx.projects) {
        rules::Reporter reporter(rule.info, &view, findings);
        rule.project_check(ctx, view, reporter);
      }
    }
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.project_seq != b.project_seq) return a.project_seq < b.project_seq;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.rule < b.rule;
  });
  return findings;
}

}  // namespace jixiao
