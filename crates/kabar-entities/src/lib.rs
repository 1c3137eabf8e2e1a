//! Kabar's entity stage: who and what the news is about.
//!
//! - [`Tagger`]: a statistical NER tagger (averaged structured perceptron over BIO with a
//!   constrained Viterbi, see [`model`]) trained by `kabar-train-ner` on Indonesian NER
//!   data; it tags PER, ORG, GPE and LOC and reads and writes CoNLL ([`Tagger::tag_conll`]).
//! - [`EntityExtractor`]: the tagger plus the curated gazetteer and alias lexicon
//!   ([`lexicon`]): canonical names and IDs stable across articles, aliases, short
//!   references resolved within an article, and roles (titles with their country or
//!   organisation and date).
//! - [`roles::role_history`]: roles seen in many articles folded into one entry per
//!   (title, of) with first/last dates, for the store's `kabar entity`.
#![warn(missing_docs)]

pub mod clusters;
pub mod conlleval;
pub mod corpus;
pub mod evidence;
pub mod extract;
pub mod features;
pub mod lexicon;
pub mod model;
mod particles;
pub mod roles;
pub mod tagger;
pub mod train;
pub mod words;

pub use extract::EntityExtractor;
pub use tagger::Tagger;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model bytes are not a valid Kabar NER model.
    #[error("invalid NER model: {0}; retrain with `cargo run --release -p kabar-entities --bin kabar-train-ner`")]
    Model(String),
    /// A data file (word clusters) is malformed.
    #[error("invalid data: {0}")]
    Data(String),
    /// Reading or writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
