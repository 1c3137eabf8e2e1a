//! Fuzz targets (proptest: no nightly toolchain is needed). Ignored by default: they are a
//! benchmark of robustness run for minutes, not a CI test. Commands and results are in
//! docs/RELIABILITY.md, e.g.
//!
//! `KABAR_FUZZ_SECS=600 cargo test --release -p kabar-analyze --test fuzz -- --ignored --exact fuzz_time`
//!
//! With `KABAR_FUZZ_SECS` a target runs rounds of 1,000 freshly seeded cases until that
//! many seconds have passed (proptest itself only counts cases); without it, one run of
//! `PROPTEST_CASES` (default 10,000). Each target prints how many cases it ran.
//!
//! Each target feeds arbitrary input to one stage and asserts what must hold for any
//! input: no panic, and spans that lie on char boundaries inside the text.

use kabar_analyze::Pipeline;
use kabar_core::{Lang, RawArticle};
use kabar_extract::sources::{read_bytes_items, ReadOptions};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
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

/// Runs `test` on inputs from `strategy`: for `KABAR_FUZZ_SECS` seconds in rounds of 1,000
/// cases with a fresh random seed each, or once for `PROPTEST_CASES` cases (default 10,000).
/// A failure panics with proptest's minimal failing input.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let budget = std::env::var("KABAR_FUZZ_SECS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(std::time::Duration::from_secs);
    let started = std::time::Instant::now();
    let mut cases = 0u64;
    loop {
        let round = match budget {
            Some(_) => 1_000,
            None => std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(10_000),
        };
        let config = Config {
            cases: round,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        cases += u64::from(round);
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    eprintln!(
        "{name}: {cases} cases in {:.1} s, no failure",
        started.elapsed().as_secs_f64()
    );
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_reading() {
    let input = (proptest::collection::vec(any::<u8>(), 0..2000), 0usize..7);
    fuzz("fuzz_reading", input, |(bytes, ext)| {
        let exts = ["jsonl", "csv", "json", "txt", "html", "", "ndjson"];
        for item in read_bytes_items("f", exts[ext], &bytes, &ReadOptions::default()) {
            let _ = item;
        }
        Ok(())
    });
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_reading_records() {
    fuzz(
        "fuzz_reading_records",
        (newsish(), 0usize..3),
        |(text, sep)| {
            // structured records around arbitrary field text
            let jsonl = format!(
                "{}\n{{\"text\": {:?}}}\n",
                serde_json::json!({"title": text, "text": text}),
                text
            );
            let _ = read_bytes_items(
                "f.jsonl",
                "jsonl",
                jsonl.as_bytes(),
                &ReadOptions::default(),
            );
            let d = [",", ";", "\t"][sep];
            let csv = format!("title{d}text\n{text}{d}{text}\n\"{text}\"{d}x\n");
            let _ = read_bytes_items("f.csv", "csv", csv.as_bytes(), &ReadOptions::default());
            Ok(())
        },
    );
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_html() {
    let tags = proptest::collection::vec(
        "</?(p|div|script|title|meta|h1|article|br|a|time)( [a-z]+=\"[^\"]{0,10}\")?/?>",
        0..40,
    );
    fuzz("fuzz_html", (newsish(), tags), |(body, tags)| {
        let mut page = String::from("<html><head><title>T</title></head><body>");
        for (i, t) in tags.iter().enumerate() {
            page.push_str(t);
            page.push_str(body.get(..body.len().min(i * 7)).unwrap_or(""));
        }
        let _ = kabar_extract::html::extract(&page, None);
        Ok(())
    });
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_clean() {
    let title = proptest::option::of("[A-Za-z ]{0,40}");
    fuzz("fuzz_clean", (newsish(), title), |(text, title)| {
        let c = kabar_extract::clean::clean(&text, title.as_deref());
        prop_assert!(c.text.len() <= text.len() + 2 * text.matches('\n').count() + 2);
        Ok(())
    });
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_time() {
    let published = proptest::option::of("20[0-9]{2}-[01][0-9]-[0-3][0-9]");
    fuzz(
        "fuzz_time",
        (newsish(), lang(), published),
        |(text, lang, published)| {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
            let r = kabar_time::analyze(&text, lang, published.as_deref(), today);
            for t in &r.times {
                prop_assert!(
                    text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end)
                );
                prop_assert!(t.span.start <= t.span.end && t.span.end <= text.len());
            }
            Ok(())
        },
    );
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_ner() {
    fuzz("fuzz_ner", (newsish(), lang()), |(text, lang)| {
        let sentences = kabar_text::sentences(&text);
        let tokens = kabar_text::tokenize(&text);
        let _ = PIPELINE
            .entities()
            .extract(&text, &tokens, &sentences, lang, &[], None);
        Ok(())
    });
}

#[test]
#[ignore = "fuzz benchmark; see docs/RELIABILITY.md"]
fn fuzz_pipeline() {
    let input = (newsish(), proptest::option::of(newsish()));
    fuzz("fuzz_pipeline", input, |(body, title)| {
        let a = PIPELINE.analyze(RawArticle {
            source: "f".into(),
            title,
            body,
            ..Default::default()
        });
        let n = a.text.chars().count();
        for s in &a.sentences {
            prop_assert!(s.start <= s.end && s.end <= n);
        }
        Ok(())
    });
}
