//! The web app's pages and the paged API lists answer what the store holds, link every
//! row somewhere, and keep hostile titles and bodies inert.

use kabar_core::analysis::{ActionOut, EntityOut, QuoteOut, TextSpan, TimeOut, WarningOut};
use kabar_core::{Analysis, EntityType, Lang, Plover, Published, Removed, RemovedKind, TimeType};
use kabar_server::{router, ServerConfig};
use kabar_store::{ArticleLinks, Store};
use std::io::{Read, Write};
use std::net::SocketAddr;

struct Answer {
    status: u16,
    headers: String,
    body: String,
}

fn get(addr: SocketAddr, path: &str) -> Answer {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = String::new();
    s.read_to_string(&mut buf).unwrap();
    let status = buf[9..12].parse().unwrap();
    let (headers, body) = buf.split_once("\r\n\r\n").unwrap();
    Answer {
        status,
        headers: headers.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

fn json(a: &Answer) -> serde_json::Value {
    assert_eq!(a.status, 200, "{}", a.body);
    serde_json::from_str(&a.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", a.body))
}

fn ok_html(a: &Answer) -> &str {
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(
        a.headers.contains("content-type: text/html"),
        "{}",
        a.headers
    );
    assert!(!a.body.contains("<script"), "pages carry no script");
    assert!(
        !a.body.contains("PRESENT_REF"),
        "raw TimeML value on screen"
    );
    &a.body
}

fn total(a: &Answer) -> u64 {
    a.headers
        .lines()
        .find_map(|l| l.strip_prefix("x-total-count: "))
        .unwrap_or_else(|| panic!("no X-Total-Count in {}", a.headers))
        .trim()
        .parse()
        .unwrap()
}

fn span_of(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).unwrap();
    let start = text[..b].chars().count();
    (start, start + needle.chars().count())
}

const BODY: &str = "Presiden Joko Widodo meresmikan bendungan pada Senin. \"Kami bangga <img src=x onerror=alert(1)>,\" kata Joko Widodo.";

/// An article of story `s`, event `e`, on `day`, by `outlet`; the first of them carries
/// the full annotation and hostile markup.
fn article(id: &str, day: &str, outlet: &str, title: &str) -> Analysis {
    let text = format!("{title}. {BODY}");
    let (ps, pe) = span_of(&text, "Joko Widodo");
    let (ts, te) = span_of(&text, "Senin");
    let (as_, ae) = span_of(&text, "meresmikan");
    let (qs, qe) = span_of(&text, "Kami bangga <img src=x onerror=alert(1)>,");
    Analysis {
        id: id.into(),
        source: "t.txt".into(),
        external_id: None,
        title: Some(title.into()),
        url: Some(format!("https://{outlet}.example/{id}")),
        outlet: Some(outlet.into()),
        dateline: None,
        lang: Lang::Id,
        published: Some(Published {
            value: format!("{day}T10:00:00+07:00"),
            inferred: false,
            from: "input".into(),
        }),
        text: text.clone(),
        removed: vec![Removed {
            kind: RemovedKind::ReadAlso,
            text: "Baca juga: <b>lain</b>".into(),
        }],
        sentences: vec![],
        entities: vec![EntityOut {
            id: "per:joko-widodo".into(),
            name: "Joko Widodo".into(),
            kind: EntityType::Per,
            mentions: vec![TextSpan {
                start: ps,
                end: pe,
                text: "Joko Widodo".into(),
            }],
            aliases: vec![],
            roles: vec![],
        }],
        times: vec![TimeOut {
            start: ts,
            end: te,
            text: "Senin".into(),
            kind: TimeType::Date,
            value: day.into(),
        }],
        actions: vec![ActionOut {
            plover: Plover::Cooperate,
            kind: "inaugurate".into(),
            source: vec!["per:joko-widodo".into()],
            target: vec![],
            date: Some(day.into()),
            sentence: 0,
            trigger: TextSpan {
                start: as_,
                end: ae,
                text: "meresmikan".into(),
            },
            negated: false,
        }],
        quotes: vec![QuoteOut {
            speaker: Some("per:joko-widodo".into()),
            text: "Kami bangga".into(),
            direct: true,
            start: qs,
            end: qe,
        }],
        warnings: vec![WarningOut {
            kind: "date_guess".into(),
            start: 0,
            end: 0,
            message: "date <i>guessed</i>".into(),
        }],
    }
}

/// Three stories: s:big (3 articles, two outlets, newest), s:mid (2), s:old (1, oldest,
/// hostile title).
fn store(db: &std::path::Path) {
    let docs = [
        (
            "a:1",
            "2026-05-20",
            "warta",
            "<script>alert(1)</script> Bendungan",
            "e:old",
            "s:old",
        ),
        (
            "a:2",
            "2026-05-25",
            "warta",
            "Banjir Bandung",
            "e:mid",
            "s:mid",
        ),
        (
            "a:3",
            "2026-05-26",
            "kabari",
            "Banjir Bandung meluas",
            "e:mid",
            "s:mid",
        ),
        (
            "a:4",
            "2026-05-28",
            "warta",
            "Gempa Garut",
            "e:big",
            "s:big",
        ),
        (
            "a:5",
            "2026-05-29",
            "kabari",
            "Gempa Garut susulan",
            "e:big",
            "s:big",
        ),
        (
            "a:6",
            "2026-05-29",
            "warta",
            "Gempa Garut: korban",
            "e:big2",
            "s:big",
        ),
    ];
    let arts: Vec<Analysis> = docs
        .iter()
        .map(|(id, day, o, t, _, _)| article(id, day, o, t))
        .collect();
    let mut s = Store::open(db).unwrap();
    s.ingest_batch(&arts, &mut |batch, _| {
        Ok((
            batch
                .iter()
                .map(|d| {
                    let (_, _, _, _, e, st) = docs.iter().find(|x| x.0 == d.id).unwrap();
                    ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: (*e).into(),
                        story: (*st).into(),
                    }
                })
                .collect(),
            vec![],
        ))
    })
    .unwrap();
}

fn serve(db: std::path::PathBuf) -> (tokio::runtime::Runtime, SocketAddr) {
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

fn setup() -> (tempfile::TempDir, tokio::runtime::Runtime, SocketAddr) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    store(&db);
    let (rt, addr) = serve(db);
    (dir, rt, addr)
}

#[test]
fn article_page_highlights_escapes_and_links() {
    let (_d, _rt, addr) = setup();
    let a = get(addr, "/articles/a:1");
    let b = ok_html(&a);
    // hostile title and body stay text
    assert!(b.contains("&lt;script&gt;alert(1)&lt;/script&gt; Bendungan"));
    assert!(!b.contains("<img"), "body markup must be escaped");
    assert!(b.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // highlights: entity (linked), time, action, quote
    assert!(
        b.contains("<a href=\"/entities/per%3Ajoko-widodo\" class=\"m-ent\""),
        "{b}"
    );
    assert!(b.contains("class=\"m-time\" title=\"time: 2026-05-20\">Senin<"));
    assert!(
        b.contains("class=\"m-act\" title=\"COOPERATE: inaugurate\">meresmikan<"),
        "{b}"
    );
    assert!(b.contains("class=\"m-quote\""));
    // where it sits, where it came from, what was removed, what is doubtful
    assert!(b.contains("href=\"/events/e%3Aold\""));
    assert!(b.contains("href=\"/stories/s%3Aold\""));
    assert!(b.contains("href=\"https://warta.example/a:1\""));
    assert!(b.contains("<summary>Removed boilerplate (1)</summary>"));
    assert!(b.contains("Baca juga: &lt;b&gt;lain&lt;/b&gt;"));
    assert!(b.contains("date &lt;i&gt;guessed&lt;/i&gt;"));
    assert!(b.contains("2026-05-20 10:00 · "), "{b}");

    let v = json(&get(addr, "/api/v1/articles/a:1"));
    assert_eq!(v["event"], "e:old");
    assert_eq!(v["story"], "s:old");
    assert_eq!(v["url"], "https://warta.example/a:1");
    assert_eq!(v["entities"][0]["id"], "per:joko-widodo");

    let nf = get(addr, "/articles/a:nope");
    assert_eq!(nf.status, 404);
    assert!(nf.headers.contains("text/html"), "{}", nf.headers);
    assert!(nf.body.contains("no article a:nope"));
}

#[test]
fn stories_are_paged_sorted_and_filtered() {
    let (_d, _rt, addr) = setup();
    let a = get(addr, "/api/v1/stories?sort=biggest&limit=1");
    assert_eq!(total(&a), 3);
    let v = json(&a);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], "s:big");
    assert_eq!(v[0]["outlets"], 2);
    let v = json(&get(addr, "/api/v1/stories?sort=biggest&limit=1&offset=1"));
    assert_eq!(v[0]["id"], "s:mid");
    let v = json(&get(addr, "/api/v1/stories?sort=oldest"));
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["s:old", "s:mid", "s:big"]);
    let v = json(&get(addr, "/api/v1/stories"));
    assert_eq!(v[0]["id"], "s:big", "latest first by default");
    // growth: the last 2 days (05-28, 05-29) hold 3 of s:big's articles, the 2 before none
    let v = json(&get(addr, "/api/v1/stories?sort=growth"));
    assert_eq!(v[0]["id"], "s:big");
    assert_eq!(v[0]["growth"], 3);
    // filters
    let a = get(addr, "/api/v1/stories?from=2026-05-21&to=2026-05-27");
    assert_eq!(total(&a), 1);
    assert_eq!(json(&a)[0]["id"], "s:mid");
    let a = get(addr, "/api/v1/stories?outlet=kabari");
    assert_eq!(total(&a), 2);
    let a = get(addr, "/api/v1/stories?entity=Joko%20Widodo&lang=en");
    assert_eq!(total(&a), 0);
    let a = get(addr, "/api/v1/stories?entity=Joko%20Widodo&lang=id");
    assert_eq!(total(&a), 3);
    // bad parameters: JSON 400 naming them
    for (q, word) in [
        ("sort=random", "sort"),
        ("limit=-1", "limit"),
        ("from=29-05-2026", "from"),
        ("page=0", "page"),
    ] {
        let a = get(addr, &format!("/api/v1/stories?{q}"));
        assert_eq!(a.status, 400, "{q}");
        let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
        assert_eq!(v["error"], "bad_request");
        assert!(v["message"].as_str().unwrap().contains(word), "{}", a.body);
    }
    let a = get(addr, "/api/v1/stories?entity=nobody");
    assert_eq!(a.status, 404);

    // the same in HTML: one per page, a pager keeping the filters
    let a = get(addr, "/stories?sort=biggest&limit=1&page=2");
    let b = ok_html(&a);
    assert!(b.contains("href=\"/stories/s%3Amid\""), "{b}");
    assert!(!b.contains("href=\"/stories/s%3Abig\""));
    assert!(b.contains("Page 2 of 3"));
    assert!(
        b.contains("href=\"/stories?sort=biggest&amp;limit=1&amp;page=3\""),
        "{b}"
    );
    assert!(b.contains("<option value=\"biggest\" selected>"));
    let a = get(addr, "/stories?from=nope");
    assert_eq!(a.status, 400);
    assert!(a.body.contains("from must be a date"));
}

#[test]
fn other_lists_are_paged_and_link_to_records() {
    let (_d, _rt, addr) = setup();
    let a = get(addr, "/api/v1/events?limit=2");
    assert_eq!(total(&a), 4);
    assert_eq!(json(&a).as_array().unwrap().len(), 2);
    let a = get(addr, "/api/v1/articles?outlet=kabari");
    assert_eq!(total(&a), 2);
    let a = get(addr, "/api/v1/entities?type=per&limit=5");
    assert_eq!(total(&a), 1);
    assert_eq!(json(&a)[0]["name"], "Joko Widodo");
    let a = get(addr, "/api/v1/search?q=gempa&limit=2");
    assert_eq!(total(&a), 3);
    let v = json(&a);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(v[0]["snippet"].as_str().unwrap().contains('['), "{v}");
    let a = get(addr, "/api/v1/search?q=gempa&from=2026-05-29");
    assert_eq!(total(&a), 2);
    let v = json(&get(addr, "/api/v1/events/e:big"));
    assert_eq!(v["article_rows"][0]["id"], "a:4");
    assert_eq!(v["article_rows"][1]["outlet"], "kabari");

    // search hits, article rows, event and story pages all lead to article pages
    let b = get(addr, "/search?q=gempa");
    let b = ok_html(&b);
    assert!(b.contains("href=\"/articles/a%3A4\""));
    assert!(
        b.contains("<mark>Gempa</mark>") || b.contains("<mark>gempa</mark>") || b.contains("Garut")
    );
    assert!(
        b.contains("value=\"gempa\""),
        "the search box keeps the query"
    );
    let b = get(addr, "/articles?limit=2");
    let b = ok_html(&b);
    assert!(b.contains("href=\"/articles/a%3A6\"") && b.contains("href=\"/events/e%3Abig2\""));
    assert!(b.contains("Page 1 of 3"));
    let b = get(addr, "/events/e:big");
    let b = ok_html(&b);
    assert!(b.contains("href=\"/articles/a%3A5\"") && b.contains("kabari"));
    assert!(b.contains("href=\"/stories/s%3Abig\""));
    let b = get(addr, "/stories/s:big");
    let b = ok_html(&b);
    assert!(b.contains("href=\"/events/e%3Abig2\""));
    assert!(
        b.contains("href=\"/articles/a%3A4\""),
        "timeline sources link to articles"
    );
    assert!(b.contains("<svg") && b.contains("Articles per day by outlet"));
    assert!(
        b.contains("kabari") && b.contains("warta"),
        "chart legend by outlet"
    );
    let b = get(addr, "/entities/per:joko-widodo");
    let b = ok_html(&b);
    assert!(b.contains("Joko Widodo") && b.contains("href=\"/stories?entity=per%3Ajoko-widodo\""));
    let b = get(addr, "/entities?type=PER");
    assert!(ok_html(&b).contains("href=\"/entities/per%3Ajoko-widodo\""));
    let b = get(addr, "/events");
    assert!(ok_html(&b).contains("href=\"/events/e%3Aold\""));
}

#[test]
fn home_shows_growing_stories_with_sparklines_and_stays_small() {
    let (_d, _rt, addr) = setup();
    let a = get(addr, "/");
    let b = ok_html(&a);
    assert!(b.contains("the newest is from 2026-05-29"));
    // newest day: s:big only; last 7 days: s:big then s:mid (s:old is 9 days old)
    let day = b.split("Active in the last 7 days").next().unwrap();
    assert!(day.contains("s%3Abig") && !day.contains("s%3Amid"));
    let week = b.split("Active in the last 7 days").nth(1).unwrap();
    let (big, mid) = (week.find("s%3Abig").unwrap(), week.find("s%3Amid").unwrap());
    assert!(big < mid, "ordered by growth");
    assert!(!week.contains("s%3Aold"));
    assert_eq!(b.matches("<svg class=\"spark\"").count(), 3);
    assert!(b.contains("aria-label=\"3 article(s) over the 14 days to 2026-05-29"));
    // no page pulls a whole list: no script, no API fetch
    assert!(!b.contains("/api/v1/entities"));
    // the header's search form may wrap under the title on a narrow screen (measured in
    // a real browser at 360 px by kabar-cli/tests/browser.rs)
    assert!(b.contains("@media (max-width:480px){"));
    assert!(b.contains("header form{margin-left:0;max-width:none;flex-basis:100%}"));
    let nf = get(addr, "/no/such/page");
    assert_eq!(nf.status, 404);
    assert!(nf.headers.contains("text/html"));
    let nf = get(addr, "/api/v1/no/such");
    assert_eq!(nf.status, 404);
    assert!(nf.headers.contains("application/json"));
}

#[test]
fn exports_write_every_row_as_jsonl_or_csv() {
    let (_d, _rt, addr) = setup();
    let a = get(addr, "/api/v1/export/actions?format=csv");
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.headers.contains("text/csv"));
    let mut lines = a.body.lines();
    assert_eq!(
        lines.next().unwrap(),
        "date,source,source_name,source_country,target,target_name,target_country,type,kind,sources,urls"
    );
    // six articles each report the act on their own day: one row per day
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(
        rows[4].starts_with("2026-05-29,per:joko-widodo,Joko Widodo,,,,,COOPERATE,inaugurate,2,"),
        "{}",
        rows[4]
    );
    let a = get(addr, "/api/v1/export/articles");
    assert!(a.headers.contains("application/x-ndjson"));
    assert_eq!(a.body.lines().count(), 6);
    let first: serde_json::Value = serde_json::from_str(a.body.lines().next().unwrap()).unwrap();
    assert_eq!(first["url"], "https://warta.example/a:1");
    assert_eq!(first["event"], "e:old");
    let a = get(addr, "/api/v1/export/events?format=csv");
    assert_eq!(a.body.lines().count(), 5);
    let a = get(addr, "/api/v1/export/entities?format=xml");
    assert_eq!(a.status, 400);
    assert!(a.body.contains("format must be jsonl or csv"));
    let a = get(addr, "/api/v1/export/quotes");
    assert_eq!(a.status, 404);
}

#[test]
fn compare_pages_show_first_reports_coverage_and_link_back() {
    let (_d, _rt, addr) = setup();
    // the event page links to its comparison
    let ev = get(addr, "/events/e:mid");
    assert!(
        ok_html(&ev).contains("href=\"/events/e%3Amid/compare\"")
            || ev.body.contains("href=\"/events/e:mid/compare\""),
        "{}",
        ev.body
    );
    let c = get(addr, "/events/e:mid/compare");
    let body = ok_html(&c);
    assert!(body.contains("Who reported when"), "{body}");
    // both outlets, warta first (25 May) and kabari one day later
    let (w, k) = (
        body.find(">warta<").unwrap(),
        body.find(">kabari<").unwrap(),
    );
    assert!(w < k, "first report first: {body}");
    assert!(body.contains("<strong>first</strong>"), "{body}");
    assert!(body.contains("Coverage"), "{body}");
    // the cells link to the articles that support them
    assert!(body.contains("href=\"/articles/a:2\"") || body.contains("href=\"/articles/a%3A2\""));
    // a hostile title is escaped on the comparison page too
    let old = get(addr, "/events/e:old/compare");
    assert!(ok_html(&old).contains("&lt;script&gt;"), "{}", old.body);
    // the story comparison rolls outlets up and lists its multi-outlet events
    let st = get(addr, "/stories/s:big/compare");
    let sb = ok_html(&st);
    assert!(sb.contains("Outlets across the story"), "{sb}");
    assert!(sb.contains("of 2</td>"), "two events in the story: {sb}");
    let story = get(addr, "/stories/s:big");
    assert!(ok_html(&story).contains("/compare\">Compare outlets</a>"));
    // unknown IDs are HTML 404s
    let missing = get(addr, "/events/e:nope/compare");
    assert_eq!(missing.status, 404, "{}", missing.body);
    assert!(missing.headers.contains("content-type: text/html"));
}
