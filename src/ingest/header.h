// The document-level facts: the title (issuer = the unit named in it, budget year) and the
// claims of the 绩效目标设置情况 paragraph (本部门/本单位 N 个预算单位; 编报绩效目标的项目
// N 个; 涉及项目预算资金 X 万元).
#pragma once

#include <span>

#include "ingest/text_line.h"
#include "model/declaration.h"

namespace jixiao {

// Reads issuer and year from the title lines (an explicit "预算主管部门：X" / "预算单位：X"
// line wins over the unit printed before or after "YYYY 年" in the title). Leaves the fields
// empty when the title does not state them.
void read_title(std::span<const TextLine> title_lines, Declaration& declaration);

// Reads the header claims (wrapped over lines or not). A claim whose phrase is present but
// whose number cannot be read is listed in declaration.unreadable. Sets the year from
// "开展了 YYYY 年…" / "YYYY 年度，…" when the title gave none.
void read_header_claims(std::span<const TextLine> header_lines, Declaration& declaration);

}  // namespace jixiao
