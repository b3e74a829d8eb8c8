// Field-by-field comparison of a parsed Declaration with the generated model it was rendered
// from (spans excluded). Used by the round-trip property tests.
#pragma once

#include <string>
#include <vector>

#include "model/declaration.h"

namespace jixiao::synth_test {

struct Mismatch {
  std::string path;      // "projects[2].funds_yuan.total", "projects[0].indicators[3].value"
  std::string kind;      // "wrong|missing|extra|count: " + path without indices
  std::string expected;  // as text ("null" when absent)
  std::string actual;
};

// How many fields were compared and how many of those the parser declared unreadable.
struct DiffCounts {
  int compared = 0;
  int unreadable = 0;  // compared fields covered by an Unreadable entry (excused if different)
};

struct DiffOptions {
  // The contract: a field may differ from the model only when the parser listed it (or an
  // enclosing field) in `unreadable`; a difference that is not listed is a wrong value.
  std::string expected_layout;      // "" to skip
  std::string expected_encoding;    // "UTF-8" or "GBK" (GBK accepts "GB18030"); "" to skip
};

// Differences between `expected` (the generated model) and `actual` (parsed). Text fields are
// compared with whitespace removed (parsers join wrapped lines); money, dates, counts exactly.
std::vector<Mismatch> diff_declarations(const Declaration& expected, const Declaration& actual,
                                        const DiffOptions& options, DiffCounts* counts = nullptr);

// "a b\tc" → "abc".
std::string without_whitespace(const std::string& s);

}  // namespace jixiao::synth_test
