//! The composite records shared by the CLI and the HTTP API (SPEC.md shapes): a story
//! with its merged timeline, an entity with its roles, quotes, related entities and
//! timeline, an event with its articles, an article with where it sits. Written once over
//! [`Reads`] (and [`Browse`]), so every backend gives the same records.

use crate::browse::{Browse, Filter, PageReq, Sort};
use crate::Reads;
use kabar_actions::{merge_timeline_levels, ActorLevels, TimelineMention};
use kabar_core::{Action, Analysis, Span};
use kabar_store::rows::{ActionRow, ArticleRow, EntityRow, EventRow, QuoteRow, Related, RoleRow};
use kabar_store::StoreError;
use serde::Serialize;

/// One merged timeline entry (SPEC `story.timeline[]`).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineOut {
    #[allow(missing_docs)]
    pub date: Option<String>,
    #[serde(rename = "type")]
    #[allow(missing_docs)]
    pub plover: String,
    #[allow(missing_docs)]
    pub kind: String,
    #[allow(missing_docs)]
    pub source: Vec<String>,
    #[allow(missing_docs)]
    pub target: Vec<String>,
    #[allow(missing_docs)]
    pub text: String,
    #[allow(missing_docs)]
    pub articles: Vec<String>,
}

/// A story's entity (SPEC `story.entities[]`).
#[derive(Debug, Clone, Serialize)]
pub struct StoryEntity {
    #[allow(missing_docs)]
    pub id: String,
    #[allow(missing_docs)]
    pub name: String,
    #[serde(rename = "type")]
    #[allow(missing_docs)]
    pub kind: String,
    #[allow(missing_docs)]
    pub mentions: i64,
}

/// SPEC `kabar story ID`.
#[derive(Debug, Clone, Serialize)]
pub struct StoryOut {
    #[allow(missing_docs)]
    pub id: String,
    #[allow(missing_docs)]
    pub title: Option<String>,
    #[allow(missing_docs)]
    pub summary: String,
    #[allow(missing_docs)]
    pub first: Option<String>,
    #[allow(missing_docs)]
    pub last: Option<String>,
    #[allow(missing_docs)]
    pub events: Vec<EventRow>,
    #[allow(missing_docs)]
    pub timeline: Vec<TimelineOut>,
    #[allow(missing_docs)]
    pub entities: Vec<StoryEntity>,
    #[allow(missing_docs)]
    pub quotes: Vec<QuoteRow>,
    /// Set on a bounded record only ([`StoryOut::bounded`]): each list part's full size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<StoryTotals>,
}

/// The full sizes of a bounded story record's list parts (SPEC `totals`).
#[derive(Debug, Clone, Serialize)]
pub struct StoryTotals {
    #[allow(missing_docs)]
    pub events: usize,
    #[allow(missing_docs)]
    pub timeline: usize,
    #[allow(missing_docs)]
    pub entities: usize,
    #[allow(missing_docs)]
    pub quotes: usize,
}

/// How many items of each list part a bounded record holds by default (the API's
/// records and the web pages; `kabar story|entity` print whole records unless asked).
pub const PART_LIMIT: usize = 100;

/// One page of one list part of a record, as JSON values, with the part's full size.
#[derive(Debug, Clone)]
pub struct PartPage {
    /// The page's items.
    pub items: Vec<serde_json::Value>,
    /// How many items the whole part holds.
    pub total: usize,
}

fn first<T: Clone>(v: &[T], limit: usize) -> Vec<T> {
    v[..v.len().min(limit)].to_vec()
}

fn page_of<T: Serialize>(v: &[T], offset: usize, limit: usize) -> PartPage {
    let items = v
        .iter()
        .skip(offset)
        .take(limit)
        .map(|x| serde_json::to_value(x).unwrap_or(serde_json::Value::Null))
        .collect();
    PartPage {
        items,
        total: v.len(),
    }
}

impl StoryOut {
    /// The list parts [`StoryOut::part`] pages.
    pub const PARTS: &'static [&'static str] = &["events", "timeline", "entities", "quotes"];

    /// This record with each list part cut to its first `limit` items and `totals`
    /// saying how many each holds in full.
    pub fn bounded(&self, limit: usize) -> StoryOut {
        StoryOut {
            id: self.id.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            first: self.first.clone(),
            last: self.last.clone(),
            events: first(&self.events, limit),
            timeline: first(&self.timeline, limit),
            entities: first(&self.entities, limit),
            quotes: first(&self.quotes, limit),
            totals: Some(StoryTotals {
                events: self.events.len(),
                timeline: self.timeline.len(),
                entities: self.entities.len(),
                quotes: self.quotes.len(),
            }),
        }
    }

    /// Items `offset..offset + limit` of one list part (one of [`StoryOut::PARTS`]);
    /// `None` for an unknown part.
    pub fn part(&self, name: &str, offset: usize, limit: usize) -> Option<PartPage> {
        Some(match name {
            "events" => page_of(&self.events, offset, limit),
            "timeline" => page_of(&self.timeline, offset, limit),
            "entities" => page_of(&self.entities, offset, limit),
            "quotes" => page_of(&self.quotes, offset, limit),
            _ => return None,
        })
    }
}

/// Merges stored action mentions into one entry per real-world act. Negated reports
/// ("did not sign") are not acts and stay out of timelines. `levels` says which person
/// acts for which organisation or country (from stored roles), so one act reported as
/// the minister's, the ministry's and the country's is one entry.
pub fn timeline(rows: Vec<ActionRow>, levels: &ActorLevels) -> Vec<TimelineOut> {
    let mentions = rows
        .into_iter()
        .filter(|r| !r.action.negated)
        .map(|r| TimelineMention {
            article: r.article,
            text: r.text,
            published: r.published,
            action: Action {
                plover: r.action.plover,
                kind: r.action.kind,
                source: r.action.source,
                target: r.action.target,
                date: r.date,
                sentence: r.action.sentence,
                trigger: Span::new(r.action.trigger.start, r.action.trigger.end),
                negated: false,
            },
        })
        .collect();
    merge_timeline_levels(mentions, levels)
        .into_iter()
        .map(|e| TimelineOut {
            date: e.date,
            plover: e.plover.name().to_string(),
            kind: e.kind,
            source: e.source,
            target: e.target,
            text: e.text,
            articles: e.articles,
        })
        .collect()
}

/// Actor levels of these entities: each person's organisations and countries, from the
/// roles the store holds for them.
fn actor_levels<'a, R: Reads + ?Sized>(
    store: &R,
    entities: impl Iterator<Item = &'a str>,
) -> Result<ActorLevels, StoreError> {
    let mut levels = ActorLevels::default();
    for id in entities.filter(|id| id.starts_with("per:")) {
        for of in store.role_levels(id)? {
            levels.add(id, &of);
        }
    }
    Ok(levels)
}

/// Builds the full story record (shared by `kabar story` and `kabar demo`).
pub fn story_record<R: Reads + ?Sized>(store: &R, id: &str) -> Result<StoryOut, StoreError> {
    let s = store.story(id)?;
    // `s.id`, not `id`: a retired story ID has led to its survivor.
    let events = store.story_events(&s.id)?;
    let story_entities = store.entities_of(&s.articles)?;
    let levels = actor_levels(store, story_entities.iter().map(|e| e.id.as_str()))?;
    let timeline = timeline(store.actions_of(&s.articles)?, &levels);
    let entities: Vec<StoryEntity> = story_entities
        .into_iter()
        .map(|e| StoryEntity {
            id: e.id,
            name: e.name,
            kind: e.kind,
            mentions: e.mentions,
        })
        .collect();
    let quotes = store.quotes_of(&s.articles)?;
    let outlets = store.outlets_of(&s.articles)?;
    let lead = s
        .articles
        .first()
        .and_then(|a| store.analysis(a).ok())
        .and_then(|a| {
            a.sentences.first().map(|se| {
                a.text
                    .chars()
                    .skip(se.start)
                    .take(se.end - se.start)
                    .collect::<String>()
            })
        })
        .unwrap_or_default();
    let summary = format!(
        "{} event(s) reported by {} article(s) from {} outlet(s), {} to {}. {}",
        events.len(),
        s.articles.len(),
        outlets.len(),
        s.first.as_deref().unwrap_or("?"),
        s.last.as_deref().unwrap_or("?"),
        lead
    )
    .trim()
    .to_string();
    Ok(StoryOut {
        id: s.id,
        title: s.title,
        summary,
        first: s.first,
        last: s.last,
        events,
        timeline,
        entities,
        quotes,
        totals: None,
    })
}

/// SPEC `kabar entity`.
#[derive(Debug, Clone, Serialize)]
pub struct EntityOut {
    #[serde(flatten)]
    #[allow(missing_docs)]
    pub entity: EntityRow,
    #[allow(missing_docs)]
    pub roles: Vec<RoleRow>,
    #[allow(missing_docs)]
    pub quotes: Vec<QuoteRow>,
    #[allow(missing_docs)]
    pub related: Vec<Related>,
    #[allow(missing_docs)]
    pub timeline: Vec<TimelineOut>,
    /// Set on a bounded record only ([`EntityOut::bounded`]): each list part's full size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<EntityTotals>,
}

/// The full sizes of a bounded entity record's list parts (SPEC `totals`).
#[derive(Debug, Clone, Serialize)]
pub struct EntityTotals {
    #[allow(missing_docs)]
    pub roles: usize,
    /// The number of articles of each role shown, in the order of `roles`.
    pub role_articles: Vec<usize>,
    #[allow(missing_docs)]
    pub quotes: usize,
    #[allow(missing_docs)]
    pub related: usize,
    #[allow(missing_docs)]
    pub timeline: usize,
}

impl EntityOut {
    /// The list parts [`EntityOut::part`] pages.
    pub const PARTS: &'static [&'static str] = &["roles", "quotes", "related", "timeline"];

    /// This record with each list part, and each role's article list, cut to its first
    /// `limit` items and `totals` saying how many each holds in full.
    pub fn bounded(&self, limit: usize) -> EntityOut {
        let roles: Vec<RoleRow> = self.roles.iter().take(limit).cloned().collect();
        let role_articles = roles.iter().map(|r| r.articles.len()).collect();
        EntityOut {
            entity: self.entity.clone(),
            roles: roles
                .into_iter()
                .map(|mut r| {
                    r.articles.truncate(limit);
                    r
                })
                .collect(),
            quotes: first(&self.quotes, limit),
            related: first(&self.related, limit),
            timeline: first(&self.timeline, limit),
            totals: Some(EntityTotals {
                roles: self.roles.len(),
                role_articles,
                quotes: self.quotes.len(),
                related: self.related.len(),
                timeline: self.timeline.len(),
            }),
        }
    }

    /// Items `offset..offset + limit` of one list part (one of [`EntityOut::PARTS`]; a
    /// role comes with all its articles); `None` for an unknown part.
    pub fn part(&self, name: &str, offset: usize, limit: usize) -> Option<PartPage> {
        Some(match name {
            "roles" => page_of(&self.roles, offset, limit),
            "quotes" => page_of(&self.quotes, offset, limit),
            "related" => page_of(&self.related, offset, limit),
            "timeline" => page_of(&self.timeline, offset, limit),
            _ => return None,
        })
    }
}

/// Builds the full entity record (shared by `kabar entity` and `kabar demo`).
pub fn entity_record<R: Reads + ?Sized>(
    store: &R,
    id_or_name: &str,
) -> Result<EntityOut, StoreError> {
    let entity = store.find_entity(id_or_name)?;
    let id = entity.id.clone();
    Ok(EntityOut {
        roles: store.roles(&id)?,
        quotes: store.quotes_by(&id)?,
        related: store.related(&id, 15)?,
        timeline: timeline(
            store.actions_involving(&id)?,
            &actor_levels(store, std::iter::once(id.as_str()))?,
        ),
        entity,
        totals: None,
    })
}

/// `/api/v1/articles/{id}`: the stored analysis with where the article sits.
#[derive(Debug, Serialize)]
pub struct ArticleOut {
    /// The analysis, as `kabar analyze --json` prints it.
    #[serde(flatten)]
    pub analysis: Analysis,
    /// The original this article copies.
    pub duplicate_of: Option<String>,
    /// Its event (its original's, for a copy).
    pub event: Option<String>,
    /// Its story.
    pub story: Option<String>,
}

/// The article record of `/api/v1/articles/{id}`.
pub fn article_record<R: Reads + ?Sized>(store: &R, id: &str) -> Result<ArticleOut, StoreError> {
    let row = store.article_row(id)?;
    let mut analysis = store.analysis(id)?;
    if analysis.url.is_none() {
        analysis.url = store.article_url(id)?;
    }
    Ok(ArticleOut {
        analysis,
        duplicate_of: row.duplicate_of,
        event: row.event,
        story: row.story,
    })
}

/// `/api/v1/events/{id}`: the event row and its articles, copies included.
#[derive(Debug, Serialize)]
pub struct EventOut {
    /// The `kabar events` row.
    #[serde(flatten)]
    pub event: EventRow,
    /// Its articles in publication order, with outlet, date and the original of a copy.
    pub article_rows: Vec<ArticleRow>,
}

/// The most article rows an event record lists.
pub const EVENT_ARTICLES: u64 = 10_000;

/// The event record of `/api/v1/events/{id}`.
pub fn event_record<R: Reads + Browse + ?Sized>(
    store: &R,
    id: &str,
) -> Result<EventOut, StoreError> {
    let event = store.event(id)?;
    let rows = store.article_page(
        &Filter::default(),
        Sort::Oldest,
        Some(&event.id),
        PageReq {
            offset: 0,
            limit: EVENT_ARTICLES,
        },
    )?;
    Ok(EventOut {
        event,
        article_rows: rows.items,
    })
}
