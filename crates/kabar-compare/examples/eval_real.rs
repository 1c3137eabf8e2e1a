//! Cross-outlet comparison on real multi-outlet events: giveme5w1h-newscluster (English,
//! gold event IDs, several outlets per event), TUNE split only (kabar_core::split).
//!
//! Each gold event's articles are analysed, stored and compared; every discrepancy flag
//! is printed with its sides (values, outlets, article and span text) and looked up in
//! the developer's labels (`data/gold/giveme-flags.tsv`: event, kind, about, values,
//! correct|wrong). Prints precision over labelled flags, the flags not labelled yet, and
//! the time of each comparison.
//!
//! `cargo run --release -p kabar-compare --example eval_real [-- --audit]`
//! (`--audit` scores the held-out split instead: counts only, no texts shown.)

use kabar_analyze::{ingest_batch, Pipeline};
use kabar_compare::compare_articles;
use kabar_core::split::{split_of, Split};
use kabar_core::RawArticle;
use kabar_query::Reads;
use kabar_store::Store;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

const REL: &str = "cluster-en/giveme5w1h-newscluster/data";

fn main() {
    let audit = std::env::args().any(|a| a == "--audit");
    let want = if audit { Split::Audit } else { Split::Tune };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let dir = root.join(REL);
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!(
            "eval_real: no data at {} (see docs/EVALUATION.md)",
            dir.display()
        );
        std::process::exit(if std::env::var("CI").as_deref() == Ok("true") {
            1
        } else {
            0
        });
    };
    let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    // event id -> raw articles
    let mut events: BTreeMap<String, Vec<RawArticle>> = BTreeMap::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        if split_of(&format!("{REL}/{name}")) != want {
            continue;
        }
        let Ok(s) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&s) else {
            eprintln!("eval_real: {}: not JSON, skipped", f.display());
            continue;
        };
        let ev = v["newsCluster"]["EventId"].to_string();
        events.entry(ev).or_default().push(RawArticle {
            source: name,
            external_id: None,
            title: v["title"].as_str().map(str::to_string),
            url: v["url"].as_str().map(str::to_string),
            outlet: v["source_domain"].as_str().map(str::to_string),
            published_raw: v["date_publish"].as_str().map(str::to_string),
            body: v["text"].as_str().unwrap_or("").to_string(),
        });
    }
    let labels = load_labels();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let (mut flags, mut correct, mut wrong, mut unlabelled, mut compared) = (0, 0, 0, 0, 0);
    let mut kinds: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut times = Vec::new();
    for (ev, raws) in events {
        let outlets: std::collections::BTreeSet<_> =
            raws.iter().filter_map(|r| r.outlet.clone()).collect();
        if outlets.len() < 2 {
            continue;
        }
        let analyses = p.analyze_all(raws, &|| {});
        let mut store = Store::in_memory().unwrap();
        ingest_batch(&mut store, &analyses).unwrap();
        let ids: Vec<String> = store
            .articles()
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        let t = Instant::now();
        let c = match compare_articles(&store, &ids) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("eval_real: event {ev}: {e}");
                continue;
            }
        };
        times.push((t.elapsed().as_secs_f64() * 1000.0, ids.len()));
        compared += 1;
        for d in &c.discrepancies {
            flags += 1;
            let mut values: Vec<&str> = d.sides.iter().map(|s| s.value.as_str()).collect();
            values.sort();
            let key = format!("{ev}\t{}\t{}\t{}", d.kind, d.about, values.join(" | "));
            let k = kinds.entry(d.kind.clone()).or_default();
            match labels.get(&key).map(String::as_str) {
                Some("correct") => {
                    correct += 1;
                    k.0 += 1;
                }
                Some(_) => {
                    wrong += 1;
                    k.1 += 1;
                }
                None => {
                    unlabelled += 1;
                    if !audit {
                        println!("UNLABELLED {key}");
                        for s in &d.sides {
                            for sp in s.spans.iter().take(2) {
                                let text = store
                                    .analysis(&sp.article)
                                    .map(|a| a.text)
                                    .unwrap_or_default();
                                let from = sp.start.saturating_sub(80);
                                let ctx: String =
                                    text.chars().skip(from).take(sp.end - from + 60).collect();
                                println!(
                                    "   [{}] {:?}: …{}…",
                                    s.value,
                                    s.outlets,
                                    ctx.replace('\n', " ")
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    let labelled = correct + wrong;
    println!(
        "split={} events compared={compared} flags={flags} labelled={labelled} correct={correct} wrong={wrong} unlabelled={unlabelled} precision={:.1}%",
        if audit { "audit" } else { "tune" },
        if labelled > 0 { 100.0 * correct as f64 / labelled as f64 } else { 0.0 }
    );
    for (k, (c, w)) in kinds {
        println!("  {k}: correct {c}, wrong {w}");
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let Some(max) = times.last() {
        let median = times[times.len() / 2].0;
        println!(
            "compare time: median {median:.1} ms, max {:.1} ms ({} articles)",
            max.0, max.1
        );
    }
}

/// `event \t kind \t about \t values \t label` lines.
fn load_labels() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gold/giveme-flags.tsv");
    let mut m = BTreeMap::new();
    let Ok(s) = std::fs::read_to_string(&path) else {
        return m;
    };
    for (i, line) in s.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match line.rsplit_once('\t') {
            Some((key, label)) => {
                m.insert(key.to_string(), label.trim().to_string());
            }
            None => eprintln!("eval_real: {}:{}: no label column", path.display(), i + 1),
        }
    }
    m
}
