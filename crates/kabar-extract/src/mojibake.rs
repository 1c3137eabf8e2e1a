//! Repair of one common mojibake: UTF-8 read as Latin-1 and written back as UTF-8.
//!
//! The Latin-1 symbols U+00A0–U+00BF (no-break space, ®, °, ², ³, …) are two bytes in UTF-8,
//! `C2 xx`; a text that went through a wrong decoding once shows them as "Â" followed by the
//! symbol ("Â®", "Â°", "Â " for a no-break space, often later folded into a plain space, so
//! "Â" then stands before an ordinary space). Real Indonesian and English news never writes
//! a capital A-circumflex before such a symbol or alone before a space, so the "Â" is
//! dropped and a no-break space becomes a space. Written here because the general-purpose repairers (ftfy) are
//! Python; this is the one pattern met in the corpora (21 times in `news-id`).

use std::borrow::Cow;

/// `text` with every "Â" that stands before a space or a character of U+00A0–U+00BF removed
/// (and a no-break space so freed turned into a plain space); borrowed when nothing changes.
pub fn repair(text: &str) -> Cow<'_, str> {
    if !text.contains('Â') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('Â', Some(&'\u{a0}')) => {
                chars.next();
                out.push(' ');
            }
            ('Â', Some(&next)) if next == ' ' || ('\u{a1}'..='\u{bf}').contains(&next) => {}
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn latin1_symbols_lose_their_stray_a_circumflex() {
        assert_eq!(
            repair("Samsung Galaxy S26Â® baru"),
            "Samsung Galaxy S26® baru"
        );
        assert_eq!(repair("suhu 35Â°C dan 10 mÂ³"), "suhu 35°C dan 10 m³");
        assert_eq!(repair("DSI\u{c2}\u{a0}Akan"), "DSI Akan");
        // the no-break space already folded into a plain space
        assert_eq!(repair("DSIÂ Akan Disisipi"), "DSI Akan Disisipi");
        // anything else keeps its Â
        assert_eq!(repair("Âme, Â"), "Âme, Â");
        assert_eq!(repair("ÂÂ"), "ÂÂ");
        assert!(matches!(
            repair("tanpa masalah"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
