//! The HTTP API answers what the store holds, with the CLI's shapes, on loopback only.

use kabar_core::{Analysis, Lang, Published};
use kabar_server::{router, ServerConfig};
use kabar_store::{ArticleLinks, Store};
use std::io::{Read, Write};

fn get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    request(addr, "GET", path)
}

fn request(addr: std::net::SocketAddr, method: &str, path: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf[9..12].parse().unwrap();
    let body = buf
        .split_once("\r\n\r\n")
        .map(|x| x.1.to_string())
        .unwrap_or_default();
    (status, body)
}

fn article(id: &str, title: &str) -> Analysis {
    Analysis {
        id: id.into(),
        source: "t.txt".into(),
        external_id: None,
        title: Some(title.into()),
        url: None,
        outlet: Some("Warta".into()),
        dateline: None,
        lang: Lang::Id,
        published: Some(Published {
            value: "2025-03-06".into(),
            inferred: false,
            from: "input".into(),
        }),
        text: format!("{title}. Banjir besar melanda kota."),
        removed: vec![],
        sentences: vec![],
        entities: vec![],
        times: vec![],
        actions: vec![],
        quotes: vec![],
        warnings: vec![],
    }
}

#[test]
fn api_serves_stories_search_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut store = Store::open(&db).unwrap();
    store
        .ingest_batch(&[article("a:1", "Banjir Bandung")], &mut |docs, _| {
            Ok((
                docs.iter()
                    .map(|d| ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: "e:1".into(),
                        story: "s:1".into(),
                    })
                    .collect(),
                vec![],
            ))
        })
        .unwrap();
    drop(store);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move {
        axum::serve(listener, router(ServerConfig { db }))
            .await
            .unwrap()
    });

    let (st, body) = get(addr, "/api/v1/stories");
    assert_eq!(st, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v[0]["id"], "s:1");
    assert_eq!(v[0]["articles"][0], "a:1");

    let (st, body) = get(addr, "/api/v1/stories/s:1");
    assert_eq!(st, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["events"][0]["id"], "e:1");
    assert!(v["timeline"].is_array());

    let (st, body) = get(addr, "/api/v1/search?q=banjir");
    assert_eq!(st, 200);
    assert!(body.contains("a:1"));

    let (st, body) = get(addr, "/api/v1/stories/s:nope");
    assert_eq!(st, 404);
    assert!(body.contains("error"));

    let (st, body) = get(addr, "/");
    assert_eq!(st, 200);
    assert!(body.contains("<title>Home · Kabar</title>"));
}

/// Serves `db` on an ephemeral loopback port for the rest of the test.
fn serve(db: std::path::PathBuf) -> (tokio::runtime::Runtime, std::net::SocketAddr) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    rt.spawn(async move {
        axum::serve(listener, router(ServerConfig { db }))
            .await
            .unwrap()
    });
    (rt, addr)
}

fn one_article_store(db: &std::path::Path) {
    let mut store = Store::open(db).unwrap();
    store
        .ingest_batch(&[article("a:1", "Banjir Bandung")], &mut |docs, _| {
            Ok((
                docs.iter()
                    .map(|d| ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: "e:1".into(),
                        story: "s:1".into(),
                    })
                    .collect(),
                vec![],
            ))
        })
        .unwrap();
}

/// Asserts a JSON error body `{"error": code, "message": text}` and returns it.
fn json_error(status: u16, body: &str, want_status: u16, want_code: &str) -> serde_json::Value {
    assert_eq!(status, want_status, "{body}");
    let v: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"));
    assert_eq!(v["error"], want_code, "{body}");
    assert!(
        v["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    v
}

#[test]
fn every_error_is_json_with_the_right_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    one_article_store(&db);
    let (_rt, addr) = serve(db);

    for bad in ["-1", "0", "abc", "99999999999999999999999"] {
        let (st, body) = get(addr, &format!("/api/v1/search?q=banjir&limit={bad}"));
        json_error(st, &body, 400, "bad_request");
    }
    let (st, body) = get(addr, "/api/v1/search");
    json_error(st, &body, 400, "bad_request");
    // a larger limit is lowered, not refused
    let (st, _) = get(addr, "/api/v1/search?q=banjir&limit=5000");
    assert_eq!(st, 200);

    let (st, body) = get(addr, "/api/v1/entities/per:nobody");
    json_error(st, &body, 404, "not_found");
    let (st, body) = get(addr, "/api/v1/articles/a:nope");
    json_error(st, &body, 404, "not_found");
    let (st, body) = get(addr, "/api/v1/no/such/route");
    json_error(st, &body, 404, "not_found");
    let (st, body) = request(addr, "POST", "/api/v1/articles");
    json_error(st, &body, 405, "method_not_allowed");
}

#[test]
fn hostile_search_queries_are_refused_fast() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    one_article_store(&db);
    let (_rt, addr) = serve(db);
    // 4,000 distinct words (~40 KB): refused with 400 at once, not searched
    let words: Vec<String> = (0..4000).map(|i| format!("kata{i}")).collect();
    let t = std::time::Instant::now();
    let (st, body) = get(addr, &format!("/api/v1/search?q={}", words.join("+")));
    json_error(st, &body, 400, "bad_request");
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
    // 33 distinct short terms: past the term cap
    let (st, body) = get(addr, &format!("/api/v1/search?q={}", words[..33].join("+")));
    let v = json_error(st, &body, 400, "bad_request");
    assert!(v["message"].as_str().unwrap().contains("33 distinct terms"));
    // the same word repeated is one term
    let (st, body) = get(
        addr,
        &format!("/api/v1/search?q={}", ["banjir"; 100].join("+")),
    );
    assert_eq!(st, 200, "{body}");
    assert!(body.contains("a:1"));
}

#[test]
fn the_server_never_creates_or_migrates_a_store() {
    let dir = tempfile::tempdir().unwrap();
    // no store: 503, and no file appears
    let missing = dir.path().join("missing.db");
    let (_rt, addr) = serve(missing.clone());
    let (st, body) = get(addr, "/api/v1/articles");
    json_error(st, &body, 503, "unavailable");
    assert!(!missing.exists());
    // an older schema: 503 naming the upgrade, and the file keeps its version
    let old = dir.path().join("old.db");
    {
        let mut c = rusqlite::Connection::open(&old).unwrap();
        kabar_store::schema::migrate_to(&mut c, 1).unwrap();
    }
    let (_rt2, addr) = serve(old.clone());
    let (st, body) = get(addr, "/api/v1/articles");
    let v = json_error(st, &body, 503, "unavailable");
    assert!(v["message"].as_str().unwrap().contains("kabar ingest"));
    let c = rusqlite::Connection::open(&old).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
}

#[test]
fn openapi_document_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    one_article_store(&db);
    let (_rt, addr) = serve(db);
    let (st, body) = get(addr, "/api/v1/openapi.json");
    assert_eq!(st, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["openapi"], "3.1.0");
    for p in ["/api/v1/stories", "/api/v1/articles/{id}", "/api/v1/search"] {
        assert!(v["paths"][p]["get"].is_object(), "{p}");
    }
    let params = v["paths"]["/api/v1/stories"]["get"]["parameters"].to_string();
    assert!(params.contains("\"sort\"") && params.contains("\"entity\""));
}

/// Stores `n` articles of story `s:1` (event `e:1`), article `i` carrying one quote of its own.
fn quoted_articles(db: &std::path::Path, from: usize, n: usize) {
    let docs: Vec<Analysis> = (from..from + n)
        .map(|i| {
            let mut a = article(&format!("a:{i}"), &format!("Banjir {i}"));
            a.quotes = vec![kabar_core::analysis::QuoteOut {
                speaker: None,
                text: format!("kata ke-{i}"),
                direct: true,
                start: 0,
                end: 5,
            }];
            a
        })
        .collect();
    let mut store = Store::open(db).unwrap();
    store
        .ingest_batch(&docs, &mut |docs, _| {
            Ok((
                docs.iter()
                    .map(|d| ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: "e:1".into(),
                        story: "s:1".into(),
                    })
                    .collect(),
                vec![],
            ))
        })
        .unwrap();
}

/// A response's status, lower-cased headers and body.
fn get_full(addr: std::net::SocketAddr, path: &str) -> (u16, String, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let (head, body) = buf.split_once("\r\n\r\n").unwrap();
    (
        head[9..12].parse().unwrap(),
        head.to_lowercase(),
        body.to_string(),
    )
}

#[test]
fn records_are_bounded_paged_whole_on_request_and_follow_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    quoted_articles(&db, 0, 7);
    let (_rt, addr) = serve(db.clone());

    // bounded: the first `limit` quotes, the full size in totals
    let (st, body) = get(addr, "/api/v1/stories/s:1?limit=3");
    assert_eq!(st, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 3, "{body}");
    assert_eq!(v["totals"]["quotes"], 7, "{body}");
    assert_eq!(v["totals"]["events"], 1, "{body}");
    assert_eq!(v["quotes"][0]["text"], "kata ke-0");

    // one part, paged like a list
    let (st, head, body) = get_full(addr, "/api/v1/stories/s:1?part=quotes&offset=5&limit=3");
    assert_eq!(st, 200, "{body}");
    assert!(head.contains("x-total-count: 7"), "{head}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let texts: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["kata ke-5", "kata ke-6"]);

    // the whole record is the CLI's, without totals
    let (st, body) = get(addr, "/api/v1/stories/s:1?full=true");
    assert_eq!(st, 200, "{body}");
    let store = Store::open_read_only(&db).unwrap();
    let cli = serde_json::to_value(kabar_query::story_record(&store, "s:1").unwrap()).unwrap();
    drop(store);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v, cli);
    assert!(v.get("totals").is_none());

    for bad in [
        "/api/v1/stories/s:1?part=nope",
        "/api/v1/stories/s:1?full=maybe",
        "/api/v1/stories/s:1?limit=0",
        "/api/v1/entities/x?part=events",
    ] {
        let (st, body) = get(addr, bad);
        json_error(st, &body, 400, "bad_request");
    }

    // a write by another connection shows at once: the cached record is dropped
    quoted_articles(&db, 7, 2);
    let (_, body) = get(addr, "/api/v1/stories/s:1?limit=1");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["totals"]["quotes"], 9, "{body}");
    let (_, body) = get(addr, "/stories/s:1");
    assert!(body.contains("kata ke-8"), "{body}");
    // a cut part on the page links the whole part and the API's next page
    let (_, body) = get(addr, "/stories/s:1?limit=2");
    assert!(!body.contains("kata ke-2"), "{body}");
    assert!(
        body.contains("/stories/s%3A1?limit=9\">show all 9</a>"),
        "{body}"
    );
    assert!(
        body.contains("/api/v1/stories/s%3A1?part=quotes&amp;offset=2"),
        "{body}"
    );
}

#[test]
fn answers_are_kept_until_the_store_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    quoted_articles(&db, 0, 2);
    let (_rt, addr) = serve(db.clone());

    for path in [
        "/stories",
        "/api/v1/articles?limit=5",
        "/search?q=banjir",
        "/",
    ] {
        let (st, head, first) = get_full(addr, path);
        assert_eq!(st, 200, "{path}: {first}");
        // the pool opens connections one by one and each new one starts a generation,
        // so ask until the answer is kept (at most once per pooled connection)
        let mut hit = None;
        for _ in 0..8 {
            let (_, head, body) = get_full(addr, path);
            if head.contains("x-kabar-cache: hit") {
                hit = Some(body);
                break;
            }
        }
        let body = hit.unwrap_or_else(|| panic!("{path} never served from the cache: {head}"));
        assert_eq!(
            body, first,
            "{path}: a kept answer differs from the built one"
        );
    }

    // a write by another connection: the kept answers are stale at once
    quoted_articles(&db, 2, 1);
    let (_, head, body) = get_full(addr, "/api/v1/articles?limit=5");
    assert!(head.contains("x-kabar-cache: miss"), "{head}");
    assert!(body.contains("a:2"), "{body}");
    let (_, _, body) = get_full(addr, "/search?q=banjir");
    assert!(body.contains("Banjir 2"), "{body}");

    // errors and exports are never kept
    for path in [
        "/api/v1/stories/s:nope",
        "/api/v1/export/articles?format=jsonl",
    ] {
        for _ in 0..3 {
            let (_, head, _) = get_full(addr, path);
            assert!(!head.contains("x-kabar-cache: hit"), "{path}: {head}");
        }
    }
}
