//! The audit split of real articles: a fixed, hash-based fifth of every real corpus that
//! is never read while rules, lexicons or thresholds are tuned.
//!
//! Quality work on real news needs a figure that was not tuned on. Before any tuning, each
//! real article is assigned by its *corpus key* — the path of its file relative to
//! `shared/data` and, for files with several records, `#` and the 1-based record number
//! (`news-id/detik-2026/train.csv#17`, `time-id/indotimex-dev/kompas_development/x.tml`) —
//! to [`Split::Tune`] or [`Split::Audit`]. The assignment depends on the key alone, so every
//! tool, test and annotator agrees without a list. `docs/EVALUATION.md` describes the rules
//! of use: audit articles are scored, never inspected while tuning.

/// Which side of the audit split a real article is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Split {
    /// Free to read, annotate and tune on; figures on it are upper bounds.
    Tune,
    /// Held back: only scored, once a change is final.
    Audit,
}

/// The split of the article with this corpus key: about one key in five is [`Split::Audit`].
///
/// ```
/// use kabar_core::split::{split_of, Split};
/// let audit = (1..=1000)
///     .filter(|n| split_of(&format!("news-id/detik-2026/train.csv#{n}")) == Split::Audit)
///     .count();
/// assert!((150..250).contains(&audit));
/// ```
pub fn split_of(key: &str) -> Split {
    let hash = blake3::hash(format!("kabar-audit-v1:{key}").as_bytes());
    if hash.as_bytes()[0] < 52 {
        Split::Audit
    } else {
        Split::Tune
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_stable_and_depends_on_the_key() {
        assert_eq!(split_of("a#1"), split_of("a#1"));
        let sides: std::collections::HashSet<Split> =
            (1..50).map(|n| split_of(&format!("a#{n}"))).collect();
        assert_eq!(sides.len(), 2, "both sides occur among 49 keys");
    }
}
