//! Throughput of `extract` on real Indonesian news (Detik, shared data, read in place), with
//! the entities of `kabar-entities`, against the stages it follows: tokenising and sentence
//! splitting, and entity recognition. (A capitalised-run heuristic stands in for the
//! tagger only if its model cannot be loaded.)
//!
//! `CARGO_TARGET_DIR=/tmp/target-actions cargo bench -p kabar-actions --bench actions`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kabar_core::{Entity, EntityType, Lang, Span, Token, TokenKind};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/news-id/detik-2026/val.csv"
);

fn articles() -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(mut r) = csv::Reader::from_path(DATA) {
        for rec in r.records().flatten() {
            if let Some(body) = rec.get(2) {
                out.push(body.to_string());
            }
        }
    }
    if out.is_empty() {
        // fall back to the annotated set's texts
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let src = std::fs::read_to_string(e.path()).unwrap_or_default();
            for d in kabar_actions::eval::parse(&src).unwrap_or_default() {
                out.push(d.text);
            }
        }
    }
    out
}

/// Runs of capitalised words that do not start a sentence, as PER/ORG/GPE mentions.
fn pseudo_entities(text: &str, toks: &[Token]) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let cap = |t: &Token| {
            t.kind == TokenKind::Word
                && t.span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        };
        let initial = i == 0 || matches!(toks[i - 1].span.slice(text), "." | "“" | "\"");
        if cap(&toks[i]) && !initial {
            let s = toks[i].span.start;
            let mut j = i;
            while j + 1 < toks.len() && cap(&toks[j + 1]) {
                j += 1;
            }
            let e = toks[j].span.end;
            let kind = [EntityType::Per, EntityType::Org, EntityType::Gpe][(j - i) % 3];
            let id = format!("{}:{}", kind.prefix(), text[s..e].to_lowercase());
            match ents.iter_mut().find(|x| x.id == id) {
                Some(x) => x.mentions.push(Span::new(s, e)),
                None => ents.push(Entity {
                    id,
                    name: text[s..e].to_string(),
                    kind,
                    mentions: vec![Span::new(s, e)],
                    aliases: vec![],
                    roles: vec![],
                }),
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    ents
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let bytes: usize = arts.iter().map(String::len).sum();
    let ner = kabar_entities::EntityExtractor::load_default().ok();
    let prepared: Vec<_> = arts
        .iter()
        .map(|t| {
            let toks = kabar_text::tokenize(t);
            let sents = kabar_text::sentences(t);
            let ents = match &ner {
                Some(n) => n.extract(t, &toks, &sents, Lang::Id, &[], Some("2026-05-29")),
                None => pseudo_entities(t, &toks),
            };
            (t.as_str(), toks, sents, ents)
        })
        .collect();
    let (na, nq) = prepared
        .iter()
        .fold((0, 0), |(a, q), (t, toks, sents, ents)| {
            let ex = kabar_actions::extract(t, Lang::Id, sents, toks, ents, &[], None);
            (a + ex.actions.len(), q + ex.quotes.len())
        });
    eprintln!(
        "{} articles, {} bytes, NER model loaded: {}, {} actions, {} quotes",
        arts.len(),
        bytes,
        ner.is_some(),
        na,
        nq
    );
    let mut g = c.benchmark_group("actions");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokenize+sentences (baseline)", |b| {
        b.iter(|| {
            for t in &arts {
                black_box(kabar_text::tokenize(t));
                black_box(kabar_text::sentences(t));
            }
        })
    });
    if let Some(n) = &ner {
        g.bench_function("entities (kabar-entities)", |b| {
            b.iter(|| {
                for (t, toks, sents, _) in &prepared {
                    black_box(n.extract(t, toks, sents, Lang::Id, &[], Some("2026-05-29")));
                }
            })
        });
    }
    g.bench_function("extract (actions+quotes)", |b| {
        b.iter(|| {
            for (t, toks, sents, ents) in &prepared {
                black_box(kabar_actions::extract(
                    t,
                    Lang::Id,
                    sents,
                    toks,
                    ents,
                    &[],
                    Some("2026-05-29"),
                ));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
