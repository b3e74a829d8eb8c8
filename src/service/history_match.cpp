#include "service/history_match.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "rules/similarity.h"
#include "store/keys.h"

namespace jixiao {

namespace {

std::string two_decimals(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

double name_similarity(const std::string& a, const std::string& b) {
  std::string ka = store::name_key(a), kb = store::name_key(b);
  if (!ka.empty() && ka == kb) return 1.0;
  // Distinct names can share every bigram ("…管理服务管理" / "…管理服务管理服务"): below 1.
  return std::min(rules::text_similarity(ka, kb), 0.99);
}

}  // namespace

bool may_match(const ProjectInfo& a, const ProjectInfo& b) {
  if (store::unit_key(a.implementer) == store::unit_key(b.implementer)) return true;
  return name_similarity(a.name, b.name) >= 0.3;
}

MatchScore score_match(const MatchSide& earlier, const MatchSide& later, const MatchPolicy& policy,
                       bool across_gap) {
  MatchScore m;
  m.name_similarity = name_similarity(earlier.info.name, later.info.name);
  const std::string impl_a = store::unit_key(earlier.info.implementer);
  const std::string impl_b = store::unit_key(later.info.implementer);
  const std::string dept_a = store::unit_key(earlier.info.department);
  const std::string dept_b = store::unit_key(later.info.department);
  m.same_implementer = !impl_a.empty() && impl_a == impl_b;
  m.same_department = !dept_a.empty() && dept_a == dept_b;

  std::set<std::string> ind_a, ind_b;
  for (const auto& n : earlier.features.indicator_names) ind_a.insert(store::name_key(n));
  for (const auto& n : later.features.indicator_names) ind_b.insert(store::name_key(n));
  std::size_t shared = 0;
  for (const auto& n : ind_a) shared += ind_b.count(n);
  const std::size_t united = ind_a.size() + ind_b.size() - shared;
  m.indicator_overlap = united ? static_cast<double>(shared) / static_cast<double>(united) : 0.0;

  const std::string goal_a = earlier.features.overall_goal + earlier.features.annual_goal;
  const std::string goal_b = later.features.overall_goal + later.features.annual_goal;
  m.goal_similarity = (!goal_a.empty() && !goal_b.empty()) ? rules::text_similarity(goal_a, goal_b) : 0.0;

  if (earlier.info.total && later.info.total && earlier.info.total->fen() > 0 && later.info.total->fen() > 0) {
    double x = static_cast<double>(earlier.info.total->fen());
    double y = static_cast<double>(later.info.total->fen());
    m.amount_ratio = std::min(x, y) / std::max(x, y);
  }

  m.score = policy.name_weight * m.name_similarity + policy.implementer_weight * (m.same_implementer ? 1 : 0) +
            policy.department_weight * (m.same_department ? 1 : 0) +
            policy.indicator_weight * m.indicator_overlap + policy.goal_weight * m.goal_similarity +
            policy.amount_weight * m.amount_ratio;

  const bool content_carries = m.indicator_overlap >= policy.moved_min_indicator_overlap ||
                               m.goal_similarity >= policy.moved_min_goal_similarity;
  m.acceptable = m.score >= policy.min_score &&
                 (m.name_similarity >= policy.min_name_similarity || content_carries) &&
                 (m.same_implementer || m.same_department || content_carries) &&
                 (!across_gap || content_carries);

  HistoryLink& link = m.link;
  link.score = m.score;
  link.renamed = store::name_key(earlier.info.name) != store::name_key(later.info.name);
  link.moved = !m.same_implementer;
  if (!link.renamed) {
    link.reasons.push_back("名称相同");
  } else {
    link.reasons.push_back("更名：「" + earlier.info.name + "」→「" + later.info.name + "」（名称相似度 " +
                           two_decimals(m.name_similarity) + "）");
  }
  if (m.same_implementer) {
    link.reasons.push_back("实施单位相同");
  } else {
    link.reasons.push_back("单位调整：" + earlier.info.implementer + " → " + later.info.implementer);
  }
  if (!m.same_department && !dept_a.empty() && !dept_b.empty()) {
    link.reasons.push_back("主管部门调整：" + earlier.info.department + " → " + later.info.department);
  }
  if (!ind_a.empty() || !ind_b.empty()) {
    link.reasons.push_back("指标名称重合 " + std::to_string(shared) + "/" + std::to_string(united));
  }
  if (m.goal_similarity > 0) link.reasons.push_back("目标文本相似度 " + two_decimals(m.goal_similarity));
  if (m.amount_ratio > 0) link.reasons.push_back("金额接近度 " + two_decimals(m.amount_ratio));
  if (across_gap) link.reasons.push_back("中间年度未申报");
  return m;
}

}  // namespace jixiao
