//! Throw-away databases on a PostgreSQL server, for tests and benchmarks: each gets its
//! own, so tests running at once never see each other's rows.

use super::PgError;
use postgres::{Client, NoTls};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// `CI=true` without `$KABAR_TEST_PG`: the PostgreSQL tests would be skipped silently.
#[derive(Debug, thiserror::Error)]
#[error("CI=true but KABAR_TEST_PG is not set: run the tests through scripts/test.sh")]
pub struct NoTestServer;

/// The test server's URL from `$KABAR_TEST_PG` (scripts/test.sh starts a private server and
/// sets it). Without it, `None` and a note that `what` is skipped, except under `CI=true`,
/// where a skipped test would hide the missing server: an error there.
pub fn test_server(what: &str) -> Result<Option<String>, NoTestServer> {
    match std::env::var("KABAR_TEST_PG") {
        Ok(u) if !u.is_empty() => Ok(Some(u)),
        _ if std::env::var("CI").as_deref() == Ok("true") => Err(NoTestServer),
        _ => {
            eprintln!("note: KABAR_TEST_PG is not set; {what} skipped");
            Ok(None)
        }
    }
}

/// A database created for one test and dropped when this goes out of scope.
#[derive(Debug)]
pub struct ScratchDb {
    admin_url: String,
    name: String,
    /// The URL of the new database.
    pub url: String,
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    match base[scheme_end..].find('/') {
        Some(i) => format!("{}/{db}{query}", &base[..scheme_end + i]),
        None => format!("{base}/{db}{query}"),
    }
}

impl ScratchDb {
    /// Creates an empty database named after `label`, this process and a counter, on the
    /// server `admin_url` points to (whose user may create databases).
    pub fn create(admin_url: &str, label: &str) -> Result<ScratchDb, PgError> {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let clean: String = label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(30)
            .collect();
        let name = format!("kabar_{clean}_{}_{n}", std::process::id());
        let mut admin = Client::connect(admin_url, NoTls)?;
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        Ok(ScratchDb {
            admin_url: admin_url.to_string(),
            url: with_database(admin_url, &name),
            name,
        })
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.admin_url, NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/kabar", "t1"),
            "postgres://u@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u@h/kabar?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:1", "t1"),
            "postgres://u@h:1/t1"
        );
    }
}
