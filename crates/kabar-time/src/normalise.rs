//! Normalisation (TimeML values anchored on the publication date), publication-date
//! inference and consistency warnings.

use crate::lexicon::{month_en, weekday_en};
use crate::tagger::{recognise, sentence_of, sentence_starts, Cand, Rel, Sem, Unit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use kabar_core::{Lang, Published, Span, TimeExpr, TimeType, Warning};
use regex::Regex;
use std::sync::LazyLock;

/// The result of [`analyze`](crate::analyze).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeAnalysis {
    /// Temporal expressions in text order, byte spans into the text.
    pub times: Vec<TimeExpr>,
    /// The publication date inferred from the text, when none was given and one was found.
    pub published: Option<Published>,
    /// Consistency warnings (`weekday_mismatch`, `date_in_future`).
    pub warnings: Vec<Warning>,
}

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:akan|bakal|hendak|berencana|rencananya|direncanakan|dijadwalkan|terjadwal|mendatang|nanti|will|shall|scheduled|plans?\s+to|expected\s+to|going\s+to|due\s+to)(?-u:\b)")
        .expect("valid regex")
});
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u)\b(?:telah|sudah|lalu|kemarin|silam|tadi|ujar|kata|ucap|ungkap|ungkapnya|jelas|jelasnya|tutur|terang|katanya|ujarnya|menurut|said|told|was|were|had|announced|signed|met)(?-u:\b)")
        .expect("valid regex")
});

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn week_of(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new(n.unsigned_abs() as u32))
    }
}

/// The year in which day `d` of month `m` lies nearest to `anchor`.
fn nearest_year(anchor: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let mut best: Option<(i64, NaiveDate)> = None;
    for y in [anchor.year() - 1, anchor.year(), anchor.year() + 1] {
        if let Some(c) = NaiveDate::from_ymd_opt(y, m, d) {
            let dist = (c - anchor).num_days().abs();
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The year of day `d` of month `m` as a report dated `anchor` means it: the next
/// occurrence for a future-tense sentence, or when it comes within 90 days and nearer than
/// the last one; otherwise the last occurrence (news mostly report the past).
fn year_by_tense(anchor: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    let prev = [anchor.year(), anchor.year() - 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|c| *c <= anchor);
    let next = [anchor.year(), anchor.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|c| *c > anchor);
    match (prev, next) {
        (Some(p), Some(n)) => {
            let (dp, dn) = ((anchor - p).num_days(), (n - anchor).num_days());
            // a future-tense sentence moves to the next occurrence unless the last one is
            // within days (the date a statement about the future was made)
            if (future && dp > 7 && dn <= 270) || (dn <= 90 && dn < dp) {
                Some(n)
            } else {
                Some(p)
            }
        }
        (p, n) => p.or(n).or_else(|| nearest_year(anchor, m, d)),
    }
}

/// The most recent year, not after `today`, in which `d`/`m` falls on `wd`.
fn year_for_weekday(today: NaiveDate, m: u32, d: u32, wd: Weekday) -> Option<NaiveDate> {
    (0..40)
        .map(|k| today.year() - k)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|c| *c <= today && c.weekday() == wd)
}

struct Ctx<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Start offsets of future-tense markers, found once per text.
    future_at: Vec<usize>,
    /// Start offsets of past-report markers.
    past_at: Vec<usize>,
}

impl<'a> Ctx<'a> {
    /// `lc`: the text lower-cased (ASCII), so the markers are case-sensitive literals.
    fn new(text: &'a str, lc: &str, starts: Vec<usize>) -> Self {
        let future_at = FUTURE.find_iter(lc).map(|m| m.start()).collect();
        let past_at = PAST.find_iter(lc).map(|m| m.start()).collect();
        Ctx {
            text,
            starts,
            future_at,
            past_at,
        }
    }
    fn in_sentence(&self, marks: &[usize], pos: usize) -> bool {
        let (s, e) = sentence_of(&self.starts, self.text.len(), pos);
        let i = marks.partition_point(|&m| m < s);
        marks.get(i).is_some_and(|&m| m < e)
    }
    fn future(&self, pos: usize) -> bool {
        self.in_sentence(&self.future_at, pos)
    }
    fn past(&self, pos: usize) -> bool {
        self.in_sentence(&self.past_at, pos)
    }
}

/// The resolved value: type, TimeML value, and the calendar day it names (for references).
struct Val {
    kind: TimeType,
    value: String,
    day: Option<NaiveDate>,
    /// First day of the period it names, for "sehari setelahnya", "tahun sebelumnya".
    refd: Option<NaiveDate>,
}

fn date_val(d: NaiveDate) -> Val {
    Val {
        kind: TimeType::Date,
        value: ymd(d),
        day: Some(d),
        refd: Some(d),
    }
}

/// A value that names no single day; its period starts on the first day of `value` when
/// that is a year (`2024`), a month (`2024-10`) or a quarter/half (`2024-Q3`).
fn period_val(value: String) -> Val {
    let b = value.as_bytes();
    let year = value
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|_| b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit));
    let refd = year.and_then(|y| {
        let rest = &value[4..];
        if rest.is_empty() {
            NaiveDate::from_ymd_opt(y, 1, 1)
        } else if let Some(m) = rest
            .strip_prefix('-')
            .filter(|r| r.len() == 2)
            .and_then(|r| r.parse::<u32>().ok())
        {
            NaiveDate::from_ymd_opt(y, m, 1)
        } else if let Some(q) = rest.strip_prefix("-Q").and_then(|r| r.parse::<u32>().ok()) {
            NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1)
        } else if let Some(h) = rest.strip_prefix("-H").and_then(|r| r.parse::<u32>().ok()) {
            NaiveDate::from_ymd_opt(y, if h == 2 { 7 } else { 1 }, 1)
        } else {
            None
        }
    });
    Val {
        kind: TimeType::Date,
        value,
        day: None,
        refd,
    }
}

fn resolve(c: &Cand, anchor: Option<NaiveDate>, reff: Option<NaiveDate>, ctx: &Ctx) -> Val {
    let unknown = |v: &str| period_val(v.to_string());
    match &c.sem {
        Sem::Date { y, m, d, wd } => {
            let date = match (y, anchor) {
                (Some(y), _) => NaiveDate::from_ymd_opt(*y, *m, *d),
                (None, Some(a)) => {
                    // a weekday settles the year when exactly one of the nearby ones agrees
                    let agreeing: Vec<NaiveDate> = wd
                        .map(|wd| {
                            [a.year() - 1, a.year(), a.year() + 1]
                                .into_iter()
                                .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                                .filter(|x| x.weekday() == wd)
                                .collect()
                        })
                        .unwrap_or_default();
                    if agreeing.len() == 1 {
                        Some(agreeing[0])
                    } else {
                        year_by_tense(a, *m, *d, ctx.future(c.start))
                    }
                }
                (None, None) => None,
            };
            match date {
                Some(dt) => date_val(dt),
                None => unknown(&format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Sem::Month { y, m, rel } => {
            let year = match (y, anchor) {
                (Some(y), _) => Some(*y),
                (None, Some(a)) => Some(match rel {
                    Rel::YearOffset(k) => a.year() + k,
                    Rel::Last => {
                        if *m < a.month() {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    Rel::Next => {
                        if *m > a.month() {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    Rel::This => a.year(),
                    Rel::Bare => {
                        let fut = ctx.future(c.start);
                        if fut && *m < a.month() {
                            a.year() + 1
                        } else if !fut && *m > a.month() + 1 {
                            a.year() - 1
                        } else {
                            a.year()
                        }
                    }
                }),
                (None, None) => None,
            };
            match year {
                Some(y) => unknown(&format!("{y}-{m:02}")),
                None => unknown(&format!("XXXX-{m:02}")),
            }
        }
        Sem::Fixed(k, v) => {
            if *k == TimeType::Date {
                period_val(v.clone())
            } else {
                Val {
                    kind: *k,
                    value: v.clone(),
                    day: None,
                    refd: None,
                }
            }
        }
        Sem::Part { part, y } => match (y, anchor) {
            (Some(y), _) => unknown(&format!("{y}-{part}")),
            (None, Some(a)) => unknown(&format!("{}-{part}", a.year())),
            (None, None) => unknown(&format!("XXXX-{part}")),
        },
        Sem::Offset { unit, n, from_ref } => {
            let base = if *from_ref { reff.or(anchor) } else { anchor };
            let Some(b) = base else {
                return unknown(match unit {
                    Unit::Day => "XXXX-XX-XX",
                    Unit::Week => "XXXX-WXX",
                    Unit::Month => "XXXX-XX",
                    Unit::Year => "XXXX",
                });
            };
            match unit {
                Unit::Day => add_days(b, *n)
                    .map(date_val)
                    .unwrap_or_else(|| unknown("XXXX-XX-XX")),
                Unit::Week => add_days(b, n * 7)
                    .map(|d| unknown(&week_of(d)))
                    .unwrap_or_else(|| unknown("XXXX-WXX")),
                Unit::Month => add_months(b, *n)
                    .map(|d| unknown(&d.format("%Y-%m").to_string()))
                    .unwrap_or_else(|| unknown("XXXX-XX")),
                Unit::Year => unknown(&(b.year() as i64 + n).to_string()),
            }
        }
        Sem::Weekend(n) => match anchor.and_then(|a| add_days(a, n * 7)) {
            Some(d) => unknown(&format!("{}-WE", week_of(d))),
            None => unknown("XXXX-WXX-WE"),
        },
        Sem::Weekday { wd, rel } => {
            let Some(a) = anchor else {
                return unknown(&format!("XXXX-WXX-{}", wd.number_from_monday()));
            };
            let back = (a.weekday().num_days_from_monday() as i64
                - wd.num_days_from_monday() as i64)
                .rem_euclid(7);
            let fwd = (wd.num_days_from_monday() as i64
                - a.weekday().num_days_from_monday() as i64)
                .rem_euclid(7);
            let off = match rel {
                Rel::Last => -(if back == 0 { 7 } else { back }),
                Rel::Next => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                Rel::This => {
                    wd.num_days_from_monday() as i64 - a.weekday().num_days_from_monday() as i64
                }
                _ => {
                    if ctx.future(c.start) {
                        fwd
                    } else {
                        -back
                    }
                }
            };
            add_days(a, off)
                .map(date_val)
                .unwrap_or_else(|| unknown("XXXX-XX-XX"))
        }
        Sem::Clock { h, m } => {
            let day = reff.or(anchor);
            let d = day.map(ymd).unwrap_or_else(|| "XXXX-XX-XX".to_string());
            Val {
                kind: TimeType::Time,
                value: format!("{d}T{h:02}:{m:02}"),
                day,
                refd: None,
            }
        }
    }
}

/// Infers the publication date from the candidates: a weekday with a full date that agrees,
/// else a weekday with day/month (most recent agreeing year not after `today`), else the
/// first full date not after `today`.
fn infer(cands: &[Cand], today: NaiveDate) -> Option<NaiveDate> {
    let full_wd = cands.iter().find_map(|c| match c.sem {
        Sem::Date {
            y: Some(y),
            m,
            d,
            wd: Some(wd),
        } => NaiveDate::from_ymd_opt(y, m, d).filter(|x| x.weekday() == wd && *x <= today),
        _ => None,
    });
    if full_wd.is_some() {
        return full_wd;
    }
    let dm_wd = cands.iter().find_map(|c| match c.sem {
        Sem::Date {
            y: None,
            m,
            d,
            wd: Some(wd),
        } => year_for_weekday(today, m, d, wd),
        _ => None,
    });
    if dm_wd.is_some() {
        return dm_wd;
    }
    cands.iter().find_map(|c| match c.sem {
        Sem::Date {
            y: Some(y), m, d, ..
        } => NaiveDate::from_ymd_opt(y, m, d).filter(|x| *x <= today),
        _ => None,
    })
}

/// Recognises, normalises, infers the publication date and checks consistency; see
/// [`crate::analyze`].
pub(crate) fn analyze_impl(
    text: &str,
    lang: Lang,
    published: Option<&str>,
    today: NaiveDate,
) -> TimeAnalysis {
    let lc = text.to_ascii_lowercase();
    let starts = sentence_starts(text);
    let cands = recognise(text, &lc, &starts, lang);
    // the ISO value of parse_published; a raw outlet string is accepted too
    let given = published.and_then(|p| {
        crate::published_date(p)
            .or_else(|| crate::parse_published(p).and_then(|v| crate::published_date(&v)))
    });
    let mut out = TimeAnalysis::default();
    let anchor = match given {
        Some(d) => Some(d),
        None => {
            // nothing given, or something unreadable: infer from the text
            let inferred = infer(&cands, today);
            if let Some(d) = inferred {
                out.published = Some(Published {
                    value: ymd(d),
                    inferred: true,
                    from: "text".to_string(),
                });
            }
            inferred
        }
    };
    let ctx = Ctx::new(text, &lc, starts);
    let mut reff: Option<NaiveDate> = None;
    // first pass: the calendar day of every non-clock expression (for clocks)
    let mut days: Vec<(usize, Option<NaiveDate>)> = Vec::with_capacity(cands.len());
    {
        let mut r: Option<NaiveDate> = None;
        for c in &cands {
            let sent = sentence_of(&ctx.starts, text.len(), c.start).0;
            if matches!(c.sem, Sem::Clock { .. }) {
                days.push((sent, None));
                continue;
            }
            let v = resolve(c, anchor, r, &ctx);
            if v.refd.is_some() {
                r = v.refd;
            }
            days.push((sent, v.day));
        }
    }
    for (i, c) in cands.iter().enumerate() {
        let sent = days[i].0;
        let v = match c.sem {
            // a clock takes the day of the nearest dated expression of its sentence
            Sem::Clock { .. } => {
                let near = (0..cands.len())
                    .filter(|&j| days[j].0 == sent && days[j].1.is_some())
                    .min_by_key(|&j| (j as i64 - i as i64).abs() * 2 + i64::from(j > i))
                    .and_then(|j| days[j].1);
                resolve(c, anchor, near, &ctx)
            }
            _ => resolve(c, anchor, reff, &ctx),
        };
        let mut kind = v.kind;
        let mut value = v.value;
        if let Some(p) = c.pod {
            if kind == TimeType::Date && value.len() == 10 {
                value = format!("{value}T{p}");
                kind = TimeType::Time;
            }
        }
        if v.refd.is_some() {
            reff = v.refd;
        }
        check(c, v.day, given, &ctx, &mut out.warnings);
        out.times.push(TimeExpr {
            span: Span::new(c.start, c.end),
            kind,
            value,
            modifier: None,
        });
    }
    out
}

fn human(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_en(d.month()), d.year())
}

fn check(
    c: &Cand,
    day: Option<NaiveDate>,
    published: Option<NaiveDate>,
    ctx: &Ctx,
    warnings: &mut Vec<Warning>,
) {
    let Sem::Date { wd, .. } = c.sem else { return };
    let Some(day) = day else { return };
    let span = Some(Span::new(c.start, c.end));
    if let Some(wd) = wd {
        if day.weekday() != wd {
            warnings.push(Warning {
                kind: "weekday_mismatch".to_string(),
                span,
                message: format!(
                    "{} is a {}, the text says {}",
                    human(day),
                    weekday_en(day.weekday()),
                    weekday_en(wd)
                ),
            });
        }
    }
    if let Some(p) = published {
        if day > p && !ctx.future(c.start) && (wd.is_some() || ctx.past(c.start)) {
            warnings.push(Warning {
                kind: "date_in_future".to_string(),
                span,
                message: format!(
                    "{} is after the publication date {}, in a report of the past",
                    human(day),
                    ymd(p)
                ),
            });
        }
    }
}
