//! The commands on a PostgreSQL store (`--db postgres://…`, issue 16): `ingest` and the
//! listings (`articles`, `events`, `stories`, `entities`, `search`), with the same JSON as
//! on SQLite. The other commands answer a usage error naming what is not there yet.

use super::UsageError;
use crate::cli::{Command, InputArgs, ListArgs};
use crate::output;
use crate::Outcome;
use anyhow::{Context, Result};
use kabar_analyze::ingest_batch_pg;
use kabar_store::pg::{is_url, PgError, PgStore};
use kabar_store::StoreError;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// The URL when `--db` / `$KABAR_DB` names a PostgreSQL store.
pub fn url_of(db: &Path) -> Option<&str> {
    db.to_str().filter(|s| is_url(s))
}

/// Runs `command` on the PostgreSQL store at `url`.
pub fn run(url: &str, command: Command) -> Result<Outcome> {
    match command {
        Command::Ingest { json, input, batch } => ingest(url, json.json, &input, batch),
        Command::Articles { json, list } => {
            whole(&list)?;
            listing(url, json.json, |s| s.articles(), output::articles)
        }
        Command::Events { json, list } => {
            whole(&list)?;
            listing(url, json.json, |s| s.events(), output::events)
        }
        Command::Entities { json, list } => {
            whole(&list)?;
            listing(url, json.json, |s| s.entities(), output::entities)
        }
        Command::Stories { json, list } => {
            whole(&list)?;
            listing(url, json.json, |s| s.stories(), stories_text)
        }
        Command::Search { json, limit, query } => search(url, json.json, &query.join(" "), limit),
        other => Err(anyhow::Error::new(UsageError(format!(
            "`kabar {}` does not work on a PostgreSQL store yet; ingest, articles, events, \
             stories, entities and search do",
            name_of(&other)
        )))),
    }
}

/// Paging and filters are SQLite-only for now: refuse them rather than print a whole list.
fn whole(list: &ListArgs) -> Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    Err(anyhow::Error::new(UsageError(
        "paging and filters (--limit, --offset, --sort, --from, --to, --outlet, --entity, \
         --lang) do not work on a PostgreSQL store yet; the whole list does"
            .into(),
    )))
}

fn name_of(c: &Command) -> String {
    let dbg = format!("{c:?}");
    dbg.split([' ', '(', '{'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

fn open(url: &str) -> Result<PgStore> {
    Ok(PgStore::open(url)?)
}

fn usage_or(e: PgError) -> anyhow::Error {
    match e {
        PgError::Store(StoreError::BadQuery(q)) => anyhow::Error::new(UsageError(q.to_string())),
        PgError::Store(StoreError::NotFound(m)) => anyhow::Error::new(UsageError(m)),
        other => anyhow::Error::new(other),
    }
}

fn listing<T: Serialize>(
    url: &str,
    json: bool,
    read: impl FnOnce(&mut PgStore) -> Result<Vec<T>, PgError>,
    text: impl FnOnce(&mut std::io::StdoutLock<'static>, &[T]) -> std::io::Result<()>,
) -> Result<Outcome> {
    let rows = read(&mut open(url)?).map_err(usage_or)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        text(&mut out, &rows)?;
    }
    Ok(Outcome::Ok)
}

fn stories_text(
    out: &mut std::io::StdoutLock<'static>,
    rows: &[kabar_store::rows::StoryRow],
) -> std::io::Result<()> {
    for s in rows {
        writeln!(
            out,
            "{}  {}..{}  {} event(s), {} article(s)  {}",
            s.id,
            s.first.as_deref().unwrap_or("?"),
            s.last.as_deref().unwrap_or("?"),
            s.events.len(),
            s.articles.len(),
            s.title.as_deref().unwrap_or("(untitled)")
        )?;
    }
    Ok(())
}

fn search(url: &str, json: bool, q: &str, limit: usize) -> Result<Outcome> {
    let hits = open(url)?.search(q, limit).map_err(usage_or)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(Outcome::Ok);
    }
    output::search_hits(&mut out, q, &hits)?;
    Ok(Outcome::Ok)
}

/// `kabar ingest` into PostgreSQL: as on SQLite (a reader thread analyses batch after
/// batch on all cores while this thread stores the previous one), except that each batch
/// is stored and linked under the store's link lock, so several processes may ingest
/// into one store at once.
fn ingest(url: &str, json: bool, input: &InputArgs, batch: usize) -> Result<Outcome> {
    let mut store = PgStore::open(url)?;
    let target = store.target().to_string();
    let mut waited = std::time::Duration::ZERO;
    let mut s = super::ingest::stream_batches(input, batch, &mut |analyses| {
        let (b, times) = ingest_batch_pg(&mut store, analyses)
            .with_context(|| format!("storing into {target}"))?;
        waited += times.waited;
        Ok(b)
    })?;
    if s.added == 0 && s.already_stored == 0 {
        let c = store.counts()?;
        s.events = c["events"] as usize;
        s.stories = c["stories"] as usize;
    }
    if json {
        println!("{}", serde_json::to_string(&s)?);
    } else {
        println!(
            "added {} article(s) ({} duplicate(s)), {} already stored, {} refused; the store now has {} event(s) in {} story(ies): {target} (waited {:.2} s for the link lock)",
            s.added, s.duplicates, s.already_stored, s.refused, s.events, s.stories, waited.as_secs_f64()
        );
    }
    Ok(if s.refused == 0 {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}
