#!/usr/bin/env python3
"""Loads every bundled YAML file with a YAML 1.1 reader (PyYAML, as a Python user of the data
would) and checks that every `grade` reads as a string.

YAML 1.1 reads the plain scalars OFF/ON/YES/NO (any case) as booleans, so an unquoted `grade: OFF`
becomes False there while yaml-cpp, used by stratstab, reads the text. The bundled files quote it.
Usage: grades_are_strings.py DATA_DIR [DATA_DIR...]; exit 0 when every grade is a string, 1 otherwise.
"""
import pathlib
import sys

import yaml


def walk(node, path, problems):
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "grade" and not isinstance(value, str):
                problems.append(f"{here}: read as {type(value).__name__} {value!r}, expected a string (quote it)")
            walk(value, here, problems)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            walk(value, f"{path}[{index}]", problems)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    files = sorted(f for d in argv[1:] for f in pathlib.Path(d).rglob("*.yaml"))
    problems = []
    grades = 0
    for file in files:
        with open(file, encoding="utf-8") as stream:
            for document in yaml.safe_load_all(stream):
                found = []
                walk(document, "", found)
                problems += [f"{file}: {p}" for p in found]
                grades += str(document).count("'grade'")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {grades} grades read with a YAML 1.1 reader, {len(problems)} not strings")
    if not files or grades == 0:
        print("no bundled YAML files or grades found", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
