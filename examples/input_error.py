"""A bad input raises stratstab.InputError with the CLI's located diagnostics (docs/usersguide.md,
"Python"): a posture that does not exist, and a scenario file with a broken line."""
import stratstab

try:
    stratstab.assess(set={"options.posture": "sideways"})
except stratstab.InputError as e:
    d = e.diagnostics[0]
    print(d.key_path, "|", d)

broken = "sides:\n  - id: A\n    abstract: {nf: [100, mf: 3}\n"
try:
    stratstab.assess(broken)
except stratstab.InputError as e:
    d = e.diagnostics[0]
    print(f"line {d.line}, column {d.column}: {d.message}")
