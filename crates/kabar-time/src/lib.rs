//! Temporal expressions in Indonesian and English news, typed and valued as TimeML TIMEX3
//! (`DATE`, `TIME`, `DURATION`, `SET`), anchored on the publication date; publication
//! dates parsed from the forms outlets write, or inferred from the text; consistency
//! warnings (`weekday_mismatch`, `date_in_future`).
//!
//! There is no Rust crate for Indonesian temporal tagging (HeidelTime's Indonesian rules are
//! Java and machine-generated; `dateparser`-style crates parse one date string, not running
//! text), so the rules here are hand-written on `regex` and `chrono`.

#![warn(missing_docs)]

mod lexicon;
mod published;

pub use published::{parse_published, parse_published_with, published_date, NumericOrder};
