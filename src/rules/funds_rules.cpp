// FUND-*: the identities of the form's 项目资金（元） block.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/families.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kFund001{
    "FUND-001", Severity::kError, "项目资金总额与构成不符",
    "project total ≠ fiscal + other funds",
    "申报表填报口径：项目资金总额 = 其中财政资金 + 其他资金（算术）",
    "Checks 项目资金总额 = 财政资金 + 其他资金 exactly (fen). A blank 其他资金 counts as 0. "
    "Silent when 项目资金总额 or 财政资金 is blank."};
constexpr RuleInfo kFund002{
    "FUND-002", Severity::kError, "年度资金申请总额与构成不符",
    "annual request ≠ appropriation + carry-over + other",
    "申报表填报口径：年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金（算术）",
    "Checks 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 exactly. Blank 上年结转资金 "
    "and 其他资金 count as 0. Silent when 年度资金申请总额 or 当年财政拨款 is blank."};
constexpr RuleInfo kFund003{
    "FUND-003", Severity::kError, "年度资金申请总额超过项目资金总额",
    "annual request exceeds the project total",
    "年度资金是项目资金总额中当年申请的部分，不能大于总额（算术）",
    "Reports 年度资金申请总额 > 项目资金总额."};
constexpr RuleInfo kFund004{
    "FUND-004", Severity::kWarning, "单年度项目年度资金与项目资金总额不一致",
    "single-year project whose annual request differs from its total",
    "项目在一个预算年度内实施时，年度资金申请总额应等于项目资金总额（docs/domain-rules §4 第5条）",
    "When 计划开始日期 and 计划完成日期 fall in the same calendar year, 年度资金申请总额 should "
    "equal 项目资金总额."};
constexpr RuleInfo kFund005{
    "FUND-005", Severity::kWarning, "跨年度项目以项目资金总额作为年度申请",
    "multi-year project requests its whole budget in one year",
    "长期目标与年度目标混淆：全周期资金不应作为年度资金申报（docs/domain-rules §4 指标混淆）",
    "When the plan spans several calendar years but 年度资金申请总额 equals 项目资金总额, the "
    "whole-period budget is probably declared as the annual one."};

Yuan or_zero(const Field<Money>& f) { return form_amount(f).value_or(Yuan{}); }

std::string amount_or_blank(const Field<Money>& f) {
  return f.value ? Yuan::from_money(*f.value).yuan_text() : "（空，按 0 计）";
}

void check_fund001(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Funds& f = v.project->funds;
  auto total = form_amount(f.total), fiscal = form_amount(f.fiscal);
  if (!total || !fiscal) return;
  Yuan sum = *fiscal + or_zero(f.other);
  if (sum == *total) return;
  Finding& out = r.report(fmt::format("项目资金总额 {} 元不等于财政资金与其他资金之和 {} 元（{}）",
                                      total->yuan_text(), sum.yuan_text(),
                                      difference_label(*total, sum)));
  out.field = "funds_yuan.total";
  out.evidence = {evidence("项目资金总额", total->yuan_text(), "元"),
                  evidence("其中：财政资金", fiscal->yuan_text(), "元"),
                  evidence("其他资金", amount_or_blank(f.other), "元")};
  out.comparison = fmt::format("{} ≠ {} + {}", total->yuan_text(), fiscal->yuan_text(),
                               or_zero(f.other).yuan_text());
  add_span(out, f.total.span);
  add_span(out, f.fiscal.span);
  add_span(out, f.other.span);
}

void check_fund002(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Funds& f = v.project->funds;
  auto annual = form_amount(f.annual_total), current = form_amount(f.current_appropriation);
  if (!annual || !current) return;
  Yuan sum = *current + or_zero(f.carryover) + or_zero(f.annual_other);
  if (sum == *annual) return;
  Finding& out = r.report(fmt::format(
      "年度资金申请总额 {} 元不等于当年财政拨款、上年结转资金与其他资金之和 {} 元（{}）",
      annual->yuan_text(), sum.yuan_text(), difference_label(*annual, sum)));
  out.field = "funds_yuan.annual_total";
  out.evidence = {evidence("年度资金申请总额", annual->yuan_text(), "元"),
                  evidence("其中：当年财政拨款", current->yuan_text(), "元"),
                  evidence("上年结转资金", amount_or_blank(f.carryover), "元"),
                  evidence("其他资金", amount_or_blank(f.annual_other), "元")};
  out.comparison = fmt::format("{} ≠ {} + {} + {}", annual->yuan_text(), current->yuan_text(),
                               or_zero(f.carryover).yuan_text(), or_zero(f.annual_other).yuan_text());
  add_span(out, f.annual_total.span);
  add_span(out, f.current_appropriation.span);
  add_span(out, f.carryover.span);
  add_span(out, f.annual_other.span);
}

void check_fund003(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Funds& f = v.project->funds;
  auto total = form_amount(f.total), annual = form_amount(f.annual_total);
  if (!total || !annual || *annual <= *total) return;
  Finding& out = r.report(fmt::format("年度资金申请总额 {} 元大于项目资金总额 {} 元",
                                      annual->yuan_text(), total->yuan_text()));
  out.field = "funds_yuan.annual_total";
  out.evidence = {evidence("年度资金申请总额", annual->yuan_text(), "元"),
                  evidence("项目资金总额", total->yuan_text(), "元")};
  out.comparison = fmt::format("{} > {}", annual->yuan_text(), total->yuan_text());
  add_span(out, f.annual_total.span);
  add_span(out, f.total.span);
}

// Calendar years the plan spans, 0 when the dates are missing.
int plan_years(const Project& p) {
  if (!p.start.value || !p.end.value) return 0;
  return p.end.value->year - p.start.value->year + 1;
}

void check_fund004(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto total = form_amount(p.funds.total), annual = form_amount(p.funds.annual_total);
  if (!total || !annual || *total == *annual || plan_years(p) != 1) return;
  if (*annual > *total) return;  // FUND-003 reports it
  Finding& out = r.report(fmt::format(
      "项目计划在 {} 年内完成，但年度资金申请总额 {} 元与项目资金总额 {} 元不一致（{}）",
      p.start.value->year, annual->yuan_text(), total->yuan_text(), difference_label(*total, *annual)));
  out.field = "funds_yuan.annual_total";
  out.evidence = {evidence("计划开始日期", p.start.value->iso()),
                  evidence("计划完成日期", p.end.value->iso()),
                  evidence("项目资金总额", total->yuan_text(), "元"),
                  evidence("年度资金申请总额", annual->yuan_text(), "元")};
  out.comparison = fmt::format("{} ≠ {}", annual->yuan_text(), total->yuan_text());
  add_span(out, p.funds.annual_total.span);
  add_span(out, p.funds.total.span);
  add_span(out, p.start.span);
}

void check_fund005(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto total = form_amount(p.funds.total), annual = form_amount(p.funds.annual_total);
  if (!total || !annual || *total != *annual || plan_years(p) < 2 || total->pico() == 0) return;
  Finding& out = r.report(fmt::format(
      "项目计划 {} 至 {}，跨 {} 个年度，但年度资金申请总额等于项目资金总额 {} 元：全周期资金是否"
      "被作为年度资金申报？",
      p.start.value->iso(), p.end.value->iso(), plan_years(p), total->yuan_text()));
  out.field = "funds_yuan.annual_total";
  out.evidence = {evidence("计划开始日期", p.start.value->iso()),
                  evidence("计划完成日期", p.end.value->iso()),
                  evidence("项目资金总额", total->yuan_text(), "元"),
                  evidence("年度资金申请总额", annual->yuan_text(), "元")};
  out.comparison = fmt::format("{} = {}", annual->yuan_text(), total->yuan_text());
  add_span(out, p.funds.annual_total.span);
  add_span(out, p.start.span);
}

}  // namespace

void add_funds_rules(std::vector<Rule>& out) {
  out.push_back({kFund001, check_fund001, nullptr});
  out.push_back({kFund002, check_fund002, nullptr});
  out.push_back({kFund003, check_fund003, nullptr});
  out.push_back({kFund004, check_fund004, nullptr});
  out.push_back({kFund005, check_fund005, nullptr});
}

}  // namespace jixiao::rules
