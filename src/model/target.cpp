#include "model/target.h"

#include <array>
#include <utility>

namespace jixiao {
namespace {

// Spellings of each comparator, longest first so ">=" wins over ">".
const std::array<std::pair<std::string_view, Comparator>, 14> kSpellings = {{
    {">=", Comparator::kGe}, {"<=", Comparator::kLe}, {"≥", Comparator::kGe},
    {"≧", Comparator::kGe},  {"≤", Comparator::kLe},  {"≦", Comparator::kLe},
    {"＞＝", Comparator::kGe}, {"＜＝", Comparator::kLe}, {"＝", Comparator::kEq},
    {"＞", Comparator::kGt},  {"＜", Comparator::kLt},  {"=", Comparator::kEq},
    {">", Comparator::kGt},   {"<", Comparator::kLt},
}};

// Longest comparator spelling at the start of `s`; returns its length (0 when none).
std::size_t match_comparator(std::string_view s, Comparator& out) {
  // Every spelling starts with '>', '<', '=' or the lead byte E2 (≥ ≧ ≤ ≦) or EF (＞ ＜ ＝): other
  // bytes are ruled out before the spellings are compared (this runs at every byte of a value).
  if (s.empty()) return 0;
  auto first = static_cast<unsigned char>(s.front());
  if (first != '>' && first != '<' && first != '=' && first != 0xE2 && first != 0xEF) return 0;
  for (const auto& [spelling, cmp] : kSpellings) {
    if (s.substr(0, spelling.size()) == spelling) {
      out = cmp;
      return spelling.size();
    }
  }
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Strips one pair of enclosing brackets: "(万元)" → "万元".
std::string_view strip_brackets(std::string_view unit) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                             {"（", "）"}}) {
    if (unit.size() >= open.size() + close.size() && unit.substr(0, open.size()) == open &&
        unit.substr(unit.size() - close.size()) == close) {
      return unit.substr(open.size(), unit.size() - open.size() - close.size());
    }
  }
  return unit;
}

bool has_digit_or_comparator(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    Comparator c;
    if (is_digit(s[i]) || match_comparator(s.substr(i), c) > 0) return true;
  }
  return false;
}

constexpr std::size_t kMaxPrefixBytes = 8 * 3;  // at most ~8 Chinese characters before the comparator

}  // namespace

std::string_view comparator_symbol(Comparator c) {
  switch (c) {
    case Comparator::kGe: return "≥";
    case Comparator::kLe: return "≤";
    case Comparator::kEq: return "=";
    case Comparator::kGt: return ">";
    case Comparator::kLt: return "<";
    case Comparator::kNone: break;
  }
  return "";
}

std::optional<Comparator> parse_comparator(std::string_view text) {
  Comparator c;
  std::size_t len = match_comparator(text, c);
  if (len == 0 || len != text.size()) return std::nullopt;
  return c;
}

Target Target::parse(std::string_view value) {
  Target t;
  // Find the first comparator; what stands before it is the prefix.
  for (std::size_t pos = 0; pos < value.size() && pos <= kMaxPrefixBytes; ++pos) {
    Comparator cmp;
    std::size_t len = match_comparator(value.substr(pos), cmp);
    if (len == 0) continue;
    std::string_view prefix = value.substr(0, pos);
    std::string_view rest = value.substr(pos + len);
    std::size_t n = 0;
    bool dot = false;
    while (n < rest.size() && (is_digit(rest[n]) || (rest[n] == ',' && n > 0) ||
                               (rest[n] == '.' && !dot && n > 0))) {
      if (rest[n] == '.') dot = true;
      ++n;
    }
    while (n > 0 && (rest[n - 1] == '.' || rest[n - 1] == ',')) --n;
    if (n == 0) break;  // comparator without a number: qualitative ("分数≥上一期分数")
    std::string_view unit = strip_brackets(rest.substr(n));
    if (has_digit_or_comparator(prefix) || has_digit_or_comparator(unit)) break;
    t.cmp = cmp;
    t.prefix = std::string(prefix);
    t.num.reserve(n);
    for (char c : rest.substr(0, n))
      if (c != ',') t.num.push_back(c);
    t.unit = std::string(unit);
    return t;
  }
  t.text = std::string(value);
  return t;
}

}  // namespace jixiao
