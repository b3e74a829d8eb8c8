// Knobs shared by the round-trip property tests, read from the environment: which seeds a run
// covers and where the inputs of failing cases are saved.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <vector>

#include "synth/rng.h"

namespace jixiao::synth_test {

// The unsigned number in environment variable `name`, or nullopt when unset or empty.
inline std::optional<std::uint64_t> env_number(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::strtoull(v, nullptr, 0);
}

// JIXIAO_FAILURE_DIR, else <source>/build/synth-failures.
inline std::filesystem::path failure_dir() {
  if (const char* v = std::getenv("JIXIAO_FAILURE_DIR"); v && *v) return v;
  return std::filesystem::path(JIXIAO_SOURCE_DIR) / "build" / "synth-failures";
}

// The base seed of a run: JIXIAO_ROUNDTRIP_BASE, else a fixed one so that CI runs are stable.
inline std::uint64_t base_seed() { return env_number("JIXIAO_ROUNDTRIP_BASE").value_or(20240101); }

// The seeds of a run: JIXIAO_SEED alone when set (one case rerun), else the number of cases in
// `cases_variable` (default `default_cases`) derived from the base seed.
inline std::vector<std::uint64_t> case_seeds(const char* cases_variable, std::uint64_t default_cases) {
  if (auto only = env_number("JIXIAO_SEED")) return {*only};
  std::uint64_t cases = env_number(cases_variable).value_or(default_cases);
  std::vector<std::uint64_t> seeds;
  seeds.reserve(cases);
  for (std::uint64_t k = 0; k < cases; ++k) seeds.push_back(synth::mix_seed(base_seed(), k));
  return seeds;
}

}  // namespace jixiao::synth_test
