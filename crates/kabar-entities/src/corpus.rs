//! The unlabelled news the tagger's word statistics and word clusters are learned from:
//! the real corpora of `../shared/data`, minus every article of the audit split
//! (`kabar_core::split`), so nothing tuned here has seen an audit article.

use crate::Error;
use kabar_core::split::{split_of, Split};
use std::path::{Path, PathBuf};

fn tune(key: &str) -> bool {
    split_of(key) == Split::Tune
}

fn err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Data(format!("{}: {e}", path.display()))
}

/// Texts of column `col` of the CSV `rel` (relative to `shared`), tune split only.
fn csv_texts(shared: &Path, rel: &str, col: &str, out: &mut Vec<String>) -> Result<(), Error> {
    let path = shared.join(rel);
    let mut r = csv::Reader::from_path(&path).map_err(|e| err(&path, e))?;
    let c = r
        .headers()
        .map_err(|e| err(&path, e))?
        .iter()
        .position(|h| h == col)
        .ok_or_else(|| err(&path, format!("no column {col}")))?;
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| err(&path, e))?;
        if tune(&format!("{rel}#{}", i + 1)) {
            out.extend(rec.get(c).map(String::from));
        }
    }
    Ok(())
}

fn json_lines(shared: &Path, rel: &str) -> Result<Vec<serde_json::Value>, Error> {
    let path = shared.join(rel);
    let text = std::fs::read_to_string(&path).map_err(|e| err(&path, e))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if tune(&format!("{rel}#{}", i + 1)) {
            out.push(
                serde_json::from_str(line)
                    .map_err(|e| err(&path, format!("line {}: {e}", i + 1)))?,
            );
        }
    }
    Ok(out)
}

/// IndoSum dev folds (pre-tokenised; tokens joined by spaces), each article once.
fn indosum(shared: &Path, out: &mut Vec<String>) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    for f in 1..=5 {
        for v in json_lines(shared, &format!("news-id/indosum-dev/dev.0{f}.jsonl"))? {
            if !seen.insert(v["id"].as_str().unwrap_or_default().to_string()) {
                continue;
            }
            let mut text = String::new();
            for para in v["paragraphs"].as_array().into_iter().flatten() {
                for sent in para.as_array().into_iter().flatten() {
                    for t in sent.as_array().into_iter().flatten() {
                        text.push_str(t.as_str().unwrap_or_default());
                        text.push(' ');
                    }
                }
            }
            out.push(text);
        }
    }
    Ok(())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// English news: ECB+, giveme5w1h and WikiRef220 documents.
fn english(shared: &Path, out: &mut Vec<String>) -> Result<(), Error> {
    for v in json_lines(shared, "cluster-en/ecbplus/ecbplus_docs.jsonl")? {
        for f in ["title", "text"] {
            out.extend(v[f].as_str().map(String::from));
        }
    }
    for dir in [
        "cluster-en/giveme5w1h-newscluster/data",
        "cluster-en/wikiref220/docs",
    ] {
        let mut files = Vec::new();
        walk(&shared.join(dir), &mut files);
        files.sort();
        for p in files {
            let rel = p.strip_prefix(shared).unwrap_or(&p).display().to_string();
            if !tune(&rel) {
                continue;
            }
            // WikiRef220's pages are not all UTF-8: read them lossily
            let bytes = std::fs::read(&p).map_err(|e| err(&p, e))?;
            let text = String::from_utf8_lossy(&bytes);
            if rel.ends_with(".json") {
                let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| err(&p, e))?;
                for f in ["title", "description", "text", "maintext"] {
                    out.extend(v[f].as_str().map(String::from));
                }
            } else if rel.ends_with(".txt") {
                out.push(text.into_owned());
            }
        }
    }
    Ok(())
}

/// The unlabelled news texts of language `lang` ("id" or "en") under `shared`
/// (`../shared/data`), audit split left out. Indonesian: Detik 2026 (all three CSVs),
/// Detik 2025, IndoSum dev; English: ECB+, giveme5w1h, WikiRef220.
pub fn unlabelled(shared: &Path, lang: &str) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    match lang {
        "id" => {
            for f in ["train.csv", "val.csv", "test.csv"] {
                csv_texts(shared, &format!("news-id/detik-2026/{f}"), "isi", &mut out)?;
            }
            csv_texts(
                shared,
                "news-id/detik-2025/data_berita.csv",
                "isi_berita",
                &mut out,
            )?;
            indosum(shared, &mut out)?;
        }
        "en" => english(shared, &mut out)?,
        _ => return Err(Error::Data(format!("language {lang}: expected id or en"))),
    }
    Ok(out)
}

/// Token sentences of a raw text (kabar_text's tokens, cut after `.`, `!`, `?`).
pub fn sentences(text: &str, out: &mut Vec<Vec<String>>) {
    let toks = kabar_text::tokenize(text);
    let mut cur = Vec::new();
    for t in &toks {
        let w = t.span.slice(text);
        cur.push(w.to_string());
        if matches!(w, "." | "!" | "?") {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}
