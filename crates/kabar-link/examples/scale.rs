//! Scale: linking 1,000 articles into states that already hold 0, 10k and 100k articles.
//!
//! The pool is every article of the shared corpora (giveme5w1h, ECB+, wikiref220,
//! indosum-dev, detik-2026; ≈ 7.8k). Larger stores are resampled from it and perturbed so
//! they are not copies: a quarter of the body words and terms are replaced by random pool
//! words (5-word shingles then mostly break, Jaccard ≈ 0.1), and dates are spread over
//! two years in publication order. Each size runs in its own process so peak memory
//! (VmHWM) is that size's own.
//!
//! cargo run --release -p kabar-link --example scale [-- --base N]

mod common;

use std::time::Instant;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use common::{
    cpu_s, detik2026, ecbplus, giveme, indosum, make_doc, peak_rss_mib, rss_mib, wikiref,
};
use kabar_link::{Lang, LinkConfig, LinkDoc, Linker};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn pool() -> Vec<LinkDoc> {
    let mut p = Vec::new();
    p.extend(giveme(true).docs);
    p.extend(ecbplus(true).docs);
    p.extend(wikiref(true).docs);
    for (i, (_, _, text)) in indosum().into_iter().enumerate() {
        p.push(make_doc(format!("a:i{i}"), None, Lang::Id, "", &text, true));
    }
    for (i, (title, body, _, _)) in detik2026().into_iter().enumerate() {
        p.push(make_doc(
            format!("a:d{i}"),
            None,
            Lang::Id,
            &title,
            &body,
            true,
        ));
    }
    p
}

fn perturb(src: &LinkDoc, id: usize, t: NaiveDateTime, vocab: &[String], r: &mut Rng) -> LinkDoc {
    let swap = |ws: Vec<String>, r: &mut Rng| -> Vec<String> {
        ws.into_iter()
            .map(|w| {
                if r.below(4) == 0 {
                    vocab[r.below(vocab.len())].clone()
                } else {
                    w
                }
            })
            .collect()
    };
    let text_words: Vec<String> = src.text.split_whitespace().map(str::to_string).collect();
    let text = swap(text_words, r).join(" ");
    LinkDoc {
        id: format!("a:{id:016x}"),
        published: Some(t),
        lang: src.lang,
        title: src.title.clone(),
        text,
        title_terms: src.title_terms.clone(),
        body_terms: swap(src.body_terms.clone(), r),
        entities: src.entities.clone(),
        happened: src.happened,
    }
}

fn run(base: usize) {
    let t0 = Instant::now();
    let pool = pool();
    let vocab: Vec<String> = pool
        .iter()
        .flat_map(|d| d.body_terms.iter().take(20).cloned())
        .collect();
    let load_s = t0.elapsed().as_secs_f64();
    let rss0 = rss_mib();
    let start = NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let span_min = 720 * 1440i64;
    let total = base + 1000;
    let mut r = Rng(0x5eed_1234_abcd_0001);
    // Publication times in order over two years; the measured 1,000 come last.
    let time_of = |i: usize| start + Duration::minutes(span_min * i as i64 / total.max(1) as i64);
    let mut l = Linker::new(LinkConfig::default());
    let t1 = Instant::now();
    let mut i = 0;
    while i < base {
        let n = 1000.min(base - i);
        let batch: Vec<LinkDoc> = (i..i + n)
            .map(|k| {
                let src = &pool[r.below(pool.len())];
                perturb(src, k, time_of(k), &vocab, &mut r)
            })
            .collect();
        l.add_batch(&batch);
        i += n;
    }
    let fill_s = t1.elapsed().as_secs_f64();
    let batch: Vec<LinkDoc> = (base..total)
        .map(|k| {
            let src = &pool[r.below(pool.len())];
            perturb(src, k, time_of(k), &vocab, &mut r)
        })
        .collect();
    let t2 = Instant::now();
    let c2 = cpu_s();
    let out = l.add_batch(&batch);
    let dt = t2.elapsed().as_secs_f64();
    let dcpu = cpu_s() - c2;
    let s = l.stats();
    let snap = l.save();
    let dups = out.iter().filter(|a| a.duplicate_of.is_some()).count();
    println!(
        "store {:>6} | +1000: wall {:>7.1} ms ({:>5.0} µs/article), CPU {:>5.0} µs/article | fill {:>6.1} s ({:>4.0} µs/article) | active events {:>5}, stories {:>5}, signatures {:>5}, df terms {:>6} | snapshot {:>6.1} MiB | RSS {:>6.1} MiB (pool {:>5.1}) peak {:>6.1} MiB | dup {} | pool {} docs loaded in {:.1} s",
        base,
        dt * 1e3,
        dt * 1e6 / 1000.0,
        dcpu * 1e6 / 1000.0,
        fill_s,
        if base > 0 { fill_s * 1e6 / base as f64 } else { 0.0 },
        s.active_events,
        s.active_stories,
        s.signatures,
        s.df_terms,
        snap.len() as f64 / 1048576.0,
        rss_mib(),
        rss0,
        peak_rss_mib(),
        dups,
        pool.len(),
        load_s
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--base") {
        let n = args.get(pos + 1).and_then(|x| x.parse().ok()).unwrap_or(0);
        run(n);
        return;
    }
    let Ok(me) = std::env::current_exe() else {
        return;
    };
    for base in [0usize, 10_000, 100_000] {
        let st = std::process::Command::new(&me)
            .arg("--base")
            .arg(base.to_string())
            .status();
        if let Err(e) = st {
            eprintln!("could not run size {base}: {e}");
        }
    }
}
