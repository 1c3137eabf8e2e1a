//! Kabar's text layer: tokens, sentences, language identification, stop words, stemmers.
//!
//! All functions take the cleaned text and return byte [`Span`]s into it.

pub mod sentences;
pub mod tokens;

pub use kabar_core::{Lang, Span, Token, TokenKind};
pub use sentences::sentences;
pub use tokens::tokenize;
