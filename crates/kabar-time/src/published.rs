//! Publication dates as inputs write them.
//!
//! Hand-written rather than `chrono`'s format strings or `dateparser`: the forms differ per
//! outlet (Indonesian month abbreviations such as "Agt"/"Nop", "WIB"/"WITA"/"WIT" zones,
//! weekday prefixes "Jumat, …", "DD/MM/YYYY, HH:MM WIB" at Kompas, "M/D/YYYY H:MM" in CSV
//! exports) and a format-string approach would need one format per combination. Here the
//! date part is found by a handful of regexes and the time and zone that follow it are
//! read separately, so each piece combines freely.

use crate::lexicon::month_alternation;
use chrono::{NaiveDate, NaiveTime};
use regex::Regex;
use std::sync::LazyLock;

/// How to read an all-numeric date such as `09/10/2023` whose day and month are both ≤ 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// Day first (Indonesian and most of the world: `09/10/2023` is 9 October).
    DayFirst,
    /// Month first (US, spreadsheet exports: `9/10/2023` is 10 September).
    MonthFirst,
    /// Decide per string: a value above 12 settles it; otherwise zero-padded fields
    /// (`09/10/2023`, as Indonesian outlets print them) read day first, and unpadded ones
    /// (`9/10/2025 22:30`, as spreadsheet exports write them) read month first.
    #[default]
    Auto,
}

struct Parsed {
    date: NaiveDate,
    time: Option<NaiveTime>,
    /// Offset from UTC in minutes, when known.
    offset: Option<i32>,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{4})-(\d{1,2})-(\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?")
        .expect("valid regex")
});
static YMD_SLASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?-u:\b)").expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})(?-u:\b)")
        .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?[\s.-]*({})\.?,?[\s.-]*(\d{{4}})(?-u:\b)",
        month_alternation()
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)",
        month_alternation()
    ))
    .expect("valid regex")
});
static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{8}|\d{10}|\d{12}|\d{14})\s*$").expect("valid regex"));
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,|@–—-]*(?:(?:pukul|pkl\.?|jam|at)\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(a\.?m\.?|p\.?m\.?)?(?-u:\b)?",
    )
    .expect("valid regex")
});
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,(]*(wib|wita|wit|gmt|utc|z|[+-]\d{2}:?\d{2})(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?)?(?-u:\b)?")
        .expect("valid regex")
});

/// Parses a publication date as inputs write it: ISO 8601 (`2025-03-07`,
/// `2025-03-07T09:20:00Z`, `2025-03-07 09:20:00`), RFC 2822, Indonesian outlet forms
/// (`Jumat, 29 Mei 2026 22:02 WIB`, `29/05/2026 22:02`, `09/10/2023, 13:33 WIB`;
/// WIB/WITA/WIT are +07:00/+08:00/+09:00), English long and short forms (`March 7, 2025`,
/// `7 Mar 2025 10:00 GMT`), spreadsheet `M/D/YYYY H:MM`, compact `YYYYMMDD[hhmm[ss]]` and
/// Unix seconds.
///
/// Returns the ISO 8601 value with the precision known: `2026-05-29T22:02:00+07:00`,
/// `2025-03-07T09:20:00` (no zone given), `2025-03-07`; `None` when nothing parses.
///
/// ```
/// use kabar_time::parse_published;
/// assert_eq!(parse_published("Jumat, 29 Mei 2026 22:02 WIB").as_deref(), Some("2026-05-29T22:02:00+07:00"));
/// assert_eq!(parse_published("March 7, 2025").as_deref(), Some("2025-03-07"));
/// assert_eq!(parse_published("kemarin"), None);
/// ```
pub fn parse_published(raw: &str) -> Option<String> {
    parse_published_with(raw, NumericOrder::Auto)
}

/// [`parse_published`] with an explicit reading of ambiguous all-numeric dates, for callers
/// that know their source's convention.
pub fn parse_published_with(raw: &str, order: NumericOrder) -> Option<String> {
    let p = parse(raw, order)?;
    Some(format_parsed(&p))
}

/// The calendar date of a publication value (`2026-05-29T22:02:00+07:00` → 2026-05-29),
/// as written (local date of the outlet, no zone conversion).
pub fn published_date(value: &str) -> Option<NaiveDate> {
    let d = value.get(..10)?;
    NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()
}

fn format_parsed(p: &Parsed) -> String {
    let mut s = p.date.format("%Y-%m-%d").to_string();
    if let Some(t) = p.time {
        s.push('T');
        s.push_str(&t.format("%H:%M:%S").to_string());
        if let Some(off) = p.offset {
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
        }
    }
    s
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn year4(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    if s.len() == 2 {
        // two-digit years: 70..99 → 19xx, else 20xx
        Some(if y >= 70 { 1900 + y } else { 2000 + y })
    } else {
        Some(y)
    }
}

fn parse(raw: &str, order: NumericOrder) -> Option<Parsed> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(p) = parse_digits(s) {
        return Some(p);
    }
    // RFC 2822 and RFC 3339 first: exact, with zones chrono knows.
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(Parsed {
            date: dt.date_naive(),
            time: Some(dt.time()),
            offset: Some(dt.offset().local_minus_utc() / 60),
        });
    }
    let (date, rest_start, time_from_iso) = find_date(s, order)?;
    let rest = &s[rest_start..];
    let mut time = time_from_iso;
    let mut after_time = rest;
    if time.is_none() {
        if let Some(c) = TIME.captures(rest) {
            let h: u32 = num(&c[1])?;
            let m: u32 = num(&c[2])?;
            let sec: u32 = c.get(3).and_then(|x| num(x.as_str())).unwrap_or(0);
            let h = match c.get(4).map(|x| x.as_str().to_ascii_lowercase()) {
                Some(ap) if ap.starts_with('p') && h < 12 => h + 12,
                Some(ap) if ap.starts_with('a') && h == 12 => 0,
                _ => h,
            };
            time = NaiveTime::from_hms_opt(h, m, sec.min(59));
            if time.is_some() {
                after_time = &rest[c.get(0).map_or(0, |m| m.end())..];
            }
        }
    }
    let offset = if time.is_some() {
        zone_offset(after_time)
    } else {
        None
    };
    Some(Parsed { date, time, offset })
}

/// Offset in minutes of the zone at the start of `s` ("WIB", "+0700", "GMT+7", "Z").
fn zone_offset(s: &str) -> Option<i32> {
    let c = ZONE.captures(s)?;
    let z = c[1].to_ascii_lowercase();
    let mut off = match z.as_str() {
        "wib" => 7 * 60,
        "wita" => 8 * 60,
        "wit" => 9 * 60,
        "gmt" | "utc" | "z" => 0,
        other => {
            let sign = if other.starts_with('-') { -1 } else { 1 };
            let digits: String = other.chars().filter(|c| c.is_ascii_digit()).collect();
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits.get(2..4)?.parse().ok()?;
            sign * (h * 60 + m)
        }
    };
    if let (Some(sign), Some(h)) = (c.get(2), c.get(3)) {
        let h: i32 = h.as_str().parse().ok()?;
        let m: i32 = c.get(4).and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
        let v = h * 60 + m;
        off += if sign.as_str() == "-" { -v } else { v };
    }
    (off.abs() <= 14 * 60).then_some(off)
}

/// Compact forms: `YYYYMMDD`, `YYYYMMDDhhmm`, `YYYYMMDDhhmmss`, Unix seconds (10 digits).
fn parse_digits(s: &str) -> Option<Parsed> {
    let c = DIGITS.captures(s)?;
    let d = &c[1];
    if d.len() == 10 {
        let secs: i64 = d.parse().ok()?;
        let dt = chrono::DateTime::from_timestamp(secs, 0)?;
        return Some(Parsed {
            date: dt.date_naive(),
            time: Some(dt.time()),
            offset: Some(0),
        });
    }
    let date = NaiveDate::from_ymd_opt(d[..4].parse().ok()?, num(&d[4..6])?, num(&d[6..8])?)?;
    let time = if d.len() >= 12 {
        let sec = if d.len() == 14 { num(&d[12..14])? } else { 0 };
        Some(NaiveTime::from_hms_opt(
            num(&d[8..10])?,
            num(&d[10..12])?,
            sec,
        )?)
    } else {
        None
    };
    Some(Parsed {
        date,
        time,
        offset: None,
    })
}

/// Finds the date part: (date, byte offset after it, time when the ISO form carried one).
fn find_date(s: &str, order: NumericOrder) -> Option<(NaiveDate, usize, Option<NaiveTime>)> {
    if let Some(c) = ISO.captures(s) {
        let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, num(&c[2])?, num(&c[3])?)?;
        let time = match (c.get(4), c.get(5)) {
            (Some(h), Some(m)) => {
                let sec = c.get(6).and_then(|x| num(x.as_str())).unwrap_or(0);
                NaiveTime::from_hms_opt(num(h.as_str())?, num(m.as_str())?, sec.min(59))
            }
            _ => None,
        };
        return Some((date, c.get(0)?.end(), time));
    }
    if let Some(c) = YMD_SLASH.captures(s) {
        let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, num(&c[2])?, num(&c[3])?)?;
        return Some((date, c.get(0)?.end(), None));
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let m = crate::lexicon::month_of(&c[2])?;
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, num(&c[1])?)?;
        return Some((date, c.get(0)?.end(), None));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let m = crate::lexicon::month_of(&c[1])?;
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, num(&c[2])?)?;
        return Some((date, c.get(0)?.end(), None));
    }
    if let Some(c) = NUMERIC.captures(s) {
        // both separators must agree ("29/05/2026", not "29/05-2026")
        if c[2] != c[4] {
            return None;
        }
        let (a_s, b_s) = (&c[1], &c[3]);
        let (a, b) = (num(a_s)?, num(b_s)?);
        let y = year4(&c[5])?;
        let month_first = if a > 12 {
            false
        } else if b > 12 {
            true
        } else {
            match order {
                NumericOrder::DayFirst => false,
                NumericOrder::MonthFirst => true,
                NumericOrder::Auto => {
                    let padded = a_s.len() == 2 && b_s.len() == 2;
                    let unpadded = (a_s.len() == 1 && a < 10) || (b_s.len() == 1 && b < 10);
                    !padded && unpadded
                }
            }
        };
        let (d, m) = if month_first { (b, a) } else { (a, b) };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some((date, c.get(0)?.end(), None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_published(s)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(p("2025-03-07").as_deref(), Some("2025-03-07"));
        assert_eq!(
            p("2025-03-07T09:20:00Z").as_deref(),
            Some("2025-03-07T09:20:00+00:00")
        );
        assert_eq!(
            p("2025-03-07 09:20:00").as_deref(),
            Some("2025-03-07T09:20:00")
        );
        assert_eq!(
            p("2025-03-07T09:20:00+07:00").as_deref(),
            Some("2025-03-07T09:20:00+07:00")
        );
        assert_eq!(
            p("2025-03-07T09:20:00.123-05:00").as_deref(),
            Some("2025-03-07T09:20:00-05:00")
        );
        assert_eq!(p("2025-02-30"), None);
    }

    #[test]
    fn rfc2822() {
        assert_eq!(
            p("Fri, 07 Mar 2025 09:20:00 +0700").as_deref(),
            Some("2025-03-07T09:20:00+07:00")
        );
        assert_eq!(
            p("Fri, 7 Mar 2025 02:20:00 GMT").as_deref(),
            Some("2025-03-07T02:20:00+00:00")
        );
    }

    #[test]
    fn indonesian_outlet_forms() {
        // detik-2026
        assert_eq!(
            p("Jumat, 29 Mei 2026 22:02 WIB").as_deref(),
            Some("2026-05-29T22:02:00+07:00")
        );
        // detik headlines: abbreviated month
        assert_eq!(
            p("27 Sep 2024 08:05 WIB").as_deref(),
            Some("2024-09-27T08:05:00+07:00")
        );
        assert_eq!(
            p("02 Mei 2024 19:00 WITA").as_deref(),
            Some("2024-05-02T19:00:00+08:00")
        );
        assert_eq!(
            p("3 Agt 2024 10:15 WIT").as_deref(),
            Some("2024-08-03T10:15:00+09:00")
        );
        assert_eq!(p("12 Nop 2024").as_deref(), Some("2024-11-12"));
        // kompas: DD/MM/YYYY, HH:MM WIB
        assert_eq!(
            p("09/10/2023, 13:33 WIB").as_deref(),
            Some("2023-10-09T13:33:00+07:00")
        );
        assert_eq!(
            p("29/05/2026 22:02").as_deref(),
            Some("2026-05-29T22:02:00")
        );
        // republika: full month name with comma
        assert_eq!(
            p("22 April 2024, 17:22").as_deref(),
            Some("2024-04-22T17:22:00")
        );
        assert_eq!(
            p("Senin, 3 Maret 2025 pukul 09.20 WIB").as_deref(),
            Some("2025-03-03T09:20:00+07:00")
        );
        assert_eq!(
            p("Kamis, 06 Mar 2025 | 10:00 WIB").as_deref(),
            Some("2025-03-06T10:00:00+07:00")
        );
    }

    #[test]
    fn spreadsheet_month_first() {
        // detik-2025 CSV: M/D/YYYY H:MM
        assert_eq!(
            p("10/21/2025 20:43").as_deref(),
            Some("2025-10-21T20:43:00")
        );
        assert_eq!(p("9/10/2025 22:30").as_deref(), Some("2025-09-10T22:30:00"));
        assert_eq!(p("8/1/2025 9:39").as_deref(), Some("2025-08-01T09:39:00"));
        assert_eq!(
            parse_published_with("09/10/2023", NumericOrder::MonthFirst).as_deref(),
            Some("2023-09-10")
        );
        assert_eq!(
            parse_published_with("9/10/2023", NumericOrder::DayFirst).as_deref(),
            Some("2023-10-09")
        );
    }

    #[test]
    fn english_forms() {
        assert_eq!(p("March 7, 2025").as_deref(), Some("2025-03-07"));
        assert_eq!(p("Mar. 7, 2025").as_deref(), Some("2025-03-07"));
        assert_eq!(
            p("7 Mar 2025 10:00 GMT").as_deref(),
            Some("2025-03-07T10:00:00+00:00")
        );
        assert_eq!(
            p("Friday, March 7, 2025 9:20 PM").as_deref(),
            Some("2025-03-07T21:20:00")
        );
        assert_eq!(
            p("7th March 2025, 12:05 am UTC").as_deref(),
            Some("2025-03-07T00:05:00+00:00")
        );
        assert_eq!(
            p("Updated 7 Mar 2025 10:00 GMT+7").as_deref(),
            Some("2025-03-07T10:00:00+07:00")
        );
    }

    #[test]
    fn compact_forms() {
        assert_eq!(p("20240503132707").as_deref(), Some("2024-05-03T13:27:07"));
        assert_eq!(p("20240503").as_deref(), Some("2024-05-03"));
        assert_eq!(
            p("1490674536").as_deref(),
            Some("2017-03-28T04:15:36+00:00")
        );
    }

    #[test]
    fn garbage_is_none() {
        for s in [
            "",
            "kemarin",
            "32/13/2025",
            "2-1",
            "Rp 3.500",
            "Mei",
            "9999-99-99",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(
            published_date("2026-05-29T22:02:00+07:00"),
            NaiveDate::from_ymd_opt(2026, 5, 29)
        );
    }
}
