//! Writes a large synthetic news corpus as JSON Lines, built from real sentences resampled
//! (issue 17's generator; the scale benchmarks of the store and the server use it).
//!
//! The sentences come from the Detik 2025 and 2026 corpora in `../shared/data/news-id`
//! (tune split only: audit articles are skipped), so every sentence is real Indonesian news
//! text; articles, events, stories, dates and outlets are drawn at random with realistic
//! spreads:
//!
//! - **stories** (threads of events) have a heavy-tailed number of events (most one, a few
//!   dozens), **events** a heavy-tailed number of articles (P(k) ∝ k^-2, up to 400), spread
//!   over a few days after the event starts (most on its first day);
//! - an article of an event keeps about 70 % of its event's core sentences (so reports of
//!   one event share words and names) and adds real sentences from other articles; 4 % are
//!   near-copies of another report of the same event with a changed last line;
//! - **dates**: event starts uniform over `--days` days ending on 2026-06-01, times of day
//!   between 05:00 and 23:00 WIB; **outlets**: 24 outlet names with Zipf weights (names only).
//!
//! Output is in publication order (as a crawler delivers it), one JSON object a line with
//! `id`, `title`, `text`, `url` (under `.example`), `outlet`, `published`. The text is
//! third-party: write it to /tmp only, never into the repository.
//!
//! `cargo run --release -p kabar-analyze --example scale_corpus -- 100000 /tmp/query/100k.jsonl [--days 365] [--seed 1]`

use kabar_core::split::{split_of, Split};
use std::io::Write;
use std::path::{Path, PathBuf};

/// xorshift64*: small, seedable, good enough for sampling.
struct Rng(u64);
impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A heavy-tailed size in `1..=max` with P(k) ∝ k^-alpha (inverse CDF of the
    /// continuous Pareto, floored).
    fn pareto(&mut self, alpha: f64, max: usize) -> usize {
        let u = self.unit().max(1e-12);
        let k = u.powf(-1.0 / (alpha - 1.0)).floor() as usize;
        k.clamp(1, max)
    }
}

/// Outlet names (the generator writes names only, never their text) and Zipf weights.
const OUTLETS: &[&str] = &[
    "detik.com",
    "kompas.com",
    "cnnindonesia.com",
    "tribunnews.com",
    "liputan6.com",
    "antaranews.com",
    "kumparan.com",
    "okezone.com",
    "tempo.co",
    "republika.co.id",
    "sindonews.com",
    "merdeka.com",
    "suara.com",
    "idntimes.com",
    "cnbcindonesia.com",
    "jpnn.com",
    "viva.co.id",
    "inews.id",
    "beritasatu.com",
    "mediaindonesia.com",
    "kontan.co.id",
    "bisnis.com",
    "thejakartapost.com",
    "jawapos.com",
];

struct Source {
    title: String,
    sentences: Vec<String>,
}

fn read_sources(root: &Path) -> Vec<Source> {
    let files: Vec<PathBuf> = [
        "news-id/detik-2026/train.csv",
        "news-id/detik-2026/val.csv",
        "news-id/detik-2026/test.csv",
        "news-id/detik-2025/data_berita.csv",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    let mut out = Vec::new();
    for r in kabar_extract::read_inputs(&files, &kabar_extract::ReadOptions::default()) {
        let a = match r {
            Ok(a) => a,
            Err(e) => {
                eprintln!("scale_corpus: skipping a record: {e}");
                continue;
            }
        };
        let key = a.source.replace('\\', "/");
        let key = key
            .rfind("shared/data/")
            .map(|i| key[i + "shared/data/".len()..].to_string())
            .unwrap_or(key);
        if split_of(&key) == Split::Audit {
            continue;
        }
        let sentences: Vec<String> = kabar_text::sentences(&a.body)
            .into_iter()
            .map(|s| a.body[s.start..s.end].to_string())
            .filter(|s| s.chars().count() >= 20)
            .collect();
        if sentences.len() < 4 {
            continue;
        }
        out.push(Source {
            title: a.title.unwrap_or_default(),
            sentences,
        });
    }
    out
}

/// One article to write, before its text is drawn.
#[derive(Clone, Copy)]
struct Slot {
    /// Minutes after the corpus start.
    minute: i64,
    /// Its event (index).
    event: usize,
    /// Its position within the event.
    nth: usize,
}

/// An event: its core sentences come from one source article, plus a few of its story's.
struct Event {
    base: usize,
    story_base: usize,
    outlet_bias: usize,
}

fn outlet(r: &mut Rng) -> &'static str {
    // Zipf(1) over the list: weight 1/(i+1)
    let h: f64 = (1..=OUTLETS.len()).map(|i| 1.0 / i as f64).sum();
    let mut u = r.unit() * h;
    for (i, o) in OUTLETS.iter().enumerate() {
        u -= 1.0 / (i + 1) as f64;
        if u <= 0.0 {
            return o;
        }
    }
    OUTLETS[OUTLETS.len() - 1]
}

fn plan(n: usize, days: i64, r: &mut Rng, sources: usize) -> (Vec<Event>, Vec<Slot>) {
    let mut events = Vec::new();
    let mut slots = Vec::with_capacity(n + 400);
    let span = days * 1440;
    while slots.len() < n {
        // a story: a thread of events over up to a few weeks
        let story_base = r.below(sources);
        let n_events = r.pareto(2.2, 60);
        let story_start = r.below(span as usize) as i64;
        for _ in 0..n_events {
            let ev = events.len();
            events.push(Event {
                base: r.below(sources),
                story_base,
                outlet_bias: r.below(OUTLETS.len()),
            });
            let start = (story_start + r.below(21 * 1440) as i64).min(span - 1);
            let size = r.pareto(2.0, 400);
            for nth in 0..size {
                // most reports on the first day, a tail over the next week
                let lag = if nth == 0 {
                    0
                } else {
                    let d = r.pareto(2.5, 8) as i64 - 1;
                    d * 1440 + r.below(1440) as i64
                };
                let day_start = (start + lag) / 1440 * 1440;
                // 05:00–23:00 WIB
                let minute = day_start + 300 + r.below(18 * 60) as i64;
                if minute < span {
                    slots.push(Slot {
                        minute,
                        event: ev,
                        nth,
                    });
                }
            }
        }
    }
    slots.truncate(n);
    slots.sort_by_key(|s| (s.minute, s.event, s.nth));
    (events, slots)
}

fn text_of(sources: &[Source], ev: &Event, nth: usize, seed: u64) -> (String, Vec<String>) {
    let mut r = Rng::new(seed);
    let base = &sources[ev.base];
    let story = &sources[ev.story_base];
    let mut lines = Vec::new();
    // the event's core: its base article's first sentences and its story's lead
    for s in base
        .sentences
        .iter()
        .take(8)
        .chain(story.sentences.iter().take(2))
    {
        if nth == 0 || r.unit() < 0.7 {
            lines.push(s.clone());
        }
    }
    // the rest: real sentences of other articles, in runs as articles quote background
    let extra = 6 + r.below(12);
    while lines.len() < extra + 4 {
        let o = &sources[r.below(sources.len())];
        let at = r.below(o.sentences.len());
        for s in o.sentences.iter().skip(at).take(1 + r.below(3)) {
            lines.push(s.clone());
        }
    }
    let title = if nth == 0 || r.unit() < 0.5 {
        base.title.clone()
    } else {
        // another outlet's headline: the base title's words with one from elsewhere
        let other = &sources[r.below(sources.len())].title;
        let mut w: Vec<&str> = base.title.split_whitespace().collect();
        if w.len() > 4 {
            w.remove(r.below(w.len()));
        }
        if let Some(x) = other.split_whitespace().nth(r.below(4)) {
            w.push(x);
        }
        w.join(" ")
    };
    (title, lines)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: scale_corpus N OUT.jsonl [--days D] [--seed S]";
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|x| x.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let opt = |name: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let days = opt("--days", 365) as i64;
    let seed = opt("--seed", 1);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let sources = read_sources(&root);
    if sources.is_empty() {
        eprintln!(
            "scale_corpus: no articles under {} (the shared data is needed)",
            root.display()
        );
        std::process::exit(1);
    }
    let sentences: usize = sources.iter().map(|s| s.sentences.len()).sum();
    let mut r = Rng::new(seed);
    let (events, slots) = plan(n, days, &mut r, sources.len());
    let start = chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
        .and_then(|d| d.checked_sub_signed(chrono::Duration::days(days)))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid start date");
    let file = match std::fs::File::create(out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("scale_corpus: cannot create {out}: {e}");
            std::process::exit(1);
        }
    };
    let mut w = std::io::BufWriter::new(file);
    // near-copies: the previous report of the same event, re-sent by another outlet
    let mut last_of_event: std::collections::HashMap<usize, (String, Vec<String>)> =
        std::collections::HashMap::new();
    let mut copies = 0;
    for (i, s) in slots.iter().enumerate() {
        let ev = &events[s.event];
        let mut rr = Rng::new(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let (title, mut lines) = match last_of_event.get(&s.event) {
            Some(prev) if rr.unit() < 0.04 => {
                copies += 1;
                prev.clone()
            }
            _ => text_of(&sources, ev, s.nth, rr.next()),
        };
        last_of_event.insert(s.event, (title.clone(), lines.clone()));
        // every article ends differently, so copies are near-copies, not the same article
        let o = if rr.unit() < 0.3 {
            OUTLETS[ev.outlet_bias]
        } else {
            outlet(&mut rr)
        };
        lines.push(format!("({}/{})", &o[..3.min(o.len())], i % 997));
        let t = start + chrono::Duration::minutes(s.minute);
        let rec = serde_json::json!({
            "id": format!("gen-{i}"),
            "title": title,
            "text": lines.join(" "),
            "url": format!("https://{}.example/read/{i}", o.replace('.', "-")),
            "outlet": o,
            "published": format!("{}+07:00", t.format("%Y-%m-%dT%H:%M:%S")),
        });
        if let Err(e) = writeln!(w, "{rec}") {
            eprintln!("scale_corpus: cannot write {out}: {e}");
            std::process::exit(1);
        }
    }
    if let Err(e) = w.flush() {
        eprintln!("scale_corpus: cannot write {out}: {e}");
        std::process::exit(1);
    }
    let used: std::collections::HashSet<usize> = slots.iter().map(|s| s.event).collect();
    eprintln!(
        "scale_corpus: {} articles ({copies} near-copies) in {} events over {days} days, from {} real articles ({sentences} sentences) → {out}",
        slots.len(),
        used.len(),
        sources.len()
    );
}
