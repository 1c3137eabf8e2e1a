//! Kabar's embedded store.
//!
//! One SQLite file in WAL mode holds the articles with their full analyses, the entity,
//! role, action and quote tables derived from them, the linking results (duplicate
//! groups, events, stories) and the linker's state, plus an FTS5 full-text index.
//! Every batch is written in one transaction, so a failure never loses what was stored
//! before it. [`schema`] holds the migrations; [`query`] the read side the CLI and the
//! HTTP API share.

#![warn(missing_docs)]

pub mod error;
pub mod fetch_state;
pub mod query;
pub mod schema;
pub mod write;

pub use error::StoreError;
pub use fetch_state::{FetchFailure, FetchRecord, FetchedUrl, SourceState};
pub use write::{ArticleLinks, BatchSummary};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path` and migrates it to the current schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        Self::from_connection(conn, path.to_path_buf())
    }

    /// Opens an existing store read-only-in-spirit: fails if the file does not exist
    /// rather than creating it.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Self::open(path)
    }

    /// A store in memory (tests).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(StoreError::Sqlite)?;
        Self::from_connection(conn, PathBuf::from(":memory:"))
    }

    fn from_connection(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers (the HTTP server) never block the writer (ingest).
        let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        schema::migrate(&mut conn).map_err(|e| match e {
            StoreError::Sqlite(s) => StoreError::Corrupt(path.clone(), s.to_string()),
            other => other,
        })?;
        Ok(Store { conn, path })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection (for the query layer and tests).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}
