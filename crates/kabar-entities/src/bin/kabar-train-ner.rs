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

use kabar_core::Lang;
use kabar_entities::conlleval::{self, Mapping, Report};
use kabar_entities::lexicon::Lexicon;
use kabar_entities::train::{self, Options, Sentence};
use kabar_entities::{clusters, corpus, Tagger};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Instant;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// Texts of an unlabelled file: a CSV's `isi`/`text`/`content`/`body` column, else the
/// whole file.
fn unlabeled(path: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
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

/// Scores a tagger on labelled sentences in memory (entity level, place types merged).
fn score(tagger: &Tagger, data: &[Sentence], lang: Lang) -> Report {
    let mut rep = Report::default();
    for s in data {
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.as_str()).collect();
        let pred = tagger.tag_lang(&toks, lang);
        let pred: Vec<&str> = pred.iter().map(|t| t.as_str()).collect();
        let gold: Vec<&str> = s.labels.iter().map(|&l| train::label_name(l)).collect();
        rep.add(&gold, &pred, Mapping::Kabar);
    }
    rep
}

const USAGE: &str = "usage: kabar-train-ner [--lang id|en] [--out PATH] [--epochs N] [--min-count N] [--prune W] [--seed N] [--ensemble N] [--eval FILE]... [--unlabeled FILE]... [--no-unlabeled] [--clusters PATH] [--no-clusters] [--no-dev] [--extra FILE]... [--score MODEL] [TRAIN_FILE]...";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut lang = String::from("id");
    let mut out: Option<PathBuf> = None;
    let mut opts = Options::default();
    let mut prune = 0.0f32;
    let mut ensemble = 3usize;
    let mut evals: Vec<PathBuf> = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut raw: Vec<PathBuf> = Vec::new();
    let mut no_raw = false;
    let mut cluster_file: Option<PathBuf> = None;
    let mut no_clusters = false;
    let mut dev = true;
    let mut extra: Vec<PathBuf> = Vec::new();
    let mut score_only: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--lang" => lang = val("--lang")?,
            "--out" => out = Some(PathBuf::from(val("--out")?)),
            "--epochs" => opts.epochs = val("--epochs")?.parse()?,
            "--min-count" => opts.min_count = val("--min-count")?.parse()?,
            "--prune" => prune = val("--prune")?.parse()?,
            "--seed" => opts.seed = val("--seed")?.parse()?,
            "--ensemble" => ensemble = val("--ensemble")?.parse()?,
            "--eval" => evals.push(PathBuf::from(val("--eval")?)),
            "--unlabeled" => raw.push(PathBuf::from(val("--unlabeled")?)),
            "--no-unlabeled" => no_raw = true,
            "--clusters" => cluster_file = Some(PathBuf::from(val("--clusters")?)),
            "--no-clusters" => no_clusters = true,
            "--no-dev" => dev = false,
            "--extra" => extra.push(PathBuf::from(val("--extra")?)),
            "--score" => score_only = Some(PathBuf::from(val("--score")?)),
            "-h" | "--help" => {
                eprintln!("{USAGE}");
                return Ok(());
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}").into()),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let tag_lang = match lang.as_str() {
        "id" => Lang::Id,
        "en" => Lang::En,
        _ => return Err(format!("--lang {lang}: expected id or en").into()),
    };
    let out = out.unwrap_or_else(|| {
        Path::new(DATA).join(if lang == "en" {
            "ner-model-en.bin"
        } else {
            "ner-model.bin"
        })
    });
    let shared = Path::new(SHARED);
    if let Some(m) = score_only {
        // score an existing model on the language's dev/held-out sets, no training
        let bytes = std::fs::read(&m).map_err(|e| format!("{}: {e}", m.display()))?;
        let tagger = if lang == "en" {
            let id = std::fs::read(Path::new(DATA).join("ner-model.bin"))?;
            Tagger::from_pair(&id, &bytes)?
        } else {
            Tagger::from_bytes(&bytes)?
        };
        for (name, sents) in train::labelled_eval(shared, &lang)? {
            println!(
                "== {name}: {}\n{}",
                m.display(),
                score(&tagger, &sents, tag_lang).render()
            );
        }
        return Ok(());
    }
    let mut data = Vec::new();
    if files.is_empty() {
        data = train::labelled_train(shared, &lang)?;
        eprintln!("default {lang} training data: {} sentences", data.len());
    }
    for f in files.iter().chain(&extra) {
        let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let s = train::read_conll(BufReader::new(file))?;
        let toks: usize = s.iter().map(|s| s.tokens.len()).sum();
        eprintln!("{}: {} sentences, {} tokens", f.display(), s.len(), toks);
        data.extend(s);
    }
    let lex = Lexicon::embedded();
    let t0 = Instant::now();
    let mut texts: Vec<String> = data.iter().map(|s| s.tokens.join(" ")).collect();
    if !no_raw {
        if raw.is_empty() {
            let t = corpus::unlabelled(shared, &lang)?;
            eprintln!("{} unlabelled {lang} texts (tune split)", t.len());
            texts.extend(t);
        }
        for f in &raw {
            let t = unlabeled(f).map_err(|e| format!("{}: {e}", f.display()))?;
            eprintln!("{}: {} unlabelled texts", f.display(), t.len());
            texts.extend(t);
        }
    }
    let mut stats = train::word_stats(texts.iter().map(|s| s.as_str()), 2);
    drop(texts);
    if !no_clusters {
        let p = cluster_file
            .unwrap_or_else(|| Path::new(DATA).join(format!("ner-clusters-{lang}.tsv")));
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let cl = clusters::from_tsv(&text, &p.display().to_string())?;
        eprintln!("{}: {} clustered words", p.display(), cl.len());
        stats.add_clusters(&cl);
    }
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
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    // English is tagged with the Indonesian model's help (see Tagger::tag_indices_folded)
    let tagger = if lang == "en" {
        let id = std::fs::read(Path::new(DATA).join("ner-model.bin"))?;
        Tagger::from_pair(&id, &bytes)?
    } else {
        Tagger::from_bytes(&bytes)?
    };
    eprintln!(
        "wrote {} ({} bytes, {} features kept of {}, {} word classes) in {:.1?}",
        out.display(),
        bytes.len(),
        Tagger::from_bytes(&bytes)?.feature_count(),
        model.weights.len(),
        model.stats.map.len(),
        t0.elapsed()
    );
    for f in &evals {
        let file = std::fs::File::open(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut tagged = Vec::new();
        tagger.tag_conll_lang(BufReader::new(file), &mut tagged, tag_lang)?;
        let rep = conlleval::evaluate(&tagged[..], None, Mapping::Kabar)?;
        println!("== {}\n{}", f.display(), rep.render());
    }
    if dev {
        for (name, sents) in train::labelled_eval(shared, &lang)? {
            let rep = score(&tagger, &sents, tag_lang);
            println!("== {name} (in memory)\n{}", rep.render());
        }
    }
    Ok(())
}
