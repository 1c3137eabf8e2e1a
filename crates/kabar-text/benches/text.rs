//! Criterion benches of the text layer on real article text from ../shared/data (the first
//! 300 Indonesian bodies), with a built-in paragraph when the data is absent.
//!
//! `cargo bench -p kabar-text --bench text`

#[path = "../tests/support/corpus.rs"]
mod corpus;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kabar_text::{
    content_terms, lang::detect, sentences, stem::stem_id, tokenize, Lang, TokenKind,
};
use std::time::Duration;

/// Written for this bench (fictional).
const FALLBACK: &str = "Pemerintah Kota Bandung memastikan perbaikan jalan di kawasan Jl. Soekarno-Hatta \
rampung pada akhir bulan ini. Kepala Dinas Pekerjaan Umum, Ir. H. Budi Santoso, M.T., mengatakan \
anggaran sebesar Rp2,5 miliar telah disiapkan sejak awal tahun. \"Kami menargetkan pekerjaan \
selesai sebelum arus mudik,\" ujarnya di Balai Kota, Senin (6/4/2026) pukul 09.20 WIB. Warga \
berharap anak-anak dapat kembali bersekolah tanpa terganggu kemacetan, sementara para pedagang \
menunggu kepastian relokasi sejumlah 160.000 lapak dll. Informasi lebih lanjut: humas@contoh.go.id.";

fn texts() -> Vec<String> {
    let docs = corpus::indonesian();
    if docs.is_empty() {
        eprintln!("shared data absent: benching the built-in paragraph");
        return vec![FALLBACK.repeat(20)];
    }
    docs.into_iter().take(300).map(|d| d.body).collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            tokenize(t)
                .into_iter()
                .filter(|k| k.kind == TokenKind::Word)
                .map(|k| k.span.slice(t).to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let word_bytes: usize = words.iter().map(String::len).sum();

    let mut g = c.benchmark_group("text");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| sentences(black_box(t)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("detect", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| detect(black_box(t)) as usize)
                .sum::<usize>()
        })
    });
    g.bench_function("content_terms", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| content_terms(black_box(t), Lang::Id).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(word_bytes as u64));
    g.bench_function("stem_id", |b| {
        b.iter(|| {
            words
                .iter()
                .map(|w| stem_id(black_box(w)).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
