#!/usr/bin/env python3
"""Checks that the repository cites its own method, docs/methods.md, and only sections it has.

The citation format (docs/devguide.md, "Citing the method"):

  docs/methods.md §N            a section, N = 7, 12.3, ... (a heading `## 7. ...` or `### 12.3 ...`)
  docs/methods.md §N–M          a range (en dash or hyphen); both ends must exist
  docs/methods.md §N, §M and §K a list: every item must exist
  `docs/methods.md` §N          the same, with the file name in backticks (Markdown)

Rules, by where a file is:

  src/, include/, app/ (the library and the command: comments, --help texts, report strings)
    - every `§` is part of a citation in the format above; in Markdown files (src/README.md) a bare
      `§N` is also allowed and means docs/methods.md (that README says so);
    - every cited section exists;
    - no file names a method, data or style note kept outside the repository (the three names in
      OUTSIDE_NOTES below): cite docs/methods.md, or the public source itself;
    - no text refers to a numbered issue ("issue 5"), which a reader of the code cannot open: say
      the reason itself.
  docs/methods.md itself: every `§N` (a cross-reference inside the document) exists.
  Everything else that is checked (tests/, bench/, scripts/, cmake/, data/, docs/, fuzz/ except
  the byte-exact reproducers in fuzz/findings and fuzz/pending, README.md, CMakeLists.txt):
    - every explicit `docs/methods.md §N` citation exists;
    - no file names a note kept outside the repository.

Usage:
  scripts/check_citations.py [--root DIR]   # exit 0 when all is well, 1 with one line per problem
  scripts/check_citations.py --self-test    # plants each kind of bad citation in a scratch tree
                                            # and checks that each is reported (CTest runs both)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

METHODS = "docs/methods.md"
HEADING = re.compile(r"^#{2,6} (\d+(?:\.\d+)*)\.?\s")
NUM = r"\d+(?:\.\d+)*"
REF = rf"§{NUM}(?:[–-]{NUM})?"
REF_LIST = rf"{REF}(?:(?:, | and ){REF})*"
CITATION = re.compile(rf"docs/methods\.md`? ({REF_LIST})")
BARE_REFS = re.compile(REF_LIST)
WRAPPED_END = re.compile(r"docs/methods\.md`?$")
WRAPPED_START = re.compile(rf"^\s*(?:(?://+|#+|\*|-)\s*)?({REF_LIST})")
MALFORMED = re.compile(r"docs/methods\.md`? §(?!\d)")
# Notes that live outside the repository (spelled so that this file does not name them itself).
OUTSIDE_NOTES = ("METHOD", "DATA_SOURCES", "STYLE")
OUTSIDE = re.compile(r"\b(?:" + "|".join(OUTSIDE_NOTES) + r")\.md\b")
ISSUE = re.compile(r"(?<![\w/-])issues?[ -]?#?\d+", re.IGNORECASE)  # not a file name (research-issue5.md)

STRICT_ROOTS = ("src", "include", "app")
LOOSE_ROOTS = ("tests", "bench", "scripts", "cmake", "data", "docs", "fuzz", "README.md", "CMakeLists.txt")
SKIPPED = ("fuzz/findings", "fuzz/pending")  # reproducers are kept byte for byte


def sections(methods_text):
    """The section numbers of docs/methods.md, from its headings."""
    found = set()
    for line in methods_text.splitlines():
        m = HEADING.match(line)
        if m:
            found.add(m.group(1))
    return found


def refs_in(ref_list):
    """Section numbers named by a list such as `§7, §12.1–12.3 and §9`."""
    return [n for item in re.split(r", | and ", ref_list) for n in re.split(r"[–-]", item[1:])]


def files_under(root, relative):
    path = os.path.join(root, relative)
    if os.path.isfile(path):
        yield relative
        return
    for directory, subdirs, names in os.walk(path):
        rel_dir = os.path.relpath(directory, root)
        subdirs[:] = sorted(d for d in subdirs if os.path.join(rel_dir, d) not in SKIPPED)
        for name in sorted(names):
            yield os.path.join(rel_dir, name)


def read_text(root, relative):
    try:
        with open(os.path.join(root, relative), encoding="utf-8") as f:
            return f.read()
    except (UnicodeDecodeError, OSError):
        return None  # not a text file


def check_file(relative, text, known, strict, problems):
    markdown = relative.endswith(".md")
    is_methods = relative == METHODS
    if relative == "scripts/check_citations.py":
        return  # its documentation shows the format with placeholders, not citations
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        where = f"{relative}:{number}"
        m = OUTSIDE.search(line)
        if m:
            problems.append(f"{where}: names {m.group(0)}, a file outside the repository: cite {METHODS} "
                            "or the public source instead")
        if MALFORMED.search(line):
            problems.append(f"{where}: a {METHODS} citation without a section number after §")
        covered = []
        # A citation that a formatter wrapped: `docs/methods.md` ends the previous line and the
        # section list opens this one, after the comment marker.
        if number > 1 and WRAPPED_END.search(lines[number - 2]):
            w = WRAPPED_START.match(line)
            if w:
                covered.append(w.span(1))
                for n in refs_in(w.group(1)):
                    if n not in known:
                        problems.append(f"{where}: {METHODS} §{n} does not exist")
        for c in CITATION.finditer(line):
            covered.append(c.span())
            for n in refs_in(c.group(1)):
                if n not in known:
                    problems.append(f"{where}: {METHODS} §{n} does not exist")
        if strict and ISSUE.search(line):
            problems.append(f"{where}: refers to an issue by number ('{ISSUE.search(line).group(0)}'), which a "
                            "reader cannot open: say the reason itself")
        if not (strict or is_methods):
            continue
        for b in BARE_REFS.finditer(line):
            if any(start <= b.start() < end for start, end in covered):
                continue
            if not (markdown or is_methods):
                problems.append(f"{where}: '{b.group(0)}' is not written as a citation: write "
                                f"'{METHODS} {b.group(0)}'")
                continue
            for n in refs_in(b.group(0)):
                if n not in known:
                    problems.append(f"{where}: §{n} ({METHODS}) does not exist")
        # A § that is not followed by a section number at all.
        for s in re.finditer(r"§(?!\d)", line):
            if not any(start <= s.start() < end for start, end in covered):
                problems.append(f"{where}: '§' without a section number")


def check(root):
    methods_text = read_text(root, METHODS)
    if methods_text is None:
        return [f"{METHODS}: not found under {root}"], 0
    known = sections(methods_text)
    problems = []
    count = 0
    for strict, roots in ((True, STRICT_ROOTS), (False, LOOSE_ROOTS)):
        for top in roots:
            for relative in files_under(root, top):
                text = read_text(root, relative)
                if text is None:
                    continue
                count += 1
                check_file(relative, text, known, strict or relative == METHODS, problems)
    return problems, count


def run(root):
    problems, count = check(root)
    for p in problems:
        print(p)
    print(f"{count} files checked against {len(sections(read_text(root, METHODS) or ''))} sections of {METHODS}; "
          f"{len(problems)} problems")
    return 1 if problems else 0


def self_test():
    """Plants one of each mistake in a scratch tree; each must be reported, and nothing else."""
    outside = OUTSIDE_NOTES[0] + ".md"
    files = {
        METHODS: "# Methods\n\n## 1. One\n\n### 1.2 One point two\n\n## 2. Two (§1.2)\n\nSee §3.\n",
        "src/good.cpp": "// docs/methods.md §1.2, §2 and §1–2; docs/methods.md.\n// wrapped: docs/methods.md\n// §2.\n",
        "src/README.md": "Section numbers are those of docs/methods.md: physics (§1), wta (§2).\n",
        "src/bad.cpp": (f"// the spec ({outside})\n"
                        "// docs/methods.md §7\n"
                        "// see §2\n"
                        "// docs/methods.md §1–9\n"
                        "// as issue 5 asked\n"
                        "// docs/methods.md §x\n"
                        "// wrapped: docs/methods.md\n"
                        "// §8\n"),
        "app/help.cpp": 'const char* help = "Kill probability (docs/methods.md §1.3)";\n',
        "tests/unit/t.cpp": f"// docs/methods.md §12\n// {outside} §2\n// issue 10 §2\n",
        "fuzz/findings/h/crash": f"# {outside} §4\n",
    }
    expected = [
        f"{METHODS}:9: §3 ({METHODS}) does not exist",
        f"src/bad.cpp:1: names {outside}",
        "src/bad.cpp:2: docs/methods.md §7 does not exist",
        "src/bad.cpp:3: '§2' is not written as a citation",
        "src/bad.cpp:4: docs/methods.md §9 does not exist",
        "src/bad.cpp:5: refers to an issue by number",
        "src/bad.cpp:6: a docs/methods.md citation without a section number",
        "src/bad.cpp:8: docs/methods.md §8 does not exist",
        "app/help.cpp:1: docs/methods.md §1.3 does not exist",
        "tests/unit/t.cpp:1: docs/methods.md §12 does not exist",
        f"tests/unit/t.cpp:2: names {outside}",
    ]
    with tempfile.TemporaryDirectory() as root:
        for relative, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, relative)), exist_ok=True)
            with open(os.path.join(root, relative), "w", encoding="utf-8") as f:
                f.write(text)
        problems, _ = check(root)
        result = subprocess.run([sys.executable, os.path.abspath(__file__), "--root", root], capture_output=True,
                                text=True, check=False)
    failures = []
    for e in expected:
        if not any(p.startswith(e) for p in problems):
            failures.append(f"not reported: {e}")
    # src/bad.cpp:6 is reported twice (malformed citation, bare §); everything else exactly once.
    unexpected = [p for p in problems if not any(p.startswith(e) for e in expected)
                  and not p.startswith("src/bad.cpp:6: '§' without")]
    failures += [f"reported but not planted: {p}" for p in unexpected]
    if result.returncode != 1:
        failures.append(f"exit code {result.returncode} on a tree with problems, expected 1")
    for f in failures:
        print(f)
    print("self-test " + ("failed" if failures else f"passed: {len(expected)} planted problems reported, exit 1"))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        help="repository root (default: the one this script is in)")
    parser.add_argument("--self-test", action="store_true", help="check that planted mistakes are reported")
    args = parser.parse_args()
    return self_test() if args.self_test else run(args.root)


if __name__ == "__main__":
    sys.exit(main())
