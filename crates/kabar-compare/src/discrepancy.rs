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

/// One act, different day-precision dates in the text of different outlets.
pub(crate) fn act_dates(acts: &[ActMention<'_>], m: &Matrix, out: &mut Vec<Discrepancy>) {
    let mut by_key: BTreeMap<&str, Vec<&ActMention<'_>>> = BTreeMap::new();
    for a in acts {
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
        if s.len() < 2 {
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

/// A weekday that contradicts its date, in some outlets only.
pub(crate) fn weekdays(l: &Loaded, out: &mut Vec<Discrepancy>) {
    let outlets: BTreeSet<&String> = l.docs.iter().map(|d| &d.outlet).collect();
    // date value → (outlets with the contradiction, spans, message)
    let mut wrong: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>, String)> = BTreeMap::new();
    for d in &l.docs {
        for w in d
            .analysis
            .warnings
            .iter()
            .filter(|w| w.kind == "weekday_mismatch")
        {
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
        if right.is_empty() && bad.len() == outlets.len() {
            continue; // every outlet says it: nothing differs between outlets
        }
        let others_label = if right.is_empty() {
            "no weekday contradiction (the date is not given)".to_string()
        } else {
            format!("{value} without a contradicting weekday")
        };
        if right.is_empty() {
            right = outlets
                .iter()
                .filter(|o| !bad.contains(**o))
                .map(|o| o.to_string())
                .collect();
        }
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
const MEASURES: [&str; 4] = ["miles", "kilometres", "hectares", "tonnes"];

/// An outlet's figures for one count.
#[derive(Default)]
struct Figures {
    values: Vec<f64>,
    max: f64,
    lower_bound: bool,
    approx: bool,
    spans: Vec<SpanRef>,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.1 * a.abs().max(b.abs())
}

/// Do two outlets' figures for one count conflict? (`a.max < b.max`.)
fn figures_conflict(a: &Figures, b: &Figures) -> bool {
    let partial = b.values.contains(&a.max);
    let bound = a.lower_bound;
    let approx = (a.approx || b.approx) && close(a.max, b.max);
    !(partial || bound || approx)
}

/// Different figures for the same count. Money counts only when something says what the
/// money is (`money:loss:IDR`, not `money:IDR`).
pub(crate) fn numbers(
    nums: &[NumberCell],
    m: &Matrix,
    outlets: &[OutletReport],
    out: &mut Vec<Discrepancy>,
) {
    let mut by_count: BTreeMap<&str, BTreeMap<&str, Figures>> = BTreeMap::new();
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
        let f = by_count
            .entry(n.number.counts.as_str())
            .or_default()
            .entry(n.outlet.as_str())
            .or_default();
        f.values.push(n.number.value);
        let span = SpanRef {
            article: n.article.clone(),
            start: n.number.start,
            end: n.number.end,
        };
        if n.number.value > f.max || f.spans.is_empty() {
            f.max = n.number.value;
            let m = n.number.modifier.as_deref();
            f.lower_bound = matches!(m, Some("at_least" | "more_than"));
            f.approx = matches!(m, Some("approx" | "at_most"));
            f.spans = vec![span];
        } else if n.number.value == f.max {
            f.spans.push(span);
        }
    }
    let rank = |o: &str| {
        outlets
            .iter()
            .position(|x| x.outlet == o)
            .unwrap_or(usize::MAX)
    };
    for (count, figs) in by_count {
        let list: Vec<(&str, &Figures)> = figs.iter().map(|(o, f)| (*o, f)).collect();
        let mut conflicting: BTreeSet<&str> = BTreeSet::new();
        let mut later_update = false;
        for (oa, a) in &list {
            for (ob, b) in &list {
                if a.max < b.max && figures_conflict(a, b) {
                    conflicting.insert(oa);
                    conflicting.insert(ob);
                    later_update |= rank(ob) > rank(oa);
                }
            }
        }
        if conflicting.is_empty() {
            continue;
        }
        let mut by_value: BTreeMap<String, (BTreeSet<String>, Vec<SpanRef>)> = BTreeMap::new();
        for o in &conflicting {
            let f = &figs[o];
            let e = by_value.entry(format!("{}", f.max)).or_default();
            e.0.insert(o.to_string());
            e.1.extend(f.spans.iter().cloned());
        }
        let s = sides(by_value);
        if s.len() < 2 {
            continue;
        }
        let fact = m
            .facts
            .iter()
            .find(|f| f.kind == "number" && f.key == count);
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

/// One statement attributed to different speakers by different outlets.
pub(crate) fn quote_speakers(qs: &[(QuoteMention, usize)], l: &Loaded, out: &mut Vec<Discrepancy>) {
    let mut by_fact: BTreeMap<usize, Vec<&QuoteMention>> = BTreeMap::new();
    for (q, f) in qs {
        if q.speaker.is_some() {
            by_fact.entry(*f).or_default().push(q);
        }
    }
    for (fact, g) in by_fact {
        // speaker classes: related speakers are one class
        let mut classes: Vec<(String, BTreeSet<String>, Vec<SpanRef>)> = Vec::new();
        for q in &g {
            let sp = q.speaker.as_deref().expect("filtered");
            let span = SpanRef {
                article: q.article.clone(),
                start: q.start,
                end: q.end,
            };
            match classes
                .iter_mut()
                .find(|(s, _, _)| same_speaker(s, sp, &l.levels))
            {
                Some(c) => {
                    c.1.insert(q.outlet.clone());
                    c.2.push(span);
                }
                None => classes.push((
                    sp.to_string(),
                    BTreeSet::from([q.outlet.clone()]),
                    vec![span],
                )),
            }
        }
        if classes.len() < 2 {
            continue;
        }
        let by_value = classes
            .into_iter()
            .map(|(s, o, sp)| (l.name(&s), (o, sp)))
            .collect();
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
