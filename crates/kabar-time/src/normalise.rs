//! Normalisation (TimeML values anchored on the publication date), publication-date
//! inference and consistency warnings.

use crate::lexicon::{month_en, weekday_en, word_alternation};
use crate::reftime::RefTime;
use crate::resolve::{resolve, ymd, Env};
use crate::tagger::{recognise, sentence_of, sentence_starts, Cand, Sem};
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
    // first pass: the calendar day of every non-clock expression, and the days written with
    // their date, for clocks and bare weekdays
    let mut written: Vec<NaiveDate> = Vec::new();
    let mut days: Vec<(usize, Option<NaiveDate>)> = Vec::with_capacity(cands.len());
    {
        let env = Env {
            anchor,
            ctx: &ctx,
            written: &[],
        };
        let mut rt = RefTime::default();
        for c in &cands {
            let sent = sentence_of(&ctx.starts, text.len(), c.start).0;
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
    }
    let env = Env {
        anchor,
        ctx: &ctx,
        written: &written,
    };
    let mut rt = RefTime::default();
    for (i, c) in cands.iter().enumerate() {
        let sent = days[i].0;
        // a clock takes the day of the nearest dated expression of its sentence, else the
        // reference time
        let clock_day = if matches!(c.sem, Sem::Clock { .. }) {
            (0..cands.len())
                .filter(|&j| days[j].0 == sent && days[j].1.is_some())
                .min_by_key(|&j| (j as i64 - i as i64).abs() * 2 + i64::from(j > i))
                .and_then(|j| days[j].1)
        } else {
            None
        };
        let v = resolve(c, &env, &rt, clock_day);
        let mut kind = v.kind;
        let mut value = v.value;
        let is_day = kind == TimeType::Date && value.len() == 10;
        if let (Some((h, m)), true) = (c.clock, is_day) {
            value = format!("{value}T{h:02}:{m:02}");
            kind = TimeType::Time;
        } else if let (Some(p), true) = (c.pod, is_day) {
            value = format!("{value}T{p}");
            kind = TimeType::Time;
        }
        if !matches!(c.sem, Sem::Clock { .. }) {
            rt.update(v.day, v.refd);
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
