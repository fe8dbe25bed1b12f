#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/) in build-fuzz/ (or $FUZZ_BUILD_DIR) with clang and runs each one.
#   scripts/fuzz.sh [SECONDS] [HARNESS...]     (default: 600 s each, every harness)
#   scripts/fuzz.sh --replay [HARNESS...]      (only run the saved findings in fuzz/findings/)
# Seeds: the bundled files of the harness's kind (data/...) plus fuzz/seeds/<harness>/; the growing
# corpus is kept in build-fuzz/corpus/<harness>/ (reused by later runs); crashes, hangs (-timeout)
# and memory blow-ups (-rss_limit_mb) are written to build-fuzz/artifacts/<harness>/. Fails when a
# harness crashes, when a run executes no input, or when a saved finding still fails.
# Environment: FUZZ_JOBS (harnesses run at once, default 1), FUZZ_TIMEOUT_S (per input, default
# 10), FUZZ_RSS_MB (default 2048), STRATSTAB_FUZZ_YAML_CPP_PREFIX (an instrumented yaml-cpp from
# scripts/build-fuzz-yaml-cpp.sh; default: Debian's libyaml-cpp-dev, not instrumented), FUZZ_BUILD_DIR
# (default build-fuzz; use another one with an instrumented yaml-cpp, as CMake caches its path).
set -euo pipefail
cd "$(dirname "$0")/.."

replay_only=0
seconds=600
if [ "${1:-}" = "--replay" ]; then
  replay_only=1
  shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds="$1"
  shift
fi
all=(fuzz_force_loader fuzz_scenario_loader fuzz_treaty_loader fuzz_bibliography_loader fuzz_wta_loader
  fuzz_pathway_loader fuzz_crisis_loader fuzz_arms_race_loader)
if [ $# -gt 0 ]; then harnesses=("$@"); else harnesses=("${all[@]}"); fi
timeout_s="${FUZZ_TIMEOUT_S:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
jobs="${FUZZ_JOBS:-1}"
bd="${FUZZ_BUILD_DIR:-build-fuzz}"

prefix_args=()
if [ -n "${STRATSTAB_FUZZ_YAML_CPP_PREFIX:-}" ]; then
  prefix_args=("-DCMAKE_PREFIX_PATH=${STRATSTAB_FUZZ_YAML_CPP_PREFIX}")
fi
launcher_args=()
if command -v ccache >/dev/null; then launcher_args=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# -O1 -g with assertions on: the usual libFuzzer trade-off between speed and useful stacks.
CC=clang CXX=clang++ cmake -S . -B "$bd" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DSTRATSTAB_BUILD_FUZZ=ON -DSTRATSTAB_BUILD_TESTS=OFF -DSTRATSTAB_PYTHON=OFF \
  -DSTRATSTAB_BUILD_BENCH=OFF "${launcher_args[@]}" "${prefix_args[@]}" >/dev/null
cmake --build "$bd" -j"$(nproc)" --target "${harnesses[@]}"

# The bundled files a harness's loader reads: its seeds.
seed_dir() {
  case "$1" in
    fuzz_force_loader) echo data/forces ;;
    fuzz_scenario_loader) echo data/scenarios ;;
    fuzz_treaty_loader) echo data/treaties ;;
    fuzz_bibliography_loader) echo data/sources ;;
    fuzz_wta_loader) echo data/wta ;;
    fuzz_pathway_loader) echo data/pathways ;;
    fuzz_crisis_loader) echo data/crises ;;
    fuzz_arms_race_loader) echo data/arms_race ;;
    *) echo "unknown harness $1" >&2; exit 2 ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Replays the saved findings of one harness (fuzz/findings/<harness>/*, not README files), one
# process per file so that every finding that still fails is listed.
replay() {
  local h="$1" dir="fuzz/findings/$1" files=() f failed=0
  [ -d "$dir" ] || return 0
  mapfile -t files < <(find "$dir" -type f ! -name '*.md' | sort)
  [ ${#files[@]} -gt 0 ] || return 0
  echo "-- $h: replaying ${#files[@]} saved finding(s) from $dir"
  for f in "${files[@]}"; do
    "$bd/fuzz/$h" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" "$f" >"$bd/logs/$h.replay.log" 2>&1 && continue
    failed=1
    echo "FAIL: $h: saved finding $f still fails:" >&2
    grep -E '^==[0-9]+==.*ERROR|SUMMARY|property violated' "$bd/logs/$h.replay.log" | head -3 >&2
  done
  return "$failed"
}

# Largest input tried, bytes: about the largest bundled file of the kind, with room to grow.
max_len() {
  case "$1" in
    fuzz_force_loader) echo 65536 ;;
    fuzz_bibliography_loader) echo 32768 ;;
    *) echo 8192 ;;
  esac
}

# One fuzzing run; prints the executions and fails on a crash or on 0 executions.
run() {
  local h="$1" log="$bd/logs/$1.log" seeds extra=()
  seeds="$(seed_dir "$h")"
  mkdir -p "$bd/corpus/$h" "$bd/artifacts/$h"
  [ -d "fuzz/seeds/$h" ] && extra=("fuzz/seeds/$h")
  local rc=0
  "$bd/fuzz/$h" "$bd/corpus/$h" "$seeds" "${extra[@]}" -dict=fuzz/stratstab.dict \
    -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -max_len="$(max_len "$h")" \
    -artifact_prefix="$bd/artifacts/$h/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  local execs
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  echo "-- $h: ${execs:-0} executions in ${seconds} s, exit $rc (log $log)"
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: $h found a crash, hang or leak:" >&2
    grep -E '^==[0-9]+==ERROR|SUMMARY|ALARM|property violated|Test unit written' "$log" | head -8 >&2
    return 1
  fi
  if [ -z "$execs" ] || [ "$execs" -eq 0 ]; then
    echo "FAIL: $h executed no input" >&2
    return 1
  fi
}

mkdir -p "$bd/logs"
# Scratch folders left by harness processes that crashed or were killed (fuzz/fuzz_support.hpp).
for d in /dev/shm/stratstab-fuzz-* "${TMPDIR:-/tmp}"/stratstab-fuzz-*; do
  [ -d "$d" ] || continue
  kill -0 "${d##*-}" 2>/dev/null || rm -rf "$d"
done
status=0
for h in "${harnesses[@]}"; do replay "$h" || status=1; done
if [ "$replay_only" -eq 0 ]; then
  export -f run seed_dir max_len
  export seconds timeout_s rss_mb bd
  printf '%s\n' "${harnesses[@]}" | xargs -P"$jobs" -I{} bash -c 'run {}' || status=1
fi
exit "$status"
