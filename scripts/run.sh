#!/usr/bin/env bash
# One command for a newcomer: install dependencies, build (Release) and run the main job on the
# bundled default data: the first-strike stability assessment of the US and Russia, 2026-11.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTRATSTAB_BUILD_TESTS=OFF -DSTRATSTAB_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)"
./build/stratstab assess
