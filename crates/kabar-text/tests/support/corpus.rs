//! Loads the shared real-text corpora (../shared/data) for tests, examples and benches.
//! Nothing of them is copied into the repository; when the folder is absent every loader
//! returns an empty list and callers skip or fall back.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// One article.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Where it came from (`detik-2026/train.csv#12`).
    pub source: String,
    /// Title, when the corpus has one.
    pub title: Option<String>,
    /// Body text (paragraphs separated by blank lines).
    pub body: String,
}

/// `shared/data`, relative to this crate.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn csv_docs(path: &Path, label: &str, title_col: &str, body_col: &str) -> Vec<Doc> {
    let Ok(mut rd) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    let Ok(h) = rd.headers().cloned() else {
        return Vec::new();
    };
    let (Some(ti), Some(bi)) = (
        h.iter().position(|c| c == title_col),
        h.iter().position(|c| c == body_col),
    ) else {
        return Vec::new();
    };
    rd.records()
        .enumerate()
        .filter_map(|(i, r)| {
            let r = r.ok()?;
            Some(Doc {
                source: format!("{label}#{}", i + 1),
                title: r.get(ti).map(str::to_string).filter(|t| !t.is_empty()),
                body: r.get(bi)?.to_string(),
            })
        })
        .collect()
}

/// Joins a pre-tokenised IndoSum paragraph list back into text (tokens separated by
/// spaces, which the tokenizer and splitter handle).
fn indosum_text(paragraphs: &serde_json::Value) -> String {
    let mut out = String::new();
    for p in paragraphs.as_array().into_iter().flatten() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let mut first = true;
        for s in p.as_array().into_iter().flatten() {
            for t in s.as_array().into_iter().flatten() {
                if let Some(t) = t.as_str() {
                    if !first {
                        out.push(' ');
                    }
                    out.push_str(t);
                    first = false;
                }
            }
        }
    }
    out
}

/// Indonesian news: detik-2026 (all splits), detik-2025, indosum-dev (unique ids).
pub fn indonesian() -> Vec<Doc> {
    let d = data_dir().join("news-id");
    let mut out = Vec::new();
    for split in ["train", "val", "test"] {
        out.extend(csv_docs(
            &d.join(format!("detik-2026/{split}.csv")),
            &format!("detik-2026/{split}.csv"),
            "judul",
            "isi",
        ));
    }
    out.extend(csv_docs(
        &d.join("detik-2025/data_berita.csv"),
        "detik-2025/data_berita.csv",
        "judul",
        "isi_berita",
    ));
    let mut seen = std::collections::HashSet::new();
    for k in 1..=5 {
        let name = format!("indosum-dev/dev.0{k}.jsonl");
        let Ok(text) = fs::read_to_string(d.join(&name)) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let id = v["id"].as_str().unwrap_or_default().to_string();
            if !seen.insert(id) {
                continue;
            }
            out.push(Doc {
                source: format!("{name}#{}", i + 1),
                title: None,
                body: indosum_text(&v["paragraphs"]),
            });
        }
    }
    out
}

/// English news: giveme5w1h-newscluster, ecbplus, wikiref220.
pub fn english() -> Vec<Doc> {
    let d = data_dir().join("cluster-en");
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = fs::read_dir(d.join("giveme5w1h-newscluster/data"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for f in files {
        let Ok(v) = fs::read_to_string(&f)
            .map_err(|_| ())
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).map_err(|_| ()))
        else {
            continue;
        };
        out.push(Doc {
            source: format!(
                "giveme5w1h/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            ),
            title: v["title"].as_str().map(str::to_string),
            body: v["text"].as_str().unwrap_or_default().to_string(),
        });
    }
    if let Ok(text) = fs::read_to_string(d.join("ecbplus/ecbplus_docs.jsonl")) {
        for (i, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            // "title" there is the first sentence, not a headline: no title
            out.push(Doc {
                source: format!("ecbplus#{}", i + 1),
                title: None,
                body: v["text"].as_str().unwrap_or_default().to_string(),
            });
        }
    }
    let mut files: Vec<PathBuf> = fs::read_dir(d.join("wikiref220/docs"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else {
            continue;
        };
        // first line is the headline
        let (title, body) = match text.split_once('\n') {
            Some((t, b)) => (Some(t.trim().to_string()), b.trim().to_string()),
            None => (None, text),
        };
        out.push(Doc {
            source: format!(
                "wikiref220/{}",
                f.file_name().unwrap_or_default().to_string_lossy()
            ),
            title,
            body,
        });
    }
    out
}
