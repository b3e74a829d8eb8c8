#!/usr/bin/env bash
# Load check of `jixiao serve` on loopback, bounded in time (~1 minute): requests/s and latency
# percentiles (wrk) for a project page and API calls, then the same while 1,000 idle keep-alive
# connections are held open, and how long a NEW client waits meanwhile (curl, fresh connection).
# Usage: scripts/loadcheck.sh [PATH/TO/jixiao]   (default: build/release/jixiao, built if absent)
# Environment: LOADCHECK_SECONDS (per wrk run, default 10), LOADCHECK_IDLE (default 1000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="${1:-$here/build/release/jixiao}"
seconds="${LOADCHECK_SECONDS:-10}"
idle_count="${LOADCHECK_IDLE:-1000}"
if [ ! -x "$binary" ]; then
  cmake -S "$here" -B "$here/build/release" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$here/build/release" --target jixiao -j "$(nproc)"
fi
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "loadcheck: $tool is missing (scripts/setup.sh)" >&2; exit 2; }
done
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work="$(mktemp -d)"
server_pid=""
holder_pid=""
cleanup() {
  [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" serve --db "$work/load.db" --listen 127.0.0.1:0 --ingest "$here"/testdata/samples/*.txt \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/server.out" 2>/dev/null | head -n1 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "loadcheck: server did not start" >&2; cat "$work/server.err" >&2; exit 1; }
port="${url##*:}"; port="${port%/}"

# A project with the most indicators: the heaviest project page of the samples.
project_id="$(curl -s "${url}api/documents" | python3 -c '
import json, sys, urllib.request
base = sys.argv[1]
best = None
for d in json.load(sys.stdin)["documents"]:
    view = json.load(urllib.request.urlopen(base + "api/documents/" + str(d["id"])))
    for p in view["projects"]:
        if best is None or p["indicator_count"] > best[0]:
            best = (p["indicator_count"], p["id"])
print(best[1])' "$url")"
search_query="%E7%BD%91%E7%BB%9C"  # 网络

# wrk prints requests/s and the latency distribution; keep the figures that matter.
run_wrk() {  # label path connections
  local out
  out="$(wrk -t2 -c"$3" -d"${seconds}s" --latency "${url%/}$2" 2>&1)"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  errors="$(grep -E 'Socket errors|Non-2xx' <<<"$out" | tr '\n' ' ' || true)"
  printf '| %-44s | %4s | %10s | %8s | %8s | %s\n' "$1" "$3" "$rps" "$p50" "$p99" "${errors:-none}"
}

# A new client on a fresh connection, timed end to end (connect + request + answer), N times.
time_new_clients() {  # count
  local times=()
  for _ in $(seq 1 "$1"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 10 "${url}api/years" || echo 10)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, max %.1f ms over %d new clients\n", a[int((NR+1)/2)]*1000, a[NR]*1000, NR}'
}

cat > "$work/hold.py" <<'PY'
# Opens N keep-alive connections, makes one request on each (so they are real keep-alive clients,
# not half-open sockets), then keeps them idle until killed; reports how many stayed open.
import socket, sys, time, signal
host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
socks = []
for i in range(n):
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
    socks.append(s)
for s in socks:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
print(f"holding {len(socks)}", flush=True)
def report(*_):
    alive = 0
    for s in socks:
        s.setblocking(False)
        try:
            alive += 0 if s.recv(1) == b"" else 1
        except BlockingIOError:
            alive += 1
        except OSError:
            pass
    print(f"still open {alive}", flush=True)
    sys.exit(0)
signal.signal(signal.SIGTERM, report)
while True:
    time.sleep(1)
PY

echo "## jixiao serve load check ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -d${seconds}s on loopback; wrk and server share the cores)"
echo
echo "project id $project_id (the sample project with the most indicators)"
echo
echo "| request | conns | req/s | p50 | p99 | errors"
echo "|---|---|---|---|---|---"
run_wrk "project page GET /projects/$project_id (HTML)" "/projects/$project_id" 64
run_wrk "project data GET /api/projects/$project_id" "/api/projects/$project_id" 64
run_wrk "API GET /api/summary?year=2024&by=department" "/api/summary?year=2024&by=department" 64
run_wrk "API GET /api/search?q=网络" "/api/search?q=$search_query" 64
echo
echo "new client, no other load: $(time_new_clients 20)"
echo
python3 "$work/hold.py" 127.0.0.1 "$port" "$idle_count" >"$work/hold.out" 2>&1 &
holder_pid=$!
for _ in $(seq 1 300); do grep -q holding "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
grep -q holding "$work/hold.out" || { echo "loadcheck: could not open $idle_count connections" >&2; cat "$work/hold.out" >&2; exit 1; }
established="$(ss -Htn state established "( sport = :$port )" | wc -l)"
echo "with $idle_count idle keep-alive connections held open ($established established at the server):"
echo
echo "new client while they idle: $(time_new_clients 20)"
echo
echo "| request (idle connections held) | conns | req/s | p50 | p99 | errors"
echo "|---|---|---|---|---|---"
run_wrk "project data GET /api/projects/$project_id" "/api/projects/$project_id" 64 &
wrk_pid=$!
sleep 2
during="$(time_new_clients 20)"
wait "$wrk_pid"
run_wrk "project page GET /projects/$project_id (HTML)" "/projects/$project_id" 64
echo
echo "new client during the wrk run above (idle connections held): $during"
kill "$holder_pid"
wait "$holder_pid" 2>/dev/null || true
holder_pid=""
echo "$(grep 'still open' "$work/hold.out") of $idle_count idle connections at the end"
threads="$(ls /proc/$server_pid/task | wc -l)"
rss="$(awk '/VmHWM/ {print $2 " " $3}' /proc/$server_pid/status)"
echo "server threads: $threads; peak RSS: $rss"
