#!/usr/bin/env python3
"""Latency of every kind of page and API call of a running `kabar serve` under N
concurrent readers (docs/BENCHMARKS.md, web section). Standard library only.

    scripts/load-pages.py http://127.0.0.1:7700 [READERS=20] [SECONDS=20]

Picks real IDs from the API first, then each reader loops over the routes in random order
for SECONDS; prints p50/p99/max per route kind and overall, and fails if any answer is
not 200.
"""
import json, os, random, sys, threading, time, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
readers = int(sys.argv[2]) if len(sys.argv) > 2 else 20
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20.0

def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.status, r.read()

def ids(path, key="id"):
    return [x[key] for x in json.loads(get(path)[1])]

q = urllib.parse.quote
stories = ids("/api/v1/stories?sort=biggest&limit=20")
articles = ids("/api/v1/articles?limit=200")
events = ids("/api/v1/events?sort=biggest&limit=20")
entities = ids("/api/v1/entities?limit=20")
kinds = {
    "home": ["/"],
    "stories list": ["/stories", "/stories?sort=growth", "/stories?sort=biggest&page=3",
                     "/stories?from=2026-05-20&to=2026-05-25"],
    "story page": [f"/stories/{q(s)}" for s in stories],
    "event page": [f"/events/{q(e)}" for e in events],
    "article page": [f"/articles/{q(a)}" for a in articles],
    "entity page": [f"/entities/{q(e)}" for e in entities],
    "lists": ["/events", "/articles", "/entities", "/entities?type=PER"],
    "search": ["/search?q=banjir", "/search?q=presiden+prabowo", "/api/v1/search?q=jakarta"],
    "api": ["/api/v1/stories", "/api/v1/articles?limit=100", "/api/v1/entities?limit=100",
            "/api/v1/events?sort=biggest"] + [f"/api/v1/stories/{q(s)}" for s in stories[:5]]
           + [f"/api/v1/articles/{q(a)}" for a in articles[:20]],
}
# scripts/load-wrk.sh takes the same route mix from here: with KABAR_WRITE_PATHS=DIR this
# writes DIR/<kind>.paths (one path a line) and DIR/all.paths (every kind weighing the
# same, as below) and exits without loading.
if os.environ.get("KABAR_WRITE_PATHS"):
    out = os.environ["KABAR_WRITE_PATHS"]
    allp = []
    for k, ps in kinds.items():
        with open(f"{out}/{k.replace(' ', '-')}.paths", "w") as f:
            f.write("\n".join(ps) + "\n")
        allp += ps * (200 // len(ps))
    with open(f"{out}/all.paths", "w") as f:
        f.write("\n".join(allp) + "\n")
    sys.exit(0)
work = [(k, p) for k, ps in kinds.items() for p in ps]
lat = {k: [] for k in kinds}
bad, sizes, lock = [], {}, threading.Lock()
stop = time.time() + seconds

def reader():
    rnd = random.Random()
    while time.time() < stop:
        k, p = rnd.choice(work)
        t = time.perf_counter()
        try:
            st, body = get(p)
        except Exception as e:  # noqa: BLE001
            st, body = str(e), b""
        dt = (time.perf_counter() - t) * 1000
        with lock:
            lat[k].append(dt)
            sizes[k] = max(sizes.get(k, 0), len(body))
            if st != 200:
                bad.append((p, st))

threads = [threading.Thread(target=reader) for _ in range(readers)]
for t in threads: t.start()
for t in threads: t.join()

def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))] if v else float("nan")

allv = [x for v in lat.values() for x in v]
print(f"{readers} readers, {seconds:.0f} s, {len(allv)} requests, {len(allv)/seconds:.0f} req/s")
print(f"{'kind':14} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'max KB':>7}")
for k, v in lat.items():
    print(f"{k:14} {len(v):6d} {pct(v,50):8.1f} {pct(v,99):8.1f} {max(v) if v else 0:8.1f} {sizes.get(k,0)/1024:7.1f}")
print(f"{'all':14} {len(allv):6d} {pct(allv,50):8.1f} {pct(allv,99):8.1f} {max(allv):8.1f}")
if bad:
    print("non-200 answers:", bad[:10])
    sys.exit(1)
