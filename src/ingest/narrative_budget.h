// Finding the budget a narrative states ("经测算，预算资金约 3778 万元", "预算总金额为 59 万元",
// "此次拟申请金额为 282.5 万元") in the joined text of a section.
#pragma once

#include <optional>
#include <string>

#include "ingest/lines.h"
#include "model/source_span.h"

namespace jixiao {

// Which words introduce a budget statement: 预算 only (项目概述, where other amounts such as a
// contract's 中标金额 or a multi-year 申请金额 also appear), or 预算, 申请 and 资金需求
// (年度预算安排, which is about this year's request).
enum class BudgetWords { kBudget, kBudgetOrRequest };

struct AmountStatement {
  std::string number;  // as written, e.g. "3778", "33.0769", "135700"
  std::string unit;    // "万元" (also for a bare "万") or "元"
  SourceSpan span;
  bool garbled = false;  // OCR garbling (U+FFFD) touches the number: it cannot be trusted
};

// The first statement in `text` where a budget word is followed, within a few Chinese
// characters (no punctuation, no 每/单价/人均), by a number and 万元/万/元. nullopt if none.
std::optional<AmountStatement> find_budget_statement(const JoinedText& text, BudgetWords words);

// The amount when a section's whole text is one ("六、年度预算安排 / 795万元"), else nullopt.
std::optional<AmountStatement> whole_text_amount(const JoinedText& text);

// The amount in 万元 as a decimal string: as written for 万元, shifted exactly for 元.
std::optional<std::string> amount_in_wan(const AmountStatement& statement);

}  // namespace jixiao
