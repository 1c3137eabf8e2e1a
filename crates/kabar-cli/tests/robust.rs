//! Faults and hostile input, end to end through the binary (issue 15): concurrent
//! writers, a bad byte in a JSON Lines file, a closed pipe, a hostile search query.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kabar() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kabar"));
    c.env_remove("KABAR_DB");
    c
}

/// `n` short distinct articles (written for this test) as JSON Lines, IDs `tag-i`.
fn jsonl(tag: &str, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let rec = serde_json::json!({
            "id": format!("{tag}-{i}"),
            "title": format!("Warga {tag} desa {i} menanam padi"),
            "text": format!("JAKARTA - Warga desa nomor {i} dari kelompok {tag} menanam padi bersama pada Senin pagi. Kepala desa mengatakan panen diharapkan naik tahun ini."),
            "published": "2025-03-06",
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}

fn article_ids(db: &Path) -> Vec<String> {
    let o = kabar()
        .arg("--db")
        .arg(db)
        .args(["articles", "--json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    v.iter()
        .map(|a| a["external_id"].as_str().unwrap().to_string())
        .collect()
}

fn two_ingests_at_once(db: &Path, dir: &Path, round: &str) {
    let a = dir.join(format!("{round}-a.jsonl"));
    let b = dir.join(format!("{round}-b.jsonl"));
    std::fs::write(&a, jsonl(&format!("{round}a"), 12)).unwrap();
    std::fs::write(&b, jsonl(&format!("{round}b"), 12)).unwrap();
    let spawn = |f: &Path| {
        kabar()
            .arg("--db")
            .arg(db)
            .args(["ingest", "--batch", "3"])
            .arg(f)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (pa, pb) = (spawn(&a), spawn(&b));
    for p in [pa, pb] {
        let o = p.wait_with_output().unwrap();
        assert!(
            o.status.success(),
            "exit {:?}: {}",
            o.status.code(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn two_writers_queue_and_both_succeed_on_a_new_and_an_existing_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    two_ingests_at_once(&db, dir.path(), "new");
    assert_eq!(article_ids(&db).len(), 24);
    two_ingests_at_once(&db, dir.path(), "old");
    let ids = article_ids(&db);
    assert_eq!(ids.len(), 48);
    for round in ["newa", "newb", "olda", "oldb"] {
        for i in 0..12 {
            assert!(ids.contains(&format!("{round}-{i}")), "{round}-{i} missing");
        }
    }
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

fn analyze(file: &Path) -> (Vec<Value>, String) {
    let o = kabar()
        .args(["analyze", "--json"])
        .arg(file)
        .output()
        .unwrap();
    let v = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (v, String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn one_bad_byte_touches_only_its_own_record() {
    let dir = tempfile::tempdir().unwrap();
    let recs = [
        r#"{"title":"ÉLAN Jakarta juara","text":"ÉLAN Jakarta menjadi juara liga futsal di Jakarta pada Minggu."}"#,
        r#"{"title":"Harga cabai naik","text":"Harga cabai naik BAD di pasar Bogor, kata pedagang Ésa."}"#,
        r#"{"title":"Café baru dibuka","text":"Sebuah café baru dibuka di Bandung oleh pengusaha muda Émile."}"#,
    ];
    let clean = recs.join("\n").replace("BAD", "tajam");
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, &clean).unwrap();
    let bad = dir.path().join("bad.jsonl");
    let bytes = recs.join("\n").into_bytes();
    let at = bytes.windows(3).position(|w| w == b"BAD").unwrap();
    let mut damaged = bytes.clone();
    damaged.splice(at..at + 3, [b't', 0xFF, b'j']);
    std::fs::write(&bad, &damaged).unwrap();

    let (g, g_err) = analyze(&good);
    let (b, b_err) = analyze(&bad);
    assert!(g_err.is_empty(), "{g_err}");
    assert_eq!((g.len(), b.len()), (3, 3));
    for i in [0, 2] {
        assert_eq!(g[i]["id"], b[i]["id"], "record {i} changed ID");
        assert_eq!(g[i]["text"], b[i]["text"], "record {i} changed text");
        assert!(b[i]["text"].as_str().unwrap().contains('É'));
    }
    let text = b[1]["text"].as_str().unwrap();
    assert!(
        text.contains("t\u{fffd}j") && text.contains("Ésa"),
        "{text}"
    );
    assert!(
        b_err.contains("warning") && b_err.contains("bad.jsonl#2"),
        "{b_err}"
    );
    assert!(!b_err.contains("#1") && !b_err.contains("#3"), "{b_err}");
}

fn small_store(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("in.jsonl");
    std::fs::write(&f, jsonl("p", 30)).unwrap();
    let db = dir.join("k.db");
    let o = kabar()
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&f)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    db
}

#[test]
fn a_closed_pipe_ends_listings_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_store(dir.path());
    for args in [
        &["articles", "--json"][..],
        &["articles"][..],
        &["entities", "--json"][..],
        &["search", "--json", "padi"][..],
        &["export", "articles", "--format", "csv"][..],
        &["export", "events", "--format", "jsonl"][..],
    ] {
        let mut child = kabar()
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader goes away before anything is written
        let o: Output = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(
            o.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // and through a real shell pipe, as a user types it
    let sh = format!(
        "'{}' --db '{}' articles --json | head -c 1 >/dev/null",
        env!("CARGO_BIN_EXE_kabar"),
        db.display()
    );
    let o = Command::new("bash")
        .args(["-c", &format!("set -o pipefail; {sh}")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_hostile_search_is_refused_fast_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_store(dir.path());
    let words: Vec<String> = (0..4000).map(|i| format!("kata{i}")).collect();
    let t = std::time::Instant::now();
    let o = kabar()
        .arg("--db")
        .arg(&db)
        .arg("search")
        .args(&words)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("limit"));
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
    // repeated words are one term: answered
    let o = kabar()
        .arg("--db")
        .arg(&db)
        .args(["search", "--json"])
        .args(["padi"; 300])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let hits: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!hits.is_empty());
}
