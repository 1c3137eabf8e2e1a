//! Cross-outlet comparison of one event (and, rolled up, one story): who reported what,
//! who was first and who copied, and where outlets disagree.
//!
//! Everything is built at query time from what the store holds — the stored analyses
//! (text, sentences, times, quotes, warnings), the action rows merged into a timeline
//! exactly as `kabar story` merges them, the entity roles (actor levels), and the
//! near-duplicate links and publication times. No model runs here.
//!
//! - [`compare_event`] / [`compare_story`] answer `kabar compare event|story ID`.
//! - [`Comparison::facts`] is the coverage matrix: outlets × facts (merged acts, quotes
//!   with paraphrases aligned, numbers with what they count, dates of the happening,
//!   named sources); every cell points to an article and char spans of its cleaned text.
//! - [`Comparison::discrepancies`] names the outlets on each side of a disagreement.
//!
//! The design and its limits are in `docs/compare.md`.

#![warn(missing_docs)]

mod build;
mod discrepancy;
mod lexicon;
mod lineage;
mod load;
pub mod numbers;
mod quotes;
pub mod render;
mod sources;
mod tokens;
mod verify;
mod wording;

pub use build::{compare_articles, compare_event, compare_story};
pub use numbers::{extract_numbers, NumberMention};
pub use sources::{extract_sources, find_credits, Credit, NamedSource};

use serde::Serialize;

/// Why a comparison could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CompareError {
    /// The store failed, or has no such event or story ([`kabar_store::StoreError::NotFound`]).
    #[error(transparent)]
    Store(#[from] kabar_store::StoreError),
    /// A word list of `data/` is malformed (a build-time mistake).
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

impl CompareError {
    /// Is this "no such event or story" (a usage error, HTTP 404)?
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            CompareError::Store(kabar_store::StoreError::NotFound(_))
        )
    }
}

impl From<rusqlite::Error> for CompareError {
    fn from(e: rusqlite::Error) -> Self {
        CompareError::Store(e.into())
    }
}

/// A malformed line in one of the embedded word lists.
#[derive(Debug, Clone, thiserror::Error)]
#[error("kabar-compare {file} line {line}: {message}")]
pub struct LexiconError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A span of an article's cleaned text (char offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanRef {
    /// Article ID.
    pub article: String,
    /// Start (char offset).
    pub start: usize,
    /// End (char offset, exclusive).
    pub end: usize,
}

/// One outlet's part in an event.
#[derive(Debug, Clone, Serialize)]
pub struct OutletReport {
    /// Outlet name (`unknown outlet (a:…)` when the article names none).
    pub outlet: String,
    /// Its articles in the event, earliest first.
    pub articles: Vec<String>,
    /// Its earliest publication time (ISO), when known.
    pub first_published: Option<String>,
    /// Delay of its first report after the event's first report, in seconds (whole days
    /// when either side has only a date); null when unknown.
    pub delay_seconds: Option<i64>,
    /// `second` or `day`: the precision of `delay_seconds`.
    pub delay_precision: Option<String>,
    /// True for the outlet that reported first.
    pub first: bool,
    /// Wires and other outlets its articles credit.
    pub credits: Vec<String>,
    /// How many of its articles are near-copies of another article.
    pub copies: usize,
    /// Facts only this outlet reports: the other outlets' texts lack them (checked by
    /// text, not only by the matrix; acts and dates, which text cannot check, are never
    /// listed).
    pub unique: Vec<String>,
    /// Facts other outlets report that this one's texts lack (checked the same way).
    pub missing: Vec<String>,
}

/// A copy link: an article that is a near-duplicate of an earlier one.
#[derive(Debug, Clone, Serialize)]
pub struct CopyLink {
    /// The copy.
    pub article: String,
    /// Its outlet.
    pub outlet: String,
    /// The original.
    pub copy_of: String,
    /// The original's outlet.
    pub copy_of_outlet: String,
    /// Publication lag after the original, in seconds, when both times are known.
    pub lag_seconds: Option<i64>,
    /// Wires or outlets the copy credits.
    pub credited: Vec<String>,
}

/// One cell of the coverage matrix: an outlet reports a fact.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Outlet.
    pub outlet: String,
    /// Supporting spans (article and char offsets).
    pub spans: Vec<SpanRef>,
    /// The outlet's value when the fact is a question with answers (a count's number, a
    /// quote's speaker), else null.
    pub value: Option<String>,
}

/// A row of the coverage matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// `f1`, `f2`, … (stable within one answer).
    pub id: String,
    /// `act`, `quote`, `number`, `date`, `source`.
    pub kind: String,
    /// What it says, for people.
    pub label: String,
    /// What is compared across outlets: the act's identity, the count, the quote's
    /// words; facts with the same key are the same question.
    pub key: String,
    /// One cell per outlet that reports it.
    pub cells: Vec<Cell>,
}

/// One side of a discrepancy.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The value this side reports.
    pub value: String,
    /// Outlets on this side.
    pub outlets: Vec<String>,
    /// Where they say it.
    pub spans: Vec<SpanRef>,
}

/// A disagreement between outlets.
#[derive(Debug, Clone, Serialize)]
pub struct Discrepancy {
    /// `date`, `weekday`, `number`, `actor`, `quote_speaker`.
    pub kind: String,
    /// What it is about.
    pub about: String,
    /// Human-readable explanation.
    pub message: String,
    /// The sides (two or more).
    pub sides: Vec<Side>,
    /// Facts involved.
    pub facts: Vec<String>,
    /// True when the later report may simply be an update (a count that changed over
    /// time: the side with the later first report has the other value).
    pub later_update: bool,
}

/// The comparison of one event (or of a set of articles).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Event ID (or `articles` for an ad-hoc set).
    pub id: String,
    /// Event title.
    pub title: Option<String>,
    /// Articles compared.
    pub articles: usize,
    /// The first report: outlet and article.
    pub first: Option<FirstReport>,
    /// Outlets, earliest first.
    pub outlets: Vec<OutletReport>,
    /// Near-copies with their originals.
    pub lineage: Vec<CopyLink>,
    /// The coverage matrix.
    pub facts: Vec<Fact>,
    /// Disagreements.
    pub discrepancies: Vec<Discrepancy>,
    /// Word choice: entities and acts that outlets of one language name with different
    /// words (docs/compare.md "Word choice").
    pub wording: Vec<Wording>,
}

/// How the outlets of one language name one entity or one act, reported when an outlet
/// chose words no other outlet used ("Kemlu RI" vs "Kementerian Luar Negeri").
#[derive(Debug, Clone, Serialize)]
pub struct Wording {
    /// `entity` or `act`.
    pub kind: String,
    /// The entity's canonical name, or the act's label.
    pub about: String,
    /// The entity ID, or the act's identity (as the `act` facts' `key`).
    pub key: String,
    /// Language of the outlets compared (`id`, `en`).
    pub lang: String,
    /// Each outlet's words, outlets in name order.
    pub outlets: Vec<WordingOutlet>,
}

/// One outlet's words for an entity or act.
#[derive(Debug, Clone, Serialize)]
pub struct WordingOutlet {
    /// Outlet.
    pub outlet: String,
    /// Its forms, most used first.
    pub terms: Vec<WordingTerm>,
}

/// One form an outlet used.
#[derive(Debug, Clone, Serialize)]
pub struct WordingTerm {
    /// The words as first written.
    pub term: String,
    /// How often the outlet's articles use it.
    pub count: usize,
    /// Where (at most three spans).
    pub spans: Vec<SpanRef>,
}

/// The first report of an event.
#[derive(Debug, Clone, Serialize)]
pub struct FirstReport {
    /// Outlet.
    pub outlet: String,
    /// Article.
    pub article: String,
    /// Publication time (ISO).
    pub published: Option<String>,
}

/// An outlet across the events of a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryOutlet {
    /// Outlet.
    pub outlet: String,
    /// Events it reported.
    pub events: Vec<String>,
    /// Events of the story it did not report.
    pub missing_events: Vec<String>,
    /// Events it reported first.
    pub first_in: Vec<String>,
    /// Discrepancies (over all events) in which it is on some side.
    pub discrepancies: usize,
}

/// The comparison of a story: its events' comparisons, rolled up by outlet.
#[derive(Debug, Clone, Serialize)]
pub struct StoryComparison {
    /// Story ID.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlets across the story.
    pub outlets: Vec<StoryOutlet>,
    /// One comparison per event, in date order.
    pub events: Vec<Comparison>,
}
