//! Writes the entity audit lists of issue 10 for judgement.
//!
//! ```sh
//! cargo run --release -p kabar-analyze --example entity_audit -- \
//!     --split tune --out /work/wt/notes/ent-audit/tune ../shared/data/news-id/detik-2026/*.csv
//! ```
//!
//! `--split tune|audit|all` keeps the articles of one side of the audit split (by corpus
//! key, `kabar_core::split`); `--db PATH` keeps the store (default: a temporary file);
//! `--seed N` changes the alias sample; `--judged FILE` scores judged items (the format of
//! `tests/data/entity-audit-tune.tsv`) against the store built. Writes `alias_pairs.tsv` (300 random alias pairs),
//! `top_types.tsv` (the 500 most mentioned entities), `person_splits.tsv` (the 200 most
//! mentioned persons with the persons sharing a name part) and `merges.tsv` (store-level
//! merges with their evidence), each with empty `judgement` and `reason` columns. Entity
//! names and IDs only, no article text.

use kabar_analyze::audit::{
    alias_pairs, build_store, person_splits, read_judged, sample, score, top_entities, Side,
};
use kabar_core::split::Split;
use kabar_store::Store;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

struct Args {
    side: Side,
    out: PathBuf,
    db: Option<PathBuf>,
    seed: u64,
    judged: Option<PathBuf>,
    inputs: Vec<PathBuf>,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        side: Side::Only(Split::Tune),
        out: PathBuf::from("ent-audit"),
        db: None,
        seed: 10,
        judged: None,
        inputs: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match x.as_str() {
            "--split" => {
                a.side = match val("--split")?.as_str() {
                    "tune" => Side::Only(Split::Tune),
                    "audit" => Side::Only(Split::Audit),
                    "all" => Side::All,
                    v => return Err(format!("--split: expected tune, audit or all, not {v:?}")),
                }
            }
            "--out" => a.out = PathBuf::from(val("--out")?),
            "--db" => a.db = Some(PathBuf::from(val("--db")?)),
            "--judged" => a.judged = Some(PathBuf::from(val("--judged")?)),
            "--seed" => a.seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            _ if x.starts_with("--") => return Err(format!("unknown option {x}")),
            _ => a.inputs.push(PathBuf::from(x)),
        }
    }
    if a.inputs.is_empty() {
        return Err("no input files (the Detik 2026 CSVs)".into());
    }
    Ok(a)
}

fn run(a: Args) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&a.out)?;
    let tmp = std::env::temp_dir().join(format!("kabar-entity-audit-{}.db", std::process::id()));
    let db = a.db.clone().unwrap_or_else(|| tmp.clone());
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
    }
    let mut store = Store::open(&db)?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
    let n = build_store(&mut store, &a.inputs, a.side, today)?;
    eprintln!("{n} article(s) kept; store {}", db.display());

    let mut f = std::fs::File::create(a.out.join("alias_pairs.tsv"))?;
    writeln!(f, "kind\tentity\titem\tjudgement\treason\tname\ttype")?;
    let pairs = alias_pairs(&store)?;
    for p in sample(&pairs, 300, a.seed) {
        writeln!(
            f,
            "alias\t{}\t{}\t\t\t{}\t{}",
            p.entity, p.alias, p.name, p.kind
        )?;
    }
    let mut f = std::fs::File::create(a.out.join("top_types.tsv"))?;
    writeln!(
        f,
        "kind\tentity\titem\tjudgement\treason\tname\tmentions\tarticles"
    )?;
    for e in top_entities(&store, 500)? {
        writeln!(
            f,
            "type\t{}\t{}\t\t\t{}\t{}\t{}",
            e.id, e.kind, e.name, e.mentions, e.articles
        )?;
    }
    let mut f = std::fs::File::create(a.out.join("person_splits.tsv"))?;
    writeln!(
        f,
        "kind\tentity\titem\tjudgement\treason\tname\tmentions\tother name\tother mentions"
    )?;
    for p in person_splits(&store, 200)? {
        if p.others.is_empty() {
            writeln!(
                f,
                "split\t{}\t\t\t\t{}\t{}\t\t",
                p.top.id, p.top.name, p.top.mentions
            )?;
        }
        for (id, name, m) in &p.others {
            writeln!(
                f,
                "split\t{}\t{}\t\t\t{}\t{}\t{}\t{}",
                p.top.id, id, p.top.name, p.top.mentions, name, m
            )?;
        }
    }
    let mut f = std::fs::File::create(a.out.join("merges.tsv"))?;
    writeln!(f, "from\tto\treason")?;
    for m in store.redirects()? {
        writeln!(f, "{}\t{}\t{}", m.from, m.to, m.reason)?;
    }
    if let Some(path) = &a.judged {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let judged = read_judged(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for kind in ["alias", "type", "split"] {
            let s = score(&store, &judged, kind)?;
            println!(
                "{kind}: {}/{} judged items still shown are correct ({:.1}%)",
                s.correct,
                s.present,
                s.rate() * 100.0
            );
            for w in &s.wrong {
                println!("  wrong: {} {} ({})", w.entity, w.item, w.reason);
            }
        }
    }
    drop(store);
    if a.db.is_none() {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
        }
    }
    eprintln!("wrote {}", a.out.display());
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("entity_audit: {e}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entity_audit: {e}");
            ExitCode::FAILURE
        }
    }
}
