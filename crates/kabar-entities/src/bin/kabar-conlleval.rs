//! Entity-level F1 of a CoNLL file (conlleval-style: exact span and type).
//!
//! ```text
//! kabar-conlleval [--gold-col N] [--raw] [FILE|-]
//! ```
//! Gold tags are in column N (1-based; default: the column before the last), predictions in
//! the last column. By default type names are normalised and place types (GPE, LOC,
//! LOCATION, PLACE) are scored as one type; `--raw` compares labels as written.

use kabar_entities::conlleval::{evaluate, Mapping};
use std::io::{BufRead, BufReader};

fn main() {
    let mut gold_col = None;
    let mut mapping = Mapping::Kabar;
    let mut file: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--gold-col" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => gold_col = Some(n),
                None => {
                    eprintln!("kabar-conlleval: --gold-col needs a column number (1-based)");
                    std::process::exit(2);
                }
            },
            "--raw" => mapping = Mapping::Raw,
            "-h" | "--help" => {
                eprintln!("usage: kabar-conlleval [--gold-col N] [--raw] [FILE|-]");
                return;
            }
            _ => file = Some(a),
        }
    }
    let reader: Box<dyn BufRead> = match file.as_deref() {
        None | Some("-") => Box::new(BufReader::new(std::io::stdin())),
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("kabar-conlleval: {p}: {e}");
                std::process::exit(1);
            }
        },
    };
    match evaluate(reader, gold_col, mapping) {
        Ok(r) => print!("{}", r.render()),
        Err(e) => {
            eprintln!("kabar-conlleval: {e}");
            std::process::exit(1);
        }
    }
}
