#!/usr/bin/env bash
# Regenerates the key reference in docs/io_formats.md from the key table (src/schema/schema.cpp), via
# `stratstab docs keys`. Run after changing the table; SchemaDocsTest fails until you do.
# Usage: scripts/update-key-reference.sh [path/to/stratstab]
set -euo pipefail
cd "$(dirname "$0")/.."
exe="${1:-build/stratstab}"
doc=docs/io_formats.md
begin='<!-- BEGIN GENERATED KEY REFERENCE (stratstab docs keys) -->'
end='<!-- END GENERATED KEY REFERENCE -->'
generated="$("$exe" docs keys)"
python3 - "$doc" "$begin" "$end" "$generated" <<'PY'
import sys
doc, begin, end, generated = sys.argv[1:5]
text = open(doc, encoding="utf-8").read()
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w", encoding="utf-8").write(head + begin + "\n" + generated + "\n\n" + end + tail)
PY
