//! The story and entity records (`/api/v1/stories/{id}`, `/api/v1/entities/{id}` and the
//! two web pages), bounded and cached.
//!
//! A record of a 500-article story or of an entity mentioned in 15,000 articles is built
//! from thousands of rows (a timeline merge, every role's article list), so the server
//! keeps the records it built, per story or entity, until the store changes: every request
//! reads SQLite's `PRAGMA data_version` on its connection first, and any change committed
//! by another connection (an ingest beside the server) empties the cache (see
//! [`crate::Pool`]). Answers are bounded: each list part holds its first
//! [`PART_LIMIT`] items with `totals`; `?part=NAME&offset=…&limit=…` pages through one
//! part; `?full=true` gives the whole record (docs/SPEC.md).

use crate::params::{given, ListQuery};
use crate::{run_store, ApiError, Pool};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use kabar_query::Backend;
use kabar_query::{EntityOut, PartPage, StoryOut, PART_LIMIT};
use kabar_store::StoreError;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The most records of each kind kept; past it the cache starts again empty.
const CACHE_ENTRIES: usize = 256;

/// Built story and entity records, valid until the store changes.
#[derive(Default)]
pub(crate) struct RecordCache {
    stories: Mutex<HashMap<String, Arc<StoryOut>>>,
    entities: Mutex<HashMap<String, Arc<EntityOut>>>,
}

fn get<T>(m: &Mutex<HashMap<String, Arc<T>>>, key: &str) -> Option<Arc<T>> {
    m.lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(key)
        .cloned()
}

fn put<T>(m: &Mutex<HashMap<String, Arc<T>>>, keys: &[&str], v: &Arc<T>) {
    let mut m = m.lock().unwrap_or_else(|p| p.into_inner());
    if m.len() + keys.len() > CACHE_ENTRIES {
        m.clear();
    }
    for k in keys {
        m.insert(k.to_string(), v.clone());
    }
}

impl RecordCache {
    /// Forgets every record (the store changed).
    pub(crate) fn clear(&self) {
        self.stories
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        self.entities
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// The full story record, built once per store version.
    pub(crate) fn story(&self, s: &dyn Backend, id: &str) -> Result<Arc<StoryOut>, StoreError> {
        if let Some(r) = get(&self.stories, id) {
            return Ok(r);
        }
        let r = Arc::new(kabar_query::story_record(s, id)?);
        put(&self.stories, &[id, &r.id], &r);
        Ok(r)
    }

    /// The full entity record (by ID, name or alias), built once per store version.
    pub(crate) fn entity(&self, s: &dyn Backend, id: &str) -> Result<Arc<EntityOut>, StoreError> {
        if let Some(r) = get(&self.entities, id) {
            return Ok(r);
        }
        let r = Arc::new(kabar_query::entity_record(s, id)?);
        put(&self.entities, &[id, &r.entity.id], &r);
        Ok(r)
    }
}

/// The parameters of a record: one part's page, or the whole record.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RecordQuery {
    part: Option<String>,
    offset: Option<String>,
    page: Option<String>,
    limit: Option<String>,
    full: Option<String>,
}

/// What a record request asks for.
enum Want {
    Bounded(usize),
    Full,
    Part(String, u64, u64),
}

impl RecordQuery {
    fn want(&self, parts: &[&str]) -> Result<Want, ApiError> {
        let bad = |m: String| ApiError(StatusCode::BAD_REQUEST, m);
        let paging = ListQuery {
            limit: self.limit.clone(),
            offset: self.offset.clone(),
            page: self.page.clone(),
            ..ListQuery::default()
        };
        let (mut req, _) = paging.page()?;
        if given(&self.limit).is_none() {
            req.limit = PART_LIMIT as u64;
        }
        let full = match given(&self.full) {
            None | Some("false") | Some("0") => false,
            Some("true") | Some("1") => true,
            Some(v) => return Err(bad(format!("full must be true or false, got {v:?}"))),
        };
        match given(&self.part) {
            Some(p) if parts.contains(&p) => Ok(Want::Part(p.to_string(), req.offset, req.limit)),
            Some(p) => Err(bad(format!(
                "part must be one of {}, got {p:?}",
                parts.join(", ")
            ))),
            None if full => Ok(Want::Full),
            None => Ok(Want::Bounded(req.limit as usize)),
        }
    }
}

/// One part's page as a JSON array with the list headers (`X-Total-Count`, …).
fn part_response(p: PartPage, offset: u64, limit: u64) -> Response {
    let mut r = Json(p.items).into_response();
    for (k, v) in [
        ("x-total-count", p.total as u64),
        ("x-offset", offset),
        ("x-limit", limit),
    ] {
        r.headers_mut()
            .insert(HeaderName::from_static(k), HeaderValue::from(v));
    }
    r
}

type P = State<Arc<Pool>>;

/// `GET /api/v1/stories/{id}`.
pub(crate) async fn story(
    State(pool): P,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<RecordQuery>,
) -> Result<Response, ApiError> {
    let want = q.want(StoryOut::PARTS)?;
    let p = pool.clone();
    let rec = run_store(pool, move |s| p.cache.story(s, &id)).await?;
    Ok(match want {
        Want::Full => Json(&*rec).into_response(),
        Want::Bounded(n) => Json(rec.bounded(n)).into_response(),
        Want::Part(name, off, lim) => {
            let page = rec
                .part(&name, off as usize, lim as usize)
                .expect("part checked");
            part_response(page, off, lim)
        }
    })
}

/// `GET /api/v1/entities/{id}`.
pub(crate) async fn entity(
    State(pool): P,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<RecordQuery>,
) -> Result<Response, ApiError> {
    let want = q.want(EntityOut::PARTS)?;
    let p = pool.clone();
    let rec = run_store(pool, move |s| p.cache.entity(s, &id)).await?;
    Ok(match want {
        Want::Full => Json(&*rec).into_response(),
        Want::Bounded(n) => Json(rec.bounded(n)).into_response(),
        Want::Part(name, off, lim) => {
            let page = rec
                .part(&name, off as usize, lim as usize)
                .expect("part checked");
            part_response(page, off, lim)
        }
    })
}
