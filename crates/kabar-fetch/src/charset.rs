//! Decoding a fetched body to text: BOM, else the `Content-Type` charset (unless it says
//! UTF-8 and the bytes are not), else the page's own `<meta charset>` / XML declaration,
//! else UTF-8 when valid, else Windows-1252 (the WHATWG default for legacy pages).

use encoding_rs::Encoding;

/// The body as text, and the name of the encoding used.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    let header = content_type.and_then(header_charset);
    let declared = declared_charset(bytes);
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let enc = match header {
        Some(h) if h == encoding_rs::UTF_8 && !valid_utf8 => {
            declared.unwrap_or(encoding_rs::WINDOWS_1252)
        }
        Some(h) => h,
        None => match declared {
            Some(d) if d != encoding_rs::UTF_8 || valid_utf8 => d,
            _ if valid_utf8 => encoding_rs::UTF_8,
            _ => encoding_rs::WINDOWS_1252,
        },
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

fn header_charset(ct: &str) -> Option<&'static Encoding> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(v.trim().trim_matches('"').as_bytes()))
            .flatten()
    })
}

/// `charset=` in a `<meta>` or `encoding=` in an XML declaration, in the first 2 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        if let Some(pos) = find(&lower, key) {
            let rest = &lower[pos + key.len()..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
                .unwrap_or(rest.len());
            if let Some(e) = Encoding::for_label(&rest[..end]) {
                return Some(e);
            }
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_header_charset_falls_back_to_meta() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let (t, enc) = decode(page, Some("text/html; charset=utf-8"));
        assert!(t.contains("café"), "{t}");
        assert_eq!(enc, "windows-1252");
    }

    #[test]
    fn bom_beats_header_and_header_beats_default() {
        let (t, _) = decode(
            "\u{feff}<p>é</p>".as_bytes(),
            Some("text/html; charset=iso-8859-1"),
        );
        assert_eq!(t, "<p>é</p>");
        let (t, enc) = decode(b"<p>\xe9</p>", Some("text/html; charset=ISO-8859-1"));
        assert_eq!((t.as_str(), enc), ("<p>é</p>", "windows-1252"));
        let (t, _) = decode("<p>é</p>".as_bytes(), None);
        assert_eq!(t, "<p>é</p>");
        let (t, _) = decode(b"<p>\xe9</p>", None);
        assert_eq!(t, "<p>é</p>");
    }
}
