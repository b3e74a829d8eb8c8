// The printed labels of a 绩效目标申报表/填报表: the field labels of the form head (项目名称 …
// 年度总体目标) and the labels of the indicator table (一级/二级 indicator classes, column headers,
// the vertical 绩效指标 caption).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::form {

// Labels of the form head, in the order a form prints them.
enum class FieldLabel {
  kName,           // 项目名称
  kNature,         // 项目性质
  kCategory,       // 项目类别
  kDepartment,     // 主管部门
  kImplementer,    // 实施单位
  kStart,          // 计划开始日期
  kEnd,            // 计划完成日期
  kFundsHeader,    // 项目资金（元） — the row caption of the funds block, no value of its own
  kTotal,          // 项目资金总额
  kFiscal,         // 其中：财政资金
  kOther,          // 其他资金 (printed twice: left and right column)
  kAnnualTotal,    // 年度资金申请总额
  kAppropriation,  // 其中：当年财政拨款
  kCarryover,      // 上年结转资金
  kGoalsHeader,    // 项目绩效目标 — row caption, no value of its own
  kOverallGoal,    // 项目总目标
  kAnnualGoal,     // 年度总体目标 / 年度总目标
  kTableHeader,    // 一级指标 / 二级指标 / 三级指标 / 年度(/项目)指标值: where the table starts
};

struct FieldLabelSpelling {
  std::u32string key;  // folded (see fold_key), no whitespace
  FieldLabel label;
};

// Every spelling of every head label, longest first (so 项目资金总额 wins over 项目资金).
const std::vector<FieldLabelSpelling>& field_label_spellings();

// The JSON field name for a value-carrying head label ("name", "funds_yuan.total" …).
std::string_view field_name(FieldLabel label);

// The four first-level indicator classes (一级指标).
inline constexpr std::string_view kCostClass = "成本指标";
inline constexpr std::string_view kOutputClass = "产出指标";
inline constexpr std::string_view kBenefitClass = "效益指标";
inline constexpr std::string_view kSatisfactionClass = "满意度指标";

enum class TableLabelKind {
  kHeader,        // column header: 一级指标, 二级指标, 三级指标, 年度(/项目)指标值
  kVertical,      // the vertical caption 绩效指标, or a piece of it (绩效, 指标)
  kLevel1,        // 产出指标, 效益指标
  kLevel2,        // 数量指标, 经济成本指标, 服务对象满意度指标 …
  kCost,          // 成本指标: first level, or second level under 产出指标 on some forms
  kSatisfaction,  // 满意度指标: first level, or a short second-level label
};

struct TableLabel {
  TableLabelKind kind = TableLabelKind::kHeader;
  std::string name;      // as the form spells it, whitespace removed
  std::string category;  // for kLevel2: the first-level class it belongs to ("" when unknown)
  bool by_ending = false;  // a second-level class not in the list, recognised by its ending
};

// False for a code point no table label ends with (every label ends in 标, 值, 效 or 指): a text
// ending with it is not a label.
inline bool may_end_table_label(char32_t last) {
  return last == U'标' || last == U'值' || last == U'效' || last == U'指';
}

// Classifies a whitespace-free, key-folded text as a table label; nullopt when it is not one.
std::optional<TableLabel> classify_table_label(std::u32string_view key);

// The indicator-class labels classify_table_label knows by name (产出指标 … 群众满意度指标), as
// code points: a key equal to one of them classifies as that label (not by its ending).
const std::vector<std::u32string>& indicator_class_keys();

// True for a piece of an indicator-class label that is not a label itself ("成本指", "意度指标"):
// left in the table's content it shows that the layout tore a label apart (OCR reading across
// cells), so the rows around it cannot be trusted.
bool is_torn_label_piece(std::u32string_view key);

// The longest text a table label can have, in code points (bounds label search).
inline constexpr std::size_t kMaxTableLabelLength = 16;

}  // namespace jixiao::form
