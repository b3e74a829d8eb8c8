// Layout families of declaration text (版式): how the extracting tool laid out the tables.
#pragma once

#include <span>
#include <string_view>

#include "ingest/text_line.h"

namespace jixiao {

enum class Layout {
  kLineBroken,  // pdftotext dump: every table cell broken over lines
  kTabbed,      // table export: cells separated by tabs
  kOcrFlat,     // OCR: a whole form flattened into one long line, cells interleaved
  kPdf,         // read from a PDF's text layer with positions (set by the PDF path only)
};

// "line-broken", "tabbed", "ocr-flat", "pdf" (the JSON contract's values).
std::string_view layout_name(Layout layout);

// Detects the layout of text input from its lines (never returns kPdf): ocr-flat when one line
// carries the labels of three or more different form rows; tabbed when tab-separated lines
// make up at least a tenth of the text (and at least five lines); line-broken otherwise.
Layout detect_layout(std::span<const TextLine> lines);

}  // namespace jixiao
