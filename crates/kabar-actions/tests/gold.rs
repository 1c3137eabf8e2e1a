//! Runs the annotated set in tests/data and asserts floors (the full report:
//! `cargo run --release -p kabar-actions --example eval_actions`).

use kabar_actions::eval;

fn load() -> Vec<eval::GoldDoc> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("read");
        docs.extend(eval::parse(&src).unwrap_or_else(|e| panic!("{}: {e}", f.display())));
    }
    docs
}

#[test]
fn gold_set_is_big_enough() {
    let docs = load();
    let a: usize = docs.iter().map(|d| d.actions.len()).sum();
    let q: usize = docs.iter().map(|d| d.quotes.len()).sum();
    assert!(a >= 150, "{a} gold actions");
    assert!(q >= 60, "{q} gold quotes");
}

#[test]
fn scores_above_floor() {
    let sc = eval::score(&load());
    println!("{sc}");
    let a = sc.actions;
    assert!(
        a.precision() >= 0.90,
        "typed action precision {:.3}",
        a.precision()
    );
    assert!(a.recall() >= 0.85, "typed action recall {:.3}", a.recall());
    assert!(
        sc.full_ok as f64 >= 0.85 * a.tp as f64,
        "all-fields accuracy"
    );
    let q = sc.quotes;
    assert!(
        q.precision() >= 0.90,
        "quote precision {:.3}",
        q.precision()
    );
    assert!(q.recall() >= 0.85, "quote recall {:.3}", q.recall());
    assert!(
        sc.speaker_ok as f64 >= 0.90 * q.tp as f64,
        "speaker accuracy"
    );
}
