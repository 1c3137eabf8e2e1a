//! Compares HTML article extractors on ../shared/data/html-id/anpandu (26 Indonesian news
//! pages with a scraper's expected title/date/body).
//!
//! ```text
//! cargo run --release -p kabar-extract --example eval_html                                # dom_smoothie only
//! cargo run --release -p kabar-extract --features eval-trafilatura --example eval_html    # both
//! ```
//!
//! Metrics per extractor: body token F1 against the expected body (bag of lower-cased word
//! tokens, micro-averaged per page then macro-averaged), title exact match (white space
//! folded), the share of pages where a date was found whose calendar day (as written, or
//! converted to WIB) equals the expected one, and the mean time per page over
//! `REPEAT` passes.

use kabar_extract::html::{self, HtmlArticle, HtmlError};
use std::collections::HashMap;
use std::time::Instant;

const REPEAT: usize = 5;

fn data_dir() -> std::path::PathBuf {
    let base = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/html-id/anpandu"
        )
        .to_string()
    });
    std::path::PathBuf::from(base)
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn f1(got: &str, want: &str) -> (f64, f64, f64) {
    let mut want_counts: HashMap<String, usize> = HashMap::new();
    for t in tokens(want) {
        *want_counts.entry(t).or_default() += 1;
    }
    let got_t = tokens(got);
    let n_want: usize = want_counts.values().sum();
    let mut hit = 0usize;
    for t in &got_t {
        if let Some(c) = want_counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                hit += 1;
            }
        }
    }
    if got_t.is_empty() || n_want == 0 {
        return (0.0, 0.0, 0.0);
    }
    let p = hit as f64 / got_t.len() as f64;
    let r = hit as f64 / n_want as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The expected day in WIB (UTC+7) from epoch milliseconds, as YYYY-MM-DD.
fn wib_day(ms: i64) -> String {
    let days = (ms / 1000 + 7 * 3600).div_euclid(86_400);
    // civil-from-days (Howard Hinnant)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

fn day_matches(got: Option<&str>, want_ms: Option<i64>) -> bool {
    let (Some(g), Some(ms)) = (got, want_ms) else {
        return false;
    };
    let want = wib_day(ms);
    // ISO-like date at the start, or an Indonesian/other form that contains day, month, year
    if g.len() >= 10 && g[..10] == want {
        return true;
    }
    // "Rabu, 4 November 2015 | 21:04 WIB": day, month name, year
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "mei|may", "jun", "jul", "ag|aug", "sep", "okt|oct", "nov",
        "des|dec",
    ];
    let (y, m, d) = (&want[..4], &want[5..7], &want[8..10]);
    let lower = g.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect();
    let mi: usize = m.parse().unwrap_or(0);
    let month_ok = MONTHS.get(mi.wrapping_sub(1)).is_some_and(|alts| {
        words
            .iter()
            .any(|w| alts.split('|').any(|a| w.starts_with(a)))
    });
    words.contains(&y)
        && month_ok
        && words
            .iter()
            .any(|x| x.trim_start_matches('0') == d.trim_start_matches('0'))
}

type Extractor = fn(&str, Option<&str>) -> Result<HtmlArticle, HtmlError>;

fn main() {
    let dir = data_dir();
    let expected: serde_json::Value =
        match std::fs::read_to_string(dir.join("expected_singlepage.json"))
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                eprintln!("cannot read {}: {e}", dir.display());
                std::process::exit(1);
            }
        };
    let records = expected.as_array().cloned().unwrap_or_default();
    let mut pages: Vec<(String, String, serde_json::Value)> = Vec::new();
    for r in &records {
        let fixture = r["fixture"].as_str().unwrap_or("");
        let file = fixture.rsplit('/').next().unwrap_or("");
        let bytes = match std::fs::read(dir.join("html").join(file)) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("skip {file}: {e}");
                continue;
            }
        };
        // decode as the sources module does: UTF-8, else Windows-1252
        let html = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => encoding_rs::WINDOWS_1252
                .decode(e.as_bytes())
                .0
                .into_owned(),
        };
        pages.push((file.to_string(), html, r["expected"].clone()));
    }
    let extractors: Vec<(&str, Extractor)> = vec![
        ("dom_smoothie", html::extract),
        #[cfg(feature = "eval-trafilatura")]
        ("rs-trafilatura", html::extract_trafilatura),
    ];

    let verbose = std::env::var_os("VERBOSE").is_some();
    println!("{} pages from {}", pages.len(), dir.display());
    println!(
        "| extractor | body P | body R | body F1 | pages F1≥0.9 | title exact | date day | errors | ms/page |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, ex) in &extractors {
        let (mut sp, mut sr, mut sf, mut good, mut titles, mut dates, mut errors) =
            (0.0, 0.0, 0.0, 0, 0, 0, 0);
        for (file, html, want) in &pages {
            let url = want["url"].as_str();
            match ex(html, url) {
                Ok(a) => {
                    let (p, r, f) = f1(&a.body, want["content"].as_str().unwrap_or(""));
                    sp += p;
                    sr += r;
                    sf += f;
                    if f >= 0.9 {
                        good += 1;
                    }
                    let t_ok = a.title.as_deref().map(fold) == want["title"].as_str().map(fold);
                    if t_ok {
                        titles += 1;
                    }
                    let d_ok = day_matches(a.published_raw.as_deref(), want["date"].as_i64());
                    if d_ok {
                        dates += 1;
                    }
                    if verbose {
                        println!(
                            "  {name} {file}: P {p:.2} R {r:.2} F1 {f:.2} title {} ({:?}) date {} ({:?})",
                            t_ok, a.title, d_ok, a.published_raw
                        );
                    }
                }
                Err(e) => {
                    errors += 1;
                    if verbose {
                        println!("  {name} {file}: error {e}");
                    }
                }
            }
        }
        let start = Instant::now();
        for _ in 0..REPEAT {
            for (_, html, want) in &pages {
                let _ = std::hint::black_box(ex(html, want["url"].as_str()));
            }
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / (REPEAT * pages.len()).max(1) as f64;
        let n = pages.len().max(1) as f64;
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {good}/{} | {titles}/{} | {dates}/{} | {errors} | {ms:.1} |",
            sp / n,
            sr / n,
            sf / n,
            pages.len(),
            pages.len(),
            pages.len()
        );
    }
}
