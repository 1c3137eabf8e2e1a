//! Tags a CoNLL file with the embedded model, as `kabar tag --conll` does:
//! `cargo run --release -p kabar-entities --example tag_conll -- FILE|- [id|en] > tagged.conll`
//! (the language picks the model; Indonesian by default).

use kabar_entities::Tagger;
use std::io::{BufRead, BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tagger = Tagger::load_default()?;
    let arg = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let input: Box<dyn BufRead> = if arg == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        Box::new(BufReader::new(std::fs::File::open(&arg)?))
    };
    let lang = match std::env::args().nth(2).as_deref() {
        Some("en") => kabar_core::Lang::En,
        _ => kabar_core::Lang::Id,
    };
    let out = BufWriter::new(std::io::stdout().lock());
    tagger.tag_conll_lang(input, out, lang)?;
    Ok(())
}
