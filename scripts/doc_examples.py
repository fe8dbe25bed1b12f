#!/usr/bin/env python3
"""Checks (or rewrites) the example outputs in the project's Markdown docs.

An example is a fenced ```text block whose first line starts with `$ stratstab` (or `$ python3`,
for the Python module's examples: checked when --python and --python-path name the interpreter and
the built package, skipped otherwise, e.g. in a build without the module). Each line that
starts with `$ ` is a command; the lines up to the next `$ ` line or the end of the block are what
that command prints (stdout and stderr together, as a user sees them in a terminal). Commands run
through /bin/sh from the repository root, with `stratstab` resolved to the built executable and
the bundled data directory, so pipes (`| jq .stability`, `| head -20`) and comments (`# 0.5 s`) work
as they would for a user.

Usage:
  scripts/doc_examples.py --exe build/stratstab --check  docs/usersguide.md ...   # CTest runs this
  scripts/doc_examples.py --exe build/stratstab --update docs/usersguide.md ...   # after a change

--check exits 1 and shows the first differing lines of every example that differs; --update writes
the outputs into the files (review the diff like code). Trailing spaces are not compared: editors
strip them from Markdown.
"""
import argparse
import os
import subprocess
import sys
import tempfile

FENCE_OPEN = "```text"
FENCE_CLOSE = "```"
PROMPT = "$ "


def find_examples(lines, starts=("stratstab", "python3")):
    """Yields (first, last) line indices (exclusive of the fences) of each example block."""
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == FENCE_OPEN and i + 1 < len(lines) and any(
                lines[i + 1].startswith(PROMPT + start) for start in starts):
            j = i + 1
            while j < len(lines) and lines[j].rstrip() != FENCE_CLOSE:
                j += 1
            if j == len(lines):
                raise SystemExit(f"unterminated ```text block starting at line {i + 1}")
            yield i + 1, j
            i = j + 1
        else:
            i += 1


def split_commands(block):
    """Splits a block's lines into [(command, expected output lines)]."""
    commands = []
    for line in block:
        if line.startswith(PROMPT):
            commands.append((line[len(PROMPT):].rstrip(), []))
        else:
            commands[-1][1].append(line.rstrip())
    return commands


MARK = "@@stratstab-doc-example-end@@"


def run_block(commands, env, cwd, timeout_s):
    """Runs a block's commands in one shell (so `echo $?` sees the previous command's exit code) and
    returns each command's output lines."""
    script = []
    for command in commands:
        # The exit code survives the marker: `(exit $rc)` restores it for the next command's `$?`.
        # The braces on lines of their own let a command end in a `# comment` and send the stderr of
        # every stage of a pipe to the output.
        script.append(f"{{\n{command}\n}} 2>&1; rc=$?; printf '\\n{MARK}\\n'; (exit $rc)")
    result = subprocess.run(["/bin/sh", "-c", "\n".join(script)], env=env, cwd=cwd, capture_output=True,
                            text=True, timeout=timeout_s * len(commands))
    chunks = result.stdout.split(MARK + "\n")
    outputs = []
    for chunk in chunks[:len(commands)]:
        out = [line.rstrip() for line in chunk.split("\n")]
        while out and out[-1] == "":
            out.pop()
        outputs.append(out)
    while len(outputs) < len(commands):
        outputs.append(["<no output: the block's shell stopped early>"])
    return outputs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exe", required=True, help="the built stratstab executable")
    parser.add_argument("--data-dir", help="bundled data directory (default: <repo>/data)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--update", action="store_true")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per command")
    parser.add_argument("--python", help="the interpreter `$ python3` examples run with")
    parser.add_argument("--python-path", help="PYTHONPATH of `$ python3` examples (the built package)")
    parser.add_argument("docs", nargs="+")
    args = parser.parse_args()

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    exe = os.path.abspath(args.exe)
    if not os.access(exe, os.X_OK):
        raise SystemExit(f"{args.exe}: not an executable")
    bin_dir = tempfile.mkdtemp(prefix="stratstab-doc-examples-")
    os.symlink(exe, os.path.join(bin_dir, "stratstab"))
    env = dict(os.environ)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env["STRATSTAB_DATA_DIR"] = os.path.abspath(args.data_dir or os.path.join(repo, "data"))
    env["LC_ALL"] = "C.UTF-8"
    env["COLUMNS"] = "100"
    python = bool(args.python and args.python_path)
    if python:
        os.symlink(os.path.abspath(args.python), os.path.join(bin_dir, "python3"))
        env["PYTHONPATH"] = os.path.abspath(args.python_path)
    skipped = 0

    examples = differing = 0
    for doc in args.docs:
        with open(doc, encoding="utf-8") as f:
            lines = f.read().split("\n")
        replacements = []
        for first, last in find_examples(lines):
            if lines[first].startswith(PROMPT + "python3") and not python:
                skipped += 1
                continue
            produced = []
            commands = split_commands(lines[first:last])
            outputs = run_block([command for command, _ in commands], env, repo, args.timeout)
            for (command, expected), actual in zip(commands, outputs):
                examples += 1
                produced += [PROMPT + command] + actual
                if actual != expected:
                    differing += 1
                    if args.check:
                        report_difference(doc, first, command, expected, actual)
            replacements.append((first, last, produced))
        if args.update and replacements:
            for first, last, produced in reversed(replacements):
                lines[first:last] = produced
            with open(doc, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
    os.unlink(os.path.join(bin_dir, "stratstab"))
    if python:
        os.unlink(os.path.join(bin_dir, "python3"))
    if skipped:
        print(f"doc_examples: {skipped} Python example block(s) skipped (no --python/--python-path)")
    os.rmdir(bin_dir)
    if examples == 0:
        print("doc_examples: no examples found (a ```text block starting with `$ stratstab`)", file=sys.stderr)
        return 1
    verb = "rewritten" if args.update else "differ"
    print(f"doc_examples: {examples} examples in {len(args.docs)} files; {differing} {verb}")
    return 1 if (args.check and differing) else 0


def report_difference(doc, first, command, expected, actual):
    print(f"{doc}:{first + 1}: example `$ {command}` differs from what the tool prints:")
    shown = 0
    for k in range(max(len(expected), len(actual))):
        want = expected[k] if k < len(expected) else "<missing>"
        got = actual[k] if k < len(actual) else "<missing>"
        if want != got:
            print(f"  line {k + 1}:\n    doc:  {want}\n    tool: {got}")
            shown += 1
            if shown == 5:
                print("  ...")
                break
    print(f"  (run scripts/doc_examples.py --exe build/stratstab --update {doc} and review the diff)")


if __name__ == "__main__":
    sys.exit(main())
