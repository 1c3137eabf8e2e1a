//! Paged, filtered and sorted lists for the web app and the HTTP API (`kabar serve`):
//! one page of rows and the total that matched, so no page has to load a whole table.
//!
//! Dates compare as ISO strings on their first ten characters (`YYYY-MM-DD`); "now" for
//! growth and the home page is the newest publication date in the store (stores often
//! hold past news), see [`Store::latest_day`].

use crate::query::{ArticleRow, EntityRow, EventRow, SearchHit};
use crate::{Store, StoreError};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// Filters shared by every list. `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Reported on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Reported on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Reported by this outlet (exact name).
    pub outlet: Option<String>,
    /// Mentions this entity (ID).
    pub entity: Option<String>,
    /// In this language (`id`, `en`).
    pub lang: Option<String>,
}

/// How a list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most recently active first.
    #[default]
    Latest,
    /// Oldest first.
    Oldest,
    /// Most articles first.
    Biggest,
    /// Most articles in the last [`GROWTH_DAYS`] days minus the days before, first.
    Growth,
}

impl Sort {
    /// Parses `latest`, `oldest`, `biggest`, `growth`.
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "latest" => Sort::Latest,
            "oldest" => Sort::Oldest,
            "biggest" => Sort::Biggest,
            "growth" => Sort::Growth,
            _ => return None,
        })
    }
}

/// One page: `offset` rows skipped, at most `limit` returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageReq {
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return.
    pub limit: u64,
}

/// A page of rows and how many matched in all.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Rows matching the filters, all pages together.
    pub total: u64,
}

/// Growth compares the articles of the last this many days with the same span before.
pub const GROWTH_DAYS: i64 = 2;

/// A story in a list: the `kabar stories` row with its size, outlets and growth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
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
    /// Article IDs in publication order.
    pub articles: Vec<String>,
    /// Distinct named outlets.
    pub outlets: u64,
    /// Articles in the last [`GROWTH_DAYS`] days (to the store's newest day) minus the
    /// [`GROWTH_DAYS`] days before.
    pub growth: i64,
}

/// Articles per day of one story (for sparklines and charts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Outlet, or `None` when unnamed.
    pub outlet: Option<String>,
    /// Articles.
    pub articles: u64,
}

/// SQL conditions on an article row aliased `x`, with their parameters.
fn article_conds(f: &Filter, conds: &mut Vec<String>, p: &mut Vec<Value>) {
    if let Some(o) = &f.outlet {
        conds.push("x.outlet = ?".into());
        p.push(Value::Text(o.clone()));
    }
    if let Some(l) = &f.lang {
        conds.push("x.lang = ?".into());
        p.push(Value::Text(l.clone()));
    }
    if let Some(e) = &f.entity {
        conds.push(
            "EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article = x.id AND m.entity = ?)"
                .into(),
        );
        p.push(Value::Text(e.clone()));
    }
}

/// SQL conditions on a date range `[first, last]` overlapping the filter's.
fn range_conds(f: &Filter, first: &str, last: &str, conds: &mut Vec<String>, p: &mut Vec<Value>) {
    if let Some(from) = &f.from {
        conds.push(format!("substr({last}, 1, 10) >= ?"));
        p.push(Value::Text(from.clone()));
    }
    if let Some(to) = &f.to {
        conds.push(format!("substr({first}, 1, 10) <= ?"));
        p.push(Value::Text(to.clone()));
    }
}

/// `EXISTS` over the articles of a group (`x.{col} = {outer}.id`) when the filter names an
/// article property.
fn group_conds(f: &Filter, col: &str, outer: &str, conds: &mut Vec<String>, p: &mut Vec<Value>) {
    let mut inner = Vec::new();
    article_conds(f, &mut inner, p);
    if !inner.is_empty() {
        conds.push(format!(
            "EXISTS (SELECT 1 FROM articles x WHERE x.{col} = {outer}.id AND {})",
            inner.join(" AND ")
        ));
    }
}

fn where_sql(conds: &[String]) -> String {
    if conds.is_empty() {
        "1".into()
    } else {
        conds.join(" AND ")
    }
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

/// The day `days` before `day` (`YYYY-MM-DD`), by SQLite's calendar.
fn day_minus(store: &Store, day: &str, days: i64) -> Result<String, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT date(?1, printf('-%d days', ?2))",
            rusqlite::params![day, days],
            |r| r.get::<_, Option<String>>(0),
        )?
        .unwrap_or_else(|| day.to_string()))
}

impl Store {
    /// The newest publication day in the store (`YYYY-MM-DD`): "today" for what is new.
    pub fn latest_day(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT substr(max(published), 1, 10) FROM articles WHERE published IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Named outlets with their article counts, most articles first.
    pub fn outlets(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet != ''
             GROUP BY outlet ORDER BY count(*) DESC, outlet",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Names of these entity IDs (IDs not in the store are left out).
    pub fn names_of(&self, ids: &[String]) -> Result<BTreeMap<String, String>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT name FROM entities WHERE id = ?1")?;
        let mut out = BTreeMap::new();
        for id in ids {
            if out.contains_key(id) {
                continue;
            }
            if let Some(n) = st.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                out.insert(id.clone(), n);
            }
        }
        Ok(out)
    }

    /// One page of stories matching `f`, ordered by `sort`.
    pub fn story_page(
        &self,
        f: &Filter,
        sort: Sort,
        page: PageReq,
    ) -> Result<Page<StorySummary>, StoreError> {
        let now = self.latest_day()?.unwrap_or_else(|| "9999-12-31".into());
        let g1 = day_minus(self, &now, GROWTH_DAYS - 1)?;
        let g0 = day_minus(self, &now, 2 * GROWTH_DAYS - 1)?;
        let mut conds = Vec::new();
        let mut p = Vec::new();
        range_conds(f, "s.first", "s.last", &mut conds, &mut p);
        group_conds(f, "story", "s", &mut conds, &mut p);
        let cond = where_sql(&conds);
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM stories s WHERE {cond}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let order = match sort {
            Sort::Latest => "s.last IS NULL, s.last DESC, n DESC, s.id",
            Sort::Oldest => "s.first IS NULL, s.first, s.id",
            Sort::Biggest => "n DESC, s.last DESC, s.id",
            Sort::Growth => "growth DESC, n DESC, s.last DESC, s.id",
        };
        let sql = format!(
            "SELECT s.id, s.title, s.first, s.last,
                (SELECT group_concat(id) FROM (SELECT id FROM events WHERE story = s.id
                    ORDER BY first IS NULL, first, id)),
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE story = s.id
                    ORDER BY published IS NULL, published, rowid)),
                (SELECT count(*) FROM articles WHERE story = s.id) AS n,
                (SELECT count(DISTINCT outlet) FROM articles WHERE story = s.id
                    AND outlet IS NOT NULL AND outlet != ''),
                (SELECT coalesce(sum(substr(published, 1, 10) >= ?1), 0)
                      - coalesce(sum(substr(published, 1, 10) >= ?2
                                     AND substr(published, 1, 10) < ?1), 0)
                   FROM articles WHERE story = s.id) AS growth
             FROM stories s WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        // plain `?` after `?1`/`?2` number on from 3 (SQLite's rule)
        let mut all = vec![Value::Text(g1), Value::Text(g0)];
        all.extend(p);
        all.push(Value::Integer(page.limit as i64));
        all.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(all.iter()), |r| {
            Ok(StorySummary {
                id: r.get(0)?,
                title: r.get(1)?,
                first: r.get(2)?,
                last: r.get(3)?,
                events: split_ids(r.get(4)?),
                articles: split_ids(r.get(5)?),
                outlets: r.get::<_, i64>(7)? as u64,
                growth: r.get(8)?,
            })
        })?;
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total: total as u64,
        })
    }

    /// Articles per day (and outlet) of these stories, on or after `from`.
    pub fn story_days(&self, story: &str, from: Option<&str>) -> Result<Vec<DayCount>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT substr(published, 1, 10) AS d, nullif(outlet, ''), count(*) FROM articles
             WHERE story = ?1 AND published IS NOT NULL AND d >= ?2
             GROUP BY d, outlet ORDER BY d, outlet",
        )?;
        let rows = st.query_map(rusqlite::params![story, from.unwrap_or("")], |r| {
            Ok(DayCount {
                day: r.get(0)?,
                outlet: r.get(1)?,
                articles: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One page of events matching `f`; `story` keeps those of one story.
    pub fn event_page(
        &self,
        f: &Filter,
        sort: Sort,
        story: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EventRow>, StoreError> {
        let mut conds = Vec::new();
        let mut p = Vec::new();
        range_conds(f, "e.first", "e.last", &mut conds, &mut p);
        group_conds(f, "event", "e", &mut conds, &mut p);
        if let Some(s) = story {
            conds.push("e.story = ?".into());
            p.push(Value::Text(s.to_string()));
        }
        let cond = where_sql(&conds);
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM events e WHERE {cond}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let order = match sort {
            Sort::Latest => "e.last IS NULL, e.last DESC, e.id",
            Sort::Oldest => "e.first IS NULL, e.first, e.id",
            Sort::Biggest | Sort::Growth => "n DESC, e.last DESC, e.id",
        };
        let sql = format!(
            "SELECT e.id, e.title, e.first, e.last, e.story,
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE event = e.id
                    ORDER BY published IS NULL, published, rowid)),
                (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id
                    AND outlet IS NOT NULL AND outlet != ''),
                (SELECT count(*) FROM articles WHERE event = e.id) AS n
             FROM events e WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
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
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total: total as u64,
        })
    }

    /// One event, or a "no such event" error (a retired ID leads to its survivor).
    pub fn event(&self, id: &str) -> Result<EventRow, StoreError> {
        let id = self.resolve_link_id(id)?;
        let sql = "SELECT e.id, e.title, e.first, e.last, e.story,
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE event = e.id
                    ORDER BY published IS NULL, published, rowid)),
                (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id
                    AND outlet IS NOT NULL AND outlet != '')
             FROM events e WHERE e.id = ?1";
        self.conn
            .query_row(sql, [&id], |r| {
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
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no event {id} (see `kabar events`)")))
    }

    /// One page of articles matching `f` (copies included, each with its original's event
    /// and story); `event` keeps those of one event, copies of its articles included.
    pub fn article_page(
        &self,
        f: &Filter,
        sort: Sort,
        event: Option<&str>,
        page: PageReq,
    ) -> Result<Page<ArticleRow>, StoreError> {
        let mut conds = Vec::new();
        let mut p = Vec::new();
        range_conds(f, "x.published", "x.published", &mut conds, &mut p);
        article_conds(f, &mut conds, &mut p);
        if let Some(e) = event {
            conds.push("coalesce(o.event, x.event) = ?".into());
            p.push(Value::Text(e.to_string()));
        }
        let cond = where_sql(&conds);
        let from = "FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of";
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) {from} WHERE {cond}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let order = match sort {
            Sort::Oldest => "x.published IS NULL, x.published, x.rowid",
            _ => "x.published IS NULL, x.published DESC, x.rowid DESC",
        };
        let sql = format!(
            "SELECT x.id, x.external_id, x.source, x.title, x.outlet, x.published, x.duplicate_of,
                    coalesce(o.event, x.event), coalesce(o.story, x.story)
             {from} WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
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
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total: total as u64,
        })
    }

    /// The list row of one article (its event and story are its original's for a copy).
    pub fn article_row(&self, id: &str) -> Result<ArticleRow, StoreError> {
        self.conn
            .query_row(
                "SELECT x.id, x.external_id, x.source, x.title, x.outlet, x.published,
                        x.duplicate_of, coalesce(o.event, x.event), coalesce(o.story, x.story)
                 FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of WHERE x.id = ?1",
                [id],
                |r| {
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
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no article {id}")))
    }

    /// The source URL of an article, when it has one.
    pub fn article_url(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT url FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// One page of entities, most mentioned first; `kind` keeps one type (`PER`, …), `q`
    /// those whose name contains it (case-insensitive); `f.entity` is ignored, `f.outlet`,
    /// `f.lang` and the dates keep entities mentioned in matching articles.
    pub fn entity_page(
        &self,
        f: &Filter,
        kind: Option<&str>,
        q: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EntityRow>, StoreError> {
        let mut conds = Vec::new();
        let mut p = Vec::new();
        if let Some(k) = kind {
            conds.push("e.type = ?".into());
            p.push(Value::Text(k.to_string()));
        }
        if let Some(q) = q {
            conds.push("e.name LIKE ? ESCAPE '\\'".into());
            let esc = q
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            p.push(Value::Text(format!("%{esc}%")));
        }
        let mut inner = Vec::new();
        let af = Filter {
            entity: None,
            ..f.clone()
        };
        range_conds(&af, "x.published", "x.published", &mut inner, &mut p);
        article_conds(&af, &mut inner, &mut p);
        if !inner.is_empty() {
            conds.push(format!(
                "EXISTS (SELECT 1 FROM entity_mentions m JOIN articles x ON x.id = m.article
                  WHERE m.entity = e.id AND {})",
                inner.join(" AND ")
            ));
        }
        let cond = where_sql(&conds);
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM entities e WHERE {cond}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT e.id, e.name, e.type,
                (SELECT group_concat(alias, char(31)) FROM entity_aliases WHERE entity = e.id),
                coalesce(m.mentions, 0), coalesce(m.articles, 0)
             FROM entities e LEFT JOIN (
                SELECT entity, sum(mentions) AS mentions, count(*) AS articles
                FROM entity_mentions GROUP BY entity) m ON m.entity = e.id
             WHERE {cond} ORDER BY m.mentions DESC, e.id LIMIT ? OFFSET ?"
        );
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
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
        })?;
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total: total as u64,
        })
    }

    /// The `n` days ending on `last` (`YYYY-MM-DD`), oldest first.
    pub fn days_ending(&self, last: &str, n: u32) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k + 1 < ?2)
             SELECT date(?1, printf('-%d days', k)) FROM d ORDER BY k DESC",
        )?;
        let rows = st.query_map(rusqlite::params![last, n], |r| {
            r.get::<_, Option<String>>(0)
        })?;
        Ok(rows
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect())
    }

    /// One page of search hits (best first) among articles matching `f`. The snippet
    /// marks matches with U+0002 before and U+0003 after (callers render them).
    pub fn search_page(
        &self,
        query: &str,
        f: &Filter,
        page: PageReq,
    ) -> Result<Page<SearchHit>, StoreError> {
        let fts = crate::query::fts_query(query)?;
        if fts.is_empty() {
            return Ok(Page {
                items: Vec::new(),
                total: 0,
            });
        }
        let mut conds = vec!["articles_fts MATCH ?".to_string()];
        let mut p = vec![Value::Text(fts)];
        range_conds(f, "x.published", "x.published", &mut conds, &mut p);
        article_conds(f, &mut conds, &mut p);
        let cond = conds.join(" AND ");
        let from = "FROM articles_fts JOIN articles x ON x.rowid = articles_fts.rowid";
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) {from} WHERE {cond}"),
            params_from_iter(p.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT x.id, x.title, -bm25(articles_fts, 3.0, 1.0),
                    snippet(articles_fts, 1, char(2), char(3), '…', 16)
             {from} WHERE {cond} ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ? OFFSET ?"
        );
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), |r| {
            Ok(SearchHit {
                article: r.get(0)?,
                title: r.get(1)?,
                score: r.get(2)?,
                snippet: r.get(3)?,
            })
        })?;
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total: total as u64,
        })
    }
}
