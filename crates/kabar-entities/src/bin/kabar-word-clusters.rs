//! Learns the tagger's word clusters from unlabelled news and writes
//! `data/ner-clusters-<lang>.tsv` (see `src/clusters.rs` and data/README.md).
//!
//! ```text
//! cargo run --release -p kabar-entities --bin kabar-word-clusters -- --lang id|en [--fine N] [--coarse N] [--min-count N] [--out PATH]
//! ```
//! Reads the news of `../shared/data` ([`kabar_entities::corpus::unlabelled`], audit split
//! left out) and the tokens of the NER training data of the language.

use kabar_entities::clusters::{self, ClusterOptions};
use kabar_entities::{corpus, train};
use std::path::{Path, PathBuf};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = String::from("id");
    let mut out: Option<PathBuf> = None;
    let mut opts = ClusterOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next().ok_or("--lang needs id or en")?,
            "--fine" => opts.fine = args.next().ok_or("--fine needs a number")?.parse()?,
            "--coarse" => opts.coarse = args.next().ok_or("--coarse needs a number")?.parse()?,
            "--min-count" => {
                opts.min_count = args.next().ok_or("--min-count needs a number")?.parse()?
            }
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a path")?)),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let out = out.unwrap_or_else(|| {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
            .join(format!("ner-clusters-{lang}.tsv"))
    });
    let shared = Path::new(SHARED);
    let texts = corpus::unlabelled(shared, &lang)?;
    eprintln!("{} unlabelled texts (tune split)", texts.len());
    let mut sents = Vec::new();
    for t in &texts {
        corpus::sentences(t, &mut sents);
    }
    for s in train::labelled_train(shared, &lang)? {
        sents.push(s.tokens);
    }
    let ntok: usize = sents.iter().map(|s| s.len()).sum();
    eprintln!("{} sentences, {ntok} tokens", sents.len());
    let t0 = std::time::Instant::now();
    let cl = clusters::build(&sents, &opts);
    std::fs::write(&out, clusters::to_tsv(&cl))?;
    eprintln!(
        "wrote {} ({} words) in {:.1?}",
        out.display(),
        cl.len(),
        t0.elapsed()
    );
    Ok(())
}
