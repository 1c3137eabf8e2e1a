//! Disagreements between outlets, each naming the outlets on every side and the spans:
//! one act dated differently, a weekday contradicting its date in some outlets only,
//! different figures for one count, different actors for one act, one statement
//! attributed to different speakers.
//!
//! The rules prefer silence to a wrong flag: an outlet that reports both values is on
//! no side, a partial figure another outlet also reports is no conflict, and "at least
//! 10" does not contradict 12.

use crate::build::{ActMention, Matrix, NumberCell};
use crate::load::Loaded;
use crate::quotes::{same_speaker, QuoteMention};
use crate::{Discrepancy, OutletReport, Side, SpanRef};
use std::collections::{BTreeMap, BTreeSet};

/// Sides from value → (outlets, spans), dropping outlets that appear on several sides.
fn sides(mut by_value: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)>) -> Vec<Side> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (os, _) in by_value.values() {
        for o in os {
            *seen.entry(o.clone()).or_default() += 1;
        }
    }
    let both: BTreeSet<String> = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(o, _)| o)
        .collect();
    let mut out = Vec::new();
    for (value, (outlets, spans)) in std::mem::take(&mut by_value) {
        let outlets: Vec<String> = outlets.into_iter().filter(|o| !both.contains(o)).collect();
        if outlets.is_empty() {
            continue;
        }
        out.push(Side {
            value,
            outlets,
            spans,
        });
    }
    out
}

/// The most days two outlets' dates of one act may differ by to be a disagreement about
/// it (farther apart, the "same act" is more likely two acts of one kind).
const DATE_GAP_DAYS: i64 = 31;

/// One act (with both its actor and its target named), different day-precision dates in
/// the text of different outlets, each outlet giving one date.
pub(crate) fn act_dates(acts: &[ActMention<'_>], m: &Matrix, out: &mut Vec<Discrepancy>) {
    let mut by_key: BTreeMap<&str, Vec<&ActMention<'_>>> = BTreeMap::new();
    for a in acts
        .iter()
        .filter(|a| !a.source.is_empty() && !a.target.is_empty())
    {
        by_key.entry(a.key.as_str()).or_default().push(a);
    }
    for (_, group) in by_key {
        let mut by_date: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)> = BTreeMap::new();
        for a in &group {
            let Some(d) = a.row.action.date.as_deref().filter(|d| d.len() == 10) else {
                continue;
            };
            let e = by_date.entry(d.to_string()).or_default();
            e.0.insert(a.outlet.clone());
            e.1.push(SpanRef {
                article: a.row.article.clone(),
                start: a.row.action.trigger.start,
                end: a.row.action.trigger.end,
            });
        }
        let s = sides(by_date);
        let day = |v: &str| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
        let days: Vec<_> = s.iter().filter_map(|x| day(&x.value)).collect();
        let spread = match (days.iter().min(), days.iter().max()) {
            (Some(a), Some(b)) => (*b - *a).num_days(),
            _ => i64::MAX,
        };
        if s.len() < 2 || spread > DATE_GAP_DAYS {
            continue;
        }
        let fact = &m.facts[group[0].fact];
        out.push(Discrepancy {
            kind: "date".into(),
            about: fact.label.clone(),
            message: format!(
                "outlets date one act differently: {}",
                s.iter()
                    .map(|x| format!("{} ({})", x.value, x.outlets.join(", ")))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            ),
            sides: s,
            facts: vec![fact.id.clone()],
            later_update: false,
        });
    }
}

/// How many days from the publication a dated weekday may be to count.
const WEEKDAY_WINDOW_DAYS: i64 = 10;

/// Is the date of a weekday warning within [`WEEKDAY_WINDOW_DAYS`] of the article's
/// publication day (both known)?
fn near_publication(w: &kabar_core::analysis::WarningOut, d: &crate::load::Doc) -> bool {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    let Some(published) = d.published.as_deref().and_then(day) else {
        return false;
    };
    d.analysis
        .times
        .iter()
        .find(|t| t.start < w.end.max(w.start + 1) && w.start < t.end)
        .and_then(|t| day(&t.value))
        .is_some_and(|v| (v - published).num_days().abs() <= WEEKDAY_WINDOW_DAYS)
}

/// A weekday that contradicts its date, in some outlets only, while others give the same
/// day without the contradiction.
pub(crate) fn weekdays(l: &Loaded, out: &mut Vec<Discrepancy>) {
    // date value → (outlets with the contradiction, spans, message)
    let mut wrong: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>, String)> = BTreeMap::new();
    for d in &l.docs {
        for w in d
            .analysis
            .warnings
            .iter()
            .filter(|w| w.kind == "weekday_mismatch")
        {
            // a weekday far from the publication date is usually a caption, a sidebar or
            // a year the time stage guessed: not the happening's date
            if !near_publication(w, d) {
                continue;
            }
            let value = d
                .analysis
                .times
                .iter()
                .find(|t| t.start < w.end.max(w.start + 1) && w.start < t.end)
                .map(|t| t.value.clone())
                .unwrap_or_else(|| w.message.clone());
            let e = wrong
                .entry(value)
                .or_insert_with(|| (BTreeSet::new(), Vec::new(), w.message.clone()));
            e.0.insert(d.outlet.clone());
            e.1.push(SpanRef {
                article: d.id.clone(),
                start: w.start,
                end: w.end,
            });
        }
    }
    for (value, (bad, spans, message)) in wrong {
        // outlets that give the same date without contradicting it
        let mut right: BTreeSet<String> = BTreeSet::new();
        let mut right_spans = Vec::new();
        for d in l.docs.iter().filter(|d| !bad.contains(&d.outlet)) {
            // the same day, also as part of a time ("2026-03-05TNI": that night)
            let same = d.analysis.times.iter().find(|t| {
                t.value == value || (value.len() == 10 && t.value.starts_with(&format!("{value}T")))
            });
            if let Some(t) = same {
                right.insert(d.outlet.clone());
                right_spans.push(SpanRef {
                    article: d.id.clone(),
                    start: t.start,
                    end: t.end,
                });
            }
        }
        // the other side must give the same day without the contradiction; an outlet
        // that only omits the date is no evidence
        if right.is_empty() {
            continue;
        }
        let others_label = format!("{value} without a contradicting weekday");
        out.push(Discrepancy {
            kind: "weekday".into(),
            about: format!("the weekday of {value}"),
            message: format!(
                "{} ({})",
                message,
                bad.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
            sides: vec![
                Side {
                    value: message.clone(),
                    outlets: bad.into_iter().collect(),
                    spans,
                },
                Side {
                    value: others_label,
                    outlets: right.into_iter().collect(),
                    spans: right_spans,
                },
            ],
            facts: Vec::new(),
            later_update: false,
        });
    }
}

/// Counts that are measures, not tallies of the event.
pub(crate) const MEASURES: [&str; 5] = ["miles", "kilometres", "hectares", "tonnes", "measure"];

/// The largest ratio between two figures of one count that are compared: figures farther
/// apart are in practice a part and a whole (10 houses in one town vs 300 in the province)
/// or two different counts, not outlets disagreeing.
const MAX_RATIO: f64 = 2.0;

/// One outlet's figures for one kind of count (`dead`, `injured`, …), over all its
/// articles.
#[derive(Default)]
struct Figures {
    /// The distinct values of the kind.
    values: Vec<f64>,
    /// The exact count (category, unit word, cue words) of each mention.
    counts: BTreeSet<String>,
    /// The modifiers its figures carry (`at_least`, `approx`, …; `-` for none).
    modifiers: BTreeSet<String>,
    spans: Vec<SpanRef>,
}

/// Rounding: a round figure ("100", "1.500") within 5 % of the other may be the same
/// count written coarsely.
fn rounded(a: f64, b: f64) -> bool {
    let round = |x: f64| x >= 20.0 && x % 10.0 == 0.0;
    (round(a) || round(b)) && (a - b).abs() <= 0.05 * a.abs().max(b.abs())
}

impl Figures {
    /// `Some(false)` for an exact figure, `Some(true)` for a lower bound ("at least",
    /// "more than"); `None` for an approximation or an upper bound, which contradict
    /// nothing.
    fn bound(&self) -> Option<bool> {
        match self.modifiers.iter().next().map(String::as_str) {
            Some("-") => Some(false),
            Some("at_least" | "more_than") => Some(true),
            _ => None,
        }
    }
}

/// Do the single figures `a` < `b` contradict? Two exact figures do unless one is a
/// rounding of the other; an exact figure below a lower bound does ("sedikitnya 14" vs
/// 12); a lower bound below anything does not ("lebih dari 100" vs 102).
fn contradict(a: &Figures, b: &Figures) -> bool {
    let (x, y) = (a.values[0], b.values[0]);
    if x <= 0.0 || y / x > MAX_RATIO {
        return false;
    }
    match (a.bound(), b.bound()) {
        (Some(false), Some(false)) | (Some(false), Some(true)) => !rounded(x, y),
        _ => false,
    }
}

/// The kind of a count: its category before any unit (`dead/personnel` → `dead`).
fn kind_of(counts: &str) -> &str {
    counts.split('/').next().unwrap_or(counts)
}

/// Different figures for the same count. A flag needs, on each side, one outlet whose
/// articles give exactly one figure of that kind (a report with several figures of a
/// kind is about several things: a partial and a total toll, two attacks), the same
/// count (category, unit word and cue words: "12 orang tewas" vs "14 orang tewas"),
/// figures that contradict ([`contradict`]: no approximation, no rounding). Money counts only when something says what the money is
/// (`money:loss:IDR`, not `money:IDR`).
pub(crate) fn numbers(
    nums: &[NumberCell],
    m: &Matrix,
    outlets: &[OutletReport],
    out: &mut Vec<Discrepancy>,
) {
    // kind → outlet → figures
    let mut by_kind: BTreeMap<&str, BTreeMap<&str, Figures>> = BTreeMap::new();
    for n in nums {
        if n.number.counts.starts_with("money:") && n.number.counts.matches(':').count() < 2 {
            continue;
        }
        // measures (distances, areas, weights) in one report are usually of different
        // things (measured on giveme5w1h: every such flag was wrong); they stay in the
        // matrix but are not compared
        if MEASURES.contains(&n.number.counts.rsplit('/').next().unwrap_or("")) {
            continue;
        }
        // a unit alone ("24 soldiers") does not say what happened to them (killed,
        // injured, deployed): only counts with a cue word or money with a purpose compare
        if n.number.cue.is_none() && !n.number.counts.starts_with("money:") {
            continue;
        }
        let f = by_kind
            .entry(kind_of(&n.number.counts))
            .or_default()
            .entry(n.outlet.as_str())
            .or_default();
        if !f.values.contains(&n.number.value) {
            f.values.push(n.number.value);
        }
        f.counts.insert(count_identity(&n.number));
        f.modifiers
            .insert(n.number.modifier.clone().unwrap_or_else(|| "-".into()));
        f.spans.push(SpanRef {
            article: n.article.clone(),
            start: n.number.start,
            end: n.number.end,
        });
    }
    let rank = |o: &str| {
        outlets
            .iter()
            .position(|x| x.outlet == o)
            .unwrap_or(usize::MAX)
    };
    for (kind, figs) in by_kind {
        // only outlets with one figure, one count, exact or a lower bound take part
        let single: Vec<(&str, &Figures)> = figs
            .iter()
            .filter(|(_, f)| {
                f.values.len() == 1
                    && f.counts.len() == 1
                    && f.modifiers.len() == 1
                    && f.bound().is_some()
            })
            .map(|(o, f)| (*o, f))
            .collect();
        let mut by_value: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)> = BTreeMap::new();
        let mut later_update = false;
        for (oa, a) in &single {
            for (ob, b) in &single {
                let (x, y) = (a.values[0], b.values[0]);
                if x < y && a.counts == b.counts && contradict(a, b) {
                    for (o, f) in [(oa, a), (ob, b)] {
                        let e = by_value.entry(format!("{}", f.values[0])).or_default();
                        if e.0.insert(o.to_string()) {
                            e.1.extend(f.spans.iter().cloned());
                        }
                    }
                    later_update |= rank(ob) > rank(oa);
                }
            }
        }
        let s = sides(by_value);
        if s.len() < 2 {
            continue;
        }
        let count = single
            .iter()
            .find(|(o, _)| s[0].outlets.iter().any(|x| x == o))
            .and_then(|(_, f)| f.counts.iter().next().cloned())
            .unwrap_or_else(|| kind.to_string());
        let fact = m
            .facts
            .iter()
            .find(|f| f.kind == "number" && kind_of(&f.key) == kind);
        out.push(Discrepancy {
            kind: "number".into(),
            about: format!("the number {count}"),
            message: format!(
                "different figures for {count}: {}",
                s.iter()
                    .map(|x| format!("{} ({})", x.value, x.outlets.join(", ")))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            ),
            sides: s,
            facts: fact.map(|f| vec![f.id.clone()]).unwrap_or_default(),
            later_update,
        });
    }
}

/// What exactly a figure counts: category, unit word and cue words ("dead orang tewas").
fn count_identity(n: &crate::NumberMention) -> String {
    format!(
        "{} ({} … {})",
        n.counts,
        n.unit.as_deref().unwrap_or("-"),
        n.cue.as_deref().unwrap_or("-")
    )
}

/// The same act (type, kind, target and day) with different, unrelated actors.
pub(crate) fn actors(acts: &[ActMention<'_>], l: &Loaded, out: &mut Vec<Discrepancy>) {
    let mut groups: BTreeMap<String, Vec<&ActMention<'_>>> = BTreeMap::new();
    for a in acts {
        let Some(d) = a.row.action.date.as_deref().filter(|d| d.len() == 10) else {
            continue;
        };
        if a.target.is_empty()
            || a.source.is_empty()
            || kabar_actions::lexicon::is_symmetric(&a.row.action.kind)
        {
            continue;
        }
        let k = format!(
            "{}/{}>{}@{d}",
            a.row.action.plover.name(),
            a.row.action.kind,
            a.target.join(",")
        );
        groups.entry(k).or_default().push(a);
    }
    for (_, g) in groups {
        let mut by_source: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)> = BTreeMap::new();
        for a in &g {
            let names = a
                .source
                .iter()
                .map(|s| l.name(s))
                .collect::<Vec<_>>()
                .join(", ");
            let e = by_source.entry(names).or_default();
            e.0.insert(a.outlet.clone());
            e.1.push(SpanRef {
                article: a.row.article.clone(),
                start: a.row.action.trigger.start,
                end: a.row.action.trigger.end,
            });
        }
        if by_source.len() < 2 {
            continue;
        }
        // actors related by role or name are the same side (the minister, the ministry)
        let ids: Vec<&Vec<String>> = {
            let mut v: Vec<&Vec<String>> = g.iter().map(|a| &a.source).collect();
            v.sort();
            v.dedup();
            v
        };
        let related = ids.iter().any(|x| {
            ids.iter().any(|y| {
                x != y
                    && x.iter()
                        .any(|a| y.iter().any(|b| same_speaker(a, b, &l.levels)))
            })
        });
        if related {
            continue;
        }
        let s = sides(by_source);
        if s.len() < 2 {
            continue;
        }
        let first = g[0];
        out.push(Discrepancy {
            kind: "actor".into(),
            about: format!(
                "{} {} → {}",
                first.row.action.plover.name(),
                first.row.action.kind,
                first
                    .target
                    .iter()
                    .map(|t| l.name(t))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            message: format!(
                "outlets name different actors: {}",
                s.iter()
                    .map(|x| format!("{} ({})", x.value, x.outlets.join(", ")))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            ),
            sides: s,
            facts: vec![format!("f{}", first.fact + 1)],
            later_update: false,
        });
    }
}

/// Is this speaker a resolved person or organisation that is not the outlet itself, and
/// is it named near the quote in the article (so the attribution is the text's, not a
/// guess from far away)?
fn credible_speaker(q: &QuoteMention, l: &Loaded) -> bool {
    let Some(sp) = q.speaker.as_deref() else {
        return false;
    };
    if !(sp.starts_with("per:") || sp.starts_with("org:")) {
        return false;
    }
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let name = norm(&l.name(sp));
    let outlet = norm(&q.outlet);
    if name.len() < 3 || outlet.contains(&name) || name.contains(&outlet) {
        return false;
    }
    mentioned_near(l, &q.article, sp, q.start, q.end, NEAR)
}

/// Two names of one speaker: one the initials of the other ("RAIB", "Rail Accident
/// Investigation Branch"), or last words (four letters or more) at most one edit apart
/// (a misspelling: "Heffner", "Hefner"; a shared family name is not enough to tell two
/// people apart, so it is no conflict either).
fn alike_names(a: &str, b: &str) -> bool {
    let initials = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let acronym = |x: &str, y: &str| !x.contains(' ') && x.chars().count() >= 2 && x == initials(y);
    let last = |s: &str| -> String { s.split_whitespace().last().unwrap_or("").to_lowercase() };
    let (la, lb) = (last(a), last(b));
    acronym(a, b)
        || acronym(b, a)
        || (la.chars().count() >= 4 && strsim::levenshtein(&la, &lb) <= 1)
}

/// Does a word of `name` (four letters or more, capitalised) occur in the article's text
/// within [`NEAR`] × 2 chars of `[start, end)`? Then the article may well give the quote
/// to that speaker too (the quote stage picked another name), and a conflict is unsure.
fn named_in_text_near(l: &Loaded, article: &str, name: &str, start: usize, end: usize) -> bool {
    let Some(d) = l.doc(article) else {
        return false;
    };
    let from = start.saturating_sub(NEAR * 2);
    let window = crate::tokens::slice(&d.analysis.text, from, end + NEAR * 2);
    name.split_whitespace()
        .filter(|w| w.chars().count() >= 4 && w.starts_with(|c: char| c.is_uppercase()))
        .any(|w| window.contains(w))
}

/// How near (chars) a speaker's name must be to the quote.
const NEAR: usize = 200;

/// Does entity `id` have a mention within `near` chars of `[start, end)` in the article?
fn mentioned_near(
    l: &Loaded,
    article: &str,
    id: &str,
    start: usize,
    end: usize,
    near: usize,
) -> bool {
    l.doc(article).is_some_and(|d| {
        d.analysis
            .entities
            .iter()
            .filter(|e| e.id == id)
            .flat_map(|e| &e.mentions)
            .any(|m| m.start < end + near && start < m.end + near)
    })
}

/// One statement attributed to different speakers by different outlets. A flag needs
/// the same statement (strong word overlap, not only the loose alignment of the matrix),
/// credible speakers on both sides ([`credible_speaker`]) of the same type (a person vs
/// a body may be a spokesperson and the body), unrelated by role or name, and neither
/// side's article naming the other side's speaker near the quote.
pub(crate) fn quote_speakers(qs: &[(QuoteMention, usize)], l: &Loaded, out: &mut Vec<Discrepancy>) {
    let mut by_fact: BTreeMap<usize, Vec<&QuoteMention>> = BTreeMap::new();
    for (q, f) in qs {
        if credible_speaker(q, l) {
            by_fact.entry(*f).or_default().push(q);
        }
    }
    for (fact, g) in by_fact {
        let words: Vec<BTreeSet<String>> = g
            .iter()
            .map(|q| crate::quotes::content_words(&q.text))
            .collect();
        // pairs of quotes that are one statement with conflicting speakers
        let mut by_value: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)> = BTreeMap::new();
        for i in 0..g.len() {
            for j in (i + 1)..g.len() {
                let (a, b) = (g[i], g[j]);
                let (sa, sb) = (
                    a.speaker.as_deref().unwrap_or(""),
                    b.speaker.as_deref().unwrap_or(""),
                );
                if a.outlet == b.outlet
                    || sa[..4] != sb[..4]
                    || same_speaker(sa, sb, &l.levels)
                    || alike_names(&l.name(sa), &l.name(sb))
                    || named_in_text_near(l, &a.article, &l.name(sb), a.start, a.end)
                    || named_in_text_near(l, &b.article, &l.name(sa), b.start, b.end)
                    || !crate::quotes::same_statement(&words[i], &words[j])
                    || mentioned_near(l, &a.article, sb, a.start, a.end, NEAR * 2)
                    || mentioned_near(l, &b.article, sa, b.start, b.end, NEAR * 2)
                {
                    continue;
                }
                for (q, sp) in [(a, sa), (b, sb)] {
                    let e = by_value.entry(l.name(sp)).or_default();
                    e.0.insert(q.outlet.clone());
                    let span = SpanRef {
                        article: q.article.clone(),
                        start: q.start,
                        end: q.end,
                    };
                    if !e.1.contains(&span) {
                        e.1.push(span);
                    }
                }
            }
        }
        let s = sides(by_value);
        if s.len() < 2 {
            continue;
        }
        out.push(Discrepancy {
            kind: "quote_speaker".into(),
            about: format!("the speaker of quote f{}", fact + 1),
            message: format!(
                "one statement, different speakers: {}",
                s.iter()
                    .map(|x| format!("{} ({})", x.value, x.outlets.join(", ")))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            ),
            sides: s,
            facts: vec![format!("f{}", fact + 1)],
            later_update: false,
        });
    }
}
