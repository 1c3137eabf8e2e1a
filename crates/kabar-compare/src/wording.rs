//! Word choice: how each outlet names the same entity and the same act.
//!
//! Outlets that report one happening differ in their words as much as in their facts:
//! one writes "Tiongkok", another "China"; one calls an act "serangan", another
//! "operasi". Following the word-choice and labelling line of research (Hamborg et al.),
//! a [`Wording`] lists, for one entity or one merged act, the words each outlet used, and
//! is reported only when outlets chose different words.
//!
//! Rules (docs/compare.md "Word choice"):
//!
//! - Entities are grouped by their store ID (short names already resolved into the full
//!   name's entity; a stored redirect is followed), acts by the timeline's act identity.
//! - Forms are compared case-insensitively, without accents, dots or hyphens ("U.S." is
//!   "US", "San José" is "San Jose"), with spaces collapsed.
//! - Outlets are compared only with outlets of the same language: "Jawa Barat" and "West
//!   Java" are translations, not choices.
//! - Spellings are one name, not choices: a part of another form ("Prabowo", "Prabowo
//!   Subianto"); initials ("KKP", "Kementerian Kelautan dan Perikanan"; "UN Security
//!   Council", "United Nations Security Council"; two multi-word forms with the same
//!   initials); a syllable abbreviation ("Kemenlu", "Jabar"); the same words in another
//!   order ("Finance Ministry", "Ministry of Finance"); the same stems
//!   ("penandatanganan", "menandatangani"); words one letter apart when both have five
//!   letters or more ("Wolfe", "Wolff"); one line of `data/same_names.tsv` ("U.S.",
//!   "America").
//! - Sameness is closed over the event's forms: "Jones" and "Maurice Drew" are one name
//!   when some outlet writes "Maurice Jones-Drew".
//! - Each outlet's choice is its most used form; a row is reported when two outlets
//!   each avoid the other's choice. An outlet that uses both forms ("Jabar" and "Jawa
//!   Barat") has made no different choice from one that uses either.
//! - A near-copy keeps its own words, so a copied wording sides with its original.

use crate::{SpanRef, Wording, WordingOutlet, WordingTerm};
use kabar_core::Lang;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// How many spans are kept per term and outlet (the rest are counted).
const MAX_SPANS: usize = 3;

/// One use of a word or name by an outlet.
#[derive(Debug, Clone)]
pub(crate) struct Use {
    /// What the words refer to: an entity ID or an act key.
    pub key: String,
    /// The outlet.
    pub outlet: String,
    /// Language code of the article.
    pub lang: String,
    /// The words as written.
    pub surface: String,
    /// Where.
    pub span: SpanRef,
}

/// The comparison form of a surface: lower case, accents folded, dots and apostrophes
/// dropped, hyphens and other punctuation as spaces, spaces collapsed.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let folded: String = if c.is_ascii() {
            c.to_string()
        } else {
            deunicode::deunicode_char(c).unwrap_or("").to_string()
        };
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                out.push(f.to_ascii_lowercase());
            } else if f == '.' || f == '\'' {
                // "U.S." is "US"
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    out.trim_end().to_string()
}

/// The letters a form abbreviates to: each word's first letter, a short capitalised word
/// (an acronym such as "UN") whole, short lower-case function words ("of", "dan")
/// skipped. "UN Security Council" and "United Nations Security Council" are both "unsc".
fn signature(surface: &str) -> String {
    let mut sig = String::new();
    for w in surface.split(|c: char| c.is_whitespace() || c == '-') {
        let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
        let n = w.chars().count();
        if n == 0 {
            continue;
        }
        if n <= 5 && w.chars().all(|c| c.is_uppercase()) {
            sig.push_str(&norm(&w));
        } else if n <= 3 && w.chars().all(|c| c.is_lowercase()) {
            continue;
        } else {
            sig.push_str(&norm(&w.chars().take(1).collect::<String>()));
        }
    }
    sig
}

/// Two words are one: equal, or one letter apart when both have five letters or more.
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && strsim::levenshtein(a, b) <= 1)
}

/// True when the words of `short` occur in order, as whole words, inside `long`.
fn is_part_of(short: &str, long: &str) -> bool {
    if short == long {
        return true;
    }
    let mut it = long.split(' ');
    short.split(' ').all(|w| it.any(|x| same_word(w, x)))
}

/// Is `abbr` (one word) made of the beginnings of `full`'s words in order, starting with
/// its first word and using at least two ("kemenlu": kemen-terian lu-ar negeri;
/// "jabar": ja-wa bar-at)?
fn is_syllable_abbreviation(abbr: &str, full: &str) -> bool {
    fn go(rest: &str, words: &[&str], used: usize) -> bool {
        if rest.is_empty() {
            return used >= 2;
        }
        let Some((w, tail)) = words.split_first() else {
            return false;
        };
        // take a beginning of this word …
        let common = rest
            .chars()
            .zip(w.chars())
            .take_while(|(a, b)| a == b)
            .count();
        (1..=common).rev().any(|k| {
            let cut = rest.char_indices().nth(k).map_or(rest.len(), |(i, _)| i);
            go(&rest[cut..], tail, used + 1)
        }) || (used > 0 && go(rest, tail, used)) // … or skip it (not the first)
    }
    let words: Vec<&str> = full.split(' ').collect();
    !abbr.contains(' ') && abbr.chars().count() >= 4 && words.len() >= 2 && go(abbr, &words, 0)
}

/// The same content words in any order ("finance ministry", "ministry of finance").
fn same_bag(a: &str, b: &str) -> bool {
    fn bag(x: &str) -> Vec<&str> {
        let mut v: Vec<&str> = x.split(' ').filter(|w| w.len() > 2).collect();
        v.sort_unstable();
        v
    }
    a.contains(' ') && bag(a) == bag(b)
}

/// The groups of `data/same_names.tsv`: folded form → group number.
fn house_style() -> &'static HashMap<String, usize> {
    static GROUPS: OnceLock<HashMap<String, usize>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        include_str!("../data/same_names.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .enumerate()
            .flat_map(|(g, l)| l.split('|').map(move |f| (norm(f), g)))
            .collect()
    })
}

/// One form of an outlet: as first written, how often, where, and its [`signature`].
struct Term {
    shown: String,
    count: usize,
    spans: Vec<SpanRef>,
    sig: String,
}

/// Terms of one outlet for one key, by normalised form.
type Terms = BTreeMap<String, Term>;

/// Groups the uses by (kind key, language) and reports the groups where an outlet chose
/// words no other outlet of its language used. `label` names the key for people.
pub(crate) fn word_choices(
    kind: &str,
    uses: &[Use],
    label: &dyn Fn(&str) -> String,
) -> Vec<Wording> {
    // (key, lang) → outlet → terms
    let mut groups: BTreeMap<(String, String), BTreeMap<String, Terms>> = BTreeMap::new();
    for u in uses {
        let n = norm(&u.surface);
        if n.is_empty() {
            continue;
        }
        let terms = groups
            .entry((u.key.clone(), u.lang.clone()))
            .or_default()
            .entry(u.outlet.clone())
            .or_default();
        let t = terms.entry(n).or_insert_with(|| Term {
            shown: u.surface.split_whitespace().collect::<Vec<_>>().join(" "),
            count: 0,
            spans: Vec::new(),
            sig: signature(&u.surface),
        });
        t.count += 1;
        if t.spans.len() < MAX_SPANS && !t.spans.contains(&u.span) {
            t.spans.push(u.span.clone());
        }
    }
    let mut out = Vec::new();
    for ((key, lang), by_outlet) in groups {
        if by_outlet.len() < 2 || !has_distinct_choice(&by_outlet, &lang) {
            continue;
        }
        let outlets = by_outlet
            .into_iter()
            .map(|(outlet, terms)| {
                let mut terms: Vec<WordingTerm> = terms
                    .into_values()
                    .map(|t| WordingTerm {
                        term: t.shown,
                        count: t.count,
                        spans: t.spans,
                    })
                    .collect();
                terms.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
                WordingOutlet { outlet, terms }
            })
            .collect();
        out.push(Wording {
            kind: kind.to_string(),
            about: label(&key),
            key,
            lang,
            outlets,
        });
    }
    out
}

/// The words of a form by their stems ("penandatanganan" → "tandatangan").
fn stems(form: &str, lang: &str) -> String {
    let lang = match lang {
        "id" => Lang::Id,
        "en" => Lang::En,
        _ => Lang::Unknown,
    };
    form.split(' ')
        .map(|w| kabar_text::stem(w, lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A distinct form of a group, with what [`same_name`] compares, computed once.
struct Form<'a> {
    norm: &'a str,
    sig: &'a str,
    stems: String,
}

/// Are two forms the same name (see the module docs)?
fn same_name(a: &Form<'_>, b: &Form<'_>) -> bool {
    let acronym = |x: &str, y: &str| x.len() >= 2 && y.starts_with(x) && y.len() <= x.len() + 1;
    let style = house_style();
    let (na, nb) = (a.norm, b.norm);
    is_part_of(na, nb)
        || is_part_of(nb, na)
        || acronym(a.sig, b.sig)
        || acronym(b.sig, a.sig)
        || same_bag(na, nb)
        || is_syllable_abbreviation(na, nb)
        || is_syllable_abbreviation(nb, na)
        || matches!((style.get(na), style.get(nb)), (Some(x), Some(y)) if x == y)
        || is_part_of(&a.stems, &b.stems)
        || is_part_of(&b.stems, &a.stems)
}

/// Do two outlets choose different words? Forms are joined into names (the closure of
/// [`same_name`] over every form of the group); each outlet's choice is the name of its
/// most used form (ties: the alphabetically first). Two outlets differ when neither uses
/// any form of the other's choice.
fn has_distinct_choice(by_outlet: &BTreeMap<String, Terms>, lang: &str) -> bool {
    let forms: Vec<Form<'_>> = {
        let mut f: Vec<(&str, &str)> = by_outlet
            .values()
            .flat_map(|t| t.iter().map(|(k, v)| (k.as_str(), v.sig.as_str())))
            .collect();
        f.sort();
        f.dedup();
        f.into_iter()
            .map(|(norm, sig)| Form {
                norm,
                sig,
                stems: stems(norm, lang),
            })
            .collect()
    };
    // the first form of each spelling stands for it
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, f) in forms.iter().enumerate() {
        index.entry(f.norm).or_insert(i);
    }
    // union-find over the forms
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..forms.len() {
        for j in i + 1..forms.len() {
            if same_name(&forms[i], &forms[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let name_of =
        |p: &mut Vec<usize>, f: &String| root(p, index.get(f.as_str()).copied().unwrap_or(0));
    let mut outlets: Vec<(usize, Vec<usize>)> = Vec::new();
    for t in by_outlet.values() {
        let Some(choice) = t
            .iter()
            .max_by(|a, b| a.1.count.cmp(&b.1.count).then(b.0.cmp(a.0)))
            .map(|(k, _)| k)
        else {
            continue;
        };
        let c = name_of(&mut parent, choice);
        let names = t.keys().map(|k| name_of(&mut parent, k)).collect();
        outlets.push((c, names));
    }
    outlets.iter().enumerate().any(|(i, (ca, na))| {
        outlets[i + 1..]
            .iter()
            .any(|(cb, nb)| !nb.contains(ca) && !na.contains(cb))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(key: &str, outlet: &str, lang: &str, surface: &str, at: usize) -> Use {
        Use {
            key: key.into(),
            outlet: outlet.into(),
            lang: lang.into(),
            surface: surface.into(),
            span: SpanRef {
                article: format!("a:{outlet}"),
                start: at,
                end: at + surface.chars().count(),
            },
        }
    }

    fn name(k: &str) -> String {
        k.to_uppercase()
    }

    #[test]
    fn another_name_for_one_entity_is_a_choice() {
        let uses = [
            u("gpe:tiongkok", "A", "id", "Tiongkok", 0),
            u("gpe:tiongkok", "A", "id", "Tiongkok", 40),
            u("gpe:tiongkok", "B", "id", "China", 3),
        ];
        let w = word_choices("entity", &uses, &name);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].about, "GPE:TIONGKOK");
        assert_eq!(w[0].outlets.len(), 2);
        let a = &w[0].outlets[0];
        assert_eq!((a.outlet.as_str(), a.terms[0].count), ("A", 2));
        assert_eq!(a.terms[0].spans.len(), 2);
        assert_eq!(w[0].outlets[1].terms[0].term, "China");
    }

    #[test]
    fn abbreviations_word_order_and_house_style_are_spellings() {
        let uses = [
            u("a", "A", "id", "Kementerian Luar Negeri", 0),
            u("a", "B", "id", "Kemenlu", 0),
            u("b", "A", "id", "Jawa Barat", 0),
            u("b", "B", "id", "Jabar", 0),
            u("c", "A", "en", "Finance Ministry", 0),
            u("c", "B", "en", "Ministry of Finance", 0),
            u("d", "A", "en", "America", 0),
            u("d", "B", "en", "U.S.", 0),
            u("d", "C", "en", "USA", 0),
            u("e", "A", "en", "Jones", 0),
            u("e", "B", "en", "Maurice Drew", 0),
            u("e", "C", "en", "Maurice Jones-Drew", 0),
        ];
        let w = word_choices("entity", &uses, &name);
        assert!(w.is_empty(), "{w:#?}");
        assert!(is_syllable_abbreviation(
            "polri",
            "polisi republik indonesia"
        ));
        assert!(!is_syllable_abbreviation("jakarta", "jawa barat"));
        assert!(!is_syllable_abbreviation("kemenlu", "luar negeri"));
    }

    #[test]
    fn a_shortened_name_or_another_case_is_no_choice() {
        let uses = [
            u("per:p", "A", "id", "Prabowo Subianto", 0),
            u("per:p", "A", "id", "Prabowo", 30),
            u("per:p", "B", "id", "prabowo", 0),
            u("per:p", "C", "id", "Presiden  Prabowo Subianto", 0),
        ];
        assert!(word_choices("entity", &uses, &name).is_empty());
    }

    #[test]
    fn translations_are_not_choices_but_each_language_is_compared() {
        let uses = [
            u("gpe:jabar", "A", "id", "Jawa Barat", 0),
            u("gpe:jabar", "B", "en", "West Java", 0),
            u("act:1", "A", "id", "serangan", 0),
            u("act:1", "C", "id", "operasi", 0),
        ];
        let w = word_choices("act", &uses, &name);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].key.as_str(), w[0].lang.as_str()), ("act:1", "id"));
    }

    #[test]
    fn one_outlet_alone_is_no_comparison() {
        let uses = [
            u("org:x", "A", "id", "Badan X", 0),
            u("org:x", "A", "id", "BX", 10),
        ];
        assert!(word_choices("entity", &uses, &name).is_empty());
    }

    #[test]
    fn initials_and_stems_are_the_same_name() {
        let uses = [
            u("org:kkp", "A", "id", "KKP", 0),
            u("org:kkp", "A", "id", "KKP", 9),
            u(
                "org:kkp",
                "A",
                "id",
                "Kementerian Kelautan dan Perikanan",
                20,
            ),
            u(
                "org:kkp",
                "B",
                "id",
                "Kementerian Kelautan dan Perikanan",
                0,
            ),
            u("act:sign", "A", "id", "Penandatanganan", 0),
            u("act:sign", "B", "id", "menandatangani", 0),
        ];
        assert!(
            word_choices("x", &uses, &name).is_empty(),
            "{:?}",
            word_choices("x", &uses, &name)
        );
    }

    #[test]
    fn the_most_used_form_is_the_outlets_choice() {
        // B writes the other name once beside A's usual one: its choice is A's
        let uses = [
            u("loc:lnu", "A", "id", "Laut Natuna Utara", 0),
            u("loc:lnu", "B", "id", "Laut Natuna Utara", 0),
            u("loc:lnu", "B", "id", "Laut Natuna Utara", 30),
            u("loc:lnu", "B", "id", "Laut China Selatan", 60),
        ];
        assert!(word_choices("entity", &uses, &name).is_empty());
        let mut more = uses.to_vec();
        more.push(u("loc:lnu", "C", "id", "Laut China Selatan", 0));
        // A and C each avoid the other's name
        let w = word_choices("entity", &more, &name);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].outlets.len(), 3);
        // an outlet using both names as often differs from neither
        let both = [
            u("gpe:jabar", "A", "id", "Jabar", 0),
            u("gpe:jabar", "A", "id", "Jawa Barat", 9),
            u("gpe:jabar", "B", "id", "Jawa Barat", 0),
        ];
        assert!(word_choices("entity", &both, &name).is_empty());
    }

    #[test]
    fn parts_are_whole_words_in_order() {
        assert!(is_part_of("luar negeri", "kementerian luar negeri"));
        assert!(!is_part_of("negeri luar", "kementerian luar negeri"));
        assert!(!is_part_of("uar", "kementerian luar negeri"));
        assert_eq!(norm("  “Kemlu  RI,” "), "kemlu ri");
        assert_eq!(norm("U.S."), "us");
        assert_eq!(norm("San José"), "san jose");
        assert_eq!(norm("Lahouaiej-Bouhlel"), "lahouaiej bouhlel");
        assert_eq!(signature("UN Security Council"), "unsc");
        assert_eq!(signature("United Nations Security Council"), "unsc");
        assert_eq!(signature("Kementerian Kelautan dan Perikanan"), "kkp");
        assert_eq!(signature("Republic of Korea"), "rk");
    }

    #[test]
    fn spellings_are_not_choices_but_other_names_are() {
        let spell = [
            u("p", "A", "en", "Süddeutsche Zeitung", 0),
            u("p", "B", "en", "Sueddeutsche Zeitung", 0),
            u("q", "A", "en", "U.S.", 0),
            u("q", "B", "en", "United States", 0),
            u("q", "C", "en", "US", 0),
            u("r", "A", "en", "Nabi Saleh", 0),
            u("r", "B", "en", "Nebi Saleh", 0),
        ];
        assert!(word_choices("entity", &spell, &name).is_empty());
        let names = [
            u("k", "A", "en", "North Korea", 0),
            u("k", "B", "en", "DPRK", 0),
            u("i", "A", "en", "ISIS", 0),
            u("i", "B", "en", "Islamic State", 0),
        ];
        assert_eq!(word_choices("entity", &names, &name).len(), 2);
    }
}
