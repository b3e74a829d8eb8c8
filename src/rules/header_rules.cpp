// HEAD-*: the claims of the document's 绩效目标设置情况 paragraph against its forms.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/families.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kHead001{
    "HEAD-001", Severity::kError, "编报项目数与申报表数量不符",
    "header project count ≠ number of forms",
    "绩效目标设置情况所述“编报绩效目标的项目 N 个”应与所附申报表数量一致（算术）",
    "Counts the projects that have a 申报表/填报表 and compares with the header's project count. "
    "Silent when the document carries no form at all (budget disclosures that only print the "
    "narratives of the larger projects)."};
constexpr RuleInfo kHead002{
    "HEAD-002", Severity::kError, "涉及项目预算资金与申报表合计不符",
    "header total ≠ sum of the forms' annual requests",
    "“涉及项目预算资金 X 万元”是本年度项目预算，应等于各申报表年度资金申请总额之和，按万元两位"
    "小数取整（算术）",
    "Sums 年度资金申请总额 over all forms and compares with the header total within half a unit of "
    "its last printed digit (2 decimals: ±50 元). The sum of 项目资金总额 is shown as evidence and "
    "also accepted (documents whose projects are all single-year have equal sums). Silent when "
    "some form lacks both amounts."};

void check_head001(const ReviewContext& ctx, Reporter& r) {
  const Declaration& d = *ctx.declaration;
  if (!d.header.project_count.value) return;
  int forms = 0;
  for (const auto& p : d.projects) forms += p.has_form ? 1 : 0;
  if (forms == 0 || forms == *d.header.project_count.value) return;
  Finding& out = r.report(fmt::format("说明称编报绩效目标的项目 {} 个，文件中有 {} 张申报表",
                                      *d.header.project_count.value, forms));
  out.field = "header.project_count";
  out.evidence = {evidence("编报绩效目标的项目", std::to_string(*d.header.project_count.value), "个"),
                  evidence("申报表数量", std::to_string(forms), "张")};
  out.comparison = fmt::format("{} ≠ {}", *d.header.project_count.value, forms);
  add_span(out, d.header.project_count.span);
}

void check_head002(const ReviewContext& ctx, Reporter& r) {
  const Declaration& d = *ctx.declaration;
  if (!d.header.total_wan.value) return;
  auto claimed = Decimal::parse(*d.header.total_wan.value);
  if (!claimed) return;
  Yuan claim = Yuan::from_decimal(*claimed, kYuanPerWan);
  Yuan tol = Yuan::half_last_digit(*claimed, kYuanPerWan);
  Yuan annual_sum, total_sum;
  int forms = 0;
  bool annual_complete = true, total_complete = true;
  for (const auto& p : d.projects) {
    if (!p.has_form) continue;
    ++forms;
    auto a = form_amount(p.funds.annual_total), t = form_amount(p.funds.total);
    if (a) annual_sum += *a; else annual_complete = false;
    if (t) total_sum += *t; else total_complete = false;
  }
  if (forms == 0 || (!annual_complete && !total_complete)) return;
  if (annual_complete && within(claim, annual_sum, tol)) return;
  if (total_complete && within(claim, total_sum, tol)) return;
  Yuan reference = annual_complete ? annual_sum : total_sum;
  std::string message = fmt::format(
      "说明称涉及项目预算资金 {} 万元，{} 张申报表的年度资金申请总额合计 {} 万元（{}）",
      *d.header.total_wan.value, forms, reference.wan_text(), difference_label(claim, reference));
  if (is_magnitude_slip(claim, reference, tol)) message += "，疑似元与万元混淆";
  Finding& out = r.report(message);
  out.field = "header.total_wan";
  out.evidence = {evidence("涉及项目预算资金", *d.header.total_wan.value, "万元")};
  if (annual_complete) out.evidence.push_back(evidence("年度资金申请总额合计", annual_sum.wan_text(), "万元"));
  if (total_complete) out.evidence.push_back(evidence("项目资金总额合计", total_sum.wan_text(), "万元"));
  out.comparison = fmt::format("|{} − {}| > {} 万元（按说明所印位数取整）", claim.wan_text(),
                               reference.wan_text(), tol.wan_text());
  add_span(out, d.header.total_wan.span);
}

}  // namespace

void add_header_rules(std::vector<Rule>& out) {
  out.push_back({kHead001, nullptr, check_head001});
  out.push_back({kHead002, nullptr, check_head002});
}

}  // namespace jixiao::rules
