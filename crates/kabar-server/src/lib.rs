//! Kabar's HTTP server: a JSON API under `/api/v1/` mirroring the CLI's queries (same
//! query layer, the `kabar-query` crate; same shapes as `--json`), and a small web UI at `/`.
//!
//! | route | CLI |
//! |---|---|
//! | `GET /api/v1/articles` | `kabar articles` |
//! | `GET /api/v1/articles/{id}` | `kabar analyze --json` record of a stored article |
//! | `GET /api/v1/events` | `kabar events` |
//! | `GET /api/v1/stories` | `kabar stories` |
//! | `GET /api/v1/stories/{id}` | `kabar story ID` |
//! | `GET /api/v1/entities` | `kabar entities` |
//! | `GET /api/v1/entities/{id_or_name}` | `kabar entity ID_OR_NAME` |
//! | `GET /api/v1/search?q=…&limit=…` | `kabar search` |
//! | `GET /api/v1/events/{id}/compare`, `/api/v1/stories/{id}/compare` | `kabar compare event\|story ID` |
//!
//! The store is opened **read-only**, never created or migrated here (`kabar serve` checks
//! and migrates it once before serving): a small pool of at most [`POOL_SIZE`] connections,
//! each opened once and reused, serves requests on tokio's blocking pool; WAL lets them read
//! beside a running `kabar ingest`.
//!
//! Every error is JSON `{"error": code, "message": text}` with its status: 400
//! `bad_request` (bad parameters, a search past the query limits), 404 `not_found`, 405
//! `method_not_allowed`, 503 `unavailable` (no store, a busy or not yet migrated store),
//! 500 `internal`.

#![warn(missing_docs)]

mod compare;
mod compare_page;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kabar_query::Backend;
use kabar_store::{Store, StoreError};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

mod answers;
mod api;
mod html;
mod openapi;
mod pages;
mod params;
mod records;

pub use params::{DEFAULT_LIMIT, MAX_LIMIT};

/// The most store connections the server opens (and requests it serves at once).
pub const POOL_SIZE: usize = 4;

/// The most hits one search may ask for; a larger `limit` is lowered to it.
pub const MAX_SEARCH_LIMIT: usize = 200;

/// Search hits per page when `limit` is not given.
pub const DEFAULT_SEARCH_LIMIT: u64 = 20;

/// Server configuration.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The store file, or a `postgres://` URL of a PostgreSQL store.
    pub db: PathBuf,
}

/// The SQLite store behind `s`, for comparisons: `kabar-compare` reads SQLite only, so on
/// PostgreSQL they answer 404 with this reason.
pub(crate) fn sqlite_of(s: &dyn Backend) -> Result<&Store, StoreError> {
    s.sqlite().ok_or_else(|| {
        StoreError::NotFound(
            "comparisons work on a SQLite store only (not yet on PostgreSQL)".into(),
        )
    })
}

/// Read-only connections, opened on first need and kept; a semaphore bounds how many
/// requests use the store at once, so hostile load cannot open unbounded connections.
///
/// Store changes are watched on one more connection of its own, outside the semaphore
/// ([`Pool::generation`]): every request reads its `PRAGMA data_version` first, and a
/// different value (another connection, such as an ingest, has committed since) empties the
/// record cache and starts a new *generation* of kept answers ([`answers`]), so a cached
/// record or page never outlives the store state it was built from, and a kept answer is
/// served even while every pooled connection is busy building others. Pooled connections
/// check too, on checkout, for changes committed while a request runs.
struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<(Box<dyn Backend>, i64)>>,
    permits: tokio::sync::Semaphore,
    cache: records::RecordCache,
    answers: answers::AnswerCache,
    generation: AtomicU64,
    watch: Mutex<Option<(Box<dyn Backend>, i64)>>,
}

impl Pool {
    /// Starts a new generation: what was cached is stale.
    fn changed(&self) {
        self.cache.clear();
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn checkout(&self) -> Result<(Box<dyn Backend>, i64), StoreError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let (store, seen) = match idle {
            Some((s, v)) => (s, Some(v)),
            None => (kabar_query::open_backend(&self.db, true)?, None),
        };
        let now = store.data_version()?;
        // A new connection reads the newest state; the watch connection has compared it
        // with what the caches were built from at the start of this request.
        if seen.is_some_and(|v| v != now) {
            self.changed();
        }
        Ok((store, now))
    }

    fn checkin(&self, store: (Box<dyn Backend>, i64)) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < POOL_SIZE {
            idle.push(store);
        }
    }

    /// The store generation now, after checking the store for changes on the watch
    /// connection (opened on first need; a blocking call of microseconds).
    fn generation(&self) -> Result<u64, StoreError> {
        let mut w = self.watch.lock().unwrap_or_else(|p| p.into_inner());
        match w.as_mut() {
            Some((store, seen)) => {
                let now = store.data_version()?;
                if now != *seen {
                    *seen = now;
                    self.changed();
                }
            }
            None => {
                let store = kabar_query::open_backend(&self.db, true)?;
                let now = store.data_version()?;
                *w = Some((store, now));
                // nothing cached can predate the first request: nothing to drop
            }
        }
        Ok(self.generation.load(Ordering::SeqCst))
    }
}

/// An HTTP status and the message sent as `{"error": code, "message": …}`.
#[derive(Debug)]
struct ApiError(StatusCode, String);

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match &e {
            StoreError::NotFound(_) => StatusCode::NOT_FOUND,
            StoreError::BadQuery(_) => StatusCode::BAD_REQUEST,
            StoreError::Missing(_)
            | StoreError::Busy { .. }
            | StoreError::NeedsMigration { .. } => StatusCode::SERVICE_UNAVAILABLE,
            e if e.is_busy() => StatusCode::SERVICE_UNAVAILABLE,
            StoreError::Postgres(p) if matches!(**p, kabar_store::pg::PgError::Connect { .. }) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, e.to_string())
    }
}

fn error_code(status: StatusCode) -> &'static str {
    match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        s if s.is_client_error() => "bad_request",
        _ => "internal",
    }
}

fn error_response(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": error_code(status), "message": message });
    (status, Json(body)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.0, &self.1)
    }
}

/// Turns every error response that is not already JSON (axum's own rejections of a bad
/// query string or path, 405s) into the API's JSON error shape, keeping its status.
async fn json_errors(resp: Response) -> Response {
    let status = resp.status();
    let is_json = resp.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v.as_bytes().starts_with(b"application/json") || v.as_bytes().starts_with(b"text/html")
    });
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return resp;
    }
    let bytes = axum::body::to_bytes(resp.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let message = if text.trim().is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text.trim().to_string()
    };
    let mut r = error_response(status, &message);
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

type ApiResult<T> = Result<Json<T>, ApiError>;

async fn with_store<T, F>(pool: Arc<Pool>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&dyn Backend) -> Result<T, StoreError> + Send + 'static,
{
    run_store(pool, f).await.map(Json)
}

/// Runs `f` on a pooled read-only connection on tokio's blocking pool.
async fn run_store<T, F>(pool: Arc<Pool>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&dyn Backend) -> Result<T, StoreError> + Send + 'static,
{
    run_pooled(pool, f).await
}

/// [`run_store`] for work whose error is not a [`StoreError`] (but can hold one), such as
/// a comparison.
pub(crate) async fn run_pooled<T, E, F>(pool: Arc<Pool>, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
    ApiError: From<E>,
    F: FnOnce(&dyn Backend) -> Result<T, E> + Send + 'static,
{
    let _permit = pool.permits.acquire().await.map_err(|_| {
        ApiError(
            StatusCode::SERVICE_UNAVAILABLE,
            "server is shutting down".into(),
        )
    })?;
    let p = pool.clone();
    match tokio::task::spawn_blocking(move || {
        let store = p.checkout()?;
        let answer = f(&*store.0);
        p.checkin(store);
        answer
    })
    .await
    {
        Ok(answer) => answer.map_err(ApiError::from),
        Err(e) => Err(ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("request failed: {e}"),
        )),
    }
}

/// The store generation now (see [`Pool::generation`]), off the async threads but outside
/// the pool's semaphore, so kept answers never wait behind builds.
pub(crate) async fn current_generation(pool: Arc<Pool>) -> Result<u64, ApiError> {
    match tokio::task::spawn_blocking(move || pool.generation()).await {
        Ok(g) => g.map_err(ApiError::from),
        Err(e) => Err(ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("request failed: {e}"),
        )),
    }
}

#[derive(Debug, Serialize)]
struct Health {
    status: &'static str,
    counts: std::collections::BTreeMap<&'static str, i64>,
}

/// The application router.
pub fn router(cfg: ServerConfig) -> Router {
    let pool = Arc::new(Pool {
        db: cfg.db,
        idle: Mutex::new(Vec::new()),
        permits: tokio::sync::Semaphore::new(POOL_SIZE),
        cache: records::RecordCache::default(),
        answers: answers::AnswerCache::default(),
        generation: AtomicU64::new(0),
        watch: Mutex::new(None),
    });
    Router::new()
        .route(
            "/api/v1/health",
            get(|State(c): State<Arc<Pool>>| async move {
                with_store(c, |s| {
                    Ok(Health {
                        status: "ok",
                        counts: s.counts()?,
                    })
                })
                .await
            }),
        )
        .route("/api/v1/stories/{id}", get(records::story))
        .route("/api/v1/entities/{id}", get(records::entity))
        .route(
            "/api/v1/openapi.json",
            get(|| async { Json(openapi::document()) }),
        )
        .merge(compare::routes())
        .merge(api::routes())
        .merge(pages::routes())
        .merge(compare_page::routes())
        .fallback(|uri: axum::http::Uri| async move {
            if uri.path().starts_with("/api/") {
                error_response(
                    StatusCode::NOT_FOUND,
                    "no such route; see /api/v1/openapi.json",
                )
            } else {
                pages::not_found_page()
            }
        })
        .layer(axum::middleware::from_fn_with_state(
            pool.clone(),
            answers::layer,
        ))
        .layer(axum::middleware::map_response(json_errors))
        .with_state(pool)
}

/// Serves until the process is stopped.
pub fn serve(cfg: ServerConfig, addr: &str) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!(
            "kabar: serving {} on http://{}/",
            kabar_store::pg::redact(&cfg.db.to_string_lossy()),
            listener.local_addr()?
        );
        axum::serve(listener, router(cfg)).await
    })
}
