//! Function-word lists of the actions and quotes stages (`data/words.tsv`): prepositions,
//! negators, modals, pronouns, the cue words of each syntactic rule. They live in one data
//! file, as the trigger lexicons do, so a language's words are edited in one place; the
//! code names each list by a field of [`Words`].

use crate::lexicon::LexiconError;
use std::sync::OnceLock;

const WORDS_TSV: &str = include_str!("../data/words.tsv");

/// Declares [`Words`] with one field per list and its parser, so a list added to the
/// struct is looked up in the file by the same name.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// The function-word lists, one field per row of `data/words.tsv`.
        pub(crate) struct Words {
            $($(#[$doc])* pub $field: Vec<&'static str>,)*
        }

        fn parse(src: &'static str) -> (Words, Vec<LexiconError>) {
            let mut table = crate::lexicon::word_table(src);
            let mut errs = Vec::new();
            let mut take = |name: &'static str| match table.remove(name) {
                Some(v) if !v.is_empty() => v,
                _ => {
                    errs.push(missing(name));
                    Vec::new()
                }
            };
            let words = Words { $($field: take(stringify!($field)),)* };
            errs.extend(table.keys().map(|k| LexiconError {
                file: "data/words.tsv",
                line: 0,
                msg: format!("unknown list {k}"),
            }));
            (words, errs)
        }
    };
}

word_lists! {
    /// Prepositions: a mention right after one of these is not a subject.
    preps,
    /// Prepositions of place.
    place,
    /// Prepositions introducing a target.
    target,
    /// Coordinators joining two actors.
    coord,
    /// Lower-case words that may sit inside a title between two mentions of one actor.
    title,
    /// Words that close a clause for the role search.
    clause_end,
    /// Negators (and verbs of denial) before a trigger.
    neg,
    /// Words that may sit between a negator or modal and the trigger.
    aux,
    /// Light verbs that turn a following action noun into an active predicate.
    light,
    /// English auxiliaries that make an -ed trigger passive.
    be,
    /// Words that make the following verb a purpose, not an act.
    purpose,
    /// Modal verbs: an obligation or a possibility, not a report.
    modal,
    /// Words that make a clause hypothetical.
    conditional,
    /// Words that make what follows in their clause wished, asked for or possible.
    irrealis,
    /// Words that may sit between "yang"/"who" and a trigger.
    rel_skip,
    /// Words that introduce a channel, relay or addressee of a statement.
    relay,
    /// Singular personal pronouns.
    pronoun_person,
    /// Plural pronouns resolved to the one organisation or country of their sentence
    /// after "bahwa" ("X mengklaim bahwa mereka …").
    group_pronoun,
    /// Pronouns that can be a speaker.
    pronoun_speaker,
    /// Heads of an organisation anaphor ("kementerian itu").
    org_anaphor_head,
    /// Words closing a definite description.
    definite,
    /// Demonstratives after an action noun.
    demonstrative,
    /// Determiners, never an agent's name.
    determiner,
    /// Heads of a two-actor anaphor ("kedua", "both").
    pair_head,
    /// Nouns after a pair head.
    pair_noun,
    /// Pair nouns that mean two countries.
    pair_country,
    /// Pair nouns that mean two sides.
    pair_side,
    /// Words skipped before a trigger's object.
    object_skip,
    /// Words that give a role to the person before.
    as_role,
    /// Prepositions whose mention is never a target.
    not_target_prep,
    /// Prepositions of a static place.
    static_place_prep,
    /// Complementizers that open reported speech.
    complementizer,
    /// Relative pronouns before a trigger.
    relative,
    /// Adverbs between a purpose word and its verb.
    pre_verb_adverb,
    /// Adverbs between a modal and its verb.
    modal_skip,
    /// Prepositions of a passive agent.
    agent_prep,
    /// Prepositions of "between X and Y".
    between_prep,
    /// Light passive verbs that make what follows an action noun its agent.
    light_passive,
    /// Nouns that make a country a government actor.
    government_noun,
    /// Words after which a country opens its clause as a speaker.
    subject_opener,
    /// Contrastive conjunctions that do not close a quote clause.
    contrast,
    /// Heads of a description that names no person.
    non_person_description,
    /// Words that end a definite description of a speaker.
    description_stop,
    /// Negators before a reporting verb.
    quote_neg,
    /// Purpose words before a reporting verb.
    quote_purpose,
    /// Documents whose author follows them ("pengumuman MSCI", "keterangan resmi X").
    document_noun,
    /// Words that may sit between a closing quote and its reporting verb ("…," demikian
    /// kata X).
    quote_gap,
}

fn missing(name: &str) -> LexiconError {
    LexiconError {
        file: "data/words.tsv",
        line: 0,
        msg: format!("list {name} is missing or empty"),
    }
}

/// The word lists, parsed once (the file is compiled in; a test checks it parses
/// without errors).
pub(crate) fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| parse(WORDS_TSV).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_in_the_file_and_every_row_is_a_list() {
        let (w, errs) = parse(WORDS_TSV);
        assert!(errs.is_empty(), "{errs:?}");
        assert!(w.neg.contains(&"tidak") && w.agent_prep.contains(&"by"));
    }

    #[test]
    fn a_missing_or_unknown_list_is_reported() {
        let src: &'static str = "preps\tdi\nno_such_list\tx\n";
        let (w, errs) = parse(src);
        assert_eq!(w.preps, vec!["di"]);
        assert!(errs
            .iter()
            .any(|e| e.msg.contains("unknown list no_such_list")));
        assert!(errs.iter().any(|e| e.msg.contains("list neg is missing")));
    }
}
