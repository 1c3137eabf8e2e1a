//! The set-based reads of a story's articles (one statement per table over the ID list)
//! keep the order of the list, count every listed article and merge quotes across them.

use kabar_core::analysis::{ActionOut, EntityOut, QuoteOut, TextSpan};
use kabar_core::{Analysis, EntityType, Lang, Plover, Published};
use kabar_query::prelude::*;
use kabar_store::{ArticleLinks, Store};

fn span(text: &str) -> TextSpan {
    TextSpan {
        start: 0,
        end: text.chars().count(),
        text: text.into(),
    }
}

fn entity(id: &str, mentions: usize) -> EntityOut {
    EntityOut {
        id: id.into(),
        name: id[4..].into(),
        kind: if id.starts_with("per:") {
            EntityType::Per
        } else {
            EntityType::Org
        },
        mentions: (0..mentions).map(|_| span("x")).collect(),
        aliases: vec![],
        roles: vec![],
    }
}

/// Article `n` of outlet `outlet` on `day`, mentioning `per:ani` twice and, when `org`,
/// `org:dinas` once; one action by Ani and one quote with `words`.
fn article(n: usize, day: &str, outlet: &str, org: bool, words: &str) -> Analysis {
    let mut entities = vec![entity("per:ani", 2)];
    if org {
        entities.push(entity("org:dinas", 1));
    }
    Analysis {
        id: format!("a:{n}"),
        source: "t.txt".into(),
        external_id: None,
        title: Some(format!("Judul {n}")),
        url: None,
        outlet: Some(outlet.into()),
        dateline: None,
        lang: Lang::Id,
        published: Some(Published {
            value: day.into(),
            inferred: false,
            from: "input".into(),
        }),
        text: format!("Teks {n}."),
        removed: vec![],
        sentences: vec![],
        entities,
        times: vec![],
        actions: vec![ActionOut {
            plover: Plover::Cooperate,
            kind: format!("act{n}"),
            source: vec!["per:ani".into()],
            target: vec![],
            date: Some(day.into()),
            sentence: 0,
            trigger: span("Teks"),
            negated: false,
        }],
        quotes: vec![QuoteOut {
            speaker: Some("per:ani".into()),
            text: words.into(),
            direct: true,
            start: 0,
            end: 4,
        }],
        warnings: vec![],
    }
}

#[test]
fn set_reads_follow_the_id_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("k.db")).unwrap();
    let docs = vec![
        article(1, "2025-03-01", "Warta", true, "kami siap"),
        article(2, "2025-03-02", "Kabar", false, "lain kata"),
        article(3, "2025-03-03", "Warta", true, "kami  siap"),
    ];
    store
        .ingest_batch(&docs, &mut |batch, _| {
            Ok((
                batch
                    .iter()
                    .map(|d| ArticleLinks {
                        article: d.id.clone(),
                        duplicate_of: None,
                        event: "e:1".into(),
                        story: "s:1".into(),
                    })
                    .collect(),
                vec![],
            ))
        })
        .unwrap();
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    // actions in the order of the list, the article named on each
    let acts = store.actions_of(&ids(&["a:3", "a:1"])).unwrap();
    let got: Vec<(&str, &str)> = acts
        .iter()
        .map(|a| (a.article.as_str(), a.action.kind.as_str()))
        .collect();
    assert_eq!(got, [("a:3", "act3"), ("a:1", "act1")]);

    // the same words (white space folded) in two articles are one quote listing both,
    // in the list's order; first seen first
    let qs = store.quotes_of(&ids(&["a:3", "a:2", "a:1"])).unwrap();
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(qs[0].articles, ["a:3", "a:1"]);
    assert_eq!(qs[1].articles, ["a:2"]);
    // by speaker: publication order
    let by = store.quotes_by("per:ani").unwrap();
    assert_eq!(by[0].articles, ["a:1", "a:3"]);
    assert_eq!(by[1].articles, ["a:2"]);

    // mentions summed over the listed articles, most mentioned first
    let es = store.entities_of(&ids(&["a:1", "a:2", "a:3"])).unwrap();
    let got: Vec<(&str, i64, i64)> = es
        .iter()
        .map(|e| (e.id.as_str(), e.mentions, e.articles))
        .collect();
    assert_eq!(got, [("per:ani", 6, 3), ("org:dinas", 2, 2)]);
    let es = store.entities_of(&ids(&["a:2"])).unwrap();
    assert_eq!(es.len(), 1);

    let outlets = store.outlets_of(&ids(&["a:1", "a:3"])).unwrap();
    assert_eq!(outlets.into_iter().collect::<Vec<_>>(), ["Warta"]);
    assert!(store.actions_of(&[]).unwrap().is_empty());
}
