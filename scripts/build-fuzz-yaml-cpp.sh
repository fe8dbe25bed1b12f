#!/usr/bin/env bash
# Builds yaml-cpp from Debian 12's source package with the fuzzers' instrumentation (clang,
# -fsanitize=fuzzer-no-link,address,undefined), so libFuzzer sees coverage inside the YAML parser
# and the sanitizers check it. Installs it into build-fuzz-deps/yaml-cpp/prefix; then
#   STRATSTAB_FUZZ_YAML_CPP_PREFIX=$PWD/build-fuzz-deps/yaml-cpp/prefix FUZZ_BUILD_DIR=build-fuzz-yaml scripts/fuzz.sh 600
# Needs a deb-src entry for Debian 12 (bookworm) in apt's sources and `apt-get update` after it
# (docs/devguide.md, "Fuzzing"). Run by hand; the normal build uses Debian's libyaml-cpp-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/build-fuzz-deps/yaml-cpp"
mkdir -p "$root"
cd "$root"
if ! ls yaml-cpp_*.dsc >/dev/null 2>&1; then
  apt-get source --download-only yaml-cpp || {
    echo "apt-get source yaml-cpp failed: enable deb-src for bookworm (docs/devguide.md) and run apt-get update" >&2
    exit 1
  }
fi
dsc="$(ls yaml-cpp_*.dsc | head -1)"
rm -rf src build prefix
# Unpacks the upstream tarball and applies Debian's patches: the same code as libyaml-cpp-dev.
dpkg-source --no-check -x "$dsc" src >/dev/null
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
CC=clang CXX=clang++ cmake -S src -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$flags" \
  -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF -DYAML_BUILD_SHARED_LIBS=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_INSTALL_PREFIX="$root/prefix" >/dev/null
cmake --build build -j"$(nproc)"
cmake --install build >/dev/null
echo "instrumented yaml-cpp installed in $root/prefix"
