//! Entity audits on real news (issue 10, "How to measure"): build a store from corpus
//! files restricted to one side of the audit split, then list for judgement (a) a random
//! sample of alias pairs, (b) the types of the most mentioned entities, (c) the most
//! mentioned persons with the other persons that share a name part (possible splits);
//! and score judged items (IDs, judgement, reason; no article text) against a store.
//!
//! The example `entity_audit` writes the lists; `tests/entity_audit.rs` scores the judged
//! TUNE items kept in `tests/data/entity-audit-tune.tsv`.

use crate::{ingest_batch, Pipeline, PipelineError};
use kabar_core::split::{split_of, Split};
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_query::Reads;
use kabar_store::{Store, StoreError};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// What can go wrong in an audit.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The pipeline could not be built.
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    /// A judged-items file has a bad line.
    #[error("judged items, line {line}: {reason}")]
    BadJudged {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The corpus key of an article read from `source` (`…/shared/data/news-id/detik-2026/
/// train.csv#17` → `news-id/detik-2026/train.csv#17`; see `docs/EVALUATION.md`), or None
/// when the source is not under a `shared/data` folder.
pub fn corpus_key(source: &str) -> Option<String> {
    let norm = source.replace('\\', "/");
    let i = norm.rfind("shared/data/")?;
    Some(norm[i + "shared/data/".len()..].to_string())
}

/// Which articles to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Every article.
    All,
    /// One side of the audit split (articles without a corpus key are left out).
    Only(Split),
}

/// Reads `paths`, keeps the articles of `side`, analyses and ingests them into `store`
/// in batches (store-level resolution runs after each, as in `kabar ingest`); returns the
/// number of articles kept.
pub fn build_store(
    store: &mut Store,
    paths: &[PathBuf],
    side: Side,
    today: chrono::NaiveDate,
) -> Result<usize, AuditError> {
    let raws: Vec<_> = read_inputs(paths, &ReadOptions::default())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|r| match side {
            Side::All => true,
            Side::Only(s) => corpus_key(&r.source).is_some_and(|k| split_of(&k) == s),
        })
        .collect();
    let n = raws.len();
    let pipeline = Pipeline::new(today)?;
    let mut it = raws.into_iter().peekable();
    while it.peek().is_some() {
        let chunk: Vec<_> = it.by_ref().take(256).collect();
        let analyses = pipeline.analyze_all(chunk, &|| {});
        ingest_batch(store, &analyses)?;
    }
    Ok(n)
}

/// An alias of an entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AliasPair {
    /// Entity ID.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// Type label.
    pub kind: String,
    /// The alias.
    pub alias: String,
}

/// Every alias pair of the store, sorted.
pub fn alias_pairs(store: &Store) -> Result<Vec<AliasPair>, AuditError> {
    let mut out = Vec::new();
    for e in store.entities()? {
        for a in &e.aliases {
            out.push(AliasPair {
                entity: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                alias: a.clone(),
            });
        }
    }
    out.sort();
    Ok(out)
}

/// `n` items drawn without replacement by a fixed-seed generator (SplitMix64), so a
/// sample is the same on every run.
pub fn sample<T: Clone>(items: &[T], n: usize, seed: u64) -> Vec<T> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let k = n.min(idx.len());
    for i in 0..k {
        let j = i + (next() % (idx.len() - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx[..k].iter().map(|&i| items[i].clone()).collect()
}

/// A most-mentioned entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopEntity {
    /// Entity ID.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type label.
    pub kind: String,
    /// Mentions in the store.
    pub mentions: i64,
    /// Articles.
    pub articles: i64,
}

/// The `n` most mentioned entities.
pub fn top_entities(store: &Store, n: usize) -> Result<Vec<TopEntity>, AuditError> {
    Ok(store
        .entities()?
        .into_iter()
        .take(n)
        .map(|e| TopEntity {
            id: e.id,
            name: e.name,
            kind: e.kind,
            mentions: e.mentions,
            articles: e.articles,
        })
        .collect())
}

/// A most-mentioned person with the other persons sharing a name part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSplit {
    /// The person.
    pub top: TopEntity,
    /// Other persons with a name part in common: (ID, name, mentions).
    pub others: Vec<(String, String, i64)>,
}

fn name_parts(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// The `n` most mentioned persons, each with the persons sharing a name part.
pub fn person_splits(store: &Store, n: usize) -> Result<Vec<PersonSplit>, AuditError> {
    let persons: Vec<TopEntity> = top_entities(store, usize::MAX)?
        .into_iter()
        .filter(|e| e.kind == "PER")
        .collect();
    let mut by_part: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in persons.iter().enumerate() {
        for w in name_parts(&p.name) {
            by_part.entry(w).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (i, p) in persons.iter().enumerate().take(n) {
        let mut seen = HashSet::new();
        let mut others = Vec::new();
        for w in name_parts(&p.name) {
            for &j in by_part.get(&w).into_iter().flatten() {
                if j != i && seen.insert(j) {
                    let o = &persons[j];
                    others.push((o.id.clone(), o.name.clone(), o.mentions));
                }
            }
        }
        others.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        out.push(PersonSplit {
            top: p.clone(),
            others,
        });
    }
    Ok(out)
}

/// One judged item (a line `kind<TAB>entity<TAB>item<TAB>judgement<TAB>reason`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// `alias`, `type` or `split`.
    pub kind: String,
    /// Entity ID.
    pub entity: String,
    /// The alias (`alias`), the type label (`type`), or the other person's ID (`split`).
    pub item: String,
    /// `ok` or `wrong` (`split`: `split` when the two are one person, `ok` when not).
    pub judgement: String,
    /// Why.
    pub reason: String,
}

/// Reads judged items; `#` lines and blank lines are skipped.
pub fn read_judged(text: &str) -> Result<Vec<Judged>, AuditError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 4 {
            return Err(AuditError::BadJudged {
                line: i + 1,
                reason: format!(
                    "expected at least 4 tab-separated columns, found {}",
                    c.len()
                ),
            });
        }
        let (kind, judgement) = (c[0].trim(), c[3].trim());
        let valid = matches!(
            (kind, judgement),
            ("alias" | "type", "ok" | "wrong") | ("split", "ok" | "split")
        );
        if !valid {
            return Err(AuditError::BadJudged {
                line: i + 1,
                reason: format!("unknown kind/judgement {kind:?}/{judgement:?}"),
            });
        }
        out.push(Judged {
            kind: kind.to_string(),
            entity: c[1].trim().to_string(),
            item: c[2].trim().to_string(),
            judgement: judgement.to_string(),
            reason: c.get(4).map(|r| r.trim().to_string()).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// How one kind of judged items scores against a store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    /// Judged items that the store still shows.
    pub present: usize,
    /// Of those, judged correct (`alias`/`type`), or persons kept whole (`split`).
    pub correct: usize,
    /// The judged-wrong items the store still shows (for the message of a failing test).
    pub wrong: Vec<Judged>,
}

impl Score {
    /// `correct / present` (1 when nothing is present).
    pub fn rate(&self) -> f64 {
        if self.present == 0 {
            1.0
        } else {
            self.correct as f64 / self.present as f64
        }
    }
}

/// Scores judged items of one kind against `store`: an `alias` or `type` item is present
/// when the store still holds that alias of that entity ID / that entity ID (its type is
/// part of the ID); a `split` pair is present when both IDs are still separate entities.
/// For `split`, `present` counts the distinct judged persons and `correct` those with no
/// present `split` pair.
pub fn score(store: &Store, judged: &[Judged], kind: &str) -> Result<Score, AuditError> {
    let ents = store.entities()?;
    let ids: HashSet<&str> = ents.iter().map(|e| e.id.as_str()).collect();
    let aliases: HashSet<(&str, &str)> = ents
        .iter()
        .flat_map(|e| e.aliases.iter().map(move |a| (e.id.as_str(), a.as_str())))
        .collect();
    let mut s = Score::default();
    if kind == "split" {
        let mut persons: BTreeMap<&str, bool> = BTreeMap::new();
        for j in judged.iter().filter(|j| j.kind == "split") {
            if !ids.contains(j.entity.as_str()) {
                continue;
            }
            let split = j.judgement == "split" && ids.contains(j.item.as_str());
            let whole = persons.entry(j.entity.as_str()).or_insert(true);
            if split {
                *whole = false;
                s.wrong.push(j.clone());
            }
        }
        s.present = persons.len();
        s.correct = persons.values().filter(|w| **w).count();
        return Ok(s);
    }
    for j in judged.iter().filter(|j| j.kind == kind) {
        let present = match kind {
            "alias" => aliases.contains(&(j.entity.as_str(), j.item.as_str())),
            _ => ids.contains(j.entity.as_str()),
        };
        if !present {
            continue;
        }
        s.present += 1;
        if j.judgement == "ok" {
            s.correct += 1;
        } else {
            s.wrong.push(j.clone());
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_keys_and_samples() {
        assert_eq!(
            corpus_key("../shared/data/news-id/detik-2026/train.csv#17").as_deref(),
            Some("news-id/detik-2026/train.csv#17")
        );
        assert_eq!(corpus_key("examples/a.txt"), None);
        let items: Vec<u32> = (0..100).collect();
        let a = sample(&items, 10, 7);
        assert_eq!(a, sample(&items, 10, 7));
        assert_eq!(a.len(), 10);
        let distinct: HashSet<_> = a.iter().collect();
        assert_eq!(distinct.len(), 10);
        assert_ne!(a, sample(&items, 10, 8));
    }

    #[test]
    fn judged_lines_are_checked() {
        let ok =
            read_judged("# c\nalias\tgpe:x\tX\tok\tfine\nsplit\tper:a\tper:b\tsplit\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert!(matches!(
            read_judged("alias\tgpe:x\tX\tmaybe\n"),
            Err(AuditError::BadJudged { line: 1, .. })
        ));
        assert!(read_judged("alias\tgpe:x\n").is_err());
    }
}
