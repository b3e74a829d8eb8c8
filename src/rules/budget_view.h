// Derived budget figures of one project used by several rule families: the narrative's stated
// budget as an exact amount, the value of a prose budget list, sub-project budgets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/declaration.h"
#include "rules/amount.h"
#include "rules/common.h"
#include "rules/text_facts.h"

namespace jixiao::rules {

// An amount field written in 万元 ("3778", "33.0769"), or with its own unit ("135700元",
// "10万"). nullopt when it is not an amount.
struct StatedAmount {
  Yuan value;
  Yuan tolerance;
  std::string written;
};
std::optional<StatedAmount> parse_stated_wan(const std::string& text);

// The narrative's stated budget (Project::narrative_budget_wan).
std::optional<StatedAmount> narrative_budget(const Project& p);

// How a stated amount relates to the form.
enum class FormMatch { kNoForm, kMatch, kRounding, kMagnitudeSlip, kMismatch };
FormMatch compare_with_form(Yuan stated, Yuan tolerance, const FormBudget& fb, const ReviewOptions& o);

// Reading a prose budget list: the value it adds up to and the subtotals that do not add up.
struct ListReading {
  std::optional<BudgetStatement> leading_declared;  // a declared total before any item
  Yuan value;        // Σ closing totals (each standing for the items before it) + trailing items
  int parts = 0;     // how many amounts make up `value` (items and closing totals)
  int items = 0;     // plain items
  struct Mismatch {
    BudgetStatement total;
    Yuan items_sum;
    int items = 0;
  };
  std::vector<Mismatch> mismatches;  // closing totals ≠ the sum of their items
};
ListReading read_list(const BudgetList& list, const ReviewOptions& o);

}  // namespace jixiao::rules
