// Small scanning helpers over normalised UTF-8 text, shared by the document and narrative
// parsers (hand-written instead of std::regex: faster, and they understand CJK code points).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/text_search.h"  // contains

namespace jixiao {

// True for a CJK ideograph (汉字), not for CJK punctuation or full-width forms.
bool is_ideograph(char32_t cp);

// The code point that starts at byte `pos` (0 when pos is at the end), and the one that ends
// just before `pos` (0 when pos is 0).
char32_t code_point_at(std::string_view s, std::size_t pos);
char32_t code_point_before(std::string_view s, std::size_t pos);
// Byte length of the UTF-8 sequence whose lead byte is s[pos] (1 for invalid bytes).
std::size_t code_point_length(std::string_view s, std::size_t pos);

// A decimal number as written: digits, optional thousands commas, optional fraction.
struct NumberToken {
  std::string text;   // as written ("37,780,000.00", "3778", "0.5")
  std::size_t begin = 0, end = 0;  // byte range in the scanned string
};
// Reads a number starting exactly at `pos` (no sign). nullopt when s[pos] is not a digit.
std::optional<NumberToken> read_number(std::string_view s, std::size_t pos);

// Value of a Chinese numeral 一…九十九 ("一" → 1, "十二" → 12); nullopt otherwise.
std::optional<int> chinese_numeral_value(std::string_view numeral);
// Length in bytes of the run of Chinese numeral characters (一二三四五六七八九十〇零) at pos.
std::size_t chinese_numeral_run(std::string_view s, std::size_t pos);

// Removes spaces and tabs that touch a CJK character on either side, and collapses the rest
// to single spaces ("预算资金约 3778 万元" → "预算资金约3778万元"; "web server" kept).
std::string squeeze_cjk_spaces(std::string_view s);

// Splits on spaces and tabs, dropping empty pieces.
std::vector<std::string_view> split_cells(std::string_view s);

// Shifts a decimal string from 元 to 万元 exactly ("135700" → "13.57", "30000" → "3",
// "1,234.5" → "0.12345"). nullopt when `yuan` is not a plain decimal.
std::optional<std::string> yuan_to_wan_text(std::string_view yuan);

// U+FFFD, the replacement character OCR output puts where it could not read a character.
inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
bool has_replacement_char(std::string_view s);

// Finds `key` in `s` from byte `from`, letting one U+FFFD in `s` stand for one code point of
// `key`, or be an extra character inside it, when `key` has at least four code points (OCR
// garbling of a landmark word: "项目概�", "年�度预算安排"). Returns the
// byte offset and sets `length` to the matched length in `s`; npos when there is no match.
std::size_t find_fuzzy(std::string_view s, std::string_view key, std::size_t from,
                       std::size_t& length);
// True when `s` starts with `key` in the same sense; `length` as above.
bool starts_with_fuzzy(std::string_view s, std::string_view key, std::size_t& length);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace jixiao
