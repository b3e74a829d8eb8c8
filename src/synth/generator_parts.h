// Internal to synth/: the pieces generate_document() is assembled from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/declaration.h"
#include "synth/generator.h"
#include "synth/rng.h"

namespace jixiao::synth::detail {

// What the generator knows about a project while building its text.
struct ProjectPlan {
  int year = 0;
  std::string issuer_unit;   // the unit that carries out the project (short, for sentences)
  std::string office;        // 科室 in 实施主体
  std::string topic;         // work topic the project is about
  std::vector<std::string> works;  // pieces of work named in the narrative
  bool classified = false;   // 涉密: narrative sections say 暂不公开
  bool multi_year = false;
};

// Decimal helpers for exact amounts: values are integers scaled by 10^scale.
std::string decimal_minimal(std::int64_t value, int scale);  // "7.5", "3778", "0.098"

// Indicators for one project, in form order (l1 groups, then l2 groups, then rows).
std::vector<Indicator> generate_indicators(Rng& rng, const DocumentStyle& style,
                                           const ProjectPlan& plan, int max_rows);

// Goal text: a sentence or two about the plan's works.
std::string goal_sentence(Rng& rng, const ProjectPlan& plan);

// Narrative sections 一…七 (or 1…7 inside a sub-project) with their block layout. `budget_wan`
// is the budget the overview states (as written); `items` are the line items the 年度预算安排
// table shows (empty: the budget is described in prose, using `total_fen`).
struct NarrativeParts {
  std::vector<NarrativeSection> sections;
  std::vector<std::vector<BodyBlock>> blocks;
};
NarrativeParts generate_sections(Rng& rng, const ProjectPlan& plan, bool numbered_arabic,
                                 const std::string& budget_wan, std::int64_t total_fen,
                                 const std::vector<LineItem>& items, const std::string& sub_project,
                                 int start_month, int end_year, int end_month);

// Budget line items whose amounts add up exactly; returns the total in fen through `total_fen`.
std::vector<LineItem> generate_line_items(Rng& rng, const std::string& sub_project,
                                          std::int64_t& total_fen);

}  // namespace jixiao::synth::detail
