//! The PostgreSQL write side: one transaction per batch, under the link lock.
//!
//! The statements are SQLite's (`crate::write`, `crate::link_extra`) in PostgreSQL's
//! dialect; what differs is that linking's extras (why, redirects, orphan removal, labels)
//! are written in the same transaction as the articles and their links, so a batch is
//! all or nothing even for a reader on another machine.

use super::resolve::{NameRules, PgRows};
use super::{PgError, PgStore, LINK_LOCK};
use crate::error::LinkError;
use crate::resolve::resolve_with;
use crate::{ArticleLinks, BatchSummary, StoreError};
use kabar_core::Analysis;
use postgres::Transaction;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::{Duration, Instant};

/// What the linking step of a PostgreSQL batch returns: the assignments, the new linker
/// state, and linking's extras (see [`crate::Store::save_link_extras`]).
#[derive(Debug, Default)]
pub struct PgBatch {
    /// Where each new (or re-linked) article goes.
    pub links: Vec<ArticleLinks>,
    /// The linker's new state.
    pub state: Vec<u8>,
    /// `(article, why JSON)`.
    pub why: Vec<(String, String)>,
    /// `(retired event or story ID, surviving ID)`.
    pub redirects: Vec<(String, String)>,
}

/// The linking step of a PostgreSQL batch: the new articles and the saved linker state in,
/// a [`PgBatch`] out.
pub type PgLinkFn<'a> = dyn FnMut(&[&Analysis], Option<Vec<u8>>) -> Result<PgBatch, LinkError> + 'a;

/// Timings of one batch's locked section (benchmarks).
#[derive(Debug, Clone, Copy, Default)]
pub struct LockTimes {
    /// Time spent waiting for [`LINK_LOCK`].
    pub waited: Duration,
    /// Time the lock was held (storing, linking, resolving, committing).
    pub held: Duration,
    /// Of `held`, the time writing the articles and their entity, role, action and quote
    /// rows took.
    pub storing: Duration,
    /// Of `held`, the time the linking step took (reading the linker state, linking,
    /// writing links, the state and linking's extras).
    pub linking: Duration,
    /// Of `held`, the time store-level entity resolution took.
    pub resolving: Duration,
    /// Of `held`, the time the commit took.
    pub committing: Duration,
}

impl LockTimes {
    /// Adds another batch's times to these.
    pub fn add(&mut self, o: &LockTimes) {
        self.waited += o.waited;
        self.held += o.held;
        self.storing += o.storing;
        self.linking += o.linking;
        self.resolving += o.resolving;
        self.committing += o.committing;
    }
}

impl PgStore {
    /// True when an article with this ID is stored.
    pub fn has_article(&mut self, id: &str) -> Result<bool, PgError> {
        Ok(self
            .client
            .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&id])?
            .is_some())
    }

    /// Stores a batch of analyses and links the new ones in one transaction holding
    /// [`LINK_LOCK`]: other writers wait for it (their analysis goes on meanwhile), and a
    /// batch is either wholly stored and linked or not at all.
    pub fn ingest_batch(
        &mut self,
        analyses: &[Analysis],
        link: &mut PgLinkFn<'_>,
    ) -> Result<(BatchSummary, LockTimes), PgError> {
        self.ingest_batch_resolving(analyses, link, None)
    }

    /// [`PgStore::ingest_batch`], then, when the batch added articles and `rules` are
    /// given, store-level entity resolution ([`crate::resolve`]) in the same transaction,
    /// as SQLite's ingest runs it after each batch: a batch is stored, linked and
    /// resolved, or not at all.
    pub fn ingest_batch_resolving(
        &mut self,
        analyses: &[Analysis],
        link: &mut PgLinkFn<'_>,
        rules: Option<&NameRules<'_>>,
    ) -> Result<(BatchSummary, LockTimes), PgError> {
        let asked = Instant::now();
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LINK_LOCK])?;
        let locked = Instant::now();
        let mut summary = BatchSummary::default();
        let ids: Vec<&str> = analyses.iter().map(|a| a.id.as_str()).collect();
        let stored: HashSet<String> = tx
            .query("SELECT id FROM articles WHERE id = ANY($1)", &[&ids])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut seen = HashSet::new();
        let mut fresh: Vec<&Analysis> = Vec::new();
        for a in analyses {
            if stored.contains(&a.id) || !seen.insert(a.id.as_str()) {
                summary.already_stored += 1;
                continue;
            }
            fresh.push(a);
        }
        let mut times = LockTimes::default();
        let start = Instant::now();
        insert_articles(&mut tx, &fresh)?;
        times.storing = start.elapsed();
        let start = Instant::now();
        summary.added = fresh.len();
        if !fresh.is_empty() {
            let state: Option<Vec<u8>> = tx
                .query_opt("SELECT state FROM link_state WHERE id = 1", &[])?
                .map(|r| r.get(0));
            let batch = link(&fresh, state).map_err(StoreError::Link)?;
            apply_links(&mut tx, &batch.links)?;
            summary.duplicates = batch
                .links
                .iter()
                .filter(|l| l.duplicate_of.is_some())
                .count();
            tx.execute(
                "INSERT INTO link_state(id, state) VALUES (1, $1)
                 ON CONFLICT(id) DO UPDATE SET state = excluded.state",
                &[&batch.state],
            )?;
            save_extras(&mut tx, &batch.why, &batch.redirects)?;
        }
        let count = |tx: &mut Transaction<'_>, t: &str| -> Result<usize, PgError> {
            let n: i64 = tx
                .query_one(&format!("SELECT count(*) FROM {t}"), &[])?
                .get(0);
            Ok(n as usize)
        };
        summary.events = count(&mut tx, "events")?;
        summary.stories = count(&mut tx, "stories")?;
        times.linking = start.elapsed();
        if let Some(rules) = rules.filter(|_| summary.added > 0) {
            let start = Instant::now();
            record_type_cues(&mut tx, rules.type_cues)?;
            resolve_with(&PgRows::new(&mut tx), rules.not_name, rules.known_place)?;
            times.resolving = start.elapsed();
        }
        let start = Instant::now();
        tx.commit()?;
        times.committing = start.elapsed();
        times.waited = locked - asked;
        times.held = locked.elapsed();
        Ok((summary, times))
    }
}

/// The rows of a batch's articles, column by column, for one multi-row statement per
/// table (a statement per row cost one round trip each: about 100 per article, the
/// larger part of the time the link lock was held; docs/BENCHMARKS.md).
#[derive(Default)]
struct Rows {
    art_id: Vec<String>,
    art_external: Vec<Option<String>>,
    art_source: Vec<String>,
    art_title: Vec<Option<String>>,
    art_url: Vec<Option<String>>,
    art_outlet: Vec<Option<String>>,
    art_published: Vec<Option<String>>,
    art_lang: Vec<String>,
    art_text: Vec<String>,
    art_analysis: Vec<Vec<u8>>,
    ent: [Vec<String>; 3],
    alias: [Vec<String>; 2],
    /// (article, entity) → index in `mention_*`: one row per pair, counts summed, as the
    /// row-by-row `ON CONFLICT … DO UPDATE` summed them.
    mention_at: HashMap<(String, String), usize>,
    mention_article: Vec<String>,
    mention_entity: Vec<String>,
    mention_count: Vec<i64>,
    role: [Vec<Option<String>>; 5],
    act_text: [Vec<String>; 7],
    act_date: Vec<Option<String>>,
    act_idx: Vec<i64>,
    act_negated: Vec<bool>,
    quote_article: Vec<String>,
    quote_idx: Vec<i64>,
    quote_speaker: Vec<Option<String>>,
    quote_text: Vec<String>,
    quote_direct: Vec<bool>,
}

impl Rows {
    fn add(&mut self, a: &Analysis) -> Result<(), PgError> {
        let published = a.published.as_ref().map(|p| p.value.clone());
        self.art_id.push(a.id.clone());
        self.art_external.push(a.external_id.clone());
        self.art_source.push(a.source.clone());
        self.art_title.push(a.title.clone());
        self.art_url.push(a.url.clone());
        self.art_outlet.push(a.outlet.clone());
        self.art_published.push(published.clone());
        self.art_lang.push(a.lang.code().to_string());
        self.art_text.push(a.text.clone());
        self.art_analysis.push(crate::packed::encode(a)?);
        let article_date = published
            .as_deref()
            .map(|p| p.get(..10).unwrap_or(p).to_string());
        for e in &a.entities {
            for (col, v) in self.ent.iter_mut().zip([&e.id, &e.name, e.kind.label()]) {
                col.push(v.to_string());
            }
            let aliases = e.stored_aliases();
            for al in aliases {
                self.alias[0].push(e.id.clone());
                self.alias[1].push(al.to_string());
            }
            let n = e.mentions.len() as i64;
            match self.mention_at.get(&(a.id.clone(), e.id.clone())) {
                Some(&k) => self.mention_count[k] += n,
                None => {
                    self.mention_at
                        .insert((a.id.clone(), e.id.clone()), self.mention_count.len());
                    self.mention_article.push(a.id.clone());
                    self.mention_entity.push(e.id.clone());
                    self.mention_count.push(n);
                }
            }
            for r in &e.roles {
                let date = r.date.clone().or_else(|| article_date.clone());
                let row = [
                    Some(e.id.clone()),
                    Some(r.title.clone()),
                    r.of.clone(),
                    date,
                    Some(a.id.clone()),
                ];
                for (col, v) in self.role.iter_mut().zip(row) {
                    col.push(v);
                }
            }
        }
        let sentence_text = |i: usize| -> String {
            a.sentences
                .get(i)
                .map(|s| a.text.chars().skip(s.start).take(s.end - s.start).collect())
                .unwrap_or_default()
        };
        for (i, act) in a.actions.iter().enumerate() {
            let row = [
                a.id.clone(),
                act.plover.name().to_string(),
                act.kind.clone(),
                serde_json::to_string(&act.source)?,
                serde_json::to_string(&act.target)?,
                sentence_text(act.sentence),
                serde_json::to_string(act)?,
            ];
            for (col, v) in self.act_text.iter_mut().zip(row) {
                col.push(v);
            }
            self.act_idx.push(i as i64);
            // the act's own date only, as in the SQLite store
            self.act_date.push(act.date.clone());
            self.act_negated.push(act.negated);
        }
        for (i, q) in a.quotes.iter().enumerate() {
            self.quote_article.push(a.id.clone());
            self.quote_idx.push(i as i64);
            self.quote_speaker.push(q.speaker.clone());
            self.quote_text.push(q.text.clone());
            self.quote_direct.push(q.direct);
        }
        Ok(())
    }
}

/// Writes the new articles and their entity, alias, mention, role, action and quote rows:
/// one statement per table, rows in the order the row-by-row writes used (articles get
/// their `rowid` in batch order; the first name written for an entity ID wins).
fn insert_articles(tx: &mut Transaction<'_>, fresh: &[&Analysis]) -> Result<(), PgError> {
    if fresh.is_empty() {
        return Ok(());
    }
    let mut r = Rows::default();
    for a in fresh {
        r.add(a)?;
    }
    tx.execute(
        "INSERT INTO articles(id, external_id, source, title, url, outlet, published, lang, text,
                              analysis, fts)
         SELECT u.id, u.ext, u.src, u.title, u.url, u.outlet, u.pub, u.lang, u.text, u.an,
                setweight(to_tsvector('simple', coalesce(u.title, '')), 'A')
                || to_tsvector('simple', u.text)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::bytea[])
              WITH ORDINALITY AS u(id, ext, src, title, url, outlet, pub, lang, text, an, k)
         ORDER BY u.k",
        &[
            &r.art_id,
            &r.art_external,
            &r.art_source,
            &r.art_title,
            &r.art_url,
            &r.art_outlet,
            &r.art_published,
            &r.art_lang,
            &r.art_text,
            &r.art_analysis,
        ],
    )?;
    tx.execute(
        "INSERT INTO entities(id, name, type)
         SELECT u.id, u.name, u.type
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(id, name, type, k)
         ORDER BY u.k
         ON CONFLICT(id) DO NOTHING",
        &[&r.ent[0], &r.ent[1], &r.ent[2]],
    )?;
    tx.execute(
        "INSERT INTO entity_aliases(entity, alias)
         SELECT u.e, u.a FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(e, a, k)
         ORDER BY u.k
         ON CONFLICT DO NOTHING",
        &[&r.alias[0], &r.alias[1]],
    )?;
    tx.execute(
        "INSERT INTO entity_mentions(article, entity, mentions)
         SELECT u.a, u.e, u.n
         FROM unnest($1::text[], $2::text[], $3::bigint[]) WITH ORDINALITY AS u(a, e, n, k)
         ORDER BY u.k
         ON CONFLICT(article, entity) DO UPDATE
            SET mentions = entity_mentions.mentions + excluded.mentions",
        &[&r.mention_article, &r.mention_entity, &r.mention_count],
    )?;
    tx.execute(
        "INSERT INTO roles(entity, title, of, date, article)
         SELECT u.e, u.t, u.o, u.d, u.a
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
              WITH ORDINALITY AS u(e, t, o, d, a, k)
         ORDER BY u.k",
        &[&r.role[0], &r.role[1], &r.role[2], &r.role[3], &r.role[4]],
    )?;
    let t = &r.act_text;
    tx.execute(
        "INSERT INTO actions(article, idx, type, kind, source, target, date, negated, text, record)
         SELECT u.a, u.i, u.ty, u.ki, u.so, u.ta, u.d, u.ne, u.te, u.re
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::bool[], $9::text[], $10::text[])
              WITH ORDINALITY AS u(a, i, ty, ki, so, ta, d, ne, te, re, k)
         ORDER BY u.k",
        &[
            &t[0],
            &r.act_idx,
            &t[1],
            &t[2],
            &t[3],
            &t[4],
            &r.act_date,
            &r.act_negated,
            &t[5],
            &t[6],
        ],
    )?;
    tx.execute(
        "INSERT INTO quotes(article, idx, speaker, text, direct)
         SELECT u.a, u.i, u.s, u.t, u.d
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bool[])
              WITH ORDINALITY AS u(a, i, s, t, d, k)
         ORDER BY u.k",
        &[
            &r.quote_article,
            &r.quote_idx,
            &r.quote_speaker,
            &r.quote_text,
            &r.quote_direct,
        ],
    )?;
    Ok(())
}

/// Writes the linking results and refreshes the events and stories they touch
/// (SQLite's `write::apply_links`).
fn apply_links(tx: &mut Transaction<'_>, links: &[ArticleLinks]) -> Result<(), PgError> {
    let mut events = BTreeSet::new();
    let mut stories = BTreeSet::new();
    let set =
        tx.prepare("UPDATE articles SET duplicate_of = $2, event = $3, story = $4 WHERE id = $1")?;
    for l in links {
        tx.execute(&set, &[&l.article, &l.duplicate_of, &l.event, &l.story])?;
        events.insert((l.event.clone(), l.story.clone()));
        stories.insert(l.story.clone());
    }
    let event = tx.prepare(
        "INSERT INTO events(id, story, title, first, last)
         SELECT $1::text, $2::text,
                (SELECT title FROM articles WHERE event = $1::text AND duplicate_of IS NULL
                   ORDER BY published IS NULL, published, rowid LIMIT 1),
                min(substr(published, 1, 10)), max(substr(published, 1, 10))
         FROM articles WHERE event = $1::text
         ON CONFLICT(id) DO UPDATE SET story = excluded.story, title = excluded.title,
            first = excluded.first, last = excluded.last",
    )?;
    for (e, s) in events {
        tx.execute(&event, &[&e, &s])?;
    }
    let story = tx.prepare(
        "INSERT INTO stories(id, title, first, last)
         SELECT $1::text,
                (SELECT e.title FROM events e WHERE e.story = $1::text
                   ORDER BY (SELECT count(*) FROM articles a WHERE a.event = e.id) DESC,
                            e.first IS NULL, e.first, e.seq LIMIT 1),
                min(first), max(last)
         FROM events WHERE story = $1::text
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, first = excluded.first,
            last = excluded.last",
    )?;
    for s in stories {
        tx.execute(&story, &[&s])?;
    }
    Ok(())
}

/// Linking's extras (SQLite's `Store::save_link_extras`), in the batch's transaction.
fn save_extras(
    tx: &mut Transaction<'_>,
    why: &[(String, String)],
    redirects: &[(String, String)],
) -> Result<(), PgError> {
    let put = tx.prepare(
        "INSERT INTO link_why(article, why) VALUES ($1, $2)
         ON CONFLICT(article) DO UPDATE SET why = excluded.why",
    )?;
    for (a, w) in why {
        tx.execute(&put, &[a, w])?;
    }
    for (old, new) in redirects {
        if old == new {
            continue;
        }
        tx.execute(
            "UPDATE link_redirects SET new = $2 WHERE new = $1",
            &[old, new],
        )?;
        tx.execute(
            "INSERT INTO link_redirects(old, new) VALUES ($1, $2)
             ON CONFLICT(old) DO UPDATE SET new = excluded.new",
            &[old, new],
        )?;
        tx.execute("DELETE FROM link_redirects WHERE old = $1", &[new])?;
    }
    tx.batch_execute(
        "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.event = events.id);
         DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story = stories.id);
         DELETE FROM link_redirects WHERE old IN (SELECT id FROM events)
                                       OR old IN (SELECT id FROM stories);
         UPDATE stories SET first = (SELECT min(first) FROM events e WHERE e.story = stories.id),
                            last = (SELECT max(last) FROM events e WHERE e.story = stories.id);",
    )?;
    fill_missing_titles(tx)
}

/// SQLite's `link_extra::fill_missing_titles`.
fn fill_missing_titles(tx: &mut Transaction<'_>) -> Result<(), PgError> {
    let missing: Vec<(String, Option<String>)> = tx
        .query(
            "SELECT e.id, (SELECT text FROM articles a WHERE a.event = e.id
                           ORDER BY a.duplicate_of IS NOT NULL, a.published IS NULL, a.published,
                                    a.rowid LIMIT 1)
             FROM events e WHERE e.title IS NULL OR trim(e.title) = ''",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for (id, text) in missing {
        if let Some(text) = text {
            let label = crate::link_extra::first_sentence(&text);
            tx.execute("UPDATE events SET title = $2 WHERE id = $1", &[&id, &label])?;
        }
    }
    tx.execute(
        "UPDATE stories SET title = (SELECT e.title FROM events e WHERE e.story = stories.id
             ORDER BY (SELECT count(*) FROM articles a WHERE a.event = e.id) DESC,
                      e.first IS NULL, e.first, e.seq LIMIT 1)
         WHERE title IS NULL OR trim(title) = ''",
        &[],
    )?;
    Ok(())
}

/// Records the cued mentions of the batch's entities (SQLite's
/// [`crate::Store::record_type_cues`]), in one statement.
fn record_type_cues(
    tx: &mut Transaction<'_>,
    cues: &[(String, String, i64)],
) -> Result<(), PgError> {
    let cues: Vec<&(String, String, i64)> = cues.iter().filter(|c| c.2 > 0).collect();
    if cues.is_empty() {
        return Ok(());
    }
    let article: Vec<&str> = cues.iter().map(|c| c.0.as_str()).collect();
    let entity: Vec<&str> = cues.iter().map(|c| c.1.as_str()).collect();
    let n: Vec<i64> = cues.iter().map(|c| c.2).collect();
    tx.execute(
        "UPDATE entity_mentions m SET cues = u.n
         FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(a, e, n)
         WHERE m.article = u.a AND m.entity = u.e AND m.cues != u.n",
        &[&article, &entity, &n],
    )?;
    Ok(())
}
