//! Prints the actions and quotes found in real articles (Detik, shared data, read in place)
//! with `kabar-entities` entities, for reading and spot-checking precision by hand.
//!
//! `cargo run --release -p kabar-actions --example show_actions -- [CSV] [--category news] [--skip 0] [--limit 60]`

use kabar_core::Lang;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/news-id/detik-2026/val.csv"
    )
    .to_string();
    let mut category = "news".to_string();
    let mut limit = 60usize;
    let mut skip = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--category" => category = it.next().cloned().unwrap_or_default(),
            "--limit" => limit = it.next().and_then(|x| x.parse().ok()).unwrap_or(limit),
            "--skip" => skip = it.next().and_then(|x| x.parse().ok()).unwrap_or(0),
            p => path = p.to_string(),
        }
    }
    let ner = kabar_entities::EntityExtractor::load_default()?;
    let mut r = csv::Reader::from_path(&path)?;
    let mut n = 0;
    for rec in r.records() {
        let rec = rec?;
        if !category.is_empty() && rec.get(3) != Some(category.as_str()) {
            continue;
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let text = rec.get(2).unwrap_or("");
        let toks = kabar_text::tokenize(text);
        let sents = kabar_text::sentences(text);
        let ents = ner.extract(text, &toks, &sents, Lang::Id, &[], None);
        let ex = kabar_actions::extract(text, Lang::Id, &sents, &toks, &ents, &[], None);
        println!(
            "=== {} {}",
            rec.get(0).unwrap_or(""),
            rec.get(1).unwrap_or("")
        );
        for a in &ex.actions {
            let s = sents.get(a.sentence).map(|s| s.slice(text)).unwrap_or("");
            println!(
                "A {} {} «{}» {:?} -> {:?}{}\n    {}",
                a.plover.name(),
                a.kind,
                a.trigger.slice(text),
                a.source,
                a.target,
                if a.negated { " NEG" } else { "" },
                s
            );
        }
        for q in &ex.quotes {
            let t: String = q.text.chars().take(90).collect();
            println!(
                "Q {} {:?}: {}",
                if q.direct { "d" } else { "r" },
                q.speaker,
                t
            );
        }
        n += 1;
        if n >= limit {
            break;
        }
    }
    Ok(())
}
