//! Named sources found in single sentences (Duckling-style: each case in
//! `tests/data/source_cases.tsv` is an example of a rule family and its test), run
//! through the whole analysis pipeline so the tagger's entities are the real ones.

use kabar_analyze::Pipeline;
use kabar_compare::extract_sources;
use kabar_core::RawArticle;

/// The sentence without brackets and the char spans the brackets marked.
fn parse(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = 0;
    for c in marked.chars() {
        match c {
            '[' => open = text.chars().count(),
            ']' => spans.push((open, text.chars().count())),
            _ => text.push(c),
        }
    }
    (text, spans)
}

#[test]
fn named_source_cases() {
    let p = Pipeline::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
    let cases = include_str!("data/source_cases.tsv");
    let mut failures = Vec::new();
    for (n, line) in cases.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (lang, marked) = line.split_once('\t').expect("lang<TAB>sentence");
        let (body, want) = parse(marked);
        let a = p.analyze(RawArticle {
            source: format!("source_cases.tsv#{}", n + 1),
            published_raw: Some("2026-11-22".into()),
            body: body.clone(),
            ..Default::default()
        });
        assert_eq!(a.lang.code(), lang, "line {}: language detected", n + 1);
        let found = extract_sources(&a).expect("word lists parse");
        // the cleaned text may differ from the input at its edges: map spans by content
        let shift = a
            .text
            .find(body.trim())
            .map_or(0, |b| a.text[..b].chars().count());
        let overlaps = |(s, e): (usize, usize), x: &kabar_compare::NamedSource| {
            x.start < e + shift && s + shift < x.end
        };
        let missed: Vec<String> = want
            .iter()
            .filter(|&&w| !found.iter().any(|f| overlaps(w, f)))
            .map(|&(s, e)| body.chars().skip(s).take(e - s).collect())
            .collect();
        let extra: Vec<&str> = found
            .iter()
            .filter(|f| !want.iter().any(|&w| overlaps(w, f)))
            .map(|f| f.label.as_str())
            .collect();
        if !missed.is_empty() || !extra.is_empty() {
            failures.push(format!(
                "line {}: {marked}\n  missed {missed:?}, found outside brackets {extra:?} (all found: {:?})",
                n + 1,
                found.iter().map(|f| &f.label).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
