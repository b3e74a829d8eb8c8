// Second half of the PDF page geometry (see pdf_layout.h): the cell fragments of a page's visual
// lines → table cells (a wrapped cell's lines joined) → table rows (cells side by side, whatever
// their vertical alignment) → one TextLine per row. Pure geometry, no poppler.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/text_line.h"

namespace jixiao {

// How the tables of a page set text in their cells, as far as its rows show it.
enum class CellAlignment { kUnknown, kTop, kCentred };

// The words of one visual line between two column gaps, already joined (spaces as printed,
// no '\t'). Boxes in points, origin at the page's top-left corner.
struct PdfFragment {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double em = 0;          // font size of its line (PdfWord::em), 0 when unknown
  std::size_t line = 0;   // index of its visual line on the page (lines are numbered top down)
};

// Rebuilds the rows of one page from its fragments:
//  1. cells: a fragment continues the cell of the fragment just above it when it starts below it
//     at line spacing (gap ≤ 0.6 em, overlap ≤ 0.3 em), in the same font size (when known,
//     within 5 %), lines up with it (same left edge, or same centre for centred text, within
//     2 pt), and the line above was full: some text stands beside the cell (it is a table cell,
//     not prose), none of it dot leaders (a table of contents), and the room left to the next
//     cell on the right, or to the table's right edge, is under max(2.5 em, min(5 em, the
//     line's width)): the text had to wrap. Prose lines (nothing beside them) are never joined.
//  2. rows: cells side by side (disjoint x ranges, overlapping y ranges) whose tops, centres or
//     bottoms agree within 0.3 em share a row, as do one-line cells of one visual line. This
//     holds for text set at the top of its table cell and for text centred in it (Word).
//  3. merged cells on centred pages. A page is centred when more of its rows show cells of
//     different heights that share their centres than their tops, counting also each one-line
//     cell that stands beside two rows at once (on the line between them). There, the text of
//     a cell spanning several rows sits in the middle of its span. Its span is found by tiling
//     its column: it starts where the span of the nearest cell above (x ranges overlapping by
//     half the narrower one, that cell itself beside other text) ends, and is symmetric about
//     the text, ending on a row boundary (a row's text band widened by half the usual gap
//     between rows) within 0.5 em, with no other text under the cell inside it. The cell is
//     then read with the first row of its span (the topmost row inside it that still holds
//     text of its own), as a top-aligned table prints it, so that a 一级/二级 label precedes
//     the rows it labels. On a page whose first text is a table row (a table continued from
//     the page before), a cell with nothing above it in its column starts its span at the
//     first row boundary, from the page's first row down, from which it is symmetric; failing
//     that it follows a moved cell to its right centred on the same line (row headers nest).
//     A cell that shares its row with cells that stay there is not moved when it holds digits
//     or is left-aligned (its left edge shared by cells of other widths in other rows): in a
//     column with empty cells a one-row value can look centred in a span, and values, codes
//     and amounts do not span rows; merged cells are labels, centred.
//  4. each row becomes one line: its cells ordered by x, joined by '\t' (a wrapped cell's
//     lines joined with join_wrapped), normalised; the box is the union of its cells' boxes.
//     Rows are ordered by their top before any merged cell moved into them.
//
// `alignment` (may be null) carries the tables' alignment from page to page: on input the
// alignment of the pages before, used when this page's rows do not tell (all cells one line
// high, no text between rows) and the page starts with a table row (a table continued from
// the page before); on output this page's alignment when its rows tell, else unchanged.
TextLines assemble_page_rows(const std::vector<PdfFragment>& fragments, int page,
                             CellAlignment* alignment = nullptr);

}  // namespace jixiao
