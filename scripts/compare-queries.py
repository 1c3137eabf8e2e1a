#!/usr/bin/env python3
"""Runs the same read queries with two kabar binaries on one store and diffs the output.

    scripts/compare-queries.py OLD_BIN NEW_BIN DB [NEW_DB] [--ids N] [--no-serve]

NEW_DB (default DB) is a copy of DB for the new binary, when it migrates the store to a
schema the old binary cannot open.

CLI: `articles`, `events`, `stories`, `entities` (text and --json, whole and paged with
sorts and filters), `story ID` and `entity ID` (text and --json) for up to N stories and
entities (default 40; spread over the list), `search` for a few words, and every `export`
table. Server (unless --no-serve): both binaries serve the store read-only on free ports
and the same pages and API calls (lists with filters, records, search, exports) are
fetched from each. Exit 0 when every output is byte-identical, 1 otherwise.
Stdlib only (no jq, no curl).
"""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


DBS = {}


def run(binary, db, args):
    db = DBS.get(binary, db)
    p = subprocess.run([binary, "--db", db, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


def spread(items, n):
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def cli_cases(binary, db, n):
    _, out, _ = run(binary, db, ["stories", "--json"])
    stories = [s["id"] for s in json.loads(out)]
    _, out, _ = run(binary, db, ["entities", "--json"])
    ents = json.loads(out)
    entities = [e["id"] for e in ents]
    names = [e["name"] for e in ents[:5]]
    cases = []
    for lst in ["articles", "events", "stories", "entities"]:
        cases += [[lst], [lst, "--json"], [lst, "--json", "--limit", "7", "--offset", "3"]]
        if lst != "entities":
            for s in ["latest", "oldest", "biggest"]:
                cases.append([lst, "--json", "--limit", "10", "--sort", s])
            cases.append([lst, "--limit", "5", "--sort", "growth"] if lst == "stories" else [lst, "--limit", "5"])
            if entities:
                cases.append([lst, "--json", "--limit", "20", "--entity", entities[0]])
    for s in spread(stories, n):
        cases += [["story", s], ["story", s, "--json"]]
    for e in spread(entities, n):
        cases += [["entity", e], ["entity", e, "--json"]]
    for nm in names:
        cases.append(["entity", nm, "--json"])
    for q in ["banjir", "presiden jokowi", "gempa bumi", "zzzznothing", "indonesia"]:
        cases += [["search", q], ["search", q, "--json", "--limit", "50"]]
    for t in ["events", "actions", "entities", "articles"]:
        for f in ["jsonl", "csv"]:
            cases.append(["export", t, "--format", f])
    return cases, stories, entities


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def serve(binary, db):
    db = DBS.get(binary, db)
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--db", db, "serve", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/v1/health", timeout=5).read()
            return proc, base
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{binary} serve did not answer on {base}")


def fetch(base, path):
    try:
        r = urllib.request.urlopen(base + path, timeout=120)
        headers = {k.lower(): v for k, v in r.headers.items() if k.lower().startswith("x-")}
        return r.status, json.dumps(headers, sort_keys=True).encode(), r.read()
    except urllib.error.HTTPError as e:
        return e.code, b"", e.read()


def http_paths(stories, entities, n):
    q = urllib.parse.quote
    paths = ["/", "/stories", "/events", "/articles", "/entities", "/search?q=banjir"]
    for lst in ["stories", "events", "articles"]:
        for s in ["latest", "oldest", "biggest"]:
            paths.append(f"/api/v1/{lst}?limit=100&sort={s}")
            paths.append(f"/{lst}?sort={s}&page=2")
        if entities:
            paths.append(f"/api/v1/{lst}?entity={q(entities[0])}")
            paths.append(f"/{lst}?entity={q(entities[0])}&from=2000-01-01&to=2100-01-01")
    paths += ["/api/v1/stories?sort=growth", "/api/v1/entities?type=PER&limit=100",
              "/api/v1/entities?q=a&limit=100", "/entities?type=ORG&page=2",
              "/api/v1/search?q=banjir&limit=100", "/api/v1/search?q=presiden&offset=20"]
    for s in spread(stories, n):
        paths += [f"/stories/{q(s)}", f"/api/v1/stories/{q(s)}"]
    for e in spread(entities, n):
        paths += [f"/entities/{q(e)}", f"/api/v1/entities/{q(e)}"]
    for t in ["events", "entities", "articles", "actions"]:
        paths.append(f"/api/v1/export/{t}?format=jsonl")
    return paths


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        raise SystemExit(__doc__)
    old, new, db = args[:3]
    if len(args) > 3 and not args[3].startswith("--"):
        DBS[new] = args[3]
    n = int(args[args.index("--ids") + 1]) if "--ids" in args else 40
    cases, stories, entities = cli_cases(old, db, n)
    bad = 0
    for c in cases:
        a, b = run(old, db, c), run(new, db, c)
        if a != b:
            bad += 1
            print("DIFFERENT kabar", " ".join(c))
    print(f"CLI: {len(cases) - bad} of {len(cases)} outputs identical")
    if "--no-serve" not in args:
        # events and articles of the stories, for their pages
        _, out, _ = run(old, db, ["events", "--json", "--limit", "200"])
        events = [e["id"] for e in json.loads(out)]
        _, out, _ = run(old, db, ["articles", "--json", "--limit", "200"])
        arts = [a["id"] for a in json.loads(out)]
        paths = http_paths(stories, entities, n)
        for e in spread(events, n):
            paths += [f"/events/{urllib.parse.quote(e)}", f"/api/v1/events/{urllib.parse.quote(e)}"]
        for a in spread(arts, n):
            paths += [f"/articles/{urllib.parse.quote(a)}", f"/api/v1/articles/{urllib.parse.quote(a)}"]
        (po, bo), (pn, bn) = serve(old, db), serve(new, db)
        hbad = 0
        try:
            for p in paths:
                if fetch(bo, p) != fetch(bn, p):
                    hbad += 1
                    print("DIFFERENT GET", p)
        finally:
            po.kill()
            pn.kill()
        print(f"HTTP: {len(paths) - hbad} of {len(paths)} responses identical")
        bad += hbad
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
