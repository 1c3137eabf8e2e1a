//! Property tests: no panic on arbitrary strings; token and sentence spans lie on char
//! boundaries, in order, non-overlapping, inside the text; every non-whitespace char is
//! inside some token; the other functions never panic.

use kabar_text::{content_terms, lang::detect_detail, sentences, stem, tokenize, Lang};
use proptest::prelude::*;

/// Strings biased towards what the rules look at: letters, digits, the joiners, quotes,
/// dots, line breaks, abbreviations and non-ASCII.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rp".to_string()),
        Just("S.H.".to_string()),
        Just("Dr. ".to_string()),
        Just("dll. ".to_string()),
        Just("https://a.id/x".to_string()),
        Just("a@b.co".to_string()),
        Just("Kompas.com".to_string()),
        Just("anak-anak".to_string()),
        Just("09.20".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("\n".to_string()),
        Just("\u{301}".to_string()),
        "[a-zA-Z0-9 .,:;'’\"!?()\\-@/\n]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check_spans(text: &str, spans: &[kabar_text::Span]) {
    let mut prev_end = 0;
    for s in spans {
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.start >= prev_end, "overlap or disorder at {s:?}");
        assert!(s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prev_end = s.end;
    }
}

fn check_all(text: &str) {
    let toks = tokenize(text);
    let spans: Vec<_> = toks.iter().map(|t| t.span).collect();
    check_spans(text, &spans);
    // coverage: every non-whitespace char inside a token
    let mut k = 0;
    for (b, c) in text.char_indices() {
        while k < spans.len() && spans[k].end <= b {
            k += 1;
        }
        let inside = k < spans.len() && spans[k].start <= b;
        assert!(c.is_whitespace() || inside, "char {c:?} at {b} not covered");
    }
    let sents = sentences(text);
    check_spans(text, &sents);
    // sentences are trimmed and cover every token
    for s in &sents {
        let t = s.slice(text);
        assert_eq!(t, t.trim());
    }
    for t in &spans {
        assert!(
            sents.iter().any(|s| s.contains(t)),
            "token {t:?} outside sentences"
        );
    }
    let _ = detect_detail(text);
    for l in [Lang::Id, Lang::En, Lang::Unknown] {
        let _ = content_terms(text, l);
    }
    for t in toks.iter().take(50) {
        let w = t.span.slice(text);
        let _ = stem(w, Lang::Id);
        let _ = stem(w, Lang::En);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_all(&text);
    }

    #[test]
    fn newsish_strings(text in newsish()) {
        check_all(&text);
    }
}
