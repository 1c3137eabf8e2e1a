//! Whole answers of read requests, kept until the store changes.
//!
//! Every page and API answer is a pure function of the request's path and query and of the
//! store's state, and a news store changes only when an ingest commits. So the server keeps
//! each successful answer (status 200, at most [`MAX_ANSWER`] bytes) under its path and
//! query, tagged with the store *generation* it was built in, and serves it again while the
//! generation is the same. The generation is the pool's count of observed store changes
//! ([`crate::Pool`] reads `PRAGMA data_version` — on PostgreSQL the transaction horizon — on
//! every checkout), so an ingest beside the server makes every kept answer stale at once
//! and the next request builds it again from the new state.
//!
//! Concurrent requests for the same answer are built once: the first builds it, the others
//! wait for it and are served what it kept (no stampede of identical builds when twenty
//! readers open the home page right after an ingest).
//!
//! Not kept: exports (streamed and unbounded), the health check (its counts are the point),
//! errors, and anything but `GET`. Each answer carries `x-kabar-cache: hit` or `miss`.
//!
//! Why not an HTTP cache in front (nginx, varnish): Kabar is one offline binary, and only
//! the server knows when the store changed; a TTL would either serve stale pages after an
//! ingest or expire answers that are still right.

use crate::Pool;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The largest answer kept (bytes); larger ones are served but built again each time.
pub(crate) const MAX_ANSWER: usize = 1 << 20;

/// The most bytes of answers kept; past it the cache starts again empty.
const MAX_BYTES: usize = 64 << 20;

/// The most answers kept; past it the cache starts again empty.
const MAX_ENTRIES: usize = 4096;

/// The name of the header that says whether an answer came from the cache.
const CACHE_HEADER: &str = "x-kabar-cache";

/// One kept answer.
struct Kept {
    generation: u64,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Inner {
    bytes: usize,
    map: HashMap<String, Arc<Kept>>,
}

/// Answers by path and query, each valid for the generation it was built in.
#[derive(Default)]
pub(crate) struct AnswerCache {
    inner: Mutex<Inner>,
    /// One lock per answer being built, so concurrent misses of one key build it once.
    building: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl AnswerCache {
    /// The build lock of `key`.
    fn build_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut m = self.building.lock().unwrap_or_else(|p| p.into_inner());
        if m.len() >= MAX_ENTRIES {
            // locks nobody holds or waits for; the others stay
            m.retain(|_, l| Arc::strong_count(l) > 1);
        }
        m.entry(key.to_string()).or_default().clone()
    }

    fn get(&self, key: &str, generation: u64) -> Option<Arc<Kept>> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner
            .map
            .get(key)
            .filter(|k| k.generation == generation)
            .cloned()
    }

    fn put(&self, key: String, kept: Kept) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        // Drop answers of older generations first; if that is not enough, start again.
        if inner.bytes + kept.body.len() > MAX_BYTES || inner.map.len() >= MAX_ENTRIES {
            let g = kept.generation;
            inner.map.retain(|_, k| k.generation == g);
            inner.bytes = inner.map.values().map(|k| k.body.len()).sum();
            if inner.bytes + kept.body.len() > MAX_BYTES || inner.map.len() >= MAX_ENTRIES {
                inner.map.clear();
                inner.bytes = 0;
            }
        }
        inner.bytes += kept.body.len();
        if let Some(old) = inner.map.insert(key, Arc::new(kept)) {
            inner.bytes -= old.body.len();
        }
    }
}

/// Whether answers to this request may be kept.
fn cacheable(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET && path != "/api/v1/health" && !path.starts_with("/api/v1/export/")
}

fn with_cache_header(mut r: Response, value: &'static str) -> Response {
    r.headers_mut()
        .insert(CACHE_HEADER, HeaderValue::from_static(value));
    r
}

fn kept_response(k: &Kept) -> Response {
    let mut r = Response::new(Body::from(k.body.clone()));
    *r.headers_mut() = k.headers.clone();
    with_cache_header(r, "hit")
}

/// Middleware: serves a kept answer of the current generation, or builds and keeps one.
pub(crate) async fn layer(State(pool): State<Arc<Pool>>, req: Request, next: Next) -> Response {
    if !cacheable(&req) {
        return next.run(req).await;
    }
    let key = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string());
    // The generation before building: a change during the build bumps it, so an answer
    // read from the old state is never served after the change is seen.
    let Ok(generation) = crate::current_generation(pool.clone()).await else {
        return next.run(req).await; // the handler reports the store error itself
    };
    if let Some(k) = pool.answers.get(&key, generation) {
        return kept_response(&k);
    }
    let lock = pool.answers.build_lock(&key);
    let _building = lock.lock().await;
    // Another request may have built it while this one waited.
    if let Some(k) = pool.answers.get(&key, generation) {
        return kept_response(&k);
    }
    let r = next.run(req).await;
    if r.status() != StatusCode::OK {
        return r;
    }
    let (parts, body) = r.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return with_cache_header(
            Response::from_parts(parts, Body::empty()),
            "miss", // unreachable in practice: bodies here are built in memory
        );
    };
    if bytes.len() <= MAX_ANSWER {
        pool.answers.put(
            key,
            Kept {
                generation,
                headers: parts.headers.clone(),
                body: bytes.clone(),
            },
        );
    }
    with_cache_header(Response::from_parts(parts, Body::from(bytes)), "miss")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(generation: u64, n: usize) -> Kept {
        Kept {
            generation,
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; n]),
        }
    }

    #[test]
    fn one_build_lock_per_key_and_idle_locks_are_dropped() {
        let c = AnswerCache::default();
        let a = c.build_lock("/");
        assert!(Arc::ptr_eq(&a, &c.build_lock("/")));
        assert!(!Arc::ptr_eq(&a, &c.build_lock("/stories")));
        for i in 0..MAX_ENTRIES + 1 {
            drop(c.build_lock(&format!("/a/{i}")));
        }
        let m = c.building.lock().unwrap();
        assert!(m.len() <= MAX_ENTRIES, "{} locks kept", m.len());
        assert!(m.contains_key("/"), "a held lock was dropped");
    }

    #[test]
    fn answers_of_another_generation_are_never_served() {
        let c = AnswerCache::default();
        c.put("/stories".into(), kept(1, 10));
        assert!(c.get("/stories", 1).is_some());
        assert!(c.get("/stories", 2).is_none());
        assert!(c.get("/stories?page=2", 1).is_none());
    }

    #[test]
    fn the_cache_stays_within_its_byte_budget() {
        let c = AnswerCache::default();
        let n = MAX_ANSWER;
        for i in 0..(MAX_BYTES / n + 8) {
            c.put(format!("/a/{i}"), kept(7, n));
            let inner = c.inner.lock().unwrap();
            assert!(inner.bytes <= MAX_BYTES, "{} bytes kept", inner.bytes);
            assert_eq!(
                inner.bytes,
                inner.map.values().map(|k| k.body.len()).sum::<usize>()
            );
        }
        // a newer generation drops the older answers first
        c.put("/new".into(), kept(8, MAX_BYTES - 10));
        let inner = c.inner.lock().unwrap();
        assert!(inner.map.values().all(|k| k.generation == 8));
    }
}
