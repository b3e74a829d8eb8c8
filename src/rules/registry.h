// The registry of all review rules: every rule with its code, severity, Chinese title, basis and
// description. docs/rules.md documents exactly these codes (a test keeps them in sync).
#pragma once

#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace jixiao::rules {

// All rules, ordered by code. Built once; never empty.
const std::vector<Rule>& all_rules();

// The rule with this code, nullptr when none.
const Rule* find_rule(std::string_view code);

}  // namespace jixiao::rules
