//! Whole-table exports as JSON Lines or CSV (`kabar export`, `/api/v1/export/`), written
//! row by row to any writer.
//!
//! Actions come in a GDELT-like layout: one row per reported act (date, type, kind,
//! source, target), with the source's and target's countries, the number of articles
//! reporting it and their URLs. Negated reports ("did not sign") are left out.

use crate::{Browse, Reads};
use kabar_store::rows::EntityRow;
use kabar_store::{Store, StoreError};
use rusqlite::OptionalExtension;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed (a closed pipe, a full disk).
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// A row could not be written as CSV.
    #[error("cannot write a CSV row: {0}")]
    Csv(#[from] csv::Error),
    /// A row could not be written as JSON.
    #[error("cannot write a JSON row: {0}")]
    Json(#[from] serde_json::Error),
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `kabar events` rows.
    Events,
    /// Actions, GDELT-like.
    Actions,
    /// `kabar entities` rows.
    Entities,
    /// `kabar articles` rows with their URLs.
    Articles,
}

impl Table {
    /// Parses `events`, `actions`, `entities`, `articles`.
    pub fn parse(s: &str) -> Option<Table> {
        Some(match s {
            "events" => Table::Events,
            "actions" => Table::Actions,
            "entities" => Table::Entities,
            "articles" => Table::Articles,
            _ => return None,
        })
    }
}

/// How rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// CSV with a header row; lists joined with `;`.
    Csv,
}

impl Format {
    /// Parses `jsonl`, `csv`.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            _ => return None,
        })
    }
}

/// An actions row (GDELT-like).
#[derive(Debug, Clone, Serialize)]
pub struct ActionExport {
    /// Day of the act (the action's date, else its first report's publication day).
    pub date: Option<String>,
    /// Source entity IDs, `;`-joined.
    pub source: String,
    /// Source names, `;`-joined.
    pub source_name: String,
    /// Countries of the sources (a country itself, or one a person or body has a role
    /// of), `;`-joined.
    pub source_country: String,
    /// Target entity IDs, `;`-joined.
    pub target: String,
    /// Target names, `;`-joined.
    pub target_name: String,
    /// Countries of the targets.
    pub target_country: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub plover: String,
    /// Finer kind.
    pub kind: String,
    /// Articles reporting it.
    pub sources: usize,
    /// Their URLs, space-separated.
    pub urls: String,
}

#[derive(Serialize)]
struct EventExport<'a> {
    id: &'a str,
    title: Option<&'a str>,
    first: Option<&'a str>,
    last: Option<&'a str>,
    story: Option<&'a str>,
    articles: usize,
    outlets: usize,
    article_ids: String,
}

#[derive(Serialize)]
struct EntityExport<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    aliases: String,
    mentions: i64,
    articles: i64,
}

#[derive(Serialize)]
pub(crate) struct ArticleExport {
    pub(crate) id: String,
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) lang: String,
    pub(crate) duplicate_of: Option<String>,
    pub(crate) event: Option<String>,
    pub(crate) story: Option<String>,
}

/// A CSV error, with a failed write kept as [`ExportError::Io`] so callers see the I/O
/// error itself (a closed pipe ends `kabar export … | head` quietly).
fn from_csv(e: csv::Error) -> ExportError {
    if !e.is_io_error() {
        return ExportError::Csv(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ExportError::Io(io),
        _ => unreachable!("is_io_error() holds only for ErrorKind::Io"),
    }
}

/// Writes rows one by one in the chosen format.
pub(crate) enum Sink<'w> {
    Jsonl(&'w mut dyn Write),
    // boxed: the CSV writer carries its buffer state, far larger than a reference
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
}

impl<'w> Sink<'w> {
    fn new(fmt: Format, out: &'w mut dyn Write) -> Self {
        match fmt {
            Format::Jsonl => Sink::Jsonl(out),
            Format::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
        }
    }

    pub(crate) fn row<T: Serialize>(&mut self, row: &T) -> Result<(), ExportError> {
        match self {
            Sink::Csv(w) => w.serialize(row).map_err(from_csv)?,
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut **out, row)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Jsonl(out) => out.flush()?,
        }
        Ok(())
    }
}

/// Whole tables for `kabar export` and `/api/v1/export/`.
pub trait Export {
    /// Writes every row of `table` to `out`.
    fn export(&self, table: Table, fmt: Format, out: &mut dyn Write) -> Result<(), ExportError>;
    /// The actions table, GDELT-like: one row per (date, type, kind, sources, targets),
    /// in date order.
    fn action_exports(&self) -> Result<Vec<ActionExport>, StoreError>;
}

impl Export for Store {
    fn export(&self, table: Table, fmt: Format, out: &mut dyn Write) -> Result<(), ExportError> {
        write_table(self, table, fmt, out, |sink| export_articles(self, sink))
    }

    fn action_exports(&self) -> Result<Vec<ActionExport>, StoreError> {
        action_exports(self)
    }
}

/// Writes `table` from the backend's reads; `articles` writes the articles table (its
/// rows carry URLs and languages the list rows do not).
pub(crate) fn write_table<R: Reads + Export + ?Sized>(
    store: &R,
    table: Table,
    fmt: Format,
    out: &mut dyn Write,
    articles: impl FnOnce(&mut Sink<'_>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut sink = Sink::new(fmt, out);
    {
        let s = store;
        match table {
            Table::Events => {
                for e in s.events()? {
                    sink.row(&EventExport {
                        id: &e.id,
                        title: e.title.as_deref(),
                        first: e.first.as_deref(),
                        last: e.last.as_deref(),
                        story: e.story.as_deref(),
                        articles: e.articles.len(),
                        outlets: e.outlets,
                        article_ids: e.articles.join(";"),
                    })?;
                }
            }
            Table::Entities => {
                for e in s.entities()? {
                    let EntityRow {
                        id,
                        name,
                        kind,
                        aliases,
                        mentions,
                        articles,
                    } = &e;
                    sink.row(&EntityExport {
                        id,
                        name,
                        kind,
                        aliases: aliases.join(";"),
                        mentions: *mentions,
                        articles: *articles,
                    })?;
                }
            }
            Table::Articles => articles(&mut sink)?,
            Table::Actions => {
                for a in s.action_exports()? {
                    sink.row(&a)?;
                }
            }
        }
    }
    sink.finish()
}

fn export_articles(store: &Store, sink: &mut Sink<'_>) -> Result<(), ExportError> {
    let mut st = store
        .conn()
        .prepare(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.lang, a.duplicate_of,
                    coalesce(o.event, a.event), coalesce(o.story, a.story)
             FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
             ORDER BY a.published IS NULL, a.published, a.rowid",
        )
        .map_err(StoreError::from)?;
    let mut rows = st.query([]).map_err(StoreError::from)?;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let row = article_export(r).map_err(StoreError::from)?;
        sink.row(&row)?;
    }
    Ok(())
}

fn action_exports(store: &Store) -> Result<Vec<ActionExport>, StoreError> {
    let mut seen = Vec::new();
    {
        let mut st = store.conn().prepare(
            "SELECT coalesce(x.date, substr(a.published, 1, 10)), x.type, x.kind, x.source,
                        x.target, x.article, a.url
                 FROM actions x JOIN articles a ON a.id = x.article WHERE x.negated = 0",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            seen.push(ActionSeen {
                date: r.get(0)?,
                plover: r.get(1)?,
                kind: r.get(2)?,
                source: r.get(3)?,
                target: r.get(4)?,
                article: r.get(5)?,
                url: r.get(6)?,
            });
        }
    }
    group_actions(store, seen, |id| country_of(store, id))
}

/// One stored, not negated action mention with its article's URL (`source` and `target`
/// are the stored JSON arrays of entity IDs).
pub(crate) struct ActionSeen {
    pub(crate) date: Option<String>,
    pub(crate) plover: String,
    pub(crate) kind: String,
    pub(crate) source: String,
    pub(crate) target: String,
    pub(crate) article: String,
    pub(crate) url: Option<String>,
}

/// Action mentions grouped into GDELT-like rows (one per date, type, kind, sources and
/// targets, in that order), with names and countries; `country_of` gives an entity's.
pub(crate) fn group_actions<B: Browse + ?Sized>(
    store: &B,
    seen: Vec<ActionSeen>,
    country_of: impl Fn(&str) -> Result<Option<String>, StoreError>,
) -> Result<Vec<ActionExport>, StoreError> {
    type Key = (Option<String>, String, String, Vec<String>, Vec<String>);
    let mut groups: BTreeMap<Key, Vec<(String, Option<String>)>> = BTreeMap::new();
    for r in seen {
        let src: Vec<String> = serde_json::from_str(&r.source)?;
        let tgt: Vec<String> = serde_json::from_str(&r.target)?;
        let key = (r.date, r.plover, r.kind, src, tgt);
        let arts = groups.entry(key).or_default();
        if !arts.iter().any(|(a, _)| *a == r.article) {
            arts.push((r.article, r.url));
        }
    }
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut countries: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut out = Vec::with_capacity(groups.len());
    for ((date, plover, kind, src, tgt), arts) in groups {
        let mut side = |ids: &[String]| -> Result<(String, String, String), StoreError> {
            let mut n = Vec::new();
            let mut c = Vec::new();
            for id in ids {
                if !names.contains_key(id) {
                    let name = store.names_of(std::slice::from_ref(id))?.remove(id);
                    names.insert(id.clone(), name.unwrap_or_else(|| id.clone()));
                }
                n.push(names[id].clone());
                if !countries.contains_key(id) {
                    let k = country_of(id)?;
                    countries.insert(id.clone(), k);
                }
                if let Some(k) = &countries[id] {
                    if !c.contains(k) {
                        c.push(k.clone());
                    }
                }
            }
            Ok((ids.join(";"), n.join(";"), c.join(";")))
        };
        let (source, source_name, source_country) = side(&src)?;
        let (target, target_name, target_country) = side(&tgt)?;
        out.push(ActionExport {
            date,
            source,
            source_name,
            source_country,
            target,
            target_name,
            target_country,
            plover,
            kind,
            sources: arts.len(),
            urls: arts
                .iter()
                .filter_map(|(_, u)| u.clone())
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    Ok(out)
}

/// A country for an entity: itself when a country (`gpe:`), else the country its
/// most reported role is of, else none.
fn country_of(store: &Store, id: &str) -> Result<Option<String>, StoreError> {
    if id.starts_with("gpe:") {
        return Ok(Some(id.to_string()));
    }
    Ok(store
        .conn()
        .query_row(
            "SELECT of FROM roles WHERE entity = ?1 AND of LIKE 'gpe:%'
                 GROUP BY of ORDER BY count(*) DESC, of LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

fn article_export(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleExport> {
    Ok(ArticleExport {
        id: r.get(0)?,
        title: r.get(1)?,
        outlet: r.get(2)?,
        published: r.get(3)?,
        url: r.get(4)?,
        lang: r.get(5)?,
        duplicate_of: r.get(6)?,
        event: r.get(7)?,
        story: r.get(8)?,
    })
}
