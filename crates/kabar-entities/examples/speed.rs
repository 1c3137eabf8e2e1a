//! Tokens per second of `Tagger::tag` and `EntityExtractor::extract` on real news
//! (../shared/data/news-id/detik-2026/val.csv), measured both in wall-clock time and in
//! CPU time of the measuring thread (Linux `/proc/thread-self/schedstat`), which is what
//! one core delivers even when a shared machine is busy:
//! `cargo run --release -p kabar-entities --example speed [ROUNDS]`.

use kabar_core::Lang;
use kabar_entities::{EntityExtractor, Tagger};
use std::time::Instant;

const ARTICLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/news-id/detik-2026/val.csv"
);

/// CPU time of this thread in nanoseconds (0 where /proc is missing).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut r = csv::Reader::from_path(ARTICLES)?;
    let body = r.headers()?.iter().position(|c| c == "isi").unwrap_or(2);
    let texts: Vec<String> = r
        .records()
        .filter_map(|x| x.ok())
        .filter_map(|x| x.get(body).map(String::from))
        .collect();
    let tagger = Tagger::load_default()?;
    let ex = EntityExtractor::load_default()?;
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| (kabar_text::tokenize(t), kabar_text::sentences(t)))
        .collect();
    let mut sents: Vec<Vec<&str>> = Vec::new();
    for (t, (toks, ss)) in texts.iter().zip(&prepared) {
        let mut i = 0;
        for s in ss {
            let a = i;
            while i < toks.len() && toks[i].span.start < s.end {
                i += 1;
            }
            sents.push(toks[a..i].iter().map(|k| k.span.slice(t)).collect());
        }
    }
    let ntok: usize = prepared.iter().map(|p| p.0.len()).sum();
    println!(
        "{} articles, {} sentences, {} tokens; {} rounds; {} model features",
        texts.len(),
        sents.len(),
        ntok,
        rounds,
        tagger.feature_count()
    );
    let (w0, c0) = (Instant::now(), cpu_ns());
    let mut n = 0usize;
    for _ in 0..rounds {
        for s in &sents {
            n += tagger.tag(s).len();
        }
    }
    report(
        "tag",
        ntok * rounds,
        w0.elapsed().as_secs_f64(),
        cpu_ns() - c0,
    );
    let (w0, c0) = (Instant::now(), cpu_ns());
    let mut ents = 0usize;
    for _ in 0..rounds {
        for (t, (toks, ss)) in texts.iter().zip(&prepared) {
            ents += ex
                .extract(t, toks, ss, Lang::Id, &[], Some("2026-05-29"))
                .len();
        }
    }
    report(
        "extract",
        ntok * rounds,
        w0.elapsed().as_secs_f64(),
        cpu_ns() - c0,
    );
    println!("({n} tags, {} entities per round)", ents / rounds.max(1));
    Ok(())
}

fn report(what: &str, tokens: usize, wall: f64, cpu_ns: u64) {
    let cpu = cpu_ns as f64 / 1e9;
    println!(
        "{what:>8}: {:>9.0} tokens/s wall, {:>9.0} tokens/CPU-s (wall {wall:.2}s, cpu {cpu:.2}s)",
        tokens as f64 / wall,
        if cpu > 0.0 {
            tokens as f64 / cpu
        } else {
            f64::NAN
        },
    );
}
