//! Learns the tagger's word clusters from unlabelled news and writes
//! `data/ner-clusters-<lang>.tsv` (see `src/clusters.rs` and data/README.md).
//!
//! ```text
//! cargo run --release -p kabar-entities --bin kabar-word-clusters -- --lang id|en [--out PATH]
//! ```
//! Reads the news of `../shared/data` (Indonesian: news-id/detik-2026, detik-2025,
//! indosum-dev and the NER train splits; English: cluster-en and the English NER training
//! part) and skips every article of the audit split (`kabar_core::split`).

use kabar_core::split::{split_of, Split};
use kabar_entities::clusters::{self, ClusterOptions};
use kabar_entities::train;
use std::io::BufReader;
use std::path::{Path, PathBuf};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// Token sentences of a raw text.
fn sentences_of(text: &str, out: &mut Vec<Vec<String>>) {
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

fn tune(key: &str) -> bool {
    split_of(key) == Split::Tune
}

fn csv_texts(rel: &str, col: &str, out: &mut Vec<Vec<String>>) -> Res<usize> {
    let path = Path::new(SHARED).join(rel);
    let mut r = csv::Reader::from_path(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let c = r
        .headers()?
        .iter()
        .position(|h| h == col)
        .ok_or_else(|| format!("{}: no column {col}", path.display()))?;
    let mut n = 0;
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        if tune(&format!("{rel}#{}", i + 1)) {
            if let Some(t) = rec.get(c) {
                sentences_of(t, out);
                n += 1;
            }
        }
    }
    Ok(n)
}

fn indosum(out: &mut Vec<Vec<String>>) -> Res<usize> {
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    for f in 1..=5 {
        let rel = format!("news-id/indosum-dev/dev.0{f}.jsonl");
        let path = Path::new(SHARED).join(&rel);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            if !tune(&format!("{rel}#{}", i + 1)) {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", rel, i + 1))?;
            let id = v["id"].as_str().unwrap_or_default().to_string();
            if !seen.insert(id) {
                continue;
            }
            for para in v["paragraphs"].as_array().into_iter().flatten() {
                for sent in para.as_array().into_iter().flatten() {
                    let toks: Vec<String> = sent
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|t| t.as_str().map(String::from))
                        .collect();
                    out.push(toks);
                }
            }
            n += 1;
        }
    }
    Ok(n)
}

fn english(out: &mut Vec<Vec<String>>) -> Res<usize> {
    let mut n = 0;
    let rel = "cluster-en/ecbplus/ecbplus_docs.jsonl";
    let text = std::fs::read_to_string(Path::new(SHARED).join(rel))?;
    for (i, line) in text.lines().enumerate() {
        if tune(&format!("{rel}#{}", i + 1)) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            for f in ["title", "text"] {
                sentences_of(v[f].as_str().unwrap_or_default(), out);
            }
            n += 1;
        }
    }
    for dir in [
        "cluster-en/giveme5w1h-newscluster/data",
        "cluster-en/wikiref220/docs",
    ] {
        let mut files: Vec<PathBuf> = walk(&Path::new(SHARED).join(dir));
        files.sort();
        for p in files {
            let rel = p.strip_prefix(SHARED).unwrap_or(&p).display().to_string();
            if !tune(&rel) {
                continue;
            }
            let text = std::fs::read_to_string(&p)?;
            if rel.ends_with(".json") {
                let v: serde_json::Value = serde_json::from_str(&text)?;
                for f in ["title", "description", "text", "maintext"] {
                    sentences_of(v[f].as_str().unwrap_or_default(), out);
                }
            } else {
                sentences_of(&text, out);
            }
            n += 1;
        }
    }
    Ok(n)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn main() -> Res<()> {
    let mut lang = String::from("id");
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next().ok_or("--lang needs id or en")?,
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a path")?)),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let out = out.unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")).join(format!(
            "ner-clusters-{lang}.tsv"
        ))
    });
    let mut sents = Vec::new();
    match lang.as_str() {
        "id" => {
            for f in ["train.csv", "val.csv", "test.csv"] {
                let n = csv_texts(&format!("news-id/detik-2026/{f}"), "isi", &mut sents)?;
                eprintln!("detik-2026/{f}: {n} tune articles");
            }
            let n = csv_texts("news-id/detik-2025/data_berita.csv", "isi_berita", &mut sents)?;
            eprintln!("detik-2025: {n} tune articles");
            eprintln!("indosum-dev: {} tune articles", indosum(&mut sents)?);
            for f in ["nergrit/train.txt", "idner-news/train.txt"] {
                let p = Path::new(SHARED).join("ner-id").join(f);
                let s = train::read_conll(BufReader::new(std::fs::File::open(&p)?))?;
                sents.extend(s.into_iter().map(|s| s.tokens));
            }
        }
        "en" => {
            eprintln!("cluster-en: {} tune documents", english(&mut sents)?);
            for s in train::english_split(Path::new(SHARED))?.0 {
                sents.push(s.tokens);
            }
        }
        _ => return Err(format!("--lang {lang}: expected id or en").into()),
    }
    let ntok: usize = sents.iter().map(|s| s.len()).sum();
    eprintln!("{} sentences, {ntok} tokens", sents.len());
    let t0 = std::time::Instant::now();
    let cl = clusters::build(&sents, &ClusterOptions::default());
    std::fs::write(&out, clusters::to_tsv(&cl))?;
    eprintln!(
        "wrote {} ({} words) in {:.1?}",
        out.display(),
        cl.len(),
        t0.elapsed()
    );
    Ok(())
}
