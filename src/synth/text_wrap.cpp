#include "synth/text_wrap.h"

#include <array>

namespace jixiao::synth {
namespace {

std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

char32_t decode(std::string_view cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(cp[k]); };
  switch (cp.size()) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return 0xFFFD;
  }
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) || c == 0x2014 ||
         c == 0x201C || c == 0x201D || c == 0x2026 || c == 0x2264 || c == 0x2265 || (c >= 0x2460 && c <= 0x24FF);
}

// Characters that may not begin a line in Chinese typesetting.
bool no_line_start(char32_t c) {
  static constexpr std::array<char32_t, 16> kClosing = {
      0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF09, 0x300B, 0x201D,
      0xFF01, 0xFF1F, 0x3011, 0x3015, 0x300D, ')', ',', '.'};
  for (char32_t k : kClosing)
    if (k == c) return true;
  return false;
}

// ASCII characters kept together with their neighbours in a run ("37,780,000.00", "≥90.00(%)"
// is broken around the run "90.00(%)").
bool ascii_run_char(char32_t c) { return c > 0x20 && c < 0x7F; }

bool ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::vector<std::string_view> code_points(std::string_view text) {
  std::vector<std::string_view> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
    if (i + n > text.size()) n = 1;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

bool is_ideograph(std::string_view cp) {
  char32_t c = decode(cp);
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

int display_width(std::string_view text) {
  int w = 0;
  for (auto cp : code_points(text)) w += is_wide(decode(cp)) ? 2 : 1;
  return w;
}

std::vector<std::string> wrap_cell(std::string_view text, int width) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  if (width < 2) width = 2;
  auto cps = code_points(text);
  // Group into unbreakable units: an ASCII run, or a single other character.
  struct Unit {
    std::string text;
    int width;
    bool hangs;   // may not start a line
    bool space;
  };
  std::vector<Unit> units;
  for (std::size_t k = 0; k < cps.size();) {
    char32_t c = decode(cps[k]);
    if (c == ' ') {
      units.push_back({" ", 1, false, true});
      ++k;
    } else if (ascii_run_char(c)) {
      std::string run;
      while (k < cps.size() && ascii_run_char(decode(cps[k]))) run += cps[k++];
      units.push_back({run, static_cast<int>(run.size()), no_line_start(c), false});
    } else {
      units.push_back({std::string(cps[k]), is_wide(c) ? 2 : 1, no_line_start(c), false});
      ++k;
    }
  }
  std::string line;
  int used = 0;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) lines.push_back(line);
    line.clear();
    used = 0;
  };
  for (const Unit& u : units) {
    if (u.space) {
      if (used > 0) {
        line += ' ';
        ++used;
      }
      continue;
    }
    if (used + u.width <= width || (u.hangs && used > 0)) {
      line += u.text;
      used += u.width;
      continue;
    }
    if (used > 0) flush();
    if (u.width <= width) {
      line = u.text;
      used = u.width;
      continue;
    }
    // A run wider than the cell breaks inside (as "151225380.0" / "0" does in real forms).
    std::size_t pos = 0;
    while (pos < u.text.size()) {
      std::size_t take = std::min<std::size_t>(static_cast<std::size_t>(width), u.text.size() - pos);
      line = u.text.substr(pos, take);
      used = static_cast<int>(take);
      pos += take;
      if (pos < u.text.size()) flush();
    }
  }
  flush();
  return lines;
}

std::string pdf_spacing(std::string_view text, Rng& rng, int percent) {
  if (percent <= 0) return std::string(text);
  auto cps = code_points(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t k = 0; k < cps.size(); ++k) {
    if (k > 0) {
      char32_t a = decode(cps[k - 1]);
      char32_t b = decode(cps[k]);
      bool boundary = (ascii_alnum(a) && is_ideograph(cps[k])) ||
                      (is_ideograph(cps[k - 1]) && ascii_alnum(b));
      if (boundary && rng.percent(percent)) out += ' ';
    }
    out += cps[k];
  }
  return out;
}

}  // namespace jixiao::synth
