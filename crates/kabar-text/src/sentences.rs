//! Sentence splitting that knows Indonesian and English abbreviations.

use crate::tokens::tokenize;
use kabar_core::{Span, TokenKind};

/// Abbreviations after which a full stop does not end a sentence (lower-cased, without
/// the final dot).
const ABBREVIATIONS: &[&str] = &[
    "jl", "no", "dr", "drs", "h", "hj", "prof", "dll", "dsb", "dkk", "rp", "a.n", "s.h", "u.s",
    "mr", "mrs", "ms", "st", "kh", "ir", "sdr", "bpk", "tn", "ny", "kol", "jend", "brigjen",
    "mayjen", "letjen", "kapt", "lt", "gen", "col", "sgt", "vs", "etc", "inc", "ltd", "co", "corp",
    "jr", "sr", "tbk", "pt", "cv", "m.si", "s.e", "m.m", "s.pd", "m.a", "ph.d", "u.k", "u.n",
    "e.g", "i.e", "a.m", "p.m", "no", "hlm", "tel", "telp", "sept", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "agu", "agt", "sep", "okt", "oct", "nov", "nop", "des", "dec", "yth",
    "ket", "ttd", "bp", "sd", "smp", "sma", "kec", "kab", "kel", "desa", "gg", "rt", "rw",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.to_lowercase();
    ABBREVIATIONS.contains(&w.as_str())
        || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// Splits `text` into sentences (byte spans, trimmed of surrounding white space).
/// Paragraph breaks (`\n\n`, or a single `\n`) always end a sentence.
///
/// ```
/// let t = "Dr. H. Ahmad tiba pukul 09.20 di Jl. Sudirman No. 5. Ia disambut.";
/// let s = kabar_text::sentences(t);
/// assert_eq!(s.len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if start.is_none() {
            start = Some(t.span.start);
        }
        let s = t.span.slice(text);
        let mut end_here = false;
        let mut end_byte = t.span.end;
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            // absorb following closing quotes/brackets and further terminators
            let mut j = i + 1;
            while j < toks.len()
                && toks[j].span.start == end_byte
                && matches!(
                    toks[j].span.slice(text),
                    "\"" | "”" | "’" | "'" | ")" | "." | "!" | "?"
                )
            {
                end_byte = toks[j].span.end;
                j += 1;
            }
            let prev_is_abbrev = s == "."
                && i > 0
                && toks[i - 1].span.end == t.span.start
                && toks[i - 1].kind == TokenKind::Word
                && is_abbreviation(toks[i - 1].span.slice(text));
            let next = toks.get(j);
            let next_starts_sentence = match next {
                None => true,
                Some(n) => {
                    let ns = n.span.slice(text);
                    let c = ns.chars().next().unwrap_or(' ');
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '‘' | '(' | '\'')
                        || (n.span.start > end_byte && text[end_byte..n.span.start].contains('\n'))
                }
            };
            let gap = next.map(|n| n.span.start > end_byte).unwrap_or(true);
            if gap && next_starts_sentence && !prev_is_abbrev {
                end_here = true;
                i = j - 1;
            }
        }
        // a line break always ends a sentence
        if !end_here {
            if let Some(n) = toks.get(i + 1) {
                if bytes[t.span.end..n.span.start].contains(&b'\n') {
                    end_here = true;
                    end_byte = t.span.end;
                }
            }
        }
        if end_here {
            if let Some(s0) = start.take() {
                out.push(Span::new(s0, end_byte));
            }
        }
        i += 1;
    }
    if let (Some(s0), Some(last)) = (start, toks.last()) {
        out.push(Span::new(s0, last.span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        let t = "Prof. Dr. Budi, S.H. tiba pukul 09.20 WIB. Harga naik 2,5 persen.";
        assert_eq!(
            split(t),
            [
                "Prof. Dr. Budi, S.H. tiba pukul 09.20 WIB.",
                "Harga naik 2,5 persen."
            ]
        );
    }

    #[test]
    fn quotes_close_sentence() {
        let t = "\"Kami siap.\" Ia lalu pergi.";
        assert_eq!(split(t), ["\"Kami siap.\"", "Ia lalu pergi."]);
    }

    #[test]
    fn paragraphs() {
        let t = "Judul tanpa titik\n\nParagraf kedua.";
        assert_eq!(split(t), ["Judul tanpa titik", "Paragraf kedua."]);
    }
}
