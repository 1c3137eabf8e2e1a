//! Every article of ../shared/data/news-id: each non-empty body has at least one
//! sentence, and at least 99 % of them are identified as Indonesian. Skipped (with a
//! message) when the shared data is absent; a failure under `CI=true`.

#[path = "support/corpus.rs"]
mod corpus;

use kabar_text::{lang::detect, sentences, Lang};

#[test]
fn news_id_bodies_have_sentences_and_are_indonesian() {
    let docs = corpus::indonesian();
    if docs.is_empty() {
        skip_or_fail(format!(
            "no Indonesian corpus under {}",
            corpus::data_dir().display()
        ));
        return;
    }
    let mut non_empty = 0usize;
    let mut id = 0usize;
    let mut wrong = Vec::new();
    for d in &docs {
        if d.body.trim().is_empty() {
            continue;
        }
        non_empty += 1;
        let s = sentences(&d.body);
        assert!(!s.is_empty(), "{}: no sentence", d.source);
        let l = detect(&d.body);
        if l == Lang::Id {
            id += 1;
        } else if wrong.len() < 10 {
            wrong.push(format!("{} -> {}", d.source, l.code()));
        }
    }
    assert!(non_empty > 1000, "only {non_empty} bodies read");
    let share = id as f64 / non_empty as f64;
    assert!(
        share >= 0.99,
        "{:.4} identified as id; e.g. {wrong:?}",
        share
    );
}

/// Missing shared data: under `CI=true` the test fails (CI has ../shared beside the
/// repository, so absence is a broken setup, not a reason to pass); elsewhere it skips
/// with a note.
fn skip_or_fail(why: String) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but the shared corpus is missing: {why}");
    }
    eprintln!("skipped: {why}");
}
