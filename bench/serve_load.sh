#!/usr/bin/env bash
# Load test of `stratstab serve` with wrk (Debian) on loopback, bounded in time: requests per second
# of POST /api/assess (the default assessment, the CLI's --json) and the error count, which must be 0.
# A benchmark run by hand (its figures go in the closing note), not part of the test command.
#
#   bench/serve_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]      (defaults: build 10 16)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$repo/build}"
seconds="${2:-10}"
connections="${3:-16}"
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
"$build/stratstab" serve --port 0 --results-dir "$work/results" >"$work/stdout" 2>"$work/stderr" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/stdout" || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start: $(cat "$work/stderr")" >&2; exit 1; }
# The request body and a summary that wrk prints at the end (non-2xx answers are errors here).
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d in %.1f s: %.1f per second; latency p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status %d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA
echo "wrk: POST ${url}api/assess for ${seconds} s, ${connections} connections, 2 threads ($(nproc) cores)"
out="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$work/post.lua" "${url}api/assess")"
echo "$out"
errors="$(grep '^errors:' <<<"$out" | grep -o '[0-9]\+' | paste -sd+ | bc)"
[ "$errors" = "0" ] || { echo "FAIL: $errors errors" >&2; exit 1; }
