// Second half of the PDF page geometry (see pdf_layout.h): the cell fragments of a page's visual
// lines → table cells (a wrapped cell's lines joined) → table rows (cells side by side, whatever
// their vertical alignment) → one TextLine per row. Pure geometry, no poppler.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/text_line.h"

namespace jixiao {

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
//     at line spacing (gap ≤ 0.6 em, overlap ≤ 0.3 em), lines up with it (same left edge, or
//     same centre for centred text, within 2 pt), and the line above was full: some text stands
//     beside the cell (it is a table cell, not prose) and the room left to the next cell, or to
//     the table's right edge, is under max(2.5 em, min(5 em, the line's width)) — the text had to
//     wrap. Prose lines (nothing beside them) are never joined.
//  2. rows: cells side by side (disjoint x ranges) whose tops, centres or bottoms agree within
//     0.3 em share a row, as do single-line cells of one visual line; this holds for cells set
//     at the top of their table cell and for cells centred in it (as Word prints forms).
//  3. merged cells on centred pages (a page is centred when its rows show cells of different
//     heights that share their centres rather than their tops): the text of a cell spanning
//     several rows sits in the middle of its span, between or on rows it labels. Its span is
//     found by tiling its column (the cells above and below it that overlap its x range): the
//     span starts where the cell above it ends and is symmetric about the text, its ends on row
//     boundaries (gaps in the page's vertical projection of rows); failing that, the narrowest
//     such symmetric span. The cell is then read with the first row of its span, as a
//     top-aligned table prints it, so that a 一级/二级 label precedes the rows it labels.
//  4. each row becomes one line: its cells ordered by x, joined by '\t', normalised; the box is
//     the union of its cells' boxes. Rows are ordered by their top.
TextLines assemble_page_rows(const std::vector<PdfFragment>& fragments, int page);

}  // namespace jixiao
