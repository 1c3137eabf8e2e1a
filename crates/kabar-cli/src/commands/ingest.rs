//! `kabar ingest`: analyse, store, link.

use super::{progress_bar, read_articles, today};
use crate::cli::InputArgs;
use crate::Outcome;
use anyhow::{Context, Result};
use kabar_analyze::{ingest_batch, Pipeline};
use kabar_store::Store;
use serde::Serialize;
use std::path::Path;

/// SPEC `ingest --json`.
#[derive(Debug, Default, Serialize)]
pub struct IngestSummary {
    pub added: usize,
    pub duplicates: usize,
    pub refused: usize,
    pub events: usize,
    pub stories: usize,
    /// Inputs already stored (same content), skipped. An extension of SPEC.
    pub already_stored: usize,
}

/// Ingests `input` into the store at `db`; shared with `kabar demo`.
pub fn ingest(db: &Path, input: &InputArgs, batch: usize) -> Result<IngestSummary> {
    let (raws, refused) = read_articles(input);
    let mut store = Store::open(db).with_context(|| format!("opening store {}", db.display()))?;
    let pipeline = Pipeline::new(today())?;
    let pb = progress_bar(raws.len(), "ingesting");
    let mut summary = IngestSummary {
        refused: refused.len(),
        ..Default::default()
    };
    let mut raws = raws.into_iter().peekable();
    while raws.peek().is_some() {
        let chunk: Vec<_> = raws.by_ref().take(batch.max(1)).collect();
        let analyses = pipeline.analyze_all(chunk, &|| pb.inc(1));
        let s = ingest_batch(&mut store, &analyses)
            .with_context(|| format!("storing into {}", db.display()))?;
        summary.added += s.added;
        summary.duplicates += s.duplicates;
        summary.already_stored += s.already_stored;
        summary.events = s.events;
        summary.stories = s.stories;
    }
    pb.finish_and_clear();
    if summary.added == 0 && summary.already_stored == 0 {
        let c = store.counts()?;
        summary.events = c["events"] as usize;
        summary.stories = c["stories"] as usize;
    }
    Ok(summary)
}

pub fn run(db: &Path, json: bool, input: &InputArgs, batch: usize) -> Result<Outcome> {
    let s = ingest(db, input, batch)?;
    if json {
        println!("{}", serde_json::to_string(&s)?);
    } else {
        println!(
            "added {} article(s) ({} duplicate(s)), {} already stored, {} refused; the store now has {} event(s) in {} story(ies): {}",
            s.added, s.duplicates, s.already_stored, s.refused, s.events, s.stories, db.display()
        );
    }
    Ok(if s.refused == 0 {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}
