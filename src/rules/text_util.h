// Small UTF-8 helpers for the rules: decoding to code points, whitespace removal and number
// tokens. The rules depend on model/ only, so they do not reuse ingest's normaliser; the model's
// text is already normalised (half-width digits, ≥/≤), these helpers only read it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/text_search.h"

namespace jixiao::rules {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string to_u32(std::string_view s);
// Decodes the code point at s[i] as to_u32 does, advancing i (an invalid byte: U+FFFD, one byte).
// Inline: the review decodes every text it compares (it was 3 % of `check` as a call).
inline char32_t decode_at(std::string_view s, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t extra = (b0 & 0xE0) == 0xC0 ? 1 : (b0 & 0xF0) == 0xE0 ? 2 : (b0 & 0xF8) == 0xF0 ? 3 : 0;
  if (extra == 0 || i + extra >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x3F >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += extra + 1;
  return cp;
}
// Calls f(code point) for each code point of `s`, decoded as to_u32 does, without a copy.
template <typename F>
void for_each_code_point(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) f(decode_at(s, i));
}
std::string to_utf8(std::u32string_view s);
// Decodes and drops all whitespace (the model keeps spaces next to digits: "2024 年 8 月").
std::u32string compact_u32(std::string_view s);
// Removes whitespace (spaces, tabs, newlines, U+3000, NBSP).
std::string compact(std::string_view s);
// Whether `s` contains any whitespace compact() removes.
bool has_whitespace(std::string_view s);
// Whether `s` is empty or whitespace only.
bool is_blank(std::string_view s);

inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_cjk_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

// A decimal number written in text: digits with at most one '.', thousands separators allowed
// between digit groups. [begin, end) are code-point positions in the scanned string.
struct NumberToken {
  std::size_t begin = 0, end = 0;
  std::string text;  // without separators, e.g. "835.74"
};
// The number starting exactly at `pos` (nullopt when s[pos] is not a digit or the number is
// glued to a preceding digit or '.').
std::optional<NumberToken> number_at(std::u32string_view s, std::size_t pos);
// The number ending exactly before `end` (scanning backwards), nullopt when none.
std::optional<NumberToken> number_before(std::u32string_view s, std::size_t end);

// True when `s` contains `needle` at `pos`.
bool starts_at(std::u32string_view s, std::size_t pos, std::u32string_view needle);
bool contains(std::u32string_view s, std::u32string_view needle);
using jixiao::contains;  // UTF-8 (model/text_search.h)

// Number of code points.
std::size_t char_count(std::string_view s);

}  // namespace jixiao::rules
