//! Prints the entities of a text file (or stdin):
//! `cargo run --release -p kabar-entities --example extract_demo -- FILE [PUBLISHED]`.

use kabar_core::Lang;
use kabar_entities::EntityExtractor;
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ex = EntityExtractor::load_default()?;
    let mut text = String::new();
    match std::env::args().nth(1).as_deref() {
        None | Some("-") => {
            std::io::stdin().read_to_string(&mut text)?;
        }
        Some(p) => text = std::fs::read_to_string(p)?,
    }
    let published = std::env::args().nth(2);
    let toks = kabar_text::tokenize(&text);
    let sents = kabar_text::sentences(&text);
    for e in ex.extract(&text, &toks, &sents, Lang::Id, &[], published.as_deref()) {
        println!(
            "{:<40} {:<4} {:>2}x aliases={:?} roles={:?}",
            e.id,
            e.kind.label(),
            e.mentions.len(),
            e.aliases,
            e.roles
                .iter()
                .map(|r| format!("{} of {:?} @ {:?}", r.title, r.of, r.date))
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}
