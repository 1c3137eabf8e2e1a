import csv, io, json, os, sys, html as H
sys.path.insert(0, os.path.dirname(__file__))
import lib
import importlib
MODS = [m for m in ["s1", "s2", "s3", "s4", "s5", "oneoff"] if os.path.exists(os.path.join(os.path.dirname(__file__), m + ".py"))]
for m in MODS:
    importlib.import_module(m)
import meta

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

def text(a):
    return "\n\n".join(a["paras"])

by_file = {}
for a in sorted(lib.ARTICLES, key=lambda a: (a["true_date"], a["id"])):
    by_file.setdefault(a["file"], []).append(a)

rows = {}
for f, arts in by_file.items():
    p = os.path.join(OUT, f)
    ext = f.rsplit(".", 1)[1]
    if ext == "jsonl":
        with open(p, "w", encoding="utf-8") as fh:
            for i, a in enumerate(arts, 1):
                o = {"id": a["id"], "title": a["title"], "url": a["url"], "outlet": a["outlet"]}
                if a["published_key"]:
                    o[a["published_key"]] = a["published"]
                o["text"] = text(a)
                fh.write(json.dumps(o, ensure_ascii=False) + "\n")
                rows[a["id"]] = i
    elif ext == "csv":
        with open(p, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "title", "url", "outlet", "date", "content"])
            for i, a in enumerate(arts, 1):
                w.writerow([a["id"], a["title"], a["url"], a["outlet"], a["published"] or "", text(a)])
                rows[a["id"]] = i
    elif ext == "json":
        objs = []
        for a in arts:
            o = {"id": a["id"], "title": a["title"], "url": a["url"], "outlet": a["outlet"]}
            o[a.get("published_key") or "published"] = a["published"]
            o[a.get("text_key", "text")] = text(a)
            objs.append(o)
        single = a.get("json_single", False)
        with open(p, "w", encoding="utf-8") as fh:
            json.dump(objs[0] if single else objs, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        for i, a in enumerate(arts, 1):
            rows[a["id"]] = None if single else i
    elif ext == "txt":
        (a,) = arts
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(a["title"] + "\n\n" + text(a) + "\n")
        rows[a["id"]] = None
    elif ext == "html":
        (a,) = arts
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(meta.render_html(a))
        rows[a["id"]] = None
    else:
        raise SystemExit(f"unknown ext {f}")

# ---- gold ----
import re
from collections import Counter
DEKS = {"jl-001", "hc-001"}

def removed_pieces(a):
    out = []
    paras = a["paras"]
    for i, p in enumerate(paras):
        if i == 0 and a["id"] in DEKS:
            out.append({"kind": "other", "text": p, "why": "dek repeating the lede"})
            continue
        m = re.search(r"\(Baca juga: [^)]*\)", p)
        if m and not p.startswith("("):
            out.append({"kind": "read_also", "text": m.group(0), "why": "inline"})
        elif re.match(r"\(?(Baca juga|BACA JUGA):", p):
            out.append({"kind": "read_also", "text": p})
        elif re.search(r"(Foto|Photo): ", p):
            out.append({"kind": "caption", "text": p})
        elif re.match(r"(Pewarta|Editor|Penulis|Sumber):|With reporting", p):
            out.append({"kind": "byline", "text": p})
        elif re.match(r"(Tags|Topik):", p):
            out.append({"kind": "keywords", "text": p})
        elif re.fullmatch(r"\([^()]{1,12}\)", p):
            out.append({"kind": "signature", "text": p})
        elif p in ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"):
            out.append({"kind": "other", "text": p})
        if i == 0 and a.get("html_caption"):
            out.append({"kind": "caption", "text": a["html_caption"], "why": "HTML figcaption; an extractor may drop it without reporting it"})
    return out

def body_paras(a, removed):
    whole = {r["text"] for r in removed if r.get("why") != "inline"}
    out = []
    for p in a["paras"]:
        if p in whole:
            continue
        for r in removed:
            if r.get("why") == "inline" and r["text"] in p:
                p = re.sub(r"\s+", " ", p.replace(r["text"], " ")).strip()
        out.append(p)
    return out

DL = re.compile(r"^([A-Z][A-Za-z ]+?)(?:, (?:Oct|Dec) \d+)?(?:,? ?\(([A-Z]+)\)|, ([A-Za-z ]+?))? [-—–] ")

arts_gold = []
for a in lib.ARTICLES:
    rem = removed_pieces(a)
    hand = Counter(a["removed"]); auto = Counter(r["kind"] for r in rem)
    assert hand == auto, (a["id"], hand, auto)
    body = body_paras(a, rem)
    m = DL.match(body[0])
    assert m, (a["id"], body[0][:50])
    dl_text = m.group(0).strip()
    lede = body[0][m.end():]
    ext = a["file"].rsplit(".", 1)[1]
    has_ext_id = ext in ("jsonl", "json", "csv")
    arts_gold.append({
        "id": a["id"],
        "external_id": a["id"] if has_ext_id else None,
        "file": a["file"],
        "row": rows[a["id"]],
        "outlet": a.get("true_outlet") or a["outlet"],
        "outlet_in_input": a["outlet"] is not None,
        "lang": a["lang"],
        "title": a["title"],
        "published_input": a["published"],
        "date": a["true_date"],
        "date_in_input": a["published"] is not None,
        "dateline": a["dateline"],
        "story": a["story"],
        "event": a["event"],
        "duplicate_of": a["copy_of"],
        "edits": a["edits"],
        "removed": rem,
        "body_paragraphs": len(body),
        "dateline_text": dl_text,
        "dateline_outlet": m.group(2) or m.group(3),
        "lede_starts": lede[:60],
        "warnings": a["warnings"],
        "actions": a["actions"],
        "quotes": a["quotes"],
        "notes": a.get("notes"),
    })
    # sanity: quotes' starts occur in text; triggers occur in text; removed lines occur
    t = text(a)
    for qq in a["quotes"]:
        assert qq["starts"] in t, (a["id"], qq["starts"])
    for ac in a["actions"]:
        assert ac["trigger"] in t, (a["id"], ac["trigger"])
    for w in a["warnings"]:
        assert w["text"] in t, (a["id"], w)

ids = {a["id"] for a in lib.ARTICLES}
assert len(ids) == len(lib.ARTICLES), "duplicate ids"
stories = meta.stories(lib.ARTICLES)
gold = {
    "version": 1,
    "corpus": "examples/articles",
    "articles": arts_gold,
    "stories": stories,
    "duplicates": [{"original": a["copy_of"], "copy": a["id"], "edits": a["edits"]} for a in lib.ARTICLES if a["copy_of"]],
    "entities": meta.ENTITIES,
    "must_not_merge": meta.MUST_NOT_MERGE,
    "roles": meta.ROLES,
}
# entity ids referenced exist
known = {e["id"] for e in meta.ENTITIES}
for a in lib.ARTICLES:
    for ac in a["actions"]:
        for e in ac["source"] + ac["target"]:
            assert e in known, (a["id"], e)
    for qq in a["quotes"]:
        assert qq["speaker"] in known, (a["id"], qq["speaker"])
for r in meta.ROLES:
    assert r["entity"] in known, r
    for ev in r["evidence"]:
        assert ev in ids, r
GOLD_DIR = sys.argv[2] if len(sys.argv) > 2 else OUT
os.makedirs(GOLD_DIR, exist_ok=True)
with open(os.path.join(GOLD_DIR, "gold.json"), "w", encoding="utf-8") as fh:
    json.dump(gold, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
from collections import Counter
print(len(lib.ARTICLES), "articles", Counter(a["lang"] for a in lib.ARTICLES),
      len({a.get('true_outlet') or a['outlet'] for a in lib.ARTICLES} - {None}), "outlets",
      len(gold["duplicates"]), "copies")
