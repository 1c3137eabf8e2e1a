//! Checking by text that an outlet really lacks a fact, before the comparison claims the
//! fact is unique to another outlet or missing from this one.
//!
//! The extractors miss much (an outlet may give a quote the quote stage did not find, or
//! a toll the number rules did not read), so "no cell in the matrix" is not evidence of
//! absence. A claim is made only when the outlet's texts themselves lack the fact:
//!
//! - a quote: fewer than 40 % of its content words (four letters or more; at least six
//!   of them) occur anywhere in the outlet's texts, and no passage naming its speaker
//!   shares three of them (a paraphrase);
//! - a number: the outlet gives no figure of that kind (`dead`, `injured`, …) and none of
//!   the figure's values occurs in its texts as a number;
//! - a named source the tagger resolved: neither its name, nor any of its words of four
//!   letters or more, nor the form the reporting outlet writes it in ("UN"), nor its
//!   written-out form or initials ("JCS" / "Joint Chiefs of Staff") occurs in the
//!   outlet's texts;
//! - acts and dates are not checked by text (their wording varies too much): they are
//!   never claimed unique or missing.

use crate::build::NumberCell;
use crate::load::{Doc, Loaded};
use crate::{Fact, SpanRef};
use std::collections::BTreeSet;

/// The fewest content words a quote needs for a text check.
const QUOTE_MIN_WORDS: usize = 6;
/// A text with at least this share of a quote's content words may carry the quote.
const QUOTE_PRESENT: f64 = 0.4;
/// The longest quote (chars) checked: longer "quotes" are usually a quote the quote
/// stage failed to close, running on into the narrative.
const QUOTE_MAX_CHARS: usize = 400;

/// What the texts of one outlet hold, prepared once.
pub(crate) struct OutletText {
    /// Lower-case text of all its articles.
    lower: String,
    /// Content words (four letters or more).
    words: BTreeSet<String>,
    /// Every number value in its texts.
    values: Vec<f64>,
    /// The texts as written, for initials ("JCS") that only upper case tells from words.
    cased: String,
    /// The initials of every run of two to six capitalised words ("Joint Chiefs of
    /// Staff" → "JCS", "CS"; small words inside a name are skipped), made on first use.
    initials: std::cell::OnceCell<BTreeSet<String>>,
}

impl OutletText {
    pub fn new(docs: &[&Doc]) -> Self {
        let mut lower = String::new();
        let mut values = Vec::new();
        for d in docs {
            lower.push_str(&d.analysis.text.to_lowercase());
            lower.push('\n');
            values.extend(crate::numbers::values_in(
                &d.analysis.text,
                d.analysis.lang.code(),
            ));
        }
        let words = long_words(&lower);
        let cased: String = docs
            .iter()
            .map(|d| d.analysis.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        OutletText {
            lower,
            words,
            values,
            cased,
            initials: std::cell::OnceCell::new(),
        }
    }
}

/// Small words that may stand inside an organisation's name ("Chiefs of Staff").
const NAME_LINKS: [&str; 5] = ["of", "the", "and", "for", "&"];

/// The initials of every run of 2–6 consecutive capitalised words of `text` (runs end at
/// punctuation; the small words of [`NAME_LINKS`] are skipped inside a run).
fn run_initials(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut run: Vec<char> = Vec::new();
    let mut flush = |run: &mut Vec<char>| {
        for i in 0..run.len() {
            for j in i + 2..=run.len().min(i + 6) {
                out.insert(run[i..j].iter().collect::<String>());
            }
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        // the full stop of "U.S." does not end the run
        let dotted = core.contains('.') && word.ends_with('.') && word.len() == core.len() + 1;
        let ends = !dotted && word.ends_with(|c: char| !c.is_alphanumeric() && c != '\'');
        match core.chars().next() {
            // "U.S." stands for two words
            Some(c) if c.is_uppercase() && core.contains('.') => {
                run.extend(core.chars().filter(|c| c.is_uppercase()))
            }
            Some(c) if c.is_uppercase() => run.push(c),
            _ if NAME_LINKS.contains(&core) && !run.is_empty() => {}
            _ => flush(&mut run),
        }
        if ends {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Is `acronym` (2–6 capitals, "JCS", "USGS") written out in a text whose run initials
/// are `initials` ("Joint Chiefs of Staff", "U.S. Geological Survey")? Only the whole
/// acronym counts: a partial match ("LA" of "KTLA" in "Los Angeles") names something else.
fn acronym_written_out(acronym: &str, initials: &BTreeSet<String>) -> bool {
    initials.contains(acronym)
}

/// Is `name` an acronym (two to six capital letters)?
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// The initials of a name of three or more capitalised words ("Joint Chiefs of Staff" →
/// "JCS"), which another outlet may write instead.
fn initials_of(name: &str) -> Option<String> {
    let caps: String = name
        .split_whitespace()
        .filter(|w| !NAME_LINKS.contains(w))
        .map(|w| w.chars().next())
        .collect::<Option<String>>()?;
    (caps.chars().count() >= 3 && caps.chars().all(char::is_uppercase)).then_some(caps)
}

fn long_words(t: &str) -> BTreeSet<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

/// The text of a span.
fn span_text(l: &Loaded, s: &SpanRef) -> String {
    l.doc(&s.article)
        .map(|d| crate::tokens::slice(&d.analysis.text, s.start, s.end))
        .unwrap_or_default()
}

/// Is most of a quote's words capitalised ("An Evening with Isaac Newton and Catherine
/// Barton", "Why Did Equifax Use A Domain …")? Statements are written in sentence case;
/// titles of talks, books and headlines are not.
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}

/// Is the span inside a photo gallery's captions left in its article's text?
fn in_gallery(l: &Loaded, span: &SpanRef) -> bool {
    l.docs
        .iter()
        .find(|d| d.id == span.article)
        .is_some_and(|d| crate::sources::in_caption_gallery(&d.analysis.text, span.start))
}

/// Is the span a direct quote (in quotation marks) of its article? Indirect speech is
/// bounded too loosely by the quote stage ("said to be contacting …") to claim.
fn direct_quote(l: &Loaded, span: &SpanRef) -> bool {
    l.doc(&span.article).is_some_and(|d| {
        d.analysis
            .quotes
            .iter()
            .any(|q| q.start == span.start && q.end == span.end && q.direct)
    })
}

/// What to look for in a text to tell whether it carries a fact, prepared once per fact.
pub(crate) enum Probe {
    /// A quote's content words, and the words of its speaker's name (lower case, three
    /// letters or more: "Tan"; empty when the speaker is unnamed).
    Quote {
        words: BTreeSet<String>,
        speaker: Vec<String>,
    },
    /// A count's kind and the figures the reporting outlets give.
    Number { kind: String, figures: Vec<f64> },
    /// A source's name in lower case, its words of four letters or more, and the forms
    /// the reporting outlet writes it in ("UN" for "Perserikatan Bangsa-Bangsa").
    Source {
        name: String,
        words: Vec<String>,
        surfaces: Vec<String>,
        /// Upper-case forms: the name when it is an acronym ("JCS"), else its initials
        /// ("Joint Chiefs of Staff" → "JCS").
        acronym: Option<String>,
        initials: Option<String>,
    },
    /// Not checkable by text.
    Unknown,
}

/// The kind of a count (`dead/personnel` → `dead`).
fn kind_of(counts: &str) -> &str {
    counts.split('/').next().unwrap_or(counts)
}

impl Probe {
    pub fn of(fact: &Fact, l: &Loaded, nums: &[NumberCell]) -> Probe {
        match fact.kind.as_str() {
            "quote" => {
                let Some(span) = fact.cells.first().and_then(|c| c.spans.first()) else {
                    return Probe::Unknown;
                };
                if span.end.saturating_sub(span.start) > QUOTE_MAX_CHARS || !direct_quote(l, span) {
                    return Probe::Unknown;
                }
                let text = span_text(l, span);
                // a quote mark inside the quote: the quote stage joined or split quotes
                if text.contains(['"', '“', '”']) || text.contains("''") {
                    return Probe::Unknown;
                }
                // a title in quotation marks (a lecture, a headline) is no statement, and
                // a quote in a photo gallery's captions belongs to another story
                if title_case(&text) || in_gallery(l, span) {
                    return Probe::Unknown;
                }
                let words = long_words(&text);
                if words.len() < QUOTE_MIN_WORDS {
                    Probe::Unknown
                } else {
                    let speaker = fact
                        .cells
                        .first()
                        .and_then(|c| c.value.as_deref())
                        .filter(|v| !v.starts_with('('))
                        .map(|v| {
                            v.split(|c: char| !c.is_alphanumeric())
                                .filter(|w| w.chars().count() >= 3)
                                .map(str::to_lowercase)
                                .collect()
                        })
                        .unwrap_or_default();
                    Probe::Quote { words, speaker }
                }
            }
            "number" => {
                let unit = fact.key.rsplit('/').next().unwrap_or("");
                // measures, and money nothing says the purpose of ("$29", "£180" that
                // may be a weight), are not claimed
                let bare_money =
                    fact.key.starts_with("money:") && fact.key.matches(':').count() < 2;
                if crate::discrepancy::MEASURES.contains(&unit)
                    || bare_money
                    || fact.key.starts_with(crate::numbers::OF)
                {
                    return Probe::Unknown;
                }
                let figures: Vec<f64> = nums
                    .iter()
                    .filter(|n| n.number.counts == fact.key)
                    .map(|n| n.number.value)
                    .collect();
                if figures.is_empty() {
                    return Probe::Unknown;
                }
                Probe::Number {
                    kind: kind_of(&fact.key).to_string(),
                    figures,
                }
            }
            // only persons and organisations the tagger resolved: a capitalised run after
            // a cue may be a weekday or a sentence start ("said Tuesday. In …"), and a
            // place ("Afghan officials said") is not a named source
            "source" if fact.key.starts_with("per:") || fact.key.starts_with("org:") => {
                let written = fact.label.strip_prefix("source: ").unwrap_or(&fact.label);
                let written = written.trim();
                let acronym = is_acronym(written).then(|| written.to_string());
                let initials = initials_of(written);
                let name = written.to_lowercase();
                // a name across a sentence break ("Tuesday. In") is a tagging slip
                if name.chars().count() < 3 || name.contains(". ") {
                    return Probe::Unknown;
                }
                // every word of four letters or more: "Ramon Fonseca Mora" is present
                // where "Ramon Fonseca" is
                let words: Vec<String> = name
                    .split_whitespace()
                    .filter(|w| w.chars().count() >= 4)
                    .map(str::to_string)
                    .collect();
                let mut surfaces: Vec<String> = fact
                    .cells
                    .iter()
                    .flat_map(|c| &c.spans)
                    .map(|sp| span_text(l, sp).to_lowercase())
                    .filter(|t| t.chars().count() >= 2)
                    .collect();
                surfaces.sort();
                surfaces.dedup();
                Probe::Source {
                    name,
                    words,
                    surfaces,
                    acronym,
                    initials,
                }
            }
            _ => Probe::Unknown,
        }
    }

    /// Does this outlet's text lack the fact? `None` when it cannot be told by text.
    /// `kinds` are the count kinds the outlet gives figures for.
    pub fn lacks(&self, text: &OutletText, kinds: &BTreeSet<&str>) -> Option<bool> {
        match self {
            Probe::Quote { words, speaker } => {
                let shared = words.iter().filter(|w| text.words.contains(*w)).count();
                Some(
                    (shared as f64) < QUOTE_PRESENT * words.len() as f64
                        && !paraphrased(words, speaker, &text.lower),
                )
            }
            Probe::Number { kind, figures } => Some(
                !kinds.contains(kind.as_str()) && !figures.iter().any(|f| text.values.contains(f)),
            ),
            Probe::Source {
                name,
                words,
                surfaces,
                acronym,
                initials,
            } => Some(
                !text.lower.contains(name.as_str())
                    && !words.iter().any(|w| text.lower.contains(w.as_str()))
                    && !surfaces.iter().any(|f| whole_word_in(&text.lower, f))
                    && !acronym.as_ref().is_some_and(|a| {
                        acronym_written_out(
                            a,
                            text.initials.get_or_init(|| run_initials(&text.cased)),
                        )
                    })
                    && !initials
                        .as_ref()
                        .is_some_and(|i| whole_word_in(&text.cased, i)),
            ),
            Probe::Unknown => None,
        }
    }
}

/// The fewest content words of a quote that a sentence about its speaker must share to
/// be taken for a paraphrase of it.
const PARAPHRASE_MIN_SHARED: usize = 3;

/// Does a text report the quote in other words? It does when a passage naming the
/// speaker (the sentence with the name and the next one: "Mr. Tan argued … He also
/// dismissed concerns about antitrust issues") shares at least
/// [`PARAPHRASE_MIN_SHARED`] of the quote's content words (compared by their first five
/// letters), function words and the speaker's own name aside ("leading her to a steam room" for Thurman's account of the
/// steam room). `lower` is the lower-case text.
fn paraphrased(words: &BTreeSet<String>, speaker: &[String], lower: &str) -> bool {
    if speaker.is_empty() {
        return false;
    }
    let Ok(lx) = crate::lexicon::lexicon() else {
        return false;
    };
    let function =
        |w: &str| lx.en.function.iter().any(|f| f == w) || lx.id.function.iter().any(|f| f == w);
    let content: BTreeSet<String> = words
        .iter()
        .filter(|w| !speaker.contains(w) && !function(w))
        .map(|w| stem(w))
        .collect();
    speaker.iter().any(|name| {
        lower.match_indices(name.as_str()).any(|(b, _)| {
            let whole = !lower[..b]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !lower[b + name.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !whole {
                return false;
            }
            let passage = passage_around(lower, b, b + name.len());
            let near: BTreeSet<String> = long_words(passage).iter().map(|w| stem(w)).collect();
            content.intersection(&near).count() >= PARAPHRASE_MIN_SHARED
        })
    })
}

/// A word's first five letters: a crude stem, so "issue" and "issues", "regret" and
/// "regretted" match.
fn stem(w: &str) -> String {
    w.chars().take(5).collect()
}

/// The sentence around bytes `s..e` of `text` and the sentence after it.
fn passage_around(text: &str, s: usize, e: usize) -> &str {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = text[..s].rfind(ends).map_or(0, |i| i + 1);
    let mut end = e;
    for _ in 0..2 {
        match text[end..].find(ends) {
            Some(i) => end += i + 1,
            None => {
                end = text.len();
                break;
            }
        }
    }
    &text[start..end]
}

/// Does `form` occur in `text` as a whole word (not inside another word)?
fn whole_word_in(text: &str, form: &str) -> bool {
    text.match_indices(form).any(|(b, _)| {
        let before = text[..b].chars().next_back();
        let after = text[b + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The count kinds each outlet gives figures for.
pub(crate) fn kinds_by_outlet(
    nums: &[NumberCell],
) -> std::collections::BTreeMap<&str, BTreeSet<&str>> {
    let mut m: std::collections::BTreeMap<&str, BTreeSet<&str>> = Default::default();
    for n in nums {
        m.entry(n.outlet.as_str())
            .or_default()
            .insert(kind_of(&n.number.counts));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::{acronym_written_out, initials_of, paraphrased, run_initials, title_case};
    use std::collections::BTreeSet;

    fn words(t: &str) -> BTreeSet<String> {
        super::long_words(t)
    }

    #[test]
    fn a_paraphrase_near_the_speaker_counts_as_the_quote() {
        let quote = words("There is no antitrust issue. The overlap is very limited in this transaction, and regulators will agree");
        let tan = vec!["tan".to_string()];
        let other = "mr. tan argued that talks with regulators went well. he also dismissed concerns about antitrust issues.";
        assert!(paraphrased(&quote, &tan, other));
        // the same words, but nowhere near the speaker's name
        let far = "mr. tan flew home. the weather was fine. later, analysts dismissed concerns about antitrust issues and regulators.";
        assert!(!paraphrased(&quote, &tan, far));
        // an unnamed speaker cannot be looked for
        assert!(!paraphrased(&quote, &[], other));
        // a name inside another word is not the speaker ("tan" in "important")
        let inside = "an important point: regulators dismissed antitrust issues.";
        assert!(!paraphrased(&quote, &tan, inside));
    }

    #[test]
    fn acronyms_and_their_long_forms() {
        let runs = run_initials(
            "It fired, according to South Korea's Joint Chiefs of Staff. The U.S. Geological Survey in Los Angeles said.",
        );
        assert!(acronym_written_out("JCS", &runs));
        assert!(acronym_written_out("USGS", &runs));
        assert!(!acronym_written_out("KTLA", &runs));
        assert!(!acronym_written_out("NHK", &runs));
        assert!(!acronym_written_out("UN", &runs));
        assert_eq!(initials_of("Joint Chiefs of Staff").as_deref(), Some("JCS"));
        assert_eq!(initials_of("Ramon Fonseca").as_deref(), None);
    }

    #[test]
    fn titles_are_not_statements() {
        assert!(title_case(
            "An Evening with Isaac Newton and Catherine Barton"
        ));
        assert!(title_case(
            "Why Did Equifax Use A Domain That Is So Easily Impersonated"
        ));
        assert!(!title_case(
            "We will rebuild the bridge before the rainy season, Rudi said"
        ));
        assert!(!title_case("Kami masih mencari dua korban di Garut"));
    }
}
