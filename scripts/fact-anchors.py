#!/usr/bin/env python3
"""Turns a fact-matrix annotation made with anchor phrases into the offsets-only gold file.

Annotators copy a few exact words of the article for each fact (their scratch file stays
outside the repository); this finds each anchor in the article's cleaned text, as dumped by
`cargo run --release -p kabar-compare --example eval_real -- [--audit] --dump DIR`, and
writes `event, fact, kind, key, start, end, value, about` with char offsets — no article
text — for `crates/kabar-compare/data/gold/facts-*.tsv`.

usage: scripts/fact-anchors.py ANCHORS.tsv DUMP_DIR OUT.tsv
Anchors columns: file, fact, kind, outlet, key, anchor, occurrence, value, about.
"""
import re
import sys
from pathlib import Path


def texts_of(dump: Path, event: str) -> dict:
    """corpus key -> cleaned text of one dumped event file."""
    out, key, buf = {}, None, []
    for line in (dump / f"{event}.txt").read_text(encoding="utf-8").split("\n"):
        m = re.match(r"^=== (.+?) \| .* \| .*$", line)
        if m:
            if key is not None:
                out[key] = "\n".join(buf).rstrip("\n")
            key, buf = m.group(1), []
        else:
            buf.append(line)
    if key is not None:
        out[key] = "\n".join(buf).rstrip("\n")
    return out


def fold(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def find(text: str, anchor: str, occurrence: int):
    """Char span of the occurrence-th anchor: exact, else quote-folded, else spaces loose."""
    for hay, needle in ((text, anchor), (fold(text), fold(anchor))):
        at = -1
        for _ in range(occurrence):
            at = hay.find(needle, at + 1)
            if at < 0:
                break
        if at >= 0:
            return at, at + len(needle)
    pattern = r"\s+".join(re.escape(w) for w in fold(anchor).split())
    hits = list(re.finditer(pattern, fold(text)))
    if len(hits) >= occurrence:
        h = hits[occurrence - 1]
        return h.start(), h.end()
    return None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    anchors, dump, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    cache, rows, missed = {}, [], 0
    for n, line in enumerate(anchors.read_text(encoding="utf-8").splitlines(), 1):
        f = line.split("\t")
        if n == 1 and f[0] == "file" or not line.strip() or line.startswith("#"):
            continue
        if len(f) < 9:
            print(f"{anchors}:{n}: expected 9 columns, got {len(f)}", file=sys.stderr)
            missed += 1
            continue
        event, fact, kind, _outlet, key, anchor, occ, value, about = (x.strip() for x in f[:9])
        if event not in cache:
            cache[event] = texts_of(dump, event)
        text = cache[event].get(key)
        span = find(text, anchor, int(occ or 1)) if text is not None else None
        if span is None:
            print(f"{anchors}:{n}: anchor not found in {key}", file=sys.stderr)
            missed += 1
            continue
        rows.append((event, fact, kind, key, span[0], span[1], value, about))
    with out.open("w", encoding="utf-8") as w:
        w.write("event\tfact\tkind\tkey\tstart\tend\tvalue\tabout\n")
        for r in rows:
            w.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {len(rows)} cells to {out}; {missed} line(s) not placed", file=sys.stderr)


if __name__ == "__main__":
    main()
