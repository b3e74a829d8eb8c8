#include "ingest/form_labels.h"

#include <algorithm>
#include <array>
#include <utility>

#include "ingest/form_text.h"

namespace jixiao::form {
namespace {

struct Spelling {
  std::string_view text;
  FieldLabel label;
};

constexpr std::array<Spelling, 38> kFieldSpellings = {{
    {"项目名称", FieldLabel::kName},
    {"项目性质", FieldLabel::kNature},
    {"项目类别", FieldLabel::kCategory},
    {"主管部门", FieldLabel::kDepartment},
    {"主管单位", FieldLabel::kDepartment},
    {"项目实施单位", FieldLabel::kImplementer},
    {"实施单位", FieldLabel::kImplementer},
    {"计划开始日期", FieldLabel::kStart},
    {"计划开始时间", FieldLabel::kStart},
    {"项目开始日期", FieldLabel::kStart},
    {"计划完成日期", FieldLabel::kEnd},
    {"计划完成时间", FieldLabel::kEnd},
    {"计划结束日期", FieldLabel::kEnd},
    {"项目完成日期", FieldLabel::kEnd},
    {"项目资金(万元)", FieldLabel::kFundsHeader},
    {"项目资金(元)", FieldLabel::kFundsHeader},
    {"项目资金总额", FieldLabel::kTotal},
    {"其中:财政资金", FieldLabel::kFiscal},
    {"其中财政资金", FieldLabel::kFiscal},
    {"财政资金", FieldLabel::kFiscal},
    {"其他资金", FieldLabel::kOther},
    {"年度资金申请总额", FieldLabel::kAnnualTotal},
    {"年度资金总额", FieldLabel::kAnnualTotal},
    {"其中:当年财政拨款", FieldLabel::kAppropriation},
    {"其中当年财政拨款", FieldLabel::kAppropriation},
    {"当年财政拨款", FieldLabel::kAppropriation},
    {"其中:上年结转资金", FieldLabel::kCarryover},
    {"上年结转资金", FieldLabel::kCarryover},
    {"项目绩效目标", FieldLabel::kGoalsHeader},
    {"项目总目标", FieldLabel::kOverallGoal},
    {"年度总体目标", FieldLabel::kAnnualGoal},
    {"年度总目标", FieldLabel::kAnnualGoal},
    {"一级指标", FieldLabel::kTableHeader},
    {"二级指标", FieldLabel::kTableHeader},
    {"三级指标", FieldLabel::kTableHeader},
    {"年度(/项目)指标值", FieldLabel::kTableHeader},
    {"年度(项目)指标值", FieldLabel::kTableHeader},
    {"年度指标值", FieldLabel::kTableHeader},
}};

struct ClassLabel {
  std::string_view text;
  TableLabelKind kind;
  std::string_view category;
};

constexpr std::array<ClassLabel, 20> kClassLabels = {{
    {"产出指标", TableLabelKind::kLevel1, kOutputClass},
    {"效益指标", TableLabelKind::kLevel1, kBenefitClass},
    {"成本指标", TableLabelKind::kCost, kCostClass},
    {"满意度指标", TableLabelKind::kSatisfaction, kSatisfactionClass},
    {"数量指标", TableLabelKind::kLevel2, kOutputClass},
    {"质量指标", TableLabelKind::kLevel2, kOutputClass},
    {"时效指标", TableLabelKind::kLevel2, kOutputClass},
    {"经济成本指标", TableLabelKind::kLevel2, kCostClass},
    {"社会成本指标", TableLabelKind::kLevel2, kCostClass},
    {"生态环境成本指标", TableLabelKind::kLevel2, kCostClass},
    {"生态成本指标", TableLabelKind::kLevel2, kCostClass},
    {"社会效益指标", TableLabelKind::kLevel2, kBenefitClass},
    {"经济效益指标", TableLabelKind::kLevel2, kBenefitClass},
    {"生态效益指标", TableLabelKind::kLevel2, kBenefitClass},
    {"可持续影响指标", TableLabelKind::kLevel2, kBenefitClass},
    {"可持续发展指标", TableLabelKind::kLevel2, kBenefitClass},
    {"服务对象满意度指标", TableLabelKind::kLevel2, kSatisfactionClass},
    {"社会公众满意度指标", TableLabelKind::kLevel2, kSatisfactionClass},
    {"社会公众或服务对象满意度指标", TableLabelKind::kLevel2, kSatisfactionClass},
    {"群众满意度指标", TableLabelKind::kLevel2, kSatisfactionClass},
}};

// Second-level labels the list above does not name, recognised by their ending:
// "X满意度指标", "X效益指标", "X成本指标", "X影响指标" with a short X.
struct ClassSuffix {
  std::u32string_view suffix;
  std::string_view category;
};
constexpr std::array<ClassSuffix, 4> kClassSuffixes = {{
    {U"满意度指标", kSatisfactionClass},
    {U"效益指标", kBenefitClass},
    {U"成本指标", kCostClass},
    {U"影响指标", kBenefitClass},
}};
constexpr std::size_t kMaxClassPrefix = 6;  // code points before the suffix

constexpr std::array<std::u32string_view, 4> kHeaderKeys = {
    U"一级指标", U"二级指标", U"三级指标", U"指标值"};

// The vertical caption and its pieces as layouts split it ("绩\n效\n指\n标", "绩效\t…\n指标\t…").
constexpr std::array<std::u32string_view, 7> kVerticalKeys = {
    U"绩效指标", U"绩效", U"指标", U"绩效指", U"效指标", U"效指", U"年度绩效指标"};

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool all_cjk_ideographs(std::u32string_view s) {
  for (char32_t cp : s)
    if (!((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))) return false;
  return true;
}

const std::vector<std::u32string>& class_label_keys() {
  static const std::vector<std::u32string> keys = [] {
    std::vector<std::u32string> out;
    for (const ClassLabel& label : kClassLabels) out.push_back(to_u32(label.text));
    return out;
  }();
  return keys;
}

}  // namespace

const std::vector<std::u32string>& indicator_class_keys() { return class_label_keys(); }

const std::vector<FieldLabelSpelling>& field_label_spellings() {
  static const std::vector<FieldLabelSpelling> spellings = [] {
    std::vector<FieldLabelSpelling> out;
    for (const Spelling& s : kFieldSpellings)
      out.push_back(FieldLabelSpelling{fold_key(to_u32(s.text)), s.label});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.key.size() > b.key.size();
    });
    return out;
  }();
  return spellings;
}

std::string_view field_name(FieldLabel label) {
  switch (label) {
    case FieldLabel::kName: return "name";
    case FieldLabel::kNature: return "nature";
    case FieldLabel::kCategory: return "category";
    case FieldLabel::kDepartment: return "department";
    case FieldLabel::kImplementer: return "implementer";
    case FieldLabel::kStart: return "start";
    case FieldLabel::kEnd: return "end";
    case FieldLabel::kTotal: return "funds_yuan.total";
    case FieldLabel::kFiscal: return "funds_yuan.fiscal";
    case FieldLabel::kOther: return "funds_yuan.other";
    case FieldLabel::kAnnualTotal: return "funds_yuan.annual_total";
    case FieldLabel::kAppropriation: return "funds_yuan.current_appropriation";
    case FieldLabel::kCarryover: return "funds_yuan.carryover";
    case FieldLabel::kOverallGoal: return "overall_goal";
    case FieldLabel::kAnnualGoal: return "annual_goal";
    case FieldLabel::kFundsHeader:
    case FieldLabel::kGoalsHeader:
    case FieldLabel::kTableHeader: break;
  }
  return "";
}

std::optional<TableLabel> classify_table_label(std::u32string_view key) {
  if (key.empty() || key.size() > kMaxTableLabelLength) return std::nullopt;
  // Every label below ends in 标 (…指标), 值 (…指标值), 效 (绩效) or 指 (绩效指, 效指): most keys
  // are ruled out by their last code point.
  if (!may_end_table_label(key.back())) return std::nullopt;
  const std::vector<std::u32string>& keys = class_label_keys();
  for (std::size_t k = 0; k < kClassLabels.size(); ++k) {
    const ClassLabel& label = kClassLabels[k];
    if (keys[k] == key)
      return TableLabel{label.kind, std::string(label.text), std::string(label.category), false};
  }
  for (const ClassSuffix& s : kClassSuffixes) {
    if (!ends_with(key, s.suffix) || key.size() <= s.suffix.size()) continue;
    std::u32string_view prefix = key.substr(0, key.size() - s.suffix.size());
    if (prefix.size() <= kMaxClassPrefix && all_cjk_ideographs(key) &&
        prefix.find(U'指') == std::u32string_view::npos &&
        prefix.find(U'标') == std::u32string_view::npos)
      return TableLabel{TableLabelKind::kLevel2, to_utf8(key), std::string(s.category), true};
  }
  for (std::u32string_view header : kHeaderKeys) {
    if (key == header) return TableLabel{TableLabelKind::kHeader, to_utf8(key), "", false};
  }
  // Value-column headers: "年度指标值", "年度(/项目)指标值", "项目指标值".
  if (ends_with(key, U"指标值") && key.size() <= 12)
    return TableLabel{TableLabelKind::kHeader, to_utf8(key), "", false};
  for (std::u32string_view vertical : kVerticalKeys) {
    if (key == vertical) return TableLabel{TableLabelKind::kVertical, to_utf8(key), "", false};
  }
  return std::nullopt;
}

bool is_torn_label_piece(std::u32string_view key) {
  if (key.size() < 2 || classify_table_label(key)) return false;
  // Only pieces holding 指: a name may well read "服务对象满意度", but not "满意度指".
  if (key.find(U'指') == std::u32string_view::npos) return false;
  for (const std::u32string& label : class_label_keys()) {
    if (key.size() < label.size() && (starts_with(label, key) || ends_with(label, key)))
      return true;
  }
  return false;
}

}  // namespace jixiao::form
