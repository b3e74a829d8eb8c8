// The typed model of a published performance-target declaration (绩效目标申报表 document):
// a Declaration holds the document's header claims and its Projects; each Project holds the form
// (申报表/填报表) fields, funds, goals, the indicator table and the narrative (项目经费情况说明).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/money.h"
#include "model/source_span.h"
#include "model/target.h"

namespace jixiao {

// A value read from the source, with where it was read. `value` is nullopt when the field is
// absent or blank in the source; a field present but unreadable is also listed in Unreadable.
template <class T>
struct Field {
  std::optional<T> value;
  SourceSpan span;

  bool has_value() const { return value.has_value(); }
  bool operator==(const Field&) const = default;
};

// A field that is in the document but could not be read unambiguously (never guessed).
// `field` is the JSON name, e.g. "funds_yuan.total" or "indicators[3].value".
struct Unreadable {
  std::string field;
  SourceSpan span;
  std::string reason;
  bool operator==(const Unreadable&) const = default;
};

// One row of the indicator table (绩效指标): 一级 / 二级 / 三级 name and the target value.
struct Indicator {
  std::string l1;     // 一级指标, normalised: 成本指标 / 产出指标 / 效益指标 / 满意度指标
  std::string l2;     // 二级指标, the full name the form uses (数量指标, 经济成本指标, 服务对象满意度指标 …)
  std::string name;   // 三级指标, whitespace removed
  std::string value;  // 指标值 as printed, whitespace removed (">=" kept as printed)
  Target target;      // value parsed
  SourceSpan span;
  bool operator==(const Indicator&) const = default;
};

// A budget line item in the narrative's 年度预算安排: 数量 × 单价 = 资金需求. Numbers are kept
// exactly as written (decimal strings) with their units ("份", "元", "万元", "元/人"…).
struct LineItem {
  std::string name;
  std::string quantity, quantity_unit;
  std::string unit_price, unit_price_unit;
  std::string amount, amount_unit;
  std::string sub_project;  // title of the sub-project (（一）…) the item belongs to; empty if none
  SourceSpan span;
  bool operator==(const LineItem&) const = default;
};

// A numbered section of the narrative (一、项目概述 … 七、绩效目标, or 1、… inside a sub-project).
struct NarrativeSection {
  std::string number;   // "一", "二" … or "1", "2" …
  std::string heading;  // "项目概述"
  std::string text;     // body, lines joined, whitespace between Chinese characters removed
  std::string sub_project;  // sub-project title when the section sits inside one
  bool classified = false;  // the body says 暂不公开 (classified project)
  SourceSpan span;
  bool operator==(const NarrativeSection&) const = default;
};

// A sub-project of the narrative: "（一）、项目推进及社保卡宣传活动".
struct SubProject {
  std::string number;  // "一"
  std::string title;
  Field<std::string> budget_wan;  // budget the sub-project states, in 万元 as written
  SourceSpan span;
  bool operator==(const SubProject&) const = default;
};

// The seven amounts of the form's 项目资金（元） block, in fen.
struct Funds {
  Field<Money> total;                  // 项目资金总额
  Field<Money> fiscal;                 // 其中：财政资金
  Field<Money> other;                  // 其他资金 (left column)
  Field<Money> annual_total;           // 年度资金申请总额
  Field<Money> current_appropriation;  // 其中：当年财政拨款
  Field<Money> carryover;              // 上年结转资金
  Field<Money> annual_other;           // 其他资金 (right column)
  bool operator==(const Funds&) const = default;
};

struct Project {
  int seq = 0;  // 1-based order of the form in the document (or of the narrative if no form)
  Field<std::string> narrative_title;  // "项目经费情况说明 N--TITLE" or "项目名称：TITLE"
  Field<std::string> name;             // 项目名称 on the form
  Field<std::string> nature;           // 项目性质 (absent on some form variants)
  Field<std::string> category;         // 项目类别
  Field<std::string> department;       // 主管部门
  Field<std::string> implementer;      // 实施单位
  Field<Date> start, end;              // 计划开始日期 / 计划完成日期
  Funds funds;
  Field<std::string> narrative_budget_wan;  // the budget the narrative states, 万元 as written
  std::vector<NarrativeSection> sections;
  std::vector<SubProject> sub_projects;
  std::vector<LineItem> line_items;
  Field<std::string> overall_goal;  // 项目总目标
  Field<std::string> annual_goal;   // 年度总体目标
  std::vector<Indicator> indicators;
  std::vector<Unreadable> unreadable;
  bool has_form = false;       // a 申报表/填报表 was found for this project
  bool has_narrative = false;  // a 项目经费情况说明 was found for this project
  SourceSpan span;             // the whole project: narrative and form
  bool operator==(const Project&) const = default;
};

// The claims of the document's 绩效目标设置情况 paragraph.
struct HeaderClaims {
  Field<int> budget_unit_count;      // "本部门 N 个预算单位"
  Field<int> project_count;          // "编报绩效目标的项目 N 个"
  Field<std::string> total_wan;      // "涉及项目预算资金 X 万元", as written
  bool operator==(const HeaderClaims&) const = default;
};

struct Declaration {
  std::string source;  // file name as given
  std::string sha256;  // of the source bytes
  std::string layout;  // detected layout family: "line-broken", "tabbed", "ocr-flat", "pdf"
  std::string encoding;  // detected input encoding: "UTF-8", "GB18030"
  Field<int> year;               // budget year
  Field<std::string> issuer;     // the issuing department/unit named in the title
  HeaderClaims header;
  std::vector<Project> projects;
  std::vector<Unreadable> unreadable;  // document-level fields that could not be read
  bool operator==(const Declaration&) const = default;
};

}  // namespace jixiao
