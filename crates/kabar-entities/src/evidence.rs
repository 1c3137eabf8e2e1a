//! Context evidence for the type of an article's entity: how many of its mentions have a
//! word around them that says what kind of name it is. The store weighs each article's
//! type of a name by this count when one name is stored under several types
//! (`kabar_store::resolve`, the type vote), so "Onic" typed ORG where a score or "tim"
//! stands beside it outweighs "Onic" typed PER in articles where nothing says so.
//!
//! Cues by type (word lists in `data/lang/id/`, none typed here):
//! - **PER**: an honorific or a reporting verb right before the mention ("Pak Budi", "kata
//!   Budi"), not one that stands before any source ("menurut"; `source_preps.txt`); not a
//!   role title, which also stands before organisations ("Direktur Utama
//!   Taspen");
//! - **ORG**: an organisation cue right before it ("tim Onic", "perusahaan Anthropic";
//!   `org_cues.txt`), a company legal form ("PT Astra"), a match score beside it between
//!   two capitalised names ("Onic 2-1 Vitality"), or the name's own words ("… Esports";
//!   `type_ends.tsv`);
//! - **GPE/LOC**: a place word right before it ("di", "ke", "kota"; `place-preps.txt`),
//!   or the name's own first word ("Gunung …"; `place_heads.txt`).

use crate::lexicon::fold;
use crate::words::Words;
use kabar_core::EntityType;

/// Longest run of words before a mention looked at (cue phrases of up to this many words).
const BEFORE: usize = 5;

/// The folded words of the last `n` words of `before` and the raw tokens right after:
/// punctuation other than a dash between digits splits words.
fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '–'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `w` is a match score of one-digit numbers ("2-1").
fn is_score(w: &str) -> bool {
    let small = |x: &str| x.len() == 1 && x.chars().all(|c| c.is_ascii_digit());
    w.split_once(['-', '–'])
        .is_some_and(|(x, y)| small(x) && small(y))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when the text right before a mention (`before`, ending where the mention starts)
/// and right after it (`after`) say it is a name of type `kind` (see the module docs);
/// `name` is the mention as written.
pub fn mention_cue(kind: EntityType, name: &str, before: &str, after: &str) -> bool {
    let words = Words::embedded();
    // a cue must touch the mention: nothing but spaces between ("tim Onic", not
    // "tim. Onic"); a score may sit across spaces only
    let touching =
        before.ends_with(' ') && !before.trim_end().ends_with(['.', ',', ';', ':', '"', ')']);
    let prev: Vec<String> = words_of(before)
        .iter()
        .rev()
        .take(BEFORE)
        .rev()
        .map(|w| fold(w))
        .collect();
    let last = prev.last().map(String::as_str).unwrap_or("");
    match kind {
        EntityType::Per => {
            // not a title: "Direktur Utama Taspen" names the company
            // "menurut IRIB": a reporting word before any kind of source is no evidence
            let speech =
                crate::features::is_report_verb(last) && !words.source_preps.contains(last);
            touching && (speech || words.honorifics.contains(last))
        }
        EntityType::Org => {
            let own = words.type_by_words(name) == Some(EntityType::Org);
            let cue = touching
                && (words.legal_forms.contains(last)
                    || words
                        .org_cues
                        .iter()
                        .any(|p| p.len() <= prev.len() && prev[prev.len() - p.len()..] == p[..]));
            own || cue || beside_score(before, after)
        }
        EntityType::Gpe | EntityType::Loc => {
            let first = name.split_whitespace().next().map(fold).unwrap_or_default();
            (touching && crate::features::is_place_prep(last))
                || (kind == EntityType::Loc && words.place_heads.contains(&first))
        }
    }
}

/// "[Onic] 2-1 Vitality" or "Onic 2-1 [Vitality]": a score of one-digit numbers beside
/// the mention, with a capitalised name on its other side.
fn beside_score(before: &str, after: &str) -> bool {
    let next = words_of(after);
    let prev = words_of(before);
    let after_score =
        next.first().is_some_and(|w| is_score(w)) && next.get(1).is_some_and(|w| is_cap(w));
    let n = prev.len();
    let before_score = n >= 2 && is_score(prev[n - 1]) && is_cap(prev[n - 2]);
    after_score || before_score
}

/// How many of an entity's mentions in `text` have a cue for the entity's type: the
/// evidence an article gives for the type it stored. `mentions` are byte ranges of
/// `text`.
pub fn type_evidence(text: &str, kind: EntityType, mentions: &[(usize, usize)]) -> usize {
    mentions
        .iter()
        .filter(|&&(s, e)| {
            let (Some(name), Some(before), Some(after)) = (
                text.get(s..e),
                text.get(floor(text, s.saturating_sub(80))..s),
                text.get(e..ceil(text, (e + 40).min(text.len()))),
            ) else {
                return false;
            };
            mention_cue(kind, name, before, after)
        })
        .count()
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
