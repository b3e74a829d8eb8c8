#include "ingest/normalize.h"

#include <algorithm>
#include <vector>

namespace jixiao {
namespace {

bool is_space_cp(char32_t cp) {
  // Control characters other than tab (form feeds of pdftotext page breaks, stray OCR bytes)
  // carry no text: they read as a space.
  bool control = (cp < 0x20 && cp != '\t') || cp == 0x7F;
  return control || cp == ' ' || cp == 0x00A0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// Full-width forms that have an unambiguous ASCII meaning in numbers and targets.
char32_t fold_full_width(char32_t cp) {
  if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
      (cp >= 0xFF41 && cp <= 0xFF5A))
    return cp - 0xFF10 + '0';
  switch (cp) {
    case 0xFF05: return '%';
    case 0xFF0B: return '+';
    case 0xFF0D: return '-';
    case 0xFF0E: return '.';
    case 0xFF0F: return '/';
    case 0xFF1D: return '=';
    case 0xFF1C: return '<';
    case 0xFF1E: return '>';
    case 0x2267: return 0x2265;  // ≧ → ≥
    case 0x2266: return 0x2264;  // ≦ → ≤
    default: return cp;
  }
}

bool is_separator(char32_t cp) { return cp == ' ' || cp == '\t'; }

// U+FFFD is a character OCR could not read; in Chinese text it stands for a Chinese one.
bool is_ideograph_cp(char32_t cp) { return (cp >= 0x3400 && is_cjk(cp)) || cp == 0xFFFD; }
bool is_cjk_or_unreadable(char32_t cp) { return is_cjk(cp) || cp == 0xFFFD; }

// Where a word ends on a line: a maximal run of non-separator code points.
struct Token {
  std::size_t begin = 0, end = 0;
  // One letter-spaced character: a single ideograph, or two with a � between them (OCR
  // garbled the space of "概 述" into "概�述").
  bool single_ideograph(const std::u32string& cps) const {
    if (end - begin == 1) return is_ideograph_cp(cps[begin]);
    return end - begin == 3 && cps[begin + 1] == 0xFFFD && is_ideograph_cp(cps[begin]) &&
           is_ideograph_cp(cps[begin + 2]);
  }
  // A word letter-spaced text can hold: no two ideographs side by side ("一、项", "2023年",
  // "用：巩"). A word like "上海市青浦区青少年活动中心" was printed unspaced: a letter-spaced
  // run next to it is another cell's text (OCR reading across cells), not part of it.
  bool spaced_word(const std::u32string& cps) const {
    auto han = [](char32_t cp) {
      return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
             (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
    };
    for (std::size_t k = begin; k + 1 < end; ++k)
      if (han(cps[k]) && han(cps[k + 1])) return false;
    return true;
  }
};

// Which space-only gaps between tokens are OCR letter-spacing ("项 目 名 称", "一、项 目 概 述"):
// a chain of gaps between CJK characters where each gap touches a single-ideograph token, and
// the chain holds at least two such tokens. A lone single character after a word is kept apart
// ("社会知晓度 高": it may be a cell of its own); so are gaps between longer words ("成本合理性
// 合理"), which may be the only cell boundary.
void letter_spaced_gaps(const std::u32string& cps, const std::vector<Token>& tokens,
                        const std::vector<bool>& gap_has_tab, std::vector<bool>& join) {
  std::size_t gaps = tokens.empty() ? 0 : tokens.size() - 1;
  join.assign(gaps, false);
  // A gap is a candidate when it separates two CJK characters, neither side is a tab and one of
  // the two tokens is a single ideograph; chains of candidates are joined when they hold two
  // single-ideograph tokens.
  auto candidate = [&](std::size_t g) {
    const Token& a = tokens[g];
    const Token& b = tokens[g + 1];
    return !gap_has_tab[g] && is_cjk_or_unreadable(cps[a.end - 1]) &&
           is_cjk_or_unreadable(cps[b.begin]) && (a.single_ideograph(cps) || b.single_ideograph(cps)) &&
           a.spaced_word(cps) && b.spaced_word(cps);
  };
  for (std::size_t g = 0; g < gaps;) {
    if (!candidate(g)) {
      ++g;
      continue;
    }
    std::size_t last = g;
    while (last + 1 < gaps && candidate(last + 1)) ++last;
    int singles = 0;
    for (std::size_t t = g; t <= last + 1; ++t) singles += tokens[t].single_ideograph(cps) ? 1 : 0;
    if (singles >= 2)
      for (std::size_t k = g; k <= last; ++k) join[k] = true;
    g = last + 1;
  }
}

// Writes `cp` as UTF-8 at `o` (room for 4 bytes), returning the end.
char* put_utf8(char* o, char32_t cp) {
  if (cp < 0x80) {
    *o++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *o++ = static_cast<char>(0xC0 | (cp >> 6));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *o++ = static_cast<char>(0xE0 | (cp >> 12));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *o++ = static_cast<char>(0xF0 | (cp >> 18));
    *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return o;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  char buf[4];
  out.append(buf, static_cast<std::size_t>(put_utf8(buf, cp) - buf));
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// True when normalize_line would return `line` unchanged: no spaces, no control characters
// and none of the code points it folds (checked on the UTF-8 bytes, without decoding).
bool already_normal(std::string_view line) {
  const auto* b = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = b[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t') || c == ' ' || c == 0x7F) return false;
      ++i;
      continue;
    }
    // Most bytes start a CJK ideograph (lead E4–E9, U+4000–9FFF): never changed, only checked.
    if (c >= 0xE4 && c <= 0xE9) {
      if (i + 3 > n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) return false;
      i += 3;
      continue;
    }
    std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > n) return false;  // invalid UTF-8: the full path decides
    for (std::size_t k = 1; k < len; ++k)
      if ((b[i + k] & 0xC0) != 0x80) return false;
    unsigned char c1 = b[i + 1];
    if (c == 0xC2 && c1 == 0xA0) return false;                             // NBSP
    if (c == 0xE3 && c1 == 0x80 && b[i + 2] == 0x80) return false;          // U+3000
    if (c == 0xE2 && (c1 == 0x80 || c1 == 0x81 || c1 == 0x89)) {
      // Only the spaces U+2000–200B, U+202F, U+205F and ≦ ≧ change: “ ” — … ≥ ≤ stay.
      unsigned char c2 = b[i + 2];
      if (c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return false;
      if (c1 == 0x81 && c2 == 0x9F) return false;
      if (c1 == 0x89 && (c2 == 0xA6 || c2 == 0xA7)) return false;
    }
    if (c == 0xEF && c1 == 0xBB) return false;  // U+FEC0–FEFF: the BOM U+FEFF is a space
    if (c == 0xEF && (c1 == 0xBC || c1 == 0xBD)) {
      // U+FF00–FF7F: only the forms fold_full_width folds change (％ ＋ － ． ／ digits ＜ ＝ ＞
      // letters); ，：；（）！？ stay, and most Chinese lines hold some of them.
      unsigned char c2 = b[i + 2];
      if (c1 == 0xBC && (c2 == 0x85 || c2 == 0x8B || (c2 >= 0x8D && c2 <= 0x99) ||
                         (c2 >= 0x9C && c2 <= 0x9E) || (c2 >= 0xA1 && c2 <= 0xBA)))
        return false;
      if (c1 == 0xBD && c2 >= 0x81 && c2 <= 0x9A) return false;
    }
    i += len;
  }
  return true;
}

std::string normalize_line(std::string_view line) {
  thread_local std::vector<std::size_t> joined;
  return normalize_line(line, joined);
}

std::string normalize_line(std::string_view line, std::vector<std::size_t>& joined) {
  joined.clear();
  if (already_normal(line)) return std::string(line);
  // Scratch buffers reused from line to line (this runs once per input line; allocating the
  // code points, tokens and gaps afresh each time was most of its cost).
  thread_local std::u32string cps;
  thread_local std::vector<Token> tokens;
  thread_local std::vector<bool> gap_has_tab;  // per gap between tokens[g] and tokens[g + 1]
  thread_local std::vector<std::size_t> gap_tabs;  // number of tabs in each gap
  thread_local std::vector<bool> join;
  cps.clear();
  tokens.clear();
  gap_has_tab.clear();
  gap_tabs.clear();
  // First pass: decode, fold, map spaces; remember code points.
  for (std::size_t i = 0; i < line.size();) {
    unsigned char byte = static_cast<unsigned char>(line[i]);
    char32_t cp = byte < 0x80 ? (++i, char32_t{byte}) : next_code_point(line, i);
    if (cp == '\r') continue;
    if (is_space_cp(cp)) cp = ' ';
    cps.push_back(fold_full_width(cp));
  }
  // Second pass: words and the separator runs between them.
  const std::size_t n = cps.size();
  std::size_t leading_tabs = 0, trailing_tabs = 0;
  std::size_t k = 0;
  while (k < n && is_separator(cps[k])) {
    if (cps[k] == '\t') ++leading_tabs;
    ++k;
  }
  while (k < n) {
    Token t{k, k};
    while (k < n && !is_separator(cps[k])) ++k;
    t.end = k;
    tokens.push_back(t);
    std::size_t tabs = 0;
    while (k < n && is_separator(cps[k])) tabs += cps[k++] == '\t' ? 1 : 0;
    if (k < n) {
      gap_has_tab.push_back(tabs > 0);
      gap_tabs.push_back(tabs);
    } else {
      trailing_tabs = tabs;
    }
  }
  letter_spaced_gaps(cps, tokens, gap_has_tab, join);

  // Tabs are kept (cell separators, leading ones stand for empty cells); spaces next to a tab
  // go; a space run becomes one space unless it is letter-spacing. The output is at most four
  // bytes per code point plus the tabs, all of which are among the code points.
  thread_local std::string buffer;
  if (buffer.size() < 4 * n) buffer.resize(4 * n);
  char* o = buffer.data();
  o = std::fill_n(o, leading_tabs, '\t');
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    for (std::size_t c = tokens[t].begin; c < tokens[t].end; ++c) o = put_utf8(o, cps[c]);
    if (t + 1 == tokens.size()) break;
    if (gap_has_tab[t]) {
      o = std::fill_n(o, gap_tabs[t], '\t');
    } else if (!join[t]) {
      *o++ = ' ';
    } else {
      joined.push_back(static_cast<std::size_t>(o - buffer.data()));
    }
  }
  o = std::fill_n(o, trailing_tabs, '\t');
  return std::string(buffer.data(), static_cast<std::size_t>(o - buffer.data()));
}

std::string strip_whitespace(std::string_view s) {
  // Written through a pointer and shrunk once (push_back per byte was most of its cost).
  std::string out(s.size(), '\0');
  char* o = out.data();
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') *o++ = c;
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::size_t wrapped_separator(std::string_view left, std::string_view right) {
  if (left.empty() || right.empty()) return 0;
  std::size_t i = 0;
  char32_t first = next_code_point(right, i);
  unsigned char last = static_cast<unsigned char>(left.back());
  return last < 0x80 && is_ascii_alnum(last) && is_ascii_alnum(first) ? 1 : 0;
}

std::string join_wrapped(std::string_view left, std::string_view right) {
  std::string out;
  std::size_t separator = wrapped_separator(left, right);
  out.reserve(left.size() + separator + right.size());
  out.append(left);
  out.append(separator, ' ');
  out.append(right);
  return out;
}

}  // namespace jixiao
