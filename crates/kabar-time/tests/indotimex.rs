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

const DETIK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/news-id/detik-2025/data_berita.csv"
);

/// The Detik 2025 tune-split records of `detik2025-tune.tsv` (written to measure forms
/// beyond Kompas: "Kamis (6/3/2025)", WIB/WITA clocks, "dini hari", "setiap 2 tahun").
#[test]
fn detik_2025_tune_set_stays_above_floor() {
    if !std::path::Path::new(DETIK).is_file() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{DETIK} is missing (CI=true needs ../shared/data)"
        );
        eprintln!("note: {DETIK} not found, test skipped");
        return;
    }
    let src = include_str!("data/indotimex/detik2025-tune.tsv");
    let gold = load_annotations("detik2025-tune.tsv", src).expect("annotations parse");
    assert!(gold.len() >= 60, "{} annotated expressions", gold.len());
    let mut r = csv::Reader::from_path(DETIK).expect("detik-2025 CSV readable");
    let h = r.headers().expect("header").clone();
    let col = |n: &str| h.iter().position(|x| x == n).expect("column present");
    let (isi, tanggal) = (col("isi_berita"), col("tanggal"));
    let records: Vec<csv::StringRecord> = r.records().map(|x| x.expect("record")).collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut docs: Vec<&str> = gold.iter().map(|t| t.doc.as_str()).collect();
    docs.dedup();
    let mut pred = Vec::new();
    for d in docs {
        let n: usize = d
            .rsplit('#')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("record key");
        let rec = &records[n - 1];
        let dct =
            kabar_time::parse_published_with(&rec[tanggal], kabar_time::NumericOrder::MonthFirst)
                .and_then(|v| kabar_time::published_date(&v))
                .map(|x| x.format("%Y-%m-%d").to_string());
        let a = kabar_time::realnews::Article {
            dct,
            text: rec[isi].to_string(),
        };
        pred.extend(tag_article(d, &a, today));
    }
    let sc = score_timex(&gold, &pred);
    // measured 0.992 / 0.962 (tuned on these records: an upper bound); floors leave a margin
    let (rec, val) = (sc.relaxed.f1(), sc.value.f1());
    assert!(
        rec >= 0.95,
        "recognition F1 {rec:.3}\n{}",
        sc.errors.join("\n")
    );
    assert!(
        val >= 0.92,
        "normalisation F1 {val:.3}\n{}",
        sc.errors.join("\n")
    );
}
