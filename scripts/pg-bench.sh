#!/usr/bin/env bash
# Concurrent `kabar ingest` processes into one PostgreSQL store (issue 16, BENCHMARKS
# "PostgreSQL store"). Usage: scripts/pg-bench.sh URL N [CSV...]
#   URL  an admin URL of a running server (its user may create databases)
#   N    number of ingest processes; the CSV rows are split into N disjoint parts
# Prints wall time, total CPU time (user+sys of all processes) and articles per second,
# and each process's summary line (which includes its time waiting for the link lock).
# Needs a release build: cargo build --release. The split CSVs go to a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=$1; N=$2; shift 2
D=../shared/data/news-id/detik-2026
FILES=("$@"); [ ${#FILES[@]} -gt 0 ] || FILES=("$D/train.csv")
TMP=$(mktemp -d /tmp/kabar-pgbench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
python3 - "$N" "$TMP" "${FILES[@]}" <<'PY'
import csv, sys
n, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
csv.field_size_limit(1 << 30)
rows, header = [], None
for f in files:
    with open(f, newline='') as fh:
        r = csv.reader(fh)
        header = next(r)
        rows.extend(r)
for i in range(n):
    with open(f"{out}/part{i}.csv", "w", newline='') as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows[i::n])
print(f"{len(rows)} rows in {n} part(s)", file=sys.stderr)
PY
DB="kabar_bench_$$"
ADMIN_BASE=${URL%/*}
# a fresh database (created and dropped with the server's own client when present)
if command -v psql >/dev/null; then
    psql -q "$URL" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
else
    echo "psql is needed to create the benchmark database" >&2; exit 1
fi
trap 'psql -q "$URL" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
STORE="$ADMIN_BASE/$DB"
# open (and migrate) once, so the runs measure ingest only
target/release/kabar --db "$STORE" articles --json >/dev/null
start=$(date +%s.%N)
for i in $(seq 0 $((N - 1))); do
    /usr/bin/time -f "%U %S" -o "$TMP/time$i" \
        target/release/kabar --db "$STORE" ingest "$TMP/part$i.csv" >"$TMP/out$i" 2>&1 &
done
wait
end=$(date +%s.%N)
cat "$TMP"/out*
n=$(target/release/kabar --db "$STORE" articles --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
cpu=$(cat "$TMP"/time* | awk '{s += $1 + $2} END {print s}')
python3 -c "w=$end-$start; print(f'N=$N articles={$n} wall={w:.2f}s cpu={$cpu:.2f}s articles/s={$n/w:.0f} load={open(\"/proc/loadavg\").read().split()[0]}')"
