//! The commands on a PostgreSQL store (`--db postgres://…`, issue 16). The read commands
//! and `serve` go through `kabar-query`'s traits like on SQLite ([`reads`]); this module
//! runs `ingest`, and the rest (fetch, watch, sources, compare, demo, …) answer a usage
//! error naming what works.

use super::UsageError;
use crate::cli::{Command, InputArgs};
use crate::Outcome;
use anyhow::{Context, Result};
use kabar_analyze::ingest_batch_pg;
use kabar_store::pg::{is_url, LockTimes, PgStore};
use std::path::Path;

/// The URL when `--db` / `$KABAR_DB` names a PostgreSQL store.
pub fn url_of(db: &Path) -> Option<&str> {
    db.to_str().filter(|s| is_url(s))
}

/// True for the commands that read a store through `kabar-query`'s traits, which work on
/// PostgreSQL as on SQLite (see `super::query`); the others are handled by [`run`].
pub fn reads(command: &Command) -> bool {
    matches!(
        command,
        Command::Articles { .. }
            | Command::Events { .. }
            | Command::Stories { .. }
            | Command::Story { .. }
            | Command::Event { .. }
            | Command::Article { .. }
            | Command::Entities { .. }
            | Command::Entity { .. }
            | Command::Search { .. }
            | Command::Export { .. }
            | Command::Serve { .. }
    )
}

/// Runs `command` (not one of [`reads`]) on the PostgreSQL store at `url`.
pub fn run(url: &str, command: Command) -> Result<Outcome> {
    match command {
        Command::Ingest { json, input, batch } => ingest(url, json.json, &input, batch),
        other => Err(anyhow::Error::new(UsageError(format!(
            "`kabar {}` does not work on a PostgreSQL store yet; ingest, the listings and \
             records (articles, events, stories, story, event, article, entities, entity), \
             search, export and serve do",
            name_of(&other)
        )))),
    }
}

fn name_of(c: &Command) -> String {
    let dbg = format!("{c:?}");
    dbg.split([' ', '(', '{'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// `kabar ingest` into PostgreSQL: as on SQLite (a reader thread analyses batch after
/// batch on all cores while this thread stores the previous one), except that each batch
/// is stored and linked under the store's link lock, so several processes may ingest
/// into one store at once.
fn ingest(url: &str, json: bool, input: &InputArgs, batch: usize) -> Result<Outcome> {
    let mut store = PgStore::open(url)?;
    let target = store.target().to_string();
    let mut locks = LockTimes::default();
    let mut s = super::ingest::stream_batches(input, batch, &mut |analyses| {
        let (b, times) = ingest_batch_pg(&mut store, analyses)
            .with_context(|| format!("storing into {target}"))?;
        locks.add(&times);
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
            "added {} article(s) ({} duplicate(s)), {} already stored, {} refused; the store now has {} event(s) in {} story(ies): {target} (link lock: waited {:.2} s, held {:.2} s: storing {:.2}, linking {:.2}, resolving entities {:.2}, commit {:.2})",
            s.added, s.duplicates, s.already_stored, s.refused, s.events, s.stories,
            locks.waited.as_secs_f64(), locks.held.as_secs_f64(), locks.storing.as_secs_f64(),
            locks.linking.as_secs_f64(), locks.resolving.as_secs_f64(),
            locks.committing.as_secs_f64()
        );
    }
    Ok(if s.refused == 0 {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}
