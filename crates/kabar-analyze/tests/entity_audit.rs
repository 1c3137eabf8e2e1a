//! Scores the judged entity-audit items of the Detik 2026 TUNE split
//! (`tests/data/entity-audit-tune.tsv`: IDs, judgement, reason; no article text) against a
//! store built now from the same articles, so a change that brings back a judged-wrong
//! alias, type or split shows here.
//!
//! Figures are upper bounds (the rules were tuned on these articles); the audit-split
//! figures are in docs/entities.md. Needs `../shared/data`: fails when `CI=true` and the
//! data is missing, skips with a note otherwise.

use kabar_analyze::audit::{build_store, read_judged, score, Score, Side};
use kabar_core::split::Split;
use kabar_store::Store;
use std::path::Path;

/// A store of one side of the Detik 2026 split and how many articles it kept; `None` (after
/// a note) when `../shared` is missing, which fails under `CI=true`.
fn detik_store(side: Split) -> Option<(Store, usize)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news-id/detik-2026");
    if !dir.exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing (CI=true)",
            dir.display()
        );
        eprintln!("skipped: {} not found", dir.display());
        return None;
    }
    let inputs: Vec<_> = ["train.csv", "val.csv", "test.csv"]
        .iter()
        .map(|f| dir.join(f))
        .collect();
    let mut store = Store::in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let n = build_store(&mut store, &inputs, Side::Only(side), today).unwrap();
    Some((store, n))
}

/// One line of figures for one side: aliases and types as correct/present, persons as
/// kept whole/present with the share split over several entities (the measure).
fn report(side: &str, alias: &Score, types: &Score, split: &Score) {
    println!(
        "{side}: aliases {}/{} correct ({:.1}%), types {}/{} correct ({:.1}%), persons kept whole {}/{} ({:.1}% split)",
        alias.correct,
        alias.present,
        alias.rate() * 100.0,
        types.correct,
        types.present,
        types.rate() * 100.0,
        split.correct,
        split.present,
        (1.0 - split.rate()) * 100.0
    );
}

#[test]
fn judged_tune_items_score() {
    let Some((store, n)) = detik_store(Split::Tune) else {
        return;
    };
    assert!(
        n > 1000,
        "expected the TUNE side of 1,840 articles, kept {n}"
    );
    let judged = read_judged(include_str!("data/entity-audit-tune.tsv")).unwrap();
    let alias = score(&store, &judged, "alias").unwrap();
    let types = score(&store, &judged, "type").unwrap();
    let split = score(&store, &judged, "split").unwrap();
    report("TUNE (upper bounds)", &alias, &types, &split);
    // the wrong items still shown, to work on; never printed for AUDIT (read while tuning,
    // they would stop being a held-out check)
    for w in alias.wrong.iter().chain(&types.wrong).chain(&split.wrong) {
        println!(
            "  still wrong: {} {} {} ({})",
            w.kind, w.entity, w.item, w.reason
        );
    }
    // most judged items must still be shown, or the judgements are stale and need redoing
    assert!(
        alias.present * 10 >= 150 * 7,
        "aliases present {}",
        alias.present
    );
    assert!(
        types.present * 10 >= 200 * 8,
        "types present {}",
        types.present
    );
    assert!(
        split.present * 10 >= 100 * 8,
        "persons present {}",
        split.present
    );
    // the targets for types are met; for aliases and splits the floors below were
    // set from the values measured on 2026-12-01 (95.9% and 91.9% kept whole), under the
    // issue's targets (97% and 98%): regression guards, not claims of the target
    assert!(types.rate() >= 0.95, "types {:.3}", types.rate());
    assert!(alias.rate() >= 0.95, "aliases {:.3}", alias.rate());
    assert!(
        split.rate() >= 0.80,
        "persons kept whole {:.3}",
        split.rate()
    );
}

/// The AUDIT split, judged once by an independent reviewer (never tuned on):
/// `tests/data/entity-audit-audit.tsv`. Measured on 2026-12-01 when judged: aliases 97.0 %,
/// types 84.8 %, 4.5 % of the top persons split. The floors are regression guards set just
/// under those values, not claims of the targets (types ≥ 95 %, splits ≤ 2 %).
#[test]
fn judged_audit_items_score() {
    let Some((store, n)) = detik_store(Split::Audit) else {
        return;
    };
    assert!(
        n > 250,
        "expected the AUDIT side of 1,840 articles, kept {n}"
    );
    let judged = read_judged(include_str!("data/entity-audit-audit.tsv")).unwrap();
    let alias = score(&store, &judged, "alias").unwrap();
    let types = score(&store, &judged, "type").unwrap();
    let split = score(&store, &judged, "split").unwrap();
    report("AUDIT", &alias, &types, &split);
    assert!(alias.present >= 250, "aliases present {}", alias.present);
    assert!(types.present >= 400, "types present {}", types.present);
    assert!(alias.rate() >= 0.95, "aliases {:.3}", alias.rate());
    assert!(types.rate() >= 0.82, "types {:.3}", types.rate());
    assert!(
        split.rate() >= 0.90,
        "persons kept whole {:.3}",
        split.rate()
    );
}
