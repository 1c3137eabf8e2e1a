//! End-to-end analysis throughput: the whole per-article pipeline on real Indonesian news
//! (Detik 2026, read from ../shared/data when present; the bundled examples otherwise).
//!
//! `cargo bench -p kabar-analyze --bench pipeline`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kabar_analyze::Pipeline;
use kabar_core::RawArticle;
use std::path::Path;

fn corpus() -> Vec<RawArticle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/data/news-id/detik-2026/val.csv");
    let path = if shared.exists() {
        shared
    } else {
        root.join("examples/articles")
    };
    let opts = kabar_extract::sources::ReadOptions::default();
    kabar_extract::sources::read_inputs(&[path], &opts)
        .into_iter()
        .filter_map(Result::ok)
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("analyze_{}_articles_1_thread", docs.len()), |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(p.analyze(d.clone()));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
