//! Runs the crate's own test set and holds the scores above a floor (measured, minus a
//! margin), so a rule change that breaks many expressions fails the suite.

use kabar_time::eval::{load_gold, score};

#[test]
fn own_test_set_stays_above_floor() {
    let src = include_str!("data/timex.tsv");
    let gold = load_gold(src).expect("test set parses");
    let n: usize = gold.iter().map(|s| s.gold.len()).sum();
    assert!(n >= 200, "test set has {n} expressions");
    let sc = score(
        &gold,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    );
    let (rf, nf) = (sc.recognition.f1(), sc.normalisation.f1());
    assert!(
        rf >= 0.95,
        "recognition F1 {rf:.3}\n{}",
        sc.errors.join("\n")
    );
    assert!(
        nf >= 0.93,
        "normalisation F1 {nf:.3}\n{}",
        sc.errors.join("\n")
    );
}
