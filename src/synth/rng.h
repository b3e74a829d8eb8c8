// Seeded randomness for the generator and the renderers. std::mt19937_64's output is fixed by
// the C++ standard, but std::uniform_*_distribution is not (libstdc++ and libc++ differ), so
// every range function here is our own: a corpus generated from a seed is the same on every
// machine and standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>

namespace jixiao::synth {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform integer in [lo, hi], both inclusive; requires lo <= hi. Unbiased (rejection).
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Uniform index in [0, n); requires n > 0.
  std::size_t index(std::size_t n) {
    return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(n) - 1));
  }
  // True with probability percent / 100 (percent <= 0: never; >= 100: always).
  bool percent(int percent) { return between(0, 99) < percent; }
  // A uniformly chosen element of a non-empty array or container.
  template <class C>
  const auto& pick(const C& c) {
    return c[index(std::size(c))];
  }
  // A seed for an independent sub-stream (so that adding draws to one part of the generator
  // does not shift every later part).
  std::uint64_t fork();

 private:
  std::mt19937_64 engine_;
};

// Mixes two 64-bit values into a well-spread seed (splitmix64 finaliser); used to derive the
// seed of document k of a corpus from the corpus seed.
std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b);

}  // namespace jixiao::synth
