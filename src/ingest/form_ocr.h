// Forms that OCR flattened into one line. OCR reads a table visual line by visual line, so the
// wrapped lines of cells printed side by side come out interleaved: for the goals, goal one line
// 1, goal two line 1, goal one line 2 …, with the pieces of the vertical caption 项目绩效目标 at
// the start of the lines it spans, and normalisation may glue single-character pieces to their
// neighbours ("机制。 效 目 标" → "机制。效目标"). Which piece belongs to which column is then not
// printed anywhere; the form head reports such goals unreadable rather than guess.
#pragma once

#include <vector>

#include "ingest/form_text.h"
#include "model/declaration.h"

namespace jixiao::form {

// True when all pieces (at least two) were read from one source line: a whole form flattened.
bool on_one_line(const Tokens& tokens, const std::vector<TokenPiece>& pieces);

// After the indicator table of a form is read: when the table stands on one line (OCR) and some
// row of it could not be aligned with the table's columns, the rows around it may have taken
// that row's cells, so no row of the table is trusted. The rows are dropped and the whole table
// is reported unreadable with its span. Tables on several lines are left as read.
void settle_flat_table(const Tokens& table_tokens, Project& project);

}  // namespace jixiao::form
