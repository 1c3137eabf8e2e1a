#!/usr/bin/env bash
# The test command: starts a private PostgreSQL cluster (for the PostgreSQL store tests,
# issue 16), runs `cargo test --workspace --locked` with its URL in KABAR_TEST_PG, and
# stops the cluster at exit. With arguments it runs `cargo test --locked ARGS` instead
# (e.g. `scripts/test.sh -p kabar-store`).
#
# PostgreSQL 15 or later, and Chromium with chromedriver (for the browser tests), are
# installed from the distribution when missing (apt-get, as root). The cluster lives in a
# temporary folder, listens on a loopback port only, trusts local connections, and runs as
# the `postgres` user when this script runs as root (PostgreSQL refuses to run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

find_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            echo "$d"
            return 0
        fi
    done
    command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
    return 1
}

if ! PGBIN=$(find_bin); then
    echo "== installing postgresql (distribution package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(find_bin)
fi

# The browser tests (crates/kabar-cli/tests/browser.rs) drive Debian's headless Chromium
# through chromedriver; under CI=true they fail when either is missing.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "== installing chromium and chromium-driver (distribution packages, for the browser tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
fi

WORK=$(mktemp -d /tmp/kabar-pg.XXXXXX)
PORT=${KABAR_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
if [ "$(id -u)" = 0 ]; then
    chown postgres "$WORK"
fi
stop() {
    as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap stop EXIT

echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') cluster in $WORK on 127.0.0.1:$PORT"
as_pg "$PGBIN/initdb" -D "$WORK/data" -A trust -U kabar -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log"; exit 1; }
# Durability is not under test here: skip fsync so the suite stays fast.
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w -t 60 \
    -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start >/dev/null \
    || { cat "$WORK/server.log"; exit 1; }
export KABAR_TEST_PG="postgres://kabar@127.0.0.1:$PORT/postgres"

if [ $# -gt 0 ]; then
    cargo test --locked "$@"
else
    cargo test --workspace --locked
fi
