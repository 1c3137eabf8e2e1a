//! Title, publication date and outlet of the article pages in
//! ../shared/data/html-id/anpandu (26 Indonesian news pages with a scraper's expected
//! fields), as `kabar fetch` reads them: `html::extract_page` (structured metadata first)
//! with the page's URL known, then the outlet resolution of the pipeline.
//!
//! ```text
//! cargo run --release -p kabar-fetch --example eval_pages [DIR]
//! ```
//!
//! Title: exact match after folding white space. Date: the instant read equals the
//! expected one to the minute (a value without a zone is read as WIB, the zone these
//! outlets write in); the share with the right WIB calendar day is printed too. Outlet:
//! the folded name read (letters and digits, lower case) contains the folded expected
//! source name or is contained in it ("Kompas.com" for "Kompas"). Figures are printed for
//! the tune and audit sides of `kabar_core::split` separately; only tune pages are named.

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use kabar_core::split::{split_of, Split};
use kabar_extract::outlet;
use std::path::PathBuf;

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/html-id/anpandu"
            ))
        },
        PathBuf::from,
    );
    let expected_path = dir.join("expected_singlepage.json");
    let text = match std::fs::read_to_string(&expected_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval_pages: cannot read {}: {e}", expected_path.display());
            std::process::exit(1);
        }
    };
    let records: Vec<serde_json::Value> =
        serde_json::from_str(&text).expect("expected_singlepage.json is a JSON array");
    let wib = FixedOffset::east_opt(7 * 3600).expect("valid offset");
    // [split][title, minute, day, outlet, all three, n]
    let mut score = [[0usize; 6]; 2];
    for r in &records {
        let fixture = r["fixture"].as_str().unwrap_or_default();
        let name = fixture.rsplit('/').next().unwrap_or_default();
        let key = format!("html-id/anpandu/html/{name}");
        let side = usize::from(split_of(&key) == Split::Audit);
        let exp = &r["expected"];
        let url = exp["url"].as_str();
        let html_bytes = std::fs::read(dir.join("html").join(name)).unwrap_or_default();
        let (html, _) = kabar_fetch::charset::decode(&html_bytes, None);
        let page = kabar_extract::html::extract_page(&html, url);
        let (title, published, out) = match &page {
            Ok(p) => (
                p.article.title.clone(),
                p.article.published_raw.clone(),
                outlet::resolve(
                    p.article.outlet.as_deref(),
                    p.article.url.as_deref().or(url),
                ),
            ),
            Err(_) => (None, None, None),
        };
        let fold_ws = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let title_ok = title.as_deref().map(fold_ws) == exp["title"].as_str().map(fold_ws);
        let want = exp["date"]
            .as_i64()
            .and_then(|ms| wib.timestamp_millis_opt(ms).single());
        let got = published.as_deref().and_then(kabar_time::parse_published);
        let got_dt = got.as_deref().and_then(|g| instant(g, &wib));
        let minute_ok =
            matches!((got_dt, want), (Some(g), Some(w)) if (g - w).num_seconds().abs() < 60);
        let day_ok = match (&got, want) {
            (Some(g), Some(w)) => {
                got_dt.map_or_else(
                    || g.get(..10).map(str::to_string),
                    |d| Some(d.with_timezone(&wib).format("%Y-%m-%d").to_string()),
                ) == Some(w.format("%Y-%m-%d").to_string())
            }
            _ => false,
        };
        let want_outlet = outlet::fold(exp["source"].as_str().unwrap_or_default());
        let got_outlet = out.as_deref().map(outlet::fold).unwrap_or_default();
        let outlet_ok = !got_outlet.is_empty()
            && !want_outlet.is_empty()
            && (got_outlet.contains(&want_outlet) || want_outlet.contains(&got_outlet));
        let s = &mut score[side];
        s[0] += usize::from(title_ok);
        s[1] += usize::from(minute_ok);
        s[2] += usize::from(day_ok);
        s[3] += usize::from(outlet_ok);
        s[4] += usize::from(title_ok && minute_ok && outlet_ok);
        s[5] += 1;
        if side == 0 && !(title_ok && minute_ok && outlet_ok) {
            println!(
                "tune miss {name}: title {} date {} (read {:?}) outlet {} (read {:?})",
                if title_ok { "ok" } else { "WRONG" },
                if minute_ok { "ok" } else { "WRONG" },
                got,
                if outlet_ok { "ok" } else { "WRONG" },
                out
            );
        }
    }
    for (side, label) in [(0, "tune (upper bound)"), (1, "audit")] {
        let s = score[side];
        let pct = |k: usize| 100.0 * s[k] as f64 / s[5].max(1) as f64;
        println!(
            "{label}: {} pages; title {}/{} ({:.1} %), date to the minute {}/{} ({:.1} %), date day {}/{}, outlet {}/{} ({:.1} %), all three {}/{} ({:.1} %)",
            s[5], s[0], s[5], pct(0), s[1], s[5], pct(1), s[2], s[5], s[3], s[5], pct(3), s[4], s[5], pct(4)
        );
    }
    let t: Vec<usize> = (0..6).map(|k| score[0][k] + score[1][k]).collect();
    let field_pct = 100.0 * (t[0] + t[1] + t[3]) as f64 / (3 * t[5]).max(1) as f64;
    println!(
        "all: {} pages; title {}, date {}, outlet {}; fields right {:.1} %; pages with all three right {:.1} %",
        t[5], t[0], t[1], t[3], field_pct, 100.0 * t[4] as f64 / t[5].max(1) as f64
    );
}

/// The instant of an ISO value; without a zone it is read as WIB.
fn instant(v: &str, wib: &FixedOffset) -> Option<DateTime<FixedOffset>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return Some(d);
    }
    let n = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").ok()?;
    wib.from_local_datetime(&n).single()
}
