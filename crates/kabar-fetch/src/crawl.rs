//! Polling sources and fetching their new articles into the store.
//!
//! One poll is one batch: fetch every feed (conditional GET), keep the items never
//! fetched before (the store's fetch state), fetch those pages (multi-page articles
//! joined), then analyse and store them through the usual ingest path
//! ([`kabar_analyze::ingest_batch`], one transaction), and record every URL's state.
//! A stop request (SIGINT/SIGTERM) lets the current batch finish.

use crate::client::{FetchConfig, Fetched, Fetcher, Validators};
use crate::error::FetchError;
use crate::feed::{self, FeedItem};
use crate::sources::Source;
use crate::{charset, urls};
use kabar_analyze::{ingest_batch, Pipeline};
use kabar_core::{Lang, RawArticle};
use kabar_store::{FetchRecord, Store, StoreError};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;
use url::Url;

/// What a poll could not survive.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The analysis pipeline could not be built.
    #[error(transparent)]
    Pipeline(#[from] kabar_analyze::PipelineError),
    /// The fetcher could not be built.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The async runtime could not start.
    #[error("cannot start the async runtime: {0}")]
    Runtime(String),
}

/// What to fetch: a feed or sitemap, or an article page, or either (decided by the
/// response's content type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The URL.
    pub url: String,
    /// The source name it belongs to.
    pub source: Option<String>,
    /// Outlet for pages that do not name one.
    pub outlet: Option<String>,
    /// Language tag (`id`, `en`, `id-ID`): a hint to the pipeline, used when an
    /// article's own text does not tell its language ([`language_hint`]).
    pub language: Option<String>,
}

impl From<&Source> for Target {
    fn from(s: &Source) -> Target {
        Target {
            url: s.url.clone(),
            source: Some(s.name.clone()),
            outlet: s.outlet.clone(),
            language: s.language.clone(),
        }
    }
}

/// An article page to fetch, with what its target says about it.
struct PageJob {
    item: FeedItem,
    source: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
}

/// What one poll did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PollReport {
    /// Feeds and sitemaps fetched (200).
    pub feeds: usize,
    /// Feeds that answered 304 Not Modified.
    pub not_modified: usize,
    /// Items listed by the feeds.
    pub items: usize,
    /// Items already fetched in an earlier poll (not fetched again).
    pub seen: usize,
    /// Pages fetched.
    pub pages: usize,
    /// Articles added to the store.
    pub added: usize,
    /// Of which duplicates of stored articles.
    pub duplicates: usize,
    /// Articles already in the store (same content under another URL).
    pub already_stored: usize,
    /// Failures: URL and reason.
    pub failures: Vec<(String, String)>,
    /// Milliseconds from the last page fetched to its article being stored and linked.
    pub store_ms: u64,
}

/// A crawler: a fetcher, an analysis pipeline and an async runtime, driven synchronously.
pub struct Crawler {
    rt: tokio::runtime::Runtime,
    fetcher: Arc<Fetcher>,
    pipeline: Pipeline,
    stop: Arc<AtomicBool>,
}

impl std::fmt::Debug for Crawler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Crawler")
            .field("fetcher", &self.fetcher)
            .finish()
    }
}

/// A target and what fetching it gave.
type TargetResult = (Target, Result<Fetched, FetchError>);

/// One page's outcome.
struct PageResult {
    url: String,
    source: Option<String>,
    fetched: Result<(Fetched, RawArticle, Option<Lang>), FetchError>,
}

impl Crawler {
    /// A crawler with `config`; `today` bounds date inference as in `kabar ingest`.
    pub fn new(config: FetchConfig, today: chrono::NaiveDate) -> Result<Crawler, CrawlError> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| CrawlError::Runtime(e.to_string()))?;
        let fetcher = {
            let _guard = rt.enter();
            Arc::new(Fetcher::new(config)?)
        };
        Ok(Crawler {
            rt,
            fetcher,
            pipeline: Pipeline::new(today)?,
            stop: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Set to ask the crawler to stop after the current batch.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Whether a stop was asked for.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Sets the stop flag on SIGINT (Ctrl-C) or SIGTERM.
    pub fn stop_on_signals(&self) {
        let stop = self.stop.clone();
        self.rt.spawn(async move {
            #[cfg(unix)]
            {
                use tokio::signal::unix::{signal, SignalKind};
                let Ok(mut term) = signal(SignalKind::terminate()) else {
                    return;
                };
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("stop requested: finishing the current batch");
            stop.store(true, Ordering::SeqCst);
        });
    }

    /// Polls `targets` once: feeds, their new items, pages; stores the articles.
    pub fn poll(
        &self,
        store: &mut Store,
        targets: &[Target],
        progress: &dyn Fn(&str),
    ) -> Result<PollReport, CrawlError> {
        let mut report = PollReport::default();
        let mut pages: Vec<PageJob> = Vec::new();
        let mut direct: Vec<Target> = Vec::new();
        let mut docs = Vec::new();
        progress(&format!("fetching {} feed(s)", targets.len()));
        for (t, r) in self.fetch_all(store, targets)? {
            match r {
                Err(e) => fail(store, &mut report, &t.url, t.source.as_deref(), &e)?,
                Ok(f) if f.not_modified() => {
                    report.not_modified += 1;
                    record(store, &f, t.source.as_deref(), None)?;
                }
                Ok(f) if is_html(&f) => direct.push(t),
                Ok(f) => match feed::parse(&f.body, &f.final_url) {
                    Err(e) => fail(store, &mut report, &t.url, t.source.as_deref(), &e)?,
                    Ok(doc) => {
                        report.feeds += 1;
                        record(store, &f, t.source.as_deref(), None)?;
                        docs.push((t, doc));
                    }
                },
            }
        }
        for (t, doc) in docs {
            let children: Vec<Target> = doc
                .sitemaps
                .iter()
                .take(50)
                .map(|u| Target {
                    url: u.clone(),
                    ..t.clone()
                })
                .collect();
            let mut items = doc.items;
            for (ct, r) in self.fetch_all(store, &children)? {
                match r.and_then(|f| feed::parse(&f.body, &f.final_url).map(|d| (f, d))) {
                    Ok((f, d)) => {
                        record(store, &f, ct.source.as_deref(), None)?;
                        items.extend(d.items);
                    }
                    Err(e) => fail(store, &mut report, &ct.url, ct.source.as_deref(), &e)?,
                }
            }
            for item in items {
                report.items += 1;
                let known = store.fetched_url(&item.url)?;
                let done = known.as_ref().is_some_and(|k| k.fetched_at.is_some())
                    || pages.iter().any(|p| p.item.url == item.url);
                if done {
                    report.seen += 1;
                    store.touch_url(&item.url)?;
                } else {
                    pages.push(PageJob {
                        item,
                        source: t.source.clone(),
                        outlet: t.outlet.clone(),
                        language: t.language.clone(),
                    });
                }
            }
        }
        for t in direct {
            let item = FeedItem {
                url: t.url.clone(),
                ..Default::default()
            };
            pages.push(PageJob {
                item,
                source: t.source,
                outlet: t.outlet,
                language: t.language,
            });
        }
        progress(&format!("fetching {} page(s)", pages.len()));
        let results = self.fetch_pages(pages);
        self.store_pages(store, results, &mut report, progress)?;
        Ok(report)
    }

    /// Fetches targets concurrently with their stored validators.
    fn fetch_all(
        &self,
        store: &Store,
        targets: &[Target],
    ) -> Result<Vec<TargetResult>, CrawlError> {
        let mut jobs = Vec::new();
        for t in targets {
            let Some(url) = urls::normalize(&t.url) else {
                jobs.push((t.clone(), None, Validators::default()));
                continue;
            };
            let v = store
                .fetched_url(url.as_str())?
                .map(|k| Validators {
                    etag: k.etag,
                    last_modified: k.last_modified,
                })
                .unwrap_or_default();
            jobs.push((t.clone(), Some(url), v));
        }
        let fetcher = self.fetcher.clone();
        let out = self.rt.block_on(async move {
            let mut set = JoinSet::new();
            for (i, (t, url, v)) in jobs.into_iter().enumerate() {
                let f = fetcher.clone();
                set.spawn(async move {
                    let r = match &url {
                        Some(u) => f.get(u, &v).await,
                        None => Err(FetchError::BadUrl(t.url.clone())),
                    };
                    (i, t, r)
                });
            }
            let mut out = Vec::new();
            while let Some(j) = set.join_next().await {
                if let Ok(r) = j {
                    out.push(r);
                }
            }
            out.sort_by_key(|(i, _, _)| *i);
            out.into_iter().map(|(_, t, r)| (t, r)).collect::<Vec<_>>()
        });
        Ok(out)
    }

    /// Fetches and extracts article pages concurrently.
    fn fetch_pages(&self, pages: Vec<PageJob>) -> Vec<PageResult> {
        let fetcher = self.fetcher.clone();
        self.rt.block_on(async move {
            let mut set = JoinSet::new();
            for (i, job) in pages.into_iter().enumerate() {
                let f = fetcher.clone();
                set.spawn(async move {
                    let fetched = fetch_article(&f, &job).await;
                    (
                        i,
                        PageResult {
                            url: job.item.url,
                            source: job.source,
                            fetched,
                        },
                    )
                });
            }
            let mut out = Vec::new();
            while let Some(j) = set.join_next().await {
                if let Ok(r) = j {
                    out.push(r);
                }
            }
            out.sort_by_key(|(i, _)| *i);
            out.into_iter().map(|(_, r)| r).collect()
        })
    }

    /// Analyses the fetched pages, stores them in one transaction, records their state.
    fn store_pages(
        &self,
        store: &mut Store,
        results: Vec<PageResult>,
        report: &mut PollReport,
        progress: &dyn Fn(&str),
    ) -> Result<(), CrawlError> {
        let mut ok = Vec::new();
        for r in results {
            match r.fetched {
                Ok((f, raw, hint)) => ok.push((r.url, r.source, f, raw, hint)),
                Err(e) => fail(store, report, &r.url, r.source.as_deref(), &e)?,
            }
        }
        report.pages = ok.len();
        if ok.is_empty() {
            return Ok(());
        }
        progress(&format!("analysing {} article(s)", ok.len()));
        let fetched_at = Instant::now();
        let raws: Vec<(RawArticle, Option<Lang>)> = ok
            .iter()
            .map(|(_, _, _, raw, hint)| (raw.clone(), *hint))
            .collect();
        let analyses = self.pipeline.analyze_all_hinted(raws, &|| {});
        let summary = ingest_batch(store, &analyses)?;
        report.store_ms = fetched_at.elapsed().as_millis() as u64;
        report.added += summary.added;
        report.duplicates += summary.duplicates;
        report.already_stored += summary.already_stored;
        for ((url, source, f, _, _), a) in ok.iter().zip(&analyses) {
            let rec = FetchRecord {
                url,
                source: source.as_deref(),
                status: f.status,
                etag: f.validators.etag.as_deref(),
                last_modified: f.validators.last_modified.as_deref(),
                article: Some(&a.id),
            };
            store.record_fetch(&rec)?;
        }
        Ok(())
    }

    /// Runs until stopped: polls every source when its interval has passed, sleeping in
    /// between. `on_poll` sees each poll's report.
    pub fn watch(
        &self,
        store: &mut Store,
        sources: &[Source],
        progress: &dyn Fn(&str),
        on_poll: &mut dyn FnMut(&PollReport),
    ) -> Result<(), CrawlError> {
        let mut next: Vec<Instant> = vec![Instant::now(); sources.len()];
        while !self.stopping() {
            let now = Instant::now();
            let due: Vec<usize> = (0..sources.len()).filter(|&i| next[i] <= now).collect();
            if !due.is_empty() {
                let targets: Vec<Target> = due.iter().map(|&i| Target::from(&sources[i])).collect();
                let report = self.poll(store, &targets, progress)?;
                on_poll(&report);
                for &i in &due {
                    next[i] = now + Duration::from_secs(sources[i].interval);
                }
            }
            let until = next.iter().min().copied().unwrap_or(now);
            while !self.stopping() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(200).min(until - Instant::now()));
            }
        }
        Ok(())
    }
}

fn is_html(f: &Fetched) -> bool {
    f.content_type
        .as_deref()
        .is_some_and(|c| c.to_ascii_lowercase().contains("html"))
}

fn record(
    store: &Store,
    f: &Fetched,
    source: Option<&str>,
    article: Option<&str>,
) -> Result<(), StoreError> {
    store.record_fetch(&FetchRecord {
        url: f.url.as_str(),
        source,
        status: f.status,
        etag: f.validators.etag.as_deref(),
        last_modified: f.validators.last_modified.as_deref(),
        article,
    })
}

fn fail(
    store: &Store,
    report: &mut PollReport,
    url: &str,
    source: Option<&str>,
    e: &FetchError,
) -> Result<(), StoreError> {
    tracing::warn!(url, error = %e, "fetch failed");
    let key = urls::normalize(url).map_or_else(|| url.to_string(), |u| u.to_string());
    store.record_failure(&key, source, e.status(), &e.to_string())?;
    report.failures.push((key, e.to_string()));
    Ok(())
}

/// Most pages fetched for one multi-page article.
const MAX_EXTRA_PAGES: usize = 20;

/// The pipeline's language of a language tag: `id`, `in`, `ind`, `id-ID` → Indonesian;
/// `en`, `eng`, `en-US` → English; anything else gives no hint.
pub fn language_hint(tag: &str) -> Option<Lang> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "id" | "in" | "ind" => Some(Lang::Id),
        "en" | "eng" => Some(Lang::En),
        _ => None,
    }
}

/// Fetches an article page, follows its later pages, and builds the article with its
/// language hint (the target's language, else the page's declared one).
async fn fetch_article(
    f: &Fetcher,
    job: &PageJob,
) -> Result<(Fetched, RawArticle, Option<Lang>), FetchError> {
    let (item, outlet, source) = (&job.item, job.outlet.as_deref(), job.source.as_deref());
    let url = urls::normalize(&item.url).ok_or_else(|| FetchError::BadUrl(item.url.clone()))?;
    let page = f.get(&url, &Validators::default()).await?;
    let (html, _) = charset::decode(&page.body, page.content_type.as_deref());
    let mut got = kabar_extract::html::extract_page(&html, Some(page.final_url.as_str()))
        .map_err(|e| FetchError::Page(e.to_string()))?;
    let host = page.final_url.host_str().map(str::to_string);
    let same_host = |u: &Url| u.host_str().map(str::to_string) == host;
    if let Some(all) = got
        .meta
        .single_page
        .as_deref()
        .and_then(urls::normalize)
        .filter(same_host)
    {
        if let Ok(body) = page_body(f, &all).await {
            if body.len() > got.article.body.len() {
                got.article.body = body;
            }
        }
    } else {
        for next in got.meta.next_pages.iter().take(MAX_EXTRA_PAGES) {
            let Some(u) = urls::normalize(next).filter(same_host) else {
                continue;
            };
            match page_body(f, &u).await {
                Ok(body) if !got.article.body.contains(&body) => {
                    got.article.body.push_str("\n\n");
                    got.article.body.push_str(&body);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(url = %u, error = %e, "later page failed"),
            }
        }
    }
    let hint = job
        .language
        .as_deref()
        .and_then(language_hint)
        .or_else(|| got.meta.language.as_deref().and_then(language_hint));
    let a = got.article;
    let canonical = a
        .url
        .as_deref()
        .and_then(urls::normalize)
        .map(|u| u.to_string());
    let raw = RawArticle {
        source: source.map_or_else(|| url.to_string(), |s| format!("{s}: {url}")),
        external_id: None,
        title: a.title.or_else(|| item.title.clone()),
        url: canonical.or_else(|| Some(url.to_string())),
        outlet: a.outlet.or_else(|| outlet.map(str::to_string)),
        published_raw: a.published_raw.or_else(|| item.published.clone()),
        body: a.body,
    };
    Ok((page, raw, hint))
}

async fn page_body(f: &Fetcher, url: &Url) -> Result<String, FetchError> {
    let p = f.get(url, &Validators::default()).await?;
    let (html, _) = charset::decode(&p.body, p.content_type.as_deref());
    kabar_extract::html::extract(&html, Some(p.final_url.as_str()))
        .map(|a| a.body)
        .map_err(|e| FetchError::Page(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_give_pipeline_hints() {
        assert_eq!(language_hint("id"), Some(Lang::Id));
        assert_eq!(language_hint("id-ID"), Some(Lang::Id));
        assert_eq!(language_hint(" in "), Some(Lang::Id));
        assert_eq!(language_hint("en_GB"), Some(Lang::En));
        assert_eq!(language_hint("ms"), None);
        assert_eq!(language_hint(""), None);
    }

    #[test]
    fn the_hint_decides_only_when_the_text_cannot() {
        let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
        let raw = |body: &str| RawArticle {
            source: "t".into(),
            body: body.into(),
            ..Default::default()
        };
        // figures only: the text tells nothing, so the hint decides
        let scores = "12.30 — 14.45 — 2-1 — 3-0";
        assert_eq!(p.analyze_hinted(raw(scores), None).lang, Lang::Unknown);
        assert_eq!(p.analyze_hinted(raw(scores), Some(Lang::Id)).lang, Lang::Id);
        assert_eq!(p.analyze_hinted(raw(scores), Some(Lang::En)).lang, Lang::En);
        // a text that tells its language keeps it against a wrong hint
        let en = "The minister said the new rules would take effect next month, \
                  after the parliament approved them on Tuesday.";
        assert_eq!(p.analyze_hinted(raw(en), Some(Lang::Id)).lang, Lang::En);
    }
}
