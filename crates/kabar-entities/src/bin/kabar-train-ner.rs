//! Trains the NER tagger and writes `data/ner-model.bin`.
//!
//! ```text
//! cargo run --release -p kabar-entities --bin kabar-train-ner -- \
//!     [--out PATH] [--epochs N] [--min-count N] [--prune W] [--eval FILE]... [TRAIN_FILE]...
//! ```
//! Without training files it reads the train splits under ../shared/data/ner-id (see
//! data/README.md). `--eval` files are tagged with the written model and scored
//! (entity-level F1, place types merged).

use kabar_entities::conlleval::{self, Mapping};
use kabar_entities::lexicon::Lexicon;
use kabar_entities::train::{self, Options};
use kabar_entities::Tagger;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ner-id");

fn default_train() -> Vec<PathBuf> {
    [
        "nergrit/train.txt",
        "idner-news/train.txt",
        "indolem/nerugm/train.01.tsv",
        "indolem/nerui/train.01.tsv",
    ]
    .iter()
    .map(|p| PathBuf::from(DATA).join(p))
    .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ner-model.bin"));
    let mut opts = Options::default();
    let mut prune = 0.0f32;
    let mut evals: Vec<PathBuf> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(val("--out")?),
            "--epochs" => opts.epochs = val("--epochs")?.parse()?,
            "--min-count" => opts.min_count = val("--min-count")?.parse()?,
            "--prune" => prune = val("--prune")?.parse()?,
            "--seed" => opts.seed = val("--seed")?.parse()?,
            "--eval" => evals.push(PathBuf::from(val("--eval")?)),
            "-h" | "--help" => {
                eprintln!("usage: kabar-train-ner [--out PATH] [--epochs N] [--min-count N] [--prune W] [--seed N] [--eval FILE]... [TRAIN_FILE]...");
                return Ok(());
            }
            _ => files.push(PathBuf::from(a)),
        }
    }
    if files.is_empty() {
        files = default_train();
    }
    let mut data = Vec::new();
    for f in &files {
        let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let s = train::read_conll(BufReader::new(file))?;
        let toks: usize = s.iter().map(|s| s.tokens.len()).sum();
        eprintln!("{}: {} sentences, {} tokens", f.display(), s.len(), toks);
        data.extend(s);
    }
    let lex = Lexicon::embedded();
    let t0 = Instant::now();
    let model = train::train(&data, lex, &opts, |e, acc| {
        eprintln!(
            "epoch {e}: train token accuracy {:.4} ({:.1?})",
            acc,
            t0.elapsed()
        );
    });
    let bytes = model.to_bytes(prune);
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes, {} features kept of {}) in {:.1?}",
        out.display(),
        bytes.len(),
        (bytes.len().saturating_sub(20 + 4 * 56)) / 18,
        model.weights.len(),
        t0.elapsed()
    );
    let tagger = Tagger::from_bytes(&bytes)?;
    for f in &evals {
        let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut tagged = Vec::new();
        tagger.tag_conll(BufReader::new(file), &mut tagged)?;
        let rep = conlleval::evaluate(&tagged[..], None, Mapping::Kabar)?;
        println!("== {}\n{}", f.display(), rep.render());
    }
    Ok(())
}
