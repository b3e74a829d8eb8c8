// Splitting the content of one block of the indicator table (the cells printed between two class
// labels) into rows of 三级指标 name + 指标值. Layouts print a wrapped cell as several pieces:
// pdftotext puts each line of a cell on its own line ("市民对新版社保卡作用和相关\n信息的知晓率\n
// =90%"), table exports put cells between tabs, OCR puts a whole row on one line. The partition is
// the cheapest sequence of roles (name start, name continuation, value start, value continuation)
// that the pieces' positions, widths and value grammar allow; when a second reading is about as
// cheap, the rows where they differ are marked uncertain.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace jixiao::form {

// One piece of cell text: a word or words printed together on one line of one cell.
struct Fragment {
  std::string text;      // as printed; words inside a merged value keep one space
  double width = 0;      // printed width in em (see display_width)
  int row = 0;           // its line (see Token::row): consecutive rows are adjacent lines
  int cell = 0;          // cell index on its line (tab-separated layouts)
  int piece = 0;         // fragments with the same piece id were printed side by side
  bool page_start = false;  // first on a line marked as a page start (TextLine::page_start)
  bool measured = false; // the line is a wrapped-cell line of a line-broken layout: widths mean
                         // something (not a tab export, not an OCR line holding whole rows)
  std::size_t first_token = 0, last_token = 0;  // tokens it was built from (for spans)
};

// What the table's layout tells about where cells wrap, estimated from the whole table.
struct TableHints {
  double name = 0;   // width in em of the 三级指标 column (0 = unknown)
  double value = 0;  // width in em of the 指标值 column (0 = unknown)
  // Some name is seen wrapped at the `name` width (its next line is too wide to be a value), so a
  // name line of that width is full: its cell goes on.
  bool name_wrap_seen = false;
  // pdftotext separates the lines of one wrapped cell by a blank line and prints the next cell
  // on the very next line: two measured lines with no blank between them are two cells.
  bool blank_line_wraps = false;
  // The text marks page starts (TextLine::page_start): a line not marked does not open a page.
  bool page_marks = false;
};

// One row: fragments [begin, value_begin) are the name, [value_begin, end) the value.
// value_begin == end when the row has no readable value.
struct FragmentRow {
  std::size_t begin = 0, value_begin = 0, end = 0;
  bool uncertain = false;  // another reading of these fragments is about as likely
};

struct RowPartition {
  std::vector<FragmentRow> rows;
  bool complete = true;  // false: no reading fits the layout; rows are a best effort, all uncertain
  bool count_uncertain = false;  // another reading about as likely has a different number of rows
};

// Partitions the fragments of one table block into rows.
RowPartition partition_rows(std::span<const Fragment> fragments, const TableHints& hints);

// Estimates the hints from all fragments of a table (measured ones only).
TableHints estimate_hints(std::span<const Fragment> fragments);

}  // namespace jixiao::form
