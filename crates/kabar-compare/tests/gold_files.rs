//! The gold files of `data/gold/` parse and are consistent (the figures they give are
//! measured by the `eval_real` example; see docs/compare.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn gold(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/gold")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_fact_matrix_gold_is_offsets_and_labels_only_and_consistent() {
    let text = gold("facts-audit.tsv");
    let mut kinds_of: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut cells = BTreeSet::new();
    let mut rows = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("event\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "line {}: 8 columns", i + 1);
        assert!(
            ["number", "quote", "source"].contains(&f[2]),
            "line {}: kind {}",
            i + 1,
            f[2]
        );
        let (start, end): (usize, usize) = (f[4].parse().unwrap(), f[5].parse().unwrap());
        assert!(start < end, "line {}: empty span", i + 1);
        if f[2] == "number" {
            assert!(
                f[6].parse::<f64>().is_ok(),
                "line {}: a number's value",
                i + 1
            );
        }
        // one cell per fact and article
        assert!(
            cells.insert((f[0].to_string(), f[1].to_string(), f[3].to_string())),
            "line {}: fact {} has two rows for one article",
            i + 1,
            f[1]
        );
        kinds_of
            .entry((f[0].into(), f[1].into()))
            .or_default()
            .insert(f[2].into());
        rows += 1;
    }
    assert!(rows >= 150, "{rows} cells");
    assert!(
        kinds_of.values().all(|k| k.len() == 1),
        "a fact has one kind"
    );
    let events: BTreeSet<&String> = kinds_of.keys().map(|(e, _)| e).collect();
    assert!(events.len() >= 14, "{} events", events.len());
}

#[test]
fn the_word_choice_judgements_are_complete() {
    let text = gold("wording-judgements.tsv");
    let verdicts: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("side\t"))
        .map(|l| l.split('\t').nth(3).unwrap_or(""))
        .collect();
    assert!(!verdicts.is_empty());
    assert!(verdicts
        .iter()
        .all(|v| ["choice", "spelling", "wrong"].contains(v)));
}
