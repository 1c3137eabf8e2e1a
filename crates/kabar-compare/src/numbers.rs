//! Numbers with a unit and what they count: "12 orang tewas", "menewaskan sedikitnya 12
//! orang", "Rp 5 triliun", "300 personel", "at least 40 people were killed",
//! "US$2.5 million in losses". A number counts something only when a word list of
//! `data/counts.tsv` says what (a cue, a unit with a category, or a currency); bare
//! numbers, years and dates are left out.

use crate::lexicon::LangLex;
use crate::tokens::{phrase_at, Tok};
use serde::Serialize;

/// A number found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberMention {
    /// Char offset where the expression starts (modifier or currency included).
    pub start: usize,
    /// Char offset where it ends (exclusive).
    pub end: usize,
    /// The value (scales applied: "5 triliun" is 5e12).
    pub value: f64,
    /// What is counted: `dead`, `injured`, `personnel`, … or `money:<purpose>:<currency>`
    /// (`money:<currency>` when nothing says what the money is).
    pub counts: String,
    /// The unit word as written in the list (`orang`, `personel`, `IDR`), if any.
    pub unit: Option<String>,
    /// An approximation before the number: `at_least`, `more_than`, `approx`, `at_most`.
    pub modifier: Option<String>,
    /// The cue words that say what happened to what is counted, as written in lower case
    /// (`tewas`, `killed`); null when only a unit or a currency says it.
    pub cue: Option<String>,
}

/// Parses a digit string with the separators of its language: Indonesian writes
/// `1.200,5`, English `1,200.5`. Hand-written: no crate reads both conventions.
pub(crate) fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    if s.is_empty() || s.len() > 24 || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let normal: String = match (dots, commas) {
        (0, 0) => s.to_string(),
        (_, 0) => {
            if (lang != "en" || dots > 1) && groups_of_three('.') {
                s.replace('.', "")
            } else if dots == 1 {
                s.to_string()
            } else {
                return None;
            }
        }
        (0, _) => {
            if (lang == "en" || commas > 1) && groups_of_three(',') {
                s.replace(',', "")
            } else if commas == 1 {
                s.replace(',', ".")
            } else {
                return None;
            }
        }
        _ => {
            // both: the later one is the decimal mark
            let (dec, thou) = if s.rfind(',') > s.rfind('.') {
                (',', '.')
            } else {
                ('.', ',')
            };
            s.replace(thou, "").replace(dec, ".")
        }
    };
    normal.parse().ok()
}

/// The currency written glued to a number ("Rp5.000", "US$3"), and the rest.
fn split_currency<'a>(t: &'a str, lex: &LangLex) -> Option<(String, &'a str)> {
    let lower = t.to_lowercase();
    lex.currencies
        .iter()
        .filter(|(p, _)| {
            p.len() == 1 && lower.starts_with(p[0].as_str()) && lower.len() > p[0].len()
        })
        .max_by_key(|(p, _)| p[0].len())
        .and_then(|(p, code)| {
            let rest = t.get(p[0].len()..)?;
            rest.starts_with(|c: char| c.is_ascii_digit())
                .then(|| (code.clone(), rest))
        })
}

/// The value of the number at token `i` and how many tokens it takes.
fn number_at(
    toks: &[Tok],
    i: usize,
    lex: &LangLex,
    lang: &str,
) -> Option<(f64, usize, Option<String>)> {
    let t = &toks[i];
    let (mut value, currency) = if let Some((code, rest)) = split_currency(&t.text, lex) {
        (parse_digits(rest, lang)?, Some(code))
    } else if let Some(v) = parse_digits(&t.text, lang) {
        (v, None)
    } else {
        (*lex.words.get(&t.lower)?, None)
    };
    let mut used = 1;
    if let Some(s) = toks.get(i + 1).and_then(|n| lex.scales.get(&n.lower)) {
        value *= s;
        used += 1;
    }
    Some((value, used, currency))
}

/// Is a number here part of a date, a time or a year the time tagger found?
fn in_spans(t: &Tok, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| t.start < e && s < t.end)
}

/// Finds the counted numbers of a text. `skip` are char spans (dates and times) whose
/// numbers are not counts.
pub fn extract_numbers(text: &str, lang: &str, skip: &[(usize, usize)]) -> Vec<NumberMention> {
    let Ok(lx) = crate::lexicon::lexicon() else {
        return Vec::new();
    };
    let lex = lx.lang(lang);
    let toks = crate::tokens::tokenize(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_count(&chars, &toks, i, lex, lang, skip) {
            Some((m, next)) => {
                out.push(m);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// Every number of a text, counted or not ("12", "twelve", "Rp 5 triliun" as 5e12), for
/// checking whether a text mentions a figure at all.
pub(crate) fn values_in(text: &str, lang: &str) -> Vec<f64> {
    let Ok(lx) = crate::lexicon::lexicon() else {
        return Vec::new();
    };
    let lex = lx.lang(lang);
    let toks = crate::tokens::tokenize(text);
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        let bare = split_currency(&t.text, lex)
            .and_then(|(_, rest)| parse_digits(rest, lang))
            .or_else(|| parse_digits(&t.text, lang))
            .or_else(|| lex.words.get(&t.lower).copied());
        if let Some(v) = bare {
            out.push(v);
        }
        if let Some((v, _, _)) = number_at(&toks, i, lex, lang) {
            out.push(v);
        }
    }
    out
}

/// Reads one counted number starting at token `i`, and the token after it.
fn read_count(
    text: &[char],
    toks: &[Tok],
    i: usize,
    lex: &LangLex,
    lang: &str,
    skip: &[(usize, usize)],
) -> Option<(NumberMention, usize)> {
    if in_spans(&toks[i], skip) {
        return None;
    }
    // a currency as its own token before the number: "Rp 5 triliun", "US$ 3"
    let (pre_currency, num_at) = match phrase_at(toks, i, &lex.currencies) {
        Some((n, code))
            if toks
                .get(i + n)
                .is_some_and(|t| parse_digits(&t.text, lang).is_some()) =>
        {
            (Some(code.to_string()), i + n)
        }
        _ => (None, i),
    };
    // "no one was injured" is nobody, not one; "aged 44" is an age
    if num_at > 0
        && (matches!(toks[num_at - 1].lower.as_str(), "no" | "tidak" | "tak")
            || lex.age.contains(&toks[num_at - 1].lower))
    {
        return None;
    }
    let (value, used, glued) = number_at(toks, num_at, lex, lang)?;
    if is_age_or_split(toks, num_at, text) {
        return None;
    }
    let mut k = num_at + used;
    let mut currency = pre_currency.or(glued);
    // a currency after the number: "5 triliun rupiah"
    if currency.is_none() {
        if let Some((n, code)) = phrase_at(toks, k, &lex.currencies) {
            currency = Some(code.to_string());
            k += n;
        }
    }
    let mut unit = None;
    let mut unit_cat = None;
    if currency.is_none() {
        if let Some((n, cat)) = phrase_at(toks, k, &lex.units) {
            unit = Some(
                toks[k..k + n]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            if cat != "-" {
                unit_cat = Some(cat.to_string());
            }
            k += n;
        }
    }
    // "two villagers slightly injured": a plural noun the lists do not know may stand
    // between the number and its cue. It is what is counted, as itself (`of:`): placed
    // in the matrix, never claimed or compared, since villages destroyed and people
    // injured are not one count
    let mut noun_between = false;
    if unit.is_none() && currency.is_none() && cue_after(text, toks, k, lex).is_none() {
        if let Some((noun, at)) = counted_noun(text, toks, k, lex, lang) {
            if cue_after(text, toks, at, lex).is_some() {
                unit = Some(noun);
                k = at;
                noun_between = true;
            }
        }
    }
    let end_tok = k;
    // people and things are counted in whole numbers: "6.1" with no scale word ("juta",
    // "million") and no money or measuring unit is a magnitude or a score, not a count
    let scaled = used > 1;
    let measured = unit_cat
        .as_deref()
        .is_some_and(|c| !matches!(c, "personnel" | "houses" | "families"));
    if value.fract() != 0.0 && currency.is_none() && !scaled && !measured {
        return None;
    }
    let cue_after = cue_after(text, toks, k, lex);
    let back = i.saturating_sub(5);
    let cue_before = || cue_before(text, toks, back, i, lex);
    let mut cue = None;
    let counts = if let Some(code) = &currency {
        match purpose_before(toks, back, i, lex) {
            Some(p) => format!("money:{p}:{code}"),
            None => format!("money:{code}"),
        }
    } else {
        // what happened (the cue) and to what (a unit with a category): "dead/personnel"
        // for soldiers killed, never mixed with troops deployed
        cue = cue_after
            .clone()
            .or_else(cue_before)
            .filter(|_| !noun_between);
        match (cue.as_ref().map(|(_, c)| c.clone()), unit_cat) {
            _ if noun_between => format!("{OF}{}", unit.as_deref().unwrap_or_default()),
            (Some(c), Some(u)) => format!("{c}/{u}"),
            (Some(c), None) => c,
            (None, Some(u)) => u,
            (None, None) => {
                let word = toks[num_at].text.chars().all(char::is_alphabetic);
                // "one" and "satu" are mostly not counts ("one of", "salah satu"); a
                // four-digit figure in the years' range is a year
                let year = toks[num_at].text.len() == 4 && (1800.0..=2100.0).contains(&value);
                // ("one person" with a listed unit is a count)
                if (word && value < 2.0 && unit.is_none()) || year {
                    return None;
                }
                let (noun, at) = match &unit {
                    Some(u) => (u.clone(), end_tok),
                    None => counted_noun(text, toks, k, lex, lang)?,
                };
                let modifier = modifier_before(toks, i, lex);
                let m = NumberMention {
                    start: modifier.as_ref().map_or(toks[i].start, |(s, _)| *s),
                    end: toks[at - 1].end,
                    value,
                    counts: format!("{OF}{noun}"),
                    unit: Some(noun),
                    modifier: modifier.map(|(_, m)| m),
                    cue: None,
                };
                return Some((m, at));
            }
        }
    };
    // a bare number word with no unit ("satu", "one") counts only next to its cue
    if unit.is_none() && currency.is_none() && toks[num_at].text.chars().all(char::is_alphabetic) {
        cue_after?;
    }
    let modifier = modifier_before(toks, i, lex);
    let start = modifier.as_ref().map_or(toks[i].start, |(s, _)| *s);
    let unit = unit.or_else(|| currency.clone());
    Some((
        NumberMention {
            start,
            end: toks[end_tok - 1].end,
            value,
            counts,
            unit,
            modifier: modifier.map(|(_, m)| m),
            cue: cue.map(|(w, _)| w),
        },
        end_tok,
    ))
}

/// The prefix of what a number counts when no cue or listed unit says it and the noun
/// after the number is taken as it is ("2.000 tenda" → `of:tenda`): such counts are
/// placed in the matrix but never claimed unique or compared as discrepancies, since
/// nothing says what happened to what is counted.
pub const OF: &str = "of:";

/// The noun a bare number counts and the token after it: Indonesian the next word
/// ("dua partai"), English the first plural within three lower-case words ("two possible
/// gang members"). Function words and time words (`noncount` in data/counts.tsv) are not
/// nouns counted.
fn counted_noun(
    text: &[char],
    toks: &[Tok],
    k: usize,
    lex: &LangLex,
    lang: &str,
) -> Option<(String, usize)> {
    // the noun follows the number with only a space between: in "… 10 eksportir," tambah
    // Purbaya" the word after the quote is the reporting verb, not what is counted
    let next = toks.get(k)?;
    let gap_start = k.checked_sub(1).map_or(next.start, |p| toks[p].end);
    if !text[gap_start..next.start]
        .iter()
        .all(|c| c.is_whitespace())
    {
        return None;
    }
    let plain = |t: &Tok| {
        t.text.chars().count() >= 3
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() && c.is_lowercase())
            && !lex.noncount.contains(&t.lower)
    };
    if lang != "en" {
        let t = toks.get(k)?;
        return plain(t).then(|| (t.lower.clone(), k + 1));
    }
    // "two New York City subway work trains": a name may stand before the noun phrase
    let names = toks[k.min(toks.len())..]
        .iter()
        .take(4)
        .take_while(|t| t.text.starts_with(|c: char| c.is_uppercase()))
        .count();
    let k = k + names;
    for (j, t) in toks.iter().enumerate().skip(k).take(3) {
        if !plain(t) {
            return None;
        }
        if t.lower.ends_with('s') && !t.lower.ends_with("ss") && t.lower.len() >= 4 {
            return Some((t.lower.clone(), j + 1));
        }
    }
    None
}

/// The words of tokens `[k, k + n)` in lower case.
fn words(toks: &[Tok], k: usize, n: usize) -> String {
    toks[k..k + n]
        .iter()
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is the number at `i` an age between commas ("Robert Buckley, 32, died") or a part of
/// a figure split by a space after its thousands separator ("1, 500", "some 1, 600"),
/// which cannot be read safely?
fn is_age_or_split(toks: &[Tok], i: usize, text: &[char]) -> bool {
    let t = &toks[i];
    let before = |n: usize| t.start.checked_sub(n).and_then(|k| text.get(k)).copied();
    let after = |n: usize| text.get(t.end + n).copied();
    let age = before(2) == Some(',') && before(1) == Some(' ') && after(0) == Some(',');
    let three_digits = |x: &Tok| x.text.len() == 3 && x.text.chars().all(|c| c.is_ascii_digit());
    // "1, 500": this token, a comma, a space, then three digits
    let split_head = after(0) == Some(',')
        && after(1) == Some(' ')
        && toks
            .get(i + 1)
            .is_some_and(|n| n.start == t.end + 2 && three_digits(n));
    // "500" of "1, 500"
    let split_tail = three_digits(t)
        && before(1) == Some(' ')
        && before(2) == Some(',')
        && i > 0
        && toks[i - 1].end + 2 == t.start
        && toks[i - 1].text.chars().all(|c| c.is_ascii_digit());
    age || split_head || split_tail
}

/// A cue within three tokens after the number or its unit, over skip words: its words
/// and its category.
fn cue_after(text: &[char], toks: &[Tok], from: usize, lex: &LangLex) -> Option<(String, String)> {
    for k in from..(from + 3).min(toks.len()) {
        // a cue after a comma or a full stop is another clause's ("killed at least six
        // people, injured almost 50")
        if k > 0
            && text[toks[k - 1].end..toks[k].start]
                .iter()
                .any(|c| matches!(c, ',' | '.' | ';'))
        {
            return None;
        }
        if let Some((n, cat)) = phrase_at(toks, k, &lex.cues) {
            return Some((words(toks, k, n), cat.to_string()));
        }
        if !lex.skip.contains(&toks[k].lower) {
            return None;
        }
    }
    None
}

/// The nearest cue in the tokens `[from, to)` before a number.
/// The search stops at an earlier number: its cue is that number's.
fn cue_before(
    text: &[char],
    toks: &[Tok],
    from: usize,
    to: usize,
    lex: &LangLex,
) -> Option<(String, String)> {
    let is_number = |t: &Tok| {
        t.text.starts_with(|c: char| c.is_ascii_digit()) || lex.words.contains_key(&t.lower)
    };
    for k in (from..to).rev() {
        if is_number(&toks[k]) {
            return None;
        }
        // a cue in an earlier sentence is not this number's
        if text[toks[k].end..toks[k + 1].start].contains(&'.') {
            return None;
        }
        if let Some((n, c)) = phrase_at(toks, k, &lex.cues) {
            if k + n <= to {
                // "Of the 23 pirates arrested, 12 …": a cue after an earlier number and
                // before a comma is the earlier number's
                let comma =
                    to < toks.len() && text[toks[k + n - 1].end..toks[to].start].contains(&',');
                if comma && (k.saturating_sub(3)..k).any(|j| is_number(&toks[j])) {
                    return None;
                }
                return Some((words(toks, k, n), c.to_string()));
            }
        }
    }
    None
}

/// What an amount of money is, from the words before it.
fn purpose_before(toks: &[Tok], from: usize, to: usize, lex: &LangLex) -> Option<String> {
    (from..to)
        .rev()
        .find_map(|k| phrase_at(toks, k, &lex.purposes).filter(|(n, _)| k + n <= to))
        .map(|(_, c)| c.to_string())
}

/// A modifier right before the number: its start offset and its kind.
fn modifier_before(toks: &[Tok], i: usize, lex: &LangLex) -> Option<(usize, String)> {
    (i.saturating_sub(2)..i).find_map(|k| {
        phrase_at(toks, k, &lex.modifiers)
            .filter(|(n, m)| k + n == i && *m != "exact")
            .map(|(_, m)| (toks[k].start, m.to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, lang: &str) -> (f64, String, Option<String>) {
        let v = extract_numbers(text, lang, &[]);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].value, v[0].counts.clone(), v[0].modifier.clone())
    }

    #[test]
    fn separators_follow_the_language() {
        assert_eq!(parse_digits("1.200", "id"), Some(1200.0));
        assert_eq!(parse_digits("5,2", "id"), Some(5.2));
        assert_eq!(parse_digits("1,200", "en"), Some(1200.0));
        assert_eq!(parse_digits("2.5", "en"), Some(2.5));
        assert_eq!(parse_digits("1.234.567,5", "id"), Some(1234567.5));
        assert_eq!(parse_digits("1,234,567.5", "en"), Some(1234567.5));
        assert_eq!(parse_digits("abc", "en"), None);
    }

    #[test]
    fn indonesian_counts() {
        assert_eq!(
            one("Sebanyak 12 orang tewas dalam banjir itu.", "id").1,
            "dead"
        );
        assert_eq!(
            one("Banjir menewaskan sedikitnya 9 orang.", "id"),
            (9.0, "dead".into(), Some("at_least".into()))
        );
        assert_eq!(
            one("Polisi mengerahkan 300 personel.", "id").1,
            "deployed/personnel"
        );
        assert_eq!(one("Sebanyak 300 personel berjaga.", "id").1, "personnel");
        assert_eq!(
            one("Kerugian ditaksir Rp 5 triliun.", "id"),
            (5e12, "money:loss:IDR".into(), None)
        );
        assert_eq!(
            one("Anggaran Rp1,2 miliar disiapkan.", "id"),
            (1.2e9, "money:budget:IDR".into(), None)
        );
        assert_eq!(
            one("Sebanyak 1.200 warga mengungsi.", "id"),
            (1200.0, "displaced".into(), None)
        );
    }

    #[test]
    fn english_counts() {
        assert_eq!(
            one("At least 40 people were killed.", "en"),
            (40.0, "dead".into(), Some("at_least".into()))
        );
        assert_eq!(one("The death toll rose to 130 on Sunday.", "en").1, "dead");
        assert_eq!(
            one("Losses reached US$2.5 million.", "en"),
            (2.5e6, "money:loss:USD".into(), None)
        );
        assert_eq!(
            one("Some 1,500 troops were sent.", "en"),
            (1500.0, "personnel".into(), Some("approx".into()))
        );
        // the second number's cue is its own, not the first one's
        let v = extract_numbers(
            "The blast killed 3 people and wounded 10 others.",
            "en",
            &[],
        );
        let got: Vec<_> = v.iter().map(|m| (m.value, m.counts.as_str())).collect();
        assert_eq!(got, [(3.0, "dead"), (10.0, "injured")]);
    }

    #[test]
    fn a_noun_after_a_number_is_what_it_counts() {
        let got = |t: &str, lang: &str| -> Vec<(f64, String)> {
            extract_numbers(t, lang, &[])
                .into_iter()
                .map(|m| (m.value, m.counts))
                .collect()
        };
        assert_eq!(
            got("Pada 2025 ada 3 usulan dan 12 pasal.", "id"),
            [(3.0, "of:usulan".into()), (12.0, "of:pasal".into())]
        );
        assert_eq!(
            got("Ia hanya diusung dua partai.", "id"),
            [(2.0, "of:partai".into())]
        );
        assert_eq!(
            got("He met two ministers in 2019.", "en"),
            [(2.0, "of:ministers".into())]
        );
        assert_eq!(
            got("Two possible gang members were arrested.", "en"),
            [(2.0, "of:members".into())]
        );
        assert_eq!(
            got("Some 2,000 tents were ready.", "en"),
            [(2000.0, "of:tents".into())]
        );
        // a cue still says what happened: not a bare noun count
        assert_eq!(got("Dua warga tewas.", "id"), [(2.0, "dead".into())]);
        // a word after a quote's end or a comma is not what is counted; nor an adjective
        assert!(got("\"Ada 10 eksportir, 10,\" tambah Purbaya.", "id")
            .iter()
            .all(|(_, c)| c != "of:tambah"));
        assert!(got("Saya ambil 10 terbesar.", "id").is_empty());
        // a name before the noun phrase, and "one" with a listed unit
        assert_eq!(
            got("Two New York City subway work trains collided.", "en"),
            [(2.0, "of:trains".into())]
        );
        assert_eq!(
            got("Firefighters removed one person from the tunnel.", "en"),
            [(1.0, "of:person".into())]
        );
        // an unknown noun and an adverb between a number and its cue: counted as
        // itself, since "villagers injured" and "villages destroyed" are not one count
        assert_eq!(
            got(
                "Homes were damaged and two villagers slightly injured.",
                "en"
            ),
            [(2.0, "of:villagers".into())]
        );
        assert_eq!(
            got("Syaratnya aset minimum SG$ 500 juta.", "id"),
            [(5e8, "money:SGD".into())]
        );
    }

    #[test]
    fn bare_numbers_dates_and_years_are_not_counts() {
        assert!(extract_numbers("Pada 2025 ada 3.", "id", &[]).is_empty());
        assert!(extract_numbers("Ia dua kali menjabat sejak 2019.", "id", &[]).is_empty());
        assert!(extract_numbers("One of them left in 2019.", "en", &[]).is_empty());
        assert!(extract_numbers("It said no one was injured.", "en", &[]).is_empty());
        assert!(extract_numbers("He died aged 44 in a crash.", "en", &[]).is_empty());
        assert!(extract_numbers("Korban berusia 44 tewas di lokasi.", "id", &[]).is_empty());
        assert!(
            extract_numbers("It lasted 3 hours and 2 minutes.", "en", &[])
                .iter()
                .all(|m| !m.counts.starts_with(OF))
        );
        // a number inside a time expression the tagger found is skipped
        let t = "Pada 12 Maret 5 orang tewas.";
        let v = extract_numbers(t, "id", &[(5, 13)]);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].value, 5.0);
    }
}
