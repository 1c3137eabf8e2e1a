//! The real multi-outlet sets: their events, read on one side of the audit split.
//!
//! - giveme5w1h-newscluster (English): gold event IDs, outlet = source domain.
//! - ECB+ (English): sub-topic = one seminal event; the documents carry no outlet, each is
//!   a different web source, so each document is its own outlet (`ecb+ <doc_id>`).
//! - indosum-dev (Indonesian, 10 outlets): no event labels and few same-event pairs (its
//!   3,463 articles spread over 523 days). TUNE events are the hand-checked groups of
//!   `data/gold/indosum-events.tsv` (corpus keys only); the AUDIT side, which may not be
//!   read, gets its events from a fixed rule: articles of one day from different outlets
//!   whose content words overlap (Jaccard ≥ [`INDOSUM_JACCARD`]).

use kabar_core::split::{split_of, Split};
use kabar_core::RawArticle;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One event of a set: its ID and its articles (`source` = corpus key).
pub struct Event {
    pub set: &'static str,
    pub id: String,
    pub articles: Vec<RawArticle>,
}

impl Event {
    pub fn outlets(&self) -> usize {
        self.articles
            .iter()
            .filter_map(|r| r.outlet.as_deref())
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Content-word Jaccard for the audit-side indosum rule.
pub const INDOSUM_JACCARD: f64 = 0.18;

fn raw(
    key: String,
    title: Option<String>,
    outlet: &str,
    published: Option<String>,
    body: String,
) -> RawArticle {
    RawArticle {
        source: key,
        external_id: None,
        title,
        url: None,
        outlet: Some(outlet.to_string()),
        published_raw: published,
        body,
    }
}

/// giveme5w1h-newscluster events of one split.
pub fn giveme(root: &Path, want: Split) -> Vec<Event> {
    const REL: &str = "cluster-en/giveme5w1h-newscluster/data";
    let Ok(rd) = std::fs::read_dir(root.join(REL)) else {
        return Vec::new();
    };
    let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut by: BTreeMap<String, Vec<RawArticle>> = BTreeMap::new();
    for f in files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let key = format!("{REL}/{name}");
        if split_of(&key) != want {
            continue;
        }
        let Ok(v) = std::fs::read_to_string(&f)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).map_err(|e| e.to_string()))
        else {
            eprintln!("eval_real: {}: not readable JSON, skipped", f.display());
            continue;
        };
        let mut r = raw(
            key,
            v["title"].as_str().map(str::to_string),
            v["source_domain"].as_str().unwrap_or(""),
            v["date_publish"].as_str().map(str::to_string),
            v["text"].as_str().unwrap_or("").to_string(),
        );
        r.url = v["url"].as_str().map(str::to_string);
        by.entry(v["newsCluster"]["EventId"].to_string())
            .or_default()
            .push(r);
    }
    by.into_iter()
        .map(|(id, articles)| Event {
            set: "giveme",
            id,
            articles,
        })
        .collect()
}

/// ECB+ sub-topics of one split.
pub fn ecbplus(root: &Path, want: Split) -> Vec<Event> {
    const REL: &str = "cluster-en/ecbplus/ecbplus_docs.jsonl";
    let s = std::fs::read_to_string(root.join(REL)).unwrap_or_default();
    let mut by: BTreeMap<String, Vec<RawArticle>> = BTreeMap::new();
    for (i, line) in s.lines().enumerate() {
        let key = format!("{REL}#{}", i + 1);
        if split_of(&key) != want {
            continue;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("eval_real: {key}: not JSON, skipped");
            continue;
        };
        // upstream's "title" is the first sentence of the text
        let body = format!(
            "{}\n\n{}",
            v["title"].as_str().unwrap_or(""),
            v["text"].as_str().unwrap_or("")
        );
        let outlet = format!("ecb+ {}", v["doc_id"].as_str().unwrap_or("?"));
        by.entry(v["subtopic"].as_str().unwrap_or("").to_string())
            .or_default()
            .push(raw(key, None, &outlet, None, body));
    }
    by.into_iter()
        .map(|(id, articles)| Event {
            set: "ecbplus",
            id,
            articles,
        })
        .collect()
}

/// One indosum record: key, outlet, day, text.
struct Indo {
    key: String,
    outlet: String,
    day: i64,
    published: String,
    text: String,
    words: BTreeSet<String>,
}

fn indosum_records(root: &Path, want: Split) -> Vec<Indo> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for fold in 1..=5 {
        let rel = format!("news-id/indosum-dev/dev.0{fold}.jsonl");
        let s = std::fs::read_to_string(root.join(&rel)).unwrap_or_default();
        for (i, line) in s.lines().enumerate() {
            let key = format!("{rel}#{}", i + 1);
            if split_of(&key) != want {
                continue;
            }
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                eprintln!("eval_real: {key}: not JSON, skipped");
                continue;
            };
            let id = v["id"].as_str().unwrap_or("").to_string();
            // the same upstream article appears in several folds: keep the first
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(ts) = id.get(..10).and_then(|t| t.parse::<i64>().ok()) else {
                continue;
            };
            let text = detokenise(&v["paragraphs"]);
            let words = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
                .map(str::to_lowercase)
                .collect();
            let published = chrono::DateTime::from_timestamp(ts, 0)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default();
            out.push(Indo {
                key,
                outlet: v["source"].as_str().unwrap_or("").to_string(),
                day: ts.div_euclid(86_400),
                published,
                text,
                words,
            });
        }
    }
    out
}

/// Paragraphs of sentences of tokens → text (tokens joined by spaces, no space before
/// closing punctuation).
fn detokenise(v: &serde_json::Value) -> String {
    let mut paras = Vec::new();
    for p in v.as_array().into_iter().flatten() {
        let mut out = String::new();
        for s in p.as_array().into_iter().flatten() {
            for t in s
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t.as_str())
            {
                let glue = matches!(t, "." | "," | ":" | ";" | "?" | "!" | ")" | "%")
                    || out.ends_with('(')
                    || out.is_empty();
                if !glue {
                    out.push(' ');
                }
                out.push_str(t);
            }
        }
        paras.push(out);
    }
    paras.join("\n\n")
}

/// indosum events: TUNE from the hand-checked list, AUDIT from the fixed rule.
pub fn indosum(root: &Path, want: Split, tune_events: &Path) -> Vec<Event> {
    let recs = indosum_records(root, want);
    let groups: Vec<Vec<usize>> = if want == Split::Tune {
        let list = std::fs::read_to_string(tune_events).unwrap_or_default();
        let mut by: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for line in list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((ev, key)) = line.split_once('\t') else {
                eprintln!("eval_real: {}: bad line {line:?}", tune_events.display());
                continue;
            };
            match recs.iter().position(|r| r.key == key.trim()) {
                Some(i) => by.entry(ev.to_string()).or_default().push(i),
                None => eprintln!("eval_real: {}: no TUNE record {key}", tune_events.display()),
            }
        }
        by.into_values().collect()
    } else {
        rule_groups(&recs)
    };
    groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| Event {
            set: "indosum",
            id: recs[g[0]].key.rsplit('/').next().unwrap_or("").to_string(),
            articles: g
                .iter()
                .map(|&i| {
                    let r = &recs[i];
                    raw(
                        r.key.clone(),
                        None,
                        &r.outlet,
                        Some(r.published.clone()),
                        r.text.clone(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// Same day, different outlets, content-word Jaccard ≥ [`INDOSUM_JACCARD`]; connected
/// groups.
fn rule_groups(recs: &[Indo]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..recs.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    for i in 0..recs.len() {
        for j in (i + 1)..recs.len() {
            let (a, b) = (&recs[i], &recs[j]);
            if a.day != b.day || a.outlet == b.outlet {
                continue;
            }
            let inter = a.words.intersection(&b.words).count();
            let union = a.words.len() + b.words.len() - inter;
            if union > 0 && inter as f64 / union as f64 >= INDOSUM_JACCARD {
                let (x, y) = (find(&mut parent, i), find(&mut parent, j));
                parent[x] = y;
            }
        }
    }
    let mut by: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..recs.len() {
        let r = find(&mut parent, i);
        by.entry(r).or_default().push(i);
    }
    by.into_values().filter(|g| g.len() > 1).collect()
}
