//! Fuzz targets (proptest: no nightly toolchain is needed). Ignored by default: they are a
//! benchmark of robustness run for minutes, not a CI test. Commands and results are in
//! docs/RELIABILITY.md, e.g.
//!
//! `PROPTEST_CASES=200000 cargo test --release -p kabar-analyze --test fuzz -- --ignored fuzz_time`
//!
//! Each target feeds arbitrary input to one stage and asserts what must hold for any
//! input: no panic, and spans that lie on char boundaries inside the text.

use kabar_analyze::Pipeline;
use kabar_core::{Lang, RawArticle};
use kabar_extract::sources::{read_bytes_items, ReadOptions};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| {
    Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap()
});

/// Text that looks a little like news: words, numbers, dates, punctuation, quotes,
/// capitals, non-ASCII, line breaks; or anything at all.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{1,10}",
        "[a-z]{1,12}",
        "[0-9]{1,4}",
        Just("Senin".to_string()),
        Just("Januari".to_string()),
        Just("2025".to_string()),
        Just("kemarin".to_string()),
        Just("pukul 10.30 WIB".to_string()),
        Just("Presiden".to_string()),
        Just("kata".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(" - ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("/".to_string()),
        Just("\n\n".to_string()),
        Just("é".to_string()),
        "\\PC{1,3}",
    ];
    prop_oneof![
        4 => proptest::collection::vec(piece, 0..120).prop_map(|v| v.join(" ")),
        1 => "\\PC{0,400}",
    ]
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Id), Just(Lang::En), Just(Lang::Unknown)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_reading(bytes in proptest::collection::vec(any::<u8>(), 0..2000), ext in 0usize..7) {
        let exts = ["jsonl", "csv", "json", "txt", "html", "", "ndjson"];
        for item in read_bytes_items("f", exts[ext], &bytes, &ReadOptions::default()) {
            let _ = item;
        }
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_reading_records(text in newsish(), sep in 0usize..3) {
        // structured records around arbitrary field text
        let jsonl = format!("{}\n{{\"text\": {:?}}}\n", serde_json::json!({"title": text, "text": text}), text);
        let _ = read_bytes_items("f.jsonl", "jsonl", jsonl.as_bytes(), &ReadOptions::default());
        let d = [",", ";", "\t"][sep];
        let csv = format!("title{d}text\n{text}{d}{text}\n\"{text}\"{d}x\n");
        let _ = read_bytes_items("f.csv", "csv", csv.as_bytes(), &ReadOptions::default());
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_html(body in newsish(), tags in proptest::collection::vec("</?(p|div|script|title|meta|h1|article|br|a|time)( [a-z]+=\"[^\"]{0,10}\")?/?>", 0..40)) {
        let mut page = String::from("<html><head><title>T</title></head><body>");
        for (i, t) in tags.iter().enumerate() {
            page.push_str(t);
            page.push_str(body.get(..body.len().min(i * 7)).unwrap_or(""));
        }
        let _ = kabar_extract::html::extract(&page, None);
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_clean(text in newsish(), title in proptest::option::of("[A-Za-z ]{0,40}")) {
        let c = kabar_extract::clean::clean(&text, title.as_deref());
        prop_assert!(c.text.len() <= text.len() + 2 * text.matches('\n').count() + 2);
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_time(text in newsish(), lang in lang(), published in proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]")) {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let r = kabar_time::analyze(&text, lang, published.as_deref(), today);
        for t in &r.times {
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            prop_assert!(t.span.start <= t.span.end && t.span.end <= text.len());
        }
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_ner(text in newsish(), lang in lang()) {
        let sentences = kabar_text::sentences(&text);
        let tokens = kabar_text::tokenize(&text);
        let _ = PIPELINE.entities().extract(&text, &tokens, &sentences, lang, &[], None);
    }

    #[test]
    #[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
    fn fuzz_pipeline(body in newsish(), title in proptest::option::of(newsish())) {
        let a = PIPELINE.analyze(RawArticle { source: "f".into(), title, body, ..Default::default() });
        let n = a.text.chars().count();
        for s in &a.sentences {
            prop_assert!(s.start <= s.end && s.end <= n);
        }
    }
}
