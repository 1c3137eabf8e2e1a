//! Per-rule scan time over the detik-2026 validation bodies (development aid).
//!
//! `cargo run --release -p kabar-time --example profile_rules`
fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news-id/detik-2026/val.csv");
    let Ok(mut r) = csv::Reader::from_path(path) else { return };
    let Some(i) = r.headers().ok().and_then(|h| h.iter().position(|x| x == "isi")) else { return };
    let text: String = r.records().flatten().filter_map(|rec| rec.get(i).map(str::to_string)).collect::<Vec<_>>().join("\n\n");
    let mut p = kabar_time::profile_rules(&text);
    p.sort_by(|a, b| b.1.cmp(&a.1));
    let total: u128 = p.iter().map(|x| x.1).sum();
    println!("{} bytes, all rules {:.1} ms ({:.1} MB/s)", text.len(), total as f64 / 1e6, text.len() as f64 / (total as f64 / 1e9) / 1e6);
    for (i, ns, n) in p {
        println!("rule {i:2}: {:7.2} ms  {n} matches", ns as f64 / 1e6);
    }
    let t = std::time::Instant::now();
    let a = kabar_time::analyze(&text, kabar_core::Lang::Id, Some("2026-05-29"), chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    println!("analyze on the whole: {:.1} ms, {} times", t.elapsed().as_secs_f64() * 1e3, a.times.len());
}
