//! Event and story quality: B³ on giveme5w1h-newscluster (69 events) and ECB+ (86
//! similar-but-distinct events), stories on wikiref220 topics, and batch-vs-one-pass
//! agreement.
//!
//! cargo run --release -p kabar-link --example eval_events [-- --grid]

mod common;

use common::{bcubed, ecbplus, ecbplus_topics, giveme, wikiref, Labelled};
use kabar_link::{Assignment, LinkConfig, LinkDoc, Linker};

fn run(cfg: &LinkConfig, docs: &[LinkDoc]) -> Vec<Assignment> {
    let mut l = Linker::new(cfg.clone());
    l.add_batch(docs)
}

fn events(a: &[Assignment]) -> Vec<String> {
    a.iter().map(|x| x.event.clone()).collect()
}

fn stories(a: &[Assignment]) -> Vec<String> {
    a.iter().map(|x| x.story.clone()).collect()
}

fn n_clusters(v: &[String]) -> usize {
    let mut s: Vec<&String> = v.iter().collect();
    s.sort();
    s.dedup();
    s.len()
}

fn report(name: &str, cfg: &LinkConfig, c: &Labelled) -> f64 {
    let a = run(cfg, &c.docs);
    let ev = events(&a);
    let (p, r, f) = bcubed(&ev, &c.gold);
    println!(
        "{name:<38} docs {:>4} gold {:>3} events {:>4}  B3 P {:.3} R {:.3} F1 {:.3}",
        c.docs.len(),
        n_clusters(&c.gold),
        n_clusters(&ev),
        p,
        r,
        f
    );
    f
}

/// Batches of a corpus: `k` chronological chunks, or `k` chunks of a shuffled order.
fn batches(docs: &[LinkDoc], k: usize, shuffled: bool) -> Vec<Vec<LinkDoc>> {
    let mut idx: Vec<usize> = (0..docs.len()).collect();
    if shuffled {
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for i in (1..idx.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            idx.swap(i, (s % (i as u64 + 1)) as usize);
        }
    } else {
        idx.sort_by_key(|&i| (docs[i].published.is_none(), docs[i].published));
    }
    let size = docs.len().div_ceil(k);
    idx.chunks(size)
        .map(|ch| ch.iter().map(|&i| docs[i].clone()).collect())
        .collect()
}

fn agreement(cfg: &LinkConfig, name: &str, docs: &[LinkDoc], gold: &[String]) {
    let one = run(cfg, docs);
    let one_ev = events(&one);
    for shuffled in [false, true] {
        let mut l = Linker::new(cfg.clone());
        let mut map = std::collections::HashMap::new();
        for b in batches(docs, 10, shuffled) {
            for a in l.add_batch(&b) {
                map.insert(a.article.clone(), a.event.clone());
            }
        }
        let ten: Vec<String> = docs.iter().map(|d| map[&d.id].clone()).collect();
        let same = one_ev.iter().zip(&ten).filter(|(a, b)| a == b).count();
        let (p, r, f) = bcubed(&ten, &one_ev);
        let (_, _, fg) = bcubed(&ten, gold);
        println!(
            "{name:<14} 10 {} batches vs one pass: same event ID {}/{} ({:.1}%), B3 vs one-pass P {:.3} R {:.3} F1 {:.3}; B3 F1 vs gold {fg:.3}",
            if shuffled { "shuffled     " } else { "chronological" },
            same,
            docs.len(),
            100.0 * same as f64 / docs.len() as f64,
            p,
            r,
            f
        );
    }
}

fn main() {
    let grid = std::env::args().any(|a| a == "--grid");
    let args: Vec<String> = std::env::args().collect();
    let mut cfg = LinkConfig::default();
    // `--th X` overrides the join threshold (to probe the neighbourhood of the default).
    if let Some(x) = args
        .iter()
        .position(|a| a == "--th")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
    {
        cfg.join_threshold = x;
    }
    // `--set key=json` overrides any field (as in kabar-analyze's link_gold example).
    let mut v = serde_json::to_value(&cfg).expect("config is JSON");
    for (i, a) in args.iter().enumerate() {
        if a == "--set" {
            if let Some((k, x)) = args.get(i + 1).and_then(|s| s.split_once('=')) {
                v[k] = serde_json::from_str(x).expect("a JSON value");
            }
        }
    }
    let cfg: LinkConfig = serde_json::from_value(v).expect("a valid configuration");
    let g = giveme(false);
    let ge = giveme(true);
    let e = ecbplus(false);
    let ee = ecbplus(true);
    if g.docs.is_empty() || e.docs.is_empty() {
        eprintln!("shared data not found next to the repository (../shared/data)");
        return;
    }

    if std::env::args().any(|a| a == "--story-grid") {
        let w = wikiref(true);
        let topics = ecbplus_topics();
        for &(tmin, emin, tonly) in &[
            (0.15f32, 0.2f32, 0.25f32),
            (0.1, 0.15, 0.2),
            (0.1, 0.1, 0.15),
            (0.08, 0.1, 0.12),
            (0.05, 0.1, 0.1),
        ] {
            let c = LinkConfig {
                story_text_min: tmin,
                story_entity_min: emin,
                story_text_only: tonly,
                ..LinkConfig::default()
            };
            let (pw, rw, fw) = bcubed(&stories(&run(&c, &w.docs)), &w.gold);
            let (pe, re, fe) = bcubed(&stories(&run(&c, &ee.docs)), &topics);
            let (pg, rg, fg) = bcubed(&stories(&run(&c, &ge.docs)), &ge.gold);
            println!("story text_min {tmin} ent_min {emin} text_only {tonly}: wikiref topics P {pw:.3} R {rw:.3} F1 {fw:.3} | ecbplus topics P {pe:.3} R {re:.3} F1 {fe:.3} | giveme events P {pg:.3} R {rg:.3} F1 {fg:.3}");
        }
        return;
    }
    if grid {
        println!("grid on giveme5w1h (tuning set); ecbplus shown as the check");
        let mut rows = Vec::new();
        for &th in &[0.2f32, 0.25, 0.3, 0.35, 0.4, 0.45] {
            for &tw in &[2.0f32, 3.0, 5.0] {
                for &(sig, floor, win) in &[
                    (3.0f32, 0.3f32, 14i64),
                    (3.0, 0.6, 30),
                    (7.0, 0.5, 30),
                    (7.0, 0.7, 60),
                    (14.0, 0.5, 60),
                    (30.0, 0.5, 90),
                    (1.0, 1.0, 100_000),
                ] {
                    for &ew in &[0.3f32, 0.5, 0.7] {
                        let c = LinkConfig {
                            join_threshold: th,
                            title_weight: tw,
                            time_sigma_days: sig,
                            time_floor: floor,
                            event_window_days: win,
                            entity_weight: ew,
                            ..LinkConfig::default()
                        };
                        let (_, _, fg) = bcubed(&events(&run(&c, &ge.docs)), &ge.gold);
                        rows.push((fg, c));
                    }
                }
            }
        }
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (fg, c) in rows.iter().take(20) {
            let (_, _, fg0) = bcubed(&events(&run(c, &g.docs)), &g.gold);
            let (_, _, fe) = bcubed(&events(&run(c, &ee.docs)), &ee.gold);
            let (_, _, fe0) = bcubed(&events(&run(c, &e.docs)), &e.gold);
            println!(
                "th {:.2} tw {:.0} sigma {:.0} floor {:.1} win {} ew {:.1}: giveme F1 ents {fg:.3} no-ents {fg0:.3} | ecbplus F1 ents {fe:.3} no-ents {fe0:.3}",
                c.join_threshold, c.title_weight, c.time_sigma_days, c.time_floor, c.event_window_days, c.entity_weight
            );
        }
        return;
    }

    println!("== events (default LinkConfig)");
    report("giveme5w1h, terms only", &cfg, &g);
    report("giveme5w1h, terms + pseudo-entities", &cfg, &ge);
    report("ecbplus, terms only", &cfg, &e);
    report("ecbplus, terms + pseudo-entities", &cfg, &ee);
    let no_time = LinkConfig {
        time_floor: 1.0,
        event_window_days: 100_000,
        ..cfg.clone()
    };
    report("giveme5w1h, + ents, time off", &no_time, &ge);
    let quick = args.iter().any(|a| a == "--quick");

    println!("== stories");
    let w = wikiref(true);
    let a = run(&cfg, &w.docs);
    let (p, r, f) = bcubed(&stories(&a), &w.gold);
    println!(
        "wikiref220 stories vs topics: docs {} topics {} events {} stories {}  B3 P {:.3} R {:.3} F1 {:.3}",
        w.docs.len(),
        n_clusters(&w.gold),
        n_clusters(&events(&a)),
        n_clusters(&stories(&a)),
        p,
        r,
        f
    );
    let (p, r, f) = bcubed(&events(&a), &w.gold);
    println!("wikiref220 events vs topics (for contrast): B3 P {p:.3} R {r:.3} F1 {f:.3}");
    if quick {
        return;
    }
    // The largest stories, each with its events (in founding order) and their gold topics.
    let mut by_story: std::collections::BTreeMap<&str, Vec<(usize, &str, &str)>> =
        Default::default();
    for (i, x) in a.iter().enumerate() {
        by_story.entry(x.story.as_str()).or_default().push((
            i,
            x.event.as_str(),
            w.gold[i].as_str(),
        ));
    }
    let mut st: Vec<_> = by_story.into_iter().collect();
    st.sort_by_key(|s| std::cmp::Reverse(s.1.len()));
    for (sid, members) in st.iter().take(6) {
        let mut evs: Vec<(usize, &str)> = Vec::new();
        for &(i, e, _) in members {
            if !evs.iter().any(|x| x.1 == e) {
                evs.push((i, e));
            }
        }
        let mut topics: Vec<&str> = members.iter().map(|m| m.2).collect();
        topics.sort();
        topics.dedup();
        println!(
            "  story {sid}: {} articles, {} events, gold topics {:?}",
            members.len(),
            evs.len(),
            topics
        );
        for (_, e) in evs.iter().take(8) {
            let n = members.iter().filter(|m| m.1 == *e).count();
            let mut t: Vec<&str> = members.iter().filter(|m| m.1 == *e).map(|m| m.2).collect();
            t.dedup();
            println!("    event {e}: {n} articles {:?}", t);
        }
    }
    let a = run(&cfg, &ee.docs);
    let topics = ecbplus_topics();
    let (p, r, f) = bcubed(&stories(&a), &topics);
    println!(
        "ecbplus stories vs topics (43; pairs of distinct events that share a theme): stories {}  B3 P {:.3} R {:.3} F1 {:.3}",
        n_clusters(&stories(&a)),
        p,
        r,
        f
    );
    let (p, r, f) = bcubed(&stories(&a), &ee.gold);
    println!("ecbplus stories vs sub-topic events: B3 P {p:.3} R {r:.3} F1 {f:.3}");
    let a = run(&cfg, &ge.docs);
    let (p, r, f) = bcubed(&stories(&a), &ge.gold);
    println!(
        "giveme5w1h stories vs events: stories {} (events {})  B3 P {:.3} R {:.3} F1 {:.3}",
        n_clusters(&stories(&a)),
        n_clusters(&events(&a)),
        p,
        r,
        f
    );

    println!("== batch vs one pass (giveme5w1h with pseudo-entities; ecbplus has no dates)");
    agreement(&cfg, "giveme5w1h", &ge.docs, &ge.gold);
    agreement(&cfg, "ecbplus", &ee.docs, &ee.gold);
}
