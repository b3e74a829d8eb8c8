// VALUE-*: indicator values (指标值): complete, well-formed (comparator + number + unit, or a graded
// qualitative value), plausible, measurable and not duplicated.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "rules/amount.h"
#include "rules/common.h"
#include "rules/families.h"
#include "rules/indicator_kinds.h"
#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

constexpr RuleInfo kValue001{
    "VALUE-001", Severity::kError, "指标缺少名称或指标值",
    "indicator without a name or a value",
    "101号取值指引；一体化规范（厂商实现）：三级指标名称与指标值必填",
    "An indicator row whose 三级指标 name or 指标值 is blank. Rows the parser marked unreadable "
    "are reported by PARSE-001 instead."};
constexpr RuleInfo kValue002{
    "VALUE-002", Severity::kAdvice, "指标值格式不规范",
    "malformed value",
    "101号取值指引：定量指标由指标性质（≥ ≤ =）、数值和计量单位构成，定性指标分级分档表述",
    "A value with a comparator but no number (“当年等保测评分≥上一期分数”: a relative target "
    "without a baseline figure), or a bare number without comparator (“100%”, “12次”). Values "
    "such as “48小时内”, “2023年10月底” are accepted."};
constexpr RuleInfo kValue003{
    "VALUE-003", Severity::kError, "百分比超出0–100%",
    "percentage outside 0–100",
    "比率类指标取值范围（算术）",
    "A value in % above 100 or below 0, unless the name describes growth (增长, 增幅, 提高, 同比 "
    "…), which may exceed 100%."};
constexpr RuleInfo kValue004{
    "VALUE-004", Severity::kWarning, "正向比率指标使用“≤”",
    "an upper bound on a rate that should be high",
    "docs/domain-rules §4：“≤X%”用于明显的正向比率（满意度、合格率、完成率…）属设置错误",
    "A rate that should be high (满意度, 合格率, 完成率, 覆盖率 …) set with ≤ or <."};
constexpr RuleInfo kValue005{
    "VALUE-005", Severity::kWarning, "定量指标缺少计量单位",
    "quantitative value without unit",
    "一体化规范（厂商实现）：定量指标计量单位必填",
    "A value with comparator and number but no unit (“=56850”)."};
constexpr RuleInfo kValue006{
    "VALUE-006", Severity::kAdvice, "指标值为方向性表述，难以衡量",
    "vague qualitative values",
    "101号：指标应细化量化、可衡量；docs/domain-rules §4“模糊化”（进一步提高、明显改善、有效促进）",
    "Lists the qualitative values that state only a direction (提升, 提高, 有效, 明显, 改善, 良好, "
    "满意 …) where a number is plausible, with the share of quantitative indicators. Raised when "
    "two or more such values exist, or one when less than 60% of the readable indicators are "
    "quantitative. Indicators the parser marked unreadable are not counted."};
constexpr RuleInfo kValue007{
    "VALUE-007", Severity::kWarning, "重复的指标",
    "duplicate indicator",
    "101号：指标高度关联、重点突出；重复设置不增加信息",
    "Two rows of one form with the same 三级指标 name (whitespace ignored)."};
constexpr RuleInfo kValue008{
    "VALUE-008", Severity::kWarning, "金额类指标计量单位不规范",
    "money indicator with an odd unit",
    "计量单位须明确（万 ≠ 万元）；成本指标以元或万元计",
    "A cost or money indicator (成本, 费用, 经费, 资金, 金额, 租费) whose unit is a bare 万/千/亿 "
    "without 元."};

// Rules about the table as a whole run only on a table that was read whole.
bool reviewable(const ProjectView& v) { return v.table_readable; }

bool unreadable_indicator(const ProjectView& v, std::size_t k) { return v.indicators[k].unreadable; }

void check_value001(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    bool no_name = v.indicators[k].name.empty(), no_value = v.indicators[k].value.empty();
    if ((!no_name && !no_value) || unreadable_indicator(v, k)) continue;
    Finding& f = r.report(no_name ? fmt::format("{}—{}下有一行指标没有名称（指标值 {}）", i.l1, i.l2, i.value)
                                  : fmt::format("指标“{}”没有指标值", i.name));
    f.field = fmt::format("indicators[{}].{}", k, no_name ? "name" : "value");
    f.evidence = {evidence("类别", i.l1 + "—" + i.l2)};
    add_span(f, i.span);
  }
}

bool has_comparator_char(std::string_view s) {
  for (std::string_view c : {"≥", "≤", ">", "<", "=", "＞", "＜", "＝"})
    if (s.find(c) != std::string_view::npos) return true;
  return false;
}

bool is_bare_number(std::string_view text) {
  std::u32string s = compact_u32(text);
  std::size_t i = 0;
  while (i < s.size() && (is_ascii_digit(s[i]) || s[i] == U'.')) ++i;
  if (i == 0) return false;
  std::u32string_view rest = std::u32string_view(s).substr(i);
  if (rest.empty()) return true;
  for (char32_t c : rest)
    if (is_ascii_digit(c)) return false;
  // A verbal bound or a date is a complete target ("48小时内", "2023年10月底").
  for (std::u32string_view w : {U"内", U"以内", U"以上", U"以下", U"之内", U"前", U"底", U"初", U"末", U"日", U"年"})
    if (rest.size() >= w.size() && rest.substr(rest.size() - w.size()) == w) return false;
  return rest.size() <= 4;
}

void check_value002(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (i.target.quantitative() || i.target.text.empty() || unreadable_indicator(v, k)) continue;
    std::string problem;
    if (has_comparator_char(i.target.text)) {
      bool digits = std::any_of(i.target.text.begin(), i.target.text.end(),
                                [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) problem = "有比较符而无具体数值（相对基准未量化）";
    } else if (is_bare_number(i.target.text)) {
      problem = "只有数值，缺少指标性质（≥ ≤ =）";
    }
    if (problem.empty()) continue;
    Finding& f = r.report(fmt::format("指标“{}”的指标值“{}”{}", i.name, i.value, problem));
    f.field = fmt::format("indicators[{}].value", k);
    f.evidence = {evidence("指标值", i.value)};
    add_span(f, i.span);
  }
}

void check_value003(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!i.target.quantitative() || !is_percent_unit(i.target.unit) || names_growth(i.name) ||
        unreadable_indicator(v, k))
      continue;
    auto d = Decimal::parse(i.target.num);
    if (!d) continue;
    Decimal hundred{100, 0};
    bool over = Yuan::from_decimal(*d, 1) > Yuan::from_decimal(hundred, 1);
    bool negative = d->digits < 0;
    if (!over && !negative) continue;
    Finding& f = r.report(fmt::format("指标“{}”的指标值 {} 超出 0–100%", i.name, i.value));
    f.field = fmt::format("indicators[{}].value", k);
    f.evidence = {evidence("指标值", i.value)};
    f.comparison = fmt::format("{}% {} {}%", i.target.num, over ? ">" : "<", over ? "100" : "0");
    add_span(f, i.span);
  }
}

bool names_negative_rate(std::string_view name) {
  for (std::string_view w : {"投诉", "故障", "差错", "发生率", "失败", "流失", "空置", "超支", "偏差", "误差",
                             "事故", "不合格", "退回", "返工", "错误", "延误", "逾期"})
    if (name.find(w) != std::string_view::npos) return true;
  return false;
}

void check_value004(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!i.target.quantitative() || !is_percent_unit(i.target.unit) || unreadable_indicator(v, k)) continue;
    if (i.target.cmp != Comparator::kLe && i.target.cmp != Comparator::kLt) continue;
    if (!names_positive_rate(i.name) || names_negative_rate(i.name)) continue;
    Finding& f = r.report(fmt::format("“{}”应越高越好，指标值却设为 {}（上限），应为“≥”", i.name, i.value));
    f.field = fmt::format("indicators[{}].value", k);
    f.evidence = {evidence("指标值", i.value)};
    add_span(f, i.span);
  }
}

void check_value005(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!i.target.quantitative() || !v.indicators[k].unit.empty() || unreadable_indicator(v, k)) continue;
    Finding& f = r.report(fmt::format("指标“{}”的指标值 {} 没有计量单位", i.name, i.value));
    f.field = fmt::format("indicators[{}].value", k);
    f.evidence = {evidence("指标值", i.value)};
    add_span(f, i.span);
  }
}

void check_value006(const ReviewContext& ctx, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  std::vector<const Indicator*> vague;
  int quantitative = 0;
  int readable = 0;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (unreadable_indicator(v, k)) continue;  // PARSE-001 lists it; its value is not known
    ++readable;
    if (i.target.quantitative()) ++quantitative;
    else if (is_vague_value(i.target.text)) vague.push_back(&i);
  }
  if (vague.empty()) return;
  double share = static_cast<double>(quantitative) / static_cast<double>(readable);
  if (vague.size() < 2 && share >= ctx.options->quantitative_share_advice) return;
  std::string examples;
  for (std::size_t k = 0; k < vague.size() && k < 3; ++k)
    examples += (k ? "、" : "") + std::string("“") + vague[k]->value + "”";
  Finding& f = r.report(fmt::format("{} 项指标值为{}等方向性表述，难以衡量是否达成；定量指标 {}/{}（{}）",
                                    vague.size(), examples, quantitative, readable, percent_label(share)));
  f.field = "indicators";
  for (const Indicator* i : vague) {
    f.evidence.push_back(evidence(i->name, i->value));
    add_span(f, i->span);
  }
  f.comparison = fmt::format("定量指标占比 {}/{} = {}（不计无法识别的指标）", quantitative, readable,
                             percent_label(share));
}

void check_value007(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  if (!reviewable(v)) return;
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const std::string& n = v.indicators[k].name;
    if (!n.empty()) by_name[n].push_back(k);
  }
  for (const auto& [name, rows] : by_name) {
    if (rows.size() < 2) continue;
    const Indicator& first = p.indicators[rows[0]];
    bool same_value = std::all_of(rows.begin(), rows.end(), [&](std::size_t k) {
      return v.indicators[k].value == v.indicators[rows[0]].value;
    });
    Finding& f = r.report(fmt::format("指标“{}”出现 {} 次{}", first.name, rows.size(),
                                      same_value ? "" : "，取值不同"));
    f.field = fmt::format("indicators[{}]", rows[1]);
    for (std::size_t k : rows) {
      const Indicator& i = p.indicators[k];
      f.evidence.push_back(evidence(i.l1 + "—" + i.l2, i.name + " " + i.value));
      add_span(f, i.span);
    }
  }
}

bool names_money(std::string_view name) {
  for (std::string_view w : {"成本", "费用", "经费", "资金", "金额", "租费", "价格", "单价", "投入"})
    if (name.find(w) != std::string_view::npos) return true;
  return false;
}

void check_value008(const ReviewContext&, const ProjectView& v, Reporter& r) {
  const Project& p = *v.project;
  for (std::size_t k = 0; k < p.indicators.size(); ++k) {
    const Indicator& i = p.indicators[k];
    if (!i.target.quantitative() || !(v.indicators[k].cost || names_money(i.name)) || unreadable_indicator(v, k))
      continue;
    const std::string& unit = v.indicators[k].unit;
    std::string base = unit.substr(0, unit.find('/'));
    if (base != "万" && base != "千" && base != "亿") continue;
    Finding& f = r.report(fmt::format("金额类指标“{}”的计量单位为“{}”，缺少“元”（应为“{}元”）", i.name,
                                      unit, base));
    f.field = fmt::format("indicators[{}].unit", k);
    f.evidence = {evidence("指标值", i.value), evidence("计量单位", unit)};
    add_span(f, i.span);
  }
}

}  // namespace

void add_value_rules(std::vector<Rule>& out) {
  out.push_back({kValue001, check_value001, nullptr});
  out.push_back({kValue002, check_value002, nullptr});
  out.push_back({kValue003, check_value003, nullptr});
  out.push_back({kValue004, check_value004, nullptr});
  out.push_back({kValue005, check_value005, nullptr});
  out.push_back({kValue006, check_value006, nullptr});
  out.push_back({kValue007, check_value007, nullptr});
  out.push_back({kValue008, check_value008, nullptr});
}

}  // namespace jixiao::rules
