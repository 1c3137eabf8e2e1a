//! A simulated 1,000-feed poll against a local server on 127.0.0.1 (started here, in
//! this process): the CPU a poll cycle costs, and the time from a new item's page being
//! fetched to its article being in `kabar stories`.
//!
//! ```text
//! cargo run --release -p kabar-fetch --example sim_feeds [FEEDS] [NEW_PER_POLL] [POLLS]
//! ```
//!
//! Poll 1 is cold: every feed is new, with one item each. Later polls are the steady
//! state of a 10-minute cycle: every feed is asked again with its ETag, `NEW_PER_POLL`
//! feeds have one new item (their pages fetched, analysed, stored, linked), the others
//! answer 304. CPU is this process's user+system time (from /proc/self/stat), which
//! includes the simulated server's work: an upper bound for the crawler alone. CPU % of
//! a cycle = CPU seconds of a poll / 600 s.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use kabar_fetch::{Crawler, FetchConfig, NetPolicy, Target};
use kabar_query::Reads;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Feed `i` has `1 + bumps[i]` items.
struct Sim {
    bumps: Vec<AtomicUsize>,
}

const PLACES: &[&str] = &[
    "Kota Fiktif",
    "Kabupaten Rekaan",
    "Desa Contoh",
    "Pulau Khayal",
    "Teluk Andaian",
    "Gunung Semu",
    "Lembah Angan",
    "Tanjung Maya",
];
const TOPICS: &[&str] = &[
    "banjir merendam ratusan rumah warga",
    "harga beras naik di pasar tradisional",
    "jembatan penghubung dua desa ambruk",
    "festival budaya menarik ribuan pengunjung",
    "sekolah baru diresmikan oleh bupati",
    "nelayan tidak melaut karena gelombang tinggi",
];

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let feeds = args.first().copied().unwrap_or(1000);
    let new_per_poll = args.get(1).copied().unwrap_or(10);
    let polls = args.get(2).copied().unwrap_or(3);
    let sim = Arc::new(Sim {
        bumps: (0..feeds).map(|_| AtomicUsize::new(0)).collect(),
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("address");
    let app = Router::new()
        .route("/robots.txt", get(|| async { "User-agent: *\nAllow: /\n" }))
        .route("/feed/{i}", get(feed))
        .route("/a/{i}/{k}", get(page))
        .with_state(sim.clone());
    rt.spawn(async move { axum::serve(listener, app).await.expect("serve") });

    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = kabar_store::Store::open(&dir.path().join("sim.db")).expect("store");
    let config = FetchConfig {
        policy: NetPolicy {
            exempt: vec![addr],
            ..Default::default()
        },
        // one local host stands for 1,000 outlets: no per-host interval, 16 at a time
        host_interval: Duration::ZERO,
        host_concurrency: 16,
        concurrency: 32,
        ..Default::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let crawler = Crawler::new(config, today).expect("crawler");
    let targets: Vec<Target> = (0..feeds)
        .map(|i| Target {
            url: format!("http://{addr}/feed/{i}"),
            source: Some(format!("feed-{i}")),
            outlet: None,
            language: None,
        })
        .collect();
    println!("{feeds} feeds on http://{addr}, {new_per_poll} new item(s) per steady poll");
    for poll in 1..=polls + 1 {
        if poll > 1 {
            for k in 0..new_per_poll {
                let i = ((poll - 2) * new_per_poll + k) * 7919 % feeds;
                sim.bumps[i].fetch_add(1, Ordering::SeqCst);
            }
        }
        let cpu0 = cpu_seconds();
        let t0 = Instant::now();
        let r = crawler.poll(&mut store, &targets, &|_| {}).expect("poll");
        let wall = t0.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu0;
        let q0 = Instant::now();
        let stories = store.stories().expect("stories").len();
        let query_ms = q0.elapsed().as_millis();
        println!(
            "poll {poll} ({}): wall {wall:.2} s, CPU {cpu:.2} s = {:.2} % of a 600 s cycle; feeds 200: {}, 304: {}, pages {}, added {}, failures {}; fetched→stored+linked {} ms, `stories` query {} ms ({} stories)",
            if poll == 1 { "cold" } else { "steady" },
            100.0 * cpu / 600.0,
            r.feeds,
            r.not_modified,
            r.pages,
            r.added,
            r.failures.len(),
            r.store_ms,
            query_ms,
            stories
        );
        for (u, e) in r.failures.iter().take(3) {
            println!("  failure {u}: {e}");
        }
    }
    let cpu0 = cpu_seconds();
    std::thread::sleep(Duration::from_secs(5));
    println!(
        "idle between polls: CPU {:.3} s over 5 s",
        cpu_seconds() - cpu0
    );
}

async fn feed(State(sim): State<Arc<Sim>>, Path(i): Path<usize>, headers: HeaderMap) -> Response {
    let Some(b) = sim.bumps.get(i) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let n = b.load(Ordering::SeqCst) + 1;
    let etag = format!("\"{i}-{n}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|h| h.as_bytes() == etag.as_bytes())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let mut x =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>");
    for k in (0..n).rev() {
        x.push_str(&format!(
            "<item><title>Berita {i}-{k}</title><link>/a/{i}/{k}</link></item>"
        ));
    }
    x.push_str("</channel></rss>");
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml".to_string()),
            (header::ETAG, etag),
        ],
        x,
    )
        .into_response()
}

async fn page(Path((i, k)): Path<(usize, usize)>) -> Response {
    let place = PLACES[(i + k) % PLACES.len()];
    let topic = TOPICS[(i * 3 + k) % TOPICS.len()];
    let body: String = (1..=5)
        .map(|p| {
            format!(
                "<p>Laporan {i}-{k} bagian {p}: di {place}, {topic} pada Senin pagi, kata kepala dinas setempat \
                 kepada wartawan. Petugas mencatat {p}{k} warga terdampak dan meminta bantuan pemerintah provinsi.</p>"
            )
        })
        .collect();
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{place}: {topic}</title>\
         <meta property=\"og:site_name\" content=\"Outlet {i}\">\
         <meta property=\"article:published_time\" content=\"2026-11-30T0{}:00:00+07:00\"></head>\
         <body><article><h1>{place}: {topic}</h1>{body}</article></body></html>",
        k % 10
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// User + system CPU seconds of this process.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // fields after the command: state is 0, utime 11, stime 12; 100 ticks per second
    (ticks(11) + ticks(12)) / 100.0
}
