//! A local HTTP server on 127.0.0.1 with fixture feeds and pages for the fetch tests.
//! Nothing here touches the internet. The articles are fictional.

#![allow(dead_code)]

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Shared state: which feed version is served, and how often each path was hit.
#[derive(Default)]
pub struct Fixture {
    pub feed_version: AtomicUsize,
    pub hits: Mutex<HashMap<String, usize>>,
    pub busy: AtomicUsize,
    pub flaky: AtomicUsize,
    bomb: Vec<u8>,
}

impl Fixture {
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

pub struct Server {
    pub addr: SocketAddr,
    pub fixture: Arc<Fixture>,
    _rt: tokio::runtime::Runtime,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

/// Size of the decompressed gzip bomb.
pub const BOMB_BYTES: usize = 64 * 1024 * 1024;

/// Starts the server on its own runtime, on a free port of 127.0.0.1.
pub fn start() -> Server {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..BOMB_BYTES / zeros.len() {
        gz.write_all(&zeros).unwrap();
    }
    let fixture = Arc::new(Fixture {
        feed_version: AtomicUsize::new(1),
        bomb: gz.finish().unwrap(),
        ..Default::default()
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let app = Router::new()
        .route("/robots.txt", get(robots))
        .route("/feed.xml", get(feed))
        .route("/bad.xml", get(bad_xml))
        .route("/sitemap.xml", get(sitemap))
        .route("/a/{id}", get(article))
        .route("/private/{id}", get(article))
        .route("/redirect/{n}", get(redirect))
        .route("/loop/{n}", get(redirect_loop))
        .route(
            "/to-local",
            get(|| async { found("http://127.0.0.1:1/a/1") }),
        )
        .route(
            "/to-metadata",
            get(|| async { found("http://169.254.169.254/latest/meta-data/") }),
        )
        .route("/to-file", get(|| async { found("file:///etc/passwd") }))
        .route("/huge", get(huge))
        .route("/bomb", get(bomb))
        .route("/trickle", get(trickle))
        .route("/latin1", get(latin1))
        .route("/busy", get(busy))
        .route("/flaky", get(flaky))
        .with_state(fixture.clone());
    rt.spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        addr,
        fixture,
        _rt: rt,
    }
}

fn hit(f: &Fixture, path: String) {
    *f.hits.lock().unwrap().entry(path).or_default() += 1;
}

fn found(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

async fn robots() -> &'static str {
    "User-agent: *\nDisallow: /private/\n"
}

fn rss(items: &[&str]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Kabar Fiktif</title>",
    );
    for (i, it) in items.iter().enumerate() {
        s.push_str(&format!(
            "<item><title>Item {i}</title><link>{it}?utm_source=rss&amp;utm_medium=feed</link><pubDate>Tue, 01 Dec 2026 0{i}:00:00 +0700</pubDate></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

async fn feed(State(f): State<Arc<Fixture>>, headers: HeaderMap) -> Response {
    hit(&f, "/feed.xml".into());
    let v = f.feed_version.load(Ordering::SeqCst);
    let etag = format!("\"v{v}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|h| h.to_str().unwrap_or("") == etag)
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let items: &[&str] = if v == 1 {
        &["/a/1", "/a/2", "/a/multi", "/private/3", "/a/1"]
    } else {
        &["/a/1", "/a/2", "/a/4"]
    };
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml".to_string()),
            (header::ETAG, etag),
        ],
        rss(items),
    )
        .into_response()
}

async fn bad_xml() -> Response {
    (
        [(header::CONTENT_TYPE, "application/rss+xml")],
        "<rss version=\"2.0\"><channel><item><title>Rusak</title></channel>",
    )
        .into_response()
}

async fn sitemap() -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml")],
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/a/5</loc></url></urlset>",
    )
        .into_response()
}

/// Fictional Indonesian paragraphs, different for each article ID.
fn paragraphs(id: &str, page: u32) -> String {
    let place = match id {
        "1" => "Kota Fiktif",
        "2" => "Kabupaten Rekaan",
        "4" => "Desa Contoh",
        "5" => "Pulau Khayal",
        _ => "Kecamatan Andaian",
    };
    (1..=4)
        .map(|k| {
            format!(
                "<p>Paragraf {k} halaman {page}: warga {place} melaporkan banjir setinggi {k}0 sentimeter \
                 setelah hujan deras mengguyur wilayah itu sejak Senin malam, kata petugas penanggulangan \
                 bencana setempat kepada wartawan pada Selasa pagi di posko utama.</p>"
            )
        })
        .collect()
}

async fn article(
    State(f): State<Arc<Fixture>>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let page: u32 = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
    hit(&f, format!("/a/{id}?{page}"));
    let more = if id == "multi" && page == 1 {
        "<div class=\"paging\"><a href=\"/a/multi?page=2\">Halaman 2</a></div>"
    } else {
        ""
    };
    let html = format!(
        r#"<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Banjir di lokasi {id} - Kabar Fiktif</title>
<meta property="og:site_name" content="Kabar Fiktif">
<link rel="canonical" href="/a/{id}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Banjir di lokasi {id}","datePublished":"2026-12-01T0{page}:15:00+07:00","author":{{"@type":"Person","name":"Reporter Fiktif"}}}}</script>
</head><body><nav><a href="/">Beranda</a></nav><article><h1>Banjir di lokasi {id}</h1>{}</article>{more}</body></html>"#,
        paragraphs(&id, page)
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn redirect(Path(n): Path<u32>) -> Response {
    if n == 0 {
        found("/a/1")
    } else {
        found(&format!("/redirect/{}", n - 1))
    }
}

async fn redirect_loop(Path(n): Path<u32>) -> Response {
    found(&format!("/loop/{}", (n + 1) % 2))
}

/// 1 GB of body, generated as it streams, with no Content-Length.
async fn huge() -> Response {
    let chunk = bytes_chunk();
    let stream = futures_util::stream::iter(
        (0..16_384).map(move |_| Ok::<_, std::io::Error>(chunk.clone())),
    );
    (
        [(header::CONTENT_TYPE, "text/html")],
        Body::from_stream(stream),
    )
        .into_response()
}

fn bytes_chunk() -> axum::body::Bytes {
    axum::body::Bytes::from(vec![b'a'; 64 * 1024])
}

async fn bomb(State(f): State<Arc<Fixture>>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html"),
            (header::CONTENT_ENCODING, "gzip"),
        ],
        f.bomb.clone(),
    )
        .into_response()
}

/// One byte every 100 ms, for ever.
async fn trickle() -> Response {
    let stream = futures_util::stream::unfold((), |()| async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Some((
            Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"x")),
            (),
        ))
    });
    (
        [(header::CONTENT_TYPE, "text/html")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// Says UTF-8 in the header; the bytes are Windows-1252, as the page's meta says.
async fn latin1() -> Response {
    let body: Vec<u8> = b"<html><head><meta charset=\"windows-1252\"><title>Bandara Soekarno\x96Hatta</title></head><body><p>Caf\xe9</p></body></html>".to_vec();
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

async fn busy(State(f): State<Arc<Fixture>>) -> Response {
    if f.busy.fetch_add(1, Ordering::SeqCst) == 0 {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "1")],
            "slow down",
        )
            .into_response();
    }
    "ok now".into_response()
}

async fn flaky(State(f): State<Arc<Fixture>>) -> Response {
    if f.flaky.fetch_add(1, Ordering::SeqCst) < 2 {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    "recovered".into_response()
}
