//! Kabar's HTTP server: a JSON API under `/api/v1/` mirroring the CLI's queries (same
//! query layer, same shapes as `--json`), and a small web UI at `/`.
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
//!
//! SQLite connections are not shared between threads: each request opens the store
//! (cheap; WAL lets readers run beside an ingest) on tokio's blocking pool.

#![warn(missing_docs)]

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kabar_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("../assets/index.html");

/// Server configuration.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The store file.
    pub db: PathBuf,
}

/// An HTTP status and the message sent as `{"error": …}`.
struct ApiError(StatusCode, String);

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let status = match &e {
            StoreError::NotFound(_) => StatusCode::NOT_FOUND,
            StoreError::Missing(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError(status, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

async fn with_store<T, F>(cfg: Arc<ServerConfig>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    match tokio::task::spawn_blocking(move || {
        let store = Store::open_existing(&cfg.db)?;
        f(&store)
    })
    .await
    {
        Ok(answer) => answer.map(Json).map_err(ApiError::from),
        Err(e) => Err(ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("request failed: {e}"),
        )),
    }
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    q: String,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    20
}

#[derive(Debug, Serialize)]
struct Health {
    status: &'static str,
    counts: std::collections::BTreeMap<&'static str, i64>,
}

/// The application router.
pub fn router(cfg: ServerConfig) -> Router {
    let cfg = Arc::new(cfg);
    Router::new()
        .route("/", get(|| async { Html(INDEX_HTML) }))
        .route(
            "/api/v1/health",
            get(|State(c): State<Arc<ServerConfig>>| async move {
                with_store(c, |s| Ok(Health { status: "ok", counts: s.counts()? })).await
            }),
        )
        .route(
            "/api/v1/articles",
            get(|State(c): State<Arc<ServerConfig>>| async move { with_store(c, |s| s.articles()).await }),
        )
        .route(
            "/api/v1/articles/{id}",
            get(|State(c): State<Arc<ServerConfig>>, UrlPath(id): UrlPath<String>| async move {
                with_store(c, move |s| s.analysis(&id)).await
            }),
        )
        .route(
            "/api/v1/events",
            get(|State(c): State<Arc<ServerConfig>>| async move { with_store(c, |s| s.events()).await }),
        )
        .route(
            "/api/v1/stories",
            get(|State(c): State<Arc<ServerConfig>>| async move { with_store(c, |s| s.stories()).await }),
        )
        .route(
            "/api/v1/stories/{id}",
            get(|State(c): State<Arc<ServerConfig>>, UrlPath(id): UrlPath<String>| async move {
                with_store(c, move |s| kabar_analyze::views::story_record(s, &id)).await
            }),
        )
        .route(
            "/api/v1/entities",
            get(|State(c): State<Arc<ServerConfig>>| async move { with_store(c, |s| s.entities()).await }),
        )
        .route(
            "/api/v1/entities/{id}",
            get(|State(c): State<Arc<ServerConfig>>, UrlPath(id): UrlPath<String>| async move {
                with_store(c, move |s| kabar_analyze::views::entity_record(s, &id)).await
            }),
        )
        .route(
            "/api/v1/search",
            get(|State(c): State<Arc<ServerConfig>>, Query(p): Query<SearchParams>| async move {
                with_store(c, move |s| s.search(&p.q, p.limit.min(200))).await
            }),
        )
        .fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"error":"no such route; see /api/v1/stories, /api/v1/entities, /api/v1/search?q="}"#,
            )
        })
        .with_state(cfg)
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
            cfg.db.display(),
            listener.local_addr()?
        );
        axum::serve(listener, router(cfg)).await
    })
}
