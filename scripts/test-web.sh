#!/usr/bin/env bash
# Browser tests of the web page: starts `stratstab serve --port 0` from BUILD_DIR (default build),
# runs web/tests/browser.test.mjs against it in Debian's chromium (headless, through playwright-core)
# and stops the server. Screenshots of every plot land in BUILD_DIR/web-shots (STRATSTAB_SHOTS
# overrides). Exits with the test's status.
#
#   scripts/test-web.sh [BUILD_DIR]
#
# Needs: node (>= 18), web/node_modules (`cd web && npm ci`), chromium (`apt-get install chromium`;
# CHROMIUM=/path overrides /usr/bin/chromium).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build}"
case "$build" in /*) ;; *) build="$repo/$build" ;; esac
bin="$build/stratstab"
shots="${STRATSTAB_SHOTS:-$build/web-shots}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

die() { echo "test-web: $*" >&2; exit 2; }

[ -x "$bin" ] || die "no $bin: build first (cmake --build $build)"
command -v node >/dev/null || die "node is missing (apt-get install nodejs)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old: playwright-core 1.61 needs node >= 18"
[ -d "$repo/web/node_modules/playwright-core" ] || die "web/node_modules is missing: run (cd web && npm ci)"
[ -f "$repo/web/node_modules/@observablehq/plot/dist/plot.umd.min.js" ] || die "web/node_modules has no @observablehq/plot: run (cd web && npm ci)"
[ -x "$chromium" ] || die "no chromium at $chromium (apt-get install chromium, or set CHROMIUM)"

echo "test-web: node $(node --version), playwright-core $(node -p "require('$repo/web/node_modules/playwright-core/package.json').version"), $("$chromium" --version 2>/dev/null | head -n1)"

mkdir -p "$shots"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$bin" serve --port 0 --results-dir "$work/results" >"$work/stdout" 2>"$work/stderr" &
server_pid=$!

# The server prints `stratstab: serving on http://127.0.0.1:PORT/ ...` once it listens.
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/stdout" 2>/dev/null | head -n1 || true)"
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/stdout" "$work/stderr" >&2
    die "stratstab serve exited before listening"
  fi
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/stdout" "$work/stderr" >&2; die "stratstab serve printed no URL within 10 s"; }

# Wait until it answers.
for _ in $(seq 1 50); do
  if node -e "fetch('${url}api/catalog').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then break; fi
  sleep 0.1
done

echo "test-web: server at $url (pid $server_pid); screenshots in $shots"
status=0
STRATSTAB_URL="$url" STRATSTAB_SHOTS="$shots" CHROMIUM="$chromium" node "$repo/web/tests/browser.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "test-web: FAILED (status $status); server stderr:" >&2
  tail -n 20 "$work/stderr" >&2 || true
fi
exit "$status"
