//! A huge article: analysis time grows about linearly with its size (a guard against a
//! quadratic step, not a speed test: the bound is a loose ratio, not seconds), and the
//! default pipeline caps the analysed body with a warning.

use kabar_analyze::pipeline::MAX_TEXT_BYTES;
use kabar_analyze::Pipeline;
use kabar_core::RawArticle;
use std::path::Path;
use std::time::Instant;

/// A body of about `bytes` bytes made by repeating the bundled (fictional) examples.
fn body_of(bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let texts: Vec<String> =
        kabar_extract::read_inputs(&[root], &kabar_extract::ReadOptions::default())
            .into_iter()
            .filter_map(Result::ok)
            .map(|a| a.body)
            .collect();
    let mut body = String::new();
    while body.len() < bytes {
        for t in &texts {
            body.push_str(t);
            body.push_str("\n\n");
        }
    }
    let mut end = bytes;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body.truncate(end);
    body
}

fn raw(body: String) -> RawArticle {
    RawArticle {
        source: "huge.txt".into(),
        body,
        ..Default::default()
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn analysis_time_is_about_linear_in_the_size_of_one_article() {
    let p = Pipeline::new(today())
        .unwrap()
        .with_max_text_bytes(usize::MAX);
    let small = body_of(150_000);
    let large = body_of(600_000);
    let _ = p.analyze(raw(body_of(20_000))); // warm-up
    let time = |b: &String| {
        let t = Instant::now();
        let a = p.analyze(raw(b.clone()));
        assert!(!a.sentences.is_empty());
        t.elapsed().as_secs_f64()
    };
    let (ts, tl) = (time(&small), time(&large));
    let ratio = tl / ts;
    eprintln!("150 KB {ts:.2} s, 600 KB {tl:.2} s, ratio {ratio:.1} (linear 4, quadratic 16)");
    assert!(
        ratio < 9.0,
        "4x the text took {ratio:.1}x the time: a superlinear step"
    );
}

#[test]
fn the_analysed_body_is_capped_with_a_warning() {
    let p = Pipeline::new(today()).unwrap().with_max_text_bytes(50_000);
    let a = p.analyze(raw(body_of(120_000)));
    assert!(a.text.len() <= 50_000);
    let w = a
        .warnings
        .iter()
        .find(|w| w.kind == "text_truncated")
        .unwrap();
    assert!(w.message.contains("120000 bytes"), "{}", w.message);
    let small = p.analyze(raw(body_of(10_000)));
    assert!(small.warnings.iter().all(|w| w.kind != "text_truncated"));
    assert_eq!(MAX_TEXT_BYTES, 1_000_000);
}
