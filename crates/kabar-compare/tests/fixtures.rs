//! The comparison on fictional multi-outlet reports written to disagree in known ways
//! (tests/data/README.md), run through the whole pipeline and store.

use kabar_analyze::{ingest_batch, Pipeline};
use kabar_compare::{compare_articles, compare_event, Comparison};
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_query::Reads;
use kabar_store::Store;
use std::path::Path;

fn store_of(file: &str) -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let raws: Vec<_> = read_inputs(&[path], &ReadOptions::default())
        .into_iter()
        .map(|r| r.expect("fixture readable"))
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let analyses = p.analyze_all(raws, &|| {});
    let mut store = Store::in_memory().unwrap();
    ingest_batch(&mut store, &analyses).unwrap();
    store
}

fn landslide() -> (Store, Comparison) {
    let store = store_of("garut-landslide.jsonl");
    let ids: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 4);
    let c = compare_articles(&store, &ids).unwrap();
    (store, c)
}

fn outlets_of(c: &Comparison, kind: &str) -> Vec<Vec<Vec<String>>> {
    c.discrepancies
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.sides.iter().map(|s| s.outlets.clone()).collect())
        .collect()
}

#[test]
fn first_report_delays_and_copies() {
    let (_, c) = landslide();
    let first = c.first.as_ref().unwrap();
    assert_eq!(first.outlet, "Warta Lereng");
    let delay = |o: &str| {
        c.outlets
            .iter()
            .find(|x| x.outlet == o)
            .unwrap()
            .delay_seconds
    };
    assert_eq!(delay("Warta Lereng"), Some(0));
    assert_eq!(delay("Harian Bukit"), Some(9_000));
    assert_eq!(delay("Valley Post"), Some(25 * 3600));
    // the word-for-word copy is linked to its original and credits it
    let copy = c
        .lineage
        .iter()
        .find(|l| l.outlet == "Kabar Lembah")
        .expect("copy found");
    assert_eq!(copy.copy_of_outlet, "Warta Lereng");
    assert_eq!(copy.lag_seconds, Some(5 * 3600 + 15 * 60));
    assert!(
        copy.credited.contains(&"Warta Lereng".to_string()),
        "{copy:?}"
    );
}

#[test]
fn different_death_tolls_are_flagged_with_outlets_on_each_side() {
    let (store, c) = landslide();
    let sides = outlets_of(&c, "number");
    assert_eq!(sides.len(), 1, "{:#?}", c.discrepancies);
    let d = c.discrepancies.iter().find(|d| d.kind == "number").unwrap();
    // the count names what is counted: category, unit word and cue words
    assert!(d.about.starts_with("the number dead ("), "{}", d.about);
    let twelve = d.sides.iter().find(|s| s.value == "12").unwrap();
    let fourteen = d.sides.iter().find(|s| s.value == "14").unwrap();
    assert_eq!(twelve.outlets, ["Kabar Lembah", "Warta Lereng"]);
    assert_eq!(fourteen.outlets, ["Harian Bukit"]);
    // "at least 10" contradicts neither
    assert!(d
        .sides
        .iter()
        .all(|s| !s.outlets.contains(&"Valley Post".to_string())));
    // every span points at the figure in its article's text
    for s in &d.sides {
        for sp in &s.spans {
            let text = store.analysis(&sp.article).unwrap().text;
            let got: String = text
                .chars()
                .skip(sp.start)
                .take(sp.end - sp.start)
                .collect();
            assert!(got.contains(&s.value), "{got:?} for {}", s.value);
        }
    }
}

#[test]
fn a_wrong_weekday_in_one_outlet_is_flagged() {
    let (_, c) = landslide();
    let w = outlets_of(&c, "weekday");
    assert_eq!(w.len(), 1, "{:#?}", c.discrepancies);
    assert_eq!(w[0][0], ["Harian Bukit"]);
    assert!(
        w[0][1].contains(&"Warta Lereng".to_string()),
        "{:#?}",
        c.discrepancies
    );
    assert!(!w[0][1].contains(&"Harian Bukit".to_string()));
}

#[test]
fn coverage_cells_unique_and_missing_facts() {
    let (_, c) = landslide();
    // the budget only Harian Bukit reports is its unique fact, and the others miss it
    let budget = c
        .facts
        .iter()
        .find(|f| f.kind == "number" && f.key == "money:budget:IDR")
        .expect("budget row");
    assert_eq!(budget.cells.len(), 1);
    assert_eq!(budget.cells[0].outlet, "Harian Bukit");
    assert_eq!(budget.cells[0].value.as_deref(), Some("2000000000"));
    let o = |n: &str| c.outlets.iter().find(|x| x.outlet == n).unwrap();
    assert!(o("Harian Bukit").unique.contains(&budget.id));
    assert!(o("Warta Lereng").missing.contains(&budget.id));
    // the count of injured is reported by the original and its copy only
    let injured = c
        .facts
        .iter()
        .find(|f| f.key == "injured")
        .expect("injured row");
    let mut outlets: Vec<&str> = injured.cells.iter().map(|c| c.outlet.as_str()).collect();
    outlets.sort();
    assert_eq!(outlets, ["Kabar Lembah", "Warta Lereng"]);
    assert!(o("Harian Bukit").missing.contains(&injured.id));
    // named source: "Menurut Badan Penanggulangan Bencana Daerah (BPBD) Garut"
    assert!(c.facts.iter().any(|f| f.kind == "source"), "{:#?}", c.facts);
}

#[test]
fn an_unknown_event_is_not_found() {
    let (store, _) = landslide();
    let e = compare_event(&store, "e:0000000000000000").unwrap_err();
    assert!(e.is_not_found(), "{e}");
}

#[test]
fn one_quote_given_to_two_speakers_is_flagged() {
    let (_, c) = landslide();
    let d = c
        .discrepancies
        .iter()
        .find(|d| d.kind == "quote_speaker")
        .unwrap_or_else(|| panic!("{:#?}", c.discrepancies));
    let mut sides: Vec<(String, Vec<String>)> = d
        .sides
        .iter()
        .map(|s| (s.value.clone(), s.outlets.clone()))
        .collect();
    sides.sort();
    assert_eq!(
        sides,
        [
            (
                "Dedi Kurniawan".to_string(),
                vec!["Harian Bukit".to_string()]
            ),
            (
                "Hendra Permana".to_string(),
                vec!["Kabar Lembah".to_string(), "Warta Lereng".to_string()]
            ),
        ]
    );
}

#[test]
fn word_choice_shows_each_outlets_words_for_a_country_a_sea_and_an_act() {
    let store = store_of("summons-wording.jsonl");
    let ids: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let c = compare_articles(&store, &ids).unwrap();
    // the words of one outlet in the row whose words include `probe`
    let words = |kind: &str, probe: &str, outlet: &str| -> Vec<String> {
        let row = c
            .wording
            .iter()
            .filter(|w| w.kind == kind)
            .find(|w| {
                w.outlets
                    .iter()
                    .any(|o| o.terms.iter().any(|t| t.term.to_lowercase() == probe))
            })
            .unwrap_or_else(|| panic!("no {kind} row with {probe}: {:#?}", c.wording));
        row.outlets
            .iter()
            .filter(|o| o.outlet == outlet)
            .flat_map(|o| o.terms.iter().map(|t| t.term.to_lowercase()))
            .collect()
    };
    assert_eq!(words("entity", "tiongkok", "Harian Nusa"), vec!["china"]);
    assert_eq!(
        words("entity", "laut natuna utara", "Harian Nusa"),
        vec!["laut china selatan"]
    );
    assert_eq!(words("act", "mengecam", "Harian Nusa"), vec!["mengutuk"]);
    // the abbreviated ministry is a spelling, not a choice
    assert_eq!(c.wording.len(), 3, "{:#?}", c.wording);
    // spans point at the words
    let t = &c.wording[0].outlets[0].terms[0];
    let a = store.analysis(&t.spans[0].article).unwrap();
    let at: String = a
        .text
        .chars()
        .skip(t.spans[0].start)
        .take(t.spans[0].end - t.spans[0].start)
        .collect();
    assert_eq!(at, t.term);
    let text = kabar_compare::render::event_text(&c);
    assert!(
        text.contains("Word choice:") && text.contains("“China”"),
        "{text}"
    );
}

#[test]
fn identical_wording_gives_no_word_choice_rows() {
    // the landslide reports name the agency "BPBD" in both outlets (one also spells it
    // out); nothing is a different choice there
    let (_, c) = landslide();
    assert!(
        c.wording
            .iter()
            .all(|w| !w.about.to_lowercase().contains("penanggulangan")),
        "{:#?}",
        c.wording
    );
}
