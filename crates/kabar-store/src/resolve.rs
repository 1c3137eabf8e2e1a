//! Store-level entity resolution: a person named by part of a name in some articles
//! ("Purbaya", "Prabowo", "Yudhi Sadewa") and by the full name in others ("Purbaya Yudhi
//! Sadewa") is one entity.
//!
//! Within one article the extractor already folds short references into the full name;
//! across articles only the store has the evidence. After each batch,
//! [`Store::resolve_entities`] looks at every person whose name is a part (the words in
//! order) of longer person names and merges it into one of them when the store's
//! evidence points there:
//!
//! - **roles**: the short and the full name hold the same title (Menteri Keuangan);
//! - **co-occurring entities**: the articles of the short name mention the same other
//!   entities as the full name's (cosine of the two entity-count vectors);
//! - **articles holding both** (an article where the extractor could not decide);
//! - **prominence**: how many articles name the full name.
//!
//! With one candidate, some evidence (a shared role, a shared article, or a context
//! similarity of at least [`MIN_SIMILARITY`]) is enough. With several ("Prabowo":
//! "Prabowo Subianto", "Listyo Sigit Prabowo") the best must take at least
//! [`MIN_SHARE`] of the combined score, else the short name stays apart. Full names are
//! never merged with each other unless one contains the other, so two people who share a
//! name part stay two.
//!
//! A merged ID is kept in `entity_redirects`, so `kabar entity per:prabowo` still finds
//! the person, and a later batch that produces the short ID again is folded in at once.

use crate::resolve_rows::{EntityRows, MentionTotals};
use crate::{Store, StoreError};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The schema migration that adds `entity_redirects` (appended to [`crate::schema::MIGRATIONS`]).
pub const MIGRATION: &str = r#"
    CREATE TABLE entity_redirects (
        from_id TEXT PRIMARY KEY,
        to_id   TEXT NOT NULL,
        reason  TEXT NOT NULL
    );
    CREATE INDEX entity_redirects_to ON entity_redirects(to_id);
"#;

/// The schema migration that adds `entity_mentions.cues`: per article, the number of an
/// entity's mentions whose context says what type of name it is (see
/// [`Store::record_type_cues`]); 0 for articles stored before it.
pub const CUES_MIGRATION: &str = r#"
    ALTER TABLE entity_mentions ADD COLUMN cues INTEGER NOT NULL DEFAULT 0;
"#;

/// Least context similarity that counts as evidence on its own.
pub const MIN_SIMILARITY: f64 = 0.15;

/// Share of the combined score the best of several candidates must take.
pub const MIN_SHARE: f64 = 0.75;

/// One merge made by [`Store::resolve_entities`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merge {
    /// The ID merged away (now a redirect).
    pub from: String,
    /// The entity it joined.
    pub to: String,
    /// The evidence, for people reading the log.
    pub reason: String,
}

/// A stored person with what resolution looks at.
struct Person {
    id: String,
    /// The name's words as written.
    words: Vec<String>,
    parts: Vec<String>,
    articles: HashSet<String>,
    titles: HashSet<String>,
}

impl Store {
    /// Merges short person names into the full name the store's evidence points to (see
    /// the module docs), in one transaction; returns the merges made. Idempotent.
    ///
    /// `not_name` says whether a word is no part of a person's name (a function word such
    /// as "Alhasil", from the caller's stop-word lists): a longer name with such a word,
    /// an all-capitals code ("SPA") or a known organisation or place among its extra words
    /// is a padded mention, never a merge target.
    pub fn resolve_entities(
        &mut self,
        not_name: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Merge>, StoreError> {
        self.resolve_entities_known(not_name, &|_| false)
    }

    /// [`Store::resolve_entities`], and a place the tagger made of a person's name part
    /// ("Giannantonio" for Fabio Di Giannantonio) joins that person when most of its
    /// articles name the person; `known_place` says whether a name is a place the lexicon
    /// knows (never merged).
    pub fn resolve_entities_known(
        &mut self,
        not_name: &dyn Fn(&str) -> bool,
        known_place: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<Merge>, StoreError> {
        // the write lock at once: resolution reads before it writes, and a deferred
        // transaction whose snapshot another writer outdated cannot take it later
        // (SQLITE_BUSY_SNAPSHOT, seen with 4 `kabar ingest` processes on one file)
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let merges = resolve_with(&tx, not_name, known_place)?;
        tx.commit()?;
        Ok(merges)
    }

    /// Records, for each `(article, entity, cues)`, how many of the entity's mentions in
    /// the article have a context cue for the type it was stored under (a title or
    /// "kata" before a person, "tim" or a score beside a team, "di" before a place). The
    /// type vote of [`Store::resolve_entities`] weighs each article's type by them. Rows
    /// of articles or entities not stored are ignored.
    pub fn record_type_cues(&mut self, cues: &[(String, String, i64)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut st = tx.prepare_cached(
                "UPDATE entity_mentions SET cues = ?3 WHERE article = ?1 AND entity = ?2 AND cues != ?3",
            )?;
            for (article, entity, n) in cues.iter().filter(|c| c.2 > 0) {
                st.execute(rusqlite::params![article, entity, n])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every merge in force (redirected ID, target, evidence), by target.
    pub fn redirects(&self) -> Result<Vec<Merge>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT from_id, to_id, reason FROM entity_redirects ORDER BY to_id, from_id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Merge {
                from: r.get(0)?,
                to: r.get(1)?,
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Where a merged entity ID now points (following chains), if it was merged.
    pub fn redirect_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        let mut cur = id.to_string();
        let mut seen = HashSet::new();
        loop {
            let next: Option<String> = rusqlite::OptionalExtension::optional(self.conn.query_row(
                "SELECT to_id FROM entity_redirects WHERE from_id = ?1",
                [&cur],
                |r| r.get(0),
            ))?;
            match next {
                Some(n) if seen.insert(n.clone()) => cur = n,
                _ => break,
            }
        }
        Ok((cur != id).then_some(cur))
    }
}

/// Resolution on any backend: folds IDs a later batch brought back into where they were
/// merged, then plans and makes the merges the rows of `db` support (see the module docs
/// and [`Store::resolve_entities_known`]). The caller owns the transaction.
pub fn resolve_with(
    db: &dyn EntityRows,
    not_name: &dyn Fn(&str) -> bool,
    known_place: &dyn Fn(&str) -> bool,
) -> Result<Vec<Merge>, StoreError> {
    let mut merges = reapply_redirects(db)?;
    let plan = plan_merges(db, not_name, known_place)?;
    for m in &plan {
        db.merge(&m.from, &m.to, &m.reason)?;
        tidy_aliases(db, &m.to)?;
    }
    merges.extend(plan);
    Ok(merges)
}

/// Splits a name into folded parts ("Purbaya Yudhi-Sadewa" → purbaya, yudhi, sadewa).
/// A word repeated right after itself is written once ("Prabowo Prabowo", a tagger's
/// doubled mention, is "Prabowo").
fn parts_of(name: &str) -> Vec<String> {
    let mut out: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    out.dedup();
    out
}

/// True when every part of `a` appears in `b` in order.
fn is_subsequence(a: &[String], b: &[String]) -> bool {
    let mut it = b.iter();
    a.iter().all(|x| it.any(|y| y == x))
}

/// A merge makes the merged entity's name an alias of the survivor; a name no reader
/// would call another name of it ("Prabowo Prabowo", a tagger's doubled mention that
/// became an entity of its own) is dropped ([`kabar_core::names::readable_alias`]).
fn tidy_aliases(db: &dyn EntityRows, entity: &str) -> Result<(), StoreError> {
    for a in db.aliases(entity)? {
        if !kabar_core::names::readable_alias(&a) {
            db.drop_alias(entity, &a)?;
        }
    }
    Ok(())
}

/// A later batch may bring back an ID that was merged away: fold it in again.
fn reapply_redirects(tx: &dyn EntityRows) -> Result<Vec<Merge>, StoreError> {
    let mut back = tx.redirects_back()?;
    // one order on every backend
    back.sort();
    let mut out = Vec::new();
    for (from, to, reason) in back {
        tx.merge(&from, &to, &reason)?;
        tidy_aliases(tx, &to)?;
        out.push(Merge { from, to, reason });
    }
    Ok(out)
}

/// Name part → the persons holding it (to find candidates without comparing all pairs).
fn persons_by_part(persons: &[Person]) -> HashMap<&str, Vec<usize>> {
    let mut by_part: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in persons.iter().enumerate() {
        for w in &p.parts {
            by_part.entry(w.as_str()).or_default().push(i);
        }
    }
    by_part
}

fn load_persons(tx: &dyn EntityRows) -> Result<Vec<Person>, StoreError> {
    let mut persons: BTreeMap<String, Person> = BTreeMap::new();
    for (id, name) in tx.persons()? {
        persons.insert(
            id.clone(),
            Person {
                id,
                words: {
                    let mut w: Vec<String> = name
                        .split(|c: char| !c.is_alphanumeric() && c != '.')
                        .map(|w| w.trim_end_matches('.'))
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect();
                    w.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
                    w
                },
                parts: parts_of(&name),
                articles: HashSet::new(),
                titles: HashSet::new(),
            },
        );
    }
    for (id, art) in tx.person_articles()? {
        if let Some(p) = persons.get_mut(&id) {
            p.articles.insert(art);
        }
    }
    for (id, title) in tx.titles()? {
        if let Some(p) = persons.get_mut(&id) {
            p.titles.insert(title);
        }
    }
    Ok(persons.into_values().collect())
}

/// Folded names of the stored organisations and places, and of those merged away
/// earlier (their IDs' slugs: "gpe:trump" merged into Donald Trump still tells that a
/// later "Trump-Xi Jinping" is padded).
fn non_person_names(tx: &dyn EntityRows) -> Result<HashSet<String>, StoreError> {
    let names = tx.non_person_names()?;
    let mut out: HashSet<String> = names.iter().map(|n| parts_of(n).join(" ")).collect();
    let gone = tx.redirected_non_persons()?;
    out.extend(
        gone.iter()
            .filter_map(|id| id.split_once(':'))
            .map(|(_, slug)| parts_of(slug).join(" ")),
    );
    Ok(out)
}

/// True when the words `f` adds to `s` look like more of a person's name: capitalised
/// (an initial, or a lower-case particle such as "bin" or "van", is fine), not all
/// capitals, not a function word, and no stored organisation or place among them.
fn clean_extension(
    s: &Person,
    f: &Person,
    not_name: &dyn Fn(&str) -> bool,
    others: &HashSet<String>,
) -> bool {
    if f.words.len() != f.parts.len() {
        return false;
    }
    // the positions of f's words that s does not cover
    let mut used = vec![false; f.parts.len()];
    let mut j = 0;
    for p in &s.parts {
        while j < f.parts.len() && &f.parts[j] != p {
            j += 1;
        }
        if j < f.parts.len() {
            used[j] = true;
            j += 1;
        }
    }
    let mut run: Vec<&str> = Vec::new();
    let mut runs: Vec<String> = Vec::new();
    for (k, w) in f.words.iter().enumerate() {
        if used[k] {
            if !run.is_empty() {
                runs.push(run.join(" "));
                run.clear();
            }
            continue;
        }
        let n = w.chars().count();
        let caps = w.chars().filter(|c| c.is_uppercase()).count();
        let name_like = match w.chars().next() {
            Some(c) if c.is_uppercase() => n == 1 || caps < n,
            Some(c) if c.is_lowercase() => n <= 4,
            _ => false,
        };
        if !name_like || not_name(&w.to_lowercase()) {
            return false;
        }
        run.push(&f.parts[k]);
    }
    if !run.is_empty() {
        runs.push(run.join(" "));
    }
    !runs.iter().any(|r| others.contains(r))
}

/// Entities of every article (for context vectors).
fn article_entities(tx: &dyn EntityRows) -> Result<HashMap<String, Vec<String>>, StoreError> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (a, e) in tx.mentions()? {
        out.entry(a).or_default().push(e);
    }
    Ok(out)
}

/// Counts of the other entities in a person's articles (its own ID and `skip` left out).
fn context(
    p: &Person,
    skip: &str,
    by_article: &HashMap<String, Vec<String>>,
) -> HashMap<String, f64> {
    let mut v: HashMap<String, f64> = HashMap::new();
    for a in &p.articles {
        for e in by_article.get(a).into_iter().flatten() {
            if e != &p.id && e != skip {
                *v.entry(e.clone()).or_default() += 1.0;
            }
        }
    }
    v
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Evidence that short name `s` is full name `f`.
struct Evidence {
    shared_articles: usize,
    shared_title: Option<String>,
    similarity: f64,
    score: f64,
}

fn evidence(s: &Person, f: &Person, by_article: &HashMap<String, Vec<String>>) -> Evidence {
    let shared_articles = s.articles.intersection(&f.articles).count();
    let shared_title = s.titles.intersection(&f.titles).min().cloned();
    let similarity = cosine(
        &context(s, &f.id, by_article),
        &context(f, &s.id, by_article),
    );
    let prominence = (1.0 + f.articles.len() as f64).ln();
    let score = (similarity
        + if shared_title.is_some() { 1.0 } else { 0.0 }
        + 0.5 * (shared_articles as f64).min(4.0))
        * prominence;
    Evidence {
        shared_articles,
        shared_title,
        similarity,
        score,
    }
}

fn is_evidence(e: &Evidence) -> bool {
    e.shared_title.is_some() || e.shared_articles > 0 || e.similarity >= MIN_SIMILARITY
}

/// The merges the store's evidence supports, shortest names first.
fn plan_merges(
    tx: &dyn EntityRows,
    not_name: &dyn Fn(&str) -> bool,
    known_place: &dyn Fn(&str) -> bool,
) -> Result<Vec<Merge>, StoreError> {
    let persons = load_persons(tx)?;
    let by_article = article_entities(tx)?;
    let others = non_person_names(tx)?;
    let by_part = persons_by_part(&persons);
    let mut plan: Vec<Merge> = Vec::new();
    let mut merged: HashSet<usize> = HashSet::new();
    let mut order: Vec<usize> = (0..persons.len()).collect();
    order.sort_by_key(|&i| persons[i].parts.len());
    for s in order {
        let sp = &persons[s];
        // a part of one or two letters ("A", "Al") says too little
        if sp.parts.is_empty() || sp.parts.iter().all(|w| w.chars().count() < 3) {
            continue;
        }
        let Some(first) = sp.parts.iter().max_by_key(|w| w.len()) else {
            continue;
        };
        let mut cands: Vec<usize> = by_part
            .get(first.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&f| {
                f != s
                    && !merged.contains(&f)
                    && persons[f].parts.len() > sp.parts.len()
                    && is_subsequence(&sp.parts, &persons[f].parts)
                    && clean_extension(sp, &persons[f], not_name, &others)
            })
            .collect();
        // a longer name holding a shorter candidate is the same person ("Retno Marsudi"
        // ⊂ "Retno Lestari Priansari Marsudi"): keep the shortest such candidates, they
        // are resolved in their own turn
        let snapshot = cands.clone();
        cands.retain(|&c| {
            !snapshot.iter().any(|&d| {
                d != c
                    && persons[d].parts.len() < persons[c].parts.len()
                    && is_subsequence(&persons[d].parts, &persons[c].parts)
            })
        });
        if cands.is_empty() {
            continue;
        }
        let ev: Vec<(usize, Evidence)> = cands
            .into_iter()
            .map(|f| (f, evidence(sp, &persons[f], &by_article)))
            .collect();
        let total: f64 = ev.iter().map(|(_, e)| e.score).sum();
        let Some((best, e)) = ev
            .iter()
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score).then(b.0.cmp(&a.0)))
        else {
            continue;
        };
        let share = if total > 0.0 { e.score / total } else { 0.0 };
        // a name of three parts or more inside exactly one longer name is that person's
        // ("Nurumi Tri Wardoyo" of Ester Nurumi Tri Wardoyo) even where one article gives
        // too little context to compare
        let sole_long_holder = sp.parts.len() >= 3 && ev.len() == 1;
        if !(is_evidence(e) || sole_long_holder) || (ev.len() > 1 && share < MIN_SHARE) {
            continue;
        }
        // a full name seen in fewer than half as many articles as the full name it would
        // absorb is a padded mention ("Alhasil Francesco Bagnaia") unless its extra words
        // occur in other persons' names too ("Putri Kusuma Wardani": "Putri") or both
        // hold the same role
        if sp.parts.len() >= 2
            && persons[*best].articles.len() * 2 < sp.articles.len()
            && e.shared_title.is_none()
        {
            let extra_known = persons[*best]
                .parts
                .iter()
                .filter(|w| !sp.parts.contains(w))
                .all(|w| by_part.get(w.as_str()).is_some_and(|v| v.len() >= 3));
            if !extra_known {
                continue;
            }
        }
        let reason = format!(
            "part of the name; {} shared article(s), context similarity {:.2}{}{}",
            e.shared_articles,
            e.similarity,
            e.shared_title
                .as_ref()
                .map(|t| format!(", same title {t}"))
                .unwrap_or_default(),
            if ev.len() > 1 {
                format!(
                    ", {:.0}% of the evidence among {} names",
                    share * 100.0,
                    ev.len()
                )
            } else {
                String::new()
            }
        );
        merged.insert(s);
        plan.push(Merge {
            from: sp.id.clone(),
            to: persons[*best].id.clone(),
            reason,
        });
    }
    plan.extend(spelling_variants(&persons, &by_article, &by_part, &merged));
    let gone: HashSet<&str> = plan.iter().map(|m| m.from.as_str()).collect();
    let short = short_first_names(&persons, &by_article, &gone);
    plan.extend(short);
    let gone: HashSet<&str> = plan.iter().map(|m| m.from.as_str()).collect();
    let padded = padded_names(&persons, &by_part, &gone, not_name, &others);
    plan.extend(padded);
    let places = load_places(tx)?;
    plan.extend(places_in_names(
        &persons,
        &by_part,
        &places,
        known_place,
        not_name,
    ));
    // read once: the lone-name-part rule needs the cues, the type vote every total
    let mut totals = tx.mention_totals()?;
    // by ID (byte order), as SQLite's `ORDER BY e.id` gave them
    totals.sort_by(|a, b| a.0.cmp(&b.0));
    let gone: HashSet<String> = plan.iter().map(|m| m.from.clone()).collect();
    plan.extend(lone_name_parts(
        &persons,
        &by_part,
        &places,
        &entity_cues(&totals),
        &by_article,
        known_place,
        &gone,
    ));
    let gone: HashSet<String> = plan.iter().map(|m| m.from.clone()).collect();
    plan.extend(type_variants(&totals, &gone));
    // a name merged into one that was itself merged later points to the final entity
    let target: HashMap<String, String> = plan
        .iter()
        .map(|m| (m.from.clone(), m.to.clone()))
        .collect();
    for m in plan.iter_mut() {
        let mut t = m.to.clone();
        let mut guard = 0;
        while let Some(n) = target.get(&t) {
            t = n.clone();
            guard += 1;
            if guard > target.len() {
                break;
            }
        }
        m.to = t;
    }
    Ok(plan)
}

/// How much more often the majority type of a name must be seen than all its other
/// types together before they join it (when no context cue decides).
const TYPE_MAJORITY: i64 = 2;

/// Least number of articles behind the majority type (when no context cue decides).
const TYPE_MIN_ARTICLES: i64 = 3;

/// Weight of one mention with a context cue for its type in the type vote; an article
/// without any counts once, however often the tagger repeated its guess there.
const CUE_WEIGHT: i64 = 4;

/// Least number of cued mentions behind a type that wins the vote by its cues.
const MIN_CUES: i64 = 2;

/// One type of a stored name: ID, type, mentions, articles, cued mentions, vote.
struct Variant {
    id: String,
    kind: String,
    mentions: i64,
    articles: i64,
    cues: i64,
    vote: i64,
}

/// One name stored under several types ("Donald Trump" a person in 42 articles and an
/// organisation in 8, where the tagger read a clause wrong; "Onic" a person where no word
/// says what it is and a team where "tim" or a score stands beside it) is one entity,
/// whose type is the vote of its articles weighted by context evidence: an article
/// without a cue for its type gives one vote (the extractor types every mention of a
/// name in an article alike, so repeats are no evidence), one with cues gives 1 +
/// [`CUE_WEIGHT`] per cued mention ([`Store::record_type_cues`]).
///
/// - **by cues**: the type with the most votes, resting on at least [`MIN_CUES`] cued
///   mentions, with more votes than all other types together and at least twice the
///   cues of all of them, takes the others;
/// - **by mentions** (names no cue decides, as before the vote): the types seen in at
///   most half as many mentions as the majority type join it when that type rests on at
///   least [`TYPE_MIN_ARTICLES`] articles, unless the others have more cues. A near tie
///   ("Le Mans": 22 person and 18 place mentions, no cue) stays apart.
///
/// The type of a mention stays what its article says (the stored analyses); the entity's
/// type in lists and pages is the vote's. Names the lexicon knows never split by type,
/// so they never come here.
fn type_variants(totals: &[MentionTotals], gone: &HashSet<String>) -> Vec<Merge> {
    let mut by_name: BTreeMap<String, Vec<Variant>> = BTreeMap::new();
    for (id, name, kind, mentions, articles, cues) in totals.iter().cloned() {
        // SQLite's lower(): ASCII letters only
        let name = name.to_ascii_lowercase();
        if gone.contains(&id) {
            continue;
        }
        // one vote per article, and CUE_WEIGHT more per cued mention
        by_name.entry(name).or_default().push(Variant {
            id,
            kind,
            mentions,
            articles,
            cues,
            vote: articles + CUE_WEIGHT * cues,
        });
    }
    let mut out = Vec::new();
    for variants in by_name.values().filter(|v| v.len() > 1) {
        let Some((win, by_cues)) = vote_winner(variants) else {
            continue;
        };
        // a place's cues ("di", "ke") tell it from a person, not from an organisation
        // ("bermain di Hillstate", "dilansir di TechSpot"): by cues, a place takes only
        // the person variants
        let place = matches!(win.kind.as_str(), "GPE" | "LOC");
        for v in variants
            .iter()
            .filter(|v| v.id != win.id && !(by_cues && place && v.kind == "ORG"))
        {
            out.push(Merge {
                from: v.id.clone(),
                to: win.id.clone(),
                reason: format!(
                    "same name; typed {} in {} mention(s) ({} with a cue, vote {}), {} in {} ({} with a cue, vote {})",
                    win.kind, win.mentions, win.cues, win.vote, v.kind, v.mentions, v.cues, v.vote
                ),
            });
        }
    }
    out
}

/// The type a name's variants vote for, if the vote is clear (see [`type_variants`]),
/// and whether cues decided it.
fn vote_winner(variants: &[Variant]) -> Option<(&Variant, bool)> {
    let rest = |best: &Variant, f: fn(&Variant) -> i64| -> i64 {
        variants.iter().filter(|v| v.id != best.id).map(f).sum()
    };
    let by_vote = variants
        .iter()
        .max_by(|a, b| a.vote.cmp(&b.vote).then(b.id.cmp(&a.id)))?;
    if by_vote.cues >= MIN_CUES
        && by_vote.vote > rest(by_vote, |v| v.vote)
        && by_vote.cues >= 2 * rest(by_vote, |v| v.cues)
    {
        return Some((by_vote, true));
    }
    let by_mentions = variants
        .iter()
        .max_by(|a, b| a.mentions.cmp(&b.mentions).then(b.id.cmp(&a.id)))?;
    (by_mentions.mentions >= TYPE_MAJORITY * rest(by_mentions, |v| v.mentions)
        && by_mentions.articles >= TYPE_MIN_ARTICLES
        && by_mentions.cues >= rest(by_mentions, |v| v.cues))
    .then_some((by_mentions, false))
}

/// Stored places (GPE, LOC) and organisations with their name parts and articles.
fn load_places(tx: &dyn EntityRows) -> Result<Vec<Person>, StoreError> {
    let mut places: BTreeMap<String, Person> = BTreeMap::new();
    for (id, name, art) in tx.place_articles()? {
        places
            .entry(id.clone())
            .or_insert_with(|| Person {
                id,
                words: name.split(' ').map(str::to_string).collect(),
                parts: parts_of(&name),
                articles: HashSet::new(),
                titles: HashSet::new(),
            })
            .articles
            .insert(art);
    }
    Ok(places.into_values().collect())
}

/// A place (or organisation) the lexicon does not know whose name is one run inside one
/// person's name ("Giannantonio" in "Fabio Di Giannantonio", "Se Young" in "An Se Young";
/// an organisation "Purbaya" at the start of "Purbaya Yudhi Sadewa") and whose
/// articles mostly (at least half, two or more) name that person is the person, typed
/// wrong by the tagger. The place must end the person's name (a surname) or, for a place of
/// one word or an organisation, start it (a first name: "Sean" of "Sean Gelael"), and the person's
/// name must be two to four name-like words (no title, code or function word: "Kapolsek
/// Tambun Selatan Kompol X" is no name of a person). With two such persons, the one
/// sharing more articles must share twice as many.
fn places_in_names(
    persons: &[Person],
    by_part: &HashMap<&str, Vec<usize>>,
    places: &[Person],
    known_place: &dyn Fn(&str) -> bool,
    not_name: &dyn Fn(&str) -> bool,
) -> Vec<Merge> {
    let mut out = Vec::new();
    for pl in places {
        let name = pl.words.join(" ");
        // organisations of one word only: "Red Sparks" ends the team "Daejeon
        // Jungkwanjang Red Sparks" the tagger took for a person
        if pl.parts.is_empty()
            || pl.parts.len() > 2
            || (pl.id.starts_with("org:") && pl.parts.len() != 1)
            || pl.parts.iter().any(|w| w.chars().count() < 3)
            || known_place(&name)
        {
            continue;
        }
        let cands: HashSet<usize> = by_part
            .get(pl.parts[0].as_str())
            .into_iter()
            .flatten()
            .copied()
            .collect();
        // the place ends the person's name (a surname: "Di Giannantonio", "An Se Young"),
        // a name of two to four name-like words; an organisation may also start it (a
        // first name the tagger read as a company: "Purbaya" kata Purbaya Yudhi Sadewa)
        let org = pl.id.starts_with("org:");
        let mut shared: Vec<(usize, usize)> = cands
            .into_iter()
            .filter(|&i| {
                let p = &persons[i];
                let at = contiguous_at(&pl.parts, &p.parts);
                let at_end = at.is_some_and(|at| at + pl.parts.len() == p.parts.len());
                // a place of one word may also start the name (a first name read as a
                // place: "Sean" of "Sean Gelael"), like an organisation
                let at_start = at == Some(0) && (org || pl.parts.len() == 1);
                p.parts.len() <= 4
                    && p.words.len() == p.parts.len()
                    && p.parts.len() > pl.parts.len()
                    && (at_end || at_start)
                    && p.words
                        .iter()
                        .all(|w| !is_padding(w, not_name, &HashSet::new()))
                    // for an organisation, the person's other words must be a name's:
                    // one of them is in another person's name too ("Donald", "Yudhi"),
                    // which "Maung" (a vehicle, "Maung Pindad") is not
                    && (!org
                        || p.parts.iter().filter(|w| !pl.parts.contains(w)).any(|w| {
                            by_part.get(w.as_str()).is_some_and(|v| v.len() >= 2)
                        }))
            })
            .map(|i| (persons[i].articles.intersection(&pl.articles).count(), i))
            .filter(|&(n, _)| n > 0)
            .collect();
        shared.sort_by(|a, b| b.cmp(a));
        let Some(&(n, best)) = shared.first() else {
            continue;
        };
        let clear = shared.get(1).is_none_or(|&(m, _)| n >= 2 * m);
        if clear && n >= 2 && 2 * n >= pl.articles.len() {
            out.push(Merge {
                from: pl.id.clone(),
                to: persons[best].id.clone(),
                reason: format!(
                    "a place named as part of the person's name; {n} of its {} article(s) name the person",
                    pl.articles.len()
                ),
            });
        }
    }
    out
}

/// Least letters of a short first name ("Mega" for "Megawati").
const SHORT_NAME_MIN_LETTERS: usize = 4;

/// A person named by one word that is the front of the first name of longer person
/// names, never the whole of it ("Mega" for "Megawati Hangestri Pertiwi", as the sports
/// pages call her), is the one of them the store's evidence points to: scored like a
/// part of a name ([`evidence`]), the best must hold [`MIN_SHARE`] of the score, share
/// an article and a context of at least twice [`MIN_SIMILARITY`] ("Mega" of the
/// volleyball pages is not Megawati Soekarnoputri of the political ones). A word that
/// a person's name holds whole ("Alex" of Alex Marquez) is left to the part-of-name rule.
fn short_first_names(
    persons: &[Person],
    by_article: &HashMap<String, Vec<String>>,
    gone: &HashSet<&str>,
) -> Vec<Merge> {
    let mut out = Vec::new();
    for sp in persons {
        let [short] = &sp.parts[..] else {
            continue;
        };
        // a word some person's name holds whole ("Alex" of Alex Marquez) is left to the
        // part-of-name rule
        if short.chars().count() < SHORT_NAME_MIN_LETTERS
            || gone.contains(sp.id.as_str())
            || persons
                .iter()
                .any(|f| f.id != sp.id && f.parts.contains(short))
        {
            continue;
        }
        let ev: Vec<(&Person, Evidence)> = persons
            .iter()
            .filter(|f| {
                f.parts.len() >= 2
                    && !gone.contains(f.id.as_str())
                    && f.parts[0].len() > short.len()
                    && f.parts[0].starts_with(short.as_str())
            })
            .map(|f| (f, evidence(sp, f, by_article)))
            .collect();
        let total: f64 = ev.iter().map(|(_, e)| e.score).sum();
        let Some((best, e)) = ev.iter().max_by(|a, b| a.1.score.total_cmp(&b.1.score)) else {
            continue;
        };
        let share = if total > 0.0 { e.score / total } else { 0.0 };
        if share >= MIN_SHARE
            && e.shared_articles > 0
            && e.similarity >= 2.0 * MIN_SIMILARITY
            && best.articles.len() * 2 >= sp.articles.len()
        {
            out.push(Merge {
                from: sp.id.clone(),
                to: best.id.clone(),
                reason: format!(
                    "short first name; {} shared article(s), context similarity {:.2}, {:.0}% of the evidence among {} names",
                    e.shared_articles,
                    e.similarity,
                    share * 100.0,
                    ev.len()
                ),
            });
        }
    }
    out
}

/// Cued mentions of each entity, over all its articles (see [`Store::record_type_cues`]).
fn entity_cues(totals: &[MentionTotals]) -> HashMap<String, i64> {
    totals
        .iter()
        .filter(|t| t.5 > 0)
        .map(|t| (t.0.clone(), t.5))
        .collect()
}

/// Least number of articles naming the person a lone name part may join.
const LONE_PART_MIN_ARTICLES: usize = 3;

/// Least context similarity between a lone name part and its person.
const LONE_PART_SIMILARITY: f64 = 0.3;

/// An organisation or place of one word that nothing in its articles calls one (no cue
/// for its type) and that is the first name or surname of exactly one stored person
/// is that person, named by one part in an article that never gives the full name
/// ("Tonny" typed ORG where "Tonny Soegiono" is named in other articles about the same
/// case): merged when the two share an article or their articles mention the same
/// other entities (context cosine ≥ [`LONE_PART_SIMILARITY`]), and the person is named
/// in at least as many articles. A word two persons hold, a name the lexicon knows, or
/// one with a cue ("tim Onic", "di Bekasi") stays.
fn lone_name_parts(
    persons: &[Person],
    by_part: &HashMap<&str, Vec<usize>>,
    places: &[Person],
    cues: &HashMap<String, i64>,
    by_article: &HashMap<String, Vec<String>>,
    known_place: &dyn Fn(&str) -> bool,
    gone: &HashSet<String>,
) -> Vec<Merge> {
    let mut out = Vec::new();
    for pl in places {
        if pl.parts.len() != 1
            || pl.words.len() != 1
            || pl.parts[0].chars().count() < 4
            || gone.contains(&pl.id)
            || cues.get(&pl.id).is_some_and(|&n| n > 0)
            || pl.words[0].chars().skip(1).all(char::is_uppercase)
            || known_place(&pl.words[0])
        {
            continue;
        }
        let word = &pl.parts[0];
        let org = pl.id.starts_with("org:");
        // the persons holding the word as first name or surname, a clean name of two to
        // four words seen in at least three articles and at least as many as the part
        let mut cands: Vec<(f64, usize, usize)> = by_part
            .get(word.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                let p = &persons[i];
                (2..=4).contains(&p.parts.len())
                    && p.words.len() == p.parts.len()
                    && (p.parts.first() == Some(word) || p.parts.last() == Some(word))
                    && p.articles.len() >= LONE_PART_MIN_ARTICLES
                    && p.articles.len() >= pl.articles.len()
                    // one of its words is in another person's name too ("Tonny",
                    // "Marco"), which a team taken for a person ("Lavani Livin
                    // Transmedia") lacks
                    && p.parts.iter().any(|w| by_part.get(w.as_str()).is_some_and(|v| v.len() >= 2))
            })
            .map(|i| {
                let p = &persons[i];
                let sim = cosine(
                    &context(pl, &p.id, by_article),
                    &context(p, &pl.id, by_article),
                );
                (sim, p.articles.intersection(&pl.articles).count(), i)
            })
            .collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(sim, shared, i)) = cands.first() else {
            continue;
        };
        // with several holders the best must be twice as similar as the next
        let clear = cands.get(1).is_none_or(|c| sim >= 2.0 * c.0);
        // a place needs a shared article (places_in_names wants two); an organisation
        // may also be told by its context alone
        let enough = shared > 0 || (org && sim >= LONE_PART_SIMILARITY);
        if clear && enough {
            out.push(Merge {
                from: pl.id.clone(),
                to: persons[i].id.clone(),
                reason: format!(
                    "a name part of one person, typed without a cue; {shared} shared article(s), context {sim:.2}"
                ),
            });
        }
    }
    out
}

/// Where `s`'s parts occur as one run inside `f`'s: the run's start.
fn contiguous_at(s: &[String], f: &[String]) -> Option<usize> {
    (!s.is_empty() && s.len() < f.len())
        .then(|| f.windows(s.len()).position(|w| w == s))
        .flatten()
}

/// True when a word around a name is padding, not more of the name: a function word or
/// a title/rank (`not_name`), a code in capitals ("FRA"), a word with digits ("18.00"), or
/// a stored organisation or place.
fn is_padding(word: &str, not_name: &dyn Fn(&str) -> bool, others: &HashSet<String>) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    not_name(&word.to_lowercase())
        || (letters >= 2 && word.chars().all(|c| !c.is_lowercase()))
        || word.chars().any(|c| c.is_ascii_digit())
        || others.contains(&parts_of(word).join(" "))
}

/// A longer "person" that is a full name padded with a title, a code or an organisation
/// ("Menpora Erick Thohir", "Johann Zarco FRA Castrol Honda") joins that full name when
/// the full name (two words or more, as one run inside it) is named in at least as many
/// articles. A longer name whose extra words look like more of a name ("Ny. Elfi Taruna
/// Ikrar" beside "Taruna Ikrar") stays apart, and so do names sharing one part only
/// ("Listyo Sigit Prabowo", "Prabowo Subianto").
fn padded_names(
    persons: &[Person],
    by_part: &HashMap<&str, Vec<usize>>,
    gone: &HashSet<&str>,
    not_name: &dyn Fn(&str) -> bool,
    others: &HashSet<String>,
) -> Vec<Merge> {
    let mut out = Vec::new();
    for f in persons {
        if gone.contains(f.id.as_str()) || f.parts.len() < 3 || f.words.len() != f.parts.len() {
            continue;
        }
        let cands: HashSet<usize> = f
            .parts
            .iter()
            .flat_map(|w| by_part.get(w.as_str()).into_iter().flatten().copied())
            .collect();
        let best = cands
            .into_iter()
            .filter_map(|i| {
                let s = &persons[i];
                if s.id == f.id
                    || gone.contains(s.id.as_str())
                    || s.parts.len() < 2
                    || s.articles.len() < f.articles.len()
                {
                    return None;
                }
                let at = contiguous_at(&s.parts, &f.parts)?;
                let extra = f.words[..at].iter().chain(&f.words[at + s.parts.len()..]);
                let padded = extra.clone().all(|w| !w.is_empty())
                    && extra.clone().count() <= 4
                    && extra.clone().any(|w| is_padding(w, not_name, others));
                padded.then_some(i)
            })
            .max_by_key(|&i| (persons[i].parts.len(), persons[i].articles.len()));
        if let Some(i) = best {
            out.push(Merge {
                from: f.id.clone(),
                to: persons[i].id.clone(),
                reason: format!("padded mention of the full name {}", persons[i].id),
            });
        }
    }
    out
}

/// Levenshtein distance, capped: enough for telling a one-letter slip.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Two parts that are one spelling apart ("Bezzecchi"/"Bezzeccho", "Muhammad"/"Muhamad")
/// or a short form of each other ("Moh"/"Mohammad").
fn same_part(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    let prefix = na.min(nb) >= 3 && (a.starts_with(b) || b.starts_with(a));
    let slip = na.min(nb) >= 4
        && a.chars().next() == b.chars().next()
        && (edit_distance(a, b) <= 1 || is_swap(a, b));
    prefix || slip
}

/// Two words that differ by two neighbouring letters swapped ("Lanier"/"Lainer").
fn is_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// Full names spelt two ways ("Myta Aprilia Azmi"/"Myta Aprilian Azmy", "Hasanudin
/// Tandilolo"/"Hasanudin Tandilol"): the same number of parts, at least one identical,
/// the others one slip apart; the rarer spelling joins the commoner when the contexts
/// agree (similarity at least twice [`MIN_SIMILARITY`], or a shared role or article).
fn spelling_variants(
    persons: &[Person],
    by_article: &HashMap<String, Vec<String>>,
    by_part: &HashMap<&str, Vec<usize>>,
    merged: &HashSet<usize>,
) -> Vec<Merge> {
    let mut out = Vec::new();
    let mut gone: HashSet<usize> = merged.clone();
    let mut order: Vec<usize> = (0..persons.len()).collect();
    order.sort_by_key(|&i| persons[i].articles.len());
    for a in order {
        let pa = &persons[a];
        if gone.contains(&a) || pa.parts.len() < 2 {
            continue;
        }
        let cands: HashSet<usize> = pa
            .parts
            .iter()
            .flat_map(|w| by_part.get(w.as_str()).into_iter().flatten().copied())
            .collect();
        let mut best: Option<(usize, Evidence)> = None;
        for b in cands {
            let pb = &persons[b];
            if b == a
                || gone.contains(&b)
                || pb.parts.len() != pa.parts.len()
                || pb.articles.len() < pa.articles.len()
            {
                continue;
            }
            let pairs = pa.parts.iter().zip(&pb.parts);
            let equal = pairs.clone().filter(|(x, y)| x == y).count();
            if equal == 0 || equal == pa.parts.len() || !pairs.clone().all(|(x, y)| same_part(x, y))
            {
                continue;
            }
            let e = evidence(pa, pb, by_article);
            // three parts or more, each the same or one slip apart, are one person's name
            // spelt two ways whatever the contexts say: two people so named are unlikely
            let strong = e.shared_title.is_some()
                || e.shared_articles > 0
                || e.similarity >= 2.0 * MIN_SIMILARITY
                || pa.parts.len() >= 3;
            if strong && best.as_ref().is_none_or(|(_, x)| e.score > x.score) {
                best = Some((b, e));
            }
        }
        if let Some((b, e)) = best {
            gone.insert(a);
            out.push(Merge {
                from: pa.id.clone(),
                to: persons[b].id.clone(),
                reason: format!(
                    "a spelling of the name; {} shared article(s), context similarity {:.2}{}",
                    e.shared_articles,
                    e.similarity,
                    e.shared_title
                        .as_ref()
                        .map(|t| format!(", same title {t}"))
                        .unwrap_or_default()
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mention totals by ID, as `plan_merges` hands them to the type vote.
    fn sorted_totals(tx: &dyn EntityRows) -> Vec<MentionTotals> {
        let mut t = tx.mention_totals().unwrap();
        t.sort_by(|a, b| a.0.cmp(&b.0));
        t
    }
    use rusqlite::params;

    #[test]
    fn spelling_slips() {
        assert!(same_part("bezzecchi", "bezzeccho"));
        assert!(same_part("moh", "mohammad"));
        assert!(same_part("muhamad", "muhammad"));
        assert!(!same_part("santoso", "susanto"));
        assert!(!same_part("marc", "alex"));
        assert_eq!(edit_distance("tandilolo", "tandilol"), 1);
        assert!(same_part("lanier", "lainer"));
        assert!(!is_swap("lanier", "lainre") && !is_swap("marc", "mark"));
    }

    #[test]
    fn a_name_of_three_parts_spelt_two_ways_joins_without_context() {
        let persons = vec![
            person(
                "per:myta-aprilia-azmi",
                "Myta Aprilia Azmi",
                &["a1", "a2", "a3"],
            ),
            person("per:myta-aprilian-azmy", "Myta Aprilian Azmy", &["a4"]),
            person("per:alex-lanier", "Alex Lanier", &["a5", "a6"]),
            person("per:alex-lainer", "Alex Lainer", &["a7"]),
        ];
        let by_part = persons_by_part(&persons);
        let merges = spelling_variants(&persons, &HashMap::new(), &by_part, &HashSet::new());
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![("per:myta-aprilian-azmy", "per:myta-aprilia-azmi")]
        );
    }

    fn person(id: &str, name: &str, articles: &[&str]) -> Person {
        Person {
            id: id.into(),
            words: name.split(' ').map(String::from).collect(),
            parts: parts_of(name),
            articles: articles.iter().map(|a| a.to_string()).collect(),
            titles: HashSet::new(),
        }
    }

    #[test]
    fn padded_names_join_the_full_name_only() {
        let persons = vec![
            person("per:erick-thohir", "Erick Thohir", &["a1", "a2", "a3"]),
            person("per:menpora-erick-thohir", "Menpora Erick Thohir", &["a4"]),
            person("per:johann-zarco", "Johann Zarco", &["a1", "a5"]),
            person(
                "per:johann-zarco-fra-castrol-honda",
                "Johann Zarco FRA Castrol Honda",
                &["a6"],
            ),
            person("per:taruna-ikrar", "Taruna Ikrar", &["a1", "a2"]),
            person("per:elfi-taruna-ikrar", "Elfi Taruna Ikrar", &["a7"]),
            person(
                "per:prabowo-subianto",
                "Prabowo Subianto",
                &["a1", "a2", "a3"],
            ),
            person("per:listyo-sigit-prabowo", "Listyo Sigit Prabowo", &["a8"]),
        ];
        let by_part = persons_by_part(&persons);
        let others: HashSet<String> = ["castrol honda".to_string()].into();
        let not_name = |w: &str| w == "menpora";
        let merges = padded_names(&persons, &by_part, &HashSet::new(), &not_name, &others);
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("per:menpora-erick-thohir", "per:erick-thohir"),
                ("per:johann-zarco-fra-castrol-honda", "per:johann-zarco"),
            ]
        );
    }

    #[test]
    fn places_made_of_a_name_part_join_the_person() {
        let persons = vec![
            person(
                "per:fabio-di-giannantonio",
                "Fabio Di Giannantonio",
                &["a1", "a2", "a3"],
            ),
            person("per:budi-santoso", "Budi Santoso", &["a1"]),
        ];
        let by_part = persons_by_part(&persons);
        let places = vec![
            person("gpe:giannantonio", "Giannantonio", &["a1", "a2", "a9"]),
            person("gpe:santoso", "Santoso", &["a1", "a7", "a8"]),
            person("gpe:fabio", "Fabio", &["a1"]),
        ];
        let known = |n: &str| n == "Fabio";
        let merges = places_in_names(&persons, &by_part, &places, &known, &|_| false);
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        // Santoso: one of three articles only; Fabio: a place the lexicon knows
        assert_eq!(
            pairs,
            vec![("gpe:giannantonio", "per:fabio-di-giannantonio")]
        );
    }

    #[test]
    fn organisations_made_of_a_first_name_or_surname_join_the_person() {
        let persons = vec![
            person(
                "per:purbaya-yudhi-sadewa",
                "Purbaya Yudhi Sadewa",
                &["a1", "a2", "a3"],
            ),
            person("per:yudhi-santoso", "Yudhi Santoso", &["a8"]),
            person("per:maung-pindad", "Maung Pindad", &["a6", "a7"]),
            person(
                "per:daejeon-jungkwanjang-red-sparks",
                "Daejeon Jungkwanjang Red Sparks",
                &["a4", "a5"],
            ),
        ];
        let by_part = persons_by_part(&persons);
        let orgs = vec![
            person("org:purbaya", "Purbaya", &["a1", "a2"]),
            person("org:yudhi", "Yudhi", &["a1", "a2"]),
            person("org:red-sparks", "Red Sparks", &["a4", "a5"]),
            person("org:pindad", "Pindad", &["a6", "a7"]),
        ];
        let merges = places_in_names(&persons, &by_part, &orgs, &|_| false, &|_| false);
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        // a first name or surname joins; a middle name does not, nor an organisation of
        // two words (the "person" it ends is a team the tagger typed wrong), nor one after
        // a word no other person's name holds (a vehicle: "Maung Pindad")
        assert_eq!(pairs, vec![("org:purbaya", "per:purbaya-yudhi-sadewa")]);
    }

    /// A store holding `(id, name, type, [mentions per article])` rows.
    #[test]
    fn a_short_first_name_joins_the_person_it_starts() {
        let p = |id: &str, name: &str, arts: &[&str]| person(id, name, arts);
        let persons = vec![
            p("per:mega", "Mega", &["a1", "a2"]),
            p(
                "per:megawati-hangestri-pertiwi",
                "Megawati Hangestri Pertiwi",
                &["a1", "a2", "a3"],
            ),
            p(
                "per:megawati-soekarnoputri",
                "Megawati Soekarnoputri",
                &["b1", "b2"],
            ),
            // held whole by another person's name: left alone
            p("per:alex", "Alex", &["a1"]),
            p("per:alexander-sabar", "Alexander Sabar", &["a1"]),
            p("per:alex-marquez", "Alex Marquez", &["c1"]),
        ];
        let mut by_article: HashMap<String, Vec<String>> = HashMap::new();
        for q in &persons {
            for a in &q.articles {
                by_article.entry(a.clone()).or_default().push(q.id.clone());
            }
        }
        for (a, e) in [
            ("a1", "org:red-sparks"),
            ("a2", "org:red-sparks"),
            ("a3", "org:red-sparks"),
            ("b1", "org:pdip"),
            ("b2", "org:pdip"),
        ] {
            by_article
                .entry(a.to_string())
                .or_default()
                .push(e.to_string());
        }
        let merges = short_first_names(&persons, &by_article, &HashSet::new());
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(pairs, vec![("per:mega", "per:megawati-hangestri-pertiwi")]);
    }

    #[test]
    fn a_merged_doubled_name_is_no_alias_of_the_survivor() {
        let mut store = store_with(&[
            ("per:prabowo-subianto", "Prabowo Subianto", "PER", &[3, 2]),
            ("per:prabowo-prabowo", "Prabowo Prabowo", "PER", &[1]),
            ("per:prabowo", "Prabowo", "PER", &[2]),
        ]);
        let tx = store.conn.transaction().unwrap();
        for from in ["per:prabowo-prabowo", "per:prabowo"] {
            EntityRows::merge(&tx, from, "per:prabowo-subianto", "test").unwrap();
            tidy_aliases(&tx, "per:prabowo-subianto").unwrap();
        }
        let mut aliases = EntityRows::aliases(&tx, "per:prabowo-subianto").unwrap();
        aliases.sort();
        assert_eq!(aliases, ["Prabowo"]);
    }

    #[test]
    fn the_type_vote_weighs_articles_by_their_cues() {
        let mut store = store_with(&[
            // a person in four articles where nothing says so, a team in two where "tim"
            // or a score stands beside it: the team
            ("per:onic", "Onic", "PER", &[2, 1, 3, 1]),
            ("org:onic", "Onic", "ORG", &[2, 1]),
            // one cued mention is not enough to win, and it keeps the tagger's majority
            // from swallowing the cued type
            ("per:evos", "Evos", "PER", &[2, 1, 3, 1]),
            ("org:evos", "Evos", "ORG", &[2]),
            // a person by cues outvotes more mentions typed a place by the tagger alone
            ("gpe:tonny", "Tonny", "GPE", &[4, 4]),
            ("per:tonny", "Tonny", "PER", &[1, 1]),
        ]);
        let cue = |a: &str, e: &str, n: i64| (a.to_string(), e.to_string(), n);
        store
            .record_type_cues(&[
                cue("a0", "org:onic", 2),
                cue("a1", "org:onic", 1),
                cue("a0", "org:evos", 1),
                cue("a0", "per:tonny", 1),
                cue("a1", "per:tonny", 1),
                cue("a9", "per:nobody", 3),
            ])
            .unwrap();
        let tx = store.conn.transaction().unwrap();
        let merges = type_variants(&sorted_totals(&tx), &HashSet::new());
        let mut pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        pairs.sort();
        assert_eq!(
            pairs,
            vec![("gpe:tonny", "per:tonny"), ("per:onic", "org:onic")]
        );
        // a merge keeps the cues of both sides
        EntityRows::merge(&tx, "per:onic", "org:onic", "test").unwrap();
        let cues: i64 = tx
            .query_row(
                "SELECT SUM(cues) FROM entity_mentions WHERE entity = 'org:onic'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(cues, 3);
    }

    fn store_with(rows: &[(&str, &str, &str, &[i64])]) -> Store {
        let store = Store::in_memory().unwrap();
        for (id, name, kind, counts) in rows {
            store
                .conn
                .execute(
                    "INSERT INTO entities(id, name, type) VALUES (?1, ?2, ?3)",
                    params![id, name, kind],
                )
                .unwrap();
            for (n, c) in counts.iter().enumerate() {
                store
                    .conn
                    .execute(
                        "INSERT INTO entity_mentions(article, entity, mentions) VALUES (?1, ?2, ?3)",
                        params![format!("a{n}"), id, c],
                    )
                    .unwrap();
            }
        }
        store
    }

    #[test]
    fn a_long_name_inside_one_longer_name_joins_it_without_shared_context() {
        let mut store = Store::in_memory().unwrap();
        let rows: [(&str, &str, &[&str]); 4] = [
            (
                "per:ester-nurumi-tri-wardoyo",
                "Ester Nurumi Tri Wardoyo",
                &["a1", "a2", "a3"],
            ),
            ("per:nurumi-tri-wardoyo", "Nurumi Tri Wardoyo", &["b1"]),
            // two parts say too little without context: apart
            (
                "per:budi-hartono-santoso",
                "Budi Hartono Santoso",
                &["c1", "c2"],
            ),
            ("per:hartono-santoso", "Hartono Santoso", &["d1"]),
        ];
        for (id, name, arts) in rows {
            store
                .conn
                .execute(
                    "INSERT INTO entities(id, name, type) VALUES (?1, ?2, 'PER')",
                    params![id, name],
                )
                .unwrap();
            for a in arts {
                store
                    .conn
                    .execute(
                        "INSERT INTO entity_mentions(article, entity, mentions) VALUES (?1, ?2, 1)",
                        params![a, id],
                    )
                    .unwrap();
            }
        }
        let tx = store.conn.transaction().unwrap();
        let merges = plan_merges(&tx, &|_| false, &|_| false).unwrap();
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![("per:nurumi-tri-wardoyo", "per:ester-nurumi-tri-wardoyo")]
        );
    }

    #[test]
    fn one_name_under_several_types_joins_a_clear_majority() {
        let mut store = store_with(&[
            ("per:donald-trump", "Donald Trump", "PER", &[5, 4, 3, 2]),
            ("org:donald-trump", "Donald Trump", "ORG", &[1, 1]),
            // a near tie stays apart
            ("per:le-mans", "Le Mans", "PER", &[3, 2, 1]),
            ("gpe:le-mans", "Le Mans", "GPE", &[2, 2]),
            // a majority in too few articles is no evidence
            ("per:halo", "Halo", "PER", &[9, 9]),
            ("org:halo", "Halo", "ORG", &[1]),
        ]);
        let tx = store.conn.transaction().unwrap();
        let merges = type_variants(&sorted_totals(&tx), &HashSet::new());
        let pairs: Vec<(&str, &str)> = merges
            .iter()
            .map(|m| (m.from.as_str(), m.to.as_str()))
            .collect();
        assert_eq!(pairs, vec![("org:donald-trump", "per:donald-trump")]);
        assert!(merges[0].reason.contains("PER in 14"), "{merges:?}");
        // an ID another merge already takes away is left to it
        let gone: HashSet<String> = ["org:donald-trump".to_string()].into_iter().collect();
        assert!(type_variants(&sorted_totals(&tx), &gone).is_empty());
    }

    #[test]
    fn doubled_words_count_once() {
        assert_eq!(parts_of("Prabowo Prabowo"), vec!["prabowo"]);
        assert_eq!(parts_of("Ban Ki-moon"), vec!["ban", "ki", "moon"]);
    }

    #[test]
    fn parts_fold_case_and_hyphens() {
        assert_eq!(parts_of("Ban Ki-moon"), vec!["ban", "ki", "moon"]);
        assert!(is_subsequence(
            &parts_of("Yudhi Sadewa"),
            &parts_of("Purbaya Yudhi Sadewa")
        ));
        assert!(!is_subsequence(
            &parts_of("Sadewa Yudhi"),
            &parts_of("Purbaya Yudhi Sadewa")
        ));
    }
}
