//! The whole pipeline against the hand-made gold of the bundled examples
//! (examples/gold/gold.json): stories and events (B³), syndicated copies, entity
//! variants that must merge, people who must stay apart, and dated roles.
//!
//! Prints the figures: `cargo test -p kabar-analyze --test examples_gold -- --nocapture`.
//! Every must-not-merge pair is checked and none may be merged. The other floors asserted
//! were set a little under what was measured on 2026-11-22, so a regression fails.

use kabar_analyze::{ingest_batch, Pipeline};
use kabar_extract::sources::{read_inputs, ReadOptions};
use kabar_query::Reads;
use kabar_store::Store;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// B³ precision, recall and F1 of a predicted clustering against a gold one, over the
/// items both know.
fn b_cubed(gold: &HashMap<String, String>, pred: &HashMap<String, String>) -> (f64, f64, f64) {
    let items: Vec<&String> = gold.keys().filter(|k| pred.contains_key(*k)).collect();
    let (mut p, mut r) = (0.0, 0.0);
    for i in &items {
        let same_pred: Vec<_> = items.iter().filter(|j| pred[**j] == pred[*i]).collect();
        let same_gold: Vec<_> = items.iter().filter(|j| gold[**j] == gold[*i]).collect();
        let both = same_pred.iter().filter(|j| gold[***j] == gold[*i]).count() as f64;
        p += both / same_pred.len() as f64;
        r += both / same_gold.len() as f64;
    }
    let n = items.len() as f64;
    let (p, r) = (p / n, r / n);
    (p, r, 2.0 * p * r / (p + r))
}

#[test]
fn pipeline_meets_the_examples_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("gold/gold.json")).unwrap())
            .unwrap();
    let raws: Vec<_> = read_inputs(&[root.join("articles")], &ReadOptions::default())
        .into_iter()
        .map(|r| r.expect("every example article is readable"))
        .collect();
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let analyses = p.analyze_all(raws, &|| {});
    let mut store = Store::in_memory().unwrap();
    ingest_batch(&mut store, &analyses).unwrap();
    let rows = store.articles().unwrap();

    // gold article id -> our row, matched by file and row
    let mut ours = HashMap::new();
    for g in gold["articles"].as_array().unwrap() {
        let file = g["file"].as_str().unwrap();
        // row: 1-based line / data row / array index, a string or a number; null for
        // one-article files
        let want = match &g["row"] {
            Value::String(r) => format!("{file}#{r}"),
            Value::Number(r) => format!("{file}#{r}"),
            _ => file.to_string(),
        };
        let row = rows
            .iter()
            .find(|a| a.source.ends_with(&format!("/{want}")))
            .unwrap_or_else(|| panic!("no stored article for {want}"));
        ours.insert(g["id"].as_str().unwrap().to_string(), row.clone());
    }
    assert_eq!(ours.len(), gold["articles"].as_array().unwrap().len());

    // stories and events, B³ (a one-off is a story and an event of its own)
    let (mut gs, mut ge, mut ps, mut pe) = (
        HashMap::new(),
        HashMap::new(),
        HashMap::new(),
        HashMap::new(),
    );
    for g in gold["articles"].as_array().unwrap() {
        let id = g["id"].as_str().unwrap().to_string();
        let story = g["story"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| format!("one-off {id}"));
        let event = g["event"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| format!("one-off {id}"));
        gs.insert(id.clone(), story);
        ge.insert(id.clone(), event);
        ps.insert(id.clone(), ours[&id].story.clone().unwrap());
        pe.insert(id.clone(), ours[&id].event.clone().unwrap());
    }
    let (sp, sr, sf) = b_cubed(&gs, &ps);
    let (ep, er, ef) = b_cubed(&ge, &pe);
    println!("stories B³ P {sp:.3} R {sr:.3} F1 {sf:.3}");
    println!("events  B³ P {ep:.3} R {er:.3} F1 {ef:.3}");

    // syndicated copies
    let by_id: HashMap<&str, &str> = ours
        .iter()
        .map(|(g, a)| (a.id.as_str(), g.as_str()))
        .collect();
    let gold_dups: BTreeSet<(String, String)> = gold["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["copy"].as_str().unwrap().to_string(),
                d["original"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let pred_dups: BTreeSet<(String, String)> = ours
        .iter()
        .filter_map(|(g, a)| {
            a.duplicate_of
                .as_deref()
                .map(|o| (g.clone(), by_id[o].to_string()))
        })
        .collect();
    let hit = gold_dups.intersection(&pred_dups).count();
    println!(
        "duplicates: {hit} of {} gold copies found, {} predicted ({} wrong)",
        gold_dups.len(),
        pred_dups.len(),
        pred_dups.len() - hit
    );

    // entity variants that must merge: every surface form of a gold entity that we
    // found at all must lead to one entity
    let entities = store.entities().unwrap();
    let mut surface: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &entities {
        for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
            surface
                .entry(s.to_lowercase())
                .or_default()
                .insert(e.id.clone());
        }
    }
    let (mut merged, mut split) = (0, Vec::new());
    for g in gold["entities"].as_array().unwrap() {
        let forms: Vec<String> = std::iter::once(g["name"].as_str().unwrap())
            .chain(
                g["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(Value::as_str),
            )
            .filter(|f| !f.contains("(as "))
            .map(str::to_lowercase)
            .collect();
        let ids: BTreeSet<&String> = forms
            .iter()
            .filter_map(|f| surface.get(f))
            .flatten()
            .collect();
        if forms.len() < 2 || ids.is_empty() {
            continue;
        }
        if ids.len() == 1 {
            merged += 1;
        } else {
            split.push(format!("{} -> {:?}", g["name"], ids));
        }
    }
    println!(
        "variant merges: {merged} gold entities kept whole, {} split: {split:?}",
        split.len()
    );

    // people and things that must stay apart: every pair is checked. Each side is found
    // in the store by its gold name or one of its gold aliases. Both found as one entity:
    // a wrong merge. A side found nowhere was not extracted under any of its names, so it
    // cannot have been merged into the other (whose name and aliases are then checked not
    // to hold any of its forms); such pairs are listed, not skipped silently.
    let gold_names: HashMap<&str, &str> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["id"].as_str().unwrap(), g["name"].as_str().unwrap()))
        .collect();
    let gold_forms: HashMap<&str, Vec<&str>> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let forms = std::iter::once(g["name"].as_str().unwrap())
                .chain(
                    g["aliases"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .filter(|f| !f.contains("(as ")),
                )
                .collect();
            (g["id"].as_str().unwrap(), forms)
        })
        .collect();
    let find = |gold_id: &str| {
        gold_forms
            .get(gold_id)
            .into_iter()
            .flatten()
            .find_map(|f| store.find_entity(f).ok())
    };
    let (mut apart, mut wrongly_merged, mut missing) = (0, Vec::new(), Vec::new());
    let pairs = gold["must_not_merge"].as_array().unwrap();
    for m in pairs {
        let (ga, gb) = (m["a"].as_str().unwrap(), m["b"].as_str().unwrap());
        let (fa, fb) = (find(ga), find(gb));
        // the forms of a side that is missing must not be the other side's name or aliases
        let holds = |e: &kabar_query::EntityRow, other: &str| {
            gold_forms.get(other).into_iter().flatten().any(|f| {
                e.name.eq_ignore_ascii_case(f)
                    || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(f))
            })
        };
        match (&fa, &fb) {
            (Some(ia), Some(ib)) if ia.id == ib.id => {
                wrongly_merged.push(format!("{ga} = {gb} (both {})", ia.id))
            }
            (Some(_), Some(_)) => apart += 1,
            (Some(e), None) | (None, Some(e)) if holds(e, if fa.is_some() { gb } else { ga }) => {
                wrongly_merged.push(format!("{ga} / {gb}: {} holds the other's name", e.id))
            }
            _ => {
                apart += 1;
                missing.push(format!(
                    "{}{}",
                    if fa.is_none() { ga } else { "" },
                    if fb.is_none() { gb } else { "" }
                ));
            }
        }
    }
    println!(
        "must-not-merge: {apart} of {} kept apart ({} with a side not extracted: {missing:?}), {} merged: {wrongly_merged:?}",
        pairs.len(),
        missing.len(),
        wrongly_merged.len()
    );

    // roles: the gold title found among the person's roles
    let (mut found, mut total) = (0, 0);
    for r in gold["roles"].as_array().unwrap() {
        total += 1;
        let name = gold_names
            .get(r["entity"].as_str().unwrap())
            .copied()
            .unwrap_or("");
        let title = r["title"].as_str().unwrap().to_lowercase();
        if let Ok(e) = store.find_entity(name) {
            let roles = store.roles(&e.id).unwrap();
            if roles.iter().any(|x| {
                let t = x.title.to_lowercase();
                title.starts_with(&t) || t.starts_with(&title)
            }) {
                found += 1;
            }
        }
    }
    println!("roles: {found} of {total} gold roles found");

    // no pair may be merged: a rule, not a measured floor
    assert_eq!(
        apart + wrongly_merged.len(),
        pairs.len(),
        "every pair is checked"
    );
    assert!(
        wrongly_merged.is_empty(),
        "must-not-merge pairs merged: {wrongly_merged:?}"
    );
    // regression floors: these were set a little under the figures measured on
    // 2026-11-22 (docs/BENCHMARKS.md), so they guard against a regression and are not
    // targets of their own
    // Events: 0.920 since cross-language joins (2026-12-02, fourth pass; 0.820 before):
    // the examples report most happenings in Indonesian and English.
    assert!(ef >= 0.88, "event B³ F1 {ef:.3}");
    // Stories: 0.872 on 2026-11-22; the story rule was made stricter on 2026-12-01 for
    // real news (Detik gold, docs/link.md: unrelated events no longer share a story only
    // through one ministry or country), which costs these fictional threads recall
    // (measured 0.791). On 2026-12-02 event identity moved to what happened (person
    // names out of the term channel, a persistence discount, join threshold 0.4, story
    // term cosine 0.2; Detik TUNE gold stories 0.760 -> 0.802, events 0.868 -> 0.904):
    // these fictional threads lose story recall (measured 0.662, events 0.828); see
    // docs/link.md. Fourth pass (cross-language joins, a story join needs the story's
    // subject term): 0.771. Fifth pass (a story join needs two of the story's five
    // content subject terms unless four people/organisations are shared — the purity
    // review found stories held by one brand, institution or player): 0.727 here
    // (events 0.929), Detik TUNE gold stories 0.797 -> 0.805; real news first.
    assert!(ef >= 0.90, "event B³ F1 {ef:.3}");
    assert!(sf >= 0.70, "story B³ F1 {sf:.3}");
    assert!(
        hit * 10 >= gold_dups.len() * 6,
        "duplicates found {hit}/{}",
        gold_dups.len()
    );
    assert!(found * 2 >= total, "roles {found}/{total}");
}
