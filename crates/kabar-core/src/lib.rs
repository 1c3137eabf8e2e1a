//! Shared types of the Kabar pipeline.
//!
//! Every stage crate (`kabar-text`, `kabar-time`, `kabar-extract`, `kabar-entities`,
//! `kabar-actions`, `kabar-link`) speaks in these types, so a stage can be replaced or
//! tested without the others.
//!
//! **Offsets.** Inside the pipeline a [`Span`] holds *byte* offsets into the cleaned text
//! (what Rust string slicing wants). The machine interface (SPEC.md) reports *char*
//! offsets; [`CharIndex`] converts once, when the [`analysis::Analysis`] record is built.

pub mod analysis;
pub mod ids;
pub mod names;
pub mod span;
pub mod split;
pub mod types;

pub use analysis::Analysis;
pub use ids::{article_id, entity_id, slug};
pub use span::{CharIndex, Span};
pub use types::*;
