#include "ingest/text_scan.h"

#include <algorithm>

#include "ingest/normalize.h"

namespace jixiao {

bool is_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

std::size_t code_point_length(std::string_view s, std::size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return pos + len <= s.size() ? len : 1;
}

char32_t code_point_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  return next_code_point(s, pos);
}

char32_t code_point_before(std::string_view s, std::size_t pos) {
  if (pos == 0 || pos > s.size()) return 0;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && pos - start < 4)
    --start;
  return next_code_point(s, start);
}

std::optional<NumberToken> read_number(std::string_view s, std::size_t pos) {
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  if (!digit(pos)) return std::nullopt;
  std::size_t i = pos;
  while (digit(i) || (s[i] == ',' && digit(i + 1) && i > pos)) ++i;
  if (i + 1 < s.size() && s[i] == '.' && digit(i + 1)) {
    ++i;
    while (digit(i)) ++i;
  }
  return NumberToken{std::string(s.substr(pos, i - pos)), pos, i};
}

namespace {

std::optional<int> digit_value(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return std::nullopt;
  }
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

bool touches_cjk(char32_t cp) { return cp != 0 && is_cjk(cp); }

}  // namespace

std::size_t chinese_numeral_run(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size()) {
    std::size_t j = i;
    char32_t cp = next_code_point(s, j);
    if (!digit_value(cp) && cp != U'十') break;
    i = j;
  }
  return i - pos;
}

std::optional<int> chinese_numeral_value(std::string_view numeral) {
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < numeral.size();) cps.push_back(next_code_point(numeral, i));
  if (cps.empty() || cps.size() > 3) return std::nullopt;
  int value = 0;
  std::size_t ten = cps.size();
  for (std::size_t k = 0; k < cps.size(); ++k)
    if (cps[k] == U'十') ten = k;
  if (ten == cps.size()) {  // no 十: a single digit
    if (cps.size() != 1) return std::nullopt;
    auto d = digit_value(cps[0]);
    if (!d || *d == 0) return std::nullopt;
    return *d;
  }
  int tens = 1, units = 0;
  if (ten == 1) {
    auto d = digit_value(cps[0]);
    if (!d || *d == 0) return std::nullopt;
    tens = *d;
  } else if (ten != 0) {
    return std::nullopt;
  }
  if (ten + 1 < cps.size()) {
    if (ten + 2 != cps.size()) return std::nullopt;
    auto d = digit_value(cps[ten + 1]);
    if (!d || *d == 0) return std::nullopt;
    units = *d;
  }
  value = tens * 10 + units;
  return value;
}

std::string squeeze_cjk_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (!is_space(s[i])) {
      // The run of code points up to the next space, appended at once.
      std::size_t run = i;
      while (run < s.size() && !is_space(s[run])) run += code_point_length(s, run);
      out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && is_space(s[end])) ++end;
    bool at_edge = out.empty() || end == s.size();
    char32_t before = code_point_before(out, out.size());
    char32_t after = code_point_at(s, end);
    if (!at_edge && !touches_cjk(before) && !touches_cjk(after)) out.push_back(' ');
    i = end;
  }
  return out;
}

std::vector<std::string_view> split_cells(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::optional<std::string> yuan_to_wan_text(std::string_view yuan) {
  std::string digits;
  std::size_t point = std::string::npos;
  for (char c : yuan) {
    if (c == ',') continue;
    if (c == '.') {
      if (point != std::string::npos) return std::nullopt;
      point = digits.size();
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.empty()) return std::nullopt;
  if (point == std::string::npos) point = digits.size();
  // Moving the point four places left divides by 10,000.
  long shifted = static_cast<long>(point) - 4;
  if (shifted <= 0) {
    digits.insert(0, static_cast<std::size_t>(1 - shifted), '0');
    shifted = 1;
  }
  std::string integer = digits.substr(0, static_cast<std::size_t>(shifted));
  std::string fraction = digits.substr(static_cast<std::size_t>(shifted));
  while (integer.size() > 1 && integer[0] == '0') integer.erase(0, 1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + "." + fraction;
}

// Anchored on its first byte EF (full-width punctuation only), rarer in Chinese text than its
// last byte BD, on which contains() would anchor.
bool has_replacement_char(std::string_view s) {
  return s.find(kReplacementChar) != std::string_view::npos;
}

namespace {

// Matches key[j..] at s[i..] with at most `edits` uses of U+FFFD in `s`, each standing either
// for one code point of `key` or for nothing (OCR garbling a space between letter-spaced
// characters leaves an extra �). Returns the end of the match in `s`, or npos.
std::size_t match_with_garbling(std::string_view s, std::size_t i, std::string_view key,
                                std::size_t j, int edits) {
  while (j < key.size()) {
    if (i >= s.size()) return std::string_view::npos;
    std::size_t ls = code_point_length(s, i), lk = code_point_length(key, j);
    if (s.substr(i, ls) == key.substr(j, lk)) {
      i += ls;
      j += lk;
      continue;
    }
    if (edits == 0 || s.substr(i, ls) != kReplacementChar) return std::string_view::npos;
    // An extra character inside the word first ("主�体" is 主体 with a garbled space), then a
    // substituted one. (An extra character before the word is not part of it.)
    if (j > 0) {
      std::size_t inserted = match_with_garbling(s, i + ls, key, j, edits - 1);
      if (inserted != std::string_view::npos) return inserted;
    }
    return match_with_garbling(s, i + ls, key, j + lk, edits - 1);
  }
  return i;
}

}  // namespace

bool starts_with_fuzzy(std::string_view s, std::string_view key, std::size_t& length) {
  if (starts_with(s, key)) {
    length = key.size();
    return true;
  }
  if (!has_replacement_char(s.substr(0, key.size() + kReplacementChar.size()))) return false;
  std::size_t key_points = 0;
  for (std::size_t i = 0; i < key.size(); i += code_point_length(key, i)) ++key_points;
  if (key_points < 4) return false;
  std::size_t end = match_with_garbling(s, 0, key, 0, 1);
  if (end == std::string_view::npos) return false;
  length = end;
  return true;
}

std::size_t find_fuzzy(std::string_view s, std::string_view key, std::size_t from,
                       std::size_t& length) {
  std::size_t exact = s.find(key, from);
  if (!has_replacement_char(s.substr(std::min(from, s.size())))) {
    if (exact != std::string_view::npos) length = key.size();
    return exact;
  }
  // A fuzzy match at i needs a U+FFFD among its first key.size() + 3 bytes (starts_with_fuzzy),
  // or is the exact match: the positions with no U+FFFD close ahead are skipped without trying
  // (on a long OCR line with one garbled character, trying each was most of the search).
  std::size_t garbled = s.find(kReplacementChar, from);
  for (std::size_t i = from; i < s.size() && i <= exact; i += code_point_length(s, i)) {
    if (garbled != std::string_view::npos && garbled < i) garbled = s.find(kReplacementChar, i);
    bool possible = i == exact || (garbled != std::string_view::npos && garbled <= i + key.size());
    if (possible && starts_with_fuzzy(s.substr(i), key, length)) return i;
  }
  return std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace jixiao
