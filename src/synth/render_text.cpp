#include "synth/render_text.h"

#include "synth/encoding.h"
#include "synth/render_parts.h"

namespace jixiao::synth {

std::string_view layout_name(TextLayout layout) {
  switch (layout) {
    case TextLayout::kLineBroken: return "line-broken";
    case TextLayout::kTabbed: return "tabbed";
    case TextLayout::kOcrFlat: return "ocr-flat";
  }
  return "";
}

std::optional<TextLayout> parse_layout_name(std::string_view name) {
  for (TextLayout l : {TextLayout::kLineBroken, TextLayout::kTabbed, TextLayout::kOcrFlat})
    if (layout_name(l) == name) return l;
  return std::nullopt;
}

std::string render_text(const GeneratedDocument& doc, TextLayout layout,
                        const RenderOptions& options) {
  std::string text;
  switch (layout) {
    case TextLayout::kLineBroken: text = detail::render_line_broken(doc, options.seed); break;
    case TextLayout::kTabbed: text = detail::render_tabbed(doc, options.seed); break;
    case TextLayout::kOcrFlat: {
      OcrNoise noise = options.noise;
      if (options.gbk) noise.garbled = false;  // U+FFFD has no GBK code
      text = detail::render_ocr_flat(doc, options.seed, noise);
      break;
    }
  }
  return options.gbk ? utf8_to_gbk(text) : text;
}

}  // namespace jixiao::synth
