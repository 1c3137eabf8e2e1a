//! The PostgreSQL backend: the same logical store as the SQLite one, for deployments
//! that outgrow one file and one machine (issue 16).
//!
//! `--db postgres://user@host:port/db` selects it ([`is_url`]). Kabar computes everything
//! in Rust (analysis, linking, resolution) and the store only persists rows, so this
//! backend runs the same statements as SQLite's in PostgreSQL's dialect. Many writers:
//! each process analyses on its own; the link-and-store step of a batch runs in one
//! transaction under a transaction-scoped advisory lock ([`LINK_LOCK`]), reading the
//! linker state the previous holder committed. A worker killed mid-batch holds no lock
//! and leaves nothing half-written (its transaction rolls back); re-running the same
//! input completes it, since articles are keyed by content ID.

mod query;
mod resolve;
pub mod schema;
pub mod scratch;
mod write;

pub use query::{article_row, event_row, ids, ENTITY_ALIASES};
pub use resolve::NameRules;
pub use write::{LockTimes, PgBatch, PgLinkFn};

use crate::StoreError;
use postgres::{Client, NoTls};

/// Advisory-lock key held by the link-and-store step of each batch (any 64-bit constant
/// unlikely to clash with other applications sharing the database: "kabarlnk").
pub const LINK_LOCK: i64 = 0x6b61_6261_726c_6e6b;
/// Advisory-lock key held while migrating ("kabarmig").
pub const MIGRATE_LOCK: i64 = 0x6b61_6261_726d_6967;

/// True when `db` names a PostgreSQL store (`postgres://…` or `postgresql://…`) rather
/// than a SQLite file.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// What can go wrong with a PostgreSQL store.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to PostgreSQL store {target}: {source}")]
    Connect {
        /// The URL without its password.
        target: String,
        /// The driver's report.
        source: postgres::Error,
    },
    /// The store's schema is newer than this build.
    #[error("PostgreSQL store schema version {found} is newer than this kabar understands ({supported}); upgrade kabar")]
    TooNew {
        /// Version in the database.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// Any other PostgreSQL error.
    #[error("PostgreSQL store error: {0}")]
    Postgres(#[from] postgres::Error),
    /// What the storage-independent parts report (a damaged record, linking, a bad
    /// query, something not found).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<serde_json::Error> for PgError {
    fn from(e: serde_json::Error) -> Self {
        PgError::Store(StoreError::Json(e))
    }
}

/// An open PostgreSQL store.
pub struct PgStore {
    client: Client,
    target: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("target", &self.target)
            .finish()
    }
}

/// The URL with any password replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl PgStore {
    /// Connects to the database at `url` and migrates it to the current schema. Several
    /// processes may do this at once: migrations run under [`MIGRATE_LOCK`] and re-read the
    /// version inside it.
    pub fn open(url: &str) -> Result<PgStore, PgError> {
        let target = redact(url);
        let client = Client::connect(url, NoTls).map_err(|source| PgError::Connect {
            target: target.clone(),
            source,
        })?;
        let mut s = PgStore { client, target };
        s.migrate()?;
        Ok(s)
    }

    /// The URL this store was opened with, password redacted.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version in the database (0: empty).
    pub fn version(&mut self) -> Result<i64, PgError> {
        let exists: bool = self
            .client
            .query_one("SELECT to_regclass('kabar_schema') IS NOT NULL", &[])?
            .get(0);
        if !exists {
            return Ok(0);
        }
        let v: Option<i64> = self
            .client
            .query_one("SELECT max(version) FROM kabar_schema", &[])?
            .get(0);
        Ok(v.unwrap_or(0))
    }

    fn migrate(&mut self) -> Result<(), PgError> {
        let supported = schema::current_version();
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS kabar_schema (version BIGINT PRIMARY KEY)")?;
        let found: i64 = tx
            .query_one("SELECT coalesce(max(version), 0) FROM kabar_schema", &[])?
            .get(0);
        if found > supported {
            return Err(PgError::TooNew { found, supported });
        }
        for v in found..supported {
            tx.batch_execute(schema::MIGRATIONS[v as usize])?;
            tx.execute("INSERT INTO kabar_schema(version) VALUES ($1)", &[&(v + 1)])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Drops every Kabar table (tests and benchmarks start from an empty database).
    pub fn wipe(&mut self) -> Result<(), PgError> {
        self.client.batch_execute(
            "DROP TABLE IF EXISTS articles, events, stories, link_state, entities, entity_aliases,
                entity_mentions, roles, actions, quotes, entity_redirects, link_why,
                link_redirects, fetch_urls, fetch_failures, kabar_schema CASCADE",
        )?;
        self.migrate()
    }

    /// The underlying client (tests and tools).
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }
}
