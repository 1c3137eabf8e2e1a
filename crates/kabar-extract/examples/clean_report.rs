//! Runs the cleaner over real news and reports what it removed.
//!
//! ```text
//! cargo run --release -p kabar-extract --example clean_report -- [PATH ...]
//! ```
//!
//! Without paths it reads ../shared/data/news-id (Detik 2026 CSVs, Detik 2025 CSV, IndoSum
//! dev JSONL) through [`kabar_extract::sources`]. Prints the number of removed pieces by
//! kind, how many articles got a dateline / an outlet, the cleaning speed, then every
//! removed piece of 50 articles drawn at random with a fixed seed, for checking by hand.
//! `SAMPLE=n` and `SEED=n` change the sample.

use kabar_core::RemovedKind;
use kabar_extract::{clean::clean, sources};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// SplitMix64: a fixed-seed generator for the sample (a dependency would be overkill for
/// drawing 50 numbers reproducibly).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let base = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news-id");
        paths = ["detik-2026", "detik-2025/data_berita.csv", "indosum-dev"]
            .iter()
            .map(|p| PathBuf::from(base).join(p))
            .collect();
    }
    let results = sources::read_inputs(&paths, &sources::ReadOptions::default());
    let mut articles = Vec::new();
    let mut refused = 0;
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => {
                refused += 1;
                if refused <= 5 {
                    eprintln!("refused {e}");
                }
            }
        }
    }
    // best of 3 passes: the machine is shared, the minimum is the least disturbed
    let mut secs = f64::MAX;
    let mut cleaned = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        cleaned = articles
            .iter()
            .map(|a| clean(&a.body, a.title.as_deref()))
            .collect();
        secs = secs.min(start.elapsed().as_secs_f64());
    }
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();

    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut articles_with: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cleaned {
        let mut seen = std::collections::BTreeSet::new();
        for r in &c.removed {
            let k = kind_name(r.kind);
            *by_kind.entry(k.clone()).or_default() += 1;
            seen.insert(k);
        }
        for k in seen {
            *articles_with.entry(k).or_default() += 1;
        }
    }
    let n = articles.len();
    let datelines = cleaned.iter().filter(|c| c.dateline.is_some()).count();
    let outlets = cleaned.iter().filter(|c| c.outlet.is_some()).count();
    let empty = cleaned.iter().filter(|c| c.text.trim().is_empty()).count();
    let removed_bytes: usize = cleaned
        .iter()
        .flat_map(|c| c.removed.iter())
        .map(|r| r.text.len())
        .sum();
    println!("articles read: {n} (refused inputs: {refused})");
    println!(
        "clean (best of 3 passes): {:.3} s for {:.1} MB = {:.0} articles/s, {:.1} MB/s on one thread",
        secs,
        bytes as f64 / 1e6,
        n as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    println!(
        "removed {} pieces, {:.2}% of body bytes; bodies left empty: {empty}",
        by_kind.values().sum::<usize>(),
        100.0 * removed_bytes as f64 / bytes.max(1) as f64
    );
    println!("| kind | pieces | articles |");
    println!("|---|---|---|");
    for (k, v) in &by_kind {
        println!(
            "| {k} | {v} | {} |",
            articles_with.get(k).copied().unwrap_or(0)
        );
    }
    println!("articles with a dateline: {datelines}; with an outlet from the text: {outlets}");

    // Markers still present after cleaning: candidates for missed boilerplate (or real
    // sentences that mention the word), counted per article.
    let leftovers: &[(&str, &str)] = &[
        ("SCROLL TO CONTINUE", r"SCROLL TO CONTINUE"),
        ("ADVERTISEMENT", r"\bADVERTISEMENT\b"),
        ("baca juga", r"(?i)\bbaca juga\b"),
        (
            "simak/lihat/tonton video",
            r"(?i)\b(?:simak|lihat|tonton)(?: juga)? video\b",
        ),
        ("Foto:", r"(?i)\bfoto\s*:"),
        ("Editor:/Penulis:", r"(?:Editor|Penulis|Reporter)\s*:"),
        ("(abc/def) at the end", r"\([a-z]{2,6}/[a-z]{2,6}\)\s*$"),
    ];
    println!("\n| marker left in cleaned text | articles |");
    println!("|---|---|");
    for (name, pat) in leftovers {
        let Ok(re) = regex::Regex::new(pat) else {
            continue;
        };
        let n = cleaned.iter().filter(|c| re.is_match(&c.text)).count();
        println!("| {name} | {n} |");
    }

    // DUMP=path writes every cleaned article as JSON Lines, for reading what was kept.
    if let Some(path) = std::env::var_os("DUMP") {
        let lines: Vec<String> = articles
            .iter()
            .zip(&cleaned)
            .map(|(a, c)| {
                serde_json::json!({"source": a.source, "text": c.text, "removed": c.removed})
                    .to_string()
            })
            .collect();
        if let Err(e) = std::fs::write(&path, lines.join("\n")) {
            eprintln!("cannot write {}: {e}", path.to_string_lossy());
        }
    }

    let sample = env_num("SAMPLE", 50) as usize;
    let mut rng = SplitMix(env_num("SEED", 2026));
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < sample.min(n) {
        let i = (rng.next() % n as u64) as usize;
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    println!(
        "\n## sample of {} articles (seed {})",
        picked.len(),
        env_num("SEED", 2026)
    );
    for (j, &i) in picked.iter().enumerate() {
        let (a, c) = (&articles[i], &cleaned[i]);
        println!(
            "\n[{}] {}  dateline={:?} outlet={:?}  removed={}",
            j + 1,
            a.source.rsplit("news-id/").next().unwrap_or(&a.source),
            c.dateline,
            c.outlet,
            c.removed.len()
        );
        for r in &c.removed {
            let t: String = r.text.chars().take(160).collect();
            println!("   - {:<9} {t}", kind_name(r.kind));
        }
    }
}

fn kind_name(k: RemovedKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{k:?}"))
}
