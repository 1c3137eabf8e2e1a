//! Throughput of the tagger and of full entity extraction on real Indonesian news
//! (Detik articles of ../shared/data/news-id/detik-2026/val.csv, read at run time, never
//! copied). Criterion reports tokens/s (`thrpt`).
//!
//! `CARGO_TARGET_DIR=/tmp/target-entities cargo bench -p kabar-entities --bench entities`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kabar_core::Lang;
use kabar_entities::{EntityExtractor, Tagger};

const ARTICLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/news-id/detik-2026/val.csv"
);

fn articles() -> Vec<String> {
    let Ok(mut r) = csv::Reader::from_path(ARTICLES) else {
        eprintln!("{ARTICLES} not found: nothing to benchmark");
        return Vec::new();
    };
    let body = r
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|c| c == "isi"))
        .unwrap_or(2);
    r.records()
        .filter_map(|x| x.ok())
        .filter_map(|x| x.get(body).map(String::from))
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = articles();
    if texts.is_empty() {
        return;
    }
    let tagger = Tagger::load_default().expect("model");
    let ex = EntityExtractor::load_default().expect("model");
    // pre-tokenised sentences for the tagger alone
    let prepared: Vec<(Vec<kabar_core::Token>, Vec<kabar_core::Span>)> = texts
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
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ntok as u64));
    g.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sents {
                n += tagger.tag(s).len();
            }
            n
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, (toks, ss)) in texts.iter().zip(&prepared) {
                n += ex
                    .extract(t, toks, ss, Lang::Id, &[], Some("2026-05-29"))
                    .len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
