//! Storing analysed batches and linking them (duplicates, events, stories).

use kabar_core::Analysis;
use kabar_link::{LinkConfig, LinkDoc, Linker};
use kabar_store::{ArticleLinks, BatchSummary, Store, StoreError};

/// The linker's view of an analysed article.
pub fn link_doc(a: &Analysis) -> LinkDoc {
    let title = a.title.clone().unwrap_or_default();
    let published = a.published.as_ref().and_then(|p| parse_iso(&p.value));
    LinkDoc {
        id: a.id.clone(),
        published,
        lang: a.lang,
        title_terms: kabar_text::stopwords::content_terms(&title, a.lang),
        body_terms: kabar_text::stopwords::content_terms(&a.text, a.lang),
        entities: a.entities.iter().map(|e| e.id.clone()).collect(),
        happened: published.and_then(|p| happened(a, p.date())),
        title,
        text: a.text.clone(),
    }
}

/// Sentences of the lead, where a report states the day of its happening.
const LEAD_SENTENCES: usize = 4;
/// Days before publication a lead's date may lie and still date the happening reported
/// (a follow-up on last week's crash); older dates are background.
const HAPPENED_BEFORE_DAYS: i64 = 14;
/// Days after publication a lead's date may lie (a preview of Sunday's race).
const HAPPENED_AFTER_DAYS: i64 = 7;

/// The day the article's lead says its happening took place: the first day-precision
/// `DATE`/`TIME` value of its first [`LEAD_SENTENCES`] sentences (relative days such as
/// `hari ini`, `kemarin`, `Senin (25/5)` are already resolved against publication by
/// kabar-time), when it lies near publication; `None` when the lead names no such day.
fn happened(a: &Analysis, published: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use kabar_core::TimeType;
    let lead_end = a
        .sentences
        .get(LEAD_SENTENCES.saturating_sub(1))
        .or(a.sentences.last())
        .map_or(0, |s| s.end);
    a.times
        .iter()
        .filter(|t| t.start < lead_end && matches!(t.kind, TimeType::Date | TimeType::Time))
        .filter_map(|t| {
            let v = t.value.split('T').next().unwrap_or(&t.value);
            if v.len() != 10 {
                return None;
            }
            chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
        })
        .find(|d| {
            let off = (*d - published).num_days();
            (-HAPPENED_BEFORE_DAYS..=HAPPENED_AFTER_DAYS).contains(&off)
        })
}

/// The order in which the linker links articles (dated ones by publication time in
/// minutes, then undated ones; ties by ID), as an owned sort key. `kabar ingest` sorts
/// its look-ahead buffer by it, so batches reach the linker in order and its re-link
/// window is rarely replayed (`kabar_link::Linker::add_batch`).
pub fn link_order(a: &Analysis) -> (u8, i64, String) {
    match a.published.as_ref().and_then(|p| parse_iso(&p.value)) {
        Some(t) => (0, t.and_utc().timestamp().div_euclid(60), a.id.clone()),
        None => (1, 0, a.id.clone()),
    }
}

/// Reads the date and time of an ISO 8601 value of any precision (`2025`, `2025-03`,
/// `2025-03-07`, `2025-03-07T09:20:00+07:00`); the local wall-clock time is kept.
fn parse_iso(v: &str) -> Option<chrono::NaiveDateTime> {
    use chrono::NaiveDate;
    let date_part = v.get(..10).unwrap_or(v);
    let d = NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&format!("{date_part}-01"), "%Y-%m-%d"))
        .or_else(|_| NaiveDate::parse_from_str(&format!("{date_part}-01-01"), "%Y-%m-%d"))
        .ok()?;
    let time = v
        .get(11..19)
        .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M:%S").ok())
        .or_else(|| {
            v.get(11..16)
                .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
        })
        .unwrap_or_default();
    Some(d.and_time(time))
}

/// A linker with Kabar's default configuration.
pub fn new_linker() -> Linker {
    Linker::new(LinkConfig::default())
}

/// Stores `analyses` and links the new ones, in one transaction, recording why each
/// article was linked where it is and redirects for event and story IDs that re-linking
/// retired (`Store::save_link_extras`); then resolves entities across the store (a short
/// person name merged into the full name, see `kabar_store::resolve`) in a second one.
pub fn ingest_batch(store: &mut Store, analyses: &[Analysis]) -> Result<BatchSummary, StoreError> {
    let summary = store_and_link(store, analyses)?;
    if summary.added > 0 {
        store.record_type_cues(&type_cues(analyses))?;
        store.resolve_entities_known(&not_name, &known_place)?;
    }
    Ok(summary)
}

/// True when `name` is a place (or other entry) the embedded lexicon knows: never merged
/// into a person by store-level resolution.
pub(crate) fn known_place(name: &str) -> bool {
    kabar_entities::lexicon::Lexicon::embedded()
        .lookup(name)
        .is_some()
}

/// Per article and entity, how many of its mentions have a context cue for its type
/// (`kabar_entities::evidence`): the weights of the store's type vote.
pub fn type_cues(analyses: &[Analysis]) -> Vec<(String, String, i64)> {
    let mut out = Vec::new();
    for a in analyses {
        // mentions are char offsets; the cue reader wants bytes
        let bytes: Vec<usize> = a
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(a.text.len()))
            .collect();
        for e in &a.entities {
            let spans: Vec<(usize, usize)> = e
                .mentions
                .iter()
                .filter_map(|m| Some((*bytes.get(m.start)?, *bytes.get(m.end)?)))
                .collect();
            let n = kabar_entities::evidence::type_evidence(&a.text, e.kind, &spans);
            if n > 0 {
                out.push((a.id.clone(), e.id.clone(), n as i64));
            }
        }
    }
    out
}

/// True when a (lower-case) word is no part of a person's name: a function word, a title
/// ("menpora"), an honorific, a rank word or a degree (the entities crate's word lists).
pub(crate) fn not_name(w: &str) -> bool {
    let words = kabar_entities::words::Words::embedded();
    kabar_text::is_stopword(w, kabar_core::Lang::Unknown)
        || kabar_entities::lexicon::Lexicon::embedded()
            .title_phrases
            .get(w)
            .is_some()
        || words.honorifics.contains(w)
        || words.rank_words.contains(w)
        || words.degrees_bare.contains(w)
        || words.interjections.contains(w)
}

/// What linking one batch gives the store: each article's links (earlier articles that
/// re-linking moved included), the new linker state, why each was linked where it is, and
/// redirects of retired event and story IDs. The SQLite and PostgreSQL ingests share it.
pub(crate) struct Linked {
    pub links: Vec<ArticleLinks>,
    pub state: Vec<u8>,
    pub why: Vec<(String, String)>,
    pub redirects: Vec<(String, String)>,
}

/// Links the batch's new articles into the linker saved as `state` (a new linker when
/// none).
pub(crate) fn link_fresh(
    fresh: &[&Analysis],
    state: Option<Vec<u8>>,
) -> Result<Linked, kabar_store::LinkError> {
    let mut linker = match state {
        Some(bytes) => Linker::load(&bytes)?,
        None => new_linker(),
    };
    let docs: Vec<LinkDoc> = fresh.iter().map(|a| link_doc(a)).collect();
    let mut assigned = linker.add_batch(&docs);
    // Earlier articles that re-linking moved are stored too.
    assigned.extend(linker.take_revisions());
    let redirects = linker.take_redirects();
    let why = assigned
        .iter()
        .filter_map(|l| {
            let w = linker.why(&l.article)?;
            Some((l.article.clone(), serde_json::to_string(w).ok()?))
        })
        .collect();
    let links = assigned
        .into_iter()
        .map(|l| ArticleLinks {
            article: l.article,
            duplicate_of: l.duplicate_of,
            event: l.event,
            story: l.story,
        })
        .collect();
    Ok(Linked {
        links,
        state: linker.save(),
        why,
        redirects,
    })
}

fn store_and_link(store: &mut Store, analyses: &[Analysis]) -> Result<BatchSummary, StoreError> {
    let mut why: Vec<(String, String)> = Vec::new();
    let mut redirects: Vec<(String, String)> = Vec::new();
    let summary = store.ingest_batch(analyses, &mut |fresh, state| {
        let l = link_fresh(fresh, state)?;
        (why, redirects) = (l.why, l.redirects);
        Ok((l.links, l.state))
    })?;
    store.save_link_extras(&why, &redirects)?;
    // Re-linking may have emptied events and stories that `save_link_extras` just
    // removed: count after it, so the summary matches what the store lists.
    let mut summary = summary;
    (summary.events, summary.stories) = store.event_and_story_counts()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::parse_iso;

    #[test]
    fn iso_of_any_precision() {
        assert_eq!(
            parse_iso("2025").unwrap().to_string(),
            "2025-01-01 00:00:00"
        );
        assert_eq!(
            parse_iso("2025-03").unwrap().to_string(),
            "2025-03-01 00:00:00"
        );
        assert_eq!(
            parse_iso("2026-05-29T22:02:00+07:00").unwrap().to_string(),
            "2026-05-29 22:02:00"
        );
        assert!(parse_iso("kemarin").is_none());
    }
}
