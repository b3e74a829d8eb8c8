// Renders a generated declaration into the text layout families that exist in the world
// (imitating ../shared/samples closely):
//  - line-broken: pdftotext output of the PDF: every line its own block, table cells broken
//    over lines at their column widths, vertical labels split into single characters
//    ("绩\n效\n指\n标"), level labels and values wrapped ("成本指\n标", "=56850\n\n份"), the two
//    goal columns printed one after the other, page breaks as runs of blank lines;
//  - tabbed: a table export, one paragraph per line, form rows as tab-separated cells with
//    empty cells for merged ones, some rows shifted by an empty cell;
//  - ocr-flat: OCR output, paragraphs one per line and each whole form flattened into one
//    long line whose cells are read line by line across columns (so wrapped cells of adjacent
//    columns interleave), the lower part of the table tab-separated; optional noise.
// All randomness is seeded: the same (document, layout, options) gives the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "synth/generator.h"

namespace jixiao::synth {

enum class TextLayout { kLineBroken, kTabbed, kOcrFlat };

// "line-broken", "tabbed", "ocr-flat": the names the parser reports in Declaration::layout.
std::string_view layout_name(TextLayout layout);
std::optional<TextLayout> parse_layout_name(std::string_view name);

// OCR damage, applied by the ocr-flat renderer only.
struct OcrNoise {
  bool full_width_digits = false;  // some digits and % printed full-width (０-９％)
  bool letter_spacing = false;     // some cells printed with a space between characters
  bool garbled = false;            // a few characters replaced by U+FFFD (UTF-8 output only)
};

struct RenderOptions {
  std::uint64_t seed = 0;  // the renderer's own choices: widths, wraps, shifts, page breaks
  OcrNoise noise;
  bool gbk = false;  // encode the whole output as GBK (GB18030) instead of UTF-8
};

// The document as bytes in `layout`. Never fails: every character the generator uses exists
// in GBK.
std::string render_text(const GeneratedDocument& doc, TextLayout layout,
                        const RenderOptions& options = {});

}  // namespace jixiao::synth
