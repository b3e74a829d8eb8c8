// FRAME-*: the indicator framework of 财预〔2021〕101号 and Shanghai practice: which level-1 and
// level-2 categories a form must have, and where an indicator belongs.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "rules/common.h"
#include "rules/families.h"
#include "rules/indicator_kinds.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kFrame001{
    "FRAME-001", Severity::kError, "缺少产出指标或效益指标",
    "no 产出 or no 效益 indicators",
    "中发〔2018〕34号：绩效目标要反映产出、效益…；101号一级指标含产出、效益",
    "A form with indicators must have at least one 产出指标 and one 效益指标. Like every FRAME rule "
    "about the table as a whole, silent unless the table was read whole (no unreadable row, every "
    "row with its 一级/二级/三级 names): a category may hide in what could not be read. Silent "
    "for projects without a form (narrative-only disclosures)."};
constexpr RuleInfo kFrame002{
    "FRAME-002", Severity::kError, "缺少成本指标（2025年起必填）",
    "no cost indicator (required from budget year 2025)",
    "《上海市市级部门项目支出核心绩效目标和指标设置及取值指引（试行）》（2025）：原则上每个项目均"
    "须设置成本指标；101号一级指标“成本”",
    "From the budget year set in the options (2025, Shanghai) a form must have a 成本指标 — as "
    "level-1, or in the older form as level-2 under 产出指标."};
constexpr RuleInfo kFrame003{
    "FRAME-003", Severity::kWarning, "缺少成本指标",
    "no cost indicator (before it became mandatory)",
    "中发〔2018〕34号要求绩效目标反映成本；上海2025年起必填，此前为提醒",
    "Before the mandatory year a form without any 成本指标 gets a warning."};
constexpr RuleInfo kFrame004{
    "FRAME-004", Severity::kWarning, "缺少满意度指标",
    "no satisfaction indicator",
    "中发〔2018〕34号：服务对象满意度指标；101号一级指标“满意度”",
    "A form with indicators but no 满意度指标. A warning: 10号 lets the satisfaction weight move "
    "to 效益 when it does not apply."};
constexpr RuleInfo kFrame005{
    "FRAME-005", Severity::kWarning, "二级指标与一级指标不匹配",
    "level-2 name not allowed under its level-1",
    "101号指标体系：成本—经济/社会/生态环境成本；产出—数量/质量/时效；效益—经济/社会/生态效益"
    "（及可持续影响）；满意度—服务对象满意度",
    "Each indicator's level-2 must be one of the names allowed under its level-1 (可持续影响 is "
    "accepted under 效益). The older 产出→成本 variant is FRAME-006, not this rule."};
constexpr RuleInfo kFrame006{
    "FRAME-006", Severity::kAdvice, "成本指标列在产出指标下（旧版表式）",
    "cost filed under 产出 (older form variant)",
    "101号与上海2025指引将“成本指标”设为一级指标，下设经济成本、社会成本、生态环境成本",
    "The form files its cost indicators as a level-2 “成本指标” under 产出指标, as pre-2021 forms "
    "did. Recognised (counted as cost indicators) and advised to move to level-1."};
constexpr RuleInfo kFrame007{
    "FRAME-007", Severity::kWarning, "产出指标缺少数量指标",
    "产出 without a 数量 indicator",
    "101号：产出指标下设数量、质量、时效指标；docs/domain-rules §4 完整性",
    "A form whose 产出指标 has no 数量指标."};
constexpr RuleInfo kFrame008{
    "FRAME-008", Severity::kWarning, "产出指标缺少质量或时效指标",
    "产出 with neither 质量 nor 时效",
    "101号：产出指标下设数量、质量、时效指标；docs/domain-rules §4 完整性",
    "A form whose 产出指标 has neither a 质量指标 nor a 时效指标."};
constexpr RuleInfo kFrame009{
    "FRAME-009", Severity::kError, "申报表没有绩效指标",
    "a form without any indicator",
    "中发〔2018〕34号、88号：绩效目标须通过绩效指标细化量化",
    "A project with a form but no indicator row (and no unreadable indicator table)."};
constexpr RuleInfo kFrame010{
    "FRAME-010", Severity::kWarning, "项目总目标或年度总体目标为空",
    "empty overall or annual goal",
    "88号“完整性”：绩效目标内容完整；申报表须填项目总目标与年度总体目标",
    "A form whose 项目总目标 or 年度总体目标 is blank (not merely unreadable)."};
constexpr RuleInfo kFrame011{
    "FRAME-011", Severity::kWarning, "满意度指标列在效益或产出指标下",
    "a satisfaction indicator filed under 效益/产出",
    "101号（据docs/domain-rules §1.3、§4）：不得以满意度指标代替效益指标",
    "An indicator named …满意度/满意率 whose level-1 is not 满意度指标."};
constexpr RuleInfo kFrame012{
    "FRAME-012", Severity::kAdvice, "质量类指标列在效益指标下",
    "a quality rate filed under 效益",
    "质量指标与效益指标混淆（docs/domain-rules §4，如设备合格率属质量）",
    "An indicator named like a quality measure (合格率, 准确率, 通过率, 验收合格, 准确性 …) under "
    "效益指标; it usually belongs to 产出—质量指标."};

struct Presence {
  bool cost = false, output = false, effect = false, satisfaction = false;
  bool quantity = false, quality_or_time = false;
  bool cost_under_output = false;
};

Presence presence(const ProjectView& v) {
  Presence pr;
  for (const IndicatorLabels& i : v.indicators) {
    Level1 l = i.level1;
    bool cost_under_output = i.cost_under_output;
    pr.cost = pr.cost || l == Level1::kCost || cost_under_output;
    pr.cost_under_output = pr.cost_under_output || cost_under_output;
    pr.output = pr.output || (l == Level1::kOutput && !cost_under_output);
    pr.effect = pr.effect || l == Level1::kEffect;
    pr.satisfaction = pr.satisfaction || l == Level1::kSatisfaction;
    if (l == Level1::kOutput) {
      pr.quantity = pr.quantity || i.l2_core == "数量";
      pr.quality_or_time = pr.quality_or_time || i.l2_core == "质量" || i.l2_core == "时效";
    }
  }
  return pr;
}

bool indicators_unreadable(const Project& p) {
  return std::any_of(p.unreadable.begin(), p.unreadable.end(),
                     [](const Unreadable& u) { return u.field.rfind("indicators", 0) == 0; });
}

// Rules about the indicator table run only on forms that have indicators.
// Rules about the table as a whole run only on a table that was read whole.
bool reviewable(const ProjectView& v) { return v.table_readable; }

SourceSpan indicators_span(const Project& p) {
  SourceSpan s;
  for (const Indicator& i : p.indicators) s = s.empty() ? i.span : s.merged(i.span);
  return s;
}

std::string present_list(const Presence& pr) {
  std::vector<std::string> names;
  if (pr.cost) names.push_back("成本");
  if (pr.output) names.push_back("产出");
  if (pr.effect) names.push_back("效益");
  if (pr.satisfaction) names.push_back("满意度");
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "、") + n;
  return out.empty() ? "无" : out;
}

void check_frame001(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  Presence pr = presence(v);
  std::vector<std::string> missing;
  if (!pr.output) missing.push_back("产出指标");
  if (!pr.effect) missing.push_back("效益指标");
  if (missing.empty()) return;
  std::string m = missing.size() == 2 ? "产出指标和效益指标" : missing[0];
  Finding& f = r.report(fmt::format("绩效指标表没有{}", m));
  f.field = "indicators";
  f.evidence = {evidence("已有一级指标", present_list(pr)),
                evidence("指标数", std::to_string(p.indicators.size()), "项")};
  add_span(f, indicators_span(p));
}

void check_cost_presence(const ReviewContext& ctx, const ProjectView& v, Reporter& r, bool mandatory) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  int year = ctx.budget_year();
  if (year == 0) return;
  bool required = year >= ctx.options->cost_indicator_required_from_year;
  if (required != mandatory || presence(v).cost) return;
  Finding& f = r.report(
      mandatory ? fmt::format("{} 年度起每个项目原则上须设置成本指标，本表没有成本指标", ctx.options->cost_indicator_required_from_year)
                : fmt::format("绩效指标表没有成本指标（上海自 {} 年度起必填）", ctx.options->cost_indicator_required_from_year));
  f.field = "indicators";
  f.evidence = {evidence("预算年度", std::to_string(year)), evidence("已有一级指标", present_list(presence(v)))};
  add_span(f, indicators_span(p));
}

void check_frame002(const ReviewContext& c, const ProjectView& v, Reporter& r) { check_cost_presence(c, v, r, true); }
void check_frame003(const ReviewContext& c, const ProjectView& v, Reporter& r) { check_cost_presence(c, v, r, false); }

void check_frame004(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v) || presence(v).satisfaction) return;
  Finding& f = r.report("绩效指标表没有满意度指标");
  f.field = "indicators";
  f.evidence = {evidence("已有一级指标", present_list(presence(v)))};
  add_span(f, indicators_span(p));
}

void check_frame005(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    Level1 l = v.indicators[k].level1;
    const std::string& core = v.indicators[k].l2_core;
    if (v.indicators[k].cost_under_output) continue;
    const auto& allowed = allowed_level2(l);
    if (l != Level1::kUnknown && std::find(allowed.begin(), allowed.end(), core) != allowed.end()) continue;
    if (!seen.insert({i.l1, i.l2}).second) continue;  // one finding per category pair
    Level1 home = home_of_level2(core);
    std::string where = home == Level1::kUnknown
                            ? "不是规范的二级指标名称"
                            : fmt::format("应属于{}", level1_name(home));
    std::string allowed_text;
    for (const auto& a : allowed) allowed_text += (allowed_text.empty() ? "" : "、") + a + "指标";
    Finding& f = r.report(fmt::format("一级指标“{}”下的二级指标“{}”{}", i.l1.empty() ? "（空）" : i.l1,
                                      i.l2.empty() ? "（空）" : i.l2, where));
    f.field = fmt::format("indicators[{}].l2", k);
    f.evidence = {evidence("一级指标", i.l1), evidence("二级指标", i.l2),
                  evidence("该一级指标下允许", allowed_text.empty() ? "（一级指标名称不规范）" : allowed_text)};
    add_span(f, i.span);
  }
}

void check_frame006(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v) || !presence(v).cost_under_output) return;
  int n = 0;
  SourceSpan span;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!v.indicators[k].cost_under_output) continue;
    ++n;
    span = span.empty() ? i.span : span.merged(i.span);
  }
  Finding& f = r.report(fmt::format("{} 项成本指标列在“产出指标—成本指标”下（旧版表式），建议按 101 号"
                                    "及上海 2025 年指引设为一级“成本指标—经济成本指标”",
                                    n));
  f.field = "indicators";
  f.evidence = {evidence("产出指标下的成本指标", std::to_string(n), "项")};
  add_span(f, span);
}

void check_output_parts(const ProjectView& v, Reporter& r, bool quantity) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  Presence pr = presence(v);
  if (!pr.output) return;  // FRAME-001
  if (quantity ? pr.quantity : pr.quality_or_time) return;
  SourceSpan span;
  std::string present;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (v.indicators[k].level1 != Level1::kOutput) continue;
    span = span.empty() ? i.span : span.merged(i.span);
    std::string core = v.indicators[k].l2_core + "指标";
    if (!contains(present, core)) present += (present.empty() ? "" : "、") + core;
  }
  Finding& f = r.report(quantity ? "产出指标下没有数量指标" : "产出指标下既没有质量指标也没有时效指标");
  f.field = "indicators";
  f.evidence = {evidence("产出指标下已有", present)};
  add_span(f, span);
}

void check_frame007(const ReviewContext&, const ProjectView& v, Reporter& r) { check_output_parts(v, r, true); }
void check_frame008(const ReviewContext&, const ProjectView& v, Reporter& r) { check_output_parts(v, r, false); }

void check_frame009(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!p.has_form || !p.indicators.empty() || indicators_unreadable(p)) return;
  Finding& f = r.report("申报表没有任何绩效指标");
  f.field = "indicators";
  add_span(f, p.name.span.empty() ? p.span : p.name.span);
}

bool unreadable_field(const Project& p, std::string_view field) {
  return std::any_of(p.unreadable.begin(), p.unreadable.end(),
                     [&](const Unreadable& u) { return u.field == field; });
}

void check_frame010(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!p.has_form) return;
  auto blank = [&](const Field<std::string>& g, std::string_view field) {
    return (!g.value || compact(*g.value).empty()) && !unreadable_field(p, field);
  };
  bool overall = blank(p.overall_goal, "overall_goal"), annual = blank(p.annual_goal, "annual_goal");
  if (!overall && !annual) return;
  std::string which = overall && annual ? "项目总目标和年度总体目标" : overall ? "项目总目标" : "年度总体目标";
  Finding& f = r.report(fmt::format("申报表的{}为空", which));
  f.field = overall ? "overall_goal" : "annual_goal";
  add_span(f, overall ? p.overall_goal.span : p.annual_goal.span);
  if (f.spans.empty()) add_span(f, p.name.span);
}

void check_frame011(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    Level1 l = v.indicators[k].level1;
    if (l == Level1::kSatisfaction || l == Level1::kUnknown || !names_satisfaction(i.name)) continue;
    Finding& f = r.report(fmt::format("满意度类指标“{}”列在{}—{}下，应列入满意度指标", i.name, i.l1, i.l2));
    f.field = fmt::format("indicators[{}]", k);
    f.evidence = {evidence("指标", i.name + " " + i.value), evidence("所在类别", i.l1 + "—" + i.l2)};
    add_span(f, i.span);
  }
}

void check_frame012(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (v.indicators[k].level1 != Level1::kEffect || !names_quality_rate(i.name)) continue;
    Finding& f = r.report(fmt::format("质量类指标“{}”列在{}—{}下，通常属于产出指标—质量指标", i.name,
                                      i.l1, i.l2));
    f.field = fmt::format("indicators[{}]", k);
    f.evidence = {evidence("指标", i.name + " " + i.value), evidence("所在类别", i.l1 + "—" + i.l2)};
    add_span(f, i.span);
  }
}

}  // namespace

void add_framework_rules(std::vector<Rule>& out) {
  out.push_back({kFrame001, check_frame001, nullptr});
  out.push_back({kFrame002, check_frame002, nullptr});
  out.push_back({kFrame003, check_frame003, nullptr});
  out.push_back({kFrame004, check_frame004, nullptr});
  out.push_back({kFrame005, check_frame005, nullptr});
  out.push_back({kFrame006, check_frame006, nullptr});
  out.push_back({kFrame007, check_frame007, nullptr});
  out.push_back({kFrame008, check_frame008, nullptr});
  out.push_back({kFrame009, check_frame009, nullptr});
  out.push_back({kFrame010, check_frame010, nullptr});
  out.push_back({kFrame011, check_frame011, nullptr});
  out.push_back({kFrame012, check_frame012, nullptr});
}

}  // namespace jixiao::rules
