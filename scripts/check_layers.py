#!/usr/bin/env python3
"""The folders of src/ depend only on the stages before them.

Reads the stage order and the owner of each public header from src/stages.txt, then every
`#include "..."` line of src/** and include/stratstab/*.hpp. A file belongs to its folder
(src/<folder>/...) or, for a public header, to the folder the table names. An include of a header
owned by a later stage is an error, printed as FILE:LINE; so is a folder or public header the table
does not list. Exit status 0 when every include points to the same or an earlier stage, 1 otherwise.

Usage: check_layers.py [ROOT]   (ROOT: the source tree, default: this script's parent's parent)
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
GENERATED = {"version.hpp"}  # configured by CMake into the build tree; owned by model (no includes)


def read_stages(path):
    """[(folder, [public headers])] in order, from lines `folder: a.hpp b.hpp` (# comments)."""
    stages = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if ":" not in line:
            sys.exit(f"{path}:{number}: expected `folder: header.hpp ...`, got {raw!r}")
        folder, headers = line.split(":", 1)
        stages.append((folder.strip(), headers.split()))
    return stages


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    src = root / "src"
    public = root / "include" / "stratstab"
    stages = read_stages(src / "stages.txt")
    rank = {folder: i for i, (folder, _) in enumerate(stages)}
    owner = {}
    problems = []
    for folder, headers in stages:
        for header in headers:
            if header in owner:
                problems.append(f"src/stages.txt: {header} is listed under both {owner[header]} and {folder}")
            owner[header] = folder
    owner.setdefault("version.hpp", stages[0][0])

    files = []  # (path shown, folder, directory for relative includes)
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".hpp") or not path.is_file():
            continue
        rel = path.relative_to(src)
        folder = rel.parts[0] if len(rel.parts) > 1 else None
        if folder not in rank:
            problems.append(f"src/{rel}: folder '{folder}' is not a stage in src/stages.txt")
            continue
        files.append((f"src/{rel}", folder, path.parent))
    for path in sorted(public.glob("*.hpp")):
        if path.name not in owner:
            problems.append(f"include/stratstab/{path.name}: no stage in src/stages.txt owns this header")
            continue
        files.append((f"include/stratstab/{path.name}", owner[path.name], path.parent))
    for header in owner:
        if header not in GENERATED and not (public / header).is_file():
            problems.append(f"src/stages.txt: {header} is not a file in include/stratstab/")

    edges = 0
    for shown, folder, directory in files:
        for number, line in enumerate((root / shown).read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            name = match.group(1)
            if name.startswith("stratstab/"):
                header = name[len("stratstab/"):]
                if header not in owner:
                    problems.append(f"{shown}:{number}: includes {name}, which no stage owns")
                    continue
                target = owner[header]
            else:
                resolved = (directory / name).resolve()
                try:
                    target = resolved.relative_to(src.resolve()).parts[0]
                except ValueError:
                    problems.append(f"{shown}:{number}: includes {name}, outside src/ and include/stratstab/")
                    continue
                if target not in rank:
                    problems.append(f"{shown}:{number}: includes {name}, in '{target}', not a stage")
                    continue
            edges += 1
            if rank[target] > rank[folder]:
                problems.append(f"{shown}:{number}: {folder} (stage {rank[folder] + 1}) includes {name} of "
                                f"{target} (stage {rank[target] + 1}), a later stage")
    for p in problems:
        print(p)
    order = " < ".join(folder for folder, _ in stages)
    print(f"{len(files)} files, {edges} includes checked against {order}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
