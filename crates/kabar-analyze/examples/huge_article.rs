//! Times every stage of the pipeline on one huge article built by repeating the bundled
//! (fictional) example articles, at two sizes, to find a step that grows faster than the
//! text. The analysed-text cap is lifted for this measurement.
//!
//! `cargo run --release -p kabar-analyze --example huge_article -- 1000000 4000000`

use kabar_analyze::Pipeline;
use kabar_core::{Lang, RawArticle};
use std::path::Path;
use std::time::Instant;

fn body_of(bytes: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let texts: Vec<String> =
        kabar_extract::read_inputs(&[root], &kabar_extract::ReadOptions::default())
            .into_iter()
            .filter_map(Result::ok)
            .map(|a| a.body)
            .collect();
    let mut body = String::new();
    'outer: loop {
        for t in &texts {
            if body.len() >= bytes {
                break 'outer;
            }
            body.push_str(t);
            body.push_str("\n\n");
        }
    }
    body
}

fn time<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    println!("  {label:<12} {:>8.3} s", t.elapsed().as_secs_f64());
    out
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000_000, 4_000_000]
    } else {
        sizes
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let p = Pipeline::new(today)
        .expect("pipeline")
        .with_max_text_bytes(usize::MAX);
    for n in sizes {
        let body = body_of(n);
        println!("{} bytes", body.len());
        let c = time("clean", || kabar_extract::clean::clean(&body, None));
        let text = c.text.as_str();
        let lang = time("lang", || kabar_text::lang::detect(text));
        let lang = if lang == Lang::Unknown {
            Lang::Id
        } else {
            lang
        };
        let sentences = time("sentences", || kabar_text::sentences(text));
        let tokens = time("tokens", || kabar_text::tokenize(text));
        let tm = time("time", || kabar_time::analyze(text, lang, None, today));
        let ents = time("entities", || {
            p.entities()
                .extract(text, &tokens, &sentences, lang, &tm.times, None)
        });
        time("actions", || {
            kabar_actions::extract(text, lang, &sentences, &tokens, &ents, &tm.times, None)
        });
        let raw = RawArticle {
            source: "huge.txt".into(),
            body: body.clone(),
            ..Default::default()
        };
        time("whole", || p.analyze(raw));
    }
}
