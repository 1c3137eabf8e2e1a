#!/bin/bash
# Latency of every kind of page and API call of a running `kabar serve` under N concurrent
# readers, with wrk (a C load generator: keep-alive connections, little client CPU) instead
# of scripts/load-pages.py's Python threads. Same route mix: load-pages.py writes it.
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

KABAR_WRITE_PATHS="$dir" python3 "$here/load-pages.py" "$base"

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
