#include "rules/text_util.h"


namespace jixiao::rules {
namespace {

char32_t decode(std::string_view s, std::size_t& i) { return decode_at(s, i); }

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

}  // namespace

// to_u32 and compact_u32 write into a buffer sized for the worst case (one code point per byte)
// and shrink it once: push_back per code point was most of their cost.
std::u32string to_u32(std::string_view s) {
  std::u32string out(s.size(), U'\0');
  char32_t* o = out.data();
  for (std::size_t i = 0; i < s.size();) *o++ = decode(s, i);
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out(s.size() * 4, '\0');
  char* o = out.data();
  for (char32_t cp : s) {
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
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

bool has_whitespace(std::string_view s) {
  // One pass over the bytes: ASCII whitespace, U+3000 (E3 80 80) and NBSP (C2 A0). (A
  // find_first_of over a set of six bytes calls memchr once per byte of `s`: 5 % of `check`.)
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char c = b[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
    if (c == 0xE3 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80) return true;
    if (c == 0xC2 && i + 1 < n && b[i + 1] == 0xA0) return true;
  }
  return false;
}

bool is_blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = decode(s, i);
    if (!is_space(cp)) return false;
  }
  return true;
}

std::u32string compact_u32(std::string_view s) {
  std::u32string out(s.size(), U'\0');
  char32_t* o = out.data();
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = decode(s, i);
    if (!is_space(cp)) *o++ = cp;
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::string compact(std::string_view s) {
  if (!has_whitespace(s)) return std::string(s);
  return to_utf8(compact_u32(s));
}

std::optional<NumberToken> number_at(std::u32string_view s, std::size_t pos) {
  if (pos >= s.size() || !is_ascii_digit(s[pos])) return std::nullopt;
  if (pos > 0 && (is_ascii_digit(s[pos - 1]) || s[pos - 1] == U'.')) return std::nullopt;
  NumberToken t;
  t.begin = pos;
  bool dot = false;
  std::size_t i = pos;
  while (i < s.size()) {
    char32_t c = s[i];
    if (is_ascii_digit(c)) {
      t.text.push_back(static_cast<char>(c));
      ++i;
    } else if (c == U'.' && !dot && i + 1 < s.size() && is_ascii_digit(s[i + 1])) {
      dot = true;
      t.text.push_back('.');
      ++i;
    } else if (c == U',' && !dot && i + 3 < s.size() &&
               is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) &&
               (i + 4 >= s.size() || !is_ascii_digit(s[i + 4]))) {
      ++i;  // thousands separator: exactly three digits follow
    } else {
      break;
    }
  }
  t.end = i;
  return t;
}

std::optional<NumberToken> number_before(std::u32string_view s, std::size_t end) {
  if (end == 0 || end > s.size() || !is_ascii_digit(s[end - 1])) return std::nullopt;
  std::size_t b = end;
  while (b > 0 && (is_ascii_digit(s[b - 1]) || s[b - 1] == U'.' || s[b - 1] == U',')) --b;
  while (b < end && !is_ascii_digit(s[b])) ++b;  // a leading '.' or ',' is punctuation
  auto t = number_at(s, b);
  if (!t || t->end != end) return std::nullopt;
  return t;
}

bool starts_at(std::u32string_view s, std::size_t pos, std::u32string_view needle) {
  return pos <= s.size() && s.substr(pos, needle.size()) == needle;
}

bool contains(std::u32string_view s, std::u32string_view needle) {
  return s.find(needle) != std::u32string_view::npos;
}


std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace jixiao::rules
