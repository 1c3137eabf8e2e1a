#!/usr/bin/env bash
# Ingests the same inputs with two kabar binaries and diffs what they stored: exports of
# events, actions, entities and articles (JSONL), `kabar stories --json`, the entity
# redirects and the linker's "why" records. Exit 0 when everything is identical.
#
#   scripts/compare-ingest.sh OLD_BIN NEW_BIN [INPUT...]
#
# Without inputs it ingests the Detik 2026 corpus (../shared/data/news-id/detik-2026).
# Set BATCH to pass `--batch N` (default: kabar's own default).
set -euo pipefail
old=${1:?usage: compare-ingest.sh OLD_BIN NEW_BIN [INPUT...]}
new=${2:?usage: compare-ingest.sh OLD_BIN NEW_BIN [INPUT...]}
shift 2
if [ $# -eq 0 ]; then
    d=../shared/data/news-id/detik-2026
    set -- "$d/train.csv" "$d/val.csv" "$d/test.csv"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
batch=()
[ -n "${BATCH:-}" ] && batch=(--batch "$BATCH")
status=0
for side in old new; do
    bin=$old
    [ "$side" = new ] && bin=$new
    db="$work/$side.db"
    "$bin" ingest --json "${batch[@]}" --db "$db" "$@" >"$work/$side.ingest.json"
    for t in events actions entities articles; do
        "$bin" export "$t" --format jsonl --db "$db" >"$work/$side.$t.jsonl"
    done
    "$bin" stories --json --db "$db" >"$work/$side.stories.json"
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$db" "SELECT from_id, to_id, reason FROM entity_redirects ORDER BY 1" \
            >"$work/$side.redirects.txt"
        sqlite3 "$db" "SELECT * FROM link_why ORDER BY 1" >"$work/$side.why.txt"
        sqlite3 "$db" "SELECT old, new FROM link_redirects ORDER BY 1" >"$work/$side.link_redirects.txt"
    fi
done
for f in ingest.json events.jsonl actions.jsonl entities.jsonl articles.jsonl stories.json \
    redirects.txt why.txt link_redirects.txt; do
    [ -e "$work/old.$f" ] || continue
    if cmp -s "$work/old.$f" "$work/new.$f"; then
        echo "same      $f ($(wc -l <"$work/new.$f") lines)"
    else
        echo "DIFFERENT $f"
        diff "$work/old.$f" "$work/new.$f" | head -20 || true
        status=1
    fi
done
exit $status
