// The two goal texts of a form (项目总目标, 年度总体目标). Many layouts print both column headers
// first and then both texts one after the other (pdftotext), side by side in cells (table exports)
// or run together on one line (OCR); this splits such text into the two goals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/form_text.h"
#include "model/source_span.h"

namespace jixiao::form {

struct GoalColumns {
  std::string first, second;  // 项目总目标, 年度总体目标
  SourceSpan first_span, second_span;
};

// Joins token pieces into running text (see append_joined).
std::string join_pieces(const std::vector<TokenPiece>& pieces);

// Splits the pieces of text printed after both goal headers into the two goals: by cell in a
// tab-separated layout; otherwise at the line (or word) boundary where the text starts over,
// since the two goals are usually near-identical (also when a page break interleaves their
// halves). nullopt when no split is clear.
std::optional<GoalColumns> split_goal_columns(const Tokens& tokens,
                                              const std::vector<TokenPiece>& pieces);

}  // namespace jixiao::form
