//! Tokenisation that keeps hyphenated words and names ("anak-anak", "Tae-yul") and
//! numbers with inner separators ("2,5", "160.000", "09.20") whole.

use kabar_core::{Span, Token, TokenKind};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into word, number and punctuation tokens (byte spans).
///
/// ```
/// let t = "Anak-anak itu membayar Rp2,5 juta.";
/// let toks: Vec<&str> = kabar_text::tokenize(t).iter().map(|k| k.span.slice(t)).collect();
/// assert_eq!(toks, ["Anak-anak", "itu", "membayar", "Rp2,5", "juta", "."]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            let mut has_alpha = c.is_alphabetic();
            loop {
                while j < n && is_word_char(chars[j].1) {
                    has_alpha |= chars[j].1.is_alphabetic();
                    j += 1;
                }
                // inner joiners: hyphen/apostrophe between letters, . , : between digits
                if j + 1 < n {
                    let (p, q) = (chars[j].1, chars[j + 1].1);
                    let prev = chars[j - 1].1;
                    let joins_word = matches!(p, '-' | '\'' | '’')
                        && prev.is_alphanumeric()
                        && q.is_alphanumeric();
                    let joins_num =
                        matches!(p, '.' | ',' | ':') && prev.is_ascii_digit() && q.is_ascii_digit();
                    if joins_word || joins_num {
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            let end = if j < n { chars[j].0 } else { text.len() };
            out.push(Token {
                span: Span::new(b, end),
                kind: if has_alpha {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                },
            });
            i = j;
        } else {
            let end = if i + 1 < n {
                chars[i + 1].0
            } else {
                text.len()
            };
            out.push(Token {
                span: Span::new(b, end),
                kind: TokenKind::Punct,
            });
            i += 1;
        }
    }
    out
}
