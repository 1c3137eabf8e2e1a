"""Corpus generator helpers: the articles are written in s1..s5.py and oneoff.py; build.py writes the input files and gold.json."""
import copy as _copy

ARTICLES = []

CURLY_OUTLETS = {"Harian Cakrawala", "Jakarta Ledger"}


def curly(p):
    """Straight double quotes to typographic pairs, as some outlets' CMS do."""
    out, open_ = [], True
    for ch in p:
        if ch == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        else:
            out.append(ch)
    assert open_, p
    return "".join(out)


def A(**kw):
    if kw.get("outlet") in CURLY_OUTLETS:
        new = [curly(p) for p in kw["paras"]]
        if new != kw["paras"] and kw.get("copy_of"):
            kw.setdefault("edits", []).append("straight quotes turned into typographic quotes")
        kw["paras"] = new
    kw.setdefault("published", None)
    kw.setdefault("published_key", "published")  # or None to omit the key
    kw.setdefault("copy_of", None)
    kw.setdefault("edits", [])
    kw.setdefault("warnings", [])
    kw.setdefault("actions", [])
    kw.setdefault("quotes", [])
    kw.setdefault("removed", [])
    kw.setdefault("story", None)
    kw.setdefault("event", None)
    kw.setdefault("url", None)
    kw.setdefault("dateline", None)
    ARTICLES.append(kw)
    return kw

def act(type_, kind, source, target, date, trigger):
    return {"type": type_, "kind": kind, "source": source, "target": target,
            "date": date, "trigger": trigger}

def q(speaker, direct, start):
    """A quote: speaker entity id, direct or reported, and the first words of the quoted text."""
    return {"speaker": speaker, "direct": direct, "starts": start}

def copy_of(orig, **kw):
    """A syndicated near-copy of `orig`: paragraph list edited by the given operations."""
    paras = list(orig["paras"])
    for a, b in kw.pop("replace", []):
        new = [p.replace(a, b) for p in paras]
        assert new != paras, (a, b)
        paras = new
    drop = kw.pop("drop", [])
    for p in drop:
        paras.remove(p)
    for idx, line in kw.pop("insert", []):
        paras.insert(idx, line)
    tail = kw.pop("tail", None)
    if tail is not None:
        n = kw.pop("tail_len")
        paras = paras[:len(paras) - n] + tail
    d = {k: _copy.deepcopy(v) for k, v in orig.items()
         if k not in ("id", "file", "published", "url", "title", "outlet", "edits", "removed")}
    d.update(kw)
    d["paras"] = paras
    d["copy_of"] = orig["id"]
    return A(**d)
