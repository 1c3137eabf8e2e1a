//! Agreement of `stem_id` (Tala, no dictionary) with the Sastrawi test pairs in
//! ../shared/data/stem-id/sastrawi-pairs, with every disagreement put in a class.
//!
//! `cargo run --release -p kabar-text --example eval_stem [-- --list]`

use kabar_text::stem::stem_id;
use std::collections::BTreeMap;
use std::path::Path;

/// Why Tala and Sastrawi differ on one word (decided from the word, Tala's stem and
/// Sastrawi's expected stem).
fn class(word: &str, got: &str, want: &str) -> &'static str {
    let w = word.to_lowercase();
    let nasal = [
        "meng", "meny", "mem", "men", "peng", "peny", "pem", "pen", "me", "pe",
    ];
    // 1. the prefix swallowed the root's first letter (k, t, p, s, or a vowel-initial
    //    root after meng-/peng-): Tala restores only p/s after mem-/meny-, cannot tell
    //    "menulis" (tulis) from "menanam" (tanam) or "mengirim" (kirim) from "mengambil"
    if nasal.iter().any(|p| w.starts_with(p)) && want.len() == got.len() + 1 && want.ends_with(got)
    {
        return "nasal: dropped initial k/t not restored";
    }
    if nasal.iter().any(|p| w.starts_with(p)) && want.len() == got.len() && want[1..] == got[1..] {
        return "nasal: wrong restored initial (p/s vs m/n/ng)";
    }
    if (w.starts_with("meny") || w.starts_with("peny"))
        && got.starts_with('s')
        && want.starts_with("ny")
    {
        return "nasal: root-initial ny- read as s- after meny-/peny-";
    }
    // 2. an infix (-el-, -em-, -er-, -in-): the root is not a substring of the word
    if !w.contains(want) && !want.is_empty() {
        return "infix or spelling change (root not in word)";
    }
    // 3. Tala removed letters that belong to the root (no dictionary to stop it)
    if want.starts_with(got) && got.len() < want.len() {
        return "overstem: root-final -i/-an/-kan/-lah/-nya/-ku taken as suffix";
    }
    if want.ends_with(got) && got.len() < want.len() {
        return "overstem: root-initial be-/pe-/di-/me-/ke-/ter- taken as prefix";
    }
    // 4. Tala kept an affix
    if got.ends_with(want) && got.len() > want.len() {
        return "understem: prefix Tala lacks (se-, memper-, diper-, ...) or measure limit";
    }
    if got.starts_with(want) && got.len() > want.len() {
        return "understem: suffix kept (Tala's confix rules or measure limit)";
    }
    if got.contains(want) {
        return "understem: prefix and suffix kept";
    }
    "other"
}

fn main() {
    let list = std::env::args().any(|a| a == "--list");
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/stem-id/sastrawi-pairs");
    let mut total = 0usize;
    let mut agree = 0usize;
    let mut classes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for file in ["functional_pairs.tsv", "integration_pairs.tsv"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            eprintln!("missing {}", dir.join(file).display());
            std::process::exit(1);
        };
        let (mut t, mut a) = (0, 0);
        for line in text.lines().skip(1) {
            let mut f = line.split('\t');
            let (Some(word), Some(want)) = (f.next(), f.next()) else {
                continue;
            };
            t += 1;
            // a few pairs are phrases: stem word by word
            let got = word.split(' ').map(stem_id).collect::<Vec<_>>().join(" ");
            if got == want {
                a += 1;
            } else {
                classes
                    .entry(class(word, &got, want))
                    .or_default()
                    .push(format!("{word}→{got} (Sastrawi {want})"));
            }
        }
        println!(
            "{file:<24} {a:>4}/{t:<4} = {:.1}% exact agreement",
            100.0 * a as f64 / t.max(1) as f64
        );
        total += t;
        agree += a;
    }
    println!(
        "{:<24} {agree:>4}/{total:<4} = {:.1}% exact agreement\n",
        "all",
        100.0 * agree as f64 / total.max(1) as f64
    );
    println!("disagreements by class:");
    for (c, v) in &classes {
        let shown: Vec<&str> = v
            .iter()
            .take(if list { usize::MAX } else { 4 })
            .map(String::as_str)
            .collect();
        println!("  {:>3}  {c}\n        e.g. {}", v.len(), shown.join(", "));
    }
}
