#include "rules/line_items.h"

#include <cmath>
#include <map>

#include "rules/common.h"
#include "rules/text_util.h"
#include "rules/tolerances.h"

namespace jixiao::rules {

bool is_total_row(const LineItem& item) {
  std::string n = compact(item.name);
  for (std::string_view w : {"合计", "总计", "小计", "共计", "总额", "累计"})
    if (n.rfind(w, 0) == 0 || n == w) return true;
  return false;
}

std::optional<AssumedUnit> assumed_amount_unit(const Project& p) {
  std::map<std::int64_t, int> votes;
  for (const auto& li : p.line_items) {
    if (is_total_row(li) || li.amount.empty()) continue;
    if (auto mu = parse_money_unit(li.amount_unit); mu && mu->denominator.empty())
      ++votes[mu->yuan_per_unit];
  }
  if (!votes.empty()) {
    auto best = votes.begin();
    for (auto it = votes.begin(); it != votes.end(); ++it)
      if (it->second > best->second) best = it;
    std::string name = best->first == 10000 ? "万元" : best->first == 1 ? "元" : "该单位";
    return AssumedUnit{best->first, name, "同一说明中其他金额以" + name + "计"};
  }
  auto fb = form_budget(p);
  auto reference = fb.annual ? fb.annual : fb.total;
  if (!reference || reference->pico() <= 0) return std::nullopt;
  Yuan as_yuan;
  bool any = false;
  for (const auto& li : p.line_items) {
    if (is_total_row(li)) continue;
    auto d = Decimal::parse(li.amount);
    if (!d) continue;
    as_yuan += Yuan::from_decimal(*d, 1);
    any = true;
  }
  if (!any || as_yuan.pico() <= 0) return std::nullopt;
  // Compare the two readings on a log scale: the one nearer the form's budget wins.
  double r_yuan = std::fabs(std::log10(as_yuan.ratio_to(*reference)));
  double r_wan = std::fabs(std::log10(as_yuan.ratio_to(*reference) * 10000.0));
  if (r_wan < r_yuan) return AssumedUnit{10000, "万元", "按万元计时合计与申报表金额量级一致"};
  return AssumedUnit{1, "元", "按元计时合计与申报表金额量级一致"};
}

std::optional<ItemAmount> item_amount(const LineItem& item, const std::optional<AssumedUnit>& assumed) {
  auto d = Decimal::parse(item.amount);
  if (!d) return std::nullopt;
  ItemAmount a;
  if (!item.amount_unit.empty()) {
    auto mu = parse_money_unit(item.amount_unit);
    if (!mu || !mu->denominator.empty()) return std::nullopt;
    a.value = Yuan::from_decimal(*d, mu->yuan_per_unit);
    a.tolerance = Yuan::half_last_digit(*d, mu->yuan_per_unit);
    return a;
  }
  if (!assumed) return std::nullopt;
  a.value = Yuan::from_decimal(*d, assumed->yuan_per_unit);
  a.tolerance = Yuan::half_last_digit(*d, assumed->yuan_per_unit);
  a.unit_assumed = true;
  return a;
}

std::vector<const LineItem*> items_of(const Project& p, const std::string& title, bool all) {
  std::vector<const LineItem*> out;
  for (const auto& li : p.line_items) {
    if (is_total_row(li)) continue;
    if (all || li.sub_project == title) out.push_back(&li);
  }
  return out;
}

std::optional<ItemsSum> sum_items(const Project&, const std::vector<const LineItem*>& items,
                                  const std::optional<AssumedUnit>& assumed) {
  if (items.empty()) return std::nullopt;
  ItemsSum s;
  for (const LineItem* li : items) {
    auto a = item_amount(*li, assumed);
    if (!a) return std::nullopt;
    s.value += a->value;
    s.unit_assumed = s.unit_assumed || a->unit_assumed;
    ++s.count;
    s.span = s.span.empty() ? li->span : s.span.merged(li->span);
  }
  return s;
}

std::vector<TotalRowCheck> total_row_checks(const Project& p, const std::optional<AssumedUnit>& assumed) {
  std::vector<TotalRowCheck> out;
  Yuan open;
  int open_items = 0;
  bool readable = true;
  const std::string* current_sub = nullptr;
  for (const LineItem& li : p.line_items) {
    if (!current_sub || li.sub_project != *current_sub) {
      current_sub = &li.sub_project;
      open = Yuan{};
      open_items = 0;
      readable = true;
    }
    auto a = item_amount(li, assumed);
    if (!is_total_row(li)) {
      if (a) open += a->value; else readable = false;
      ++open_items;
      continue;
    }
    if (a && readable && open_items >= 2) out.push_back({&li, *a, open, open_items});
    open = Yuan{};
    open_items = 0;
    readable = true;
  }
  return out;
}

}  // namespace jixiao::rules
