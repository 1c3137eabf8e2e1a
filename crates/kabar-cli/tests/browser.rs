//! The web app in a real browser: `kabar ingest` the bundled examples into a temporary
//! store, start `kabar serve` on a free loopback port, and drive headless Chromium through
//! chromedriver (WebDriver, via fantoccini) as a reader would: home → a story → one of its
//! articles → back; search from the header box; filter a list; page 2 and back; then a
//! 360 px wide screen (no sideways scrolling, the search box on screen) and the keyboard
//! (Tab reaches the skip link and the search box). Every step asserts on the DOM.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`scripts/test.sh` installs them when
//! missing; `KABAR_CHROMIUM` / `KABAR_CHROMEDRIVER` point elsewhere). Without them the
//! tests skip with a note, except under `CI=true`, where they fail.
//!
//! `cargo test -p kabar-cli --test browser -- --ignored screenshots` (or
//! `scripts/screenshots.sh`) writes the screenshots of docs/web.md.

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process killed (and reaped) when dropped, so no server outlives its test, even
/// one that panicked. A child started by [`group_leader`] takes its whole process group
/// along: chromedriver's browser, which would otherwise outlive a failed test.
struct Kid(Child);

impl Drop for Kid {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `cmd` as the leader of a new process group (its children stay in it).
fn group_leader(cmd: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0)
}

/// The Chromium and chromedriver programs.
struct Tools {
    chromium: PathBuf,
    driver: PathBuf,
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for n in names {
            let p = dir.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn find_tool(var: &str, names: &[&str]) -> Option<PathBuf> {
    match std::env::var_os(var) {
        Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
        None => on_path(names),
    }
}

/// The browser tools, or `None` (with a printed note) when they are missing outside CI.
fn tools() -> Option<Tools> {
    let chromium = find_tool("KABAR_CHROMIUM", &["chromium", "chromium-browser"]);
    let driver = find_tool("KABAR_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, driver) {
        (Some(chromium), Some(driver)) => Some(Tools { chromium, driver }),
        (c, d) => {
            let missing = [("chromium", c.is_none()), ("chromedriver", d.is_none())]
                .iter()
                .filter(|(_, m)| *m)
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(" and ");
            let msg = format!(
                "browser tests need {missing}: `apt-get install chromium chromium-driver` \
                 (scripts/test.sh does it), or set KABAR_CHROMIUM / KABAR_CHROMEDRIVER"
            );
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("{msg}");
            }
            eprintln!("skipping: {msg}");
            None
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Waits until something accepts connections on `port`, or fails after `limit`.
fn wait_for(port: u16, what: &str, kid: &mut Kid, limit: Duration) {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let start = Instant::now();
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
        if let Ok(Some(status)) = kid.0.try_wait() {
            panic!("{what} exited before listening: {status}");
        }
        assert!(
            start.elapsed() < limit,
            "{what} not listening after {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn kabar() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kabar"));
    c.env_remove("KABAR_DB");
    c
}

/// `kabar serve` over a store of the bundled examples.
struct Site {
    base: String,
    _server: Kid,
    _dir: tempfile::TempDir,
}

fn start_site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let o = kabar()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&examples)
        .output()
        .expect("kabar runs");
    assert!(
        o.status.success(),
        "kabar ingest: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let port = free_port();
    let child = group_leader(&mut kabar())
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("kabar serve starts");
    let mut server = Kid(child);
    wait_for(port, "kabar serve", &mut server, Duration::from_secs(20));
    Site {
        base: format!("http://127.0.0.1:{port}"),
        _server: server,
        _dir: dir,
    }
}

/// A headless Chromium session through chromedriver, with a fresh profile.
struct Browser {
    c: Client,
    _driver: Kid,
    _profile: tempfile::TempDir,
}

async fn start_browser(t: &Tools, width: u32, height: u32) -> Browser {
    let port = free_port();
    let child = group_leader(&mut Command::new(&t.driver))
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let mut driver = Kid(child);
    wait_for(port, "chromedriver", &mut driver, Duration::from_secs(20));
    let profile = tempfile::tempdir().unwrap();
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-breakpad",
        "--disable-crash-reporter",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        &format!("--window-size={width},{height}"),
        &format!("--user-data-dir={}", profile.path().display()),
    ];
    let mut options = json!({ "binary": t.chromium, "args": args });
    if width < 500 {
        // Headless windows are at least 500 px wide; a phone's viewport is emulated.
        options["mobileEmulation"] =
            json!({ "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1 } });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(caps);
    let c = builder
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a chromedriver session");
    Browser {
        c,
        _driver: driver,
        _profile: profile,
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

// ---------- DOM helpers ----------

async fn text(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap(),
        Err(e) => panic!("no {css} on {}: {e}", path(c).await),
    }
}

async fn all(c: &Client, css: &str) -> Vec<Element> {
    c.find_all(Locator::Css(css)).await.unwrap()
}

async fn href(e: &Element) -> String {
    e.attr("href").await.unwrap().unwrap_or_default()
}

async fn path(c: &Client) -> String {
    let u = c.current_url().await.unwrap();
    match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    }
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Clicks `e` and waits for the next page (its `<main>` replaced).
async fn follow(c: &Client, e: &Element) {
    let old = js(
        c,
        "document.title = document.title; return performance.timeOrigin",
    )
    .await;
    e.click().await.unwrap();
    wait_new_page(c, &old).await;
}

async fn wait_new_page(c: &Client, old: &Value) {
    let start = Instant::now();
    loop {
        let now = js(
            c,
            "return document.readyState === 'complete' ? performance.timeOrigin : null",
        )
        .await;
        if !now.is_null() && now != *old {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no new page");
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
}

async fn back(c: &Client) {
    let old = js(c, "return performance.timeOrigin").await;
    c.back().await.unwrap();
    wait_new_page(c, &old).await;
}

/// The rows of a list page (`ol.rows > li`) as (link href, row text).
async fn rows(c: &Client) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for li in all(c, "main ol.rows > li").await {
        let a = li.find(Locator::Css("a")).await.unwrap();
        out.push((href(&a).await, li.text().await.unwrap()));
    }
    out
}

// ---------- the reader's path ----------

/// Home → first story → an article of it → back to the story.
async fn story_and_article(c: &Client, base: &str) -> (String, String) {
    c.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(text(c, "main h1").await, "What is new");
    let first = c
        .find(Locator::Css("main ol.rows > li > a[href^='/stories/']"))
        .await
        .expect("home lists an active story");
    let title = first.text().await.unwrap();
    assert!(!title.trim().is_empty());
    let story = href(&first).await;
    assert!(
        all(c, "main ol.rows svg.spark").await.len() >= 2,
        "home rows carry sparklines"
    );
    follow(c, &first).await;
    assert_eq!(path(c).await, story);
    assert_eq!(text(c, "main h1").await, title);
    assert!(
        !all(c, "main svg.days rect").await.is_empty(),
        "the story's articles-per-day chart has bars"
    );
    assert!(!all(c, "main a[href^='/events/']").await.is_empty());
    let article = c
        .find(Locator::Css("main a[href^='/articles/']"))
        .await
        .expect("a story links its articles");
    let article_href = href(&article).await;
    follow(c, &article).await;
    assert_eq!(path(c).await, article_href);
    let a_title = text(c, "main h1").await;
    assert!(!a_title.is_empty() && a_title != "(untitled)");
    assert!(
        !all(c, "main .text a.m-ent").await.is_empty(),
        "the article's entities are highlighted and linked"
    );
    let its_story = c
        .find(Locator::LinkText("Its story"))
        .await
        .expect("an article links its story");
    assert_eq!(href(&its_story).await, story);
    back(c).await;
    assert_eq!(path(c).await, story, "back returns to the story");
    assert_eq!(text(c, "main h1").await, title);
    let cmp = c
        .find(Locator::LinkText("Compare outlets"))
        .await
        .expect("a story links its outlet comparison");
    follow(c, &cmp).await;
    assert_eq!(path(c).await, format!("{story}/compare"));
    assert_eq!(text(c, "main h2").await, "Outlets across the story");
    back(c).await;
    (article_href, a_title)
}

/// Types the longest word of a title into the header's search box and submits with Enter;
/// the article must be among the hits, the word marked in the snippets.
async fn search_from_header(c: &Client, article: &str, title: &str) {
    let word = title
        .split(|ch: char| !ch.is_alphanumeric())
        .max_by_key(|w| w.chars().count())
        .unwrap()
        .to_lowercase();
    let boxx = c.find(Locator::Id("q")).await.unwrap();
    boxx.clear().await.unwrap();
    let old = js(c, "return performance.timeOrigin").await;
    boxx.send_keys(&format!("{word}{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_new_page(c, &old).await;
    let p = path(c).await;
    assert!(p.starts_with("/search?q="), "{p}");
    assert!(text(c, "main h1").await.to_lowercase().contains(&word));
    let value = c
        .find(Locator::Id("q"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        value.as_deref(),
        Some(word.as_str()),
        "the box keeps the query"
    );
    let hits = rows(c).await;
    assert!(
        hits.iter().any(|(h, _)| h == article),
        "searching “{word}” finds {article}: {hits:?}"
    );
    assert!(
        !all(c, "main ol.rows mark").await.is_empty(),
        "matches are marked"
    );
}

/// /articles: filter by the first outlet in the form; every row then names it and the
/// total shrinks; page 2 of the unfiltered list, and back.
async fn filter_and_page(c: &Client, base: &str) {
    c.goto(&format!("{base}/articles")).await.unwrap();
    let summary = text(c, "main p.muted").await;
    let page1 = rows(c).await;
    assert_eq!(page1.len(), 50, "50 rows a page: {summary}");
    let next = c
        .find(Locator::Css("nav.pager a[rel='next']"))
        .await
        .expect("a next-page link when there are more rows than a page");
    follow(c, &next).await;
    assert!(path(c).await.ends_with("page=2"), "{}", path(c).await);
    let page2 = rows(c).await;
    assert!(!page2.is_empty());
    assert!(
        page2.iter().all(|r| !page1.contains(r)),
        "page 2 repeats no row of page 1"
    );
    assert!(text(c, "nav.pager").await.contains("Page 2 of"));
    back(c).await;
    assert_eq!(path(c).await, "/articles");
    assert_eq!(rows(c).await, page1, "back shows page 1 again");

    let option = c
        .find(Locator::Css("select[name='outlet'] option:nth-child(2)"))
        .await
        .expect("the outlet filter lists outlets");
    let outlet = option.attr("value").await.unwrap().unwrap();
    option.click().await.unwrap();
    let apply = c
        .find(Locator::Css("form.filters button[type='submit']"))
        .await
        .unwrap();
    follow(c, &apply).await;
    let p = path(c).await;
    assert!(p.contains("outlet="), "{p}");
    let filtered = rows(c).await;
    assert!(!filtered.is_empty() && filtered.len() < page1.len() + page2.len());
    for (_, row) in &filtered {
        assert!(row.contains(&outlet), "row not from {outlet}: {row}");
    }
    let selected = c
        .find(Locator::Css("select[name='outlet'] option:checked"))
        .await
        .unwrap();
    assert_eq!(
        selected.attr("value").await.unwrap().as_deref(),
        Some(outlet.as_str())
    );
}

/// At 360 px: no page scrolls sideways, the search box is on screen, and every field is
/// labelled, every chart named, all text readable against its background.
async fn narrow_screen(c: &Client, base: &str, pages: &[String]) {
    for p in pages {
        c.goto(&format!("{base}{p}")).await.unwrap();
        let fit = js(
            c,
            "const r = document.getElementById('q').getBoundingClientRect();
             return [document.documentElement.scrollWidth, window.innerWidth,
                     r.left, r.right, r.width, r.top]",
        )
        .await;
        let n = |i: usize| fit[i].as_f64().unwrap();
        // a phone widens the layout viewport to fit wide content (and zooms out), so
        // both the viewport and the document must stay at the screen's 360 px
        assert!(
            n(1) == 360.0 && n(0) <= 360.0,
            "{p} is wider than a 360 px screen (scrollWidth, innerWidth, …): {fit}"
        );
        assert!(
            n(2) >= 0.0 && n(3) <= 360.0 && n(4) >= 80.0 && n(5) >= 0.0,
            "{p}: the search box is not on screen at 360 px: {fit}"
        );
        assert!(c
            .find(Locator::Id("q"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap());
        let problems = js(c, A11Y_PROBLEMS).await;
        assert_eq!(problems, json!([]), "{p}: labels, alt text, contrast");
    }
}

/// Form fields without a label, images without alt text, SVG charts without a name, and
/// text whose contrast with its background is below WCAG AA (4.5:1, 3:1 for large text).
const A11Y_PROBLEMS: &str = r#"
const out = [];
for (const f of document.querySelectorAll('input:not([type=hidden]), select, textarea'))
  if (!f.labels || f.labels.length === 0) out.push('unlabelled ' + f.outerHTML.slice(0, 80));
for (const i of document.querySelectorAll('img:not([alt])')) out.push('no alt ' + i.src);
for (const g of document.querySelectorAll('svg'))
  if (g.getAttribute('role') !== 'img' || !(g.getAttribute('aria-label') || g.querySelector('title')))
    out.push('unnamed chart ' + g.outerHTML.slice(0, 60));
const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
const bg = el => { for (let e = el; e; e = e.parentElement) {
  const c = rgb(getComputedStyle(e).backgroundColor);
  if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); }
  return [255, 255, 255]; };
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('svg, [aria-hidden=true]') || !el.offsetParent) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const st = getComputedStyle(el);
  const a = lum(rgb(st.color)), b = lum(bg(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const px = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
  const need = px >= 24 || (bold && px >= 18.66) ? 3 : 4.5;
  if (ratio < need) out.push('contrast ' + ratio.toFixed(2) + ' ' + el.tagName + ' ' + el.textContent.trim().slice(0, 30));
}
return out;
"#;

/// Tab from the top of the page: first the skip link (visible when focused), then the
/// search box within a few more presses; Enter on the skip link moves to the content.
async fn keyboard(c: &Client, base: &str) {
    c.goto(&format!("{base}/stories")).await.unwrap();
    let body = c.find(Locator::Css("body")).await.unwrap();
    let tab = char::from(Key::Tab).to_string();
    body.send_keys(&tab).await.unwrap();
    let first = js(
        c,
        "const a = document.activeElement; const r = a.getBoundingClientRect();
         return [a.className, a.getAttribute('href'), r.left, r.width]",
    )
    .await;
    assert_eq!(
        first[0],
        json!("skip"),
        "Tab first reaches the skip link: {first}"
    );
    assert_eq!(first[1], json!("#main"));
    assert!(
        first[2].as_f64().unwrap() >= 0.0 && first[3].as_f64().unwrap() > 0.0,
        "the focused skip link is on screen: {first}"
    );
    let mut reached = false;
    for _ in 0..12 {
        c.active_element()
            .await
            .unwrap()
            .send_keys(&tab)
            .await
            .unwrap();
        if js(c, "return document.activeElement.id").await == json!("q") {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the search box within the header");
    c.goto(&format!("{base}/stories")).await.unwrap();
    let body = c.find(Locator::Css("body")).await.unwrap();
    body.send_keys(&tab).await.unwrap();
    c.active_element()
        .await
        .unwrap()
        .send_keys(&char::from(Key::Enter).to_string())
        .await
        .unwrap();
    let u = c.current_url().await.unwrap();
    assert_eq!(
        u.fragment(),
        Some("main"),
        "the skip link jumps to the content"
    );
}

#[test]
fn a_reader_browses_searches_filters_and_pages() {
    let Some(t) = tools() else { return };
    let started = Instant::now();
    let site = start_site();
    let ingested = started.elapsed();
    runtime().block_on(async {
        let b = start_browser(&t, 1024, 900).await;
        let c = &b.c;
        let (article, title) = story_and_article(c, &site.base).await;
        search_from_header(c, &article, &title).await;
        filter_and_page(c, &site.base).await;
        keyboard(c, &site.base).await;
        b.c.clone().close().await.unwrap();
    });
    eprintln!(
        "browser test: ingest + serve {:.1}s, total {:.1}s",
        ingested.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn pages_fit_a_360_px_screen() {
    let Some(t) = tools() else { return };
    let site = start_site();
    runtime().block_on(async {
        let b = start_browser(&t, 360, 740).await;
        let c = &b.c;
        let mut pages = vec![
            "/".to_string(),
            "/stories".into(),
            "/events".into(),
            "/entities".into(),
            "/articles".into(),
            "/search?q=menteri".into(),
        ];
        for list in ["/stories", "/events", "/entities", "/articles"] {
            c.goto(&format!("{}{list}", site.base)).await.unwrap();
            let first = rows(c).await.into_iter().next().expect("a row").0;
            pages.push(first);
        }
        // the comparison pages of the first story and the first event
        let compares: Vec<String> = pages[6..8].iter().map(|p| format!("{p}/compare")).collect();
        pages.extend(compares);
        narrow_screen(c, &site.base, &pages).await;
        b.c.clone().close().await.unwrap();
    });
}

/// Saves the current page as `out/name.png`, the window first made as tall as the page
/// (at most `max_h`) so the shot shows all of it.
async fn shot(c: &Client, out: &Path, name: &str, width: u32, max_h: u32) {
    let h = js(c, "return document.documentElement.scrollHeight").await;
    let h = (h.as_u64().unwrap_or(800) as u32).clamp(400, max_h);
    // the window's own frame is not part of the viewport
    let frame = js(c, "return window.outerHeight - window.innerHeight").await;
    let frame = frame.as_u64().unwrap_or(0) as u32;
    c.set_window_size(width, h + frame).await.unwrap();
    let png = c.screenshot().await.unwrap();
    let file = out.join(format!("{name}.png"));
    std::fs::write(&file, &png).unwrap();
    eprintln!(
        "{} ({} KB) ← {}",
        file.display(),
        png.len() / 1024,
        path(c).await
    );
}

/// Screenshots of every page kind for docs/web.md (run by hand: scripts/screenshots.sh).
#[test]
#[ignore = "writes docs/screenshots/; run by scripts/screenshots.sh"]
fn screenshots() {
    let t = tools().expect("chromium and chromedriver");
    let site = start_site();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    runtime().block_on(async {
        let base = &site.base;
        let b = start_browser(&t, 1000, 800).await;
        let c = &b.c;
        let mut first_of = Vec::new();
        for list in ["/stories?sort=biggest", "/events?sort=biggest", "/entities"] {
            c.goto(&format!("{base}{list}")).await.unwrap();
            first_of.push(rows(c).await.into_iter().next().expect("a row").0);
        }
        let [story, event, _] = <[String; 3]>::try_from(first_of).unwrap();
        // a person with roles, so the shot shows the roles chart
        c.goto(&format!("{base}/entities?type=PER")).await.unwrap();
        let mut entity = String::new();
        for (e, _) in rows(c).await.into_iter().take(20) {
            entity = e;
            c.goto(&format!("{base}{entity}")).await.unwrap();
            if !all(c, "main svg.roles rect").await.is_empty() {
                break;
            }
            c.goto(&format!("{base}/entities?type=PER")).await.unwrap();
        }
        c.goto(&format!("{base}{story}")).await.unwrap();
        let link = c
            .find(Locator::Css("main a[href^='/articles/']"))
            .await
            .unwrap();
        let article = href(&link).await;
        for (name, p) in [
            ("home", "/"),
            ("stories", "/stories?sort=biggest"),
            ("story", &story),
            ("event", &event),
            ("article", &article),
            ("entity", &entity),
            ("search", "/search?q=menteri"),
        ] {
            c.set_window_size(1000, 800).await.unwrap();
            c.goto(&format!("{base}{p}")).await.unwrap();
            shot(c, &out, name, 1000, 1500).await;
        }
        b.c.clone().close().await.unwrap();
        let phone = start_browser(&t, 360, 1200).await;
        phone.c.goto(&format!("{base}{story}")).await.unwrap();
        let png = phone.c.screenshot().await.unwrap();
        std::fs::write(out.join("story-360px.png"), &png).unwrap();
        eprintln!("story-360px.png ({} KB)", png.len() / 1024);
        phone.c.clone().close().await.unwrap();
    });
}
