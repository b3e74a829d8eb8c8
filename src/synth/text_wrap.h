// Text layout helpers for the renderers: display widths, cell wrapping as a PDF table cell
// wraps, and the spacing pdftotext puts between Latin and Chinese runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "synth/rng.h"

namespace jixiao::synth {

// Splits UTF-8 text into code points, each as its UTF-8 substring (invalid bytes singly).
std::vector<std::string_view> code_points(std::string_view text);

// Display width in columns: CJK ideographs and full-width forms count 2, everything else 1.
int display_width(std::string_view text);

// Wraps `text` into lines of at most `width` columns the way a table cell wraps: Chinese breaks
// between any two characters, a run of ASCII letters/digits/marks stays whole unless it alone is
// wider than the cell, and closing punctuation (，。、；：）》” …) never starts a line (it hangs
// on the previous one, which may then exceed the width). Spaces at a break are dropped.
// Empty text gives no lines.
std::vector<std::string> wrap_cell(std::string_view text, int width);

// Inserts a space at boundaries between an ASCII letter/digit and a CJK ideograph, each with
// probability `percent` (pdftotext separates runs set in different fonts: "2024 年").
std::string pdf_spacing(std::string_view text, Rng& rng, int percent);

// True for a CJK ideograph (not punctuation).
bool is_ideograph(std::string_view code_point);

}  // namespace jixiao::synth
