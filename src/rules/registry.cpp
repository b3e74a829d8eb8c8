#include "rules/registry.h"

#include <algorithm>

#include "rules/families.h"

namespace jixiao::rules {

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    add_funds_rules(out);
    add_header_rules(out);
    add_budget_rules(out);
    add_arithmetic_rules(out);
    add_cost_rules(out);
    add_framework_rules(out);
    add_value_rules(out);
    add_consistency_rules(out);
    add_parse_rules(out);
    std::sort(out.begin(), out.end(),
              [](const Rule& a, const Rule& b) { return a.info.code < b.info.code; });
    return out;
  }();
  return rules;
}

const Rule* find_rule(std::string_view code) {
  for (const auto& r : all_rules())
    if (r.info.code == code) return &r;
  return nullptr;
}

}  // namespace jixiao::rules
