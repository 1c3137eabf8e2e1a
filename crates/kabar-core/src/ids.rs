//! Stable identifiers: articles by content, entities by canonical name and type.

use crate::types::EntityType;

/// A URL- and ID-safe slug: ASCII-folded, lower-case, runs of anything that is not a
/// letter or digit turned into one `-`.
///
/// ```
/// assert_eq!(kabar_core::slug("Retno L. P. Marsudi"), "retno-l-p-marsudi");
/// assert_eq!(kabar_core::slug("Ban Ki-moon"), "ban-ki-moon");
/// ```
pub fn slug(name: &str) -> String {
    let folded = deunicode::deunicode(name);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The ID of an entity: `per:retno-marsudi`, `gpe:indonesia` (SPEC.md).
pub fn entity_id(kind: EntityType, canonical_name: &str) -> String {
    format!("{}:{}", kind.prefix(), slug(canonical_name))
}

/// The content-derived ID of an article: `a:` and 16 hex digits of a BLAKE3 hash of its
/// title and cleaned text with white space folded, so the same article ingested twice,
/// from whatever file, gets the same ID.
pub fn article_id(title: Option<&str>, text: &str) -> String {
    fn feed(h: &mut blake3::Hasher, s: &str) {
        let mut first = true;
        for w in s.split_whitespace() {
            if !first {
                h.update(b" ");
            }
            h.update(w.as_bytes());
            first = false;
        }
    }
    let mut h = blake3::Hasher::new();
    feed(&mut h, title.unwrap_or(""));
    h.update(b"\x00");
    feed(&mut h, text);
    let hex = h.finalize().to_hex();
    format!("a:{}", &hex[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_id_ignores_whitespace_layout() {
        assert_eq!(
            article_id(Some("T"), "a  b\nc"),
            article_id(Some("T"), "a b c")
        );
        assert_ne!(article_id(Some("T"), "a b c"), article_id(None, "a b c"));
    }

    #[test]
    fn entity_ids() {
        assert_eq!(entity_id(EntityType::Gpe, "Tiongkok"), "gpe:tiongkok");
        assert_eq!(entity_id(EntityType::Per, "Ban Ki-moon"), "per:ban-ki-moon");
    }
}
