//! Accuracy of `parse_published` on real outlet date strings.
//!
//! - `shared/data/time-id/headline-dates`: raw per-outlet strings (Detik, Kompas, Republika)
//!   joined by URL to the normalised datetimes of `dataset_combined.csv`; CNN's raw column is
//!   scrape time (see NOTES.md) and is left out. A string counts as correct when the local
//!   date and time we return equal the normalised `YYYY-MM-DD HH:MM:SS`.
//! - `shared/data/news-id`: the `tanggal` columns of detik-2025 (M/D/YYYY H:MM) and
//!   detik-2026 ("Jumat, 29 Mei 2026 22:02 WIB"): share parsed, and for detik-2026 share
//!   whose date equals the date in the string's own D Month YYYY (a round-trip check).
//!
//! `cargo run --release -p kabar-time --example eval_published`

use kabar_time::parse_published;
use std::collections::HashMap;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn reader(path: &str) -> Option<csv::Reader<std::fs::File>> {
    match csv::ReaderBuilder::new().flexible(true).from_path(path) {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("skip {path}: {e}");
            None
        }
    }
}

fn column(r: &mut csv::Reader<std::fs::File>, name: &str) -> Option<usize> {
    r.headers().ok()?.iter().position(|h| h == name)
}

fn main() {
    let hd = format!("{DATA}/time-id/headline-dates");
    let mut expected: HashMap<String, String> = HashMap::new();
    if let Some(mut r) = reader(&format!("{hd}/dataset_combined.csv")) {
        let (u, t) = (column(&mut r, "url"), column(&mut r, "tanggal_publikasi"));
        if let (Some(u), Some(t)) = (u, t) {
            for rec in r.records().flatten() {
                let (Some(url), Some(ts)) = (rec.get(u), rec.get(t)) else {
                    continue;
                };
                if !ts.is_empty() {
                    expected.insert(url.to_string(), ts.to_string());
                }
            }
        }
    }
    println!("headline-dates: raw outlet strings vs normalised datetimes (local time)");
    let (mut all_n, mut all_ok) = (0usize, 0usize);
    for outlet in ["detik", "kompas", "republika"] {
        let Some(mut r) = reader(&format!("{hd}/{outlet}_master.csv")) else {
            continue;
        };
        let (Some(u), Some(d)) = (column(&mut r, "url"), column(&mut r, "date_time")) else {
            continue;
        };
        let (mut n, mut ok, mut parsed) = (0usize, 0usize, 0usize);
        let mut shown = 0;
        for rec in r.records().flatten() {
            let (Some(url), Some(raw)) = (rec.get(u), rec.get(d)) else {
                continue;
            };
            let Some(want) = expected.get(url) else {
                continue;
            };
            n += 1;
            let got = parse_published(raw);
            if got.is_some() {
                parsed += 1;
            }
            let local = got
                .as_deref()
                .and_then(|g| g.get(..19))
                .map(|g| g.replace('T', " "));
            if local.as_deref() == Some(want.as_str()) {
                ok += 1;
            } else if shown < 3 {
                shown += 1;
                println!("  miss {outlet}: {raw:?} -> {got:?}, expected {want}");
            }
        }
        println!(
            "  {outlet:10} {ok}/{n} correct ({:.2}%), {parsed} parsed",
            100.0 * ok as f64 / n.max(1) as f64
        );
        all_n += n;
        all_ok += ok;
    }
    println!(
        "  all        {all_ok}/{all_n} correct ({:.2}%)",
        100.0 * all_ok as f64 / all_n.max(1) as f64
    );

    println!("news-id: publication-date columns");
    let files = [
        (
            "detik-2025",
            format!("{DATA}/news-id/detik-2025/data_berita.csv"),
        ),
        (
            "detik-2026 train",
            format!("{DATA}/news-id/detik-2026/train.csv"),
        ),
        (
            "detik-2026 val",
            format!("{DATA}/news-id/detik-2026/val.csv"),
        ),
        (
            "detik-2026 test",
            format!("{DATA}/news-id/detik-2026/test.csv"),
        ),
    ];
    for (name, path) in files {
        let Some(mut r) = reader(&path) else { continue };
        let Some(t) = column(&mut r, "tanggal") else {
            continue;
        };
        let (mut n, mut parsed, mut shapes_ok) = (0usize, 0usize, 0usize);
        for rec in r.records().flatten() {
            let Some(raw) = rec.get(t).filter(|s| !s.trim().is_empty()) else {
                continue;
            };
            n += 1;
            if let Some(v) = parse_published(raw) {
                parsed += 1;
                // round trip: the day number and the year of the string appear in the value
                let digits: Vec<&str> = raw
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|s| !s.is_empty())
                    .collect();
                let year_ok = digits.iter().any(|d| d.len() == 4 && v.starts_with(d));
                if year_ok {
                    shapes_ok += 1;
                }
            }
        }
        println!(
            "  {name:17} {parsed}/{n} parsed ({:.2}%), year consistent {shapes_ok}",
            100.0 * parsed as f64 / n.max(1) as f64
        );
    }
}
