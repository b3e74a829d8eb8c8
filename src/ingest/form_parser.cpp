#include "ingest/form_parser.h"

#include <algorithm>

#include "ingest/form_head.h"
#include "ingest/form_ocr.h"
#include "ingest/form_table.h"
#include "ingest/form_text.h"

namespace jixiao {

void parse_form(std::span<const TextLine> lines, Project& project) {
  project.has_form = true;
  form::Tokens tokens = form::tokenize(lines);
  if (!tokens.empty()) {
    SourceSpan form_span = form::span_of(tokens, 0, tokens.size() - 1);
    project.span = project.span.empty() ? form_span : project.span.merged(form_span);
  }
  std::vector<form::StreamChar> stream = form::build_stream(tokens);
  std::size_t table_start = form::parse_form_head(tokens, stream, project);
  bool page_marks = std::any_of(lines.begin(), lines.end(),
                                [](const TextLine& line) { return line.page_start; });
  form::Tokens table = form::tokens_of(stream, tokens, table_start, stream.size());
  form::parse_indicator_table(table, project, page_marks);
  form::settle_flat_table(table, project);
}

}  // namespace jixiao
