//! The storage behind store-level entity resolution ([`crate::resolve`]).
//!
//! Resolution's rules are a pure function of a few row sets (persons and their names,
//! which articles mention which entities, the titles persons hold, the redirects in
//! force); its only write is one merge at a time. [`EntityRows`] is that interface, so
//! both backends run the same rules: SQLite's implementation is here (on a
//! `rusqlite::Transaction`), PostgreSQL's in `crate::pg::resolve`.

use crate::StoreError;
use rusqlite::{params, Transaction};

/// An entity ID, its name, its type, the sum of its mention counts, the number of
/// articles mentioning it and the number of its mentions with a context cue for its type
/// (0 where the backend records no cues).
pub type MentionTotals = (String, String, String, i64, i64, i64);

/// The rows entity resolution reads and the one write it makes, in one transaction.
///
/// Row order does not matter: resolution sorts or keys what it reads.
pub trait EntityRows {
    /// `(from, to, reason)` of every redirect whose `from` ID is an entity again (a later
    /// batch brought the merged ID back).
    fn redirects_back(&self) -> Result<Vec<(String, String, String)>, StoreError>;
    /// `(id, name)` of every person (`type = 'PER'`).
    fn persons(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// `(person, article)` for every mention of a person.
    fn person_articles(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// Distinct `(entity, title)` of the roles table.
    fn titles(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// Names of the stored entities that are not persons.
    fn non_person_names(&self) -> Result<Vec<String>, StoreError>;
    /// Redirected IDs that were not persons (`from_id NOT LIKE 'per:%'`).
    fn redirected_non_persons(&self) -> Result<Vec<String>, StoreError>;
    /// `(article, entity)` for every mention.
    fn mentions(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// Every mentioned entity with its mention totals (name as stored, not folded).
    fn mention_totals(&self) -> Result<Vec<MentionTotals>, StoreError>;
    /// `(id, name, article)` for every mention of a place (GPE, LOC) or organisation.
    fn place_articles(&self) -> Result<Vec<(String, String, String)>, StoreError>;
    /// Moves everything of entity `from` onto `to` (aliases, mentions, roles, quote
    /// speakers, action actors) and leaves a redirect; chains through `from` now end at
    /// `to`. A no-op when `from == to`.
    fn merge(&self, from: &str, to: &str, reason: &str) -> Result<(), StoreError>;
    /// The aliases kept for `entity`.
    fn aliases(&self, entity: &str) -> Result<Vec<String>, StoreError>;
    /// Forgets one alias of `entity`.
    fn drop_alias(&self, entity: &str, alias: &str) -> Result<(), StoreError>;
}

fn pairs(tx: &Transaction<'_>, sql: &str) -> Result<Vec<(String, String)>, StoreError> {
    let mut st = tx.prepare(sql)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn singles(tx: &Transaction<'_>, sql: &str) -> Result<Vec<String>, StoreError> {
    let mut st = tx.prepare(sql)?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl EntityRows for Transaction<'_> {
    fn redirects_back(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut st = self.prepare(
            "SELECT r.from_id, r.to_id, r.reason FROM entity_redirects r
             JOIN entities e ON e.id = r.from_id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn persons(&self) -> Result<Vec<(String, String)>, StoreError> {
        pairs(self, "SELECT id, name FROM entities WHERE type = 'PER'")
    }

    fn person_articles(&self) -> Result<Vec<(String, String)>, StoreError> {
        pairs(
            self,
            "SELECT m.entity, m.article FROM entity_mentions m
             JOIN entities e ON e.id = m.entity WHERE e.type = 'PER'",
        )
    }

    fn titles(&self) -> Result<Vec<(String, String)>, StoreError> {
        pairs(self, "SELECT DISTINCT entity, title FROM roles")
    }

    fn non_person_names(&self) -> Result<Vec<String>, StoreError> {
        singles(self, "SELECT name FROM entities WHERE type != 'PER'")
    }

    fn redirected_non_persons(&self) -> Result<Vec<String>, StoreError> {
        singles(
            self,
            "SELECT from_id FROM entity_redirects WHERE from_id NOT LIKE 'per:%'",
        )
    }

    fn mentions(&self) -> Result<Vec<(String, String)>, StoreError> {
        pairs(self, "SELECT article, entity FROM entity_mentions")
    }

    fn mention_totals(&self) -> Result<Vec<MentionTotals>, StoreError> {
        let mut st = self.prepare(
            "SELECT e.id, e.name, e.type, SUM(m.mentions), COUNT(*), SUM(m.cues) FROM entities e
             JOIN entity_mentions m ON m.entity = e.id GROUP BY e.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn place_articles(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut st = self.prepare(
            "SELECT e.id, e.name, m.article FROM entities e
             JOIN entity_mentions m ON m.entity = e.id WHERE e.type IN ('GPE', 'LOC', 'ORG')",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn aliases(&self, entity: &str) -> Result<Vec<String>, StoreError> {
        let mut st = self.prepare_cached("SELECT alias FROM entity_aliases WHERE entity = ?1")?;
        let rows = st.query_map([entity], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn drop_alias(&self, entity: &str, alias: &str) -> Result<(), StoreError> {
        self.execute(
            "DELETE FROM entity_aliases WHERE entity = ?1 AND alias = ?2",
            params![entity, alias],
        )?;
        Ok(())
    }

    fn merge(&self, from: &str, to: &str, reason: &str) -> Result<(), StoreError> {
        if from == to {
            return Ok(());
        }
        self.execute(
            "INSERT OR IGNORE INTO entity_aliases(entity, alias)
             SELECT ?2, alias FROM entity_aliases WHERE entity = ?1
             UNION SELECT ?2, name FROM entities WHERE id = ?1",
            params![from, to],
        )?;
        self.execute(
            "DELETE FROM entity_aliases WHERE entity = ?2
               AND alias = (SELECT name FROM entities WHERE id = ?2)",
            params![from, to],
        )?;
        self.execute("DELETE FROM entity_aliases WHERE entity = ?1", [from])?;
        self.execute(
            "INSERT INTO entity_mentions(article, entity, mentions, cues)
             SELECT article, ?2, mentions, cues FROM entity_mentions WHERE entity = ?1 AND true
             ON CONFLICT(article, entity) DO UPDATE SET mentions = mentions + excluded.mentions,
                 cues = cues + excluded.cues",
            params![from, to],
        )?;
        self.execute("DELETE FROM entity_mentions WHERE entity = ?1", [from])?;
        self.execute(
            "UPDATE roles SET entity = ?2 WHERE entity = ?1",
            params![from, to],
        )?;
        self.execute(
            "UPDATE quotes SET speaker = ?2 WHERE speaker = ?1",
            params![from, to],
        )?;
        let (qf, qt) = (format!("\"{from}\""), format!("\"{to}\""));
        self.execute(
            "UPDATE actions SET source = replace(source, ?1, ?2), target = replace(target, ?1, ?2),
                    record = replace(record, ?1, ?2)
             WHERE instr(source, ?1) > 0 OR instr(target, ?1) > 0",
            params![qf, qt],
        )?;
        self.execute("DELETE FROM entities WHERE id = ?1", [from])?;
        self.execute(
            "INSERT INTO entity_redirects(from_id, to_id, reason) VALUES (?1, ?2, ?3)
             ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id, reason = excluded.reason",
            params![from, to, reason],
        )?;
        self.execute(
            "UPDATE entity_redirects SET to_id = ?2 WHERE to_id = ?1",
            params![from, to],
        )?;
        Ok(())
    }
}
