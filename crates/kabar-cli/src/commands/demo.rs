//! `kabar demo`: the newcomer's first run — ingest the bundled examples into a fresh store
//! and show stories, entities and a timeline.

use super::ingest::ingest;
use super::query::{entity_record, story_record};
use crate::cli::InputArgs;
use crate::{output, Outcome};
use anyhow::{bail, Result};
use kabar_query::Reads;
use kabar_store::Store;
use std::io::Write;
use std::path::Path;

pub fn run(dir: &Path, db: Option<&Path>) -> Result<Outcome> {
    if !dir.exists() {
        bail!(super::UsageError(format!(
            "{} not found: run the demo from the repository root, or name the examples folder",
            dir.display()
        )));
    }
    let db = match db {
        Some(p) => p.to_path_buf(),
        None => std::env::temp_dir().join(format!("kabar-demo-{}.db", std::process::id())),
    };
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let started = std::time::Instant::now();
    let input = InputArgs {
        published: None,
        outlet: None,
        inputs: vec![dir.to_path_buf()],
    };
    let s = ingest(&db, &input, 500)?;
    let secs = started.elapsed().as_secs_f64();
    let store = Store::open(&db)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Ingested {} articles ({} syndicated copies) from {} in {:.2} s into {}\n",
        s.added,
        s.duplicates,
        dir.display(),
        secs,
        db.display()
    )?;
    let stories = store.stories()?;
    output::stories(&mut out, &store, &stories)?;
    writeln!(out)?;
    let entities = store.entities()?;
    output::entities(&mut out, &entities[..entities.len().min(15)])?;
    // The longest-running story, in full.
    if let Some(big) = stories
        .iter()
        .max_by_key(|s| (s.events.len(), s.articles.len()))
    {
        writeln!(out)?;
        let rec = story_record(&store, &big.id)?;
        output::story(&mut out, &store, &rec)?;
    }
    // The most-mentioned person with roles, in full.
    if let Some(p) = entities
        .into_iter()
        .filter(|e| e.kind == "PER")
        .find(|e| store.roles(&e.id).map(|r| !r.is_empty()).unwrap_or(false))
    {
        writeln!(out)?;
        let rec = entity_record(&store, &p.id)?;
        output::entity(&mut out, &store, &rec)?;
    }
    writeln!(
        out,
        "\nExplore further: kabar --db {} stories | events | entities | story ID | entity NAME | search WORDS | serve",
        db.display()
    )?;
    Ok(if s.refused == 0 {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}
