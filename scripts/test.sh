#!/usr/bin/env bash
# Builds jixiao with warnings as errors and runs every test: unit, golden, property and CLI
# tests (ctest), a bounded libFuzzer run, and the browser end-to-end tests.
# Usage: scripts/test.sh            (after scripts/setup.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${JIXIAO_BUILD_DIR:-$here/build/ci}"
jobs="$(nproc)"

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs"
# Every test gates, the round-trip property tests included (their default base seed; figures for
# other seeds are in docs/known-gaps.md).
(cd "$build" && ctest --output-on-failure -j "$jobs")

# Fuzzing: bounded, seeded from the samples; a crash or hang fails the run.
if [ -x "$here/fuzz/run.sh" ]; then
  "$here/fuzz/run.sh" "${JIXIAO_FUZZ_SECONDS:-60}"
fi

# Browser end-to-end tests (headless Debian chromium driven by playwright-core).
if [ -x "$here/tests/e2e/run.sh" ]; then
  "$here/tests/e2e/run.sh" "$build/jixiao"
fi
