#include "ingest/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string_view>

#include "ingest/normalize.h"
#include "ingest/pdf_cells.h"

namespace jixiao {
namespace {

// Thresholds in em (the smaller font size of a pair). In real government PDFs a space is
// 0.25–0.5 em (Word adds 0.25 em between CJK and Latin text; a SimSun space is 0.5 em); between
// two full cells Word leaves its cell margins (2 × 5.4 pt ≈ 0.9–1 em), spreadsheets (WPS 表格)
// as little as 0.3 em, which only column alignment can tell from a space.
constexpr double kColumnGapEm = 0.8;
constexpr double kAlignedColumnGapEm = 0.25;
constexpr double kSpaceGapEm = 0.15;
constexpr double kEdgeTolerancePt = 1.0;
// A column edge counts when wide gaps meet it on at least this many lines (one could be chance).
constexpr std::ptrdiff_t kMinEdgeEvidence = 2;
// A letter-spaced run: at least this many single ideographs with near-equal gaps below this width.
constexpr std::size_t kLetterSpacedMinLetters = 3;
constexpr double kLetterSpacedMaxGapEm = 4.0;
constexpr double kLetterSpacedGapRatio = 1.35;
constexpr std::size_t kMinDuplicateChars = 16;

double height(const PdfWord& w) { return std::max(w.y1 - w.y0, 0.1); }

// The em of a pair of neighbouring words (see PdfWord::em); `line_em` is the line's fallback.
double pair_em(const PdfWord& a, const PdfWord& b, double line_em) {
  if (a.em > 0 && b.em > 0) return std::min(a.em, b.em);
  if (a.em > 0) return a.em;
  if (b.em > 0) return b.em;
  return line_em > 0 ? line_em : std::min(height(a), height(b));
}

// The median known em of a line's words, 0 when none is known.
double typical_em(const std::vector<const PdfWord*>& words) {
  std::vector<double> ems;
  for (const PdfWord* w : words)
    if (w->em > 0) ems.push_back(w->em);
  if (ems.empty()) return 0;
  std::nth_element(ems.begin(), ems.begin() + static_cast<std::ptrdiff_t>(ems.size() / 2), ems.end());
  return ems[ems.size() / 2];
}
double centre_y(const PdfWord& w) { return (w.y0 + w.y1) / 2; }

char32_t first_code_point(const std::string& s) {
  std::size_t i = 0;
  return s.empty() ? 0 : next_code_point(s, i);
}

char32_t last_code_point(const std::string& s) {
  if (s.empty()) return 0;
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return next_code_point(s, start);
}

// A single CJK ideograph (not punctuation), the unit of distributed-alignment letter spacing.
bool is_single_ideograph(const std::string& s) {
  std::size_t i = 0;
  if (s.empty()) return false;
  char32_t cp = next_code_point(s, i);
  return i == s.size() && is_cjk(cp) && cp >= 0x3400;
}

// A list marker such as "1." "2、" "（三）" "(4)": the space after it is part of its cell's text.
bool is_list_marker(const std::string& s) {
  std::size_t i = 0, digits = 0;
  char32_t last = 0;
  bool open = false;
  while (i < s.size()) {
    char32_t cp = next_code_point(s, i);
    bool numeral = (cp >= '0' && cp <= '9') ||
                   std::u32string_view(U"一二三四五六七八九十").find(cp) != std::u32string_view::npos;
    if (numeral) {
      ++digits;
    } else if (digits == 0 && (cp == U'(' || cp == U'（')) {
      open = true;
    } else if (digits > 0 && i == s.size()) {
      last = cp;
    } else {
      return false;
    }
  }
  if (digits == 0 || digits > 3) return false;
  return open ? (last == U')' || last == U'）') : (last == U'.' || last == U'、' || last == U'．');
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

struct Line {
  double core_y0, core_y1;  // the first word's vertical extent: membership is judged against it
  std::vector<const PdfWord*> words;
  double em = 0;  // typical_em(words)
};

bool same_line(const Line& line, const PdfWord& w) {
  double line_centre = (line.core_y0 + line.core_y1) / 2;
  double c = centre_y(w);
  return c >= line.core_y0 && c <= line.core_y1 && line_centre >= w.y0 && line_centre <= w.y1;
}

std::vector<Line> group_lines(const std::vector<PdfWord>& words) {
  std::vector<const PdfWord*> order;
  order.reserve(words.size());
  for (const PdfWord& w : words)
    if (!blank(w.text)) order.push_back(&w);
  std::stable_sort(order.begin(), order.end(), [](const PdfWord* a, const PdfWord* b) {
    return centre_y(*a) < centre_y(*b);
  });
  std::vector<Line> lines;
  for (const PdfWord* w : order) {
    // Only the most recent lines can still reach down to this word (centres are sorted).
    Line* home = nullptr;
    for (std::size_t back = 0; back < lines.size() && back < 4; ++back) {
      Line& candidate = lines[lines.size() - 1 - back];
      if (same_line(candidate, *w)) {
        home = &candidate;
        break;
      }
    }
    if (home == nullptr) {
      lines.push_back(Line{w->y0, w->y1, {}});
      home = &lines.back();
    }
    home->words.push_back(w);
  }
  for (Line& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
    line.em = typical_em(line.words);
  }
  return lines;
}

// Sorted coordinates with a tolerant membership test.
class Edges {
 public:
  void add(double x) { xs_.push_back(x); }
  void seal() { std::sort(xs_.begin(), xs_.end()); }
  // True when at least kMinEdgeEvidence recorded edges lie within the tolerance of x.
  bool contains(double x) const {
    auto first = std::lower_bound(xs_.begin(), xs_.end(), x - kEdgeTolerancePt);
    auto last = std::upper_bound(first, xs_.end(), x + kEdgeTolerancePt);
    return last - first >= kMinEdgeEvidence;
  }

 private:
  std::vector<double> xs_;
};

// Per line, which gaps (between word i and i+1) lie inside a letter-spaced run.
std::vector<std::vector<bool>> find_letter_spaced_gaps(const std::vector<Line>& lines) {
  std::vector<std::vector<bool>> inside(lines.size());
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& ws = lines[li].words;
    inside[li].assign(ws.size() > 0 ? ws.size() - 1 : 0, false);
    std::size_t i = 0;
    while (i < ws.size()) {
      if (!is_single_ideograph(ws[i]->text)) {
        ++i;
        continue;
      }
      // Extend the run while letters stay single ideographs with similar positive gaps.
      std::size_t j = i;
      double min_gap = 1e9, max_gap = 0;
      while (j + 1 < ws.size() && is_single_ideograph(ws[j + 1]->text)) {
        double gap = ws[j + 1]->x0 - ws[j]->x1;
        double em = pair_em(*ws[j], *ws[j + 1], lines[li].em);
        double new_min = std::min(min_gap, gap), new_max = std::max(max_gap, gap);
        if (gap <= 0 || gap > kLetterSpacedMaxGapEm * em ||
            new_max > kLetterSpacedGapRatio * new_min + 0.5)
          break;
        min_gap = new_min;
        max_gap = new_max;
        ++j;
      }
      if (j + 1 - i >= kLetterSpacedMinLetters)
        for (std::size_t k = i; k < j; ++k) inside[li][k] = true;
      i = j + 1;
    }
  }
  return inside;
}

// The (left edge x1, right edge x0) of gaps in table rows, to find gaps repeated down a column.
class GapPairs {
 public:
  void add(double left, double right, std::size_t line) { pairs_.push_back({left, right, line}); }
  void seal() { std::sort(pairs_.begin(), pairs_.end(), [](const Pair& a, const Pair& b) { return a.left < b.left; }); }
  // True when a gap on another line has both edges within the tolerance.
  bool repeated(double left, double right, std::size_t line) const {
    auto it = std::lower_bound(pairs_.begin(), pairs_.end(), left - kEdgeTolerancePt,
                               [](const Pair& p, double x) { return p.left < x; });
    for (; it != pairs_.end() && it->left <= left + kEdgeTolerancePt; ++it)
      if (it->line != line && std::abs(it->right - right) <= kEdgeTolerancePt) return true;
    return false;
  }

 private:
  struct Pair {
    double left, right;
    std::size_t line;
  };
  std::vector<Pair> pairs_;
};

enum class Joint { none, space, tab };

// Splits a visual line into its cells (runs of words without a column gap between them).
void add_fragments(const Line& line, std::size_t index, const std::vector<Joint>& joints,
                   std::vector<PdfFragment>& out) {
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const PdfWord& w = *line.words[i];
    if (i == 0 || joints[i - 1] == Joint::tab)
      out.push_back(PdfFragment{"", w.x0, w.y0, w.x1, w.y1, line.em, index});
    PdfFragment& cell = out.back();
    if (i > 0 && joints[i - 1] == Joint::space) cell.text.push_back(' ');
    // '\t' must mean a column gap the layout saw; a tab inside a word is just a space.
    for (char c : w.text) cell.text.push_back(c == '\t' ? ' ' : c);
    cell.x0 = std::min(cell.x0, w.x0);
    cell.y0 = std::min(cell.y0, w.y0);
    cell.x1 = std::max(cell.x1, w.x1);
    cell.y1 = std::max(cell.y1, w.y1);
  }
}

std::size_t code_point_count(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool runs_off_page(const TextLine& line, double page_height) {
  return line.box && (line.box->y0 < 0 || line.box->y1 > page_height);
}

}  // namespace

TextLines rebuild_page_lines(const PdfPageWords& page, CellAlignment* alignment) {
  std::vector<Line> lines = group_lines(page.words);
  std::vector<std::vector<bool>> spaced = find_letter_spaced_gaps(lines);
  auto gap_of = [&](std::size_t li, std::size_t i) {
    return lines[li].words[i + 1]->x0 - lines[li].words[i]->x1;
  };
  auto em_of = [&](std::size_t li, std::size_t i) {
    return pair_em(*lines[li].words[i], *lines[li].words[i + 1], lines[li].em);
  };

  // Column edges established by wide gaps (outside letter-spaced runs) anywhere on the page.
  Edges starts, ends;
  for (std::size_t li = 0; li < lines.size(); ++li)
    for (std::size_t i = 0; i < spaced[li].size(); ++i)
      if (!spaced[li][i] && gap_of(li, i) >= kColumnGapEm * em_of(li, i)) {
        ends.add(lines[li].words[i]->x1);
        starts.add(lines[li].words[i + 1]->x0);
      }
  starts.seal();
  ends.seal();

  // A "letter-spaced run" whose letters stand on column edges is a row of one-letter cells.
  for (std::size_t li = 0; li < lines.size(); ++li) {
    std::vector<bool>& sp = spaced[li];
    for (std::size_t i = 0; i < sp.size();) {
      if (!sp[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < sp.size() && sp[j]) ++j;
      std::size_t on_edges = 0;
      for (std::size_t k = i; k < j; ++k) on_edges += starts.contains(lines[li].words[k + 1]->x0);
      if (on_edges >= 2) std::fill(sp.begin() + static_cast<std::ptrdiff_t>(i),
                                   sp.begin() + static_cast<std::ptrdiff_t>(j), false);
      i = j;
    }
  }

  // Table rows: lines with at least one wide gap. Their narrower gaps are cell boundaries too
  // when another table row has a gap with the same two edges (a right-aligned number followed by
  // a left-aligned cell, repeated down the table), unless the gap follows a list marker ("1. ",
  // repeated down a numbered list). Prose lines are never promoted this way.
  std::vector<bool> table_row(lines.size(), false);
  for (std::size_t li = 0; li < lines.size(); ++li)
    for (std::size_t i = 0; i < spaced[li].size(); ++i)
      if (!spaced[li][i] && gap_of(li, i) >= kColumnGapEm * em_of(li, i)) table_row[li] = true;
  GapPairs pairs;
  for (std::size_t li = 0; li < lines.size(); ++li)
    if (table_row[li])
      for (std::size_t i = 0; i < spaced[li].size(); ++i)
        if (!spaced[li][i] && gap_of(li, i) >= kAlignedColumnGapEm * em_of(li, i))
          pairs.add(lines[li].words[i]->x1, lines[li].words[i + 1]->x0, li);
  pairs.seal();

  std::vector<PdfFragment> fragments;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& ws = lines[li].words;
    std::vector<Joint> joints(spaced[li].size(), Joint::none);
    for (std::size_t i = 0; i < joints.size(); ++i) {
      if (spaced[li][i]) continue;
      const PdfWord& a = *ws[i];
      const PdfWord& b = *ws[i + 1];
      double gap = gap_of(li, i), em = em_of(li, i);
      bool aligned = gap >= kAlignedColumnGapEm * em &&
                     (starts.contains(b.x0) || ends.contains(a.x1) ||
                      (table_row[li] && !is_list_marker(a.text) && pairs.repeated(a.x1, b.x0, li)));
      if (gap >= kColumnGapEm * em || aligned) {
        joints[i] = Joint::tab;
      } else if (a.space_after || gap >= kSpaceGapEm * em) {
        bool cjk_both = is_cjk(last_code_point(a.text)) && is_cjk(first_code_point(b.text));
        joints[i] = cjk_both ? Joint::none : Joint::space;
      }
    }
    add_fragments(lines[li], li, joints, fragments);
  }
  return assemble_page_rows(fragments, page.page, alignment);
}

void drop_page_break_duplicates(std::vector<TextLines>& pages,
                                const std::vector<double>& page_heights) {
  for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
    TextLines& upper = pages[p];
    TextLines& lower = pages[p + 1];
    std::size_t max_k = std::min(upper.size(), lower.size());
    std::size_t found = 0;
    for (std::size_t k = max_k; k >= 1; --k) {
      bool equal = true;
      std::size_t chars = 0;
      for (std::size_t i = 0; i < k && equal; ++i) {
        const std::string& a = upper[upper.size() - k + i].text;
        equal = a == lower[i].text;
        chars += code_point_count(a);
      }
      if (equal && chars >= kMinDuplicateChars) {
        found = k;
        break;
      }
    }
    if (found == 0) continue;
    double upper_height = p < page_heights.size() ? page_heights[p] : 1e9;
    double lower_height = p + 1 < page_heights.size() ? page_heights[p + 1] : 1e9;
    std::vector<bool> drop_upper(found, false), drop_lower(found, false);
    for (std::size_t i = 0; i < found; ++i) {
      const TextLine& a = upper[upper.size() - found + i];
      const TextLine& b = lower[i];
      bool a_off = runs_off_page(a, upper_height), b_off = runs_off_page(b, lower_height);
      if (a_off && !b_off)
        drop_upper[i] = true;
      else
        drop_lower[i] = true;
    }
    TextLines kept_upper(upper.begin(), upper.end() - static_cast<std::ptrdiff_t>(found));
    for (std::size_t i = 0; i < found; ++i)
      if (!drop_upper[i]) kept_upper.push_back(upper[upper.size() - found + i]);
    TextLines kept_lower;
    for (std::size_t i = 0; i < lower.size(); ++i)
      if (i >= found || !drop_lower[i]) kept_lower.push_back(lower[i]);
    upper = std::move(kept_upper);
    lower = std::move(kept_lower);
  }
}

TextLines assemble_pdf_lines(const std::vector<PdfPageWords>& pages) {
  std::vector<TextLines> per_page;
  std::vector<double> heights;
  per_page.reserve(pages.size());
  CellAlignment alignment = CellAlignment::kUnknown;
  for (const PdfPageWords& page : pages) {
    per_page.push_back(rebuild_page_lines(page, &alignment));
    heights.push_back(page.height);
  }
  drop_page_break_duplicates(per_page, heights);
  TextLines out;
  std::size_t total = std::accumulate(per_page.begin(), per_page.end(), std::size_t{0},
                                      [](std::size_t n, const TextLines& p) { return n + p.size(); });
  out.reserve(total);
  for (TextLines& page : per_page)
    for (TextLine& line : page) {
      line.number = static_cast<int>(out.size()) + 1;
      out.push_back(std::move(line));
    }
  return out;
}

}  // namespace jixiao
