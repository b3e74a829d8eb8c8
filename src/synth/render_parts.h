// Internal to synth/: one function per text layout (see render_text.h for what each imitates).
#pragma once

#include <cstdint>
#include <string>

#include "synth/generator.h"
#include "synth/render_text.h"

namespace jixiao::synth::detail {

std::string render_line_broken(const GeneratedDocument& doc, std::uint64_t seed);
std::string render_tabbed(const GeneratedDocument& doc, std::uint64_t seed);
// UTF-8 text; noise that needs the whole text (encoding) is applied by the caller.
std::string render_ocr_flat(const GeneratedDocument& doc, std::uint64_t seed, const OcrNoise& noise);

}  // namespace jixiao::synth::detail
