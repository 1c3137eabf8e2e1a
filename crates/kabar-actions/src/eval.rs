//! The annotated test set format and its scorer (used by the `eval_actions` example and
//! the crate's tests).
//!
//! A file holds documents:
//!
//! ```text
//! === id-001
//! lang: id
//! published: 2025-03-07
//! > {Kamis (6/3)|2025-03-06}, [Kemlu|org:kemlu] memanggil Duta Besar [Australia|gpe:australia].
//! > A second paragraph.
//! A DISAPPROVE summon_ambassador | org:kemlu | gpe:australia | 2025-03-06 | memanggil
//! A! AGREE sign_agreement | gpe:x | | 2025-03-07 | menandatangani#2
//! Q org:kemlu | d | first words of the quote
//! ```
//!
//! `> ` lines are paragraphs (joined by a blank line); `[surface|entity-id]` marks an
//! entity mention (type from the ID prefix), `{surface|value}` a DATE expression. `A`
//! lines are gold actions (`A!` negated): type, kind, sources, targets (comma-separated),
//! date (`-` for none), trigger text (`#n` = its n-th whole-word occurrence). `Q` lines are
//! gold quotes: speaker (`-` for none), `d`irect or `r`eported, and a snippet of the quoted
//! text that locates it.

use crate::{extract_text, Extracted};
use kabar_core::{Entity, EntityType, Lang, Plover, Span, TimeExpr, TimeType};
use std::collections::BTreeMap;
use std::fmt;

/// A parse error in a gold file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A malformed line.
    #[error("line {line}: {msg}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}

/// A gold action.
#[derive(Debug, Clone)]
pub struct GoldAction {
    /// PLOVER type.
    pub plover: Plover,
    /// Kind.
    pub kind: String,
    /// Sources (sorted).
    pub source: Vec<String>,
    /// Targets (sorted).
    pub target: Vec<String>,
    /// Date.
    pub date: Option<String>,
    /// Trigger span in the document text.
    pub trigger: Span,
    /// Negated?
    pub negated: bool,
}

/// A gold quote.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    /// Speaker entity ID.
    pub speaker: Option<String>,
    /// Direct?
    pub direct: bool,
    /// Where the snippet is.
    pub span: Span,
}

/// One annotated document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// Its name.
    pub name: String,
    /// Language.
    pub lang: Lang,
    /// Publication date.
    pub published: Option<String>,
    /// Text.
    pub text: String,
    /// Gold entities (input).
    pub entities: Vec<Entity>,
    /// Gold DATE expressions (input).
    pub times: Vec<TimeExpr>,
    /// Gold actions.
    pub actions: Vec<GoldAction>,
    /// Gold quotes.
    pub quotes: Vec<GoldQuote>,
}

/// Strips `[surface|id]` and `{surface|value}` markup from one paragraph, appending it to
/// `text` and recording entities and times.
fn unmark(
    line: &str,
    text: &mut String,
    ents: &mut BTreeMap<String, Entity>,
    times: &mut Vec<TimeExpr>,
) -> Result<(), String> {
    let mut rest = line;
    while let Some(i) = rest.find(['[', '{']) {
        text.push_str(&rest[..i]);
        let open = rest.as_bytes()[i];
        let close = if open == b'[' { ']' } else { '}' };
        let body_end = rest[i..].find(close).ok_or("unclosed markup")? + i;
        let body = &rest[i + 1..body_end];
        let (surface, tag) = body.rsplit_once('|').ok_or("markup without |")?;
        let start = text.len();
        text.push_str(surface);
        let span = Span::new(start, text.len());
        if open == b'[' {
            let (prefix, _) = tag.split_once(':').ok_or("entity id without type")?;
            let kind = EntityType::from_label(prefix).ok_or("bad entity type")?;
            ents.entry(tag.to_string())
                .or_insert_with(|| Entity {
                    id: tag.to_string(),
                    name: surface.to_string(),
                    kind,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                })
                .mentions
                .push(span);
        } else {
            times.push(TimeExpr {
                span,
                kind: TimeType::Date,
                value: tag.to_string(),
                modifier: None,
            });
        }
        rest = &rest[body_end + 1..];
    }
    text.push_str(rest);
    Ok(())
}

/// The byte span of the `n`-th (1-based) whole-word, case-insensitive occurrence of
/// `needle` in `text`.
fn nth_word(text: &str, needle: &str, n: usize) -> Option<Span> {
    let lt = text.to_lowercase();
    let ln = needle.to_lowercase();
    if lt.len() != text.len() || ln.is_empty() {
        return None;
    }
    let mut seen = 0;
    let mut from = 0;
    while let Some(i) = lt[from..].find(&ln) {
        let s = from + i;
        let e = s + ln.len();
        let ok_b = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ok_a = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if ok_b && ok_a {
            seen += 1;
            if seen == n {
                return Some(Span::new(s, e));
            }
        }
        from = s + ln.chars().next().map(char::len_utf8).unwrap_or(1);
    }
    None
}

fn ids(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "-")
        .map(String::from)
        .collect();
    v.sort();
    v
}

/// Parses a gold file.
pub fn parse(src: &str) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut ents: BTreeMap<String, Entity> = BTreeMap::new();
    let mut pending_a: Vec<(usize, String)> = Vec::new();
    let mut pending_q: Vec<(usize, String)> = Vec::new();
    let err = |line: usize, msg: &str| EvalError::Line {
        line,
        msg: msg.to_string(),
    };
    let finish = |d: &mut GoldDoc,
                  ents: &mut BTreeMap<String, Entity>,
                  pa: &mut Vec<(usize, String)>,
                  pq: &mut Vec<(usize, String)>|
     -> Result<(), EvalError> {
        d.entities = std::mem::take(ents).into_values().collect();
        for (ln, l) in pa.drain(..) {
            let neg = l.starts_with("A!");
            let body = l[if neg { 2 } else { 1 }..].trim();
            let f: Vec<&str> = body.split('|').map(str::trim).collect();
            if f.len() != 5 {
                return Err(err(ln, "action needs 5 fields"));
            }
            let (ty, kind) = f[0].split_once(' ').ok_or_else(|| err(ln, "type kind"))?;
            let plover = Plover::from_name(ty.trim()).ok_or_else(|| err(ln, "bad PLOVER type"))?;
            let (word, n) = match f[4].rsplit_once('#') {
                Some((w, n)) => (w, n.parse().map_err(|_| err(ln, "bad #n"))?),
                None => (f[4], 1),
            };
            let trigger =
                nth_word(&d.text, word, n).ok_or_else(|| err(ln, "trigger not in text"))?;
            d.actions.push(GoldAction {
                plover,
                kind: kind.trim().to_string(),
                source: ids(f[1]),
                target: ids(f[2]),
                date: (f[3] != "-" && !f[3].is_empty()).then(|| f[3].to_string()),
                trigger,
                negated: neg,
            });
        }
        for (ln, l) in pq.drain(..) {
            let f: Vec<&str> = l[1..].split('|').map(str::trim).collect();
            if f.len() != 3 {
                return Err(err(ln, "quote needs 3 fields"));
            }
            let span = d
                .text
                .find(f[2])
                .map(|i| Span::new(i, i + f[2].len()))
                .ok_or_else(|| err(ln, "quote snippet not in text"))?;
            d.quotes.push(GoldQuote {
                speaker: (f[0] != "-").then(|| f[0].to_string()),
                direct: f[1] == "d",
                span,
            });
        }
        Ok(())
    };
    for (i, line) in src.lines().enumerate() {
        let ln = i + 1;
        if let Some(name) = line.strip_prefix("=== ") {
            if let Some(d) = docs.last_mut() {
                finish(d, &mut ents, &mut pending_a, &mut pending_q)?;
            }
            docs.push(GoldDoc {
                name: name.trim().to_string(),
                lang: Lang::Id,
                published: None,
                text: String::new(),
                entities: Vec::new(),
                times: Vec::new(),
                actions: Vec::new(),
                quotes: Vec::new(),
            });
            continue;
        }
        let Some(d) = docs.last_mut() else {
            continue;
        };
        if let Some(p) = line.strip_prefix("> ") {
            if !d.text.is_empty() {
                d.text.push_str("\n\n");
            }
            unmark(p, &mut d.text, &mut ents, &mut d.times).map_err(|m| err(ln, m.as_str()))?;
        } else if let Some(l) = line.strip_prefix("lang: ") {
            d.lang = if l.trim() == "en" { Lang::En } else { Lang::Id };
        } else if let Some(p) = line.strip_prefix("published: ") {
            d.published = Some(p.trim().to_string());
        } else if line.starts_with("A ") || line.starts_with("A! ") {
            pending_a.push((ln, line.to_string()));
        } else if line.starts_with("Q ") {
            pending_q.push((ln, line.to_string()));
        } else if !line.trim().is_empty() && !line.starts_with('#') {
            return Err(err(ln, "unknown line"));
        }
    }
    if let Some(d) = docs.last_mut() {
        finish(d, &mut ents, &mut pending_a, &mut pending_q)?;
    }
    Ok(docs)
}

/// Counts for one PLOVER type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub pred: usize,
    /// Correct predictions.
    pub tp: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            1.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    /// Recall (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
}

/// The scores of a run over a gold set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Typed actions by PLOVER type.
    pub by_type: BTreeMap<&'static str, Counts>,
    /// All typed actions (trigger overlaps a gold trigger of the same type).
    pub actions: Counts,
    /// Of the typed matches: same kind.
    pub kind_ok: usize,
    /// Of the typed matches: same source set.
    pub source_ok: usize,
    /// Of the typed matches: same target set.
    pub target_ok: usize,
    /// Of the typed matches: same date.
    pub date_ok: usize,
    /// Of the typed matches: same negation.
    pub neg_ok: usize,
    /// Of the typed matches: kind, source, target, date and negation all right.
    pub full_ok: usize,
    /// Quotes (span overlaps a gold snippet, same direct/reported).
    pub quotes: Counts,
    /// Of the quote matches: same speaker.
    pub speaker_ok: usize,
    /// Mismatches, for reading.
    pub errors: Vec<String>,
}

/// Runs the extractor over the documents and scores it.
pub fn score(docs: &[GoldDoc]) -> Scores {
    let mut sc = Scores::default();
    for d in docs {
        let ex = run(d);
        score_doc(d, &ex, &mut sc);
    }
    sc
}

/// Runs the extractor on one gold document (tokens and sentences by `kabar_text`).
pub fn run(d: &GoldDoc) -> Extracted {
    extract_text(
        &d.text,
        d.lang,
        &d.entities,
        &d.times,
        d.published.as_deref(),
    )
}

fn score_doc(d: &GoldDoc, ex: &Extracted, sc: &mut Scores) {
    let t = &d.text;
    let mut used = vec![false; d.actions.len()];
    for p in &ex.actions {
        let e = sc.by_type.entry(p.plover.name()).or_default();
        e.pred += 1;
        sc.actions.pred += 1;
        let hit = d
            .actions
            .iter()
            .enumerate()
            .find(|(i, g)| !used[*i] && g.plover == p.plover && g.trigger.overlaps(&p.trigger));
        match hit {
            Some((i, g)) => {
                used[i] = true;
                sc.actions.tp += 1;
                if let Some(e) = sc.by_type.get_mut(p.plover.name()) {
                    e.tp += 1
                }
                let mut ps = p.source.clone();
                ps.sort();
                let mut pt = p.target.clone();
                pt.sort();
                let k = g.kind == p.kind;
                let s = ps == g.source;
                let tg = pt == g.target;
                let dt = g.date == p.date;
                let n = g.negated == p.negated;
                sc.kind_ok += k as usize;
                sc.source_ok += s as usize;
                sc.target_ok += tg as usize;
                sc.date_ok += dt as usize;
                sc.neg_ok += n as usize;
                if k && s && tg && dt && n {
                    sc.full_ok += 1;
                } else {
                    sc.errors.push(format!(
                        "{}: ROLES «{}» got {} {:?}->{:?} {:?} neg={} want {} {:?}->{:?} {:?} neg={}",
                        d.name,
                        p.trigger.slice(t),
                        p.kind,
                        ps,
                        pt,
                        p.date,
                        p.negated,
                        g.kind,
                        g.source,
                        g.target,
                        g.date,
                        g.negated
                    ));
                }
            }
            None => sc.errors.push(format!(
                "{}: FP {} {} «{}» {:?}->{:?}",
                d.name,
                p.plover.name(),
                p.kind,
                p.trigger.slice(t),
                p.source,
                p.target
            )),
        }
    }
    for (i, g) in d.actions.iter().enumerate() {
        sc.by_type.entry(g.plover.name()).or_default().gold += 1;
        sc.actions.gold += 1;
        if !used[i] {
            sc.errors.push(format!(
                "{}: FN {} {} «{}»",
                d.name,
                g.plover.name(),
                g.kind,
                g.trigger.slice(t)
            ));
        }
    }
    let mut qused = vec![false; d.quotes.len()];
    for q in &ex.quotes {
        sc.quotes.pred += 1;
        let hit = d
            .quotes
            .iter()
            .enumerate()
            .find(|(i, g)| !qused[*i] && g.direct == q.direct && g.span.overlaps(&q.span));
        match hit {
            Some((i, g)) => {
                qused[i] = true;
                sc.quotes.tp += 1;
                if g.speaker == q.speaker {
                    sc.speaker_ok += 1;
                } else {
                    sc.errors.push(format!(
                        "{}: SPEAKER «{}» got {:?} want {:?}",
                        d.name,
                        short(&q.text),
                        q.speaker,
                        g.speaker
                    ));
                }
            }
            None => sc.errors.push(format!(
                "{}: FP quote {} «{}» {:?}",
                d.name,
                if q.direct { "d" } else { "r" },
                short(&q.text),
                q.speaker
            )),
        }
    }
    for (i, g) in d.quotes.iter().enumerate() {
        sc.quotes.gold += 1;
        if !qused[i] {
            sc.errors.push(format!(
                "{}: FN quote {} «{}»",
                d.name,
                if g.direct { "d" } else { "r" },
                short(g.span.slice(t))
            ));
        }
    }
}

fn short(s: &str) -> String {
    s.chars().take(50).collect()
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>5} {:>5} {:>5} {:>7} {:>7}",
            "type", "gold", "pred", "tp", "P%", "R%"
        )?;
        for (k, c) in &self.by_type {
            writeln!(
                f,
                "{:<12} {:>5} {:>5} {:>5} {:>7.1} {:>7.1}",
                k,
                c.gold,
                c.pred,
                c.tp,
                100.0 * c.precision(),
                100.0 * c.recall()
            )?;
        }
        let c = self.actions;
        writeln!(
            f,
            "{:<12} {:>5} {:>5} {:>5} {:>7.1} {:>7.1}",
            "ALL",
            c.gold,
            c.pred,
            c.tp,
            100.0 * c.precision(),
            100.0 * c.recall()
        )?;
        writeln!(
            f,
            "of {} typed matches: kind {:.1}%  source {:.1}%  target {:.1}%  date {:.1}%  negation {:.1}%  all fields {:.1}%",
            c.tp,
            pct(self.kind_ok, c.tp),
            pct(self.source_ok, c.tp),
            pct(self.target_ok, c.tp),
            pct(self.date_ok, c.tp),
            pct(self.neg_ok, c.tp),
            pct(self.full_ok, c.tp)
        )?;
        let q = self.quotes;
        writeln!(
            f,
            "quotes: gold {} pred {} tp {}  P {:.1}%  R {:.1}%  speaker accuracy {:.1}% (of matches)  speaker-correct recall {:.1}%",
            q.gold,
            q.pred,
            q.tp,
            100.0 * q.precision(),
            100.0 * q.recall(),
            pct(self.speaker_ok, q.tp),
            pct(self.speaker_ok, q.gold)
        )
    }
}
