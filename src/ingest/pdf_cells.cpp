#include "ingest/pdf_cells.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include "ingest/normalize.h"

namespace jixiao {
namespace {

// Thresholds in em (the smaller font size of a pair) unless named Pt. A wrapped cell's next line
// starts at most kContinuationGapEm below the line above (line leading; tables leave their cell
// padding between rows, which is more) and lines up with it within kAlignTolerancePt.
constexpr double kContinuationGapEm = 0.6;
constexpr double kContinuationOverlapEm = 0.3;
constexpr double kAlignTolerancePt = 2.0;
constexpr double kSameFontTolerance = 0.05;
// A line of a cell is full (the text had to wrap) when the room left to the next cell is below
// max(kFullCellSlackEm, min(kFullCellMaxSlackEm, its width)): the next cell's padding, a label
// centred in it, and the characters that line breaking keeps together ("（运维）") fit in that.
constexpr double kFullCellSlackEm = 2.5;
constexpr double kFullCellMaxSlackEm = 5.0;
// Cells of one row share their top (top-aligned), centre (centred) or bottom within this.
constexpr double kRowToleranceEm = 0.3;
// A merged cell's span ends on row boundaries within this of where symmetry puts them.
constexpr double kSpanToleranceEm = 0.5;
constexpr double kTouchPt = 0.5;
constexpr double kBesideOverlapEm = 0.25;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

double width(const PdfFragment& f) { return f.x1 - f.x0; }
// The font size to scale thresholds by: the known em, else the box height.
double size(const PdfFragment& f) { return f.em > 0 ? f.em : std::max(f.y1 - f.y0, 0.1); }

bool x_disjoint(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0) <= kTouchPt;
}

// A run of leader dots ("……", "....", "···") with at most a page number after it.
bool is_leader(const std::string& text) {
  std::size_t i = 0, dots = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (cp == U'…' || cp == U'.' || cp == U'·' || cp == U'•' || cp == U'．' || cp == U'⋯') ++dots;
    else if (!(cp == U' ' || (cp >= U'0' && cp <= U'9'))) return false;
  }
  return dots >= 3;
}

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A cell: fragments top to bottom, and their union box.
struct Block {
  std::vector<std::size_t> parts;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double em = 0;
  double centre() const { return (y0 + y1) / 2; }
};

class CellBuilder {
 public:
  explicit CellBuilder(const std::vector<PdfFragment>& fs) : fs_(fs) {
    std::size_t lines = 0;
    for (const PdfFragment& f : fs_) lines = std::max(lines, f.line + 1);
    std::vector<int> per_line(lines, 0);
    for (const PdfFragment& f : fs_) ++per_line[f.line];
    for (const PdfFragment& f : fs_)
      if (per_line[f.line] > 1) table_right_ = std::max(table_right_, f.x1);
  }

  std::vector<Block> build() {
    std::vector<std::size_t> below = tentative_links();
    std::vector<bool> has_above(fs_.size(), false);
    for (std::size_t b : below)
      if (b != kNone) has_above[b] = true;
    std::vector<Block> blocks;
    for (std::size_t head = 0; head < fs_.size(); ++head) {
      if (has_above[head]) continue;
      std::vector<std::size_t> chain{head};
      while (below[chain.back()] != kNone) chain.push_back(below[chain.back()]);
      double top = fs_[head].y0, bottom = fs_[chain.back()].y1;
      Block block;
      for (std::size_t k = 0; k < chain.size(); ++k) {
        if (k > 0 && !full(chain[k - 1], chain, top, bottom)) {
          blocks.push_back(finish(std::move(block)));
          block = Block{};
        }
        block.parts.push_back(chain[k]);
      }
      blocks.push_back(finish(std::move(block)));
    }
    return blocks;
  }

 private:
  // For each fragment, the fragment that may continue its cell on the next line (or kNone):
  // at line spacing below it and lined up with it (left edges, or centres of a centred text).
  std::vector<std::size_t> tentative_links() const {
    std::vector<std::size_t> order(fs_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return fs_[a].y0 != fs_[b].y0 ? fs_[a].y0 < fs_[b].y0 : fs_[a].x0 < fs_[b].x0;
    });
    std::vector<std::size_t> below(fs_.size(), kNone);
    for (std::size_t g : order) {
      const PdfFragment& lower = fs_[g];
      std::size_t best = kNone;
      double best_offset = kAlignTolerancePt + 1;
      for (std::size_t f = 0; f < fs_.size(); ++f) {
        const PdfFragment& upper = fs_[f];
        if (f == g || below[f] != kNone || upper.line == lower.line || upper.y0 >= lower.y0) continue;
        // One cell's lines share a font size (a heading over a table does not), when known.
        if (upper.em > 0 && lower.em > 0 &&
            std::max(upper.em, lower.em) > std::min(upper.em, lower.em) * (1 + kSameFontTolerance))
          continue;
        double em = std::min(size(upper), size(lower));
        double gap = lower.y0 - upper.y1;
        if (gap > kContinuationGapEm * em || gap < -kContinuationOverlapEm * em) continue;
        double left = std::abs(lower.x0 - upper.x0);
        double centre = std::abs((lower.x0 + lower.x1) / 2 - (upper.x0 + upper.x1) / 2);
        bool centred = centre <= kAlignTolerancePt && width(lower) <= width(upper) + kAlignTolerancePt;
        double offset = left <= kAlignTolerancePt ? left : centred ? centre : kAlignTolerancePt + 1;
        if (offset < best_offset) {
          best = f;
          best_offset = offset;
        }
      }
      if (best != kNone) below[best] = g;
    }
    return below;
  }

  // Whether fragment f (a line of the tentative cell `chain`, spanning top..bottom) is full: text
  // stands beside the cell, and the room to the next cell on its right (or the table's right
  // edge) is too small for what follows.
  bool full(std::size_t f, const std::vector<std::size_t>& chain, double top, double bottom) const {
    const PdfFragment& line = fs_[f];
    if (is_leader(line.text)) return false;
    bool beside = false;
    double right = std::numeric_limits<double>::infinity();
    for (std::size_t n = 0; n < fs_.size(); ++n) {
      const PdfFragment& other = fs_[n];
      // Beside means overlapping the cell's lines, not touching them (stacked lines touch).
      if (std::min(other.y1, bottom) - std::max(other.y0, top) <= kBesideOverlapEm * size(line)) continue;
      if (!x_disjoint(other.x0, other.x1, line.x0, line.x1)) continue;
      if (std::find(chain.begin(), chain.end(), n) != chain.end()) continue;
      // Dot leaders (a table of contents) fill the rest of a line: they are no next cell.
      if (is_leader(other.text)) return false;
      beside = true;
      if (other.x0 >= line.x1 - kTouchPt) right = std::min(right, other.x0);
    }
    if (!beside) return false;
    if (!std::isfinite(right)) right = table_right_;
    double room = right - line.x1;
    double em = size(line);
    double slack = std::max(kFullCellSlackEm * em, std::min(kFullCellMaxSlackEm * em, width(line)));
    return room <= slack;
  }

  Block finish(Block block) const {
    const PdfFragment& first = fs_[block.parts.front()];
    block.x0 = first.x0;
    block.y0 = first.y0;
    block.x1 = first.x1;
    block.y1 = first.y1;
    block.em = size(first);
    for (std::size_t p : block.parts) {
      block.x0 = std::min(block.x0, fs_[p].x0);
      block.y0 = std::min(block.y0, fs_[p].y0);
      block.x1 = std::max(block.x1, fs_[p].x1);
      block.y1 = std::max(block.y1, fs_[p].y1);
    }
    return block;
  }

  const std::vector<PdfFragment>& fs_;
  double table_right_ = 0;
};

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Rows: clusters of blocks side by side that share top, centre or bottom (or, for one-line
// blocks, their visual line). Returns each block's row id (0-based, arbitrary order).
std::vector<std::size_t> group_rows(const std::vector<Block>& blocks, const std::vector<PdfFragment>& fs,
                                    CellAlignment* alignment) {
  std::size_t n = blocks.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  int centred_votes = 0, top_votes = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const Block& a = blocks[i];
      const Block& b = blocks[j];
      if (!x_disjoint(a.x0, a.x1, b.x0, b.x1) || a.y1 <= b.y0 || b.y1 <= a.y0) continue;
      double tol = kRowToleranceEm * std::min(a.em, b.em);
      bool one_line = a.parts.size() == 1 && b.parts.size() == 1 &&
                      fs[a.parts.front()].line == fs[b.parts.front()].line;
      bool tops = std::abs(a.y0 - b.y0) <= tol;
      bool centres = std::abs(a.centre() - b.centre()) <= tol;
      bool bottoms = std::abs(a.y1 - b.y1) <= tol;
      if (!(one_line || tops || centres || bottoms)) continue;
      parent[find_root(parent, i)] = find_root(parent, j);
      // Cells of different heights in one row tell how the table aligns its text.
      if (centres && !tops) ++centred_votes;
      if (tops && !centres) ++top_votes;
    }
  // One line of text beside two rows at once sits on the line between them: the text of a
  // merged cell centred in its span (text at the top of its cell is beside its own row only).
  for (std::size_t k = 0; k < n; ++k) {
    if (blocks[k].parts.size() != 1) continue;
    auto beside = [&](std::size_t a) {
      return a != k && x_disjoint(blocks[a].x0, blocks[a].x1, blocks[k].x0, blocks[k].x1) &&
             std::min(blocks[a].y1, blocks[k].y1) > std::max(blocks[a].y0, blocks[k].y0);
    };
    // Two texts beside it, one wholly above the other.
    double highest_bottom = std::numeric_limits<double>::infinity();
    double lowest_top = -std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < n; ++a)
      if (beside(a)) {
        highest_bottom = std::min(highest_bottom, blocks[a].y1);
        lowest_top = std::max(lowest_top, blocks[a].y0);
      }
    if (highest_bottom <= lowest_top) ++centred_votes;
  }
  *alignment = centred_votes > top_votes   ? CellAlignment::kCentred
               : top_votes > centred_votes ? CellAlignment::kTop
                                           : CellAlignment::kUnknown;
  std::vector<std::size_t> row(n);
  for (std::size_t i = 0; i < n; ++i) row[i] = find_root(parent, i);
  return row;
}

struct Band {
  double y0, y1;
};

// Which bands overlap two others that lie one above the other: the text of a merged cell on
// the line between two rows, no row of its own.
std::vector<bool> straddling(const std::vector<Band>& bands) {
  auto overlap = [](const Band& a, const Band& b) { return std::min(a.y1, b.y1) > std::max(a.y0, b.y0); };
  std::vector<bool> out(bands.size(), false);
  for (std::size_t k = 0; k < bands.size(); ++k) {
    double highest_bottom = std::numeric_limits<double>::infinity();
    double lowest_top = -std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < bands.size(); ++a)
      if (a != k && overlap(bands[k], bands[a])) {
        highest_bottom = std::min(highest_bottom, bands[a].y1);
        lowest_top = std::max(lowest_top, bands[a].y0);
      }
    out[k] = highest_bottom <= lowest_top;
  }
  return out;
}

// Candidate row boundaries. In a centred table a row's tallest text sits one padding inside
// its borders, and the padding is half the usual gap between the text of consecutive rows; so
// each row's band, widened by half that gap, ends on boundaries. (The text of a merged cell
// adds candidates of its own, which symmetry rarely picks; gaps in the page's projection would
// miss every boundary such text straddles.) Empty when no gap separates the rows.
std::vector<double> row_boundaries(std::vector<Band> bands) {
  std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.y0 < b.y0; });
  // The gap is measured between rows that do not straddle two others (merged-cell text does).
  std::vector<bool> straddles = straddling(bands);
  std::vector<Band> rows;
  for (std::size_t k = 0; k < bands.size(); ++k)
    if (!straddles[k]) rows.push_back(bands[k]);
  std::vector<double> gaps;
  double reach = rows.empty() ? 0 : rows.front().y1;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    if (rows[k].y0 > reach) gaps.push_back(rows[k].y0 - reach);
    reach = std::max(reach, rows[k].y1);
  }
  std::vector<double> out;
  if (gaps.empty()) return out;
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
  double half = gaps[gaps.size() / 2] / 2;
  for (const Band& b : bands) {
    out.push_back(b.y0 - half);
    out.push_back(b.y1 + half);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Moves the text of merged cells of a centred page to the first row of their span (see step 3
// of assemble_page_rows). `row` holds each block's row id.
void place_merged_cells(const std::vector<Block>& blocks, const std::vector<PdfFragment>& fs,
                        std::vector<std::size_t>& row) {
  auto text_of = [&](const Block& b) {
    std::string text;
    for (std::size_t part : b.parts) text += fs[part].text;
    return text;
  };
  std::size_t n = blocks.size();
  // Row bands as grouped, before any move.
  std::vector<std::size_t> ids = row;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Band> bands(ids.size(), Band{std::numeric_limits<double>::infinity(),
                                           -std::numeric_limits<double>::infinity()});
  auto index_of = [&](std::size_t id) {
    return static_cast<std::size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  for (std::size_t i = 0; i < n; ++i) {
    Band& b = bands[index_of(row[i])];
    b.y0 = std::min(b.y0, blocks[i].y0);
    b.y1 = std::max(b.y1, blocks[i].y1);
  }
  std::vector<double> bounds = row_boundaries(bands);
  if (bounds.empty()) return;

  auto stacked = [&](std::size_t a, std::size_t b) {
    double overlap = std::min(blocks[a].x1, blocks[b].x1) - std::max(blocks[a].x0, blocks[b].x0);
    double narrower = std::min(blocks[a].x1 - blocks[a].x0, blocks[b].x1 - blocks[b].x0);
    return overlap > 0.5 * narrower;
  };
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return blocks[a].centre() < blocks[b].centre(); });
  // Table cells have text beside them; a title or paragraph above a table is no part of its
  // columns' tiling.
  std::vector<bool> beside(n, false);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n && !beside[a]; ++b)
      beside[a] = b != a && x_disjoint(blocks[a].x0, blocks[a].x1, blocks[b].x0, blocks[b].x1) &&
                  std::min(blocks[a].y1, blocks[b].y1) > std::max(blocks[a].y0, blocks[b].y0);
  std::vector<double> span_end(n, 0);
  std::vector<std::size_t> target = row;
  std::vector<std::size_t> remaining(n, 0);  // per row id: its blocks not moved away
  for (std::size_t a = 0; a < n; ++a) ++remaining[row[a]];
  std::vector<bool> tiled(n, false);  // the column above the cell told where its span starts
  // A page whose first text is a table row (beside other text) continues a table from the page
  // before: a column with nothing above a cell starts at the top of that first row.
  std::optional<double> continued_top;
  if (n > 0) {
    std::size_t first = *std::min_element(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return blocks[a].y0 < blocks[b].y0;
    });
    auto bound = std::upper_bound(bounds.begin(), bounds.end(), blocks[first].y0);
    if (beside[first] && bound != bounds.begin()) continued_top = *(bound - 1);
  }

  for (std::size_t m : order) {
    const Block& cell = blocks[m];
    if (!beside[m]) continue;
    double tol = kSpanToleranceEm * cell.em;
    double c = cell.centre();
    // The cell above in the column ends where this one starts.
    std::vector<std::size_t> column;
    std::optional<std::size_t> above;
    for (std::size_t a = 0; a < n; ++a) {
      if (a == m || !stacked(a, m)) continue;
      column.push_back(a);
      if (beside[a] && blocks[a].centre() < c - tol && (!above || blocks[a].centre() > blocks[*above].centre()))
        above = a;
    }
    std::optional<double> start;
    if (above) start = span_end[*above];
    tiled[m] = above.has_value();
    if (!above) start = continued_top;
    auto snap = [&](double y) -> std::optional<double> {
      auto best = std::min_element(bounds.begin(), bounds.end(),
                                   [&](double a, double b) { return std::abs(a - y) < std::abs(b - y); });
      if (std::abs(*best - y) > tol) return std::nullopt;
      return *best;
    };
    // The span holds no other text under the cell, not even text that only partly lines up
    // with it (a wide value in a column of short ones).
    auto clear = [&](double p, double q) {
      for (std::size_t a = 0; a < n; ++a)
        if (a != m && !x_disjoint(blocks[a].x0, blocks[a].x1, cell.x0, cell.x1) &&
            blocks[a].centre() > p + tol && blocks[a].centre() < q - tol)
          return false;
      return true;
    };
    auto try_span = [&](double p) -> std::optional<double> {
      if (p > cell.y0 + tol) return std::nullopt;
      std::optional<double> q = snap(2 * c - p);
      if (!q || *q < cell.y1 - tol || !clear(p, *q)) return std::nullopt;
      return q;
    };
    // Only a span that continues the column's tiling counts (or, on a page continuing a table,
    // one from the page's first row down): a span found anywhere could as well reach up into
    // text that is not part of the table.
    std::optional<double> p, q;
    if (start && (q = try_span(*start))) p = start;
    // On a continued page the rows above the cell may still belong to a span from the page
    // before: its span starts at the first row boundary from which it is symmetric.
    if (!p && !above && start)
      for (double b : bounds)
        if (b > *start && b <= cell.y0 + tol && (q = try_span(b))) {
          p = b;
          break;
        }
    if (!p) {
      // Not centred in a span: it covers the rows it overlaps.
      auto below = std::lower_bound(bounds.begin(), bounds.end(), cell.y1 - tol);
      span_end[m] = below != bounds.end() ? *below : cell.y1;
      continue;
    }
    span_end[m] = *q;
    // The first row of the span, by top, among rows that do not straddle its edges and still
    // hold text of their own (not only merged-cell text already moved away).
    std::optional<std::size_t> first;
    for (std::size_t k = 0; k < bands.size(); ++k) {
      if (remaining[ids[k]] == 0) continue;
      double mid = (bands[k].y0 + bands[k].y1) / 2;
      if (mid <= *p + tol || mid >= *q - tol || bands[k].y0 < *p - tol) continue;
      if (!first || bands[k].y0 < bands[*first].y0) first = k;
    }
    if (first && ids[*first] != row[m]) {
      target[m] = ids[*first];
      --remaining[row[m]];
    }
  }
  // A cell with nothing above it in its column on this page (a table continued from the page
  // before) has no tiling to go by. Row headers nest: a cell spans at least the rows of the
  // cells to its right, so one centred on the same line as a merged cell to its right spans
  // the same rows.
  for (std::size_t m = 0; m < n; ++m) {
    if (tiled[m] || !beside[m] || target[m] != row[m]) continue;
    double tol = kSpanToleranceEm * blocks[m].em;
    for (std::size_t a = 0; a < n; ++a)
      if (a != m && row[a] == row[m] && target[a] != row[a] && blocks[a].x0 >= blocks[m].x1 &&
          std::abs(blocks[a].centre() - blocks[m].centre()) <= tol)
        target[m] = target[a];
  }
  // A cell that shares its row with cells that stay there, and is centred in a span of rows
  // above and below it, may as well be a one-row cell in a column with empty cells (a budget
  // table's 项 codes under rows that have none). Labels span rows; numbers and codes do not.
  for (std::size_t m = 0; m < n; ++m) {
    if (target[m] == row[m]) continue;
    bool anchored = false;
    for (std::size_t a = 0; a < n && !anchored; ++a)
      anchored = a != m && row[a] == row[m] && target[a] == row[a];
    // Likewise a left-aligned cell (its left edge shared by cells of other widths in other
    // rows: a column of values) is a one-row cell: merged cells are labels, centred.
    bool left_aligned = false;
    for (std::size_t a = 0; a < n && !left_aligned; ++a)
      left_aligned = row[a] != row[m] && std::abs(blocks[a].x0 - blocks[m].x0) <= kAlignTolerancePt / 2 &&
                     std::abs((blocks[a].x0 + blocks[a].x1) - (blocks[m].x0 + blocks[m].x1)) / 2 > kAlignTolerancePt;
    if (anchored && (has_digit(text_of(blocks[m])) || left_aligned)) target[m] = row[m];
  }
  row = std::move(target);
}

}  // namespace

TextLines assemble_page_rows(const std::vector<PdfFragment>& fragments, int page,
                             CellAlignment* alignment) {
  std::vector<Block> blocks = CellBuilder(fragments).build();
  CellAlignment seen = CellAlignment::kUnknown;
  std::vector<std::size_t> row = group_rows(blocks, fragments, &seen);
  // A page whose rows do not tell (all cells one line high) but that starts with a table row
  // continues the table of the page before, aligned as it was.
  if (seen == CellAlignment::kUnknown && alignment != nullptr && !blocks.empty()) {
    const Block& first = *std::min_element(blocks.begin(), blocks.end(),
                                           [](const Block& a, const Block& b) { return a.y0 < b.y0; });
    bool table_row = std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) {
      return &b != &first && x_disjoint(b.x0, b.x1, first.x0, first.x1) &&
             std::min(b.y1, first.y1) > std::max(b.y0, first.y0);
    });
    if (table_row) seen = *alignment;
  }
  if (alignment != nullptr && seen != CellAlignment::kUnknown) *alignment = seen;
  bool centred = seen == CellAlignment::kCentred;
  // Each row keeps the top it was grouped with, for ordering, before merged cells move.
  std::vector<double> row_top(blocks.size(), std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < blocks.size(); ++i) row_top[row[i]] = std::min(row_top[row[i]], blocks[i].y0);
  if (centred) place_merged_cells(blocks, fragments, row);

  std::vector<std::size_t> ids = row;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::stable_sort(ids.begin(), ids.end(),
                   [&](std::size_t a, std::size_t b) { return row_top[a] < row_top[b]; });
  TextLines out;
  for (std::size_t id : ids) {
    std::vector<const Block*> cells;
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (row[i] == id) cells.push_back(&blocks[i]);
    std::stable_sort(cells.begin(), cells.end(), [](const Block* a, const Block* b) { return a->x0 < b->x0; });
    PageBox box{page, cells.front()->x0, cells.front()->y0, cells.front()->x1, cells.front()->y1};
    std::string text;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) text.push_back('\t');
      std::string cell;
      for (std::size_t part : cells[k]->parts) cell = join_wrapped(cell, fragments[part].text);
      text += cell;
      box.x0 = std::min(box.x0, cells[k]->x0);
      box.y0 = std::min(box.y0, cells[k]->y0);
      box.x1 = std::max(box.x1, cells[k]->x1);
      box.y1 = std::max(box.y1, cells[k]->y1);
    }
    TextLine line{normalize_line(text), 0, box};
    if (!line.text.empty()) out.push_back(std::move(line));
  }
  return out;
}

}  // namespace jixiao
