#!/usr/bin/env bash
# Load test of `kabar serve` while `kabar ingest` writes to the same store
# (docs/RELIABILITY.md). Starts an ingest of a generated corpus of fictional articles,
# serves the store, and sends requests from several client threads until the ingest ends.
# Passes when every answer is 200 (or the 400 expected for a hostile query) and the ingest
# exits 0. Prints request counts and latency percentiles.
#
#   scripts/load-serve.sh [ARTICLES=2000] [CLIENTS=8]
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-2000}
CLIENTS=${2:-8}
KABAR=${KABAR:-target/release/kabar}
[ -x "$KABAR" ] || cargo build --release --locked -p kabar-cli
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
db="$work/k.db"
for i in $(seq 1 "$ARTICLES"); do
  printf '{"id":"g%d","title":"Banjir di kecamatan %d","published":"2025-%02d-%02d","text":"BANDUNG - Banjir melanda kecamatan nomor %d pada Senin. Bupati Rahmat Hidayat mengatakan %d rumah terendam.\\n\\nWarga mengungsi ke balai desa sejak pukul 05.00 WIB."}\n' \
    "$i" "$i" $(( (i % 12) + 1 )) $(( (i % 28) + 1 )) "$i" $(( i % 300 ))
done >"$work/in.jsonl"
# a store must exist before serving: the first article alone
head -n 1 "$work/in.jsonl" >"$work/first.jsonl"
"$KABAR" --db "$db" ingest "$work/first.jsonl" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$KABAR" --db "$db" serve --addr "127.0.0.1:$port" 2>"$work/serve.err" &
server=$!
"$KABAR" --db "$db" ingest --batch 50 "$work/in.jsonl" >"$work/ingest.out" 2>&1 &
ingest=$!
python3 - "$port" "$CLIENTS" "$ingest" <<'PY'
import sys, threading, time, urllib.request, urllib.error, os, json
port, clients, ingest = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
base = f"http://127.0.0.1:{port}/api/v1/"
paths = ["health", "articles", "events", "stories", "entities", "search?q=banjir+bandung",
         "search?q=rumah&limit=5", "entities/Rahmat%20Hidayat", "search?q=" + "+".join(f"k{i}" for i in range(40))]
expect = {p: 200 for p in paths}
expect[paths[-1]] = 400   # over the term cap
expect["entities/Rahmat%20Hidayat"] = None  # 200 once extracted, 404 before: both fine
lat, bad, lock = [], [], threading.Lock()
def alive():
    try:
        os.kill(ingest, 0); return os.waitpid(ingest, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return os.path.exists(f"/proc/{ingest}")
    except OSError:
        return False
for _ in range(200):  # wait for the server to listen
    try: urllib.request.urlopen(base + "health", timeout=1); break
    except Exception: time.sleep(0.05)
stop = threading.Event()
def client(k):
    i = k
    while not stop.is_set():
        p = paths[i % len(paths)]; i += 1
        t = time.monotonic()
        try:
            with urllib.request.urlopen(base + p, timeout=30) as r: code, body = r.status, r.read()
        except urllib.error.HTTPError as e: code, body = e.code, e.read()
        except Exception as e: code, body = -1, str(e).encode()
        dt = time.monotonic() - t
        ok = code == expect[p] if expect[p] else code in (200, 404)
        try: json.loads(body)
        except Exception: ok = False
        with lock:
            lat.append(dt)
            if not ok: bad.append((p, code, body[:200]))
threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
for t in threads: t.start()
t0 = time.monotonic()
while os.path.exists(f"/proc/{ingest}") and open(f"/proc/{ingest}/stat").read().split()[2] != "Z":
    time.sleep(0.2)
stop.set()
for t in threads: t.join()
lat.sort()
pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
print(f"{len(lat)} requests in {time.monotonic() - t0:.1f} s from {clients} clients during the ingest; "
      f"p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, max {lat[-1]*1000:.1f} ms; failures: {len(bad)}")
for b in bad[:10]: print("  ", b)
sys.exit(1 if bad or not lat else 0)
PY
rc=$?
wait "$ingest"; irc=$?
echo "ingest exit $irc: $(cat "$work/ingest.out")"
echo "articles stored: $(sqlite3 "$db" 'SELECT count(*) FROM articles') of $ARTICLES"
[ "$rc" -eq 0 ] && [ "$irc" -eq 0 ]
