//! Mines predicate frames that link two entities in real news (tune split only), ranked by
//! frequency, for reviewing new triggers: `X <verb …> Y` where X and Y are entity mentions
//! of one sentence at most six tokens apart and the first word between them is verbal
//! (me-, di-, ber-, ter- forms). Forms already in the trigger or reporting-verb tables are
//! marked. Prints counts and verb forms only, never article text.
//!
//! `cargo run --release -p kabar-actions --example mine_frames -- [--top 300] [FILE…]`

use kabar_core::split::{split_of, Split};
use kabar_core::Lang;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let top: usize = args
        .iter()
        .position(|a| a == "--top")
        .and_then(|i| args.get(i + 1))
        .and_then(|x| x.parse().ok())
        .unwrap_or(300);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let mut files: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.parse::<usize>().is_err())
        .cloned()
        .collect();
    if files.is_empty() {
        files = [
            "news-id/detik-2025/data_berita.csv",
            "news-id/detik-2026/train.csv",
            "news-id/detik-2026/val.csv",
            "news-id/detik-2026/test.csv",
            "news-id/indosum-dev/dev.01.jsonl",
            "news-id/indosum-dev/dev.02.jsonl",
            "news-id/indosum-dev/dev.03.jsonl",
            "news-id/indosum-dev/dev.04.jsonl",
            "news-id/indosum-dev/dev.05.jsonl",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
    }
    let known: Vec<&str> = kabar_actions::lexicon::triggers()
        .iter()
        .map(|t| t.form)
        .chain(kabar_actions::lexicon::reports().iter().map(|r| r.form))
        .collect();
    let ner = kabar_entities::EntityExtractor::load_default()?;
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut articles = 0usize;
    for f in &files {
        let path: PathBuf = root.join(f);
        for r in kabar_extract::read_inputs(&[path], &Default::default()) {
            let Ok(a) = r else { continue };
            let n = a.source.rsplit('#').next().unwrap_or("");
            if split_of(&format!("{f}#{n}")) == Split::Audit {
                continue;
            }
            articles += 1;
            let cleaned = kabar_extract::clean::clean(&a.body, a.title.as_deref());
            let text = cleaned.text.as_str();
            let toks = kabar_text::tokenize(text);
            let sents = kabar_text::sentences(text);
            let ents = ner.extract(text, &toks, &sents, Lang::Id, &[], None);
            let mut ms: Vec<(usize, usize)> = ents
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
                .collect();
            ms.sort();
            for w in ms.windows(2) {
                let (a_end, b_start) = (w[0].1, w[1].0);
                if b_start <= a_end {
                    continue;
                }
                let between: Vec<&str> = toks
                    .iter()
                    .filter(|t| t.span.start >= a_end && t.span.end <= b_start)
                    .map(|t| t.span.slice(text))
                    .collect();
                if between.is_empty()
                    || between.len() > 6
                    || between.iter().any(|w| w.contains(['.', '"', '“', '”']))
                {
                    continue;
                }
                let Some(v) = between.iter().position(|w| {
                    let l = w.to_lowercase();
                    l.len() > 5
                        && ["me", "di", "ber", "ter"].iter().any(|p| l.starts_with(p))
                        && w.chars().next().is_some_and(char::is_lowercase)
                }) else {
                    continue;
                };
                let frame: Vec<String> = between[v..]
                    .iter()
                    .take(3)
                    .map(|w| w.to_lowercase())
                    .collect();
                *counts.entry(frame[0].clone()).or_default() += 1;
                if frame.len() > 1 {
                    *counts.entry(frame.join(" ")).or_default() += 1;
                }
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, c)| *c >= 3).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("# {articles} tune articles; frame<TAB>count<TAB>known");
    for (f, c) in v.into_iter().take(top) {
        let k = known
            .iter()
            .any(|k| f == *k || f.starts_with(&format!("{k} ")));
        println!("{f}\t{c}\t{}", if k { "known" } else { "" });
    }
    Ok(())
}
