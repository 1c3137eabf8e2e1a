//! The PostgreSQL implementation of [`Reads`], [`Browse`] and [`Export`] for
//! [`PgReader`]: the statements of `src/sqlite/` in PostgreSQL's dialect, on the schema of
//! `kabar_store::pg::schema`, giving the same rows in the same order.
//!
//! What differs from SQLite, and why:
//! - the per-row counts (`events.articles`, `stories.articles`,
//!   `entities.mentions|articles`) are kept by PL/pgSQL triggers (PG schema 2) mirroring
//!   SQLite's schema-6 triggers, so pages sort on them as SQLite's do;
//! - no `rowid` on `entity_mentions`, `roles` or `actions`: "stored order" there is the
//!   order of the articles they belong to (`articles.rowid`), which is the same as long as
//!   rows are written with their article (store-level entity resolution rewrites them on
//!   SQLite only);
//! - search ranks with `ts_rank` over `simple`-dictionary lexemes, not BM25: the same hits,
//!   another order and score, and snippets without `…`.

mod browse;

use crate::export::{group_actions, write_table, ActionExport, ActionSeen, ArticleExport};
use crate::export::{Export, ExportError, Format, Table};
use crate::sqlite::{fold_role_levels, fold_roles, merge_quotes, QuoteSeen, RELATED_WINDOW};
use crate::Reads;
use kabar_core::Analysis;
use kabar_store::pg::PgStore;
pub(crate) use kabar_store::pg::{article_row as article_from_row, ids, ENTITY_ALIASES};
use kabar_store::rows::{
    ActionRow, ArticleRow, EntityRow, EventRow, QuoteRow, Related, RoleRow, SearchHit, StoryRow,
};
use kabar_store::StoreError;
use postgres::{Client, Row};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;
use std::sync::Mutex;

/// A reader of a PostgreSQL store: one connection behind a lock, so it reads through
/// `&self` as the traits want. A server keeps several (one per pooled request).
pub struct PgReader {
    store: Mutex<PgStore>,
    target: String,
}

impl std::fmt::Debug for PgReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgReader")
            .field("target", &self.target)
            .finish()
    }
}

impl PgReader {
    /// Connects to the store at `url` (`postgres://…`), migrating it to the current schema
    /// if it is older (as every PostgreSQL opener does, under the store's migration lock).
    pub fn open(url: &str) -> Result<PgReader, StoreError> {
        Ok(PgReader::new(PgStore::open(url)?))
    }

    /// A reader over an open store.
    pub fn new(store: PgStore) -> PgReader {
        PgReader {
            target: store.target().to_string(),
            store: Mutex::new(store),
        }
    }

    /// The URL the store was opened with, password redacted.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs `f` on the connection. Never call a trait method inside `f`: the lock is held.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut PgStore) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut s = self.store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut s)
    }

    /// Runs `f` on the driver's client (the lock held, as in [`PgReader::with`]).
    fn client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.with(|s| f(s.client()))
    }

    /// Row counts by table, for `/api/v1/health` and summaries.
    pub fn counts(&self) -> Result<BTreeMap<&'static str, i64>, StoreError> {
        self.with(|s| Ok(s.counts()?))
    }

    /// A number that changes when any transaction that wrote has begun since it was
    /// last read (the cluster's next transaction ID): what SQLite's `data_version` tells
    /// a cache. It may change for writes to other databases of the cluster too, which
    /// only empties a cache more often than needed.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.client(|c| {
            Ok(c.query_one(
                "SELECT txid_snapshot_xmax(txid_current_snapshot())::bigint",
                &[],
            )?
            .get(0))
        })
    }
}

/// `(SELECT array of aliases)` of entity `e`, in byte order as SQLite's primary key keeps
/// them.
/// An entity row from id, name, type, aliases, mentions, articles.
pub(crate) fn entity_from_row(r: &Row) -> EntityRow {
    EntityRow {
        id: r.get(0),
        name: r.get(1),
        kind: r.get(2),
        aliases: ids(r, 3),
        mentions: r.get::<_, Option<i64>>(4).unwrap_or(0),
        articles: r.get::<_, Option<i64>>(5).unwrap_or(0),
    }
}

fn quote_from_row(r: &Row) -> QuoteSeen {
    (r.get(0), r.get(1), r.get(2), r.get(3))
}

/// Each string once, in order of first appearance.
fn first_seen(v: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    v.into_iter().filter(|a| seen.insert(a.clone())).collect()
}

/// The earliest calendar date of a role group, else its earliest date of any kind (week
/// values such as `2025-W41` do not sort with calendar dates); `agg` is `min` or `max`.
fn role_date(agg: &str) -> String {
    format!("coalesce({agg}(CASE WHEN r.date LIKE '%W%' THEN NULL ELSE r.date END), {agg}(r.date))")
}

impl Reads for PgReader {
    fn articles(&self) -> Result<Vec<ArticleRow>, StoreError> {
        self.with(|s| Ok(s.articles()?))
    }

    fn analysis(&self, id: &str) -> Result<Analysis, StoreError> {
        self.with(|s| Ok(s.analysis(id)?))
    }

    fn article_row(&self, id: &str) -> Result<ArticleRow, StoreError> {
        self.client(|c| {
            c.query_opt(
                "SELECT x.id, x.external_id, x.source, x.title, x.outlet, x.published,
                        x.duplicate_of, coalesce(o.event, x.event), coalesce(o.story, x.story)
                 FROM articles x LEFT JOIN articles o ON o.id = x.duplicate_of WHERE x.id = $1",
                &[&id],
            )?
            .as_ref()
            .map(article_from_row)
            .ok_or_else(|| StoreError::NotFound(format!("no article {id}")))
        })
    }

    fn article_url(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.client(|c| {
            Ok(
                c.query_opt("SELECT url FROM articles WHERE id = $1", &[&id])?
                    .and_then(|r| r.get(0)),
            )
        })
    }

    fn events(&self) -> Result<Vec<EventRow>, StoreError> {
        self.with(|s| Ok(s.events()?))
    }

    fn event(&self, id: &str) -> Result<EventRow, StoreError> {
        self.with(|s| Ok(s.event(id)?))
    }

    fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        self.with(|s| Ok(s.stories()?))
    }

    fn story(&self, id: &str) -> Result<StoryRow, StoreError> {
        self.with(|s| Ok(s.story(id)?))
    }

    fn story_events(&self, id: &str) -> Result<Vec<EventRow>, StoreError> {
        self.with(|s| Ok(s.story_events(id)?))
    }

    fn actions_of(&self, articles: &[String]) -> Result<Vec<ActionRow>, StoreError> {
        let rows = self.client(|c| {
            Ok(c.query(
                "SELECT j.value, x.record, x.date, x.text, a.published
                 FROM unnest($1::text[]) WITH ORDINALITY j(value, k)
                 JOIN actions x ON x.article = j.value
                 LEFT JOIN articles a ON a.id = x.article
                 ORDER BY j.k, x.idx",
                &[&articles],
            )?)
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.push(ActionRow {
                article: r.get(0),
                action: serde_json::from_str(r.get::<_, &str>(1))?,
                date: r.get(2),
                text: r.get(3),
                published: r.get(4),
            });
        }
        Ok(out)
    }

    fn quotes_of(&self, articles: &[String]) -> Result<Vec<QuoteRow>, StoreError> {
        let rows = self.client(|c| {
            Ok(c.query(
                "SELECT j.value, q.speaker, q.text, q.direct
                 FROM unnest($1::text[]) WITH ORDINALITY j(value, k)
                 JOIN quotes q ON q.article = j.value
                 ORDER BY j.k, q.idx",
                &[&articles],
            )?)
        })?;
        merge_quotes(rows.iter().map(quote_from_row).collect())
    }

    fn entities_of(&self, articles: &[String]) -> Result<Vec<EntityRow>, StoreError> {
        let sql = format!(
            "WITH c AS (SELECT m.entity AS id, sum(m.mentions)::bigint AS n, count(*) AS k
                        FROM unnest($1::text[]) j(value)
                        JOIN entity_mentions m ON m.article = j.value GROUP BY m.entity)
             SELECT e.id, e.name, e.type, {ENTITY_ALIASES}, c.n, c.k
             FROM c JOIN entities e ON e.id = c.id"
        );
        let mut out: Vec<EntityRow> = self.client(|c| {
            Ok(c.query(&sql, &[&articles])?
                .iter()
                .map(entity_from_row)
                .collect())
        })?;
        out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    fn outlets_of(&self, articles: &[String]) -> Result<BTreeSet<String>, StoreError> {
        self.client(|c| {
            Ok(c.query(
                "SELECT DISTINCT a.outlet FROM unnest($1::text[]) j(value)
                 JOIN articles a ON a.id = j.value WHERE a.outlet IS NOT NULL",
                &[&articles],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
        })
    }

    fn entities(&self) -> Result<Vec<EntityRow>, StoreError> {
        self.with(|s| Ok(s.entities()?))
    }

    fn find_entity(&self, id_or_name: &str) -> Result<EntityRow, StoreError> {
        self.with(|s| Ok(s.find_entity(id_or_name)?))
    }

    fn roles(&self, entity: &str) -> Result<Vec<RoleRow>, StoreError> {
        let sql = format!(
            "SELECT r.title, r.of, {}, {}, array_agg(r.article ORDER BY a.rowid)
             FROM roles r LEFT JOIN articles a ON a.id = r.article WHERE r.entity = $1
             GROUP BY r.title, r.of ORDER BY r.title COLLATE \"C\", r.of COLLATE \"C\" NULLS FIRST",
            role_date("min"),
            role_date("max")
        );
        let rows = self.client(|c| Ok(c.query(&sql, &[&entity])?))?;
        Ok(fold_roles(
            rows.iter()
                .map(|r| RoleRow {
                    title: r.get(0),
                    of: r.get(1),
                    first: r.get(2),
                    last: r.get(3),
                    articles: first_seen(ids(r, 4)),
                })
                .collect(),
        ))
    }

    fn role_levels(&self, entity: &str) -> Result<Vec<String>, StoreError> {
        let sql = format!(
            "SELECT r.title, r.of, {} FROM roles r WHERE r.entity = $1
             GROUP BY r.title, r.of ORDER BY r.title COLLATE \"C\", r.of COLLATE \"C\" NULLS FIRST",
            role_date("min")
        );
        let rows = self.client(|c| Ok(c.query(&sql, &[&entity])?))?;
        Ok(fold_role_levels(
            rows.iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect(),
        ))
    }

    fn quotes_by(&self, entity: &str) -> Result<Vec<QuoteRow>, StoreError> {
        let rows = self.client(|c| {
            Ok(c.query(
                "SELECT q.article, q.speaker, q.text, q.direct
                 FROM quotes q JOIN articles a ON a.id = q.article
                 WHERE q.speaker = $1 ORDER BY a.published NULLS FIRST, a.rowid, q.idx",
                &[&entity],
            )?)
        })?;
        merge_quotes(rows.iter().map(quote_from_row).collect())
    }

    fn related(&self, entity: &str, limit: usize) -> Result<Vec<Related>, StoreError> {
        // bounded as on SQLite, over the entity's RELATED_WINDOW most recently stored
        // articles (by the articles' insertion order: mentions have no rowid here)
        self.client(|c| {
            Ok(c.query(
                "WITH recent AS (SELECT m.article FROM entity_mentions m
                                 JOIN articles a ON a.id = m.article
                                 WHERE m.entity = $1 ORDER BY a.rowid DESC LIMIT $3)
                 SELECT m2.entity, e.name, count(*) AS w
                 FROM recent m1 JOIN entity_mentions m2
                   ON m2.article = m1.article AND m2.entity != $1
                 JOIN entities e ON e.id = m2.entity
                 GROUP BY m2.entity, e.name ORDER BY w DESC, m2.entity LIMIT $2",
                &[&entity, &(limit as i64), &RELATED_WINDOW],
            )?
            .iter()
            .map(|r| Related {
                id: r.get(0),
                name: r.get(1),
                weight: r.get(2),
            })
            .collect())
        })
    }

    fn actions_involving(&self, entity: &str) -> Result<Vec<ActionRow>, StoreError> {
        let pattern = format!("%\"{}\"%", entity.replace('%', "").replace('_', "\\_"));
        // the articles each once, in ID order (as SQLite's DISTINCT over the primary key
        // of `actions` gives them)
        let arts: Vec<String> = self.client(|c| {
            Ok(c.query(
                "SELECT DISTINCT article FROM actions
                 WHERE source LIKE $1 ESCAPE '\\' OR target LIKE $1 ESCAPE '\\'
                 ORDER BY article",
                &[&pattern],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
        })?;
        Ok(self
            .actions_of(&arts)?
            .into_iter()
            .filter(|a| {
                a.action.source.iter().any(|s| s == entity)
                    || a.action.target.iter().any(|t| t == entity)
            })
            .collect())
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.with(|s| Ok(s.search(query, limit)?))
    }
}

impl Export for PgReader {
    fn export(&self, table: Table, fmt: Format, out: &mut dyn Write) -> Result<(), ExportError> {
        write_table(self, table, fmt, out, |sink| {
            let rows = self.client(|c| {
                Ok(c.query(
                    "SELECT a.id, a.title, a.outlet, a.published, a.url, a.lang, a.duplicate_of,
                            coalesce(o.event, a.event), coalesce(o.story, a.story)
                     FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
                     ORDER BY a.published IS NULL, a.published, a.rowid",
                    &[],
                )?)
            })?;
            for r in rows {
                sink.row(&ArticleExport {
                    id: r.get(0),
                    title: r.get(1),
                    outlet: r.get(2),
                    published: r.get(3),
                    url: r.get(4),
                    lang: r.get(5),
                    duplicate_of: r.get(6),
                    event: r.get(7),
                    story: r.get(8),
                })?;
            }
            Ok(())
        })
    }

    fn action_exports(&self) -> Result<Vec<ActionExport>, StoreError> {
        let seen = self.client(|c| {
            Ok(c.query(
                "SELECT coalesce(x.date, substr(a.published, 1, 10)), x.type, x.kind, x.source,
                        x.target, x.article, a.url
                 FROM actions x JOIN articles a ON a.id = x.article WHERE NOT x.negated
                 ORDER BY a.rowid, x.idx",
                &[],
            )?
            .iter()
            .map(|r| ActionSeen {
                date: r.get(0),
                plover: r.get(1),
                kind: r.get(2),
                source: r.get(3),
                target: r.get(4),
                article: r.get(5),
                url: r.get(6),
            })
            .collect())
        })?;
        group_actions(self, seen, |id| self.country_of(id))
    }
}

impl PgReader {
    /// A country for an entity: itself when a country (`gpe:`), else the country its
    /// most reported role is of, else none (as on SQLite).
    fn country_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        if id.starts_with("gpe:") {
            return Ok(Some(id.to_string()));
        }
        self.client(|c| {
            Ok(c.query_opt(
                "SELECT of FROM roles WHERE entity = $1 AND of LIKE 'gpe:%'
                 GROUP BY of ORDER BY count(*) DESC, of COLLATE \"C\" LIMIT 1",
                &[&id],
            )?
            .map(|r| r.get(0)))
        })
    }
}
