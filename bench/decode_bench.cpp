// Decoding at the input boundary (ingest/decode.h): UTF-8 validation and GB18030 → UTF-8
// conversion of whole generated declarations, next to the cheapest possible pass over the same
// bytes (counting newlines), which is what `wc -l` does in bench/run.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "corpus.h"
#include "ingest/decode.h"

namespace jixiao::bench {
namespace {

const std::string& utf8_corpus() {
  static const std::string text = [] {
    std::string all;
    for (const auto& d : rendered_documents(synth::TextLayout::kLineBroken, kDocumentsPerLayout))
      all += d;
    return all;
  }();
  return text;
}

const std::string& gbk_corpus() {
  static const std::string text = [] {
    std::string all;
    for (const auto& d :
         rendered_documents(synth::TextLayout::kLineBroken, kDocumentsPerLayout, /*gbk=*/true))
      all += d;
    return all;
  }();
  return text;
}

void BM_CountNewlines(benchmark::State& state) {
  const auto& text = utf8_corpus();
  for (auto _ : state) benchmark::DoNotOptimize(std::count(text.begin(), text.end(), '\n'));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CountNewlines);

void BM_IsValidUtf8(benchmark::State& state) {
  const auto& text = utf8_corpus();
  for (auto _ : state) benchmark::DoNotOptimize(is_valid_utf8(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IsValidUtf8);

void run_decode(benchmark::State& state, const std::string& bytes, const char* expected) {
  for (auto _ : state) {
    auto decoded = decode_text(bytes, "bench");
    if (!decoded || decoded->encoding != expected) {
      state.SkipWithError("decode_text failed or detected another encoding");
      return;
    }
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_DecodeUtf8(benchmark::State& state) { run_decode(state, utf8_corpus(), "UTF-8"); }
BENCHMARK(BM_DecodeUtf8);

void BM_DecodeGb18030(benchmark::State& state) { run_decode(state, gbk_corpus(), "GB18030"); }
BENCHMARK(BM_DecodeGb18030);

void BM_EncodeGb18030(benchmark::State& state) {
  const auto& text = utf8_corpus();
  for (auto _ : state) benchmark::DoNotOptimize(encode_gb18030(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_EncodeGb18030);

}  // namespace
}  // namespace jixiao::bench
