#!/usr/bin/env bash
# Builds the libFuzzer target over the text parser with clang (AddressSanitizer + UBSan, every
# library instrumented) in its own build directory, then fuzzes for a bounded time, seeded with
# the sample declarations and generated ones. Exits non-zero on a crash, sanitizer report,
# hang (-timeout) or memory blow-up (-rss_limit_mb); the input that triggered it is kept in
# build/fuzz/artifacts/.
# Usage: fuzz/run.sh [SECONDS]        (default 60; scripts/test.sh passes JIXIAO_FUZZ_SECONDS)
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${JIXIAO_FUZZ_BUILD_DIR:-$here/build/fuzz}"
jobs="$(nproc)"
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
flags="$flags -fno-omit-frame-pointer -gline-tables-only"

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIXIAO_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$build" -j "$jobs" --target parse_fuzzer fuzz_seed_corpus

corpus="$build/corpus"      # grows across runs (new coverage found)
seeds="$build/seeds"        # rebuilt each run
artifacts="$build/artifacts"
rm -rf "$seeds"
mkdir -p "$corpus" "$seeds" "$artifacts"
for dir in "$here/testdata/samples" "$here/../shared/samples"; do
  if [ -d "$dir" ]; then
    cp "$dir"/*.txt "$seeds"/ 2>/dev/null || true
  fi
done
"$build/fuzz/fuzz_seed_corpus" "$seeds" 24 >/dev/null

echo "fuzz: parse_fuzzer for ${seconds}s (seeds: $(ls "$seeds" | wc -l), corpus: $(ls "$corpus" | wc -l))"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
"$build/fuzz/parse_fuzzer" "$corpus" "$seeds" \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=32768 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" 2>"$build/fuzz.log" || status=$?
grep -E '^(stat::|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' \
  "$build/fuzz.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED (exit $status); log: $build/fuzz.log; inputs: $artifacts" >&2
  tail -40 "$build/fuzz.log" >&2
  exit 1
fi
echo "fuzz: no crash or hang in ${seconds}s"
