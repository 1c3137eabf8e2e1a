//! The cue families of the per-mention type evidence, one example phrase per row of
//! `tests/data/evidence_cases.tsv`.

use kabar_core::EntityType;
use kabar_entities::evidence::type_evidence;

#[test]
fn each_cue_family_reads_its_phrases() {
    let cases = include_str!("data/evidence_cases.tsv");
    let mut n = 0;
    for (i, line) in cases.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let kind = match cols[0] {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            other => panic!("line {}: unknown type {other}", i + 1),
        };
        let (s, e) = (cols[1].find('[').unwrap(), cols[1].find(']').unwrap());
        let plain = cols[1].replace(['[', ']'], "");
        let got = type_evidence(&plain, kind, &[(s, e - 1)]) > 0;
        assert_eq!(got, cols[2] == "yes", "line {}: {}", i + 1, cols[1]);
        n += 1;
    }
    assert!(n >= 10, "too few cases: {n}");
}
