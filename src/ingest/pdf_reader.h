// Reading the text layer of a PDF (poppler) as lines rebuilt from word positions.
#pragma once

#include <string_view>

#include "ingest/text_line.h"
#include "model/result.h"

namespace jixiao {

// True when `bytes` start like a PDF file ("%PDF-", after optional leading whitespace).
bool looks_like_pdf(std::string_view bytes);

// Reads every page of the PDF in `bytes` and rebuilds its visual lines from the word boxes
// (see pdf_layout.h): cells separated by '\t', lines normalised, numbered 1… across pages, each
// with its PageBox (page 1-based, points, origin top-left). Text hidden by a page-break clip in
// spreadsheet-made PDFs is read once. Errors name `source` and say why: not a PDF / damaged,
// truncated (no %%EOF), encrypted (password needed), no pages, or no text layer (scanned).
Result<TextLines> read_pdf_lines(std::string_view bytes, std::string_view source);

}  // namespace jixiao
