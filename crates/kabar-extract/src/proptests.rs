//! Property tests: no input makes reading, extraction or cleaning panic, and cleaning a
//! mixture of real sentences and boilerplate keeps every sentence and drops every piece.

use crate::{clean::clean, html, sources};
use kabar_core::RemovedKind;
use proptest::prelude::*;

const EXTS: &[&str] = &["txt", "json", "jsonl", "csv", "html", "htm", "", "-", "pdf"];

/// Body sentences written for this test (not from any corpus); some mention marker words
/// ("video", "foto", "editor", "tags") in ordinary use, and contain dashes and brackets.
const SENTENCES: &[&str] = &[
    "Pemerintah kota meresmikan jembatan baru di atas sungai pada Senin pagi.",
    "Video amatir warga memperlihatkan air naik dengan cepat ke permukiman.",
    "Harga cabai rawit naik 20 persen dalam sepekan, menurut pedagang di pasar induk.",
    "\"Kami sudah mengirim bantuan ke tiga kecamatan,\" kata kepala dinas sosial.",
    "Editor senior harian itu menyebut keputusan tersebut tidak biasa.",
    "Foto-foto kerusakan beredar luas di media sosial setelah gempa.",
    "Skor akhir 2-1 untuk tuan rumah (setelah tertinggal di babak pertama).",
    "The minister said the talks — the first in a decade — went well.",
    "Ia tergabung dalam Partai Amanat Nasional (PAN) sejak 2010.",
    "Rapat dilanjutkan pukul 09.20 WIB dengan agenda pembahasan anggaran.",
];

/// Boilerplate lines and their kinds.
const BOILER: &[(&str, RemovedKind)] = &[
    ("SCROLL TO CONTINUE WITH CONTENT", RemovedKind::Other),
    ("ADVERTISEMENT", RemovedKind::Other),
    (
        "Baca juga: Banjir Rendam Ratusan Rumah di Kota Lain",
        RemovedKind::ReadAlso,
    ),
    (
        "BACA JUGA: Warga Mengungsi ke Masjid Raya",
        RemovedKind::ReadAlso,
    ),
    (
        "Simak Video 'Detik-detik Jembatan Diresmikan':",
        RemovedKind::Other,
    ),
    ("Foto: ANTARA/Budi Santoso", RemovedKind::Caption),
    ("Tags: banjir, jembatan, anggaran", RemovedKind::Keywords),
    ("Topik: Ekonomi Daerah", RemovedKind::Keywords),
    ("Editor: Andi Wijaya", RemovedKind::Byline),
    ("Penulis: Sri Lestari", RemovedKind::Byline),
    ("[Gambas:Video 20detik]", RemovedKind::Other),
];

/// Pieces that may sit inside a paragraph.
const INLINE: &[&str] = &[
    "(Baca juga: Harga Beras Turun)",
    "(Foto: dok. Pemkot)",
    "SCROLL TO CONTINUE WITH CONTENT",
];

/// A removed piece made only of test sentences: a paragraph dropped as a dek because the
/// next paragraph repeats it (the property keeps the copy in the next paragraph).
fn is_dek_of_sentences(text: &str) -> bool {
    let residue = SENTENCES
        .iter()
        .fold(text.to_string(), |t, s| t.replace(s, ""));
    residue.trim().is_empty()
}

proptest! {
    // 64 cases keep the debug suite fast; PROPTEST_CASES=n runs more.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn read_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), ext in 0..EXTS.len()) {
        let opts = sources::ReadOptions::default();
        let out = sources::read_bytes("p", EXTS[ext], &bytes, &opts);
        prop_assert!(!out.is_empty(), "every input yields an article or an error");
        for a in out.into_iter().flatten() {
            prop_assert!(!a.body.trim().is_empty());
        }
    }

    #[test]
    fn read_bytes_text_never_panics(text in "[\\PC\\n\\t\"{}\\[\\],:<>/]{0,300}", ext in 0..EXTS.len()) {
        let _ = sources::read_bytes("p", EXTS[ext], text.as_bytes(), &sources::ReadOptions::default());
    }

    #[test]
    fn html_extract_never_panics(text in "(<[a-z/!]{0,6}[^>]{0,20}>|[\\PC\\n]{0,30}){0,30}") {
        if let Ok(a) = html::extract(&text, Some("https://x.example/a")) {
            prop_assert!(!a.body.is_empty());
        }
    }

    #[test]
    fn clean_never_panics(text in "[\\PC\\n\\t()\\[\\]/:—–-]{0,400}", title in proptest::option::of("[\\PC]{0,40}")) {
        let c = clean(&text, title.as_deref());
        prop_assert!(!c.text.contains("\n\n\n"));
        prop_assert!(c.text.len() <= text.len() + 2 * text.lines().count());
    }

    #[test]
    fn clean_keeps_sentences_and_drops_boilerplate(
        plan in proptest::collection::vec((0..SENTENCES.len(), 0..BOILER.len(), 0..4usize, 0..INLINE.len()), 1..8)
    ) {
        // paragraph = sentence [+ inline piece + sentence]; between paragraphs a boilerplate line
        let mut lines = Vec::new();
        let mut want_sentences = Vec::new();
        let mut want_removed = Vec::new();
        for (i, (s, b, mode, inl)) in plan.iter().enumerate() {
            let sent = SENTENCES[*s];
            want_sentences.push(sent);
            match mode {
                0 => lines.push(sent.to_string()),
                1 => {
                    let other = SENTENCES[(s + 1) % SENTENCES.len()];
                    want_sentences.push(other);
                    lines.push(format!("{sent} {} {other}", INLINE[*inl]));
                    want_removed.push(INLINE[*inl]);
                }
                _ => lines.push(sent.to_string()),
            }
            if i + 1 < plan.len() || *mode == 2 {
                lines.push(BOILER[*b].0.to_string());
                want_removed.push(BOILER[*b].0);
            }
        }
        let body = lines.join("\n");
        let c = clean(&body, None);
        for s in &want_sentences {
            prop_assert!(c.text.contains(s), "lost {s:?} from {body:?} -> {:?}", c.text);
        }
        for piece in &want_removed {
            prop_assert!(!c.text.contains(piece), "kept {piece:?}: {:?}", c.text);
            prop_assert!(c.removed.iter().any(|r| r.text == *piece), "not recorded {piece:?}: {:?}", c.removed);
        }
        for r in &c.removed {
            let known = BOILER.iter().find(|(t, _)| *t == r.text);
            if let Some((_, kind)) = known {
                prop_assert_eq!(*kind, r.kind);
            }
            // (a sentence dropped as a dek that its next paragraph repeats is still there)
            if !is_dek_of_sentences(&r.text) {
                prop_assert!(!c.text.contains(&r.text), "removed piece still in text: {:?}", r.text);
            }
        }
        // a paragraph repeated by the next one at the start may go as a dek
        let paras = lines.len() - want_removed.len() + plan.iter().filter(|p| p.2 == 1).count();
        let got = c.text.split("\n\n").count();
        let deks = c.removed.iter().filter(|r| is_dek_of_sentences(&r.text)).count();
        prop_assert!(deks <= 2);
        prop_assert_eq!(got + deks, paras);
    }
}
