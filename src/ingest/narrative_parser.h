// The narrative of a project (项目经费情况说明): its title, sections 一、…七、 (项目概述, 立项依据,
// 实施主体, 实施方案, 实施周期, 年度预算安排, 绩效目标), sub-projects （一）、TITLE with their
// own 1、…7、 sections, the budget it states, and the line items of its budget tables.
#pragma once

#include <optional>
#include <span>

#include "ingest/text_line.h"
#include "model/declaration.h"

namespace jixiao {

struct NarrativeInfo {
  std::optional<int> number;  // "项目经费情况说明 3" → 3
};

// Parses one narrative region — from its title line ("项目经费情况说明 N--TITLE", or
// "项目经费情况说明 N" + "项目名称：TITLE", or "TITLE经费情况说明") up to the next part —
// into `project`: narrative_title, sections, sub_projects, line_items, narrative_budget_wan,
// has_narrative and span. Rule for narrative_budget_wan: the budget stated in the project's own
// 项目概述 (a 预算… phrase); else in its 年度预算安排 (预算… or 申请… phrase, or a section
// that is only an amount); a 元 amount converts exactly to 万元; else, when the
// project has exactly one sub-project, that sub-project's budget; else null (several
// sub-projects each state their own amount and the narrative states none for the whole).
NarrativeInfo parse_narrative(std::span<const TextLine> lines, Project& project);

}  // namespace jixiao
