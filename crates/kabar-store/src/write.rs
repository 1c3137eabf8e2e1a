//! The write side: one transaction per batch of analysed articles.

use crate::error::LinkError;
use crate::{Store, StoreError};
use kabar_core::Analysis;
use rusqlite::TransactionBehavior;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};

/// Where linking put one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleLinks {
    /// Article ID.
    pub article: String,
    /// The original this is a copy of, if any.
    pub duplicate_of: Option<String>,
    /// Event ID.
    pub event: String,
    /// Story ID.
    pub story: String,
}

/// What one batch changed (SPEC `ingest --json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    /// Articles newly stored.
    pub added: usize,
    /// Of those, how many are copies of an earlier article.
    pub duplicates: usize,
    /// Articles already in the store (same content ID), not stored again.
    #[serde(skip)]
    pub already_stored: usize,
    /// Events that now exist in the whole store.
    pub events: usize,
    /// Stories that now exist in the whole store.
    pub stories: usize,
}

/// The linking step, called inside the batch's transaction with the new articles and the
/// saved linker state; returns one [`ArticleLinks`] per article and the new state.
/// Its error is the linker's own, boxed ([`LinkError`]); it becomes [`StoreError::Link`].
pub type LinkFn<'a> = dyn FnMut(&[&Analysis], Option<Vec<u8>>) -> Result<(Vec<ArticleLinks>, Vec<u8>), LinkError>
    + 'a;

impl Store {
    /// True when an article with this ID is stored.
    pub fn has_article(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Stores a batch of analyses and links the new ones, all in one transaction: either
    /// the whole batch is stored and linked, or nothing changes.
    ///
    /// The transaction takes the write lock at once (`BEGIN IMMEDIATE`), so a second writer
    /// waits its turn (up to [`crate::BUSY_TIMEOUT`]) instead of reading first and then
    /// failing to upgrade its lock.
    pub fn ingest_batch(
        &mut self,
        analyses: &[Analysis],
        link: &mut LinkFn<'_>,
    ) -> Result<BatchSummary, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::classify(&path, e.into(), crate::BUSY_TIMEOUT.as_secs()))?;
        let mut summary = BatchSummary::default();
        let mut seen = HashSet::new();
        let mut fresh: Vec<&Analysis> = Vec::new();
        for a in analyses {
            let exists = tx
                .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
                .query_row([&a.id], |_| Ok(()))
                .optional()?
                .is_some();
            if exists || !seen.insert(a.id.clone()) {
                summary.already_stored += 1;
                continue;
            }
            insert_article(&tx, a)?;
            fresh.push(a);
        }
        summary.added = fresh.len();
        if !fresh.is_empty() {
            let state: Option<Vec<u8>> = tx
                .query_row("SELECT state FROM link_state WHERE id = 1", [], |r| {
                    r.get(0)
                })
                .optional()?;
            let (links, new_state) = link(&fresh, state).map_err(StoreError::Link)?;
            apply_links(&tx, &links)?;
            summary.duplicates = links.iter().filter(|l| l.duplicate_of.is_some()).count();
            tx.execute(
                "INSERT INTO link_state(id, state) VALUES (1, ?1)
                 ON CONFLICT(id) DO UPDATE SET state = excluded.state",
                [new_state],
            )?;
        }
        summary.events = tx.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        summary.stories = tx.query_row("SELECT count(*) FROM stories", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(summary)
    }
}

fn insert_article(tx: &Transaction<'_>, a: &Analysis) -> Result<(), StoreError> {
    let packed = crate::packed::encode(a)?;
    let published = a.published.as_ref().map(|p| p.value.clone());
    // Cached statements: a batch runs each of these thousands of times, and parsing the
    // SQL again each time cost about a third as much as running it.
    tx.prepare_cached(
        "INSERT INTO articles(id, external_id, source, title, url, outlet, published, lang, text, analysis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        a.id,
        a.external_id,
        a.source,
        a.title,
        a.url,
        a.outlet,
        published,
        a.lang.code(),
        a.text,
        packed
    ])?;
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO articles_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, a.title.as_deref().unwrap_or(""), a.text])?;
    let article_date = published
        .as_deref()
        .map(|p| p.get(..10).unwrap_or(p).to_string());
    for e in &a.entities {
        tx.prepare_cached(
            "INSERT INTO entities(id, name, type) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![e.id, e.name, e.kind.label()])?;
        let aliases = e.stored_aliases();
        for al in aliases {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_aliases(entity, alias) VALUES (?1, ?2)",
            )?
            .execute(params![e.id, al])?;
        }
        tx.prepare_cached(
            "INSERT INTO entity_mentions(article, entity, mentions) VALUES (?1, ?2, ?3)
             ON CONFLICT(article, entity) DO UPDATE SET mentions = mentions + excluded.mentions",
        )?
        .execute(params![a.id, e.id, e.mentions.len() as i64])?;
        for r in &e.roles {
            let date = r.date.clone().or_else(|| article_date.clone());
            tx.prepare_cached(
                "INSERT INTO roles(entity, title, of, date, article) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![e.id, r.title, r.of, date, a.id])?;
        }
    }
    let sentence_text = |i: usize| -> String {
        a.sentences
            .get(i)
            .map(|s| a.text.chars().skip(s.start).take(s.end - s.start).collect())
            .unwrap_or_default()
    };
    for (i, act) in a.actions.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO actions(article, idx, type, kind, source, target, date, negated, text, record)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        )?
        .execute(params![
                a.id,
                i as i64,
                act.plover.name(),
                act.kind,
                serde_json::to_string(&act.source)?,
                serde_json::to_string(&act.target)?,
                // the act's own date only: a null date stays null (issue 12: an act
                // recalled from years ago is not dated the day it was reported)
                act.date.clone(),
                act.negated,
                sentence_text(act.sentence),
                serde_json::to_string(act)?,
])?;
    }
    for (i, q) in a.quotes.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO quotes(article, idx, speaker, text, direct) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![a.id, i as i64, q.speaker, q.text, q.direct])?;
    }
    Ok(())
}

/// Writes the linking results and refreshes the events and stories they touch.
fn apply_links(tx: &Transaction<'_>, links: &[ArticleLinks]) -> Result<(), StoreError> {
    let mut events = BTreeSet::new();
    let mut stories = BTreeSet::new();
    for l in links {
        tx.prepare_cached(
            "UPDATE articles SET duplicate_of = ?2, event = ?3, story = ?4 WHERE id = ?1",
        )?
        .execute(params![l.article, l.duplicate_of, l.event, l.story])?;
        events.insert((l.event.clone(), l.story.clone()));
        stories.insert(l.story.clone());
    }
    for (event, story) in events {
        // An event's title is its earliest original article's title.
        tx.prepare_cached(
            "INSERT INTO events(id, story, title, first, last)
             SELECT ?1, ?2,
                    (SELECT title FROM articles WHERE event = ?1 AND duplicate_of IS NULL
                       ORDER BY published IS NULL, published, rowid LIMIT 1),
                    min(substr(published, 1, 10)), max(substr(published, 1, 10))
             FROM articles WHERE event = ?1
             ON CONFLICT(id) DO UPDATE SET story = excluded.story, title = excluded.title,
                first = excluded.first, last = excluded.last",
        )?
        .execute(params![event, story])?;
    }
    for story in stories {
        tx.prepare_cached(
            "INSERT INTO stories(id, title, first, last)
             SELECT ?1,
                    (SELECT e.title FROM events e WHERE e.story = ?1
                       ORDER BY (SELECT count(*) FROM articles a WHERE a.event = e.id) DESC,
                                e.first IS NULL, e.first LIMIT 1),
                    min(first), max(last)
             FROM events WHERE story = ?1
             ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first,
                last = excluded.last",
        )?
        .execute(params![story])?;
    }
    Ok(())
}
