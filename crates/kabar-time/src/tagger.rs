//! Recognition: hand-written rules (one regex each) that propose candidate expressions
//! with a structured meaning ([`Sem`]); overlapping candidates are resolved longest-first.
//!
//! No Rust crate tags Indonesian temporal expressions (HeidelTime's Indonesian resources
//! are Java and were generated automatically; date-parser crates read one date string, not
//! running text), so the rules are written here on `regex`, with `chrono` for the calendar.

use crate::rules::{handle, Hit, RULES};
use chrono::Weekday;
use kabar_core::{Lang, TimeType};
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
    /// "sejak Juni": on or before the anchor's month.
    NotAfter,
    /// "pengiriman Januari" (a futures contract): on or after the anchor's month.
    NotBefore,
    /// The next month of a list ("Oktober, November, dan Desember"): the first such month
    /// on or after the month named before it.
    AfterPrevious,
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
    /// A quarter or half ("Q1", "H2") of a year maybe unknown, else `yoff` years from the
    /// anchor's ("kuartal ketiga tahun ini").
    Part {
        part: &'static str,
        y: Option<i32>,
        yoff: i32,
    },
    /// A season (`WI`, `SU`, `SP`, `FA`) of the anchor's year.
    Season(&'static str),
    /// `n` units from the anchor (`from_ref`: from the last date mentioned instead).
    Offset { unit: Unit, n: i64, from_ref: bool },
    /// The whole unit `n` units from the reference time's (`bulan sebelumnya`, `tahun
    /// berikutnya`): a month or a year, never a day.
    RefUnit { unit: Unit, n: i64 },
    /// A weekend `n` weeks from the anchor's.
    Weekend(i64),
    /// A weekday without a date.
    Weekday { wd: Weekday, rel: Rel },
    /// A clock time, on the date of the context.
    Clock { h: u32, m: u32 },
    /// `minutes` from the last clock time the text gave (`15 menit kemudian`); without one,
    /// the DURATION `dur` it counts.
    ClockOffset { minutes: i64, dur: String },
}

/// A candidate expression: byte span, meaning, part of day if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// TimeML part of day (`MO`, `MI`, `AF`, `EV`, `NI`) when one goes with the date.
    pub pod: Option<&'static str>,
    /// A clock time that goes with the date ("Minggu (4/5/2025) pukul 06.18 WIB").
    pub clock: Option<(u32, u32)>,
    /// TimeML `mod` (`START`, `END`, `APPROX`…) from a word before the expression.
    pub modifier: Option<&'static str>,
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

/// Whether byte `pos` of `full` is inside a direct quotation opened in its paragraph
/// (an odd number of straight quotes before it, or a curly opening quote not yet closed).
pub(crate) fn in_quote(full: &str, pos: usize) -> bool {
    let Some(before) = full.get(..pos) else {
        return false;
    };
    let para = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let straight = para.matches('"').count() % 2 == 1;
    let curly = para
        .rfind('“')
        .is_some_and(|o| para.rfind('”').is_none_or(|c| c < o));
    straight || curly
}

/// The sentence (start, end) containing byte `pos`.
pub(crate) fn sentence_of(starts: &[usize], text_len: usize, pos: usize) -> (usize, usize) {
    let i = starts.partition_point(|&s| s <= pos).saturating_sub(1);
    let s = starts.get(i).copied().unwrap_or(0);
    let e = starts.get(i + 1).copied().unwrap_or(text_len);
    (s, e)
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
                let h = Hit {
                    c: &c,
                    text,
                    full: text,
                    base: 0,
                    starts,
                    lang,
                };
                handle(rule.kind, &h, &mut out);
            }
            continue;
        }
        for (ws, we) in merge_windows(lc, &mut windows[ri]) {
            let before = out.len();
            let (Some(sl), Some(orig_sl)) = (lc.get(ws..we), text.get(ws..we)) else {
                continue;
            };
            for c in rule.re.captures_iter(sl) {
                let h = Hit {
                    c: &c,
                    text: orig_sl,
                    full: text,
                    base: ws,
                    starts,
                    lang,
                };
                handle(rule.kind, &h, &mut out);
            }
            for cand in &mut out[before..] {
                cand.start += ws;
                cand.end += ws;
            }
        }
    }
    let mut kept = keep_longest(out);
    for c in kept.iter_mut() {
        crate::compose::extend(text, c);
    }
    crate::compose::merge(text, drop_swallowed(kept))
}

/// Resolves overlapping candidates: longest first, then earliest; returns them in text
/// order.
fn keep_longest(mut out: Vec<Cand>) -> Vec<Cand> {
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
    kept
}

/// A day widened over its part of day ("Selasa dini hari") swallows the part's own
/// candidate ("dini hari").
fn drop_swallowed(kept: Vec<Cand>) -> Vec<Cand> {
    let mut widened: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        match widened.last() {
            Some(p) if p.start <= c.start && c.end <= p.end => continue,
            Some(p) if c.start <= p.start && p.end <= c.end => {
                widened.pop();
            }
            _ => {}
        }
        widened.push(c);
    }
    widened
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
            rule.keys.clone()
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
