//! Kabar's embedded store.
//!
//! One SQLite file in WAL mode holds the articles with their full analyses, the entity,
//! role, action and quote tables derived from them, the linking results (duplicate
//! groups, events, stories) and the linker's state, plus an FTS5 full-text index.
//! Every batch is written in one transaction, so a failure never loses what was stored
//! before it. [`schema`] holds the migrations, [`write`] the writes; [`rows`] the row
//! shapes the read side returns. The read side itself (lists, paging, records, timelines,
//! exports) is the `kabar-query` crate, which the CLI and the HTTP server share.

#![warn(missing_docs)]

pub mod error;
pub mod fetch_state;
pub mod link_extra;
mod packed;
pub mod pg;
pub mod resolve;
pub mod resolve_rows;
pub mod rows;
pub mod schema;
pub mod write;

pub use error::{LinkError, StoreError};
pub use fetch_state::{FetchFailure, FetchRecord, FetchedUrl, SourceState};
pub use write::{ArticleLinks, BatchSummary};

use kabar_core::Analysis;
use rusqlite::Connection;
use std::collections::BTreeMap;
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

/// How long a connection waits for another process's lock before giving up. Writers queue
/// (`BEGIN IMMEDIATE`), so a second `kabar ingest` waits for the first one's current batch
/// transaction, never for its whole run.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

impl Store {
    /// Opens (creating if needed) the store at `path` and migrates it to the current schema.
    /// Several processes may do this at once: the migrations run under the write lock and
    /// each re-reads the version, so exactly one of them creates the schema.
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

    /// Opens an existing store read-only (the HTTP server): never creates, never migrates,
    /// never writes. A store at an older schema is [`StoreError::NeedsMigration`].
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        use rusqlite::OpenFlags;
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        let classify = |e| StoreError::classify(path, e, BUSY_TIMEOUT.as_secs());
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute_batch("PRAGMA query_only=1;")
            .map_err(|e| classify(e.into()))?;
        let found = schema::version(&conn).map_err(classify)?;
        let supported = schema::current_version();
        if found > supported {
            return Err(StoreError::TooNew { found, supported });
        }
        if found < supported {
            return Err(StoreError::NeedsMigration {
                path: path.to_path_buf(),
                found,
                supported,
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// A store in memory (tests).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(StoreError::Sqlite)?;
        Self::from_connection(conn, PathBuf::from(":memory:"))
    }

    fn from_connection(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // SQLite answers SQLITE_BUSY at once, without calling the busy handler, in a few
        // places a fresh store meets when several processes open it together: switching
        // to WAL while another connection does, or running WAL recovery. Those are retried
        // here for up to the busy timeout, so "busy" only ever means a real long wait.
        let started = std::time::Instant::now();
        loop {
            match Self::prepare(&mut conn) {
                Ok(()) => return Ok(Store { conn, path }),
                Err(e) if e.is_busy() && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => {
                    return Err(StoreError::classify(&path, e, started.elapsed().as_secs()));
                }
            }
        }
    }

    /// WAL journal, pragmas and migrations: everything opening a writable store does.
    fn prepare(conn: &mut Connection) -> Result<(), StoreError> {
        // WAL: readers (the HTTP server) never block the writer (ingest).
        let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        // A 64 MiB page cache (SQLite's default is 2 MiB): an ingest batch dirties more
        // pages than 2 MiB hold, so SQLite spilled them to the WAL mid-transaction and read
        // index pages back again; a profile of `kabar ingest` showed pwrite at 9 % of all
        // CPU. The cache grows only as pages are used.
        conn.execute_batch("PRAGMA cache_size=-65536;")?;
        schema::migrate(conn)
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection (for the query layer and tests).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    // Reads the store itself needs (the write side's summaries, the packed analysis
    // format it alone decodes); every other read is the kabar-query crate.

    /// The full stored analysis of one article.
    pub fn analysis(&self, id: &str) -> Result<Analysis, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT analysis, text FROM articles WHERE id = ?1")?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => crate::packed::decode(row.get_ref(0)?, row.get(1)?),
            None => Err(StoreError::NotFound(format!("no article {id}"))),
        }
    }

    /// Article counts by table, for summaries.
    pub fn counts(&self) -> Result<BTreeMap<&'static str, i64>, StoreError> {
        let mut m = BTreeMap::new();
        for t in [
            "articles", "events", "stories", "entities", "actions", "quotes",
        ] {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            m.insert(t, n);
        }
        Ok(m)
    }

    /// The number of events and of stories in the store.
    pub fn event_and_story_counts(&self) -> Result<(usize, usize), StoreError> {
        let n = |t: &str| -> Result<usize, StoreError> {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok((n("events")?, n("stories")?))
    }
}
