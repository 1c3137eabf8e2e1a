//! Token features of the tagger, hashed to 64-bit keys.
//!
//! Features are never materialised as strings. A token's text is looked at once, when its
//! [`WordInfo`] is computed: the lower-cased word, its shape, its capitalisation habit and
//! its word clusters become integers, and the *word-local* features (the word, its
//! affixes, shape, cluster) are hashed then. The tagger caches both per distinct token
//! (see [`crate::Tagger`]), so for a word seen before only the *context* features are
//! built — integer mixes of those ids, a few nanoseconds each.
//!
//! What the templates look at (chosen for news): the word (as written and lower-cased),
//! its prefixes and suffixes (Indonesian affixes "me-", "-nya", "-kan"), its shape
//! ("Xx", "XX", "d.d"), its word cluster learned from unlabelled news
//! ([`crate::clusters`]), neighbouring words, shapes and clusters within ±2, the
//! capitalised run the word sits in (how long, where in it, and the words right before and
//! after it, which is where titles — "Presiden", "Menteri Luar Negeri Australia" — and
//! reporting verbs — "kata", "ujar" — sit), title phrases from the title list ending right
//! before, and membership of the gazetteer with the entry's type.

use crate::lexicon::Lexicon;
use kabar_core::EntityType;
use std::collections::HashSet;
use std::sync::OnceLock;

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

/// FNV-1a of a string, the id of a word as written.
#[inline]
pub fn word_hash(w: &str) -> u64 {
    fnv(FNV_OFFSET, w.as_bytes())
}

/// SplitMix64's finaliser.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Feature of template `t` over one id.
#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(a ^ t.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(f1(t, a).wrapping_add(b))
}

#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(f2(t, a, b).wrapping_add(c))
}

/// Ids of the sentence boundaries and of a missing neighbour.
const BOS: u64 = 0x5bd1_e995_0000_0001;
const EOS: u64 = 0x5bd1_e995_0000_0002;

/// A word list of `data/lang/*/`: one lower-case word per line (the first tab-separated
/// column; later columns are flags for other readers), `#` comments.
fn list(texts: &[&'static str]) -> HashSet<&'static str> {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn honorifics() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        list(&[
            include_str!("../data/lang/id/honorifics.txt"),
            include_str!("../data/lang/en/honorifics.txt"),
        ])
    })
}

fn report_verbs() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        list(&[
            include_str!("../data/lang/id/report-verbs.txt"),
            include_str!("../data/lang/en/report-verbs.txt"),
        ])
    })
}

fn place_preps() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| {
        list(&[
            include_str!("../data/lang/id/place-preps.txt"),
            include_str!("../data/lang/en/place-preps.txt"),
        ])
    })
}

/// True for an honorific or academic/religious title written before names ("Pak",
/// "Drs", "Prof", "H"), from `data/lang/{id,en}/honorifics.txt`.
pub fn is_honorific(low: &str) -> bool {
    let w = low.strip_suffix('.').unwrap_or(low);
    honorifics().contains(w)
}

/// True for a reporting verb ("kata", "ujar", "said"), from
/// `data/lang/{id,en}/report-verbs.txt`.
pub(crate) fn is_report_verb(low: &str) -> bool {
    report_verbs().contains(low)
}

/// The byte length of a reporting verb glued to the end of a word by a missing space
/// ("Ariefmengatakan" → 10), when the verb is a long one (8 letters or more: "mengatakan",
/// "menjelaskan"; short ones such as "kata" end ordinary words) and at least three letters
/// stand before it.
pub(crate) fn glued_report_verb(word: &str) -> Option<usize> {
    let low = word.to_lowercase();
    report_verbs()
        .iter()
        .filter(|v| v.len() >= 8 && v.is_ascii())
        .filter(|v| low.len() >= v.len() + 3 && low.ends_with(*v))
        .filter(|v| low[..low.len() - v.len()].chars().all(char::is_alphabetic))
        .map(|v| v.len())
        .max()
}

/// True for a word that introduces places ("di", "ke", "kota"), from
/// `data/lang/{id,en}/place-preps.txt`.
pub(crate) fn is_place_prep(low: &str) -> bool {
    place_preps().contains(low)
}

/// Word class: 1 reporting verb, 2 honorific, 3 place preposition, 0 other.
fn class_of(low: &str) -> u8 {
    if report_verbs().contains(low) {
        1
    } else if honorifics().contains(low) {
        2
    } else if place_preps().contains(low) {
        3
    } else {
        0
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

/// What the tagger knows of a word regardless of where it stands, as integers.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordInfo {
    /// Hash of the lower-cased word.
    pub low: u64,
    /// Hash of the shape.
    pub shape: u64,
    /// Starts with a capital.
    pub cap: bool,
    /// Capitalisation class + 1 from unlabelled text ([`WordStats`]), 0 when unknown.
    pub capr: u8,
    /// Word class (reporting verb, honorific, place preposition).
    pub class: u8,
    /// Fine word cluster + 1, 0 when unknown.
    pub cl: u16,
    /// Coarse word cluster + 1, 0 when unknown.
    pub clc: u16,
}

/// Per-token facts of a sentence: the word's and the gazetteer's.
#[derive(Debug, Default, Clone, Copy)]
pub struct TokenInfo {
    /// The word.
    pub w: WordInfo,
    /// Gazetteer: 0 none, else 1 + 2 × type + (0 begin, 1 inside).
    pub gaz: u8,
    /// A title phrase ends at this token.
    pub title_end: bool,
}

/// How often each word (lower-cased, hashed) is written with a capital in running text
/// when it does not start a sentence, counted over unlabelled news by `kabar-train-ner`
/// and stored in the model; and the word's clusters ([`crate::clusters`]). A word that is
/// capitalised in the middle of sentences is a name; this tells the tagger so for
/// sentence-initial words and for words the labelled data never showed.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    /// Hashed lower-cased word → class (see [`WordStats::class`]).
    pub map: crate::model::IdMap<u32, u8>,
    /// Hashed lower-cased word → fine cluster + 1 (low 16 bits) and coarse + 1 (high).
    pub clusters: crate::model::IdMap<u32, u32>,
}

impl WordStats {
    /// The key of a word.
    pub fn key(low: &str) -> u32 {
        crate::model::key32(fnv(fnv(FNV_OFFSET, &[200]), low.as_bytes()))
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

    /// Adds word clusters.
    pub fn add_clusters(&mut self, clusters: &[crate::clusters::WordCluster]) {
        for c in clusters {
            let v = (c.fine as u32 + 1) | ((c.coarse as u32 + 1) << 16);
            self.clusters.insert(Self::key(&c.word), v);
        }
    }
}

fn gaz_code(kind: EntityType, begin: bool) -> u8 {
    let t = match kind {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Gpe => 2,
        EntityType::Loc => 3,
    };
    1 + 2 * t + u8::from(!begin)
}

/// True when a gazetteer code marks the first token of an entry.
fn gaz_begin(g: u8) -> bool {
    g != 0 && (g - 1) & 1 == 0
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

/// The [`WordInfo`] of a token, and its word-local features appended to `out`.
pub fn word_info(word: &str, stats: &WordStats, out: &mut Vec<u64>) -> WordInfo {
    let low = word.to_lowercase();
    let key = WordStats::key(&low);
    let capr = stats.map.get(&key).map_or(0, |&c| c + 1);
    let cls = stats.clusters.get(&key).copied().unwrap_or(0);
    let sh = shape(word);
    let info = WordInfo {
        low: word_hash(&low),
        shape: word_hash(&sh),
        cap: word.chars().next().is_some_and(|c| c.is_uppercase()),
        capr,
        class: class_of(&low),
        cl: (cls & 0xffff) as u16,
        clc: (cls >> 16) as u16,
    };
    out.push(f1(0, 0));
    out.push(f1(1, info.low));
    out.push(f1(2, word_hash(word)));
    for k in 1..=4u64 {
        if let Some(p) = char_prefix(&low, k as usize) {
            out.push(f1(3 + k, word_hash(p)));
        }
        if let Some(s) = char_suffix(&low, k as usize) {
            out.push(f1(8 + k, word_hash(s)));
        }
    }
    out.push(f1(13, info.shape));
    out.push(f2(41, info.capr as u64, info.shape));
    if !info.cap {
        out.push(f1(38, info.class as u64));
    }
    if info.cl != 0 {
        out.push(f1(50, info.cl as u64));
        out.push(f1(51, info.clc as u64));
        out.push(f2(52, info.cl as u64, info.shape));
    } else {
        out.push(f2(53, info.cap as u64, info.shape));
    }
    info
}

/// Fills the gazetteer and title facts of a sentence whose [`TokenInfo::w`] are set.
/// `folded` are the tokens through [`crate::lexicon::fold`].
pub fn sentence_infos(tokens: &[&str], folded: &[String], lex: &Lexicon, infos: &mut [TokenInfo]) {
    let mut i = 0;
    while i < tokens.len() {
        if infos[i].w.cap {
            if let Some((e, v)) = lex.names.longest_at(tokens, folded, i) {
                if let Some(entry) = lex.entries.get(v as usize) {
                    for (k, info) in infos.iter_mut().enumerate().take(e).skip(i) {
                        info.gaz = gaz_code(entry.kind, k == i);
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
}

/// Appends the context features of token `i` to `out` (the word-local ones come from
/// [`word_info`]).
pub fn context_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let n = infos.len();
    let t = &infos[i].w;
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        (j >= 0 && (j as usize) < n).then(|| &infos[j as usize])
    };
    let edge = |k: isize| if k < 0 { BOS } else { EOS };
    let lw = |k: isize| at(k).map_or(edge(k), |x| x.w.low);
    let sh = |k: isize| at(k).map_or(edge(k), |x| x.w.shape);
    let cl = |k: isize| at(k).map_or(edge(k), |x| x.w.cl as u64);
    let clc = |k: isize| at(k).map_or(edge(k), |x| x.w.clc as u64);
    let first = u64::from(i == 0);

    out.push(f2(14, t.shape, first));
    out.push(f1(15, lw(-1)));
    out.push(f1(16, lw(-2)));
    out.push(f1(17, lw(1)));
    out.push(f1(18, lw(2)));
    out.push(f2(19, lw(-1), t.low));
    out.push(f2(20, t.low, lw(1)));
    out.push(f3(21, sh(-1), t.shape, sh(1)));
    out.push(f2(22, sh(-1), t.shape));
    out.push(f2(23, t.shape, sh(1)));
    out.push(f2(24, lw(-1), t.shape));
    out.push(f2(25, t.shape, lw(1)));
    // gazetteer
    let g = infos[i].gaz as u64;
    out.push(f1(26, g));
    out.push(f1(27, at(-1).map_or(BOS, |x| x.gaz as u64)));
    out.push(f1(28, at(1).map_or(EOS, |x| x.gaz as u64)));
    out.push(f2(29, g, t.shape));
    // title phrase right before
    let prev_title = at(-1).is_some_and(|x| x.title_end);
    out.push(f2(30, prev_title as u64, t.shape));
    if t.cap {
        run_features(infos, i, out);
    }
    let class = |k: isize| at(k).map_or(edge(k), |x| x.w.class as u64);
    out.push(f2(39, class(-1), t.shape));
    out.push(f2(40, class(1), t.shape));
    // capitalisation habits of the word and its neighbours in unlabelled news
    let cr = |k: isize| at(k).map_or(edge(k), |x| x.w.capr as u64);
    out.push(f3(42, t.capr as u64, t.shape, first));
    out.push(f2(43, cr(-1), t.capr as u64));
    out.push(f2(44, t.capr as u64, cr(1)));
    out.push(f3(45, cr(-1), t.capr as u64, cr(1)));
    // word clusters of the neighbours
    out.push(f1(60, cl(-1)));
    out.push(f1(61, cl(1)));
    out.push(f2(62, cl(-1), t.cl as u64));
    out.push(f2(63, t.cl as u64, cl(1)));
    out.push(f1(64, clc(-2)));
    out.push(f1(65, clc(2)));
    out.push(f3(66, clc(-1), t.clc as u64, clc(1)));
    out.push(f2(67, cl(-1), t.shape));
    out.push(f2(68, t.shape, cl(1)));
}

/// Features of the capitalised run around a capitalised token `i`.
fn run_features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let n = infos.len();
    // runs are cut at gazetteer entries: "Indonesia | Kenji Kanasugi"
    let joined = |k: usize| -> bool {
        // true when token k continues the run of token k-1
        let (a, b) = (&infos[k - 1], &infos[k]);
        b.w.cap && !gaz_begin(b.gaz) && (a.gaz == 0 || (b.gaz != 0 && !gaz_begin(b.gaz)))
    };
    let mut s = i;
    while s > 0 && joined(s) {
        s -= 1;
    }
    let mut e = i + 1;
    while e < n && joined(e) {
        e += 1;
    }
    let len = (e - s).min(5) as u64;
    let pos: u64 = if e - s == 1 {
        1
    } else if i == s {
        2
    } else if i + 1 == e {
        3
    } else {
        4
    };
    let before = (s > 0).then(|| &infos[s - 1].w);
    let after = (e < n).then(|| &infos[e].w);
    out.push(f2(31, pos, len));
    out.push(f2(32, before.map_or(BOS, |x| x.low), pos));
    out.push(f2(33, after.map_or(EOS, |x| x.low), pos));
    out.push(f2(34, before.map_or(BOS, |x| x.class as u64), pos));
    out.push(f2(35, after.map_or(EOS, |x| x.class as u64), pos));
    let title_before = s > 0 && infos[s - 1].title_end;
    // a title inside the run: "Menteri Luar Negeri Australia Penny Wong"
    let title_in_run = (s..i).any(|k| infos[k].title_end);
    out.push(f3(36, title_before as u64, title_in_run as u64, pos));
    out.push(f2(37, u64::from(s == 0), pos));
    out.push(f2(70, before.map_or(BOS, |x| x.cl as u64), pos));
    out.push(f2(71, after.map_or(EOS, |x| x.cl as u64), pos));
}
