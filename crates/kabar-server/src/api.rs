//! The paged JSON lists of `/api/v1/` and the article and event records.
//!
//! Lists answer a JSON array of one page of rows (the CLI's row shapes, extended); the
//! total that matched is in the `X-Total-Count` header, the page in `X-Offset` and
//! `X-Limit`. See [`crate::params`] for the parameters.

use crate::params::{given, ListQuery};
use crate::{run_store, ApiError, Pool};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kabar_query::export::{ExportError, Format, Table};
use kabar_query::prelude::*;
use kabar_query::Backend;
use kabar_store::StoreError;
use serde::Serialize;
use std::sync::Arc;

pub(crate) use kabar_query::{ArticleOut, EventOut};

/// A page of rows as a JSON array with the paging headers.
pub(crate) fn paged<T: Serialize>(page: Page<T>, req: PageReq) -> Response {
    let mut r = Json(page.items).into_response();
    for (k, v) in [
        ("x-total-count", page.total),
        ("x-offset", req.offset),
        ("x-limit", req.limit),
    ] {
        r.headers_mut()
            .insert(HeaderName::from_static(k), HeaderValue::from(v));
    }
    r
}

/// The filter with its entity resolved from an ID, name or alias to the entity's ID.
pub(crate) fn resolve(store: &dyn Backend, mut f: Filter) -> Result<Filter, StoreError> {
    if let Some(e) = f.entity.take() {
        f.entity = Some(store.find_entity(&e)?.id);
    }
    Ok(f)
}

/// The article record of `/api/v1/articles/{id}`.
pub(crate) fn article_out(store: &dyn Backend, id: &str) -> Result<ArticleOut, StoreError> {
    kabar_query::article_record(store, id)
}

/// The event record of `/api/v1/events/{id}`.
pub(crate) fn event_out(store: &dyn Backend, id: &str) -> Result<EventOut, StoreError> {
    kabar_query::event_record(store, id)
}

type P = State<Arc<Pool>>;

async fn stories(State(pool): P, Query(q): Query<ListQuery>) -> Result<Response, ApiError> {
    let (req, _) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let page = run_store(pool, move |s| s.story_page(&resolve(s, f)?, sort, req)).await?;
    Ok(paged(page, req))
}

async fn events(State(pool): P, Query(q): Query<ListQuery>) -> Result<Response, ApiError> {
    let (req, _) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let page = run_store(pool, move |s| {
        s.event_page(&resolve(s, f)?, sort, None, req)
    })
    .await?;
    Ok(paged(page, req))
}

async fn articles(State(pool): P, Query(q): Query<ListQuery>) -> Result<Response, ApiError> {
    let (req, _) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let page = run_store(pool, move |s| {
        s.article_page(&resolve(s, f)?, sort, None, req)
    })
    .await?;
    Ok(paged(page, req))
}

async fn entities(State(pool): P, Query(q): Query<ListQuery>) -> Result<Response, ApiError> {
    let (req, _) = q.page()?;
    let f = q.filter()?;
    let kind = given(&q.kind).map(str::to_uppercase);
    let name = given(&q.q).map(str::to_string);
    let page = run_store(pool, move |s| {
        s.entity_page(&f, kind.as_deref(), name.as_deref(), req)
    })
    .await?;
    Ok(paged(page, req))
}

async fn search(State(pool): P, Query(q): Query<ListQuery>) -> Result<Response, ApiError> {
    let Some(text) = given(&q.q).map(str::to_string) else {
        return Err(ApiError(
            axum::http::StatusCode::BAD_REQUEST,
            "missing q: the words to search for (/api/v1/search?q=banjir)".into(),
        ));
    };
    let (mut req, _) = q.page()?;
    if q.limit.is_none() {
        req.limit = crate::DEFAULT_SEARCH_LIMIT;
    }
    req.limit = req.limit.min(crate::MAX_SEARCH_LIMIT as u64);
    let f = q.filter()?;
    let mut page = run_store(pool, move |s| s.search_page(&text, &resolve(s, f)?, req)).await?;
    for h in &mut page.items {
        // the CLI's and the earlier API's match markers
        h.snippet = h.snippet.replace('\u{2}', "[").replace('\u{3}', "]");
    }
    Ok(paged(page, req))
}

async fn article(State(pool): P, UrlPath(id): UrlPath<String>) -> Result<Response, ApiError> {
    let a = run_store(pool, move |s| article_out(s, &id)).await?;
    Ok(Json(a).into_response())
}

async fn event(State(pool): P, UrlPath(id): UrlPath<String>) -> Result<Response, ApiError> {
    let e = run_store(pool, move |s| event_out(s, &id)).await?;
    Ok(Json(e).into_response())
}

#[derive(Debug, serde::Deserialize)]
struct ExportQuery {
    format: Option<String>,
}

/// `/api/v1/export/{table}?format=jsonl|csv`: the whole table, as `kabar export` writes it.
async fn export(
    State(pool): P,
    UrlPath(table): UrlPath<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, ApiError> {
    let bad = |m: String| ApiError(axum::http::StatusCode::BAD_REQUEST, m);
    let t = Table::parse(&table).ok_or_else(|| {
        ApiError(
            axum::http::StatusCode::NOT_FOUND,
            format!("no export {table:?}: events, actions, entities or articles"),
        )
    })?;
    let fmt_name = q.format.as_deref().unwrap_or("jsonl");
    let fmt = Format::parse(fmt_name)
        .ok_or_else(|| bad(format!("format must be jsonl or csv, got {fmt_name:?}")))?;
    let bytes = run_store(pool, move |s| {
        let mut out = Vec::new();
        s.export(t, fmt, &mut out).map_err(|e| match e {
            ExportError::Store(e) => e,
            other => StoreError::NotFound(other.to_string()),
        })?;
        Ok(out)
    })
    .await?;
    let ctype = match fmt {
        Format::Csv => "text/csv; charset=utf-8",
        Format::Jsonl => "application/x-ndjson",
    };
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            HeaderValue::from_static(ctype),
        )],
        bytes,
    )
        .into_response())
}

/// The routes of this module.
pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route("/api/v1/stories", get(stories))
        .route("/api/v1/events", get(events))
        .route("/api/v1/events/{id}", get(event))
        .route("/api/v1/articles", get(articles))
        .route("/api/v1/articles/{id}", get(article))
        .route("/api/v1/entities", get(entities))
        .route("/api/v1/search", get(search))
        .route("/api/v1/export/{table}", get(export))
}
