//! Fetch errors: each names what went wrong in words a user can act on.

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an absolute http(s) URL.
    #[error("not a fetchable URL: {0}")]
    BadUrl(String),
    /// A scheme other than http and https.
    #[error("scheme {0:?} refused: only http and https are fetched")]
    Scheme(String),
    /// A private, loopback, link-local or metadata address.
    #[error(
        "address {0} refused: private, loopback or link-local (pass --allow-private to allow)"
    )]
    Forbidden(String),
    /// robots.txt disallows the URL for Kabar's user agent.
    #[error("disallowed by robots.txt")]
    Robots,
    /// More redirects than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    /// A redirect back to a URL already visited.
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    /// The body (after decompression) is larger than the cap.
    #[error("body over the cap of {0} bytes")]
    TooLarge(u64),
    /// The request took too long (connect, read or total timeout).
    #[error("timed out: {0}")]
    Timeout(String),
    /// The server answered with an error status (after retries for 429/5xx).
    #[error("HTTP {status}{}", retry_note(*.retry_after))]
    Status {
        /// The status code.
        status: u16,
        /// The Retry-After the server asked for, in seconds, when it was over the cap.
        retry_after: Option<u64>,
    },
    /// Connection or protocol failure.
    #[error("request failed: {0}")]
    Network(String),
    /// The feed or sitemap could not be parsed.
    #[error("unreadable feed: {0}")]
    Feed(String),
    /// The page held no article.
    #[error("no article: {0}")]
    Page(String),
}

fn retry_note(r: Option<u64>) -> String {
    r.map(|s| format!(" (Retry-After {s} s, beyond the wait allowed)"))
        .unwrap_or_default()
}

impl FetchError {
    /// Whether trying again later may succeed (timeouts, network errors, 429, 5xx).
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Timeout(_) | FetchError::Network(_) => true,
            FetchError::Status { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    /// The HTTP status this error came with (0 when there was no response).
    pub fn status(&self) -> u16 {
        match self {
            FetchError::Status { status, .. } => *status,
            _ => 0,
        }
    }
}
