// Facts the review reads from a project's narrative (项目经费情况说明) text: the amounts it states
// and how (a declared total, an item, a closing 合计), the products it writes out (800×47=38000,
// 200本，每本50元，需1万元), per-capita estimates (不少于20人 … 人均约24万元/年 … 总资金为800万元),
// the periods of 实施周期 and the 实施主体 it names. Extracted once per project and shared by the
// rules. Every fact records the narrative section it came from (its span is the finding's span).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/declaration.h"
#include "rules/amount.h"

namespace jixiao::rules {

// What an amount in a 年度预算安排 section is.
enum class AmountRole {
  kItem,           // one cost: "电子光纤租费约为160万元", "需4万元", "=15000元"
  kDeclaredTotal,  // the budget the section announces: "该项目总预算为835.74万元", "预算金额25万"
  kClosingTotal,   // a sum of what precedes: "总计330769元", "共5万元", "预测项目总资金为80万元"
};

struct TextAmount {
  Yuan value;
  Yuan tolerance;       // half a unit of the last printed digit
  std::string written;  // as printed, e.g. "835.74万元"
  std::string clause;   // the clause that states it (for messages)
  int section = -1;     // index into Project::sections
};

struct BudgetStatement {
  TextAmount amount;
  AmountRole role = AmountRole::kItem;
};

// The amounts of one budget section, in reading order (prices such as 单价/每份/人均/元/人 and
// parenthesised remarks are left out).
struct BudgetList {
  int section = -1;
  bool project_level = true;  // the section is not inside a sub-project
  std::vector<BudgetStatement> statements;
};

// A written product: "800×47=38000", "1500元*10篇=15000元", "200本，每本50元，需1万元".
struct WrittenProduct {
  std::string text;      // as printed (whitespace removed)
  Decimal left, right;   // the two factors
  std::string left_unit, right_unit;
  std::optional<Decimal> result;  // nullopt when the product has no "= result"
  std::string result_unit;
  int section = -1;
};

// A staffing estimate: N people × a per-capita price → a stated total.
struct PerCapitaEstimate {
  Decimal people;
  TextAmount price;               // per person (per year when the text says /年)
  std::optional<TextAmount> total;
  std::string context;            // the text from the head count to the total
  int section = -1;
};

struct YearMonth {
  int year = 0, month = 0;
  auto operator<=>(const YearMonth&) const = default;
};

// "2024年8月至2025年7月" in a 实施周期 (or, when there is none, any) section.
struct TextPeriod {
  YearMonth start, end;
  std::string text;
  std::string sub_project;
  int section = -1;
};

// "该项目责任主体为区大数据中心" in a 实施主体 section.
struct NamedBody {
  std::string name;
  std::string text;
  int section = -1;
};

// Numbers printed right after a unit label in a budget section: "合计（元） 2189.164 1001.696
// 3190.86" (a table row whose header names the unit).
struct LabelledNumbers {
  std::string label;  // "合计（元）"
  std::int64_t yuan_per_unit = 1;
  std::vector<Decimal> numbers;
  int section = -1;
};

struct ProjectTextFacts {
  // Amounts stated as the whole project's budget in sections outside sub-projects
  // ("预算资金约3778万元", "总预算为835.74万元", "预算资金总额约为1018万").
  std::vector<TextAmount> project_totals;
  std::vector<BudgetList> budget_lists;
  std::vector<WrittenProduct> products;
  std::vector<PerCapitaEstimate> per_capita;
  std::vector<TextPeriod> periods;
  std::vector<NamedBody> bodies;
  std::vector<LabelledNumbers> labelled;
  // Amounts a section names as a contract (中标金额, 合同金额, 成交金额) and as the request
  // (申请金额, 拟申请) — "中标金额为847.4112万元，为方便计算，拟申请金额为847.5万元".
  std::vector<TextAmount> contract_amounts, requested_amounts;
  // Everything the narrative says (all sections but 绩效目标), for text similarity.
  std::string narrative_text;
};

ProjectTextFacts extract_text_facts(const Project& p);

// Text of one section with whitespace removed, except single spaces kept between two ASCII
// letters/digits ("11 25 275" stays three numbers).
std::u32string section_text(const NarrativeSection& s);

// Whether a section heading names the budget (年度预算安排), the period (实施周期) …
bool is_budget_heading(const std::string& heading);
bool is_period_heading(const std::string& heading);
bool is_body_heading(const std::string& heading);
bool is_goal_heading(const std::string& heading);

}  // namespace jixiao::rules
