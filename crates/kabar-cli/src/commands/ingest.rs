//! `kabar ingest`: analyse, store, link.

use super::{progress_counter, read_options, report, today};
use crate::cli::InputArgs;
use crate::Outcome;
use anyhow::{Context, Result};
use kabar_analyze::{ingest_batch, link_order, Pipeline};
use kabar_extract::sources::stream_inputs;
use kabar_store::{BatchSummary, Store};
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
    let mut store = Store::open(db).with_context(|| format!("opening store {}", db.display()))?;
    let mut summary = stream_batches(input, batch, &mut |analyses| {
        ingest_batch(&mut store, analyses).with_context(|| format!("storing into {}", db.display()))
    })?;
    if summary.added == 0 && summary.already_stored == 0 {
        let c = store.counts()?;
        summary.events = c["events"] as usize;
        summary.stories = c["stories"] as usize;
    }
    Ok(summary)
}

/// Articles analysed ahead and sorted by publication date before they are stored (at
/// least one batch). The linker links in date order and re-links its recent window when a
/// batch brings articles older than what it already linked (`kabar_link::Linker::add_batch`);
/// inputs are rarely in date order (the Detik CSVs are not), so without sorting nearly
/// every batch replayed the window (peak RSS: docs/BENCHMARKS.md, "End-to-end throughput").
const LOOKAHEAD: usize = 2000;

/// Streams `input` through the pipeline and hands each analysed batch to `store`; shared
/// by the SQLite and PostgreSQL ingests. The summary adds up the batches (events and
/// stories as the last batch counted them) and the refused inputs.
///
/// Inputs are streamed: a reader thread takes `batch` articles at a time and analyses them
/// (all cores) into a look-ahead buffer of [`LOOKAHEAD`] articles; a full buffer (or the
/// end of the input) is sorted in the linker's order ([`link_order`]) and handed to this
/// thread in batches, which it stores and links, one transaction each, while the reader
/// analyses the next buffer. A bounded channel keeps memory flat whatever the input's size
/// (at most about two buffers of analyses).
pub(super) fn stream_batches(
    input: &InputArgs,
    batch: usize,
    store: &mut dyn FnMut(&[kabar_core::Analysis]) -> Result<BatchSummary>,
) -> Result<IngestSummary> {
    let pipeline = Pipeline::new(today())?;
    let pb = progress_counter("ingesting");
    let mut summary = IngestSummary::default();
    let batch = batch.max(1);
    let lookahead = batch.max(LOOKAHEAD);
    let opts = read_options(input);
    let refused = std::thread::scope(|scope| -> Result<usize> {
        let (tx, rx) =
            std::sync::mpsc::sync_channel::<Vec<kabar_core::Analysis>>(lookahead.div_ceil(batch));
        let (pipeline, pb, opts) = (&pipeline, &pb, &opts);
        let reader = scope.spawn(move || {
            let mut refused = 0usize;
            let mut items = stream_inputs(&input.inputs, opts);
            let mut buffer: Vec<kabar_core::Analysis> = Vec::new();
            loop {
                let mut chunk = Vec::with_capacity(batch.min(4096));
                for item in items.by_ref() {
                    let (a, e) = report(item);
                    refused += usize::from(e.is_some());
                    chunk.extend(a);
                    if chunk.len() == batch {
                        break;
                    }
                }
                let done = chunk.is_empty();
                if !done {
                    buffer.extend(pipeline.analyze_all(chunk, &|| pb.inc(1)));
                }
                if buffer.len() >= lookahead || (done && !buffer.is_empty()) {
                    buffer.sort_by_cached_key(link_order);
                    let mut sorted = std::mem::take(&mut buffer).into_iter();
                    loop {
                        let b: Vec<kabar_core::Analysis> = sorted.by_ref().take(batch).collect();
                        if b.is_empty() {
                            break;
                        }
                        if tx.send(b).is_err() {
                            return refused; // the store side failed and stopped listening
                        }
                    }
                }
                if done {
                    break;
                }
            }
            refused
        });
        for analyses in rx {
            let s = store(&analyses)?;
            summary.added += s.added;
            summary.duplicates += s.duplicates;
            summary.already_stored += s.already_stored;
            summary.events = s.events;
            summary.stories = s.stories;
        }
        reader
            .join()
            .map_err(|_| anyhow::anyhow!("the input reader thread panicked"))
    })?;
    summary.refused = refused;
    pb.finish_and_clear();
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
