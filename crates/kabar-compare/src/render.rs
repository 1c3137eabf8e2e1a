//! The human-readable form of a comparison (`kabar compare` without `--json`).

use crate::{Comparison, StoryComparison};
use std::fmt::Write;

/// A delay as people read it: "+2h 05m", "+1 day", "first".
pub fn delay(seconds: Option<i64>, precision: Option<&str>) -> String {
    match (seconds, precision) {
        (Some(0), _) => "+0".to_string(),
        (Some(s), Some("day")) => {
            let d = s / 86_400;
            format!("+{d} day{}", if d == 1 { "" } else { "s" })
        }
        (Some(s), _) => {
            let (h, m) = (s / 3600, (s % 3600) / 60);
            if h >= 48 {
                format!("+{}d {}h", h / 24, h % 24)
            } else {
                format!("+{h}h {m:02}m")
            }
        }
        (None, _) => "time unknown".to_string(),
    }
}

/// One event's comparison as text.
pub fn event_text(c: &Comparison) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  {}\n{} article(s), {} outlet(s), {} fact(s), {} discrepanc{}",
        c.id,
        c.title.as_deref().unwrap_or("(untitled)"),
        c.articles,
        c.outlets.len(),
        c.facts.len(),
        c.discrepancies.len(),
        if c.discrepancies.len() == 1 {
            "y"
        } else {
            "ies"
        }
    );
    let _ = writeln!(s, "\nOutlets (first report first):");
    for o in &c.outlets {
        let _ = writeln!(
            s,
            "  {:<28} {:>12}  {} article(s){}{}  unique {}  missing {}",
            o.outlet,
            if o.first {
                "FIRST".to_string()
            } else {
                delay(o.delay_seconds, o.delay_precision.as_deref())
            },
            o.articles.len(),
            if o.copies > 0 {
                format!(", {} copy", o.copies)
            } else {
                String::new()
            },
            if o.credits.is_empty() {
                String::new()
            } else {
                format!(", credits {}", o.credits.join(", "))
            },
            o.unique.len(),
            o.missing.len()
        );
    }
    if !c.lineage.is_empty() {
        let _ = writeln!(s, "\nCopies:");
        for l in &c.lineage {
            let _ = writeln!(
                s,
                "  {} ({}) copies {} ({}) {}{}",
                l.article,
                l.outlet,
                l.copy_of,
                l.copy_of_outlet,
                delay(l.lag_seconds, Some("second")),
                if l.credited.is_empty() {
                    String::new()
                } else {
                    format!(", credits {}", l.credited.join(", "))
                }
            );
        }
    }
    if !c.discrepancies.is_empty() {
        let _ = writeln!(s, "\nDiscrepancies:");
        for d in &c.discrepancies {
            let _ = writeln!(
                s,
                "  [{}] {}{}",
                d.kind,
                d.message,
                if d.later_update {
                    " (the later report may be an update)"
                } else {
                    ""
                }
            );
        }
    }
    wording_text(&mut s, c);
    let outlets: Vec<&str> = c.outlets.iter().map(|o| o.outlet.as_str()).collect();
    let _ = writeln!(s, "\nCoverage ({}):", outlets.join(" | "));
    for f in &c.facts {
        let marks: String = outlets
            .iter()
            .map(|o| {
                if f.cells.iter().any(|c| c.outlet == *o) {
                    'x'
                } else {
                    '.'
                }
            })
            .collect();
        let values: Vec<String> = f
            .cells
            .iter()
            .filter_map(|c| c.value.as_ref().map(|v| format!("{}: {v}", c.outlet)))
            .collect();
        let _ = writeln!(
            s,
            "  {marks}  {:<4} {:<6} {}{}",
            f.id,
            f.kind,
            // the kind is its own column: "number  perusahaan", not "number  number: …"
            f.label
                .strip_prefix(f.kind.as_str())
                .and_then(|l| l.strip_prefix(": "))
                .unwrap_or(&f.label),
            if values.is_empty() || f.kind == "act" && f.cells.iter().all(|c| c.value.is_none()) {
                String::new()
            } else {
                format!("  [{}]", values.join("; "))
            }
        );
    }
    s
}

/// The word-choice section: per entity or act, each outlet's words with their counts.
fn wording_text(s: &mut String, c: &Comparison) {
    if c.wording.is_empty() {
        return;
    }
    let _ = writeln!(s, "\nWord choice:");
    for w in &c.wording {
        let by: Vec<String> = w
            .outlets
            .iter()
            .map(|o| {
                let terms: Vec<String> = o
                    .terms
                    .iter()
                    .map(|t| format!("“{}” ×{}", t.term, t.count))
                    .collect();
                format!("{}: {}", o.outlet, terms.join(", "))
            })
            .collect();
        let _ = writeln!(s, "  [{}] {}  —  {}", w.kind, w.about, by.join("  |  "));
    }
}

/// A story's comparison as text: the roll-up by outlet, then each event.
pub fn story_text(c: &StoryComparison) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}  {}\n{} event(s), {} outlet(s)\n\nOutlets across the story:",
        c.id,
        c.title.as_deref().unwrap_or("(untitled)"),
        c.events.len(),
        c.outlets.len()
    );
    for o in &c.outlets {
        let _ = writeln!(
            s,
            "  {:<28} reported {}/{} event(s), first in {}, discrepancies {}",
            o.outlet,
            o.events.len(),
            c.events.len(),
            o.first_in.len(),
            o.discrepancies
        );
    }
    for e in &c.events {
        let _ = writeln!(s, "\n{}", event_text(e));
    }
    s
}
