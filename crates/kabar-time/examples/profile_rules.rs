//! Per-rule scan time and whole-`analyze` time over the detik-2026 validation bodies
//! (a development aid for the speed target).
//!
//! `cargo run --release -p kabar-time --example profile_rules`
fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news-id/detik-2026/val.csv"
    );
    let Ok(mut r) = csv::Reader::from_path(path) else {
        return;
    };
    let Some(i) = r
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|x| x == "isi"))
    else {
        return;
    };
    let docs: Vec<String> = r
        .records()
        .flatten()
        .filter_map(|rec| rec.get(i).map(str::to_string))
        .collect();
    let text = docs.join("\n\n");
    let only = std::env::args().any(|a| a == "--analyze-only");
    let mut p = if only {
        Vec::new()
    } else {
        kabar_time::profile_rules(&text)
    };

    p.sort_by_key(|x| std::cmp::Reverse(x.1));
    let total: u128 = p.iter().map(|x| x.1).sum();
    println!(
        "{} bytes; every rule over the whole text: {:.1} ms",
        text.len(),
        total as f64 / 1e6
    );
    for (i, ns, n) in p.iter().take(8) {
        println!("  rule {i:2}: {:7.2} ms  {n} matches", *ns as f64 / 1e6);
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    // warm up (regex and keyword automata are built on first use)
    for d in docs.iter().take(5) {
        std::hint::black_box(kabar_time::analyze(
            d,
            kabar_core::Lang::Id,
            Some("2026-05-29"),
            today,
        ));
    }
    let cpu0 = cpu_seconds();
    let wall0 = std::time::Instant::now();
    let mut best = f64::MAX;
    let rounds = if only { 20 } else { 5 };
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        for d in &docs {
            std::hint::black_box(kabar_time::analyze(
                d,
                kabar_core::Lang::Id,
                Some("2026-05-29"),
                today,
            ));
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "analyze per article, wall clock, best of {rounds}: {:.1} ms = {:.1} MB/s",
        best * 1e3,
        text.len() as f64 / best / 1e6
    );
    if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
        let per = (b - a) / rounds as f64;
        println!(
            "analyze per article, CPU time of this process (/proc/self/stat), mean of {rounds}: {:.1} ms = {:.1} MB/s per core (wall {:.1} s for {:.1} s CPU: the machine is shared)",
            per * 1e3,
            text.len() as f64 / per / 1e6,
            wall0.elapsed().as_secs_f64(),
            b - a
        );
    }
}

/// User + system CPU seconds of this process (Linux; clock ticks assumed 100 Hz).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}
