//! Storing analysed batches in a PostgreSQL store ([`kabar_store::pg`]).
//!
//! The linking step is the one of [`crate::ingest_batch`] (same linker, same documents,
//! same revisions, redirects and reasons); what differs is that it runs inside the
//! store's batch transaction under the link lock, with the linker state the previous
//! writer committed, and that its extras are written in that same transaction. Store-level
//! entity resolution (`kabar_store::resolve`) is not run on PostgreSQL yet.

use crate::ingest::{link_doc, new_linker};
use kabar_core::Analysis;
use kabar_link::{LinkDoc, Linker};
use kabar_store::pg::{LockTimes, PgBatch, PgError, PgStore};
use kabar_store::{ArticleLinks, BatchSummary};

/// Stores `analyses` in `store` and links the new ones, in one transaction holding the
/// link lock; returns what changed and how long the lock was waited for and held.
pub fn ingest_batch_pg(
    store: &mut PgStore,
    analyses: &[Analysis],
) -> Result<(BatchSummary, LockTimes), PgError> {
    store.ingest_batch(analyses, &mut |fresh, state| {
        let mut linker = match state {
            Some(bytes) => Linker::load(&bytes)?,
            None => new_linker(),
        };
        let docs: Vec<LinkDoc> = fresh.iter().map(|a| link_doc(a)).collect();
        let mut assigned = linker.add_batch(&docs);
        // Earlier articles that re-linking moved are stored too.
        assigned.extend(linker.take_revisions());
        let redirects = linker.take_redirects();
        let why = assigned
            .iter()
            .filter_map(|l| {
                let w = linker.why(&l.article)?;
                Some((l.article.clone(), serde_json::to_string(w).ok()?))
            })
            .collect();
        let links = assigned
            .into_iter()
            .map(|l| ArticleLinks {
                article: l.article,
                duplicate_of: l.duplicate_of,
                event: l.event,
                story: l.story,
            })
            .collect();
        Ok(PgBatch {
            links,
            state: linker.save(),
            why,
            redirects,
        })
    })
}
