//! Shared helpers of the kabar-link examples: corpus loaders (reading ../shared/data,
//! never copied), a stand-in term extractor until `kabar_text::stopwords::content_terms`
//! lands, pseudo-entities, and B³ scoring.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use kabar_link::{Lang, LinkDoc};

pub fn data(rel: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data")).join(rel)
}

/// Small stop lists (function words only), used to keep them out of pseudo-entities.
const STOP: &[&str] = &[
    // English
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "if",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "his",
    "her",
    "their",
    "our",
    "your",
    "my",
    "him",
    "them",
    "us",
    "me",
    "not",
    "no",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "also",
    "about",
    "after",
    "before",
    "over",
    "into",
    "than",
    "then",
    "there",
    "here",
    "which",
    "who",
    "whom",
    "what",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "some",
    "more",
    "most",
    "other",
    "such",
    "only",
    "so",
    "up",
    "out",
    "just",
    "new",
    "one",
    "two",
    "s",
    "t",
    "mr",
    "ms",
    "year",
    "years",
    "time",
    "like",
    "while",
    "during",
    "because",
    "been",
    "being",
    "very",
    "according",
    "told",
    "per",
    "cent",
    "percent",
    // Indonesian
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "pada",
    "dalam",
    "tidak",
    "akan",
    "juga",
    "ada",
    "adalah",
    "oleh",
    "atau",
    "karena",
    "sebagai",
    "saat",
    "bisa",
    "telah",
    "sudah",
    "para",
    "kata",
    "mengatakan",
    "tersebut",
    "lebih",
    "secara",
    "bahwa",
    "kami",
    "kita",
    "mereka",
    "ia",
    "dia",
    "saya",
    "namun",
    "hingga",
    "masih",
    "agar",
    "jika",
    "serta",
    "hal",
    "antara",
    "lain",
    "harus",
    "satu",
    "dua",
    "pun",
    "lagi",
    "sebuah",
    "seperti",
    "setelah",
    "belum",
    "menjadi",
    "yakni",
    "yaitu",
    "bagi",
    "sementara",
    "tak",
    "kepada",
    "tahun",
    "hari",
    "baru",
    "banyak",
    "nya",
    "pula",
    "begitu",
    "dapat",
    "sangat",
    "terus",
    "tetapi",
    "maka",
];

/// Content terms: `kabar_text::stopwords::content_terms` (stop words out, lower-cased
/// stems: Porter2 for English, the Indonesian stemmer for Indonesian).
pub fn terms(text: &str, lang: Lang) -> Vec<String> {
    kabar_text::stopwords::content_terms(text, lang)
}

/// Pseudo-entities (a stand-in for NER): runs of capitalised words that do not start a
/// sentence, slugged, as `org:` IDs (type unknown). Single capitalised words count too.
pub fn pseudo_entities(text: &str) -> Vec<String> {
    let toks = kabar_text::tokenize(text);
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut sentence_start = true;
    for t in &toks {
        let s = t.span.slice(text);
        let cap = t.kind == kabar_text::TokenKind::Word
            && s.chars().next().is_some_and(|c| c.is_uppercase());
        if cap && !sentence_start && !STOP.contains(&s.to_lowercase().as_str()) {
            run.push(s);
        } else {
            if !run.is_empty() {
                out.push(format!("org:{}", kabar_core::slug(&run.join(" "))));
                run.clear();
            }
        }
        sentence_start = matches!(s, "." | "!" | "?" | "\n")
            || (t.kind == kabar_text::TokenKind::Punct && s == "\"" && sentence_start);
    }
    if !run.is_empty() {
        out.push(format!("org:{}", kabar_core::slug(&run.join(" "))));
    }
    out
}

pub fn make_doc(
    id: String,
    published: Option<NaiveDateTime>,
    lang: Lang,
    title: &str,
    text: &str,
    ents: bool,
) -> LinkDoc {
    LinkDoc {
        id,
        published,
        lang,
        title: title.to_string(),
        text: text.to_string(),
        title_terms: terms(title, lang),
        body_terms: terms(text, lang),
        entities: if ents {
            pseudo_entities(&format!("{title}.\n{text}"))
        } else {
            Vec::new()
        },
        happened: None,
    }
}

/// A labelled corpus: docs and their gold cluster label.
pub struct Labelled {
    pub docs: Vec<LinkDoc>,
    pub gold: Vec<String>,
}

pub fn giveme(ents: bool) -> Labelled {
    let dir = data("cluster-en/giveme5w1h-newscluster/data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut docs = Vec::new();
    let mut gold = Vec::new();
    for f in files {
        let Ok(s) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&s) else {
            continue;
        };
        let title = v["title"].as_str().unwrap_or("");
        let text = v["text"].as_str().unwrap_or("");
        let date = v["date_publish"]
            .as_str()
            .and_then(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").ok());
        let ev = v["newsCluster"]["EventId"].to_string();
        let id = format!(
            "a:{}",
            &v["dId"].as_str().unwrap_or("x")[..16.min(v["dId"].as_str().unwrap_or("x").len())]
        );
        docs.push(make_doc(id, date, Lang::En, title, text, ents));
        gold.push(ev);
    }
    Labelled { docs, gold }
}

pub fn ecbplus(ents: bool) -> Labelled {
    let s =
        std::fs::read_to_string(data("cluster-en/ecbplus/ecbplus_docs.jsonl")).unwrap_or_default();
    let mut docs = Vec::new();
    let mut gold = Vec::new();
    for (i, line) in s.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let title = v["title"].as_str().unwrap_or("");
        let text = v["text"].as_str().unwrap_or("");
        docs.push(make_doc(
            format!("a:{i:016x}"),
            None,
            Lang::En,
            title,
            text,
            ents,
        ));
        gold.push(v["subtopic"].as_str().unwrap_or("").to_string());
    }
    Labelled { docs, gold }
}

/// ECB+ topic labels (two similar events per topic), in the same order as [`ecbplus`].
pub fn ecbplus_topics() -> Vec<String> {
    let s =
        std::fs::read_to_string(data("cluster-en/ecbplus/ecbplus_docs.jsonl")).unwrap_or_default();
    s.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["topic"].to_string())
        .collect()
}

pub fn wikiref(ents: bool) -> Labelled {
    let dir = data("cluster-en/wikiref220/docs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut docs = Vec::new();
    let mut gold = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let s = String::from_utf8_lossy(&bytes).into_owned();
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let label = name
            .split(['(', '.'])
            .next()
            .unwrap_or("")
            .trim_end_matches('_');
        let label = if name.contains('(') {
            label.to_string()
        } else {
            // "malaysia.airlines.flight.3.txt" style: drop the number and extension.
            let parts: Vec<&str> = name.trim_end_matches(".txt").split('.').collect();
            parts
                .iter()
                .filter(|p| p.parse::<u32>().is_err())
                .copied()
                .collect::<Vec<_>>()
                .join(".")
        };
        let (title, body) = s.split_once('\n').unwrap_or((&s, ""));
        docs.push(make_doc(
            format!("a:{i:016x}"),
            None,
            Lang::En,
            title.trim(),
            body,
            ents,
        ));
        gold.push(label);
    }
    Labelled { docs, gold }
}

/// indosum-dev records: (fold-qualified id, upstream id, title-less text).
pub fn indosum() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for fold in 1..=5 {
        let p = data(&format!("news-id/indosum-dev/dev.0{fold}.jsonl"));
        let s = std::fs::read_to_string(p).unwrap_or_default();
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let id = v["id"].as_str().unwrap_or("").to_string();
            let mut paras = Vec::new();
            if let Some(ps) = v["paragraphs"].as_array() {
                for p in ps {
                    let mut sents = Vec::new();
                    for s in p.as_array().into_iter().flatten() {
                        let toks: Vec<&str> = s
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|t| t.as_str())
                            .collect();
                        sents.push(toks.join(" "));
                    }
                    paras.push(sents.join(" "));
                }
            }
            out.push((format!("{fold}:{id}"), id, paras.join("\n\n")));
        }
    }
    out
}

/// detik-2026 articles: (title, body, category, date text).
pub fn detik2026() -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for f in ["train.csv", "val.csv", "test.csv"] {
        let Ok(s) = std::fs::read_to_string(data(&format!("news-id/detik-2026/{f}"))) else {
            continue;
        };
        for rec in parse_csv(&s).into_iter().skip(1) {
            if rec.len() >= 6 {
                out.push((
                    rec[1].clone(),
                    rec[2].clone(),
                    rec[3].clone(),
                    rec[5].clone(),
                ));
            }
        }
    }
    out
}

/// Minimal RFC-4180 CSV reader (quotes, doubled quotes, newlines inside quotes) — the
/// examples avoid pulling the csv crate into the crate's dev-dependencies for one file.
pub fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' => {}
                _ => field.push(c),
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// B³ precision, recall, F1 of `pred` against `gold` (same length).
pub fn bcubed(pred: &[String], gold: &[String]) -> (f64, f64, f64) {
    let n = pred.len().min(gold.len());
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut pc: HashMap<&str, usize> = HashMap::new();
    let mut gc: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for i in 0..n {
        *pc.entry(&pred[i]).or_default() += 1;
        *gc.entry(&gold[i]).or_default() += 1;
        *both.entry((&pred[i], &gold[i])).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let b = both[&(pred[i].as_str(), gold[i].as_str())] as f64;
        p += b / pc[pred[i].as_str()] as f64;
        r += b / gc[gold[i].as_str()] as f64;
    }
    let (p, r) = (p / n as f64, r / n as f64);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Peak resident memory of this process (VmHWM), in MiB, where /proc exists.
pub fn peak_rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for l in s.lines() {
        if let Some(v) = l.strip_prefix("VmHWM:") {
            let kb: f64 = v
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .unwrap_or(0.0);
            return kb / 1024.0;
        }
    }
    0.0
}

/// Current resident memory (VmRSS), in MiB.
pub fn rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for l in s.lines() {
        if let Some(v) = l.strip_prefix("VmRSS:") {
            let kb: f64 = v
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .unwrap_or(0.0);
            return kb / 1024.0;
        }
    }
    0.0
}

/// CPU seconds (user + system) this process has used, from /proc/self/stat (the machine
/// is shared, so wall time overstates our own cost).
pub fn cpu_s() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = s.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ut: f64 = f.get(11).and_then(|x| x.parse().ok()).unwrap_or(0.0);
    let st: f64 = f.get(12).and_then(|x| x.parse().ok()).unwrap_or(0.0);
    (ut + st) / 100.0
}
