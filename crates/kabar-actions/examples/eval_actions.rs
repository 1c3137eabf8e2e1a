//! Scores the extractor on the annotated set in `tests/data/*.txt`.
//!
//! `cargo run --release -p kabar-actions --example eval_actions [-- --errors] [FILE...]`

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--errors");
    let mut files: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if files.is_empty() {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"));
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
        files.sort();
    }
    let mut docs = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f)?;
        let d = kabar_actions::eval::parse(&src).map_err(|e| format!("{}: {e}", f.display()))?;
        docs.extend(d);
    }
    let sc = kabar_actions::eval::score(&docs);
    println!("{} documents from {} files", docs.len(), files.len());
    print!("{sc}");
    if show {
        for e in &sc.errors {
            println!("  {e}");
        }
    }
    Ok(())
}
