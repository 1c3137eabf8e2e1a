//! Sanity runs of `analyze` on real news (no gold expressions exist for them):
//!
//! - `shared/data/time-id/indotimex-dev` (50 Kompas articles, TimeML with the document date
//!   only): expressions found per article and per type, and publication-date inference
//!   (`published = None`) against the document creation time.
//! - `shared/data/news-id/detik-2025` and `detik-2026`: publication-date inference from the
//!   body against the date the outlet printed (parsed with `parse_published`), and
//!   `weekday_mismatch` / `date_in_future` counts with the date given.
//!
//! `cargo run --release -p kabar-time --example eval_corpus [-- -v]`

use chrono::NaiveDate;
use kabar_core::Lang;
use kabar_time::{analyze, parse_published, published_date};
use std::collections::BTreeMap;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn between<'a>(s: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let i = s.find(a)? + a.len();
    let j = s[i..].find(b)? + i;
    Some(&s[i..j])
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    // indotimex-dev
    let dir = format!("{DATA}/time-id/indotimex-dev/kompas_development");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let (mut docs, mut total, mut inferred_ok, mut inferred_any) = (0usize, 0usize, 0usize, 0usize);
    let mut inferred_near = 0usize;
    let mut by_type: BTreeMap<String, usize> = BTreeMap::new();
    let mut texts: BTreeMap<String, usize> = BTreeMap::new();
    for p in &paths {
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        let s = String::from_utf8_lossy(&bytes);
        let Some(dct) = between(&s, "<DCT>", "</DCT>").and_then(|d| between(d, "value=\"", "\""))
        else {
            continue;
        };
        let Some(text) = between(&s, "<TEXT>", "</TEXT>") else {
            continue;
        };
        let text = strip_tags(text);
        docs += 1;
        let a = analyze(&text, Lang::Id, Some(dct), today);
        total += a.times.len();
        for t in &a.times {
            *by_type
                .entry(format!("{:?}", t.kind).to_uppercase())
                .or_default() += 1;
            *texts.entry(t.span.slice(&text).to_lowercase()).or_default() += 1;
            if verbose {
                println!("{dct}\t{:?}\t{}\t{}", t.kind, t.value, t.span.slice(&text));
            }
        }
        let inf = analyze(&text, Lang::Id, None, today);
        if let Some(p) = inf.published {
            inferred_any += 1;
            let want = NaiveDate::parse_from_str(dct.get(..10).unwrap_or(dct), "%Y-%m-%d").ok();
            let got = published_date(&p.value);
            if got.is_some() && got == want {
                inferred_ok += 1;
            } else if got
                .zip(want)
                .is_some_and(|(g, w)| (w - g).num_days().abs() <= 1)
            {
                inferred_near += 1;
            } else if verbose {
                println!("INFER {dct} got {}", p.value);
            }
        }
    }
    println!(
        "indotimex-dev: {docs} Kompas articles, {total} expressions ({:.1} per article)",
        total as f64 / docs.max(1) as f64
    );
    println!("  by type: {by_type:?}");
    let mut common: Vec<_> = texts.into_iter().collect();
    common.sort_by_key(|c| std::cmp::Reverse(c.1));
    let top: Vec<String> = common
        .iter()
        .take(15)
        .map(|(t, n)| format!("{t:?}×{n}"))
        .collect();
    println!("  most frequent: {}", top.join(", "));
    println!(
        "  published inferred for {inferred_any}/{docs}; equal to the DCT date: {inferred_ok}/{docs} ({:.1}%), within a day: {}/{docs} ({:.1}%)",
        100.0 * inferred_ok as f64 / docs.max(1) as f64,
        inferred_ok + inferred_near,
        100.0 * (inferred_ok + inferred_near) as f64 / docs.max(1) as f64
    );

    // detik
    for (path, body) in [
        (
            format!("{DATA}/news-id/detik-2025/data_berita.csv"),
            "isi_berita",
        ),
        (format!("{DATA}/news-id/detik-2026/val.csv"), "isi"),
        (format!("{DATA}/news-id/detik-2026/test.csv"), "isi"),
    ] {
        let Ok(mut r) = csv::Reader::from_path(&path) else {
            continue;
        };
        let Ok(h) = r.headers() else { continue };
        let (Some(ti), Some(bi)) = (
            h.iter().position(|x| x == "tanggal"),
            h.iter().position(|x| x == body),
        ) else {
            continue;
        };
        let (mut n, mut inferred, mut ok, mut within1, mut exprs, mut mism, mut fut) =
            (0, 0, 0, 0, 0, 0, 0);
        for rec in r.records().flatten() {
            let (Some(raw), Some(text)) = (rec.get(ti), rec.get(bi)) else {
                continue;
            };
            let Some(given) = parse_published(raw) else {
                continue;
            };
            let Some(gd) = published_date(&given) else {
                continue;
            };
            n += 1;
            let a = analyze(text, Lang::Id, Some(&given), today);
            exprs += a.times.len();
            mism += a
                .warnings
                .iter()
                .filter(|w| w.kind == "weekday_mismatch")
                .count();
            fut += a
                .warnings
                .iter()
                .filter(|w| w.kind == "date_in_future")
                .count();
            if verbose {
                for w in &a.warnings {
                    println!("WARN {given} {} {}", w.kind, w.message);
                }
            }
            let inf = analyze(text, Lang::Id, None, today);
            if let Some(p) = inf.published.and_then(|p| published_date(&p.value)) {
                inferred += 1;
                if p == gd {
                    ok += 1;
                }
                if (gd - p).num_days().abs() <= 1 {
                    within1 += 1;
                }
            }
        }
        println!(
            "{path}: {n} articles, {exprs} expressions; inferred date for {inferred}, same day {ok} ({:.1}%), within a day {within1} ({:.1}%); warnings: weekday_mismatch {mism}, date_in_future {fut}",
            100.0 * ok as f64 / n.max(1) as f64,
            100.0 * within1 as f64 / n.max(1) as f64
        );
    }
}
