#!/usr/bin/env bash
# The whole test suite (what CI runs, .ci/run). Stages, each timed, each failing when it ran
# nothing:
#   format     clang-format check of every tracked .cpp/.hpp
#   release    Release build with tests and benchmarks ON (configured explicitly, so a build/ left
#              by scripts/run.sh with them OFF is reconfigured); every unit, regression and
#              package-consumer test under CTest
#   web        the web page in Debian's chromium, headless (scripts/test-web.sh: playwright-core drives
#              it against `stratstab serve` from build/; screenshots of every plot in build/web-shots)
#   bench      the benchmarks are built, list their cases and run each once (timings are not tests)
#   data       `stratstab data check` on the bundled data
#   tidy       clang-tidy (.clang-tidy's set) over src/ and app/ as errors, using build/
#   asan       Debug build with AddressSanitizer + UndefinedBehaviorSanitizer; the tests again
#   fuzz       the libFuzzer harnesses (fuzz/, clang, build-fuzz/): the saved findings replayed,
#              then about FUZZ_SMOKE_S seconds (default 30) each from the bundled seeds
# STRATSTAB_TEST_SKIP="fuzz tidy" skips stages by name (each skip is printed and the run ends
# with a reminder; for local iteration only, never in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"
skip=" ${STRATSTAB_TEST_SKIP:-} "
timings=()
skipped=()

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs stage NAME (the function stage_NAME) unless skipped, and records its wall time.
current=""
current_start=0
stage() {
  local name="$1"
  if [[ "$skip" == *" $name "* ]]; then
    echo "== $name: SKIPPED (STRATSTAB_TEST_SKIP)"
    skipped+=("$name")
    return
  fi
  echo "== $name"
  current="$name"
  current_start="$(date +%s)"
  "stage_$name"
  timings+=("$(printf '%-8s %4d s' "$name" "$(($(date +%s) - current_start))")")
  current=""
}

# The wall time of every stage run, also when one failed (printed on any exit).
report_timings() {
  echo "== stage wall times"
  if [ ${#timings[@]} -gt 0 ]; then printf '%s\n' "${timings[@]}"; fi
  if [ -n "$current" ]; then printf '%-8s %4d s  FAILED\n' "$current" "$(($(date +%s) - current_start))"; fi
  if [ ${#skipped[@]} -gt 0 ]; then
    echo "NOTE: skipped stages: ${skipped[*]} (this was not a full test run)"
  fi
}
trap report_timings EXIT

# CTest's count of the tests a build folder defines (those ctest ARGS... select: -R/-E), after the
# build; fails when it is 0 (configured with tests off, or test discovery found nothing).
require_tests() {
  local dir="$1" what="$2" count
  shift 2
  count="$(ctest --test-dir "$dir" -N "$@" | sed -n 's/^Total Tests: *//p')"
  [ -n "$count" ] && [ "$count" -gt 0 ] || fail "$dir defines no $what test"
  echo "$dir: $count $what tests"
}

# The kinds of test every tested build must have: GoogleTest unit tests and golden-file cases.
require_test_kinds() {
  require_tests "$1" unit -E '^(regression|package|fuzz)[.]'
  require_tests "$1" regression -R '^regression[.]'
}

stage_format() {
  local sources
  mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
  [ ${#sources[@]} -gt 0 ] || fail "no source file to check"
  clang-format --dry-run --Werror "${sources[@]}"
  echo "${#sources[@]} files formatted"
}

stage_release() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTRATSTAB_BUILD_TESTS=ON -DSTRATSTAB_BUILD_BENCH=ON \
    -DSTRATSTAB_SANITIZE=OFF -DSTRATSTAB_BUILD_FUZZ=OFF >/dev/null
  cmake --build build -j"$jobs"
  require_test_kinds build
  ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"
  # The consumer of the installed package is one of the tests; make sure it is defined (and so ran).
  require_tests build package -R '^package[.]consumer$'
}

stage_bench() {
  local count
  [ -x build/bench/stratstab_bench ] || fail "benchmarks not built (build/bench/stratstab_bench)"
  count="$(build/bench/stratstab_bench --benchmark_list_tests=true | grep -c . || true)"
  [ "$count" -gt 0 ] || fail "the benchmark program lists no benchmark"
  echo "$count benchmarks built"
  # Each case runs once (about 3 s in all), so a benchmark that no longer runs (a scenario it must
  # prepare, an API it misuses) fails here; the timings are not checked (they are not tests).
  build/bench/stratstab_bench --benchmark_min_time=0.001 >/dev/null || fail "a benchmark failed to run"
  echo "$count benchmarks ran once"
}

stage_web() {
  scripts/test-web.sh build
}

stage_tidy() {
  local files
  mapfile -t files < <(git ls-files 'src/*.cpp' 'app/*.cpp')
  [ ${#files[@]} -gt 0 ] || fail "no file for clang-tidy"
  [ -f build/compile_commands.json ] || fail "build/compile_commands.json missing (release stage)"
  # Every warning of .clang-tidy's checks is an error; files in parallel, four per process.
  printf '%s\n' "${files[@]}" |
    xargs -P"$jobs" -n4 clang-tidy -p build --quiet --warnings-as-errors='*' ||
    fail "clang-tidy reported problems (above)"
  echo "${#files[@]} files clean"
}

stage_asan() {
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSTRATSTAB_SANITIZE=ON -DSTRATSTAB_BUILD_FUZZ=OFF -DSTRATSTAB_BUILD_TESTS=ON \
    -DSTRATSTAB_PYTHON=OFF \
    -DSTRATSTAB_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  require_test_kinds build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"
}

stage_fuzz() {
  # scripts/fuzz.sh fails on a crash, on a saved finding that still fails, and on 0 executions.
  FUZZ_JOBS="$jobs" scripts/fuzz.sh "${FUZZ_SMOKE_S:-30}"
}

stage_data() {
  local out
  out="$(./build/stratstab data check)"
  echo "$out"
  grep -q . <<<"$out" || fail "data check printed nothing"
}

stage format
stage release
stage web
stage bench
stage data
stage tidy
stage asan
stage fuzz

