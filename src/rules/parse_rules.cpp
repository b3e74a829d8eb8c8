// PARSE-*: what the parser could not read. The review cannot check a field it does not have;
// saying so is better than silence.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/families.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kParse001{
    "PARSE-001", Severity::kWarning, "部分内容无法识别，未能审核",
    "fields that could not be read were not reviewed",
    "审核须基于可确认的原文；无法识别的字段不猜测（jixiao 输入约定）",
    "Lists the fields the parser marked unreadable (with their lines), once per project and once "
    "for the document header, so that the reviewer checks them by hand."};

void check_parse001_document(const ReviewContext& ctx, Reporter& r) {
  const Declaration& d = *ctx.declaration;
  if (d.unreadable.empty()) return;
  Finding& f = r.report(fmt::format("文件有 {} 处内容无法识别（如 {}），相关规则未能审核", d.unreadable.size(),
                                    d.unreadable.front().field));
  for (const auto& u : d.unreadable) {
    f.evidence.push_back(evidence(u.field, u.reason));
    add_span(f, u.span);
  }
  f.field = d.unreadable.front().field;
}

void check_parse001_projects(const ReviewContext& ctx, Reporter& r) {
  for (const auto& v : ctx.projects) {
    const Project& p = *v.project;
    if (p.unreadable.empty()) continue;
    Finding& f = r.report(fmt::format("{} 处内容无法识别（如 {}），相关规则未能审核", p.unreadable.size(),
                                      p.unreadable.front().field), v);
    for (const auto& u : p.unreadable) {
      f.evidence.push_back(evidence(u.field, u.reason));
      add_span(f, u.span);
    }
    f.field = p.unreadable.front().field;
  }
}

void check_parse001(const ReviewContext& ctx, Reporter& r) {
  check_parse001_document(ctx, r);
  check_parse001_projects(ctx, r);
}

}  // namespace

void add_parse_rules(std::vector<Rule>& out) { out.push_back({kParse001, nullptr, check_parse001}); }

}  // namespace jixiao::rules
