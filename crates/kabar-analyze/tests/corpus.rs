//! Every real article of ../shared/data/news-id goes through the whole pipeline without a
//! panic, and comes out with sentences, a language and a non-empty body.
//! (Skipped with a message when the shared data is not beside the repository; a failure
//! under `CI=true`.)

use kabar_analyze::Pipeline;
use kabar_core::Lang;
use kabar_extract::sources::{read_inputs, ReadOptions};
use std::path::Path;

#[test]
fn every_shared_news_article_analyses_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news-id");
    if !root.exists() {
        skip_or_fail(format!("{} not found", root.display()));
        return;
    }
    let raws: Vec<_> = read_inputs(std::slice::from_ref(&root), &ReadOptions::default())
        .into_iter()
        .filter_map(|r| match r {
            Ok(a) => Some(a),
            Err(e) => {
                // a refused row must be refused for a reason, never silently
                assert!(!e.reason.is_empty());
                None
            }
        })
        .collect();
    assert!(
        raws.len() > 5000,
        "expected the whole news-id corpus, read {}",
        raws.len()
    );
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let n = raws.len();
    let analyses = p.analyze_all(raws, &|| {});
    assert_eq!(analyses.len(), n);
    let mut undetermined = 0;
    for a in &analyses {
        assert!(
            !a.text.trim().is_empty(),
            "{}: empty body after cleaning",
            a.source
        );
        assert!(!a.sentences.is_empty(), "{}: no sentences", a.source);
        if a.lang != Lang::Id {
            undetermined += 1;
        }
    }
    // the corpus is Indonesian news: language identification must say so
    assert!(
        undetermined * 100 <= n,
        "{undetermined} of {n} articles not identified as Indonesian"
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
