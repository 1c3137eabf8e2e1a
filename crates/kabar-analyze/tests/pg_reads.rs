//! The read side on PostgreSQL (`kabar_query::PgReader`) answers what it answers on SQLite
//! (`kabar_store::Store`), through the SAME trait calls (`Reads`, `Browse`, `Export`): the
//! bundled examples are ingested into both, then every story, event, entity and article
//! record, the first pages of every list under every sort and some filters, the small
//! lookups pages use, and every export table are compared. Search is compared as hit
//! SETS (PostgreSQL ranks with `ts_rank`, SQLite with BM25).
//!
//! Store-level entity resolution (`kabar_store::resolve`) runs on both backends with the
//! same rules, so entity lists, entity records, merged IDs and every record naming an
//! entity must be equal too: nothing is skipped.
//!
//! Needs a server: `KABAR_TEST_PG=postgres://user@host:port/db` (scripts/test.sh starts a
//! private one). Without it the test skips with a note, except under `CI=true`, where it
//! fails.

use kabar_analyze::{ingest_batch, ingest_batch_pg, Pipeline};
use kabar_core::Analysis;
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_query::export::{Format, Table};
use kabar_query::prelude::*;
use kabar_query::{Backend, PgReader, StorySummary};
use kabar_store::pg::scratch::{test_server, ScratchDb};
use kabar_store::pg::PgStore;
use kabar_store::Store;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;

fn examples() -> Vec<Analysis> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let raws: Vec<_> = read_inputs(&[root], &ReadOptions::default())
        .into_iter()
        .map(|r| r.expect("every example article is readable"))
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    p.analyze_all(raws, &|| {})
}

/// The same answer from both backends, compared as JSON (the shape every caller prints).
fn same<T: Serialize + Debug>(what: &str, pg: T, lite: T) {
    let (a, b) = (
        serde_json::to_value(&pg).unwrap(),
        serde_json::to_value(&lite).unwrap(),
    );
    if a == b {
        return;
    }
    // where the two JSON texts part, with some context on each side
    let (a, b) = (a.to_string(), b.to_string());
    let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let around = |s: &str| -> String {
        let start = s.floor_char_boundary(at.saturating_sub(300));
        let end = s.ceil_char_boundary((at + 300).min(s.len()));
        s[start..end].to_string()
    };
    panic!(
        "{what} differs at byte {at}:\n  pg:     …{}…\n  sqlite: …{}…",
        around(&a),
        around(&b)
    );
}

fn page(offset: u64, limit: u64) -> PageReq {
    PageReq { offset, limit }
}

const SORTS: [Sort; 4] = [Sort::Latest, Sort::Oldest, Sort::Biggest, Sort::Growth];

/// A few filters that select something on the examples: a day range, the busiest outlet,
/// each language, a well-mentioned entity.
fn filters(lite: &Store, entity: &str) -> Vec<Filter> {
    let latest = lite.latest_day().unwrap().expect("dated articles");
    let outlet = lite.outlets().unwrap()[0].0.clone();
    vec![
        Filter::default(),
        Filter {
            from: Some(latest.clone()),
            ..Filter::default()
        },
        Filter {
            to: Some(latest),
            outlet: Some(outlet),
            ..Filter::default()
        },
        Filter {
            lang: Some("id".into()),
            ..Filter::default()
        },
        Filter {
            lang: Some("en".into()),
            ..Filter::default()
        },
        Filter {
            entity: Some(entity.into()),
            ..Filter::default()
        },
    ]
}

fn summary_ids(p: &Page<StorySummary>) -> Vec<&str> {
    p.items.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn postgres_reads_match_sqlite_through_the_traits() {
    let Some(url) = test_server("PostgreSQL read parity test").unwrap() else {
        return;
    };
    let analyses = examples();
    assert!(analyses.len() > 20, "the examples are there");
    let db = ScratchDb::create(&url, "reads").unwrap();
    let mut pg = PgStore::open(&db.url).unwrap();
    let mut lite = Store::in_memory().unwrap();
    for chunk in analyses.chunks(7) {
        ingest_batch(&mut lite, chunk).unwrap();
        ingest_batch_pg(&mut pg, chunk).unwrap();
    }
    // Resolution merged the same names the same way (the examples have some to merge).
    let merges = lite.redirects().unwrap();
    assert!(!merges.is_empty(), "the examples hold names to merge");
    same("entity redirects", pg.redirects().unwrap(), merges.clone());
    // The counts the triggers keep equal the rows they count (after ingest, re-linking and
    // resolution's merges).
    for (what, sql) in [
        (
            "events.articles",
            "SELECT count(*) FROM events e
             WHERE e.articles <> (SELECT count(*) FROM articles a WHERE a.event = e.id)",
        ),
        (
            "stories.articles",
            "SELECT count(*) FROM stories s
             WHERE s.articles <> (SELECT count(*) FROM articles a WHERE a.story = s.id)",
        ),
        (
            "entities.mentions|articles",
            "SELECT count(*) FROM entities e WHERE
                e.mentions <> (SELECT coalesce(sum(m.mentions), 0) FROM entity_mentions m
                               WHERE m.entity = e.id)
             OR e.articles <> (SELECT count(*) FROM entity_mentions m WHERE m.entity = e.id)",
        ),
    ] {
        let wrong: i64 = pg.client().query_one(sql, &[]).unwrap().get(0);
        assert_eq!(wrong, 0, "stored {what} that disagree with the rows");
    }
    let pg = PgReader::new(pg);

    // Whole lists and records.
    same("articles", pg.articles().unwrap(), lite.articles().unwrap());
    same("events", pg.events().unwrap(), lite.events().unwrap());
    same("stories", pg.stories().unwrap(), lite.stories().unwrap());
    for a in lite.articles().unwrap() {
        same(
            &format!("article {}", a.id),
            kabar_query::article_record(&pg, &a.id).unwrap(),
            kabar_query::article_record(&lite, &a.id).unwrap(),
        );
    }
    for e in lite.events().unwrap() {
        same(
            &format!("event {}", e.id),
            kabar_query::event_record(&pg, &e.id).unwrap(),
            kabar_query::event_record(&lite, &e.id).unwrap(),
        );
    }
    for s in lite.stories().unwrap() {
        same(
            &format!("story {}", s.id),
            kabar_query::story_record(&pg, &s.id).unwrap(),
            kabar_query::story_record(&lite, &s.id).unwrap(),
        );
    }

    // Entities: the list, every record, by ID, by name and by a merged-away ID.
    let lite_entities = lite.entities().unwrap();
    same("entities", pg.entities().unwrap(), lite_entities.clone());
    assert!(lite_entities.len() > 20, "the examples name entities");
    for e in &lite_entities {
        same(
            &format!("entity {}", e.id),
            kabar_query::entity_record(&pg, &e.id).unwrap(),
            kabar_query::entity_record(&lite, &e.id).unwrap(),
        );
        same(
            &format!("entity by name {:?}", e.name),
            pg.find_entity(&e.name).unwrap().id,
            lite.find_entity(&e.name).unwrap().id,
        );
    }
    for m in &merges {
        same(
            &format!("entity by merged ID {}", m.from),
            pg.find_entity(&m.from).unwrap().id,
            lite.find_entity(&m.from).unwrap().id,
        );
    }

    // Pages: every sort, several filters, first page and a later one.
    let top = lite_entities[0].id.clone();
    for f in filters(&lite, &top) {
        for sort in SORTS {
            for p in [page(0, 10), page(5, 7)] {
                let what = format!("{f:?} {sort:?} {p:?}");
                let (a, b) = (
                    pg.story_page(&f, sort, p).unwrap(),
                    lite.story_page(&f, sort, p).unwrap(),
                );
                assert_eq!(a.total, b.total, "story_page total {what}");
                assert_eq!(summary_ids(&a), summary_ids(&b), "story_page {what}");
                same(&format!("story_page {what}"), a.items, b.items);
                same(
                    &format!("event_page {what}"),
                    pg.event_page(&f, sort, None, p).unwrap(),
                    lite.event_page(&f, sort, None, p).unwrap(),
                );
                same(
                    &format!("article_page {what}"),
                    pg.article_page(&f, sort, None, p).unwrap(),
                    lite.article_page(&f, sort, None, p).unwrap(),
                );
            }
        }
        for (kind, q) in [(None, None), (Some("PER"), None), (None, Some("a"))] {
            for p in [page(0, 1000), page(3, 10)] {
                same(
                    &format!("entity_page {f:?} {kind:?} {q:?} {p:?}"),
                    pg.entity_page(&f, kind, q, p).unwrap(),
                    lite.entity_page(&f, kind, q, p).unwrap(),
                );
            }
        }
    }
    for s in lite.stories().unwrap() {
        same(
            &format!("event_page of story {}", s.id),
            pg.event_page(&Filter::default(), Sort::Oldest, Some(&s.id), page(0, 50))
                .unwrap(),
            lite.event_page(&Filter::default(), Sort::Oldest, Some(&s.id), page(0, 50))
                .unwrap(),
        );
        same(
            &format!("story_days {}", s.id),
            pg.story_days(&s.id, None).unwrap(),
            lite.story_days(&s.id, None).unwrap(),
        );
    }

    // Lookups.
    same(
        "latest_day",
        pg.latest_day().unwrap(),
        lite.latest_day().unwrap(),
    );
    same("outlets", pg.outlets().unwrap(), lite.outlets().unwrap());
    let last = lite.latest_day().unwrap().unwrap();
    for n in [0, 1, 7, 40] {
        same(
            &format!("days_ending {n}"),
            pg.days_ending(&last, n).unwrap(),
            lite.days_ending(&last, n).unwrap(),
        );
    }
    same(
        "days_ending of no date",
        pg.days_ending("nonsense", 3).unwrap(),
        lite.days_ending("nonsense", 3).unwrap(),
    );
    let some_ids: Vec<String> = lite_entities
        .iter()
        .take(30)
        .map(|e| e.id.clone())
        .collect();
    same(
        "names_of",
        pg.names_of(&some_ids).unwrap(),
        lite.names_of(&some_ids).unwrap(),
    );

    // Search: the same hit sets and totals, filtered or not.
    for q in ["banjir", "Jakarta", "presiden", "gempa bumi", "flood"] {
        let set = |v: Vec<kabar_query::SearchHit>| -> BTreeSet<String> {
            v.into_iter().map(|h| h.article).collect()
        };
        assert_eq!(
            set(pg.search(q, 1000).unwrap()),
            set(lite.search(q, 1000).unwrap()),
            "search {q:?}"
        );
        for f in filters(&lite, &top) {
            let (a, b) = (
                pg.search_page(q, &f, page(0, 1000)).unwrap(),
                lite.search_page(q, &f, page(0, 1000)).unwrap(),
            );
            assert_eq!(a.total, b.total, "search_page total {q:?} {f:?}");
            assert_eq!(set(a.items), set(b.items), "search_page {q:?} {f:?}");
        }
    }

    // Exports: byte-identical.
    for t in [
        Table::Events,
        Table::Articles,
        Table::Actions,
        Table::Entities,
    ] {
        let out = |b: &dyn Backend| {
            let mut v = Vec::new();
            b.export(t, Format::Jsonl, &mut v).unwrap();
            String::from_utf8(v).unwrap()
        };
        let (a, b) = (out(&pg), out(&lite));
        for (x, y) in a.lines().zip(b.lines()) {
            assert_eq!(x, y, "export {t:?}");
        }
        assert_eq!(a.lines().count(), b.lines().count(), "export {t:?} rows");
    }
    assert_eq!(
        pg.counts().unwrap()["articles"],
        lite.counts().unwrap()["articles"]
    );
}

/// Median wall time of `f` over `n` runs, in microseconds.
fn median_us(n: usize, mut f: impl FnMut()) -> u128 {
    let mut t: Vec<u128> = (0..n)
        .map(|_| {
            let s = std::time::Instant::now();
            f();
            s.elapsed().as_micros()
        })
        .collect();
    t.sort_unstable();
    t[n / 2]
}

/// Read latency of the two backends side by side on the examples store (docs/BENCHMARKS.md,
/// "PostgreSQL store"): `scripts/test.sh --release -p kabar-analyze --test pg_reads --
/// --ignored --nocapture`. Not a check: it prints a table.
#[test]
#[ignore]
fn read_latency_side_by_side() {
    let Some(url) = test_server("PostgreSQL read latency").unwrap() else {
        return;
    };
    let analyses = examples();
    let db = ScratchDb::create(&url, "latency").unwrap();
    let mut pg = PgStore::open(&db.url).unwrap();
    let mut lite = Store::in_memory().unwrap();
    for chunk in analyses.chunks(7) {
        ingest_batch(&mut lite, chunk).unwrap();
        ingest_batch_pg(&mut pg, chunk).unwrap();
    }
    let pg = PgReader::new(pg);
    let story = lite
        .story_page(&Filter::default(), Sort::Biggest, page(0, 1))
        .unwrap()
        .items[0]
        .id
        .clone();
    let entity = lite.entities().unwrap()[0].id.clone();
    let event = lite.events().unwrap()[0].id.clone();
    let backends: [(&str, &dyn Backend); 2] = [("sqlite", &lite), ("postgres", &pg)];
    type Op = Box<dyn Fn(&dyn Backend)>;
    let ops: Vec<(&str, Op)> = vec![
        (
            "story_page latest 20",
            Box::new(|b: &dyn Backend| {
                b.story_page(&Filter::default(), Sort::Latest, page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "story_page growth 20",
            Box::new(|b: &dyn Backend| {
                b.story_page(&Filter::default(), Sort::Growth, page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "event_page biggest 20",
            Box::new(|b: &dyn Backend| {
                b.event_page(&Filter::default(), Sort::Biggest, None, page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "article_page latest 20",
            Box::new(|b: &dyn Backend| {
                b.article_page(&Filter::default(), Sort::Latest, None, page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "entity_page 20",
            Box::new(|b: &dyn Backend| {
                b.entity_page(&Filter::default(), None, None, page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "search_page \"presiden\" 20",
            Box::new(|b: &dyn Backend| {
                b.search_page("presiden", &Filter::default(), page(0, 20))
                    .unwrap();
            }),
        ),
        (
            "story record (biggest story)",
            Box::new(move |b: &dyn Backend| {
                kabar_query::story_record(b, &story).unwrap();
            }),
        ),
        (
            "entity record (most mentioned)",
            Box::new(move |b: &dyn Backend| {
                kabar_query::entity_record(b, &entity).unwrap();
            }),
        ),
        (
            "event record",
            Box::new(move |b: &dyn Backend| {
                kabar_query::event_record(b, &event).unwrap();
            }),
        ),
    ];
    println!("| read | SQLite (µs, median of 50) | PostgreSQL (µs) | ratio |");
    println!("|---|---|---|---|");
    for (name, op) in &ops {
        let t: Vec<u128> = backends
            .iter()
            .map(|(_, b)| {
                op(*b); // warm
                median_us(50, || op(*b))
            })
            .collect();
        println!(
            "| {name} | {} | {} | {:.1}× |",
            t[0],
            t[1],
            t[1] as f64 / t[0].max(1) as f64
        );
    }
}
