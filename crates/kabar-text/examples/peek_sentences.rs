//! Prints the sentences of a few real articles, for reading by eye, then sentence-length
//! statistics over all of them with the shortest and longest sentences (likely over- and
//! under-splits).
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
    let id = corpus::indonesian();
    let en = corpus::english();
    for k in 0..n {
        for set in [&id, &en] {
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
    for (name, set) in [("id", &id), ("en", &en)] {
        let mut all: Vec<(usize, String)> = Vec::new();
        for d in set.iter() {
            for s in kabar_text::sentences(&d.body) {
                let t = s.slice(&d.body);
                all.push((t.chars().count(), t.to_string()));
            }
        }
        if all.is_empty() {
            continue;
        }
        all.sort_by_key(|a| a.0);
        let q = |p: f64| all[((all.len() - 1) as f64 * p) as usize].0;
        println!(
            "\n[{name}] {} sentences; chars p1 {} p50 {} p99 {} max {}; over 500 chars: {}",
            all.len(),
            q(0.01),
            q(0.5),
            q(0.99),
            all[all.len() - 1].0,
            all.iter().filter(|a| a.0 > 500).count()
        );
        for (_, t) in all.iter().rev().take(3) {
            let short: String = t.chars().take(300).collect();
            println!("  long: {short}");
        }
    }
}
