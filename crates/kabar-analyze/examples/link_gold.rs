//! Events and stories on real news: the Detik 2026 corpus through the real pipeline and
//! linker, scored against the gold files of `crates/kabar-link/gold/` (B³), plus the checks
//! a reader makes on the store (event time extent and size) and order independence.
//!
//! `cargo run --release -p kabar-analyze --example link_gold [-- gold.tsv …] [--list N] [--find WORD]… [--story WORD]… [--set key=json]… [--try k=v,…]… [--audit]`
//!
//! Gold files default to every `*.tsv` in `crates/kabar-link/gold/`. `--list N` prints the
//! N largest events with their span and titles (TUNE-side articles only).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use kabar_analyze::{link_doc, Pipeline};
use kabar_core::split::{split_of, Split};
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_link::checks::reader_checks;
use kabar_link::gold::{b_cubed, parse_gold};
use kabar_link::{Assignment, LinkConfig, LinkDoc, Linker};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// Corpus key of a source (`…/shared/data/news-id/x.csv#3` → `news-id/x.csv#3`).
fn key_of(source: &str) -> String {
    source
        .rsplit_once("shared/data/")
        .map_or(source, |x| x.1)
        .to_string()
}

/// The default configuration with `--set key=value` overrides (JSON values).
fn config(args: &[String]) -> LinkConfig {
    let mut v = serde_json::to_value(LinkConfig::default()).expect("config is JSON");
    for (i, a) in args.iter().enumerate() {
        if a == "--set" {
            if let Some((k, x)) = args.get(i + 1).and_then(|s| s.split_once('=')) {
                v[k] = serde_json::from_str(x).expect("a JSON value");
            }
        }
    }
    serde_json::from_value(v).expect("a valid configuration")
}

fn link(docs: &[&LinkDoc], batch: usize, cfg: &LinkConfig) -> HashMap<String, Assignment> {
    link_with(docs, batch, cfg).0
}

/// Links `docs` in batches (save/load between, like `kabar ingest`); returns the
/// assignments and the final linker.
fn link_with(
    docs: &[&LinkDoc],
    batch: usize,
    cfg: &LinkConfig,
) -> (HashMap<String, Assignment>, Linker) {
    let mut l = Linker::new(cfg.clone());
    let mut out = HashMap::new();
    for chunk in docs.chunks(batch) {
        let owned: Vec<LinkDoc> = chunk.iter().map(|d| (*d).clone()).collect();
        // Like `kabar ingest`: save and reload between batches.
        l = Linker::load(&l.save()).expect("round trip");
        for a in l.add_batch(&owned) {
            out.insert(a.article.clone(), a);
        }
        for a in l.take_revisions() {
            out.insert(a.article.clone(), a);
        }
    }
    (out, l)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list: usize = args
        .iter()
        .position(|a| a == "--list")
        .and_then(|i| args.get(i + 1))
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    let mut gold_files: Vec<PathBuf> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| a.ends_with(".tsv") && (*i == 0 || args[i - 1] != "--set"))
        .map(|(_, a)| PathBuf::from(a))
        .collect();
    if gold_files.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kabar-link/gold");
        let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.retain(|p| p.extension().is_some_and(|e| e == "tsv"));
        v.sort();
        gold_files = v;
    }
    let dir = data().join("news-id/detik-2026");
    let files: Vec<PathBuf> = ["train.csv", "val.csv", "test.csv"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    if !files.iter().all(|f| f.exists()) {
        eprintln!("needs {} (../shared/data)", dir.display());
        std::process::exit(1);
    }
    let raws: Vec<_> = read_inputs(&files, &ReadOptions::default())
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()).unwrap();
    let t0 = std::time::Instant::now();
    let analyses = p.analyze_all(raws, &|| {});
    eprintln!(
        "analysed {} articles in {:.1?}",
        analyses.len(),
        t0.elapsed()
    );
    let keys: HashMap<String, String> = analyses
        .iter()
        .map(|a| (a.id.clone(), key_of(&a.source)))
        .collect();
    let docs: Vec<LinkDoc> = analyses.iter().map(link_doc).collect();
    let by_id: HashMap<&str, &LinkDoc> = docs.iter().map(|d| (d.id.as_str(), d)).collect();

    // `--try k=v,k=v` (repeatable): score each variant on the gold files only, then stop.
    let tries: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && args[i - 1] == "--try")
        .map(|x| x.1)
        .collect();
    if !tries.is_empty() {
        let order: Vec<&LinkDoc> = docs.iter().collect();
        let golds: Vec<Vec<kabar_link::gold::GoldRow>> = gold_files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .filter_map(|t| parse_gold("gold", &t).ok())
            // Tuning sees TUNE-side keys only.
            .map(|rows| {
                rows.into_iter()
                    .filter(|r| split_of(&r.key) == Split::Tune)
                    .collect()
            })
            .collect();
        let id_of: HashMap<&str, &str> = keys
            .iter()
            .map(|(id, k)| (k.as_str(), id.as_str()))
            .collect();
        for t in tries {
            let mut a2: Vec<String> = Vec::new();
            for kv in t.split(',') {
                a2.push("--set".into());
                a2.push(kv.into());
            }
            let (out, l) = link_with(&order, 500, &config(&a2));
            let c = reader_checks(&docs, &out, Some(&l));
            let mut line = format!(
                "{t}: {} events, largest {}, market days {} (events over 2: {}), person days {}, entity-only story joins {}, promotion days {}, promotion story mixes {}, subjectless story joins {}, evergreen days {}, evergreen threads {}, name-only subjects {}, thin story events {}, happening days apart {};",
                c.events,
                c.largest,
                c.market_days_max,
                c.market_over,
                c.person_days_max,
                c.entity_only_story_joins,
                c.promotion_days_max,
                c.promotion_story_mixes,
                c.subjectless_story_joins,
                c.evergreen_days_max,
                c.evergreen_threads,
                c.name_subject_joins,
                c.thin_story_events,
                c.happening_apart_events
            );
            for rows in &golds {
                let ge: HashMap<&str, &str> = rows
                    .iter()
                    .filter_map(|r| id_of.get(r.key.as_str()).map(|id| (*id, r.event.as_str())))
                    .collect();
                let gs: HashMap<&str, &str> = rows
                    .iter()
                    .filter_map(|r| id_of.get(r.key.as_str()).map(|id| (*id, r.story.as_str())))
                    .collect();
                let pe: HashMap<&str, &str> = out
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.event.as_str()))
                    .collect();
                let ps: HashMap<&str, &str> = out
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.story.as_str()))
                    .collect();
                let (e, s) = (b_cubed(&ge, &pe), b_cubed(&gs, &ps));
                line += &format!(
                    " events P {:.3} R {:.3} F1 {:.3} | stories P {:.3} R {:.3} F1 {:.3}",
                    e.p, e.r, e.f1, s.p, s.r, s.f1
                );
            }
            println!("{line}");
        }
        return;
    }

    // Order A: train, val, test (files as listed), batches of 500 like `kabar ingest`.
    let order_a: Vec<&LinkDoc> = docs.iter().collect();
    let t1 = std::time::Instant::now();
    let cfg = config(&args);
    let (a, linker_a) = link_with(&order_a, 500, &cfg);
    let link_time = t1.elapsed();
    let checks = reader_checks(&docs, &a, Some(&linker_a));
    // Order B: test, val, train; order C: a fixed shuffle, batches of 200.
    let mut order_b: Vec<&LinkDoc> = Vec::new();
    for f in ["test.csv", "val.csv", "train.csv"] {
        order_b.extend(
            analyses
                .iter()
                .filter(|x| x.source.contains(f))
                .map(|x| by_id[x.id.as_str()]),
        );
    }
    let b = link(&order_b, 500, &cfg);
    let mut order_c = order_a.clone();
    order_c.sort_by_key(|d| blake3::hash(d.id.as_bytes()).as_bytes()[..8].to_vec());
    let c = link(&order_c, 200, &cfg);

    let ev = |m: &HashMap<String, Assignment>| -> HashMap<String, String> {
        m.iter()
            .map(|(k, v)| (k.clone(), v.event.clone()))
            .collect()
    };
    let st = |m: &HashMap<String, Assignment>| -> HashMap<String, String> {
        m.iter()
            .map(|(k, v)| (k.clone(), v.story.clone()))
            .collect()
    };
    println!(
        "linking {} articles: {:.1?} (batches of 500, save/load between)",
        docs.len(),
        link_time
    );
    for (name, o) in [("test,val,train", &b), ("shuffled, batches of 200", &c)] {
        let same = a.iter().filter(|(k, v)| o[*k].event == v.event).count();
        println!(
            "order independence vs train,val,test — {name}: events B³ F1 {:.3}, stories {:.3}, same event ID {}/{}",
            b_cubed(&ev(&a), &ev(o)).f1,
            b_cubed(&st(&a), &st(o)).f1,
            same,
            a.len()
        );
    }

    // Reader checks on the whole store (order A).
    let mut events: BTreeMap<&str, Vec<&LinkDoc>> = BTreeMap::new();
    for d in &docs {
        events.entry(a[&d.id].event.as_str()).or_default().push(d);
    }
    let span = |v: &[&LinkDoc]| -> f64 {
        let ts: Vec<_> = v.iter().filter_map(|d| d.published).collect();
        match (ts.iter().min(), ts.iter().max()) {
            (Some(x), Some(y)) => (*y - *x).num_minutes() as f64 / 1440.0,
            _ => 0.0,
        }
    };
    let long = events.values().filter(|v| span(v) > 14.0).count();
    let largest = events.values().map(Vec::len).max().unwrap_or(0);
    let stories: std::collections::HashSet<&str> = a.values().map(|x| x.story.as_str()).collect();
    println!(
        "articles stating a happening day in their lead: {}/{}",
        docs.iter().filter(|d| d.happened.is_some()).count(),
        docs.len()
    );
    println!(
        "detik-2026 store: {} events, {} stories, {} events spanning > 14 days, largest event {} articles, max span {:.1} days",
        events.len(),
        stories.len(),
        long,
        largest,
        events.values().map(|v| span(v)).fold(0.0, f64::max)
    );
    println!(
        "reader checks: market-level reports on > 2 days in one event: {} events (most days {}); most days one person is named in one event's titles: {}; story joins through entity names alone: {}; most days of promotions in one event: {}; stories mixing a promotion with other events: {}; story joins without a subject term: {}; most days of evergreen pieces in one event: {}; stories threading evergreen events: {}; story joins on name words only: {}; story events sharing no distinctive term with their story: {}; events stating happening days 2+ days apart: {}",
        checks.market_over,
        checks.market_days_max,
        checks.person_days_max,
        checks.entity_only_story_joins,
        checks.promotion_days_max,
        checks.promotion_story_mixes,
        checks.subjectless_story_joins,
        checks.evergreen_days_max,
        checks.evergreen_threads,
        checks.name_subject_joins,
        checks.thin_story_events,
        checks.happening_apart_events
    );
    if list > 0 {
        let mut big: Vec<_> = events.iter().collect();
        big.sort_by_key(|(id, v)| (std::cmp::Reverse(v.len()), *id));
        for (id, v) in big.into_iter().take(list) {
            println!("  {id}  {} articles, {:.1} days", v.len(), span(v));
            for d in v.iter().take(12) {
                if split_of(&keys[&d.id]) == Split::Tune {
                    println!(
                        "     {} {}",
                        d.published.map(|t| t.to_string()).unwrap_or_default(),
                        d.title
                    );
                }
            }
        }
    }

    // `--find WORD` (repeatable): events holding several TUNE-side articles whose title
    // contains WORD (case-insensitive), with their days — to inspect over-merges.
    for w in args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && args[i - 1] == "--find")
        .map(|x| x.1.to_lowercase())
    {
        for (id, v) in &events {
            let hits: Vec<&&LinkDoc> = v
                .iter()
                .filter(|d| {
                    split_of(&keys[&d.id]) == Split::Tune && d.title.to_lowercase().contains(&w)
                })
                .collect();
            if hits.len() >= 2 {
                println!("  [{w}] {id}  {} articles, {:.1} days", v.len(), span(v));
                for d in v.iter().filter(|d| split_of(&keys[&d.id]) == Split::Tune) {
                    println!(
                        "     {} [{}] {}",
                        d.published.map(|t| t.to_string()).unwrap_or_default(),
                        d.happened.map(|t| t.to_string()).unwrap_or_default(),
                        d.title
                    );
                }
            }
        }
    }

    // `--story WORD` (repeatable): stories with several events, one of whose TUNE titles
    // contains WORD, with their events' TUNE titles — to inspect story over-merges.
    for w in args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && args[i - 1] == "--story")
        .map(|x| x.1.to_lowercase())
    {
        let mut stories: BTreeMap<&str, BTreeMap<&str, Vec<&LinkDoc>>> = BTreeMap::new();
        for d in &docs {
            let x = &a[&d.id];
            stories
                .entry(x.story.as_str())
                .or_default()
                .entry(x.event.as_str())
                .or_default()
                .push(d);
        }
        for (sid, evs) in &stories {
            let tune = |d: &&&LinkDoc| split_of(&keys[&d.id]) == Split::Tune;
            let hit = evs
                .values()
                .flatten()
                .filter(tune)
                .any(|d| d.title.to_lowercase().contains(&w));
            if !hit || evs.len() < 2 {
                continue;
            }
            println!("  [{w}] story {sid}: {} events", evs.len());
            for (eid, v) in evs {
                let titles: Vec<&str> = v.iter().filter(tune).map(|d| d.title.as_str()).collect();
                println!(
                    "     {eid} ({} articles, {:.1} days): {}",
                    v.len(),
                    span(v),
                    titles.first().copied().unwrap_or("(AUDIT side only)")
                );
            }
        }
    }

    // Gold.
    let mut all_gold: Vec<(String, Vec<kabar_link::gold::GoldRow>)> = Vec::new();
    for f in gold_files {
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                std::process::exit(1);
            }
        };
        let rows = match parse_gold(&f.display().to_string(), &text) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let id_of: HashMap<&str, &str> = keys
            .iter()
            .map(|(id, k)| (k.as_str(), id.as_str()))
            .collect();
        let ge: HashMap<String, String> = rows
            .iter()
            .filter_map(|r| {
                id_of
                    .get(r.key.as_str())
                    .map(|id| (id.to_string(), r.event.clone()))
            })
            .collect();
        let gs: HashMap<String, String> = rows
            .iter()
            .filter_map(|r| {
                id_of
                    .get(r.key.as_str())
                    .map(|id| (id.to_string(), r.story.clone()))
            })
            .collect();
        let missing = rows.len() - ge.len();
        // `--splits`: TUNE gold events the linker split, with each article's stated day.
        if args.iter().any(|x| x == "--splits") {
            let mut by_gold: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (id, g) in &ge {
                if split_of(&keys[id]) == Split::Tune {
                    by_gold.entry(g.as_str()).or_default().push(id.as_str());
                }
            }
            for (g, ids) in by_gold {
                let evs: std::collections::BTreeSet<&str> =
                    ids.iter().map(|id| a[*id].event.as_str()).collect();
                if evs.len() < 2 {
                    continue;
                }
                println!("  split gold event {g}:");
                for id in ids {
                    let d = by_id[id];
                    println!(
                        "     {} {} [{}] {}",
                        &a[id].event[2..8],
                        d.published.map(|t| t.to_string()).unwrap_or_default(),
                        d.happened.map(|t| t.to_string()).unwrap_or_default(),
                        d.title
                    );
                }
            }
        }
        // AUDIT-side figures only on request (`--audit`), once, at the end of tuning.
        let sides: &[(&str, Option<Split>)] = if args.iter().any(|a| a == "--audit") {
            &[
                ("all", None),
                ("TUNE", Some(Split::Tune)),
                ("AUDIT", Some(Split::Audit)),
            ]
        } else {
            &[("TUNE", Some(Split::Tune))]
        };
        for &(side, want) in sides {
            let keep = |id: &String| want.is_none_or(|w| split_of(&keys[id]) == w);
            let ge: HashMap<String, String> = ge
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let gs: HashMap<String, String> = gs
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if ge.is_empty() {
                continue;
            }
            let se = b_cubed(&ge, &ev(&a));
            let ss = b_cubed(&gs, &st(&a));
            println!(
                "{} [{side}]: {} articles ({} keys not found) — events B³ P {:.3} R {:.3} F1 {:.3}; stories P {:.3} R {:.3} F1 {:.3}",
                f.file_name().unwrap_or_default().to_string_lossy(),
                se.n,
                missing,
                se.p,
                se.r,
                se.f1,
                ss.p,
                ss.r,
                ss.f1
            );
        }
        all_gold.push((
            f.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string(),
            rows,
        ));
    }
    // Agreement between annotators: B³ of one file against another on the keys both hold
    // (F1 is symmetric: P of A against B is R of B against A).
    for i in 0..all_gold.len() {
        for j in i + 1..all_gold.len() {
            let (na, ra) = &all_gold[i];
            let (nb, rb) = &all_gold[j];
            let ev_a: HashMap<&str, &str> = ra
                .iter()
                .map(|r| (r.key.as_str(), r.event.as_str()))
                .collect();
            let ev_b: HashMap<&str, &str> = rb
                .iter()
                .map(|r| (r.key.as_str(), r.event.as_str()))
                .collect();
            let st_a: HashMap<&str, &str> = ra
                .iter()
                .map(|r| (r.key.as_str(), r.story.as_str()))
                .collect();
            let st_b: HashMap<&str, &str> = rb
                .iter()
                .map(|r| (r.key.as_str(), r.story.as_str()))
                .collect();
            let (e, s) = (b_cubed(&ev_a, &ev_b), b_cubed(&st_a, &st_b));
            if e.n > 0 {
                println!(
                    "agreement {na} vs {nb}: {} shared articles — events B³ F1 {:.3} (P {:.3} R {:.3}); stories B³ F1 {:.3} (P {:.3} R {:.3})",
                    e.n, e.f1, e.p, e.r, s.f1, s.p, s.r
                );
            }
        }
    }
}
