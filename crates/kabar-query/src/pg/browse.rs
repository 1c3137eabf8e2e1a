//! The PostgreSQL implementation of [`Browse`]: the paged lists of `src/sqlite/browse.rs`
//! in PostgreSQL's dialect. Every descending sort on a column that may be NULL says
//! `NULLS LAST` and every ascending one `NULLS FIRST`, SQLite's order.

use super::{article_from_row, entity_from_row, ids, PgReader, ENTITY_ALIASES};
use crate::browse::{Browse, DayCount, Filter, Page, PageReq, Sort, StorySummary, GROWTH_DAYS};
use kabar_store::rows::{fts_query, ArticleRow, EntityRow, EventRow, SearchHit};
use kabar_store::StoreError;
use postgres::types::ToSql;
use postgres::Client;
use std::collections::BTreeMap;

/// Conditions and their text parameters, numbered `$1`, `$2`, … as they are added.
#[derive(Default)]
struct Q {
    conds: Vec<String>,
    p: Vec<String>,
}

impl Q {
    /// A placeholder for `v`.
    fn arg(&mut self, v: &str) -> String {
        self.p.push(v.to_string());
        format!("${}", self.p.len())
    }

    fn params(&self) -> Vec<&(dyn ToSql + Sync)> {
        self.p.iter().map(|s| s as &(dyn ToSql + Sync)).collect()
    }

    fn where_sql(&self) -> String {
        if self.conds.is_empty() {
            "true".into()
        } else {
            self.conds.join(" AND ")
        }
    }

    /// Conditions on an article row aliased `x`.
    fn article(&mut self, f: &Filter) {
        if let Some(o) = &f.outlet {
            let a = self.arg(o);
            self.conds.push(format!("x.outlet = {a}"));
        }
        if let Some(l) = &f.lang {
            let a = self.arg(l);
            self.conds.push(format!("x.lang = {a}"));
        }
        if let Some(e) = &f.entity {
            let a = self.arg(e);
            self.conds.push(format!(
                "EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article = x.id AND m.entity = {a})"
            ));
        }
    }

    /// Conditions on a date range `[first, last]` overlapping the filter's.
    fn range(&mut self, f: &Filter, first: &str, last: &str) {
        if let Some(from) = &f.from {
            let a = self.arg(from);
            self.conds.push(format!("substr({last}, 1, 10) >= {a}"));
        }
        if let Some(to) = &f.to {
            let a = self.arg(to);
            self.conds.push(format!("substr({first}, 1, 10) <= {a}"));
        }
    }

    /// `EXISTS` over the articles of a group (`x.{col} = {outer}.id`) when the filter
    /// names an article property.
    fn group(&mut self, f: &Filter, col: &str, outer: &str) {
        let before = self.conds.len();
        self.article(f);
        let inner: Vec<String> = self.conds.drain(before..).collect();
        if !inner.is_empty() {
            self.conds.push(format!(
                "EXISTS (SELECT 1 FROM articles x WHERE x.{col} = {outer}.id AND {})",
                inner.join(" AND ")
            ));
        }
    }
}

/// `LIMIT … OFFSET …` of a page (numbers, not parameters).
fn limit_sql(page: PageReq) -> String {
    format!(
        "LIMIT {} OFFSET {}",
        page.limit.min(i64::MAX as u64),
        page.offset.min(i64::MAX as u64)
    )
}

fn count(c: &mut Client, sql: &str, q: &Q) -> Result<u64, StoreError> {
    Ok(c.query_one(sql, &q.params())?.get::<_, i64>(0) as u64)
}

/// A date-function error (a day that is not one): the caller falls back as SQLite's
/// `date()` gives NULL.
fn is_bad_date(e: &postgres::Error) -> bool {
    e.code().is_some_and(|c| c.code().starts_with("22"))
}

/// The day `days` before `day` (`YYYY-MM-DD`); `day` itself when it is not a date.
fn day_minus(c: &mut Client, day: &str, days: i64) -> Result<String, StoreError> {
    match c.query_one(
        "SELECT to_char($1::text::date - $2::int, 'YYYY-MM-DD')",
        &[&day, &(days as i32)],
    ) {
        Ok(r) => Ok(r.get(0)),
        Err(e) if is_bad_date(&e) => Ok(day.to_string()),
        Err(e) => Err(e.into()),
    }
}

/// Articles of story `s` in the last [`GROWTH_DAYS`] days (from `g1`) minus those in the
/// [`GROWTH_DAYS`] before (from `g0`); `g1`, `g0` are placeholders.
fn growth_sql(g1: &str, g0: &str) -> String {
    format!(
        "(SELECT coalesce(sum((substr(published, 1, 10) >= {g1})::int), 0)
               - coalesce(sum((substr(published, 1, 10) >= {g0}
                               AND substr(published, 1, 10) < {g1})::int), 0)
          FROM articles WHERE story = s.id)"
    )
}

/// Event rows by ID, in the order given (named outlets counted as `kabar event` does).
fn event_rows(c: &mut Client, ids_: &[String]) -> Result<Vec<EventRow>, StoreError> {
    let rows = c.query(
        "SELECT e.id, e.title, e.first, e.last, e.story,
            (SELECT array_agg(id ORDER BY published IS NULL, published, rowid)
               FROM articles WHERE event = e.id),
            (SELECT count(DISTINCT outlet) FROM articles WHERE event = e.id
                AND outlet IS NOT NULL AND outlet != '')
         FROM unnest($1::text[]) WITH ORDINALITY j(id, k) JOIN events e ON e.id = j.id
         ORDER BY j.k",
        &[&ids_],
    )?;
    Ok(rows.iter().map(kabar_store::pg::event_row).collect())
}

/// Entity rows by ID, in the order given.
fn entity_rows(c: &mut Client, ids_: &[String]) -> Result<Vec<EntityRow>, StoreError> {
    let sql = format!(
        "SELECT e.id, e.name, e.type, {ENTITY_ALIASES}, e.mentions, e.articles
         FROM unnest($1::text[]) WITH ORDINALITY j(id, k) JOIN entities e ON e.id = j.id
         ORDER BY j.k"
    );
    Ok(c.query(&sql, &[&ids_])?
        .iter()
        .map(entity_from_row)
        .collect())
}

fn first_column(c: &mut Client, sql: &str, q: &Q) -> Result<Vec<String>, StoreError> {
    Ok(c.query(sql, &q.params())?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

impl Browse for PgReader {
    fn latest_day(&self) -> Result<Option<String>, StoreError> {
        self.client(|c| {
            Ok(c.query_one(
                "SELECT substr(max(published), 1, 10) FROM articles WHERE published IS NOT NULL",
                &[],
            )?
            .get(0))
        })
    }

    fn outlets(&self) -> Result<Vec<(String, u64)>, StoreError> {
        self.client(|c| {
            Ok(c.query(
                "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet != ''
                 GROUP BY outlet ORDER BY count(*) DESC, outlet",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get::<_, i64>(1) as u64))
            .collect())
        })
    }

    fn names_of(&self, ids_: &[String]) -> Result<BTreeMap<String, String>, StoreError> {
        self.client(|c| {
            Ok(c.query(
                "SELECT id, name FROM entities WHERE id = ANY($1::text[])",
                &[&ids_],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
        })
    }

    fn story_page(
        &self,
        f: &Filter,
        sort: Sort,
        page: PageReq,
    ) -> Result<Page<StorySummary>, StoreError> {
        let now = self.latest_day()?.unwrap_or_else(|| "9999-12-31".into());
        self.client(|c| {
            let g1 = day_minus(c, &now, GROWTH_DAYS - 1)?;
            let g0 = day_minus(c, &now, 2 * GROWTH_DAYS - 1)?;
            let mut q = Q::default();
            q.range(f, "s.first", "s.last");
            q.group(f, "story", "s");
            let cond = q.where_sql();
            let total = count(
                c,
                &format!("SELECT count(*) FROM stories s WHERE {cond}"),
                &q,
            )?;
            let order = match sort {
                Sort::Latest => "s.last IS NULL, s.last DESC, s.articles DESC, s.id",
                Sort::Oldest => "s.first IS NULL, s.first, s.id",
                Sort::Biggest => "s.articles DESC, s.last DESC NULLS LAST, s.id",
                Sort::Growth => "growth DESC, s.articles DESC, s.last DESC NULLS LAST, s.id",
            };
            let growth = if sort == Sort::Growth {
                let (a1, a0) = (q.arg(&g1), q.arg(&g0));
                format!(
                    "CASE WHEN s.last >= {a0} THEN {} ELSE 0 END",
                    growth_sql(&a1, &a0)
                )
            } else {
                "0".into()
            };
            let sql = format!(
                "SELECT s.id, {growth} AS growth
                 FROM stories s
                 WHERE {cond} ORDER BY {order} {}",
                limit_sql(page)
            );
            let ids_ = first_column(c, &sql, &q)?;
            let rows = c.query(
                &format!(
                    "SELECT s.id, s.title, s.first, s.last,
                        (SELECT array_agg(id ORDER BY first IS NULL, first, id)
                           FROM events WHERE story = s.id),
                        (SELECT array_agg(id ORDER BY published IS NULL, published, rowid)
                           FROM articles WHERE story = s.id),
                        (SELECT count(DISTINCT outlet) FROM articles WHERE story = s.id
                            AND outlet IS NOT NULL AND outlet != ''),
                        {}
                     FROM unnest($3::text[]) WITH ORDINALITY j(id, k)
                     JOIN stories s ON s.id = j.id ORDER BY j.k",
                    growth_sql("$1", "$2")
                ),
                &[&g1, &g0, &ids_],
            )?;
            let items = rows
                .iter()
                .map(|r| StorySummary {
                    id: r.get(0),
                    title: r.get(1),
                    first: r.get(2),
                    last: r.get(3),
                    events: ids(r, 4),
                    articles: ids(r, 5),
                    outlets: r.get::<_, i64>(6) as u64,
                    growth: r.get(7),
                })
                .collect();
            Ok(Page { items, total })
        })
    }

    fn story_days(&self, story: &str, from: Option<&str>) -> Result<Vec<DayCount>, StoreError> {
        self.client(|c| {
            Ok(c.query(
                "SELECT substr(published, 1, 10) AS d, nullif(outlet, ''), count(*) FROM articles
                 WHERE story = $1 AND published IS NOT NULL AND substr(published, 1, 10) >= $2
                 GROUP BY d, outlet ORDER BY d, outlet NULLS FIRST",
                &[&story, &from.unwrap_or("")],
            )?
            .iter()
            .map(|r| DayCount {
                day: r.get(0),
                outlet: r.get(1),
                articles: r.get::<_, i64>(2) as u64,
            })
            .collect())
        })
    }

    fn event_page(
        &self,
        f: &Filter,
        sort: Sort,
        story: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EventRow>, StoreError> {
        let mut q = Q::default();
        q.range(f, "e.first", "e.last");
        q.group(f, "event", "e");
        if let Some(s) = story {
            let a = q.arg(s);
            q.conds.push(format!("e.story = {a}"));
        }
        let cond = q.where_sql();
        let order = match sort {
            Sort::Latest => "e.last IS NULL, e.last DESC, e.id",
            Sort::Oldest => "e.first IS NULL, e.first, e.id",
            Sort::Biggest | Sort::Growth => "e.articles DESC, e.last DESC NULLS LAST, e.id",
        };
        self.client(|c| {
            let total = count(
                c,
                &format!("SELECT count(*) FROM events e WHERE {cond}"),
                &q,
            )?;
            let sql = format!(
                "SELECT e.id
                 FROM events e
                 WHERE {cond} ORDER BY {order} {}",
                limit_sql(page)
            );
            let ids_ = first_column(c, &sql, &q)?;
            Ok(Page {
                items: event_rows(c, &ids_)?,
                total,
            })
        })
    }

    fn article_page(
        &self,
        f: &Filter,
        sort: Sort,
        event: Option<&str>,
        page: PageReq,
    ) -> Result<Page<ArticleRow>, StoreError> {
        let mut q = Q::default();
        if let Some(e) = event {
            // the event's articles and the copies of them; a copy is in its original's event
            let a = q.arg(e);
            q.conds.push(format!(
                "x.rowid IN (SELECT rowid FROM articles WHERE event = {a}
                    UNION SELECT c.rowid FROM articles c JOIN articles g ON g.id = c.duplicate_of
                    WHERE g.event = {a})
                 AND coalesce(o.event, x.event) = {a}"
            ));
        }
        q.range(f, "x.published", "x.published");
        q.article(f);
        let cond = q.where_sql();
        let from = "FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of";
        let order = match sort {
            Sort::Oldest => "x.published IS NULL, x.published, x.rowid",
            _ => "x.published IS NULL, x.published DESC, x.rowid DESC",
        };
        self.client(|c| {
            let total = count(c, &format!("SELECT count(*) {from} WHERE {cond}"), &q)?;
            let sql = format!(
                "SELECT x.id, x.external_id, x.source, x.title, x.outlet, x.published,
                        x.duplicate_of, coalesce(o.event, x.event), coalesce(o.story, x.story)
                 {from} WHERE {cond} ORDER BY {order} {}",
                limit_sql(page)
            );
            Ok(Page {
                items: c
                    .query(&sql, &q.params())?
                    .iter()
                    .map(article_from_row)
                    .collect(),
                total,
            })
        })
    }

    fn entity_page(
        &self,
        f: &Filter,
        kind: Option<&str>,
        name: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EntityRow>, StoreError> {
        let mut q = Q::default();
        if let Some(k) = kind {
            let a = q.arg(k);
            q.conds.push(format!("e.type = {a}"));
        }
        if let Some(n) = name {
            // SQLite's LIKE ignores case (ASCII letters); ILIKE ignores it for all letters
            let esc = n
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let a = q.arg(&format!("%{esc}%"));
            q.conds.push(format!("e.name ILIKE {a} ESCAPE '\\'"));
        }
        let af = Filter {
            entity: None,
            ..f.clone()
        };
        let before = q.conds.len();
        q.range(&af, "x.published", "x.published");
        q.article(&af);
        let inner: Vec<String> = q.conds.drain(before..).collect();
        if !inner.is_empty() {
            q.conds.push(format!(
                "EXISTS (SELECT 1 FROM entity_mentions m JOIN articles x ON x.id = m.article
                  WHERE m.entity = e.id AND {})",
                inner.join(" AND ")
            ));
        }
        let cond = q.where_sql();
        self.client(|c| {
            let total = count(
                c,
                &format!("SELECT count(*) FROM entities e WHERE {cond}"),
                &q,
            )?;
            let sql = format!(
                "SELECT e.id FROM entities e
                 WHERE {cond} ORDER BY e.mentions DESC, e.id {}",
                limit_sql(page)
            );
            let ids_ = first_column(c, &sql, &q)?;
            Ok(Page {
                items: entity_rows(c, &ids_)?,
                total,
            })
        })
    }

    fn days_ending(&self, last: &str, n: u32) -> Result<Vec<String>, StoreError> {
        // as SQLite's recursive query: at least the day itself, none when it is no date
        self.client(|c| {
            match c.query(
                "SELECT to_char($1::text::date - k, 'YYYY-MM-DD')
                 FROM generate_series(greatest($2::int - 1, 0), 0, -1) k",
                &[&last, &(n.min(i32::MAX as u32) as i32)],
            ) {
                Ok(rows) => Ok(rows.iter().map(|r| r.get(0)).collect()),
                Err(e) if is_bad_date(&e) => Ok(Vec::new()),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn search_page(
        &self,
        query: &str,
        f: &Filter,
        page: PageReq,
    ) -> Result<Page<SearchHit>, StoreError> {
        let terms = fts_query(query)?;
        if terms.is_empty() {
            return Ok(Page {
                items: Vec::new(),
                total: 0,
            });
        }
        let mut q = Q::default();
        let words = q.arg(&terms.replace('"', ""));
        q.conds.push("x.fts @@ q".into());
        q.range(f, "x.published", "x.published");
        q.article(f);
        let cond = q.where_sql();
        let from = format!("FROM articles x, plainto_tsquery('simple', {words}) q");
        self.client(|c| {
            let total = count(c, &format!("SELECT count(*) {from} WHERE {cond}"), &q)?;
            let mut q = q;
            // the snippet marks matches with U+0002 and U+0003, as SQLite's
            let opts =
                q.arg("StartSel=\u{2}, StopSel=\u{3}, MaxWords=16, MinWords=8, MaxFragments=1");
            let sql = format!(
                "SELECT h.id, h.title, h.score,
                        ts_headline('simple', h.text, plainto_tsquery('simple', {words}), {opts})
                 FROM (SELECT x.id, x.title, x.text, x.rowid, ts_rank(x.fts, q)::float8 AS score
                       {from} WHERE {cond} ORDER BY score DESC, x.rowid {}) h
                 ORDER BY h.score DESC, h.rowid",
                limit_sql(page)
            );
            Ok(Page {
                items: c
                    .query(&sql, &q.params())?
                    .iter()
                    .map(|r| SearchHit {
                        article: r.get(0),
                        title: r.get(1),
                        score: r.get(2),
                        snippet: r.get(3),
                    })
                    .collect(),
                total,
            })
        })
    }
}
