//! Scoring the coverage matrix against an annotated fact matrix (issue 18: "≥ 80 % of
//! annotated facts placed in the right cells").
//!
//! A gold file (`data/gold/facts-*.tsv`; criteria in docs/compare.md "Fact-matrix gold")
//! has one row per outlet article that reports a fact: `event` (`<set>__<event id>` with
//! every character that is not a letter or digit written `_`), `fact` (the annotator's
//! fact ID within the event), `kind` (`number`, `quote`, `source`), `key` (corpus key),
//! `start`, `end` (char offsets of the cleaned text), `value` (the figure, the speaker, the
//! source), `about`.
//!
//! - A gold cell is **placed** when the comparison has a fact of the same kind with a cell
//!   for that article's outlet holding a span of that article that overlaps the gold span.
//! - A number's **value** is right when the placed cell's value holds the gold figure.
//! - A gold fact reported by two or more outlets is **one row** when all its placed cells
//!   are in one fact of the comparison.

use kabar_compare::Comparison;
use std::collections::BTreeMap;
use std::path::Path;

/// One annotated cell.
pub struct GoldCell {
    pub event: String,
    pub fact: String,
    pub kind: String,
    pub key: String,
    pub start: usize,
    pub end: usize,
    pub value: String,
}

/// Reads a gold file; malformed lines are reported and skipped.
pub fn load(path: &Path) -> Vec<GoldCell> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval_real: {}: {e}", path.display());
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("event\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let parsed = (f.len() >= 7)
            .then(|| Some((f[4].parse().ok()?, f[5].parse().ok()?)))
            .flatten();
        let Some((start, end)) = parsed else {
            eprintln!(
                "eval_real: {}:{}: expected event, fact, kind, key, start, end, value",
                path.display(),
                i + 1
            );
            continue;
        };
        out.push(GoldCell {
            event: f[0].into(),
            fact: f[1].into(),
            kind: f[2].into(),
            key: f[3].into(),
            start,
            end,
            value: f[6].into(),
        });
    }
    out
}

/// The file-name form of an event: `<set>__<id>` with non-alphanumerics as `_`.
pub fn event_name(set: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    format!("{set}__{safe}")
}

/// Tallies per kind: (gold cells, placed, numbers with the right value).
#[derive(Default)]
pub struct Score {
    pub by_kind: BTreeMap<String, (usize, usize, usize)>,
    /// Facts with two or more placed cells, and those whose cells share one row.
    pub multi: (usize, usize),
    pub events: usize,
    /// Gold cells not placed: (event, kind, corpus key, start, end, value).
    pub misses: Vec<(String, String, String, usize, usize, String)>,
}

impl Score {
    /// Scores one event's comparison against its gold cells. `keys` maps article ID →
    /// corpus key.
    pub fn add(&mut self, gold: &[&GoldCell], c: &Comparison, keys: &BTreeMap<String, String>) {
        if gold.is_empty() {
            return;
        }
        self.events += 1;
        let mut rows_of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for g in gold {
            let hit = c.facts.iter().enumerate().find_map(|(i, f)| {
                if f.kind != g.kind {
                    return None;
                }
                f.cells.iter().find_map(|cell| {
                    cell.spans
                        .iter()
                        .any(|s| {
                            keys.get(&s.article) == Some(&g.key)
                                && s.start < g.end
                                && g.start < s.end
                        })
                        .then_some((i, cell))
                })
            });
            let e = self.by_kind.entry(g.kind.clone()).or_default();
            e.0 += 1;
            if let Some((row, cell)) = hit {
                e.1 += 1;
                if g.kind == "number" && value_holds(cell.value.as_deref(), &g.value) {
                    e.2 += 1;
                }
                rows_of.entry(g.fact.as_str()).or_default().push(row);
            } else {
                self.misses.push((
                    g.event.clone(),
                    g.kind.clone(),
                    g.key.clone(),
                    g.start,
                    g.end,
                    g.value.clone(),
                ));
            }
        }
        for rows in rows_of.values().filter(|r| r.len() >= 2) {
            self.multi.0 += 1;
            if rows.iter().all(|r| *r == rows[0]) {
                self.multi.1 += 1;
            }
        }
    }

    /// Prints each gold cell that was not placed with its words and some context (TUNE
    /// side only: the caller never passes AUDIT texts here).
    pub fn print_misses(&self, texts: &BTreeMap<String, String>) {
        for (event, kind, key, start, end, value) in &self.misses {
            let Some(text) = texts.get(key) else { continue };
            let chars: Vec<char> = text.chars().collect();
            let at = |a: usize, b: usize| -> String {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .collect()
            };
            println!(
                "MISS\t{event}\t{kind}\t{value}\t…{}[{}]{}…",
                at(start.saturating_sub(60), *start).replace('\n', " "),
                at(*start, *end).replace('\n', " "),
                at(*end, end + 60).replace('\n', " ")
            );
        }
    }

    /// Prints the figures.
    pub fn print(&self, audit: bool) {
        let (mut n, mut p) = (0, 0);
        for (kind, (g, placed, value)) in &self.by_kind {
            n += g;
            p += placed;
            let extra = if kind == "number" {
                format!(", right value {value}/{placed}")
            } else {
                String::new()
            };
            println!(
                "facts {kind:7} placed {placed:3}/{g:3} = {:5.1}%{extra}",
                pct(*placed, *g)
            );
        }
        println!(
            "facts all     placed {p:3}/{n:3} = {:5.1}% over {} events; facts of several outlets in one row {}/{} {}",
            pct(p, n),
            self.events,
            self.multi.1,
            self.multi.0,
            if audit { "(audit)" } else { "(tune: upper bound)" }
        );
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Does a cell's value ("at least 12; 14") hold the gold figure?
fn value_holds(cell: Option<&str>, gold: &str) -> bool {
    let Ok(want) = gold.trim().parse::<f64>() else {
        return false;
    };
    cell.unwrap_or("")
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|w| w.parse::<f64>().ok())
        .any(|v| (v - want).abs() < 1e-9)
}
