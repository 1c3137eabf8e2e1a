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
    // Analysis of batch n+1 (parallel, pure) overlaps storing and linking batch n (serial,
    // one transaction each): a bounded channel of one batch keeps memory flat.
    let batch = batch.max(1);
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<kabar_core::Analysis>>(1);
        let pipeline = &pipeline;
        let pb = &pb;
        scope.spawn(move || {
            let mut raws = raws.into_iter().peekable();
            while raws.peek().is_some() {
                let chunk: Vec<_> = raws.by_ref().take(batch).collect();
                if tx.send(pipeline.analyze_all(chunk, &|| pb.inc(1))).is_err() {
                    break; // the store side failed and stopped listening
                }
            }
        });
        for analyses in rx {
            let s = ingest_batch(&mut store, &analyses)
                .with_context(|| format!("storing into {}", db.display()))?;
            summary.added += s.added;
            summary.duplicates += s.duplicates;
            summary.already_stored += s.already_stored;
            summary.events = s.events;
            summary.stories = s.stories;
        }
        Ok(())
    })?;
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
