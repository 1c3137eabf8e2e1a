//! Normalisation (TimeML values anchored on the publication date), publication-date
//! inference and consistency warnings.

use crate::lexicon::{month_en, weekday_en, word_alternation};
use crate::reftime::RefTime;
use crate::resolve::{resolve, ymd, Env};
use crate::tagger::{in_quote, recognise, sentence_of, sentence_starts, Cand, Sem, Unit};
use chrono::{Datelike, NaiveDate, Weekday};
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

/// The most recent year, not after `today`, in which `d`/`m` falls on `wd`.
fn year_for_weekday(today: NaiveDate, m: u32, d: u32, wd: Weekday) -> Option<NaiveDate> {
    (0..40)
        .map(|k| today.year() - k)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|c| *c <= today && c.weekday() == wd)
}

static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u)\b(?:{})(?-u:\b)",
        word_alternation("planned")
    ))
    .expect("valid regex")
});

/// Tense markers of a text, found once, looked up by sentence.
pub(crate) struct Ctx<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Start offsets of future-tense markers, found once per text.
    future_at: Vec<usize>,
    /// Start offsets of past-report markers.
    past_at: Vec<usize>,
    /// Start offsets of words that make a date a plan (`mulai`, `dijadwalkan`, `target`),
    /// found on first use (few texts need them).
    planned_at: std::cell::OnceCell<Vec<usize>>,
    lc: &'a str,
}

impl<'a> Ctx<'a> {
    /// `lc`: the text lower-cased (ASCII), so the markers are case-sensitive literals.
    fn new(text: &'a str, lc: &'a str, starts: Vec<usize>) -> Self {
        let future_at = FUTURE.find_iter(lc).map(|m| m.start()).collect();
        let past_at = PAST.find_iter(lc).map(|m| m.start()).collect();
        Ctx {
            text,
            starts,
            future_at,
            past_at,
            planned_at: std::cell::OnceCell::new(),
            lc,
        }
    }
    fn in_sentence(&self, marks: &[usize], pos: usize) -> bool {
        let (s, e) = sentence_of(&self.starts, self.text.len(), pos);
        let i = marks.partition_point(|&m| m < s);
        marks.get(i).is_some_and(|&m| m < e)
    }
    /// A future marker anywhere in the sentence of `pos`.
    pub(crate) fn future(&self, pos: usize) -> bool {
        self.in_sentence(&self.future_at, pos)
    }
    /// A future marker in the sentence of `pos`, before it.
    /// A marker inside a quotation that closes before `pos` is someone else's tense
    /// (`"… Anda akan mendapatkannya!" ia memposting pada hari Sabtu`): not counted.
    pub(crate) fn future_before(&self, pos: usize) -> bool {
        let (s, _) = sentence_of(&self.starts, self.text.len(), pos);
        let i = self.future_at.partition_point(|&m| m < s);
        self.future_at[i..]
            .iter()
            .take_while(|&&m| m < pos)
            .any(|&m| {
                !self
                    .text
                    .get(m..pos)
                    .is_some_and(|between| between.contains(['"', '”', '“']))
            })
    }
    /// A word of plans (`mulai`, `target`, `hingga`, `diperkirakan`) in the sentence of `pos`.
    pub(crate) fn planned(&self, pos: usize) -> bool {
        let at = self
            .planned_at
            .get_or_init(|| PLANNED.find_iter(self.lc).map(|m| m.start()).collect());
        self.in_sentence(at, pos)
    }
    fn past(&self, pos: usize) -> bool {
        self.in_sentence(&self.past_at, pos)
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
            out.published = inferred.map(|d| Published {
                value: ymd(d),
                inferred: true,
                from: "text".to_string(),
            });
            inferred
        }
    };
    let ctx = Ctx::new(text, &lc, starts);
    let (days, written) = first_pass(&cands, anchor, &ctx);
    let env = Env {
        anchor,
        ctx: &ctx,
        written: &written,
        // a few sentences say too little to call their times generic
        has_day: names_a_day(&cands) || ctx.starts.len() < GENERIC_MIN_SENTENCES,
    };
    let mut rt = RefTime::default();
    let mut last_time: Option<LastTime> = None;
    for (i, c) in cands.iter().enumerate() {
        let mut v = resolve(c, &env, &rt, day_hint(i, &cands, &days, anchor, text));
        if habitual(i, &cands, &days) {
            // `buka setiap hari pukul 10.00 - 22.00 WIB`: a time of any day
            v.value = format!("XXXX-XX-XX{}", v.value.get(10..).unwrap_or(""));
            v.day = None;
        }
        let (kind, value) = with_time_of_day(c, v.kind, v.value, v.day, &mut last_time, &ctx);
        if !matches!(c.sem, Sem::Clock { .. } | Sem::ClockOffset { .. }) {
            rt.update(v.day, v.refd);
        }
        if kind == TimeType::Time {
            rt.update_clock(chrono::NaiveDateTime::parse_from_str(&value, "%Y-%m-%dT%H:%M").ok());
        }
        if matches!(c.sem, Sem::Date { .. } | Sem::Weekday { .. }) {
            rt.update_written(v.day);
        }
        check(c, v.day, given, &ctx, &mut out.warnings);
        out.times.push(TimeExpr {
            span: Span::new(c.start, c.end),
            kind,
            value,
            modifier: c.modifier.map(str::to_string),
        });
    }
    out
}

/// The fewest sentences of a text whose clock times may be generic (a guide of several
/// paragraphs that never names a day; one sentence alone is news of the day).
const GENERIC_MIN_SENTENCES: usize = 4;

/// Whether the text names a calendar day at all (a date, a weekday, `hari ini`, `kemarin`):
/// when it names none (a guide, an explainer), its clock times and parts of day are
/// generic (`sebelum pukul 12 siang` → `XXXX-XX-XXT12:00`), not the publication day's.
fn names_a_day(cands: &[Cand]) -> bool {
    cands.iter().any(|c| {
        matches!(
            c.sem,
            Sem::Date { .. }
                | Sem::Weekday { .. }
                | Sem::Offset {
                    unit: Unit::Day,
                    from_ref: false,
                    ..
                }
        )
    })
}

/// First pass: (sentence start, calendar day) of every expression (clocks: none yet), and
/// the days written as dates, for clocks and bare weekdays.
fn first_pass(
    cands: &[Cand],
    anchor: Option<NaiveDate>,
    ctx: &Ctx,
) -> (Vec<(usize, Option<NaiveDate>)>, Vec<NaiveDate>) {
    let mut written: Vec<NaiveDate> = Vec::new();
    let mut days: Vec<(usize, Option<NaiveDate>)> = Vec::with_capacity(cands.len());
    let env = Env {
        anchor,
        ctx,
        written: &[],
        has_day: true,
    };
    let mut rt = RefTime::default();
    for c in cands {
        let sent = sentence_of(&ctx.starts, ctx.text.len(), c.start).0;
        if matches!(c.sem, Sem::Clock { .. }) {
            days.push((sent, None));
            continue;
        }
        let v = resolve(c, &env, &rt, None);
        rt.update(v.day, v.refd);
        if let (Sem::Date { .. }, Some(d)) = (&c.sem, v.day) {
            written.push(d);
        }
        days.push((sent, v.day));
    }
    (days, written)
}

/// The day candidate `i` is on when its context says it: a clock's day from its sentence
/// ([`clock_day`]), and for a deictic day inside a direct quotation (`"Hari ini kami
/// menang"`) the day the words were spoken ([`speech_day`]).
fn day_hint(
    i: usize,
    cands: &[Cand],
    days: &[(usize, Option<NaiveDate>)],
    anchor: Option<NaiveDate>,
    text: &str,
) -> Option<NaiveDate> {
    match cands[i].sem {
        Sem::Clock { .. } => clock_day(i, cands, days),
        Sem::Offset {
            unit: Unit::Day,
            from_ref: false,
            ..
        } if in_quote(text, cands[i].start) => speech_day(i, cands, days, anchor, text),
        _ => None,
    }
}

/// The day a quotation holding candidate `i` was spoken: the date of its attribution
/// (`"…," kata Arteta, Sabtu (4/10/2025)`), else the last day the text wrote in the week
/// before the publication date (`Arsenal menjamu West Ham, Sabtu (4/10/2025) malam` before
/// the coach's quote), else None (the publication day).
fn speech_day(
    i: usize,
    cands: &[Cand],
    days: &[(usize, Option<NaiveDate>)],
    anchor: Option<NaiveDate>,
    text: &str,
) -> Option<NaiveDate> {
    let written = |j: usize| matches!(cands[j].sem, Sem::Date { .. } | Sem::Weekday { .. });
    let pos = cands[i].end;
    let close = text
        .get(pos..)
        .and_then(|r| r.find(['"', '”']))
        .map(|k| pos + k);
    let attribution = close.and_then(|close| {
        (i + 1..cands.len())
            .take_while(|&j| cands[j].start < close + 160)
            .filter(|&j| cands[j].start > close && written(j))
            .find(|&j| {
                !text
                    .get(close + 1..cands[j].start)
                    .is_some_and(|g| g.contains(['"', '“', '\n']))
            })
            .and_then(|j| days[j].1)
    });
    // the fallback is a written date, not a weekday ("MBG di hari Selasa kemarin")
    attribution.or_else(|| {
        let a = anchor?;
        (0..i)
            .rev()
            .filter(|&j| matches!(cands[j].sem, Sem::Date { .. }))
            .filter_map(|j| days[j].1)
            .find(|d| *d <= a && (a - *d).num_days() <= 6)
    })
}

/// A clock time or a part of day alone (candidate `i`) in a sentence with a SET (`setiap
/// hari`, `tiap pagi`): a habit, on no particular day.
fn habitual(i: usize, cands: &[Cand], days: &[(usize, Option<NaiveDate>)]) -> bool {
    let c = &cands[i];
    let time_alone = match c.sem {
        Sem::Clock { .. } => true,
        Sem::Offset {
            unit: Unit::Day,
            n: 0,
            from_ref: true,
        } => c.pod.is_some(),
        _ => false,
    };
    time_alone
        && (0..cands.len())
            .any(|j| days[j].0 == days[i].0 && matches!(cands[j].sem, Sem::Fixed(TimeType::Set, _)))
}

/// The day a clock time (candidate `i`) takes from its sentence: that of the nearest dated
/// expression (ties: the one before), else None (the reference time decides).
fn clock_day(i: usize, cands: &[Cand], days: &[(usize, Option<NaiveDate>)]) -> Option<NaiveDate> {
    if !matches!(cands[i].sem, Sem::Clock { .. }) {
        return None;
    }
    let sent = days[i].0;
    (0..cands.len())
        .filter(|&j| days[j].0 == sent && days[j].1.is_some())
        .min_by_key(|&j| (j as i64 - i as i64).abs() * 2 + i64::from(j > i))
        .and_then(|j| days[j].1)
}

/// The last time of day given: its day, its hour (a part of day: the hour it starts), and
/// where it ends, so that `sejak Selasa (21/10) sore hingga pukul 00.00` ends on Wednesday.
#[derive(Clone, Copy)]
struct LastTime {
    day: NaiveDate,
    hour: u32,
    end: usize,
}

/// The hour a TimeML part of day starts.
fn pod_hour(p: &str) -> u32 {
    match p {
        "MO" => 5,
        "MI" => 11,
        "AF" => 14,
        "EV" => 17,
        _ => 19,
    }
}

static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:-|–|hingga|sampai|s\.d\.?|s/d|until|to)\s*$").expect("valid regex")
});

/// Joins a day with its clock time or part of day (a TIME), and moves a clock that ends a
/// range past midnight to the next day (`pukul 22.00 hingga 02.00`).
fn with_time_of_day(
    c: &Cand,
    kind: TimeType,
    value: String,
    day: Option<NaiveDate>,
    last: &mut Option<LastTime>,
    ctx: &Ctx,
) -> (TimeType, String) {
    let is_day = kind == TimeType::Date && value.len() == 10;
    let (kind, value, hour) = match (c.clock, c.pod, &c.sem) {
        (Some((h, m)), _, _) if is_day => (TimeType::Time, format!("{value}T{h:02}:{m:02}"), h),
        (None, Some(p), _) if is_day => (TimeType::Time, format!("{value}T{p}"), pod_hour(p)),
        (_, _, Sem::Clock { h, .. }) => {
            let after_midnight = last.zip(day).is_some_and(|(l, d)| {
                l.day == d
                    && *h < l.hour
                    && ctx
                        .text
                        .get(l.end..c.start)
                        .is_some_and(|g| RANGE_GAP.is_match(g))
            });
            match day.and_then(|d| d.succ_opt()).filter(|_| after_midnight) {
                Some(next) => (kind, format!("{}{}", ymd(next), &value[10..]), *h),
                None => (kind, value, *h),
            }
        }
        _ => return (kind, value),
    };
    *last = day.map(|day| LastTime {
        day,
        hour,
        end: c.end,
    });
    (kind, value)
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
        // only what is reported as done: not a plan ("akan", "dijadwalkan", "mulai 1 Juni")
        if day > p
            && !ctx.future(c.start)
            && !ctx.planned(c.start)
            && (wd.is_some() || ctx.past(c.start))
        {
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
