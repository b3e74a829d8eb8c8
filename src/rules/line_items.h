// Reading the model's budget line items (数量 × 单价 = 资金需求) as exact amounts, with the unit
// inference the review needs when a table prints its unit only in the header.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/declaration.h"
#include "rules/amount.h"

namespace jixiao::rules {

// A 合计/总计/小计 row: a stated subtotal, not a cost of its own.
bool is_total_row(const LineItem& item);

// The money unit (yuan per unit) assumed for amounts printed without a unit in `p`: the unit
// most of the project's items print; else, when the form has a budget, the reading (元 or 万元)
// whose item sum is closer to it; nullopt when neither applies.
struct AssumedUnit {
  std::int64_t yuan_per_unit = 1;
  std::string name;  // "元" / "万元"
  std::string why;   // for evidence: "同表其他金额以万元计" …
};
std::optional<AssumedUnit> assumed_amount_unit(const Project& p);

// One item's amount in yuan (with the tolerance of its printed digits), using `assumed` when the
// item prints no unit. nullopt when the amount is blank or not a number.
struct ItemAmount {
  Yuan value;
  Yuan tolerance;
  bool unit_assumed = false;
};
std::optional<ItemAmount> item_amount(const LineItem& item, const std::optional<AssumedUnit>& assumed);

// Sum of the non-total items of `p` that belong to `sub_project` ("" = all items). Nullopt when
// there are none or one of them cannot be read.
// Budget items are exact figures: their sum carries no rounding tolerance of its own.
struct ItemsSum {
  Yuan value;
  int count = 0;
  bool unit_assumed = false;
  SourceSpan span;  // covering the items
};
std::optional<ItemsSum> sum_items(const Project& p, const std::vector<const LineItem*>& items,
                                  const std::optional<AssumedUnit>& assumed);

// The items of `p` (non-total rows) in sub-project `title` ("" = every item).
std::vector<const LineItem*> items_of(const Project& p, const std::string& sub_project_title,
                                      bool all);

// A 合计/总计 row compared with the rows before it (same sub-project, since the previous total
// row). Only rows whose amounts can all be read, with at least two items, are returned.
struct TotalRowCheck {
  const LineItem* row = nullptr;
  ItemAmount stated;
  Yuan items_sum;
  int items = 0;
};
std::vector<TotalRowCheck> total_row_checks(const Project& p, const std::optional<AssumedUnit>& assumed);

}  // namespace jixiao::rules
