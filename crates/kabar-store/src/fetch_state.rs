//! What `kabar fetch` / `kabar watch` remember between runs: every URL fetched (feed,
//! sitemap or page) with its HTTP status, validators (ETag, Last-Modified), when it was
//! first and last seen, the article it gave, and its failures with their reasons. A
//! restart reads this and fetches nothing twice.

use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// The stored state of one URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FetchedUrl {
    /// The normalised URL.
    pub url: String,
    /// The source (feed name) it came from, if any.
    pub source: Option<String>,
    /// Last HTTP status (0 when the request itself failed).
    pub status: i64,
    /// `ETag` of the last successful response.
    pub etag: Option<String>,
    /// `Last-Modified` of the last successful response.
    pub last_modified: Option<String>,
    /// First time it was seen (UTC, RFC 3339).
    pub first_seen: String,
    /// Last time it was seen in a feed or fetched.
    pub last_seen: String,
    /// Last successful fetch, if any.
    pub fetched_at: Option<String>,
    /// The article ID stored from it, for pages.
    pub article: Option<String>,
    /// Failures since the last success.
    pub failures: i64,
    /// The reason of the last failure.
    pub error: Option<String>,
}

/// One successful fetch to record.
#[derive(Debug, Clone, Default)]
pub struct FetchRecord<'a> {
    /// The normalised URL.
    pub url: &'a str,
    /// The source (feed name) it came from.
    pub source: Option<&'a str>,
    /// HTTP status (200, 304, …).
    pub status: u16,
    /// Response `ETag`.
    pub etag: Option<&'a str>,
    /// Response `Last-Modified`.
    pub last_modified: Option<&'a str>,
    /// The article stored from it.
    pub article: Option<&'a str>,
}

/// Counts per source for `kabar sources status`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceState {
    /// Source name (`""` for URLs given on the command line).
    pub source: String,
    /// URLs known.
    pub urls: i64,
    /// URLs fetched successfully at least once.
    pub fetched: i64,
    /// URLs whose last attempt failed.
    pub failing: i64,
    /// Articles stored.
    pub articles: i64,
    /// Last successful fetch.
    pub last_fetched: Option<String>,
}

/// A recorded failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FetchFailure {
    /// The URL.
    pub url: String,
    /// Its source.
    pub source: Option<String>,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Why.
    pub reason: String,
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ','now')";

impl Store {
    /// The stored state of `url`, if it was ever seen.
    pub fn fetched_url(&self, url: &str) -> Result<Option<FetchedUrl>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT url, source, status, etag, last_modified, first_seen, last_seen,
                        fetched_at, article, failures, error
                 FROM fetch_urls WHERE url = ?1",
                [url],
                |r| {
                    Ok(FetchedUrl {
                        url: r.get(0)?,
                        source: r.get(1)?,
                        status: r.get(2)?,
                        etag: r.get(3)?,
                        last_modified: r.get(4)?,
                        first_seen: r.get(5)?,
                        last_seen: r.get(6)?,
                        fetched_at: r.get(7)?,
                        article: r.get(8)?,
                        failures: r.get(9)?,
                        error: r.get(10)?,
                    })
                },
            )
            .optional()?;
        Ok(row)
    }

    /// Records a successful fetch (any status the fetcher accepted, 304 included): the
    /// validators are replaced only when the response gave new ones.
    pub fn record_fetch(&self, rec: &FetchRecord<'_>) -> Result<(), StoreError> {
        self.conn.execute(
            &format!(
                "INSERT INTO fetch_urls (url, source, status, etag, last_modified, first_seen,
                                         last_seen, fetched_at, article, failures, error)
                 VALUES (?1, ?2, ?3, ?4, ?5, {NOW}, {NOW}, {NOW}, ?6, 0, NULL)
                 ON CONFLICT(url) DO UPDATE SET
                   source = coalesce(excluded.source, source),
                   status = excluded.status,
                   etag = coalesce(excluded.etag, etag),
                   last_modified = coalesce(excluded.last_modified, last_modified),
                   last_seen = excluded.last_seen,
                   fetched_at = excluded.fetched_at,
                   article = coalesce(excluded.article, article),
                   failures = 0,
                   error = NULL"
            ),
            params![
                rec.url,
                rec.source,
                i64::from(rec.status),
                rec.etag,
                rec.last_modified,
                rec.article
            ],
        )?;
        Ok(())
    }

    /// Records a failed attempt with its reason (`status` 0 when no response came).
    pub fn record_failure(
        &self,
        url: &str,
        source: Option<&str>,
        status: u16,
        reason: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            &format!(
                "INSERT INTO fetch_urls (url, source, status, first_seen, last_seen, failures, error)
                 VALUES (?1, ?2, ?3, {NOW}, {NOW}, 1, ?4)
                 ON CONFLICT(url) DO UPDATE SET
                   source = coalesce(excluded.source, source),
                   status = excluded.status,
                   last_seen = excluded.last_seen,
                   failures = failures + 1,
                   error = excluded.error"
            ),
            params![url, source, i64::from(status), reason],
        )?;
        self.conn.execute(
            &format!(
                "INSERT INTO fetch_failures (url, source, at, reason) VALUES (?1, ?2, {NOW}, ?3)"
            ),
            params![url, source, reason],
        )?;
        Ok(())
    }

    /// Notes that `url` was seen again (in a feed) without fetching it.
    pub fn touch_url(&self, url: &str) -> Result<(), StoreError> {
        self.conn.execute(
            &format!("UPDATE fetch_urls SET last_seen = {NOW} WHERE url = ?1"),
            [url],
        )?;
        Ok(())
    }

    /// Counts per source.
    pub fn source_states(&self) -> Result<Vec<SourceState>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT coalesce(source, ''), count(*), count(fetched_at),
                    sum(CASE WHEN failures > 0 THEN 1 ELSE 0 END), count(article), max(fetched_at)
             FROM fetch_urls GROUP BY coalesce(source, '') ORDER BY 1",
        )?;
        let rows = st.query_map([], |r| {
            Ok(SourceState {
                source: r.get(0)?,
                urls: r.get(1)?,
                fetched: r.get(2)?,
                failing: r.get(3)?,
                articles: r.get(4)?,
                last_fetched: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest failures, newest first (of one source when `source` is given).
    pub fn fetch_failures(
        &self,
        source: Option<&str>,
        limit: usize,
    ) -> Result<Vec<FetchFailure>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT url, source, at, reason FROM fetch_failures
             WHERE ?1 IS NULL OR coalesce(source, '') = ?1
             ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![source, limit as i64], |r| {
            Ok(FetchFailure {
                url: r.get(0)?,
                source: r.get(1)?,
                at: r.get(2)?,
                reason: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fetches_and_failures_round_trip() {
        let store = Store::in_memory().unwrap();
        assert!(store.fetched_url("https://a.example/1").unwrap().is_none());
        store
            .record_failure("https://a.example/1", Some("feed-a"), 503, "HTTP 503")
            .unwrap();
        let u = store.fetched_url("https://a.example/1").unwrap().unwrap();
        assert_eq!((u.status, u.failures), (503, 1));
        assert_eq!(u.error.as_deref(), Some("HTTP 503"));
        assert!(u.fetched_at.is_none());
        store
            .record_fetch(&FetchRecord {
                url: "https://a.example/1",
                source: None,
                status: 200,
                etag: Some("\"v1\""),
                last_modified: None,
                article: Some("a:1"),
            })
            .unwrap();
        store
            .record_fetch(&FetchRecord {
                url: "https://a.example/1",
                status: 304,
                ..Default::default()
            })
            .unwrap();
        let u = store.fetched_url("https://a.example/1").unwrap().unwrap();
        assert_eq!(u.status, 304);
        assert_eq!(u.etag.as_deref(), Some("\"v1\""), "kept across a 304");
        assert_eq!(u.source.as_deref(), Some("feed-a"));
        assert_eq!((u.failures, u.error), (0, None));
        assert_eq!(u.article.as_deref(), Some("a:1"));
        let s = store.source_states().unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].urls, s[0].fetched, s[0].failing, s[0].articles),
            (1, 1, 0, 1)
        );
        let f = store.fetch_failures(Some("feed-a"), 10).unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].reason, "HTTP 503");
        assert!(store.fetch_failures(Some("other"), 10).unwrap().is_empty());
    }
}
