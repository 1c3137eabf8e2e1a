//! Near-duplicate precision/recall.
//!
//! 1. Variants generated from real Detik 2026 articles (news-id/detik-2026): each of N
//!    originals gets one variant of each kind — trimmed ending (keep 60%), paragraphs
//!    reordered, boilerplate swapped (outlet header/footer lines replaced), a paragraph
//!    added (taken from an unrelated article) — all of which must be duplicates of their
//!    original; negatives are the other real articles, including same-category ones
//!    published the same day (same-topic write-ups), which must not be.
//! 2. Exact duplicates in indosum-dev: the same upstream article appears in several
//!    folds; each fold copy gets its own ID here, so every copy after the first must be
//!    marked a duplicate of the first, and nothing else.
//!
//! cargo run --release -p kabar-link --example eval_dups

mod common;

use std::collections::HashMap;

use chrono::NaiveDate;
use common::{detik2026, indosum, make_doc};
use kabar_link::{Lang, LinkConfig, LinkDoc, Linker};

fn paragraphs(text: &str) -> Vec<String> {
    // Detik bodies in this CSV are single-spaced; split into ~3-sentence "paragraphs".
    let sents: Vec<&str> = text.split_inclusive(". ").collect();
    sents.chunks(3).map(|c| c.concat()).collect()
}

struct Case {
    doc: LinkDoc,
    /// Article this should be a duplicate of (root), or None for an original.
    expect: Option<String>,
    kind: &'static str,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64) {
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    (p, r)
}

fn main() {
    let arts = detik2026();
    if arts.is_empty() {
        eprintln!("shared data not found (../shared/data/news-id/detik-2026)");
        return;
    }
    let day = NaiveDate::from_ymd_opt(2026, 5, 29)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default();
    // Originals: every 4th article (all categories); the rest serve as negatives and as
    // donors of added paragraphs. All are ingested, originals first within their day.
    let n_orig = 300.min(arts.len() / 4);
    let mut cases: Vec<Case> = Vec::new();
    for (i, (title, body, _cat, _date)) in arts.iter().enumerate() {
        let t = day + chrono::Duration::minutes(i as i64);
        cases.push(Case {
            doc: make_doc(format!("a:{i:016x}"), Some(t), Lang::Id, title, body, false),
            expect: None,
            kind: "original/negative",
        });
    }
    let header = "Jakarta - ";
    let footer_a = "\n\nSimak Video: berita pilihan hari ini\n\n(redaksi/detik)";
    let footer_b =
        "\n\nBaca juga artikel lainnya di kanal kami.\n\nSCROLL TO CONTINUE WITH CONTENT";
    for k in 0..n_orig {
        let i = k * 4;
        let (title, body, _, _) = &arts[i];
        let orig = format!("a:{i:016x}");
        let t = day + chrono::Duration::minutes(5000 + k as i64);
        let ps = paragraphs(body);
        if ps.len() < 3 {
            continue;
        }
        // trim: keep the first 60% of paragraphs
        let keep = (ps.len() * 6).div_ceil(10);
        let trimmed = ps[..keep].concat();
        // reorder: rotate paragraphs by one and swap the first two
        let mut ro = ps.clone();
        ro.rotate_left(1);
        ro.swap(0, 1);
        let reordered = ro.join("\n\n");
        // boilerplate swap: other header and footer
        let swapped = format!("{header}{body}{footer_b}");
        let orig_with_footer = format!("{body}{footer_a}");
        // paragraph added: a paragraph from an unrelated article (next one, other index)
        let donor = paragraphs(&arts[(i + 7) % arts.len()].1);
        let added = format!("{}\n\n{}", body, donor.first().cloned().unwrap_or_default());
        // the original itself gets its own footer so the swap really changes boilerplate
        cases[i].doc = make_doc(
            orig.clone(),
            cases[i].doc.published,
            Lang::Id,
            title,
            &orig_with_footer,
            false,
        );
        for (kind, text) in [
            ("trim 60%", trimmed),
            ("reorder", reordered),
            ("boilerplate swap", swapped),
            ("paragraph added", added),
        ] {
            cases.push(Case {
                doc: make_doc(
                    format!("a:v{k:05}{:010}", kind.len()),
                    Some(t),
                    Lang::Id,
                    title,
                    &text,
                    false,
                ),
                expect: Some(orig.clone()),
                kind,
            });
        }
    }
    let docs: Vec<LinkDoc> = cases.iter().map(|c| c.doc.clone()).collect();
    let mut l = Linker::new(LinkConfig::default());
    let t0 = std::time::Instant::now();
    let out = l.add_batch(&docs);
    let el = t0.elapsed();
    let mut by_kind: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (c, a) in cases.iter().zip(&out) {
        let e = by_kind.entry(c.kind).or_default();
        match (&c.expect, &a.duplicate_of) {
            (Some(x), Some(y)) if x == y => {
                tp += 1;
                e.0 += 1;
            }
            (Some(_), Some(_)) => {
                fp += 1;
                fn_ += 1;
                e.1 += 1;
                e.2 += 1;
            }
            (Some(_), None) => {
                fn_ += 1;
                e.2 += 1;
            }
            (None, Some(_)) => {
                fp += 1;
                e.1 += 1;
            }
            (None, None) => {}
        }
    }
    let (p, r) = prf(tp, fp, fn_);
    println!(
        "detik-2026 variants: {} articles ({} originals with 4 variants each), {:.1} ms",
        docs.len(),
        n_orig,
        el.as_secs_f64() * 1e3
    );
    println!("  overall: TP {tp} FP {fp} FN {fn_}  precision {p:.3} recall {r:.3}");
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    for (k, (tp, fp, fn_)) in kinds {
        println!("  {k:<18} TP {tp:>4} FP {fp:>3} FN {fn_:>3}");
    }
    // Same-topic pairs: same category, same day, different article — count how many
    // distinct real articles were (wrongly) linked as duplicates of each other.
    let real_dups = out
        .iter()
        .zip(&cases)
        .filter(|(a, c)| c.expect.is_none() && a.duplicate_of.is_some())
        .count();
    println!("  real articles marked duplicate of another real article: {real_dups}");
    if std::env::args().any(|a| a == "--verbose") {
        let title_of: HashMap<&str, &str> = cases
            .iter()
            .map(|c| (c.doc.id.as_str(), c.doc.title.as_str()))
            .collect();
        for (a, c) in out.iter().zip(&cases) {
            if let (None, Some(o)) = (&c.expect, &a.duplicate_of) {
                println!(
                    "    {:?}\n      dup of {:?}",
                    c.doc.title,
                    title_of.get(o.as_str())
                );
            }
        }
    }

    // indosum-dev exact duplicates across folds.
    let recs = indosum();
    let mut first: HashMap<String, String> = HashMap::new();
    let mut docs = Vec::new();
    let mut expect = Vec::new();
    for (i, (fid, upstream, text)) in recs.iter().enumerate() {
        let ts: i64 = upstream
            .split('-')
            .next()
            .and_then(|x| x.parse().ok())
            .unwrap_or(0);
        let t = chrono::DateTime::from_timestamp(ts, 0).map(|d| d.naive_utc());
        let id = format!("a:{i:016x}");
        let _ = fid;
        expect.push(first.get(upstream).cloned());
        first.entry(upstream.clone()).or_insert(id.clone());
        docs.push(make_doc(id, t, Lang::Id, "", text, false));
    }
    let mut l = Linker::new(LinkConfig::default());
    let t0 = std::time::Instant::now();
    let out = l.add_batch(&docs);
    let el = t0.elapsed();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (e, a) in expect.iter().zip(&out) {
        match (e, &a.duplicate_of) {
            (Some(x), Some(y)) if x == y => tp += 1,
            (Some(_), Some(_)) => {
                fp += 1;
                fn_ += 1
            }
            (Some(_), None) => fn_ += 1,
            (None, Some(_)) => fp += 1,
            (None, None) => {}
        }
    }
    let (p, r) = prf(tp, fp, fn_);
    println!(
        "indosum-dev fold copies: {} records, {} unique, {} expected duplicates, {:.1} ms",
        docs.len(),
        first.len(),
        expect.iter().filter(|e| e.is_some()).count(),
        el.as_secs_f64() * 1e3
    );
    println!("  TP {tp} FP {fp} FN {fn_}  precision {p:.3} recall {r:.3}");
}
