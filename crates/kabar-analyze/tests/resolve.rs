//! Store-level entity resolution through the whole pipeline, on fictional articles
//! (mechanics only; the figures on real news are in docs/entities.md): a person named by
//! part of the name in some articles and in full in others becomes one entity, two full
//! names sharing a part stay two, and merged IDs redirect.

use kabar_analyze::{ingest_batch, Pipeline};
use kabar_core::RawArticle;
use kabar_query::Reads;
use kabar_store::Store;

fn raw(n: usize, title: &str, body: &str) -> RawArticle {
    RawArticle {
        source: format!("resolve-test#{n}"),
        external_id: None,
        title: Some(title.to_string()),
        url: None,
        outlet: Some("Contoh".to_string()),
        published_raw: Some(format!("2026-05-{:02}", 10 + n)),
        body: body.to_string(),
    }
}

#[test]
fn short_names_join_the_full_name_the_store_points_to() {
    let articles = vec![
        raw(1, "APBN", "Menteri Keuangan Purbaya Yudhi Sadewa membahas APBN di Kementerian Keuangan, Jakarta. Purbaya menyebut Bank Indonesia ikut menjaga rupiah."),
        raw(3, "Pajak", "Purbaya mengatakan penerimaan pajak naik di Kementerian Keuangan, Jakarta. Bank Indonesia menyambut."),
        raw(4, "Istana", "Presiden Prabowo Subianto menerima Perdana Menteri Malaysia di Istana Merdeka, Jakarta. Prabowo membahas perdagangan dengan Malaysia."),
        raw(6, "Polri", "Kapolri Listyo Sigit Prabowo memimpin apel di Mabes Polri. Listyo meminta anggota Polri siaga mudik."),
        raw(2, "Rupiah", "Purbaya mengatakan Kementerian Keuangan dan Bank Indonesia menjaga rupiah di Jakarta. Purbaya optimistis."),
        raw(5, "Kunjungan", "Prabowo menerima tamu dari Malaysia di Istana Merdeka, Jakarta. Presiden Prabowo membahas perdagangan."),
        raw(7, "Mudik", "Kapolri Listyo Sigit Prabowo meninjau jalur mudik bersama Polri."),
    ];
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()).unwrap();
    let mut store = Store::in_memory().unwrap();
    // two batches: the second brings back a short ID ("Purbaya") the first merged away
    let analyses = p.analyze_all(articles, &|| {});
    ingest_batch(&mut store, &analyses[..4]).unwrap();
    ingest_batch(&mut store, &analyses[4..]).unwrap();

    let purbaya = store.find_entity("Purbaya").unwrap();
    assert_eq!(purbaya.id, "per:purbaya-yudhi-sadewa");
    assert_eq!(purbaya.articles, 3, "{purbaya:?}");
    let prabowo = store.find_entity("Prabowo").unwrap();
    assert_eq!(prabowo.id, "per:prabowo-subianto", "{prabowo:?}");
    assert_eq!(prabowo.articles, 2, "{prabowo:?}");
    // a merged ID redirects
    assert_eq!(
        store.find_entity("per:prabowo").unwrap().id,
        "per:prabowo-subianto"
    );
    assert_eq!(
        store.find_entity("per:purbaya").unwrap().id,
        "per:purbaya-yudhi-sadewa"
    );
    // the other full name sharing "Prabowo" stays apart
    let listyo = store.find_entity("Listyo Sigit Prabowo").unwrap();
    assert_ne!(listyo.id, prabowo.id);
    assert_eq!(listyo.articles, 2, "{listyo:?}");
    // the short ID is gone from the listing
    let ids: Vec<String> = store
        .entities()
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert!(!ids.contains(&"per:prabowo".to_string()), "{ids:?}");
    assert!(!ids.contains(&"per:purbaya".to_string()), "{ids:?}");
    // resolution is idempotent
    assert!(store.resolve_entities(&|_| false).unwrap().is_empty());
}
