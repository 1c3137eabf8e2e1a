//! Capitalised name particles: "Fabio Di Giannantonio", "Kevin De Bruyne".
//!
//! The tagger folds case, so "Di Giannantonio" reads to it as the preposition "di"
//! before a place ("in Giannantonio"). Inside an Indonesian sentence the preposition is
//! written in lower case; a capitalised "Di" there, before a capitalised word, is part of
//! a person's name. Other particles ("De", "Van", "Da") are joined only to a person the
//! tagger already found right before them, since "De" and "La" also open names of
//! organisations and places ("De La Salle", "La Liga").
//!
//! A bare "Di X" (at a sentence start, after a quote or bracket, or after a lower-case
//! word) may be either, so it is decided per article: when the article names a person
//! "… Di X" elsewhere, it is that person (see [`bare_particles`]).

use crate::extract::is_cap;
use kabar_core::EntityType;
use std::collections::HashSet;

/// Longest run of capitalised words after a particle taken into a name.
const MAX_AFTER: usize = 3;

/// The particle that marks a name even without a person before it: Indonesian writes
/// the preposition "di" in lower case inside a sentence.
const LOWER_IN_PROSE: &str = "di";

/// A capitalised word that can continue a name: not all capitals (a code such as "ITA")
/// and with a letter.
fn name_word(w: &str) -> bool {
    is_cap(w)
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// Rewrites the sentence's spans so that a capitalised particle inside the sentence and
/// the capitalised words after it are one person, with the person or capitalised word
/// right before the particle ("dimenangkan Fabio Di Giannantonio"). `particles` are the
/// lower-case name particles (`data/lang/id/name_particles.txt`).
///
/// `usually_lower` says whether news writes a word in lower case, so that a word
/// capitalised only by the sentence start ("Kontrak Di Giannantonio") is not taken. A
/// title-case `headline` ("Prabowo Di Istana Bogor") capitalises prepositions too, so it
/// is left as it is.
pub(crate) fn join_particle_names(
    stoks: &[&str],
    particles: &HashSet<String>,
    usually_lower: &dyn Fn(&str) -> bool,
    headline: bool,
    found: &mut Vec<(usize, usize, EntityType)>,
) {
    if headline {
        return;
    }
    let mut k = 1;
    while k + 1 < stoks.len() {
        let w = stoks[k];
        let lower = w.to_lowercase();
        let particle = is_cap(w) && w.chars().any(char::is_lowercase) && particles.contains(&lower);
        if !(particle && name_word(stoks[k + 1])) {
            k += 1;
            continue;
        }
        // a span of another kind around the particle (an organisation's name) stays; one
        // that starts at the particle is the misread "in <place>"
        let inside = found
            .iter()
            .any(|&(a, b, kind)| a < k && k < b && kind != EntityType::Per);
        let person_before = found
            .iter()
            .find(|&&(_, b, kind)| b == k && kind == EntityType::Per)
            .map(|&(a, _, _)| a);
        let start = match person_before {
            Some(a) => a,
            None if lower == LOWER_IN_PROSE
                && name_word(stoks[k - 1])
                && !usually_lower(stoks[k - 1]) =>
            {
                k - 1
            }
            // a bare "Di X" is decided per article (`bare_particles`)
            None => {
                k += 1;
                continue;
            }
        };
        if inside {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < stoks.len() && end - k <= MAX_AFTER && name_word(stoks[end]) {
            end += 1;
        }
        found.retain(|&(a, b, _)| b <= start || a >= end);
        found.push((start, end, EntityType::Per));
        found.sort_by_key(|f| f.0);
        k = end;
    }
}

/// A bare "Di X" (at a sentence start, after a quote or a lower-case word) where the
/// article names a person "… Di X" elsewhere: the mentions to retype as that person's
/// short name, with the particle's token as their new start. `mentions` are the
/// article's (kind, first token, end token) triples; `persons_with_particle` holds, in
/// lower case, the "di x" tails of the article's person names.
pub(crate) fn bare_particles(
    toks: &[&str],
    persons_with_particle: &HashSet<String>,
    mentions: &[(EntityType, usize, usize)],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (n, &(kind, t0, t1)) in mentions.iter().enumerate() {
        if kind == EntityType::Per || t0 == 0 {
            continue;
        }
        let particle = toks[t0 - 1];
        if !is_cap(particle) || particle.to_lowercase() != LOWER_IN_PROSE {
            continue;
        }
        let tail = std::iter::once(particle)
            .chain(toks[t0..t1].iter().copied())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        if persons_with_particle.contains(&tail) {
            out.push((n, t0 - 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn particles() -> HashSet<String> {
        ["di", "de", "da", "van"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn run(text: &str, found: &[(usize, usize, EntityType)]) -> Vec<(usize, usize, EntityType)> {
        let toks: Vec<&str> = text.split(' ').collect();
        let mut f = found.to_vec();
        let lower = |w: &str| matches!(w, "Kontrak" | "Balapan");
        join_particle_names(&toks, &particles(), &lower, false, &mut f);
        f
    }

    #[test]
    fn capital_di_inside_a_sentence_is_a_name() {
        // "race dimenangkan Fabio Di Giannantonio ." with "Giannantonio" tagged a place
        let f = run(
            "race dimenangkan Fabio Di Giannantonio .",
            &[(4, 5, EntityType::Gpe)],
        );
        assert_eq!(f, vec![(2, 5, EntityType::Per)]);
        // a bare "Di X" waits for the article (`bare_particles`)
        let f = run(
            "motor milik Di Giannantonio rusak",
            &[(3, 4, EntityType::Gpe)],
        );
        assert_eq!(f, vec![(3, 4, EntityType::Gpe)]);
        // over a place span that starts at the particle
        let f = run(
            "dominasi Fabio Di Giannantonio yang",
            &[(2, 4, EntityType::Gpe)],
        );
        assert_eq!(f, vec![(1, 4, EntityType::Per)]);
        // a word capitalised by the sentence start is not a first name
        let f = run("Kontrak Di Giannantonio habis", &[]);
        assert!(f.is_empty());
    }

    #[test]
    fn prepositions_and_other_names_stay() {
        // lower-case "di" is the preposition
        let f = run("ia tinggal di Jakarta .", &[(3, 4, EntityType::Gpe)]);
        assert_eq!(f, vec![(3, 4, EntityType::Gpe)]);
        // a title-case headline capitalises the preposition
        let toks: Vec<&str> = "Prabowo Di Istana Bogor".split(' ').collect();
        let mut f = vec![(0, 1, EntityType::Per), (2, 4, EntityType::Loc)];
        join_particle_names(&toks, &particles(), &|_| false, true, &mut f);
        assert_eq!(f, vec![(0, 1, EntityType::Per), (2, 4, EntityType::Loc)]);
        // after a quote, a bracket or a lower-case word: decided per article
        let f = run("jelasnya Di Against the Silence", &[]);
        assert!(f.is_empty());
        // "De" without a person before it may open an organisation's name
        let f = run("kampus De La Salle", &[]);
        assert!(f.is_empty());
        // "De" after a tagged person joins the name
        let f = run(
            "gelandang Kevin De Bruyne cedera",
            &[(1, 2, EntityType::Per), (3, 4, EntityType::Per)],
        );
        assert_eq!(f, vec![(1, 4, EntityType::Per)]);
        // a particle inside an organisation's span stays there
        let f = run("Universitas De La Salle Manila", &[(0, 4, EntityType::Org)]);
        assert_eq!(f, vec![(0, 4, EntityType::Org)]);
    }

    #[test]
    fn bare_di_joins_a_person_of_the_article() {
        let toks: Vec<&str> = "Di Giannantonio tercepat . Di Jakarta hujan , pada Di Giannantonio"
            .split(' ')
            .collect();
        let persons: HashSet<String> = ["di giannantonio".to_string()].into_iter().collect();
        let m = [
            (EntityType::Gpe, 1, 2),
            (EntityType::Gpe, 5, 6),
            (EntityType::Gpe, 10, 11),
        ];
        assert_eq!(bare_particles(&toks, &persons, &m), vec![(0, 0), (2, 9)]);
    }
}
