#include "ingest/form_goals.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

namespace jixiao::form {
namespace {

// Two goal texts are taken as the two columns when their character-bigram overlap is at least
// this: the goals of one form repeat each other nearly word for word, while a wrong split point
// leaves one side much longer or out of step.
constexpr double kSameGoalSimilarity = 0.8;
// How many candidate restart lines the interleaved (page-break) search tries.
constexpr std::size_t kRestartCandidates = 2;
// Two goal columns of different widths are told apart when their widths differ by this much (em);
// a line this much shorter than its column ends a paragraph.
constexpr double kColumnWidthStep = 1.5;
constexpr double kEpsilonEm = 0.25;

struct Unit {
  std::string text;
  std::u32string cps;
  double width = 0;  // printed width of the line (words and the spaces between them), without a
                     // closing mark at its end, which may hang past the column's edge
  double printed = 0;  // the same with that mark: a mark that did not hang took room in the column
  std::size_t first_token = 0, last_token = 0;
};

constexpr std::size_t kGram = 3;  // characters per n-gram in the similarity measure

std::uint64_t gram_key(const std::u32string& text, std::size_t at) {
  std::uint64_t key = 1469598103934665603ull;
  for (std::size_t k = 0; k < kGram; ++k) key = (key ^ text[at + k]) * 1099511628211ull;
  return key;
}

// How far `b` repeats `a` in the same order: the longest common subsequence of their character
// trigrams (Hunt–Szymanski: a longest increasing run over the places each trigram of `b` has
// in `a`), as a Dice-style ratio, 1 for identical texts. Order matters: the halves of a goal
// swapped round must not look like the goal.
double ordered_similarity(const std::u32string& a, const std::u32string& b) {
  if (a.size() < kGram || b.size() < kGram) return a == b && !a.empty() ? 1.0 : 0.0;
  // The places of each trigram of `a`: (trigram, place) pairs sorted, so that one trigram's places
  // are a run in increasing order (a hash map of vectors allocated per trigram: 2 % of `check`).
  std::vector<std::pair<std::uint64_t, std::int64_t>> places;
  places.reserve(a.size() - kGram + 1);
  for (std::size_t i = 0; i + kGram <= a.size(); ++i)
    places.emplace_back(gram_key(a, i), static_cast<std::int64_t>(i));
  std::sort(places.begin(), places.end());
  std::vector<std::int64_t> tails;
  for (std::size_t i = 0; i + kGram <= b.size(); ++i) {
    std::uint64_t key = gram_key(b, i);
    auto first = std::lower_bound(places.begin(), places.end(), key,
                                  [](const auto& place, std::uint64_t k) { return place.first < k; });
    auto last = first;
    while (last != places.end() && last->first == key) ++last;
    // Latest place first, so one trigram of `b` extends the run at most once.
    for (auto place = last; place != first;) {
      --place;
      auto pos = std::lower_bound(tails.begin(), tails.end(), place->second);
      if (pos == tails.end()) {
        tails.push_back(place->second);
      } else {
        *pos = place->second;
      }
    }
  }
  double grams = static_cast<double>(a.size() + b.size() - 2 * (kGram - 1));
  return 2.0 * static_cast<double>(tails.size()) / grams;
}

std::u32string concat(const std::vector<Unit>& units, const std::vector<std::size_t>& which) {
  std::u32string out;
  for (std::size_t i : which) out += units[i].cps;
  return out;
}

double similarity(const std::vector<Unit>& units, const std::vector<std::size_t>& a,
                  const std::vector<std::size_t>& b) {
  return ordered_similarity(concat(units, a), concat(units, b));
}

std::vector<std::size_t> range(std::size_t begin, std::size_t end) {
  std::vector<std::size_t> out;
  for (std::size_t i = begin; i < end; ++i) out.push_back(i);
  return out;
}

GoalColumns make_columns(const Tokens& tokens, const std::vector<Unit>& units,
                         const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  GoalColumns columns;
  auto fill = [&](const std::vector<std::size_t>& side, std::string& text, SourceSpan& span) {
    for (std::size_t i : side) {
      append_joined(text, units[i].text);
      SourceSpan unit_span = span_of(tokens, units[i].first_token, units[i].last_token);
      span = span.empty() ? unit_span : span.merged(unit_span);
    }
  };
  fill(a, columns.first, columns.first_span);
  fill(b, columns.second, columns.second_span);
  return columns;
}

// Indices of the units most similar to unit `to` among (after, end), best first.
std::vector<std::size_t> restart_candidates(const std::vector<Unit>& units, std::size_t to,
                                            std::size_t after, std::size_t end) {
  std::vector<std::pair<double, std::size_t>> scored;
  for (std::size_t i = after + 1; i < end; ++i)
    scored.emplace_back(similarity(units, {to}, {i}), i);
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < scored.size() && k < kRestartCandidates; ++k)
    out.push_back(scored[k].second);
  return out;
}

// True when the end of `left` followed by the start of `right` occurs in `other`: the two lines
// are one sentence broken at a page end, printed unbroken in the other column.
bool reads_on(const std::u32string& left, const std::u32string& right, const std::u32string& other) {
  constexpr std::size_t kSide = 3;
  if (left.size() < kSide || right.size() < kSide) return false;
  std::u32string junction = left.substr(left.size() - kSide) + right.substr(0, kSide);
  return other.find(junction) != std::u32string::npos;
}

std::optional<GoalColumns> split_by_similarity(const Tokens& tokens, const std::vector<Unit>& units) {
  std::size_t n = units.size();
  if (n == 1) {
    // One run of text: the goals split only when it is one text printed twice.
    const std::u32string& cps = units[0].cps;
    if (cps.size() % 2 != 0 || cps.size() < 2) return std::nullopt;
    std::size_t half = cps.size() / 2;
    if (cps.substr(0, half) != cps.substr(half)) return std::nullopt;
    GoalColumns columns;
    columns.first = columns.second = to_utf8(cps.substr(0, half));
    columns.first_span = columns.second_span =
        span_of(tokens, units[0].first_token, units[0].last_token);
    return columns;
  }
  double best = 0;
  std::vector<std::size_t> best_a, best_b;
  // Goal one, then goal two, which starts over like goal one.
  std::vector<std::size_t> restarts = restart_candidates(units, 0, 0, n);
  for (std::size_t k : restarts) {
    std::vector<std::size_t> a = range(0, k), b = range(k, n);
    double s = similarity(units, a, b);
    if (s > best) best = s, best_a = a, best_b = b;
  }
  // A page break inside the cells: goal one's first half (lines [0, i)), goal two's first half
  // ([i, j)), then the second halves ([j, k) and [k, n)). Goal two starts over like goal one (i),
  // and each second half continues its first half's last line mid-sentence: the words across the
  // break read on unbroken in the other goal.
  if (best < kSameGoalSimilarity && n >= 4) {
    for (std::size_t i : restarts) {
      std::u32string rest = concat(units, range(i, n));
      for (std::size_t j = i + 1; j + 1 < n; ++j) {
        if (!reads_on(units[i - 1].cps, units[j].cps, rest)) continue;
        std::u32string first_goal = concat(units, range(0, i));
        for (std::size_t k = j + 1; k < n; ++k) {
          first_goal += units[k - 1].cps;  // now lines [0, i) and [j, k)
          if (!reads_on(units[j - 1].cps, units[k].cps, first_goal)) continue;
          std::vector<std::size_t> a = range(0, i), b = range(i, j);
          for (std::size_t x = j; x < k; ++x) a.push_back(x);
          for (std::size_t x = k; x < n; ++x) b.push_back(x);
          double s = similarity(units, a, b);
          if (s > best) best = s, best_a = a, best_b = b;
        }
      }
    }
  }
  if (best < kSameGoalSimilarity) return std::nullopt;
  return make_columns(tokens, units, best_a, best_b);
}

bool ends_sentence(const std::u32string& text) {
  if (text.empty()) return false;
  char32_t last = text.back();
  return last == U'。' || last == U'！' || last == U'？' || last == U'；' || last == '.' ||
         last == '!' || last == '?' || last == ';';
}

// Two different goals printed one after the other in columns of different widths: the split is
// the one line boundary where every line before the last of each side is full at that side's
// width, and the widths differ. nullopt unless exactly one boundary reads so.
std::optional<GoalColumns> split_by_widths(const Tokens& tokens, const std::vector<Unit>& units) {
  std::size_t n = units.size();
  if (n < 4) return std::nullopt;
  // A column's width shows in its lines before the last (the last may end short).
  auto column = [&](std::size_t begin, std::size_t end) -> std::optional<double> {
    double width = 0, printed = 0;
    for (std::size_t i = begin; i + 1 < end; ++i) {
      width = std::max(width, units[i].width);
      printed = std::max(printed, units[i].printed);
    }
    for (std::size_t i = begin; i + 1 < end; ++i)
      if (units[i].width < width - kColumnWidthStep) return std::nullopt;  // a paragraph end
    // The column is at least `width` wide, and `printed` when a line's closing mark fitted in it.
    if (units[end - 1].width > printed + kEpsilonEm) return std::nullopt;
    return width;
  };
  // Goals end with a sentence: when the text does, goal one does too.
  bool sentences = ends_sentence(units[n - 1].cps);
  std::optional<std::size_t> split;
  for (std::size_t k = 2; k + 1 < n; ++k) {
    if (sentences && !ends_sentence(units[k - 1].cps)) continue;
    std::optional<double> first = column(0, k), second = column(k, n);
    if (!first || !second || std::abs(*first - *second) < kColumnWidthStep) continue;
    if (split) return std::nullopt;
    split = k;
  }
  if (!split) return std::nullopt;
  return make_columns(tokens, units, range(0, *split), range(*split, n));
}

// Two different goals of about the same width: the split is the one line (not the last) that
// ends a sentence short of the full width: the end of goal one's text. nullopt unless exactly
// one line is such an end.
std::optional<GoalColumns> split_at_paragraph_end(const Tokens& tokens, const std::vector<Unit>& units) {
  std::size_t n = units.size();
  if (n < 2 || !ends_sentence(units[n - 1].cps)) return std::nullopt;
  double full = 0;
  for (const Unit& unit : units) full = std::max(full, unit.width);
  std::optional<std::size_t> split;
  for (std::size_t k = 1; k < n; ++k) {
    const Unit& end = units[k - 1];
    if (!ends_sentence(end.cps) || end.width > full - kColumnWidthStep) continue;
    if (split) return std::nullopt;  // two paragraph ends: which one ends goal one is not printed
    split = k;
  }
  if (!split) return std::nullopt;
  return make_columns(tokens, units, range(0, *split), range(*split, n));
}

// The list numbers of a numbered goal ("1、…。2、…。"): digits and "、" at the start of the text or
// after a sentence end.
std::vector<int> list_numbers(const std::u32string& text) {
  std::vector<int> numbers;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && !ends_sentence(text.substr(0, i))) continue;
    std::size_t j = i;
    int number = 0;
    while (j < text.size() && j < i + 2 && text[j] >= '0' && text[j] <= '9')
      number = number * 10 + static_cast<int>(text[j++] - '0');
    if (j > i && j < text.size() && text[j] == U'、') numbers.push_back(number);
  }
  return numbers;
}

bool numbered_from_one(const std::u32string& text) {
  std::vector<int> numbers = list_numbers(text);
  if (numbers.empty() || numbers.front() != 1) return false;
  for (std::size_t k = 1; k < numbers.size(); ++k)
    if (numbers[k] != numbers[k - 1] + 1) return false;
  return true;
}

enum class Numbering { kNotNumbered, kSplit, kUnclear };

// Goals that list their sub-projects ("1、…2、…") number both columns from 1: goal two starts at
// the line that starts over at "1、". The split holds when each side counts 1, 2, 3… in order;
// a restart out of order (two columns interleaved by a page break) leaves it unclear.
Numbering split_by_numbering(const std::vector<Unit>& units, std::size_t& split) {
  std::size_t n = units.size();
  auto starts_list = [&](std::size_t i) {
    std::vector<int> numbers = list_numbers(units[i].cps);
    return !numbers.empty() && numbers.front() == 1 && units[i].cps.rfind(U"1、", 0) == 0;
  };
  if (n < 2 || !starts_list(0)) return Numbering::kNotNumbered;
  std::vector<std::size_t> restarts;
  for (std::size_t i = 1; i < n; ++i)
    if (starts_list(i)) restarts.push_back(i);
  if (restarts.empty()) return Numbering::kNotNumbered;
  if (restarts.size() > 1) return Numbering::kUnclear;
  split = restarts.front();
  if (!numbered_from_one(concat(units, range(0, split))) ||
      !numbered_from_one(concat(units, range(split, n))))
    return Numbering::kUnclear;
  return Numbering::kSplit;
}

std::optional<GoalColumns> split_by_cells(const Tokens& tokens, const std::vector<TokenPiece>& pieces) {
  // Row → cell → unit, in order.
  std::map<int, std::map<int, Unit>> rows;
  for (const TokenPiece& piece : pieces) {
    const Token& token = tokens[static_cast<std::size_t>(piece.token)];
    Unit& unit = rows[token.row][token.cell];
    if (unit.text.empty()) unit.first_token = static_cast<std::size_t>(piece.token);
    append_joined(unit.text, piece.text);
    unit.last_token = static_cast<std::size_t>(piece.token);
  }
  int first_cell = -1, second_cell = -1;
  for (const auto& [row, cells] : rows) {
    if (cells.size() > 2) return std::nullopt;
    if (cells.size() == 2 && first_cell < 0) {
      first_cell = cells.begin()->first;
      second_cell = std::next(cells.begin())->first;
    }
  }
  std::vector<Unit> units;
  std::vector<std::size_t> a, b;
  for (auto& [row, cells] : rows) {
    std::size_t k = 0;
    for (auto& [cell, unit] : cells) {
      bool first = cells.size() == 2 ? k == 0 : cell == first_cell;
      bool second = cells.size() == 2 ? k == 1 : cell == second_cell;
      if (!first && !second) return std::nullopt;
      (first ? a : b).push_back(units.size());
      units.push_back(std::move(unit));
      ++k;
    }
  }
  return make_columns(tokens, units, a, b);
}

}  // namespace

std::string join_pieces(const std::vector<TokenPiece>& pieces) {
  std::string text;
  for (const TokenPiece& piece : pieces) append_joined(text, piece.text);
  return text;
}

std::optional<GoalColumns> split_goal_columns(const Tokens& tokens,
                                              const std::vector<TokenPiece>& pieces) {
  if (pieces.empty()) return std::nullopt;
  bool tabbed = std::any_of(pieces.begin(), pieces.end(), [&](const TokenPiece& p) {
    return tokens[static_cast<std::size_t>(p.token)].tabbed;
  });
  if (tabbed) return split_by_cells(tokens, pieces);
  bool one_row = std::all_of(pieces.begin(), pieces.end(), [&](const TokenPiece& p) {
    return tokens[static_cast<std::size_t>(p.token)].row ==
           tokens[static_cast<std::size_t>(pieces.front().token)].row;
  });
  // Units: lines of a line-broken layout, words of a one-line (OCR) layout.
  std::vector<Unit> units;
  int unit_row = -1;
  for (const TokenPiece& piece : pieces) {
    const Token& token = tokens[static_cast<std::size_t>(piece.token)];
    if (one_row || units.empty() || token.row != unit_row) {
      units.push_back(Unit{});
      units.back().first_token = static_cast<std::size_t>(piece.token);
      unit_row = token.row;
    }
    if (!units.back().text.empty()) units.back().width += 0.5;  // the space between words
    units.back().width += display_width(piece.text);
    append_joined(units.back().text, piece.text);
    units.back().last_token = static_cast<std::size_t>(piece.token);
  }
  for (Unit& unit : units) {
    unit.cps = to_u32(unit.text);
    // A closing mark may hang past the column's edge ("…共同发展。").
    unit.printed = unit.width;
    unit.width -= display_width(unit.text) - column_width(unit.text);
  }
  if (auto columns = split_by_similarity(tokens, units)) return columns;
  if (one_row) return std::nullopt;
  std::size_t split = 0;
  switch (split_by_numbering(units, split)) {
    case Numbering::kSplit: return make_columns(tokens, units, range(0, split), range(split, units.size()));
    case Numbering::kUnclear: return std::nullopt;
    case Numbering::kNotNumbered: break;
  }
  if (auto columns = split_by_widths(tokens, units)) return columns;
  return split_at_paragraph_end(tokens, units);
}

}  // namespace jixiao::form
