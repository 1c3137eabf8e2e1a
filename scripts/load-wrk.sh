#!/bin/bash
# Latency of every kind of page and API call of a running `kabar serve` under N concurrent
# readers, with wrk (a C load generator: keep-alive connections, little client CPU) instead
# of scripts/load-pages.py's Python threads. Same route mix as load-pages.py.
#
#   scripts/load-wrk.sh http://127.0.0.1:7700 [READERS=20] [SECONDS=20] [THREADS=1]
#
# Prints one line per route kind (each loaded alone for SECONDS/2) and one for the whole mix
# (SECONDS): requests, non-2xx/3xx answers and socket errors, p50/p90/p99/max in ms.
# Needs wrk (Debian package `wrk`), curl and python3.
set -euo pipefail
base=${1:?usage: load-wrk.sh BASE_URL [READERS] [SECONDS] [THREADS]}
base=${base%/}
readers=${2:-20}
secs=${3:-20}
threads=${4:-1}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
command -v wrk >/dev/null || { echo "load-wrk.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

python3 - "$base" "$dir" <<'PY'
import json, sys, urllib.parse, urllib.request
base, out = sys.argv[1], sys.argv[2]
def ids(path):
    with urllib.request.urlopen(base + path, timeout=60) as r:
        return [x["id"] for x in json.loads(r.read())]
q = urllib.parse.quote
stories = ids("/api/v1/stories?sort=biggest&limit=20")
articles = ids("/api/v1/articles?limit=200")
events = ids("/api/v1/events?sort=biggest&limit=20")
entities = ids("/api/v1/entities?limit=20")
kinds = {
    "home": ["/"],
    "stories-list": ["/stories", "/stories?sort=growth", "/stories?sort=biggest&page=3",
                     "/stories?from=2026-05-20&to=2026-05-25"],
    "story-page": [f"/stories/{q(s)}" for s in stories],
    "event-page": [f"/events/{q(e)}" for e in events],
    "article-page": [f"/articles/{q(a)}" for a in articles],
    "entity-page": [f"/entities/{q(e)}" for e in entities],
    "lists": ["/events", "/articles", "/entities", "/entities?type=PER"],
    "search": ["/search?q=banjir", "/search?q=presiden+prabowo", "/api/v1/search?q=jakarta"],
    "api": ["/api/v1/stories", "/api/v1/articles?limit=100", "/api/v1/entities?limit=100",
            "/api/v1/events?sort=biggest"] + [f"/api/v1/stories/{q(s)}" for s in stories[:5]]
           + [f"/api/v1/articles/{q(a)}" for a in articles[:20]],
}
allp = []
for k, ps in kinds.items():
    with open(f"{out}/{k}.paths", "w") as f:
        f.write("\n".join(ps) + "\n")
    # every kind weighs the same in the mix, as in load-pages.py (a random kind, then a path)
    allp += ps * (200 // len(ps))
with open(f"{out}/all.paths", "w") as f:
    f.write("\n".join(allp) + "\n")
PY

run() { # kind seconds
  local line
  line=$(PATHS="$dir/$1.paths" wrk -t"$threads" -c"$readers" -d"$2"s --timeout 30s \
    -s "$here/load-wrk.lua" "$base" | grep -E '^RESULT|Non-2xx' | tr '\n' ' ')
  printf '%-14s %s\n' "$1" "$line"
}
half=$(( secs / 2 > 0 ? secs / 2 : 1 ))
for k in home stories-list story-page event-page article-page entity-page lists search api; do
  run "$k" "$half"
done
run all "$secs"
