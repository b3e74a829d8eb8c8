// Budget line items (预算明细) of a narrative: rows of tables such as
//   项目组成 数量 单价 资金需求 / 援藏干部工作经费 11 25 275
//   项目组成 数量份 单价元 资金需求 / 制作宣传单 56850 2元 113700元
//   单次审核费用（元） 规范性文件数量（件） 总计审核费用（元） / 800 50 800×50=40000
#pragma once

#include <span>
#include <string>

#include "ingest/text_line.h"
#include "model/declaration.h"

namespace jixiao {

// Reads the tables in the lines of one narrative section and appends their rows to
// project.line_items (tagged with `sub_project`). A table starts at a header row naming its
// columns (数量, 单价/单次…, 资金需求/金额/总计…); a row's name may wrap over the lines above
// its numbers. Numbers are kept as written (minus thousands separators), units too; a unit
// missing from a cell comes from its column header ("单价（万元）"), else stays empty. A row
// whose count of numbers does not fit the header keeps only its last (amount) column and is
// listed in project.unreadable. Total rows (合计, 总计, 小计) are not items.
void read_line_items(std::span<const TextLine> lines, const std::string& sub_project,
                     Project& project);

}  // namespace jixiao
