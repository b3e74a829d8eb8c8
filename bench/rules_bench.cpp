// Review throughput (审核): projects reviewed per second on one core, by review() with all rules.
//  - BM_ReviewGenerated: 200 generated declarations (synth::generate_document, seeds 1…200;
//    ~8 projects each, narratives, line items and 5–24 indicators per project).
//  - BM_ReviewSamples: the three bundled samples (testdata/samples), parsed once: real narratives,
//    whose text scanning is the costly part.
// The counter "projects/s" is the figure to quote.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "ingest/parse.h"
#include "rules/review.h"
#include "synth/generator.h"

namespace jixiao::bench {
namespace {

const std::vector<Declaration>& generated() {
  static const std::vector<Declaration> docs = [] {
    std::vector<Declaration> out;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) out.push_back(synth::generate_document(seed).model);
    return out;
  }();
  return docs;
}

const std::vector<Declaration>& samples() {
  static const std::vector<Declaration> docs = [] {
    std::vector<Declaration> out;
    auto dir = std::filesystem::path(JIXIAO_SOURCE_DIR) / "testdata" / "samples";
    for (const char* name : {"songjiang-gov-office-2024.txt", "songjiang-bigdata-center-2024.txt",
                             "songjiang-sci-tech-service-center-2023.txt"}) {
      auto d = parse_file(dir / name);
      if (d) out.push_back(*d);
    }
    return out;
  }();
  return docs;
}

void review_all(benchmark::State& state, const std::vector<Declaration>& docs) {
  if (docs.empty()) {
    state.SkipWithError("no declarations to review");
    return;
  }
  std::int64_t projects = 0, findings = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto f = review(d);
      findings += static_cast<std::int64_t>(f.size());
      projects += static_cast<std::int64_t>(d.projects.size());
      benchmark::DoNotOptimize(f.data());
    }
  }
  state.counters["projects/s"] = benchmark::Counter(static_cast<double>(projects), benchmark::Counter::kIsRate);
  state.counters["findings/project"] =
      benchmark::Counter(projects ? static_cast<double>(findings) / static_cast<double>(projects) : 0.0);
}

void BM_ReviewGenerated(benchmark::State& state) { review_all(state, generated()); }
void BM_ReviewSamples(benchmark::State& state) { review_all(state, samples()); }

BENCHMARK(BM_ReviewGenerated)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReviewSamples)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jixiao::bench
