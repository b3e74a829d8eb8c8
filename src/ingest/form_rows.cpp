#include "ingest/form_rows.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <tuple>

#include "ingest/form_text.h"
#include "ingest/form_values.h"
#include "ingest/normalize.h"
#include "model/target.h"

namespace jixiao::form {
namespace {

enum Role : int { kNameStart = 0, kNameCont = 1, kValueStart = 2, kValueCont = 3 };
constexpr int kRoles = 4;

// Costs of a reading. A row costs 1, so the cheapest reading has the fewest rows the layout allows.
constexpr double kRowCost = 1.0;
// Two words printed side by side read as one cell: pdftotext separates cells by a space, so on a
// wrapped-cell line that is unlikely; OCR lines space words more freely.
constexpr double kSamePieceJoin = 1.5;
constexpr double kSamePieceJoinMeasured = 3.0;
constexpr double kFullNameEnded = 1.0;
constexpr double kFullValueEnded = 1.0;  // a full-width value line not continued either
// A value printed beside its name, continued on a later line: pdftotext prints a cell that wraps
// as a block of its own, so a value that shares its name's line is a one-line value.
constexpr double kSharedLineValueWraps = 2.0;
constexpr double kComparatorContinues = 2.0;  // "≥90%" read as the tail of another value
constexpr double kAfterCompleteQuantity = 2.0;  // "≥90.00(%)" going on to another line
constexpr double kNumberInName = 1.0;
constexpr double kComparatorInName = 1.0;
constexpr double kUnconfirmedNameWrap = 0.5;
// A line that is nothing but a unit ("元/场", "万元/月", "(元/月)") read as (part of) a name: it is
// the rest of a value's unit wrapped onto its own line.
constexpr double kRateUnitInName = 2.0;
constexpr double kNumberStartsNameLine = 0.5;  // "48 小时" read as the second line of a name
// A value line wider than any value seen in the table (beyond the estimate's own error).
constexpr double kOverWidthPerEm = 0.5;
constexpr double kWidthToleranceEm = 0.5;
constexpr double kValueSlackEm = 3.0;  // how much wider than that a value line may be
constexpr double kMissingCell = 4.0;        // a row without name or value (last-resort reading)
// A cell continued on the next line when widths cannot tell (tab exports, OCR lines): a table
// export prints one row per line, so a new row is the likelier reading.
constexpr double kUnmeasuredWrap = 1.25;
constexpr double kUncertainMargin = 1.0;    // readings closer than this are both plausible
constexpr double kEpsilon = 1e-6;
constexpr int kMinLinePairs = 4;  // line pairs needed before trusting the blank-line convention
constexpr double kFitSlackEm = 0.0;
constexpr double kWrapToleranceEm = 0.5;
// A cell continued on the very next line although the layout separates a cell's lines by blank
// lines: only across a page break (pdftotext starts a page on the line after the last one).
// When the text does not mark page starts, a page break is possible anywhere but rare (one line
// pair in fifty or so): it must outweigh an unconfirmed name wrap. When it marks them, a line
// marked as a page start explains the missing blank line, and an unmarked one leaves only a
// misprint.
constexpr double kAdjacentWrap = 1.5;
constexpr double kAdjacentWrapUnmarked = 4.0;

enum class Strictness { kWidths, kNoWidths, kMissingCells };

bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// Width of what the next line starts with, as a renderer would have tried to fit it on the
// previous line: a run of ASCII characters (a number or word), else one character.
double first_unit_width(const std::string& text) {
  std::size_t i = 0;
  double width = 0;
  while (i < text.size()) {
    std::size_t at = i;
    char32_t cp = next_code_point(text, i);
    if (cp >= 0x80 || cp == ' ') {
      if (width == 0) return 1.0;
      i = at;
      break;
    }
    width += 0.5;
  }
  return width == 0 ? 1.0 : width;
}

char32_t last_code_point(const std::string& text) {
  if (text.empty()) return 0;
  std::size_t i = text.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return next_code_point(text, i);
}

char32_t first_code_point(const std::string& text) {
  std::size_t i = 0;
  return text.empty() ? 0 : next_code_point(text, i);
}

// Room the start of `next` needs on the line of `prev` in a column `width` em wide.
double overflow(const Fragment& prev, const Fragment& next, double width) {
  double sep = (is_ascii_alnum(last_code_point(prev.text)) ||
                is_ascii_alnum(first_code_point(next.text)))
                   ? 0.5
                   : 0.0;
  return prev.width + sep + first_unit_width(next.text) - width;
}

// True when the start of `next` would surely have fitted on the line of `prev` in a column
// `width` em wide: then `next` cannot be the wrapped continuation of the same cell. Widths are
// measured from text, not glyphs (fonts print ≥ or a space narrower or wider), hence the slack.
bool fits(const Fragment& prev, const Fragment& next, double width) {
  return overflow(prev, next, width) <= -kFitSlackEm + kEpsilon;
}

// True when `next` is wider than the column `prev` wrapped in can be: a wrapped cell's next line
// is no wider than its previous one plus the first word that did not fit there.
bool wider_than_wrap(const Fragment& prev, const Fragment& next) {
  return next.width > prev.width + first_unit_width(next.text) + kWrapToleranceEm + kEpsilon;
}

// True when the line of `prev` is full: `next`'s start would not have fitted on it.
bool full(const Fragment& prev, const Fragment& next, double width) {
  return overflow(prev, next, width) > kEpsilon;
}

// A number target printed whole, ending with its unit: "≥90.00(%)", "<=104 元/份", "=1400元/月".
bool complete_quantity(const std::string& text) {
  std::string compact = strip_whitespace(text);
  if (value_continues(compact)) return false;
  Target t = Target::parse(compact);
  return t.quantitative() && !t.unit.empty();
}

bool starts_with_digit(const std::string& text) { return !text.empty() && text[0] >= '0' && text[0] <= '9'; }

bool can_be_name(const Fragment& f) {
  return !starts_with_comparator(f.text) && !ends_with_comparator(f.text) &&
         !starts_with_continuation_mark(f.text);
}

struct Entry {
  double cost = 0;
  int prev_role = -1;
  int prev_rank = -1;
};

// The two cheapest entries of a dynamic-programming cell (fixed size: the search fills four
// cells per fragment and three passes per table, and vectors there were most of its allocations).
struct BestTwo {
  std::array<Entry, 2> entries{};
  std::size_t size = 0;
};

// What the transitions ask of one fragment's text, computed once per table (the search asks it
// for every role pair and in up to three passes).
struct FragmentFacts {
  bool can_be_name = false;
  bool numeric = false;
  bool continues = false;          // value_continues
  bool continuation_mark = false;  // starts_with_continuation_mark
  bool quantity = false;           // starts_with_quantity
  bool comparator_start = false;   // starts_with_comparator
  bool digit_start = false;        // starts_with_digit
  double name_cost = 0;
};

class Partitioner {
 public:
  Partitioner(std::span<const Fragment> fragments, const TableHints& widths, Strictness strictness,
              const std::vector<FragmentFacts>& facts, std::vector<signed char>& complete_before)
      : f_(fragments), widths_(widths), strictness_(strictness), facts_(facts),
        complete_before_(complete_before) {}

  // The two cheapest role sequences (the second may be missing). Empty when none is possible.
  std::vector<std::pair<double, std::vector<int>>> best_two() {
    std::size_t n = f_.size();
    if (n == 0) return {};
    std::vector<std::array<BestTwo, kRoles>> dp(n);
    auto push = [](BestTwo& cell, Entry e) { cell.entries[cell.size++] = e; };
    if (auto c = start_cost(kNameStart)) push(dp[0][kNameStart], {*c, -1, -1});
    if (auto c = start_cost(kValueStart)) push(dp[0][kValueStart], {*c, -1, -1});
    std::array<Entry, 2 * kRoles> candidates;
    for (std::size_t i = 1; i < n; ++i) {
      for (int role = 0; role < kRoles; ++role) {
        std::size_t count = 0;
        for (int prev = 0; prev < kRoles; ++prev) {
          const BestTwo& before = dp[i - 1][static_cast<std::size_t>(prev)];
          if (before.size == 0) continue;
          std::optional<double> step = transition(i, prev, role);
          if (!step) continue;
          for (std::size_t rank = 0; rank < before.size; ++rank)
            candidates[count++] = {before.entries[rank].cost + *step, prev, static_cast<int>(rank)};
        }
        count = keep_two(candidates.data(), count);
        BestTwo& cell = dp[i][static_cast<std::size_t>(role)];
        for (std::size_t k = 0; k < count; ++k) push(cell, candidates[k]);
      }
    }
    std::array<Entry, 2 * kRoles> finals;
    std::size_t final_count = 0;
    for (int role = 0; role < kRoles; ++role) {
      std::optional<double> end = end_cost(role);
      if (!end) continue;
      const BestTwo& last = dp[n - 1][static_cast<std::size_t>(role)];
      for (std::size_t rank = 0; rank < last.size; ++rank)
        finals[final_count++] = {last.entries[rank].cost + *end, role, static_cast<int>(rank)};
    }
    final_count = keep_two(finals.data(), final_count);
    std::vector<std::pair<double, std::vector<int>>> out;
    for (std::size_t k = 0; k < final_count; ++k) {
      const Entry& e = finals[k];
      std::vector<int> roles(n);
      int role = e.prev_role;
      int rank = e.prev_rank;
      for (std::size_t i = n; i-- > 0;) {
        roles[i] = role;
        const Entry& at =
            dp[i][static_cast<std::size_t>(role)].entries[static_cast<std::size_t>(rank)];
        role = at.prev_role;
        rank = at.prev_rank;
      }
      out.emplace_back(e.cost, std::move(roles));
    }
    return out;
  }

  // Names hardly ever hold a comparator; values often do ("评分≥上一期分数").
  static double name_cost(const Fragment& c) {
    return (has_comparator(c.text) ? kComparatorInName : 0.0) +
           (is_unit_line(c.text) ? kRateUnitInName : 0.0);
  }

 private:
  // Orders the first `count` entries by cost (ties keep their order) and returns how many of
  // them are kept: the cheapest two.
  static std::size_t keep_two(Entry* entries, std::size_t count) {
    std::stable_sort(entries, entries + count,
                     [](const Entry& a, const Entry& b) { return a.cost < b.cost; });
    return std::min<std::size_t>(count, 2);
  }

  // complete_quantity(p_value_text(i)), computed once per fragment for all passes.
  bool complete_before(std::size_t i) const {
    signed char& known = complete_before_[i];
    if (known < 0) known = complete_quantity(p_value_text(i)) ? 1 : 0;
    return known == 1;
  }

  // The value read so far up to fragment i-1 (its lines since the value started).
  std::string p_value_text(std::size_t i) const {
    // Walk back over the value's lines: consecutive fragments back to the value start are not
    // known here, so take the previous fragment and those before it that cannot end a value
    // ("≤" + "1700.00(" + "人次/场)").
    std::string text = f_[i - 1].text;
    for (std::size_t j = i - 1; j-- > 0 && value_continues(f_[j].text);) text = f_[j].text + text;
    return text;
  }

  static double join_cost(const Fragment& c) {
    return c.measured ? kSamePieceJoinMeasured : kSamePieceJoin;
  }

  // A bracketed unit ("(元/月)", "（台）") or a rate unit ("元/场").
  static bool is_unit_line(const std::string& text) {
    bool bracketed = text.rfind("(", 0) == 0 || text.rfind("（", 0) == 0;
    return bracketed ? is_unit_word(text) : is_rate_unit(text);
  }

  // "元/场", "万元/月", "次/年": one or two CJK characters on each side of a slash.
  static bool is_rate_unit(const std::string& text) {
    std::size_t slash = text.find('/');
    if (slash == std::string::npos || text.find('/', slash + 1) != std::string::npos) return false;
    auto cjk_run = [](std::string_view side) {
      std::size_t count = 0;
      for (std::size_t i = 0; i < side.size();) {
        if (!is_cjk(next_code_point(side, i))) return false;
        ++count;
      }
      return count >= 1 && count <= 2;
    };
    std::string_view t(text);
    return cjk_run(t.substr(0, slash)) && cjk_run(t.substr(slash + 1));
  }

  static bool measured_pair(const Fragment& a, const Fragment& b) { return a.measured && b.measured; }

  // Under the blank-line convention, a measured line printed right under another starts a cell,
  // unless a page break fell between them. The cost of reading `b` as `a`'s cell continued.
  double adjacent_wrap_cost(const Fragment& a, const Fragment& b) const {
    bool adjacent = strictness_ == Strictness::kWidths && widths_.blank_line_wraps &&
                    measured_pair(a, b) && b.row == a.row + 1;
    if (!adjacent) return 0.0;
    if (!widths_.page_marks) return kAdjacentWrap;
    return b.page_start ? 0.0 : kAdjacentWrapUnmarked;
  }

  bool use_widths(const Fragment& a, const Fragment& b, double width) const {
    return strictness_ == Strictness::kWidths && width > 0 && a.measured && b.measured;
  }

  // Whether `c` fits the value column, and the cost of a value starting with a line that wide
  // (a value's further lines are as wide as its first: they are not charged again).
  std::optional<double> value_width_cost(const Fragment& c, bool first_line) const {
    if (strictness_ != Strictness::kWidths || !c.measured || widths_.value <= 0) return 0.0;
    if (c.width > widths_.value + kValueSlackEm + kEpsilon) return std::nullopt;
    if (!first_line) return 0.0;
    return kOverWidthPerEm * std::max(0.0, c.width - widths_.value - kWidthToleranceEm);
  }

  std::optional<double> start_cost(int role) const {
    const Fragment& c = f_[0];
    if (role == kNameStart) {
      if (!facts_[0].can_be_name || facts_[0].numeric) {
        if (strictness_ != Strictness::kMissingCells) return std::nullopt;
        return kRowCost + kMissingCell;
      }
      return kRowCost;
    }
    if (role == kValueStart && strictness_ == Strictness::kMissingCells) {
      auto width = value_width_cost(c, true);
      return kRowCost + kMissingCell + width.value_or(0);
    }
    return std::nullopt;
  }

  std::optional<double> end_cost(int role) const {
    if (role == kValueStart || role == kValueCont) return 0.0;
    if (strictness_ == Strictness::kMissingCells) return kMissingCell;
    return std::nullopt;
  }

  std::optional<double> transition(std::size_t i, int prev, int role) const {
    const Fragment& p = f_[i - 1];
    const Fragment& c = f_[i];
    const FragmentFacts& pf = facts_[i - 1];
    const FragmentFacts& cf = facts_[i];
    bool same_row = p.row == c.row;
    bool same_piece = same_row && p.piece == c.piece;
    bool prev_is_value = prev == kValueStart || prev == kValueCont;
    bool lenient = strictness_ == Strictness::kMissingCells;
    switch (role) {
      case kNameStart: {
        double cost = kRowCost + cf.name_cost;
        if (!cf.can_be_name || cf.numeric) {
          if (!lenient) return std::nullopt;
          cost += kMissingCell;
        }
        if (prev_is_value) {
          if (pf.continues && !lenient) return std::nullopt;
          if (!same_row && use_widths(p, c, widths_.value) && full(p, c, widths_.value))
            cost += kFullValueEnded;
          return cost;
        }
        if (!lenient) return std::nullopt;
        return cost + kMissingCell;  // the previous row has no value
      }
      case kNameCont: {
        if (prev_is_value || !cf.can_be_name) return std::nullopt;
        double cost = (cf.numeric ? kNumberInName : 0.0) + cf.name_cost;
        if (same_row) return same_piece ? std::optional(cost + join_cost(c)) : std::nullopt;
        cost += adjacent_wrap_cost(p, c);
        if (strictness_ == Strictness::kWidths && measured_pair(p, c) && wider_than_wrap(p, c))
          return std::nullopt;
        if (use_widths(p, c, widths_.name)) {
          if (fits(p, c, widths_.name)) return std::nullopt;
          // Unless some name is seen wrapped, the name column may be wider than its longest line.
          if (!widths_.name_wrap_seen) cost += kUnconfirmedNameWrap;
          if (cf.digit_start) cost += kNumberStartsNameLine;
          return cost;
        }
        return cost + (measured_pair(p, c) ? 0.0 : kUnmeasuredWrap);
      }
      case kValueStart: {
        if (cf.continuation_mark) return std::nullopt;
        auto width = value_width_cost(c, true);
        if (!width) return std::nullopt;
        if (prev_is_value) {
          if (!lenient) return std::nullopt;
          return kRowCost + kMissingCell + *width;  // a row without name
        }
        double cost = *width;
        if (!same_row && widths_.name_wrap_seen && use_widths(p, c, widths_.name) &&
            full(p, c, widths_.name) && !cf.comparator_start)
          cost += kFullNameEnded;
        return cost;
      }
      case kValueCont: {
        if (!prev_is_value) return std::nullopt;
        auto width = value_width_cost(c, true);
        if (!width) return std::nullopt;
        double cost = *width;
        if (cf.quantity) cost += kComparatorContinues;
        if (complete_before(i)) cost += kAfterCompleteQuantity;
        if (same_row) return same_piece ? std::optional(cost + join_cost(c)) : std::nullopt;
        // The value column is the last: a line that goes on after the continued value holds
        // another row.
        if (i + 1 < f_.size() && f_[i + 1].row == c.row) return std::nullopt;
        if (pf.continues) return cost;
        if (prev == kValueStart && i >= 2 && f_[i - 2].piece == p.piece && measured_pair(p, c))
          cost += kSharedLineValueWraps;
        cost += adjacent_wrap_cost(p, c);
        if (strictness_ == Strictness::kWidths && measured_pair(p, c) && wider_than_wrap(p, c))
          return std::nullopt;
        if (use_widths(p, c, widths_.value)) {
          if (fits(p, c, widths_.value)) return std::nullopt;
          return cost;
        }
        return cost + (measured_pair(p, c) ? 0.0 : kUnmeasuredWrap);
      }
      default: return std::nullopt;
    }
  }

  std::span<const Fragment> f_;
  TableHints widths_;
  Strictness strictness_;
  const std::vector<FragmentFacts>& facts_;
  std::vector<signed char>& complete_before_;  // -1: not known yet
};

std::vector<FragmentRow> rows_of(const std::vector<int>& roles) {
  std::vector<FragmentRow> rows;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    int role = roles[i];
    bool starts_row = role == kNameStart || (role == kValueStart && (i == 0 || roles[i - 1] == kValueStart ||
                                                                     roles[i - 1] == kValueCont));
    if (starts_row) {
      if (!rows.empty()) rows.back().end = i;
      rows.push_back(FragmentRow{i, role == kValueStart ? i : roles.size(), roles.size(), false});
    }
    if (role == kValueStart && rows.back().value_begin == roles.size()) rows.back().value_begin = i;
  }
  for (FragmentRow& row : rows)
    if (row.value_begin > row.end) row.value_begin = row.end;
  return rows;
}

}  // namespace

TableHints estimate_hints(std::span<const Fragment> fragments) {
  TableHints widths;
  std::vector<double> value_widths;
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    if (!f.measured) continue;
    bool last_of_piece = i + 1 == fragments.size() || fragments[i + 1].piece != f.piece;
    bool shared_piece = (i > 0 && fragments[i - 1].piece == f.piece) || !last_of_piece;
    // Lines that can only be values: holding a comparator ("≥90%", "全年稳定运行率≥", "评分≥上"),
    // a bracket still open ("≤28.00(万元"), or last on a line after a name.
    if (has_comparator(f.text) || value_continues(f.text) || (shared_piece && last_of_piece)) {
      value_widths.push_back(f.width);
    } else if (can_be_name(f) && !is_numeric(f.text)) {
      widths.name = std::max(widths.name, f.width);
    }
  }
  // The widest value line, unless it stands alone: a number that cannot break runs past the
  // column's edge ("≥5600.00(" on a narrow column), and one such line must not widen the column.
  std::sort(value_widths.begin(), value_widths.end(), std::greater<>());
  if (!value_widths.empty()) {
    widths.value = value_widths.front();

  }
  if (widths.value > widths.name) widths.name = 0;  // not a name/value column layout we know
  // Blank-line convention: most consecutive measured lines stand apart.
  int pairs = 0, apart = 0;
  for (std::size_t i = 1; i < fragments.size(); ++i) {
    const Fragment& a = fragments[i - 1];
    const Fragment& b = fragments[i];
    if (!a.measured || !b.measured || a.row == b.row) continue;
    ++pairs;
    if (b.row > a.row + 1) ++apart;
  }
  widths.blank_line_wraps = pairs >= kMinLinePairs && apart * 2 >= pairs;
  // A name seen wrapped: a full-width name line followed, on a later line, by a line too wide
  // for the value column.
  for (std::size_t i = 1; i < fragments.size() && widths.name > 0 && widths.value > 0; ++i) {
    const Fragment& a = fragments[i - 1];
    const Fragment& b = fragments[i];
    if (!a.measured || !b.measured || b.row <= a.row || !can_be_name(a) || !can_be_name(b)) continue;
    if (widths.blank_line_wraps && b.row == a.row + 1) continue;
    bool last_of_line = i == fragments.size() || b.piece != a.piece;
    if (last_of_line && full(a, b, widths.name) && b.width > widths.value + kValueSlackEm)
      widths.name_wrap_seen = true;
  }
  return widths;
}

RowPartition partition_rows(std::span<const Fragment> fragments, const TableHints& widths) {
  RowPartition result;
  if (fragments.empty()) return result;
  std::vector<FragmentFacts> facts(fragments.size());
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    const Fragment& f = fragments[i];
    FragmentFacts& x = facts[i];
    x.can_be_name = can_be_name(f);
    x.numeric = is_numeric(f.text);
    x.continues = value_continues(f.text);
    x.continuation_mark = starts_with_continuation_mark(f.text);
    x.quantity = starts_with_quantity(f.text);
    x.comparator_start = starts_with_comparator(f.text);
    x.digit_start = starts_with_digit(f.text);
    x.name_cost = Partitioner::name_cost(f);
  }
  std::vector<signed char> complete_before(fragments.size(), -1);
  for (Strictness strictness :
       {Strictness::kWidths, Strictness::kNoWidths, Strictness::kMissingCells}) {
    Partitioner partitioner(fragments, widths, strictness, facts, complete_before);
    auto readings = partitioner.best_two();
    if (readings.empty()) continue;
    result.rows = rows_of(readings[0].second);
    result.complete = strictness == Strictness::kWidths;
    if (!result.complete) {
      for (FragmentRow& row : result.rows) row.uncertain = true;
    } else if (readings.size() > 1 && readings[1].first - readings[0].first < kUncertainMargin) {
      std::set<std::tuple<std::size_t, std::size_t, std::size_t>> other;
      std::vector<FragmentRow> other_rows = rows_of(readings[1].second);
      result.count_uncertain = other_rows.size() != result.rows.size();
      for (const FragmentRow& row : other_rows)
        other.insert({row.begin, row.value_begin, row.end});
      for (FragmentRow& row : result.rows)
        row.uncertain = !other.count({row.begin, row.value_begin, row.end});
    }
    return result;
  }
  // Unreachable in practice (the last strictness accepts any sequence); keep one uncertain row.
  result.rows.push_back(FragmentRow{0, fragments.size(), fragments.size(), true});
  result.complete = false;
  return result;
}

}  // namespace jixiao::form
