//! Scores the tagger on annotated real news: the IndoTimex development articles
//! (`shared/data/time-id/indotimex-dev/kompas_development`, Kompas, TimeML with the document
//! date only) against the annotations in `tests/data/indotimex/` (criteria in
//! `docs/time.md`). Prints recognition (strict and relaxed), type, normalisation (value;
//! value and mod) and per-type F1.
//!
//! Audit-split articles (`kabar_core::split`) are refused unless `--audit` is given (for the
//! one final scoring); their text is never printed.
//!
//! ```text
//! cargo run --release -p kabar-time --example eval_indotimex [-- [GOLD.tsv …] [-v] [--audit]]
//! cargo run --release -p kabar-time --example eval_indotimex -- --agree A.tsv B.tsv
//! cargo run --release -p kabar-time --example eval_indotimex -- --pre   (tune side, for annotating)
//! cargo run --release -p kabar-time --example eval_indotimex -- --pre-csv news-id/detik-2025/data_berita.csv --records 3,17
//! ```
//! `--dir DIR` reads the articles from another folder (default: the IndoTimex dev folder),
//! `--key PREFIX` names their corpus-key prefix for the split.

use kabar_core::split::{split_of, Split};
use kabar_time::realnews::{load_annotations, read_tml, score_timex, tag_article, Article, Timex};
use std::collections::BTreeMap;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
const KEY: &str = "time-id/indotimex-dev/kompas_development";

fn die(msg: String) -> ! {
    eprintln!("{msg}");
    std::process::exit(1)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let opt = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let dir = opt("--dir").unwrap_or_else(|| format!("{DATA}/{KEY}"));
    let key = opt("--key").unwrap_or_else(|| KEY.to_string());
    let (verbose, audit) = (flag("-v"), flag("--audit"));
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date");
    let read = |doc: &str| -> Article {
        if let Some((file, n)) = doc.split_once(".csv#") {
            // a record of a news CSV by its corpus key (`news-id/detik-2026/train.csv#17`):
            // `isi` is the body, `tanggal` the publication date
            let path = format!("{DATA}/{file}.csv");
            return read_csv_record(&path, n).unwrap_or_else(|e| die(format!("{doc}: {e}")));
        }
        let path = format!("{dir}/{doc}");
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| die(format!("cannot read {path}: {e}")));
        read_tml(&path, &bytes).unwrap_or_else(|e| die(e.to_string()))
    };
    let is_audit = |doc: &str| {
        let k = if doc.contains(".csv#") {
            doc.to_string()
        } else {
            format!("{key}/{doc}")
        };
        split_of(&k) == Split::Audit
    };
    if let Some(csv) = opt("--pre-csv") {
        // pre-annotation of tune-side records of a news CSV (`news-id/detik-2025/data_berita.csv`),
        // records given by `--records 3,17,…`; audit records are refused
        let recs = opt("--records").unwrap_or_default();
        println!("doc\tstart\tend\ttype\tvalue\tmod\ttext");
        for n in recs.split(',').filter(|n| !n.is_empty()) {
            let d = format!("{}#{n}", csv.trim_end_matches(".csv").to_string() + ".csv");
            if is_audit(&d) {
                eprintln!("{d}: audit split, skipped");
                continue;
            }
            let a = read(&d);
            let chars: Vec<char> = a.text.chars().collect();
            for t in tag_article(&d, &a, today) {
                let s: String = chars[t.start..t.end].iter().collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{s}",
                    t.doc, t.start, t.end, t.kind, t.value, t.modifier
                );
            }
        }
        return;
    }
    if flag("--pre") {
        let mut docs: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| die(format!("cannot list {dir}: {e}")))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|f| f.ends_with(".tml") && !is_audit(f))
            .collect();
        docs.sort();
        println!("doc\tstart\tend\ttype\tvalue\tmod\ttext");
        for d in docs {
            let a = read(&d);
            let chars: Vec<char> = a.text.chars().collect();
            for t in tag_article(&d, &a, today) {
                let s: String = chars[t.start..t.end].iter().collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{s}",
                    t.doc, t.start, t.end, t.kind, t.value, t.modifier
                );
            }
        }
        return;
    }
    let load = |p: &str| -> Vec<Timex> {
        let src =
            std::fs::read_to_string(p).unwrap_or_else(|e| die(format!("cannot read {p}: {e}")));
        load_annotations(p, &src).unwrap_or_else(|e| die(e.to_string()))
    };
    let files: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with('-')
                && !matches!(
                    args.get(i.wrapping_sub(1)).map(String::as_str),
                    Some("--dir" | "--key")
                )
        })
        .map(|(_, a)| a.clone())
        .collect();
    if flag("--agree") {
        let [a, b] = files.as_slice() else {
            die("--agree needs two annotation files".into())
        };
        let (ga, gb) = (load(a), load(b));
        let docs: Vec<String> = ga.iter().map(|t| t.doc.clone()).collect();
        let gb: Vec<Timex> = gb.into_iter().filter(|t| docs.contains(&t.doc)).collect();
        let bdocs: Vec<String> = gb.iter().map(|t| t.doc.clone()).collect();
        let ga: Vec<Timex> = ga.into_iter().filter(|t| bdocs.contains(&t.doc)).collect();
        let mut d = bdocs.clone();
        d.sort();
        d.dedup();
        println!("agreement of {b} with {a} on {} common articles", d.len());
        report(&score_timex(&ga, &gb), verbose && !audit);
        return;
    }
    let files = if files.is_empty() {
        vec![concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/indotimex/dev-tune.tsv"
        )
        .to_string()]
    } else {
        files
    };
    let mut gold: Vec<Timex> = files.iter().flat_map(|f| load(f)).collect();
    let mut docs: Vec<String> = gold.iter().map(|t| t.doc.clone()).collect();
    docs.sort();
    docs.dedup();
    let n_audit = docs.iter().filter(|d| is_audit(d)).count();
    if n_audit > 0 && !audit {
        eprintln!("skipping {n_audit} audit-split articles (score them once with --audit)");
        gold.retain(|t| !is_audit(&t.doc));
        docs.retain(|d| !is_audit(d));
    }
    let mut pred = Vec::new();
    let mut texts: BTreeMap<String, Vec<char>> = BTreeMap::new();
    for d in &docs {
        let a = read(d);
        pred.extend(tag_article(d, &a, today));
        texts.insert(d.clone(), a.text.chars().collect());
    }
    println!(
        "{} articles ({} audit), {} gold expressions, {} predicted",
        docs.len(),
        docs.iter().filter(|d| is_audit(d)).count(),
        gold.len(),
        pred.len()
    );
    let sc = score_timex(&gold, &pred);
    if verbose && !audit {
        for e in &sc.errors {
            let f: Vec<&str> = e.split('\t').collect();
            let (s, en) = (
                f[2].parse::<usize>().unwrap_or(0),
                f[3].parse::<usize>().unwrap_or(0),
            );
            let ctx = texts.get(f[1]).map(|c| {
                let a: String = c[s.saturating_sub(40)..s].iter().collect();
                let m: String = c[s..en.min(c.len())].iter().collect();
                let z: String = c[en.min(c.len())..(en + 30).min(c.len())].iter().collect();
                format!("{a}[{m}]{z}").replace(['\r', '\n'], " ")
            });
            println!("{e}\t| {}", ctx.unwrap_or_default());
        }
    }
    report(&sc, false);
}

fn report(sc: &kabar_time::realnews::RealScores, verbose: bool) {
    if verbose {
        for e in &sc.errors {
            println!("{e}");
        }
    }
    let line = |name: &str, m: &kabar_time::eval::Prf| {
        println!(
            "{name:22} P {:5.1}  R {:5.1}  F1 {:5.1}  (tp {}, predicted {}, gold {})",
            100.0 * m.p(),
            100.0 * m.r(),
            100.0 * m.f1(),
            m.tp,
            m.predicted,
            m.gold
        )
    };
    line("recognition strict", &sc.strict);
    line("recognition relaxed", &sc.relaxed);
    line("type", &sc.kind);
    line("normalisation (value)", &sc.value);
    line("value + mod", &sc.value_mod);
    for (k, (r, v)) in &sc.per_type {
        line(&format!("  {k} recognition"), r);
        line(&format!("  {k} value"), v);
    }
}

/// The `n`-th record (1-based, after the header) of a news CSV with `isi` and `tanggal`.
fn read_csv_record(path: &str, n: &str) -> Result<Article, String> {
    let n: usize = n.parse().map_err(|_| format!("bad record number {n:?}"))?;
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let h = r.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| {
        h.iter()
            .position(|x| x == name)
            .ok_or_else(|| format!("{path}: no column {name}"))
    };
    // detik-2026 names the body `isi`, detik-2025 `isi_berita` (and writes its dates
    // month first, `10/21/2025 20:43`)
    let isi = col("isi").or_else(|_| col("isi_berita"))?;
    let tanggal = col("tanggal")?;
    let order = if h.iter().any(|x| x == "isi_berita") {
        kabar_time::NumericOrder::MonthFirst
    } else {
        kabar_time::NumericOrder::Auto
    };
    let rec = r
        .records()
        .nth(n - 1)
        .ok_or_else(|| format!("{path}: no record {n}"))?
        .map_err(|e| e.to_string())?;
    let dct = kabar_time::parse_published_with(rec.get(tanggal).unwrap_or(""), order)
        .and_then(|v| kabar_time::published_date(&v))
        .map(|d| d.format("%Y-%m-%d").to_string());
    Ok(Article {
        dct,
        text: rec.get(isi).unwrap_or("").to_string(),
    })
}
