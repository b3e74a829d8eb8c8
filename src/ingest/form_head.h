// The head of a form: 项目名称 … 实施单位, the planned dates, the seven amounts of 项目资金 and
// the goals. Read by label: each value is what the stream holds between its label and the next,
// whatever the layout did to lines and cells in between.
#pragma once

#include <cstddef>
#include <vector>

#include "ingest/form_text.h"
#include "model/declaration.h"

namespace jixiao::form {

// Reads the head fields into `project` (values with spans; unreadable ones listed in
// project.unreadable) and returns the stream index where the indicator table starts
// (stream.size() when the form has no table).
std::size_t parse_form_head(const Tokens& tokens, const std::vector<StreamChar>& stream,
                            Project& project);

}  // namespace jixiao::form
