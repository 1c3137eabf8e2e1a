//! Scores the tagger on Kabar's own test set (`tests/data/timex.tsv`, or a file given as
//! the first argument): recognition F1 (relaxed span match) and normalisation F1 (value
//! exact). `-v` prints every error.
//!
//! `cargo run --release -p kabar-time --example eval_timex [-- FILE] [-v]`

use kabar_time::eval::{load_gold, score};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let path = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/timex.tsv").to_string()
        });
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let gold = match load_gold(&src) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    let sc = score(&gold, today);
    if verbose {
        for e in &sc.errors {
            println!("{e}");
        }
    }
    let n_id = gold
        .iter()
        .filter(|s| s.lang == kabar_core::Lang::Id)
        .map(|s| s.gold.len())
        .sum::<usize>();
    println!(
        "test set: {} sentences, {} gold expressions ({} Indonesian, {} English)",
        gold.len(),
        sc.recognition.gold,
        n_id,
        sc.recognition.gold - n_id
    );
    for (name, m) in [
        ("recognition", sc.recognition),
        ("normalisation", sc.normalisation),
    ] {
        println!(
            "{name:14} P {:.1}  R {:.1}  F1 {:.1}  (tp {}, predicted {}, gold {})",
            100.0 * m.p(),
            100.0 * m.r(),
            100.0 * m.f1(),
            m.tp,
            m.predicted,
            m.gold
        );
    }
    println!(
        "type accuracy on recognised: {:.1}%",
        100.0 * sc.type_correct as f64 / sc.recognition.tp.max(1) as f64
    );
}
