//! The date of a happening: "when did what this sentence reports happen?", for dating acts
//! (`kabar-actions`) from the time expressions [`crate::analyze`] found.
//!
//! The rule is the narrative's reference time (TimeML/TIDES, as the tagger itself uses it):
//!
//! 1. a calendar expression in the sentence of the offset (a day, or a TIME on a day, or a
//!    month, quarter or year), the nearest to the offset; a day beats a coarser period;
//! 2. else the last day-precision expression before the offset in the text, across sentences
//!    and paragraphs ("Senin (6/10), polisi menggeledah …. Penyidik juga menyita …");
//! 3. else nothing: the publication date is not a default (an act recalled from years ago
//!    was not done the day it was reported).
//!
//! Past-tense look-back is already in the values: a bare weekday of a reported past
//! ("ditandatangani pada Kamis" in a Friday article) was resolved to the last such day, a
//! day/month without a year to the last occurrence. References (`PAST_REF`), durations and
//! sets never date a happening.

use crate::tagger::{sentence_of, sentence_starts};
use kabar_core::{Span, TimeExpr, TimeType};

/// Where an act date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActDateSource {
    /// An expression in the same sentence.
    Sentence,
    /// The reference time: the last day the text gave before the sentence.
    Reference,
}

/// The date of the happening a sentence reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActDate {
    /// ISO value at the precision the text gives: `2025-03-06`, `2025-03`, `2025-Q1`, `2025`
    /// (a clock time is cut to its day).
    pub value: String,
    /// True when `value` is a single day.
    pub is_day: bool,
    /// Sentence or reference time.
    pub from: ActDateSource,
    /// Byte span of the expression it came from.
    pub span: Span,
}

/// A calendar value of an expression (a day, or a period with a known year), cut to the day
/// for a clock time; `None` for references, durations, sets and unknown years.
fn calendar(t: &TimeExpr) -> Option<(String, bool)> {
    if !matches!(t.kind, TimeType::Date | TimeType::Time) {
        return None;
    }
    let v = t.value.split('T').next().unwrap_or(&t.value);
    let b = v.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let is_day =
        b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b[8..].iter().all(u8::is_ascii_digit);
    Some((v.to_string(), is_day))
}

/// The date of the happening whose word (typically an act's trigger verb) is at `trigger`
/// (bytes of `text`), from `times`, the expressions [`crate::analyze`] returned for the
/// same text. In the sentence, an expression right after the trigger ("padam pada Senin
/// (5/5)", no comma or `dan` between, within a few words) wins; else the nearest.
///
/// ```
/// use chrono::NaiveDate;
/// use kabar_core::Span;
/// let text = "Polisi menggeledah rumah itu Senin (6/10/2025). Penyidik juga menyita dua mobil.";
/// let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let a = kabar_time::analyze(text, kabar_core::Lang::Id, Some("2025-10-08"), today);
/// let at = text.find("menyita").unwrap();
/// let d = kabar_time::act_date(text, &a.times, Span::new(at, at + "menyita".len())).unwrap();
/// assert_eq!(d.value, "2025-10-06");
/// assert_eq!(d.from, kabar_time::ActDateSource::Reference);
/// ```
pub fn act_date(text: &str, times: &[TimeExpr], trigger: Span) -> Option<ActDate> {
    let (at, at_end) = (trigger.start.min(text.len()), trigger.end.min(text.len()));
    let starts = sentence_starts(text);
    let (s, e) = sentence_of(&starts, text.len(), at);
    let cands: Vec<(&TimeExpr, String, bool)> = times
        .iter()
        .filter(|t| t.span.start >= s && t.span.end <= e)
        .filter_map(|t| calendar(t).map(|(v, day)| (t, v, day)))
        .collect();
    let bound_after = cands.iter().find(|(t, _, _)| {
        t.span.start >= at_end
            && text.get(at_end..t.span.start).is_some_and(|gap| {
                gap.len() <= 30 && !gap.contains([',', ';']) && !gap.contains(" dan ")
            })
    });
    let nearest = || {
        cands.iter().min_by_key(|(t, _, day)| {
            let dist = if t.span.end <= at {
                at - t.span.end
            } else {
                t.span.start.saturating_sub(at_end)
            };
            (!*day, dist)
        })
    };
    if let Some((t, value, is_day)) = bound_after.or_else(nearest) {
        return Some(ActDate {
            value: value.clone(),
            is_day: *is_day,
            from: ActDateSource::Sentence,
            span: t.span,
        });
    }
    times
        .iter()
        .filter(|t| t.span.end <= s)
        .rev()
        .find_map(|t| calendar(t).filter(|(_, day)| *day).map(|(v, _)| (t, v)))
        .map(|(t, value)| ActDate {
            value,
            is_day: true,
            from: ActDateSource::Reference,
            span: t.span,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(text: &str, published: &str, word: &str) -> Option<(String, ActDateSource)> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let a = crate::analyze(text, kabar_core::Lang::Id, Some(published), today);
        let at = text.find(word)?;
        act_date(text, &a.times, Span::new(at, at + word.len())).map(|d| (d.value, d.from))
    }

    #[test]
    fn a_weekday_of_a_past_report_looks_back() {
        // an article of Friday 7 March 2025: "signed on Thursday" is the day before
        let d = date(
            "Perjanjian itu ditandatangani pada Kamis di Jakarta.",
            "2025-03-07",
            "ditandatangani",
        );
        assert_eq!(d, Some(("2025-03-06".into(), ActDateSource::Sentence)));
    }

    #[test]
    fn a_clock_time_on_a_day_gives_the_day_and_the_nearest_wins() {
        let text = "Api muncul Minggu (4/5/2025) pukul 06.18 WIB dan padam pada Senin (5/5/2025).";
        assert_eq!(
            date(text, "2025-05-06", "muncul").map(|d| d.0),
            Some("2025-05-04".into())
        );
        assert_eq!(
            date(text, "2025-05-06", "padam").map(|d| d.0),
            Some("2025-05-05".into())
        );
    }

    #[test]
    fn the_reference_time_carries_across_sentences_but_not_refs_or_durations() {
        let text = "Kebakaran terjadi Minggu (4/5/2025). Saat itu warga panik selama dua jam. \
                    Petugas memadamkan api.";
        assert_eq!(
            date(text, "2025-05-06", "memadamkan"),
            Some(("2025-05-04".into(), ActDateSource::Reference))
        );
        // a day beats a coarser period in the same sentence
        let text = "Pada 2024 harga naik; kontrak diteken 3 Maret 2024.";
        assert_eq!(
            date(text, "2025-05-06", "diteken").map(|d| d.0),
            Some("2024-03-03".into())
        );
        // no date anywhere before: unknown, not the publication date
        assert_eq!(
            date("Polisi menangkap dua orang.", "2025-05-06", "menangkap"),
            None
        );
    }
}
