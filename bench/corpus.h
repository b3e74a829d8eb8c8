// Generated declarations rendered into each text layout, for the parser micro-benchmarks: the
// same generator that feeds bench/run's corpora (src/synth), so the byte mix is the real one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synth/generator.h"
#include "synth/render_text.h"

namespace jixiao::bench {

// `documents` generated declarations (seeds 1…documents) rendered in `layout`, one string each.
inline std::vector<std::string> rendered_documents(synth::TextLayout layout, int documents,
                                                   bool gbk = false) {
  std::vector<std::string> out;
  for (int seed = 1; seed <= documents; ++seed) {
    auto doc = synth::generate_document(static_cast<std::uint64_t>(seed));
    synth::RenderOptions options;
    options.seed = static_cast<std::uint64_t>(seed);
    options.gbk = gbk;
    out.push_back(synth::render_text(doc, layout, options));
  }
  return out;
}

inline std::size_t total_size(const std::vector<std::string>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

constexpr int kDocumentsPerLayout = 12;

}  // namespace jixiao::bench
