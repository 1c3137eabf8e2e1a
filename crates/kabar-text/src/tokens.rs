//! Tokenisation for Indonesian and English news.
//!
//! Hand-written rather than built on `unicode-segmentation`: UAX #29 word boundaries break
//! "anak-anak" and "Tae-yul" at the hyphen and have no notion of currency prefixes, e-mails
//! or abbreviation dots; the rules news text needs are few and this scanner is a single
//! pass over the bytes with an ASCII fast path.
//!
//! What is kept as one token:
//! - words with inner hyphens or apostrophes: "anak-anak", "Tae-yul", "Ki-moon",
//!   "COVID-19", "H-1", "Jum'at", "don't";
//! - informal reduplication: "anak2";
//! - numbers with inner `.`, `,` or `:`: "2,5", "160.000", "09.20", "10:30" (a hyphen
//!   between two numbers is *not* joined: "29-31" is `29`, `-`, `31`);
//! - dotted abbreviations: "S.H.", "U.S.", "a.n.", "Ph.D." (with their final dot);
//! - domain names with a common top-level domain: "Kompas.com", "detik.com";
//! - URLs ("https://…", "www.…") and e-mail addresses, as [`TokenKind::Word`].
//!
//! A currency prefix glued to a number is split off: "Rp2,5" is `Rp` (word) + `2,5`
//! (number), so amounts read the same with or without the space.

use kabar_core::{Span, Token, TokenKind};

/// Top-level domains after which "name.tld" is kept as one token.
const TLDS: &[&str] = &[
    "com", "id", "net", "org", "co", "go", "ac", "or", "info", "tv", "news", "io", "uk", "au",
    "sg", "my", "us", "gov", "edu", "biz", "web",
];

/// Decodes the char at byte `i` (which must be a char boundary) and its UTF-8 length.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char ending right before byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Combining marks and joiners that continue a word (decomposed accents, ZWJ).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// True for chars that may end a URL or e-mail run but are really the sentence's.
#[inline]
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '>'
    )
}

/// End (exclusive) of the run of non-whitespace chars starting at `i`.
fn run_end(text: &str, mut i: usize) -> usize {
    let limit = i + MAX_EMAIL + 1;
    while let Some((c, l)) = char_at(text, i) {
        if c.is_whitespace() || i >= limit {
            break;
        }
        i += l;
    }
    i
}

/// Trims trailing punctuation from `[start, end)`.
fn trim_trailing(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match char_before(text, end) {
            Some(c) if is_trailing_punct(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

fn starts_with_ci(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.as_bytes()[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
}

/// A URL starting at `i`: its end, if there is one.
fn url_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let scheme = if starts_with_ci(rest, "https://") {
        8
    } else if starts_with_ci(rest, "http://") {
        7
    } else if starts_with_ci(rest, "www.") {
        4
    } else {
        return None;
    };
    let end = trim_trailing(text, i, run_end(text, i));
    (end > i + scheme).then_some(end)
}

/// Longest e-mail address considered (RFC 5321: 64 + 1 + 255); bounds the work per
/// word start so that long runs without white space stay linear.
const MAX_EMAIL: usize = 320;

/// An e-mail address starting at `i`: its end, if there is one.
fn email_at(text: &str, i: usize) -> Option<usize> {
    let end = run_end(text, i);
    if end - i > MAX_EMAIL {
        return None;
    }
    let run = &text[i..end];
    let at = run.find('@')?;
    let local = &run[..at];
    if local.is_empty()
        || !local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%'))
    {
        return None;
    }
    let end = trim_trailing(text, i, end);
    let domain = text.get(i + at + 1..end)?;
    let ok = domain.contains('.')
        && !domain.starts_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic));
    ok.then_some(end)
}

/// A dotted abbreviation ("S.H.", "U.S.", "a.n.", "Ph.D.") starting at `i`: its end.
fn dotted_abbrev_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    let mut segments = 0;
    loop {
        let seg_start = j;
        while j < b.len() && b[j].is_ascii_alphabetic() && j - seg_start < 3 {
            j += 1;
        }
        let seg_len = j - seg_start;
        if seg_len == 0 || (segments == 0 && seg_len > 2) || b.get(j) != Some(&b'.') {
            break;
        }
        if j < b.len() && b[j].is_ascii_alphabetic() {
            break;
        }
        j += 1; // the dot
        segments += 1;
        if segments == 6 {
            // "a.b.c.d.e.f." is no abbreviation; bounded work per call
            return None;
        }
        if !b.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
            break;
        }
    }
    if segments < 2 {
        return None;
    }
    // do not eat into a following word: "S.H.Budi" keeps "S.H." only when the last
    // segment really ended with a dot, which the loop guarantees; but reject when the
    // next char continues a word ("a.b.cdef")
    match char_at(text, j) {
        Some((c, _)) if is_word_char(c) => None,
        _ => Some(j),
    }
}

/// If `[.., i)` is a word and `text[i..]` is ".tld" followed by a non-word char, the end.
fn tld_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'.') {
        return None;
    }
    let s = i + 1;
    let mut e = s;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e == s {
        return None;
    }
    if let Some((c, _)) = char_at(text, e) {
        if is_word_char(c) || c == '-' || c == '@' {
            return None;
        }
    }
    let tld = &text[s..e];
    TLDS.iter()
        .any(|t| t.eq_ignore_ascii_case(tld))
        .then_some(e)
}

/// Splits `text` into word, number and punctuation tokens (byte spans, in order,
/// non-overlapping; every non-whitespace char lies inside exactly one token).
///
/// ```
/// let t = "Anak-anak itu membayar Rp2,5 juta ke ahmad@contoh.id.";
/// let toks: Vec<&str> = kabar_text::tokenize(t).iter().map(|k| k.span.slice(t)).collect();
/// assert_eq!(toks, ["Anak-anak", "itu", "membayar", "Rp", "2,5", "juta", "ke", "ahmad@contoh.id", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let n = text.len();
    let bytes = text.as_bytes();
    // position of the next '@' at or after the current word (usize::MAX: none left)
    let mut next_at = bytes.iter().position(|&b| b == b'@').unwrap_or(usize::MAX);
    let mut i = 0;
    while i < n {
        let Some((c, l)) = char_at(text, i) else {
            break;
        };
        if c.is_whitespace() {
            i += l;
            continue;
        }
        if !is_word_char(c) || is_mark(c) {
            out.push(Token {
                span: Span::new(i, i + l),
                kind: TokenKind::Punct,
            });
            i += l;
            continue;
        }
        // URLs and e-mails: only worth a look when the run could be one
        if matches!(c, 'h' | 'H' | 'w' | 'W') {
            if let Some(e) = url_at(text, i) {
                out.push(Token {
                    span: Span::new(i, e),
                    kind: TokenKind::Word,
                });
                i = e;
                continue;
            }
        }
        // cheap pre-check, amortised linear: is there an '@' close ahead, before the next
        // ASCII white space?
        if next_at < i {
            next_at = bytes[i..]
                .iter()
                .position(|&b| b == b'@')
                .map_or(usize::MAX, |p| i + p);
        }
        let has_at = next_at != usize::MAX
            && next_at - i <= MAX_EMAIL
            && !bytes[i..next_at].iter().any(u8::is_ascii_whitespace);
        if let Some(e) = has_at.then(|| email_at(text, i)).flatten() {
            out.push(Token {
                span: Span::new(i, e),
                kind: TokenKind::Word,
            });
            i = e;
            continue;
        }
        if c.is_ascii_alphabetic() {
            if let Some(e) = dotted_abbrev_at(text, i) {
                out.push(Token {
                    span: Span::new(i, e),
                    kind: TokenKind::Word,
                });
                i = e;
                continue;
            }
            // currency glued to an amount: "Rp2,5", "Rp.2.500" stays Rp + . + number
            if (c == 'R' || c == 'r')
                && matches!(bytes.get(i + 1), Some(b'p' | b'P'))
                && bytes.get(i + 2).is_some_and(|b| b.is_ascii_digit())
            {
                out.push(Token {
                    span: Span::new(i, i + 2),
                    kind: TokenKind::Word,
                });
                i += 2;
                continue;
            }
        }
        let start = i;
        let mut j = i;
        let mut has_alpha = false;
        loop {
            // a segment of word chars
            let mut last = ' ';
            while let Some((c, l)) = char_at(text, j) {
                if !is_word_char(c) {
                    break;
                }
                has_alpha |= c.is_alphabetic();
                last = c;
                j += l;
            }
            let Some((p, pl)) = char_at(text, j) else {
                break;
            };
            let Some((q, _)) = char_at(text, j + pl) else {
                break;
            };
            let prev_digit = last.is_ascii_digit();
            let joins = match p {
                // hyphen: not between two numbers ("29-31" is a range)
                '-' | '‑' => is_word_char(q) && !(prev_digit && q.is_ascii_digit() && !has_alpha),
                '\'' | '’' => last.is_alphabetic() && q.is_alphabetic(),
                '.' | ',' | ':' => prev_digit && q.is_ascii_digit() && !has_alpha,
                _ => false,
            };
            if joins {
                j += pl;
                continue;
            }
            if p == '.' && last.is_alphabetic() {
                if let Some(e) = tld_at(text, j) {
                    j = e;
                }
            }
            break;
        }
        out.push(Token {
            span: Span::new(start, j),
            kind: if has_alpha {
                TokenKind::Word
            } else {
                TokenKind::Number
            },
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.span.slice(t)).collect()
    }

    fn kinds(t: &str) -> Vec<TokenKind> {
        tokenize(t).iter().map(|k| k.kind).collect()
    }

    #[test]
    fn hyphenated_words_and_names() {
        assert_eq!(
            toks("anak-anak Tae-yul Ban Ki-moon COVID-19 H-1"),
            ["anak-anak", "Tae-yul", "Ban", "Ki-moon", "COVID-19", "H-1"]
        );
        assert_eq!(toks("kata-kata-nya"), ["kata-kata-nya"]);
        assert_eq!(toks("-awal akhir-"), ["-", "awal", "akhir", "-"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("2,5 160.000 09.20 10:30 2025."),
            ["2,5", "160.000", "09.20", "10:30", "2025", "."]
        );
        assert_eq!(kinds("160.000"), [TokenKind::Number]);
        assert_eq!(toks("29-31 Mei"), ["29", "-", "31", "Mei"]);
        assert_eq!(
            toks("(21/10/2025)"),
            ["(", "21", "/", "10", "/", "2025", ")"]
        );
    }

    #[test]
    fn currency_split() {
        assert_eq!(toks("Rp2,5 triliun"), ["Rp", "2,5", "triliun"]);
        assert_eq!(kinds("Rp2,5"), [TokenKind::Word, TokenKind::Number]);
        assert_eq!(toks("Rp 160.000"), ["Rp", "160.000"]);
        assert_eq!(toks("Rp."), ["Rp", "."]);
        assert_eq!(toks("Rpx"), ["Rpx"]);
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            toks("Lihat https://news.detik.com/berita/d-8171947/a-b?x=1, atau www.kompas.id."),
            [
                "Lihat",
                "https://news.detik.com/berita/d-8171947/a-b?x=1",
                ",",
                "atau",
                "www.kompas.id",
                "."
            ]
        );
        assert_eq!(
            toks("Kirim ke redaksi@detik.com."),
            ["Kirim", "ke", "redaksi@detik.com", "."]
        );
        assert_eq!(toks("@jokowi"), ["@", "jokowi"]);
        assert_eq!(toks("a@b"), ["a", "@", "b"]);
    }

    #[test]
    fn abbreviations_and_domains() {
        assert_eq!(
            toks("Budi, S.H. di U.S. lewat Kompas.com. Ph.D."),
            [
                "Budi",
                ",",
                "S.H.",
                "di",
                "U.S.",
                "lewat",
                "Kompas.com",
                ".",
                "Ph.D."
            ]
        );
        assert_eq!(toks("Dr. Budi"), ["Dr", ".", "Budi"]);
        assert_eq!(toks("selesai.Kemudian"), ["selesai", ".", "Kemudian"]);
    }

    #[test]
    fn adversarial_runs_stay_linear() {
        let t0 = std::time::Instant::now();
        for t in [
            "a.".repeat(40_000),
            format!("{}@b.co", "x,".repeat(40_000)),
            format!("{}@b.co", "x.".repeat(40_000)),
            "a-".repeat(40_000),
            "1.".repeat(40_000),
            "http://".repeat(20_000),
            "Kompas.com.".repeat(10_000),
        ] {
            let toks = tokenize(&t);
            assert!(!toks.is_empty());
            assert!(!crate::sentences(&t).is_empty());
        }
        // generous bound for a loaded debug build; quadratic behaviour takes minutes
        assert!(t0.elapsed().as_secs() < 10, "{:?}", t0.elapsed());
    }

    #[test]
    fn apostrophes_and_marks() {
        assert_eq!(
            toks("Jum'at don't 'Temani'"),
            ["Jum'at", "don't", "'", "Temani", "'"]
        );
        // decomposed accent stays inside the word
        assert_eq!(toks("cafe\u{301} ok"), ["cafe\u{301}", "ok"]);
        assert_eq!(toks("anak2 main"), ["anak2", "main"]);
    }
}
