// A small flowing-layout PDF writer on cairo + pango: wrapped paragraphs and bordered tables
// with merged cells, broken across A4 pages. Used to render declarations as real PDFs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"

namespace jixiao::synth {

struct TextStyle {
  double size = 10.5;  // points
  bool bold = false;
  bool centered = false;
  double first_line_indent_em = 0;
};

// One cell of a table: text placed in columns [col, col+colspan) over `rowspan` rows.
struct TableCell {
  std::string text;
  int col = 0;
  int colspan = 1;
  int rowspan = 1;
  bool centered = false;  // horizontally
};

struct TableRow {
  std::vector<TableCell> cells;  // in column order; columns covered by a rowspan above are absent
};

// Column widths in points (their sum is the table width) and the rows.
struct Table {
  std::vector<double> widths;
  std::vector<TableRow> rows;
  double font_size = 10;
  bool centre_vertically = false;  // cell text centred in its cell (else at the cell's top)
};

// Draws onto A4 portrait pages (595.28 × 841.89 pt, 56 pt margins); content flows down and onto
// new pages as needed. All text uses Noto Sans CJK SC with pango at 72 dpi (1 unit = 1 pt).
class PdfCanvas {
 public:
  // Fails when cairo cannot make a PDF surface or the CJK font is missing.
  static Result<std::unique_ptr<PdfCanvas>> create();
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // Width available between the margins.
  double content_width() const;
  // A wrapped paragraph across the content width, broken between lines at page ends.
  void paragraph(std::string_view text, const TextStyle& style = {});
  void space(double points);
  void new_page();
  // The table at the current position; a row (with the rows a merged cell starting in it needs
  // for its text) moves to the next page when it does not fit.
  void table(const Table& table);
  // Ends the document and returns the PDF bytes.
  Result<std::string> finish();

 private:
  struct Impl;
  explicit PdfCanvas(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::synth
