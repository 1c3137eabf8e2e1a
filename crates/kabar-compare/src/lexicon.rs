//! The word lists of `data/` (number words, what numbers count, source cues, news
//! agencies), parsed once. They are embedded in the binary, so a malformed line is a
//! build-time mistake; it is still reported as a typed error naming the file and line.

use crate::LexiconError as CompareError;
use std::collections::HashMap;
use std::sync::OnceLock;

const NUMBERS: &str = include_str!("../data/numbers.tsv");
const COUNTS: &str = include_str!("../data/counts.tsv");
const SOURCES: &str = include_str!("../data/sources.tsv");
const WIRES: &str = include_str!("../data/wires.tsv");
const QUOTES: &str = include_str!("../data/quotes.tsv");

/// A phrase of one or more lower-case words.
pub(crate) type Phrase = Vec<String>;

/// The word lists of one language.
#[derive(Debug, Default)]
pub(crate) struct LangLex {
    pub words: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    /// (phrase, category) by role.
    pub units: Vec<(Phrase, String)>,
    pub cues: Vec<(Phrase, String)>,
    pub currencies: Vec<(Phrase, String)>,
    pub purposes: Vec<(Phrase, String)>,
    pub modifiers: Vec<(Phrase, String)>,
    pub skip: Vec<String>,
    /// Words that never name what a bare number counts ("dua kali", "two of").
    pub noncount: Vec<String>,
    /// Words right before a number that make it an age ("aged 44").
    pub age: Vec<String>,
    pub attribution: Vec<Phrase>,
    /// Attribution cues whose source only stands before them ("X told reporters": the
    /// name after "told" is who was told).
    pub attribution_before: Vec<Phrase>,
    /// Attribution cues whose source usually stands before them ("Smith said Thursday"):
    /// the name before is tried first, then the name after ("said Smith").
    pub attribution_prefer_before: Vec<Phrase>,
    /// Capitalised words that start no source name the tagger did not find (days,
    /// months, sentence openers).
    pub not_name: Vec<String>,
    /// Words that may stand between a source's name and the cue after it ("juga").
    pub between: Vec<String>,
    /// Words before a name that make it an affiliation, not a source ("at MIT").
    pub affiliation: Vec<Phrase>,
    pub credit: Vec<Phrase>,
    /// Common nouns that make a capitalised name beside them a body ("Slidell police
    /// said", "corporation Energiya confirmed"), longest first.
    pub body: Vec<Phrase>,
    /// Words joining a body to its place ("the Weather Service in Gray").
    pub locative: Vec<String>,
    /// Words after which a cue word is an adjective ("a reported interest").
    pub determiner: Vec<String>,
    /// Verb forms that, right after the name following a cue, make the name the subject
    /// of the reported clause ("he said resident Erica Hawkins saw the car").
    pub clause_verb: Vec<String>,
    /// Words of four letters or more that say nothing of what a statement is about
    /// ("because", "bahwa"): not evidence that another outlet paraphrases a quote.
    pub function: Vec<String>,
}

/// A news agency's surface form.
#[derive(Debug, Clone)]
pub(crate) struct Wire {
    pub name: String,
    pub form: String,
    pub strict: bool,
}

/// Every list.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub id: LangLex,
    pub en: LangLex,
    pub wires: Vec<Wire>,
}

impl Lexicon {
    /// The lists for a language code (`en`, else Indonesian).
    pub fn lang(&self, code: &str) -> &LangLex {
        if code == "en" {
            &self.en
        } else {
            &self.id
        }
    }
}

static LEXICON: OnceLock<Result<Lexicon, CompareError>> = OnceLock::new();

/// The parsed lists.
pub(crate) fn lexicon() -> Result<&'static Lexicon, CompareError> {
    LEXICON
        .get_or_init(parse_all)
        .as_ref()
        .map_err(Clone::clone)
}

fn rows(
    file: &'static str,
    text: &'static str,
    cols: usize,
) -> impl Iterator<Item = Result<(usize, Vec<&'static str>), CompareError>> {
    text.lines().enumerate().filter_map(move |(i, l)| {
        let l = l.trim_end();
        if l.is_empty() || l.starts_with('#') {
            return None;
        }
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() != cols {
            return Some(Err(CompareError {
                file,
                line: i + 1,
                message: format!("expected {cols} tab-separated fields, found {}", f.len()),
            }));
        }
        Some(Ok((i + 1, f)))
    })
}

fn phrase(s: &str) -> Phrase {
    s.split_whitespace().map(str::to_lowercase).collect()
}

fn parse_all() -> Result<Lexicon, CompareError> {
    let mut lx = Lexicon::default();
    for r in rows("data/numbers.tsv", NUMBERS, 4) {
        let (line, f) = r?;
        let value: f64 = f[3].parse().map_err(|_| CompareError {
            file: "data/numbers.tsv",
            line,
            message: format!("{:?} is not a number", f[3]),
        })?;
        let l = lang_mut(&mut lx, "data/numbers.tsv", line, f[0])?;
        match f[1] {
            "word" => l.words.insert(f[2].to_lowercase(), value),
            "scale" => l.scales.insert(f[2].to_lowercase(), value),
            k => return Err(bad_kind("data/numbers.tsv", line, k)),
        };
    }
    for r in rows("data/counts.tsv", COUNTS, 4) {
        let (line, f) = r?;
        let l = lang_mut(&mut lx, "data/counts.tsv", line, f[0])?;
        let entry = (phrase(f[2]), f[3].to_string());
        match f[1] {
            "unit" => l.units.push(entry),
            "cue" => l.cues.push(entry),
            "currency" => l.currencies.push(entry),
            "purpose" => l.purposes.push(entry),
            "modifier" => l.modifiers.push(entry),
            "skip" => l.skip.push(f[2].to_lowercase()),
            "noncount" => l.noncount.push(f[2].to_lowercase()),
            "age" => l.age.push(f[2].to_lowercase()),
            k => return Err(bad_kind("data/counts.tsv", line, k)),
        }
    }
    for r in rows("data/sources.tsv", SOURCES, 3) {
        let (line, f) = r?;
        let l = lang_mut(&mut lx, "data/sources.tsv", line, f[0])?;
        match f[1] {
            "attribution" => l.attribution.push(phrase(f[2])),
            "attribution-before" => {
                l.attribution.push(phrase(f[2]));
                l.attribution_before.push(phrase(f[2]));
            }
            "attribution-prefer-before" => {
                l.attribution.push(phrase(f[2]));
                l.attribution_prefer_before.push(phrase(f[2]));
            }
            "credit" => l.credit.push(phrase(f[2])),
            "between" => l.between.push(f[2].to_lowercase()),
            "not-a-name" => l.not_name.push(f[2].to_lowercase()),
            "affiliation" => l.affiliation.push(phrase(f[2])),
            "body-word" => l.body.push(phrase(f[2])),
            "locative" => l.locative.push(f[2].to_lowercase()),
            "determiner" => l.determiner.push(f[2].to_lowercase()),
            "clause-verb" => l.clause_verb.push(f[2].to_lowercase()),
            k => return Err(bad_kind("data/sources.tsv", line, k)),
        }
    }
    for r in rows("data/quotes.tsv", QUOTES, 3) {
        let (line, f) = r?;
        let l = lang_mut(&mut lx, "data/quotes.tsv", line, f[0])?;
        match f[1] {
            "function" => l.function.push(f[2].to_lowercase()),
            k => return Err(bad_kind("data/quotes.tsv", line, k)),
        }
    }
    for r in rows("data/wires.tsv", WIRES, 3) {
        let (line, f) = r?;
        let strict = match f[2] {
            "yes" => true,
            "no" => false,
            k => return Err(bad_kind("data/wires.tsv", line, k)),
        };
        lx.wires.push(Wire {
            name: f[0].to_string(),
            form: f[1].to_string(),
            strict,
        });
    }
    // longest phrases first, so "meninggal dunia" wins over "meninggal"
    for l in [&mut lx.id, &mut lx.en] {
        for v in [
            &mut l.units,
            &mut l.cues,
            &mut l.currencies,
            &mut l.purposes,
            &mut l.modifiers,
        ] {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        l.attribution.sort_by_key(|p| std::cmp::Reverse(p.len()));
        l.credit.sort_by_key(|p| std::cmp::Reverse(p.len()));
        l.body.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    Ok(lx)
}

fn lang_mut<'a>(
    lx: &'a mut Lexicon,
    file: &'static str,
    line: usize,
    code: &str,
) -> Result<&'a mut LangLex, CompareError> {
    match code {
        "id" => Ok(&mut lx.id),
        "en" => Ok(&mut lx.en),
        other => Err(CompareError {
            file,
            line,
            message: format!("unknown language {other:?}"),
        }),
    }
}

fn bad_kind(file: &'static str, line: usize, kind: &str) -> CompareError {
    CompareError {
        file,
        line,
        message: format!("unknown kind {kind:?}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_data_files_parse() {
        let lx = super::lexicon().expect("data files parse");
        assert_eq!(lx.id.scales["triliun"], 1e12);
        assert!(lx
            .en
            .cues
            .iter()
            .any(|(p, c)| p == &["death", "toll"] && c == "dead"));
        assert!(lx.wires.iter().any(|w| w.name == "Antara" && w.strict));
    }
}
