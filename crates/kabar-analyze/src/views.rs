//! Composite views shared by the CLI and the HTTP API: a story with its merged timeline,
//! an entity with its roles, quotes, related entities and timeline (SPEC.md shapes).

use kabar_actions::{merge_timeline_levels, ActorLevels, TimelineMention};
use kabar_core::{Action, Span};
use kabar_store::query::{ActionRow, EntityRow, EventRow, QuoteRow, Related, RoleRow};
use kabar_store::{Store, StoreError};
use serde::Serialize;

/// One merged timeline entry (SPEC `story.timeline[]`).
#[derive(Debug, Serialize)]
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
#[derive(Debug, Serialize)]
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
#[derive(Debug, Serialize)]
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
fn actor_levels<'a>(
    store: &Store,
    entities: impl Iterator<Item = &'a str>,
) -> Result<ActorLevels, StoreError> {
    let mut levels = ActorLevels::default();
    for id in entities.filter(|id| id.starts_with("per:")) {
        for role in store.roles(id)? {
            if let Some(of) = &role.of {
                levels.add(id, of);
            }
        }
    }
    Ok(levels)
}

/// Builds the full story record (shared by `kabar story` and `kabar demo`).
pub fn story_record(store: &Store, id: &str) -> Result<StoryOut, StoreError> {
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
    })
}

/// SPEC `kabar entity`.
#[derive(Debug, Serialize)]
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
}

/// Builds the full entity record (shared by `kabar entity` and `kabar demo`).
pub fn entity_record(store: &Store, id_or_name: &str) -> Result<EntityOut, StoreError> {
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
    })
}
