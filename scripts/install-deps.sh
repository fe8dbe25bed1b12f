#!/usr/bin/env bash
# Installs the Debian 12 packages stratstab needs to build, test and benchmark.
# Uses sudo when not root. Skips apt entirely when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake            # g++ 12, make, CMake >= 3.25
  libyaml-cpp-dev                  # YAML input files (force data, scenarios), with line/column marks
  nlohmann-json3-dev               # JSON output (--json) and regression comparisons
  libcli11-dev                     # command-line parsing
  libfmt-dev                       # text formatting
  libgtest-dev                     # unit tests (GoogleTest, run under CTest)
  libbenchmark-dev                 # benchmarks in bench/ (Google Benchmark)
  clang-format                     # formatting check in the test command
  clang-tidy                       # static checks (.clang-tidy) in the test command
  clang libclang-rt-14-dev         # libFuzzer harnesses in fuzz/ (clang, libFuzzer, sanitizer runtimes)
  dpkg-dev                         # dpkg-source: scripts/build-fuzz-yaml-cpp.sh (instrumented yaml-cpp)
  pkg-config                       # finds the COIN-OR libraries below
  coinor-libclp-dev                # Clp: linear programmes (exact counterforce draw-down over attack patterns)
  libopenturns-dev                 # OpenTURNS: distributions, Latin hypercube / Monte Carlo designs (uncertainty runs)
  libsqlite3-dev                   # SQLite: the results store of ensemble runs (--out FILE.sqlite, --resume)
  sqlite3                          # the sqlite3 command: the guide's store queries, which the tests run
  libopenmpi-dev openmpi-bin       # OpenMPI (optional): `mpirun -n N stratstab sweep` across machines, and its test
  coinor-libipopt-dev              # Ipopt: independent NLP reference for the WTA solver (tests and benchmarks only)
  python3                          # scripts/doc_examples.py: checks the example outputs in docs/ (a test)
  jq                               # used by JSON examples in docs/usersguide.md, which the tests run
  python3-yaml                     # test: the bundled data read by a YAML 1.1 reader (PyYAML), grades stay strings
  libcpp-httplib-dev               # cpp-httplib: the HTTP server of `stratstab serve` (the web page and its API)
  chromium                         # the browser the web page's tests drive headless (scripts/test-web.sh)
  wrk                              # HTTP load test of `stratstab serve` (bench/serve_load.sh; run by hand)
  python3-scipy                    # scripts/wta-optimum.py: proven WTA optima by HiGHS MILP (run by hand)
  pybind11-dev python3-dev         # the Python module `import stratstab` (pybind11 and Python's headers)
  python3-pandas                   # the Python module's DataFrames (sweeps, uncertainty samples, data)
  python3-pytest                   # the Python module's tests (python/tests, under CTest)
  python3-matplotlib               # the example notebook's plots (examples/what-if-both-upload.ipynb)
  jupyter-nbconvert python3-ipykernel  # the test command executes the example notebook
)
# Node.js and npm fetch the page's plot library and the browser-test driver from the npm registry
# (web/package-lock.json). Debian's nodejs (18) is enough; a newer node already on the machine is used.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
install_web_modules() {
  # npm ci installs exactly the lockfile (and wipes node_modules first): only when it changed.
  local web
  web="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/web"
  if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    echo "Installing the web page's npm packages (web/package-lock.json)"
    (cd "$web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}
if [ ${#missing[@]} -eq 0 ]; then
  install_web_modules
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
install_web_modules
