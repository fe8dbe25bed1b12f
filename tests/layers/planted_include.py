#!/usr/bin/env python3
"""The layer check must fail on a bad include (a check that cannot fail checks nothing).

Copies the tree's src/ and include/ to a temporary folder, plants in it one include of a later
stage's header (model includes report.hpp) and one public header no stage owns, and runs
scripts/check_layers.py on the copy. Passes when the check exits 1 naming both, with the planted
file and line; fails otherwise (also when the unplanted copy does not pass).

Usage: planted_include.py ROOT
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1]).resolve()
check = root / "scripts" / "check_layers.py"


def run(tree):
    r = subprocess.run([sys.executable, str(check), str(tree)], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


with tempfile.TemporaryDirectory() as tmp:
    tree = pathlib.Path(tmp)
    shutil.copytree(root / "src", tree / "src")
    shutil.copytree(root / "include", tree / "include")
    code, out = run(tree)
    if code != 0:
        sys.exit(f"the unplanted copy should pass, got exit {code}:\n{out}")
    target = tree / "src" / "model" / "forces.cpp"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(1, '#include "stratstab/report.hpp"\n')  # line 2
    target.write_text("".join(lines), encoding="utf-8")
    (tree / "include" / "stratstab" / "orphan.hpp").write_text("#pragma once\n", encoding="utf-8")
    code, out = run(tree)
    print(out, end="")
    expected = [
        "src/model/forces.cpp:2: model (stage 1) includes stratstab/report.hpp of report",
        "include/stratstab/orphan.hpp: no stage in src/stages.txt owns this header",
    ]
    missing = [e for e in expected if e not in out]
    if code != 1 or missing:
        sys.exit(f"expected exit 1 naming {missing or expected}, got exit {code}")
    print("planted include and unowned header both rejected")
