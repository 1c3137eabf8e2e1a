//! Annotations of real news (IDs, char offsets and labels only) and their scorer.
//!
//! The format and the criteria are in `docs/actions.md` ("Annotating real news"): one JSON
//! object per line, `ann` = `done` | `action` | `quote`, keyed by the article's corpus key
//! (`news-id/detik-2025/data_berita.csv#3`), offsets in chars of the `text` field of
//! `kabar analyze --json`. The scorer compares a gold article with Kabar's [`Analysis`] of
//! it; [`agreement`] compares two annotators on the articles both finished.

use kabar_core::analysis::{ActionOut, QuoteOut};
use kabar_core::{Analysis, EntityType};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A malformed annotation file.
#[derive(Debug, thiserror::Error)]
pub enum RealGoldError {
    /// A line is not a valid annotation.
    #[error("{file}:{line}: {msg}")]
    Line {
        /// The file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

#[derive(Debug, Deserialize)]
struct Line {
    doc: String,
    ann: String,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    #[serde(default, rename = "type")]
    plover: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    source: Vec<String>,
    #[serde(default)]
    target: Vec<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    direct: Option<bool>,
    #[serde(default)]
    speaker: Option<String>,
}

/// A gold action on real news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealAction {
    /// Trigger, chars `[start, end)`.
    pub start: usize,
    /// End of the trigger (chars, exclusive).
    pub end: usize,
    /// PLOVER type name (upper case).
    pub plover: String,
    /// Kabar kind, when one fits.
    pub mode: Option<String>,
    /// Actors; each entry is `|`-separated alternatives, `~x` a generic (unnamed) actor.
    pub source: Vec<String>,
    /// Targets, same notation.
    pub target: Vec<String>,
    /// ISO date of the happening, when the text gives it.
    pub date: Option<String>,
    /// Reported as not having happened.
    pub negated: bool,
}

/// A gold quote on real news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealQuote {
    /// Content, chars `[start, end)`.
    pub start: usize,
    /// End (chars, exclusive).
    pub end: usize,
    /// Direct (inside quotation marks) or reported.
    pub direct: bool,
    /// Speaker name(s) as `|`-separated alternatives; `None` when the text names none.
    pub speaker: Option<String>,
}

/// One annotated article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RealDoc {
    /// Annotated in full (recall counts only these).
    pub done: bool,
    /// Gold actions.
    pub actions: Vec<RealAction>,
    /// Gold quotes.
    pub quotes: Vec<RealQuote>,
}

/// Reads an annotation file: corpus key → article.
pub fn parse(text: &str, file: &str) -> Result<BTreeMap<String, RealDoc>, RealGoldError> {
    let mut docs: BTreeMap<String, RealDoc> = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let err = |msg: String| RealGoldError::Line {
            file: file.to_string(),
            line: i + 1,
            msg,
        };
        if raw.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(raw).map_err(|e| err(e.to_string()))?;
        let d = docs.entry(l.doc.clone()).or_default();
        let span = || match (l.start, l.end) {
            (Some(s), Some(e)) if s < e => Ok((s, e)),
            _ => Err(err("needs start < end (char offsets)".into())),
        };
        match l.ann.as_str() {
            "done" => d.done = true,
            "action" => {
                let (start, end) = span()?;
                let plover = l
                    .plover
                    .clone()
                    .filter(|p| kabar_core::Plover::from_name(p).is_some())
                    .ok_or_else(|| err(format!("unknown PLOVER type {:?}", l.plover)))?;
                d.actions.push(RealAction {
                    start,
                    end,
                    plover,
                    mode: l.mode.clone(),
                    source: l.source.clone(),
                    target: l.target.clone(),
                    date: l.date.clone().filter(|s| !s.is_empty()),
                    negated: l.negated,
                });
            }
            "quote" => {
                let (start, end) = span()?;
                d.quotes.push(RealQuote {
                    start,
                    end,
                    direct: l
                        .direct
                        .ok_or_else(|| err("a quote needs \"direct\"".into()))?,
                    speaker: l.speaker.clone().filter(|s| !s.is_empty()),
                });
            }
            other => return Err(err(format!("unknown ann {other:?} (done|action|quote)"))),
        }
    }
    Ok(docs)
}

/// Counts of the real-news scorer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RealScore {
    /// Articles scored (done).
    pub docs: usize,
    /// Gold actions.
    pub gold_actions: usize,
    /// Predicted actions (non-negated and negated alike).
    pub pred_actions: usize,
    /// Predictions whose trigger overlaps a gold trigger of the same type.
    pub typed_pred_ok: usize,
    /// Gold actions found with the right type.
    pub typed_gold_found: usize,
    /// Predictions with the right type, source and target.
    pub full_pred_ok: usize,
    /// Gold actions found with the right type, source and target.
    pub full_gold_found: usize,
    /// Of typed matches: right source.
    pub source_ok: usize,
    /// Of typed matches: right target.
    pub target_ok: usize,
    /// Of typed matches: right date (equal, or both null).
    pub date_ok: usize,
    /// Of typed matches: a date predicted where gold has none.
    pub date_spurious: usize,
    /// Gold quotes.
    pub gold_quotes: usize,
    /// Predicted quotes.
    pub pred_quotes: usize,
    /// Predicted quotes overlapping a gold quote.
    pub quote_span_ok: usize,
    /// Predicted quotes overlapping a gold quote with the same speaker.
    pub quote_full_ok: usize,
    /// Gold quotes found (overlap).
    pub quote_gold_found: usize,
    /// Gold quotes found with the right speaker.
    pub quote_gold_full: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl RealScore {
    /// A table of the figures.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "articles {}  gold actions {}  predicted {}  gold quotes {}  predicted {}",
            self.docs, self.gold_actions, self.pred_actions, self.gold_quotes, self.pred_quotes
        );
        let _ = writeln!(
            s,
            "actions, type only:            P {:5.1} %  R {:5.1} %",
            pct(self.typed_pred_ok, self.pred_actions),
            pct(self.typed_gold_found, self.gold_actions)
        );
        let _ = writeln!(
            s,
            "actions, type+source+target:   P {:5.1} %  R {:5.1} %",
            pct(self.full_pred_ok, self.pred_actions),
            pct(self.full_gold_found, self.gold_actions)
        );
        let _ = writeln!(
            s,
            "of typed matches: source {:.1} %, target {:.1} %, date {:.1} % ({} dated where gold has none)",
            pct(self.source_ok, self.typed_pred_ok),
            pct(self.target_ok, self.typed_pred_ok),
            pct(self.date_ok, self.typed_pred_ok),
            self.date_spurious
        );
        let _ = writeln!(
            s,
            "quotes, span:                  P {:5.1} %  R {:5.1} %",
            pct(self.quote_span_ok, self.pred_quotes),
            pct(self.quote_gold_found, self.gold_quotes)
        );
        let _ = writeln!(
            s,
            "quotes, span+speaker:          P {:5.1} %  R {:5.1} %",
            pct(self.quote_full_ok, self.pred_quotes),
            pct(self.quote_gold_full, self.gold_quotes)
        );
        s
    }

    /// Typed-action precision with the right source and target (0–1).
    pub fn action_precision(&self) -> f64 {
        pct(self.full_pred_ok, self.pred_actions) / 100.0
    }

    /// Typed-action recall with the right source and target (0–1).
    pub fn action_recall(&self) -> f64 {
        pct(self.full_gold_found, self.gold_actions) / 100.0
    }

    /// Quote precision with the right speaker (0–1).
    pub fn quote_precision(&self) -> f64 {
        pct(self.quote_full_ok, self.pred_quotes) / 100.0
    }
}

const SYMMETRIC: &[&str] = &[
    "meet",
    "phone_call",
    "sign_agreement",
    "agree",
    "negotiate",
    "cooperate",
];

fn norm(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names an entity of the analysis goes by: its name, aliases, mentions and ID slug.
fn names_of(an: &Analysis, id: &str) -> (Vec<String>, bool) {
    let mut out = vec![norm(id.split_once(':').map(|x| x.1).unwrap_or(id))];
    let mut person = id.starts_with("per:");
    if let Some(e) = an.entities.iter().find(|e| e.id == id) {
        out.push(norm(&e.name));
        out.extend(e.aliases.iter().map(|a| norm(a)));
        out.extend(e.mentions.iter().map(|m| norm(&m.text)));
        person = e.kind == EntityType::Per;
    }
    (out, person)
}

/// Does the gold actor (alternatives `a|b`) name the predicted entity?
fn actor_matches(gold: &str, an: &Analysis, id: &str) -> bool {
    if gold.starts_with('~') {
        return false;
    }
    let (names, person) = names_of(an, id);
    gold.split('|').map(norm).any(|g| {
        names.iter().any(|n| {
            n == &g || {
                // a person's first or last name alone ("Prabowo" ~ "Prabowo Subianto")
                person && {
                    let gt: Vec<&str> = g.split(' ').collect();
                    let nt: Vec<&str> = n.split(' ').collect();
                    gt.iter().all(|t| nt.contains(t)) || nt.iter().all(|t| gt.contains(t))
                }
            }
        })
    })
}

/// Gold actors against predicted entity IDs: every prediction names a gold actor and
/// every named gold actor is predicted (generic `~` actors are not expected).
fn actors_agree(gold: &[String], pred: &[String], an: &Analysis) -> bool {
    pred.iter()
        .all(|p| gold.iter().any(|g| actor_matches(g, an, p)))
        && gold
            .iter()
            .filter(|g| !g.starts_with('~'))
            .all(|g| pred.iter().any(|p| actor_matches(g, an, p)))
}

fn roles_agree(g: &RealAction, p: &ActionOut, an: &Analysis) -> (bool, bool) {
    let sym = g.mode.as_deref().is_some_and(|m| SYMMETRIC.contains(&m))
        || SYMMETRIC.contains(&p.kind.as_str());
    if sym {
        let gold: Vec<String> = g.source.iter().chain(&g.target).cloned().collect();
        let pred: Vec<String> = p.source.iter().chain(&p.target).cloned().collect();
        let ok = actors_agree(&gold, &pred, an);
        (ok, ok)
    } else {
        (
            actors_agree(&g.source, &p.source, an),
            actors_agree(&g.target, &p.target, an),
        )
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn speaker_agrees(g: &RealQuote, p: &QuoteOut, an: &Analysis) -> bool {
    match (&g.speaker, &p.speaker) {
        (None, None) => true,
        (Some(gs), Some(ps)) => actor_matches(gs, an, ps),
        _ => false,
    }
}

fn describe(ids: &[String]) -> String {
    ids.join(",")
}

/// Scores Kabar's analysis of one gold article into `score`; mismatches are appended to
/// `errors` as one line each (offsets and labels, the trigger word itself).
pub fn score_doc(
    key: &str,
    gold: &RealDoc,
    an: &Analysis,
    score: &mut RealScore,
    errors: &mut Vec<String>,
) {
    if !gold.done {
        return;
    }
    score.docs += 1;
    score.gold_actions += gold.actions.len();
    score.pred_actions += an.actions.len();
    let mut gold_typed = vec![false; gold.actions.len()];
    let mut gold_full = vec![false; gold.actions.len()];
    for p in &an.actions {
        let ps = (p.trigger.start, p.trigger.end);
        let hit = gold
            .actions
            .iter()
            .enumerate()
            .filter(|(_, g)| overlaps((g.start, g.end), ps) && g.plover == p.plover.name())
            .map(|(i, g)| (i, g, roles_agree(g, p, an)))
            .max_by_key(|(_, _, (s, t))| (*s as u8) + (*t as u8));
        let Some((i, g, (s_ok, t_ok))) = hit else {
            errors.push(format!(
                "{key} FP {} {} «{}» {} -> {}",
                p.plover.name(),
                p.kind,
                p.trigger.text,
                describe(&p.source),
                describe(&p.target)
            ));
            continue;
        };
        score.typed_pred_ok += 1;
        gold_typed[i] = true;
        score.source_ok += s_ok as usize;
        score.target_ok += t_ok as usize;
        if p.date == g.date {
            score.date_ok += 1;
        } else if g.date.is_none() {
            score.date_spurious += 1;
        }
        if p.date != g.date {
            errors.push(format!(
                "{key} DATE «{}» gold {:?} pred {:?}",
                p.trigger.text, g.date, p.date
            ));
        }
        if s_ok && t_ok {
            score.full_pred_ok += 1;
            gold_full[i] = true;
        } else {
            errors.push(format!(
                "{key} ROLE {} «{}» gold {:?} -> {:?}  pred {} -> {}",
                g.plover,
                p.trigger.text,
                g.source,
                g.target,
                describe(&p.source),
                describe(&p.target)
            ));
        }
    }
    for (i, g) in gold.actions.iter().enumerate() {
        score.typed_gold_found += gold_typed[i] as usize;
        score.full_gold_found += gold_full[i] as usize;
        if !gold_typed[i] {
            let trig: String = an
                .text
                .chars()
                .skip(g.start)
                .take(g.end - g.start)
                .collect();
            errors.push(format!(
                "{key} FN {} «{}» @{} {:?} -> {:?}",
                g.plover, trig, g.start, g.source, g.target
            ));
        }
    }
    score_quotes(key, gold, an, score, errors);
}

fn score_quotes(
    key: &str,
    gold: &RealDoc,
    an: &Analysis,
    score: &mut RealScore,
    errors: &mut Vec<String>,
) {
    score.gold_quotes += gold.quotes.len();
    score.pred_quotes += an.quotes.len();
    let mut found = vec![false; gold.quotes.len()];
    let mut found_full = vec![false; gold.quotes.len()];
    for p in &an.quotes {
        let ps = (p.start, p.end);
        let hits: Vec<usize> = (0..gold.quotes.len())
            .filter(|&i| overlaps((gold.quotes[i].start, gold.quotes[i].end), ps))
            .collect();
        if hits.is_empty() {
            let t: String = p.text.chars().take(40).collect();
            errors.push(format!("{key} QFP @{} {:?} «{t}…»", p.start, p.speaker));
            continue;
        }
        score.quote_span_ok += 1;
        let ok: Vec<usize> = hits
            .iter()
            .copied()
            .filter(|&i| speaker_agrees(&gold.quotes[i], p, an))
            .collect();
        for &i in &hits {
            found[i] = true;
        }
        if let Some(&i) = ok.first() {
            score.quote_full_ok += 1;
            found_full[i] = true;
        } else {
            errors.push(format!(
                "{key} QSPK @{} gold {:?} pred {:?}",
                p.start, gold.quotes[hits[0]].speaker, p.speaker
            ));
        }
    }
    for (i, g) in gold.quotes.iter().enumerate() {
        score.quote_gold_found += found[i] as usize;
        score.quote_gold_full += found_full[i] as usize;
        if !found[i] {
            errors.push(format!(
                "{key} QFN @{} {} {:?}",
                g.start,
                if g.direct { "d" } else { "r" },
                g.speaker
            ));
        }
    }
}

/// Agreement of two annotators on the articles both finished.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// Articles both marked done.
    pub docs: usize,
    /// Actions of A, of B, and pairs overlapping with the same type.
    pub actions: (usize, usize, usize),
    /// Of those pairs: same source and target (names compared normalised).
    pub roles_same: usize,
    /// Of those pairs: same date.
    pub date_same: usize,
    /// Quotes of A, of B, and pairs overlapping.
    pub quotes: (usize, usize, usize),
    /// Of those pairs: same speaker.
    pub speaker_same: usize,
}

impl Agreement {
    /// F1 of actions (type + overlap) between the two annotators.
    pub fn action_f1(&self) -> f64 {
        f1(self.actions)
    }

    /// F1 of quote spans between the two annotators.
    pub fn quote_f1(&self) -> f64 {
        f1(self.quotes)
    }

    /// A short report.
    pub fn report(&self) -> String {
        format!(
            "articles {}; actions A {} B {} matched {} (F1 {:.1} %), same source+target {:.1} %, same date {:.1} %; quotes A {} B {} matched {} (F1 {:.1} %), same speaker {:.1} %",
            self.docs,
            self.actions.0,
            self.actions.1,
            self.actions.2,
            100.0 * self.action_f1(),
            pct(self.roles_same, self.actions.2),
            pct(self.date_same, self.actions.2),
            self.quotes.0,
            self.quotes.1,
            self.quotes.2,
            100.0 * self.quote_f1(),
            pct(self.speaker_same, self.quotes.2),
        )
    }
}

fn f1((a, b, m): (usize, usize, usize)) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * m as f64 / (a + b) as f64
    }
}

fn same_names(a: &[String], b: &[String]) -> bool {
    let set = |v: &[String]| -> Vec<Vec<String>> {
        let mut s: Vec<Vec<String>> = v
            .iter()
            .map(|x| x.trim_start_matches('~').split('|').map(norm).collect())
            .collect();
        s.sort();
        s
    };
    let (sa, sb) = (set(a), set(b));
    sa.len() == sb.len()
        && sa
            .iter()
            .all(|x| sb.iter().any(|y| x.iter().any(|n| y.contains(n))))
}

/// Compares two annotators' files on the articles both marked done.
pub fn agreement(a: &BTreeMap<String, RealDoc>, b: &BTreeMap<String, RealDoc>) -> Agreement {
    let mut ag = Agreement::default();
    for (key, da) in a {
        let Some(db) = b.get(key) else { continue };
        if !(da.done && db.done) {
            continue;
        }
        ag.docs += 1;
        ag.actions.0 += da.actions.len();
        ag.actions.1 += db.actions.len();
        let mut used = vec![false; db.actions.len()];
        for x in &da.actions {
            let j = (0..db.actions.len()).find(|&j| {
                !used[j]
                    && db.actions[j].plover == x.plover
                    && overlaps((x.start, x.end), (db.actions[j].start, db.actions[j].end))
            });
            if let Some(j) = j {
                used[j] = true;
                let y = &db.actions[j];
                ag.actions.2 += 1;
                let mut xs: Vec<String> = x.source.iter().chain(&x.target).cloned().collect();
                let mut ys: Vec<String> = y.source.iter().chain(&y.target).cloned().collect();
                let roles = if x.mode.as_deref().is_some_and(|m| SYMMETRIC.contains(&m)) {
                    xs.sort();
                    ys.sort();
                    same_names(&xs, &ys)
                } else {
                    same_names(&x.source, &y.source) && same_names(&x.target, &y.target)
                };
                ag.roles_same += roles as usize;
                ag.date_same += (x.date == y.date) as usize;
            }
        }
        ag.quotes.0 += da.quotes.len();
        ag.quotes.1 += db.quotes.len();
        let mut used = vec![false; db.quotes.len()];
        for x in &da.quotes {
            let j = (0..db.quotes.len()).find(|&j| {
                !used[j] && overlaps((x.start, x.end), (db.quotes[j].start, db.quotes[j].end))
            });
            if let Some(j) = j {
                used[j] = true;
                ag.quotes.2 += 1;
                let same = match (&x.speaker, &db.quotes[j].speaker) {
                    (None, None) => true,
                    (Some(p), Some(q)) => {
                        same_names(std::slice::from_ref(p), std::slice::from_ref(q))
                    }
                    _ => false,
                };
                ag.speaker_same += same as usize;
            }
        }
    }
    ag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_refuses_bad_lines_and_reads_good_ones() {
        let ok = r#"{"doc":"a#1","ann":"done"}
{"doc":"a#1","ann":"action","start":3,"end":9,"type":"REJECT","source":["Kemlu|Kementerian Luar Negeri"],"target":[],"date":null}
{"doc":"a#1","ann":"quote","start":20,"end":40,"direct":true,"speaker":null}"#;
        let d = parse(ok, "x.jsonl").unwrap();
        assert!(d["a#1"].done);
        assert_eq!(d["a#1"].actions[0].plover, "REJECT");
        assert_eq!(d["a#1"].quotes[0].speaker, None);
        let bad = r#"{"doc":"a#1","ann":"action","start":3,"end":9,"type":"NOPE"}"#;
        let e = parse(bad, "x.jsonl").unwrap_err().to_string();
        assert!(e.contains("x.jsonl:1") && e.contains("NOPE"), "{e}");
        let bad = r#"{"doc":"a#1","ann":"quote","start":9,"end":3,"direct":true}"#;
        assert!(parse(bad, "x.jsonl").is_err());
    }

    #[test]
    fn agreement_counts_matches_and_role_differences() {
        let a = parse(
            r#"{"doc":"k","ann":"done"}
{"doc":"k","ann":"action","start":0,"end":5,"type":"REJECT","source":["Kemlu"],"target":["Israel"]}
{"doc":"k","ann":"action","start":10,"end":15,"type":"AGREE","mode":"meet","source":["A"],"target":["B"]}"#,
            "a",
        )
        .unwrap();
        let b = parse(
            r#"{"doc":"k","ann":"done"}
{"doc":"k","ann":"action","start":1,"end":4,"type":"REJECT","source":["Kemlu|Kementerian Luar Negeri"],"target":["Iran"]}"#,
            "b",
        )
        .unwrap();
        let ag = agreement(&a, &b);
        assert_eq!(ag.actions, (2, 1, 1));
        assert_eq!(ag.roles_same, 0);
        assert!((ag.action_f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
