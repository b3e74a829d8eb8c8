#include "rules/text_facts.h"

#include <algorithm>
#include <array>

#include "rules/text_util.h"

namespace jixiao::rules {
namespace {

using std::u32string;
using std::u32string_view;

bool is_ascii_alnum(char32_t c) {
  return is_ascii_digit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

// Characters that end a clause for the purpose of reading what a number is ("…，预算资金约").
// ，。；;：:,、！？!?（）()【】[]\n — a switch, not a search of the list per character: clauses are
// read out of whole sections.
bool is_clause_break(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'；': case U';': case U'：': case U':': case U',': case U'、':
    case U'！': case U'？': case U'!': case U'?': case U'（': case U'）': case U'(': case U')':
    case U'【': case U'】': case U'[': case U']': case U'\n':
      return true;
    default:
      return false;
  }
}

bool is_times(char32_t c) { return c == U'×' || c == U'*' || c == U'x' || c == U'X' || c == U'✕'; }

bool any_of(u32string_view text, std::initializer_list<u32string_view> words) {
  for (auto w : words)
    if (contains(text, w)) return true;
  return false;
}

// A money unit printed at `pos`: 万元 亿元 千元 元 万 (a bare 万 only when no ideograph follows, so
// that "3万条" is not money), optionally "/denominator".
struct UnitAt {
  std::size_t end = 0;  // after the unit and its denominator
  std::string text;     // "万元", "元/人"
  std::int64_t yuan_per_unit = 1;
  bool per_unit = false;
  std::string denominator;
};

std::optional<UnitAt> money_unit_at(u32string_view s, std::size_t pos) {
  struct Base {
    u32string_view text;
    std::int64_t yuan;
  };
  static constexpr std::array<Base, 5> kBases = {{{U"万元", 10000},
                                                  {U"亿元", 100000000},
                                                  {U"千元", 1000},
                                                  {U"元", 1},
                                                  {U"万", 10000}}};
  for (const auto& b : kBases) {
    if (!starts_at(s, pos, b.text)) continue;
    std::size_t end = pos + b.text.size();
    if (b.text == U"万" && end < s.size() && is_cjk_ideograph(s[end])) return std::nullopt;
    UnitAt u;
    u.yuan_per_unit = b.yuan;
    u.text = to_utf8(b.text);
    if (end < s.size() && (s[end] == U'/' || s[end] == U'每')) {
      std::size_t d = end + 1;
      while (d < s.size() && d < end + 4 && is_cjk_ideograph(s[d])) ++d;
      if (d > end + 1) {
        u.per_unit = true;
        u.denominator = to_utf8(s.substr(end + 1, d - end - 1));
        u.text += to_utf8(s.substr(end, d - end));
        end = d;
      }
    }
    u.end = end;
    return u;
  }
  return std::nullopt;
}

// The clause head before position `pos`: the words that introduce the number, back to the
// previous clause break or number and at most 16 characters (table text has no punctuation: a
// header such as "项目组成数量单价资金需求" must not introduce every amount of the table).
u32string_view clause_before(u32string_view s, std::size_t pos) {
  std::size_t b = pos;
  while (b > 0 && pos - b < 16 && !is_clause_break(s[b - 1]) && !is_ascii_digit(s[b - 1])) --b;
  return s.substr(b, pos - b);
}

// The whole clause around [begin, end).
u32string_view clause_around(u32string_view s, std::size_t begin, std::size_t end) {
  std::size_t b = begin;
  while (b > 0 && !is_clause_break(s[b - 1])) --b;
  std::size_t e = end;
  while (e < s.size() && !is_clause_break(s[e])) ++e;
  return s.substr(b, e - b);
}

// Drops the words that only link a label to its number ("约为", "为", "是", "：").
u32string_view trim_linking(u32string_view head) {
  bool changed = true;
  while (changed && !head.empty()) {
    changed = false;
    for (u32string_view w : {U"约为", U"大约", U"约", U"为", U"是", U"达", U"需", U"计"}) {
      if (head.size() >= w.size() && head.substr(head.size() - w.size()) == w) {
        head.remove_suffix(w.size());
        changed = true;
      }
    }
  }
  return head;
}

// A price rather than a cost: "每份2元", "单价", "单次6万", "人均约24万元".
bool is_price_head(u32string_view head) {
  u32string_view h = trim_linking(head);
  for (u32string_view w : {U"单价", U"单次", U"人均", U"均价", U"平均", U"单位成本", U"标准"})
    if (h.size() >= w.size() && h.substr(h.size() - w.size()) == w) return true;
  // "每份", "每次", "每本" (but not 每年: a yearly amount in an annual budget is the amount).
  std::size_t tail = std::min<std::size_t>(h.size(), 3);
  u32string_view last = h.substr(h.size() - tail);
  std::size_t k = last.find(U'每');
  return k != u32string_view::npos && !(k + 1 < last.size() && last[k + 1] == U'年');
}

bool is_declared_head(u32string_view head) {
  return any_of(head, {U"总预算", U"预算总额", U"预算总金额", U"预算资金", U"预算金额", U"资金需求",
                       U"申请金额", U"申请资金", U"预算申请", U"资金预算"});
}

bool is_closing_head(u32string_view head) {
  return any_of(head, {U"合计", U"总计", U"共计", U"小计", U"总金额", U"总资金", U"总额", U"累计",
                       U"一共", U"共"});
}

// Project-level budget statements (compared with the form by BUDG-001/002).
bool is_project_total_head(u32string_view head) {
  if (any_of(head, {U"预测", U"其中", U"每", U"子项目", U"单价"})) return false;
  return any_of(head, {U"总预算", U"预算总额", U"预算总金额", U"预算资金总额", U"资金预算总额",
                       U"预算资金"});
}

// Removes parenthesised remarks, which restate limits and standards rather than costs
// ("（按照…最高限额为20万元）").
u32string without_parentheses(u32string_view s) {
  u32string out;
  out.reserve(s.size());
  int depth = 0;
  for (char32_t c : s) {
    if (c == U'（' || c == U'(') {
      ++depth;
      continue;
    }
    if ((c == U'）' || c == U')') && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0) out.push_back(c);
  }
  return out;
}

struct FoundAmount {
  std::size_t begin = 0, end = 0;  // number start, unit end
  NumberToken number;
  UnitAt unit;
};

// Every number followed by a money unit, in order.
std::vector<FoundAmount> find_amounts(u32string_view s) {
  std::vector<FoundAmount> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_ascii_digit(s[i])) continue;  // number_at would say no: spare the call
    auto num = number_at(s, i);
    if (!num) continue;
    auto unit = money_unit_at(s, num->end);
    if (unit) out.push_back({num->begin, unit->end, *num, *unit});
    i = num->end - 1;
  }
  return out;
}

std::optional<TextAmount> make_amount(u32string_view s, const FoundAmount& a, int section) {
  auto d = Decimal::parse(a.number.text);
  if (!d) return std::nullopt;
  TextAmount t;
  t.value = Yuan::from_decimal(*d, a.unit.yuan_per_unit);
  t.tolerance = Yuan::half_last_digit(*d, a.unit.yuan_per_unit);
  t.written = a.number.text + a.unit.text;
  t.clause = to_utf8(clause_around(s, a.begin, a.end));
  t.section = section;
  return t;
}

// A product operand: the number `a` is directly followed by × or preceded by ×.
bool is_product_operand(u32string_view s, const FoundAmount& a) {
  if (a.unit.end < s.size() && is_times(s[a.unit.end])) return true;
  return a.begin > 0 && is_times(s[a.begin - 1]);
}

// A section's text without parenthesised remarks, and the money amounts in it: computed once and
// read by every amount scanner.
struct PlainText {
  u32string s;
  std::vector<FoundAmount> amounts;
  explicit PlainText(u32string_view raw) : s(without_parentheses(raw)), amounts(find_amounts(s)) {}
};

void scan_budget_list(const PlainText& plain, int section, bool project_level, ProjectTextFacts& f) {
  const u32string& s = plain.s;
  BudgetList list;
  list.section = section;
  list.project_level = project_level;
  for (const auto& a : plain.amounts) {
    if (a.unit.per_unit || is_product_operand(s, a)) continue;
    u32string_view head = clause_before(s, a.begin);
    if (is_price_head(head)) continue;
    auto amount = make_amount(s, a, section);
    if (!amount) continue;
    AmountRole role = AmountRole::kItem;
    if (!(a.begin > 0 && s[a.begin - 1] == U'=')) {
      if (is_declared_head(head))
        role = AmountRole::kDeclaredTotal;
      else if (is_closing_head(head))
        role = AmountRole::kClosingTotal;
    }
    list.statements.push_back({*amount, role});
  }
  if (!list.statements.empty()) f.budget_lists.push_back(std::move(list));
}

void scan_contract_and_request(const PlainText& plain, int section, ProjectTextFacts& f) {
  const u32string& s = plain.s;
  for (const auto& a : plain.amounts) {
    if (a.unit.per_unit || is_product_operand(s, a)) continue;
    u32string_view head = clause_before(s, a.begin);
    bool contract = any_of(head, {U"中标金额", U"中标价", U"合同金额", U"合同价", U"成交金额", U"成交价"});
    bool request = any_of(head, {U"申请金额", U"拟申请", U"申请资金"});
    if (contract == request) continue;
    if (auto amount = make_amount(s, a, section))
      (contract ? f.contract_amounts : f.requested_amounts).push_back(*amount);
  }
}

void scan_project_totals(const PlainText& plain, int section, ProjectTextFacts& f) {
  const u32string& s = plain.s;
  for (const auto& a : plain.amounts) {
    if (a.unit.per_unit || is_product_operand(s, a)) continue;
    if (!is_project_total_head(clause_before(s, a.begin))) continue;
    if (auto amount = make_amount(s, a, section)) f.project_totals.push_back(*amount);
  }
}

// Unit text of at most `max_chars` non-digit, non-operator characters right after `pos`.
std::size_t unit_end(u32string_view s, std::size_t pos, std::size_t max_chars) {
  std::size_t e = pos;
  while (e < s.size() && e < pos + max_chars && !is_ascii_digit(s[e]) && !is_times(s[e]) &&
         s[e] != U'=' && s[e] != U'＝' && !is_clause_break(s[e]) && s[e] != U' ')
    ++e;
  return e;
}

// "A[unit]×B[unit]=C[unit]" and "A[unit]×B[unit]" (no result).
void scan_written_products(u32string_view s, int section, ProjectTextFacts& f) {
  for (std::size_t k = 1; k + 1 < s.size(); ++k) {
    if (!is_times(s[k])) continue;
    // Left factor: optional unit (up to 4 characters), then a number, right before ×.
    std::size_t ue = k, ub = k;
    while (ub > 0 && k - ub < 4 && !is_ascii_digit(s[ub - 1]) && !is_clause_break(s[ub - 1]) &&
           s[ub - 1] != U'=' && s[ub - 1] != U' ')
      --ub;
    auto left = number_before(s, ub);
    if (!left) continue;
    if ((s[k] == U'x' || s[k] == U'X') && ub != ue) continue;  // a letter, not a multiplication
    auto right = number_at(s, k + 1);
    if (!right) continue;
    std::size_t right_unit_end = unit_end(s, right->end, 4);
    WrittenProduct p;
    auto l = Decimal::parse(left->text), r = Decimal::parse(right->text);
    if (!l || !r) continue;
    p.left = *l;
    p.right = *r;
    p.left_unit = to_utf8(s.substr(ub, ue - ub));
    p.right_unit = to_utf8(s.substr(right->end, right_unit_end - right->end));
    std::size_t end = right_unit_end;
    if (end < s.size() && (s[end] == U'=' || s[end] == U'＝')) {
      auto result = number_at(s, end + 1);
      if (!result) continue;
      auto res = Decimal::parse(result->text);
      if (!res) continue;
      std::size_t result_unit_end = unit_end(s, result->end, 4);
      p.result = *res;
      p.result_unit = to_utf8(s.substr(result->end, result_unit_end - result->end));
      end = result_unit_end;
    } else if (p.left_unit.empty() && p.right_unit.empty()) {
      continue;  // "5×8小时", "7×24": a schedule, not a cost
    } else if (!parse_money_unit(p.left_unit) && !parse_money_unit(p.right_unit)) {
      continue;
    }
    p.text = to_utf8(s.substr(left->begin, end - left->begin));
    p.section = section;
    f.products.push_back(std::move(p));
  }
}

// "N本，每本P元，需T万元": a quantity, a price per the same measure word and the total.
void scan_priced_quantities(const PlainText& plain, int section, ProjectTextFacts& f) {
  const u32string& s = plain.s;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'每' || i + 2 >= s.size() || !is_cjk_ideograph(s[i + 1])) continue;
    char32_t measure = s[i + 1];
    if (measure == U'年' || measure == U'月' || measure == U'天' || measure == U'日') continue;
    std::size_t p = i + 2;
    auto price = number_at(s, p);
    if (!price) continue;
    auto price_unit = money_unit_at(s, price->end);
    if (!price_unit || price_unit->per_unit) continue;
    // Quantity: the nearest "N<measure>" before, within the previous 20 characters.
    std::optional<NumberToken> qty;
    for (std::size_t b = i; b > 0 && i - b < 20; --b) {
      if (s[b - 1] == measure && b >= 2 && is_ascii_digit(s[b - 2])) {
        qty = number_before(s, b - 1);
        break;
      }
    }
    if (!qty) continue;
    // Total: the first amount after the price within the next 20 characters, introduced by
    // 需/金额为/共计/合计/计.
    std::size_t from = price_unit->end;
    std::optional<FoundAmount> total;
    for (const auto& a : find_amounts(s.substr(from, 20))) {
      u32string_view head = clause_before(s, from + a.begin);
      if (any_of(head, {U"需", U"金额", U"共计", U"合计", U"计", U"共", U"费用"}) &&
          !a.unit.per_unit) {
        total = a;
        total->begin += from;
        total->end += from;
        total->unit.end += from;
      }
      break;
    }
    if (!total) continue;
    auto q = Decimal::parse(qty->text), pr = Decimal::parse(price->text),
         t = Decimal::parse(total->number.text);
    if (!q || !pr || !t) continue;
    WrittenProduct w;
    w.left = *q;
    w.left_unit = to_utf8(u32string(1, measure));
    w.right = *pr;
    w.right_unit = price_unit->text;
    w.result = *t;
    w.result_unit = total->unit.text;
    w.text = to_utf8(s.substr(qty->begin, total->unit.end - qty->begin));
    w.section = section;
    f.products.push_back(std::move(w));
  }
}

// A head count "N人" / "N名" before `pos` (not 人均, 人次, 人员 …), the nearest one.
std::optional<NumberToken> head_count_before(u32string_view s, std::size_t from, std::size_t pos) {
  for (std::size_t b = pos; b > from + 1; --b) {
    char32_t c = s[b - 1];
    if (c != U'人' && c != U'名') continue;
    if (b < s.size()) {
      char32_t next = s[b];
      if (c == U'人' && (next == U'均' || next == U'次' || next == U'民' || next == U'员' ||
                        next == U'口' || next == U'数' || next == U'/'))
        continue;
    }
    if (auto n = number_before(s, b - 1)) return n;
  }
  return std::nullopt;
}

void scan_per_capita(const PlainText& plain, int section, ProjectTextFacts& f) {
  const u32string& s = plain.s;
  const auto& amounts = plain.amounts;
  std::size_t segment_start = 0;
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    const auto& a = amounts[k];
    u32string_view head = clause_before(s, a.begin);
    u32string_view linked = trim_linking(head);
    bool per_capita = linked.size() >= 2 && linked.substr(linked.size() - 2) == U"人均";
    if (!per_capita) {
      if (is_closing_head(head) || is_declared_head(head)) segment_start = a.end;
      continue;
    }
    auto price = make_amount(s, a, section);
    auto people = head_count_before(s, segment_start, a.begin);
    if (!price || !people) continue;
    PerCapitaEstimate e;
    e.price = *price;
    auto n = Decimal::parse(people->text);
    if (!n) continue;
    e.people = *n;
    e.section = section;
    std::size_t context_end = a.end;
    std::u32string context(clause_around(s, people->begin, people->end));
    std::u32string price_clause(clause_around(s, a.begin, a.end));
    if (price_clause != context) context += U"…" + price_clause;
    for (std::size_t j = k + 1; j < amounts.size() && amounts[j].begin < a.end + 60; ++j) {
      u32string_view h = clause_before(s, amounts[j].begin);
      if (contains(trim_linking(h), U"人均")) break;
      if (any_of(h, {U"资金", U"总额", U"合计", U"共计", U"总计", U"预算", U"费用"})) {
        if (auto t = make_amount(s, amounts[j], section)) e.total = *t;
        context_end = amounts[j].end;
        std::u32string total_clause(clause_around(s, amounts[j].begin, amounts[j].end));
        if (total_clause != price_clause) context += U"，" + total_clause;
        break;
      }
    }
    e.context = to_utf8(context);
    f.per_capita.push_back(std::move(e));
    segment_start = context_end;
  }
}

// "YYYY年M月" at pos: returns the end position.
std::optional<std::size_t> year_month_at(u32string_view s, std::size_t pos, YearMonth& ym) {
  auto y = number_at(s, pos);
  if (!y || y->text.size() != 4 || y->end >= s.size() || s[y->end] != U'年') return std::nullopt;
  auto m = number_at(s, y->end + 1);
  if (!m || m->text.size() > 2 || m->end >= s.size() || s[m->end] != U'月') return std::nullopt;
  ym.year = std::stoi(y->text);
  ym.month = std::stoi(m->text);
  if (ym.year < 1900 || ym.year > 2199 || ym.month < 1 || ym.month > 12) return std::nullopt;
  return m->end + 1;
}

void scan_periods(u32string_view s, const NarrativeSection& sec, int section, ProjectTextFacts& f) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    YearMonth start;
    auto after = year_month_at(s, i, start);
    if (!after) continue;
    std::size_t j = *after;
    if (j < s.size() && (s[j] == U'（' || s[j] == U'(')) ++j;
    static constexpr u32string_view kConnectors[] = {U"至", U"到", U"-", U"—", U"–", U"~", U"～", U"－"};
    bool connected = false;
    for (auto c : kConnectors) {
      if (starts_at(s, j, c)) {
        j += c.size();
        connected = true;
        break;
      }
    }
    if (!connected) {
      i = *after - 1;
      continue;
    }
    YearMonth end;
    std::optional<std::size_t> end_pos = year_month_at(s, j, end);
    if (!end_pos) {  // "2023年9月至10月": the same year
      auto m = number_at(s, j);
      if (m && m->text.size() <= 2 && m->end < s.size() && s[m->end] == U'月') {
        end.year = start.year;
        end.month = std::stoi(m->text);
        if (end.month >= 1 && end.month <= 12) end_pos = m->end + 1;
      }
    }
    if (!end_pos) {
      i = *after - 1;
      continue;
    }
    TextPeriod p;
    p.start = start;
    p.end = end;
    p.text = to_utf8(s.substr(i, *end_pos - i));
    p.sub_project = sec.sub_project;
    p.section = section;
    f.periods.push_back(std::move(p));
    i = *end_pos - 1;
  }
}

void scan_bodies(u32string_view s, int section, ProjectTextFacts& f) {
  for (u32string_view key : {U"责任主体为", U"实施主体为", U"责任主体是", U"实施主体是", U"实施单位为",
                             U"责任单位为", U"承担单位为"}) {
    std::size_t pos = 0;
    while ((pos = s.find(key, pos)) != u32string_view::npos) {
      std::size_t b = pos + key.size(), e = b;
      while (e < s.size() && !is_clause_break(s[e]) && !starts_at(s, e, U"主要") &&
             !starts_at(s, e, U"负责"))
        ++e;
      if (e > b) {
        NamedBody body;
        body.name = to_utf8(s.substr(b, e - b));
        body.text = to_utf8(s.substr(pos, e - pos));
        body.section = section;
        f.bodies.push_back(std::move(body));
      }
      pos = e;
    }
  }
}

void scan_labelled_numbers(u32string_view s, int section, ProjectTextFacts& f) {
  struct Label {
    u32string_view text;
    std::int64_t yuan;
  };
  static constexpr Label kLabels[] = {{U"（元）", 1}, {U"(元)", 1}, {U"（万元）", 10000}, {U"(万元)", 10000}};
  for (const Label& label : kLabels) {
    std::size_t pos = 0;
    while ((pos = s.find(label.text, pos)) != u32string_view::npos) {
      std::size_t at = pos + label.text.size();
      LabelledNumbers ln;
      ln.yuan_per_unit = label.yuan;
      ln.section = section;
      while (auto n = number_at(s, at)) {
        if (n->end < s.size() && (is_times(s[n->end]) || s[n->end] == U'=')) break;  // a formula
        if (auto d = Decimal::parse(n->text)) ln.numbers.push_back(*d);
        at = n->end;
        if (at < s.size() && s[at] == U' ') ++at;
        else break;
      }
      if (!ln.numbers.empty()) {
        std::size_t b = pos;
        while (b > 0 && pos - b < 8 && is_cjk_ideograph(s[b - 1])) --b;
        ln.label = to_utf8(s.substr(b, pos + label.text.size() - b));
        f.labelled.push_back(std::move(ln));
      }
      pos += label.text.size();
    }
  }
}

}  // namespace

std::u32string section_text(const NarrativeSection& sec) {
  // Decoded in one pass: a run of spaces is remembered and decided at the character after it.
  u32string out;
  out.reserve(sec.text.size());
  bool after_space = false;
  for (std::size_t i = 0; i < sec.text.size();) {
    char32_t c = decode_at(sec.text, i);
    if (is_space(c)) {
      after_space = true;
      continue;
    }
    if (after_space && !out.empty() && is_ascii_alnum(out.back()) && is_ascii_alnum(c))
      out.push_back(U' ');
    after_space = false;
    out.push_back(c);
  }
  return out;
}

bool is_budget_heading(const std::string& h) {
  return contains(h, "预算") || contains(h, "资金测算") || contains(h, "经费测算");
}
bool is_period_heading(const std::string& h) {
  return contains(h, "实施周期") || contains(h, "实施期限") || contains(h, "实施时间");
}
bool is_body_heading(const std::string& h) {
  return contains(h, "实施主体") || contains(h, "责任主体");
}
bool is_goal_heading(const std::string& h) { return contains(h, "绩效目标"); }

ProjectTextFacts extract_text_facts(const Project& p) {
  ProjectTextFacts f;
  bool has_period_section = std::any_of(p.sections.begin(), p.sections.end(),
                                        [](const auto& s) { return is_period_heading(s.heading); });
  for (std::size_t k = 0; k < p.sections.size(); ++k) {
    const NarrativeSection& sec = p.sections[k];
    if (sec.classified) continue;
    int idx = static_cast<int>(k);
    u32string s = section_text(sec);
    bool project_level = sec.sub_project.empty();
    if (!is_goal_heading(sec.heading)) {
      if (!f.narrative_text.empty()) f.narrative_text += '\n';
      f.narrative_text += sec.text;
    }
    PlainText plain(s);
    if (is_budget_heading(sec.heading)) {
      scan_budget_list(plain, idx, project_level, f);
      scan_labelled_numbers(s, idx, f);
      scan_priced_quantities(plain, idx, f);
    }
    if (project_level && !is_goal_heading(sec.heading)) scan_project_totals(plain, idx, f);
    if (!is_goal_heading(sec.heading)) scan_contract_and_request(plain, idx, f);
    scan_written_products(s, idx, f);
    scan_per_capita(plain, idx, f);
    if (!has_period_section || is_period_heading(sec.heading)) scan_periods(s, sec, idx, f);
    if (is_body_heading(sec.heading)) scan_bodies(s, idx, f);
  }
  return f;
}

}  // namespace jixiao::rules
