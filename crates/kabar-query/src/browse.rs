//! Paged, filtered and sorted lists for the web app and the HTTP API (`kabar serve`):
//! one page of rows and the total that matched, so no page has to load a whole table.
//!
//! Dates compare as ISO strings on their first ten characters (`YYYY-MM-DD`); "now" for
//! growth and the home page is the newest publication date in the store (stores often
//! hold past news), see [`Browse::latest_day`].

use kabar_store::rows::{ArticleRow, EntityRow, EventRow, SearchHit};
use kabar_store::StoreError;
use serde::Serialize;
use std::collections::BTreeMap;

/// Filters shared by every list. `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Reported on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Reported on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Reported by this outlet (exact name).
    pub outlet: Option<String>,
    /// Mentions this entity (ID).
    pub entity: Option<String>,
    /// In this language (`id`, `en`).
    pub lang: Option<String>,
}

/// How a list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most recently active first.
    #[default]
    Latest,
    /// Oldest first.
    Oldest,
    /// Most articles first.
    Biggest,
    /// Most articles in the last [`GROWTH_DAYS`] days minus the days before, first.
    Growth,
}

impl Sort {
    /// Parses `latest`, `oldest`, `biggest`, `growth`.
    pub fn parse(s: &str) -> Option<Sort> {
        Some(match s {
            "latest" => Sort::Latest,
            "oldest" => Sort::Oldest,
            "biggest" => Sort::Biggest,
            "growth" => Sort::Growth,
            _ => return None,
        })
    }
}

/// One page: `offset` rows skipped, at most `limit` returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageReq {
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return.
    pub limit: u64,
}

/// A page of rows and how many matched in all.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The rows.
    pub items: Vec<T>,
    /// Rows matching the filters, all pages together.
    pub total: u64,
}

/// Growth compares the articles of the last this many days with the same span before.
pub const GROWTH_DAYS: i64 = 2;

/// A story in a list: the `kabar stories` row with its size, outlets and growth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
    /// Story ID.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// First day.
    pub first: Option<String>,
    /// Last day.
    pub last: Option<String>,
    /// Event IDs in date order.
    pub events: Vec<String>,
    /// Article IDs in publication order.
    pub articles: Vec<String>,
    /// Distinct named outlets.
    pub outlets: u64,
    /// Articles in the last [`GROWTH_DAYS`] days (to the store's newest day) minus the
    /// [`GROWTH_DAYS`] days before.
    pub growth: i64,
}

/// Articles per day of one story (for sparklines and charts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Outlet, or `None` when unnamed.
    pub outlet: Option<String>,
    /// Articles.
    pub articles: u64,
}

/// Paged, filtered and sorted lists, and the small lookups the web app's pages need.
pub trait Browse {
    /// The newest publication day in the store (`YYYY-MM-DD`): "today" for what is new.
    fn latest_day(&self) -> Result<Option<String>, StoreError>;
    /// Named outlets with their article counts, most articles first.
    fn outlets(&self) -> Result<Vec<(String, u64)>, StoreError>;
    /// Names of these entity IDs (IDs not in the store are left out).
    fn names_of(&self, ids: &[String]) -> Result<BTreeMap<String, String>, StoreError>;
    /// One page of stories matching `f`, ordered by `sort`.
    fn story_page(
        &self,
        f: &Filter,
        sort: Sort,
        page: PageReq,
    ) -> Result<Page<StorySummary>, StoreError>;
    /// Articles per day and outlet of one story, on or after `from`.
    fn story_days(&self, story: &str, from: Option<&str>) -> Result<Vec<DayCount>, StoreError>;
    /// One page of events matching `f`; `story` keeps those of one story.
    fn event_page(
        &self,
        f: &Filter,
        sort: Sort,
        story: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EventRow>, StoreError>;
    /// One page of articles matching `f` (copies included, each with its original's event
    /// and story); `event` keeps those of one event, copies of its articles included.
    fn article_page(
        &self,
        f: &Filter,
        sort: Sort,
        event: Option<&str>,
        page: PageReq,
    ) -> Result<Page<ArticleRow>, StoreError>;
    /// One page of entities, most mentioned first; `kind` keeps one type (`PER`, …), `q`
    /// those whose name contains it (case-insensitive); `f.entity` is ignored, `f.outlet`,
    /// `f.lang` and the dates keep entities mentioned in matching articles.
    fn entity_page(
        &self,
        f: &Filter,
        kind: Option<&str>,
        q: Option<&str>,
        page: PageReq,
    ) -> Result<Page<EntityRow>, StoreError>;
    /// The `n` days ending on `last` (`YYYY-MM-DD`), oldest first.
    fn days_ending(&self, last: &str, n: u32) -> Result<Vec<String>, StoreError>;
    /// One page of search hits (best first) among articles matching `f`. The snippet
    /// marks matches with U+0002 before and U+0003 after (callers render them).
    fn search_page(
        &self,
        query: &str,
        f: &Filter,
        page: PageReq,
    ) -> Result<Page<SearchHit>, StoreError>;
}
