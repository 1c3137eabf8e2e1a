#!/usr/bin/env bash
# kill -9 soak (docs/RELIABILITY.md): ingest a corpus into a fresh store, kill the ingest
# with SIGKILL at a random moment, check `PRAGMA integrity_check`, finish the ingest with a
# re-run, and compare what is stored with a clean, uninterrupted run. Repeats N times.
#
#   scripts/soak-kill.sh [N=100] [INPUT...]
#
# N is the number of SIGKILLs that must land while the ingest is still running: an
# iteration whose ingest finished before its kill is counted apart and does not count
# towards N (at most 3 N iterations are run).
#
# INPUT defaults to the bundled examples/articles plus a generated JSON Lines file of
# fictional articles (so the script needs nothing outside the repository). Env: KABAR
# (binary, default target/release/kabar, built if missing), BATCH (default 10), SEED.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
shift || true
BATCH=${BATCH:-10}
RANDOM=${SEED:-2026}
KABAR=${KABAR:-target/release/kabar}
[ -x "$KABAR" ] || cargo build --release --locked -p kabar-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -gt 0 ]; then
  inputs=("$@")
else
  gen="$work/gen.jsonl"
  for i in $(seq 1 150); do
    printf '{"id":"g%d","title":"Warga desa %d panen padi","published":"2025-03-%02d","text":"BANDUNG - Warga desa nomor %d di Kabupaten Bandung memanen padi pada Senin pagi. Kepala desa Rahmat Hidayat mengatakan hasil panen naik %d persen dibanding tahun lalu.\\n\\nPemerintah daerah berjanji membangun irigasi baru pada 2026."}\n' \
      "$i" "$i" $(( (i % 28) + 1 )) "$i" $(( i % 40 ))
  done >"$gen"
  inputs=(examples/articles "$gen")
fi

# What a store holds, in a canonical order: articles with their links, events, stories,
# entities, and the row counts of every table.
snapshot() {
  local db=$1
  {
    "$KABAR" --db "$db" articles --json
    "$KABAR" --db "$db" events --json
    "$KABAR" --db "$db" stories --json
    "$KABAR" --db "$db" entities --json
    for t in articles events stories entities entity_aliases entity_mentions roles actions quotes articles_fts; do
      printf '%s ' "$t"; sqlite3 "$db" "SELECT count(*) FROM $t"
    done
  } | python3 -c 'import sys, json
for line in sys.stdin:
    line = line.strip()
    try:
        v = json.loads(line)
    except ValueError:
        print(line); continue
    rows = [json.dumps(r, sort_keys=True) for r in v] if isinstance(v, list) else [json.dumps(v, sort_keys=True)]
    print("\n".join(sorted(rows)))'
}

t0=$(date +%s.%N)
"$KABAR" --db "$work/clean.db" ingest --batch "$BATCH" "${inputs[@]}" >/dev/null 2>"$work/clean.err" || [ $? -eq 2 ]
t1=$(date +%s.%N)
snapshot "$work/clean.db" >"$work/clean.snap"
clean_ms=$(python3 -c "print(int(($t1 - $t0) * 1000))")
echo "clean run: ${clean_ms} ms, $(grep -c . "$work/clean.snap") snapshot lines"

killed=0 finished_first=0 bad=0 i=0
while [ "$killed" -lt "$N" ] && [ "$i" -lt $((3 * N)) ]; do
  i=$((i + 1))
  db="$work/kill.db"
  rm -f "$db" "$db-wal" "$db-shm"
  # up to 90 % of a clean run, so most kills land mid-ingest
  delay_ms=$(( RANDOM % (clean_ms * 9 / 10 + 1) ))
  "$KABAR" --db "$db" ingest --batch "$BATCH" "${inputs[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "print($delay_ms / 1000)")"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished_first=$((finished_first + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [ -e "$db" ]; then
    ic=$(sqlite3 "$db" "PRAGMA integrity_check")
    if [ "$ic" != "ok" ]; then echo "kill $i at ${delay_ms} ms: integrity_check: $ic"; bad=$((bad + 1)); continue; fi
  fi
  "$KABAR" --db "$db" ingest --batch "$BATCH" "${inputs[@]}" >/dev/null 2>&1 || [ $? -eq 2 ]
  [ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || { echo "kill $i: integrity after re-run failed"; bad=$((bad + 1)); continue; }
  if ! snapshot "$db" | cmp -s - "$work/clean.snap"; then
    echo "kill $i at ${delay_ms} ms: store differs from the clean run"
    snapshot "$db" | diff - "$work/clean.snap" | head -5
    bad=$((bad + 1))
  fi
done
echo "iterations: $i, killed mid-run: $killed, finished before the kill: $finished_first, failures: $bad"
[ "$bad" -eq 0 ] && [ "$killed" -ge "$N" ]
