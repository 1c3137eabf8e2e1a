//! Store errors.

use std::path::{Path, PathBuf};

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
    /// Any other SQLite error.
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The linking step of a batch failed; the batch was rolled back.
    #[error("linking failed, the batch was not stored: {0}")]
    Link(String),
    /// Something asked for does not exist.
    #[error("{0}")]
    NotFound(String),
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        StoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}
