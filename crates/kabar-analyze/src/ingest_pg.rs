//! Storing analysed batches in a PostgreSQL store ([`kabar_store::pg`]).
//!
//! The linking step is the one of [`crate::ingest_batch`] (same linker, same documents,
//! same revisions, redirects and reasons); what differs is that it runs inside the
//! store's batch transaction under the link lock, with the linker state the previous
//! writer committed, and that its extras and store-level entity resolution
//! (`kabar_store::resolve`, the same rules and word tests as SQLite's ingest) are written
//! in that same transaction.

use crate::ingest::{known_place, link_fresh, not_name, type_cues};
use kabar_core::Analysis;
use kabar_store::pg::{LockTimes, NameRules, PgBatch, PgError, PgStore};
use kabar_store::BatchSummary;

/// Stores `analyses` in `store` and links the new ones, in one transaction holding the
/// link lock; returns what changed and how long the lock was waited for and held.
pub fn ingest_batch_pg(
    store: &mut PgStore,
    analyses: &[Analysis],
) -> Result<(BatchSummary, LockTimes), PgError> {
    let cues = type_cues(analyses);
    let rules = NameRules {
        not_name: &not_name,
        known_place: &known_place,
        type_cues: &cues,
    };
    store.ingest_batch_resolving(
        analyses,
        &mut |fresh, state| {
            let l = link_fresh(fresh, state)?;
            Ok(PgBatch {
                links: l.links,
                state: l.state,
                why: l.why,
                redirects: l.redirects,
            })
        },
        Some(&rules),
    )
}
