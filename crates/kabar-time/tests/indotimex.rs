//! Scores the tagger on the annotated tune-side IndoTimex development articles
//! (`tests/data/indotimex/dev-tune.tsv`, criteria in `docs/time.md`) and holds the scores
//! above a floor. The articles live in `../shared/data` (outside the repository): without
//! them the test fails under `CI=true` and is skipped otherwise.

use kabar_time::realnews::{load_annotations, read_tml, score_timex, tag_article};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/time-id/indotimex-dev/kompas_development"
);

#[test]
fn indotimex_dev_tune_side_stays_above_floor() {
    if !std::path::Path::new(DIR).is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{DIR} is missing (CI=true needs ../shared/data)"
        );
        eprintln!("note: {DIR} not found, test skipped");
        return;
    }
    let src = include_str!("data/indotimex/dev-tune.tsv");
    let gold = load_annotations("dev-tune.tsv", src).expect("annotations parse");
    assert!(gold.len() >= 300, "{} annotated expressions", gold.len());
    let mut docs: Vec<&str> = gold.iter().map(|t| t.doc.as_str()).collect();
    docs.dedup();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut pred = Vec::new();
    for d in docs {
        let bytes = std::fs::read(format!("{DIR}/{d}")).expect("article readable");
        let a = read_tml(d, &bytes).expect("article parses");
        pred.extend(tag_article(d, &a, today));
    }
    let sc = score_timex(&gold, &pred);
    let (rec, val) = (sc.relaxed.f1(), sc.value.f1());
    // measured 0.997 / 0.980 (tuned on these articles: an upper bound); floors leave a margin
    assert!(
        rec >= 0.97,
        "recognition F1 {rec:.3}\n{}",
        sc.errors.join("\n")
    );
    assert!(
        val >= 0.95,
        "normalisation F1 {val:.3}\n{}",
        sc.errors.join("\n")
    );
    assert!(
        sc.strict.f1() >= 0.93,
        "strict recognition F1 {:.3}",
        sc.strict.f1()
    );
}
