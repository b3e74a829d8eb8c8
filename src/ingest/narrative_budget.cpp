#include "ingest/narrative_budget.h"

#include <algorithm>
#include <vector>

#include "ingest/normalize.h"
#include "ingest/text_scan.h"

namespace jixiao {
namespace {

// Reads "<number><unit>" at `i` (spaces allowed before the unit).
std::optional<AmountStatement> amount_at(std::string_view s, std::size_t i, std::size_t& end) {
  auto number = read_number(s, i);
  if (!number) return std::nullopt;
  std::size_t u = number->end;
  while (u < s.size() && s[u] == ' ') ++u;
  std::string_view rest = s.substr(u);
  AmountStatement out;
  out.number = number->text;
  if (starts_with(rest, "万元")) {
    out.unit = "万元";
    end = u + std::string_view("万元").size();
  } else if (starts_with(rest, "万")) {
    // A bare 万 is 万元 unless a word follows ("万人", "万份").
    char32_t next = code_point_at(rest, std::string_view("万").size());
    if (is_ideograph(next)) return std::nullopt;
    out.unit = "万元";
    end = u + std::string_view("万").size();
  } else if (starts_with(rest, "元")) {
    if (starts_with(rest.substr(std::string_view("元").size()), "/")) return std::nullopt;
    out.unit = "元";
    end = u + std::string_view("元").size();
  } else {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<AmountStatement> find_budget_statement(const JoinedText& text, BudgetWords words) {
  const std::string& s = text.text();
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // (offset, keyword length)
  std::vector<std::string_view> keywords = {"预算"};
  if (words == BudgetWords::kBudgetOrRequest) {
    keywords.push_back("申请");
    keywords.push_back("资金需求");  // "年度资金需求为 3 万元"
  }
  for (std::string_view key : keywords)
    for (std::size_t pos = s.find(key); pos != std::string::npos; pos = s.find(key, pos + 1))
      starts.emplace_back(pos, key.size());
  std::sort(starts.begin(), starts.end());
  for (auto [pos, length] : starts) {
    std::size_t i = pos + length;
    int gap = 0;
    bool blocked = false;
    while (i < s.size() && gap <= 8) {
      if (s[i] >= '0' && s[i] <= '9') break;
      std::size_t j = i;
      char32_t cp = next_code_point(s, j);
      bool filler = cp == U'：' || cp == ':' || cp == ' ';
      if (!is_ideograph(cp) && !filler) {
        blocked = true;
        break;
      }
      if (cp == U'每' || cp == U'均') blocked = true;
      if (cp == U'单' && code_point_at(s, j) == U'价') blocked = true;
      ++gap;
      i = j;
    }
    if (blocked || i >= s.size() || gap > 8) continue;
    std::size_t end = 0;
    auto statement = amount_at(s, i, end);
    if (!statement) {
      // "约 3�8 万元": a number broken by a garbled character is a statement we cannot read.
      auto number = read_number(s, i);
      if (number && starts_with(std::string_view(s).substr(number->end), kReplacementChar))
        return AmountStatement{number->text, "", text.span(pos, number->end), true};
      continue;
    }
    statement->span = text.span(pos, end);
    statement->garbled = code_point_before(s, i) == 0xFFFD;
    return statement;
  }
  return std::nullopt;
}

std::optional<AmountStatement> whole_text_amount(const JoinedText& text) {
  std::string_view s = text.text();
  for (std::string_view end : {"。", ".", "；"})
    if (ends_with(s, end)) s.remove_suffix(end.size());
  std::size_t end = 0;
  auto statement = amount_at(s, 0, end);
  if (!statement || end != s.size()) return std::nullopt;
  statement->span = text.whole();
  return statement;
}

std::optional<std::string> amount_in_wan(const AmountStatement& statement) {
  if (statement.unit == "万元") {
    std::string plain;
    for (char c : statement.number)
      if (c != ',') plain.push_back(c);
    return plain;
  }
  return yuan_to_wan_text(statement.number);
}

}  // namespace jixiao
