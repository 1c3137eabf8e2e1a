//! Scores the purity judgements kept in `crates/kabar-link/gold/purity/*.tsv` (a reviewer's
//! verdict on a random sample of a store's events and stories, drawn by the
//! `purity_sample` example; IDs and judgements only): each file must parse and be judged
//! in full, and its purity is printed. A judged sample belongs to the commit whose store
//! it was drawn from (event and story IDs change with the linker), so it is a measurement,
//! not a gate: the target (at least 95 % pure) is checked against the figures in
//! docs/BENCHMARKS.md, not here.

use std::path::Path;

use kabar_link::purity::{parse_judgements, score};

#[test]
fn judged_samples_parse_and_are_complete() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kabar-link/gold/purity");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "tsv"));
    files.sort();
    if files.is_empty() {
        eprintln!("no judged purity sample in {} yet", dir.display());
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let j = parse_judgements(&f.display().to_string(), &text).unwrap_or_else(|e| panic!("{e}"));
        let p = score(&j);
        println!(
            "{}: events {}/{} pure ({:.1} %), stories {}/{} pure ({:.1} %), {} not judged",
            f.display(),
            p.pure_events,
            p.events,
            100.0 * p.event_rate(),
            p.pure_stories,
            p.stories,
            100.0 * p.story_rate(),
            p.unjudged
        );
        assert!(p.events + p.stories > 0, "{}: nothing judged", f.display());
        assert_eq!(p.unjudged, 0, "{}: rows without a judgement", f.display());
    }
}
