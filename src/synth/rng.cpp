#include "synth/rng.h"

#include <limits>

namespace jixiao::synth {

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  if (lo >= hi) return lo;
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == std::numeric_limits<std::uint64_t>::max())
    return static_cast<std::int64_t>(next());
  const std::uint64_t range = span + 1;
  // Reject the top partial bucket so every value is equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % range;
  std::uint64_t draw;
  do {
    draw = next();
  } while (draw >= limit);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + draw % range);
}

std::uint64_t Rng::fork() { return mix_seed(next(), 0x6a09e667f3bcc909ULL); }

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a + 0x9e3779b97f4a7c15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace jixiao::synth
