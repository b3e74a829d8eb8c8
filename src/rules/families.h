// Internal: each rule family (one .cpp file per family) appends its rules to the registry.
// Static libraries drop unreferenced self-registering objects, so registration is explicit.
#pragma once

#include <vector>

#include "rules/rule.h"

namespace jixiao::rules {

void add_funds_rules(std::vector<Rule>& out);       // FUND-*: the form's funds identities
void add_header_rules(std::vector<Rule>& out);      // HEAD-*: the document header's claims
void add_budget_rules(std::vector<Rule>& out);      // BUDG-*: narrative budget vs form, sums
void add_arithmetic_rules(std::vector<Rule>& out);  // ARITH-*: products written out
void add_cost_rules(std::vector<Rule>& out);        // COST-*: cost indicators vs the budget
void add_framework_rules(std::vector<Rule>& out);   // FRAME-*: indicator framework (101号)
void add_value_rules(std::vector<Rule>& out);       // VALUE-*: indicator values
void add_consistency_rules(std::vector<Rule>& out); // CONS-*: dates, names, units (+ goals)
void add_goal_rules(std::vector<Rule>& out);        // CONS-*: goals and topics (similarity)
void add_citation_rules(std::vector<Rule>& out);    // CONS-*: documents cited as 立项依据
void add_parse_rules(std::vector<Rule>& out);       // PARSE-*: what could not be read

}  // namespace jixiao::rules
