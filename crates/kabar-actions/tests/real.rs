//! Real-news annotations (`tests/data/real/tune-*.jsonl`, tune split, criteria in
//! docs/actions.md) scored through the whole pipeline. Needs `../shared/data`: skipped with a
//! note when it is missing, a failure when `CI=true`.

use kabar_core::split::{split_of, Split};
use std::path::Path;

fn shared() -> Option<std::path::PathBuf> {
    // `$KABAR_DATA` for a worktree that is not beside `shared/`
    let p = std::env::var_os("KABAR_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
        std::path::PathBuf::from,
    );
    if p.is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {} is missing",
        p.display()
    );
    eprintln!("note: {} missing, real-news test skipped", p.display());
    None
}

/// Scores every `tests/data/real/<prefix>*.jsonl` file; `split` is the side every key
/// must be on.
fn score_files(prefix: &str, split: Split) -> Option<kabar_actions::real::RealScore> {
    let root = shared()?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real");
    let pipeline =
        kabar_analyze::Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"))
            .expect("pipeline");
    let mut score = kabar_actions::real::RealScore::default();
    let mut errors = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/real")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut cache: std::collections::HashMap<String, Vec<kabar_core::RawArticle>> =
        Default::default();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let gold = kabar_actions::real::parse(&text, &f.display().to_string()).expect("parse");
        for (key, doc) in &gold {
            assert_eq!(
                split_of(key),
                split,
                "{key} is on the wrong side of the split"
            );
            let (file, n) = key.rsplit_once('#').expect("key#n");
            let recs = cache.entry(file.to_string()).or_insert_with(|| {
                kabar_extract::read_inputs(&[root.join(file)], &Default::default())
                    .into_iter()
                    .filter_map(Result::ok)
                    .collect()
            });
            let raw = recs
                .iter()
                .find(|a| a.source.ends_with(&format!("#{n}")))
                .unwrap_or_else(|| panic!("{key} not found"))
                .clone();
            let an = pipeline.analyze(raw);
            kabar_actions::real::score_doc(key, doc, &an, &mut score, &mut errors);
        }
    }
    eprintln!("{prefix}: {}", score.report());
    Some(score)
}

#[test]
fn tune_annotations_score_above_floors() {
    let Some(score) = score_files("tune-", Split::Tune) else {
        return;
    };
    assert!(
        score.gold_actions >= 30 && score.gold_quotes >= 100,
        "{score:?}"
    );
    // floors a little under the measured tune figures (docs/actions.md): these are upper
    // bounds of real quality, the test guards against regressions. Since actions3 the tune
    // set holds 33 articles (18 annotated blind before any rule change: tune-actions-4),
    // measured 46.9 / 25.0 for actions and 97.1 % for quotes (fad6c8d)
    assert!(
        score.docs >= 33 && score.gold_actions >= 90 && score.gold_quotes >= 190,
        "{score:?}"
    );
    assert!(score.quote_precision() >= 0.95, "{}", score.report());
    assert!(score.action_precision() >= 0.42, "{}", score.report());
    assert!(score.action_recall() >= 0.21, "{}", score.report());
}

#[test]
fn audit_annotations_score_above_floors() {
    // the independent annotators' audit articles, scored once for the figures in
    // docs/actions.md; these floors only guard against regressions, they were not tuned on
    let Some(score) = score_files("audit-", Split::Audit) else {
        return;
    };
    assert!(
        score.docs >= 140 && score.gold_actions >= 300 && score.gold_quotes >= 800,
        "{score:?}"
    );
    // measured once at a33313c (quotes 82.3 %, actions P 36.8 / R 9.3) and once at fad6c8d
    // (82.8 %, 37.3 / 9.3), docs/actions.md
    assert!(score.quote_precision() >= 0.80, "{}", score.report());
    assert!(score.action_precision() >= 0.33, "{}", score.report());
    assert!(score.action_recall() >= 0.08, "{}", score.report());
}
