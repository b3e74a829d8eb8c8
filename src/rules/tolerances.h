// Review options (审核参数): every tolerance and threshold the rules use, explicit and
// configurable, so that a finding can always say how its numbers were compared.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/money.h"

namespace jixiao {

// 1 万元 = 10,000 元. Amounts in 万元 are converted to 元 (and to fen) with this factor; a value
// that matches another only after multiplying or dividing by it is a 元/万元 magnitude slip.
inline constexpr std::int64_t kYuanPerWan = 10000;
inline constexpr std::int64_t kFenPerYuan = 100;
inline constexpr std::int64_t kFenPerWan = kYuanPerWan * kFenPerYuan;

struct ReviewOptions {
  // Findings below this severity are dropped from review()'s result.
  Severity min_severity = Severity::kAdvice;

  // Rule codes to skip entirely (e.g. {"VALUE-005"}).
  std::vector<std::string> disabled_rules;

  // Shanghai: from this budget year every project must set a 成本指标 (2025 guide, §2.3 of
  // docs/domain-rules); before it a missing 成本指标 is only a warning.
  int cost_indicator_required_from_year = 2025;

  // The header's "涉及项目预算资金 X 万元" is printed with this many decimals of 万元; a sum
  // that rounds to the printed value matches (2 decimals: ±0.005 万元 = ±50 元).
  int header_wan_decimals = 2;

  // An amount stated in the narrative matches a form amount when they differ by at most half a
  // unit of the stated amount's last printed digit ("约 610 万元": ±0.5 万元; "704.42": ±50 元).
  // Forms are often rounded to whole hundreds of 元: a difference below this, where the form
  // amount is a multiple of it, is reported as rounding (advice) rather than as an error.
  Money form_rounding = Money::from_fen(100 * kFenPerYuan);

  // Two amounts computed from the same figures (sums of items, products) match within this
  // absolute tolerance on top of the rounding of printed decimals.
  Money arithmetic_tolerance = Money::from_fen(1 * kFenPerYuan);

  // Text similarity (character bigrams, see rules/similarity.h).
  // A goal clause or indicator is "copied from another project" when at least this share of its
  // bigrams occurs in the other project's own text …
  double copied_min_containment = 0.9;
  // … and at most this share occurs in its own project's narrative.
  double copied_max_own_containment = 0.35;
  // Clauses shorter than this (in characters) are too generic to compare.
  int copied_min_clause_chars = 12;
  // An indicator identical to one of another project is "copied" when its words (name and
  // qualitative value) occur in its own narrative at most this share …
  double copied_indicator_max_own = 0.25;
  // … and in the other project's narrative at least this share and this much more.
  double copied_indicator_min_other = 0.3;
  double copied_indicator_min_gap = 0.15;
  // 年度总体目标 counts as a copy of 项目总目标 (multi-year projects) at this Dice similarity.
  double annual_goal_copy_similarity = 0.95;
  // Names (indicator ↔ line item / sub-project) are taken to refer to the same thing at this
  // bigram Dice similarity.
  double name_match_min_similarity = 0.35;
  // The form's 项目名称 and the narrative title agree when their Dice similarity is at least this
  // (after removing whitespace; "…检查" vs "…检查项目" passes); below, CONS-004 reports it.
  double title_match_min_similarity = 0.8;
  // The 实施主体 named in the narrative refers to the form's 实施单位 when this share of its
  // bigrams occurs in the 实施单位 (prefixes such as 上海市/…区 removed), or when the 实施单位
  // occurs in it at implementer_in_body_containment (a department of the unit: "…所信息安全部").
  double implementer_min_containment = 0.6;
  double implementer_in_body_containment = 0.6;

  // A cost indicator (unit cost × planned quantity) that explains less than this share of the
  // budget it names is reported (COST-003).
  double cost_coverage_min = 0.5;
  // The whole project's budget is taken as the referent of its only unit cost when cap × quantity
  // explains at least this share of it (then a budget above cap × quantity is reported).
  double whole_project_min_coverage = 0.8;
  // A sub-project that takes at least this share of the project budget should be visible in the
  // goals or indicators (CONS-008).
  double sub_project_major_share = 0.3;

  // Share of quantitative indicators below which the vague-value advice (VALUE-006) is raised even
  // when only one vague value is present; at or above it two vague values are needed.
  double quantitative_share_advice = 0.6;
};

}  // namespace jixiao
