//! The checks a reader makes on linked real news, as numbers a test can assert: how long
//! and how large events get, whether one event swallowed several days' market reports or
//! one person's statements over many days, and whether a story was joined through a
//! shared entity alone (a person, an organisation, a platform or brand). Used by `kabar-analyze`'s `link_gold` example and test.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::{Assignment, LinkDoc, Linker};

/// Words that mark a market-level report in a title (`data/market-titles.txt`).
const MARKET_TITLES: &str = include_str!("../data/market-titles.txt");

/// Reader checks on one linked corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderChecks {
    /// Events.
    pub events: usize,
    /// Events whose first and last report are more than 14 days apart.
    pub long_events: usize,
    /// Articles in the largest event.
    pub largest: usize,
    /// The most distinct publication days of market-level reports (titles whose subject
    /// is the rupiah, the dollar rate, the stock index: they start with its name) inside
    /// one event: each day's close is its
    /// own happening, so more than 2 (a close and next morning's recap) is an over-merge.
    pub market_days_max: usize,
    /// Events whose market-level reports fall on more than 2 distinct days.
    pub market_over: usize,
    /// The most distinct publication days on which one person is named in the titles
    /// of one event's articles: a person quoted on many days on many subjects is many
    /// happenings.
    pub person_days_max: usize,
    /// Events that joined a story through one shared entity: sharing no content term
    /// with it besides the words of entity names, or sharing a single person or
    /// organisation with content-term similarity under [`ONE_ENTITY_CONTENT`] (a person,
    /// an organisation, a platform or a brand alone — `Google Play` under three unrelated
    /// game promotions — must never make a story).
    pub entity_only_story_joins: usize,
}

/// The content-term similarity (entity name words left out) a reader expects of a story
/// join that shares one person or organisation only: clearly the same subject.
pub const ONE_ENTITY_CONTENT: f32 = 0.3;

/// The market words of `data/market-titles.txt`.
fn market_words() -> Vec<&'static str> {
    MARKET_TITLES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// True when `title` starts with a market word (`data/market-titles.txt`): a report of one
/// day's exchange rate, index or gold price.
pub fn is_market_title(title: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(market_words);
    let t = title.trim_start().to_lowercase();
    WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Name tokens of a person entity ID (`per:purbaya-yudhi-sadewa` → `purbaya`, …).
fn person_tokens(id: &str) -> Vec<&str> {
    id.strip_prefix("per:")
        .map(|s| {
            s.split(['-', '_'])
                .filter(|w| w.chars().count() > 3)
                .collect()
        })
        .unwrap_or_default()
}

/// Computes the [`ReaderChecks`] of `docs` linked as `links` (by article ID); `linker`
/// (the one that produced `links`) supplies why each event joined its story.
pub fn reader_checks(
    docs: &[LinkDoc],
    links: &HashMap<String, Assignment>,
    linker: Option<&Linker>,
) -> ReaderChecks {
    let mut events: BTreeMap<&str, Vec<&LinkDoc>> = BTreeMap::new();
    for d in docs {
        if let Some(a) = links.get(&d.id) {
            events.entry(a.event.as_str()).or_default().push(d);
        }
    }
    let mut c = ReaderChecks {
        events: events.len(),
        ..ReaderChecks::default()
    };
    for v in events.values() {
        c.largest = c.largest.max(v.len());
        let ts: Vec<_> = v.iter().filter_map(|d| d.published).collect();
        if let (Some(x), Some(y)) = (ts.iter().min(), ts.iter().max()) {
            if (*y - *x).num_minutes() as f64 / 1440.0 > 14.0 {
                c.long_events += 1;
            }
        }
        let market: BTreeSet<_> = v
            .iter()
            .filter(|d| is_market_title(&d.title))
            .filter_map(|d| d.published.map(|p| p.date()))
            .collect();
        c.market_days_max = c.market_days_max.max(market.len());
        if market.len() > 2 {
            c.market_over += 1;
        }
        let mut person_days: HashMap<&str, BTreeSet<chrono::NaiveDate>> = HashMap::new();
        for d in v {
            let (Some(p), t) = (d.published, d.title.to_lowercase()) else {
                continue;
            };
            for e in &d.entities {
                for tok in person_tokens(e) {
                    if t.split(|ch: char| !ch.is_alphanumeric()).any(|w| w == tok) {
                        person_days.entry(tok).or_default().insert(p.date());
                    }
                }
            }
        }
        let most = person_days.values().map(BTreeSet::len).max().unwrap_or(0);
        c.person_days_max = c.person_days_max.max(most);
    }
    if let Some(l) = linker {
        for d in docs {
            let Some(w) = l.why(&d.id) else { continue };
            if w.story != "joined" {
                continue;
            }
            let words = crate::name_words(&d.entities);
            let content = w
                .story_shared
                .iter()
                .any(|s| !s.contains(':') && !crate::is_name_word(s, &words));
            let one_entity = w.story_shared_actors == 1 && w.story_content < ONE_ENTITY_CONTENT;
            if !content || one_entity {
                c.entity_only_story_joins += 1;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::is_market_title;

    #[test]
    fn market_titles_start_with_a_market_word() {
        assert!(is_market_title("Rupiah Ditutup Menguat ke Rp 16.200"));
        assert!(is_market_title("Harga Emas Antam Hari Ini Naik Rp 20.000"));
        assert!(is_market_title(
            "IHSG Masih Loyo, Saham-saham Tambang Berguguran"
        ));
        assert!(!is_market_title("Kursi Menteri Diisi Wajah Baru"));
        assert!(!is_market_title("Purbaya: Rupiah Akan Menguat"));
    }
}
