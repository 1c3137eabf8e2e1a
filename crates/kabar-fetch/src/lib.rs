//! Kabar's live sources: feeds (RSS 2.0, Atom, JSON Feed), news sitemaps and article
//! pages, fetched politely and safely, analysed and stored through the usual ingest path.
//!
//! * [`client`]: the HTTP fetcher (per-host politeness, robots.txt, conditional GET,
//!   retries with backoff and jitter, Retry-After, timeouts, ≤ 5 redirects, body cap).
//! * [`policy`]: which addresses may be reached (no private, loopback, link-local or
//!   metadata address unless allowed), checked after DNS and on every redirect.
//! * [`feed`]: feeds and sitemaps to article links. [`urls`]: URL normalisation.
//! * [`charset`]: body bytes to text. [`sources`]: the TOML sources file.
//! * [`crawl`]: one poll (feeds → new items → pages → store) and the watch loop.
//!
//! See docs/fetch.md.

#![warn(missing_docs)]

pub mod charset;
pub mod client;
pub mod crawl;
pub mod error;
pub mod feed;
pub mod policy;
pub mod sources;
pub mod urls;

pub use client::{FetchConfig, Fetched, Fetcher, Validators};
pub use crawl::{CrawlError, Crawler, PollReport, Target};
pub use error::FetchError;
pub use policy::NetPolicy;
pub use sources::{Source, SourcesFile};
