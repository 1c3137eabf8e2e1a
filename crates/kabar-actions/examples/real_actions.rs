//! Real-news actions and quotes: show articles for annotation, score annotations, compare
//! annotators. Articles are read in place from `../shared/data` by corpus key and run
//! through the full pipeline (`kabar analyze`), so offsets are chars of its `text` field.
//!
//! ```text
//! cargo run --release -p kabar-actions --example real_actions -- show KEY… [--audit-annotator]
//! cargo run --release -p kabar-actions --example real_actions -- pick FILE N [--skip S] [--category news]
//! cargo run --release -p kabar-actions --example real_actions -- score GOLD.jsonl… [--errors]
//! cargo run --release -p kabar-actions --example real_actions -- agree A.jsonl B.jsonl
//! ```
//!
//! Audit-split articles (`kabar_core::split`) are refused by `show` and `pick` unless
//! `--audit-annotator` is given (for the independent annotators only).

use kabar_core::split::{split_of, Split};
use kabar_core::{Analysis, RawArticle};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `$KABAR_DATA` when set (a worktree that is not beside `shared/`), else `../shared/data`.
fn data_root() -> PathBuf {
    match std::env::var_os("KABAR_DATA") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    }
}

/// Reads the records of one corpus file once; key = `path#n`.
struct Corpus {
    files: BTreeMap<String, Vec<RawArticle>>,
}

impl Corpus {
    fn get(&mut self, key: &str) -> Result<RawArticle, String> {
        let (file, n) = key
            .rsplit_once('#')
            .ok_or_else(|| format!("{key}: a corpus key is path#n"))?;
        let n: usize = n.parse().map_err(|_| format!("{key}: bad record number"))?;
        if !self.files.contains_key(file) {
            let path = data_root().join(file);
            let read = kabar_extract::read_inputs(std::slice::from_ref(&path), &Default::default());
            let mut recs = Vec::new();
            for r in read {
                match r {
                    Ok(a) => recs.push(a),
                    Err(e) if e.source == path.display().to_string() => {
                        return Err(format!("{}: {}", file, e.reason))
                    }
                    Err(_) => {}
                }
            }
            self.files.insert(file.to_string(), recs);
        }
        let want = format!("#{n}");
        self.files[file]
            .iter()
            .find(|a| a.source.ends_with(&want))
            .cloned()
            .ok_or_else(|| format!("{key}: no such record"))
    }
}

fn pipeline() -> Result<kabar_analyze::Pipeline, Box<dyn std::error::Error>> {
    Ok(kabar_analyze::Pipeline::new(
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?,
    )?)
}

fn show(an: &Analysis, key: &str) {
    println!(
        "=== {key}  published {:?}",
        an.published.as_ref().map(|p| &p.value)
    );
    println!("title: {}", an.title.as_deref().unwrap_or(""));
    let chars: Vec<char> = an.text.chars().collect();
    for s in &an.sentences {
        let t: String = chars[s.start..s.end.min(chars.len())].iter().collect();
        println!("[{}] {}", s.start, t.replace('\n', " ¶ "));
    }
    println!("-- entities");
    for e in &an.entities {
        let at: Vec<String> = e.mentions.iter().map(|m| m.start.to_string()).collect();
        println!("  {} {:?} @{}", e.id, e.name, at.join(","));
    }
    println!("-- times");
    for t in &an.times {
        println!("  @{} {:?} {}", t.start, t.text, t.value);
    }
    println!("-- kabar actions");
    for a in &an.actions {
        println!(
            "  @{}-{} {} {} «{}» {:?} -> {:?} date {:?}{}",
            a.trigger.start,
            a.trigger.end,
            a.plover.name(),
            a.kind,
            a.trigger.text,
            a.source,
            a.target,
            a.date,
            if a.negated { " NEG" } else { "" }
        );
    }
    println!("-- kabar quotes");
    for q in &an.quotes {
        let t: String = q.text.chars().take(70).collect();
        println!(
            "  @{}-{} {} {:?}: {t}",
            q.start,
            q.end,
            if q.direct { "d" } else { "r" },
            q.speaker
        );
    }
}

fn review(an: &Analysis, key: &str) {
    let chars: Vec<char> = an.text.chars().collect();
    for a in &an.actions {
        let s = &an.sentences[a.sentence];
        let t: String = chars[s.start..s.end.min(chars.len())].iter().collect();
        println!(
            "{key} @{} {} {} «{}» {:?} -> {:?} date {:?}{}\n    {}",
            a.trigger.start,
            a.plover.name(),
            a.kind,
            a.trigger.text,
            a.source,
            a.target,
            a.date,
            if a.negated { " NEG" } else { "" },
            t.replace('\n', " ")
        );
    }
    for q in &an.quotes {
        let from = q.end.min(chars.len());
        let after: String = chars[from..(from + 70).min(chars.len())].iter().collect();
        let before: String = chars[q.start.saturating_sub(50)..q.start.min(chars.len())]
            .iter()
            .collect();
        println!(
            "{key} Q@{} {} {:?} | …{} [Q] {}",
            q.start,
            if q.direct { "d" } else { "r" },
            q.speaker,
            before.replace('\n', " "),
            after.replace('\n', " ")
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let audit_ok = args.iter().any(|a| a == "--audit-annotator");
    let errors = args.iter().any(|a| a == "--errors");
    let mut pos: Vec<&String> = Vec::new();
    let mut opts: BTreeMap<&str, &str> = BTreeMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--skip" | "--category" => {
                opts.insert(a.as_str(), it.next().map(|s| s.as_str()).unwrap_or(""));
            }
            s if s.starts_with("--") => {}
            _ => pos.push(a),
        }
    }
    let Some((cmd, rest)) = pos.split_first() else {
        eprintln!("usage: real_actions show KEY… | pick FILE N | score GOLD… | agree A B");
        std::process::exit(2);
    };
    let mut corpus = Corpus {
        files: BTreeMap::new(),
    };
    match cmd.as_str() {
        "show" => {
            let p = pipeline()?;
            for key in rest {
                if split_of(key) == Split::Audit && !audit_ok {
                    eprintln!("{key}: audit split, not shown (annotators: --audit-annotator)");
                    continue;
                }
                let an = p.analyze(corpus.get(key)?);
                if args.iter().any(|a| a == "--json") {
                    println!("{}", serde_json::json!({"key": key, "analysis": an}));
                } else {
                    show(&an, key);
                }
            }
        }
        "pick" => {
            let file = rest.first().ok_or("pick FILE N")?;
            let n: usize = rest.get(1).and_then(|x| x.parse().ok()).unwrap_or(10);
            let skip: usize = opts.get("--skip").and_then(|x| x.parse().ok()).unwrap_or(0);
            corpus.get(&format!("{file}#1"))?;
            let mut out = 0;
            for a in corpus.files[file.as_str()].iter().skip(skip) {
                let key = format!("{file}#{}", a.source.rsplit('#').next().unwrap_or(""));
                if (split_of(&key) == Split::Audit) != audit_ok {
                    continue;
                }
                println!("{key}\t{}", a.title.as_deref().unwrap_or(""));
                out += 1;
                if out >= n {
                    break;
                }
            }
        }
        "score" => {
            let p = pipeline()?;
            let mut score = kabar_actions::real::RealScore::default();
            let mut errs = Vec::new();
            for f in rest {
                let text = std::fs::read_to_string(f.as_str())
                    .map_err(|e| format!("{f}: cannot read: {e}"))?;
                let gold = kabar_actions::real::parse(&text, f)?;
                for (key, doc) in &gold {
                    let an = p.analyze(corpus.get(key)?);
                    kabar_actions::real::score_doc(key, doc, &an, &mut score, &mut errs);
                }
            }
            if errors {
                for e in &errs {
                    println!("{e}");
                }
            }
            print!("{}", score.report());
        }
        "review" => {
            // every extracted act of N tune articles with its sentence, for error analysis
            let file = rest.first().ok_or("review FILE N")?;
            let n: usize = rest.get(1).and_then(|x| x.parse().ok()).unwrap_or(10);
            let skip: usize = opts.get("--skip").and_then(|x| x.parse().ok()).unwrap_or(0);
            corpus.get(&format!("{file}#1"))?;
            let p = pipeline()?;
            let arts: Vec<RawArticle> = corpus.files[file.as_str()]
                .iter()
                .filter(|a| {
                    let key = format!("{file}#{}", a.source.rsplit('#').next().unwrap_or(""));
                    split_of(&key) != Split::Audit
                })
                .skip(skip)
                .take(n)
                .cloned()
                .collect();
            for a in arts {
                let key = format!("{file}#{}", a.source.rsplit('#').next().unwrap_or(""));
                let an = p.analyze(a);
                review(&an, &key);
            }
        }
        "agree" => {
            let read = |f: &str| -> Result<_, Box<dyn std::error::Error>> {
                let t = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
                Ok(kabar_actions::real::parse(&t, f)?)
            };
            let a = read(rest.first().ok_or("agree A B")?)?;
            let b = read(rest.get(1).ok_or("agree A B")?)?;
            println!("{}", kabar_actions::real::agreement(&a, &b).report());
        }
        other => {
            eprintln!("unknown command {other}");
            std::process::exit(2);
        }
    }
    Ok(())
}
