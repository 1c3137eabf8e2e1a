//! The fetcher and crawler against a local server (tests/server.rs) on 127.0.0.1.
//! The server's own address is exempted from the address policy, nothing else is: a
//! redirect to another loopback port or to 169.254.169.254 is still refused.

mod support;
use support as server;

use kabar_fetch::{FetchConfig, FetchError, Fetcher, NetPolicy, Validators};
use kabar_query::Reads;
use std::time::{Duration, Instant};
use url::Url;

fn config(s: &server::Server) -> FetchConfig {
    FetchConfig {
        policy: NetPolicy {
            exempt: vec![s.addr],
            ..Default::default()
        },
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_millis(1500),
        max_body: 1024 * 1024,
        retries: 2,
        backoff: Duration::from_millis(20),
        max_retry_wait: Duration::from_secs(3),
        host_interval: Duration::ZERO,
        host_concurrency: 4,
        ..Default::default()
    }
}

fn get(
    s: &server::Server,
    cfg: FetchConfig,
    path: &str,
) -> Result<kabar_fetch::Fetched, FetchError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let f = Fetcher::new(cfg).unwrap();
        let url = Url::parse(&s.url(path)).unwrap();
        f.get(&url, &Validators::default()).await
    })
}

#[test]
fn limits_and_policies() {
    let s = server::start();
    let cfg = || config(&s);

    // a short redirect chain is followed
    let f = get(&s, cfg(), "/redirect/3").unwrap();
    assert_eq!(f.final_url.path(), "/a/1");
    // a long one and a loop are not
    assert_eq!(
        get(&s, cfg(), "/redirect/9").unwrap_err(),
        FetchError::TooManyRedirects(5)
    );
    assert!(matches!(
        get(&s, cfg(), "/loop/0"),
        Err(FetchError::RedirectLoop(_))
    ));

    // redirects to loopback (another port) and to the metadata address are refused …
    assert!(
        matches!(get(&s, cfg(), "/to-local"), Err(FetchError::Forbidden(a)) if a == "127.0.0.1")
    );
    assert!(
        matches!(get(&s, cfg(), "/to-metadata"), Err(FetchError::Forbidden(a)) if a == "169.254.169.254")
    );
    assert!(matches!(
        get(&s, cfg(), "/to-file"),
        Err(FetchError::Scheme(_))
    ));
    // … and allowed with allow_private (the loopback port is closed: a network error)
    let mut open = cfg();
    open.policy.allow_private = true;
    open.retries = 0;
    assert!(matches!(
        get(&s, open, "/to-local"),
        Err(FetchError::Network(_))
    ));

    // a name that resolves to a forbidden address is refused after resolution
    let mut named = cfg();
    named
        .policy
        .hosts
        .insert("evil.test".into(), vec!["169.254.169.254".parse().unwrap()]);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let r = rt.block_on(async {
        let f = Fetcher::new(named).unwrap();
        f.get(
            &Url::parse("http://evil.test/latest/meta-data").unwrap(),
            &Validators::default(),
        )
        .await
    });
    assert!(
        matches!(r, Err(FetchError::Forbidden(ref a)) if a.contains("169.254.169.254")),
        "{r:?}"
    );

    // a 1 GB body and a 64 MB gzip bomb stop at the 1 MB cap, quickly
    let t = Instant::now();
    assert_eq!(
        get(&s, cfg(), "/huge").unwrap_err(),
        FetchError::TooLarge(1024 * 1024)
    );
    assert_eq!(
        get(&s, cfg(), "/bomb").unwrap_err(),
        FetchError::TooLarge(1024 * 1024)
    );
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());

    // a server that trickles bytes hits the total timeout (no retry for the test)
    let mut quick = cfg();
    quick.retries = 0;
    let t = Instant::now();
    assert!(matches!(
        get(&s, quick, "/trickle"),
        Err(FetchError::Timeout(_))
    ));
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());

    // robots.txt disallows /private/
    assert_eq!(
        get(&s, cfg(), "/private/3").unwrap_err(),
        FetchError::Robots
    );
    assert_eq!(s.fixture.hits("/a/3?1"), 0);

    // 429 with Retry-After: 1 is waited for, then succeeds
    let t = Instant::now();
    let f = get(&s, cfg(), "/busy").unwrap();
    assert_eq!(f.body, b"ok now");
    assert!(t.elapsed() >= Duration::from_secs(1), "{:?}", t.elapsed());
    // a Retry-After beyond the allowed wait fails at once with the reason
    s.fixture.busy.store(0, std::sync::atomic::Ordering::SeqCst);
    let mut impatient = cfg();
    impatient.max_retry_wait = Duration::from_millis(500);
    assert_eq!(
        get(&s, impatient, "/busy").unwrap_err(),
        FetchError::Status {
            status: 429,
            retry_after: Some(1)
        }
    );
    // 503 twice then 200: retried with backoff
    assert_eq!(get(&s, cfg(), "/flaky").unwrap().body, b"recovered");

    // the header says UTF-8, the bytes and the meta say Windows-1252
    let f = get(&s, cfg(), "/latin1").unwrap();
    let (text, enc) = kabar_fetch::charset::decode(&f.body, f.content_type.as_deref());
    assert_eq!(enc, "windows-1252");
    assert!(
        text.contains("Soekarno–Hatta") && text.contains("Café"),
        "{text}"
    );
}

#[test]
fn polls_store_articles_once() {
    let s = server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut store = kabar_store::Store::open(&db).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let crawler = kabar_fetch::Crawler::new(config(&s), today).unwrap();
    let feed = kabar_fetch::Target {
        url: s.url("/feed.xml"),
        source: Some("fiktif".into()),
        outlet: None,
        language: None,
    };
    let bad = kabar_fetch::Target {
        url: s.url("/bad.xml"),
        source: Some("rusak".into()),
        outlet: None,
        language: None,
    };

    let r = crawler
        .poll(&mut store, &[feed.clone(), bad.clone()], &|_| {})
        .unwrap();
    assert_eq!(r.feeds, 1);
    assert_eq!(r.items, 4, "repeated item listed once: {r:?}");
    assert_eq!(r.pages, 3, "{r:?}");
    assert_eq!(r.added, 3, "{r:?}");
    let reasons: Vec<&str> = r.failures.iter().map(|(_, e)| e.as_str()).collect();
    assert!(reasons.contains(&"disallowed by robots.txt"), "{reasons:?}");
    assert!(
        reasons.iter().any(|e| e.starts_with("unreadable feed")),
        "{reasons:?}"
    );
    // the second page of the multi-page article was fetched and joined
    assert_eq!(s.fixture.hits("/a/multi?2"), 1);
    let arts = store.articles().unwrap();
    let multi = arts
        .iter()
        .find(|a| a.source.ends_with("/a/multi"))
        .expect("multi-page article stored");
    let text = store.analysis(&multi.id).unwrap().text;
    assert!(
        text.contains("halaman 1") && text.contains("halaman 2"),
        "{text}"
    );
    assert_eq!(multi.outlet.as_deref(), Some("Kabar Fiktif"));
    assert!(!store.stories().unwrap().is_empty());

    // same feed version: 304, nothing fetched again
    let r = crawler
        .poll(&mut store, std::slice::from_ref(&feed), &|_| {})
        .unwrap();
    assert_eq!((r.not_modified, r.pages, r.added), (1, 0, 0), "{r:?}");

    // a new version repeats two items and adds one: only the new one is fetched,
    // also by a new crawler on a reopened store (a restart)
    drop(store);
    s.fixture
        .feed_version
        .store(2, std::sync::atomic::Ordering::SeqCst);
    let mut store = kabar_store::Store::open(&db).unwrap();
    let crawler = kabar_fetch::Crawler::new(config(&s), today).unwrap();
    let r = crawler.poll(&mut store, &[feed], &|_| {}).unwrap();
    assert_eq!((r.items, r.seen, r.pages, r.added), (3, 2, 1, 1), "{r:?}");
    for p in ["/a/1?1", "/a/2?1", "/a/4?1"] {
        assert_eq!(s.fixture.hits(p), 1, "{p} fetched once");
    }
    let states = store.source_states().unwrap();
    let rusak = states.iter().find(|s| s.source == "rusak").unwrap();
    assert_eq!(rusak.failing, 1);
    let f = store.fetch_failures(Some("rusak"), 5).unwrap();
    assert!(f[0].reason.starts_with("unreadable feed"), "{f:?}");
}
