//! The read-only queries: `articles`, `events`, `stories`, `story`, `entities`, `entity`,
//! `search`. The JSON shapes are SPEC.md's; the data comes from the `kabar-query` crate.

use crate::cli::{ListArgs, RecordArgs};
use crate::output;
use crate::Outcome;
use anyhow::{Context, Result};
use kabar_query::prelude::*;
pub use kabar_query::{entity_record, story_record, EntityOut, StoryOut};
use kabar_query::{Backend, StoryRow};
use kabar_store::{Store, StoreError};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// Opens an existing store; a missing one is a usage error (exit 2), never created.
pub(super) fn open(db: &Path) -> Result<Store> {
    Store::open_existing(db).map_err(missing)
}

/// Opens an existing store of either kind for the read commands: a SQLite file, or a
/// PostgreSQL store when `db` is a `postgres://` URL (the same traits answer both).
pub(super) fn open_reads(db: &Path) -> Result<Box<dyn Backend>> {
    kabar_query::open_backend(db, false).map_err(missing)
}

fn missing(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::Missing(_) => anyhow::Error::new(super::UsageError(e.to_string())),
        other => anyhow::Error::new(other),
    }
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

/// A page request and filters from the list flags; `None` when no flag is given, so the
/// whole list is printed in its usual order (the interface before paging).
struct Paged {
    filter: Filter,
    sort: Sort,
    page: PageReq,
}

fn paged(list: &ListArgs) -> Result<Option<Paged>> {
    if list.is_empty() {
        return Ok(None);
    }
    let day = |flag: &str, v: &Option<String>| -> Result<Option<String>> {
        match v {
            Some(d)
                if d.len() != 10 || chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() =>
            {
                Err(anyhow::Error::new(super::UsageError(format!(
                    "{flag} {d:?}: want a day as YYYY-MM-DD"
                ))))
            }
            other => Ok(other.clone()),
        }
    };
    Ok(Some(Paged {
        filter: Filter {
            from: day("--from", &list.from)?,
            to: day("--to", &list.to)?,
            outlet: list.outlet.clone(),
            entity: list.entity.clone(),
            lang: list.lang.clone(),
        },
        // the value parser admits only these names
        sort: list
            .sort
            .as_deref()
            .and_then(Sort::parse)
            .unwrap_or_default(),
        page: PageReq {
            offset: list.offset.unwrap_or(0),
            limit: list.limit.unwrap_or(i64::MAX as u64),
        },
    }))
}

/// After a text page: which rows were shown of how many, and how to get the next.
fn page_footer(out: &mut impl Write, p: &Paged, shown: usize, total: u64) -> Result<()> {
    if shown == 0 {
        return Ok(());
    }
    let first = p.page.offset + 1;
    let last = p.page.offset + shown as u64;
    write!(out, "rows {first}–{last} of {total}")?;
    if last < total {
        write!(out, " (next page: --offset {last})")?;
    }
    writeln!(out)?;
    Ok(())
}

pub fn articles(db: &Path, json: bool, list: &ListArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let mut out = std::io::stdout().lock();
    let Some(p) = paged(list)? else {
        let rows = store.articles()?;
        if json {
            return print_json(&rows);
        }
        output::articles(&mut out, &rows)?;
        return Ok(Outcome::Ok);
    };
    let page = store.article_page(&p.filter, p.sort, None, p.page)?;
    if json {
        return print_json(&page.items);
    }
    output::articles(&mut out, &page.items)?;
    page_footer(&mut out, &p, page.items.len(), page.total)?;
    Ok(Outcome::Ok)
}

pub fn events(db: &Path, json: bool, list: &ListArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let mut out = std::io::stdout().lock();
    let Some(p) = paged(list)? else {
        let rows = store.events()?;
        if json {
            return print_json(&rows);
        }
        output::events(&mut out, &rows)?;
        return Ok(Outcome::Ok);
    };
    let page = store.event_page(&p.filter, p.sort, None, p.page)?;
    if json {
        return print_json(&page.items);
    }
    output::events(&mut out, &page.items)?;
    page_footer(&mut out, &p, page.items.len(), page.total)?;
    Ok(Outcome::Ok)
}

pub fn stories(db: &Path, json: bool, list: &ListArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let mut out = std::io::stdout().lock();
    let Some(p) = paged(list)? else {
        let rows = store.stories()?;
        if json {
            return print_json(&rows);
        }
        output::stories(&mut out, &*store, &rows)?;
        return Ok(Outcome::Ok);
    };
    let page = store.story_page(&p.filter, p.sort, p.page)?;
    if json {
        // the rows of `kabar stories --json`, with two more fields: outlets and growth
        return print_json(&page.items);
    }
    let rows: Vec<StoryRow> = page
        .items
        .iter()
        .map(|s| StoryRow {
            id: s.id.clone(),
            title: s.title.clone(),
            first: s.first.clone(),
            last: s.last.clone(),
            events: s.events.clone(),
            articles: s.articles.clone(),
        })
        .collect();
    output::stories(&mut out, &*store, &rows)?;
    page_footer(&mut out, &p, rows.len(), page.total)?;
    Ok(Outcome::Ok)
}

/// `--part NAME [--offset N] [--limit N]`: one page of one part of a record, printed as
/// a JSON array; a usage error for an unknown part.
fn print_part(
    parts: &[&str],
    args: &RecordArgs,
    page: impl Fn(&str, usize, usize) -> Option<kabar_query::PartPage>,
) -> Result<Option<Outcome>> {
    let Some(part) = args.part.as_deref() else {
        return Ok(None);
    };
    let limit = args.limit.unwrap_or(kabar_query::PART_LIMIT as u64) as usize;
    match page(part, args.offset.unwrap_or(0), limit) {
        Some(p) => print_json(&p.items).map(Some),
        None => Err(anyhow::Error::new(super::UsageError(format!(
            "--part must be one of {}, got {part:?}",
            parts.join(", ")
        )))),
    }
}

/// The note under a bounded record printed as text.
fn bounded_note(limit: Option<u64>) -> Result<()> {
    if let Some(n) = limit {
        writeln!(
            std::io::stdout().lock(),
            "\n(each part cut to its first {n} items; --json gives the full sizes in `totals`, --part NAME pages through one)"
        )?;
    }
    Ok(())
}

pub fn story(db: &Path, json: bool, id: &str, why: bool, args: &RecordArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let rec = story_record(&*store, id).map_err(not_found)?;
    if let Some(done) = print_part(StoryOut::PARTS, args, |p, o, l| rec.part(p, o, l))? {
        return Ok(done);
    }
    let rec = match args.limit {
        Some(n) => rec.bounded(n as usize),
        None => rec,
    };
    let reasons = match (why, store.sqlite()) {
        (false, _) => None,
        (true, Some(lite)) => Some(story_why(lite, id)?),
        // the linker's reasons are kept by SQLite's ingest only
        (true, None) => {
            return Err(anyhow::Error::new(super::UsageError(
                "--why works on a SQLite store only; the story itself works without it".into(),
            )))
        }
    };
    if json {
        let mut v = serde_json::to_value(&rec)?;
        if let Some(w) = reasons {
            v["why"] = w;
        }
        return print_json(&v);
    }
    let mut out = std::io::stdout().lock();
    output::story(&mut out, &*store, &rec)?;
    if let Some(w) = reasons {
        output::story_why(&mut out, &w)?;
    }
    drop(out);
    bounded_note(args.limit)?;
    Ok(Outcome::Ok)
}

/// Why each event is in the story and each article in its event, as JSON:
/// `{"events": [{"id", "title", "story": {…}, "articles": [{"id", "title", "why"}]}]}`.
fn story_why(store: &Store, id: &str) -> Result<serde_json::Value> {
    let sid = store.resolve_link_id(id)?;
    let mut events = Vec::new();
    for e in store.story_events(&sid)? {
        let mut arts = Vec::new();
        let mut story_why = serde_json::Value::Null;
        for a in &e.articles {
            let w = store.why_of(a)?.unwrap_or(serde_json::Value::Null);
            if w["story"].as_str().is_some_and(|s| !s.is_empty()) {
                story_why = serde_json::json!({
                    "how": w["story"],
                    "terms": w["story_terms"],
                    "actors": w["story_actors"],
                    "shared": w["story_shared"],
                    "content": w["story_content"],
                    "shared_actors": w["story_shared_actors"],
                    "subject": w["story_subject"],
                    "promotion": w["promotion"],
                    "evergreen": w["evergreen"],
                    "competition": w["story_competition"],
                    "title": w["story_title"],
                    "article": a,
                });
            }
            let title = store.analysis(a).ok().and_then(|x| x.title);
            arts.push(serde_json::json!({"id": a, "title": title, "why": w}));
        }
        events.push(serde_json::json!({
            "id": e.id, "title": e.title, "story": story_why, "articles": arts,
        }));
    }
    Ok(serde_json::json!({ "story": sid, "events": events }))
}

/// `kabar event ID`: the event row and its articles (the record of `/api/v1/events/{id}`).
pub fn event(db: &Path, json: bool, id: &str) -> Result<Outcome> {
    let store = open_reads(db)?;
    let rec = kabar_query::event_record(&*store, id).map_err(not_found)?;
    if json {
        return print_json(&rec);
    }
    let mut out = std::io::stdout().lock();
    output::event(&mut out, &rec)?;
    Ok(Outcome::Ok)
}

/// `kabar article ID`: one stored article (the record of `/api/v1/articles/{id}`).
pub fn article(db: &Path, json: bool, id: &str) -> Result<Outcome> {
    let store = open_reads(db)?;
    let rec = kabar_query::article_record(&*store, id).map_err(not_found)?;
    if json {
        return print_json(&rec);
    }
    let mut out = std::io::stdout().lock();
    output::article(&mut out, &rec)?;
    Ok(Outcome::Ok)
}

pub fn entities(db: &Path, json: bool, list: &ListArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let mut out = std::io::stdout().lock();
    let Some(p) = paged(list)? else {
        let rows = store.entities()?;
        if json {
            return print_json(&rows);
        }
        output::entities(&mut out, &rows)?;
        return Ok(Outcome::Ok);
    };
    if list.sort.is_some() || list.entity.is_some() {
        return Err(anyhow::Error::new(super::UsageError(
            "--sort and --entity do not apply to entities, which come most mentioned first".into(),
        )));
    }
    let page = store.entity_page(&p.filter, None, None, p.page)?;
    if json {
        return print_json(&page.items);
    }
    output::entities(&mut out, &page.items)?;
    page_footer(&mut out, &p, page.items.len(), page.total)?;
    Ok(Outcome::Ok)
}

pub fn entity(db: &Path, json: bool, id_or_name: &str, args: &RecordArgs) -> Result<Outcome> {
    let store = open_reads(db)?;
    let rec = entity_record(&*store, id_or_name).map_err(not_found)?;
    if let Some(done) = print_part(EntityOut::PARTS, args, |p, o, l| rec.part(p, o, l))? {
        return Ok(done);
    }
    let rec = match args.limit {
        Some(n) => rec.bounded(n as usize),
        None => rec,
    };
    if json {
        return print_json(&rec);
    }
    output::entity(&mut std::io::stdout().lock(), &*store, &rec)?;
    bounded_note(args.limit)?;
    Ok(Outcome::Ok)
}

pub fn search(db: &Path, json: bool, q: &str, limit: usize) -> Result<Outcome> {
    let hits = match open_reads(db)?.search(q, limit) {
        Err(StoreError::BadQuery(e)) => {
            return Err(anyhow::Error::new(super::UsageError(e.to_string())))
        }
        other => other.context("searching")?,
    };
    if json {
        return print_json(&hits);
    }
    let mut out = std::io::stdout().lock();
    output::search_hits(&mut out, q, &hits)?;
    Ok(Outcome::Ok)
}

/// `kabar export TABLE --format jsonl|csv`: the whole table to standard output.
pub fn export(db: &Path, table: &str, format: &str) -> Result<Outcome> {
    use kabar_query::export::{Format, Table};
    let usage = |m: String| anyhow::Error::new(super::UsageError(m));
    let t = Table::parse(table).ok_or_else(|| {
        usage(format!(
            "no export {table:?}: events, actions, entities or articles"
        ))
    })?;
    let f = Format::parse(format)
        .ok_or_else(|| usage(format!("format must be jsonl or csv, got {format:?}")))?;
    let store = open_reads(db)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    store.export(t, f, &mut out).context("exporting")?;
    Ok(Outcome::Ok)
}
