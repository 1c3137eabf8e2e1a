//! Store-level entity resolution on PostgreSQL: the rows [`crate::resolve`] reads and
//! the merges it writes, in PostgreSQL's dialect ([`EntityRows`]). The rules are the ones
//! SQLite runs ([`crate::resolve::resolve_with`]), so both stores merge the same names.

use super::{PgError, PgStore, LINK_LOCK};
use crate::resolve::{resolve_with, Merge};
use crate::resolve_rows::{EntityRows, MentionTotals};
use crate::StoreError;
use postgres::types::ToSql;
use postgres::Transaction;
use std::cell::RefCell;

/// A PostgreSQL transaction seen through [`EntityRows`] (resolution reads through
/// `&self`; the driver's transaction wants `&mut`).
pub(crate) struct PgRows<'a, 'b>(RefCell<&'a mut Transaction<'b>>);

impl<'a, 'b> PgRows<'a, 'b> {
    pub(crate) fn new(tx: &'a mut Transaction<'b>) -> Self {
        PgRows(RefCell::new(tx))
    }

    fn rows(&self, sql: &str) -> Result<Vec<postgres::Row>, StoreError> {
        Ok(self.0.borrow_mut().query(sql, &[])?)
    }

    fn pairs(&self, sql: &str) -> Result<Vec<(String, String)>, StoreError> {
        Ok(self
            .rows(sql)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    fn singles(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.rows(sql)?.iter().map(|r| r.get(0)).collect())
    }

    fn exec(&self, sql: &str, args: &[&(dyn ToSql + Sync)]) -> Result<(), StoreError> {
        self.0.borrow_mut().execute(sql, args)?;
        Ok(())
    }
}

impl EntityRows for PgRows<'_, '_> {
    fn redirects_back(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        Ok(self
            .rows(
                "SELECT r.from_id, r.to_id, r.reason FROM entity_redirects r
                 JOIN entities e ON e.id = r.from_id",
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
    }

    fn persons(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.pairs("SELECT id, name FROM entities WHERE type = 'PER'")
    }

    fn person_articles(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.pairs(
            "SELECT m.entity, m.article FROM entity_mentions m
             JOIN entities e ON e.id = m.entity WHERE e.type = 'PER'",
        )
    }

    fn titles(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.pairs("SELECT DISTINCT entity, title FROM roles")
    }

    fn non_person_names(&self) -> Result<Vec<String>, StoreError> {
        self.singles("SELECT name FROM entities WHERE type != 'PER'")
    }

    fn redirected_non_persons(&self) -> Result<Vec<String>, StoreError> {
        self.singles("SELECT from_id FROM entity_redirects WHERE from_id NOT LIKE 'per:%'")
    }

    fn mentions(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.pairs("SELECT article, entity FROM entity_mentions")
    }

    fn mention_totals(&self) -> Result<Vec<MentionTotals>, StoreError> {
        Ok(self
            .rows(
                "SELECT e.id, e.name, e.type, sum(m.mentions)::bigint, count(*), sum(m.cues)::bigint
                 FROM entities e JOIN entity_mentions m ON m.entity = e.id GROUP BY e.id",
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
            .collect())
    }

    fn place_articles(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        Ok(self
            .rows(
                "SELECT e.id, e.name, m.article FROM entities e
                 JOIN entity_mentions m ON m.entity = e.id
                 WHERE e.type IN ('GPE', 'LOC', 'ORG')",
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
    }

    fn aliases(&self, entity: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .0
            .borrow_mut()
            .query(
                "SELECT alias FROM entity_aliases WHERE entity = $1",
                &[&entity],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    fn drop_alias(&self, entity: &str, alias: &str) -> Result<(), StoreError> {
        self.exec(
            "DELETE FROM entity_aliases WHERE entity = $1 AND alias = $2",
            &[&entity, &alias],
        )
    }

    fn merge(&self, from: &str, to: &str, reason: &str) -> Result<(), StoreError> {
        if from == to {
            return Ok(());
        }
        self.exec(
            "INSERT INTO entity_aliases(entity, alias)
             SELECT $2::text, alias FROM entity_aliases WHERE entity = $1::text
             UNION SELECT $2::text, name FROM entities WHERE id = $1::text
             ON CONFLICT DO NOTHING",
            &[&from, &to],
        )?;
        self.exec(
            "DELETE FROM entity_aliases WHERE entity = $1::text
               AND alias = (SELECT name FROM entities WHERE id = $1::text)",
            &[&to],
        )?;
        self.exec("DELETE FROM entity_aliases WHERE entity = $1", &[&from])?;
        self.exec(
            "INSERT INTO entity_mentions(article, entity, mentions, cues)
             SELECT article, $2::text, mentions, cues FROM entity_mentions WHERE entity = $1::text
             ON CONFLICT(article, entity) DO UPDATE
                SET mentions = entity_mentions.mentions + excluded.mentions,
                    cues = entity_mentions.cues + excluded.cues",
            &[&from, &to],
        )?;
        self.exec("DELETE FROM entity_mentions WHERE entity = $1", &[&from])?;
        self.exec(
            "UPDATE roles SET entity = $2 WHERE entity = $1",
            &[&from, &to],
        )?;
        self.exec(
            "UPDATE quotes SET speaker = $2 WHERE speaker = $1",
            &[&from, &to],
        )?;
        let (qf, qt) = (format!("\"{from}\""), format!("\"{to}\""));
        self.exec(
            "UPDATE actions SET source = replace(source, $1, $2), target = replace(target, $1, $2),
                    record = replace(record, $1, $2)
             WHERE strpos(source, $1) > 0 OR strpos(target, $1) > 0",
            &[&qf, &qt],
        )?;
        self.exec("DELETE FROM entities WHERE id = $1", &[&from])?;
        self.exec(
            "INSERT INTO entity_redirects(from_id, to_id, reason) VALUES ($1, $2, $3)
             ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id, reason = excluded.reason",
            &[&from, &to, &reason],
        )?;
        self.exec(
            "UPDATE entity_redirects SET to_id = $2 WHERE to_id = $1",
            &[&from, &to],
        )?;
        Ok(())
    }
}

/// The word tests store-level resolution takes from the caller (see
/// [`crate::Store::resolve_entities_known`]).
pub struct NameRules<'a> {
    /// True when a (lower-case) word is no part of a person's name.
    pub not_name: &'a dyn Fn(&str) -> bool,
    /// True when a name is a place the lexicon knows.
    pub known_place: &'a dyn Fn(&str) -> bool,
    /// `(article, entity, cued mentions)` of the batch being stored (see
    /// [`crate::Store::record_type_cues`]); recorded before resolution runs.
    pub type_cues: &'a [(String, String, i64)],
}

impl PgStore {
    /// SQLite's [`crate::Store::resolve_entities_known`] on this store, in one
    /// transaction holding [`LINK_LOCK`] (batches and resolution never interleave).
    pub fn resolve_entities_known(&mut self, rules: &NameRules<'_>) -> Result<Vec<Merge>, PgError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LINK_LOCK])?;
        let merges = resolve_with(&PgRows::new(&mut tx), rules.not_name, rules.known_place)?;
        tx.commit()?;
        Ok(merges)
    }

    /// Every merge in force (redirected ID, target, evidence), by target.
    pub fn redirects(&mut self) -> Result<Vec<Merge>, PgError> {
        Ok(self
            .client
            .query(
                "SELECT from_id, to_id, reason FROM entity_redirects ORDER BY to_id, from_id",
                &[],
            )?
            .iter()
            .map(|r| Merge {
                from: r.get(0),
                to: r.get(1),
                reason: r.get(2),
            })
            .collect())
    }
}
