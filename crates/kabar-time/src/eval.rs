//! Scoring of the tagger against a gold file in Kabar's test-set format (see
//! `tests/data/timex.tsv`): relaxed span match (overlap) for recognition, and overlap plus
//! exact TimeML value for normalisation (TempEval-3 style).

use chrono::NaiveDate;
use kabar_core::Lang;

/// One gold expression.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Byte span in the sentence.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    /// TimeML value.
    pub value: String,
}

/// One sentence of the test set.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// Language.
    pub lang: Lang,
    /// Publication date the expressions are anchored on.
    pub anchor: NaiveDate,
    /// The sentence.
    pub text: String,
    /// Its expressions.
    pub gold: Vec<GoldTimex>,
}

/// Reads the test-set format: `S\tlang\tanchor\tsentence` lines, each followed by
/// `T\tspan text\tTYPE\tvalue` lines; `#` comments. Errors name the bad line.
pub fn load_gold(src: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out: Vec<GoldSentence> = Vec::new();
    let mut cursor = 0usize;
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["S", lang, anchor, text] => {
                let lang = match *lang {
                    "id" => Lang::Id,
                    "en" => Lang::En,
                    _ => Lang::Unknown,
                };
                let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d")
                    .map_err(|e| format!("line {}: bad anchor: {e}", n + 1))?;
                out.push(GoldSentence {
                    lang,
                    anchor,
                    text: text.to_string(),
                    gold: Vec::new(),
                });
                cursor = 0;
            }
            ["T", span, kind, value] => {
                let s = out
                    .last_mut()
                    .ok_or_else(|| format!("line {}: T before any S", n + 1))?;
                let at = s.text[cursor..]
                    .find(span)
                    .ok_or_else(|| format!("line {}: span {span:?} not in sentence", n + 1))?
                    + cursor;
                s.gold.push(GoldTimex {
                    start: at,
                    end: at + span.len(),
                    kind: kind.to_string(),
                    value: value.to_string(),
                });
                cursor = at;
            }
            _ => return Err(format!("line {}: expected S or T record", n + 1)),
        }
    }
    Ok(out)
}

/// Precision, recall, F1 of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// Predicted.
    pub predicted: usize,
    /// Gold.
    pub gold: usize,
}

impl Prf {
    /// Precision.
    pub fn p(&self) -> f64 {
        self.tp as f64 / self.predicted.max(1) as f64
    }
    /// Recall.
    pub fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of a run.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Recognition (relaxed span).
    pub recognition: Prf,
    /// Normalisation (relaxed span and exact value).
    pub normalisation: Prf,
    /// Type accuracy among recognised.
    pub type_correct: usize,
    /// Human-readable errors: missed, spurious, wrong value.
    pub errors: Vec<String>,
}

/// Runs [`crate::analyze`] on every sentence (anchored on its date) and scores it.
pub fn score(sentences: &[GoldSentence], today: NaiveDate) -> Scores {
    let mut sc = Scores::default();
    for s in sentences {
        let anchor = s.anchor.format("%Y-%m-%d").to_string();
        let a = crate::analyze(&s.text, s.lang, Some(&anchor), today);
        sc.recognition.predicted += a.times.len();
        sc.normalisation.predicted += a.times.len();
        sc.recognition.gold += s.gold.len();
        sc.normalisation.gold += s.gold.len();
        let mut used = vec![false; a.times.len()];
        for g in &s.gold {
            let hit = a
                .times
                .iter()
                .enumerate()
                .find(|(i, t)| !used[*i] && t.span.start < g.end && g.start < t.span.end);
            match hit {
                Some((i, t)) => {
                    used[i] = true;
                    sc.recognition.tp += 1;
                    if t.value == g.value {
                        sc.normalisation.tp += 1;
                    } else {
                        sc.errors.push(format!(
                            "VALUE  {:?}: got {} want {}  | {}",
                            t.span.slice(&s.text),
                            t.value,
                            g.value,
                            s.text
                        ));
                    }
                    if format!("{:?}", t.kind).eq_ignore_ascii_case(&g.kind) {
                        sc.type_correct += 1;
                    }
                }
                None => sc.errors.push(format!(
                    "MISSED {:?} ({})  | {}",
                    &s.text[g.start..g.end],
                    g.value,
                    s.text
                )),
            }
        }
        for (i, t) in a.times.iter().enumerate() {
            if !used[i] {
                sc.errors.push(format!(
                    "EXTRA  {:?} ({})  | {}",
                    t.span.slice(&s.text),
                    t.value,
                    s.text
                ));
            }
        }
    }
    sc
}
