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

const NEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

/// Tags the records of a news-CSV annotation set (`news-id/detik-2025/data_berita.csv#N`,
/// `news-id/detik-2026/train.csv#N`) and scores them; None (after a note) when the data is
/// missing, a failure under `CI=true`.
fn score_news_set(name: &str, src: &str) -> Option<kabar_time::realnews::RealScores> {
    let gold = load_annotations(name, src).expect("annotations parse");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut docs: Vec<&str> = gold.iter().map(|t| t.doc.as_str()).collect();
    docs.dedup();
    let mut pred = Vec::new();
    let mut csvs: std::collections::HashMap<String, (csv::StringRecord, Vec<csv::StringRecord>)> =
        std::collections::HashMap::new();
    for d in docs {
        let (file, n) = d.split_once('#').expect("record key");
        let path = format!("{NEWS}/{file}");
        if !std::path::Path::new(&path).is_file() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{path} is missing (CI=true needs ../shared/data)"
            );
            eprintln!("note: {path} not found, test skipped");
            return None;
        }
        let (h, records) = csvs.entry(file.to_string()).or_insert_with(|| {
            let mut r = csv::Reader::from_path(&path).expect("news CSV readable");
            let h = r.headers().expect("header").clone();
            (h, r.records().map(|x| x.expect("record")).collect())
        });
        let col = |n: &str| h.iter().position(|x| x == n);
        // detik-2025 names the body `isi_berita` and writes its dates month first
        let (isi, order) = match col("isi_berita") {
            Some(i) => (i, kabar_time::NumericOrder::MonthFirst),
            None => (
                col("isi").expect("body column"),
                kabar_time::NumericOrder::Auto,
            ),
        };
        let tanggal = col("tanggal").expect("date column");
        let rec = &records[n.parse::<usize>().expect("record number") - 1];
        let dct = kabar_time::parse_published_with(&rec[tanggal], order)
            .and_then(|v| kabar_time::published_date(&v))
            .map(|x| x.format("%Y-%m-%d").to_string());
        let a = kabar_time::realnews::Article {
            dct,
            text: rec[isi].to_string(),
        };
        pred.extend(tag_article(d, &a, today));
    }
    Some(score_timex(&gold, &pred))
}

/// The Detik 2025 tune-split records of `detik2025-tune.tsv` (written to measure forms
/// beyond Kompas: "Kamis (6/3/2025)", WIB/WITA clocks, "dini hari", "setiap 2 tahun").
#[test]
fn detik_2025_tune_set_stays_above_floor() {
    let src = include_str!("data/indotimex/detik2025-tune.tsv");
    let Some(sc) = score_news_set("detik2025-tune.tsv", src) else {
        return;
    };
    assert!(
        sc.value.gold >= 60,
        "{} annotated expressions",
        sc.value.gold
    );
    // measured 0.992 / 0.977 (tuned on these records: an upper bound); floors leave a margin
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

/// The third-round tune set `detik-tune3.tsv` (Detik 2025 and 2026 tune records chosen for
/// durations, sets, clocks and parts of day: "seminggu sekali", "satu hingga dua tahun",
/// "sejak Selasa (21/10) sore hingga sekitar pukul 00.00 WIB", generic "pukul 12 siang").
#[test]
fn detik_tune3_set_stays_above_floor() {
    let src = include_str!("data/indotimex/detik-tune3.tsv");
    let Some(sc) = score_news_set("detik-tune3.tsv", src) else {
        return;
    };
    assert!(
        sc.value.gold >= 130,
        "{} annotated expressions",
        sc.value.gold
    );
    // measured 0.989 / 0.967 (tuned on these records: an upper bound); floors leave a margin
    let (rec, val) = (sc.relaxed.f1(), sc.value.f1());
    assert!(
        rec >= 0.96,
        "recognition F1 {rec:.3}\n{}",
        sc.errors.join("\n")
    );
    assert!(
        val >= 0.93,
        "normalisation F1 {val:.3}\n{}",
        sc.errors.join("\n")
    );
}
