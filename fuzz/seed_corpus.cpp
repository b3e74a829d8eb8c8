// Writes fuzzing seeds: generated declarations in every text layout (with and without OCR noise,
// UTF-8 and GBK), small enough to mutate quickly. Usage: fuzz_seed_corpus DIR [COUNT]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "synth/generator.h"
#include "synth/render_text.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [COUNT]\n", argv[0]);
    return 2;
  }
  std::filesystem::path dir = argv[1];
  int count = argc > 2 ? std::atoi(argv[2]) : 24;
  std::filesystem::create_directories(dir);
  using jixiao::synth::TextLayout;
  int written = 0;
  for (int k = 1; k <= count; ++k) {
    jixiao::synth::GeneratorOptions g;
    g.max_projects = 2;  // small seeds mutate faster
    g.max_indicators = 10;
    auto doc = jixiao::synth::generate_document(static_cast<std::uint64_t>(k), g);
    for (TextLayout layout : {TextLayout::kLineBroken, TextLayout::kTabbed, TextLayout::kOcrFlat}) {
      jixiao::synth::RenderOptions o;
      o.seed = static_cast<std::uint64_t>(k);
      o.gbk = k % 4 == 0;
      bool noisy = layout == TextLayout::kOcrFlat && k % 2 == 1;
      o.noise = {noisy, noisy, noisy};
      std::string name = "gen-" + std::to_string(k) + "-" +
                         std::string(jixiao::synth::layout_name(layout)) + ".txt";
      std::ofstream(dir / name, std::ios::binary) << jixiao::synth::render_text(doc, layout, o);
      ++written;
    }
  }
  std::printf("%d seeds in %s\n", written, dir.c_str());
  return 0;
}
