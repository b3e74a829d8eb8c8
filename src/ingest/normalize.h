// Text normalisation at the input boundary, applied once to every line: the parsers never see
// full-width digits, odd spaces or OCR spacing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// Normalises one UTF-8 line:
//  - full-width ASCII forms (０-９, Ａ-Ｚ, ａ-ｚ, ％＋－．／＝＜＞) become ASCII; "≧"/"≦" become ≥/≤;
//  - U+3000, NBSP, other Unicode spaces and control characters (form feed…) become ' ';
//    '\r' dropped; tabs kept (cell separators);
//  - OCR letter-spacing is removed: in a chain of CJK characters separated by single spaces
//    ("项 目 名 称", "一、项 目 概 述") holding at least two one-character words, the spaces go;
//    spaces between longer words are kept, since they may be the only cell boundary
//    ("成本合理性 合理"), and so is one lone character after a word ("社会知晓度 高"); a word
//    with two Chinese characters side by side was not letter-spaced, so it never joins a chain
//    ("上海市青浦区青少年活动中心 生 健 康": OCR put another cell's spaced text after it);
//  - runs of spaces collapse to one; leading/trailing spaces trimmed.
// Chinese punctuation （）：，。、 is kept as printed. ">=" is kept as printed (Target parses it).
std::string normalize_line(std::string_view line);
// The same, also listing in `joined` (cleared first) the byte offsets in the result where a
// letter-spacing space was removed: the text at each offset was a word of its own in the raw
// line. OCR prints the cells of a row on one line, and a chain joined across two cells leaves no
// other trace of their boundary (see TextLine::joined).
std::string normalize_line(std::string_view line, std::vector<std::size_t>& joined);

// True for a code point in the CJK ideograph blocks or CJK punctuation / full-width forms.
bool is_cjk(char32_t cp);

// Removes all whitespace (spaces, tabs, newlines).
std::string strip_whitespace(std::string_view s);

// Joins pieces of one wrapped cell: no separator between pieces, except a single space where
// both sides are ASCII letters or digits ("2023" + "年" → "2023年"; "web" + "server" → "web server").
std::string join_wrapped(std::string_view left, std::string_view right);
// The number of separator spaces join_wrapped puts between `left` and `right` (0 or 1).
std::size_t wrapped_separator(std::string_view left, std::string_view right);

// Decodes the UTF-8 code point at s[i], advancing i; invalid bytes yield U+FFFD and advance 1.
// Inline: every parsing stage steps through text with it (it was 6 % of `check` as a call).
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((cc >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}
void append_utf8(std::string& out, char32_t cp);

}  // namespace jixiao
