// Rebuilding text lines from the positioned words of PDF pages (pure geometry, no poppler):
// words → visual lines (y overlap) → cell fragments (split at column gaps) → table cells and
// rows (pdf_cells.h: wrapped cells joined, rows found whatever the vertical alignment) →
// numbered TextLines, one per row, cells separated by '\t'.
#pragma once

#include <string>
#include <vector>

#include "ingest/pdf_cells.h"
#include "ingest/text_line.h"

namespace jixiao {

// One word as the PDF text extractor reports it: UTF-8 text and its rectangle in points,
// origin at the page's top-left corner. `space_after` is the extractor's own word-spacing flag.
// `em` is the font size when known (e.g. the advance of a CJK ideograph, which is one em), else
// 0; box heights alone overstate it by up to half for fonts with tall ascenders (Noto CJK).
struct PdfWord {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool space_after = false;
  double em = 0;
};

// The words of one page, in any order. `width`/`height` are the displayed page size in points.
struct PdfPageWords {
  int page = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<PdfWord> words;
};

// Rebuilds one page's lines. First its words are grouped into visual lines, top to bottom:
// words share a line when each one's vertical centre lies within the other's box. Within a
// line, words are ordered by x and split into cell fragments, or joined:
//  - a column gap (a new fragment): a gap of at least 0.8 em (the smaller font size of the two
//    words, from PdfWord::em, else the line's typical em, else the word height), or a smaller
//    gap (≥ 0.25 em) that lines up with a column edge that a wide gap establishes elsewhere on
//    the page, or that repeats with both edges on another table line (not after a list marker);
//  - nothing between CJK words at a narrow gap (Chinese has no spaces), nor inside a
//    letter-spaced run of single ideographs (distributed alignment "项 目 名 称"), unless its
//    letters sit on the page's column edges;
//  - ' ' otherwise where the extractor saw a space or the gap is ≥ 0.15 em.
// The fragments then become cells and rows as assemble_page_rows (pdf_cells.h) describes: one
// line per table row holding whole cells (a wrapped cell's lines joined), the text of a merged
// cell of a centred table with the first row of its span, prose line by line as printed.
// Each line is normalised with normalize_line; lines left empty are dropped. Line numbers are 0
// (assigned by assemble_pdf_lines); each line's box is the union of its cells' boxes.
// `alignment` carries the tables' cell alignment across pages (see assemble_page_rows).
TextLines rebuild_page_lines(const PdfPageWords& page, CellAlignment* alignment = nullptr);

// Builds the document's lines from its pages: rebuilds each page (carrying the tables' cell
// alignment from page to page), removes the clipped duplicates
// that spreadsheet-made PDFs draw on both sides of a page break (see drop_page_break_duplicates),
// and numbers the lines consecutively from 1 across pages.
TextLines assemble_pdf_lines(const std::vector<PdfPageWords>& pages);

// Spreadsheet exporters (WPS 表格, Excel) print a tall cell that straddles a page break by drawing
// the whole cell on both pages, each clipped to its page's print area. Text extraction ignores
// the clip, so the last k lines of page N come back again as the first k lines of page N+1.
// When the last k lines of one page equal the first k lines of the next (k as large as possible,
// at least 16 characters in all), one copy of each is removed: the copy that runs past its page's
// edge if exactly one does, otherwise the copy on the later page. Identical text that is visible
// twice at a page break is therefore read once; this is the price of not seeing the clip.
// `pages[i]` holds the lines of page i+1 and `page_heights[i]` its height in points.
void drop_page_break_duplicates(std::vector<TextLines>& pages,
                                const std::vector<double>& page_heights);

}  // namespace jixiao
