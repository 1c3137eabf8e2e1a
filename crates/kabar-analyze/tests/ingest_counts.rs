//! What `ingest_batch` reports is what the store then lists, even when a later batch
//! brings older articles and re-linking retires events and stories.

use kabar_analyze::{ingest_batch, Pipeline};
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_query::Reads;
use kabar_store::Store;
use std::path::Path;

#[test]
fn batch_summary_counts_match_the_listed_events_and_stories() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let raws: Vec<_> = read_inputs(&[root], &ReadOptions::default())
        .into_iter()
        .map(|r| r.expect("every example article is readable"))
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let mut analyses = p.analyze_all(raws, &|| {});
    // newest first, in small batches: every batch brings older articles, so the
    // linker revises earlier events
    let when = |a: &kabar_core::analysis::Analysis| a.published.as_ref().map(|p| p.value.clone());
    analyses.sort_by_key(|a| std::cmp::Reverse(when(a)));
    let mut store = Store::in_memory().unwrap();
    for batch in analyses.chunks(4) {
        let s = ingest_batch(&mut store, batch).unwrap();
        let (events, stories) = (store.events().unwrap(), store.stories().unwrap());
        assert_eq!(s.events, events.len(), "events reported vs listed");
        assert_eq!(s.stories, stories.len(), "stories reported vs listed");
    }
}
