//! Purity judgements: a reviewer reads a random sample of events and stories of a store
//! (written by `kabar-analyze`'s `purity_sample` example) and says of each whether it is
//! *pure* — one happening (event), one subject (story) — by the criteria of
//! `docs/link.md`. The judged file keeps IDs and judgements only, never article text.
//!
//! Format: UTF-8 TSV, header `kind\tid\tpure\treason`; `kind` is `event` or `story`;
//! `pure` is `yes`, `no`, or empty while not judged; `reason` is free (may be empty);
//! lines starting with `#` are comments.

/// What was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An event (one happening).
    Event,
    /// A story (one subject).
    Story,
}

/// One line of a judgement file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// Event or story.
    pub kind: Kind,
    /// Its ID (`e:…`, `s:…`).
    pub id: String,
    /// `Some(true)` pure, `Some(false)` not, `None` not judged yet.
    pub pure: Option<bool>,
    /// The reviewer's reason (may be empty).
    pub reason: String,
}

/// A judgement file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PurityError {
    /// The header is not `kind\tid\tpure\treason`.
    #[error("{file}: the header must be `kind<TAB>id<TAB>pure<TAB>reason`, found {found:?}")]
    Header {
        /// File name as given.
        file: String,
        /// The first non-comment line.
        found: String,
    },
    /// A line is malformed.
    #[error("{file}:{line}: {what}")]
    Row {
        /// File name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
}

/// The share of pure items among the judged ones.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Purity {
    /// Events judged.
    pub events: usize,
    /// Events judged pure.
    pub pure_events: usize,
    /// Stories judged.
    pub stories: usize,
    /// Stories judged pure.
    pub pure_stories: usize,
    /// Lines not judged yet.
    pub unjudged: usize,
}

impl Purity {
    /// Pure events / judged events (1 when none was judged).
    pub fn event_rate(&self) -> f64 {
        rate(self.pure_events, self.events)
    }

    /// Pure stories / judged stories (1 when none was judged).
    pub fn story_rate(&self) -> f64 {
        rate(self.pure_stories, self.stories)
    }
}

fn rate(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// The header line of a judgement file.
pub const HEADER: &str = "kind\tid\tpure\treason";

/// Parses a judgement file; `file` only names it in errors.
pub fn parse_judgements(file: &str, text: &str) -> Result<Vec<Judgement>, PurityError> {
    let mut out = Vec::new();
    let mut header = false;
    let mut seen = std::collections::HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            if line != HEADER {
                return Err(PurityError::Header {
                    file: file.into(),
                    found: line.into(),
                });
            }
            header = true;
            continue;
        }
        let bad = |what: &str| PurityError::Row {
            file: file.into(),
            line: i + 1,
            what: what.into(),
        };
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        if f.len() < 3 {
            return Err(bad("expected kind, id, pure and reason separated by tabs"));
        }
        let kind = match f[0] {
            "event" => Kind::Event,
            "story" => Kind::Story,
            _ => return Err(bad("kind must be `event` or `story`")),
        };
        let prefix = if kind == Kind::Event { "e:" } else { "s:" };
        if !f[1].starts_with(prefix) {
            return Err(bad(&format!("the id of a {} starts with {prefix}", f[0])));
        }
        if !seen.insert(f[1].to_string()) {
            return Err(bad(&format!("{} is judged twice", f[1])));
        }
        let pure = match f[2].to_ascii_lowercase().as_str() {
            "yes" | "y" => Some(true),
            "no" | "n" => Some(false),
            "" => None,
            _ => return Err(bad("pure must be `yes`, `no` or empty")),
        };
        out.push(Judgement {
            kind,
            id: f[1].to_string(),
            pure,
            reason: f.get(3).map_or(String::new(), |r| r.to_string()),
        });
    }
    if !header {
        return Err(PurityError::Header {
            file: file.into(),
            found: String::new(),
        });
    }
    Ok(out)
}

/// Counts pure and judged events and stories.
pub fn score(judgements: &[Judgement]) -> Purity {
    let mut p = Purity::default();
    for j in judgements {
        match (j.kind, j.pure) {
            (_, None) => p.unjudged += 1,
            (Kind::Event, Some(x)) => {
                p.events += 1;
                p.pure_events += usize::from(x);
            }
            (Kind::Story, Some(x)) => {
                p.stories += 1;
                p.pure_stories += usize::from(x);
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgements_are_parsed_and_scored() {
        let t = "# sample of a store\nkind\tid\tpure\treason\nevent\te:01\tyes\t\n\
                 event\te:02\tno\ttwo sale days\nstory\ts:03\tYES\nstory\ts:04\t\t\n";
        let j = parse_judgements("t.tsv", t).unwrap();
        let p = score(&j);
        assert_eq!(
            (p.events, p.pure_events, p.stories, p.pure_stories),
            (2, 1, 1, 1)
        );
        assert_eq!(p.unjudged, 1);
        assert!((p.event_rate() - 0.5).abs() < 1e-9);
        assert_eq!(j[1].reason, "two sale days");
    }

    #[test]
    fn bad_files_name_the_file_and_line() {
        let e = parse_judgements("x.tsv", "id\tpure\n").unwrap_err();
        assert!(e.to_string().starts_with("x.tsv:"));
        let e = parse_judgements("x.tsv", "kind\tid\tpure\treason\nevent\ts:1\tyes\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("x.tsv:2") && e.contains("e:"), "{e}");
        let e = parse_judgements("x.tsv", "kind\tid\tpure\treason\nevent\te:1\tmaybe\t\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("yes"), "{e}");
    }
}
