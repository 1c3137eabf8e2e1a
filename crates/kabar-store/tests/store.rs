//! Store behaviour: migrations, idempotent ingest, atomic batches, queries.

use kabar_core::analysis::{EntityOut, TextSpan};
use kabar_core::{Analysis, EntityType, Lang, Published, Role};
use kabar_query::Reads;
use kabar_store::schema::{current_version, migrate_to};
use kabar_store::{ArticleLinks, Store};
use rusqlite::Connection;

fn analysis(id: &str, title: &str, date: &str, entities: Vec<EntityOut>) -> Analysis {
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
        entities,
        times: vec![],
        actions: vec![],
        quotes: vec![],
        warnings: vec![],
    }
}

fn ent(id: &str, name: &str, surface: &str, role: Option<(&str, &str)>) -> EntityOut {
    EntityOut {
        id: id.into(),
        name: name.into(),
        kind: EntityType::Per,
        mentions: vec![TextSpan {
            start: 0,
            end: surface.chars().count(),
            text: surface.into(),
        }],
        aliases: vec![],
        roles: role
            .map(|(t, d)| {
                vec![Role {
                    title: t.into(),
                    of: Some("gpe:indonesia".into()),
                    date: Some(d.into()),
                }]
            })
            .unwrap_or_default(),
    }
}

/// A linker stand-in that puts every article in its own event, all in one story.
fn one_event_each(
    docs: &[&Analysis],
    state: Option<Vec<u8>>,
) -> Result<(Vec<ArticleLinks>, Vec<u8>), kabar_store::LinkError> {
    let n = state.map(|s| s.len()).unwrap_or(0);
    let links = docs
        .iter()
        .map(|a| ArticleLinks {
            article: a.id.clone(),
            duplicate_of: None,
            event: format!("e:{}", &a.id[2..]),
            story: "s:1".into(),
        })
        .collect();
    Ok((links, vec![0; n + docs.len()]))
}

#[test]
fn ingest_is_idempotent_and_links_are_queryable() {
    let mut s = Store::in_memory().unwrap();
    let a = analysis(
        "a:01",
        "Indonesia dan Malaysia teken perjanjian",
        "2025-03-06",
        vec![],
    );
    let b = analysis("a:02", "DPR ratifikasi perjanjian", "2025-06-10", vec![]);
    let sum = s
        .ingest_batch(&[a.clone(), b.clone()], &mut one_event_each)
        .unwrap();
    assert_eq!((sum.added, sum.events, sum.stories), (2, 2, 1));
    let again = s
        .ingest_batch(std::slice::from_ref(&a), &mut one_event_each)
        .unwrap();
    assert_eq!((again.added, again.already_stored), (0, 1));
    let arts = s.articles().unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0].id, "a:01");
    assert_eq!(arts[0].event.as_deref(), Some("e:01"));
    let stories = s.stories().unwrap();
    assert_eq!(stories[0].first.as_deref(), Some("2025-03-06"));
    assert_eq!(stories[0].last.as_deref(), Some("2025-06-10"));
    assert_eq!(stories[0].events, ["e:01", "e:02"]);
    assert_eq!(s.analysis("a:02").unwrap(), b);
}

#[test]
fn a_failing_link_step_leaves_the_store_as_it_was() {
    let mut s = Store::in_memory().unwrap();
    s.ingest_batch(
        &[analysis("a:01", "Satu", "2025-03-06", vec![])],
        &mut one_event_each,
    )
    .unwrap();
    let err = s.ingest_batch(
        &[analysis("a:02", "Dua", "2025-03-07", vec![])],
        &mut |_, _| Err("linker exploded".into()),
    );
    assert!(err.is_err());
    assert_eq!(
        s.articles().unwrap().len(),
        1,
        "the failed batch must roll back entirely"
    );
    assert!(!s.has_article("a:02").unwrap());
}

#[test]
fn entities_merge_aliases_and_keep_dated_roles() {
    let mut s = Store::in_memory().unwrap();
    let a = analysis(
        "a:01",
        "Satu",
        "2024-02-01",
        vec![ent(
            "per:budi-santoso",
            "Budi Santoso",
            "Budi Santoso",
            Some(("Wakil Menteri Keuangan", "2024-02-01")),
        )],
    );
    let b = analysis(
        "a:02",
        "Dua",
        "2025-05-01",
        vec![ent(
            "per:budi-santoso",
            "Budi Santoso",
            "Santoso",
            Some(("Gubernur Jawa Barat", "2025-05-01")),
        )],
    );
    s.ingest_batch(&[a, b], &mut one_event_each).unwrap();
    let e = s.find_entity("Santoso").unwrap();
    assert_eq!(e.id, "per:budi-santoso");
    assert_eq!(e.articles, 2);
    assert_eq!(e.aliases, ["Santoso"]);
    let roles = s.roles("per:budi-santoso").unwrap();
    let titles: Vec<_> = roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Wakil Menteri Keuangan", "Gubernur Jawa Barat"]);
    assert!(s.find_entity("nobody").is_err());
}

#[test]
fn search_finds_words_and_survives_fts_syntax() {
    let mut s = Store::in_memory().unwrap();
    s.ingest_batch(
        &[
            analysis("a:01", "Banjir melanda Bandung", "2025-01-02", vec![]),
            analysis("a:02", "Perjanjian ditandatangani", "2025-01-03", vec![]),
        ],
        &mut one_event_each,
    )
    .unwrap();
    let hits = s.search("banjir", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article, "a:01");
    assert!(hits[0].snippet.contains('['));
    // FTS5 operators typed by a user must not become a syntax error
    assert!(s.search("\"AND OR (* NEAR", 10).is_ok());
}

#[test]
fn an_older_store_upgrades_and_keeps_its_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut c = Connection::open(&path).unwrap();
        migrate_to(&mut c, 1).unwrap();
        c.execute(
            "INSERT INTO articles(id, source, title, lang, text, analysis)
             VALUES ('a:old', 'old.txt', 'Berita lama', 'id', 'Gempa di Palu.', '{}')",
            [],
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let v: i64 = s
        .conn()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, current_version());
    assert_eq!(s.articles().unwrap()[0].id, "a:old");
    // the full-text index added by migration 2 covers articles stored before it
    assert_eq!(s.search("gempa", 5).unwrap()[0].article, "a:old");
}

#[test]
fn a_newer_or_foreign_file_is_refused_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.db");
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    assert!(Store::open(&newer)
        .unwrap_err()
        .to_string()
        .contains("newer"));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not a database at all, just text .....................................................").unwrap();
    assert!(Store::open(&junk).is_err());
    assert!(std::fs::read(&junk).unwrap().starts_with(b"this is not"));
}

#[test]
fn roles_fold_a_bare_title_into_its_owner_and_weeks_do_not_win_as_strings() {
    let mut s = Store::in_memory().unwrap();
    let role = |title: &str, of: Option<&str>, date: &str| Role {
        title: title.into(),
        of: of.map(str::to_string),
        date: Some(date.into()),
    };
    let mk = |id: &str, date: &str, roles: Vec<Role>| {
        let mut e = ent("per:ratna", "Ratna", "Ratna", None);
        e.roles = roles;
        analysis(id, &format!("Berita {id}"), date, vec![e])
    };
    s.ingest_batch(
        &[
            mk(
                "a:1",
                "2025-01-16",
                vec![role("Duta Besar", Some("gpe:indonesia"), "2025-01-16")],
            ),
            mk(
                "a:2",
                "2025-03-07",
                vec![role("Duta Besar", None, "2025-03-07")],
            ),
            mk(
                "a:3",
                "2025-08-20",
                vec![role("Menteri Luar Negeri", None, "2025-08")],
            ),
            mk(
                "a:4",
                "2025-10-14",
                vec![role("Menteri Luar Negeri", None, "2025-W41")],
            ),
            mk(
                "a:5",
                "2025-10-15",
                vec![role("Menteri Luar Negeri", None, "2025-10-14")],
            ),
        ],
        &mut one_event_each,
    )
    .unwrap();
    let roles = s.roles("per:ratna").unwrap();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert_eq!(roles[0].title, "Duta Besar");
    assert_eq!(roles[0].of.as_deref(), Some("gpe:indonesia"));
    assert_eq!(
        (roles[0].first.as_deref(), roles[0].last.as_deref()),
        (Some("2025-01-16"), Some("2025-03-07"))
    );
    assert_eq!(roles[0].articles.len(), 2);
    assert_eq!(roles[1].title, "Menteri Luar Negeri");
    assert_eq!(
        roles[1].last.as_deref(),
        Some("2025-10-14"),
        "a week value must not sort last"
    );
}

#[test]
fn many_processes_opening_a_new_store_at_once_create_the_schema_once() {
    // threads with their own connections race exactly like processes do
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("race{round}.db"));
        let handles: Vec<_> = (0..6)
            .map(|_| {
                let p = path.clone();
                std::thread::spawn(move || Store::open(&p).map(|_| ()).map_err(|e| e.to_string()))
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
        let s = Store::open(&path).unwrap();
        let v: i64 = s
            .conn()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, current_version());
    }
}

#[test]
fn a_writer_waits_for_another_writers_transaction_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.db");
    let mut first = Store::open(&path).unwrap();
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let p = path.clone();
    let waiter = std::thread::spawn(move || {
        let mut s = Store::open(&p).unwrap();
        s.ingest_batch(
            &[analysis("a:02", "Dua", "2025-03-07", vec![])],
            &mut one_event_each,
        )
        .map(|sum| sum.added)
        .map_err(|e| e.to_string())
    });
    std::thread::sleep(std::time::Duration::from_millis(1500));
    holder.execute_batch("COMMIT").unwrap();
    assert_eq!(waiter.join().unwrap(), Ok(1));
    first
        .ingest_batch(
            &[analysis("a:01", "Satu", "2025-03-06", vec![])],
            &mut one_event_each,
        )
        .unwrap();
    assert_eq!(first.articles().unwrap().len(), 2);
}

#[test]
fn a_live_story_or_event_is_never_redirected() {
    let mut s = Store::in_memory().unwrap();
    let a = analysis("a:01", "Banjir Bandung", "2025-03-06", vec![]);
    s.ingest_batch(&[a], &mut one_event_each).unwrap();
    // an earlier retirement of s:1 and e:01 whose IDs hold articles again (a story
    // re-formed under its old ID), then s:old retired into s:1
    s.save_link_extras(
        &[],
        &[("s:1".into(), "s:9".into()), ("e:01".into(), "e:9".into())],
    )
    .unwrap();
    s.save_link_extras(&[], &[("s:old".into(), "s:1".into())])
        .unwrap();
    assert_eq!(s.resolve_link_id("s:old").unwrap(), "s:1");
    assert_eq!(s.resolve_link_id("s:1").unwrap(), "s:1");
    assert_eq!(s.resolve_link_id("e:01").unwrap(), "e:01");
    assert_eq!(s.story("s:1").unwrap().id, "s:1");
    // a store written before the cleanup may hold a stale row: reads still stay put
    s.conn()
        .execute(
            "INSERT INTO link_redirects(old, new) VALUES ('s:1', 's:9')",
            [],
        )
        .unwrap();
    assert_eq!(s.resolve_link_id("s:1").unwrap(), "s:1");
}
