// The `jixiao parse --format text` rendering: a readable Chinese summary of a Declaration.
#pragma once

#include <string>

#include "model/declaration.h"

namespace jixiao::cli {

// Summary of one parsed document: source, layout, issuer, year, header claims, then per
// project its form fields, the seven amounts, the narrative's budget, sub-projects, line-item
// count, goals (shortened), indicators and unreadable fields, each with its source lines.
std::string parse_summary(const Declaration& declaration);

}  // namespace jixiao::cli
