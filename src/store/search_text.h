// What the search index holds for a project, and highlighted snippets of it. Shared by the
// store backends so that every backend indexes and highlights the same text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/declaration.h"
#include "store/records.h"

namespace jixiao::store {

// The four searchable texts of a project ("name", "goal", "indicator", "narrative").
struct SearchTexts {
  std::string name;       // the form's 项目名称 (else the narrative title)
  std::string goal;       // 项目总目标, newline, 年度总体目标
  std::string indicator;  // one line per indicator: "三级指标：指标值"
  std::string narrative;  // each section: heading, newline, body; sections joined by newlines
};
SearchTexts search_texts(const Project& p);

// Byte ranges [begin, end) of `text` where one of the segments (query_segments()) occurs, in
// order and not overlapping. Matching uses the tokenizer's units, so case, full-width forms and
// separators inside the text do not matter the same way they do not for the index.
std::vector<std::pair<std::size_t, std::size_t>> find_segments(std::string_view text,
                                                               const std::vector<std::string>& segments);

// A window of about `width` characters around the first match, split into matched and plain
// parts; "…" marks text cut at either end. Empty when nothing matches.
std::vector<SnippetPart> make_snippet(std::string_view text, const std::vector<std::string>& segments,
                                      std::size_t width = 60);

}  // namespace jixiao::store
