//! Word tokens with char offsets (the SPEC's offsets), for the number and source
//! extractors. Hand-written: the text stage's tokens are byte-based and split "Rp5.000"
//! and "US$", which these rules read as one token.

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset after the last char.
    pub end: usize,
    /// As written.
    pub text: String,
    /// Lower case.
    pub lower: String,
}

fn is_inner(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '$' | '€' | '£' | '/' | '\'')
}

/// Splits text into tokens: runs of letters, digits and the marks numbers and money
/// carry inside them, with leading and trailing punctuation trimmed.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_inner(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_inner(chars[j]) {
            j += 1;
        }
        let (mut s, mut e) = (i, j);
        while s < e && matches!(chars[s], '.' | ',' | '-' | '/' | '\'') {
            s += 1;
        }
        while e > s && matches!(chars[e - 1], '.' | ',' | '-' | '/' | '\'') {
            e -= 1;
        }
        if s < e {
            let t: String = chars[s..e].iter().collect();
            out.push(Tok {
                start: s,
                end: e,
                lower: t.to_lowercase(),
                text: t,
            });
        }
        i = j;
    }
    out
}

/// String equality with the length and the first byte compared first: the word lists are
/// matched at every token, and a library comparison per entry dominated large events.
fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Does `phrase` match the lower-case tokens at `at`?
pub(crate) fn matches_at(toks: &[Tok], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && at + phrase.len() <= toks.len()
        && phrase
            .iter()
            .zip(&toks[at..])
            .all(|(p, t)| same_word(p, &t.lower))
}

/// The first phrase of `list` matching at `at`, with its tag.
pub(crate) fn phrase_at<'a>(
    toks: &[Tok],
    at: usize,
    list: &'a [(Vec<String>, String)],
) -> Option<(usize, &'a str)> {
    list.iter()
        .find(|(p, _)| matches_at(toks, at, p))
        .map(|(p, c)| (p.len(), c.as_str()))
}

/// Char offsets to a substring (end exclusive).
pub(crate) fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_numbers_stay_whole() {
        let t: Vec<String> = tokenize("Kerugian Rp5.000, (12 orang) US$3,5 juta.")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["Kerugian", "Rp5.000", "12", "orang", "US$3,5", "juta"]);
        let toks = tokenize("é 12");
        assert_eq!((toks[1].start, toks[1].end), (2, 4));
    }
}
