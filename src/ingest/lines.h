// Decoded text → numbered, normalised lines, and the reverse view: a run of lines read as one
// paragraph with a map back to line numbers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text_line.h"
#include "model/source_span.h"

namespace jixiao {

// Splits UTF-8 text at "\n", "\r\n" and lone "\r", normalises each line (normalize_line) and
// keeps the non-empty ones. Numbers are 1-based line numbers in `text`.
TextLines split_lines(std::string_view text);

// Lines of one paragraph joined into one string (wrapped lines joined as in join_wrapped, then
// spaces touching CJK characters removed, see squeeze_cjk_spaces), with the source line of
// every byte so that a match in the joined text maps back to a SourceSpan.
class JoinedText {
 public:
  JoinedText() = default;
  explicit JoinedText(std::span<const TextLine> lines);

  const std::string& text() const { return text_; }
  // The lines covering bytes [begin, end) of text(); an empty range maps to the line at begin.
  SourceSpan span(std::size_t begin, std::size_t end) const;
  // The span of all joined lines.
  SourceSpan whole() const;

 private:
  std::string text_;
  std::vector<SourceSpan> line_spans_;          // one per joined line
  std::vector<std::size_t> line_index_of_byte_;  // text_ byte → index into line_spans_
};

}  // namespace jixiao
