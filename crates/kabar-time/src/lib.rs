//! Temporal expressions in Indonesian and English news, typed and valued as TimeML TIMEX3
//! (`DATE`, `TIME`, `DURATION`, `SET`), anchored on the publication date; publication
//! dates parsed from the forms outlets write, or inferred from the text; consistency
//! warnings (`weekday_mismatch`, `date_in_future`).
//!
//! There is no Rust crate for Indonesian temporal tagging (HeidelTime's Indonesian rules are
//! Java and machine-generated; `dateparser`-style crates parse one date string, not running
//! text), so the rules here are hand-written on `regex` and `chrono`.
//!
//! ```
//! use chrono::NaiveDate;
//! use kabar_core::Lang;
//! let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
//! let a = kabar_time::analyze("Menlu tiba di Jakarta, Kamis (6/3/2025) pukul 09.20 WIB.", Lang::Id, None, today);
//! // a date with its clock time is one TIMEX3 of type TIME
//! assert_eq!(a.times[0].value, "2025-03-06T09:20");
//! assert_eq!(a.published.unwrap().value, "2025-03-06");
//! ```

#![warn(missing_docs)]

mod actdate;
mod compose;
mod lexicon;
mod normalise;
mod published;
mod reftime;
mod resolve;
mod rules;
mod tagger;
#[doc(hidden)]
pub use tagger::profile_rules;

pub mod eval;
pub mod realnews;

pub use actdate::{act_date, ActDate, ActDateSource};
pub use normalise::TimeAnalysis;
pub use published::{parse_published, parse_published_with, published_date, NumericOrder};

/// Finds and normalises the temporal expressions of `text` (the cleaned article body).
///
/// `published`: the ISO value from [`parse_published`] when the input gave one; relative
/// expressions are anchored on its date. When it is `None` the publication date is inferred
/// from the text (a weekday with its full date, else a weekday with day/month choosing the
/// most recent year not after `today` in which they agree, else the first full date) and
/// returned as `Published { inferred: true, from: "text" }`; when given, the returned
/// `published` is `None` (the caller keeps the input's). `today`: the clock date.
/// `lang`: Indonesian or English rules (both when unknown). A `published` that is not ISO
/// is read with [`parse_published`]; one that does not parse at all counts as absent.
pub fn analyze(
    text: &str,
    lang: kabar_core::Lang,
    published: Option<&str>,
    today: chrono::NaiveDate,
) -> TimeAnalysis {
    normalise::analyze_impl(text, lang, published, today)
}

#[cfg(test)]
mod tests;
