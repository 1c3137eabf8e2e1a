//! The extractor's word lists, each kept once as a data file (`data/lang/id/*.txt`,
//! `data/non_entities.tsv`, `data/outlets.tsv`), embedded and parsed once.

use crate::lexicon::fold;
use kabar_core::EntityType;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const HONORIFICS: &str = include_str!("../data/lang/id/honorifics.txt");
const NAME_PARTICLES: &str = include_str!("../data/lang/id/name_particles.txt");
const RANK_WORDS: &str = include_str!("../data/lang/id/rank_words.txt");
const LEGAL_FORMS: &str = include_str!("../data/lang/id/legal_forms.txt");
const ORG_WORDS: &str = include_str!("../data/lang/id/org_words.txt");
const PLACE_HEADS: &str = include_str!("../data/lang/id/place_heads.txt");
const SENTENCE_OPENERS: &str = include_str!("../data/lang/id/sentence_openers.txt");
const DEGREES: &str = include_str!("../data/lang/id/degrees.txt");
const INTERJECTIONS: &str = include_str!("../data/lang/id/interjections.txt");
const FORMER_WORDS: &str = include_str!("../data/lang/id/former_words.txt");
const COUNTRY_QUALIFIERS: &str = include_str!("../data/lang/id/country_qualifiers.txt");
const STATE_BODIES: &str = include_str!("../data/lang/id/state_bodies.txt");
const TYPE_ENDS: &str = include_str!("../data/lang/id/type_ends.tsv");
const PRODUCT_CUES: &str = include_str!("../data/lang/id/product_cues.txt");
const ORG_CUES: &str = include_str!("../data/lang/id/org_cues.txt");
const NOUN_AFFIXES: &str = include_str!("../data/lang/id/noun_affixes.tsv");
const UNIT_HEADS: &str = include_str!("../data/lang/id/unit_heads.txt");
const ROLE_WORDS: &str = include_str!("../data/lang/id/role_words.tsv");
const SOURCE_PREPS: &str = include_str!("../data/lang/id/source_preps.txt");
const NON_ENTITIES: &str = include_str!("../data/non_entities.tsv");
const OUTLETS: &str = include_str!("../data/outlets.tsv");

/// Rows of a list file: comment (`#`) and blank lines skipped, columns split at tabs.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A phrase list matched on folded text, as a whole or as a word prefix.
#[derive(Debug, Default)]
pub struct PhraseList {
    whole: HashSet<String>,
    prefix: Vec<String>,
    start: Vec<String>,
    last: Vec<String>,
}

impl PhraseList {
    fn parse(text: &str) -> PhraseList {
        let mut out = PhraseList::default();
        for r in rows(text) {
            let key = fold(r[0]);
            if key.is_empty() {
                continue;
            }
            match r.get(1).copied() {
                Some("prefix") => out.prefix.push(key),
                Some("start") => out.start.push(key),
                Some("last") => out.last.push(key),
                _ => {
                    out.whole.insert(key);
                }
            }
        }
        out
    }

    /// True when folded `f` is a listed phrase, or a listed prefix phrase starts at one of
    /// its words ("Tarif PPh Pasal 22", "Samsung Galaxy S25").
    /// `start` phrases match only at the first word ("MotoGP Prancis"), `last` phrases only
    /// at the end ("Basal Metabolic Rate").
    pub fn matches_words(&self, f: &str) -> bool {
        if self.whole.contains(f) {
            return true;
        }
        let at_word_end = |rest: &str| rest.is_empty() || rest.starts_with(' ');
        if self
            .start
            .iter()
            .any(|p| f.strip_prefix(p.as_str()).is_some_and(at_word_end))
        {
            return true;
        }
        if self.last.iter().any(|p| {
            f.strip_suffix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        }) {
            return true;
        }
        let starts = std::iter::once(0).chain(f.match_indices(' ').map(|(i, _)| i + 1));
        starts.into_iter().any(|i| {
            self.prefix.iter().any(|p| {
                f[i..]
                    .strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
        })
    }

    /// True when folded `f` is a listed phrase or starts with a listed prefix anywhere
    /// (brand names glued to a section: "detikinet").
    pub fn matches_glued(&self, f: &str) -> bool {
        self.whole.contains(f) || self.prefix.iter().any(|p| f.starts_with(p.as_str()))
    }
}

/// Every word list of the extractor.
#[derive(Debug, Default)]
pub struct Words {
    /// Honorifics stripped from the front of person mentions.
    pub honorifics: HashSet<String>,
    /// Reporting words before any kind of source ("menurut"): no person evidence.
    pub source_preps: HashSet<String>,
    /// Honorifics that are often part of how a person is named ("Gus Dur").
    pub honorifics_part: HashSet<String>,
    /// Lower-case words that belong inside personal names ("da", "van", "bin").
    pub name_particles: HashSet<String>,
    /// Grade words of ranks ("Madya", "Pertama").
    pub rank_words: HashSet<String>,
    /// Company legal forms ("PT", "Tbk", "Persero").
    pub legal_forms: HashSet<String>,
    /// Words that mark organisations and never start a person's name ("Racing", "Tbk").
    pub org_words: HashSet<String>,
    /// First words of a site or geographic feature (LOC): "Gunung", "Sirkuit".
    pub place_heads: HashSet<String>,
    /// Words that open sentences and are never the start of a name ("Alhasil").
    pub sentence_openers: HashSet<String>,
    /// Capitalised phrases that are no entity (holidays, weather, taxes, laws).
    pub non_entities: PhraseList,
    /// Academic and professional degrees, folded without dots ("msc", "subsp").
    pub degrees: HashSet<String>,
    /// The degrees that are also written without dots ("Subsp", "PhD").
    pub degrees_bare: HashSet<String>,
    /// Interjections opening quoted speech ("Aduh", "Waduh").
    pub interjections: HashSet<String>,
    /// Words that mark a post as held in the past ("mantan", "former").
    pub former_words: HashSet<String>,
    /// Outlets' own brand and section names (boilerplate).
    pub outlets: PhraseList,
    /// Qualifiers naming Indonesia after an organisation ("RI"), folded, with `true` when
    /// they may be cut after any short name or state body (`any`), `false` only after a
    /// ministry ("Indonesia").
    pub country_qualifiers: Vec<(String, bool)>,
    /// First words of state bodies' names ("kementerian", "badan").
    pub state_bodies: HashSet<String>,
    /// Those of ministries ("kementerian", "kemenko").
    pub ministries: HashSet<String>,
    /// Words before a name that make it a product, a work's title or a label of an app's
    /// screen, not a person or place ("game Free Fire", "tap Add DANA").
    pub product_cues: HashSet<String>,
    /// Those that make the name a work's title, whatever its tagged type ("game", "lagu").
    pub title_cues: HashSet<String>,
    /// Words of app labels, cues only as a name's own first word ("Add DANA").
    pub label_starts: HashSet<String>,
    /// Words right after a name that make it a pathogen or a work, no entity of any type
    /// ("Bundibugyo virus"; `after` rows of `product_cues.txt`).
    pub after_cues: HashSet<String>,
    /// Phrases right before a name that make it an organisation ("perusahaan",
    /// "raksasa teknologi", "pabrikan"; `org_cues.txt`), folded words.
    pub org_cues: Vec<Vec<String>>,
    /// Affixes of derived or possessed common nouns: (prefix, suffix, shortest length)
    /// (`noun_affixes.tsv`).
    pub noun_affixes: Vec<(String, String, usize)>,
    /// Regional units that take their region's name after them ("Polda Metro Jaya",
    /// "Kejaksaan Tinggi Jawa Timur"; `unit_heads.txt`), folded words.
    pub unit_heads: Vec<Vec<String>>,
    /// Tokens that may stand between a title and its person or country ("untuk", "of";
    /// `glue` rows of `role_words.tsv`), folded.
    pub role_glue: HashSet<String>,
    /// Numbers of a post between its title and the person ("pertama"; `ordinal` rows).
    pub post_ordinals: HashSet<String>,
    /// Canonical titles that take the portfolio after them ("Menteri", "Kepala";
    /// `generic` rows), as written.
    pub generic_titles: HashSet<String>,
    /// Words before a title in an apposition ("selaku", "mantan"; `appos` rows), folded.
    pub appos_lead: HashSet<String>,
    /// Words that give a name its type when they start it ("universitas" → ORG).
    pub type_first: HashMap<String, EntityType>,
    /// Words that give a name its type when they end it ("racing" → ORG, "stadium" → LOC).
    pub type_last: HashMap<String, EntityType>,
}

/// Which kind of name a country qualifier was cut from (see
/// [`Words::strip_country_qualifier`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unqualified {
    /// The name without the qualifier, as written.
    pub base: String,
    /// The qualifier may be cut here without the lexicon's word: after a state body's
    /// name ("Badan Gizi Nasional RI") or a one-word short name ("KPU RI") for `any`
    /// qualifiers, after a ministry's ("Kementerian Agama Indonesia") for the others.
    pub by_shape: bool,
}

/// The `where` rows of `type_ends.tsv`: word → type (ORG unless the row says LOC).
fn type_words(text: &str, place: &str) -> HashMap<String, EntityType> {
    rows(text)
        .filter(|r| r.get(1) == Some(&place))
        .map(|r| {
            let kind = match r.get(2) {
                Some(&"LOC") => EntityType::Loc,
                _ => EntityType::Org,
            };
            (fold(r[0]), kind)
        })
        .collect()
}

/// The words of one class of a `word<TAB>class` file; folded unless `raw`.
fn class(text: &str, name: &str, raw: bool) -> HashSet<String> {
    rows(text)
        .filter(|r| r.get(1) == Some(&name))
        .map(|r| if raw { r[0].to_string() } else { fold(r[0]) })
        .collect()
}

fn set(text: &str) -> HashSet<String> {
    rows(text).map(|r| fold(r[0])).collect()
}

impl Words {
    /// The embedded lists, parsed once per process.
    pub fn embedded() -> &'static Words {
        static W: OnceLock<Words> = OnceLock::new();
        W.get_or_init(|| Words {
            source_preps: set(SOURCE_PREPS),
            honorifics: set(HONORIFICS),
            honorifics_part: rows(HONORIFICS)
                .filter(|r| r.get(1) == Some(&"part"))
                .map(|r| fold(r[0]))
                .collect(),
            name_particles: set(NAME_PARTICLES),
            rank_words: set(RANK_WORDS),
            legal_forms: set(LEGAL_FORMS),
            org_words: set(ORG_WORDS),
            place_heads: set(PLACE_HEADS),
            role_glue: class(ROLE_WORDS, "glue", false),
            post_ordinals: class(ROLE_WORDS, "ordinal", false),
            generic_titles: class(ROLE_WORDS, "generic", true),
            appos_lead: class(ROLE_WORDS, "appos", false),
            sentence_openers: set(SENTENCE_OPENERS),
            non_entities: PhraseList::parse(NON_ENTITIES),
            degrees: set(DEGREES),
            degrees_bare: rows(DEGREES)
                .filter(|r| r.get(1) == Some(&"bare"))
                .map(|r| fold(r[0]))
                .collect(),
            interjections: set(INTERJECTIONS),
            former_words: set(FORMER_WORDS),
            outlets: PhraseList::parse(OUTLETS),
            country_qualifiers: rows(COUNTRY_QUALIFIERS)
                .map(|r| (fold(r[0]), r.get(1) == Some(&"any")))
                .collect(),
            state_bodies: set(STATE_BODIES),
            ministries: rows(STATE_BODIES)
                .filter(|r| r.get(1) == Some(&"ministry"))
                .map(|r| fold(r[0]))
                .collect(),
            product_cues: rows(PRODUCT_CUES)
                .filter(|r| r.get(1) != Some(&"own") && r.get(1) != Some(&"after"))
                .map(|r| fold(r[0]))
                .collect(),
            label_starts: rows(PRODUCT_CUES)
                .filter(|r| r.get(1) == Some(&"own"))
                .map(|r| fold(r[0]))
                .collect(),
            after_cues: rows(PRODUCT_CUES)
                .filter(|r| r.get(1) == Some(&"after"))
                .map(|r| fold(r[0]))
                .collect(),
            org_cues: rows(ORG_CUES)
                .map(|r| r[0].split_whitespace().map(fold).collect::<Vec<_>>())
                .filter(|p| !p.is_empty())
                .collect(),
            noun_affixes: rows(NOUN_AFFIXES)
                .filter(|r| r.len() >= 3)
                .map(|r| (fold(r[0]), fold(r[1]), r[2].parse().unwrap_or(usize::MAX)))
                .collect(),
            unit_heads: rows(UNIT_HEADS)
                .map(|r| r[0].split_whitespace().map(fold).collect::<Vec<_>>())
                .filter(|p| !p.is_empty())
                .collect(),
            type_first: type_words(TYPE_ENDS, "first"),
            type_last: type_words(TYPE_ENDS, "last"),
            title_cues: rows(PRODUCT_CUES)
                .filter(|r| r.get(1) == Some(&"title"))
                .map(|r| fold(r[0]))
                .collect(),
        })
    }

    /// True when a word has the shape of a derived or possessed common noun
    /// (`noun_affixes.tsv`: "Kegagalan", "Manajernya"), which never starts a person's name.
    pub fn is_derived_noun(&self, word: &str) -> bool {
        let w = fold(word);
        let n = w.chars().count();
        w.chars().all(char::is_alphabetic)
            && self.noun_affixes.iter().any(|(pre, suf, min)| {
                n >= *min && w.starts_with(pre.as_str()) && w.ends_with(suf.as_str())
            })
    }

    /// The honorifics file's words, for the tagger's features (one list for both).
    pub fn honorific_list() -> &'static HashSet<String> {
        &Words::embedded().honorifics
    }

    /// True when a mention's text is no entity of Kabar's types: a listed holiday,
    /// weather phenomenon, tax or law, an outlet's own name, or legal-form words alone.
    /// Also a mention that starts with a degree ("M.ScIH", "Subsp Respi": a degree and its
    /// field; names come before their degrees) and interjections alone ("Aduh").
    pub fn is_non_entity(&self, surface: &str) -> bool {
        let f = fold(surface);
        if f.is_empty() {
            return true;
        }
        self.non_entities.matches_words(&f)
            || self.outlets.matches_glued(&f)
            || f.split(' ').all(|w| self.legal_forms.contains(w))
            || surface
                .split_whitespace()
                .next()
                .is_some_and(|w| self.is_degree(w))
            || f.split(' ').all(|w| self.interjections.contains(w))
    }

    /// True when a word is an academic or professional degree: a listed one written with
    /// dots ("S.H.", "M.Sc"), a listed `bare` one ("Subsp", "PhD"), a dotted word of short
    /// segments with a lower-case letter ("M.Kes", "S.Kom", "M.ScIH", "Sp.A(K)"), or a
    /// specialist degree glued to its field ("SpJP", "SpOG", "Subsp.KV"). All-capital dotted
    /// initials ("J.K.", "A.S.") are not degrees by shape.
    pub fn is_degree(&self, word: &str) -> bool {
        let w = word.trim_end_matches([',', ';']);
        let w = w.strip_suffix("(K)").unwrap_or(w);
        let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')'));
        let plain: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if plain.is_empty() {
            return false;
        }
        let dotted = w.contains('.');
        if self.degrees_bare.contains(&plain) || (dotted && self.degrees.contains(&plain)) {
            return true;
        }
        for head in ["Subsp", "Sp"] {
            if let Some(rest) = w.strip_prefix(head) {
                let rest = rest.trim_start_matches('.');
                if rest.chars().next().is_some_and(char::is_uppercase)
                    && rest.chars().count() <= 6
                    && rest.chars().all(|c| c.is_alphabetic() || c == '.')
                {
                    return true;
                }
            }
        }
        let segs: Vec<&str> = w.split('.').filter(|s| !s.is_empty()).collect();
        segs.len() >= 2
            && segs
                .iter()
                .all(|s| s.chars().count() <= 4 && s.chars().all(char::is_alphabetic))
            && w.chars().any(char::is_lowercase)
            && w.chars().next().is_some_and(char::is_uppercase)
    }

    /// An organisation's name without a country qualifier at its end ("Kementerian
    /// Kesehatan RI" → "Kementerian Kesehatan", "Kemenkes Republik Indonesia" → "Kemenkes"),
    /// or None when it has none or nothing would remain. Whether the base is then the same
    /// organisation is the caller's decision (the lexicon knows it, or
    /// [`Unqualified::by_shape`]).
    pub fn strip_country_qualifier(&self, name: &str) -> Option<Unqualified> {
        let words: Vec<&str> = name.split_whitespace().collect();
        for (q, any) in &self.country_qualifiers {
            let n = q.split(' ').count();
            if words.len() <= n {
                continue;
            }
            let tail = fold(&words[words.len() - n..].join(" "));
            if &tail != q {
                continue;
            }
            let base = words[..words.len() - n]
                .join(" ")
                .trim_end_matches([',', '-'])
                .trim()
                .to_string();
            if !base.chars().any(char::is_alphabetic) {
                return None;
            }
            let first = fold(base.split(' ').next().unwrap_or(""));
            let by_shape = if *any {
                self.state_bodies.contains(&first) || !base.contains(' ')
            } else {
                self.ministries.contains(&first)
            };
            return Some(Unqualified { base, by_shape });
        }
        None
    }

    /// True when `word` (any case) is a word that makes an organisation when it ends a
    /// name ("Healthcare", "Group", "Tbk"; `type_ends.tsv`).
    pub fn is_org_end(&self, word: &str) -> bool {
        self.type_last.get(&fold(word)) == Some(&EntityType::Org)
    }

    /// True when a word inside the name (neither first nor last) is one that ends an
    /// organisation's name: "Mayapada Hospital Kuningan", "Astra Group Indonesia" are a
    /// branch or arm of the organisation, not a place.
    pub fn org_word_inside(&self, surface: &str) -> bool {
        let words: Vec<&str> = surface.split_whitespace().collect();
        words.len() >= 3 && words[1..words.len() - 1].iter().any(|w| self.is_org_end(w))
    }

    /// The type a name of two words or more has by its first or last word
    /// (`data/lang/id/type_ends.tsv`: "Leopard Racing", "Universitas X" → ORG, "Selhurst
    /// Park" → LOC); the last word decides when both do.
    pub fn type_by_words(&self, surface: &str) -> Option<EntityType> {
        let words: Vec<String> = surface.split_whitespace().map(fold).collect();
        if words.len() < 2 {
            return None;
        }
        self.type_last
            .get(&words[words.len() - 1])
            .or_else(|| self.type_first.get(&words[0]))
            .copied()
    }

    /// A company name without its legal forms ("PT Bank Central Asia Tbk" → "Bank Central
    /// Asia", "PT Pertamina (Persero)" → "Pertamina"), or None when nothing changes or
    /// nothing would remain.
    pub fn strip_legal_forms(&self, name: &str) -> Option<String> {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .collect();
        let keep: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !self.legal_forms.contains(&fold(w)))
            .collect();
        if keep.len() == words.len() || keep.is_empty() {
            return None;
        }
        let out = keep.join(" ");
        let out = out.trim_matches(|c: char| c == ',' || c.is_whitespace());
        (!out.is_empty() && out.chars().any(|c| c.is_alphabetic())).then(|| out.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_match() {
        let w = Words::embedded();
        assert!(w.honorifics.contains("pak") && w.honorifics.contains("ustadz"));
        assert!(w.honorifics_part.contains("gus") && !w.honorifics_part.contains("pak"));
        assert!(w.name_particles.contains("van"));
        assert!(w.is_non_entity("Idul Adha"));
        assert!(w.is_non_entity("El Nino-Osilasi"));
        assert!(w.is_non_entity("PPh Pasal 22"));
        assert!(w.is_non_entity("detikINET"));
        assert!(w.is_non_entity("Persero) Tbk"));
        assert!(!w.is_non_entity("Bank Indonesia"));
        assert!(
            !w.is_non_entity("Natalius Pigai"),
            "phrases match whole words"
        );
        assert_eq!(
            w.strip_legal_forms("PT Bank Central Asia Tbk").as_deref(),
            Some("Bank Central Asia")
        );
        assert_eq!(
            w.strip_legal_forms("PT Pertamina (Persero)").as_deref(),
            Some("Pertamina")
        );
        assert_eq!(w.strip_legal_forms("Bank Mandiri"), None);
        for d in [
            "M.ScIH", "Subsp", "M.Kes", "S.H.", "SpJP", "Sp.A(K)", "PhD", "Subsp.KV",
        ] {
            assert!(w.is_degree(d), "{d} is a degree");
            assert!(w.is_non_entity(d), "{d} alone is no entity");
        }
        for n in ["Ma", "J.K.", "Rowling", "Spanyol", "Sparta", "SH"] {
            assert!(!w.is_degree(n), "{n} is no degree");
        }
        assert!(w.is_non_entity("Aduh") && w.is_non_entity("Waduh"));
        assert!(w.is_non_entity("Subsp Respi"));
        assert!(
            !w.is_non_entity("Budi Santoso M.Kes"),
            "degrees after a name are cut, not dropped"
        );
        assert!(w.is_non_entity("Basal Metabolic Rate"));
        assert!(w.is_non_entity("MotoGP Prancis"));
        assert!(
            !w.is_non_entity("Gresini Racing MotoGP"),
            "start phrases only at the start"
        );
        assert!(!w.is_non_entity("Komite Olimpiade Internasional"));
        assert!(!w.is_non_entity("Rater"), "last phrases match whole words");
        for o in [
            "Leopard Racing",
            "Mulia Industrindo",
            "Universitas Airlangga",
            "Evos Esports",
        ] {
            assert_eq!(w.type_by_words(o), Some(EntityType::Org), "{o}");
        }
        assert_eq!(w.type_by_words("Selhurst Park"), Some(EntityType::Loc));
        for n in ["Racing", "Tim Cook", "Budi Santoso", "Racing Point Budi"] {
            assert_eq!(w.type_by_words(n), None, "{n} has no type by its words");
        }
    }
}
