// ARITH-*: products the declaration writes out (数量 × 单价 = 资金需求, "800×47=38000",
// "不少于20人 … 人均约24万元/年 … 总资金为800万元").
#include <fmt/format.h>

#include "rules/budget_view.h"
#include "rules/families.h"
#include "rules/line_items.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kArith001{
    "ARITH-001", Severity::kError, "预算明细数量×单价与金额不符",
    "line item quantity × unit price ≠ amount",
    "年度预算安排：资金需求 = 数量 × 单价（算术，万元/元换算）",
    "For every budget line item with a quantity, a unit price and an amount, converts the price and "
    "the amount to 元 and compares quantity × price with the amount. A column printed without unit "
    "(its unit is in the table header) is read as the other column's unit, the project's usual "
    "unit, 元 or 万元, and the row is reported only when no reading fits. Printed decimals of the price (or a "
    "fractional quantity) and of the amount may carry rounding: 10.39 × 3850 = 40000 passes, "
    "800 × 47 = 38000 does not."};
constexpr RuleInfo kArith002{
    "ARITH-002", Severity::kError, "说明中写出的乘法算错",
    "a product written in the narrative is wrong",
    "说明内部算术（算术）",
    "Finds products written out in the narrative — “800×47=38000”, “1500元*10篇=15000元”, "
    "“200本，每本50元，需1万元” — and recomputes them exactly (万元/元 converted), with the same "
    "rounding allowance as ARITH-001. Products already checked as line items are skipped."};
constexpr RuleInfo kArith003{
    "ARITH-003", Severity::kWarning, "人数×人均标准与测算总额不符",
    "head count × per-capita price ≠ the total it justifies",
    "说明内部算术：人员服务类测算 = 人数 × 人均标准（算术）",
    "Finds staffing estimates (“不少于N人 … 人均约P万元/年 … 预测项目总资金为T万元”) and compares "
    "N × P with T. A warning because “不少于” allows more people; the finding says how many people "
    "the total would need."};

// Units of a line item's price and amount, filled in from each other when one is missing.
struct PricedRow {
  Yuan product, amount, tolerance;
};

PricedRow priced(const Decimal& q, const Decimal& p, const Decimal& a, std::int64_t price_factor,
                 std::int64_t amount_factor) {
  PricedRow r;
  Yuan price = Yuan::from_decimal(p, price_factor);
  r.product = price.times(q);
  r.amount = Yuan::from_decimal(a, amount_factor);
  // Printed decimals may be rounded figures; whole numbers are taken as exact.
  if (!p.is_integer()) r.tolerance += Yuan::half_last_digit(p, price_factor).times(q);
  if (!q.is_integer()) r.tolerance += price.times(Decimal{5, q.decimals + 1});
  if (!a.is_integer()) r.tolerance += Yuan::half_last_digit(a, amount_factor);
  return r;
}

// The row read with its printed units. A column printed without unit may carry it in the table
// header, which the row does not show: it is read as the other column's unit, the project's
// usual unit, 元 or 万元 — the first reading under which the row is consistent is kept, and only
// a row inconsistent under every reading is reported (with the first reading).
std::optional<PricedRow> price_row(const LineItem& li, const std::optional<AssumedUnit>& assumed,
                                   Yuan extra_tolerance) {
  auto q = Decimal::parse(li.quantity), p = Decimal::parse(li.unit_price), a = Decimal::parse(li.amount);
  if (!q || !p || !a) return std::nullopt;
  auto pu = parse_money_unit(li.unit_price_unit), au = parse_money_unit(li.amount_unit);
  if (!li.unit_price_unit.empty() && !pu) return std::nullopt;
  if (!li.amount_unit.empty() && (!au || !au->denominator.empty())) return std::nullopt;
  std::int64_t fallback = assumed ? assumed->yuan_per_unit : 1;
  std::vector<std::int64_t> price_factors, amount_factors;
  if (pu) price_factors = {pu->yuan_per_unit};
  else price_factors = {au ? au->yuan_per_unit : fallback, 1, kYuanPerWan};
  if (au) amount_factors = {au->yuan_per_unit};
  else amount_factors = {pu ? pu->yuan_per_unit : fallback, 1, kYuanPerWan};
  std::optional<PricedRow> first;
  for (std::int64_t pf : price_factors) {
    for (std::int64_t af : amount_factors) {
      PricedRow r = priced(*q, *p, *a, pf, af);
      if (!first) first = r;
      if (within(r.product, r.amount, r.tolerance + extra_tolerance)) return r;
    }
  }
  return first;
}

void check_arith001(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  auto assumed = assumed_amount_unit(p);
  for (const LineItem& li : p.line_items) {
    Yuan extra = Yuan::from_money(ctx.options->arithmetic_tolerance);
    auto row = price_row(li, assumed, extra);
    if (!row) continue;
    Yuan tol = row->tolerance + extra;
    if (within(row->product, row->amount, tol)) continue;
    Finding& f = r.report(fmt::format("“{}”：{} × {} = {}，而资金需求写作 {}（{}）", li.name,
                                      li.quantity + li.quantity_unit, li.unit_price + li.unit_price_unit,
                                      yuan_label(row->product), li.amount + li.amount_unit,
                                      difference_label(row->product, row->amount)));
    f.field = "line_items";
    f.evidence = {evidence("数量", li.quantity, li.quantity_unit),
                  evidence("单价", li.unit_price, li.unit_price_unit),
                  evidence("资金需求", li.amount, li.amount_unit),
                  evidence("数量×单价", row->product.yuan_text(), "元")};
    f.comparison = fmt::format("{} × {} = {} 元 ≠ {} 元（容差 {} 元）", li.quantity, li.unit_price,
                               row->product.yuan_text(), row->amount.yuan_text(), tol.yuan_text());
    add_span(f, li.span);
  }
}

// The money factor (yuan per unit) of a unit text, 0 when it is not money.
std::int64_t money_factor(const std::string& unit) {
  auto mu = parse_money_unit(unit);
  return mu ? mu->yuan_per_unit : 0;
}

bool checked_as_line_item(const Project& p, const WrittenProduct& w) {
  if (!w.result) return false;
  std::string l = w.left.text(), rt = w.right.text(), res = w.result->text();
  for (const LineItem& li : p.line_items) {
    auto q = Decimal::parse(li.quantity), pr = Decimal::parse(li.unit_price), a = Decimal::parse(li.amount);
    if (!q || !pr || !a || a->text() != res) continue;
    if ((q->text() == l && pr->text() == rt) || (q->text() == rt && pr->text() == l)) return true;
  }
  return false;
}

void check_arith002(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (const WrittenProduct& w : v.facts.products) {
    if (!w.result || checked_as_line_item(p, w)) continue;
    std::int64_t lf = money_factor(w.left_unit), rf = money_factor(w.right_unit),
                 resf = money_factor(w.result_unit);
    if (lf && rf) continue;  // money × money is not a cost computation
    // The factor carrying money (if any) and the result's unit; unitless figures share a unit.
    std::int64_t operand_factor = lf ? lf : rf ? rf : 1;
    std::int64_t result_factor = resf ? resf : operand_factor;
    const Decimal& money_operand = rf && !lf ? w.right : w.left;
    const Decimal& count_operand = rf && !lf ? w.left : w.right;
    Yuan product = Yuan::from_decimal(money_operand, operand_factor).times(count_operand);
    Yuan result = Yuan::from_decimal(*w.result, result_factor);
    Yuan tol = Yuan::from_money(ctx.options->arithmetic_tolerance);
    if (!money_operand.is_integer())
      tol += Yuan::half_last_digit(money_operand, operand_factor).times(count_operand);
    if (!count_operand.is_integer())
      tol += Yuan::from_decimal(money_operand, operand_factor)
                 .times(Decimal{5, count_operand.decimals + 1});
    if (!w.result->is_integer()) tol += Yuan::half_last_digit(*w.result, result_factor);
    if (within(product, result, tol)) continue;
    bool money = lf || rf || resf;
    Finding& f = r.report(fmt::format("{}写“{}”，但 {} × {} = {}（{}）", section_label(p, w.section),
                                      w.text, money_operand.text(), count_operand.text(),
                                      money ? yuan_label(product) : product.yuan_text(),
                                      difference_label(product, result)));
    f.field = "sections";
    f.evidence = {evidence("原文", w.text), evidence("重新计算", product.yuan_text(), money ? "元" : ""),
                  evidence("原文结果", result.yuan_text(), money ? "元" : "")};
    f.comparison = fmt::format("{} × {} = {} ≠ {}", money_operand.text(), count_operand.text(),
                               product.yuan_text(), result.yuan_text());
    add_span(f, section_span(p, w.section));
  }
}

void check_arith003(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (const PerCapitaEstimate& e : v.facts.per_capita) {
    if (!e.total) continue;
    Yuan product = e.price.value.times(e.people);
    Yuan tol = e.price.tolerance.times(e.people) + e.total->tolerance +
               Yuan::from_money(ctx.options->arithmetic_tolerance);
    if (within(product, e.total->value, tol)) continue;
    double needed = e.total->value.ratio_to(e.price.value);
    Finding& f = r.report(fmt::format(
        "{}按 {} 人 × 人均 {} 测算应为 {} 万元，但所述总额为 {}（按此人均标准需约 {:.1f} 人）",
        section_label(p, e.section), e.people.text(), e.price.written, product.wan_text(),
        e.total->written, needed));
    f.field = "sections";
    f.evidence = {evidence("人数", e.people.text(), "人"), evidence("人均标准", e.price.written),
                  evidence("人数×人均", product.wan_text(), "万元"),
                  evidence("所述总额", e.total->written), evidence("原文", e.context)};
    f.comparison = fmt::format("{} × {} = {} 万元 ≠ {} 万元", e.people.text(), e.price.value.wan_text(),
                               product.wan_text(), e.total->value.wan_text());
    add_span(f, section_span(p, e.section));
  }
}

}  // namespace

void add_arithmetic_rules(std::vector<Rule>& out) {
  out.push_back({kArith001, check_arith001, nullptr});
  out.push_back({kArith002, check_arith002, nullptr});
  out.push_back({kArith003, check_arith003, nullptr});
}

}  // namespace jixiao::rules
