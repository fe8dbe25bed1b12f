#!/usr/bin/env python3
"""Writes a random weapon-target assignment problem in the form of the literature's benchmark sets:
W weapon kinds with 1 to U weapons each, T targets of whole value 1-100, every pair present with a
single-shot kill probability uniform in [0.6, 0.9]; the kill probabilities as CSV
(kill_probability_csv). Seeded, so the figures of docs/methods.md §10 "Integer mode" can be rerun:

  scripts/wta-instance.py 50 100 1 42 /tmp/a && build/stratstab wta /tmp/a.yaml --integer
"""
import random
import sys

if len(sys.argv) != 6:
    raise SystemExit("usage: wta-instance.py WEAPONS TARGETS MAX_UNITS SEED OUT (writes OUT.yaml and OUT.csv)")
weapons, targets, units, seed = (int(a) for a in sys.argv[1:5])
out = sys.argv[5]
r = random.Random(seed)
lines = [f"name: random {weapons} x {targets}, 1-{units} weapons per kind, seed {seed}", "weapons:"]
lines += [f"  - {{id: w{w}, available: {r.randint(1, units)}}}" for w in range(weapons)]
lines += ["targets:"] + [f"  - {{id: t{t}, value: {r.randint(1, 100)}}}" for t in range(targets)]
lines += [f"kill_probability_csv: {out.rsplit('/', 1)[-1]}.csv"]
with open(out + ".yaml", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open(out + ".csv", "w", encoding="utf-8") as f:
    f.write("weapon,target,p\n")
    for w in range(weapons):
        for t in range(targets):
            f.write(f"w{w},t{t},{r.uniform(0.6, 0.9):.4f}\n")
