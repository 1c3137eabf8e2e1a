//! Kabar's read side, one crate shared by the CLI and the HTTP server, so a question has
//! one answer whichever way it is asked.
//!
//! - [`Reads`]: whole lists (`kabar articles|events|stories|entities`), one story, event,
//!   entity or article, and the parts records are built from (actions, quotes, roles,
//!   related entities of a set of articles), search.
//! - [`Browse`]: one page of a list with filters and a sort order, and the small lookups
//!   pages need (outlets, names of entity IDs, articles per day).
//! - [`records`]: the composite records of SPEC.md (`kabar story`, `kabar entity`, the
//!   API's event and article records) with merged timelines, written once over the two
//!   traits.
//! - [`export`]: whole tables as JSON Lines or CSV (`kabar export`, `/api/v1/export/`).
//!
//! The store (`kabar-store`) owns the schema and the writes; this crate only reads. It
//! depends on no analysis stage but timeline merging (`kabar-actions`), so the server does
//! not link the NER model. The SQLite implementation of both traits is for
//! [`kabar_store::Store`]; a second backend implements the same two traits and gets every
//! record and page for free (docs/ARCHITECTURE.md, "Read side").
//!
//! ```no_run
//! use kabar_query::prelude::*;
//! # fn main() -> Result<(), kabar_store::StoreError> {
//! let store = kabar_store::Store::open_existing(std::path::Path::new("kabar.db"))?;
//! let page = store.story_page(&Filter::default(), Sort::Latest, PageReq { offset: 0, limit: 20 })?;
//! let first = kabar_query::records::story_record(&store, &page.items[0].id)?;
//! println!("{} events", first.events.len());
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod browse;
pub mod export;
mod pg;
pub mod records;
mod sqlite;

pub use browse::{Browse, DayCount, Filter, Page, PageReq, Sort, StorySummary, GROWTH_DAYS};
pub use kabar_store::rows::{
    fts_query, ActionRow, ArticleRow, EntityRow, EventRow, QueryError, QuoteRow, Related, RoleRow,
    SearchHit, StoryRow, MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_TERM_CHARS,
};
pub use kabar_store::{Store, StoreError};
pub use pg::PgReader;
pub use records::{
    article_record, entity_record, event_record, story_record, timeline, ArticleOut, EntityOut,
    EntityTotals, EventOut, PartPage, StoryEntity, StoryOut, StoryTotals, TimelineOut, PART_LIMIT,
};

/// A whole read backend behind one object: the two read traits, exports, and what a
/// server needs besides (row counts, a change counter for its record cache). `kabar serve`
/// and the CLI's queries take a `Box<dyn Backend>`, so one code path serves SQLite and
/// PostgreSQL ([`open_backend`]).
pub trait Backend: Reads + Browse + export::Export + Send {
    /// Row counts by table (`/api/v1/health`).
    fn counts(&self) -> Result<std::collections::BTreeMap<&'static str, i64>, StoreError>;
    /// A number that changes when the store may have changed since it was last read.
    fn data_version(&self) -> Result<i64, StoreError>;
    /// The SQLite store behind this backend, for the few features that only it has
    /// (`kabar story --why`, comparisons); `None` on PostgreSQL.
    fn sqlite(&self) -> Option<&Store> {
        None
    }
}

impl Backend for Store {
    fn counts(&self) -> Result<std::collections::BTreeMap<&'static str, i64>, StoreError> {
        Store::counts(self)
    }

    fn data_version(&self) -> Result<i64, StoreError> {
        data_version(self)
    }

    fn sqlite(&self) -> Option<&Store> {
        Some(self)
    }
}

impl Backend for PgReader {
    fn counts(&self) -> Result<std::collections::BTreeMap<&'static str, i64>, StoreError> {
        PgReader::counts(self)
    }

    fn data_version(&self) -> Result<i64, StoreError> {
        PgReader::data_version(self)
    }
}

/// Opens the store `db` names for reading: a PostgreSQL store for a `postgres://` URL
/// ([`kabar_store::pg::is_url`]), else an existing SQLite file, read-only when
/// `read_only` (never created: a missing file is [`StoreError::Missing`]).
pub fn open_backend(db: &std::path::Path, read_only: bool) -> Result<Box<dyn Backend>, StoreError> {
    if let Some(url) = db.to_str().filter(|s| kabar_store::pg::is_url(s)) {
        return Ok(Box::new(PgReader::open(url)?));
    }
    Ok(Box::new(if read_only {
        Store::open_read_only(db)?
    } else {
        Store::open_existing(db)?
    }))
}

/// SQLite's change counter of this connection (`PRAGMA data_version`): it changes when
/// another connection commits, so a reader can tell whether what it cached is still
/// current.
pub fn data_version(store: &Store) -> Result<i64, StoreError> {
    Ok(store
        .conn()
        .query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

use kabar_core::Analysis;
use std::collections::BTreeSet;

/// Lists and single records of the store. Every method reads only; errors are the store's
/// (`NotFound` for an unknown ID, `BadQuery` for a search past its limits).
pub trait Reads {
    /// `kabar articles`: every article in publication order (copies with their
    /// original's event and story).
    fn articles(&self) -> Result<Vec<ArticleRow>, StoreError>;
    /// The full stored analysis of one article.
    fn analysis(&self, id: &str) -> Result<Analysis, StoreError>;
    /// The list row of one article (its event and story are its original's for a copy).
    fn article_row(&self, id: &str) -> Result<ArticleRow, StoreError>;
    /// The source URL of an article, when it has one.
    fn article_url(&self, id: &str) -> Result<Option<String>, StoreError>;
    /// `kabar events`: every event, earliest first.
    fn events(&self) -> Result<Vec<EventRow>, StoreError>;
    /// One event (a retired ID leads to its survivor).
    fn event(&self, id: &str) -> Result<EventRow, StoreError>;
    /// `kabar stories`: every story, earliest first.
    fn stories(&self) -> Result<Vec<StoryRow>, StoreError>;
    /// One story (a retired ID leads to its survivor).
    fn story(&self, id: &str) -> Result<StoryRow, StoreError>;
    /// The events of one story, in date order.
    fn story_events(&self, id: &str) -> Result<Vec<EventRow>, StoreError>;
    /// Every action mention reported by the given articles, in their order.
    fn actions_of(&self, articles: &[String]) -> Result<Vec<ActionRow>, StoreError>;
    /// Quotes carried by the given articles; the same words from the same speaker in
    /// several articles are one quote listing them all.
    fn quotes_of(&self, articles: &[String]) -> Result<Vec<QuoteRow>, StoreError>;
    /// The entities mentioned by the given articles with their mention counts there, most
    /// mentioned first.
    fn entities_of(&self, articles: &[String]) -> Result<Vec<EntityRow>, StoreError>;
    /// Distinct outlets of a set of articles.
    fn outlets_of(&self, articles: &[String]) -> Result<BTreeSet<String>, StoreError>;
    /// `kabar entities`: every entity, most mentioned first.
    fn entities(&self) -> Result<Vec<EntityRow>, StoreError>;
    /// Finds an entity by ID, canonical name or alias (case-insensitive); an ID merged
    /// into another entity leads to it.
    fn find_entity(&self, id_or_name: &str) -> Result<EntityRow, StoreError>;
    /// The roles of an entity, each with first/last dates, in order of first date.
    fn roles(&self, entity: &str) -> Result<Vec<RoleRow>, StoreError>;
    /// The organisations and countries `entity` acts for (the `of` of its roles), in the
    /// order of [`Reads::roles`]: what timeline merging needs, without the article lists.
    fn role_levels(&self, entity: &str) -> Result<Vec<String>, StoreError>;
    /// Quotes whose speaker is `entity`, in publication order.
    fn quotes_by(&self, entity: &str) -> Result<Vec<QuoteRow>, StoreError>;
    /// Entities that appear in the same articles as `entity`, by number of shared
    /// articles, at most `limit`.
    fn related(&self, entity: &str, limit: usize) -> Result<Vec<Related>, StoreError>;
    /// Action mentions where `entity` is a source or a target.
    fn actions_involving(&self, entity: &str) -> Result<Vec<ActionRow>, StoreError>;
    /// `kabar search`: full-text search over titles and bodies, best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;
}

/// Everything a caller usually needs: both traits and the paging types.
pub mod prelude {
    pub use crate::browse::{Browse, Filter, Page, PageReq, Sort};
    pub use crate::export::Export;
    pub use crate::Reads;
}
