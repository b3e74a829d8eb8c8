// Value parsing in the model: every amount on a form goes through Money::parse_yuan (or
// parse_wan) and every indicator value through Target::parse.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "model/money.h"
#include "model/target.h"

namespace jixiao::bench {
namespace {

const std::vector<std::string>& yuan_texts() {
  static const std::vector<std::string> texts = {
      "37,780,000.00", "165700", "0", "1,234.5", "-12.30", "2,500,000.00", "98000.00",
      "12,345,678,901.99", "not a number", "1.234"};  // the last two are rejected
  return texts;
}

void BM_MoneyParseYuan(benchmark::State& state) {
  const auto& texts = yuan_texts();
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(Money::parse_yuan(t));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_MoneyParseYuan);

void BM_MoneyParseWan(benchmark::State& state) {
  const std::vector<std::string> texts = {"3778", "33.0769", "0.0888", "6749.10", "1808.1"};
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(Money::parse_wan(t));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_MoneyParseWan);

void BM_MoneyFormat(benchmark::State& state) {
  const auto amount = Money::from_fen(3'778'000'000);
  for (auto _ : state) {
    benchmark::DoNotOptimize(amount.yuan_string());
    benchmark::DoNotOptimize(amount.wan_string());
    benchmark::DoNotOptimize(amount.yuan_display());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 3));
}
BENCHMARK(BM_MoneyFormat);

// Indicator values as forms write them: quantitative with each comparator spelling and unit
// style, and qualitative ones that must be kept verbatim.
void BM_TargetParse(benchmark::State& state) {
  const std::vector<std::string> values = {
      "≥90.00(%)", ">=90%", "=56850份", "≤24.00(小时)", "≤25.00(万元)", "=3万条/月",
      "全年≤5次", "合理", "及时", "48小时内", "控制于预算内", "＞９５％"};
  for (auto _ : state) {
    for (const auto& v : values) benchmark::DoNotOptimize(Target::parse(v));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * values.size()));
}
BENCHMARK(BM_TargetParse);

void BM_ParseComparator(benchmark::State& state) {
  const std::vector<std::string> texts = {"≥", "≤", "=", ">", "<", ">=", "<=", "＝", "≧", "x"};
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(parse_comparator(t));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_ParseComparator);

}  // namespace
}  // namespace jixiao::bench
