#!/usr/bin/env python3
"""Agreement of two fact-matrix annotations (offset files made by scripts/fact-anchors.py).

On the events both files annotate, a cell of one matches a cell of the other when they
have the same event, kind and article (corpus key) and their char spans overlap. Prints,
per kind and overall, the cells each side has, the matched cells and the F1 of the two
(agreement; symmetric), and for numbers how often matched cells give the same value.

usage: scripts/fact-agreement.py A.tsv B.tsv
"""
import sys
from collections import defaultdict


def load(path):
    cells = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or line.startswith("event\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        cells.append({"event": f[0], "fact": f[1], "kind": f[2], "key": f[3],
                      "start": int(f[4]), "end": int(f[5]), "value": f[6]})
    return cells


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    a, b = load(sys.argv[1]), load(sys.argv[2])
    common = {c["event"] for c in a} & {c["event"] for c in b}
    a = [c for c in a if c["event"] in common]
    b = [c for c in b if c["event"] in common]
    used = set()
    stats = defaultdict(lambda: [0, 0, 0, 0])  # a cells, b cells, matched, same value
    for c in a:
        stats[c["kind"]][0] += 1
    for c in b:
        stats[c["kind"]][1] += 1
    for c in a:
        for j, d in enumerate(b):
            if j in used or (c["event"], c["kind"], c["key"]) != (d["event"], d["kind"], d["key"]):
                continue
            if c["start"] < d["end"] and d["start"] < c["end"]:
                used.add(j)
                stats[c["kind"]][2] += 1
                if c["value"].strip().lower() == d["value"].strip().lower():
                    stats[c["kind"]][3] += 1
                break
    total = [0, 0, 0, 0]
    print(f"{len(common)} events annotated by both")
    for kind in sorted(stats):
        s = stats[kind]
        total = [x + y for x, y in zip(total, s)]
        report(kind, s)
    report("all", total)


def report(kind, s):
    na, nb, m, same = s
    f1 = 2 * m / (na + nb) if na + nb else 0.0
    print(f"{kind:7} A {na:3}  B {nb:3}  matched {m:3}  agreement F1 {100 * f1:5.1f} %"
          f"  same value {same}/{m}")


if __name__ == "__main__":
    main()
