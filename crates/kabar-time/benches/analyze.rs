//! Throughput of `analyze` (recognition + normalisation) on Indonesian news text: the
//! detik-2026 validation bodies when present, else the crate's own test sentences.
//!
//! `cargo bench -p kabar-time --bench analyze`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kabar_core::Lang;
use std::hint::black_box;

fn corpus() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news-id/detik-2026/val.csv"
    );
    if let Ok(mut r) = csv::Reader::from_path(path) {
        if let Some(i) = r
            .headers()
            .ok()
            .and_then(|h| h.iter().position(|x| x == "isi"))
        {
            let v: Vec<String> = r
                .records()
                .flatten()
                .filter_map(|rec| rec.get(i).map(str::to_string))
                .collect();
            if !v.is_empty() {
                return v;
            }
        }
    }
    let own = include_str!("../tests/data/timex.tsv");
    vec![own
        .lines()
        .filter_map(|l| l.strip_prefix("S\t"))
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect::<Vec<_>>()
        .join(" ")]
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("news_id_published_given", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(kabar_time::analyze(
                    black_box(d),
                    Lang::Id,
                    Some("2026-05-29"),
                    today,
                ));
            }
        })
    });
    g.bench_function("news_id_published_inferred", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(kabar_time::analyze(black_box(d), Lang::Id, None, today));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
