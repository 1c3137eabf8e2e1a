//! End-to-end tests of the `kabar` binary against SPEC.md: shapes, exit codes, refusal of
//! bad input without losing good input, idempotent ingest, the store's location rules.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kabar() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kabar"));
    c.env_remove("KABAR_DB");
    c
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(c: &mut Command) -> Output {
    c.output().expect("kabar runs")
}

fn json_lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

const ARTICLE: &str = "Menlu RI bertemu Menlu Malaysia\n\nJAKARTA, Kabar Nusantara - Menteri Luar Negeri Indonesia Ratna Wijaya bertemu Menteri Luar Negeri Malaysia di Jakarta, Kamis (6/3/2025). \"Kami sepakat mempercepat perundingan batas laut,\" kata Ratna.\n\nBaca juga: Harga beras naik lagi\n\nKedua menteri menandatangani nota kesepahaman tentang kerja sama maritim. (rdn/asp)\n";

#[test]
fn analyze_json_follows_spec() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let o = run(kabar()
        .current_dir(dir.path())
        .args(["analyze", "--json", "--published", "2025-03-06"])
        .arg(&f));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json_lines(&o);
    assert_eq!(v.len(), 1);
    let a = &v[0];
    for key in [
        "id",
        "source",
        "external_id",
        "title",
        "outlet",
        "dateline",
        "lang",
        "published",
        "text",
        "removed",
        "sentences",
        "entities",
        "times",
        "actions",
        "quotes",
        "warnings",
    ] {
        assert!(a.get(key).is_some(), "missing {key} in {a}");
    }
    assert!(a["id"].as_str().unwrap().starts_with("a:"));
    assert_eq!(a["title"], "Menlu RI bertemu Menlu Malaysia");
    assert_eq!(a["lang"], "id");
    assert_eq!(a["published"]["value"], "2025-03-06");
    assert_eq!(a["published"]["inferred"], false);
    let text = a["text"].as_str().unwrap();
    assert!(
        !text.contains("Baca juga"),
        "read-also line must be removed: {text}"
    );
    assert!(
        !text.contains("(rdn/asp)"),
        "signature must be removed: {text}"
    );
    assert!(
        text.contains("menandatangani nota kesepahaman"),
        "body sentence lost: {text}"
    );
    // offsets are char offsets into text
    let chars: Vec<char> = text.chars().collect();
    for s in a["sentences"].as_array().unwrap() {
        let (st, en) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert!(st < en && en <= chars.len());
    }
    for e in a["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            let (st, en) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let got: String = chars[st..en].iter().collect();
            assert_eq!(got, m["text"].as_str().unwrap());
        }
    }
    // analyze never creates a store
    assert!(!dir.path().join("kabar.db").exists());
}

#[test]
fn bad_inputs_are_refused_by_name_and_good_ones_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("blob.txt");
    std::fs::write(&binary, b"\x00\x01\x02binary\x00").unwrap();
    let jsonl = dir.path().join("mixed.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"Banjir melanda Bandung pada Senin. Warga mengungsi.\"}\n{broken\n",
    )
    .unwrap();
    let missing = dir.path().join("nope.txt");
    let o = run(kabar()
        .args(["analyze", "--json"])
        .args([&good, &empty, &binary, &jsonl, &missing]));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    for name in ["empty.txt", "blob.txt", "mixed.jsonl#2", "nope.txt"] {
        assert!(err.contains(name), "stderr should name {name}: {err}");
    }
    let v = json_lines(&o);
    assert_eq!(
        v.len(),
        2,
        "the good file and the good JSONL line are analysed"
    );
    assert!(v
        .iter()
        .any(|a| a["source"].as_str().unwrap().ends_with("mixed.jsonl#1")));
}

#[test]
fn ingest_twice_stores_once_and_db_location_rules_hold() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    // $KABAR_DB is used when --db is absent
    let env_db = dir.path().join("env.db");
    let o = run(kabar()
        .env("KABAR_DB", &env_db)
        .args(["ingest", "--json"])
        .arg(&f));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["added"], 1);
    assert!(env_db.exists());
    let o = run(kabar()
        .env("KABAR_DB", &env_db)
        .args(["ingest", "--json"])
        .arg(&f));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["added"], 0);
    let o = run(kabar().args(["articles", "--json", "--db"]).arg(&env_db));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let row = &rows[0];
    for key in [
        "id",
        "external_id",
        "source",
        "title",
        "outlet",
        "published",
        "duplicate_of",
        "event",
        "story",
    ] {
        assert!(row.get(key).is_some(), "missing {key}");
    }
    assert!(row["event"].as_str().unwrap().starts_with("e:"));
    // ./kabar.db is the default
    let o = run(kabar()
        .current_dir(dir.path())
        .args(["ingest", "--json"])
        .arg(&f));
    assert!(o.status.success());
    assert!(dir.path().join("kabar.db").exists());
    // queries never create a store
    let o = run(kabar()
        .args(["events", "--db"])
        .arg(dir.path().join("absent.db")));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("absent.db"));
    assert!(!dir.path().join("absent.db").exists());
}

#[test]
fn tag_conll_aligns_line_for_line() {
    let input = "-DOCSTART- O\n\nPresiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nJakarta\tB-LOC\n\n\nHe\nsaid\n";
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in.conll");
    std::fs::write(&f, input).unwrap();
    let o = run(kabar().args(["tag", "--conll"]).arg(&f));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let (a, b): (Vec<_>, Vec<_>) = (input.lines().collect(), out.lines().collect());
    assert_eq!(a.len(), b.len());
    for (i, o) in a.iter().zip(&b) {
        if i.trim().is_empty() {
            assert!(o.trim().is_empty());
        } else {
            assert!(o.starts_with(i), "{o:?} should extend {i:?}");
            let tag = o.rsplit('\t').next().unwrap();
            assert!(
                tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
                "{tag}"
            );
        }
    }
}

#[test]
fn tag_takes_a_language_and_rejects_others() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("en.conll");
    std::fs::write(&f, "President\nBarack\nObama\nspoke\nin\nWashington\n.\n").unwrap();
    for lang in [None, Some("en"), Some("id")] {
        let mut cmd = kabar();
        cmd.args(["tag", "--conll"]).arg(&f);
        if let Some(l) = lang {
            cmd.args(["--lang", l]);
        }
        let o = run(&mut cmd);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 7);
    }
    let o = run(kabar().args(["tag", "--lang", "fr", "--conll"]).arg(&f));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn demo_runs_on_the_examples() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let o = run(kabar()
        .arg("demo")
        .arg(examples().join("articles"))
        .arg("--keep")
        .arg(&db));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("story(ies)"), "{out}");
    // --db also works before the command
    let o = run(kabar().arg("--db").arg(&db).args(["stories", "--json"]));
    let stories: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        stories.as_array().unwrap().len() >= 4,
        "the examples hold at least 4 stories"
    );
}

#[test]
fn list_commands_page_and_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(examples().join("articles")));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let list = |args: &[&str]| -> Vec<Value> {
        let o = run(kabar().arg("--db").arg(&db).args(args).arg("--json"));
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        serde_json::from_slice::<Value>(&o.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    for cmd in ["stories", "events", "articles", "entities"] {
        let all = list(&[cmd]);
        assert!(all.len() > 3, "{cmd}: {}", all.len());
        // two pages of 2 are 4 distinct rows, the same as one page of 4
        let p1 = list(&[cmd, "--limit", "2"]);
        let p2 = list(&[cmd, "--limit", "2", "--offset", "2"]);
        let both = list(&[cmd, "--limit", "4"]);
        assert_eq!(p1.len(), 2, "{cmd}");
        let ids = |v: &[Value]| v.iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
        assert_eq!([ids(&p1), ids(&p2)].concat(), ids(&both), "{cmd}");
        // a page past the end is empty, not an error
        assert!(list(&[cmd, "--offset", "100000"]).is_empty(), "{cmd}");
    }
    // a date filter keeps only stories active on or after it
    let late = list(&["stories", "--from", "2025-03-10"]);
    assert!(late
        .iter()
        .all(|s| s["last"].as_str().unwrap() >= "2025-03-10"));
    assert!(late.len() < list(&["stories"]).len());
    // the text page says which rows it shows and how to get the next
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["stories", "--limit", "2"]));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("rows 1–2 of ") && text.contains("--offset 2"),
        "{text}"
    );
    // a malformed day is a usage error naming the flag
    let o = run(kabar()
        .arg("--db")
        .arg(&db)
        .args(["events", "--from", "2025-3-1"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--from"));
}

#[test]
fn story_record_is_whole_bounded_or_one_part() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let db = dir.path().join("k.db");
    let o = run(kabar().args(["ingest", "--db"]).arg(&db).arg(&f));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(kabar().args(["stories", "--json", "--db"]).arg(&db));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    let id = rows[0]["id"].as_str().unwrap().to_string();
    let story = |extra: &[&str]| run(kabar().args(["story", &id, "--db"]).arg(&db).args(extra));
    // whole by default: no totals
    let whole: Value = serde_json::from_slice(&story(&["--json"]).stdout).unwrap();
    assert!(whole.get("totals").is_none(), "{whole}");
    let n_entities = whole["entities"].as_array().unwrap().len();
    assert!(n_entities >= 2, "{whole}");
    // bounded: the first item of each part, full sizes in totals
    let b: Value = serde_json::from_slice(&story(&["--json", "--limit", "1"]).stdout).unwrap();
    assert_eq!(b["entities"].as_array().unwrap().len(), 1, "{b}");
    assert_eq!(b["totals"]["entities"], n_entities, "{b}");
    assert_eq!(b["entities"][0], whole["entities"][0]);
    // one part, paged
    let p: Value =
        serde_json::from_slice(&story(&["--part", "entities", "--offset", "1"]).stdout).unwrap();
    assert_eq!(p.as_array().unwrap().len(), n_entities - 1, "{p}");
    assert_eq!(p[0]["id"], whole["entities"][1]["id"]);
    let o = story(&["--part", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("timeline"));
}

#[test]
fn event_and_article_commands_show_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let db = dir.path().join("k.db");
    let o = run(kabar().args(["ingest", "--db"]).arg(&db).arg(&f));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(kabar().args(["articles", "--json", "--db"]).arg(&db));
    let rows: Value = serde_json::from_slice(&o.stdout).unwrap();
    let (aid, eid) = (
        rows[0]["id"].as_str().unwrap().to_string(),
        rows[0]["event"].as_str().unwrap().to_string(),
    );
    // the event: its line and its article
    let o = run(kabar().args(["event", &eid, "--db"]).arg(&db));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && text.starts_with(&format!("Event {eid}")),
        "{text}"
    );
    assert!(text.contains(&aid), "{text}");
    let j: Value = serde_json::from_slice(
        &run(kabar().args(["event", &eid, "--json", "--db"]).arg(&db)).stdout,
    )
    .unwrap();
    assert_eq!(j["article_rows"][0]["id"], aid.as_str());
    // the article: links, analysis and the cleaned text (boilerplate gone)
    let o = run(kabar().args(["article", &aid, "--db"]).arg(&db));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains(&format!("event {eid}")), "{text}");
    // the "Baca juga" line is listed as removed, not in the cleaned text
    assert!(text.contains("removed ReadAlso"), "{text}");
    assert_eq!(text.matches("Baca juga").count(), 1, "{text}");
    assert!(text.contains("Ratna Wijaya"), "{text}");
    let j: Value = serde_json::from_slice(
        &run(kabar().args(["article", &aid, "--json", "--db"]).arg(&db)).stdout,
    )
    .unwrap();
    assert_eq!(
        (j["id"].as_str(), j["event"].as_str()),
        (Some(aid.as_str()), Some(eid.as_str()))
    );
    // an unknown ID is a usage error naming it
    let o = run(kabar().args(["article", "a:nope", "--db"]).arg(&db));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("a:nope"));
    let o = run(kabar().args(["event", "e:nope", "--db"]).arg(&db));
    assert_eq!(o.status.code(), Some(2));
}
