//! The SQLite implementation of [`Reads`] and [`Browse`] for [`Store`]: every SQL
//! statement of the read side.

mod browse;

use crate::Reads;
use kabar_core::Analysis;
use kabar_store::rows::{
    fts_query, ActionRow, ArticleRow, EntityRow, EventRow, QuoteRow, Related, RoleRow, SearchHit,
    StoryRow,
};
use kabar_store::{Store, StoreError};
use rusqlite::{params, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};

/// How many of an entity's articles (the most recently stored) its related entities are
/// counted over.
pub const RELATED_WINDOW: i64 = 1_000;

pub(crate) fn split_ids(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

impl Reads for Store {
    fn analysis(&self, id: &str) -> Result<Analysis, StoreError> {
        Store::analysis(self, id)
    }

    /// One event, or a "no such event" error (a retired ID leads to its survivor).
    fn event(&self, id: &str) -> Result<EventRow, StoreError> {
        let id = self.resolve_link_id(id)?;
        event_row(self, &id)?
            .ok_or_else(|| StoreError::NotFound(format!("no event {id} (see `kabar events`)")))
    }

    /// The list row of one article (its event and story are its original's for a copy).
    fn article_row(&self, id: &str) -> Result<ArticleRow, StoreError> {
        self.conn()
            .query_row(
                "SELECT x.id, x.external_id, x.source, x.title, x.outlet, x.published,
                        x.duplicate_of, coalesce(o.event, x.event), coalesce(o.story, x.story)
                 FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of WHERE x.id = ?1",
                [id],
                article_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no article {id}")))
    }

    /// The source URL of an article, when it has one.
    fn article_url(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT url FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// `kabar articles`: every article in publication order.
    fn articles(&self) -> Result<Vec<ArticleRow>, StoreError> {
        let mut st = self.conn().prepare(
            "SELECT a.id, a.external_id, a.source, a.title, a.outlet, a.published, a.duplicate_of,
                    coalesce(o.event, a.event), coalesce(o.story, a.story)
             FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
             ORDER BY a.published IS NULL, a.published, a.rowid",
        )?;
        let rows = st.query_map([], article_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `kabar events`: every event, earliest first.
    fn events(&self) -> Result<Vec<EventRow>, StoreError> {
        events_where(self, "1", [])
    }

    /// `kabar stories`: every story, earliest first.
    fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        stories_where(self, "1", [])
    }

    /// One story, or a "no such story" error.
    fn story(&self, id: &str) -> Result<StoryRow, StoreError> {
        // A story ID retired by re-linking leads to its survivor.
        let id = self.resolve_link_id(id)?;
        stories_where(self, "s.id = ?1", [&id])?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::NotFound(format!("no story {id} (see `kabar stories`)")))
    }

    /// The events of one story, in date order.
    fn story_events(&self, id: &str) -> Result<Vec<EventRow>, StoreError> {
        events_where(self, "e.story = ?1", [id])
    }

    /// Every action mention reported by the given articles, in their order: one query
    /// over the ID list (`json_each`), not one per article.
    fn actions_of(&self, articles: &[String]) -> Result<Vec<ActionRow>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT j.value, x.record, x.date, x.text, a.published
             FROM json_each(?1) j CROSS JOIN actions x ON x.article = j.value
             LEFT JOIN articles a ON a.id = x.article
             ORDER BY j.key, x.idx",
        )?;
        let rows = st.query_map([ids_json(articles)?], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (article, rec, date, text, published) = row?;
            out.push(ActionRow {
                article,
                action: serde_json::from_str(&rec)?,
                date,
                text,
                published,
            });
        }
        Ok(out)
    }

    /// Quotes carried by the given articles; the same words from the same speaker in
    /// several articles are one quote listing them all. One query over the ID list.
    fn quotes_of(&self, articles: &[String]) -> Result<Vec<QuoteRow>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT j.value, q.speaker, q.text, q.direct
             FROM json_each(?1) j CROSS JOIN quotes q ON q.article = j.value
             ORDER BY j.key, q.idx",
        )?;
        let rows = st.query_map([ids_json(articles)?], quote_from_row)?;
        merge_quotes(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The entities mentioned by the given articles with their mention counts there: one
    /// query over the ID list, rows and counts together.
    fn entities_of(&self, articles: &[String]) -> Result<Vec<EntityRow>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "WITH c AS (SELECT m.entity AS id, sum(m.mentions) AS n, count(*) AS k
                        FROM json_each(?1) j CROSS JOIN entity_mentions m ON m.article = j.value
                        GROUP BY m.entity)
             SELECT e.id, e.name, e.type,
                (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                c.n, c.k
             FROM c JOIN entities e ON e.id = c.id",
        )?;
        let rows = st.query_map([ids_json(articles)?], entity_from_row)?;
        let mut out: Vec<EntityRow> = rows.collect::<Result<_, _>>()?;
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// `kabar entities`: every entity, most mentioned first.
    fn entities(&self) -> Result<Vec<EntityRow>, StoreError> {
        let mut st = self.conn().prepare(
            "SELECT e.id, e.name, e.type,
                (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                e.mentions, e.articles
             FROM entities e ORDER BY e.mentions DESC, e.id",
        )?;
        let rows = st.query_map([], entity_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds an entity by ID, canonical name or alias (case-insensitive).
    fn find_entity(&self, id_or_name: &str) -> Result<EntityRow, StoreError> {
        if let Some(r) = entity_row(self, id_or_name)? {
            return Ok(r);
        }
        // an ID merged into another entity by store-level resolution
        if let Some(to) = self.redirect_of(id_or_name)? {
            if let Some(r) = entity_row(self, &to)? {
                return Ok(r);
            }
        }
        let id: Option<String> = self
            .conn()
            .query_row(
                "SELECT id FROM (
                    SELECT e.id, 0 AS pri FROM entities e WHERE e.name = ?1 COLLATE NOCASE
                    UNION ALL
                    SELECT a.entity, 1 FROM entity_aliases a WHERE a.alias = ?1 COLLATE NOCASE) c
                 ORDER BY pri, (SELECT x.articles FROM entities x WHERE x.id = c.id) DESC LIMIT 1",
                [id_or_name],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => Ok(entity_row(self, &id)?.expect("id came from the entities table")),
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
    fn roles(&self, entity: &str) -> Result<Vec<RoleRow>, StoreError> {
        let mut st = self.conn().prepare(
            "SELECT title, of,
                    coalesce(min(CASE WHEN date GLOB '*W*' THEN NULL ELSE date END), min(date)),
                    coalesce(max(CASE WHEN date GLOB '*W*' THEN NULL ELSE date END), max(date)),
                    group_concat(DISTINCT article)
             FROM roles INDEXED BY roles_entity WHERE entity = ?1 GROUP BY title, of",
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
        Ok(fold_roles(rows.collect::<Result<_, _>>()?))
    }

    fn role_levels(&self, entity: &str) -> Result<Vec<String>, StoreError> {
        // roles() without the article lists (index `roles_levels` covers it): the same
        // (title, of) groups, firsts folded and sorted the same way, so the same order.
        let mut st = self.conn().prepare_cached(
            "SELECT title, of,
                    coalesce(min(CASE WHEN date GLOB '*W*' THEN NULL ELSE date END), min(date))
             FROM roles WHERE entity = ?1 GROUP BY title, of",
        )?;
        let rows = st.query_map([entity], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        Ok(fold_role_levels(rows.collect::<Result<_, _>>()?))
    }

    /// Quotes whose speaker is `entity`: one query (index `quotes_speaker`), articles in
    /// publication order (stored order among equal dates).
    fn quotes_by(&self, entity: &str) -> Result<Vec<QuoteRow>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT q.article, q.speaker, q.text, q.direct
             FROM quotes q JOIN articles a ON a.id = q.article
             WHERE q.speaker = ?1 ORDER BY a.published, a.rowid, q.idx",
        )?;
        let rows = st.query_map([entity], quote_from_row)?;
        merge_quotes(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Entities that appear in the same articles as `entity`, by number of shared articles.
    fn related(&self, entity: &str, limit: usize) -> Result<Vec<Related>, StoreError> {
        // Bounded: over the RELATED_WINDOW articles that mention it most recently stored
        // (all of them for all but the most mentioned entities), so a page about a
        // country mentioned in 60,000 articles does not join a million rows.
        let mut st = self.conn().prepare_cached(
            "WITH recent AS (SELECT article FROM entity_mentions WHERE entity = ?1
                             ORDER BY rowid DESC LIMIT ?3)
             SELECT m2.entity, e.name, count(*) AS w
             FROM recent m1 JOIN entity_mentions m2
               ON m2.article = m1.article AND m2.entity != ?1
             JOIN entities e ON e.id = m2.entity
             GROUP BY m2.entity ORDER BY w DESC, m2.entity LIMIT ?2",
        )?;
        let rows = st.query_map(params![entity, limit as i64, RELATED_WINDOW], |r| {
            Ok(Related {
                id: r.get(0)?,
                name: r.get(1)?,
                weight: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Action mentions where `entity` is a source or a target.
    fn actions_involving(&self, entity: &str) -> Result<Vec<ActionRow>, StoreError> {
        let pattern = format!("%\"{}\"%", entity.replace('%', "").replace('_', "\\_"));
        let arts: Vec<String> = {
            let mut st = self.conn().prepare(
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
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let fts = fts_query(query)?;
        if fts.is_empty() {
            return Ok(Vec::new());
        }
        let mut st = self.conn().prepare(
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

    /// Distinct outlets of a set of articles (one query over the ID list).
    fn outlets_of(&self, articles: &[String]) -> Result<BTreeSet<String>, StoreError> {
        let mut st = self.conn().prepare_cached(
            "SELECT DISTINCT a.outlet FROM json_each(?1) j CROSS JOIN articles a ON a.id = j.value
             WHERE a.outlet IS NOT NULL",
        )?;
        let rows = st.query_map([ids_json(articles)?], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A list of IDs as the JSON array `json_each` reads.
fn ids_json(ids: &[String]) -> Result<String, StoreError> {
    Ok(serde_json::to_string(ids)?)
}

/// (article, speaker, text, direct) of the quote queries.
pub(crate) type QuoteSeen = (String, Option<String>, String, bool);

fn quote_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteSeen> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

/// Folds quote rows (in article order) into quotes: the same words from the same speaker
/// in several articles are one quote listing them all, in order of first appearance.
pub(crate) fn merge_quotes(rows: Vec<QuoteSeen>) -> Result<Vec<QuoteRow>, StoreError> {
    // (speaker, folded text) -> (direct, articles, order first seen)
    type Merged = BTreeMap<(Option<String>, String), (bool, Vec<String>, usize)>;
    let mut merged: Merged = BTreeMap::new();
    let mut order = 0;
    for (a, speaker, text, direct) in rows {
        let key = (speaker, normalise_quote(&text));
        let e = merged.entry(key).or_insert_with(|| {
            order += 1;
            (direct, Vec::new(), order)
        });
        if !e.1.contains(&a) {
            e.1.push(a);
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

fn events_where<P: rusqlite::Params>(
    store: &Store,
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
    let mut st = store.conn().prepare(&sql)?;
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

fn stories_where<P: rusqlite::Params>(
    store: &Store,
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
    let mut st = store.conn().prepare(&sql)?;
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

/// An article list row from the columns id, external_id, source, title, outlet,
/// published, duplicate_of, event, story (in that order).
pub(crate) fn article_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
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
}

/// One entity's row; its counts are the ones the store keeps (schema 6).
pub(crate) fn entity_row(store: &Store, id: &str) -> Result<Option<EntityRow>, StoreError> {
    let row = store
        .conn()
        .prepare_cached(
            "SELECT e.id, e.name, e.type,
                (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                e.mentions, e.articles
             FROM entities e WHERE e.id = ?1",
        )?
        .query_row([id], entity_from_row)
        .optional()?;
    Ok(row)
}

/// One event's row (its article IDs in publication order, named outlets).
pub(crate) fn event_row(store: &Store, id: &str) -> Result<Option<EventRow>, StoreError> {
    let row = store
        .conn()
        .prepare_cached(
            "SELECT e.id, e.title, e.first, e.last, e.story,
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE event = e.id
                    ORDER BY published IS NULL, published, rowid)),
                (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id
                    AND outlet IS NOT NULL AND outlet != '')
             FROM events e WHERE e.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(EventRow {
                id: r.get(0)?,
                title: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                story: r.get(4)?,
                articles: split_ids(r.get(5)?),
                outlets: r.get::<_, i64>(6)? as usize,
            })
        })
        .optional()?;
    Ok(row)
}

/// Roles grouped by (title, of), folded: a role seen without its country or organisation
/// joins the one row of the same title that has one; then in order of first date.
pub(crate) fn fold_roles(rows: Vec<RoleRow>) -> Vec<RoleRow> {
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
                // a set beside the list: an entity's role can hold 15,000 articles
                let mut seen: std::collections::HashSet<String> =
                    owner.articles.iter().cloned().collect();
                for a in b.articles {
                    if seen.insert(a.clone()) {
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
    out
}

/// [`fold_roles`] without the article lists: (title, of, first) groups to the `of`s in
/// the same order.
pub(crate) fn fold_role_levels(rows: Vec<(String, Option<String>, Option<String>)>) -> Vec<String> {
    let (mut owned, bare): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.1.is_some());
    for (title, _, first) in bare {
        let mut owners = owned.iter_mut().filter(|r| r.0 == title);
        if let (Some(owner), None) = (owners.next(), owners.next()) {
            owner.2 = min_opt(owner.2.take(), first);
        }
    }
    owned.sort_by(|a, b| (a.2.is_none(), &a.2, &a.0).cmp(&(b.2.is_none(), &b.2, &b.0)));
    owned.into_iter().filter_map(|r| r.1).collect()
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
