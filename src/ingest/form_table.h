// The indicator table (绩效指标) of a form: 一级 / 二级 class labels wherever the layout prints
// them, and the rows of 三级指标 name + 指标值 between them.
#pragma once

#include "ingest/form_text.h"
#include "model/declaration.h"

namespace jixiao::form {

// Parses the table (`tokens` runs from its first header or class label to the end of the form)
// into project.indicators. Rows that cannot be read unambiguously are still added, their name and
// value null and listed in project.unreadable ("indicators[k].name" / ".value"); parts of the table
// torn apart by the layout are listed as "indicators" and not guessed. `page_marks`: the text
// marks the first line of its pages (TextLine::page_start), so a line not marked is no page start.
void parse_indicator_table(const Tokens& tokens, Project& project, bool page_marks = false);

}  // namespace jixiao::form
