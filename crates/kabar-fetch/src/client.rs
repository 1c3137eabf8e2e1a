//! The HTTP client: polite (per-host minimum interval and concurrency cap, robots.txt),
//! safe ([`NetPolicy`] after DNS and on every redirect, at most `max_redirects`, a body
//! cap that also bounds decompressed bodies), patient (retries with exponential backoff
//! and jitter, `Retry-After` on 429/503) and bounded (connect, read and total timeouts).

use crate::error::FetchError;
use crate::policy::{NetPolicy, PolicyResolver};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use texting_robots::Robot;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use url::Url;

/// The user agent token robots.txt rules are matched against.
pub const ROBOTS_AGENT: &str = "KabarBot";

/// How a [`Fetcher`] behaves. `Default` is the production setting.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Sent as `User-Agent`.
    pub user_agent: String,
    /// Where connections may go.
    pub policy: NetPolicy,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Longest wait for the next bytes of a response.
    pub read_timeout: Duration,
    /// Longest time for one request, body included.
    pub total_timeout: Duration,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Largest body read (after decompression).
    pub max_body: u64,
    /// Retries after a transient failure (timeout, network error, 429, 5xx).
    pub retries: u32,
    /// First backoff; doubled at every retry, with jitter.
    pub backoff: Duration,
    /// Longest wait for a retry; a larger Retry-After fails the fetch.
    pub max_retry_wait: Duration,
    /// Minimum time between two requests to one host.
    pub host_interval: Duration,
    /// Requests in flight to one host at most.
    pub host_concurrency: usize,
    /// Requests in flight at most.
    pub concurrency: usize,
    /// Honour robots.txt.
    pub robots: bool,
    /// How long a robots.txt is trusted.
    pub robots_ttl: Duration,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            user_agent: format!(
                "{ROBOTS_AGENT}/{} (+https://example.invalid/kabar; news research crawler)",
                env!("CARGO_PKG_VERSION")
            ),
            policy: NetPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_redirects: 5,
            max_body: 10 * 1024 * 1024,
            retries: 2,
            backoff: Duration::from_secs(2),
            max_retry_wait: Duration::from_secs(120),
            host_interval: Duration::from_secs(1),
            host_concurrency: 2,
            concurrency: 32,
            robots: true,
            robots_ttl: Duration::from_secs(6 * 3600),
        }
    }
}

/// Validators of an earlier response, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag` → `If-None-Match`.
    pub etag: Option<String>,
    /// `Last-Modified` → `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A fetched response.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for.
    pub url: Url,
    /// The URL the body came from, after redirects.
    pub final_url: Url,
    /// HTTP status: 200-class, or 304 (then `body` is empty).
    pub status: u16,
    /// `Content-Type`.
    pub content_type: Option<String>,
    /// New validators.
    pub validators: Validators,
    /// The body, decompressed, at most `max_body` bytes.
    pub body: Vec<u8>,
}

impl Fetched {
    /// 304 Not Modified.
    pub fn not_modified(&self) -> bool {
        self.status == 304
    }
}

#[derive(Default)]
struct Host {
    next: Option<Instant>,
    slots: Option<Arc<Semaphore>>,
    /// robots.txt rules (`None`: disallow all) and when they expire
    robots: Option<(Arc<Option<Robot>>, Instant)>,
}

/// The fetcher. Cheap to share behind an `Arc`; every method is `&self`.
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    hosts: Mutex<HashMap<String, Host>>,
    slots: Arc<Semaphore>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("config", &self.config)
            .finish()
    }
}

/// Raised from the redirect policy; found again in the error chain.
#[derive(Debug)]
struct RedirectRefused(FetchError);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for RedirectRefused {}

impl Fetcher {
    /// Builds a fetcher. Proxies from the environment are ignored: a proxy would resolve
    /// names itself and bypass the address policy.
    pub fn new(config: FetchConfig) -> Result<Fetcher, FetchError> {
        let policy = Arc::new(config.policy.clone());
        let redirect_policy = policy.clone();
        let max = config.max_redirects;
        let redirect = reqwest::redirect::Policy::custom(move |attempt| {
            let refused = if attempt.previous().len() > max {
                Some(FetchError::TooManyRedirects(max))
            } else if attempt.previous().iter().any(|u| u == attempt.url()) {
                Some(FetchError::RedirectLoop(attempt.url().to_string()))
            } else {
                redirect_policy.check_url(attempt.url()).err()
            };
            match refused {
                Some(e) => attempt.error(RedirectRefused(e)),
                None => attempt.follow(),
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .redirect(redirect)
            .dns_resolver(Arc::new(PolicyResolver(policy)))
            .no_proxy()
            .https_only(false)
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        let slots = Arc::new(Semaphore::new(config.concurrency.max(1)));
        Ok(Fetcher {
            client,
            config,
            hosts: Mutex::new(HashMap::new()),
            slots,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// GETs `url` (conditionally when `validators` has any), honouring robots.txt,
    /// politeness, retries and every limit.
    pub async fn get(&self, url: &Url, validators: &Validators) -> Result<Fetched, FetchError> {
        self.config.policy.check_url(url)?;
        if self.config.robots && !self.robots_allow(url).await? {
            return Err(FetchError::Robots);
        }
        self.get_with_retries(url, validators).await
    }

    async fn get_with_retries(
        &self,
        url: &Url,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let mut attempt = 0;
        loop {
            let (result, retry_after) = self.get_once(url, validators).await;
            let err = match result {
                Ok(f) => return Ok(f),
                Err(e) => e,
            };
            if !err.is_transient() || attempt >= self.config.retries {
                return Err(err);
            }
            let wait = match retry_after {
                Some(w) if w > self.config.max_retry_wait => {
                    return Err(FetchError::Status {
                        status: err.status(),
                        retry_after: Some(w.as_secs()),
                    })
                }
                Some(w) => w,
                None => self.backoff(attempt),
            };
            tracing::debug!(%url, error = %err, wait_ms = wait.as_millis() as u64, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Exponential backoff with full jitter in [½, 1] of the step, capped.
    fn backoff(&self, attempt: u32) -> Duration {
        let step = self
            .config
            .backoff
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.config.max_retry_wait);
        step.mul_f64(0.5 + fastrand::f64() / 2.0)
    }

    /// One attempt; also returns the Retry-After the server gave.
    async fn get_once(
        &self,
        url: &Url,
        validators: &Validators,
    ) -> (Result<Fetched, FetchError>, Option<Duration>) {
        let _global = self.slots.clone().acquire_owned().await;
        let _host = self.wait_for_host(url).await;
        let mut req = self
            .client
            .get(url.clone())
            .timeout(self.config.total_timeout);
        if let Some(e) = &validators.etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, e);
        }
        if let Some(l) = &validators.last_modified {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, l);
        }
        let resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return (Err(map_error(&e)), None),
        };
        let status = resp.status().as_u16();
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let retry_after = header(reqwest::header::RETRY_AFTER).and_then(|v| parse_retry_after(&v));
        if status == 304 {
            let f = Fetched {
                url: url.clone(),
                final_url: resp.url().clone(),
                status,
                content_type: None,
                validators: validators.clone(),
                body: Vec::new(),
            };
            return (Ok(f), None);
        }
        if (300..400).contains(&status) {
            // reqwest hands back, unfollowed, a redirect to a URL it cannot fetch
            let to = header(reqwest::header::LOCATION).and_then(|l| resp.url().join(&l).ok());
            if let Some(to) = to.filter(|u| !matches!(u.scheme(), "http" | "https")) {
                return (Err(FetchError::Scheme(to.scheme().to_string())), None);
            }
        }
        if !(200..300).contains(&status) {
            return (
                Err(FetchError::Status {
                    status,
                    retry_after: None,
                }),
                retry_after,
            );
        }
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let new_validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let final_url = resp.url().clone();
        let body = match self.read_body(resp).await {
            Ok(b) => b,
            Err(e) => return (Err(e), None),
        };
        let f = Fetched {
            url: url.clone(),
            final_url,
            status,
            content_type,
            validators: new_validators,
            body,
        };
        (Ok(f), None)
    }

    /// Reads the body chunk by chunk (decompressed by reqwest as it streams), stopping as
    /// soon as it passes the cap: a 1 GB body or a gzip bomb costs at most the cap.
    async fn read_body(&self, mut resp: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let cap = self.config.max_body;
        // a declared length is only trusted when the body is not compressed
        if resp.content_length().is_some_and(|n| n > cap) {
            return Err(FetchError::TooLarge(cap));
        }
        let mut body = Vec::new();
        loop {
            match resp.chunk().await {
                Ok(Some(c)) => {
                    if body.len() as u64 + c.len() as u64 > cap {
                        return Err(FetchError::TooLarge(cap));
                    }
                    body.extend_from_slice(&c);
                }
                Ok(None) => return Ok(body),
                Err(e) => return Err(map_error(&e)),
            }
        }
    }

    /// Waits for the host's turn (minimum interval) and takes one of its slots.
    async fn wait_for_host(&self, url: &Url) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let key = host_key(url);
        let (slots, wait_until) = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            let h = hosts.entry(key).or_default();
            let slots = h
                .slots
                .get_or_insert_with(|| {
                    Arc::new(Semaphore::new(self.config.host_concurrency.max(1)))
                })
                .clone();
            let now = Instant::now();
            let at = h.next.map_or(now, |n| n.max(now));
            h.next = Some(at + self.config.host_interval);
            (slots, at)
        };
        tokio::time::sleep_until(wait_until).await;
        slots.acquire_owned().await.ok()
    }

    /// Whether robots.txt of the URL's origin allows it (cached per origin; a missing or
    /// 4xx robots.txt allows everything, an unreachable or 5xx one disallows until the
    /// next try, as RFC 9309 says).
    async fn robots_allow(&self, url: &Url) -> Result<bool, FetchError> {
        let key = host_key(url);
        let cached = {
            let hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            hosts.get(&key).and_then(|h| h.robots.clone())
        };
        let robot = match cached {
            Some((r, expires)) if Instant::now() < expires => r,
            _ => {
                let r = Arc::new(self.load_robots(url).await?);
                // an unreachable robots.txt is tried again in a few minutes, not hours
                let ttl = if r.is_some() {
                    self.config.robots_ttl
                } else {
                    self.config.robots_ttl.min(Duration::from_secs(300))
                };
                let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
                hosts.entry(key).or_default().robots = Some((r.clone(), Instant::now() + ttl));
                r
            }
        };
        Ok(robot
            .as_ref()
            .as_ref()
            .is_some_and(|r| r.allowed(url.as_str())))
    }

    /// `None` means "disallow everything"; a refused address is an error, not a rule.
    async fn load_robots(&self, url: &Url) -> Result<Option<Robot>, FetchError> {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        let allow_all = || Robot::new(ROBOTS_AGENT, b"").ok();
        Ok(
            match self
                .get_with_retries(&robots_url, &Validators::default())
                .await
            {
                Ok(f) => Robot::new(ROBOTS_AGENT, &f.body).ok().or_else(allow_all),
                Err(FetchError::Status { status, .. }) if (400..500).contains(&status) => {
                    allow_all()
                }
                Err(FetchError::TooLarge(_)) => allow_all(),
                Err(e @ (FetchError::Forbidden(_) | FetchError::Scheme(_))) => return Err(e),
                Err(e) => {
                    tracing::warn!(%robots_url, error = %e, "robots.txt unreachable: not fetching from this host for now");
                    None
                }
            },
        )
    }
}

fn host_key(url: &Url) -> String {
    format!(
        "{}://{}:{}",
        url.scheme(),
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// `Retry-After`: seconds, or an HTTP date.
fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or_default(),
    )
}

/// A reqwest error as a [`FetchError`], finding policy refusals in the error chain.
fn map_error(e: &reqwest::Error) -> FetchError {
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = src {
        if let Some(r) = s.downcast_ref::<RedirectRefused>() {
            return r.0.clone();
        }
        if let Some(f) = s.downcast_ref::<FetchError>() {
            return f.clone();
        }
        src = s.source();
    }
    if e.is_timeout() {
        FetchError::Timeout(e.to_string())
    } else if e.is_redirect() {
        FetchError::TooManyRedirects(5)
    } else {
        FetchError::Network(error_chain(e))
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after(" 3 "), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
