//! The SQLite implementation of [`Browse`]: paged lists with filters.

use crate::browse::{Browse, DayCount, Filter, Page, PageReq, Sort, StorySummary, GROWTH_DAYS};
use crate::sqlite::split_ids;
use kabar_store::rows::{ArticleRow, EntityRow, EventRow, SearchHit};
use kabar_store::{Store, StoreError};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};
use std::collections::BTreeMap;

/// Articles of story `s` in the last [`GROWTH_DAYS`] days (from `?1`) minus those in the
/// [`GROWTH_DAYS`] before (from `?2`).
const GROWTH_SQL: &str = "SELECT coalesce(sum(substr(published, 1, 10) >= ?1), 0)
          - coalesce(sum(substr(published, 1, 10) >= ?2 AND substr(published, 1, 10) < ?1), 0)
       FROM articles WHERE story = s.id";

/// How many rows `sql` (a `SELECT count(*) …`) counts.
fn count(store: &Store, sql: &str, p: &[Value]) -> Result<u64, StoreError> {
    let n: i64 = store
        .conn()
        .query_row(sql, params_from_iter(p.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

/// Phase 1 of a page: the first column of `sql`, which ends in `LIMIT ? OFFSET ?`, for
/// this page (`p` are the parameters before the limit and offset).
fn page_ids(
    store: &Store,
    sql: &str,
    mut p: Vec<Value>,
    page: PageReq,
) -> Result<Vec<String>, StoreError> {
    p.push(Value::Integer(page.limit as i64));
    p.push(Value::Integer(page.offset as i64));
    let mut st = store.conn().prepare(sql)?;
    let rows = st.query_map(params_from_iter(p.iter()), |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Phase 2 for rows read one at a time: each ID's row (`what` names the kind when an ID
/// has none).
fn rows_by_id<T>(
    store: &Store,
    ids: &[String],
    row: fn(&Store, &str) -> Result<Option<T>, StoreError>,
    what: &str,
) -> Result<Vec<T>, StoreError> {
    ids.iter()
        .map(|id| row(store, id)?.ok_or_else(|| StoreError::NotFound(format!("no {what} {id}"))))
        .collect()
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

/// The day `days` before `day` (`YYYY-MM-DD`), by SQLite's calendar.
fn day_minus(store: &Store, day: &str, days: i64) -> Result<String, StoreError> {
    Ok(store
        .conn()
        .query_row(
            "SELECT date(?1, printf('-%d days', ?2))",
            rusqlite::params![day, days],
            |r| r.get::<_, Option<String>>(0),
        )?
        .unwrap_or_else(|| day.to_string()))
}

impl Browse for Store {
    /// The newest publication day in the store (`YYYY-MM-DD`): "today" for what is new.
    fn latest_day(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT substr(max(published), 1, 10) FROM articles WHERE published IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Named outlets with their article counts, most articles first.
    fn outlets(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut st = self.conn().prepare(
            "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet != ''
             GROUP BY outlet ORDER BY count(*) DESC, outlet",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Names of these entity IDs (IDs not in the store are left out).
    fn names_of(&self, ids: &[String]) -> Result<BTreeMap<String, String>, StoreError> {
        let mut st = self
            .conn()
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
    fn story_page(
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
        let total = count(
            self,
            &format!("SELECT count(*) FROM stories s WHERE {cond}"),
            &p,
        )?;
        // Phase 1: the page's IDs, ordered on the stored columns (indexes `stories_*`);
        // growth is computed only for stories active since `g0` (older ones have none).
        let order = match sort {
            Sort::Latest => "s.last IS NULL, s.last DESC, s.articles DESC, s.id",
            Sort::Oldest => "s.first IS NULL, s.first, s.id",
            Sort::Biggest => "s.articles DESC, s.last DESC, s.id",
            Sort::Growth => "growth DESC, s.articles DESC, s.last DESC, s.id",
        };
        let growth = if sort == Sort::Growth {
            format!("CASE WHEN s.last >= ?2 THEN ({GROWTH_SQL}) ELSE 0 END")
        } else {
            "0".into()
        };
        let sql = format!(
            "SELECT s.id, {growth} AS growth FROM stories s WHERE {cond}
             ORDER BY {order} LIMIT ? OFFSET ?"
        );
        // plain `?` after `?1`/`?2` number on from 3 (SQLite's rule)
        let mut all = Vec::new();
        if sort == Sort::Growth {
            all.extend([Value::Text(g1.clone()), Value::Text(g0.clone())]);
        }
        all.extend(p);
        let ids = page_ids(self, &sql, all, page)?;
        // Phase 2: the rows of the page only.
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT s.id, s.title, s.first, s.last,
                (SELECT group_concat(id) FROM (SELECT id FROM events WHERE story = s.id
                    ORDER BY first IS NULL, first, id)),
                (SELECT group_concat(id) FROM (SELECT id FROM articles WHERE story = s.id
                    ORDER BY published IS NULL, published, rowid)),
                (SELECT count(DISTINCT outlet) FROM articles WHERE story = s.id
                    AND outlet IS NOT NULL AND outlet != ''),
                ({GROWTH_SQL})
             FROM stories s WHERE s.id = ?3"
        ))?;
        let mut items = Vec::with_capacity(ids.len());
        for id in &ids {
            items.push(st.query_row(rusqlite::params![g1, g0, id], |r| {
                Ok(StorySummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    first: r.get(2)?,
                    last: r.get(3)?,
                    events: split_ids(r.get(4)?),
                    articles: split_ids(r.get(5)?),
                    outlets: r.get::<_, i64>(6)? as u64,
                    growth: r.get(7)?,
                })
            })?);
        }
        Ok(Page { items, total })
    }

    /// Articles per day (and outlet) of these stories, on or after `from`.
    fn story_days(&self, story: &str, from: Option<&str>) -> Result<Vec<DayCount>, StoreError> {
        let mut st = self.conn().prepare_cached(
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
    fn event_page(
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
        let total = count(
            self,
            &format!("SELECT count(*) FROM events e WHERE {cond}"),
            &p,
        )?;
        // Phase 1: the page's IDs in index order (`events_*`); phase 2: their rows.
        let order = match sort {
            Sort::Latest => "e.last IS NULL, e.last DESC, e.id",
            Sort::Oldest => "e.first IS NULL, e.first, e.id",
            Sort::Biggest | Sort::Growth => "e.articles DESC, e.last DESC, e.id",
        };
        let sql =
            format!("SELECT e.id FROM events e WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?");
        let ids = page_ids(self, &sql, p, page)?;
        Ok(Page {
            items: rows_by_id(self, &ids, crate::sqlite::event_row, "event")?,
            total,
        })
    }

    /// One page of articles matching `f` (copies included, each with its original's event
    /// and story); `event` keeps those of one event, copies of its articles included.
    fn article_page(
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
            // The event's articles and the copies of them (indexes `articles_event`,
            // `articles_duplicate_of`), then the exact rule: a copy is in its original's event.
            // first, so that `?1` is numbered before the plain `?`s (SQLite's rule)
            conds.insert(
                0,
                "x.rowid IN (SELECT rowid FROM articles WHERE event = ?1
                    UNION SELECT c.rowid FROM articles c JOIN articles g ON g.id = c.duplicate_of
                    WHERE g.event = ?1)
                 AND coalesce(o.event, x.event) = ?1"
                    .into(),
            );
            p.insert(0, Value::Text(e.to_string()));
        }
        let cond = where_sql(&conds);
        let from = "FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of";
        // the join only matters to the event condition; without it SQLite counts an index
        let count_from = if event.is_some() {
            from
        } else {
            "FROM articles x"
        };
        let total = count(
            self,
            &format!("SELECT count(*) {count_from} WHERE {cond}"),
            &p,
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
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(params_from_iter(p.iter()), crate::sqlite::article_from_row)?;
        Ok(Page {
            items: rows.collect::<Result<_, _>>()?,
            total,
        })
    }

    /// One page of entities, most mentioned first; `kind` keeps one type (`PER`, …), `q`
    /// those whose name contains it (case-insensitive); `f.entity` is ignored, `f.outlet`,
    /// `f.lang` and the dates keep entities mentioned in matching articles.
    fn entity_page(
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
        let total = count(
            self,
            &format!("SELECT count(*) FROM entities e WHERE {cond}"),
            &p,
        )?;
        // Phase 1: the page's IDs in index order (`entities_rank`, `entities_type_rank`);
        // phase 2: their rows.
        let sql = format!(
            "SELECT e.id FROM entities e WHERE {cond} ORDER BY e.mentions DESC, e.id LIMIT ? OFFSET ?"
        );
        let ids = page_ids(self, &sql, p, page)?;
        Ok(Page {
            items: rows_by_id(self, &ids, crate::sqlite::entity_row, "entity")?,
            total,
        })
    }

    /// The `n` days ending on `last` (`YYYY-MM-DD`), oldest first.
    fn days_ending(&self, last: &str, n: u32) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn().prepare_cached(
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
    fn search_page(
        &self,
        query: &str,
        f: &Filter,
        page: PageReq,
    ) -> Result<Page<SearchHit>, StoreError> {
        let fts = kabar_store::rows::fts_query(query)?;
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
        let filtered = conds.len() > 1;
        let cond = conds.join(" AND ");
        // Without article filters the index alone answers: no join per match.
        let from = if filtered {
            "FROM articles_fts JOIN articles x ON x.rowid = articles_fts.rowid"
        } else {
            "FROM articles_fts"
        };
        let total = count(self, &format!("SELECT count(*) {from} WHERE {cond}"), &p)?;
        // Phase 1: the page's rows by rank (bm25 of every match, nothing else per match);
        // phase 2: title and snippet of those rows only.
        let sql = format!(
            "SELECT articles_fts.rowid, -bm25(articles_fts, 3.0, 1.0)
             {from} WHERE {cond} ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ? OFFSET ?"
        );
        let fts = p[0].clone();
        p.push(Value::Integer(page.limit as i64));
        p.push(Value::Integer(page.offset as i64));
        let hits: Vec<(i64, f64)> = {
            let mut st = self.conn().prepare(&sql)?;
            let rows = st.query_map(params_from_iter(p.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut st = self.conn().prepare_cached(
            "SELECT x.id, x.title, snippet(articles_fts, 1, char(2), char(3), '…', 16)
             FROM articles_fts JOIN articles x ON x.rowid = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2",
        )?;
        let mut items = Vec::with_capacity(hits.len());
        for (rowid, score) in hits {
            items.push(st.query_row(rusqlite::params![fts, rowid], |r| {
                Ok(SearchHit {
                    article: r.get(0)?,
                    title: r.get(1)?,
                    score,
                    snippet: r.get(2)?,
                })
            })?);
        }
        Ok(Page { items, total })
    }
}
