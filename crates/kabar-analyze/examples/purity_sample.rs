//! Draws the purity-review sample of a store: a seeded random sample of events with at
//! least two articles and of stories with at least two events, written as a review sheet
//! (IDs, corpus keys, audit side, dates, titles — for a reviewer, kept out of the repo)
//! and an empty judgement TSV (`kind, id, pure, reason`; see `kabar_link::purity`) that,
//! once judged, may be kept in `crates/kabar-link/gold/purity/` (IDs and judgements only)
//! and is scored by `cargo test -p kabar-analyze --test purity`.
//!
//! `cargo run --release -p kabar-analyze --example purity_sample -- STORE.db OUT_DIR [--seed S] [--events N] [--stories N]`
//!
//! The sample is the N IDs with the smallest BLAKE3(`seed:id`): the same store and seed
//! give the same sample. Defaults: seed `kabar-purity-1`, 50 events, 30 stories.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kabar_core::split::{split_of, Split};
use kabar_query::{ArticleRow, Reads};
use kabar_store::Store;

/// The value after `flag`, if given.
fn opt<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The `n` IDs with the smallest seeded hash.
fn sample<'a>(ids: impl Iterator<Item = &'a str>, seed: &str, n: usize) -> Vec<&'a str> {
    let mut v: Vec<([u8; 32], &str)> = ids
        .map(|id| {
            (
                *blake3::hash(format!("{seed}:{id}").as_bytes()).as_bytes(),
                id,
            )
        })
        .collect();
    v.sort();
    v.into_iter().take(n).map(|x| x.1).collect()
}

/// Corpus key of an article's source (`…/shared/data/news-id/x.csv#3` → `news-id/x.csv#3`).
fn key_of(source: &str) -> &str {
    source.rsplit_once("shared/data/").map_or(source, |x| x.1)
}

fn article_line(sheet: &mut String, indent: &str, a: &ArticleRow) {
    let key = key_of(&a.source);
    let side = match split_of(key) {
        Split::Tune => "TUNE",
        Split::Audit => "AUDIT",
    };
    let _ = writeln!(
        sheet,
        "{indent}{}  {key}  [{side}]  {}  {}{}",
        a.id,
        a.published.as_deref().unwrap_or("(no date)"),
        a.title.as_deref().unwrap_or("(untitled)"),
        if a.duplicate_of.is_some() {
            "  (near-copy)"
        } else {
            ""
        }
    );
}

fn run(args: &[String]) -> Result<(), String> {
    let [db, out, ..] = args else {
        return Err(
            "usage: purity_sample STORE.db OUT_DIR [--seed S] [--events N] [--stories N]".into(),
        );
    };
    let seed = opt(args, "--seed").unwrap_or("kabar-purity-1");
    let num = |flag: &str, d: usize| -> Result<usize, String> {
        opt(args, flag).map_or(Ok(d), |v| {
            v.parse().map_err(|_| format!("{flag}: not a number: {v}"))
        })
    };
    let (n_events, n_stories) = (num("--events", 50)?, num("--stories", 30)?);
    let store = Store::open_read_only(Path::new(db)).map_err(|e| format!("{db}: {e}"))?;
    let articles: HashMap<String, ArticleRow> = store
        .articles()
        .map_err(|e| format!("{db}: {e}"))?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let events = store.events().map_err(|e| format!("{db}: {e}"))?;
    let stories = store.stories().map_err(|e| format!("{db}: {e}"))?;
    let by_id: HashMap<&str, _> = events.iter().map(|e| (e.id.as_str(), e)).collect();
    let ev_pick = sample(
        events
            .iter()
            .filter(|e| e.articles.len() >= 2)
            .map(|e| e.id.as_str()),
        seed,
        n_events,
    );
    let st_pick = sample(
        stories
            .iter()
            .filter(|s| s.events.len() >= 2)
            .map(|s| s.id.as_str()),
        seed,
        n_stories,
    );
    let mut sheet = format!(
        "# Purity review sample of {db} (seed {seed})\n\
         # Judge each item by docs/link.md: an event is pure when all its articles report one\n\
         # happening; a story is pure when all its events share one subject. Write yes/no and\n\
         # a short reason into purity-judgements.tsv (IDs and judgements only).\n\n"
    );
    let mut tsv = format!("{}\n", kabar_link::purity::HEADER);
    let _ = writeln!(
        sheet,
        "## Events ({} of {} with >= 2 articles)\n",
        ev_pick.len(),
        events.iter().filter(|e| e.articles.len() >= 2).count()
    );
    for id in &ev_pick {
        let e = by_id[id];
        let _ = writeln!(
            sheet,
            "event {id}  {} articles  {}",
            e.articles.len(),
            e.title.as_deref().unwrap_or("—")
        );
        for a in e.articles.iter().filter_map(|a| articles.get(a)) {
            article_line(&mut sheet, "    ", a);
        }
        sheet.push('\n');
        let _ = writeln!(tsv, "event\t{id}\t\t");
    }
    let _ = writeln!(
        sheet,
        "## Stories ({} of {} with >= 2 events)\n",
        st_pick.len(),
        stories.iter().filter(|s| s.events.len() >= 2).count()
    );
    let st_by: HashMap<&str, _> = stories.iter().map(|s| (s.id.as_str(), s)).collect();
    for id in &st_pick {
        let s = st_by[id];
        let _ = writeln!(
            sheet,
            "story {id}  {} events  {}",
            s.events.len(),
            s.title.as_deref().unwrap_or("—")
        );
        for e in s.events.iter().filter_map(|e| by_id.get(e.as_str())) {
            let _ = writeln!(
                sheet,
                "  event {}  {} articles  {}",
                e.id,
                e.articles.len(),
                e.title.as_deref().unwrap_or("—")
            );
            for a in e.articles.iter().filter_map(|a| articles.get(a)) {
                article_line(&mut sheet, "      ", a);
            }
        }
        sheet.push('\n');
        let _ = writeln!(tsv, "story\t{id}\t\t");
    }
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, text) in [
        ("purity-sheet.txt", &sheet),
        ("purity-judgements.tsv", &tsv),
    ] {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        println!("wrote {}", p.display());
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = run(&args) {
        eprintln!("purity_sample: {e}");
        std::process::exit(2);
    }
}
