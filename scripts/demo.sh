#!/usr/bin/env bash
# The main job in one command (after scripts/setup.sh): builds jixiao (Release, build/release),
# ingests the bundled sample declarations (testdata/samples/*.txt) into a fresh demo database and
# serves the web app on loopback, printing the URL to open. Ctrl+C stops it.
# Usage: scripts/demo.sh [extra `jixiao serve` options, e.g. --listen 127.0.0.1:9000]
# Environment: JIXIAO_DEMO_DB (default build/release/demo.db).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$here/build/release"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target jixiao -j "$(nproc)"
db="${JIXIAO_DEMO_DB:-$build/demo.db}"
rm -f "$db" "$db-wal" "$db-shm"
exec "$build/jixiao" serve --db "$db" --ingest "$here"/testdata/samples/*.txt "$@"
