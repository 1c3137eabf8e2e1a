//! Resolution of a candidate's meaning to a TimeML value against the publication date (the
//! anchor) and the narrative's reference time, one function per family of meanings.

use crate::normalise::Ctx;
use crate::reftime::RefTime;
use crate::tagger::{Cand, Rel, Sem, Unit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use kabar_core::TimeType;

pub(crate) fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn week_of(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let first = d.with_day(1)?;
    if n >= 0 {
        first.checked_add_months(Months::new(n as u32))
    } else {
        first.checked_sub_months(Months::new(n.unsigned_abs() as u32))
    }
}

/// The year in which day `d` of month `m` lies nearest to `anchor`.
pub(crate) fn nearest_year(anchor: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
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
pub(crate) fn year_by_tense(anchor: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
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

/// The resolved value: type, TimeML value, and the calendar day it names (for references).
pub(crate) struct Val {
    pub kind: TimeType,
    pub value: String,
    /// The single day it names, if any.
    pub day: Option<NaiveDate>,
    /// First day of the period it names, for "sehari setelahnya", "tahun sebelumnya".
    pub refd: Option<NaiveDate>,
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
pub(crate) fn period_val(value: String) -> Val {
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

fn unknown(v: &str) -> Val {
    period_val(v.to_string())
}

/// What a resolution may look at besides the candidate.
pub(crate) struct Env<'a> {
    /// The publication date.
    pub anchor: Option<NaiveDate>,
    pub ctx: &'a Ctx<'a>,
    /// Days written with their date in the text (`Kamis (27/11/2014)`), so a later bare
    /// `Kamis` in the same week is that day.
    pub written: &'a [NaiveDate],
    /// The text names a calendar day somewhere (else its clocks are generic).
    pub has_day: bool,
}

/// Resolves a candidate; `rt` is the reference time at its position, `day_hint` the day its
/// context gives (a clock's sentence, a quotation's speech day).
pub(crate) fn resolve(c: &Cand, env: &Env, rt: &RefTime, day_hint: Option<NaiveDate>) -> Val {
    let anchor = env.anchor;
    match &c.sem {
        Sem::Date { y, m, d, wd } => resolve_date(*y, *m, *d, *wd, c.start, env),
        Sem::Month {
            y: None,
            m,
            rel: Rel::AfterPrevious,
        } if rt.period().is_some() => {
            let p = rt.period().unwrap_or_default();
            let y = if *m >= p.month() {
                p.year()
            } else {
                p.year() + 1
            };
            unknown(&format!("{y}-{m:02}"))
        }
        Sem::Month { y, m, rel } => resolve_month(*y, *m, *rel, c.start, env),
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
        Sem::Part { part, y, yoff } => match (y, anchor) {
            (Some(y), _) => unknown(&format!("{y}-{part}")),
            (None, Some(a)) => unknown(&format!("{}-{part}", a.year() + yoff)),
            (None, None) => unknown(&format!("XXXX-{part}")),
        },
        Sem::Season(code) => match anchor {
            Some(a) => Val {
                refd: None,
                ..unknown(&format!("{}-{code}", a.year()))
            },
            None => unknown(&format!("XXXX-{code}")),
        },
        Sem::Offset {
            unit: Unit::Year,
            n: 0,
            from_ref: false,
        } if c.modifier == Some("END")
            && anchor.is_some_and(|a| a.month() == 1)
            && !env.ctx.future(c.start)
            && c.end - c.start <= "penghujung tahun".len() =>
        {
            // "libur akhir tahun" written in January: the year that just ended
            unknown(&anchor.map_or(0, |a| a.year() - 1).to_string())
        }
        // a part of day alone in a text that names no day: generic (`pada siang hari`)
        Sem::Offset {
            unit: Unit::Day,
            n: 0,
            from_ref: true,
        } if c.pod.is_some() && !env.has_day => unknown("XXXX-XX-XX"),
        Sem::Offset { unit, n, from_ref } => {
            // a deictic day in a quotation counts from the day it was spoken
            let base = match (from_ref, unit) {
                (false, Unit::Day) => day_hint.or(anchor),
                _ => anchor,
            };
            resolve_offset(*unit, *n, *from_ref, rt.last_is_day(), base, rt)
        }
        Sem::RefUnit { unit, n } => resolve_offset(*unit, *n, true, false, anchor, rt),
        Sem::Weekend(n) => match anchor.and_then(|a| add_days(a, n * 7)) {
            Some(d) => unknown(&format!("{}-WE", week_of(d))),
            None => unknown("XXXX-WXX-WE"),
        },
        Sem::Weekday { wd, rel } => resolve_weekday(*wd, *rel, c.start, env),
        Sem::ClockOffset { minutes, dur } => match rt
            .clock()
            .and_then(|t| t.checked_add_signed(chrono::TimeDelta::minutes(*minutes)))
        {
            Some(t) => Val {
                kind: TimeType::Time,
                value: t.format("%Y-%m-%dT%H:%M").to_string(),
                day: Some(t.date()),
                refd: None,
            },
            None => Val {
                kind: TimeType::Duration,
                value: dur.clone(),
                day: None,
                refd: None,
            },
        },
        Sem::Clock { h, m } => {
            let day = if env.has_day {
                day_hint.or(rt.written_day()).or(anchor)
            } else {
                None
            };
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

/// A day and month, maybe a year: the year written, else the occurrence nearest the anchor
/// that the tense allows. A weekday written with it never moves it (it only warns).
/// The weekday can only pull a date back: a report (no future or plan word) whose date
/// came out ahead of the anchor by proximity, with a weekday that day does not have, is
/// the last occurrence ("Majelis hakim menyatakan …, Senin (1/2)" in December).
fn resolve_date(y: Option<i32>, m: u32, d: u32, wd: Option<Weekday>, pos: usize, env: &Env) -> Val {
    let date = match (y, env.anchor) {
        (Some(y), _) => NaiveDate::from_ymd_opt(y, m, d),
        // a plan ("mulai 1 Juni", "defile 14 Juli") looks forward like the future tense
        (None, Some(a)) => {
            let ahead = env.ctx.future(pos) || env.ctx.planned(pos);
            let dt = year_by_tense(a, m, d, ahead);
            match (dt, wd) {
                (Some(n), Some(w)) if !ahead && n > a && n.weekday() != w => {
                    NaiveDate::from_ymd_opt(n.year() - 1, m, d).or(dt)
                }
                _ => dt,
            }
        }
        (None, None) => None,
    };
    match date {
        Some(dt) => date_val(dt),
        None => unknown(&format!("XXXX-{m:02}-{d:02}")),
    }
}

fn resolve_month(y: Option<i32>, m: u32, rel: Rel, pos: usize, env: &Env) -> Val {
    let year = match (y, env.anchor) {
        (Some(y), _) => Some(y),
        (None, Some(a)) => Some(match rel {
            Rel::YearOffset(k) => a.year() + k,
            Rel::Last if m < a.month() => a.year(),
            Rel::Last => a.year() - 1,
            Rel::Next if m > a.month() => a.year(),
            Rel::Next => a.year() + 1,
            Rel::This => a.year(),
            Rel::NotAfter if m <= a.month() => a.year(),
            Rel::NotAfter => a.year() - 1,
            Rel::NotBefore if m >= a.month() => a.year(),
            Rel::NotBefore => a.year() + 1,
            Rel::Bare | Rel::AfterPrevious => {
                // a month some way ahead of the anchor is last year's in a report of the past,
                // this year's in a plan ("hingga Juni", "diperkirakan … awal April")
                let fut = env.ctx.future(pos);
                if fut && m < a.month() {
                    a.year() + 1
                } else if !fut && !env.ctx.planned(pos) && m > a.month() + 1 {
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

/// `n` units from the anchor, or from the reference time (`from_ref`). From a reference day
/// (`ref_day`), days, weeks and months give a day (`sebulan kemudian` after `14 Juni 2014`
/// is `2014-07-14`); a named unit (`bulan sebelumnya`) keeps its own precision.
fn resolve_offset(
    unit: Unit,
    n: i64,
    from_ref: bool,
    ref_day: bool,
    anchor: Option<NaiveDate>,
    rt: &RefTime,
) -> Val {
    let base = match (from_ref, unit) {
        (false, _) => anchor,
        (true, Unit::Day | Unit::Week) => rt.day().or(anchor),
        (true, _) => rt.period().or(anchor),
    };
    let Some(b) = base else {
        return unknown(match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Year => "XXXX",
        });
    };
    let from_day = from_ref && ref_day;
    match unit {
        Unit::Day => add_days(b, n)
            .map(date_val)
            .unwrap_or_else(|| unknown("XXXX-XX-XX")),
        Unit::Week if from_day => add_days(b, n * 7)
            .map(date_val)
            .unwrap_or_else(|| unknown("XXXX-XX-XX")),
        Unit::Week => add_days(b, n * 7)
            .map(|d| unknown(&week_of(d)))
            .unwrap_or_else(|| unknown("XXXX-WXX")),
        Unit::Month if from_day => {
            let m = if n >= 0 {
                b.checked_add_months(Months::new(n as u32))
            } else {
                b.checked_sub_months(Months::new(n.unsigned_abs() as u32))
            };
            m.map(date_val).unwrap_or_else(|| unknown("XXXX-XX-XX"))
        }
        Unit::Month => add_months(b, n)
            .map(|d| unknown(&d.format("%Y-%m").to_string()))
            .unwrap_or_else(|| unknown("XXXX-XX")),
        Unit::Year => unknown(&(b.year() as i64 + n).to_string()),
    }
}

/// A weekday without a date: the same weekday written with its date in this week of the
/// anchor, else the last such day (a report of the past), or the next one when a future
/// marker comes before it in its sentence ("akan bertemu pada Kamis"; in "Maduro, Senin,
/// mengatakan akan …" the marker comes after, the Monday is past).
fn resolve_weekday(wd: Weekday, rel: Rel, pos: usize, env: &Env) -> Val {
    let Some(a) = env.anchor else {
        return unknown(&format!("XXXX-WXX-{}", wd.number_from_monday()));
    };
    let back = (a.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64)
        .rem_euclid(7);
    let fwd = (wd.num_days_from_monday() as i64 - a.weekday().num_days_from_monday() as i64)
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
        Rel::This => wd.num_days_from_monday() as i64 - a.weekday().num_days_from_monday() as i64,
        _ => {
            let written = env
                .written
                .iter()
                .rev()
                .find(|d| d.weekday() == wd && (**d - a).num_days().abs() <= 6);
            if let Some(d) = written {
                return date_val(*d);
            }
            if env.ctx.future_before(pos) {
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

#[cfg(test)]
mod tests {
    fn tags(text: &str, published: &str) -> Vec<(String, String)> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let a = crate::analyze(text, kabar_core::Lang::Id, Some(published), today);
        a.times
            .iter()
            .map(|t| (t.span.slice(text).to_string(), t.value.clone()))
            .collect()
    }
    use super::*;

    #[test]
    fn reference_time_for_clocks_and_text_dates() {
        // an article of Tuesday about a fire on Sunday
        let t = tags(
            "Kebakaran terjadi Minggu (4/5/2025). Api baru padam pukul 07.55 WIB.",
            "2025-05-06",
        );
        assert_eq!(t[1].1, "2025-05-04T07:55");
        let t = tags(
            "Ia lulus 14 Juni 2014. Sebulan kemudian ia bekerja.",
            "2025-05-06",
        );
        assert_eq!(t[1].1, "2014-07-14");
    }

    #[test]
    fn weekdays_look_back_and_never_move_a_date() {
        let t = tags("Perjanjian itu ditandatangani pada Kamis.", "2025-03-07");
        assert_eq!(t[0].1, "2025-03-06");
        let t = tags(
            "Maduro, Senin, mengatakan akan ada pertemuan.",
            "2014-11-19",
        );
        assert_eq!(t[0].1, "2014-11-17");
        // 14 May 2025 was a Wednesday: the date stays, the weekday only warns
        let a = crate::analyze(
            "Rapat digelar Kamis (14/5).",
            kabar_core::Lang::Id,
            Some("2025-05-16"),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        );
        assert_eq!(a.times[0].value, "2025-05-14");
        assert_eq!(a.warnings.len(), 1);
        assert_eq!(a.warnings[0].kind, "weekday_mismatch");
    }

    #[test]
    fn planned_dates_are_not_warned() {
        let a = crate::analyze(
            "Peserta berkumpul 4 Mei di Monas, kata panitia.",
            kabar_core::Lang::Id,
            Some("2025-04-20"),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        );
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }
}
