// COST-*: 成本指标 against the budget (Shanghai 2025 guide: targets must match the budget amount;
// 经济成本 = 总成本 / 单位成本 / 分项成本).
#include <fmt/format.h>

#include <algorithm>

#include "rules/budget_view.h"
#include "rules/families.h"
#include "rules/indicator_kinds.h"
#include "rules/line_items.h"
#include "rules/similarity.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kCost001{
    "COST-001", Severity::kWarning, "单位成本指标低于预算测算单价",
    "unit-cost cap below the unit price the budget uses",
    "沪2025指引：成本指标应与预算金额相匹配，单位成本依成本定额/支出标准设定；88号“适当性”",
    "For a cost indicator capping a per-person or per-unit cost (≤/=, 人均/平均/单位 or a unit "
    "such as 万元/人), collects the unit prices the narrative uses — “人均约24万元/年” estimates "
    "and line-item unit prices whose name matches the indicator's own qualifier (援藏干部…) — and "
    "reports the prices above the cap. Generic names (年人均成本) are compared with every "
    "per-capita estimate of the project."};
constexpr RuleInfo kCost002{
    "COST-002", Severity::kError, "总成本指标与预算金额矛盾",
    "total-cost target contradicts the budget",
    "沪2025指引：总成本指标应与预算金额相匹配（算术，万元/元换算）",
    "A total-cost indicator (总成本, 项目成本, 成本总额 …) with a money value is compared with the "
    "年度资金申请总额 (else 项目资金总额) after converting 万元 to 元: “≤ X” below the budget, or "
    "“= X” different from it, is an error (≤52.60 万元 against 526,000.00 元 passes). A factor of "
    "10,000 is left to CONS-009."};
constexpr RuleInfo kCost003{
    "COST-003", Severity::kWarning, "单位成本指标与所对应的预算不匹配",
    "unit cost × planned quantity does not explain the budget it names",
    "沪2025指引：单位成本 × 数量应与预算相匹配（算术）",
    "A unit-cost indicator (per 月, 人, 册, 场 …) is multiplied by its quantity — the months of the "
    "plan in the budget year, or the 数量指标 with the same unit — and compared with the budget it "
    "refers to: the sub-project or line item whose name matches (bigram Dice ≥ 0.35 and at least two "
    "shared bigrams), else the "
    "whole project when it has no sub-projects and this is its only unit cost. For a named budget, "
    "reported when the product explains less than half of it or exceeds it for an “=” value; for "
    "the whole project, only when the product explains at least 80% of it and the budget implies "
    "a unit cost above the cap (a unit price may cover only part of a project)."};

struct MoneyTarget {
  Yuan value, tolerance;
  std::string denominator;  // from the unit ("元/月" → 月) or the name
};

// The indicator's value as money, nullopt when it is not a money value.
std::optional<MoneyTarget> money_target(const Indicator& i) {
  if (!i.target.quantitative()) return std::nullopt;
  auto mu = parse_money_unit(i.target.unit);
  auto d = Decimal::parse(i.target.num);
  if (!mu || !d) return std::nullopt;
  MoneyTarget t{Yuan::from_decimal(*d, mu->yuan_per_unit), Yuan::half_last_digit(*d, mu->yuan_per_unit),
                mu->denominator};
  return t;
}

// What a unit cost is "per", from the unit, else from the name.
std::string per_what(const Indicator& i, const MoneyTarget& t) {
  if (!t.denominator.empty()) return t.denominator;
  const std::string& n = i.name;
  if (contains(n, "月租") || contains(n, "每月") || contains(n, "月均") || contains(n, "月费")) return "月";
  if (names_per_person(n) || contains(n, "用人成本") || contains(n, "人员成本")) return "人";
  if (contains(n, "单次") || contains(n, "每次")) return "次";
  return "";
}

bool caps(Comparator c) { return c == Comparator::kLe || c == Comparator::kLt || c == Comparator::kEq; }

// The indicator name minus generic cost words: what it is specifically about ("援藏干部人才").
std::string qualifier(const std::string& name) {
  std::string q = compact(name);
  for (std::string_view w : {"年人均", "人均", "平均", "每人", "每名", "单位", "工作经费", "经费", "成本",
                             "费用", "支出", "标准", "年度", "全年", "年", "控制"}) {
    std::size_t pos;
    while ((pos = q.find(w)) != std::string::npos) q.erase(pos, w.size());
  }
  return q;
}

struct UnitPrice {
  Yuan value;
  std::string written, source;
  SourceSpan span;
};

void check_cost001(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto assumed = assumed_amount_unit(p);
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    if (!v.indicators[k].cost || !caps(ind.target.cmp)) continue;
    auto cap = money_target(ind);
    if (!cap || per_what(ind, *cap) != "人") continue;
    std::string qual = qualifier(ind.name);
    BigramSet qual_set = BigramSet::of(qual);
    bool generic = char_count(qual) < 2;
    std::vector<UnitPrice> prices;
    for (const auto& e : v.facts.per_capita) {
      if (!generic && containment(qual_set, BigramSet::of(e.context + section_label(p, e.section))) < 0.5)
        continue;
      prices.push_back({e.price.value, e.price.written, "说明：" + e.context, section_span(p, e.section)});
    }
    for (const LineItem& li : p.line_items) {
      auto d = Decimal::parse(li.unit_price);
      if (!d || is_total_row(li)) continue;
      auto pu = parse_money_unit(li.unit_price_unit);
      bool per_person = pu && pu->denominator == "人";
      bool named = !generic && containment(qual_set, BigramSet::of(li.name)) >= 0.5;
      if (!(named || (generic && per_person))) continue;
      std::int64_t factor = pu ? pu->yuan_per_unit : assumed ? assumed->yuan_per_unit : 0;
      if (factor == 0) continue;
      prices.push_back({Yuan::from_decimal(*d, factor), li.unit_price + li.unit_price_unit,
                        "明细：" + li.name, li.span});
    }
    for (const auto& up : prices) {
      if (up.value <= cap->value + cap->tolerance) continue;
      Finding& f = r.report(fmt::format("成本指标“{}”为 {}，而预算按单价 {} 测算，超出指标上限", ind.name,
                                        ind.value, up.written));
      f.field = "indicators";
      f.evidence = {evidence("成本指标", ind.name + " " + ind.value),
                    evidence("预算测算单价", up.written), evidence("来源", up.source)};
      f.comparison = fmt::format("{} 元 > {} 元", up.value.yuan_text(), cap->value.yuan_text());
      add_span(f, ind.span);
      add_span(f, up.span);
      (void)ctx;
    }
  }
}

void check_cost002(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  FormBudget fb = form_budget(p);
  std::optional<Yuan> budget = fb.annual ? fb.annual : fb.total;
  if (!budget) return;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    if (!v.indicators[k].cost || !names_total_cost(ind.name) || !caps(ind.target.cmp)) continue;
    auto cap = money_target(ind);
    if (!cap || !cap->denominator.empty()) continue;
    Yuan tol = cap->tolerance + Yuan::from_money(ctx.options->arithmetic_tolerance);
    if (is_magnitude_slip(cap->value, *budget, tol)) continue;
    bool below = cap->value + tol < *budget;
    bool unequal = ind.target.cmp == Comparator::kEq && !within(cap->value, *budget, tol);
    if (!below && !unequal) continue;
    Finding& f = r.report(fmt::format("总成本指标“{}”为 {}（{} 元），与年度资金申请 {} 不符（{}）",
                                      ind.name, ind.value, cap->value.yuan_text(), yuan_label(*budget),
                                      difference_label(cap->value, *budget)));
    f.field = "indicators";
    f.evidence = {evidence("成本指标", ind.name + " " + ind.value),
                  evidence("换算为元", cap->value.yuan_text(), "元"),
                  evidence(fb.annual ? "年度资金申请总额" : "项目资金总额", budget->yuan_text(), "元")};
    f.comparison = fmt::format("{} {} {} 元", cap->value.yuan_text(), below ? "<" : "≠", budget->yuan_text());
    add_span(f, ind.span);
    add_span(f, fb.annual ? fb.annual_span : fb.total_span);
  }
}

// Months of the plan that fall in the budget year (12 for a whole-year plan).
int plan_months_in_year(const Project& p, int year) {
  if (!p.start.value || !p.end.value) return 12;
  int y = year ? year : p.start.value->year;
  int from = p.start.value->year < y ? 1 : p.start.value->year > y ? 13 : p.start.value->month;
  int to = p.end.value->year > y ? 12 : p.end.value->year < y ? 0 : p.end.value->month;
  return std::max(0, to - from + 1);
}

struct Referent {
  Yuan budget;
  std::string label;
  SourceSpan span;
  bool whole_project = false;
};

std::optional<Referent> budget_named_like(const ProjectView& v, const Indicator& ind, double min_sim) {
  const Project& p = *v.project;
  BigramSet name = BigramSet::of(ind.name);
  std::optional<Referent> best;
  double best_sim = min_sim;
  for (const SubProject& s : p.sub_projects) {
    if (!s.budget_wan.value) continue;
    auto b = parse_stated_wan(*s.budget_wan.value);
    BigramSet title = BigramSet::of(s.title);
    double sim = dice(name, title);
    if (b && sim >= best_sim && name.shared(title) >= 2) {
      best_sim = sim;
      best = Referent{b->value, "子项目“" + s.title + "”预算", s.span, false};
    }
  }
  auto assumed = assumed_amount_unit(p);
  for (const LineItem& li : p.line_items) {
    if (is_total_row(li)) continue;
    auto a = item_amount(li, assumed);
    BigramSet item_name = BigramSet::of(li.name);
    double sim = dice(name, item_name);
    if (a && sim >= best_sim && name.shared(item_name) >= 2) {
      best_sim = sim;
      best = Referent{a->value, "明细“" + li.name + "”", li.span, false};
    }
  }
  return best;
}

// Quantity for a unit cost "per `what`": months of the plan, or a 数量指标 in that unit.
std::optional<std::pair<Decimal, std::string>> quantity_for(const ReviewContext& ctx, const ProjectView& v,
                                                            const std::string& what) {
  const Project& p = *v.project;
  if (what == "月") {
    int months = plan_months_in_year(p, ctx.budget_year());
    if (months <= 0) return std::nullopt;
    return std::pair{Decimal{months, 0}, fmt::format("计划期内 {} 个月", months)};
  }
  if (what == "年") return std::pair{Decimal{1, 0}, std::string("1 年")};
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& q = p.indicators[k];
    if (v.indicators[k].l2_core != "数量" || !q.target.quantitative()) continue;
    if (v.indicators[k].unit != what) continue;
    auto d = Decimal::parse(q.target.num);
    if (d && d->digits > 0) return std::pair{*d, "数量指标“" + q.name + "” " + q.value};
  }
  return std::nullopt;
}

void check_cost003(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  const ReviewOptions& o = *ctx.options;
  int unit_costs = 0;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    auto t = v.indicators[k].cost ? money_target(ind) : std::nullopt;
    if (t && !per_what(ind, *t).empty()) ++unit_costs;
  }
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& ind = p.indicators[k];
    if (!v.indicators[k].cost || !caps(ind.target.cmp)) continue;
    auto cost = money_target(ind);
    if (!cost) continue;
    std::string what = per_what(ind, *cost);
    if (what.empty()) continue;
    auto qty = quantity_for(ctx, v, what);
    if (!qty) continue;
    auto referent = budget_named_like(v, ind, o.name_match_min_similarity);
    if (!referent && p.sub_projects.empty() && unit_costs == 1) {
      FormBudget fb = form_budget(p);
      if (auto b = fb.annual ? fb.annual : fb.total)
        referent = Referent{*b, fb.annual ? "年度资金申请总额" : "项目资金总额",
                            fb.annual ? fb.annual_span : fb.total_span, true};
    }
    if (!referent || referent->budget.pico() <= 0) continue;
    Yuan product = cost->value.times(qty->first);
    Yuan tol = cost->tolerance.times(qty->first) + Yuan::from_money(o.arithmetic_tolerance);
    double coverage = product.ratio_to(referent->budget);
    std::string problem;
    if (referent->whole_project) {
      // The whole budget is only a referent when the unit cost plausibly explains it; then a
      // budget above cap × quantity implies a unit cost above the cap.
      if (coverage >= o.whole_project_min_coverage && product + tol < referent->budget)
        problem = "低于该预算，预算隐含的单位成本超出指标上限";
    } else if (coverage < o.cost_coverage_min) {
      problem = fmt::format("只占其 {}", percent_label(coverage));
    } else if (ind.target.cmp == Comparator::kEq && product > referent->budget + tol) {
      problem = "超出该预算";
    }
    if (problem.empty()) continue;
    Finding& f = r.report(fmt::format("成本指标“{}”{} × {} = {}，与{} {} 相比{}", ind.name, ind.value,
                                      qty->second, yuan_label(product), referent->label,
                                      yuan_label(referent->budget), problem));
    f.field = "indicators";
    f.evidence = {evidence("成本指标", ind.name + " " + ind.value), evidence("数量", qty->second),
                  evidence("单位成本×数量", product.yuan_text(), "元"),
                  evidence(referent->label, referent->budget.yuan_text(), "元")};
    f.comparison = fmt::format("{} × {} = {} 元；{} 元（{}）", cost->value.yuan_text(),
                               qty->first.text(), product.yuan_text(), referent->budget.yuan_text(),
                               percent_label(coverage));
    add_span(f, ind.span);
    add_span(f, referent->span);
  }
}

}  // namespace

void add_cost_rules(std::vector<Rule>& out) {
  out.push_back({kCost001, check_cost001, nullptr});
  out.push_back({kCost002, check_cost002, nullptr});
  out.push_back({kCost003, check_cost003, nullptr});
}

}  // namespace jixiao::rules
