#!/usr/bin/env bash
# Copies the browser test's plot screenshots (BUILD_DIR/web-shots, made by scripts/test-web.sh) into
# docs/images/web-<plot>.png, the pictures of the user's guide section "The web page". Run after a
# change to the page: scripts/test-web.sh build && scripts/update-screenshots.sh build
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shots="${1:-$repo/build}/web-shots"
for plot in drawdown costs square sweep upload pathways tornado sobol histogram; do
  [ -f "$shots/$plot.png" ] || { echo "no $shots/$plot.png: run scripts/test-web.sh first" >&2; exit 1; }
  cp "$shots/$plot.png" "$repo/docs/images/web-$plot.png"
done
echo "docs/images/web-*.png updated from $shots"
