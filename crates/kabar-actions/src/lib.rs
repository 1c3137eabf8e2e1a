//! Kabar's action and quote stage.
//!
//! * [`extract`] finds **actions** — who did what to whom, when — typed with the 19 PLOVER
//!   categories plus a finer Kabar `kind` (see `docs/actions.md`), and **quotes** — who
//!   said what, direct or reported — in one article, given its sentences, tokens, entities
//!   and time expressions.
//! * [`merge_timeline`] merges the reports of one real-world act across a story's articles
//!   into one timeline entry.
//!
//! The extractor is lexicon-driven: one Aho–Corasick pass over the text finds every
//! trigger and reporting verb (Indonesian active, passive, nominalised and light-verb
//! forms; English forms), then roles come from the positions of entity mentions relative
//! to the trigger ("X memanggil Y", "Y dipanggil oleh X", "kunjungan X ke Y",
//! "antara X dan Y"). No regex runs per token.

#![warn(missing_docs)]

mod actions;
mod doc;
pub mod eval;
pub mod lexicon;
mod quotes;
pub mod real;
pub mod review;
mod timeline;
mod words;

use kabar_core::{Action, Entity, Lang, Quote, Span, TimeExpr, Token};

pub use timeline::{
    dates_agree, mentions_for, merge_timeline, merge_timeline_levels, ActorLevels, TimelineEntry,
    TimelineMention, UNDATED_WINDOW_DAYS,
};

/// What [`extract`] found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Actions, in text order.
    pub actions: Vec<Action>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
}

/// Extracts the actions and quotes of one article.
///
/// * `text`: the cleaned body; `sentences` and `tokens`: `kabar_text::sentences` /
///   `kabar_text::tokenize` of it (byte spans);
/// * `entities`: this article's entities with byte-span mentions;
/// * `times`: its time expressions (TimeML values); the action date is the nearest DATE in
///   the trigger's sentence, else the last DATE of the previous sentence, else `None`
///   (`published` is not used as a default date; a date that begins after the publication
///   day is dropped: acts are reported as done, and "2027" in "target … pada 2027" is not
///   when a praise happened).
///
/// `lang` is accepted for future language-specific rules; the lexicon holds Indonesian and
/// English forms together, so mixed text works either way. Never panics: spans that do not
/// fit `text` are ignored.
pub fn extract(
    text: &str,
    lang: Lang,
    sentences: &[Span],
    tokens: &[Token],
    entities: &[Entity],
    times: &[TimeExpr],
    published: Option<&str>,
) -> Extracted {
    // the publication date no longer dates acts by default (docs/actions.md, "Date"); it
    // only bounds them: an act reported as done cannot begin after the day it was reported
    let _ = lang;
    let marks = quotes::find_marks(text);
    let inner: Vec<Span> = marks.iter().map(|m| m.inner).collect();
    let doc = doc::Doc::new(text, sentences, tokens, entities, inner);
    let quotes = quotes::extract_quotes(&doc, &marks);
    // actions inside direct quotes are claims of the speaker, not reported acts
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.direct && q.text.split_whitespace().count() >= 4)
        .map(|q| q.span)
        .collect();
    let mut actions = actions::extract_actions(&doc, times, &quoted);
    if let Some(day) = published.and_then(|p| p.get(..10)) {
        for a in &mut actions {
            if a.date.as_deref().is_some_and(|d| begins_after(d, day)) {
                a.date = None;
            }
        }
    }
    Extracted { actions, quotes }
}

/// True when the period `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) begins after `day`
/// (`YYYY-MM-DD`): a year or month that holds the day does not.
fn begins_after(date: &str, day: &str) -> bool {
    let start = match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.chars().take(10).collect(),
    };
    start.as_str() > day
}

/// Convenience for callers that only have the text: tokenises and splits it with
/// `kabar_text`, then calls [`extract`].
pub fn extract_text(
    text: &str,
    lang: Lang,
    entities: &[Entity],
    times: &[TimeExpr],
    published: Option<&str>,
) -> Extracted {
    let tokens = kabar_text::tokenize(text);
    let sentences = kabar_text::sentences(text);
    extract(text, lang, &sentences, &tokens, entities, times, published)
}

#[cfg(test)]
mod bound_tests {
    use super::begins_after;

    #[test]
    fn a_period_after_the_publication_day_is_not_an_act_date() {
        assert!(begins_after("2027", "2026-05-22"));
        assert!(begins_after("2026-06", "2026-05-22"));
        assert!(begins_after("2026-05-23", "2026-05-22"));
        assert!(!begins_after("2026", "2026-05-22"));
        assert!(!begins_after("2026-05", "2026-05-22"));
        assert!(!begins_after("2026-05-22", "2026-05-22"));
        assert!(!begins_after("2025-12-31", "2026-05-22"));
    }
}
