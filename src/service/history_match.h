// How two projects of different years are judged to be the same project (历年匹配): the score
// and the reasons that `history` shows. Pure functions, independent of the store.
#pragma once

#include <string>
#include <vector>

#include "service/workspace.h"
#include "store/store.h"

namespace jixiao {

struct MatchSide {
  ProjectInfo info;
  store::ProjectFeatures features;
};

// Weights and thresholds of the match (docs/storage.md, "Matching across years").
struct MatchPolicy {
  double name_weight = 0.40, implementer_weight = 0.15, department_weight = 0.05;
  double indicator_weight = 0.20, goal_weight = 0.10, amount_weight = 0.10;
  double min_score = 0.55;
  // A rename needs this name similarity unless indicators and goals carry the match.
  double min_name_similarity = 0.5;
  // With neither implementer nor department in common (a unit moved to another department), the
  // content must match: this share of indicator names or this goal similarity.
  double moved_min_indicator_overlap = 0.4;
  double moved_min_goal_similarity = 0.6;
};

struct MatchScore {
  double score = 0;
  bool acceptable = false;
  double name_similarity = 0, indicator_overlap = 0, goal_similarity = 0, amount_ratio = 0;
  bool same_implementer = false, same_department = false;
  HistoryLink link;  // score, reasons, renamed, moved (reasons filled even when not acceptable)
};

// Scores `later` as the continuation of `earlier` (the reasons read from `earlier` to `later`).
// `across_gap`: stored years lie between the two without the project; the link then also needs
// the content to match (indicators or goals, as for a unit move): a same-named project that
// reappears after a gap with other content is a new project.
MatchScore score_match(const MatchSide& earlier, const MatchSide& later, const MatchPolicy& policy = {},
                       bool across_gap = false);

// Cheap pre-filter before features are loaded: can these two be the same project at all?
bool may_match(const ProjectInfo& a, const ProjectInfo& b);

}  // namespace jixiao
