//! Kabar's text layer: tokens, sentences, language identification, stop words, stemmers.
//!
//! All functions take the cleaned text and return byte [`Span`]s into it; none of them
//! panics on any input.
//!
//! - [`tokenize`]: words (keeping "anak-anak", "Tae-yul", "S.H.", URLs, e-mails), numbers
//!   ("2,5", "160.000", "09.20") and punctuation.
//! - [`sentences`]: sentence spans that know Indonesian and English abbreviations.
//! - [`lang::detect`]: Indonesian, English or unknown.
//! - [`stem::stem`]: a dictionary-free Indonesian stemmer (Tala, as Snowball and Lucene
//!   implement it) and Porter2 for English.
//! - [`stopwords::is_stopword`] and [`stopwords::content_terms`]: the stemmed content
//!   words of a text, for TF-IDF.
#![warn(missing_docs)]

pub mod lang;
pub mod sentences;
pub mod stem;
pub mod stopwords;
pub mod tokens;
mod words;

pub use kabar_core::{Lang, Span, Token, TokenKind};
pub use lang::detect;
pub use sentences::sentences;
pub use stem::{stem, stem_en, stem_id};
pub use stopwords::{content_terms, is_stopword};
pub use tokens::tokenize;
