// The review engine's entry point (审核): run every rule over a parsed declaration.
#pragma once

#include <vector>

#include "model/declaration.h"
#include "model/finding.h"
#include "rules/tolerances.h"

namespace jixiao {

// Runs all registered rules over `d` and returns their findings, ordered by project, then
// severity (errors first), then rule code. Never fails: a rule that lacks the data it needs
// stays silent.
std::vector<Finding> review(const Declaration& d, const ReviewOptions& options = {});

}  // namespace jixiao
