//! The claims a comparison makes — discrepancy flags and unique-fact claims — in a form
//! a reviewer can check against the texts: outlets and spans on each side, keyed by the
//! articles' corpus keys.

use kabar_compare::{Comparison, SpanRef};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// One side of a claim.
pub struct ClaimSide {
    pub value: String,
    pub outlets: Vec<String>,
    /// (corpus key, start, end), char offsets of the cleaned text.
    pub spans: Vec<(String, usize, usize)>,
}

/// One claim.
pub struct Claim {
    pub set: String,
    pub event: String,
    /// `date`, `weekday`, `number`, `actor`, `quote_speaker`, or `unique:<fact kind>`.
    pub kind: String,
    pub sides: Vec<ClaimSide>,
    /// The claim in words (values and names only; no article text).
    pub words: String,
}

impl Claim {
    /// The key of its label: set, event, kind and the first span of each side.
    pub fn label_key(&self) -> String {
        let sides: Vec<String> = self
            .sides
            .iter()
            .map(|s| match s.spans.first() {
                Some((k, a, b)) => format!("{k}@{a}-{b}"),
                None => s.outlets.join(","),
            })
            .collect();
        format!(
            "{}\t{}\t{}\t{}",
            self.set,
            self.event,
            self.kind,
            sides.join(" | ")
        )
    }

    /// Prints each side's spans in context (TUNE only: the caller checks).
    pub fn print_context(&self, texts: &BTreeMap<String, String>, around: usize) {
        let unique = self.kind.starts_with("unique");
        for (i, s) in self.sides.iter().enumerate() {
            if unique && i == 1 {
                // the others' closest sentence to the claimed fact, to judge "lacks it"
                let probe = self.sides[0]
                    .spans
                    .first()
                    .map(|(k, a, b)| slice(texts, k, *a, *b))
                    .unwrap_or_default();
                for (k, _, _) in &s.spans {
                    println!("   [other] {k}: closest: {}", closest(texts, k, &probe));
                }
                continue;
            }
            for (k, a, b) in s.spans.iter().take(2) {
                println!(
                    "   [{}] {:?} {k}@{a}-{b}: {}",
                    s.value,
                    s.outlets,
                    context(texts, k, *a, *b, around)
                );
            }
        }
    }
}

fn slice(texts: &BTreeMap<String, String>, key: &str, a: usize, b: usize) -> String {
    texts
        .get(key)
        .map(|t| t.chars().skip(a).take(b.saturating_sub(a)).collect())
        .unwrap_or_default()
}

fn words(t: &str) -> std::collections::BTreeSet<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The sentence of a text sharing the most words with `probe`.
fn closest(texts: &BTreeMap<String, String>, key: &str, probe: &str) -> String {
    let p = words(probe);
    texts
        .get(key)
        .map(|t| {
            t.split_inclusive(['.', '\n'])
                .max_by_key(|s| words(s).intersection(&p).count())
                .unwrap_or("")
                .trim()
                .chars()
                .take(300)
                .collect()
        })
        .unwrap_or_default()
}

/// The span's text with `around` chars each side, the span itself in ⟦ ⟧.
fn context(
    texts: &BTreeMap<String, String>,
    key: &str,
    a: usize,
    b: usize,
    around: usize,
) -> String {
    let Some(t) = texts.get(key) else {
        return format!("(no text for {key})");
    };
    let chars: Vec<char> = t.chars().collect();
    let (a, b) = (a.min(chars.len()), b.min(chars.len()));
    let from = a.saturating_sub(around);
    let to = (b + around).min(chars.len());
    let s = |x: usize, y: usize| chars[x..y].iter().collect::<String>().replace('\n', " ");
    format!("…{}⟦{}⟧{}…", s(from, a), s(a, b), s(b, to))
}

fn side_of(
    s_value: &str,
    outlets: &[String],
    spans: &[SpanRef],
    keys: &BTreeMap<String, String>,
) -> ClaimSide {
    let mut spans: Vec<(String, usize, usize)> = spans
        .iter()
        .map(|s| {
            (
                keys.get(&s.article)
                    .cloned()
                    .unwrap_or_else(|| s.article.clone()),
                s.start,
                s.end,
            )
        })
        .collect();
    spans.sort();
    spans.dedup();
    ClaimSide {
        value: s_value.to_string(),
        outlets: outlets.to_vec(),
        spans,
    }
}

/// The claims of one comparison.
pub fn claims_of(
    set: &str,
    event: &str,
    c: &Comparison,
    keys: &BTreeMap<String, String>,
    texts: &BTreeMap<String, String>,
) -> Vec<Claim> {
    let mut out = Vec::new();
    for d in &c.discrepancies {
        let mut sides: Vec<ClaimSide> = d
            .sides
            .iter()
            .map(|s| side_of(&s.value, &s.outlets, &s.spans, keys))
            .collect();
        sides.sort_by(|a, b| a.spans.cmp(&b.spans));
        out.push(Claim {
            set: set.to_string(),
            event: event.to_string(),
            kind: d.kind.clone(),
            sides,
            words: format!("{}: {}", d.about, d.message),
        });
    }
    for o in &c.outlets {
        for fid in &o.unique {
            let Some(f) = c.facts.iter().find(|f| &f.id == fid) else {
                continue;
            };
            let Some(cell) = f.cells.iter().find(|x| x.outlet == o.outlet) else {
                continue;
            };
            let value = match f.kind.as_str() {
                "quote" => "a statement (the quote at the span)".to_string(),
                "number" => format!("{} = {}", f.key, cell.value.clone().unwrap_or_default()),
                _ => f.label.clone(),
            };
            let others: Vec<String> = c
                .outlets
                .iter()
                .filter(|x| x.outlet != o.outlet)
                .map(|x| x.outlet.clone())
                .collect();
            // the other side's spans are their whole texts: the claim is that they lack it
            let other_spans: Vec<(String, usize, usize)> = c
                .outlets
                .iter()
                .filter(|x| x.outlet != o.outlet)
                .flat_map(|x| &x.articles)
                .filter_map(|a| keys.get(a))
                .map(|k| (k.clone(), 0, texts.get(k).map_or(0, |t| t.chars().count())))
                .collect();
            out.push(Claim {
                set: set.to_string(),
                event: event.to_string(),
                kind: format!("unique:{}", f.kind),
                sides: vec![
                    side_of(&value, std::slice::from_ref(&o.outlet), &cell.spans, keys),
                    ClaimSide {
                        value: "does not report it".into(),
                        outlets: others.clone(),
                        spans: other_spans,
                    },
                ],
                words: format!(
                    "only {} reports {value}; {} do not",
                    o.outlet,
                    others.join(", ")
                ),
            });
        }
    }
    out
}

/// `key \t label` lines (key = [`Claim::label_key`], four tab-separated fields).
pub fn load_labels(path: &Path) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    let Ok(s) = std::fs::read_to_string(path) else {
        return m;
    };
    for (i, line) in s.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            eprintln!(
                "eval_real: {}:{}: expected 5 or more columns",
                path.display(),
                i + 1
            );
            continue;
        }
        m.insert(f[..4].join("\t"), f[4].trim().to_string());
    }
    m
}

fn spans_field(s: &ClaimSide) -> String {
    s.spans
        .iter()
        .map(|(k, a, b)| format!("{k}@{a}-{b}"))
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// Writes the claims for a reviewer: one line each, no article text.
pub fn write_tsv(path: &Path, all: &[Claim]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    writeln!(
        f,
        "claim\tset\tevent\tkind\tside_a_outlets\tside_a_value\tside_a_spans\tside_b_outlets\tside_b_value\tside_b_spans\tmore_sides\tclaim_in_words\tverdict"
    )?;
    for (i, c) in all.iter().enumerate() {
        let side = |k: usize| {
            c.sides
                .get(k)
                .map_or(("".into(), "".into(), "".into()), |s| {
                    (s.outlets.join(", "), s.value.clone(), spans_field(s))
                })
        };
        let (ao, av, asp) = side(0);
        let (bo, bv, bsp) = side(1);
        let more: Vec<String> = c
            .sides
            .iter()
            .skip(2)
            .map(|s| {
                format!(
                    "{} = {} @ {}",
                    s.outlets.join(", "),
                    s.value,
                    spans_field(s)
                )
            })
            .collect();
        writeln!(
            f,
            "{}\t{}\t{}\t{}\t{ao}\t{av}\t{asp}\t{bo}\t{bv}\t{bsp}\t{}\t{}\t",
            i + 1,
            c.set,
            c.event,
            c.kind,
            more.join(" || "),
            c.words.replace(['\t', '\n'], " ")
        )?;
    }
    Ok(())
}

/// Prints every span of a claims file with 200 chars of context each side.
pub fn print_spans(path: &Path, texts: &BTreeMap<String, String>) {
    let Ok(s) = std::fs::read_to_string(path) else {
        eprintln!("eval_real: cannot read {}", path.display());
        return;
    };
    for line in s.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 12 {
            eprintln!("eval_real: {}: short line {:?}", path.display(), f.first());
            continue;
        }
        println!("=== claim {} [{} {} {}] {}", f[0], f[1], f[2], f[3], f[11]);
        for (side, outlets, value, spans) in [("A", f[4], f[5], f[6]), ("B", f[7], f[8], f[9])] {
            println!("  side {side}: {outlets} — {value}");
            let unique_other = f[3].starts_with("unique") && side == "B";
            for sp in spans.split(" ; ").filter(|x| !x.is_empty()) {
                let Some((k, range)) = sp.rsplit_once('@') else {
                    continue;
                };
                let (a, b) = range.split_once('-').unwrap_or(("0", "0"));
                let (a, b): (usize, usize) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                if unique_other {
                    // the whole text of an outlet said to lack the fact
                    println!(
                        "    {k} (whole text):\n{}\n",
                        texts.get(k).map_or("(no text)", String::as_str)
                    );
                } else {
                    println!("    {k}@{a}-{b}: {}", context(texts, k, a, b, 200));
                }
            }
        }
        if !f[10].is_empty() {
            println!("  more sides: {}", f[10]);
        }
    }
}
