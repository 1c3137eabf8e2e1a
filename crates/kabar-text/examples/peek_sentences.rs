//! Prints the sentences of a few real articles, for reading by eye.
//!
//! `cargo run --release -p kabar-text --example peek_sentences -- [N] [SEED]`

#[path = "../tests/support/corpus.rs"]
mod corpus;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(3);
    let seed = args.get(1).copied().unwrap_or(7);
    let docs = corpus::indonesian();
    let en = corpus::english();
    for k in 0..n {
        for set in [&docs, &en] {
            if set.is_empty() {
                continue;
            }
            let d = &set[(seed * 7919 + k * 104_729) % set.len()];
            println!("=== {}", d.source);
            for s in kabar_text::sentences(&d.body) {
                println!("  | {}", s.slice(&d.body));
            }
        }
    }
}
