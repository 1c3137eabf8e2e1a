//! Store errors.

use std::path::{Path, PathBuf};

/// The error a linking step returns: whatever the linker's own typed error is, kept as the
/// source of [`StoreError::Link`] so its message and chain reach the user unchanged.
pub type LinkError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The store does not exist (queries never create one).
    #[error("no store at {0}: run `kabar ingest` first, or pass --db / set KABAR_DB")]
    Missing(PathBuf),
    /// The file is not a Kabar store, or is damaged.
    #[error("store {0} is damaged or not a Kabar store: {1}")]
    Corrupt(PathBuf, String),
    /// Another process held the store's write lock for longer than the busy timeout.
    #[error("store {path} is busy: another process held its lock for more than {waited_secs} s ({source})")]
    Busy {
        /// The file.
        path: PathBuf,
        /// How long this process waited.
        waited_secs: u64,
        /// SQLite's report.
        source: rusqlite::Error,
    },
    /// The store's schema is older than this build and it was opened read-only, so it
    /// cannot be migrated here (run `kabar ingest` once, which migrates it).
    #[error("store {path} has schema version {found}, older than this kabar's {supported}; run any `kabar ingest` on it once to upgrade it")]
    NeedsMigration {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: i64,
        /// Version this build writes.
        supported: i64,
    },
    /// The store was written by a newer Kabar.
    #[error("store schema version {found} is newer than this kabar understands ({supported}); upgrade kabar")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A stored JSON value could not be read back.
    #[error("stored record is unreadable: {0}")]
    Json(#[from] serde_json::Error),
    /// A stored analysis could not be unpacked (damaged BLOB).
    #[error("stored analysis is unreadable: {0}")]
    Unpack(#[source] std::io::Error),
    /// Any other SQLite error.
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The linking step of a batch failed; the batch was rolled back.
    #[error("linking failed, the batch was not stored: {0}")]
    Link(#[source] LinkError),
    /// A search query past the limits of [`crate::rows::fts_query`]; the caller's input
    /// is at fault (the HTTP API answers 400).
    #[error("{0}")]
    BadQuery(#[from] crate::rows::QueryError),
    /// Something asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A PostgreSQL store could not be reached or answered with an error (boxed: the
    /// PostgreSQL error can itself hold a [`StoreError`]).
    #[error(transparent)]
    Postgres(Box<crate::pg::PgError>),
}

impl From<crate::pg::PgError> for StoreError {
    /// What the storage-independent parts reported stays itself (`NotFound`, `BadQuery`,
    /// …), so callers answer the same on both backends.
    fn from(e: crate::pg::PgError) -> Self {
        match e {
            crate::pg::PgError::Store(s) => s,
            other => StoreError::Postgres(Box::new(other)),
        }
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(Box::new(crate::pg::PgError::Postgres(e)))
    }
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Sorts an SQLite error met while opening or migrating `path` into what really
    /// happened: busy (another writer), damaged (not a database / corrupt), or other.
    pub(crate) fn classify(path: &Path, e: StoreError, waited_secs: u64) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseCorrupt, DatabaseLocked, NotADatabase};
        let StoreError::Sqlite(s) = e else { return e };
        match s.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => StoreError::Busy {
                path: path.to_path_buf(),
                waited_secs,
                source: s,
            },
            Some(NotADatabase | DatabaseCorrupt) => {
                StoreError::Corrupt(path.to_path_buf(), s.to_string())
            }
            _ => StoreError::Sqlite(s),
        }
    }

    /// True when the error is a busy / locked store (worth retrying later).
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy { .. })
            || matches!(self, StoreError::Sqlite(s) if matches!(
                s.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::ffi;

    fn sqlite(code: i32) -> StoreError {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None))
    }

    #[test]
    fn busy_is_busy_and_only_damage_is_corrupt() {
        let p = Path::new("k.db");
        let busy = StoreError::classify(p, sqlite(ffi::SQLITE_BUSY), 60);
        assert!(matches!(busy, StoreError::Busy { .. }), "{busy}");
        assert!(busy.is_busy() && busy.to_string().contains("another process"));
        let locked = StoreError::classify(p, sqlite(ffi::SQLITE_LOCKED), 60);
        assert!(matches!(locked, StoreError::Busy { .. }));
        let notadb = StoreError::classify(p, sqlite(ffi::SQLITE_NOTADB), 60);
        assert!(matches!(notadb, StoreError::Corrupt(..)), "{notadb}");
        let full = StoreError::classify(p, sqlite(ffi::SQLITE_FULL), 60);
        assert!(matches!(full, StoreError::Sqlite(_)), "{full}");
        let newer = StoreError::classify(
            p,
            StoreError::TooNew {
                found: 9,
                supported: 3,
            },
            60,
        );
        assert!(matches!(newer, StoreError::TooNew { .. }));
    }
}
