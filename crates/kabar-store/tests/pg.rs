//! The PostgreSQL backend's own behaviour (issue 16): migrations under many openers, a
//! newer schema refused, atomic batches, idempotent ingest, the listings, search limits.
//! (Parity with SQLite on real pipeline output: kabar-analyze `tests/pg_parity.rs`.)
//!
//! Needs `KABAR_TEST_PG` (scripts/test.sh starts a private server); skips with a note
//! without it, fails under `CI=true`.

use kabar_core::analysis::{EntityOut, TextSpan};
use kabar_core::{Analysis, EntityType, Lang, Published};
use kabar_store::pg::schema::current_version;
use kabar_store::pg::scratch::{test_server, ScratchDb};
use kabar_store::pg::{PgBatch, PgError, PgStore};
use kabar_store::{ArticleLinks, StoreError};

fn analysis(id: &str, title: &str, date: &str) -> Analysis {
    Analysis {
        id: id.into(),
        source: format!("{id}.txt"),
        external_id: None,
        title: Some(title.into()),
        url: None,
        outlet: Some("Kabar Nusantara".into()),
        dateline: None,
        lang: Lang::Id,
        published: Some(Published {
            value: date.into(),
            inferred: false,
            from: "input".into(),
        }),
        text: format!("{title}. Isi berita tentang perjanjian batas laut."),
        removed: vec![],
        sentences: vec![],
        entities: vec![EntityOut {
            id: "per:retno-marsudi".into(),
            name: "Retno Marsudi".into(),
            kind: EntityType::Per,
            mentions: vec![TextSpan {
                start: 0,
                end: 5,
                text: "Retno".into(),
            }],
            aliases: vec![],
            roles: vec![],
        }],
        times: vec![],
        actions: vec![],
        quotes: vec![],
        warnings: vec![],
    }
}

/// A linker stand-in: every article its own event, all in one story.
fn one_event_each(
    docs: &[&Analysis],
    state: Option<Vec<u8>>,
) -> Result<PgBatch, kabar_store::LinkError> {
    let n = state.map(|s| s.len()).unwrap_or(0);
    Ok(PgBatch {
        links: docs
            .iter()
            .map(|a| ArticleLinks {
                article: a.id.clone(),
                duplicate_of: None,
                event: format!("e:{}", &a.id[2..]),
                story: "s:1".into(),
            })
            .collect(),
        state: vec![0; n + docs.len()],
        why: vec![],
        redirects: vec![],
    })
}

#[test]
fn many_openers_migrate_once_and_a_newer_schema_is_refused() {
    let Some(url) = test_server("PostgreSQL store tests").unwrap() else {
        return;
    };
    let db = ScratchDb::create(&url, "migrate").unwrap();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| PgStore::open(&db.url).unwrap());
        }
    });
    let mut s = PgStore::open(&db.url).unwrap();
    assert_eq!(s.version().unwrap(), current_version());
    s.client()
        .execute(
            "INSERT INTO kabar_schema(version) VALUES ($1)",
            &[&(current_version() + 1)],
        )
        .unwrap();
    assert!(matches!(
        PgStore::open(&db.url),
        Err(PgError::TooNew { .. })
    ));
}

#[test]
fn batches_are_atomic_idempotent_and_listed() {
    let Some(url) = test_server("PostgreSQL store tests").unwrap() else {
        return;
    };
    let db = ScratchDb::create(&url, "atomic").unwrap();
    let mut s = PgStore::open(&db.url).unwrap();
    let a = analysis("a:1", "Banjir Bandung", "2025-03-07T09:00:00+07:00");
    let b = analysis("a:2", "Gempa Cianjur", "2025-03-08");
    // A linking failure stores nothing of the batch.
    let err = s
        .ingest_batch(std::slice::from_ref(&a), &mut |_, _| {
            Err("linker broke".into())
        })
        .unwrap_err();
    assert!(matches!(err, PgError::Store(StoreError::Link(_))), "{err}");
    assert!(!s.has_article("a:1").unwrap());
    let (first, _) = s
        .ingest_batch(&[a.clone(), b.clone(), a.clone()], &mut one_event_each)
        .unwrap();
    assert_eq!((first.added, first.already_stored), (2, 1));
    let (again, _) = s.ingest_batch(&[b], &mut one_event_each).unwrap();
    assert_eq!((again.added, again.already_stored), (0, 1));
    let rows = s.articles().unwrap();
    assert_eq!(
        rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["a:1", "a:2"]
    );
    let story = s.story("s:1").unwrap();
    assert_eq!(story.events, ["e:1", "e:2"]);
    assert_eq!(
        (story.first.as_deref(), story.last.as_deref()),
        (Some("2025-03-07"), Some("2025-03-08"))
    );
    assert_eq!(
        s.event("e:1").unwrap().title.as_deref(),
        Some("Banjir Bandung")
    );
    let e = s.find_entity("retno marsudi").unwrap();
    assert_eq!(
        (e.id.as_str(), e.mentions, e.articles),
        ("per:retno-marsudi", 2, 2)
    );
    assert_eq!(e.aliases, ["Retno"]);
    assert!(matches!(
        s.story("s:404"),
        Err(PgError::Store(StoreError::NotFound(_)))
    ));
    let hits = s.search("BANJIR", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article, "a:1");
    assert!(hits[0].snippet.contains("[Banjir]"), "{}", hits[0].snippet);
    assert!(
        s.search("banjir gempa", 10).unwrap().is_empty(),
        "every word required"
    );
    let long = "x".repeat(65);
    assert!(matches!(
        s.search(&long, 10),
        Err(PgError::Store(StoreError::BadQuery(_)))
    ));
}
