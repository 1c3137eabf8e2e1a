//! Token features of the tagger, hashed to 64-bit keys.
//!
//! Features are never materialised as strings: each is a template number and one to three
//! pieces of text fed to FNV-1a, so extracting ~45 features for a token costs a few hundred
//! nanoseconds and no allocation beyond the per-sentence buffers.
//!
//! What the templates look at (chosen for news): the word (as written and lower-cased),
//! its prefixes and suffixes (Indonesian affixes "me-", "-nya", "-kan"), its shape
//! ("Xx", "XX", "d.d"), neighbouring words and shapes within ±2, the capitalised run the
//! word sits in (how long, where in it, and the words right before and after it, which is
//! where titles — "Presiden", "Menteri Luar Negeri Australia" — and reporting verbs —
//! "kata", "ujar" — sit), title phrases from the title list ending right before, and
//! membership of the gazetteer with the entry's type.

use crate::lexicon::Lexicon;
use kabar_core::EntityType;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn h1(t: u8, a: &str) -> u64 {
    fnv(fnv(FNV_OFFSET, &[t]), a.as_bytes())
}

#[inline]
fn h2(t: u8, a: &str, b: &str) -> u64 {
    let h = fnv(fnv(FNV_OFFSET, &[t]), a.as_bytes());
    fnv(fnv(h, &[0x1f]), b.as_bytes())
}

#[inline]
fn h3(t: u8, a: &str, b: &str, c: &str) -> u64 {
    let h = h2(t, a, b);
    fnv(fnv(h, &[0x1f]), c.as_bytes())
}

/// Honorifics and academic/religious titles written before names.
const HONORIFICS: &[&str] = &[
    "bapak", "pak", "ibu", "bu", "mbak", "mas", "bung", "tuan", "nyonya", "nona", "saudara", "sdr",
    "dr", "drs", "prof", "ir", "h", "hj", "kh", "ustaz", "ustad", "ustadz", "kiai", "habib", "gus",
    "mr", "mrs", "ms", "sir", "dame", "lord", "haji", "hajah", "almarhum", "mendiang", "dokter",
    "sang", "si", "kak", "adik", "om", "tante",
];

/// Reporting verbs that follow a speaker ("…, kata Retno").
const REPORT_VERBS: &[&str] = &[
    "kata",
    "katanya",
    "ujar",
    "ujarnya",
    "tutur",
    "tuturnya",
    "ucap",
    "ucapnya",
    "ungkap",
    "ungkapnya",
    "jelas",
    "jelasnya",
    "tegas",
    "tegasnya",
    "imbuh",
    "imbuhnya",
    "tambah",
    "tambahnya",
    "sebut",
    "menurut",
    "mengatakan",
    "menyatakan",
    "menjelaskan",
    "menegaskan",
    "mengungkapkan",
    "menyebutkan",
    "menuturkan",
    "menambahkan",
    "bilang",
    "said",
    "says",
    "told",
    "added",
    "stated",
    "according",
];

/// Words that introduce places.
const PLACE_PREPS: &[&str] = &[
    "di",
    "ke",
    "dari",
    "menuju",
    "asal",
    "wilayah",
    "kota",
    "provinsi",
    "kabupaten",
    "negara",
    "kawasan",
    "daerah",
    "in",
    "at",
    "to",
    "from",
    "into",
    "across",
];

/// True for an honorific or academic/religious title written before names ("Pak",
/// "Drs", "Prof", "H").
pub fn is_honorific(low: &str) -> bool {
    let w = low.strip_suffix('.').unwrap_or(low);
    HONORIFICS.contains(&w) || matches!(w, "ki" | "nyi" | "raden" | "rm" | "kanjeng")
}

fn class_of(low: &str) -> &'static str {
    if REPORT_VERBS.contains(&low) {
        "rep"
    } else if HONORIFICS.contains(&low) {
        "hon"
    } else if PLACE_PREPS.contains(&low) {
        "prep"
    } else {
        ""
    }
}

/// Compressed word shape: upper → `X`, lower → `x`, digit → `d`, other chars kept; runs
/// of one class collapse to one char ("Jakarta" → "Xx", "COVID-19" → "X-d").
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Per-token facts computed once per sentence.
#[derive(Debug, Default, Clone)]
pub struct TokenInfo {
    /// Lower-cased word.
    pub low: String,
    /// Shape.
    pub shape: String,
    /// Starts with a capital.
    pub cap: bool,
    /// Gazetteer: type label and position ("GPE-B"), or "".
    pub gaz: &'static str,
    /// A title phrase ends at this token.
    pub title_end: bool,
    /// Capitalisation class from unlabelled text ([`WordStats`]), "" when unknown.
    pub capr: &'static str,
}

/// How often each word (lower-cased, hashed) is written with a capital in running text
/// when it does not start a sentence, counted over unlabelled news by `kabar-train-ner`
/// and stored in the model. A word that is capitalised in the middle of sentences is a
/// name; this tells the tagger so for sentence-initial words and for words the labelled
/// data never showed.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    /// Hashed lower-cased word → class (see [`WordStats::class`]).
    pub map: crate::model::IdMap<u32, u8>,
}

impl WordStats {
    /// The key of a word.
    pub fn key(low: &str) -> u32 {
        crate::model::key32(h1(200, low))
    }

    /// The class of capitalised count `cap` out of `total` mid-sentence occurrences:
    /// ratio bucket × 4 + frequency bucket.
    pub fn class(cap: u32, total: u32) -> u8 {
        let r = cap as f64 / total.max(1) as f64;
        let rb = if r < 0.05 {
            0
        } else if r < 0.4 {
            1
        } else if r < 0.9 {
            2
        } else {
            3
        };
        let fb = match total {
            0..=4 => 0,
            5..=19 => 1,
            20..=99 => 2,
            _ => 3,
        };
        rb * 4 + fb
    }

    fn label(&self, low: &str) -> &'static str {
        const NAMES: [&str; 16] = [
            "l0", "l1", "l2", "l3", "m0", "m1", "m2", "m3", "u0", "u1", "u2", "u3", "c0", "c1",
            "c2", "c3",
        ];
        match self.map.get(&Self::key(low)) {
            Some(&c) => NAMES.get(c as usize).copied().unwrap_or(""),
            None => "",
        }
    }
}

fn gaz_label(kind: EntityType, begin: bool) -> &'static str {
    match (kind, begin) {
        (EntityType::Per, true) => "PER-B",
        (EntityType::Per, false) => "PER-I",
        (EntityType::Org, true) => "ORG-B",
        (EntityType::Org, false) => "ORG-I",
        (EntityType::Gpe, true) => "GPE-B",
        (EntityType::Gpe, false) => "GPE-I",
        (EntityType::Loc, true) => "LOC-B",
        (EntityType::Loc, false) => "LOC-I",
    }
}

/// Computes the [`TokenInfo`] of every token of a sentence.
/// `folded` are the tokens through [`crate::lexicon::fold`].
pub fn token_infos(
    tokens: &[&str],
    folded: &[String],
    lex: &Lexicon,
    stats: &WordStats,
) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|w| {
            let low = w.to_lowercase();
            TokenInfo {
                capr: stats.label(&low),
                low,
                shape: shape(w),
                cap: is_cap(w),
                gaz: "",
                title_end: false,
            }
        })
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        if infos[i].cap {
            if let Some((e, v)) = lex.names.longest_at(tokens, folded, i) {
                if let Some(entry) = lex.entries.get(v as usize) {
                    for (k, info) in infos.iter_mut().enumerate().take(e).skip(i) {
                        info.gaz = gaz_label(entry.kind, k == i);
                    }
                    i = e;
                    continue;
                }
            }
        }
        i += 1;
    }
    for i in 0..tokens.len() {
        if let Some((e, _)) = lex.title_phrases.longest_at(tokens, folded, i) {
            infos[e - 1].title_end = true;
        }
    }
    infos
}

fn char_prefix(s: &str, n: usize) -> Option<&str> {
    let mut it = s.char_indices();
    let end = it.nth(n).map(|(b, _)| b);
    match end {
        Some(b) => Some(&s[..b]),
        None if s.chars().count() == n => Some(s),
        None => None,
    }
}

fn char_suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count < n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(b, _)| b).unwrap_or(0);
    Some(&s[start..])
}

/// Appends the hashed features of token `i` to `out`.
pub fn features(tokens: &[&str], infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let n = tokens.len();
    let t = &infos[i];
    let low = t.low.as_str();
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then(|| &infos[j as usize])
    };
    let lw = |k: isize| at(k).map_or(if k < 0 { "<s>" } else { "</s>" }, |x| x.low.as_str());
    let sh = |k: isize| at(k).map_or("#", |x| x.shape.as_str());

    out.push(h1(0, ""));
    out.push(h1(1, low));
    out.push(h1(2, tokens[i]));
    for k in 1..=4 {
        if let Some(p) = char_prefix(low, k) {
            out.push(h1(3 + k as u8, p));
        }
        if let Some(s) = char_suffix(low, k) {
            out.push(h1(8 + k as u8, s));
        }
    }
    out.push(h1(13, &t.shape));
    out.push(h2(14, &t.shape, if i == 0 { "first" } else { "" }));
    out.push(h1(15, lw(-1)));
    out.push(h1(16, lw(-2)));
    out.push(h1(17, lw(1)));
    out.push(h1(18, lw(2)));
    out.push(h2(19, lw(-1), low));
    out.push(h2(20, low, lw(1)));
    out.push(h3(21, sh(-1), &t.shape, sh(1)));
    out.push(h2(22, sh(-1), &t.shape));
    out.push(h2(23, &t.shape, sh(1)));
    out.push(h2(24, lw(-1), &t.shape));
    out.push(h2(25, &t.shape, lw(1)));
    // gazetteer
    out.push(h1(26, t.gaz));
    out.push(h1(27, at(-1).map_or("<s>", |x| x.gaz)));
    out.push(h1(28, at(1).map_or("</s>", |x| x.gaz)));
    out.push(h2(29, t.gaz, &t.shape));
    // title phrase right before
    let prev_title = at(-1).is_some_and(|x| x.title_end);
    out.push(h2(30, if prev_title { "T" } else { "" }, &t.shape));
    // capitalised run around the token
    if t.cap {
        // runs are cut at gazetteer entries: "Indonesia | Kenji Kanasugi"
        let joined = |k: usize| -> bool {
            // true when token k continues the run of token k-1
            let (a, b) = (&infos[k - 1], &infos[k]);
            b.cap && !b.gaz.ends_with("-B") && (a.gaz.is_empty() || b.gaz.ends_with("-I"))
        };
        let mut s = i;
        while s > 0 && joined(s) {
            s -= 1;
        }
        let mut e = i + 1;
        while e < n && joined(e) {
            e += 1;
        }
        let len = (e - s).min(5);
        let pos = if e - s == 1 {
            "S"
        } else if i == s {
            "B"
        } else if i + 1 == e {
            "E"
        } else {
            "I"
        };
        let before = if s == 0 {
            "<s>"
        } else {
            infos[s - 1].low.as_str()
        };
        let after = if e == n {
            "</s>"
        } else {
            infos[e].low.as_str()
        };
        let lenstr = [b'0' + len as u8];
        let lenstr = std::str::from_utf8(&lenstr).unwrap_or("0");
        out.push(h2(31, pos, lenstr));
        out.push(h2(32, before, pos));
        out.push(h2(33, after, pos));
        out.push(h2(34, class_of(before), pos));
        out.push(h2(35, class_of(after), pos));
        let title_before = s > 0 && infos[s - 1].title_end;
        // a title inside the run: "Menteri Luar Negeri Australia Penny Wong"
        let title_in_run = (s..i).any(|k| infos[k].title_end);
        out.push(h3(
            36,
            if title_before { "T" } else { "" },
            if title_in_run { "R" } else { "" },
            pos,
        ));
        out.push(h2(37, if s == 0 { "first" } else { "" }, pos));
    } else {
        out.push(h1(38, class_of(low)));
    }
    out.push(h2(39, class_of(lw(-1)), &t.shape));
    out.push(h2(40, class_of(lw(1)), &t.shape));
    // capitalisation habits of the word and its neighbours in unlabelled news
    let cr = |k: isize| at(k).map_or("#", |x| x.capr);
    out.push(h2(41, t.capr, &t.shape));
    out.push(h3(42, t.capr, &t.shape, if i == 0 { "first" } else { "" }));
    out.push(h2(43, cr(-1), t.capr));
    out.push(h2(44, t.capr, cr(1)));
    out.push(h3(45, cr(-1), t.capr, cr(1)));
}
