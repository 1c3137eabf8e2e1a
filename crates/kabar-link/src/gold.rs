//! Gold clusterings and their scoring: the TSV format of `crates/kabar-link/gold/` and
//! B³ (Bagga & Baldwin 1998) precision, recall and F1.
//!
//! A gold file has a header `key\tevent\tstory` and one article per line; lines starting
//! with `#` are comments. `key` is the corpus key of `docs/EVALUATION.md`
//! (`news-id/detik-2026/train.csv#17`); `event` and `story` are free labels.

use std::collections::HashMap;
use std::hash::Hash;

/// One annotated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRow {
    /// Corpus key.
    pub key: String,
    /// Event label.
    pub event: String,
    /// Story label.
    pub story: String,
}

/// A gold file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The header is not `key\tevent\tstory`.
    #[error("{file}: the header must be `key<TAB>event<TAB>story`, found {found:?}")]
    Header {
        /// File name as given.
        file: String,
        /// The first non-comment line.
        found: String,
    },
    /// A line has fewer than three fields or an empty one.
    #[error("{file}:{line}: expected three non-empty tab-separated fields")]
    Row {
        /// File name as given.
        file: String,
        /// 1-based line number.
        line: usize,
    },
    /// A key occurs twice.
    #[error("{file}:{line}: key {key} occurs twice")]
    Duplicate {
        /// File name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The repeated key.
        key: String,
    },
}

/// Parses the text of a gold file; `file` only names it in errors.
pub fn parse_gold(file: &str, text: &str) -> Result<Vec<GoldRow>, GoldError> {
    let mut rows = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            if line != "key\tevent\tstory" {
                return Err(GoldError::Header {
                    file: file.into(),
                    found: line.into(),
                });
            }
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 || f[..3].iter().any(|x| x.is_empty()) {
            return Err(GoldError::Row {
                file: file.into(),
                line: i + 1,
            });
        }
        if !seen.insert(f[0].to_string()) {
            return Err(GoldError::Duplicate {
                file: file.into(),
                line: i + 1,
                key: f[0].into(),
            });
        }
        rows.push(GoldRow {
            key: f[0].into(),
            event: f[1].into(),
            story: f[2].into(),
        });
    }
    if !header {
        return Err(GoldError::Header {
            file: file.into(),
            found: String::new(),
        });
    }
    Ok(rows)
}

/// B³ scores.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BCubed {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// Items scored (known to both clusterings).
    pub n: usize,
}

/// B³ of `pred` against `gold` over the items both contain (cluster labels of any type).
pub fn b_cubed<K: Hash + Eq, A: Hash + Eq, B: Hash + Eq>(
    gold: &HashMap<K, A>,
    pred: &HashMap<K, B>,
) -> BCubed {
    let items: Vec<(&A, &B)> = gold
        .iter()
        .filter_map(|(k, g)| pred.get(k).map(|p| (g, p)))
        .collect();
    let n = items.len();
    if n == 0 {
        return BCubed::default();
    }
    let mut gc: HashMap<&A, usize> = HashMap::new();
    let mut pc: HashMap<&B, usize> = HashMap::new();
    let mut both: HashMap<(&A, &B), usize> = HashMap::new();
    for &(g, p) in &items {
        *gc.entry(g).or_default() += 1;
        *pc.entry(p).or_default() += 1;
        *both.entry((g, p)).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for &(g, q) in &items {
        let b = both[&(g, q)] as f64;
        p += b / pc[q] as f64;
        r += b / gc[g] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    BCubed { p, r, f1, n }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let g = parse_gold("g", "# c\nkey\tevent\tstory\na#1\te1\ts1\na#2\te1\ts1\n").unwrap();
        assert_eq!(g.len(), 2);
        assert!(matches!(
            parse_gold("g", "k\te\n"),
            Err(GoldError::Header { .. })
        ));
        assert!(matches!(
            parse_gold("g", "key\tevent\tstory\na#1\te1\n"),
            Err(GoldError::Row { line: 2, .. })
        ));
        assert!(matches!(
            parse_gold("g", "key\tevent\tstory\na\te\ts\na\te\ts\n"),
            Err(GoldError::Duplicate { .. })
        ));
    }

    #[test]
    fn b_cubed_known_values() {
        let gold: HashMap<u32, &str> = [(1, "a"), (2, "a"), (3, "b"), (4, "b")].into();
        let same: HashMap<u32, u8> = [(1, 0), (2, 0), (3, 1), (4, 1)].into();
        assert!((b_cubed(&gold, &same).f1 - 1.0).abs() < 1e-9);
        let one: HashMap<u32, u8> = [(1, 0), (2, 0), (3, 0), (4, 0)].into();
        let s = b_cubed(&gold, &one);
        assert!((s.p - 0.5).abs() < 1e-9 && (s.r - 1.0).abs() < 1e-9);
    }
}
