//! Cross-outlet comparison on real multi-outlet events: every claim the comparison makes
//! (discrepancy flags and unique-fact claims) on giveme5w1h-newscluster, ECB+ and
//! indosum-dev events of one side of the audit split (see `sets.rs`), scored against the
//! developer's labels (`data/gold/claims-tune.tsv`; criteria in docs/compare.md).
//!
//! ```text
//! cargo run --release -p kabar-compare --example eval_real            # TUNE: precision
//! cargo run --release -p kabar-compare --example eval_real -- --show  # + unlabelled claims in context
//! cargo run --release -p kabar-compare --example eval_real -- --audit --claims FILE
//!     # AUDIT: writes the claims (spans, no text) for an independent reviewer
//! cargo run --release -p kabar-compare --example eval_real -- [--audit] --print-spans FILE
//!     # prints the text of every span of a claims file, with context (for the reviewer)
//! cargo run --release -p kabar-compare --example eval_real -- --wording
//!     # prints every word-choice row (TUNE side; with --audit, the AUDIT side for a reviewer)
//! cargo run --release -p kabar-compare --example eval_real -- --audit --facts FILE
//!     # the coverage matrix against an annotated fact matrix (data/gold/facts-audit.tsv)
//! cargo run --release -p kabar-compare --example eval_real -- --facts FILE --misses
//!     # TUNE: the same score, and every gold cell not placed, in context
//! cargo run --release -p kabar-compare --example eval_real -- [--audit] --dump DIR
//!     # writes each event's cleaned texts to DIR (for annotators of the fact matrix; /tmp only)
//! cargo run --release -p kabar-compare --example eval_real -- --speed
//!     # compare time for 50 real articles of many outlets compared as one event
//! ```
//!
//! Offsets are char offsets into each article's cleaned text as this pipeline makes it
//! (the `text` of `kabar analyze`), keyed by the article's corpus key.

mod claims;
mod facts;
mod sets;

use claims::{claims_of, Claim};
use kabar_analyze::{ingest_batch, Pipeline};
use kabar_compare::compare_articles;
use kabar_core::split::Split;
use kabar_query::Reads;
use kabar_store::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn arg_value(name: &str) -> Option<PathBuf> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
}

fn main() {
    let audit = std::env::args().any(|a| a == "--audit");
    let show = std::env::args().any(|a| a == "--show") && !audit;
    let want = if audit { Split::Audit } else { Split::Tune };
    // KABAR_SHARED_DATA overrides the default for checkouts elsewhere (a git worktree)
    let root = std::env::var_os("KABAR_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gold");
    let mut events = sets::giveme(&root, want);
    if events.is_empty() {
        eprintln!(
            "eval_real: no data under {} (see docs/EVALUATION.md)",
            root.display()
        );
        let ci = std::env::var("CI").as_deref() == Ok("true");
        std::process::exit(if ci { 1 } else { 0 });
    }
    events.extend(sets::ecbplus(&root, want));
    events.extend(sets::indosum(&root, want, &gold.join("indosum-events.tsv")));
    events.retain(|e| e.outlets() >= 2);
    if std::env::args().any(|a| a == "--speed") {
        speed(&events);
        return;
    }
    // the developer's labels, then an independent reviewer's (which win where both exist)
    let mut labels = claims::load_labels(&gold.join("claims-tune.tsv"));
    labels.extend(claims::load_labels(
        &gold.join("claims-tune-sources.reviewer.tsv"),
    ));
    labels.extend(claims::load_labels(&gold.join("claims-tune3.reviewer.tsv")));
    // session 9's developer labels (not independent: the developer tuned on them)
    labels.extend(claims::load_labels(&gold.join("claims-tune4.dev.tsv")));
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"))
        .expect("pipeline");
    let mut all: Vec<Claim> = Vec::new();
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut times = Vec::new();
    let mut compared: BTreeMap<&str, usize> = BTreeMap::new();
    let gold_facts = arg_value("--facts").map(|p| facts::load(&p));
    let mut fact_score = facts::Score::default();
    for ev in &events {
        let analyses = p.analyze_all(ev.articles.clone(), &|| {});
        let mut store = Store::in_memory().expect("store");
        ingest_batch(&mut store, &analyses).expect("ingest");
        let rows = store.articles().expect("articles");
        let ids: Vec<String> = rows.iter().map(|a| a.id.clone()).collect();
        let keys: BTreeMap<String, String> = rows
            .iter()
            .map(|a| (a.id.clone(), a.source.clone()))
            .collect();
        for a in &analyses {
            texts.insert(a.source.clone(), a.text.clone());
        }
        if let Some(dir) = arg_value("--dump") {
            dump(&dir, ev.set, &ev.id, &analyses);
        }
        let t = Instant::now();
        let c = match compare_articles(&store, &ids) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("eval_real: {} event {}: {e}", ev.set, ev.id);
                continue;
            }
        };
        times.push((t.elapsed().as_secs_f64() * 1000.0, ids.len()));
        *compared.entry(ev.set).or_default() += 1;
        if let Some(g) = &gold_facts {
            let name = facts::event_name(ev.set, &ev.id);
            let mine: Vec<&facts::GoldCell> = g.iter().filter(|x| x.event == name).collect();
            fact_score.add(&mine, &c, &keys);
        }
        if std::env::args().any(|a| a == "--wording") {
            print_wording(ev.set, &ev.id, &c, &keys);
        }
        all.extend(claims_of(ev.set, &ev.id, &c, &keys, &texts));
    }
    if let Some(path) = arg_value("--print-spans") {
        claims::print_spans(&path, &texts);
        return;
    }
    if let Some(path) = arg_value("--claims") {
        match claims::write_tsv(&path, &all) {
            Ok(()) => println!("wrote {} claims to {}", all.len(), path.display()),
            Err(e) => eprintln!("eval_real: {}: {e}", path.display()),
        }
    }
    if gold_facts.is_some() {
        if !audit && std::env::args().any(|a| a == "--misses") {
            fact_score.print_misses(&texts);
        }
        fact_score.print(audit);
        return;
    }
    report(&all, &labels, audit, show, &texts);
    println!(
        "split={} events compared: {}",
        if audit { "audit" } else { "tune" },
        compared
            .iter()
            .map(|(s, n)| format!("{s} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let Some(max) = times.last() {
        let median = times[times.len() / 2].0;
        println!(
            "compare time: median {median:.1} ms, max {:.1} ms ({} articles)",
            max.0, max.1
        );
    }
}

/// Writes one event's cleaned texts to `DIR/<set>__<event>.txt`: a header line per
/// article (`=== corpus-key | outlet | published`) and its text, whose char offsets are
/// the ones the comparison uses.
fn dump(dir: &Path, set: &str, event: &str, analyses: &[kabar_core::Analysis]) {
    let mut out = String::new();
    for a in analyses {
        out.push_str(&format!(
            "=== {} | {} | {}\n{}\n\n",
            a.source,
            a.outlet.as_deref().unwrap_or("?"),
            a.published.as_ref().map_or("?", |p| p.value.as_str()),
            a.text
        ));
        // the tagger's entities, so a reader can see why a name was (not) a source
        for en in &a.entities {
            let spans: Vec<String> = en
                .mentions
                .iter()
                .map(|m| format!("{}-{}", m.start, m.end))
                .collect();
            out.push_str(&format!(
                "  {:?} {} @ {}\n",
                en.kind,
                en.name,
                spans.join(",")
            ));
        }
        out.push('\n');
    }
    let path = dir.join(format!("{}.txt", facts::event_name(set, event)));
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, out)) {
        eprintln!("eval_real: {}: {e}", path.display());
    }
}

/// The word-choice rows of one event: each outlet's forms with the corpus key and char
/// offsets of their first use (for a reviewer to check against the texts).
fn print_wording(
    set: &str,
    event: &str,
    c: &kabar_compare::Comparison,
    keys: &BTreeMap<String, String>,
) {
    for w in &c.wording {
        println!(
            "WORDING\t{set}\t{event}\t{}\t{}\t{}",
            w.kind, w.lang, w.about
        );
        for o in &w.outlets {
            for t in &o.terms {
                let at = t.spans.first().map_or(String::new(), |s| {
                    format!(
                        "{}@{}-{}",
                        keys.get(&s.article)
                            .map_or(s.article.as_str(), String::as_str),
                        s.start,
                        s.end
                    )
                });
                println!("\t{}\t{}\t×{}\t{at}", o.outlet, t.term, t.count);
            }
        }
    }
}

/// Precision per set and kind over labelled claims; unlabelled ones listed (TUNE only).
fn report(
    all: &[Claim],
    labels: &BTreeMap<String, String>,
    audit: bool,
    show: bool,
    texts: &BTreeMap<String, String>,
) {
    // (set, family) → (correct, wrong, unlabelled)
    let mut by: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
    for c in all {
        let family = if c.kind.starts_with("unique") {
            "unique"
        } else {
            "flag"
        };
        for key in [
            (c.set.clone(), format!("{family}:{}", c.kind)),
            ("all".into(), family.into()),
        ] {
            let e = by.entry(key).or_default();
            match labels.get(&c.label_key()).map(String::as_str) {
                Some("correct") => e.0 += 1,
                Some(_) => e.1 += 1,
                None => e.2 += 1,
            }
        }
        if show && labels.get(&c.label_key()).is_some_and(|l| l != "correct") {
            println!("LABELLED WRONG {}", c.label_key());
        }
        if show && !labels.contains_key(&c.label_key()) {
            println!("UNLABELLED {}", c.label_key());
            println!("   {}", c.words);
            c.print_context(texts, 160);
        }
    }
    for ((set, kind), (ok, bad, un)) in by {
        let n = ok + bad;
        let p = if n > 0 {
            100.0 * ok as f64 / n as f64
        } else {
            0.0
        };
        println!(
            "{set:8} {kind:28} correct {ok:3} wrong {bad:3} unlabelled {un:3}  precision {p:5.1}% {}",
            if audit { "" } else { "(tune: upper bound)" }
        );
    }
}

/// Time of one comparison of 50 real articles (all events' articles pooled, many outlets,
/// so every rule has work): the median of 7 runs after one warm-up.
fn speed(events: &[sets::Event]) {
    let raws: Vec<_> = events
        .iter()
        .flat_map(|e| e.articles.iter().cloned())
        .take(50)
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"))
        .expect("pipeline");
    let analyses = p.analyze_all(raws, &|| {});
    let mut store = Store::in_memory().expect("store");
    ingest_batch(&mut store, &analyses).expect("ingest");
    let ids: Vec<String> = store
        .articles()
        .expect("articles")
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut ms = Vec::new();
    let mut cpu = Vec::new();
    let mut last = None;
    for _ in 0..8 {
        let (t, c) = (Instant::now(), thread_cpu_ms());
        last = compare_articles(&store, &ids).ok();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        cpu.push(thread_cpu_ms().zip(c).map(|(b, a)| b - a));
    }
    ms.remove(0);
    cpu.remove(0);
    ms.sort_by(f64::total_cmp);
    let mut cpu: Vec<f64> = cpu.into_iter().flatten().collect();
    cpu.sort_by(f64::total_cmp);
    if let Some(c) = cpu.get(cpu.len() / 2) {
        println!("speed: CPU time of this thread per comparison: median {c:.1} ms (the wall time below includes waiting for a CPU on a loaded machine)");
    }
    let c = last.expect("comparison");
    println!(
        "speed: {} articles, {} outlets, {} facts: median {:.1} ms, min {:.1}, max {:.1} (7 runs)",
        ids.len(),
        c.outlets.len(),
        c.facts.len(),
        ms[3],
        ms[0],
        ms[6]
    );
}

/// CPU time this thread has run, in ms (Linux `/proc/thread-self/schedstat`), so a
/// loaded shared machine does not inflate the figure; `None` elsewhere.
fn thread_cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}
