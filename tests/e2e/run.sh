#!/usr/bin/env bash
# Browser end-to-end tests: starts `jixiao serve` on a free loopback port with a temporary
# database seeded with testdata/samples, runs the node tests (headless Debian chromium driven by
# playwright-core) against it, and stops the server. Screenshots go to tests/e2e/artifacts/.
# Usage: tests/e2e/run.sh PATH/TO/jixiao
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="${1:-${JIXIAO_BINARY:-}}"
if [ -z "$binary" ] || [ ! -x "$binary" ]; then
  echo "e2e: usage: tests/e2e/run.sh PATH/TO/jixiao (got '${binary}')" >&2
  exit 2
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
export JIXIAO_CHROMIUM="${JIXIAO_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$JIXIAO_CHROMIUM" ]; then
  echo "e2e: chromium not found at $JIXIAO_CHROMIUM (scripts/setup.sh installs it)" >&2
  exit 2
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm install --no-audit --no-fund --silent)
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" serve --db "$work/e2e.db" --listen 127.0.0.1:0 --ingest "$root"/testdata/samples/*.txt \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

# The server prints the URL (with the port it picked) once it is listening.
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/server.out" 2>/dev/null | head -n1 || true)"
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited early:" >&2
    cat "$work/server.out" "$work/server.err" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "e2e: the server did not start within 30 s" >&2
  cat "$work/server.out" "$work/server.err" >&2
  exit 1
fi

mkdir -p "$here/artifacts"
export JIXIAO_URL="$url" JIXIAO_SAMPLES="$root/testdata/samples" JIXIAO_ARTIFACTS="$here/artifacts"
status=0
(cd "$here" && node --test --test-concurrency=1 ./*.test.mjs) || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: failed; server log:" >&2
  tail -n 50 "$work/server.err" >&2 || true
fi
exit "$status"
