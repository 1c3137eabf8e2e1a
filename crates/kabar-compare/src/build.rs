//! Building a comparison: the coverage matrix from the loaded articles, then lineage,
//! discrepancies, and unique and missing facts.

use crate::load::{self, Loaded};
use crate::quotes::{self, QuoteMention};
use crate::{
    discrepancy, lineage, Cell, CompareError, Comparison, Fact, SpanRef, StoryComparison,
    StoryOutlet,
};
use kabar_actions::lexicon::is_symmetric;
use kabar_actions::{merge_timeline_levels, ActorLevels, TimelineMention};
use kabar_core::{Action, Span};
use kabar_query::{ActionRow, Reads};
use kabar_store::Store;
use std::collections::{BTreeMap, BTreeSet};

/// The coverage matrix under construction: rows by (kind, key).
#[derive(Default)]
pub(crate) struct Matrix {
    pub facts: Vec<Fact>,
    /// (kind, key) → row, so adding stays constant-time on large events.
    rows: std::collections::HashMap<(String, String), usize>,
}

impl Matrix {
    /// Adds support for a fact by an outlet; rows and cells are created on first use.
    pub fn add(
        &mut self,
        kind: &str,
        key: &str,
        label: &str,
        outlet: &str,
        span: SpanRef,
        value: Option<String>,
    ) -> usize {
        let row = match self.rows.get(&(kind.to_string(), key.to_string())) {
            Some(&r) => r,
            None => {
                self.rows
                    .insert((kind.to_string(), key.to_string()), self.facts.len());
                self.facts.push(Fact {
                    id: format!("f{}", self.facts.len() + 1),
                    kind: kind.to_string(),
                    label: label.to_string(),
                    key: key.to_string(),
                    cells: Vec::new(),
                });
                self.facts.len() - 1
            }
        };
        let fact = &mut self.facts[row];
        match fact.cells.iter_mut().find(|c| c.outlet == outlet) {
            Some(c) => {
                if !c.spans.contains(&span) {
                    c.spans.push(span);
                }
                if let Some(v) = value {
                    match &mut c.value {
                        Some(old) if !old.split("; ").any(|x| x == v) => {
                            old.push_str("; ");
                            old.push_str(&v);
                        }
                        Some(_) => {}
                        None => c.value = Some(v),
                    }
                }
            }
            None => fact.cells.push(Cell {
                outlet: outlet.to_string(),
                spans: vec![span],
                value,
            }),
        }
        row
    }
}

/// The identity of an act apart from its date, as the timeline merges acts: PLOVER type,
/// kind, and the actors at their highest level (one set for symmetric kinds).
pub(crate) fn act_key(
    plover: &str,
    kind: &str,
    source: &[String],
    target: &[String],
    levels: &ActorLevels,
) -> (Vec<String>, Vec<String>, String) {
    let mut s: Vec<String> = source.iter().map(|x| levels.top(x)).collect();
    let mut t: Vec<String> = target.iter().map(|x| levels.top(x)).collect();
    if is_symmetric(kind) {
        s.append(&mut t);
    }
    s.sort();
    s.dedup();
    t.sort();
    t.dedup();
    let key = format!("{plover}/{kind}/{}>{}", s.join(","), t.join(","));
    (s, t, key)
}

/// The char span of sentence `idx` of an article.
fn sentence_span(l: &Loaded, article: &str, idx: usize) -> SpanRef {
    let (start, end) = l
        .doc(article)
        .and_then(|d| d.analysis.sentences.get(idx))
        .map_or((0, 0), |s| (s.start, s.end));
    SpanRef {
        article: article.to_string(),
        start,
        end,
    }
}

/// One action mention with its act key, for the discrepancy rules.
pub(crate) struct ActMention<'a> {
    pub row: &'a ActionRow,
    pub outlet: String,
    pub source: Vec<String>,
    pub target: Vec<String>,
    pub key: String,
    pub fact: usize,
}

/// Acts: the merged timeline entries, one row per act identity (so outlets that date
/// one act differently share a row, each cell holding the outlet's date).
fn acts<'a>(l: &'a Loaded, m: &mut Matrix) -> Vec<ActMention<'a>> {
    let live: Vec<&ActionRow> = l.actions.iter().filter(|r| !r.action.negated).collect();
    let mentions: Vec<TimelineMention> = live
        .iter()
        .map(|r| TimelineMention {
            article: r.article.clone(),
            text: r.text.clone(),
            published: r.published.clone(),
            action: Action {
                plover: r.action.plover,
                kind: r.action.kind.clone(),
                source: r.action.source.clone(),
                target: r.action.target.clone(),
                date: r.date.clone(),
                sentence: r.action.sentence,
                trigger: Span::new(r.action.trigger.start, r.action.trigger.end),
                negated: false,
            },
        })
        .collect();
    let entries = merge_timeline_levels(mentions, &l.levels);
    let mut out = Vec::new();
    for e in entries {
        let (_, _, key) = act_key(e.plover.name(), &e.kind, &e.source, &e.target, &l.levels);
        let names = |ids: &[String]| ids.iter().map(|i| l.name(i)).collect::<Vec<_>>().join(", ");
        let label = format!(
            "{} {}: {} → {}",
            e.plover.name(),
            e.kind,
            names(&e.source),
            names(&e.target)
        );
        for r in &live {
            if !e.articles.contains(&r.article)
                || r.action.kind != e.kind
                || r.action.plover != e.plover
            {
                continue;
            }
            let (s, t, rkey) = act_key(
                r.action.plover.name(),
                &r.action.kind,
                &r.action.source,
                &r.action.target,
                &l.levels,
            );
            let agrees = match (&e.date, &r.date) {
                (Some(a), Some(b)) => kabar_actions::dates_agree(a, b),
                _ => true,
            };
            if rkey != key || !agrees {
                continue;
            }
            let outlet = l.outlet_of(&r.article);
            let fact = m.add(
                "act",
                &key,
                &label,
                &outlet,
                sentence_span(l, &r.article, r.action.sentence),
                r.action.date.clone(),
            );
            if !out.iter().any(|x: &ActMention| std::ptr::eq(x.row, *r)) {
                out.push(ActMention {
                    row: r,
                    outlet,
                    source: s,
                    target: t,
                    key: key.clone(),
                    fact,
                });
            }
        }
    }
    out
}

/// Quotes: one row per statement (paraphrases aligned); a cell's value is the speaker
/// the outlet names.
fn quotes(l: &Loaded, m: &mut Matrix) -> Vec<(QuoteMention, usize)> {
    let mut qs = Vec::new();
    for d in &l.docs {
        for q in &d.analysis.quotes {
            qs.push(QuoteMention {
                article: d.id.clone(),
                outlet: d.outlet.clone(),
                speaker: q.speaker.clone(),
                text: q.text.clone(),
                start: q.start,
                end: q.end,
            });
        }
    }
    let mut out = Vec::new();
    for (gi, g) in quotes::align(&qs).into_iter().enumerate() {
        let lead = &qs[g[0]];
        let short: String = lead.text.chars().take(80).collect();
        let label = format!(
            "“{short}{}”",
            if lead.text.chars().count() > 80 {
                "…"
            } else {
                ""
            }
        );
        for i in g {
            let q = &qs[i];
            let fact = m.add(
                "quote",
                &format!("q{gi}"),
                &label,
                &q.outlet,
                SpanRef {
                    article: q.article.clone(),
                    start: q.start,
                    end: q.end,
                },
                Some(
                    q.speaker
                        .as_deref()
                        .map_or("(unnamed)".to_string(), |s| l.name(s)),
                ),
            );
            out.push((q.clone(), fact));
        }
    }
    out
}

/// A number found in one article, placed in the matrix.
pub(crate) struct NumberCell {
    pub outlet: String,
    pub article: String,
    pub number: crate::NumberMention,
}

/// Numbers: one row per thing counted; a cell's value lists the outlet's figures.
fn numbers(l: &Loaded, m: &mut Matrix) -> Vec<NumberCell> {
    let mut out = Vec::new();
    for d in &l.docs {
        let a = &d.analysis;
        let skip: Vec<(usize, usize)> = a.times.iter().map(|t| (t.start, t.end)).collect();
        for n in crate::extract_numbers(&a.text, a.lang.code(), &skip) {
            m.add(
                "number",
                &n.counts,
                &format!(
                    "number: {}",
                    n.counts
                        .strip_prefix(crate::numbers::OF)
                        .unwrap_or(&n.counts)
                ),
                &d.outlet,
                SpanRef {
                    article: d.id.clone(),
                    start: n.start,
                    end: n.end,
                },
                Some(render_value(&n)),
            );
            out.push(NumberCell {
                outlet: d.outlet.clone(),
                article: d.id.clone(),
                number: n,
            });
        }
    }
    out
}

/// A figure as people read it: "at least 12", "5000000000000 IDR".
pub(crate) fn render_value(n: &crate::NumberMention) -> String {
    let v = if n.value.fract() == 0.0 && n.value.abs() < 1e15 {
        format!("{}", n.value as i64)
    } else {
        format!("{}", n.value)
    };
    match &n.modifier {
        Some(m) => format!("{} {v}", m.replace('_', " ")),
        None => v,
    }
}

/// Dates of the happening: the day-precision dates the text gives to acts.
fn dates(acts: &[ActMention<'_>], m: &mut Matrix) {
    for a in acts {
        if let Some(d) = a.row.action.date.as_deref().filter(|d| d.len() == 10) {
            m.add(
                "date",
                d,
                &format!("happened on {d}"),
                &a.outlet,
                SpanRef {
                    article: a.row.article.clone(),
                    start: a.row.action.trigger.start,
                    end: a.row.action.trigger.end,
                },
                None,
            );
        }
    }
}

/// Named sources of information.
fn named_sources(l: &Loaded, m: &mut Matrix) -> Result<(), CompareError> {
    let lx = crate::lexicon::lexicon()?;
    for d in &l.docs {
        let a = &d.analysis;
        for s in crate::sources::named_sources(a, lx.lang(a.lang.code())) {
            m.add(
                "source",
                &s.key,
                &format!("source: {}", s.label),
                &d.outlet,
                SpanRef {
                    article: d.id.clone(),
                    start: s.start,
                    end: s.end,
                },
                None,
            );
        }
    }
    Ok(())
}

/// Compares the given articles (the core of event comparison; also for ad-hoc sets).
pub fn compare_articles(store: &Store, ids: &[String]) -> Result<Comparison, CompareError> {
    build(store, "articles".to_string(), None, ids)
}

/// `kabar compare event ID`. A retired event ID leads to its survivor.
pub fn compare_event(store: &Store, id: &str) -> Result<Comparison, CompareError> {
    let (id, title, ids) = load::event_articles(store, id)?;
    build(store, id, title, &ids)
}

fn build(
    store: &Store,
    id: String,
    title: Option<String>,
    ids: &[String],
) -> Result<Comparison, CompareError> {
    crate::lexicon::lexicon()?;
    let l = load::load(store, ids)?;
    let mut m = Matrix::default();
    let acts = acts(&l, &mut m);
    let qs = quotes(&l, &mut m);
    let nums = numbers(&l, &mut m);
    dates(&acts, &mut m);
    named_sources(&l, &mut m)?;
    let (first, mut outlets, lineage) = lineage::lineage(&l);
    let mut discrepancies = Vec::new();
    discrepancy::act_dates(&acts, &m, &mut discrepancies);
    discrepancy::weekdays(&l, &mut discrepancies);
    discrepancy::numbers(&nums, &m, &outlets, &mut discrepancies);
    discrepancy::actors(&acts, &l, &mut discrepancies);
    discrepancy::quote_speakers(&qs, &l, &mut discrepancies);
    unique_and_missing(&m, &l, &nums, &mut outlets);
    let wording = wording(&l, &acts, &m);
    Ok(Comparison {
        id,
        title,
        articles: ids.len(),
        first,
        outlets,
        lineage,
        facts: m.facts,
        discrepancies,
        wording,
    })
}

/// Word choice ([`crate::wording`]): entity names by stored entity, act triggers by act
/// identity, each compared across the outlets of one language.
fn wording(l: &Loaded, acts: &[ActMention<'_>], m: &Matrix) -> Vec<crate::Wording> {
    use crate::wording::{word_choices, Use};
    // a row's label: the stored entity's own name when the event names it, else the
    // longest name merged into it
    let (mut own, mut longest): (BTreeMap<String, String>, BTreeMap<String, String>) =
        Default::default();
    let mut uses = Vec::new();
    for d in &l.docs {
        let lang = d.analysis.lang.code().to_string();
        for e in &d.analysis.entities {
            let key = l.canon(&e.id).to_string();
            if key == e.id {
                own.entry(key.clone()).or_insert_with(|| e.name.clone());
            }
            let n = longest.entry(key.clone()).or_default();
            if n.chars().count() < e.name.chars().count() {
                *n = e.name.clone();
            }
            for t in &e.mentions {
                uses.push(Use {
                    key: key.clone(),
                    outlet: d.outlet.clone(),
                    lang: lang.clone(),
                    surface: t.text.clone(),
                    span: SpanRef {
                        article: d.id.clone(),
                        start: t.start,
                        end: t.end,
                    },
                });
            }
        }
    }
    let mut out = word_choices("entity", &uses, &|k| {
        own.get(k)
            .or_else(|| longest.get(k))
            .cloned()
            .unwrap_or_else(|| k.to_string())
    });
    let lang_of = |id: &str| l.doc(id).map(|d| d.analysis.lang.code().to_string());
    let acts: Vec<Use> = acts
        .iter()
        .filter_map(|a| {
            Some(Use {
                key: a.key.clone(),
                outlet: a.outlet.clone(),
                lang: lang_of(&a.row.article)?,
                surface: a.row.action.trigger.text.clone(),
                span: SpanRef {
                    article: a.row.article.clone(),
                    start: a.row.action.trigger.start,
                    end: a.row.action.trigger.end,
                },
            })
        })
        .collect();
    let label = |k: &str| {
        m.facts
            .iter()
            .find(|f| f.kind == "act" && f.key == k)
            .map_or_else(|| k.to_string(), |f| f.label.clone())
    };
    out.extend(word_choices("act", &acts, &label));
    out
}

/// Facts only one outlet reports (when there are several), and for each outlet the facts
/// others report that it does not — each claim checked against the texts
/// ([`crate::verify`]): a fact is unique only when every other outlet's texts lack it,
/// and missing from an outlet only when its texts lack it.
fn unique_and_missing(
    m: &Matrix,
    l: &Loaded,
    nums: &[NumberCell],
    outlets: &mut [crate::OutletReport],
) {
    if outlets.len() < 2 {
        return;
    }
    let texts: Vec<crate::verify::OutletText> = outlets
        .iter()
        .map(|o| {
            let docs: Vec<&load::Doc> = l.docs.iter().filter(|d| d.outlet == o.outlet).collect();
            crate::verify::OutletText::new(&docs)
        })
        .collect();
    let kinds = crate::verify::kinds_by_outlet(nums);
    let none = BTreeSet::new();
    for f in &m.facts {
        let probe = crate::verify::Probe::of(f, l, nums);
        if matches!(probe, crate::verify::Probe::Unknown) {
            continue;
        }
        // lacks[i]: does outlet i's text lack the fact? (None: cannot tell)
        let lacks: Vec<Option<bool>> = outlets
            .iter()
            .zip(&texts)
            .map(|(o, t)| {
                if f.cells.iter().any(|c| c.outlet == o.outlet) {
                    Some(false)
                } else {
                    probe.lacks(t, kinds.get(o.outlet.as_str()).unwrap_or(&none))
                }
            })
            .collect();
        for (i, o) in outlets.iter_mut().enumerate() {
            let here = f.cells.iter().any(|c| c.outlet == o.outlet);
            let others_lack = lacks
                .iter()
                .enumerate()
                .all(|(j, x)| j == i || *x == Some(true));
            if here && f.cells.len() == 1 && others_lack {
                o.unique.push(f.id.clone());
            } else if !here && lacks[i] == Some(true) {
                o.missing.push(f.id.clone());
            }
        }
    }
}

/// `kabar compare story ID`: each event compared, and outlets rolled up over the story.
pub fn compare_story(store: &Store, id: &str) -> Result<StoryComparison, CompareError> {
    let s = store.story(id)?;
    let mut events = Vec::new();
    for e in store.story_events(&s.id)? {
        events.push(compare_event(store, &e.id)?);
    }
    let mut by: BTreeMap<String, StoryOutlet> = BTreeMap::new();
    for c in &events {
        for o in &c.outlets {
            let so = by.entry(o.outlet.clone()).or_insert_with(|| StoryOutlet {
                outlet: o.outlet.clone(),
                events: Vec::new(),
                missing_events: Vec::new(),
                first_in: Vec::new(),
                discrepancies: 0,
            });
            so.events.push(c.id.clone());
            if o.first {
                so.first_in.push(c.id.clone());
            }
        }
        for d in &c.discrepancies {
            let named: BTreeSet<&String> = d.sides.iter().flat_map(|s| &s.outlets).collect();
            for o in named {
                if let Some(so) = by.get_mut(o) {
                    so.discrepancies += 1;
                }
            }
        }
    }
    let mut outlets: Vec<StoryOutlet> = by.into_values().collect();
    for o in &mut outlets {
        o.missing_events = events
            .iter()
            .filter(|c| !o.events.contains(&c.id))
            .map(|c| c.id.clone())
            .collect();
    }
    outlets.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then(a.outlet.cmp(&b.outlet))
    });
    Ok(StoryComparison {
        id: s.id,
        title: s.title,
        outlets,
        events,
    })
}
