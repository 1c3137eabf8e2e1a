//! Repair of the commonest mojibake in news feeds: UTF-8 read as Windows-1252 (or Latin-1)
//! and written back as UTF-8.
//!
//! Every non-ASCII character of UTF-8 is two to four bytes, the first in C2–F4 and the others
//! in 80–BF; a text that went through the wrong decoding once shows each byte as its own
//! Windows-1252 character: "Élysée" becomes "ÃlysÃ©e", "®" becomes "Â®", a no-break space
//! "Â" plus a (no-break) space (the byte 89 of "É" shows as "‰", or as an invisible C1
//! control when the wrong decoding was Latin-1). A run of such characters is turned back into its bytes and
//! re-read as UTF-8 where — and only where — the bytes form a valid multi-byte character,
//! so real Latin-1 text ("café", "Âme") stays as it is: a lone "é" is byte E9, never valid
//! UTF-8 on its own. A no-break space folded into a plain space later leaves "Â " behind;
//! real Indonesian and English text never writes "Â" alone before a space, so that "Â" goes.
//!
//! Written here because the general-purpose repairers (ftfy) are Python; the byte table
//! comes from `encoding_rs`. Met in the corpora: 21 Detik 2026 records ("DSIÂ Akan",
//! "Istana ÃlysÃ©e").

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The Windows-1252 byte of each character that byte 80–FF decodes to (bytes 81, 8D, 8F,
/// 90, 9D, which Windows-1252 leaves undefined, decode to the C1 control of the same value).
static BYTE_OF: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    (0x80u8..=0xFF)
        .filter_map(|b| {
            let byte = [b];
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            let c = s.chars().next()?;
            Some((c, b))
        })
        .chain((0x80u8..=0x9F).map(|b| (char::from(b), b)))
        .collect()
});

/// `text` with UTF-8-read-as-Windows-1252 sequences decoded back, and a stray "Â" before a
/// space removed; borrowed when nothing changes.
pub fn repair(text: &str) -> Cow<'_, str> {
    // every damaged sequence starts with Ã (C3), Â (C2), Å (C5), Ä (C4), â (E2), ð (F0) …:
    // a lead byte of C2–F4 seen as Windows-1252
    if !text.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, used)) = decode_at(&chars[i..]) {
            out.push(c);
            i += used;
            changed = true;
        } else if chars[i] == 'Â' && chars.get(i + 1) == Some(&' ') {
            i += 1;
            changed = true;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The character whose UTF-8 bytes the Windows-1252 characters at the start of `chars`
/// spell, with how many characters it took; `None` when they spell no valid multi-byte
/// character.
fn decode_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = *BYTE_OF.get(chars.first()?)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for c in chars.get(1..len)? {
        let b = *BYTE_OF.get(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes.push(b);
    }
    let s = std::str::from_utf8(&bytes).ok()?;
    Some((s.chars().next()?, len))
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn utf8_read_as_windows_1252_is_read_again() {
        // É is C3 89: read as Latin-1 the 89 is a C1 control, as Windows-1252 "‰"
        assert_eq!(repair("Istana Ã\u{89}lysÃ©e"), "Istana Élysée");
        assert_eq!(repair("Istana Ã‰lysÃ©e"), "Istana Élysée");
        assert_eq!(
            repair("Samsung Galaxy S26Â® baru"),
            "Samsung Galaxy S26® baru"
        );
        assert_eq!(repair("suhu 35Â°C dan 10 mÂ³"), "suhu 35°C dan 10 m³");
        assert_eq!(repair("DSI\u{c2}\u{a0}Akan"), "DSI\u{a0}Akan");
        // curly quotes and dashes: E2 80 9C / E2 80 94 seen as â€œ / â€”
        assert_eq!(repair("â€œYaâ€\u{9d} â€” kata"), "“Ya” — kata");
        // the no-break space already folded into a plain space
        assert_eq!(repair("DSIÂ Akan Disisipi"), "DSI Akan Disisipi");
    }

    #[test]
    fn real_latin1_text_is_left_alone() {
        for ok in [
            "café",
            "Âme, Â",
            "ÂÂ",
            "naïve São Paulo",
            "Ärzte Ötzi",
            "tanpa masalah",
        ] {
            assert_eq!(repair(ok), ok);
            assert!(matches!(repair(ok), std::borrow::Cow::Borrowed(_)), "{ok}");
        }
    }
}
