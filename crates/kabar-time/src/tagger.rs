//! Recognition: hand-written rules (one regex each) that propose candidate expressions
//! with a structured meaning ([`Sem`]); overlapping candidates are resolved longest-first.
//!
//! No Rust crate tags Indonesian temporal expressions (HeidelTime's Indonesian resources
//! are Java and were generated automatically; date-parser crates read one date string, not
//! running text), so the rules are written here on `regex`, with `chrono` for the calendar.

use crate::lexicon::{month_alternation, month_of, number_of, weekday_of, NUMBER_RE};
use chrono::Weekday;
use kabar_core::{Lang, TimeType};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Unit of a relative offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// How a weekday or month without a date relates to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// Bare: nearest, past or future by the sentence's tense.
    Bare,
    /// "lalu", "last": strictly before the anchor.
    Last,
    /// "depan", "mendatang", "next": strictly after the anchor.
    Next,
    /// "ini", "this": in the anchor's week (weekday) or year (month).
    This,
    /// A year offset from the anchor ("Maret tahun lalu" = -1).
    YearOffset(i32),
}

/// The meaning of a candidate, resolved against an anchor in `normalise`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A calendar day, its year maybe unknown, with the weekday the text gives.
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
        wd: Option<Weekday>,
    },
    /// A month, with its year if written.
    Month { y: Option<i32>, m: u32, rel: Rel },
    /// A value fixed by the text alone ("1998", "P6Y", "PRESENT_REF", "199").
    Fixed(TimeType, String),
    /// A quarter or half ("Q1", "H2") of a year maybe unknown.
    Part { part: &'static str, y: Option<i32> },
    /// `n` units from the anchor (`from_ref`: from the last date mentioned instead).
    Offset { unit: Unit, n: i64, from_ref: bool },
    /// A weekend `n` weeks from the anchor's.
    Weekend(i64),
    /// A weekday without a date.
    Weekday { wd: Weekday, rel: Rel },
    /// A clock time, on the date of the context.
    Clock { h: u32, m: u32 },
}

/// A candidate expression: byte span, meaning, part of day if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// TimeML part of day (`MO`, `AF`, `EV`, `NI`) when one follows the date.
    pub pod: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum K {
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
    SeDuration,
    VagueEn,
    Redup,
    SetId,
    SetEn,
    Refs,
    Quarter,
}

struct Rule {
    re: Regex,
    /// 1 = Indonesian, 2 = English, 3 = both.
    langs: u8,
    kind: K,
}

const WD_ID: &str = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad)";
const WD_EN: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MON_FULL: &str = r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember|January|February|March|May|June|July|August|October|December)";

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build_rules);

fn build_rules() -> Vec<Rule> {
    let mon = format!("(?i:{})", month_alternation());
    let wd = format!("(?:{WD_ID}|{WD_EN})");
    let b = r"(?-u:\b)";
    let n = NUMBER_RE;
    let specs: Vec<(u8, K, String)> = vec![
        // Senin, 3 Maret 2025 / 3 Mar. 2025 / 7th of March 2025
        (
            3,
            K::DayMonYear,
            format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\.?,?\s+(?P<y>\d{{4}}){b}"
            ),
        ),
        // Thursday, March 6, 2025
        (
            3,
            K::MonDayYear,
            format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){b}"
            ),
        ),
        // Kamis (6/3), Jumat, (29/5/2026), (6/3)
        (
            3,
            K::ParenNum,
            format!(
                r"(?:{b}(?P<wd>{wd})\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
            ),
        ),
        // 3/3/2025, 03-03-2025
        (
            3,
            K::BareNum,
            format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?P<s>[/-])(?P<m>\d{{1,2}})[/-](?P<y>\d{{4}}){b}"
            ),
        ),
        (
            3,
            K::Iso,
            format!(r"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){b}"),
        ),
        // Sabtu, 8 Maret / 8 Mar
        (
            3,
            K::DayMon,
            format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon}){b}\.?"
            ),
        ),
        // March 7 / on Thursday, March 6
        (
            2,
            K::MonDay,
            format!(
                r"{b}(?:(?P<wd>{WD_EN}),?\s+)?(?P<mon>{MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{b}"
            ),
        ),
        // 19-21 Mei 2026, 19 hingga 21 Mei
        (
            3,
            K::Range,
            format!(
                r"{b}(?P<d1>\d{{1,2}})\s*(?:-|–|—|hingga|sampai|s\.?d\.?|to|and|dan)\s*(?P<d2>\d{{1,2}})\s+(?P<mon>{mon})\.?(?:\s+(?P<y>\d{{4}}))?{b}"
            ),
        ),
        // March 19-21, 2026
        (
            2,
            K::RangeEn,
            format!(
                r"{b}(?P<mon>{MON_FULL})\s+(?P<d1>\d{{1,2}})\s*(?:-|–|—|to|and)\s*(?P<d2>\d{{1,2}}),?(?:\s+(?P<y>\d{{4}}))?{b}"
            ),
        ),
        // (bulan) Maret 2025
        (
            3,
            K::MonYear,
            format!(
                r"{b}(?:(?i:bulan)\s+)?(?P<mon>{mon})\.?,?\s+(?:(?i:tahun)\s+)?(?P<y>\d{{4}}){b}"
            ),
        ),
        // pada 1998, tahun 2019, sejak 2019, in 1998
        (
            3,
            K::Year,
            format!(
                r"{b}(?:(?P<pre>(?i:pada|sejak|semenjak|hingga|sampai|dari|jelang|menjelang|medio|in|since|until|by|during|from))\s+)?(?P<t>(?P<tahun>(?i:tahun|the\s+year)\s+)?(?P<y>1[89]\d\d|20\d\d)){b}"
            ),
        ),
        // tahun 1990-an, the 1990s
        (
            3,
            K::Decade,
            format!(r"{b}(?:(?i:tahun|era|dekade|the)\s+)?(?P<y>1[89]\d0|20\d0)(?:-?an|'?s){b}"),
        ),
        (
            3,
            K::Century,
            format!(
                r"{b}(?i:abad\s+ke-?\s*(?P<c>\d{{1,2}}|[IVX]+)|the\s+(?P<e>\d{{1,2}})(?:st|nd|rd|th)\s+century){b}"
            ),
        ),
        // hari ini, kemarin, besok, lusa
        (
            1,
            K::DayWordId,
            format!(
                r"{b}(?i:hari\s+ini|kemarin\s+lusa|kemarin|kemarin\s+dulu|besok|esok\s+hari|esok|lusa|keesokan\s+harinya|keesokan\s+hari|hari\s+berikutnya|hari\s+sebelumnya|tadi\s+malam|semalam|tadi\s+pagi|pagi\s+tadi|pagi\s+ini|siang\s+ini|tadi\s+siang|sore\s+ini|sore\s+tadi|tadi\s+sore|malam\s+ini|nanti\s+malam){b}"
            ),
        ),
        (
            2,
            K::DayWordEn,
            format!(
                r"{b}(?i:today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|the\s+following\s+day|the\s+next\s+day|the\s+previous\s+day|the\s+day\s+before){b}"
            ),
        ),
        // dua hari lalu, 3 bulan yang lalu, sehari setelahnya, tiga hari lagi
        (
            1,
            K::AgoId,
            format!(
                r"{b}(?i:(?:(?P<n>{n})\s+|(?P<se>se))(?P<u>hari|pekan|minggu|bulan|tahun|dekade)\s+(?:yang\s+)?(?P<dir>lalu|silam|sebelumnya|sesudahnya|setelahnya|kemudian|berikutnya|lagi|mendatang|ke\s+depan)){b}"
            ),
        ),
        // pekan lalu, minggu ini, bulan lalu, tahun depan
        (
            1,
            K::UnitRelId,
            format!(
                r"{b}(?P<u>(?i:pekan|minggu|bulan|tahun))\s+(?P<dir>(?i:ini|lalu|depan|kemarin|mendatang|silam|berikutnya|sebelumnya|sebelumnya)){b}"
            ),
        ),
        (
            2,
            K::UnitRelEn,
            format!(
                r"{b}(?i:(?P<dir>last|this|next|the\s+previous|the\s+following|the\s+past|the\s+coming)\s+(?P<u>week|month|year)){b}"
            ),
        ),
        (
            2,
            K::AgoEn,
            format!(
                r"{b}(?i:(?P<n>{n}|a|an)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|from\s+now)){b}"
            ),
        ),
        (
            2,
            K::RefDayEn,
            format!(r"{b}(?i:(?P<n>{n}|a|an)\s+(?P<u>day|week)s?\s+(?:later|earlier)){b}"),
        ),
        // akhir pekan (ini/lalu/depan), the weekend, last weekend
        (
            3,
            K::Weekend,
            format!(
                r"{b}(?i:akhir\s+pekan(?:\s+(?P<dir>ini|lalu|depan|kemarin))?|(?P<dir2>last|this|next|the)\s+weekend){b}"
            ),
        ),
        // Kamis, Kamis lalu, Minggu depan (weekday: capitalised)
        (
            1,
            K::WeekdayId,
            format!(
                r"{b}(?P<wd>{WD_ID})(?:\s+(?P<dir>lalu|kemarin|depan|mendatang|ini|pekan\s+lalu|minggu\s+lalu|pekan\s+depan)){{0,1}}{b}"
            ),
        ),
        (
            2,
            K::WeekdayEn,
            format!(
                r"{b}(?:(?P<dir>(?i:last|next|this|this\s+past|this\s+coming))\s+)?(?P<wd>{WD_EN}){b}"
            ),
        ),
        // Maret lalu, Juni tahun lalu, Desember mendatang
        (
            1,
            K::MonRelId,
            format!(
                r"{b}(?:(?i:bulan)\s+)?(?P<mon>{MON_FULL})\s+(?:(?P<tahun>(?i:tahun))\s+)?(?P<dir>(?i:lalu|ini|depan|mendatang|kemarin|silam)){b}"
            ),
        ),
        // pada Maret, bulan Mei, in March, last March
        (
            3,
            K::MonOnly,
            format!(
                r"{b}(?P<pre>(?i:pada|sejak|hingga|sampai|sepanjang|dari|from|to|bulan|awal|akhir|pertengahan|medio|jelang|menjelang|selama|in|since|until|by|during|early|late|mid|last|next|this)[\s-]+)(?P<mon>{MON_FULL}){b}"
            ),
        ),
        // pukul 09.20 WIB, jam 10 malam
        (
            1,
            K::ClockId,
            format!(
                r"{b}(?i:pukul|pkl\.?|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:\s*(?P<z>WIB|WITA|WIT))?(?:\s+(?P<pod>pagi|siang|sore|malam|dini\s+hari))?{b}"
            ),
        ),
        (
            3,
            K::ClockZone,
            format!(r"{b}(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})\s*(?P<z>WIB|WITA|WIT|GMT|UTC){b}"),
        ),
        (
            2,
            K::ClockEn,
            format!(
                r"{b}(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|(?:am|pm){b}))|{b}(?P<noon>(?i:noon|midnight)){b}"
            ),
        ),
        // enam tahun, 24 jam, two weeks, six-year
        (
            3,
            K::Duration,
            format!(
                r"{b}(?P<n>{n}|(?i:beberapa|puluhan|ratusan|several|a\s+few|few))[\s-]+(?P<u>(?i:detik|menit|jam|hari|pekan|minggu|bulan|tahun|dekade|abad|windu|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))){b}"
            ),
        ),
        // "for decades" (selama bertahun-tahun is Redup)
        (
            2,
            K::VagueEn,
            format!(
                r"{b}(?i:for|over)\s+(?P<u>(?i:decades|years|months|weeks|days|hours|minutes)){b}"
            ),
        ),
        (
            1,
            K::SeDuration,
            format!(
                r"{b}(?P<u>(?i:sedetik|semenit|sejam|sehari|sepekan|seminggu|sebulan|setahun|sewindu|sedekade|seabad)){b}"
            ),
        ),
        (
            1,
            K::Redup,
            format!(
                r"{b}(?P<u>(?i:berjam-jam|berhari-hari|berminggu-minggu|berpekan-pekan|berbulan-bulan|bertahun-tahun|berabad-abad)){b}"
            ),
        ),
        (
            1,
            K::SetId,
            format!(
                r"{b}(?i:setiap|tiap|saban|per)\s+(?:(?i:hari\s+)?(?P<wd>{WD_ID})|(?P<u>(?i:hari|pekan|minggu|bulan|tahun|jam))){b}"
            ),
        ),
        (
            2,
            K::SetEn,
            format!(
                r"{b}(?:(?i:every|each|per)\s+(?:(?P<u>(?i:day|week|month|year|hour))|(?P<wd>{WD_EN}))|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly))){b}"
            ),
        ),
        (
            3,
            K::Refs,
            format!(
                r"{b}(?P<r>(?i:saat\s+ini|sekarang|kini|dewasa\s+ini|masa\s+kini|baru-baru\s+ini|belakangan\s+ini|masa\s+depan|masa\s+lalu|now|currently|at\s+present|nowadays|these\s+days|recently|lately|in\s+the\s+future|in\s+the\s+past)){b}"
            ),
        ),
        (
            3,
            K::Quarter,
            format!(
                r"{b}(?P<k>(?i:kuartal|triwulan|semester|caturwulan|quarter|Q|H))\s*-?\s*(?P<q>(?-i:IV|III|II|I)|[1-4]|(?i:pertama|kedua|ketiga|keempat|first|second|third|fourth)){b}(?:(?i:\s+(?:tahun\s+|of\s+)?)(?P<y>\d{{4}}){b})?|{b}(?i:the\s+)?(?P<q2>(?i:first|second|third|fourth))\s+(?P<k2>(?i:quarter|half))(?:\s+(?i:of\s+)?(?P<y2>\d{{4}}))?{b}"
            ),
        ),
    ];
    specs
        .into_iter()
        .map(|(langs, kind, pat)| Rule {
            // rules run on an ASCII-lower-cased copy of the text (same byte offsets), so
            // every literal is lower case and case-sensitive: the regex engine can then
            // prefilter on the literals, which case-insensitive alternations defeat.
            re: Regex::new(&format!(
                "(?-u){}",
                pat.replace("(?i:", "(?:")
                    .replace("(?i)", "")
                    .to_lowercase()
                    .replace("(?p<", "(?P<")
            ))
            .unwrap_or_else(|e| panic!("bad rule regex {pat}: {e}")),
            langs,
            kind,
        })
        .collect()
}

/// Sentence starts (byte offsets) of `text`: after `.`, `!`, `?` followed by white space,
/// and after line breaks.
pub(crate) fn sentence_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = vec![0];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n'
            || ((c == b'.' || c == b'!' || c == b'?')
                && b.get(i + 1).is_some_and(|x| x.is_ascii_whitespace()))
        {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            // "p.m. on Sunday", "No. 5": a dot before a lower-case word ends no sentence
            let abbreviation = c == b'.' && j < b.len() && b[j].is_ascii_lowercase();
            if j < b.len() && out.last() != Some(&j) && !abbreviation {
                out.push(j);
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The sentence (start, end) containing byte `pos`.
pub(crate) fn sentence_of(starts: &[usize], text_len: usize, pos: usize) -> (usize, usize) {
    let i = starts.partition_point(|&s| s <= pos).saturating_sub(1);
    let s = starts.get(i).copied().unwrap_or(0);
    let e = starts.get(i + 1).copied().unwrap_or(text_len);
    (s, e)
}

fn g<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn gnum(c: &Captures, name: &str) -> Option<u32> {
    g(c, name).and_then(|s| s.parse().ok())
}

fn wd_of(c: &Captures) -> Option<Weekday> {
    g(c, "wd").and_then(weekday_of)
}

fn valid_dm(d: u32, m: u32) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

const COUNT_NOUNS: &[&str] = &[
    "orang", "unit", "ton", "km", "meter", "hektare", "hektar", "ha", "rupiah", "dolar", "kg",
    "jiwa", "kasus", "suara", "peserta", "buah", "ekor", "rumah", "kali", "people", "units",
    "tons", "dollars", "votes", "cases", "persen", "percent", "mw", "liter", "barel", "lembar",
];

/// A bare or prepositioned year must not be part of a larger number, a price, a count.
fn year_ok(text: &str, start: usize, end: usize, has_trigger: bool) -> bool {
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
        if (p == b'.' || p == b',' || p == b'$' || p == b'-')
            && start >= 2
            && b[start - 2].is_ascii_digit()
        {
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

/// Runs every rule for `lang` and returns the candidates, overlaps resolved
/// (longest first), in text order.
///
/// `lc` is `text.to_ascii_lowercase()` and `starts` its [`sentence_starts`], computed once
/// by the caller.
pub(crate) fn recognise(text: &str, lc: &str, starts: &[usize], lang: Lang) -> Vec<Cand> {
    let mask = match lang {
        Lang::Id => 1,
        Lang::En => 2,
        Lang::Unknown => 3,
    };
    let mut out: Vec<Cand> = Vec::new();
    // one Aho-Corasick pass finds every rule's keywords; a rule then runs only on windows
    // around its keywords (rules without keywords run on the whole text)
    let keys = &KEYS[mask as usize - 1];
    let mut windows: Vec<Vec<(usize, usize)>> = vec![Vec::new(); RULES.len()];
    for m in keys.ac.find_iter(lc.as_bytes()) {
        for &r in &keys.rules_of[m.pattern().as_usize()] {
            windows[r].push((
                m.start().saturating_sub(WINDOW),
                (m.end() + WINDOW).min(lc.len()),
            ));
        }
    }
    for (ri, rule) in RULES.iter().enumerate() {
        if rule.langs & mask == 0 {
            continue;
        }
        if keys.keyless[ri] {
            for c in rule.re.captures_iter(lc) {
                handle(rule.kind, &c, text, text, 0, starts, lang, &mut out);
            }
            continue;
        }
        for (ws, we) in merge_windows(lc, &mut windows[ri]) {
            let before = out.len();
            let (Some(sl), Some(orig_sl)) = (lc.get(ws..we), text.get(ws..we)) else {
                continue;
            };
            for c in rule.re.captures_iter(sl) {
                handle(rule.kind, &c, orig_sl, text, ws, starts, lang, &mut out);
            }
            for cand in &mut out[before..] {
                cand.start += ws;
                cand.end += ws;
            }
        }
    }
    // longest first, then earliest
    out.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Cand> = Vec::with_capacity(out.len());
    for c in out {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    for c in kept.iter_mut() {
        extend(text, c);
    }
    kept
}

/// Bytes of context either side of a keyword (longer than any expression reaches).
const WINDOW: usize = 72;

/// Sorts and merges windows, widening each to white space (so `\b` at a window's edge
/// means what it means in the whole text) and to char boundaries.
fn merge_windows(lc: &str, w: &mut [(usize, usize)]) -> Vec<(usize, usize)> {
    w.sort_unstable();
    let b = lc.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in w.iter() {
        let mut s = s;
        while s > 0 && !b[s - 1].is_ascii_whitespace() {
            s -= 1;
        }
        let mut e = e;
        while e < b.len() && !b[e].is_ascii_whitespace() {
            e += 1;
        }
        while s > 0 && !lc.is_char_boundary(s) {
            s -= 1;
        }
        while e < b.len() && !lc.is_char_boundary(e) {
            e += 1;
        }
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

struct Keys {
    ac: aho_corasick::AhoCorasick,
    /// For each keyword, the rules it gates.
    rules_of: Vec<Vec<usize>>,
    /// Rules that run on the whole text.
    keyless: Vec<bool>,
}

/// Keyword automata for Indonesian, English, and both (index = language mask - 1).
static KEYS: LazyLock<[Keys; 3]> = LazyLock::new(|| [build_keys(1), build_keys(2), build_keys(3)]);

fn build_keys(mask: u8) -> Keys {
    let mut words: Vec<String> = Vec::new();
    let mut rules_of: Vec<Vec<usize>> = Vec::new();
    let mut keyless = Vec::new();
    for (ri, rule) in RULES.iter().enumerate() {
        let ks = if rule.langs & mask == 0 {
            Vec::new()
        } else {
            keys_of(rule.kind)
        };
        keyless.push(ks.is_empty());
        for k in ks {
            match words.iter().position(|w| *w == k) {
                Some(i) => rules_of[i].push(ri),
                None => {
                    words.push(k);
                    rules_of.push(vec![ri]);
                }
            }
        }
    }
    // the search is leftmost-longest and non-overlapping (much faster than overlapping),
    // so a keyword also gates the rules of every keyword inside it ("sehari" ⊃ "hari")
    let inner: Vec<Vec<usize>> = words
        .iter()
        .map(|w| {
            let mut rs: Vec<usize> = words
                .iter()
                .zip(&rules_of)
                .filter(|(k, _)| w.contains(k.as_str()))
                .flat_map(|(_, r)| r.iter().copied())
                .collect();
            rs.sort_unstable();
            rs.dedup();
            rs
        })
        .collect();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&words)
        .expect("keywords build");
    Keys {
        ac,
        rules_of: inner,
        keyless,
    }
}

/// The keywords (lower case) one of which every match of a rule contains; empty: none.
fn keys_of(kind: K) -> Vec<String> {
    let months = || {
        crate::lexicon::MONTHS
            .iter()
            .map(|(w, _)| w.to_string())
            .collect::<Vec<_>>()
    };
    let list = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    match kind {
        K::DayMonYear
        | K::MonDayYear
        | K::DayMon
        | K::MonDay
        | K::Range
        | K::RangeEn
        | K::MonYear
        | K::MonRelId
        | K::MonOnly => months(),
        K::BareNum | K::Iso => Vec::new(),
        K::Year => list(&["19", "20"]),
        K::ParenNum => list(&["/"]),
        K::Decade => list(&["0an", "0-an", "0s", "0's"]),
        K::Century => list(&["abad", "century"]),
        K::DayWordId => list(&[
            "hari", "kemarin", "besok", "esok", "lusa", "malam", "pagi", "siang", "sore",
        ]),
        K::DayWordEn => list(&[
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "night",
            "morning",
            "afternoon",
            "evening",
            "day",
        ]),
        K::AgoId => list(&[
            "lalu",
            "silam",
            "sebelumnya",
            "sesudahnya",
            "setelahnya",
            "kemudian",
            "berikutnya",
            "lagi",
            "mendatang",
            "depan",
        ]),
        K::UnitRelId => list(&["pekan", "minggu", "bulan", "tahun"]),
        K::UnitRelEn => list(&["week", "month", "year"]),
        K::AgoEn => list(&["ago", "earlier", "later", "from now"]),
        K::RefDayEn => list(&["later", "earlier"]),
        K::Weekend => list(&["akhir pekan", "weekend"]),
        K::WeekdayId | K::WeekdayEn | K::SetId | K::SetEn => {
            let mut v: Vec<String> = crate::lexicon::WEEKDAYS
                .iter()
                .filter(|(w, _)| w.len() > 3)
                .map(|(w, _)| w.to_string())
                .collect();
            if kind == K::SetId {
                v.extend(list(&["setiap", "tiap", "saban", "per "]));
            }
            if kind == K::SetEn {
                v.extend(list(&[
                    "every", "each", "per ", "daily", "weekly", "monthly", "annually", "yearly",
                    "hourly",
                ]));
            }
            v
        }
        K::ClockId => list(&["pukul", "pkl", "jam"]),
        K::ClockZone => list(&["wib", "wita", "wit", "gmt", "utc"]),
        K::ClockEn => list(&["am", "pm", "a.m.", "p.m.", "noon", "midnight"]),
        K::Duration => list(&[
            "detik", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "dekade", "abad",
            "windu", "second", "minute", "hour", "day", "week", "month", "year", "decade",
            "centur",
        ]),
        K::VagueEn => list(&[
            "decades", "years", "months", "weeks", "days", "hours", "minutes",
        ]),
        K::SeDuration => list(&[
            "sedetik", "semenit", "sejam", "sehari", "sepekan", "seminggu", "sebulan", "setahun",
            "sewindu", "sedekade", "seabad",
        ]),
        K::Redup => list(&[
            "-jam", "-hari", "-minggu", "-pekan", "-bulan", "-tahun", "-abad",
        ]),
        K::Refs => list(&[
            "saat",
            "sekarang",
            "kini",
            "dewasa",
            "masa",
            "baru-baru",
            "belakangan",
            "now",
            "currently",
            "present",
            "these days",
            "recently",
            "lately",
            "future",
            "past",
        ]),
        K::Quarter => list(&[
            "kuartal",
            "triwulan",
            "semester",
            "caturwulan",
            "quarter",
            "half",
            "q1",
            "q2",
            "q3",
            "q4",
            "h1",
            "h2",
            "q-",
            "h-",
            "q ",
            "h ",
        ]),
    }
}

static MOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:awal|akhir|pertengahan|medio|penghujung|early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]$")
        .expect("valid regex")
});
static POD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?P<p>pagi|siang|sore|malam|dini\s+hari|morning|afternoon|evening|night)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Widens a candidate over a modifier before it ("awal", "pertengahan", "mid-") and a
/// part of day after it ("Kamis malam" → TIME with `TNI`).
fn extend(text: &str, c: &mut Cand) {
    let head_start = c.start.saturating_sub(24);
    let mut hs = head_start;
    while !text.is_char_boundary(hs) {
        hs += 1;
    }
    let before = &text[hs..c.start];
    if matches!(
        c.sem,
        Sem::Date { .. }
            | Sem::Month { .. }
            | Sem::Fixed(TimeType::Date, _)
            | Sem::Offset { .. }
            | Sem::Part { .. }
    ) {
        if let Some(m) = MOD_BEFORE.find(before) {
            let ok_start =
                m.start() == 0 || !before.as_bytes()[m.start() - 1].is_ascii_alphabetic();
            if ok_start {
                c.start = hs + m.start();
            }
        }
    }
    if matches!(
        c.sem,
        Sem::Date { .. }
            | Sem::Weekday { .. }
            | Sem::Offset {
                unit: Unit::Day,
                ..
            }
    ) && c.pod.is_none()
    {
        if let Some(caps) = POD_AFTER.captures(&text[c.end..]) {
            let p = caps["p"].to_ascii_lowercase();
            c.pod = Some(match p.as_str() {
                "pagi" | "morning" => "MO",
                "siang" | "afternoon" => "AF",
                "sore" | "evening" => "EV",
                "malam" | "night" => "NI",
                _ => "MO",
            });
            c.end += caps.get(0).map_or(0, |m| m.end());
        }
    }
}

fn push(out: &mut Vec<Cand>, start: usize, end: usize, sem: Sem) {
    out.push(Cand {
        start,
        end,
        sem,
        pod: None,
    });
}

fn unit_of(u: &str) -> Option<Unit> {
    let u = u.to_ascii_lowercase();
    Some(match u.trim_end_matches('s') {
        "hari" | "day" => Unit::Day,
        "pekan" | "minggu" | "week" => Unit::Week,
        "bulan" | "month" => Unit::Month,
        "tahun" | "year" => Unit::Year,
        _ => return None,
    })
}

fn roman(s: &str) -> Option<u32> {
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
fn capital(text: &str, c: &Captures, name: &str) -> bool {
    c.name(name)
        .and_then(|m| text.get(m.start()..))
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The original-case text of a group.
fn orig<'t>(text: &'t str, c: &Captures, name: &str) -> &'t str {
    c.name(name)
        .and_then(|m| text.get(m.start()..m.end()))
        .unwrap_or("")
}

fn is_sentence_start(text: &str, starts: &[usize], pos: usize) -> bool {
    let (s, _) = sentence_of(starts, text.len(), pos);
    text[s..pos]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .is_empty()
}

#[allow(clippy::too_many_lines)]
/// `text` is the window the captures index (original case); `full` the whole text and
/// `base` the window's offset in it, for sentence lookups.
#[allow(clippy::too_many_arguments)]
fn handle(
    kind: K,
    c: &Captures,
    text: &str,
    full: &str,
    base: usize,
    starts: &[usize],
    lang: Lang,
    out: &mut Vec<Cand>,
) {
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    match kind {
        K::DayMonYear | K::MonDayYear | K::DayMon | K::MonDay => {
            if kind == K::MonDay && !capital(text, c, "mon") {
                return;
            }
            let (Some(d), Some(m)) = (gnum(c, "d"), g(c, "mon").and_then(month_of)) else {
                return;
            };
            if !valid_dm(d, m) {
                return;
            }
            let y = g(c, "y").and_then(|y| y.parse().ok());
            // "2 Mar" in lower case inside prose is rare; "Mei" alone handled by digits.
            push(
                out,
                s0,
                e0,
                Sem::Date {
                    y,
                    m,
                    d,
                    wd: wd_of(c),
                },
            );
        }
        K::ParenNum | K::BareNum | K::Iso => {
            let (Some(a), Some(b2)) = (gnum(c, "d"), gnum(c, "m")) else {
                return;
            };
            let y: Option<i32> = g(c, "y").map(|y| {
                let v: i32 = y.parse().unwrap_or(0);
                if y.len() == 2 {
                    2000 + v
                } else {
                    v
                }
            });
            // day first (Indonesian), month first for English all-numeric dates, and
            // whichever reading is valid when a field exceeds 12
            let month_first_en = kind == K::BareNum && lang == Lang::En;
            let swap = kind != K::Iso && a <= 12 && (month_first_en || b2 > 12);
            let (d, m) = if swap { (b2, a) } else { (a, b2) };
            if !valid_dm(d, m) {
                return;
            }
            if kind == K::BareNum {
                // not a date inside a longer number ("1/3/2025/7")
                let bb = text.as_bytes();
                if s0 > 0 && (bb[s0 - 1] == b'/' || bb[s0 - 1].is_ascii_digit()) {
                    return;
                }
            }
            push(
                out,
                s0,
                e0,
                Sem::Date {
                    y,
                    m,
                    d,
                    wd: wd_of(c),
                },
            );
        }
        K::Range | K::RangeEn => {
            let (Some(d1), Some(d2), Some(m)) =
                (gnum(c, "d1"), gnum(c, "d2"), g(c, "mon").and_then(month_of))
            else {
                return;
            };
            if !valid_dm(d1, m) || !valid_dm(d2, m) || d1 >= d2 {
                return;
            }
            if kind == K::RangeEn && !capital(text, c, "mon") {
                return;
            }
            let y = g(c, "y").and_then(|y| y.parse().ok());
            let (Some(md1), Some(md2)) = (c.name("d1"), c.name("d2")) else {
                return;
            };
            // "19-21 Mei": the first day's span is its digits only; "May 19-21" starts at
            // the month name.
            let first_start = if kind == K::Range { md1.start() } else { s0 };
            let date = |d| Sem::Date { y, m, d, wd: None };
            push(out, first_start, md1.end(), date(d1));
            push(out, md2.start(), e0, date(d2));
        }
        K::MonYear => {
            let (Some(m), Some(y)) = (
                g(c, "mon").and_then(month_of),
                g(c, "y").and_then(|y| y.parse().ok()),
            ) else {
                return;
            };
            // short lower-case abbreviations before a number are rarely months ("mar 2025" ok,
            // "des" ok); require a capital or a full name.
            let mw = orig(text, c, "mon");
            if mw.len() <= 3 && !mw.starts_with(|ch: char| ch.is_uppercase()) {
                return;
            }
            push(
                out,
                s0,
                e0,
                Sem::Month {
                    y: Some(y),
                    m,
                    rel: Rel::Bare,
                },
            );
        }
        K::Year => {
            let Some(t) = c.name("t") else { return };
            let Some(y) = g(c, "y").and_then(|y| y.parse::<i32>().ok()) else {
                return;
            };
            let trig = c.name("pre").is_some() || c.name("tahun").is_some();
            if !trig && !(1945..=2099).contains(&y) {
                return;
            }
            if !year_ok(text, t.start(), t.end(), trig) {
                return;
            }
            push(
                out,
                t.start(),
                t.end(),
                Sem::Fixed(TimeType::Date, y.to_string()),
            );
        }
        K::Decade => {
            let Some(y) = g(c, "y") else { return };
            push(out, s0, e0, Sem::Fixed(TimeType::Date, y[..3].to_string()));
        }
        K::Century => {
            let n = g(c, "c")
                .or(g(c, "e"))
                .and_then(|r| roman(&r.to_uppercase()));
            if let Some(n) = n.filter(|&n| (1..=30).contains(&n)) {
                push(
                    out,
                    s0,
                    e0,
                    Sem::Fixed(TimeType::Date, format!("{:02}", n - 1)),
                );
            }
        }
        K::DayWordId | K::DayWordEn => {
            let w = m0.as_str().to_lowercase();
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            let (n, from_ref, pod): (i64, bool, Option<&'static str>) = match w.as_str() {
                "hari ini" | "today" => (0, false, None),
                "kemarin" | "yesterday" => (-1, false, None),
                "kemarin lusa" | "kemarin dulu" | "the day before yesterday" => (-2, false, None),
                "besok" | "esok" | "esok hari" | "tomorrow" => (1, false, None),
                "lusa" | "the day after tomorrow" => (2, false, None),
                "keesokan harinya" | "keesokan hari" | "hari berikutnya" | "the following day"
                | "the next day" => (1, true, None),
                "hari sebelumnya" | "the previous day" | "the day before" => (-1, true, None),
                "tadi malam" | "semalam" | "last night" => (-1, false, Some("NI")),
                "tadi pagi" | "pagi tadi" | "pagi ini" | "this morning" => (0, false, Some("MO")),
                "siang ini" | "tadi siang" | "this afternoon" => (0, false, Some("AF")),
                "sore ini" | "sore tadi" | "tadi sore" | "this evening" => (0, false, Some("EV")),
                "malam ini" | "nanti malam" | "tonight" => (0, false, Some("NI")),
                _ => return,
            };
            // "esok" as in "esok harinya" fine; "lusa" only as a word
            out.push(Cand {
                start: s0,
                end: e0,
                sem: Sem::Offset {
                    unit: Unit::Day,
                    n,
                    from_ref,
                },
                pod,
            });
        }
        K::AgoId | K::AgoEn | K::RefDayEn => {
            // "dua dekade lalu" has no unit here: left to the duration rule
            let Some(u) = g(c, "u").and_then(unit_of) else {
                return;
            };
            let n: i64 = if c.name("se").is_some() {
                1
            } else {
                match g(c, "n").and_then(number_of) {
                    Some(n) => n,
                    None => return,
                }
            };
            let dir = g(c, "dir").unwrap_or("later").to_lowercase();
            let dir = dir.split_whitespace().collect::<Vec<_>>().join(" ");
            let (sign, from_ref) = match dir.as_str() {
                "lalu" | "silam" | "ago" => (-1, false),
                "sebelumnya" | "earlier" | "before" => (-1, true),
                "sesudahnya" | "setelahnya" | "kemudian" | "berikutnya" | "later" | "after" => {
                    (1, true)
                }
                "lagi" | "mendatang" | "ke depan" | "from now" => (1, false),
                _ => return,
            };
            push(
                out,
                s0,
                e0,
                Sem::Offset {
                    unit: u,
                    n: sign * n,
                    from_ref,
                },
            );
        }
        K::UnitRelId | K::UnitRelEn => {
            let Some(uw) = g(c, "u") else { return };
            // "Minggu lalu" with a capital inside a sentence is Sunday, not a week.
            if kind == K::UnitRelId
                && orig(text, c, "u") == "Minggu"
                && !is_sentence_start(full, starts, base + s0)
            {
                return;
            }
            let Some(u) = unit_of(uw) else { return };
            let dir = g(c, "dir").unwrap_or("").to_lowercase();
            let dir = dir.split_whitespace().collect::<Vec<_>>().join(" ");
            let (n, from_ref) = match dir.as_str() {
                "ini" | "this" | "the past" => (0, false),
                "lalu" | "kemarin" | "silam" | "last" => (-1, false),
                "depan" | "mendatang" | "next" | "the coming" => (1, false),
                "berikutnya" | "the following" => (1, true),
                "sebelumnya" | "the previous" => (-1, true),
                _ => return,
            };
            if dir == "the past" {
                return;
            }
            push(
                out,
                s0,
                e0,
                Sem::Offset {
                    unit: u,
                    n,
                    from_ref,
                },
            );
        }
        K::Weekend => {
            let dir = g(c, "dir").or(g(c, "dir2")).unwrap_or("").to_lowercase();
            let n = match dir.as_str() {
                "lalu" | "kemarin" | "last" => -1,
                "depan" | "next" => 1,
                _ => 0,
            };
            push(out, s0, e0, Sem::Weekend(n));
        }
        K::WeekdayId | K::WeekdayEn => {
            let Some(wd) = wd_of(c) else { return };
            // weekday names are capitalised; "minggu" in lower case is the week
            if !capital(text, c, "wd") {
                return;
            }
            let dir = g(c, "dir").map(|d| d.to_lowercase());
            let rel = match dir
                .as_deref()
                .map(|d| d.split_whitespace().next().unwrap_or(""))
            {
                Some("lalu") | Some("kemarin") | Some("last") => Rel::Last,
                Some("depan") | Some("mendatang") | Some("next") => Rel::Next,
                // "Sabtu besok": the weekday and "besok" are two expressions, one day
                None if text[e0..]
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("besok") =>
                {
                    Rel::Next
                }
                Some("ini") | Some("this") => {
                    if dir.as_deref().is_some_and(|d| d.contains("past")) {
                        Rel::Last
                    } else if dir.as_deref().is_some_and(|d| d.contains("coming")) {
                        Rel::Next
                    } else {
                        Rel::This
                    }
                }
                Some("pekan") | Some("minggu") => {
                    if dir.as_deref().is_some_and(|d| d.ends_with("depan")) {
                        Rel::Next
                    } else {
                        Rel::Last
                    }
                }
                _ => Rel::Bare,
            };
            let wdw = orig(text, c, "wd");
            if kind == K::WeekdayId && wdw == "Minggu" {
                // sentence-initial "Minggu ini/lalu/depan" is the week
                if rel != Rel::Bare && is_sentence_start(full, starts, base + s0) {
                    return;
                }
            }
            push(out, s0, e0, Sem::Weekday { wd, rel });
        }
        K::MonRelId => {
            let Some(m) = g(c, "mon").and_then(month_of) else {
                return;
            };
            if !capital(text, c, "mon") {
                return;
            }
            let dir = g(c, "dir").unwrap_or("").to_lowercase();
            let rel = if c.name("tahun").is_some() {
                match dir.as_str() {
                    "lalu" | "kemarin" | "silam" => Rel::YearOffset(-1),
                    "depan" | "mendatang" => Rel::YearOffset(1),
                    _ => Rel::YearOffset(0),
                }
            } else {
                match dir.as_str() {
                    "lalu" | "kemarin" | "silam" => Rel::Last,
                    "depan" | "mendatang" => Rel::Next,
                    _ => Rel::This,
                }
            };
            push(out, s0, e0, Sem::Month { y: None, m, rel });
        }
        K::MonOnly => {
            let (Some(m), Some(pre), Some(mm)) =
                (g(c, "mon").and_then(month_of), g(c, "pre"), c.name("mon"))
            else {
                return;
            };
            if !capital(text, c, "mon") {
                return;
            }
            let p = pre.trim().trim_end_matches('-').to_lowercase();
            let (start, rel) = match p.as_str() {
                "bulan" | "awal" | "akhir" | "pertengahan" | "medio" | "early" | "late" | "mid" => {
                    (s0, Rel::Bare)
                }
                "last" => (s0, Rel::Last),
                "next" => (s0, Rel::Next),
                "this" => (s0, Rel::This),
                _ => (mm.start(), Rel::Bare),
            };
            // "may" as a modal verb: English "May" only after a preposition, capitalised (regex)
            push(out, start, e0, Sem::Month { y: None, m, rel });
        }
        K::ClockId | K::ClockZone | K::ClockEn => {
            let (h, mi) = if c.name("noon").is_some() {
                let w = g(c, "noon").unwrap_or("").to_lowercase();
                (if w == "noon" { 12 } else { 0 }, 0)
            } else {
                let Some(mut h) = gnum(c, "h") else { return };
                let mi = gnum(c, "mi").unwrap_or(0);
                if let Some(ap) = g(c, "ap") {
                    let ap = ap.to_ascii_lowercase();
                    if ap.starts_with('p') && h < 12 {
                        h += 12;
                    } else if ap.starts_with('a') && h == 12 {
                        h = 0;
                    }
                }
                if let Some(p) = g(c, "pod") {
                    let p = p.to_ascii_lowercase();
                    let evening = (p == "sore" || p == "malam") && (3..12).contains(&h);
                    if evening || (p == "siang" && h < 6) {
                        h += 12;
                    }
                }
                (h, mi)
            };
            if h > 24 || mi > 59 {
                return;
            }
            if kind == K::ClockId && c.name("mi").is_none() && g(c, "pod").is_none() {
                // "jam 10" is a time, "24 jam" is not matched here (the number follows)
                let w = m0.as_str().to_ascii_lowercase();
                if w.starts_with("jam") && h > 24 {
                    return;
                }
            }
            push(out, s0, e0, Sem::Clock { h: h % 24, m: mi });
        }
        K::Duration => {
            let Some(uw) = g(c, "u") else { return };
            let nw = g(c, "n").unwrap_or("");
            let n = number_of(nw);
            let vague = n.is_none();
            if vague
                && !matches!(
                    nw.to_lowercase().as_str(),
                    "beberapa" | "puluhan" | "ratusan" | "several" | "a few" | "few"
                )
            {
                return;
            }
            let uwl = uw.to_lowercase();
            let uwl = uwl.trim_end_matches('s');
            // "jam 10" is a clock; a number after "jam" is not a duration of the number before
            let (time_part, letter, mult) = match uwl {
                "detik" | "second" => (true, 'S', 1),
                "menit" | "minute" => (true, 'M', 1),
                "jam" | "hour" => (true, 'H', 1),
                "hari" | "day" => (false, 'D', 1),
                "pekan" | "minggu" | "week" => (false, 'W', 1),
                "bulan" | "month" => (false, 'M', 1),
                "tahun" | "year" => (false, 'Y', 1),
                "windu" => (false, 'Y', 8),
                "dekade" | "decade" => (false, 'Y', 10),
                "abad" | "century" | "centurie" => (false, 'Y', 100),
                _ => return,
            };
            // "Minggu" capitalised after a number is not a week ("3 Minggu" is rare)
            if orig(text, c, "u") == "Minggu" {
                return;
            }
            // a year number before "tahun" is not a count ("2019 tahun")
            if n.is_some_and(|n| n > 1000) {
                return;
            }
            let q = match n {
                Some(n) => (n * mult).to_string(),
                None => "X".to_string(),
            };
            let v = if time_part {
                format!("PT{q}{letter}")
            } else {
                format!("P{q}{letter}")
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Duration, v));
        }
        K::SeDuration => {
            let u = g(c, "u").unwrap_or("").to_lowercase();
            let v = match u.as_str() {
                "sedetik" => "PT1S",
                "semenit" => "PT1M",
                "sejam" => "PT1H",
                "sehari" => "P1D",
                "sepekan" | "seminggu" => "P1W",
                "sebulan" => "P1M",
                "setahun" => "P1Y",
                "sewindu" => "P8Y",
                "sedekade" => "P10Y",
                "seabad" => "P100Y",
                _ => return,
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Duration, v.to_string()));
        }
        K::VagueEn => {
            let Some(u) = c.name("u") else { return };
            let v = match u.as_str().to_lowercase().as_str() {
                "decades" => "PXDE",
                "years" => "PXY",
                "months" => "PXM",
                "weeks" => "PXW",
                "days" => "PXD",
                "hours" => "PTXH",
                _ => "PTXM",
            };
            push(
                out,
                u.start(),
                u.end(),
                Sem::Fixed(TimeType::Duration, v.to_string()),
            );
        }
        K::Redup => {
            let u = g(c, "u").unwrap_or("").to_lowercase();
            let v = if u.starts_with("berjam") {
                "PTXH"
            } else if u.starts_with("berhari") {
                "PXD"
            } else if u.starts_with("berminggu") || u.starts_with("berpekan") {
                "PXW"
            } else if u.starts_with("berbulan") {
                "PXM"
            } else if u.starts_with("bertahun") {
                "PXY"
            } else {
                "PXCE"
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Duration, v.to_string()));
        }
        K::SetId | K::SetEn => {
            let v = if let Some(wd) = wd_of(c) {
                format!("XXXX-WXX-{}", wd.number_from_monday())
            } else if let Some(a) = g(c, "adv") {
                match a.to_lowercase().as_str() {
                    "daily" => "P1D",
                    "weekly" => "P1W",
                    "monthly" => "P1M",
                    "hourly" => "PT1H",
                    _ => "P1Y",
                }
                .to_string()
            } else {
                match g(c, "u").map(|u| u.to_lowercase()).as_deref() {
                    Some("hari") | Some("day") => "P1D",
                    Some("pekan") | Some("minggu") | Some("week") => "P1W",
                    Some("bulan") | Some("month") => "P1M",
                    Some("jam") | Some("hour") => "PT1H",
                    _ => "P1Y",
                }
                .to_string()
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Set, v));
        }
        K::Refs => {
            let r = g(c, "r").unwrap_or("").to_lowercase();
            let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
            let v = match r.as_str() {
                "baru-baru ini" | "belakangan ini" | "recently" | "lately" | "masa lalu"
                | "in the past" => "PAST_REF",
                "masa depan" | "in the future" => "FUTURE_REF",
                _ => "PRESENT_REF",
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Date, v.to_string()));
        }
        K::Quarter => {
            let (k, q, y) = if let Some(q) = g(c, "q") {
                (g(c, "k").unwrap_or(""), q, g(c, "y"))
            } else {
                (
                    g(c, "k2").unwrap_or(""),
                    g(c, "q2").unwrap_or(""),
                    g(c, "y2"),
                )
            };
            let Some(qn) = roman(&q.to_lowercase()).or_else(|| roman(&q.to_uppercase())) else {
                return;
            };
            let kl = k.to_lowercase();
            let part: &'static str = match (kl.as_str(), qn) {
                ("semester" | "half" | "h", 1) => "H1",
                ("semester" | "half" | "h", 2) => "H2",
                ("caturwulan", 1) => "T1",
                ("caturwulan", 2) => "T2",
                ("caturwulan", 3) => "T3",
                ("kuartal" | "triwulan" | "quarter" | "q", 1) => "Q1",
                ("kuartal" | "triwulan" | "quarter" | "q", 2) => "Q2",
                ("kuartal" | "triwulan" | "quarter" | "q", 3) => "Q3",
                ("kuartal" | "triwulan" | "quarter" | "q", 4) => "Q4",
                _ => return,
            };
            // bare "Q1"/"H1" need a year; otherwise too ambiguous (H1 is also a visa, a tag)
            if (k == "q" || k == "h") && y.is_none() {
                return;
            }
            push(
                out,
                s0,
                e0,
                Sem::Part {
                    part,
                    y: y.and_then(|y| y.parse().ok()),
                },
            );
        }
    }
}

/// Time spent by each rule over `text` (rule index, nanoseconds, matches), for profiling.
#[doc(hidden)]
pub fn profile_rules(text: &str) -> Vec<(usize, u128, usize)> {
    let lc = text.to_ascii_lowercase();
    RULES
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let t = std::time::Instant::now();
            let n = r.re.find_iter(&lc).count();
            (i, t.elapsed().as_nanos(), n)
        })
        .collect()
}
