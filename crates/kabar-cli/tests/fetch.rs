//! End-to-end tests of `kabar fetch`, `kabar watch` and `kabar sources` (the binary)
//! against a local HTTP server on 127.0.0.1 that the test starts: nothing touches the
//! internet. The articles served are fictional. Also: Detik CSV rows with detik.com URLs
//! are stored with their outlet (needs ../shared; fails when `CI=true` and it is absent).

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn kabar() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kabar"));
    c.env_remove("KABAR_DB").env_remove("KABAR_SOURCES");
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("kabar runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// JSON Lines or one JSON array, as a list of documents.
fn docs(o: &Output) -> Vec<Value> {
    let text = String::from_utf8_lossy(&o.stdout);
    if let Ok(Value::Array(a)) = serde_json::from_str::<Value>(&text) {
        return a;
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

// ---------------------------------------------------------------------------------------
// A small HTTP/1.1 server on std's TcpListener (one thread per connection, `Connection:
// close`): enough for fixture feeds and pages, and it keeps the CLI's dev-dependencies
// free of an async web stack.

/// The test server: its address and the paths requested so far.
struct Server {
    addr: SocketAddr,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == path)
            .count()
    }

    /// Waits until `path` was requested (at most `limit`).
    fn wait_for(&self, path: &str, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.hits(path) > 0 {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

fn start() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(Mutex::new(Vec::new()));
    let h = hits.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            let h = h.clone();
            std::thread::spawn(move || serve(conn, &h));
        }
    });
    Server { addr, hits }
}

fn serve(mut conn: TcpStream, hits: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    hits.lock().unwrap().push(path.clone());
    let (status, ctype, body, delay) = route(&path);
    if let Some(d) = delay {
        std::thread::sleep(d);
    }
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body.as_bytes());
}

type Reply = (&'static str, &'static str, String, Option<Duration>);

fn route(path: &str) -> Reply {
    const HTML: &str = "text/html; charset=utf-8";
    const RSS: &str = "application/rss+xml";
    match path {
        "/feed.xml" => ("200 OK", RSS, rss(&["/berita/1", "/berita/2"]), None),
        "/lambat.xml" => ("200 OK", RSS, rss(&["/berita/lambat"]), None),
        "/rusak.xml" => ("200 OK", RSS, rss(&["/hilang"]), None),
        "/berita/lambat" => ("200 OK", HTML, page("lambat"), Some(SLOW_PAGE)),
        p if p.starts_with("/berita/") => ("200 OK", HTML, page(&p[8..]), None),
        _ => ("404 Not Found", "text/plain", "tidak ada".into(), None),
    }
}

/// How long the slow page takes: the batch a stop request must let finish.
const SLOW_PAGE: Duration = Duration::from_millis(1500);

fn rss(links: &[&str]) -> String {
    let items: String = links
        .iter()
        .map(|l| format!("<item><title>Berita {l}</title><link>{l}</link></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kabar Fiktif</title>{items}</channel></rss>"
    )
}

/// A fictional Indonesian article page with JSON-LD and OpenGraph metadata.
fn page(id: &str) -> String {
    let place = match id {
        "1" => "Kota Fiktif",
        "2" => "Kabupaten Rekaan",
        _ => "Desa Contoh",
    };
    let paras: String = (1..=4)
        .map(|k| {
            format!(
                "<p>Paragraf {k}: warga {place} melaporkan banjir setinggi {k}0 sentimeter setelah hujan \
                 deras mengguyur wilayah itu sejak Senin malam, kata petugas penanggulangan bencana \
                 setempat kepada wartawan pada Selasa pagi di posko utama.</p>"
            )
        })
        .collect();
    format!(
        r#"<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Banjir di {place} - Kabar Fiktif</title>
<meta property="og:site_name" content="Kabar Fiktif">
<link rel="canonical" href="/berita/{id}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Banjir di {place}","datePublished":"2026-12-01T08:15:00+07:00","publisher":{{"@type":"Organization","name":"Kabar Fiktif"}}}}</script>
</head><body><article><h1>Banjir di {place}</h1>{paras}</article></body></html>"#
    )
}

// ---------------------------------------------------------------------------------------

const NET: [&str; 3] = ["--allow-private", "--host-interval-ms", "0"];

#[test]
fn fetch_stores_a_feed_once_and_refuses_local_addresses_by_default() {
    let s = start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["fetch", "--json"])
        .args(NET)
        .arg(s.url("/feed.xml")));
    assert!(o.status.success(), "{}", stderr(&o));
    let r = &docs(&o)[0];
    assert_eq!(
        (r["feeds"].as_u64(), r["items"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(
        (r["pages"].as_u64(), r["added"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(r["failures"].as_array().map(Vec::len), Some(0));

    let arts = docs(&run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["articles", "--json"])));
    assert_eq!(arts.len(), 2);
    for a in &arts {
        assert_eq!(a["outlet"], "Kabar Fiktif", "{a}");
        assert!(
            a["title"].as_str().unwrap().starts_with("Banjir di "),
            "{a}"
        );
        assert!(
            a["published"]
                .as_str()
                .unwrap()
                .starts_with("2026-12-01T08:15"),
            "{a}"
        );
    }
    let stories = docs(&run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["stories", "--json"])));
    assert!(!stories.is_empty());

    // a second run fetches the feed again but none of its pages
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["fetch", "--json"])
        .args(NET)
        .arg(s.url("/feed.xml")));
    assert!(o.status.success(), "{}", stderr(&o));
    let r = &docs(&o)[0];
    assert_eq!(
        (r["seen"].as_u64(), r["pages"].as_u64()),
        (Some(2), Some(0))
    );
    assert_eq!(s.hits("/berita/1"), 1);

    // the text report, and a failing page named with its reason (exit 2)
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .arg("fetch")
        .args(NET)
        .arg(s.url("/rusak.xml")));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 failure(s)"));
    assert!(
        stderr(&o).contains("/hilang") && stderr(&o).contains("404"),
        "{}",
        stderr(&o)
    );

    // without --allow-private, 127.0.0.1 is refused, named, and nothing is fetched
    let before = s.hits.lock().unwrap().len();
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["fetch", "--host-interval-ms", "0"])
        .arg(s.url("/berita/9")));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("/berita/9"), "{}", stderr(&o));
    assert_eq!(s.hits.lock().unwrap().len(), before);
}

#[test]
fn bad_input_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let k = || {
        let mut c = kabar();
        c.arg("--db").arg(&db);
        c
    };
    let o = run(k().args(["fetch", "ftp://kabar.example/x"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"ftp://kabar.example/x\" is not an http(s) URL"),
        "{}",
        stderr(&o)
    );
    let o = run(k().args(["fetch", "bukan url"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an http(s) URL"));
    let o = run(k().args(["fetch", "--language", "bahasa", "https://kabar.example/"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a language tag"), "{}", stderr(&o));
    assert!(!db.exists(), "no store is made for refused input");

    // an unreadable sources file (a directory) and a broken one are named
    let as_dir = dir.path().join("sumber.toml");
    std::fs::create_dir(&as_dir).unwrap();
    for args in [&["sources", "list"][..], &["watch", "--once"][..]] {
        let o = run(k().args(args).arg("--sources").arg(&as_dir));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("sumber.toml"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let broken = dir.path().join("rusak.toml");
    std::fs::write(&broken, "[[source]]\nname = \"a\"\nurl = \n").unwrap();
    let o = run(k().args(["sources", "list", "--sources"]).arg(&broken));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("rusak.toml"), "{}", stderr(&o));
    // a bad URL or language in `sources add` is refused and the file left alone
    let file = dir.path().join("s.toml");
    let o = run(k()
        .args(["sources", "add", "x", "javascript:alert(1)", "--sources"])
        .arg(&file));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an http(s) URL"), "{}", stderr(&o));
    let o = run(k()
        .args([
            "sources",
            "add",
            "x",
            "https://kabar.example/rss",
            "--language",
            "id id",
        ])
        .arg("--sources")
        .arg(&file));
    assert_eq!(o.status.code(), Some(2));
    assert!(!file.exists());
}

#[test]
fn sources_add_list_watch_status_remove() {
    let s = start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let file = dir.path().join("sources.toml");
    let k = || {
        let mut c = kabar();
        c.arg("--db").arg(&db);
        c
    };
    // `--sources` belongs to the subcommands: it goes after them
    let f = || ["--sources".to_string(), file.display().to_string()];
    let add = |name: &str, path: &str| {
        let o = run(k()
            .args(["sources", "add", name])
            .arg(s.url(path))
            .args(["--language", "id", "--interval", "60"])
            .args(f()));
        assert!(o.status.success(), "{}", stderr(&o));
    };
    add("fiktif", "/feed.xml");
    add("rusak", "/rusak.xml");
    let o = run(k()
        .args(["sources", "add", "fiktif"])
        .arg(s.url("/lain.xml"))
        .args(f()));
    assert_eq!(o.status.code(), Some(2), "a name used twice is refused");
    assert!(stderr(&o).contains("fiktif"));

    let listed = docs(&run(k().args(["sources", "list", "--json"]).args(f())));
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["name"], "fiktif");
    assert_eq!(listed[0]["language"], "id");
    assert_eq!(listed[0]["interval"], 60);
    let text = run(k().args(["sources", "list"]).args(f()));
    assert!(String::from_utf8_lossy(&text.stdout).contains("rusak\t"));

    // before any poll: nothing known, and `status` does not make a store
    let o = run(k().args(["sources", "status", "--json"]).args(f()));
    assert_eq!(o.status.code(), Some(2), "no store yet: {}", stderr(&o));

    let o = run(k().args(["watch", "--once"]).args(NET).args(f()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("added 2 article(s)"));
    let status = docs(&run(k().args(["sources", "status", "--json"]).args(f())));
    assert_eq!(status.len(), 2);
    let fiktif = &status[0];
    assert_eq!(fiktif["name"], "fiktif");
    assert_eq!(
        (fiktif["fetched"].as_u64(), fiktif["articles"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(fiktif["failing"], 0);
    let rusak = &status[1];
    assert_eq!(rusak["failing"], 1);
    let why = rusak["recent_failures"][0].to_string();
    assert!(why.contains("/hilang") && why.contains("404"), "{why}");
    let text = String::from_utf8_lossy(&run(k().args(["sources", "status"]).args(f())).stdout)
        .into_owned();
    assert!(
        text.contains("fiktif\t") && text.contains("/hilang"),
        "{text}"
    );

    let o = run(k().args(["sources", "remove", "rusak"]).args(f()));
    assert!(o.status.success());
    let o = run(k().args(["sources", "remove", "rusak"]).args(f()));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no source named \"rusak\""));
    assert_eq!(
        docs(&run(k().args(["sources", "list", "--json"]).args(f()))).len(),
        1
    );
}

/// `kabar watch` with one source, its output piped.
#[cfg(unix)]
fn watch(db: &Path, file: &Path) -> std::process::Child {
    kabar()
        .arg("--db")
        .arg(db)
        .arg("watch")
        .args(NET)
        .arg("--sources")
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kabar watch starts")
}

#[cfg(unix)]
fn signal(child: &std::process::Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(ok.success());
}

/// Waits for `child` to exit (at most 30 s); its output.
#[cfg(unix)]
fn finish(mut child: std::process::Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("kabar watch did not stop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigint_finish_the_batch_and_exit_cleanly() {
    let s = start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let file = dir.path().join("sources.toml");
    std::fs::write(
        &file,
        format!(
            "[[source]]\nname = \"lambat\"\nurl = \"{}\"\n",
            s.url("/lambat.xml")
        ),
    )
    .unwrap();

    // SIGTERM while the slow page is being fetched: the batch finishes and is stored
    let child = watch(&db, &file);
    assert!(
        s.wait_for("/berita/lambat", Duration::from_secs(60)),
        "page not requested"
    );
    let sent = Instant::now();
    signal(&child, "-TERM");
    let o = finish(child);
    assert!(o.status.success(), "exit {:?}: {}", o.status, stderr(&o));
    assert!(stderr(&o).contains("stopped"), "{}", stderr(&o));
    assert!(sent.elapsed() < Duration::from_secs(20));
    let arts = docs(&run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["articles", "--json"])));
    assert_eq!(arts.len(), 1, "the batch under way was stored");
    assert!(arts[0]["title"].as_str().unwrap().contains("Desa Contoh"));

    // SIGINT while waiting for the next poll: exits at once, nothing fetched twice
    let child = watch(&db, &file);
    let polled = Instant::now();
    while s.hits("/lambat.xml") < 2 && polled.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    signal(&child, "-INT");
    let o = finish(child);
    assert!(o.status.success(), "exit {:?}: {}", o.status, stderr(&o));
    assert_eq!(
        s.hits("/berita/lambat"),
        1,
        "a stored page is not fetched again"
    );
}

// ---------------------------------------------------------------------------------------

fn shared_data() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news-id/detik-2026");
    if dir.join("test.csv").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing (CI=true needs ../shared)",
        dir.display()
    );
    eprintln!("note: skipped, {} not found", dir.display());
    None
}

/// The Detik CSV rows carry detik.com URLs and no outlet field: every stored article gets
/// the outlet from its URL, so no event reads "0 outlets".
#[test]
fn detik_csv_rows_are_stored_with_their_outlet() {
    let Some(data) = shared_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--json"])
        .arg(data.join("test.csv")));
    assert!(o.status.success(), "{}", stderr(&o));
    let arts = docs(&run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["articles", "--json"])));
    assert!(arts.len() > 150, "{} articles", arts.len());
    for a in &arts {
        assert_eq!(a["outlet"], "Detik.com", "{a}");
    }
    let events = docs(&run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["events", "--json"])));
    assert!(!events.is_empty());
    for e in &events {
        assert!(e["outlets"].as_u64().unwrap_or(0) >= 1, "{e}");
    }
}
