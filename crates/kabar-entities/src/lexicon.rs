//! The curated gazetteer and alias lexicon (data/lexicon/*.tsv) and the role titles
//! (data/titles.tsv), embedded in the binary and parsed once.
//!
//! Matching works on *folded* keys: ASCII-folded (deunicode), lower-cased, every run of
//! characters that is not a letter or digit turned into one space. So "Ban Ki-moon",
//! "Ban Ki Moon" and "BAN KI-MOON" share the key `ban ki moon`. Short all-caps aliases
//! (three letters or fewer: "AS", "RI", "US", "MA") would collide with common words ("as",
//! "us", "ma") and therefore match only in capitals, exactly as written.

use kabar_core::{entity_id, EntityType};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (the rustc hasher): the phrase maps are probed for every token, and SipHash's
/// DoS resistance buys nothing for a fixed, embedded key set.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
use std::sync::OnceLock;

/// Folds a string into a lexicon key (see the module docs).
///
/// ```
/// assert_eq!(kabar_entities::lexicon::fold("Ban Ki-moon"), "ban ki moon");
/// assert_eq!(kabar_entities::lexicon::fold(" Côte d'Ivoire "), "cote d ivoire");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let push = |c: char, out: &mut String| {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    if s.is_ascii() {
        for c in s.chars() {
            push(c, &mut out);
        }
    } else {
        for c in s.chars() {
            if c.is_ascii() {
                push(c, &mut out);
            } else if c.is_alphanumeric() {
                let d = deunicode::deunicode_char(c).unwrap_or("");
                if d.is_empty() {
                    // letters deunicode cannot transliterate stay themselves (lower-cased)
                    for l in c.to_lowercase() {
                        out.push(l);
                    }
                } else {
                    for dc in d.chars() {
                        push(dc, &mut out);
                    }
                }
            } else {
                push(' ', &mut out);
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True for an alias that must match case-sensitively: all capitals, at most 3 letters.
fn is_short_caps(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphanumeric()).collect();
    !letters.is_empty()
        && letters.len() <= 3
        && letters.iter().all(|c| !c.is_lowercase())
        && letters.iter().any(|c| c.is_uppercase())
}

/// A map from phrases (token sequences) to values, matched by folded keys, with the
/// longest match at a position found token by token.
#[derive(Debug, Default)]
pub struct PhraseMap<T> {
    folded: HashMap<String, T, FxBuild>,
    exact: HashMap<String, T, FxBuild>,
    prefixes: HashSet<String, FxBuild>,
    max_tokens: usize,
}

impl<T: Copy> PhraseMap<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        if is_short_caps(phrase) {
            self.exact.entry(phrase.to_string()).or_insert(value);
            return;
        }
        // The extractor folds a possessive token to its base ("People's" → "people"), so a
        // name with a possessive inside is also kept in that form.
        let bare: Vec<&str> = phrase
            .split_whitespace()
            .map(|w| {
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w)
            })
            .collect();
        if bare.len() > 1 && bare.join(" ") != phrase {
            self.insert_folded(&bare.join(" "), value);
        }
        self.insert_folded(phrase, value);
    }

    fn insert_folded(&mut self, phrase: &str, value: T) {
        let key = fold(phrase);
        if key.is_empty() {
            return;
        }
        let n = key.split(' ').count();
        self.max_tokens = self.max_tokens.max(n);
        let mut acc = String::new();
        for (i, w) in key.split(' ').enumerate() {
            if i > 0 {
                acc.push(' ');
            }
            acc.push_str(w);
            self.prefixes.insert(acc.clone());
        }
        self.folded.entry(key).or_insert(value);
    }

    /// The value of a whole phrase (a surface form), if the map has it.
    pub fn get(&self, phrase: &str) -> Option<T> {
        let phrase = phrase.trim();
        if let Some(v) = self.exact.get(phrase) {
            return Some(*v);
        }
        if is_short_caps(phrase) {
            return None;
        }
        self.folded.get(&fold(phrase)).copied()
    }

    /// The longest phrase starting at token `i`: `(end_token_exclusive, value)`.
    /// `raw` are the tokens as written, `folded` the same tokens through [`fold`].
    /// Tokens that fold to nothing (punctuation) may sit inside a phrase but never start
    /// or end one.
    pub fn longest_at(&self, raw: &[&str], folded: &[String], i: usize) -> Option<(usize, T)> {
        let first = folded.get(i)?;
        if first.is_empty() {
            return None;
        }
        let mut best = self.exact.get(raw[i]).map(|v| (i + 1, *v));
        let mut key = String::with_capacity(32);
        let mut words = 0usize;
        let limit = (i + self.max_tokens * 2 + 1).min(folded.len());
        for (j, f) in folded.iter().enumerate().take(limit).skip(i) {
            if f.is_empty() {
                continue;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(f);
            words += f.split(' ').count();
            if words > self.max_tokens || !self.prefixes.contains(&key) {
                break;
            }
            if let Some(v) = self.folded.get(&key) {
                if best.is_none_or(|(e, _)| j + 1 > e) {
                    best = Some((j + 1, *v));
                }
            }
        }
        best
    }
}

/// One canonical entity of the lexicon.
#[derive(Debug, Clone)]
pub struct LexEntry {
    /// Type.
    pub kind: EntityType,
    /// Canonical name ("Tiongkok").
    pub name: String,
    /// `kabar_core::entity_id` of the canonical name.
    pub id: String,
}

/// A role title of the title list.
#[derive(Debug, Clone)]
pub struct Title {
    /// Canonical title ("Menteri Luar Negeri").
    pub name: String,
    /// Index of the lexicon entry the title implies ("Kapolri" → Polri), if any.
    pub implied_of: Option<u32>,
}

/// The gazetteer, alias lexicon and title list.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Canonical entries.
    pub entries: Vec<LexEntry>,
    /// Names and aliases → entry index.
    pub names: PhraseMap<u32>,
    /// Demonyms ("Australian") → entry index (used for roles only).
    pub adjectives: PhraseMap<u32>,
    /// Titles.
    pub titles: Vec<Title>,
    /// Title phrases → title index.
    pub title_phrases: PhraseMap<u32>,
}

const LEXICON_FILES: &[(&str, &str)] = &[
    (
        "countries.tsv",
        include_str!("../data/lexicon/countries.tsv"),
    ),
    ("capitals.tsv", include_str!("../data/lexicon/capitals.tsv")),
    (
        "indonesia.tsv",
        include_str!("../data/lexicon/indonesia.tsv"),
    ),
    (
        "organisations.tsv",
        include_str!("../data/lexicon/organisations.tsv"),
    ),
    ("persons.tsv", include_str!("../data/lexicon/persons.tsv")),
];
const TITLES: &str = include_str!("../data/titles.tsv");

impl Lexicon {
    /// The embedded lexicon, parsed once per process.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = Lexicon::default();
            for (_, text) in LEXICON_FILES {
                lex.add_entities(text);
            }
            lex.add_titles(TITLES);
            lex
        })
    }

    /// Adds entity lines (`TYPE<TAB>canonical<TAB>aliases<TAB>adjectives`); malformed lines
    /// are skipped.
    pub fn add_entities(&mut self, text: &str) {
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(name)) = (
                cols.first().and_then(|t| EntityType::from_label(t.trim())),
                cols.get(1).map(|s| s.trim()).filter(|s| !s.is_empty()),
            ) else {
                continue;
            };
            let idx = self.entries.len() as u32;
            self.entries.push(LexEntry {
                kind,
                name: name.to_string(),
                id: entity_id(kind, name),
            });
            self.names.insert(name, idx);
            for a in cols.get(2).unwrap_or(&"").split('|') {
                self.names.insert(a, idx);
            }
            for a in cols.get(3).unwrap_or(&"").split('|') {
                self.adjectives.insert(a, idx);
            }
        }
    }

    /// Adds title lines (`canonical<TAB>variants<TAB>implied`).
    pub fn add_titles(&mut self, text: &str) {
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let Some(name) = cols.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else {
                continue;
            };
            let implied_of = cols
                .get(2)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .and_then(|s| self.names.get(s));
            let idx = self.titles.len() as u32;
            self.titles.push(Title {
                name: name.to_string(),
                implied_of,
            });
            self.title_phrases.insert(name, idx);
            for v in cols.get(1).unwrap_or(&"").split('|') {
                self.title_phrases.insert(v, idx);
            }
        }
    }

    /// The entry of a surface form, if the lexicon knows it.
    pub fn lookup(&self, surface: &str) -> Option<&LexEntry> {
        self.names
            .get(surface)
            .and_then(|i| self.entries.get(i as usize))
    }

    /// The entry a demonym ("Australian") points at.
    pub fn adjective(&self, surface: &str) -> Option<&LexEntry> {
        self.adjectives
            .get(surface)
            .and_then(|i| self.entries.get(i as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_variants() {
        let lex = Lexicon::embedded();
        let jabar = lex.lookup("Jabar").unwrap();
        assert_eq!(jabar.name, "Jawa Barat");
        assert_eq!(lex.lookup("jawa  barat").unwrap().id, jabar.id);
        assert_eq!(lex.lookup("China").unwrap().name, "Tiongkok");
        assert_eq!(
            lex.lookup("Republik Rakyat Tiongkok").unwrap().name,
            "Tiongkok"
        );
        assert_eq!(lex.lookup("AS").unwrap().name, "Amerika Serikat");
        assert_eq!(lex.lookup("United States").unwrap().name, "Amerika Serikat");
        // short capitals only match in capitals
        assert!(lex.lookup("as").is_none());
        assert!(lex.lookup("us").is_none());
        assert_eq!(lex.lookup("Ban Ki Moon").unwrap().name, "Ban Ki-moon");
        assert_eq!(lex.adjective("Australian").unwrap().name, "Australia");
    }

    #[test]
    fn longest_match() {
        let lex = Lexicon::embedded();
        let raw = [
            "Presiden", "Republik", "Rakyat", "Tiongkok", ",", "AS", "dan", "Korea", "Selatan",
        ];
        let f: Vec<String> = raw.iter().map(|t| fold(t)).collect();
        let (e, v) = lex.names.longest_at(&raw, &f, 1).unwrap();
        assert_eq!((e, lex.entries[v as usize].name.as_str()), (4, "Tiongkok"));
        let (e, v) = lex.names.longest_at(&raw, &f, 5).unwrap();
        assert_eq!(
            (e, lex.entries[v as usize].name.as_str()),
            (6, "Amerika Serikat")
        );
        let (e, v) = lex.names.longest_at(&raw, &f, 7).unwrap();
        assert_eq!(
            (e, lex.entries[v as usize].name.as_str()),
            (9, "Korea Selatan")
        );
        assert!(lex.names.longest_at(&raw, &f, 6).is_none());
        let (_, t) = lex.title_phrases.longest_at(&raw, &f, 0).unwrap();
        assert_eq!(lex.titles[t as usize].name, "Presiden");
    }
}
