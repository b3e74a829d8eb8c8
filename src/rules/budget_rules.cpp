// BUDG-*: the budget the narrative states and itemises against the form's amounts.
#include <fmt/format.h>

#include <algorithm>

#include "rules/budget_view.h"
#include "rules/families.h"
#include "rules/indicator_kinds.h"
#include "rules/text_util.h"
#include "rules/line_items.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kBudg001{
    "BUDG-001", Severity::kError, "说明所述预算与申报表金额不符",
    "narrative budget ≠ form amount",
    "88号“适当性”：资金与目标相匹配，说明与申报表应一致；算术（万元→元，按所印位数取整）",
    "Compares the budget the narrative states (项目概述 “预算资金约 X 万元”) with the form's "
    "项目资金总额 and 年度资金申请总额; it matches either within half a unit of its last printed "
    "digit. Differences explained by rounding to 100 元 are left to BUDG-004, a factor of 10,000 to "
    "CONS-009."};
constexpr RuleInfo kBudg002{
    "BUDG-002", Severity::kError, "说明中另述的项目总预算与申报表不符",
    "another project total stated in the narrative ≠ form amount",
    "说明内部及与申报表应一致（算术）",
    "Other statements of the whole project's budget in sections outside sub-projects (“该项目总预算"
    "为 X 万元”, “预算资金总额约为 X 万”) whose value differs from the narrative budget are compared "
    "with the form like BUDG-001. The evidence adds the sum of the amounts the same section lists."};
constexpr RuleInfo kBudg003{
    "BUDG-003", Severity::kError, "预算明细合计与所述总额不符",
    "line items do not add up to the stated total",
    "年度预算安排的明细应与项目、子项目金额及合计行一致（算术）",
    "Sums the budget table's line items (units from the row, else the unit the other rows use, "
    "else the reading that matches the form's magnitude) and compares: the whole project's items "
    "with the form and the narrative budget; a sub-project's items with its stated budget; a "
    "合计 row with the rows before it. When the items cover less than 75% or more than 133% of "
    "the reference the table is taken to be partial (multi-year columns, prose items) and the rule "
    "stays silent. When sub-projects state their budgets, items are compared per sub-project only."};
constexpr RuleInfo kBudg004{
    "BUDG-004", Severity::kAdvice, "申报表金额为测算金额取整",
    "form amount is the measured amount rounded",
    "算术：申报表金额与说明测算金额差额小于取整单位（默认 100 元）",
    "When the narrative's measured amount (stated budget, line-item sum or a 总计) differs from "
    "the form only by rounding to the form's rounding unit (default 100 元), the difference is "
    "shown as advice instead of an error."};
constexpr RuleInfo kBudg005{
    "BUDG-005", Severity::kWarning, "说明中分项金额与其合计不符",
    "amounts listed in the narrative do not add up to the total it states",
    "说明内部算术一致（算术）",
    "Reads the amounts of a 年度预算安排 section in order (prices, 人均, 每份 and parenthesised "
    "remarks left out): a 共/合计/总计 must equal the two or more items before it, and a budget the "
    "section announces first must equal what the section then lists (two or more parts). A "
    "project-level announced total that already differs from the form is left to BUDG-002."};
constexpr RuleInfo kBudg007{
    "BUDG-007", Severity::kWarning, "申请金额高于中标（合同）金额",
    "the amount requested exceeds the contract it pays",
    "88号“适当性”：资金与实际需要相匹配；预算不应超过已确定的合同价（算术）",
    "In one narrative section, an amount introduced as the request (申请金额, 拟申请) that is larger "
    "than an amount introduced as the contract (中标金额, 合同金额, 成交金额) beyond the rounding "
    "of both figures. A warning: the text may explain the difference, which the reviewer judges."};
constexpr RuleInfo kBudg008{
    "BUDG-008", Severity::kWarning, "数量指标与预算测算数量不符",
    "a quantity target above the quantities the budget provides",
    "88号“适当性”：目标与资金相匹配（产出数量应有预算支撑）",
    "A 数量指标 (≥/=/>) in a unit that the budget rows also count (人, 次, 份 …) whose target exceeds "
    "the sum of those rows' quantities, while the same figure is the quantity of another row in "
    "another unit (接待人员 ≥5000 人 against meals for 2000 + 1000 people and 租车 5000 公里)."};
constexpr RuleInfo kBudg006{
    "BUDG-006", Severity::kError, "子项目预算合计与申报表不符",
    "sub-project budgets do not add up to the form amount",
    "子项目预算之和应等于项目资金（算术）",
    "When every sub-project (（一）、（二）…) states its budget, their sum is compared with the "
    "form's 项目资金总额 / 年度资金申请总额 within the rounding of the stated figures."};

Yuan tol_of(const ReviewOptions& o) { return Yuan::from_money(o.arithmetic_tolerance); }

void add_form_evidence(Finding& f, const FormBudget& fb) {
  if (fb.total) f.evidence.push_back(evidence("项目资金总额", fb.total->yuan_text(), "元"));
  if (fb.annual && (!fb.total || *fb.annual != *fb.total))
    f.evidence.push_back(evidence("年度资金申请总额", fb.annual->yuan_text(), "元"));
  add_span(f, fb.total_span);
  if (fb.annual && (!fb.total || *fb.annual != *fb.total)) add_span(f, fb.annual_span);
}

// The narrative's own itemisation of the whole project, for evidence: the structured line items
// when there are any, else the amounts listed in the project-level budget section.
struct Itemisation {
  Yuan value;
  int parts = 0;
  std::string label;
};
std::optional<Itemisation> project_itemisation(const ProjectView& v, const ReviewOptions& o) {
  const Project& p = *v.project;
  auto items = items_of(p, "", true);
  if (!items.empty() && p.sub_projects.empty()) {
    if (auto s = sum_items(p, items, assumed_amount_unit(p)))
      return Itemisation{s->value, s->count, "预算明细合计"};
  }
  for (const auto& list : v.facts.budget_lists) {
    if (!list.project_level) continue;
    ListReading r = read_list(list, o);
    if (r.parts >= 2) return Itemisation{r.value, r.parts, "年度预算安排所列金额合计"};
  }
  return std::nullopt;
}

// "项目资金总额 151,225,380.00 元、年度资金申请总额 10,016,960.00 元" (one amount when equal).
std::string form_amounts_phrase(const FormBudget& fb) {
  std::string out;
  if (fb.total) out += "项目资金总额 " + yuan_label(*fb.total);
  if (fb.annual && (!fb.total || *fb.annual != *fb.total))
    out += std::string(out.empty() ? "" : "、") + "年度资金申请总额 " + yuan_label(*fb.annual);
  return out;
}

std::string form_amounts_wan(const FormBudget& fb) {
  if (fb.total && fb.annual && *fb.total != *fb.annual)
    return fb.total->wan_text() + " 万元、" + fb.annual->wan_text() + " 万元";
  return (fb.total ? *fb.total : *fb.annual).wan_text() + " 万元";
}

// "差 30 万元" against the nearest form amount.
std::string match_phrase(const FormBudget& fb, Yuan stated) {
  auto closest = closest_form_amount(stated, fb);
  if (!closest) return "";
  return difference_label(stated, *closest);
}

void check_budg007(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (const TextAmount& request : v.facts.requested_amounts) {
    for (const TextAmount& contract : v.facts.contract_amounts) {
      if (contract.section != request.section) continue;
      Yuan tol = request.tolerance + contract.tolerance + tol_of(*ctx.options);
      if (request.value <= contract.value + tol) continue;
      Finding& f = r.report(fmt::format("{}：申请金额 {} 高于中标（合同）金额 {}（{}）", section_label(p, request.section),
                                        request.written, contract.written,
                                        difference_label(request.value, contract.value)));
      f.field = "sections";
      f.evidence = {evidence("中标（合同）金额", contract.written), evidence("申请金额", request.written),
                    evidence("原文", request.clause)};
      f.comparison = fmt::format("{} 元 > {} 元", request.value.yuan_text(), contract.value.yuan_text());
      add_span(f, section_span(p, request.section));
      return;  // one per project
    }
  }
}

// A 数量指标 whose target exceeds what the budget's rows in its own unit provide, while the same
// figure is the quantity of another row in another unit: the value was taken from the wrong row.
void check_budg008(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    if (v.indicators[k].l2_core != "数量" || !ind.target.quantitative()) continue;
    if (ind.target.cmp == Comparator::kLe || ind.target.cmp == Comparator::kLt) continue;
    auto target = Decimal::parse(ind.target.num);
    const std::string& unit = v.indicators[k].unit;
    if (!target || unit.empty()) continue;
    Yuan wanted = Yuan::from_decimal(*target, 1);  // counts, not money: the exact arithmetic is reused
    Yuan provided;
    int rows = 0;
    const LineItem* same_figure = nullptr;
    for (const LineItem& li : p.line_items) {
      auto q = Decimal::parse(li.quantity);
      if (!q || is_total_row(li)) continue;
      if (compact(li.quantity_unit) == unit) {
        provided += Yuan::from_decimal(*q, 1);
        ++rows;
      } else if (!li.quantity_unit.empty() && Yuan::from_decimal(*q, 1) == wanted) {
        same_figure = &li;
      }
    }
    if (rows == 0 || !same_figure || wanted <= provided) continue;
    // Counts were summed as exact decimals (1 count = 1 元); print them as plain numbers.
    auto count_text = [](Yuan y) { return Yuan::from_pico(y.pico() * kYuanPerWan).wan_text(); };
    std::string provided_text = count_text(provided), wanted_text = count_text(wanted);
    Finding& f = r.report(fmt::format("数量指标“{}”为 {}，而预算按{}测算的合计只有 {}{}；{}恰是“{}”的数量（{}{}）",
                                      ind.name, ind.value, unit, provided_text, unit, wanted_text,
                                      same_figure->name, same_figure->quantity, same_figure->quantity_unit));
    f.field = "indicators";
    f.evidence = {evidence("数量指标", ind.name + " " + ind.value),
                  evidence("预算中以" + unit + "计的数量合计（" + std::to_string(rows) + " 行）", provided_text, unit),
                  evidence(same_figure->name, same_figure->quantity, same_figure->quantity_unit)};
    f.comparison = fmt::format("{} > {}", wanted_text, provided_text);
    add_span(f, ind.span);
    add_span(f, same_figure->span);
  }
}

void check_budg001(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto stated = narrative_budget(p);
  if (!stated) return;
  FormBudget fb = form_budget(p);
  if (compare_with_form(stated->value, stated->tolerance, fb, *ctx.options) != FormMatch::kMismatch)
    return;
  Finding& f = r.report(fmt::format("说明所述预算 {} 万元与申报表{}不符（{}）", stated->value.wan_text(),
                                    form_amounts_phrase(fb), match_phrase(fb, stated->value)));
  f.field = "narrative_budget_wan";
  f.evidence.push_back(evidence("说明所述预算", stated->written, "万元"));
  add_span(f, p.narrative_budget_wan.span);
  add_form_evidence(f, fb);
  if (auto it = project_itemisation(v, *ctx.options))
    f.evidence.push_back(evidence(it->label + "（" + std::to_string(it->parts) + " 项）",
                                  it->value.wan_text(), "万元"));
  f.comparison = fmt::format("{} 万元 ≠ {}（容差 {} 元）", stated->value.wan_text(),
                             form_amounts_wan(fb), stated->tolerance.yuan_text());
}

void check_budg002(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto stated = narrative_budget(p);
  FormBudget fb = form_budget(p);
  std::vector<Yuan> reported;
  for (const TextAmount& t : v.facts.project_totals) {
    if (stated && within(t.value, stated->value, t.tolerance + stated->tolerance)) continue;
    if (std::any_of(reported.begin(), reported.end(), [&](Yuan y) { return y == t.value; })) continue;
    if (compare_with_form(t.value, t.tolerance, fb, *ctx.options) != FormMatch::kMismatch) continue;
    reported.push_back(t.value);
    Finding& f = r.report(fmt::format("{}称“{}”，与申报表{}不符（{}）", section_label(p, t.section),
                                      t.clause, form_amounts_phrase(fb), match_phrase(fb, t.value)));
    f.field = "sections";
    f.evidence.push_back(evidence("说明另述总额", t.written));
    add_span(f, section_span(p, t.section));
    if (stated) f.evidence.push_back(evidence("说明所述预算", stated->written, "万元"));
    add_form_evidence(f, fb);
    for (const auto& list : v.facts.budget_lists) {
      if (list.section != t.section) continue;
      ListReading lr = read_list(list, *ctx.options);
      if (lr.parts >= 2)
        f.evidence.push_back(evidence("本段所列分项合计（" + std::to_string(lr.parts) + " 项）",
                                      lr.value.wan_text(), "万元"));
    }
    f.comparison = fmt::format("{} 万元 ≠ {}", t.value.wan_text(), form_amounts_wan(fb));
  }
}

// Whether `sum` is plausibly the whole of `reference` (not a partial table).
bool plausible_coverage(Yuan sum, Yuan reference) {
  if (reference.pico() <= 0) return false;
  double share = sum.ratio_to(reference);
  return share >= 0.75 && share <= 1.0 / 0.75;
}

Finding& report_items_sum(Reporter& r, const ItemsSum& sum, const std::string& what,
                      Yuan reference, const std::string& reference_label,
                      const std::optional<AssumedUnit>& unit) {
  Finding& f = r.report(fmt::format("{} {} 项明细合计 {} 万元，与{} {} 万元不符（{}）", what,
                                    sum.count, sum.value.wan_text(), reference_label,
                                    reference.wan_text(), difference_label(sum.value, reference)));
  f.field = "line_items";
  f.evidence.push_back(evidence("明细合计（" + std::to_string(sum.count) + " 项）",
                                sum.value.wan_text(), "万元"));
  f.evidence.push_back(evidence(reference_label, reference.wan_text(), "万元"));
  if (sum.unit_assumed && unit)
    f.evidence.push_back(evidence("未注明单位的金额按", unit->name, unit->why));
  f.comparison = fmt::format("Σ = {} 万元 ≠ {} 万元", sum.value.wan_text(), reference.wan_text());
  add_span(f, sum.span);
  return f;
}

void check_budg003(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (p.line_items.empty()) return;
  const ReviewOptions& o = *ctx.options;
  auto unit = assumed_amount_unit(p);
  FormBudget fb = form_budget(p);
  auto stated = narrative_budget(p);

  // The whole project: only when every sub-project has items (otherwise the table is partial)
  // and no sub-project states its own budget (then each is compared below, BUDG-006 adds them up).
  bool complete = std::all_of(p.sub_projects.begin(), p.sub_projects.end(), [&](const SubProject& s) {
    return !items_of(p, s.title, false).empty();
  });
  bool sub_budgets = std::any_of(p.sub_projects.begin(), p.sub_projects.end(),
                                 [](const SubProject& s) { return s.budget_wan.has_value(); });
  if (complete && !sub_budgets) {
    if (auto sum = sum_items(p, items_of(p, "", true), unit)) {
      Yuan tol = tol_of(o);
      bool matches = (fb.total && within(sum->value, *fb.total, tol)) ||
                     (fb.annual && within(sum->value, *fb.annual, tol)) ||
                     (stated && within(sum->value, stated->value, tol + stated->tolerance));
      std::optional<Yuan> reference = fb.any() ? closest_form_amount(sum->value, fb)
                                               : (stated ? std::optional<Yuan>(stated->value) : std::nullopt);
      if (!matches && reference && plausible_coverage(sum->value, *reference) &&
          !is_form_rounding(sum->value, *reference, o.form_rounding)) {
        std::string label = fb.any() ? "申报表金额" : "说明所述预算";
        Finding& f = report_items_sum(r, *sum, "年度预算安排", *reference, label, unit);
        if (stated) f.evidence.push_back(evidence("说明所述预算", stated->written, "万元"));
        add_form_evidence(f, fb);
        add_span(f, p.narrative_budget_wan.span);
      }
    }
  }

  // Each sub-project with a stated budget.
  for (const SubProject& s : p.sub_projects) {
    if (!s.budget_wan.value) continue;
    auto budget = parse_stated_wan(*s.budget_wan.value);
    auto sum = sum_items(p, items_of(p, s.title, false), unit);
    if (!budget || !sum) continue;
    if (within(sum->value, budget->value, budget->tolerance + tol_of(o))) continue;
    if (!plausible_coverage(sum->value, budget->value)) continue;
    Finding& f = report_items_sum(r, *sum, "子项目“" + s.title + "”", budget->value, "子项目所述预算", unit);
    add_span(f, s.budget_wan.span);
  }

  // 合计 rows against the rows before them (a factor of 10,000 is CONS-009's).
  for (const auto& c : total_row_checks(p, unit)) {
    Yuan tol = c.stated.tolerance + tol_of(o);
    if (within(c.stated.value, c.items_sum, tol) || is_magnitude_slip(c.stated.value, c.items_sum, tol))
      continue;
    const LineItem& li = *c.row;
    Finding& f = r.report(fmt::format("“{}”行 {} 与其上 {} 项明细之和 {} 不符（{}）", li.name,
                                      yuan_label(c.stated.value), c.items, yuan_label(c.items_sum),
                                      difference_label(c.stated.value, c.items_sum)));
    f.field = "line_items";
    f.evidence = {evidence(li.name, li.amount, li.amount_unit),
                  evidence("其上明细之和（" + std::to_string(c.items) + " 项）", c.items_sum.yuan_text(), "元")};
    f.comparison = fmt::format("{} ≠ {}", c.stated.value.yuan_text(), c.items_sum.yuan_text());
    add_span(f, li.span);
  }
}

void check_budg004(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  const ReviewOptions& o = *ctx.options;
  FormBudget fb = form_budget(p);
  if (!fb.any()) return;
  struct Candidate {
    Yuan value;
    std::string label, written;
    SourceSpan span;
  };
  std::vector<Candidate> candidates;
  if (auto s = narrative_budget(p))
    candidates.push_back({s->value, "说明所述预算", s->written + "万元", p.narrative_budget_wan.span});
  for (const auto& t : v.facts.project_totals)
    candidates.push_back({t.value, "说明另述总额", t.written, section_span(p, t.section)});
  for (const auto& list : v.facts.budget_lists) {
    if (!list.project_level) continue;
    for (const auto& st : list.statements)
      if (st.role != AmountRole::kItem)
        candidates.push_back({st.amount.value, "说明所列合计", st.amount.written,
                              section_span(p, list.section)});
  }
  if (p.sub_projects.empty())
    if (auto sum = sum_items(p, items_of(p, "", true), assumed_amount_unit(p)))
      candidates.push_back({sum->value, "预算明细合计", sum->value.yuan_text() + "元", sum->span});
  for (const auto& c : candidates) {
    auto closest = closest_form_amount(c.value, fb);
    if (!closest || within(c.value, *closest, tol_of(o))) continue;
    if (!is_form_rounding(c.value, *closest, o.form_rounding)) continue;
    Finding& f = r.report(fmt::format("申报表金额 {} 为说明测算金额 {} 取整后的数（{}），建议按测算"
                                      "金额申报或在说明中注明取整",
                                      yuan_label(*closest), yuan_label(c.value),
                                      difference_label(*closest, c.value)));
    f.field = "funds_yuan.total";
    f.evidence.push_back(evidence(c.label, c.written));
    add_span(f, c.span);
    add_form_evidence(f, fb);
    f.comparison = fmt::format("|{} − {}| < {} 元，且申报表金额为 {} 元的整数倍", closest->yuan_text(),
                               c.value.yuan_text(), Yuan::from_money(o.form_rounding).yuan_text(),
                               Yuan::from_money(o.form_rounding).yuan_text());
    return;  // one rounding note per project
  }
}

void check_budg005(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  const ReviewOptions& o = *ctx.options;
  FormBudget fb = form_budget(p);
  for (const auto& list : v.facts.budget_lists) {
    ListReading lr = read_list(list, o);
    for (const auto& m : lr.mismatches) {
      if (m.items < 2) continue;
      Finding& f = r.report(fmt::format("{}中“{}”与其前 {} 项金额之和 {} 不符（{}）",
                                        section_label(p, list.section), m.total.amount.clause, m.items,
                                        yuan_label(m.items_sum),
                                        difference_label(m.total.amount.value, m.items_sum)));
      f.field = "sections";
      f.evidence = {evidence("所述合计", m.total.amount.written),
                    evidence("其前各项之和（" + std::to_string(m.items) + " 项）", m.items_sum.yuan_text(), "元")};
      f.comparison = fmt::format("{} ≠ {}", m.total.amount.value.yuan_text(), m.items_sum.yuan_text());
      add_span(f, section_span(p, list.section));
    }
    if (!lr.leading_declared || lr.parts < 2) continue;
    const TextAmount& declared = lr.leading_declared->amount;
    Yuan tol = declared.tolerance + tol_of(o);
    if (within(declared.value, lr.value, tol)) continue;
    if (list.project_level &&
        compare_with_form(declared.value, declared.tolerance, fb, o) != FormMatch::kMatch)
      continue;  // BUDG-002 / BUDG-004 / CONS-009 report the total itself
    Finding& f = r.report(fmt::format("{}先称“{}”，其后所列 {} 项金额合计 {}（{}）",
                                      section_label(p, list.section), declared.clause, lr.parts,
                                      wan_label(lr.value), difference_label(declared.value, lr.value)));
    f.field = "sections";
    f.evidence = {evidence("所述总额", declared.written),
                  evidence("所列金额合计（" + std::to_string(lr.parts) + " 项）", lr.value.wan_text(), "万元")};
    f.comparison = fmt::format("{} 万元 ≠ {} 万元", declared.value.wan_text(), lr.value.wan_text());
    add_span(f, section_span(p, list.section));
  }
}

void check_budg006(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (p.sub_projects.size() < 2) return;
  Yuan sum, tol = tol_of(*ctx.options);
  std::vector<std::string> parts;
  for (const SubProject& s : p.sub_projects) {
    if (!s.budget_wan.value) return;
    auto b = parse_stated_wan(*s.budget_wan.value);
    if (!b) return;
    sum += b->value;
    tol += b->tolerance;
    parts.push_back(b->value.wan_text());
  }
  FormBudget fb = form_budget(p);
  if (!fb.any() || matches_form(sum, tol, fb)) return;
  auto closest = closest_form_amount(sum, fb);
  if (is_form_rounding(sum, *closest, ctx.options->form_rounding)) return;
  Finding& f = r.report(fmt::format("{} 个子项目所述预算合计 {} 万元，与申报表 {} 不符（{}）",
                                    p.sub_projects.size(), sum.wan_text(), yuan_label(*closest),
                                    difference_label(sum, *closest)));
  f.field = "sub_projects";
  for (const SubProject& s : p.sub_projects) {
    f.evidence.push_back(evidence("（" + s.number + "）" + s.title, *s.budget_wan.value, "万元"));
    add_span(f, s.budget_wan.span.empty() ? s.span : s.budget_wan.span);
  }
  add_form_evidence(f, fb);
  std::string expr;
  for (std::size_t i = 0; i < parts.size(); ++i) expr += (i ? " + " : "") + parts[i];
  f.comparison = fmt::format("{} = {} 万元 ≠ {} 万元", expr, sum.wan_text(), closest->wan_text());
}

}  // namespace

void add_budget_rules(std::vector<Rule>& out) {
  out.push_back({kBudg001, check_budg001, nullptr});
  out.push_back({kBudg002, check_budg002, nullptr});
  out.push_back({kBudg003, check_budg003, nullptr});
  out.push_back({kBudg004, check_budg004, nullptr});
  out.push_back({kBudg005, check_budg005, nullptr});
  out.push_back({kBudg006, check_budg006, nullptr});
  out.push_back({kBudg007, check_budg007, nullptr});
  out.push_back({kBudg008, check_budg008, nullptr});
}

}  // namespace jixiao::rules
