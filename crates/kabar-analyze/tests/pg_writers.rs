//! Many writers on one PostgreSQL store (issue 16): ingests running at once all succeed,
//! lose nothing and give the result of one sequential ingest; a worker killed in the middle
//! of a batch leaves nothing half-written, and re-running its input completes it.
//!
//! Needs `KABAR_TEST_PG` (see `pg_parity.rs`); skips without it, fails under `CI=true`.

use kabar_analyze::{ingest_batch_pg, Pipeline};
use kabar_core::Analysis;
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_store::pg::scratch::{test_server, ScratchDb};
use kabar_store::pg::{PgBatch, PgStore};
use std::path::Path;
use std::time::Duration;

fn examples() -> Vec<Analysis> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let raws: Vec<_> = read_inputs(&[root], &ReadOptions::default())
        .into_iter()
        .map(|r| r.expect("every example article is readable"))
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    p.analyze_all(raws, &|| {})
}

/// What a store holds, for comparing two: articles (with copies, events, stories),
/// events, stories, entities (after store-level resolution) and the merges it made.
fn snapshot(s: &mut PgStore) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        s.articles().unwrap(),
        s.events().unwrap(),
        s.stories().unwrap(),
        s.entities().unwrap(),
        s.redirects().unwrap()
    )
}

fn sequential(url: &str, analyses: &[Analysis]) -> String {
    let db = ScratchDb::create(url, "sequential").unwrap();
    let mut s = PgStore::open(&db.url).unwrap();
    for chunk in analyses.chunks(7) {
        ingest_batch_pg(&mut s, chunk).unwrap();
    }
    snapshot(&mut s)
}

#[test]
fn three_ingests_at_once_equal_one() {
    let Some(url) = test_server("PostgreSQL writer tests").unwrap() else {
        return;
    };
    let analyses = examples();
    let want = sequential(&url, &analyses);
    let db = ScratchDb::create(&url, "three").unwrap();
    // The three open (and migrate) the fresh store at once too.
    let added: Vec<usize> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..3)
            .map(|_| {
                scope.spawn(|| {
                    let mut s = PgStore::open(&db.url).unwrap();
                    let mut added = 0;
                    for chunk in analyses.chunks(7) {
                        added += ingest_batch_pg(&mut s, chunk).unwrap().0.added;
                    }
                    added
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut s = PgStore::open(&db.url).unwrap();
    assert_eq!(added.iter().sum::<usize>(), s.articles().unwrap().len());
    assert_eq!(snapshot(&mut s), want);
}

#[test]
fn disjoint_ingests_at_once_lose_nothing() {
    let Some(url) = test_server("PostgreSQL writer tests").unwrap() else {
        return;
    };
    let analyses = examples();
    let db = ScratchDb::create(&url, "disjoint").unwrap();
    let thirds: Vec<&[Analysis]> = analyses.chunks(analyses.len().div_ceil(3)).collect();
    std::thread::scope(|scope| {
        for part in &thirds {
            let url = &db.url;
            scope.spawn(move || {
                let mut s = PgStore::open(url).unwrap();
                for chunk in part.chunks(4) {
                    ingest_batch_pg(&mut s, chunk).unwrap();
                }
            });
        }
    });
    let mut s = PgStore::open(&db.url).unwrap();
    let rows = s.articles().unwrap();
    let mut ids: Vec<&str> = analyses.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    let mut got: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    got.sort();
    assert_eq!(got, ids, "every article stored once");
    assert!(rows.iter().all(|r| r.event.is_some() && r.story.is_some()));
    let events = s.events().unwrap();
    let in_events: usize = events.iter().map(|e| e.articles.len()).sum();
    assert_eq!(in_events, rows.len(), "every article in exactly one event");
}

#[test]
fn a_killed_worker_loses_nothing_and_a_rerun_completes_it() {
    let Some(url) = test_server("PostgreSQL writer tests").unwrap() else {
        return;
    };
    let analyses = examples();
    let want = sequential(&url, &analyses);
    let db = ScratchDb::create(&url, "killed").unwrap();
    let mut s = PgStore::open(&db.url).unwrap();
    let (done, rest) = analyses.split_at(14);
    for chunk in done.chunks(7) {
        ingest_batch_pg(&mut s, chunk).unwrap();
    }
    let before = snapshot(&mut s);
    // A worker that has written the articles of its batch and is linking them when its
    // connection is killed (as when its machine dies): the server ends its session.
    let mut victim = PgStore::open(&db.url).unwrap();
    let pid: i32 = victim
        .client()
        .query_one("SELECT pg_backend_pid()", &[])
        .unwrap()
        .get(0);
    let killer_url = db.url.clone();
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        let mut k = PgStore::open(&killer_url).unwrap();
        let ok: bool = k
            .client()
            .query_one("SELECT pg_terminate_backend($1)", &[&pid])
            .unwrap()
            .get(0);
        assert!(ok, "the victim's session was ended");
    });
    let res = victim.ingest_batch(&rest[..7], &mut |_fresh, _state| {
        std::thread::sleep(Duration::from_millis(1500));
        Ok(PgBatch::default())
    });
    killer.join().unwrap();
    assert!(res.is_err(), "the killed worker's batch failed");
    assert_eq!(
        snapshot(&mut s),
        before,
        "nothing of the killed batch is visible"
    );
    // The link lock died with the session: a re-run of the worker's input goes through.
    for chunk in rest.chunks(7) {
        ingest_batch_pg(&mut s, chunk).unwrap();
    }
    assert_eq!(snapshot(&mut s), want);
}
