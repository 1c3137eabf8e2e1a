//! Criterion bench of `Linker::add_batch` on synthetic articles (deterministic
//! vocabulary draws over a few hundred "events"), into an empty state and into a state
//! already holding 5,000 articles.

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use kabar_link::{LinkConfig, LinkDoc, Linker};

fn rng(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn docs(n: usize, offset: usize) -> Vec<LinkDoc> {
    let base = NaiveDate::from_ymd_opt(2026, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let mut s = 0x1234_5678_9abc_def0u64 ^ offset as u64;
    (0..n)
        .map(|i| {
            let i = i + offset;
            let ev = i / 5;
            let mut words = Vec::new();
            for _ in 0..200 {
                let r = rng(&mut s);
                // Half the words from the event's own vocabulary, half from a shared one.
                let w = if r & 1 == 0 {
                    format!("ev{}w{}", ev, r % 40)
                } else {
                    format!("common{}", r % 3000)
                };
                words.push(w);
            }
            let title_terms: Vec<String> = words[..6].to_vec();
            LinkDoc {
                id: format!("a:{i:016x}"),
                published: Some(base + Duration::minutes((i * 7) as i64)),
                title: title_terms.join(" "),
                text: words.join(" "),
                title_terms,
                body_terms: words,
                entities: vec![format!("per:p{}", ev % 997)],
                ..Default::default()
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let batch = docs(100, 1_000_000);
    c.bench_function("add_batch 100 into empty", |b| {
        b.iter_batched(
            || Linker::new(LinkConfig::default()),
            |mut l| l.add_batch(&batch),
            BatchSize::LargeInput,
        )
    });
    let mut warm = Linker::new(LinkConfig::default());
    warm.add_batch(&docs(5_000, 0));
    let batch = docs(100, 5_000);
    c.bench_function("add_batch 100 into 5k", |b| {
        b.iter_batched(
            || warm.clone(),
            |mut l| l.add_batch(&batch),
            BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
