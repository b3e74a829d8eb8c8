// Text normalisation at the input boundary (ingest/normalize.h): every input line goes through
// normalize_line once, so its cost bounds parse throughput from below.
#include <benchmark/benchmark.h>

#include "bench_inputs.h"
#include "ingest/normalize.h"

namespace jixiao::bench {
namespace {

void run_normalize(benchmark::State& state, const std::vector<std::string>& lines) {
  if (lines.empty()) {
    state.SkipWithError("no input lines (../shared/samples absent?)");
    return;
  }
  for (auto _ : state) {
    for (const auto& line : lines) benchmark::DoNotOptimize(normalize_line(line));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(lines)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
}

void BM_NormalizeLine_Typical(benchmark::State& state) { run_normalize(state, typical_lines()); }
BENCHMARK(BM_NormalizeLine_Typical);

// The real sample declarations: long narrative paragraphs dominate the bytes.
void BM_NormalizeLine_Samples(benchmark::State& state) { run_normalize(state, sample_lines()); }
BENCHMARK(BM_NormalizeLine_Samples);

// One long prose line (a narrative paragraph pulled onto one line, as table exports do).
void BM_NormalizeLine_LongParagraph(benchmark::State& state) {
  std::string line;
  while (line.size() < static_cast<std::size_t>(state.range(0))) line += typical_lines()[0];
  for (auto _ : state) benchmark::DoNotOptimize(normalize_line(line));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_NormalizeLine_LongParagraph)->Arg(256)->Arg(4096)->Arg(65536);

void BM_StripWhitespace(benchmark::State& state) {
  const auto& lines = typical_lines();
  for (auto _ : state) {
    for (const auto& line : lines) benchmark::DoNotOptimize(strip_whitespace(line));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(lines)));
}
BENCHMARK(BM_StripWhitespace);

// Rebuilding a cell that pdftotext broke over lines ("绩" "效" "指" "标", "=56850" "份").
void BM_JoinWrapped(benchmark::State& state) {
  const std::vector<std::pair<std::string, std::string>> pieces = {
      {"绩", "效"}, {"=56850", "份"}, {"2023", "年"}, {"web", "server"},
      {"城市网格化综合管理", "运维服务项目"}};
  for (auto _ : state) {
    for (const auto& [left, right] : pieces) benchmark::DoNotOptimize(join_wrapped(left, right));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * pieces.size()));
}
BENCHMARK(BM_JoinWrapped);

// UTF-8 decoding one code point at a time, the primitive under every text scan.
void BM_NextCodePoint(benchmark::State& state) {
  std::string text;
  for (const auto& line : typical_lines()) text += line + "\n";
  while (text.size() < 64 * 1024) text += text;
  for (auto _ : state) {
    char32_t sum = 0;
    for (std::size_t i = 0; i < text.size();) sum += next_code_point(text, i);
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NextCodePoint);

}  // namespace
}  // namespace jixiao::bench
