#include "ingest/normalize.h"

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

// True when cps[k] is a CJK ideograph standing alone between separators (or the line's ends).
bool single_cjk_token(const std::u32string& cps, std::size_t k) {
  if (!is_cjk(cps[k]) || cps[k] < 0x3400) return false;  // ideographs only, not punctuation
  bool left_alone = k == 0 || is_separator(cps[k - 1]);
  bool right_alone = k + 1 == cps.size() || is_separator(cps[k + 1]);
  return left_alone && right_alone;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + static_cast<std::size_t>(k));
    if ((cc >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

std::string normalize_line(std::string_view line) {
  // First pass: decode, fold, map spaces; remember code points.
  std::u32string cps;
  cps.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    char32_t cp = next_code_point(line, i);
    if (cp == '\r') continue;
    if (is_space_cp(cp)) cp = ' ';
    cps.push_back(fold_full_width(cp));
  }
  std::string out;
  out.reserve(line.size());
  std::size_t n = cps.size();
  for (std::size_t k = 0; k < n; ++k) {
    char32_t cp = cps[k];
    if (cp == ' ') {
      // Collapse the run; drop it at the ends, next to a tab, or between two CJK characters.
      std::size_t end = k;
      while (end < n && cps[end] == ' ') ++end;
      bool at_edge = out.empty() || end == n || out.back() == '\t' || cps[end] == '\t';
      // OCR letter-spacing ("项 目 名 称"): a space between two single CJK characters goes.
      // A space between longer words is kept: it may be the only cell boundary ("成本合理性 合理").
      bool letter_spaced = !at_edge && k > 0 && single_cjk_token(cps, k - 1) &&
                           single_cjk_token(cps, end);
      if (!at_edge && !letter_spaced) out.push_back(' ');
      k = end - 1;
      continue;
    }
    append_utf8(out, cp);
  }
  return out;
}

std::string strip_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

std::string join_wrapped(std::string_view left, std::string_view right) {
  std::string out(left);
  if (!left.empty() && !right.empty()) {
    std::size_t i = 0;
    char32_t first = next_code_point(right, i);
    unsigned char last = static_cast<unsigned char>(left.back());
    if (last < 0x80 && is_ascii_alnum(last) && is_ascii_alnum(first)) out.push_back(' ');
  }
  out.append(right);
  return out;
}

}  // namespace jixiao
