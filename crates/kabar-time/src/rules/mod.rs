//! The rules of the tagger, one module per family; each rule is one regex with its
//! languages and keywords ([`RuleDef`]) and one arm of its family's `handle`, so a new rule
//! touches one file.
//!
//! Rules run on an ASCII-lower-cased copy of the text (same byte offsets), so every literal
//! is lower case and case-sensitive: the regex engine can then prefilter on the literals,
//! which case-insensitive alternations defeat. Capitals are checked on the original text.

mod absolute;
mod clock;
mod durations;
mod refs;
mod relative;
mod sets;

pub(crate) use crate::lexicon::{month_alternation, month_of, number_of, weekday_of, NUMBER_RE};
pub(crate) use crate::tagger::{in_quote, sentence_of, Cand, Rel, Sem, Unit};
pub(crate) use chrono::Weekday;
pub(crate) use kabar_core::{Lang, TimeType};
pub(crate) use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Which rule a match came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum K {
    DayMonYear,
    MonDayYear,
    ParenNum,
    BareNum,
    Iso,
    DayMon,
    MonDay,
    Range,
    RangeEn,
    MonYear,
    Year,
    Decade,
    Century,
    DayWordId,
    DayWordEn,
    AgoId,
    UnitRelId,
    UnitRelEn,
    AgoEn,
    RefDayEn,
    Weekend,
    WeekdayId,
    WeekdayEn,
    MonRelId,
    MonOnly,
    ClockId,
    ClockZone,
    ClockEn,
    Duration,
    DurRange,
    SeDuration,
    VagueEn,
    Redup,
    SetId,
    SetFreq,
    SetEn,
    Refs,
    Quarter,
    MonBare,
    PeriodEdge,
    Season,
    Vague,
}

/// A rule as its family writes it.
pub(crate) struct RuleDef {
    /// 1 = Indonesian, 2 = English, 3 = both.
    pub langs: u8,
    pub kind: K,
    /// The pattern, written with `(?i:` groups and capitals for readability.
    pub pattern: String,
    /// Lower-case keywords, one of which every match contains; empty: run on the whole text.
    pub keys: Vec<String>,
}

/// A compiled rule.
pub(crate) struct Rule {
    pub re: Regex,
    pub langs: u8,
    pub kind: K,
    pub keys: Vec<String>,
}

pub(super) const WD_ID: &str = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad)";
pub(super) const WD_EN: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
pub(super) const MON_FULL: &str = r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember|January|February|March|May|June|July|August|October|December)";
pub(super) const B: &str = r"(?-u:\b)";

/// Every rule, families in a fixed order (earlier rules win ties of equal length).
pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    [
        absolute::rules(),
        relative::rules(),
        clock::rules(),
        durations::rules(),
        sets::rules(),
        refs::rules(),
    ]
    .into_iter()
    .flatten()
    .map(|d| Rule {
        re: Regex::new(&format!(
            "(?-u){}",
            d.pattern
                .replace("(?i:", "(?:")
                .replace("(?i)", "")
                .to_lowercase()
                .replace("(?p<", "(?P<")
        ))
        .unwrap_or_else(|e| panic!("bad rule regex {}: {e}", d.pattern)),
        langs: d.langs,
        kind: d.kind,
        keys: d.keys,
    })
    .collect()
});

/// A match of a rule with its context. `text` is the window the captures index (original
/// case); `full` the whole text and `base` the window's offset in it, for sentence lookups.
#[derive(Clone, Copy)]
pub(crate) struct Hit<'a, 't> {
    pub c: &'a Captures<'t>,
    pub text: &'a str,
    pub full: &'a str,
    pub base: usize,
    pub starts: &'a [usize],
    pub lang: Lang,
}

/// Turns a match into candidates (pushed on `out`, spans relative to the window).
pub(crate) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    use K::*;
    match kind {
        DayMonYear | MonDayYear | ParenNum | BareNum | Iso | DayMon | MonDay | Range | RangeEn
        | MonYear | Year | Decade | Century | Quarter => absolute::handle(kind, h, out),
        DayWordId | DayWordEn | AgoId | UnitRelId | UnitRelEn | AgoEn | RefDayEn | Weekend
        | WeekdayId | WeekdayEn | MonRelId | MonOnly | MonBare | PeriodEdge => {
            relative::handle(kind, h, out)
        }
        ClockId | ClockZone | ClockEn => clock::handle(kind, h, out),
        Duration | DurRange | SeDuration | VagueEn | Redup => durations::handle(kind, h, out),
        SetId | SetFreq | SetEn => sets::handle(kind, h, out),
        Refs | Season | Vague => refs::handle(kind, h, out),
    }
}

pub(super) fn list(ws: &[&str]) -> Vec<String> {
    ws.iter().map(|w| w.to_string()).collect()
}

pub(super) fn months() -> Vec<String> {
    crate::lexicon::MONTHS
        .iter()
        .map(|(w, _)| w.to_string())
        .collect()
}

pub(super) fn weekdays() -> Vec<String> {
    crate::lexicon::WEEKDAYS
        .iter()
        .filter(|(w, _)| w.len() > 3)
        .map(|(w, _)| w.to_string())
        .collect()
}

pub(super) fn g<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

pub(super) fn gnum(c: &Captures, name: &str) -> Option<u32> {
    g(c, name).and_then(|s| s.parse().ok())
}

pub(super) fn wd_of(c: &Captures) -> Option<Weekday> {
    g(c, "wd").and_then(weekday_of)
}

pub(super) fn valid_dm(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

pub(super) const COUNT_NOUNS: &[&str] = &[
    "orang", "unit", "ton", "km", "meter", "hektare", "hektar", "ha", "rupiah", "dolar", "kg",
    "jiwa", "kasus", "suara", "peserta", "buah", "ekor", "rumah", "kali", "people", "units",
    "tons", "dollars", "votes", "cases", "persen", "percent", "mw", "liter", "barel", "lembar",
];

/// A bare or prepositioned year must not be part of a larger number, a price, a count.
pub(super) fn year_ok(text: &str, start: usize, end: usize, has_trigger: bool) -> bool {
    let b = text.as_bytes();
    // followed by digits (2019.5, 2019,5, 2019/2020 is fine) or preceded by a number part
    if let Some(&c) = b.get(end) {
        if (c == b'.' || c == b',') && b.get(end + 1).is_some_and(|x| x.is_ascii_digit()) {
            return false;
        }
        if c == b':' || c == b'%' {
            return false;
        }
    }
    if start > 0 {
        let p = b[start - 1];
        // "1995-1998" is a range of years; "2.025", "10-2025" are not years
        let year_range = p == b'-'
            && start >= 5
            && b[start - 5..start - 1].iter().all(u8::is_ascii_digit)
            && matches!(&b[start - 5..start - 3], b"18" | b"19" | b"20")
            && (start == 5 || !b[start - 6].is_ascii_digit());
        if (p == b'.' || p == b',' || p == b'$' || p == b'-')
            && start >= 2
            && b[start - 2].is_ascii_digit()
            && !year_range
        {
            return false;
        }
        // "Permen No 1/2013": a number of a regulation
        if p == b'/' && start >= 2 && b[start - 2].is_ascii_digit() {
            return false;
        }
        if p == b'$' || p == b'#' {
            return false;
        }
    }
    let before = text[..start].trim_end();
    let lw = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let lw = lw.to_ascii_lowercase();
    if matches!(
        lw.as_str(),
        "rp" | "rp."
            | "us$"
            | "no"
            | "no."
            | "nomor"
            | "pasal"
            | "nomer"
            | "ke"
            | "sebanyak"
            | "sekitar"
            | "mencapai"
            | "hingga"
            | "kode"
            | "km"
    ) && !has_trigger
    {
        return false;
    }
    let after = text[end..].trim_start();
    let nw: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    !COUNT_NOUNS.contains(&nw.as_str())
}

pub(super) fn push(out: &mut Vec<Cand>, start: usize, end: usize, sem: Sem) {
    out.push(Cand {
        start,
        end,
        sem,
        pod: None,
        clock: None,
        modifier: None,
    });
}

pub(super) fn unit_of(u: &str) -> Option<Unit> {
    let u = u.to_ascii_lowercase();
    Some(match u.trim_end_matches('s') {
        "hari" | "day" => Unit::Day,
        "pekan" | "minggu" | "week" => Unit::Week,
        "bulan" | "month" => Unit::Month,
        "tahun" | "year" => Unit::Year,
        _ => return None,
    })
}

pub(super) fn roman(s: &str) -> Option<u32> {
    Some(match s {
        "I" | "1" | "pertama" | "first" => 1,
        "II" | "2" | "kedua" | "second" => 2,
        "III" | "3" | "ketiga" | "third" => 3,
        "IV" | "4" | "keempat" | "fourth" => 4,
        "V" => 5,
        "X" => 10,
        "XX" => 20,
        "XXI" => 21,
        "XIX" => 19,
        "XVIII" => 18,
        "XXII" => 22,
        _ => s.parse().ok()?,
    })
}

/// True when the group's text starts with a capital in the original text (rules see a
/// lower-cased copy).
pub(super) fn capital(text: &str, c: &Captures, name: &str) -> bool {
    c.name(name)
        .and_then(|m| text.get(m.start()..))
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The original-case text of a group.
pub(super) fn orig<'t>(text: &'t str, c: &Captures, name: &str) -> &'t str {
    c.name(name)
        .and_then(|m| text.get(m.start()..m.end()))
        .unwrap_or("")
}

pub(super) fn is_sentence_start(text: &str, starts: &[usize], pos: usize) -> bool {
    let (s, _) = sentence_of(starts, text.len(), pos);
    text[s..pos]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .is_empty()
}

/// The word (letters, digits, `-`) that ends right before byte `pos` of `text`, skipping
/// spaces (not punctuation: `(Kamis` has no word before it).
pub(super) fn word_before(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end_matches([' ', '\t']);
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_alphanumeric() || *ch == '-')
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}

/// The candidates of an Indonesian text as (span text, meaning), for the family tests.
#[cfg(test)]
pub(super) fn sems(text: &str) -> Vec<(String, Sem)> {
    let lc = text.to_ascii_lowercase();
    crate::tagger::recognise(text, &lc, &crate::tagger::sentence_starts(text), Lang::Id)
        .into_iter()
        .map(|c| (text[c.start..c.end].to_string(), c.sem))
        .collect()
}
