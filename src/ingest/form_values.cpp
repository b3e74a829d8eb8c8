#include "ingest/form_values.h"

#include <algorithm>
#include <array>

#include "ingest/form_text.h"
#include "ingest/normalize.h"

namespace jixiao::form {
namespace {

constexpr std::array<std::string_view, 10> kComparators = {
    ">=", "<=", "≥", "≤", "=", ">", "<", "≧", "≦", "＝"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// True for the first byte of every spelling in kComparators: most bytes of a text rule
// themselves out before the spellings are compared (this runs on every cell of every table).
bool may_start_comparator(char c) {
  auto b = static_cast<unsigned char>(c);
  return c == '>' || c == '<' || c == '=' || b == 0xE2 || b == 0xEF;
}

// True for the last byte of every spelling in kComparators: '=', '>', '<', or the last byte of
// ≥ (A5), ≤ (A4), ≧ (A7), ≦ (A6), ＝ (9D).
bool may_end_comparator(char c) {
  auto b = static_cast<unsigned char>(c);
  return c == '=' || c == '>' || c == '<' || (b >= 0xA4 && b <= 0xA7) || b == 0x9D;
}

std::size_t comparator_length_at_start(std::string_view text) {
  if (text.empty() || !may_start_comparator(text.front())) return 0;
  for (std::string_view cmp : kComparators)
    if (text.substr(0, cmp.size()) == cmp) return cmp.size();
  return 0;
}

// Letters OCR reads in place of digits.
bool is_digit_lookalike(char c) {
  return c == 'O' || c == 'o' || c == 'l' || c == 'I' || c == 'S' || c == 'B' || c == 'Z';
}

bool is_number_char(char c) { return is_digit(c) || c == '.' || c == ','; }


// `raw` without spaces, tabs and line breaks (strip_whitespace), copied into `storage` only when
// it holds any: most cell texts hold none, and these tests run on every fragment of a table.
std::string_view without_whitespace(std::string_view raw, std::string& storage) {
  bool any = std::any_of(raw.begin(), raw.end(),
                         [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (!any) return raw;
  storage = strip_whitespace(raw);
  return storage;
}

// text.rfind("年") without comparing the three bytes at every position (E5 B9 B4).
std::size_t last_year_char(std::string_view text) {
  for (std::size_t k = text.size(); k >= 3; --k)
    if (text[k - 1] == '\xB4' && text[k - 2] == '\xB9' && text[k - 3] == '\xE5') return k - 3;
  return std::string_view::npos;
}

}  // namespace

bool starts_with_comparator(std::string_view text) { return comparator_length_at_start(text) > 0; }

bool has_comparator(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (may_start_comparator(text[i]) && comparator_length_at_start(text.substr(i)) > 0)
      return true;
  return false;
}

bool ends_with_comparator(std::string_view text) {
  if (text.empty() || !may_end_comparator(text.back())) return false;
  for (std::string_view cmp : kComparators)
    if (text.size() >= cmp.size() && text.substr(text.size() - cmp.size()) == cmp) return true;
  return false;
}

bool value_continues(std::string_view raw) {
  std::string compact;
  std::string_view text = without_whitespace(raw, compact);
  if (text.empty()) return false;
  if (ends_with_comparator(text)) return true;
  char last = text.back();
  if (last == '/' || last == '(') return true;
  // A date cut after its year or its month number: "2019年", "2019年9" goes on with "月底".
  std::size_t year = last_year_char(text);
  if (year != std::string_view::npos && year > 0 && is_digit(text[year - 1])) {
    std::string_view after = text.substr(year + 3);
    bool digits_only = true;
    for (char c : after) digits_only = digits_only && (is_digit(c) || c == ' ');
    if (digits_only) return true;
  }
  // An opening bracket not closed yet: "≤28.00(万元" goes on with "/场)".
  // （ is EF BC 88 and ） EF BC 89.
  auto full_width = [&](std::size_t i, unsigned char last) {
    return i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
           static_cast<unsigned char>(text[i + 1]) == 0xBC &&
           static_cast<unsigned char>(text[i + 2]) == last;
  };
  int open = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' || full_width(i, 0x88)) ++open;
    if ((text[i] == ')' || full_width(i, 0x89)) && open > 0) --open;
  }
  return open > 0;
}

bool starts_with_quantity(std::string_view text) {
  std::string compact;
  std::string_view rest = without_whitespace(text, compact);
  std::size_t cmp = comparator_length_at_start(rest);
  if (cmp == 0) return false;
  rest.remove_prefix(cmp);
  return !rest.empty() && is_digit(rest.front());
}

bool starts_with_continuation_mark(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] == '/' || text[0] == ')' || text[0] == '%') return true;
  // The marks below all start with E3 (、。) or EF (）,；：％).
  auto first = static_cast<unsigned char>(text[0]);
  if (first != 0xE3 && first != 0xEF) return false;
  for (std::string_view mark : {"）", "、", "，", "。", "；", "：", "％"})
    if (text.substr(0, mark.size()) == mark) return true;
  return false;
}

bool is_numeric(std::string_view text) {
  bool digit = false;
  for (char c : text) {
    if (is_digit(c)) {
      digit = true;
    } else if (c != '.' && c != ',' && c != '%') {
      return false;
    }
  }
  return digit;
}

bool is_number_without_unit(std::string_view text) {
  std::string storage;
  std::string_view compact = without_whitespace(text, storage);
  std::string_view rest = compact;
  // After the last comparator, if any: "=56850", "≥4.00", "全年≤5".
  for (std::size_t i = 0; i < compact.size(); ++i) {
    std::size_t len = comparator_length_at_start(compact.substr(i));
    if (len > 0) rest = compact.substr(i + len);
  }
  if (rest.empty() || !is_digit(rest.front())) return false;
  for (char c : rest)
    if (!is_number_char(c)) return false;
  return true;
}

bool is_unit_word(std::string_view text) {
  if (text.empty() || starts_with_comparator(text)) return false;
  if (text.front() == '(' || text.substr(0, 3) == "（") {
    bool closed = text.back() == ')' || (text.size() >= 3 && text.substr(text.size() - 3) == "）");
    return closed && display_width(text) <= 8;
  }
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp < 0x80 && cp != '%' && cp != '/') return false;  // digits, letters: not a unit word
    if (cp >= 0x80 && !is_cjk(cp)) return false;
    ++code_points;
  }
  return code_points <= 6;
}

bool is_ascii_word(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (is_ascii_letter(c)) {
      letter = true;
    } else if (!is_digit(c) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return letter;
}

bool looks_garbled(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp == 0xFFFD || cp == 0x25A1 || cp == 0x25A0 || cp == 0x25AF || cp == 0x2610 ||
        (cp >= 0xE000 && cp <= 0xF8FF) || (cp < 0x20 && cp != '\t'))
      return true;
  }
  // A digit look-alike letter inside a number: "9O.00", "1O0", "37,78O,000.00", "2O24-01-01".
  for (std::size_t k = 1; k + 1 < text.size(); ++k) {
    if (!is_digit_lookalike(text[k])) continue;
    char before = text[k - 1];
    char after = text[k + 1];
    if (is_digit(before) && (is_number_char(after) || after == '-' || after == '%')) return true;
    if ((before == '.' || before == ',' || before == '-') && is_digit(after)) return true;
  }
  // A question mark next to a digit ("9?.00"): OCR's mark for an unreadable glyph.
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '?') continue;
    if ((k > 0 && is_digit(text[k - 1])) || (k + 1 < text.size() && is_digit(text[k + 1])))
      return true;
  }
  return false;
}

std::string without_spaces(std::string_view text) { return strip_whitespace(text); }

}  // namespace jixiao::form
