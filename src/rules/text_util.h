// Small UTF-8 helpers for the rules: decoding to code points, whitespace removal and number
// tokens. The rules depend on model/ only, so they do not reuse ingest's normaliser; the model's
// text is already normalised (half-width digits, ≥/≤), these helpers only read it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao::rules {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string to_u32(std::string_view s);
// Calls f(code point) for each code point of `s`, decoded as to_u32 does, without a copy.
char32_t decode_at(std::string_view s, std::size_t& i);
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
bool is_cjk_ideograph(char32_t c);

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
bool contains(std::string_view s, std::string_view needle);

// Number of code points.
std::size_t char_count(std::string_view s);

}  // namespace jixiao::rules
