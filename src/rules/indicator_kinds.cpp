#include "rules/indicator_kinds.h"

#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

bool has_any(std::string_view s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (contains(s, w)) return true;
  return false;
}

}  // namespace

Level1 level1_of(std::string_view l1) {
  std::string spaced;
  std::string_view c = l1;
  if (has_whitespace(l1)) c = spaced = compact(l1);
  if (c == "成本指标" || c == "成本") return Level1::kCost;
  if (c == "产出指标" || c == "产出") return Level1::kOutput;
  if (c == "效益指标" || c == "效益" || c == "效果指标") return Level1::kEffect;
  if (c == "满意度指标" || c == "满意度") return Level1::kSatisfaction;
  return Level1::kUnknown;
}

std::string_view level1_name(Level1 l) {
  switch (l) {
    case Level1::kCost: return "成本指标";
    case Level1::kOutput: return "产出指标";
    case Level1::kEffect: return "效益指标";
    case Level1::kSatisfaction: return "满意度指标";
    case Level1::kUnknown: break;
  }
  return "未知一级指标";
}

std::string level2_core(std::string_view l2) {
  std::string c = compact(l2);
  constexpr std::string_view kSuffix = "指标";
  if (c.size() > kSuffix.size() && c.substr(c.size() - kSuffix.size()) == kSuffix)
    c.resize(c.size() - kSuffix.size());
  return c;
}

bool level2_is(std::string_view l2, std::string_view core) {
  if (has_whitespace(l2)) return level2_core(l2) == core;
  constexpr std::string_view kSuffix = "指标";
  if (l2.size() > kSuffix.size() && l2.substr(l2.size() - kSuffix.size()) == kSuffix)
    l2.remove_suffix(kSuffix.size());
  return l2 == core;
}

const std::vector<std::string>& allowed_level2(Level1 l1) {
  static const std::vector<std::string> kCost = {"经济成本", "社会成本", "生态环境成本"};
  static const std::vector<std::string> kOutput = {"数量", "质量", "时效"};
  // 可持续影响 is kept as a 效益 level-2: 34号 lists it and Shanghai forms still use it.
  static const std::vector<std::string> kEffect = {"经济效益", "社会效益", "生态效益", "可持续影响"};
  static const std::vector<std::string> kSatisfaction = {"服务对象满意度"};
  static const std::vector<std::string> kNone;
  switch (l1) {
    case Level1::kCost: return kCost;
    case Level1::kOutput: return kOutput;
    case Level1::kEffect: return kEffect;
    case Level1::kSatisfaction: return kSatisfaction;
    case Level1::kUnknown: break;
  }
  return kNone;
}

Level1 home_of_level2(std::string_view core) {
  for (Level1 l : {Level1::kCost, Level1::kOutput, Level1::kEffect, Level1::kSatisfaction})
    for (const auto& name : allowed_level2(l))
      if (name == core) return l;
  return Level1::kUnknown;
}

bool is_cost_under_output(const Indicator& i) {
  return level2_is(i.l2, "成本") && level1_of(i.l1) == Level1::kOutput;
}

bool is_cost_indicator(const Indicator& i) {
  return level1_of(i.l1) == Level1::kCost || is_cost_under_output(i);
}

bool table_readable(const Project& p) {
  if (!p.has_form || p.indicators.empty()) return false;
  for (const Unreadable& u : p.unreadable)
    if (u.field.rfind("indicators", 0) == 0) return false;
  for (const Indicator& i : p.indicators)
    if (is_blank(i.l1) || is_blank(i.l2) || is_blank(i.name)) return false;
  return true;
}

bool names_satisfaction(std::string_view name) { return has_any(name, {"满意度", "满意率"}); }

bool names_quality_rate(std::string_view name) {
  return has_any(name, {"合格率", "准确率", "正确率", "差错率", "验收合格", "达标率", "优良率",
                        "通过率", "准确性"});
}

bool names_positive_rate(std::string_view name) {
  return names_satisfaction(name) ||
         has_any(name, {"合格率", "完成率", "达标率", "覆盖率", "通过率", "知晓率", "准确率",
                        "及时率", "到位率", "成功率", "执行率", "稳定率", "正确率", "出勤率",
                        "参与率", "受益率", "使用率", "可用率", "在线率", "响应率", "办结率"});
}

bool names_growth(std::string_view name) {
  return has_any(name, {"增长", "增幅", "增加", "提高", "提升", "同比", "环比", "倍", "比上年",
                        "增速", "超额"});
}

bool names_per_person(std::string_view name) { return has_any(name, {"人均", "每人", "每名"}); }

bool names_total_cost(std::string_view name) {
  return has_any(name, {"总成本", "项目成本", "总费用", "成本总额", "费用总额", "总经费",
                        "经费总额", "项目总投入", "总投入", "预算总额", "项目支出"});
}

bool is_vague_value(std::string_view value) {
  std::string v = compact(value);
  if (v.empty()) return false;
  for (char c : v)
    if (c >= '0' && c <= '9') return false;
  if (char_count(v) > 8) return false;
  return has_any(v, {"提升", "提高", "有效", "明显", "显著", "改善", "增强", "加强", "促进", "良好",
                     "较好", "优化", "减少", "降低", "拓宽", "扩大", "进一步", "逐步", "稳步",
                     "满意", "较高", "大幅"});
}

bool is_percent_unit(std::string_view unit) { return unit == "%" || unit == "％" || unit == "百分比"; }

}  // namespace jixiao::rules
