//! Timeline judgements: a reviewer reads a random sample of a store's story timelines
//! (written by `kabar-analyze`'s `timeline_sample` example) and says of each entry whether
//! it duplicates another entry of the same story (the same real-world act shown twice) and
//! whether its act is right (type, source and target as the reports say). The judged file
//! keeps IDs, indices and judgements only, never article text.
//!
//! Format: UTF-8 TSV, header `story\tentry\tduplicate_of\tact_correct\treason`; `story` is
//! a story ID, `entry` the 0-based index of the entry in the sheet, `duplicate_of` the index
//! of the entry it repeats (empty when none), `act_correct` is `yes`, `no`, or empty while
//! not judged; `reason` is free (may be empty). Lines starting with `#` are comments.

/// The header line of a judgement file.
pub const HEADER: &str = "story\tentry\tduplicate_of\tact_correct\treason";

/// One judged timeline entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryJudgement {
    /// Story ID (`s:…`).
    pub story: String,
    /// The entry's index in the story's timeline as sampled.
    pub entry: usize,
    /// The index of an entry of the same story this one repeats.
    pub duplicate_of: Option<usize>,
    /// `Some(true)` the act is right, `Some(false)` wrong, `None` not judged yet.
    pub act_correct: Option<bool>,
    /// The reviewer's reason (may be empty).
    pub reason: String,
}

/// A judgement file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The header is not [`HEADER`].
    #[error("{file}: the header must be `story<TAB>entry<TAB>duplicate_of<TAB>act_correct<TAB>reason`, found {found:?}")]
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

/// The figures of a judged sample.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TimelineScore {
    /// Stories in the file.
    pub stories: usize,
    /// Entries judged (an act verdict given).
    pub entries: usize,
    /// Entries marked as repeating another.
    pub duplicates: usize,
    /// Entries whose act is right.
    pub correct: usize,
    /// Rows without a verdict.
    pub unjudged: usize,
}

impl TimelineScore {
    /// Share of judged entries that duplicate another (issue 12 target: at most 5 %).
    pub fn duplicate_rate(&self) -> f64 {
        ratio(self.duplicates, self.entries)
    }

    /// Act precision: share of judged entries whose act is right.
    pub fn act_precision(&self) -> f64 {
        ratio(self.correct, self.entries)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Parses a judgement file (`file` names it in errors).
pub fn parse_judgements(file: &str, text: &str) -> Result<Vec<EntryJudgement>, ReviewError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    match lines.next() {
        Some((_, h)) if h.trim_end() == HEADER => {}
        other => {
            return Err(ReviewError::Header {
                file: file.to_string(),
                found: other.map(|(_, l)| l.to_string()).unwrap_or_default(),
            })
        }
    }
    let mut out: Vec<EntryJudgement> = Vec::new();
    for (i, l) in lines {
        let row = |what: String| ReviewError::Row {
            file: file.to_string(),
            line: i + 1,
            what,
        };
        let cols: Vec<&str> = l.trim_end_matches(['\r', '\n']).split('\t').collect();
        if cols.len() < 4 {
            return Err(row(format!(
                "expected 5 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let story = cols[0].trim();
        if !story.starts_with("s:") {
            return Err(row(format!("`{story}` is not a story ID (s:…)")));
        }
        let entry: usize = cols[1]
            .trim()
            .parse()
            .map_err(|_| row(format!("entry `{}` is not an index", cols[1])))?;
        let duplicate_of = match cols[2].trim() {
            "" => None,
            d => {
                let d: usize = d
                    .parse()
                    .map_err(|_| row(format!("duplicate_of `{d}` is not an index")))?;
                if d == entry {
                    return Err(row(format!("entry {entry} cannot duplicate itself")));
                }
                Some(d)
            }
        };
        let act_correct = match cols[3].trim().to_ascii_lowercase().as_str() {
            "" => None,
            "yes" | "y" => Some(true),
            "no" | "n" => Some(false),
            v => {
                return Err(row(format!(
                    "act_correct must be yes, no or empty, found `{v}`"
                )))
            }
        };
        if out.iter().any(|j| j.story == story && j.entry == entry) {
            return Err(row(format!("{story} entry {entry} is judged twice")));
        }
        out.push(EntryJudgement {
            story: story.to_string(),
            entry,
            duplicate_of,
            act_correct,
            reason: cols.get(4).map_or("", |r| r.trim()).to_string(),
        });
    }
    for j in &out {
        if let Some(d) = j.duplicate_of {
            if !out.iter().any(|o| o.story == j.story && o.entry == d) {
                return Err(ReviewError::Row {
                    file: file.to_string(),
                    line: 0,
                    what: format!(
                        "{} entry {}: duplicate_of {d} is no entry of that story",
                        j.story, j.entry
                    ),
                });
            }
        }
    }
    Ok(out)
}

/// Scores judgements: an entry counts once it has an act verdict; a duplicate mark without
/// an act verdict is still counted as not judged.
pub fn score(js: &[EntryJudgement]) -> TimelineScore {
    let mut s = TimelineScore::default();
    let mut stories: Vec<&str> = js.iter().map(|j| j.story.as_str()).collect();
    stories.sort_unstable();
    stories.dedup();
    s.stories = stories.len();
    for j in js {
        match j.act_correct {
            None => s.unjudged += 1,
            Some(ok) => {
                s.entries += 1;
                s.correct += usize::from(ok);
                s.duplicates += usize::from(j.duplicate_of.is_some());
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_scores() {
        let t = format!(
            "# a comment\n{HEADER}\ns:a\t0\t\tyes\t\ns:a\t1\t0\tyes\tsame meeting\ns:a\t2\t\tno\twrong target\ns:b\t0\t\t\t\n"
        );
        let j = parse_judgements("x.tsv", &t).unwrap();
        assert_eq!(j.len(), 4);
        assert_eq!(j[1].duplicate_of, Some(0));
        let s = score(&j);
        assert_eq!(
            (s.stories, s.entries, s.duplicates, s.correct, s.unjudged),
            (2, 3, 1, 2, 1)
        );
        assert!((s.duplicate_rate() - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.act_precision() - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn bad_files_name_the_file_and_line() {
        let e = parse_judgements("x.tsv", "story\tid\n").unwrap_err();
        assert!(e.to_string().starts_with("x.tsv: the header"), "{e}");
        let e = parse_judgements("x.tsv", &format!("{HEADER}\ns:a\t0\t\tmaybe\t\n")).unwrap_err();
        assert!(e.to_string().starts_with("x.tsv:2:"), "{e}");
        let e = parse_judgements("x.tsv", &format!("{HEADER}\ns:a\t0\t0\tyes\t\n")).unwrap_err();
        assert!(e.to_string().contains("itself"), "{e}");
        let e = parse_judgements("x.tsv", &format!("{HEADER}\ns:a\t0\t3\tyes\t\n")).unwrap_err();
        assert!(e.to_string().contains("no entry"), "{e}");
        let e = parse_judgements("x.tsv", &format!("{HEADER}\ne:a\t0\t\tyes\t\n")).unwrap_err();
        assert!(e.to_string().contains("story ID"), "{e}");
    }
}
