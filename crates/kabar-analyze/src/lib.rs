//! Kabar's pipeline.
//!
//! [`Pipeline::analyze`] is a pure function of one article (plus read-only language
//! resources loaded once): extract → clean → language → sentences and tokens → times →
//! entities → actions and quotes. It never touches the store, so [`Pipeline::analyze_all`]
//! runs it on all cores. [`ingest`] stores analysed batches and links them.

#![warn(missing_docs)]

pub mod audit;
pub mod ingest;
pub mod ingest_pg;
pub mod pipeline;

pub use ingest::{ingest_batch, link_doc, link_order, new_linker};
pub use ingest_pg::ingest_batch_pg;
pub use pipeline::{Pipeline, PipelineError};
