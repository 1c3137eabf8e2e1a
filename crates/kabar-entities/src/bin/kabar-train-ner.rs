//! Trains the NER tagger and writes `data/ner-model.bin`.
//!
//! ```text
//! cargo run --release -p kabar-entities --bin kabar-train-ner -- \
//!     [--out PATH] [--epochs N] [--min-count N] [--prune W] [--seed N] [--ensemble N] [--eval FILE]...
//!     [--unlabeled FILE]... [--no-unlabeled] [TRAIN_FILE]...
//! ```
//! Without training files it reads the train splits under ../shared/data/ner-id, and
//! without `--unlabeled` files the Detik articles of ../shared/data/news-id/detik-2026 for
//! the word statistics (see data/README.md). Defaults: 20 epochs, an average of 3 models
//! trained with seeds 7, 8, 9. `--eval` files are tagged with the written model and scored
//! (entity-level F1, place types merged).

use kabar_entities::conlleval::{self, Mapping};
use kabar_entities::lexicon::Lexicon;
use kabar_entities::train::{self, Options};
use kabar_entities::Tagger;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ner-id");
const NEWS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/news-id/detik-2026"
);

/// Texts of an unlabelled file: a CSV's `isi`/`text`/`content`/`body` column, else the
/// whole file.
fn unlabeled(path: &std::path::Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    if path.extension().is_some_and(|e| e == "csv") {
        let mut r = csv::Reader::from_path(path)?;
        let col = r
            .headers()?
            .iter()
            .position(|c| matches!(c, "isi" | "text" | "content" | "body"))
            .ok_or_else(|| format!("{}: no text column", path.display()))?;
        Ok(r.records()
            .filter_map(|x| x.ok())
            .filter_map(|x| x.get(col).map(String::from))
            .collect())
    } else {
        Ok(vec![std::fs::read_to_string(path)?])
    }
}

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
    let mut ensemble = 3usize;
    let mut evals: Vec<PathBuf> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut raw: Vec<PathBuf> = Vec::new();
    let mut no_raw = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(val("--out")?),
            "--epochs" => opts.epochs = val("--epochs")?.parse()?,
            "--min-count" => opts.min_count = val("--min-count")?.parse()?,
            "--prune" => prune = val("--prune")?.parse()?,
            "--seed" => opts.seed = val("--seed")?.parse()?,
            "--ensemble" => ensemble = val("--ensemble")?.parse()?,
            "--eval" => evals.push(PathBuf::from(val("--eval")?)),
            "--unlabeled" => raw.push(PathBuf::from(val("--unlabeled")?)),
            "--no-unlabeled" => no_raw = true,
            "-h" | "--help" => {
                eprintln!("usage: kabar-train-ner [--out PATH] [--epochs N] [--min-count N] [--prune W] [--seed N] [--ensemble N] [--eval FILE]... [--unlabeled FILE]... [--no-unlabeled] [TRAIN_FILE]...");
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
    if raw.is_empty() && !no_raw {
        for f in ["train.csv", "val.csv", "test.csv"] {
            raw.push(PathBuf::from(NEWS).join(f));
        }
    }
    let mut texts: Vec<String> = data.iter().map(|s| s.tokens.join(" ")).collect();
    if !no_raw {
        for f in &raw {
            let t = unlabeled(f).map_err(|e| format!("{}: {e}", f.display()))?;
            eprintln!("{}: {} unlabelled texts", f.display(), t.len());
            texts.extend(t);
        }
    }
    let stats = train::word_stats(texts.iter().map(|s| s.as_str()), 2);
    eprintln!(
        "word statistics: {} words ({:.1?})",
        stats.map.len(),
        t0.elapsed()
    );
    let mut models = Vec::new();
    for k in 0..ensemble.max(1) {
        let o = train::Options {
            seed: opts.seed + k as u64,
            ..opts.clone()
        };
        models.push(train::train(&data, lex, stats.clone(), &o, |e, acc| {
            eprintln!(
                "model {}: epoch {e}: train token accuracy {:.4} ({:.1?})",
                k + 1,
                acc,
                t0.elapsed()
            );
        }));
    }
    let model = train::average(models).ok_or("no model trained")?;
    let bytes = model.to_bytes(prune);
    std::fs::write(&out, &bytes)?;
    let tagger = Tagger::from_bytes(&bytes)?;
    eprintln!(
        "wrote {} ({} bytes, {} features kept of {}, {} word classes) in {:.1?}",
        out.display(),
        bytes.len(),
        tagger.feature_count(),
        model.weights.len(),
        model.stats.map.len(),
        t0.elapsed()
    );
    for f in &evals {
        let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut tagged = Vec::new();
        tagger.tag_conll(BufReader::new(file), &mut tagged)?;
        let rep = conlleval::evaluate(&tagged[..], None, Mapping::Kabar)?;
        println!("== {}\n{}", f.display(), rep.render());
    }
    Ok(())
}
