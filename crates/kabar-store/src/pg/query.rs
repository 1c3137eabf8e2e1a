//! The PostgreSQL read side: the main queries of the `kabar-query` crate, returning the same rows
//! in the same order (byte-order collation on sorted columns, ties broken by insertion
//! order as SQLite's rowid does).

use super::{PgError, PgStore};
use crate::rows::{fts_query, ArticleRow, EntityRow, EventRow, SearchHit, StoryRow};
use crate::StoreError;
use kabar_core::Analysis;
use postgres::types::ToSql;
use postgres::Row;
use std::collections::BTreeMap;

const ARTICLE_COLUMNS: &str =
    "a.id, a.external_id, a.source, a.title, a.outlet, a.published, a.duplicate_of,
     coalesce(o.event, a.event), coalesce(o.story, a.story)";

/// An article list row from the columns id, external_id, source, title, outlet,
/// published, duplicate_of, event, story (in that order).
pub fn article_row(r: &Row) -> ArticleRow {
    ArticleRow {
        id: r.get(0),
        external_id: r.get(1),
        source: r.get(2),
        title: r.get(3),
        outlet: r.get(4),
        published: r.get(5),
        duplicate_of: r.get(6),
        event: r.get(7),
        story: r.get(8),
    }
}

/// A text-array column as IDs (NULL, as `array_agg` of no rows gives, is empty).
pub fn ids(r: &Row, i: usize) -> Vec<String> {
    r.get::<_, Option<Vec<String>>>(i).unwrap_or_default()
}

/// An event row from id, title, first, last, story, article IDs, named-outlet count.
pub fn event_row(r: &Row) -> EventRow {
    EventRow {
        id: r.get(0),
        title: r.get(1),
        first: r.get(2),
        last: r.get(3),
        story: r.get(4),
        articles: ids(r, 5),
        outlets: r.get::<_, i64>(6) as usize,
    }
}

fn entity_row(r: &Row) -> EntityRow {
    EntityRow {
        id: r.get(0),
        name: r.get(1),
        kind: r.get(2),
        aliases: ids(r, 3),
        mentions: r.get(4),
        articles: r.get(5),
    }
}

/// An entity's aliases as one sorted text array (`e` is the entity row's alias).
pub const ENTITY_ALIASES: &str = "(SELECT array_agg(alias ORDER BY alias COLLATE \"C\")
                                FROM entity_aliases WHERE entity = e.id)";

impl PgStore {
    /// `kabar articles`: every article in publication order.
    pub fn articles(&mut self) -> Result<Vec<ArticleRow>, PgError> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS}
             FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
             ORDER BY a.published IS NULL, a.published, a.rowid"
        );
        Ok(self
            .client
            .query(&sql, &[])?
            .iter()
            .map(article_row)
            .collect())
    }

    /// The full stored analysis of one article.
    pub fn analysis(&mut self, id: &str) -> Result<Analysis, PgError> {
        let row = self
            .client
            .query_opt("SELECT analysis, text FROM articles WHERE id = $1", &[&id])?
            .ok_or_else(|| StoreError::NotFound(format!("no article {id}")))?;
        let packed: Vec<u8> = row.get(0);
        Ok(crate::packed::decode(
            rusqlite::types::ValueRef::Blob(&packed),
            row.get(1),
        )?)
    }

    /// `kabar events`: every event, earliest first.
    pub fn events(&mut self) -> Result<Vec<EventRow>, PgError> {
        self.events_where("true", &[], "")
    }

    fn events_where(
        &mut self,
        cond: &str,
        p: &[&(dyn ToSql + Sync)],
        outlet_cond: &str,
    ) -> Result<Vec<EventRow>, PgError> {
        let sql = format!(
            "SELECT e.id, e.title, e.first, e.last, e.story,
                    (SELECT array_agg(id ORDER BY published IS NULL, published, rowid)
                       FROM articles WHERE event = e.id),
                    (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id {outlet_cond})
             FROM events e WHERE {cond} ORDER BY e.first IS NULL, e.first, e.id"
        );
        Ok(self.client.query(&sql, p)?.iter().map(event_row).collect())
    }

    /// One event, or a "no such event" error (a retired ID leads to its survivor).
    pub fn event(&mut self, id: &str) -> Result<EventRow, PgError> {
        let id = self.resolve_link_id(id)?;
        self.events_where(
            "e.id = $1",
            &[&id],
            "AND outlet IS NOT NULL AND outlet != ''",
        )?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::NotFound(format!("no event {id} (see `kabar events`)")).into())
    }

    /// The events of one story, in date order.
    pub fn story_events(&mut self, id: &str) -> Result<Vec<EventRow>, PgError> {
        self.events_where("e.story = $1", &[&id], "")
    }

    /// `kabar stories`: every story, earliest first.
    pub fn stories(&mut self) -> Result<Vec<StoryRow>, PgError> {
        self.stories_where("true", &[])
    }

    fn stories_where(
        &mut self,
        cond: &str,
        p: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<StoryRow>, PgError> {
        let sql = format!(
            "SELECT s.id, s.title, s.first, s.last,
                (SELECT array_agg(id ORDER BY first IS NULL, first, id)
                   FROM events WHERE story = s.id),
                (SELECT array_agg(id ORDER BY published IS NULL, published, rowid)
                   FROM articles WHERE story = s.id)
             FROM stories s WHERE {cond} ORDER BY s.first IS NULL, s.first, s.id"
        );
        Ok(self
            .client
            .query(&sql, p)?
            .iter()
            .map(|r| StoryRow {
                id: r.get(0),
                title: r.get(1),
                first: r.get(2),
                last: r.get(3),
                events: ids(r, 4),
                articles: ids(r, 5),
            })
            .collect())
    }

    /// One story, or a "no such story" error (a retired ID leads to its survivor).
    pub fn story(&mut self, id: &str) -> Result<StoryRow, PgError> {
        let id = self.resolve_link_id(id)?;
        self.stories_where("s.id = $1", &[&id])?
            .into_iter()
            .next()
            .ok_or_else(|| {
                StoreError::NotFound(format!("no story {id} (see `kabar stories`)")).into()
            })
    }

    /// The live ID for an event or story ID: itself, or where a retired ID redirects.
    pub fn resolve_link_id(&mut self, id: &str) -> Result<String, PgError> {
        let mut cur = id.to_string();
        for _ in 0..8 {
            let next: Option<String> = self
                .client
                .query_opt(
                    "SELECT new FROM link_redirects WHERE old = $1
                       AND NOT EXISTS (SELECT 1 FROM events WHERE id = $1)
                       AND NOT EXISTS (SELECT 1 FROM stories WHERE id = $1)",
                    &[&cur],
                )?
                .map(|r| r.get(0));
            match next {
                Some(n) if n != cur => cur = n,
                _ => break,
            }
        }
        Ok(cur)
    }

    /// `kabar entities`: every entity, most mentioned first.
    pub fn entities(&mut self) -> Result<Vec<EntityRow>, PgError> {
        let sql = format!(
            "SELECT e.id, e.name, e.type, {ENTITY_ALIASES}, e.mentions, e.articles
             FROM entities e ORDER BY e.mentions DESC, e.id"
        );
        Ok(self
            .client
            .query(&sql, &[])?
            .iter()
            .map(entity_row)
            .collect())
    }

    fn entity_by_id(&mut self, id: &str) -> Result<Option<EntityRow>, PgError> {
        let sql = format!(
            "SELECT e.id, e.name, e.type, {ENTITY_ALIASES},
                e.mentions, e.articles
             FROM entities e WHERE e.id = $1"
        );
        Ok(self
            .client
            .query_opt(&sql, &[&id])?
            .as_ref()
            .map(entity_row))
    }

    /// Finds an entity by ID, canonical name or alias (case-insensitive).
    pub fn find_entity(&mut self, id_or_name: &str) -> Result<EntityRow, PgError> {
        if let Some(r) = self.entity_by_id(id_or_name)? {
            return Ok(r);
        }
        let redirect: Option<String> = self
            .client
            .query_opt(
                "SELECT to_id FROM entity_redirects WHERE from_id = $1",
                &[&id_or_name],
            )?
            .map(|r| r.get(0));
        if let Some(Some(r)) = redirect.map(|to| self.entity_by_id(&to)).transpose()? {
            return Ok(r);
        }
        let id: Option<String> = self
            .client
            .query_opt(
                "SELECT id FROM (
                    SELECT e.id, 0 AS pri FROM entities e WHERE lower(e.name) = lower($1)
                    UNION ALL
                    SELECT a.entity, 1 FROM entity_aliases a WHERE lower(a.alias) = lower($1)) c
                 ORDER BY pri, (SELECT x.articles FROM entities x WHERE x.id = c.id) DESC
                 LIMIT 1",
                &[&id_or_name],
            )?
            .map(|r| r.get(0));
        match id.map(|id| self.entity_by_id(&id)).transpose()?.flatten() {
            Some(r) => Ok(r),
            None => Err(StoreError::NotFound(format!(
                "no entity {id_or_name:?} (try `kabar entities` to list them)"
            ))
            .into()),
        }
    }

    /// `kabar search`: full-text search over titles and bodies, best first.
    ///
    /// The `fts` column holds `simple`-dictionary lexemes (lower-cased words, no stemming,
    /// the title weighted A), as SQLite's `unicode61` tokenizer indexes them; every query
    /// word is required. Scores are `ts_rank` (higher is better), not BM25.
    pub fn search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>, PgError> {
        let terms = fts_query(query).map_err(StoreError::BadQuery)?;
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let words = terms.replace('"', "");
        let rows = self.client.query(
            "SELECT s.id, s.title, s.score,
                    ts_headline('simple', s.text, q,
                        'StartSel=[, StopSel=], MaxWords=16, MinWords=8, MaxFragments=1')
             FROM (SELECT a.id, a.title, a.text, a.rowid,
                          ts_rank(a.fts, q)::float8 AS score
                   FROM articles a, plainto_tsquery('simple', $1) q WHERE a.fts @@ q
                   ORDER BY score DESC, a.rowid LIMIT $2) s,
                  plainto_tsquery('simple', $1) q
             ORDER BY s.score DESC, s.rowid",
            &[&words, &(limit as i64)],
        )?;
        Ok(rows
            .iter()
            .map(|r| SearchHit {
                article: r.get(0),
                title: r.get(1),
                score: r.get(2),
                snippet: r.get(3),
            })
            .collect())
    }

    /// Row counts by table, for summaries.
    pub fn counts(&mut self) -> Result<BTreeMap<&'static str, i64>, PgError> {
        let mut m = BTreeMap::new();
        for t in [
            "articles", "events", "stories", "entities", "actions", "quotes",
        ] {
            let n: i64 = self
                .client
                .query_one(&format!("SELECT count(*) FROM {t}"), &[])?
                .get(0);
            m.insert(t, n);
        }
        Ok(m)
    }
}
