//! Scoring on annotated real news: TimeML `.tml` articles (IndoTimex, Kompas) read as the
//! annotation criteria in `docs/time.md` say (UTF-8, else Windows-1252; the content between
//! `<TEXT>` and `</TEXT>`; Unicode-character offsets), annotation TSVs
//! (`doc start end type value mod`), and strict/relaxed recognition, normalisation and
//! per-type scores.

use crate::eval::Prf;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A problem with an annotation file or an article.
#[derive(Debug, thiserror::Error)]
pub enum RealNewsError {
    /// A row of an annotation file is malformed.
    #[error("{file}: line {line}: {what}")]
    BadRow {
        /// The annotation file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// An article lacks a part the format needs.
    #[error("{file}: {what}")]
    BadArticle {
        /// The article file.
        file: String,
        /// What is missing.
        what: String,
    },
}

/// One annotated (or predicted) TIMEX3, offsets in Unicode characters of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// The article file name.
    pub doc: String,
    /// Start (characters).
    pub start: usize,
    /// End, exclusive (characters).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    /// TimeML value.
    pub value: String,
    /// TimeML mod, empty when none.
    pub modifier: String,
}

/// A TimeML article: its creation date and the text between `<TEXT>` and `</TEXT>`.
#[derive(Debug, Clone)]
pub struct Article {
    /// The document creation date (`2013-10-18`), `None` when the source gives none.
    pub dct: Option<String>,
    /// The body, decoded, line endings as in the file.
    pub text: String,
}

/// Decodes a file as UTF-8 when valid, else as Windows-1252 (one character per byte, as
/// Python's `cp1252` with `errors="replace"` counts them).
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn between<'a>(s: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let i = s.find(a)? + a.len();
    let j = s[i..].find(b)? + i;
    Some(&s[i..j])
}

/// Reads a TimeML article (`name` is used in errors).
pub fn read_tml(name: &str, bytes: &[u8]) -> Result<Article, RealNewsError> {
    let s = decode(bytes);
    let bad = |what: &str| RealNewsError::BadArticle {
        file: name.to_string(),
        what: what.to_string(),
    };
    let dct = between(&s, "<DCT>", "</DCT>")
        .and_then(|d| between(d, "value=\"", "\""))
        .ok_or_else(|| bad("no <DCT> with a value"))?;
    let text = between(&s, "<TEXT>", "</TEXT>").ok_or_else(|| bad("no <TEXT>…</TEXT>"))?;
    // IndoTimex writes unpadded days ("2013-12-4")
    let dct = chrono::NaiveDate::parse_from_str(
        dct.get(..10).unwrap_or(dct).trim_end_matches('T'),
        "%Y-%m-%d",
    )
    .map(|d| d.format("%Y-%m-%d").to_string())
    .map_err(|_| bad(&format!("DCT value {dct:?} is not a date")))?;
    Ok(Article {
        dct: Some(dct),
        text: text.to_string(),
    })
}

/// Reads an annotation TSV (header `doc start end type value mod`).
pub fn load_annotations(file: &str, src: &str) -> Result<Vec<Timex>, RealNewsError> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let bad = |what: String| RealNewsError::BadRow {
            file: file.to_string(),
            line: i + 1,
            what,
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if i == 0 || f.first() == Some(&"doc") {
            if f.first() != Some(&"doc") {
                return Err(bad(
                    "the first line must be the header doc/start/end/type/value/mod".into(),
                ));
            }
            continue;
        }
        if f.len() < 5 {
            return Err(bad(format!("{} fields, want 6", f.len())));
        }
        let num = |k: usize| {
            f[k].trim()
                .parse::<usize>()
                .map_err(|_| bad(format!("field {} is not an offset: {:?}", k + 1, f[k])))
        };
        let (start, end) = (num(1)?, num(2)?);
        if end <= start {
            return Err(bad(format!("end {end} is not after start {start}")));
        }
        let kind = f[3].trim().to_uppercase();
        if !matches!(kind.as_str(), "DATE" | "TIME" | "DURATION" | "SET") {
            return Err(bad(format!("type {kind:?} is not DATE/TIME/DURATION/SET")));
        }
        out.push(Timex {
            doc: f[0].trim().to_string(),
            start,
            end,
            kind,
            value: f[4].trim().to_string(),
            modifier: f.get(5).map(|m| m.trim().to_string()).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// Runs [`crate::analyze`] on an article (anchored on its DCT) and returns its expressions
/// with character offsets.
pub fn tag_article(doc: &str, a: &Article, today: NaiveDate) -> Vec<Timex> {
    let an = crate::analyze(&a.text, kabar_core::Lang::Id, a.dct.as_deref(), today);
    // byte -> char offsets
    let mut chars_before = vec![0usize; a.text.len() + 1];
    let mut n = 0;
    for (b, ch) in a.text.char_indices() {
        chars_before[b..b + ch.len_utf8()].fill(n);
        n += 1;
    }
    chars_before[a.text.len()] = n;
    an.times
        .iter()
        .map(|t| Timex {
            doc: doc.to_string(),
            start: chars_before[t.span.start],
            end: chars_before[t.span.end],
            kind: format!("{:?}", t.kind).to_uppercase(),
            value: t.value.clone(),
            modifier: t.modifier.clone().unwrap_or_default(),
        })
        .collect()
}

/// Scores of predicted against gold expressions.
#[derive(Debug, Clone, Default)]
pub struct RealScores {
    /// Recognition, exact span.
    pub strict: Prf,
    /// Recognition, overlapping span.
    pub relaxed: Prf,
    /// Overlapping span and same value.
    pub value: Prf,
    /// Overlapping span and same type.
    pub kind: Prf,
    /// Overlapping span, same value and same mod.
    pub value_mod: Prf,
    /// Per gold type: (relaxed recognition, value).
    pub per_type: BTreeMap<String, (Prf, Prf)>,
    /// Missed, spurious and wrong-value expressions (`doc start end …`).
    pub errors: Vec<String>,
}

/// Scores `pred` against `gold` on the documents of `gold` (one gold expression matches at
/// most one prediction; an exact span match is preferred, then the first overlap). Per
/// type, a prediction counts as predicted for its own type.
pub fn score_timex(gold: &[Timex], pred: &[Timex]) -> RealScores {
    let mut sc = RealScores::default();
    let mut docs: Vec<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    for doc in docs {
        let g: Vec<&Timex> = gold.iter().filter(|t| t.doc == doc).collect();
        let p: Vec<&Timex> = pred.iter().filter(|t| t.doc == doc).collect();
        for m in [
            &mut sc.strict,
            &mut sc.relaxed,
            &mut sc.value,
            &mut sc.kind,
            &mut sc.value_mod,
        ] {
            m.gold += g.len();
            m.predicted += p.len();
        }
        for t in &p {
            let e = sc.per_type.entry(t.kind.clone()).or_default();
            e.0.predicted += 1;
            e.1.predicted += 1;
        }
        let mut used = vec![false; p.len()];
        for gt in &g {
            let e = sc.per_type.entry(gt.kind.clone()).or_default();
            e.0.gold += 1;
            e.1.gold += 1;
            let exact = p
                .iter()
                .position(|t| t.start == gt.start && t.end == gt.end)
                .filter(|&i| !used[i]);
            let hit = exact.or_else(|| {
                (0..p.len()).find(|&i| !used[i] && p[i].start < gt.end && gt.start < p[i].end)
            });
            let Some(i) = hit else {
                sc.errors.push(format!(
                    "MISSED\t{doc}\t{}\t{}\t{}\t{}\t{}",
                    gt.start, gt.end, gt.kind, gt.value, gt.modifier
                ));
                continue;
            };
            used[i] = true;
            let t = p[i];
            sc.relaxed.tp += 1;
            if t.start == gt.start && t.end == gt.end {
                sc.strict.tp += 1;
            }
            if t.kind == gt.kind {
                sc.kind.tp += 1;
                let e = sc.per_type.entry(gt.kind.clone()).or_default();
                e.0.tp += 1;
                if t.value == gt.value {
                    e.1.tp += 1;
                }
            }
            if t.value == gt.value {
                sc.value.tp += 1;
                if t.modifier == gt.modifier {
                    sc.value_mod.tp += 1;
                }
            }
            if t.value != gt.value || t.kind != gt.kind || t.modifier != gt.modifier {
                sc.errors.push(format!(
                    "WRONG\t{doc}\t{}\t{}\t{} {} {}\twant {} {} {}",
                    t.start, t.end, t.kind, t.value, t.modifier, gt.kind, gt.value, gt.modifier
                ));
            }
        }
        for (i, t) in p.iter().enumerate() {
            if !used[i] {
                sc.errors.push(format!(
                    "EXTRA\t{doc}\t{}\t{}\t{}\t{}\t{}",
                    t.start, t.end, t.kind, t.value, t.modifier
                ));
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(doc: &str, s: usize, e: usize, k: &str, v: &str) -> Timex {
        Timex {
            doc: doc.into(),
            start: s,
            end: e,
            kind: k.into(),
            value: v.into(),
            modifier: String::new(),
        }
    }

    #[test]
    fn strict_relaxed_and_value() {
        let gold = vec![
            tx("a", 0, 10, "DATE", "2013"),
            tx("a", 20, 25, "TIME", "2013-01-01T10:00"),
        ];
        let pred = vec![
            tx("a", 2, 10, "DATE", "2013"),
            tx("a", 20, 25, "TIME", "2013-01-02T10:00"),
            tx("a", 40, 45, "SET", "P1D"),
        ];
        let s = score_timex(&gold, &pred);
        assert_eq!((s.relaxed.tp, s.strict.tp, s.value.tp), (2, 1, 1));
        assert_eq!((s.relaxed.predicted, s.relaxed.gold), (3, 2));
        assert_eq!(s.per_type["TIME"].1.tp, 0);
        assert_eq!(s.per_type["SET"].0.predicted, 1);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let e = load_annotations(
            "x.tsv",
            "doc\tstart\tend\ttype\tvalue\tmod\na.tml\t5\t3\tDATE\t2013\t\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("x.tsv: line 2"), "{e}");
        assert!(load_annotations(
            "x.tsv",
            "doc\tstart\tend\ttype\tvalue\tmod\na\t1\t3\tDAY\tx\t\n"
        )
        .is_err());
    }

    #[test]
    fn cp1252_is_one_char_per_byte() {
        let s = decode(
            b"<DCT><TIMEX3 value=\"2013-10-18\">x</TIMEX3></DCT><TEXT>\r\n\x93Kami\x94 2013</TEXT>",
        );
        let a = read_tml("t.tml", s.as_bytes()).expect("reads");
        assert_eq!(a.dct.as_deref(), Some("2013-10-18"));
        assert_eq!(a.text.chars().count(), 13);
        let t = tag_article("t.tml", &a, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!((t[0].start, t[0].end, t[0].value.as_str()), (9, 13, "2013"));
    }
}
