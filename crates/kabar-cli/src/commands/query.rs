//! The read-only queries: `articles`, `events`, `stories`, `story`, `entities`, `entity`,
//! `search`. The JSON shapes are SPEC.md's; the data comes from `kabar_store::query`.

use crate::output;
use crate::Outcome;
use anyhow::{Context, Result};
pub use kabar_analyze::views::{entity_record, story_record, EntityOut, StoryOut};
use kabar_store::{Store, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Opens an existing store; a missing one is a usage error (exit 2), never created.
pub(super) fn open(db: &Path) -> Result<Store> {
    Store::open_existing(db).map_err(|e| match e {
        StoreError::Missing(_) => anyhow::Error::new(super::UsageError(e.to_string())),
        other => anyhow::Error::new(other),
    })
}

fn not_found(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::NotFound(m) => anyhow::Error::new(super::UsageError(m)),
        other => anyhow::Error::new(other),
    }
}

fn print_json<T: Serialize>(v: &T) -> Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer(&mut out, v)?;
    writeln!(out)?;
    Ok(Outcome::Ok)
}

pub fn articles(db: &Path, json: bool) -> Result<Outcome> {
    let rows = open(db)?.articles()?;
    if json {
        return print_json(&rows);
    }
    output::articles(&mut std::io::stdout().lock(), &rows)?;
    Ok(Outcome::Ok)
}

pub fn events(db: &Path, json: bool) -> Result<Outcome> {
    let rows = open(db)?.events()?;
    if json {
        return print_json(&rows);
    }
    output::events(&mut std::io::stdout().lock(), &rows)?;
    Ok(Outcome::Ok)
}

pub fn stories(db: &Path, json: bool) -> Result<Outcome> {
    let store = open(db)?;
    let rows = store.stories()?;
    if json {
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    output::stories(&mut out, &store, &rows)?;
    Ok(Outcome::Ok)
}

pub fn story(db: &Path, json: bool, id: &str) -> Result<Outcome> {
    let store = open(db)?;
    let rec = story_record(&store, id).map_err(not_found)?;
    if json {
        return print_json(&rec);
    }
    output::story(&mut std::io::stdout().lock(), &store, &rec)?;
    Ok(Outcome::Ok)
}

pub fn entities(db: &Path, json: bool) -> Result<Outcome> {
    let rows = open(db)?.entities()?;
    if json {
        return print_json(&rows);
    }
    output::entities(&mut std::io::stdout().lock(), &rows)?;
    Ok(Outcome::Ok)
}

pub fn entity(db: &Path, json: bool, id_or_name: &str) -> Result<Outcome> {
    let store = open(db)?;
    let rec = entity_record(&store, id_or_name).map_err(not_found)?;
    if json {
        return print_json(&rec);
    }
    output::entity(&mut std::io::stdout().lock(), &store, &rec)?;
    Ok(Outcome::Ok)
}

pub fn search(db: &Path, json: bool, q: &str, limit: usize) -> Result<Outcome> {
    let hits = match open(db)?.search(q, limit) {
        Err(StoreError::BadQuery(e)) => {
            return Err(anyhow::Error::new(super::UsageError(e.to_string())))
        }
        other => other.context("searching")?,
    };
    if json {
        return print_json(&hits);
    }
    let mut out = std::io::stdout().lock();
    if hits.is_empty() {
        writeln!(out, "no article matches {q:?}")?;
    }
    for h in hits {
        writeln!(
            out,
            "{:>6.2}  {}  {}",
            h.score,
            h.article,
            h.title.as_deref().unwrap_or("(untitled)")
        )?;
        writeln!(out, "        {}", h.snippet.replace('\n', " "))?;
    }
    Ok(Outcome::Ok)
}
