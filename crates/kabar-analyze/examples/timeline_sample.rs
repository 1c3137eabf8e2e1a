//! Draws the timeline-review sample of a store: a seeded random sample of stories whose
//! merged timeline (`kabar story`) has at least two entries, written as a review sheet
//! (story ID, each entry's index, date, type, source → target, number of reporting
//! articles, their corpus keys with the audit side, and the chosen sentence — for a
//! reviewer, kept out of the repo) and an empty judgement TSV (`story, entry,
//! duplicate_of, act_correct, reason`; see `kabar_actions::review`) that, once judged, may
//! be kept in `crates/kabar-actions/tests/data/timeline/` (IDs and judgements only) and is
//! scored by `cargo test --release -p kabar-actions --test timeline_review`.
//!
//! `cargo run --release -p kabar-analyze --example timeline_sample -- STORE.db OUT_DIR [--seed S] [--stories N]`
//!
//! The sample is the first N stories, in order of BLAKE3(`seed:id`), with at least two
//! timeline entries: the same store and seed give the same sample. Defaults: seed
//! `kabar-timeline-1`, 30 stories.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kabar_core::split::{split_of, Split};
use kabar_query::{story_record, ArticleRow, Reads, StoryOut};
use kabar_store::Store;

/// The value after `flag`, if given.
fn opt<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// Corpus key of an article's source (`…/shared/data/news-id/x.csv#3` → `news-id/x.csv#3`).
fn key_of(source: &str) -> &str {
    source.rsplit_once("shared/data/").map_or(source, |x| x.1)
}

/// `news-id/x.csv#3 [TUNE]`, or the article ID when the store does not know it.
fn article_key(articles: &HashMap<String, ArticleRow>, id: &str) -> String {
    match articles.get(id) {
        Some(a) => {
            let key = key_of(&a.source);
            let side = match split_of(key) {
                Split::Tune => "TUNE",
                Split::Audit => "AUDIT",
            };
            format!("{key} [{side}]")
        }
        None => id.to_string(),
    }
}

/// One story's block of the sheet and its judgement rows.
fn story_block(
    s: &StoryOut,
    articles: &HashMap<String, ArticleRow>,
    sheet: &mut String,
    tsv: &mut String,
) {
    let names: HashMap<&str, &str> = s
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    let name = |ids: &[String]| {
        let v: Vec<&str> = ids
            .iter()
            .map(|i| names.get(i.as_str()).copied().unwrap_or(i.as_str()))
            .collect();
        if v.is_empty() {
            "?".to_string()
        } else {
            v.join(", ")
        }
    };
    let _ = writeln!(
        sheet,
        "story {}  {} events  {} timeline entries  {}",
        s.id,
        s.events.len(),
        s.timeline.len(),
        s.title.as_deref().unwrap_or("—")
    );
    for (i, e) in s.timeline.iter().enumerate() {
        let _ = writeln!(
            sheet,
            "  [{i}] {}  {} {}  {} → {}  ({} report(s))",
            e.date.as_deref().unwrap_or("undated"),
            e.plover,
            e.kind,
            name(&e.source),
            name(&e.target),
            e.articles.len()
        );
        let _ = writeln!(sheet, "      “{}”", e.text);
        for a in &e.articles {
            let _ = writeln!(sheet, "      {a}  {}", article_key(articles, a));
        }
        let _ = writeln!(tsv, "{}\t{i}\t\t\t", s.id);
    }
    sheet.push('\n');
}

fn run(args: &[String]) -> Result<(), String> {
    let [db, out, ..] = args else {
        return Err("usage: timeline_sample STORE.db OUT_DIR [--seed S] [--stories N]".into());
    };
    let seed = opt(args, "--seed").unwrap_or("kabar-timeline-1");
    let n: usize = opt(args, "--stories").map_or(Ok(30), |v| {
        v.parse()
            .map_err(|_| format!("--stories: not a number: {v}"))
    })?;
    let store = Store::open_read_only(Path::new(db)).map_err(|e| format!("{db}: {e}"))?;
    let articles: HashMap<String, ArticleRow> = store
        .articles()
        .map_err(|e| format!("{db}: {e}"))?
        .into_iter()
        .map(|a| (a.id.clone(), a))
        .collect();
    let stories = store.stories().map_err(|e| format!("{db}: {e}"))?;
    let mut order: Vec<([u8; 32], &str)> = stories
        .iter()
        .map(|s| {
            let h = blake3::hash(format!("{seed}:{}", s.id).as_bytes());
            (*h.as_bytes(), s.id.as_str())
        })
        .collect();
    order.sort();
    let mut sheet = format!(
        "# Timeline review sample of {db} (seed {seed})\n\
         # For each story, read its timeline entries (index in brackets) and the articles.\n\
         # In timeline-judgements.tsv write, per entry: duplicate_of = the index of an\n\
         # earlier entry of the same story that shows the same real-world act (else empty);\n\
         # act_correct = yes when the type, source and target are what the reports say\n\
         # (criteria in docs/actions.md), else no; a short reason. IDs and judgements only.\n\n"
    );
    let mut tsv = format!("{}\n", kabar_actions::review::HEADER);
    let (mut picked, mut entries) = (0, 0);
    let mut seen = std::collections::HashSet::new();
    for (_, id) in order {
        if picked == n {
            break;
        }
        let s = story_record(&store, id).map_err(|e| format!("{db}: story {id}: {e}"))?;
        // a story is drawn once, even if an old store redirects another ID to it
        if s.timeline.len() < 2 || !seen.insert(s.id.clone()) {
            continue;
        }
        picked += 1;
        entries += s.timeline.len();
        story_block(&s, &articles, &mut sheet, &mut tsv);
    }
    let _ = writeln!(sheet, "# {picked} stories, {entries} timeline entries");
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, text) in [
        ("timeline-sheet.txt", &sheet),
        ("timeline-judgements.tsv", &tsv),
    ] {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        println!("wrote {}", p.display());
    }
    println!("{picked} stories, {entries} timeline entries");
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = run(&args) {
        eprintln!("timeline_sample: {e}");
        std::process::exit(2);
    }
}
