//! Kabar's extract stage: from whatever came in to a clean article body.
//!
//! * [`sources`] reads files, directories and standard input (`.txt`, `.json`, `.jsonl`,
//!   `.csv`, `.html`) into [`kabar_core::RawArticle`]s, naming every refused input and
//!   the reason ([`sources::InputError`]).
//! * [`html`] extracts the article (title, body, date, outlet) from an HTML page.
//! * [`clean`] removes news boilerplate (datelines, "Baca juga", captions, tags, bylines,
//!   signatures, widgets) and records every removed piece ([`kabar_core::Cleaned`]).
//!
//! ```
//! use kabar_extract::{clean::clean, sources::{read_bytes, ReadOptions}};
//! let got = read_bytes("a.txt", "txt", "Judul\n\nJAKARTA - Harga beras turun lagi pekan ini.\nBaca juga: Harga Cabai".as_bytes(), &ReadOptions::default());
//! let article = got[0].as_ref().unwrap();
//! assert_eq!(article.title.as_deref(), Some("Judul"));
//! let c = clean(&article.body, article.title.as_deref());
//! assert_eq!(c.text, "Harga beras turun lagi pekan ini.");
//! assert_eq!(c.dateline.as_deref(), Some("Jakarta"));
//! ```

#![warn(missing_docs)]

pub mod clean;
pub mod html;
pub mod mojibake;
pub mod outlet;
pub mod page_meta;
pub mod sources;
mod stream;

pub use clean::clean;
pub use html::{HtmlArticle, HtmlError, HtmlPage};
pub use sources::{read_bytes, read_inputs, stream_inputs, InputError, ReadItem, ReadOptions};

#[cfg(test)]
mod proptests;
