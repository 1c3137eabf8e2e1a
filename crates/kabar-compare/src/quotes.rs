//! Aligning quotes across articles: the same statement quoted word for word, trimmed, or
//! paraphrased in indirect speech is one group, found by word overlap.

use kabar_actions::ActorLevels;
use std::collections::BTreeSet;

/// A quote of one article.
#[derive(Debug, Clone)]
pub(crate) struct QuoteMention {
    pub article: String,
    pub outlet: String,
    pub speaker: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Content words of a quote: lower-case words of three letters or more (short function
/// words weigh little in both languages).
pub(crate) fn content_words(t: &str) -> BTreeSet<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Overlap coefficient |A∩B| / min(|A|, |B|): a trimmed quote is inside its full form.
pub(crate) fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / small as f64
}

/// [`overlap`] of two sorted, deduplicated ID lists.
fn overlap_sorted(a: &[u32], b: &[u32]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n as f64 / small as f64
}

/// The least overlap for two quotes to be one statement.
pub(crate) const SAME_STATEMENT: f64 = 0.6;
/// The fewest content words a quote needs to be aligned at all (shorter ones are too
/// generic: "kami siap").
pub(crate) const MIN_WORDS: usize = 4;

/// The least overlap, and the fewest content words of the shorter quote, for two quotes
/// to count as the same statement when a claim (a speaker conflict) rests on it.
pub(crate) const STRONG: (f64, usize) = (0.8, 6);

/// Are two quotes the same statement beyond doubt (see [`STRONG`])?
pub(crate) fn same_statement(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.len().min(b.len()) >= STRONG.1 && overlap(a, b) >= STRONG.0
}

/// Groups quotes into statements: a quote joins the first group one of whose members it
/// overlaps enough.
pub(crate) fn align(quotes: &[QuoteMention]) -> Vec<Vec<usize>> {
    // words as sorted numbers: comparing strings pair by pair dominated large events
    let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let words: Vec<Vec<u32>> = quotes
        .iter()
        .map(|q| {
            let mut v: Vec<u32> = content_words(&q.text)
                .into_iter()
                .map(|w| {
                    let n = ids.len() as u32;
                    *ids.entry(w).or_insert(n)
                })
                .collect();
            v.sort_unstable();
            v
        })
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let joined = (w.len() >= MIN_WORDS)
            .then(|| {
                groups.iter().position(|g| {
                    g.iter().any(|&j| {
                        words[j].len() >= MIN_WORDS
                            && overlap_sorted(w, &words[j]) >= SAME_STATEMENT
                    })
                })
            })
            .flatten();
        match joined {
            Some(g) => groups[g].push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// Are two speaker IDs the same person or body? Equal IDs, the same top level (a
/// minister and the ministry), or one name inside the other (`per:widodo` and
/// `per:joko-widodo`: the tagger's canonical names are not always merged).
pub(crate) fn same_speaker(a: &str, b: &str, levels: &ActorLevels) -> bool {
    if a == b || levels.top(a) == levels.top(b) || levels.top(a) == b || levels.top(b) == a {
        return true;
    }
    let parts = |s: &str| -> Option<(String, BTreeSet<String>)> {
        let (ty, slug) = s.split_once(':')?;
        Some((
            ty.to_string(),
            slug.split('-').map(str::to_string).collect(),
        ))
    };
    match (parts(a), parts(b)) {
        (Some((ta, wa)), Some((tb, wb))) => ta == tb && (wa.is_subset(&wb) || wb.is_subset(&wa)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> QuoteMention {
        QuoteMention {
            article: "a".into(),
            outlet: "o".into(),
            speaker: None,
            text: text.into(),
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn trimmed_and_paraphrased_quotes_align_others_do_not() {
        let qs = [
            q("Kami akan mengirim bantuan ke semua desa yang terendam banjir minggu ini"),
            q("bantuan akan dikirim ke semua desa yang terendam banjir"),
            q("Perjanjian ini melindungi nelayan kita di perbatasan laut"),
            q("kami siap"),
        ];
        assert_eq!(align(&qs), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn speakers_match_by_level_or_name() {
        let mut lv = ActorLevels::default();
        lv.add("per:retno", "org:kemlu");
        assert!(same_speaker("per:retno", "org:kemlu", &lv));
        assert!(same_speaker("per:widodo", "per:joko-widodo", &lv));
        assert!(!same_speaker("per:retno", "per:anwar", &lv));
    }
}
