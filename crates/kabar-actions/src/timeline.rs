//! The story timeline: mentions of one real-world act across articles merged into one entry.

use crate::lexicon::is_symmetric;
use chrono::{NaiveDate, Weekday};
use kabar_core::{Action, Plover};

/// One action as reported in one article, for the story timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineMention {
    /// Article ID.
    pub article: String,
    /// The action as extracted from that article (entity IDs already linked across the
    /// story, so aliases share one ID).
    pub action: Action,
    /// The sentence that reports it.
    pub text: String,
    /// The article's publication date (ISO; a time part is ignored), when known: an
    /// undated report attaches to the act nearest before it.
    pub published: Option<String>,
}

/// One real-world act of a story, with every article that reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// ISO date with the best precision any report gave, `None` when unknown.
    pub date: Option<String>,
    /// PLOVER category.
    pub plover: Plover,
    /// Kabar kind.
    pub kind: String,
    /// Actor entity IDs.
    pub source: Vec<String>,
    /// Target entity IDs.
    pub target: Vec<String>,
    /// The most informative sentence among the reports.
    pub text: String,
    /// Article IDs, in order of first report, without repeats.
    pub articles: Vec<String>,
    /// Every actor (source or target entity ID) any of the merged reports named, in order
    /// of first report: the minister, the ministry and the country of one act.
    pub actors: Vec<String>,
}

/// The timeline mentions of one article: each action with its sentence's text (byte
/// spans, as `extract` returns them; an action whose sentence is missing gets its trigger
/// text).
pub fn mentions_for(
    article: &str,
    text: &str,
    sentences: &[kabar_core::Span],
    actions: &[Action],
) -> Vec<TimelineMention> {
    actions
        .iter()
        .map(|a| {
            let s = sentences
                .get(a.sentence)
                .map(|s| s.slice(text))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| a.trigger.slice(text));
            TimelineMention {
                article: article.to_string(),
                action: a.clone(),
                text: s.trim().to_string(),
                published: None,
            }
        })
        .collect()
}

/// Two dates agree when one is a prefix of the other at a component boundary
/// ("2025-03" and "2025-03-06"; not "2025-03-0" and "2025-03-06").
pub fn dates_agree(a: &str, b: &str) -> bool {
    if let Some(w) = iso_week(a).or_else(|| iso_week(b)) {
        // a week holds its days (and overlaps its months and year)
        let other = if iso_week(a).is_some() { b } else { a };
        return match iso_week(other) {
            Some(o) => o == w,
            None => week_meets(w, other),
        };
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && (long.len() == short.len() || long.as_bytes()[short.len()] == b'-')
}

/// Monday and Sunday of an ISO week value (`2025-W23`).
fn iso_week(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (y, w) = v.split_once("-W")?;
    let (y, w): (i32, u32) = (y.parse().ok()?, w.get(..2)?.parse().ok()?);
    let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
    Some((monday, monday + chrono::Duration::days(6)))
}

/// Does a week overlap a date of any precision (`2025-06-03`, `2025-06`, `2025`)?
fn week_meets((mon, sun): (NaiveDate, NaiveDate), v: &str) -> bool {
    let (from, to) = match v.len() {
        10 => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => (d, d),
            Err(_) => return false,
        },
        7 => {
            let Ok(d) = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d") else {
                return false;
            };
            let next = d.checked_add_months(chrono::Months::new(1)).unwrap_or(d);
            (d, next - chrono::Duration::days(1))
        }
        4 => match v.parse::<i32>().ok().and_then(|y| {
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }) {
            Some(r) => r,
            None => return false,
        },
        _ => return false,
    };
    mon <= to && from <= sun
}

/// Who an actor acts for: entity ID → the organisations and countries it represents,
/// from the roles with an `of` ("Menteri Luar Negeri" of `gpe:indonesia`). The timeline
/// merges reports that name one act at different levels — the minister, the ministry,
/// the country — when they meet at a shared level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorLevels {
    up: std::collections::HashMap<String, Vec<String>>,
}

impl ActorLevels {
    /// Levels read from the roles of entities (of one or several articles).
    pub fn from_entities<'a>(entities: impl IntoIterator<Item = &'a kabar_core::Entity>) -> Self {
        let mut lv = ActorLevels::default();
        for e in entities {
            for r in &e.roles {
                if let Some(of) = &r.of {
                    lv.add(&e.id, of);
                }
            }
        }
        lv
    }

    /// Records that `actor` acts for `level` (a person for their organisation or country,
    /// an organisation for its country).
    pub fn add(&mut self, actor: &str, level: &str) {
        let v = self.up.entry(actor.to_string()).or_default();
        if !v.iter().any(|x| x == level) && actor != level {
            v.push(level.to_string());
        }
    }

    /// The actor and every level above it (its organisations, their countries), nearest
    /// first.
    pub fn chain(&self, actor: &str) -> Vec<String> {
        let mut out = vec![actor.to_string()];
        let mut i = 0;
        while i < out.len() && out.len() < 16 {
            if let Some(ups) = self.up.get(&out[i]) {
                for u in ups {
                    if !out.contains(u) {
                        out.push(u.clone());
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// Two actors are one at a shared level when they are the same or one acts for the
    /// other (a minister and her ministry or country); two people of one country are not.
    pub fn same_actor(&self, a: &str, b: &str) -> bool {
        a == b || self.chain(a).iter().any(|x| x == b) || self.chain(b).iter().any(|x| x == a)
    }

    /// The highest level an actor reaches (following organisation → country), or itself.
    pub fn top(&self, actor: &str) -> String {
        let mut cur = actor.to_string();
        for _ in 0..4 {
            let next = self.up.get(&cur).and_then(|v| {
                v.iter()
                    .find(|x| x.starts_with("gpe:"))
                    .or_else(|| v.first())
                    .cloned()
            });
            match next {
                Some(n) if n != cur => cur = n,
                _ => break,
            }
        }
        cur
    }
}

/// The identity of an act apart from its date: the reported actors (not lifted; levels
/// are compared pairwise by [`ActorLevels::same_actor`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    plover: Plover,
    kind: String,
    source: Vec<String>,
    target: Vec<String>,
}

fn key(a: &Action) -> Key {
    let mut source = a.source.clone();
    let mut target = a.target.clone();
    if is_symmetric(&a.kind) {
        // "X meets Y" and "X and Y meet" are the same meeting
        source.append(&mut target);
    }
    source.sort();
    source.dedup();
    target.sort();
    target.dedup();
    Key {
        plover: a.plover,
        kind: a.kind.clone(),
        source,
        target,
    }
}

/// Two actor sets name the same actors at a shared level: each actor of one set is, or
/// acts for, or is represented by, an actor of the other.
fn same_actors(a: &[String], b: &[String], lv: &ActorLevels) -> bool {
    let covers =
        |x: &[String], y: &[String]| x.iter().all(|p| y.iter().any(|q| lv.same_actor(p, q)));
    covers(a, b) && covers(b, a)
}

/// Same type family (PLOVER type and kind) and the same actors at a shared level.
fn same_act(a: &Key, b: &Key, lv: &ActorLevels) -> bool {
    a.plover == b.plover
        && a.kind == b.kind
        && same_actors(&a.source, &b.source, lv)
        && same_actors(&a.target, &b.target, lv)
}

/// Same act family ([`crate::lexicon::kind_family`]): the same PLOVER type and kind, or two
/// kinds one real act is reported under ("bombard" and "military_attack").
fn same_family(a: &Key, b: &Key) -> bool {
    (a.plover == b.plover && a.kind == b.kind) || {
        let f = crate::lexicon::kind_family(&a.kind);
        f.starts_with("family_") && f == crate::lexicon::kind_family(&b.kind)
    }
}

/// [`same_act`] up to the kind's family: one act reported under two kinds.
fn same_act_family(a: &Key, b: &Key, lv: &ActorLevels) -> bool {
    same_family(a, b)
        && same_actors(&a.source, &b.source, lv)
        && same_actors(&a.target, &b.target, lv)
}

/// A report that names fewer actors may be the act another report gives in full: same
/// type family ([`same_family`]: a deal reported as agreed and as signed) and agents, one side without a target ("Prabowo melakukan kunjungan
/// kenegaraan"); for symmetric kinds, whose actors are one set, one set within the other
/// ("Pertamina EP menandatangani kontrak" and "Pertamina EP dan PHR menandatangani …").
/// Used only when exactly one act fits.
fn same_act_but_target(a: &Key, b: &Key, lv: &ActorLevels) -> bool {
    let within = |x: &[String], y: &[String]| {
        !x.is_empty() && x.iter().all(|p| y.iter().any(|q| lv.same_actor(p, q)))
    };
    same_family(a, b)
        && if is_symmetric(&a.kind) && is_symmetric(&b.kind) {
            within(&a.source, &b.source) || within(&b.source, &a.source)
        } else {
            !a.source.is_empty()
                && same_actors(&a.source, &b.source, lv)
                && (a.target.is_empty() != b.target.is_empty())
        }
}

/// How informative a report is: actors named, date precision, then sentence length
/// (longer, up to a point, tends to carry more detail).
fn score(m: &TimelineMention) -> (usize, usize, usize) {
    let actors = m.action.source.len() + m.action.target.len();
    let prec = m.action.date.as_deref().map(str::len).unwrap_or(0);
    (actors, prec, m.text.chars().count().min(300))
}

/// A visit lasts days and its reports name the place at several levels ("Paris",
/// "Prancis", "Paris, Prancis"): reports of one actor's visit whose places overlap (one
/// set within the other) and whose days are at most this far apart are one visit.
const VISIT_DAYS: i64 = 2;

/// An undated report speaks of an act at most this many days before its article's
/// publication day (news reports what happened this week): it attaches to the nearest
/// such act, and undated reports of articles this close together are one act.
pub const UNDATED_WINDOW_DAYS: i64 = 7;

fn same_visit(g: &Group, k: &Key, d: &str, lv: &ActorLevels) -> bool {
    let within = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
    g.key.kind == "visit"
        && k.kind == "visit"
        && g.key.plover == k.plover
        && !k.source.is_empty()
        && same_actors(&g.key.source, &k.source, lv)
        && !k.target.is_empty()
        && !g.key.target.is_empty()
        && (within(&k.target, &g.key.target) || within(&g.key.target, &k.target))
        && g.date
            .as_deref()
            .and_then(day)
            .zip(day(d))
            .is_some_and(|(a, b)| (a - b).num_days().abs() <= VISIT_DAYS)
}

/// The day of an ISO date or timestamp (`2026-05-29T08:08:00+07:00` → 2026-05-29).
fn day(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

/// The first and last day a date value covers (a day, an ISO week, a month, a year).
fn day_range(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(w) = iso_week(v) {
        return Some(w);
    }
    match v.len() {
        10 => day(v).map(|d| (d, d)),
        7 => {
            let d = NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok()?;
            let next = d.checked_add_months(chrono::Months::new(1))?;
            Some((d, next - chrono::Duration::days(1)))
        }
        4 => {
            let y = v.parse::<i32>().ok()?;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        _ => None,
    }
}

/// How many days before publication day `pub_day` an act dated `date` lies, when it lies
/// within [`UNDATED_WINDOW_DAYS`] before it (0 when the act's span reaches that day);
/// `None` when it lies after the publication day or further back.
fn days_before(date: &str, pub_day: NaiveDate) -> Option<i64> {
    let (from, to) = day_range(date)?;
    if from > pub_day {
        return None;
    }
    let gap = (pub_day - to).num_days().max(0);
    (gap <= UNDATED_WINDOW_DAYS).then_some(gap)
}

struct Group {
    key: Key,
    date: Option<String>,
    /// Publication days of the undated reports (for an undated act).
    published: Vec<NaiveDate>,
    members: Vec<(usize, TimelineMention)>,
}

/// Merges mentions of the same real-world act into one entry each.
///
/// Two mentions are the same act when they have the same PLOVER type and kind, the same
/// actors (entity IDs; for symmetric kinds such as `meet` or `sign_agreement` the actors
/// as one set) and dates that agree within the precision known (`2025-03` agrees with
/// `2025-03-06`, a week with its days). A mention with no date joins the matching act
/// nearest before its article's publication day (at most [`UNDATED_WINDOW_DAYS`] before);
/// failing that, undated mentions of articles published that close together are one act.
/// Without a publication date an undated mention joins the matching act when there is
/// exactly one. Negated mentions ("tidak menandatangani") report that an act did not
/// happen and are left out. Entries are sorted by date, undated last; each entry's `text`
/// is the most informative report's sentence.
pub fn merge_timeline(mentions: Vec<TimelineMention>) -> Vec<TimelineEntry> {
    merge_timeline_levels(mentions, &ActorLevels::default())
}

/// [`merge_timeline`] with actor levels: actors are compared at a shared level (the
/// minister, the ministry he serves and the country it represents are one actor; two
/// ministers of one country are not), so "Menlu X", "Kemlu X" and "X" reporting one act
/// make one entry; the entry lists every actor named by its reports in `actors`.
pub fn merge_timeline_levels(
    mentions: Vec<TimelineMention>,
    levels: &ActorLevels,
) -> Vec<TimelineEntry> {
    let mut ms: Vec<(usize, TimelineMention)> = mentions
        .into_iter()
        .filter(|m| !m.action.negated)
        .enumerate()
        .collect();
    // most precise dates first, so coarser ones attach to a precise act
    ms.sort_by(|(ia, a), (ib, b)| {
        let la = a.action.date.as_deref().map(str::len).unwrap_or(0);
        let lb = b.action.date.as_deref().map(str::len).unwrap_or(0);
        lb.cmp(&la).then(ia.cmp(ib))
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut undated: Vec<(usize, TimelineMention)> = Vec::new();
    for (i, m) in ms {
        match m.action.date.clone() {
            Some(d) => add_dated(&mut groups, i, m, d, levels),
            None => undated.push((i, m)),
        }
    }
    undated.sort_by_key(|(i, _)| *i);
    let dated_groups = groups.len();
    for (i, m) in undated {
        add_undated(&mut groups, dated_groups, i, m, levels);
    }
    merge_close_dates(&mut groups, levels);
    merge_once(&mut groups, levels);
    merge_undated_into_sole_dated(&mut groups, levels);
    let mut out: Vec<TimelineEntry> = groups
        .into_iter()
        .filter(has_counterpart)
        .filter_map(entry)
        .collect();
    out.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y).then(a.kind.cmp(&b.kind)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.kind.cmp(&b.kind),
    });
    out
}

/// A dated mention joins the agreeing act with most reports, else starts one.
fn add_dated(groups: &mut Vec<Group>, i: usize, m: TimelineMention, d: String, lv: &ActorLevels) {
    let k = key(&m.action);
    let best = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            (same_act(&g.key, &k, lv) && g.date.as_deref().is_some_and(|gd| dates_agree(gd, &d)))
                || same_visit(g, &k, &d, lv)
        })
        .max_by_key(|(gi, g)| (g.members.len(), usize::MAX - gi))
        .map(|(gi, _)| gi);
    match best {
        Some(gi) => {
            let g = &mut groups[gi];
            if g.key.kind == "visit" && g.key.target != k.target {
                // one visit: its places at every level, from its first day
                g.key.target.extend(k.target);
                g.key.target.sort();
                g.key.target.dedup();
                if g.date.as_deref().is_some_and(|gd| d.as_str() < gd) {
                    g.date = Some(d);
                }
            }
            g.members.push((i, m))
        }
        None => groups.push(Group {
            key: k,
            date: Some(d),
            published: Vec::new(),
            members: vec![(i, m)],
        }),
    }
}

/// Where an undated mention goes: the matching dated act nearest before its publication
/// day (within the window), else an undated act of the same identity reported within the
/// window, else a new undated act. A report without a target only joins when exactly one
/// act fits. Without a publication day: the only matching dated act, else the undated one.
fn add_undated(
    groups: &mut Vec<Group>,
    dated: usize,
    i: usize,
    m: TimelineMention,
    lv: &ActorLevels,
) {
    let k = key(&m.action);
    let pub_day = m.published.as_deref().and_then(day);
    let target = pick_undated(groups, dated, &k, pub_day, lv);
    match target {
        Some(gi) => {
            let g = &mut groups[gi];
            if g.date.is_none() {
                g.published.extend(pub_day);
                if g.key.target.len() + g.key.source.len() < k.target.len() + k.source.len() {
                    // the fuller report names the act
                    g.key = k;
                }
            }
            g.members.push((i, m));
        }
        None => groups.push(Group {
            key: k,
            date: None,
            published: pub_day.into_iter().collect(),
            members: vec![(i, m)],
        }),
    }
}

fn pick_undated(
    groups: &[Group],
    dated: usize,
    k: &Key,
    pub_day: Option<NaiveDate>,
    lv: &ActorLevels,
) -> Option<usize> {
    type Fits<'a> = &'a dyn Fn(&Key, &Key, &ActorLevels) -> bool;
    let tiers: [(Fits, bool); 2] = [(&same_act, false), (&same_act_but_target, true)];
    for (fits, unique) in tiers {
        let found = match pub_day {
            Some(p) => {
                let near: Vec<(i64, usize, usize)> = groups[..dated]
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| fits(&g.key, k, lv))
                    .filter_map(|(gi, g)| {
                        let gap = days_before(g.date.as_deref()?, p)?;
                        Some((gap, usize::MAX - g.members.len(), gi))
                    })
                    .collect();
                let pick = |v: &[(i64, usize, usize)]| {
                    (!unique || v.len() == 1)
                        .then(|| v.iter().min().map(|x| x.2))
                        .flatten()
                };
                pick(&near).or_else(|| {
                    let close: Vec<(i64, usize, usize)> = groups[dated..]
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| fits(&g.key, k, lv))
                        .filter(|(_, g)| {
                            g.published.is_empty()
                                || g.published
                                    .iter()
                                    .any(|d| (p - *d).num_days().abs() <= UNDATED_WINDOW_DAYS)
                        })
                        .map(|(gi, g)| (0, usize::MAX - g.members.len(), dated + gi))
                        .collect();
                    pick(&close)
                })
            }
            None => {
                let same: Vec<usize> = (0..groups.len())
                    .filter(|&gi| fits(&groups[gi].key, k, lv))
                    .collect();
                let undated = same.iter().copied().find(|&gi| gi >= dated);
                let dated_ones: Vec<usize> =
                    same.iter().copied().filter(|&gi| gi < dated).collect();
                match (dated_ones.as_slice(), undated) {
                    ([only], None) => Some(*only),
                    (_, Some(u)) if !unique || same.len() == 1 => Some(u),
                    _ => None,
                }
            }
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Reports of one act dated a little apart (the day of the act, a typo, the day of a later
/// death, the report day) are one act: dated groups of the same act whose day ranges lie at
/// most [`DATE_SLACK_DAYS`] apart ([`ONE_OFF_SLACK_DAYS`] for acts done once to a person,
/// `data/needs.tsv` row `one_off_kinds`) merge into the better-supported one (more
/// articles, then the more precise date), which keeps its date. A group naming fewer
/// actors (no agent, or no target) joins such a fuller group when it is the only one in
/// reach.
fn merge_close_dates(groups: &mut Vec<Group>, lv: &ActorLevels) {
    let mut changed = true;
    while changed {
        changed = false;
        'outer: for a in 0..groups.len() {
            for b in 0..groups.len() {
                if a == b || !close_dates(&groups[a], &groups[b]) {
                    continue;
                }
                let same = same_act_family(&groups[a].key, &groups[b].key, lv);
                // a partial group (b) joins a fuller one (a) only when a is the only fit
                let partial = !same
                    && fewer_actors(&groups[b].key, &groups[a].key, lv)
                    && (0..groups.len())
                        .filter(|&c| {
                            c != b
                                && close_dates(&groups[c], &groups[b])
                                && fewer_actors(&groups[b].key, &groups[c].key, lv)
                        })
                        .count()
                        == 1;
                if !(same || partial) {
                    continue;
                }
                // the better-supported group absorbs the other (a partial one never wins)
                let (keep, gone) = if partial || support(&groups[a]) >= support(&groups[b]) {
                    (a, b)
                } else {
                    (b, a)
                };
                let g = groups.remove(gone);
                let keep = if gone < keep { keep - 1 } else { keep };
                groups[keep].members.extend(g.members);
                changed = true;
                break 'outer;
            }
        }
    }
}

/// Acts done once to one person (`data/needs.tsv` row `once_kinds`: an arrest, a charge, a
/// killing): groups of one kind with the same target at a shared level are one act whatever
/// their dates or agents (one arrest reported under a typo date and the report day, by the
/// Polres and by the Polda); a group with no target joins the one group of that kind whose
/// agents agree, when the story has exactly one, and a group with no agent the one whose
/// target agrees. The better-supported group (dated first, then more articles, a more
/// precise date) keeps its date; the fuller report names the act.
fn merge_once(groups: &mut Vec<Group>, lv: &ActorLevels) {
    let once = |g: &Group| crate::doc::is_in(&g.key.kind, crate::lexicon::word_row("once_kinds"));
    let same_target = |a: &Key, b: &Key| {
        a.plover == b.plover
            && a.kind == b.kind
            && !a.target.is_empty()
            && same_actors(&a.target, &b.target, lv)
    };
    let partial = |small: &Key, full: &Key| {
        small.plover == full.plover
            && small.kind == full.kind
            && ((small.target.is_empty()
                && !small.source.is_empty()
                && same_actors(&small.source, &full.source, lv))
                || (small.source.is_empty()
                    && !small.target.is_empty()
                    && same_actors(&small.target, &full.target, lv)))
    };
    let mut changed = true;
    while changed {
        changed = false;
        'outer: for b in 0..groups.len() {
            if !once(&groups[b]) {
                continue;
            }
            for a in 0..groups.len() {
                if a == b || !once(&groups[a]) {
                    continue;
                }
                let joins = same_target(&groups[a].key, &groups[b].key)
                    || (partial(&groups[b].key, &groups[a].key)
                        && (0..groups.len())
                            .filter(|&c| c != b && partial(&groups[b].key, &groups[c].key))
                            .count()
                            == 1);
                if !joins {
                    continue;
                }
                let rank = |g: &Group| (g.date.is_some(), support(g));
                let (keep, gone) = if rank(&groups[a]) >= rank(&groups[b]) {
                    (a, b)
                } else {
                    (b, a)
                };
                let g = groups.remove(gone);
                let keep = if gone < keep { keep - 1 } else { keep };
                let k = &mut groups[keep];
                if k.key.source.len() + k.key.target.len() < g.key.source.len() + g.key.target.len()
                {
                    k.key = g.key;
                }
                k.published.extend(g.published);
                k.members.extend(g.members);
                changed = true;
                break 'outer;
            }
        }
    }
}

/// An undated act that is, at its family's level ([`same_act_family`]: "bombard" and
/// "military_attack" of the same sides), the one dated act of the story is that act
/// recalled without a date ("serangan Hamas ke Israel" beside "pada 7 Oktober 2023 Hamas
/// menyerang Israel"): it joins it. With two or more such dated acts it stays apart, and so
/// does a report published before the act, or of a meeting, visit, call or talks (row
/// `counterpart_kinds`: those recur, a later undated one is another).
fn merge_undated_into_sole_dated(groups: &mut Vec<Group>, lv: &ActorLevels) {
    let mut u = 0;
    while u < groups.len() {
        let recurring = crate::doc::is_in(
            &groups[u].key.kind,
            crate::lexicon::word_row("counterpart_kinds"),
        );
        if groups[u].date.is_some() || recurring {
            u += 1;
            continue;
        }
        let fits: Vec<usize> = (0..groups.len())
            .filter(|&d| {
                groups[d].date.is_some() && same_act_family(&groups[d].key, &groups[u].key, lv)
            })
            .collect();
        let after = |d: usize| {
            let start = groups[d].date.as_deref().and_then(day_range).map(|r| r.0);
            groups[u]
                .published
                .iter()
                .all(|p| start.is_some_and(|s| s <= *p))
        };
        if let Some(&d) = fits.first().filter(|&&d| fits.len() == 1 && after(d)) {
            let g = groups.remove(u);
            let d = if d > u { d - 1 } else { d };
            groups[d].members.extend(g.members);
        } else {
            u += 1;
        }
    }
}

/// How much a group's date is supported: distinct articles, then date precision.
fn support(g: &Group) -> (usize, usize) {
    let mut arts: Vec<&str> = g.members.iter().map(|(_, m)| m.article.as_str()).collect();
    arts.sort();
    arts.dedup();
    (arts.len(), g.date.as_deref().map(str::len).unwrap_or(0))
}

/// Reports of one act may disagree on its date by this many days (a week day given
/// differently by two sides of one strike); see [`merge_close_dates`].
pub const DATE_SLACK_DAYS: i64 = 1;

/// The date slack for acts done once to a person (`data/needs.tsv`, row `one_off_kinds`):
/// an arrest reported with a typo date, the day of a later death and the report day.
pub const ONE_OFF_SLACK_DAYS: i64 = 3;

/// Both groups are dated, of one type family, and their day ranges lie at most the kind's
/// slack apart.
fn close_dates(a: &Group, b: &Group) -> bool {
    if !same_family(&a.key, &b.key) {
        return false;
    }
    let slack = if crate::doc::is_in(&a.key.kind, crate::lexicon::word_row("one_off_kinds")) {
        ONE_OFF_SLACK_DAYS
    } else {
        DATE_SLACK_DAYS
    };
    let (Some((a0, a1)), Some((b0, b1))) = (
        a.date.as_deref().and_then(day_range),
        b.date.as_deref().and_then(day_range),
    ) else {
        return false;
    };
    let gap = if a1 < b0 {
        (b0 - a1).num_days()
    } else if b1 < a0 {
        (a0 - b1).num_days()
    } else {
        0
    };
    gap <= slack
}

/// `small` names fewer actors of the act `full` names: same type family; for symmetric
/// kinds its actor set lies within the other's; otherwise it has no agent and the same
/// target, or no target and the same agents.
fn fewer_actors(small: &Key, full: &Key, lv: &ActorLevels) -> bool {
    let within = |x: &[String], y: &[String]| {
        !x.is_empty()
            && x.len() < y.len()
            && x.iter().all(|p| y.iter().any(|q| lv.same_actor(p, q)))
    };
    if !same_family(small, full) {
        return false;
    }
    if is_symmetric(&small.kind) {
        return within(&small.source, &full.source);
    }
    let no_agent = small.source.is_empty()
        && !full.source.is_empty()
        && !small.target.is_empty()
        && same_actors(&small.target, &full.target, lv);
    let no_target = small.target.is_empty()
        && !full.target.is_empty()
        && !small.source.is_empty()
        && same_actors(&small.source, &full.source, lv);
    no_agent || no_target
}

/// A meeting, visit, call or talks (`data/needs.tsv`, row `counterpart_kinds`) needs two
/// parties: a group whose reports name only one is no timeline entry (its act may be real,
/// but "X: meet" with no one met tells the reader nothing and duplicates the full report).
///
/// Support and praise (row `addressee_kinds`) need a target: "X: praise" with no one praised
/// is an opinion about a thing or a result, not an act toward an actor.
fn has_counterpart(g: &Group) -> bool {
    if crate::doc::is_in(&g.key.kind, crate::lexicon::word_row("addressee_kinds")) {
        return !g.key.target.is_empty();
    }
    if !crate::doc::is_in(&g.key.kind, crate::lexicon::word_row("counterpart_kinds")) {
        return true;
    }
    let mut all: Vec<&String> = g.key.source.iter().chain(&g.key.target).collect();
    all.sort();
    all.dedup();
    all.len() >= 2
}

/// One timeline entry from a group of reports.
fn entry(mut g: Group) -> Option<TimelineEntry> {
    g.members.sort_by_key(|(i, _)| *i);
    let best = g
        .members
        .iter()
        .max_by_key(|(i, m)| (score(m), usize::MAX - i))
        .map(|(_, m)| m)?;
    let mut articles: Vec<String> = Vec::new();
    for (_, m) in &g.members {
        if !articles.contains(&m.article) {
            articles.push(m.article.clone());
        }
    }
    let mut actors: Vec<String> = Vec::new();
    for (_, m) in &g.members {
        for a in m.action.source.iter().chain(&m.action.target) {
            if !actors.contains(a) {
                actors.push(a.clone());
            }
        }
    }
    Some(TimelineEntry {
        actors,
        date: g.date,
        plover: g.key.plover,
        kind: g.key.kind.clone(),
        source: best.action.source.clone(),
        target: best.action.target.clone(),
        text: best.text.clone(),
        articles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kabar_core::Span;

    fn mention(
        article: &str,
        kind: &str,
        src: &[&str],
        tgt: &[&str],
        date: Option<&str>,
    ) -> TimelineMention {
        let plover = if kind == "summon_ambassador" {
            Plover::Disapprove
        } else {
            Plover::Agree
        };
        TimelineMention {
            article: article.to_string(),
            action: Action {
                plover,
                kind: kind.to_string(),
                source: src.iter().map(|s| s.to_string()).collect(),
                target: tgt.iter().map(|s| s.to_string()).collect(),
                date: date.map(String::from),
                sentence: 0,
                trigger: Span::new(0, 1),
                negated: false,
            },
            text: format!("{article} reports {kind}"),
            published: None,
        }
    }

    fn published(mut m: TimelineMention, day: &str) -> TimelineMention {
        m.published = Some(day.to_string());
        m
    }

    fn meet(article: &str, src: &[&str], tgt: &[&str], date: Option<&str>) -> TimelineMention {
        let mut m = mention(article, "meet", src, tgt, date);
        m.action.plover = Plover::Consult;
        m
    }

    #[test]
    fn undated_report_joins_the_act_nearest_before_its_publication() {
        // an April meeting and the May meeting of the same two; five undated reports
        // published the day after the May meeting belong to May
        let mut ms = vec![
            meet("a:1", &["per:p"], &["per:m"], Some("2026-04-14")),
            meet("a:2", &["per:p", "per:m"], &[], Some("2026-05-28")),
        ];
        for i in 3..=7 {
            ms.push(published(
                meet(&format!("a:{i}"), &["per:p"], &["per:m"], None),
                "2026-05-29T08:08:00+07:00",
            ));
        }
        // published in mid-April: the April meeting
        ms.push(published(
            meet("a:8", &["per:m"], &["per:p"], None),
            "2026-04-15",
        ));
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[0].date.as_deref(), Some("2026-04-14"));
        assert_eq!(t[0].articles, ["a:1", "a:8"]);
        assert_eq!(t[1].date.as_deref(), Some("2026-05-28"));
        assert_eq!(t[1].articles, ["a:2", "a:3", "a:4", "a:5", "a:6", "a:7"]);
    }

    #[test]
    fn undated_report_does_not_join_an_act_outside_the_window() {
        let ms = vec![
            meet("a:1", &["per:p"], &["per:m"], Some("2026-04-14")),
            // a month later, or an act after publication: not that meeting
            published(meet("a:2", &["per:p"], &["per:m"], None), "2026-05-29"),
            published(meet("a:3", &["per:p"], &["per:m"], None), "2026-04-10"),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1"]);
        // a week or a month that reaches the publication day is near (gap 0)
        assert_eq!(
            days_before("2026-W22", NaiveDate::from_ymd_opt(2026, 5, 29).unwrap()),
            Some(0)
        );
        assert_eq!(
            days_before("2026-05", NaiveDate::from_ymd_opt(2026, 5, 29).unwrap()),
            Some(0)
        );
        assert_eq!(
            days_before("2026-05-21", NaiveDate::from_ymd_opt(2026, 5, 29).unwrap()),
            None
        );
        assert_eq!(
            days_before("2026-05-22", NaiveDate::from_ymd_opt(2026, 5, 29).unwrap()),
            Some(7)
        );
    }

    #[test]
    fn undated_reports_of_several_articles_merge_when_published_close() {
        let ms = vec![
            published(
                mention("a:1", "visit", &["per:p"], &["gpe:fr"], None),
                "2026-05-27",
            ),
            published(
                mention("a:2", "visit", &["per:p"], &["gpe:fr"], None),
                "2026-05-29",
            ),
            // the same kind of report two months later is another visit
            published(
                mention("a:3", "visit", &["per:p"], &["gpe:fr"], None),
                "2026-07-29",
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2"]);
        assert_eq!(t[1].articles, ["a:3"]);
    }

    #[test]
    fn a_deal_reported_as_agreed_and_as_signed_by_one_party_is_one_entry() {
        let ms = vec![
            published(
                mention("a:1", "agree", &["org:pgn"], &["org:inpex"], None),
                "2026-05-27",
            ),
            published(
                mention("a:2", "agree", &["org:pgn"], &["org:inpex"], None),
                "2026-05-27",
            ),
            published(
                mention("a:3", "sign_agreement", &["org:pgn"], &[], None),
                "2026-05-28",
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2", "a:3"]);
        // a signing with another party is another deal
        let ms = vec![
            published(
                mention("a:1", "agree", &["org:pgn"], &["org:inpex"], None),
                "2026-05-27",
            ),
            published(
                mention("a:2", "sign_agreement", &["org:pgn"], &["org:shell"], None),
                "2026-05-28",
            ),
        ];
        assert_eq!(merge_timeline(ms).len(), 2);
    }

    #[test]
    fn report_without_target_joins_the_one_act_of_its_agent() {
        let ms = vec![
            published(
                mention("a:1", "visit", &["per:p"], &["gpe:fr"], None),
                "2026-05-27",
            ),
            published(mention("a:2", "visit", &["per:p"], &[], None), "2026-05-28"),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].target, ["gpe:fr"]);
        // two visits of the agent in reach: ambiguous, stays apart
        let ms = vec![
            published(
                mention("a:1", "visit", &["per:p"], &["gpe:fr"], None),
                "2026-05-27",
            ),
            published(
                mention("a:2", "visit", &["per:p"], &["gpe:de"], None),
                "2026-05-27",
            ),
            published(mention("a:3", "visit", &["per:p"], &[], None), "2026-05-28"),
        ];
        // …and, naming no place visited, is no entry of its own
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert!(t.iter().all(|e| !e.articles.contains(&"a:3".to_string())));
        // a symmetric act: one party's report joins the one signing it is part of
        let sign = |a: &str, src: &[&str]| {
            published(mention(a, "sign_agreement", src, &[], None), "2026-05-28")
        };
        let ms = vec![
            sign("a:1", &["org:ep", "org:phr"]),
            sign("a:2", &["org:ep"]),
            sign("a:3", &["org:other"]),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2"]);
    }

    #[test]
    fn two_officials_of_one_country_are_not_one_actor() {
        let mut lv = ActorLevels::default();
        lv.add("per:prabowo", "gpe:indonesia");
        lv.add("per:sugiono", "org:kemlu");
        lv.add("org:kemlu", "gpe:indonesia");
        assert!(lv.same_actor("per:sugiono", "gpe:indonesia"));
        assert!(lv.same_actor("org:kemlu", "per:sugiono"));
        assert!(!lv.same_actor("per:sugiono", "per:prabowo"));
        let ms = vec![
            meet("a:1", &["per:prabowo"], &["per:macron"], Some("2026-05-28")),
            meet("a:2", &["per:sugiono"], &["per:macron"], Some("2026-05-28")),
            meet(
                "a:3",
                &["gpe:indonesia"],
                &["per:macron"],
                Some("2026-05-28"),
            ),
        ];
        let t = merge_timeline_levels(ms, &lv);
        // the country's report fits both; it joins one, the two officials stay apart
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t.iter().map(|e| e.articles.len()).sum::<usize>(), 3);
    }

    #[test]
    fn five_outlets_one_act() {
        let ms: Vec<_> = (1..=5)
            .map(|i| {
                mention(
                    &format!("a:{i}"),
                    "summon_ambassador",
                    &["org:kemlu"],
                    &["gpe:australia"],
                    Some("2025-03-06"),
                )
            })
            .collect();
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].articles, ["a:1", "a:2", "a:3", "a:4", "a:5"]);
        assert_eq!(t[0].date.as_deref(), Some("2025-03-06"));
        assert_eq!(t[0].plover, Plover::Disapprove);
    }

    #[test]
    fn one_visit_over_days_and_place_levels_is_one_entry() {
        let v = |a: &str, tgt: &[&str], d: &str| mention(a, "visit", &["per:p"], tgt, Some(d));
        let ms = vec![
            v("a:1", &["gpe:prancis"], "2026-05-27"),
            v("a:2", &["gpe:paris", "gpe:prancis"], "2026-05-28"),
            v("a:3", &["gpe:paris"], "2026-05-28"),
            v("a:4", &["gpe:prancis"], "2026-05-29"),
            // a visit elsewhere, and the same place a week later, are other visits
            v("a:5", &["gpe:jepang"], "2026-05-28"),
            v("a:6", &["gpe:prancis"], "2026-06-05"),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 3, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2", "a:3", "a:4"]);
        assert_eq!(t[0].date.as_deref(), Some("2026-05-27"));
        // another kind with the same actors is not merged across days beyond the slack
        let ms = vec![
            mention("a:1", "meet", &["per:p"], &["per:q"], Some("2026-05-26")),
            mention("a:2", "meet", &["per:p"], &["per:q"], Some("2026-05-28")),
        ];
        assert_eq!(merge_timeline(ms).len(), 2);
    }

    #[test]
    fn different_dates_stay_apart_and_sort() {
        let ms = vec![
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-20"),
            ),
            mention(
                "a:2",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].date.as_deref(), Some("2025-03-06"));
        assert_eq!(t[1].date.as_deref(), Some("2025-03-20"));
    }

    #[test]
    fn month_precision_merges_with_day() {
        let ms = vec![
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03"),
            ),
            mention(
                "a:2",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].date.as_deref(), Some("2025-03-06"));
        assert_eq!(t[0].articles, ["a:1", "a:2"]);
    }

    #[test]
    fn different_actors_or_kinds_stay_apart() {
        let ms = vec![
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
            mention(
                "a:2",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:belanda"],
                Some("2025-03-06"),
            ),
            mention(
                "a:3",
                "sign_agreement",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
        ];
        assert_eq!(merge_timeline(ms).len(), 3);
    }

    #[test]
    fn symmetric_acts_compare_actor_sets() {
        let ms = vec![
            mention(
                "a:1",
                "sign_agreement",
                &["gpe:indonesia", "gpe:malaysia"],
                &[],
                Some("2025-05-19"),
            ),
            mention(
                "a:2",
                "sign_agreement",
                &["gpe:malaysia"],
                &["gpe:indonesia"],
                Some("2025-05-19"),
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].articles.len(), 2);
    }

    #[test]
    fn undated_joins_the_single_matching_act_else_stays_last() {
        let ms = vec![
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
            mention(
                "a:2",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                None,
            ),
            mention("a:3", "sign_agreement", &["gpe:x"], &["gpe:y"], None),
            mention(
                "a:4",
                "sign_agreement",
                &["gpe:x"],
                &["gpe:y"],
                Some("2025-01-01"),
            ),
            mention(
                "a:5",
                "sign_agreement",
                &["gpe:x"],
                &["gpe:y"],
                Some("2025-02-01"),
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 4);
        let summon = t.iter().find(|e| e.kind == "summon_ambassador").unwrap();
        assert_eq!(summon.articles, ["a:1", "a:2"]);
        // two dated signings: the undated report is ambiguous and stays on its own, last
        assert_eq!(t.last().unwrap().date, None);
        assert_eq!(t.last().unwrap().articles, ["a:3"]);
    }

    #[test]
    fn negated_reports_are_not_acts_and_same_article_counts_once() {
        let mut neg = mention(
            "a:9",
            "summon_ambassador",
            &["org:kemlu"],
            &["gpe:australia"],
            Some("2025-03-06"),
        );
        neg.action.negated = true;
        let ms = vec![
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
            mention(
                "a:1",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:australia"],
                Some("2025-03-06"),
            ),
            neg,
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].articles, ["a:1"]);
    }

    #[test]
    fn most_informative_sentence_wins() {
        let mut a = mention(
            "a:1",
            "summon_ambassador",
            &["org:kemlu"],
            &[],
            Some("2025-03"),
        );
        a.text = "Kemlu memanggil dubes.".into();
        let mut b = mention(
            "a:2",
            "summon_ambassador",
            &["org:kemlu"],
            &[],
            Some("2025-03-06"),
        );
        b.text = "Kemlu memanggil Dubes Australia pada Kamis (6/3).".into();
        let t = merge_timeline(vec![a, b]);
        assert_eq!(t.len(), 1);
        assert!(t[0].text.contains("Kamis"));
    }

    #[test]
    fn mentions_carry_their_sentence() {
        let text = "Kemlu memanggil dubes. Lalu bertemu.";
        let sents = [Span::new(0, 22), Span::new(23, 36)];
        let mut a = mention("x", "meet", &["org:kemlu"], &[], None).action;
        a.sentence = 1;
        a.trigger = Span::new(28, 35);
        let mut b = a.clone();
        b.sentence = 9; // out of range: falls back to the trigger
        let ms = mentions_for("a:1", text, &sents, &[a, b]);
        assert_eq!(ms[0].text, "Lalu bertemu.");
        assert_eq!(ms[1].text, "bertemu");
        assert_eq!(ms[0].article, "a:1");
    }

    #[test]
    fn date_agreement() {
        assert!(dates_agree("2025-03", "2025-03-06"));
        assert!(dates_agree("2025", "2025-03-06"));
        assert!(!dates_agree("2025-03-0", "2025-03-06"));
        assert!(!dates_agree("2025-04", "2025-03-06"));
        assert!(dates_agree("2025-03-06", "2025-03-06"));
    }

    #[test]
    fn a_week_holds_its_days() {
        assert!(dates_agree("2025-W23", "2025-06-03"));
        assert!(dates_agree("2025-06-08", "2025-W23"));
        assert!(!dates_agree("2025-W23", "2025-06-09"));
        assert!(dates_agree("2025-W23", "2025-06"));
        assert!(!dates_agree("2025-W23", "2025-07"));
        assert!(dates_agree("2025-W23", "2025-W23") && !dates_agree("2025-W23", "2025-W24"));
    }

    #[test]
    fn minister_ministry_and_country_meet_at_the_country() {
        let mut lv = ActorLevels::default();
        lv.add("per:sugiono", "org:kemlu");
        lv.add("org:kemlu", "gpe:indonesia");
        let ms = vec![
            mention(
                "a1",
                "summon_ambassador",
                &["per:sugiono"],
                &["gpe:iran"],
                Some("2025-06-03"),
            ),
            mention(
                "a2",
                "summon_ambassador",
                &["org:kemlu"],
                &["gpe:iran"],
                Some("2025-W23"),
            ),
            mention(
                "a3",
                "summon_ambassador",
                &["gpe:indonesia"],
                &["gpe:iran"],
                None,
            ),
            mention(
                "a4",
                "summon_ambassador",
                &["gpe:malaysia"],
                &["gpe:iran"],
                Some("2025-06-03"),
            ),
        ];
        let t = merge_timeline_levels(ms.clone(), &lv);
        assert_eq!(t.len(), 2, "{t:#?}");
        let e = t
            .iter()
            .find(|e| e.articles.len() == 3)
            .expect("merged entry");
        assert_eq!(e.articles, ["a1", "a2", "a3"]);
        assert!(
            e.actors.contains(&"per:sugiono".to_string())
                && e.actors.contains(&"org:kemlu".to_string())
        );
        assert_eq!(e.date.as_deref(), Some("2025-06-03"));
        // without levels the three namings stay apart
        assert_eq!(merge_timeline(ms).len(), 4);
    }

    fn act(
        article: &str,
        plover: Plover,
        kind: &str,
        src: &[&str],
        tgt: &[&str],
        date: &str,
    ) -> TimelineMention {
        let mut m = mention(article, kind, src, tgt, Some(date));
        m.action.plover = plover;
        m
    }

    #[test]
    fn one_arrest_reported_with_three_dates_is_one_entry_at_the_best_supported_date() {
        let arrest =
            |a: &str, src: &[&str], d: &str| act(a, Plover::Coerce, "arrest", src, &["per:w"], d);
        let ms = vec![
            arrest("a:1", &["org:polda"], "2026-05-20"),
            arrest("a:2", &["org:polda"], "2026-05-22"),
            arrest("a:3", &["org:polda"], "2026-05-22"),
            // no agent named in this report: joins the one arrest of the same person
            arrest("a:4", &[], "2026-05-23"),
            // a month later, another person: another arrest
            act(
                "a:5",
                Plover::Coerce,
                "arrest",
                &["org:polda"],
                &["per:x"],
                "2026-06-25",
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2", "a:3", "a:4"]);
        assert_eq!(t[0].date.as_deref(), Some("2026-05-22"));
        assert_eq!(t[0].source, ["org:polda"]);
    }

    #[test]
    fn one_arrest_under_a_typo_date_another_unit_and_no_target_is_one_entry() {
        let arrest = |a: &str, src: &[&str], tgt: &[&str], d: Option<&str>| {
            let mut m = mention(a, "arrest", src, tgt, d);
            m.action.plover = Plover::Coerce;
            m
        };
        let ms = vec![
            arrest("a:1", &["org:polda"], &["per:w"], Some("2026-05-22")),
            arrest("a:2", &["org:polda"], &["per:w"], Some("2026-05-22")),
            // the article's typo date, two months off
            arrest("a:3", &["org:polda"], &["per:w"], Some("2026-03-25")),
            // the Polres named as the arresting unit
            arrest("a:4", &["org:polres"], &["per:w"], None),
            // the arrested man left unnamed by this report
            arrest("a:5", &["org:polda"], &[], Some("2026-05-10")),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].articles.len(), 5);
        assert_eq!(t[0].date.as_deref(), Some("2026-05-22"));
        // two people arrested: a report naming neither stays apart
        let ms = vec![
            arrest("a:1", &["org:polda"], &["per:w"], Some("2026-05-22")),
            arrest("a:2", &["org:polda"], &["per:x"], Some("2026-05-25")),
            arrest("a:3", &["org:polda"], &[], Some("2026-05-10")),
        ];
        assert_eq!(merge_timeline(ms).len(), 3);
        // a meeting is not done once: two meetings of the same pair months apart stay two
        let ms = vec![
            mention("a:1", "meet", &["per:a"], &["per:b"], Some("2026-04-01")),
            mention("a:2", "meet", &["per:a"], &["per:b"], Some("2026-05-28")),
        ];
        assert_eq!(merge_timeline(ms).len(), 2);
    }

    #[test]
    fn reports_a_day_apart_are_one_act_two_days_apart_are_two() {
        let strike = |a: &str, src: &[&str], d: &str| {
            act(a, Plover::Fight, "military_attack", src, &["gpe:ir"], d)
        };
        let ms = vec![
            strike("a:1", &["gpe:us"], "2026-05-27"),
            strike("a:2", &["gpe:us"], "2026-05-28"),
            strike("a:3", &["gpe:us"], "2026-05-28"),
            strike("a:4", &["gpe:us"], "2026-05-30"),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 2, "{t:#?}");
        assert_eq!(t[0].date.as_deref(), Some("2026-05-28"));
        assert_eq!(t[0].articles.len(), 3);
        // a report without agent fitting two acts in reach stays apart
        let ms = vec![
            strike("a:1", &["gpe:us"], "2026-05-28"),
            strike("a:2", &["gpe:il"], "2026-05-28"),
            strike("a:3", &[], "2026-05-28"),
        ];
        assert_eq!(merge_timeline(ms).len(), 3);
    }

    #[test]
    fn a_meeting_with_no_one_is_no_entry() {
        let ms = vec![
            meet("a:1", &["per:p"], &[], Some("2026-05-20")),
            meet("a:2", &["per:p"], &["per:q"], Some("2026-05-28")),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].articles, ["a:2"]);
        // other kinds keep a report with one side named
        let ms = vec![act(
            "a:1",
            Plover::Reject,
            "deny",
            &["per:p"],
            &[],
            "2026-05-20",
        )];
        assert_eq!(merge_timeline(ms).len(), 1);
    }

    #[test]
    fn praise_of_no_one_is_no_entry() {
        let ms = vec![
            act(
                "a:1",
                Plover::Support,
                "praise",
                &["per:p"],
                &[],
                "2026-05-20",
            ),
            act(
                "a:2",
                Plover::Support,
                "support",
                &["per:p"],
                &[],
                "2026-05-21",
            ),
            act(
                "a:3",
                Plover::Support,
                "praise",
                &["per:p"],
                &["per:q"],
                "2026-05-25",
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 1, "{t:#?}");
        assert_eq!(t[0].articles, ["a:3"]);
    }

    #[test]
    fn one_strike_reported_as_bombing_and_as_attack_is_one_entry() {
        let ms = vec![
            act(
                "a:1",
                Plover::Fight,
                "bombard",
                &["gpe:us"],
                &["gpe:ir"],
                "2026-02-28",
            ),
            act(
                "a:2",
                Plover::Fight,
                "military_attack",
                &["gpe:us"],
                &["gpe:ir"],
                "2026-02-28",
            ),
            act(
                "a:3",
                Plover::Fight,
                "military_attack",
                &["gpe:us"],
                &["gpe:ir"],
                "2026-03-01",
            ),
            // another target, or another family (a threat), stays apart
            act(
                "a:4",
                Plover::Fight,
                "bombard",
                &["gpe:us"],
                &["gpe:om"],
                "2026-02-28",
            ),
            act(
                "a:5",
                Plover::Threaten,
                "warn",
                &["gpe:us"],
                &["gpe:ir"],
                "2026-02-28",
            ),
        ];
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 3, "{t:#?}");
        let strike = t
            .iter()
            .find(|e| e.target == ["gpe:ir"] && e.plover == Plover::Fight);
        assert_eq!(strike.map(|e| e.articles.len()), Some(3), "{t:#?}");
    }

    #[test]
    fn an_undated_recall_joins_the_one_dated_act_of_its_family() {
        let mut ms = vec![
            act(
                "a:1",
                Plover::Fight,
                "bombard",
                &["org:h"],
                &["gpe:il"],
                "2023-10-07",
            ),
            act(
                "a:3",
                Plover::Fight,
                "bombard",
                &["gpe:il"],
                &["gpe:lb"],
                "2026-05-01",
            ),
            act(
                "a:4",
                Plover::Fight,
                "bombard",
                &["gpe:il"],
                &["gpe:lb"],
                "2026-05-20",
            ),
        ];
        let mut recall = act(
            "a:2",
            Plover::Fight,
            "military_attack",
            &["org:h"],
            &["gpe:il"],
            "x",
        );
        recall.action.date = None;
        recall.published = Some("2026-05-29".into());
        ms.push(recall.clone());
        // two dated strikes on Lebanon: an undated one stays apart
        recall.action.source = vec!["gpe:il".into()];
        recall.action.target = vec!["gpe:lb".into()];
        ms.push(recall);
        let t = merge_timeline(ms);
        assert_eq!(t.len(), 4, "{t:#?}");
        assert_eq!(t[0].articles, ["a:1", "a:2"]);
        assert!(t[3].date.is_none());
    }
}
