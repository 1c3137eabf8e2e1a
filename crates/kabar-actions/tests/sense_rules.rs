//! Precision rule families on phrases (`tests/data/sense_rules.tsv`): each line says which
//! act a phrase yields, or that it yields none (docs/actions.md, "Sense checks").

use kabar_actions::eval;

fn describe(a: &kabar_core::Action) -> String {
    format!(
        "{} {} {} -> {}",
        a.plover.name(),
        a.kind,
        a.source.join(","),
        a.target.join(",")
    )
}

#[test]
fn sense_rule_phrases() {
    let table = include_str!("data/sense_rules.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (ln, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "sense_rules.tsv:{}: three fields", ln + 1);
        let src = format!("=== t\npublished: 2025-03-07\n> {}\n", f[1]);
        let d = eval::parse(&src)
            .unwrap_or_else(|e| panic!("sense_rules.tsv:{}: {e}", ln + 1))
            .remove(0);
        let got: Vec<String> = eval::run(&d).actions.iter().map(describe).collect();
        let want: Vec<String> = if f[2] == "-" {
            Vec::new()
        } else {
            vec![f[2].trim_end().to_string()]
        };
        let got_t: Vec<&str> = got.iter().map(|s| s.trim_end()).collect();
        if got_t != want {
            failures.push(format!(
                "line {} [{}]: want {want:?}, got {got:?}",
                ln + 1,
                f[0]
            ));
        }
        n += 1;
    }
    assert!(n >= 15, "{n} phrases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
