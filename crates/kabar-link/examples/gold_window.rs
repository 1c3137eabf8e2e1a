//! Prints the TUNE-side Detik 2026 articles of a date window (key, date, category, title,
//! lead) for annotating the event/story gold set by reading. Audit-side articles are
//! skipped (`kabar_core::split::split_of`), so this tool never shows them.
//!
//! `cargo run --release -p kabar-link --example gold_window -- 2026-05-23 2026-05-29 [lead_chars]`

mod common;

use kabar_core::split::{split_of, Split};

/// `"Jumat, 29 Mei 2026 22:02 WIB"` → `"2026-05-29 22:02"`.
fn iso(date: &str) -> Option<String> {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    let w: Vec<&str> = date.split_whitespace().collect();
    let (d, m, y, hm) = (w.get(1)?, w.get(2)?, w.get(3)?, w.get(4)?);
    let m = months.iter().position(|x| m.starts_with(x))? + 1;
    Some(format!("{y}-{m:02}-{:02} {hm}", d.parse::<u32>().ok()?))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let from = args.first().cloned().unwrap_or_else(|| "2026-05-23".into());
    let to = args.get(1).cloned().unwrap_or_else(|| "2026-05-29".into());
    let lead: usize = args.get(2).and_then(|x| x.parse().ok()).unwrap_or(200);
    let mut rows = Vec::new();
    for f in ["train.csv", "val.csv", "test.csv"] {
        let rel = format!("news-id/detik-2026/{f}");
        let Ok(s) = std::fs::read_to_string(common::data(&rel)) else {
            eprintln!("cannot read {rel}");
            std::process::exit(1);
        };
        for (i, rec) in common::parse_csv(&s).into_iter().skip(1).enumerate() {
            let key = format!("{rel}#{}", i + 1);
            if split_of(&key) == Split::Audit || rec.len() < 6 {
                continue;
            }
            let Some(d) = iso(&rec[5]) else { continue };
            if d[..10] < *from.as_str() || d[..10] > *to.as_str() {
                continue;
            }
            let body: String = rec[2].chars().take(lead).collect();
            rows.push((d, key, rec[3].clone(), rec[1].clone(), body));
        }
    }
    rows.sort();
    for (d, key, cat, title, body) in &rows {
        println!("{key}\t{d}\t{cat}\t{title}\t{}", body.replace('\n', " "));
    }
    eprintln!("{} tune-side articles in {from}..{to}", rows.len());
}
