#include "ingest/form_ocr.h"

#include <algorithm>

namespace jixiao::form {

bool on_one_line(const Tokens& tokens, const std::vector<TokenPiece>& pieces) {
  if (pieces.size() < 2) return false;
  int row = tokens[static_cast<std::size_t>(pieces.front().token)].row;
  return std::all_of(pieces.begin(), pieces.end(), [&](const TokenPiece& p) {
    return tokens[static_cast<std::size_t>(p.token)].row == row;
  });
}

void settle_flat_table(const Tokens& table_tokens, Project& project) {
  if (table_tokens.size() < 2) return;
  bool flat = std::all_of(table_tokens.begin(), table_tokens.end(),
                          [&](const Token& t) { return t.row == table_tokens.front().row; });
  if (!flat) return;
  auto about_rows = [](const Unreadable& u) { return u.field.rfind("indicators", 0) == 0; };
  if (std::none_of(project.unreadable.begin(), project.unreadable.end(), about_rows)) return;
  std::erase_if(project.unreadable, about_rows);
  project.indicators.clear();
  project.unreadable.push_back(
      Unreadable{"indicators", span_of(table_tokens, 0, table_tokens.size() - 1),
                 "OCR 把指标表读成一行，有指标行的单元格与表格各栏对不上，各行的归属无法可靠还原"});
}

}  // namespace jixiao::form
