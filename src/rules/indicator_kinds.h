// The indicator framework (指标体系) the review knows: level-1 and level-2 names (财预〔2021〕101号
// and Shanghai practice, docs/domain-rules.md §1.3, §2.3) and word lists that classify
// indicator names and values (satisfaction, quality rates, vague values …).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/declaration.h"

namespace jixiao::rules {

enum class Level1 { kCost, kOutput, kEffect, kSatisfaction, kUnknown };

// "成本指标"/"成本" → kCost …; kUnknown for anything else.
Level1 level1_of(std::string_view l1);
std::string_view level1_name(Level1 l);  // "成本指标" …
// The level-2 name without whitespace and without the trailing "指标" ("经济成本指标" → "经济成本").
std::string level2_core(std::string_view l2);
// level2_core(l2) == core, without allocating (the review asks this for every row).
bool level2_is(std::string_view l2, std::string_view core);
// The level-2 names 101号 allows under a level-1 (cores, e.g. {"数量","质量","时效"}).
const std::vector<std::string>& allowed_level2(Level1 l1);
// The level-1 a known level-2 core belongs to; kUnknown when it is not a known name.
Level1 home_of_level2(std::string_view core);
// True for the older form variant that files cost under 产出 (二级 "成本指标").
bool is_cost_under_output(const Indicator& i);
// A cost indicator: level-1 成本, or the older 产出 → 成本 variant.
bool is_cost_indicator(const Indicator& i);

// Whether the indicator table of `p` was read whole: a form with rows, none marked unreadable and
// every row with its 一级, 二级 and 三级 names. Rules about the table as a whole (which
// categories it has, duplicates, the share of vague values) need this; PARSE-001 reports the rest.
bool table_readable(const Project& p);

// Name classes.
bool names_satisfaction(std::string_view name);   // 满意度, 满意率
bool names_quality_rate(std::string_view name);   // 合格率, 准确率, 验收合格, 通过率 …
bool names_positive_rate(std::string_view name);  // rates that should be high: 满意度, 完成率 …
bool names_growth(std::string_view name);         // 增长, 增幅, 提高 …: may exceed 100%
bool names_per_person(std::string_view name);     // 人均, 每人
bool names_total_cost(std::string_view name);     // 总成本, 项目成本, 总费用 …

// A qualitative value that says a direction but no measure ("提升", "有效", "明显改善").
bool is_vague_value(std::string_view value);

// Units that make a percentage.
bool is_percent_unit(std::string_view unit);

}  // namespace jixiao::rules
