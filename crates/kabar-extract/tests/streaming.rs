//! Streaming record formats: no file-size cap for JSON Lines and CSV, a per-record cap,
//! decoding per record, and flat memory on a file over the old 64 MiB cap (ignored by
//! default; `cargo test --release -p kabar-extract --test streaming -- --ignored`).

use kabar_extract::sources::{stream_inputs, ReadItem, ReadOptions};
use std::io::Write;

fn rec(i: usize) -> String {
    format!(
        "{{\"id\":\"{i}\",\"title\":\"Judul {i}\",\"text\":\"Warga desa {i} menanam padi pada Senin pagi di sawah.\"}}\n"
    )
}

fn items(path: &std::path::Path, opts: &ReadOptions) -> Vec<ReadItem> {
    stream_inputs(&[path.to_path_buf()], opts).collect()
}

#[test]
fn jsonl_and_csv_are_not_capped_by_file_size_but_by_record_size() {
    let dir = tempfile::tempdir().unwrap();
    let opts = ReadOptions {
        max_file_bytes: 1_000,
        max_record_bytes: 200,
        ..ReadOptions::default()
    };
    let jl = dir.path().join("a.jsonl");
    let mut body: String = (0..50).map(rec).collect();
    body.push_str(&format!("{{\"text\":\"{}\"}}\n", "x".repeat(500)));
    body.push_str(&rec(50));
    std::fs::write(&jl, body).unwrap();
    let got = items(&jl, &opts);
    let arts = got
        .iter()
        .filter(|i| matches!(i, ReadItem::Article(_)))
        .count();
    assert_eq!(arts, 51);
    let refused: Vec<_> = got
        .iter()
        .filter_map(|i| match i {
            ReadItem::Refused(e) => Some(e.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].starts_with(&format!("{}#51: record is over", jl.display())),
        "{refused:?}"
    );

    let csv = dir.path().join("b.csv");
    let mut body = String::from("id,title,text\n");
    for i in 0..50 {
        body.push_str(&format!("{i},Judul {i},Warga desa {i} menanam padi.\n"));
    }
    body.push_str(&format!("x,y,{}\n", "z".repeat(500)));
    std::fs::write(&csv, body).unwrap();
    let got = items(&csv, &opts);
    let arts = got
        .iter()
        .filter(|i| matches!(i, ReadItem::Article(_)))
        .count();
    assert_eq!(arts, 50);
    assert!(matches!(&got[50], ReadItem::Refused(e) if e.source.ends_with("b.csv#51")));
    // a .txt over the file cap is still refused whole
    let txt = dir.path().join("c.txt");
    std::fs::write(&txt, "kata ".repeat(300)).unwrap();
    let got = items(&txt, &opts);
    assert!(matches!(&got[0], ReadItem::Refused(e) if e.reason.contains("size limit")));
}

#[test]
fn csv_rows_are_decoded_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    let mut bytes = "title,text\nÉLAN,Juara liga Émile.\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"Legacy,Kata Jos\xe9 di pasar.\n");
    bytes.extend_from_slice("Café,Dibuka hari ini.\n".as_bytes());
    std::fs::write(&csv, bytes).unwrap();
    let got = items(&csv, &ReadOptions::default());
    let bodies: Vec<&str> = got
        .iter()
        .filter_map(|i| match i {
            ReadItem::Article(a) => Some(a.body.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        bodies,
        [
            "Juara liga Émile.",
            "Kata José di pasar.",
            "Dibuka hari ini."
        ]
    );
    let warnings: Vec<_> = got
        .iter()
        .filter_map(|i| match i {
            ReadItem::Warning(e) => Some(e.source.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(warnings, [format!("{}#2", csv.display())]);
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[test]
#[ignore = "writes ~100 MB; run with --ignored (docs/RELIABILITY.md)"]
fn stream_memory_is_flat_on_a_file_over_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut n = 0usize;
    let mut written = 0usize;
    while written < 100 * 1024 * 1024 {
        let r = rec(n);
        written += r.len();
        w.write_all(r.as_bytes()).unwrap();
        n += 1;
    }
    drop(w);
    let before = peak_rss_kib();
    let mut count = 0usize;
    for item in stream_inputs(std::slice::from_ref(&path), &ReadOptions::default()) {
        assert!(matches!(item, ReadItem::Article(_)), "{item:?}");
        count += 1;
    }
    let after = peak_rss_kib();
    assert_eq!(count, n);
    eprintln!("{n} records, {written} bytes; peak RSS {before} KiB before, {after} KiB after");
    assert!(
        after - before < 32 * 1024,
        "peak RSS grew by {} KiB",
        after - before
    );
}
