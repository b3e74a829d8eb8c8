// The text of one form region (申报表/填报表) as the form parser sees it: whitespace-free tokens
// that remember their line and table cell, and a code-point stream over them in which labels that
// a layout has split over lines ("计划开始日\n期") read as one word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text_line.h"
#include "model/source_span.h"

namespace jixiao::form {

// One whitespace-free word of the region.
struct Token {
  std::string text;                // UTF-8, no whitespace
  const TextLine* line = nullptr;  // the line it was read from
  int row = 0;  // its line's number in the source (ordinal in the region when lines have none)
  int cell = 0;                    // 0-based cell index on the line (cells are separated by tabs)
  bool tabbed = false;             // the line has tab-separated cells
  int tokens_on_line = 0;          // number of tokens on the same line
  // Code-point indices in `text` where normalisation removed OCR letter-spacing (TextLine::joined):
  // the token was pieced together from one-character words there.
  std::vector<std::size_t> joined = {};

  int line_number() const { return line != nullptr ? line->number : 0; }
};

using Tokens = std::vector<Token>;

// Splits the lines at tabs and spaces. Lines made only of rule characters (dashes, underscores,
// box drawing) and page-number lines ("- 3 -", "第 3 页") carry no form content and are dropped.
Tokens tokenize(std::span<const TextLine> lines);

// Printed width in em: ASCII characters count 0.5, ≥ and ≤ 0.75 (full width in CJK fonts, half in
// Latin ones), all others 1 (CJK fonts print “, 、 full width).
double display_width(std::string_view text);

// Width in em a line of text takes in its table column: its display width without a closing
// mark at its end (")", "）", "，", "。"…), which typesetting lets hang past the column's edge.
double column_width(std::string_view text);

// The span covering tokens[first..last] (inclusive), boxes merged for PDF input.
SourceSpan span_of(const Tokens& tokens, std::size_t first, std::size_t last);

// Appends `piece` to `text` the way a wrapped cell reads: no separator, except one space between
// two ASCII letters/digits ("2023" + "年" → "2023年", "web" + "server" → "web server").
void append_joined(std::string& text, std::string_view piece);

// UTF-8 ↔ UTF-32 for code-point work.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// One code point of the region with the token it belongs to. `key` is the code point folded for
// label matching: full-width brackets and colon become ASCII.
struct StreamChar {
  char32_t cp = 0;
  char32_t key = 0;
  int token = 0;
  bool joined = false;  // OCR letter-spacing stood before it (Token::joined)
  // Where it stands in its token's text: byte offset and length of its UTF-8. `length` is 0 when
  // those bytes are not the UTF-8 that append_utf8 writes for `cp` (an invalid sequence): only
  // then is a piece of the token encoded again instead of copied.
  std::uint32_t byte = 0;
  std::uint8_t length = 0;
};

// The whole region as one whitespace-free code-point sequence.
std::vector<StreamChar> build_stream(const Tokens& tokens);

// The folding used for `StreamChar::key` (also applied to label spellings).
char32_t fold_key(char32_t cp);
std::u32string fold_key(std::u32string_view text);
// fold_key(to_u32(utf8)) in one pass.
std::u32string folded_u32(std::string_view utf8);

// A part of one token: what a stream range [begin, end) covers of it.
struct TokenPiece {
  int token = 0;
  std::string text;
};

// The token pieces the stream range [begin, end) covers, in order.
std::vector<TokenPiece> pieces_of(const std::vector<StreamChar>& stream, const Tokens& tokens,
                                  std::size_t begin, std::size_t end);

// Tokens rebuilt from the stream range [begin, end): a token cut by the range keeps only its part.
Tokens tokens_of(const std::vector<StreamChar>& stream, const Tokens& tokens, std::size_t begin,
                 std::size_t end);

}  // namespace jixiao::form
