//! Runs the rule-family corpus `tests/data/rules-corpus.tsv` (Duckling-style: a phrase in a
//! sentence under a document date, and the TIMEX3 it must give). Every row must hold; a
//! failure names the row, the family and what the tagger gave instead.

use chrono::NaiveDate;
use kabar_core::Lang;

#[test]
fn every_rule_family_example_holds() {
    let src = include_str!("data/rules-corpus.tsv");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    let mut failures = Vec::new();
    let mut rows = 0;
    for (i, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() >= 6,
            "rules-corpus.tsv line {}: 6 or 7 tab-separated fields expected, got {}",
            i + 1,
            f.len()
        );
        rows += 1;
        let (family, dct, text, phrase, kind, value) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        let modifier = f.get(6).copied().unwrap_or("");
        let a = kabar_time::analyze(text, Lang::Id, Some(dct), today);
        let got: Vec<String> = a
            .times
            .iter()
            .map(|t| {
                format!(
                    "{}={:?} {} {}",
                    t.span.slice(text),
                    t.kind,
                    t.value,
                    t.modifier.as_deref().unwrap_or("")
                )
            })
            .collect();
        let hit = a.times.iter().find(|t| t.span.slice(text) == phrase);
        // type "-": the phrase must not be (part of) any expression
        let ok = if kind == "-" {
            let at = text.find(phrase).unwrap_or(0);
            !a.times
                .iter()
                .any(|t| t.span.start < at + phrase.len() && at < t.span.end)
        } else {
            hit.is_some_and(|t| {
                format!("{:?}", t.kind).eq_ignore_ascii_case(kind)
                    && t.value == value
                    && t.modifier.as_deref().unwrap_or("") == modifier
            })
        };
        if !ok {
            failures.push(format!(
                "line {} [{family}] {phrase:?} want {kind} {value} {modifier}; got {got:?}",
                i + 1
            ));
        }
    }
    assert!(rows >= 30, "corpus has {rows} rows");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
