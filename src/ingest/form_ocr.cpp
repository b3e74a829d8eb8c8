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

}  // namespace jixiao::form
