//! `GET /api/v1/events/{id}/compare` and `GET /api/v1/stories/{id}/compare`: the JSON of
//! `kabar compare event|story ID --json` (kabar-compare; docs/compare.md).

use super::{ApiError, ApiResult, Pool};
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use kabar_compare::{compare_event, compare_story, CompareError};
use kabar_query::Backend;
use std::sync::Arc;

/// The comparison routes, merged into the API router.
pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route(
            "/api/v1/events/{id}/compare",
            get(
                |State(c): State<Arc<Pool>>, UrlPath(id): UrlPath<String>| async move {
                    with_compare(c, move |s| compare_event(super::sqlite_of(s)?, &id)).await
                },
            ),
        )
        .route(
            "/api/v1/stories/{id}/compare",
            get(
                |State(c): State<Arc<Pool>>, UrlPath(id): UrlPath<String>| async move {
                    with_compare(c, move |s| compare_story(super::sqlite_of(s)?, &id)).await
                },
            ),
        )
}

impl From<CompareError> for ApiError {
    fn from(e: CompareError) -> Self {
        match e {
            CompareError::Store(s) => ApiError::from(s),
            other => ApiError(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

/// Runs a comparison on a pooled read-only connection (as the other routes do).
async fn with_compare<T, F>(pool: Arc<Pool>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&dyn Backend) -> Result<T, CompareError> + Send + 'static,
{
    super::run_pooled(pool, f).await.map(Json)
}
