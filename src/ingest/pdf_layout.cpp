#include "ingest/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

#include "ingest/normalize.h"

namespace jixiao {
namespace {

// Thresholds in em (the smaller word height of a pair); chosen from real government PDFs, where
// a space is 0.25–0.5 em, and a cell boundary is at least one em unless the text fills its cell.
constexpr double kColumnGapEm = 1.0;
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

enum class Joint { none, space, tab };

TextLine render_line(const Line& line, const std::vector<Joint>& joints, int page) {
  std::string text;
  PageBox box{page, line.words.front()->x0, line.words.front()->y0, line.words.front()->x1,
              line.words.front()->y1};
  for (std::size_t i = 0; i < line.words.size(); ++i) {
    const PdfWord& w = *line.words[i];
    if (i > 0) {
      if (joints[i - 1] == Joint::tab) text.push_back('\t');
      if (joints[i - 1] == Joint::space) text.push_back(' ');
    }
    // '\t' must mean a column gap the layout saw; a tab inside a word is just a space.
    for (char c : w.text) text.push_back(c == '\t' ? ' ' : c);
    box.x0 = std::min(box.x0, w.x0);
    box.y0 = std::min(box.y0, w.y0);
    box.x1 = std::max(box.x1, w.x1);
    box.y1 = std::max(box.y1, w.y1);
  }
  return TextLine{normalize_line(text), 0, box};
}

std::size_t code_point_count(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool runs_off_page(const TextLine& line, double page_height) {
  return line.box && (line.box->y0 < 0 || line.box->y1 > page_height);
}

}  // namespace

TextLines rebuild_page_lines(const PdfPageWords& page) {
  std::vector<Line> lines = group_lines(page.words);
  std::vector<std::vector<bool>> letter_spaced = find_letter_spaced_gaps(lines);

  // Column edges established by wide gaps (outside letter-spaced runs) anywhere on the page.
  Edges starts, ends;
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& ws = lines[li].words;
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
      double em = pair_em(*ws[i], *ws[i + 1], lines[li].em);
      if (!letter_spaced[li][i] && ws[i + 1]->x0 - ws[i]->x1 >= kColumnGapEm * em) {
        ends.add(ws[i]->x1);
        starts.add(ws[i + 1]->x0);
      }
    }
  }
  starts.seal();
  ends.seal();

  TextLines out;
  out.reserve(lines.size());
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const auto& ws = lines[li].words;
    std::vector<bool> spaced = letter_spaced[li];
    // A "letter-spaced run" whose letters stand on column edges is a row of one-letter cells.
    for (std::size_t i = 0; i < spaced.size();) {
      if (!spaced[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < spaced.size() && spaced[j]) ++j;
      std::size_t on_edges = 0;
      for (std::size_t k = i; k < j; ++k) on_edges += starts.contains(ws[k + 1]->x0) ? 1 : 0;
      if (on_edges >= 2)
        for (std::size_t k = i; k < j; ++k) spaced[k] = false;
      i = j;
    }
    std::vector<Joint> joints(ws.empty() ? 0 : ws.size() - 1, Joint::none);
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
      const PdfWord& a = *ws[i];
      const PdfWord& b = *ws[i + 1];
      double gap = b.x0 - a.x1;
      double em = pair_em(a, b, lines[li].em);
      if (spaced[i]) continue;
      if (gap >= kColumnGapEm * em ||
          (gap >= kAlignedColumnGapEm * em && (starts.contains(b.x0) || ends.contains(a.x1)))) {
        joints[i] = Joint::tab;
      } else if (a.space_after || gap >= kSpaceGapEm * em) {
        bool cjk_both = is_cjk(last_code_point(a.text)) && is_cjk(first_code_point(b.text));
        joints[i] = cjk_both ? Joint::none : Joint::space;
      }
    }
    TextLine line = render_line(lines[li], joints, page.page);
    if (!line.text.empty()) out.push_back(std::move(line));
  }
  return out;
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
  for (const PdfPageWords& page : pages) {
    per_page.push_back(rebuild_page_lines(page));
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
