//! Scores the timeline judgements kept in `tests/data/timeline/*.tsv` (a reviewer's verdict
//! on a random sample of story timelines drawn by `kabar-analyze`'s `timeline_sample`
//! example; IDs and judgements only): each file must parse and be judged in full, and its
//! duplicate rate and act precision are printed. A judged sample belongs to the commit
//! whose store it was drawn from, so it is a measurement, not a gate: the target
//! (at most 5 % of entries duplicate another) is checked against docs/BENCHMARKS.md.

use std::path::{Path, PathBuf};

use kabar_actions::review::{parse_judgements, score};

#[test]
fn judged_timeline_samples_parse_and_are_complete() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/timeline");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "tsv"));
    files.sort();
    if files.is_empty() {
        eprintln!("no judged timeline sample in {} yet", dir.display());
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let j = parse_judgements(&f.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
        let s = score(&j);
        println!(
            "{}: {} stories, {} entries judged: {} duplicate another ({:.1} %), {} acts right ({:.1} %), {} not judged",
            f.display(),
            s.stories,
            s.entries,
            s.duplicates,
            100.0 * s.duplicate_rate(),
            s.correct,
            100.0 * s.act_precision(),
            s.unjudged
        );
        assert!(s.entries > 0, "{}: nothing judged", f.display());
        assert_eq!(s.unjudged, 0, "{}: rows without a judgement", f.display());
    }
}
