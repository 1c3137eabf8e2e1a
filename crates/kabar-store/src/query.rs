//! The read side: one function per query of SPEC.md, shared by the CLI and the HTTP API,
//! so a question has one answer whichever way it is asked.

use crate::{Store, StoreError};
use kabar_core::Analysis;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A row of `kabar articles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Article ID.
    pub id: String,
    /// The input's own ID.
    pub external_id: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
    /// The original this is a copy of.
    pub duplicate_of: Option<String>,
    /// Event ID.
    pub event: Option<String>,
    /// Story ID.
    pub story: Option<String>,
}

/// A row of `kabar events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    /// Event ID.
    pub id: String,
    /// Title (its earliest original article's).
    pub title: Option<String>,
    /// First day reported.
    pub first: Option<String>,
    /// Last day reported.
    pub last: Option<String>,
    /// Article IDs.
    pub articles: Vec<String>,
    /// Story ID.
    pub story: Option<String>,
    /// Distinct outlets (an extension of SPEC).
    pub outlets: usize,
}

/// A row of `kabar stories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Story ID.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// First day.
    pub first: Option<String>,
    /// Last day.
    pub last: Option<String>,
    /// Event IDs in date order.
    pub events: Vec<String>,
    /// Article IDs.
    pub articles: Vec<String>,
}

/// A row of `kabar entities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Entity ID.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `PER`, `ORG`, `GPE`, `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Other surface forms seen.
    pub aliases: Vec<String>,
    /// Mentions across all articles.
    pub mentions: i64,
    /// Articles mentioning it.
    pub articles: i64,
}

/// One role of an entity across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRow {
    /// Title.
    pub title: String,
    /// Country or organisation the role belongs to.
    pub of: Option<String>,
    /// First date seen.
    pub first: Option<String>,
    /// Last date seen.
    pub last: Option<String>,
    /// Articles that report it.
    pub articles: Vec<String>,
}

/// A quote as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// Speaker entity ID.
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
    /// Direct quote?
    pub direct: bool,
    /// Articles that carry it.
    pub articles: Vec<String>,
}

/// A co-occurring entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// Entity ID.
    pub id: String,
    /// Name (an extension of SPEC).
    pub name: String,
    /// Articles where both appear.
    pub weight: i64,
}

/// One action mention as stored: the input of timeline merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    /// Article reporting it.
    pub article: String,
    /// The action as analysed.
    pub action: kabar_core::analysis::ActionOut,
    /// Its date (the action's, else the article's).
    pub date: Option<String>,
    /// The sentence.
    pub text: String,
}

/// A hit of `kabar search`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Article ID.
    pub article: String,
    /// Title.
    pub title: Option<String>,
    /// BM25 score (higher is better).
    pub score: f64,
    /// A snippet with the matches in `[…]`.
    pub snippet: String,
}

fn split_ids(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

impl Store {
    /// `kabar articles`: every article in publication order.
    pub fn articles(&self) -> Result<Vec<ArticleRow>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT a.id, a.external_id, a.source, a.title, a.outlet, a.published, a.duplicate_of,
                    coalesce(o.event, a.event), coalesce(o.story, a.story)
             FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
             ORDER BY a.published IS NULL, a.published, a.rowid",
        )?;
        let rows = st.query_map([], |r| {
            Ok(ArticleRow {
                id: r.get(0)?,
                external_id: r.get(1)?,
                source: r.get(2)?,
                title: r.get(3)?,
                outlet: r.get(4)?,
                published: r.get(5)?,
                duplicate_of: r.get(6)?,
                event: r.get(7)?,
                story: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The full stored analysis of one article.
    pub fn analysis(&self, id: &str) -> Result<Analysis, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT analysis, text FROM articles WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => crate::packed::decode(row.get_ref(0)?, row.get(1)?),
            None => Err(StoreError::NotFound(format!("no article {id}"))),
        }
    }

    /// `kabar events`: every event, earliest first.
    pub fn events(&self) -> Result<Vec<EventRow>, StoreError> {
        self.events_where("1", [])
    }

    fn events_where<P: rusqlite::Params>(
        &self,
        cond: &str,
        p: P,
    ) -> Result<Vec<EventRow>, StoreError> {
        let sql = format!(
            "SELECT e.id, e.title, e.first, e.last, e.story,
                    (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE event = e.id
                        ORDER BY published IS NULL, published, rowid)),
                    (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id)
             FROM events e WHERE {cond} ORDER BY e.first IS NULL, e.first, e.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(p, |r| {
            Ok(EventRow {
                id: r.get(0)?,
                title: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                story: r.get(4)?,
                articles: split_ids(r.get(5)?),
                outlets: r.get::<_, i64>(6)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `kabar stories`: every story, earliest first.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        self.stories_where("1", [])
    }

    fn stories_where<P: rusqlite::Params>(
        &self,
        cond: &str,
        p: P,
    ) -> Result<Vec<StoryRow>, StoreError> {
        let sql = format!(
            "SELECT s.id, s.title, s.first, s.last,
                (SELECT group_concat(id) FROM (SELECT id FROM events WHERE story = s.id
                    ORDER BY first IS NULL, first, id)),
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE story = s.id
                    ORDER BY published IS NULL, published, rowid))
             FROM stories s WHERE {cond} ORDER BY s.first IS NULL, s.first, s.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(p, |r| {
            Ok(StoryRow {
                id: r.get(0)?,
                title: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                events: split_ids(r.get(4)?),
                articles: split_ids(r.get(5)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One story, or a "no such story" error.
    pub fn story(&self, id: &str) -> Result<StoryRow, StoreError> {
        // A story ID retired by re-linking leads to its survivor.
        let id = self.resolve_link_id(id)?;
        self.stories_where("s.id = ?1", [&id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(format!("no story {id} (see `kabar stories`)")))
    }

    /// The events of one story, in date order.
    pub fn story_events(&self, id: &str) -> Result<Vec<EventRow>, StoreError> {
        self.events_where("e.story = ?1", [id])
    }

    /// Every action mention reported by the given articles.
    pub fn actions_of(&self, articles: &[String]) -> Result<Vec<ActionRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT record, date, text FROM actions WHERE article = ?1 ORDER BY idx")?;
        let mut out = Vec::new();
        for a in articles {
            let rows = st.query_map([a], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (rec, date, text) = row?;
                out.push(ActionRow {
                    article: a.clone(),
                    action: serde_json::from_str(&rec)?,
                    date,
                    text,
                });
            }
        }
        Ok(out)
    }

    /// Quotes carried by the given articles; the same words from the same speaker in
    /// several articles are one quote listing them all.
    pub fn quotes_of(&self, articles: &[String]) -> Result<Vec<QuoteRow>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT speaker, text, direct FROM quotes WHERE article = ?1 ORDER BY idx")?;
        // (speaker, folded text) -> (direct, articles, order first seen)
        type Merged = BTreeMap<(Option<String>, String), (bool, Vec<String>, usize)>;
        let mut merged: Merged = BTreeMap::new();
        let mut order = 0;
        for a in articles {
            let rows = st.query_map([a], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            })?;
            for row in rows {
                let (speaker, text, direct) = row?;
                let key = (speaker, normalise_quote(&text));
                let e = merged.entry(key).or_insert_with(|| {
                    order += 1;
                    (direct, Vec::new(), order)
                });
                if !e.1.contains(a) {
                    e.1.push(a.clone());
                }
            }
        }
        let mut v: Vec<_> = merged.into_iter().collect();
        v.sort_by_key(|(_, (_, _, o))| *o);
        Ok(v.into_iter()
            .map(|((speaker, text), (direct, articles, _))| QuoteRow {
                speaker,
                text,
                direct,
                articles,
            })
            .collect())
    }

    /// The entities mentioned by the given articles with their mention counts there.
    pub fn entities_of(&self, articles: &[String]) -> Result<Vec<EntityRow>, StoreError> {
        let mut counts: BTreeMap<String, (i64, i64)> = BTreeMap::new();
        let mut st = self
            .conn
            .prepare("SELECT entity, mentions FROM entity_mentions WHERE article = ?1")?;
        for a in articles {
            let rows = st.query_map([a], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (e, m) = row?;
                let c = counts.entry(e).or_default();
                c.0 += m;
                c.1 += 1;
            }
        }
        let mut out = Vec::new();
        for (id, (mentions, arts)) in counts {
            if let Some(mut row) = self.entity_row(&id)? {
                row.mentions = mentions;
                row.articles = arts;
                out.push(row);
            }
        }
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    fn entity_row(&self, id: &str) -> Result<Option<EntityRow>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT e.id, e.name, e.type,
                    (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                    (SELECT coalesce(sum(mentions), 0) FROM entity_mentions WHERE entity = e.id),
                    (SELECT count(*) FROM entity_mentions WHERE entity = e.id)
                 FROM entities e WHERE e.id = ?1",
                [id],
                entity_from_row,
            )
            .optional()?;
        Ok(row)
    }

    /// `kabar entities`: every entity, most mentioned first.
    pub fn entities(&self) -> Result<Vec<EntityRow>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT e.id, e.name, e.type,
                (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                coalesce(m.mentions, 0), coalesce(m.articles, 0)
             FROM entities e LEFT JOIN (
                SELECT entity, sum(mentions) AS mentions, count(*) AS articles
                FROM entity_mentions GROUP BY entity) m ON m.entity = e.id
             ORDER BY m.mentions DESC, e.id",
        )?;
        let rows = st.query_map([], entity_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds an entity by ID, canonical name or alias (case-insensitive).
    pub fn find_entity(&self, id_or_name: &str) -> Result<EntityRow, StoreError> {
        if let Some(r) = self.entity_row(id_or_name)? {
            return Ok(r);
        }
        // an ID merged into another entity by store-level resolution
        if let Some(to) = self.redirect_of(id_or_name)? {
            if let Some(r) = self.entity_row(&to)? {
                return Ok(r);
            }
        }
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM (
                    SELECT e.id, 0 AS pri FROM entities e WHERE e.name = ?1 COLLATE NOCASE
                    UNION ALL
                    SELECT a.entity, 1 FROM entity_aliases a WHERE a.alias = ?1 COLLATE NOCASE)
                 ORDER BY pri, (SELECT count(*) FROM entity_mentions WHERE entity = id) DESC LIMIT 1",
                [id_or_name],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => Ok(self
                .entity_row(&id)?
                .expect("id came from the entities table")),
            None => Err(StoreError::NotFound(format!(
                "no entity {id_or_name:?} (try `kabar entities` to list them)"
            ))),
        }
    }

    /// The roles of an entity, each with first/last dates, in order of first date.
    ///
    /// A role seen without its country or organisation joins the one row of the same title
    /// that has one. Week values (`2025-W41`) do not sort with calendar dates as strings,
    /// so they count for first/last only when a role has no calendar date at all.
    pub fn roles(&self, entity: &str) -> Result<Vec<RoleRow>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT title, of,
                    coalesce(min(CASE WHEN date GLOB '*W*' THEN NULL ELSE date END), min(date)),
                    coalesce(max(CASE WHEN date GLOB '*W*' THEN NULL ELSE date END), max(date)),
                    group_concat(DISTINCT article)
             FROM roles WHERE entity = ?1 GROUP BY title, of",
        )?;
        let rows = st.query_map([entity], |r| {
            Ok(RoleRow {
                title: r.get(0)?,
                of: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                articles: split_ids(r.get(4)?),
            })
        })?;
        let rows: Vec<RoleRow> = rows.collect::<Result<_, _>>()?;
        let mut out: Vec<RoleRow> = Vec::new();
        let mut bare = Vec::new();
        for r in rows {
            if r.of.is_none() {
                bare.push(r);
            } else {
                out.push(r);
            }
        }
        for b in bare {
            let mut owners = out.iter_mut().filter(|r| r.title == b.title);
            match (owners.next(), owners.next()) {
                (Some(owner), None) => {
                    owner.first = min_opt(owner.first.take(), b.first);
                    owner.last = max_opt(owner.last.take(), b.last);
                    for a in b.articles {
                        if !owner.articles.contains(&a) {
                            owner.articles.push(a);
                        }
                    }
                }
                _ => out.push(b),
            }
        }
        out.sort_by(|a, b| {
            (a.first.is_none(), &a.first, &a.title).cmp(&(b.first.is_none(), &b.first, &b.title))
        });
        Ok(out)
    }

    /// Quotes whose speaker is `entity`.
    pub fn quotes_by(&self, entity: &str) -> Result<Vec<QuoteRow>, StoreError> {
        let arts: Vec<String> = {
            let mut st = self.conn.prepare(
                "SELECT DISTINCT q.article FROM quotes q JOIN articles a ON a.id = q.article
                 WHERE q.speaker = ?1 ORDER BY a.published",
            )?;
            let rows = st.query_map([entity], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        Ok(self
            .quotes_of(&arts)?
            .into_iter()
            .filter(|q| q.speaker.as_deref() == Some(entity))
            .collect())
    }

    /// Entities that appear in the same articles as `entity`, by number of shared articles.
    pub fn related(&self, entity: &str, limit: usize) -> Result<Vec<Related>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT m2.entity, e.name, count(*) AS w
             FROM entity_mentions m1 JOIN entity_mentions m2
               ON m2.article = m1.article AND m2.entity != m1.entity
             JOIN entities e ON e.id = m2.entity
             WHERE m1.entity = ?1 GROUP BY m2.entity ORDER BY w DESC, m2.entity LIMIT ?2",
        )?;
        let rows = st.query_map(params![entity, limit as i64], |r| {
            Ok(Related {
                id: r.get(0)?,
                name: r.get(1)?,
                weight: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Action mentions where `entity` is a source or a target.
    pub fn actions_involving(&self, entity: &str) -> Result<Vec<ActionRow>, StoreError> {
        let pattern = format!("%\"{}\"%", entity.replace('%', "").replace('_', "\\_"));
        let arts: Vec<String> = {
            let mut st = self.conn.prepare(
                "SELECT DISTINCT article FROM actions
                 WHERE source LIKE ?1 ESCAPE '\\' OR target LIKE ?1 ESCAPE '\\'",
            )?;
            let rows = st.query_map([&pattern], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        Ok(self
            .actions_of(&arts)?
            .into_iter()
            .filter(|a| {
                a.action.source.iter().any(|s| s == entity)
                    || a.action.target.iter().any(|t| t == entity)
            })
            .collect())
    }

    /// `kabar search`: full-text search over titles and bodies, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let fts = fts_query(query)?;
        if fts.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare(
            "SELECT a.id, a.title, -bm25(articles_fts, 3.0, 1.0),
                    snippet(articles_fts, 1, '[', ']', '…', 16)
             FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?2",
        )?;
        let rows = st.query_map(params![fts, limit as i64], |r| {
            Ok(SearchHit {
                article: r.get(0)?,
                title: r.get(1)?,
                score: r.get(2)?,
                snippet: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Article counts by table, for summaries.
    pub fn counts(&self) -> Result<BTreeMap<&'static str, i64>, StoreError> {
        let mut m = BTreeMap::new();
        for t in [
            "articles", "events", "stories", "entities", "actions", "quotes",
        ] {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            m.insert(t, n);
        }
        Ok(m)
    }

    /// The number of events and of stories in the store.
    pub fn event_and_story_counts(&self) -> Result<(usize, usize), StoreError> {
        let n = |t: &str| -> Result<usize, StoreError> {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok((n("events")?, n("stories")?))
    }

    /// Distinct outlets of a set of articles.
    pub fn outlets_of(&self, articles: &[String]) -> Result<BTreeSet<String>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT outlet FROM articles WHERE id = ?1")?;
        let mut out = BTreeSet::new();
        for a in articles {
            if let Some(Some(o)) = st
                .query_row([a], |r| r.get::<_, Option<String>>(0))
                .optional()?
            {
                out.insert(o);
            }
        }
        Ok(out)
    }
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn entity_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntityRow> {
    let aliases: Option<String> = r.get(3)?;
    Ok(EntityRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        aliases: aliases
            .map(|a| a.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default(),
        mentions: r.get(4)?,
        articles: r.get(5)?,
    })
}

/// Quote text folded for merging the same words across articles.
fn normalise_quote(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The most a search query may hold. Past these, [`Store::search`] answers
/// [`StoreError::BadQuery`] rather than spending seconds of CPU on one request (FTS5's cost
/// grows with the number of terms times the hits of each, and snippets with their product).
pub const MAX_QUERY_CHARS: usize = 10_000;
/// The most distinct terms a search query may hold (after folding case and removing
/// repeats).
pub const MAX_QUERY_TERMS: usize = 32;
/// The longest single term, in characters.
pub const MAX_TERM_CHARS: usize = 64;

/// Why a search query was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The query text is longer than [`MAX_QUERY_CHARS`].
    #[error("search query is {0} characters long; the limit is {MAX_QUERY_CHARS}")]
    TooLong(usize),
    /// More distinct terms than [`MAX_QUERY_TERMS`].
    #[error("search query has {0} distinct terms; the limit is {MAX_QUERY_TERMS}")]
    TooManyTerms(usize),
    /// One term longer than [`MAX_TERM_CHARS`].
    #[error("search term of {0} characters; the limit is {MAX_TERM_CHARS}")]
    TermTooLong(usize),
}

/// Turns free user text into a safe FTS5 query: every distinct word (case folded) a
/// quoted term, all required; refuses queries past the limits above.
/// (User input is never passed to MATCH raw: FTS5 syntax errors would reach the user.)
pub fn fts_query(q: &str) -> Result<String, QueryError> {
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(chars));
    }
    let mut seen = std::collections::HashSet::new();
    let mut terms = Vec::new();
    for w in q.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let w = w.trim_matches('-');
        if w.is_empty() {
            continue;
        }
        let n = w.chars().count();
        if n > MAX_TERM_CHARS {
            return Err(QueryError::TermTooLong(n));
        }
        if seen.insert(w.to_lowercase()) {
            terms.push(format!("\"{w}\""));
        }
    }
    if terms.len() > MAX_QUERY_TERMS {
        return Err(QueryError::TooManyTerms(terms.len()));
    }
    Ok(terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_deduplicated_quoted_and_capped() {
        assert_eq!(
            fts_query("Banjir banjir BANJIR bandung").unwrap(),
            "\"Banjir\" \"bandung\""
        );
        assert_eq!(
            fts_query("\"AND OR (* NEAR").unwrap(),
            "\"AND\" \"OR\" \"NEAR\""
        );
        assert_eq!(fts_query("- -- ---").unwrap(), "");
        // 4,000 words of only a few distinct ones stay under the term cap but not the length cap
        let many = "banjir bandung ".repeat(2000);
        assert_eq!(fts_query(&many), Err(QueryError::TooLong(30_000)));
        assert_eq!(fts_query(&"banjir ".repeat(1000)).unwrap(), "\"banjir\"");
        let distinct: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        assert_eq!(
            fts_query(&distinct.join(" ")),
            Err(QueryError::TooManyTerms(40))
        );
        assert!(fts_query(&distinct[..32].join(" ")).is_ok());
        assert_eq!(fts_query(&"x".repeat(65)), Err(QueryError::TermTooLong(65)));
    }
}
