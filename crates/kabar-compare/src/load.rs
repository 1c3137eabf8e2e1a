//! What a comparison reads from the store: the articles of an event (copies included),
//! their analyses, their action rows and the actor levels of their people.

use crate::CompareError;
use kabar_actions::ActorLevels;
use kabar_core::Analysis;
use kabar_query::{ActionRow, Reads};
use kabar_store::Store;
use rusqlite::OptionalExtension;
use std::collections::{BTreeSet, HashMap};

/// One article with what the comparison needs.
pub(crate) struct Doc {
    pub id: String,
    pub outlet: String,
    pub published: Option<String>,
    pub duplicate_of: Option<String>,
    pub analysis: Analysis,
}

/// Everything read for one comparison.
pub(crate) struct Loaded {
    pub docs: Vec<Doc>,
    pub actions: Vec<ActionRow>,
    pub levels: ActorLevels,
    /// Entity ID → canonical name (from the analyses).
    pub names: HashMap<String, String>,
    /// Entity ID of an analysis → the stored entity it was merged into, when
    /// store-level resolution merged it (`Store::redirect_of`).
    pub merged: HashMap<String, String>,
}

impl Loaded {
    pub fn doc(&self, id: &str) -> Option<&Doc> {
        self.docs.iter().find(|d| d.id == id)
    }

    pub fn outlet_of(&self, id: &str) -> String {
        self.doc(id).map(|d| d.outlet.clone()).unwrap_or_default()
    }

    /// The stored entity an analysis' entity ID stands for.
    pub fn canon<'a>(&'a self, id: &'a str) -> &'a str {
        self.merged.get(id).map_or(id, String::as_str)
    }

    pub fn name(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// The event's title and its article IDs (a copy belongs to its original's event).
pub(crate) fn event_articles(
    store: &Store,
    id: &str,
) -> Result<(String, Option<String>, Vec<String>), CompareError> {
    let id = store.resolve_link_id(id)?;
    let title: Option<Option<String>> = store
        .conn()
        .query_row("SELECT title FROM events WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(title) = title else {
        return Err(kabar_store::StoreError::NotFound(format!(
            "no event {id} (see `kabar events`)"
        ))
        .into());
    };
    let mut st = store.conn().prepare(
        "SELECT a.id FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
         WHERE coalesce(o.event, a.event) = ?1
         ORDER BY a.published IS NULL, a.published, a.rowid",
    )?;
    let ids = st
        .query_map([&id], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((id, title, ids))
}

/// Reads the articles, their actions and the actor levels of their people.
pub(crate) fn load(store: &Store, ids: &[String]) -> Result<Loaded, CompareError> {
    let mut st = store
        .conn()
        .prepare("SELECT outlet, published, duplicate_of FROM articles WHERE id = ?1")?;
    let mut docs = Vec::new();
    for id in ids {
        let row: Option<(Option<String>, Option<String>, Option<String>)> = st
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((outlet, published, duplicate_of)) = row else {
            return Err(kabar_store::StoreError::NotFound(format!("no article {id}")).into());
        };
        let analysis = store.analysis(id)?;
        docs.push(Doc {
            outlet: outlet
                .filter(|o| !o.trim().is_empty())
                .unwrap_or_else(|| format!("unknown outlet ({id})")),
            id: id.clone(),
            published,
            duplicate_of,
            analysis,
        });
    }
    let mut names = HashMap::new();
    let mut people = BTreeSet::new();
    let mut merged = HashMap::new();
    for d in &docs {
        for e in &d.analysis.entities {
            if !names.contains_key(&e.id) {
                if let Some(to) = store.redirect_of(&e.id)? {
                    merged.insert(e.id.clone(), to);
                }
            }
            names.entry(e.id.clone()).or_insert_with(|| e.name.clone());
            if e.id.starts_with("per:") {
                people.insert(e.id.clone());
            }
        }
    }
    let mut levels = ActorLevels::default();
    for p in &people {
        for role in store.roles(p)? {
            if let Some(of) = &role.of {
                levels.add(p, of);
            }
        }
    }
    let actions = store.actions_of(ids)?;
    Ok(Loaded {
        docs,
        actions,
        levels,
        names,
        merged,
    })
}
