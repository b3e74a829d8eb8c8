// The indicator table (绩效指标) of a form: 一级 / 二级 class labels wherever the layout prints
// them, and the rows of 三级指标 name + 指标值 between them.
#pragma once

#include "ingest/form_text.h"
#include "model/declaration.h"

namespace jixiao::form {

// Parses the table (`tokens` runs from its first header or class label to the end of the form)
// into project.indicators. Rows that cannot be read unambiguously are still added with the best
// reading and listed in project.unreadable ("indicators[k].name" / ".value"); parts of the table
// torn apart by the layout are listed as "indicators" and not guessed.
void parse_indicator_table(const Tokens& tokens, Project& project);

}  // namespace jixiao::form
