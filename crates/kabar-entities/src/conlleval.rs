//! Entity-level evaluation in the manner of CoNLL's `conlleval`: an entity counts as
//! correct only when its span and type both match exactly.
//!
//! Datasets name their types differently and do not separate GPE from LOC, so by default
//! type names are normalised (PERSON → PER, ORGANISATION/ORGANIZATION → ORG) and every
//! place type (GPE, LOC, LOCATION, PLACE) is scored as one type, `LOC`; types Kabar does not
//! tag (IndoLEM's TIME, QUANTITY) count as `O`. [`Mapping::Raw`] compares labels as written.

use std::collections::BTreeMap;
use std::io::BufRead;

/// How labels are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mapping {
    /// Normalise type names and merge place types (the default).
    Kabar,
    /// Compare labels as written.
    Raw,
}

fn norm_type(t: &str, m: Mapping) -> Option<String> {
    if m == Mapping::Raw {
        return Some(t.to_string());
    }
    match t.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some("PER".into()),
        "ORG" | "ORGANISATION" | "ORGANIZATION" => Some("ORG".into()),
        "GPE" | "LOC" | "LOCATION" | "PLACE" => Some("LOC".into()),
        _ => None,
    }
}

/// Splits a tag into (prefix, type): `B-PER` → (B, PER), `PER` → (I, PER), `O` → None.
fn parse(tag: &str, m: Mapping) -> Option<(char, String)> {
    if tag == "O" || tag.is_empty() {
        return None;
    }
    let (p, t) = match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => (p.chars().next().unwrap_or('I'), t),
        _ => ('I', tag),
    };
    let p = match p {
        'B' | 'S' | 'U' => 'B',
        _ => 'I',
    };
    norm_type(t, m).map(|t| (p, t))
}

/// Entity chunks `(start, end_exclusive, type)` of a tag sequence (conlleval rules: an
/// `I-X` that does not continue an `X` chunk starts one).
pub fn chunks(tags: &[&str], m: Mapping) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let p = parse(t, m);
        let continues = matches!((&p, &cur), (Some(('I', ty)), Some((_, c))) if ty == c);
        if !continues {
            if let Some((s, ty)) = cur.take() {
                out.push((s, i, ty));
            }
            if let Some((_, ty)) = p {
                cur = Some((i, ty));
            }
        }
    }
    if let Some((s, ty)) = cur {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Counts of one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub pred: usize,
    /// Exactly matching entities.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        100.0 * self.correct as f64 / self.pred.max(1) as f64
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        100.0 * self.correct as f64 / self.gold.max(1) as f64
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per type.
    pub by_type: BTreeMap<String, Counts>,
    /// All types.
    pub overall: Counts,
    /// Tokens read.
    pub tokens: usize,
    /// Tokens whose (mapped) tag matched.
    pub tokens_correct: usize,
}

impl Report {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[&str], pred: &[&str], m: Mapping) {
        let g = chunks(gold, m);
        let p = chunks(pred, m);
        for (_, _, t) in &g {
            self.by_type.entry(t.clone()).or_default().gold += 1;
            self.overall.gold += 1;
        }
        for c in &p {
            self.by_type.entry(c.2.clone()).or_default().pred += 1;
            self.overall.pred += 1;
            if g.contains(c) {
                self.by_type.entry(c.2.clone()).or_default().correct += 1;
                self.overall.correct += 1;
            }
        }
        self.tokens += gold.len();
        self.tokens_correct += gold
            .iter()
            .zip(pred)
            .filter(|(a, b)| parse(a, m) == parse(b, m))
            .count();
    }

    /// A conlleval-like text report.
    pub fn render(&self) -> String {
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, self.overall.gold, self.overall.pred, self.overall.correct
        );
        s += &format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            100.0 * self.tokens_correct as f64 / self.tokens.max(1) as f64,
            self.overall.precision(),
            self.overall.recall(),
            self.overall.f1()
        );
        for (t, c) in &self.by_type {
            s += &format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {} (gold {})\n",
                t,
                c.precision(),
                c.recall(),
                c.f1(),
                c.pred,
                c.gold
            );
        }
        s
    }
}

/// Evaluates a CoNLL file: gold tags in column `gold_col` (1-based; `None`: the one before
/// the last), predictions in the last column; blank lines and `-DOCSTART-` lines separate
/// sentences.
pub fn evaluate<R: BufRead>(r: R, gold_col: Option<usize>, m: Mapping) -> std::io::Result<Report> {
    let mut rep = Report::default();
    let mut gold: Vec<String> = Vec::new();
    let mut pred: Vec<String> = Vec::new();
    let flush = |gold: &mut Vec<String>, pred: &mut Vec<String>, rep: &mut Report| {
        if !gold.is_empty() {
            let g: Vec<&str> = gold.iter().map(|s| s.as_str()).collect();
            let p: Vec<&str> = pred.iter().map(|s| s.as_str()).collect();
            rep.add(&g, &p, m);
        }
        gold.clear();
        pred.clear();
    };
    for line in r.lines() {
        let line = line?;
        let cols: Vec<&str> = line.split_whitespace().collect();
        if line.trim().is_empty() || line.starts_with("-DOCSTART-") || cols.len() < 2 {
            flush(&mut gold, &mut pred, &mut rep);
            continue;
        }
        let gi = gold_col
            .map(|c| c.saturating_sub(1))
            .unwrap_or(cols.len() - 2);
        gold.push(cols.get(gi).unwrap_or(&"O").trim().to_string());
        pred.push(cols[cols.len() - 1].trim().to_string());
    }
    flush(&mut gold, &mut pred, &mut rep);
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type() {
        let text =
            "Joko\tB-PERSON\tB-PER\nWidodo\tI-PERSON\tI-PER\nke\tO\tO\nBali\tB-PLACE\tB-GPE\n\n\
                    Bank\tB-ORGANISATION\tB-ORG\nDunia\tI-ORGANISATION\tO\n";
        let r = evaluate(text.as_bytes(), None, Mapping::Kabar).unwrap();
        assert_eq!(r.overall.gold, 3);
        assert_eq!(r.overall.pred, 3);
        assert_eq!(r.overall.correct, 2, "partial ORG span is wrong");
        assert_eq!(
            r.by_type["LOC"].correct, 1,
            "PLACE and GPE both score as LOC"
        );
        let raw = evaluate(text.as_bytes(), None, Mapping::Raw).unwrap();
        assert_eq!(raw.overall.correct, 0);
    }

    #[test]
    fn stray_inside_starts_a_chunk() {
        let c = chunks(&["O", "I-PER", "I-PER", "B-PER", "I-ORG"], Mapping::Kabar);
        assert_eq!(
            c,
            vec![
                (1, 3, "PER".into()),
                (3, 4, "PER".into()),
                (4, 5, "ORG".into())
            ]
        );
    }
}
