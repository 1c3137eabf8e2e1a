//! Boilerplate removal for Indonesian and English news bodies.
//!
//! [`clean`] splits the body into paragraphs (one per non-empty line), then removes, and
//! records in [`Cleaned::removed`] with its [`RemovedKind`]:
//!
//! * whole lines that are widgets or ads ("SCROLL TO CONTINUE WITH CONTENT",
//!   "ADVERTISEMENT"), "Baca juga:"/"SIMAK JUGA:"/"[Baca juga: …]" links, video promos
//!   ("Simak Video '…':", "Tonton juga video … di sini:", "Saksikan Live …"), photo
//!   captions and credits ("Foto: ANTARA/…", "Ilustrasi …"), tag lines ("Tags:",
//!   "Topik:", "Kata kunci:"), byline lines ("Editor:", "Penulis:", "Reporter:"),
//!   syndication and app promos ("Artikel ini telah tayang di …", "Ikuti … di Google
//!   News"), and a stand-alone signature line ("(ant)", "(abc/def)");
//! * the same pieces inside a paragraph, when their end can be told: "(Baca juga: …)",
//!   "(Foto: …)", "[Gambas:Video …]", "Simak Video '…':", "Simak selengkapnya di sini";
//! * trailers at the end of a paragraph: reporter initials "(abc/def)", "(ptr)",
//!   "(Antara)", "Editor: Name", "Diadaptasi oleh Name", an unquoted video promo;
//! * the dateline opening the first paragraph ("JAKARTA -", "TOKYO —",
//!   "Bandung, Kompas.com -", "KOMPAS.com -", "Jakarta (ANTARA) -", "JAKARTA, KOMPAS —",
//!   "LONDON, May 5 (Reuters) -"), giving [`Cleaned::dateline`] (the place, title-cased
//!   when written in capitals) and [`Cleaned::outlet`];
//! * a first paragraph that repeats the title, or a short dek whose words the lede repeats.
//!
//! Every rule is anchored on a marker word *and* a position (whole line, brackets, end of
//! paragraph after a sentence end, start of the body), so a real sentence that merely
//! mentions "video" or "foto" is kept: when unsure, keep. The cleaned text has its
//! paragraphs separated by `\n\n` and runs of white space folded to one space.
//!
//! Regexes are compiled once ([`LazyLock`]); `clean` does one pass per paragraph.

use kabar_core::{Cleaned, Removed, RemovedKind};
use regex::Regex;
use std::sync::LazyLock;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module, checked by the unit tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in regex {pattern}: {e}"))
}

/// Whole-line rules, tried in order on each paragraph (already trimmed and folded).
static LINE_RULES: LazyLock<Vec<(Regex, RemovedKind)>> = LazyLock::new(|| {
    use RemovedKind::*;
    vec![
        // widgets and ads: the whole line is the marker
        (
            re(
                r"(?i)^(?:scroll to continue with content|scroll untuk melanjutkan(?: membaca)?|advertisement|advertising|advertorial|iklan|continue reading(?: below)?|story continues below(?: advertisement)?|loading\.*|pilihan redaksi|berita terkait|artikel terkait|related news|related articles?|bagikan(?: artikel ini)?|share(?: this article)?)\s*[:.]?$",
            ),
            Other,
        ),
        // "Baca juga: …", "BACA JUGA - …", "[Baca Juga: …]", "(Baca: …)", "SIMAK JUGA: …"
        (
            re(
                r"(?i)^[\[(]?\s*(?:baca|simak|lihat|cek)(?:[\s_]+(?:juga|pula|selengkapnya|lainnya))?(?:\s*:|\s+[-–—]\s|\s*$)",
            ),
            ReadAlso,
        ),
        (
            re(
                r"(?i)^[\[(]?\s*(?:read also|also read|read more|see also|related(?: article| story| news)?)\s*:",
            ),
            ReadAlso,
        ),
        // video and live promos: "Simak juga Video '…':", "Tonton juga video … di sini:"
        (
            re(
                r"(?i)^[\[(]?\s*(?:simak|lihat|tonton|saksikan|watch)(?:\s+(?:juga|pula|also))?\s+(?:video|live\w*|siaran|the video)\b.{0,300}$",
            ),
            Other,
        ),
        // "Tonton juga "Judul" di sini:" (a promo that does not say "video")
        (
            re(
                r#"(?i)^(?:simak|lihat|tonton|saksikan)\s+juga\s*["“'‘].{1,250}["”'’]\s*(?:di sini)?\s*:$"#,
            ),
            Other,
        ),
        (re(r"(?i)^\[gambas:[^\]]{0,200}\]$"), Other),
        // captions and photo credits
        (
            re(
                r"(?i)^[\[(]?\s*(?:foto|photo|gambar|image|ilustrasi|foto ilustrasi|sumber foto|sumber gambar|keterangan foto|caption)(?:\s*:|\s+[-–—]\s|\s*$)",
            ),
            Caption,
        ),
        (
            re(r#"^(?:Ilustrasi|ILUSTRASI)\b.{0,100}[^.!?"”]$"#),
            Caption,
        ),
        // keyword and tag lines
        (
            re(r"(?i)^(?:tags?|topik|topics?|kata kunci|keywords?|label)\s*:.{0,500}$"),
            Keywords,
        ),
        // byline lines
        (
            re(
                r"(?i)^(?:editor|penulis|reporter|pewarta|penyunting|redaktur|kontributor|author|writer|editing by|edited by|reporting by|written by|oleh)\s*:.{0,150}$",
            ),
            Byline,
        ),
        (
            re(
                r"^(?:By|BY|Oleh|OLEH)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and|dan|&|\p{Lu}[\p{L}.'’-]*)){0,5}$",
            ),
            Byline,
        ),
        // syndication notes, app / social promos, outlet self-descriptions
        (
            re(
                r"(?i)^artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|pertama kali terbit|terbit pertama kali)\b.{0,400}$",
            ),
            Other,
        ),
        (
            re(
                r"(?i)^(?:dapatkan|ikuti|follow|download|unduh|gabung(?: ke)?|join)\b.{0,200}\b(?:google news|whatsapp|telegram|channel|aplikasi|app store|play store|instagram|twitter|facebook|tiktok|youtube|newsletter)\b.{0,200}$",
            ),
            Other,
        ),
        (
            re(r"^\S{2,40} adalah (?:portal|situs|media) (?:berita|informasi)\b.{0,500}$"),
            Other,
        ),
        // a signature alone on its line: "(ant)", "(abc/def)", "[ary]", "(Antara)"
        (
            re(r"(?i)^[(\[]\s*[\p{L}]{2,15}(?:\s*/\s*[\p{L}0-9]{2,12}){0,3}\s*[)\]]$"),
            Signature,
        ),
    ]
});

/// Pieces removed wherever they appear inside a paragraph.
static INLINE_RULES: LazyLock<Vec<(Regex, RemovedKind)>> = LazyLock::new(|| {
    use RemovedKind::*;
    vec![
        (re(r"SCROLL TO CONTINUE WITH CONTENT"), Other),
        (re(r"\bADVERTISEMENT\b"), Other),
        (re(r"(?i)\[gambas:[^\]]{0,200}\]"), Other),
        (
            re(r"(?i)[(\[]\s*(?:baca|simak|lihat)(?:\s+(?:juga|pula))?\s*:[^)\]]{0,300}[)\]]"),
            ReadAlso,
        ),
        (
            re(r"(?i)[(\[]\s*(?:read also|also read|see also|read more)\s*:[^)\]]{0,300}[)\]]"),
            ReadAlso,
        ),
        (
            re(
                r"(?i)[(\[]\s*(?:foto|photo|foto ilustrasi|ilustrasi|gambar|image|sumber foto)\s*:[^)\]]{0,200}[)\]]",
            ),
            Caption,
        ),
        (re(r"\(\s*[Dd]ok\.\s*[^)]{1,80}\)"), Caption),
        // "Foto: Name Name/outlet" (the credit form whose end is the outlet token)
        (
            re(
                r"\b(?:Foto|FOTO|Photo)\s*:\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}.'’-]*\s*/\s*[\p{L}][\p{L}0-9.]*",
            ),
            Caption,
        ),
        // quoted video promo ending in a colon: "Simak Video 'Judul':"
        (
            re(
                r#"(?:Simak|Lihat|Tonton|Saksikan)(?:\s+(?:juga|pula))?\s+(?:[Vv]ideo|VIDEO)\s*:?\s*['"“‘].{1,250}?['"”’]\s*(?:di sini|berikut(?: ini)?)?\s*:"#,
            ),
            Other,
        ),
        (
            re(r"(?:Simak|Baca|Klik|Cek|Lihat)\s+(?:se)?lengkapnya\s+di\s+sini\s*\.?"),
            Other,
        ),
        (
            re(
                r"(?i)artikel ini (?:pertama kali terbit|terbit pertama kali) dalam bahasa \p{L}+\.?",
            ),
            Other,
        ),
    ]
});

/// Trailers peeled off the end of a paragraph. Group `x` is the piece; it must follow the
/// start of the paragraph or a sentence end.
static TAIL_RULES: LazyLock<Vec<(Regex, RemovedKind)>> = LazyLock::new(|| {
    use RemovedKind::*;
    const PRE: &str = r#"(?:^|[.!?"”’')\]:])\s*"#;
    let name = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,5}";
    vec![
        // lower-case reporter initials "(abc/def)": a signature wherever the paragraph ends
        (
            re(r"(?:^|\s)(?P<x>[(\[]\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6}){1,3}\s*[)\]])\s*$"),
            Signature,
        ),
        // mixed-case forms "(Yendhi/win)" only after a sentence end
        (
            re(&format!(
                r"{PRE}(?P<x>[(\[]\s*\p{{L}}[\p{{L}}0-9]{{1,14}}(?:\s*/\s*[\p{{L}}0-9]{{2,12}}){{1,3}}\s*[)\]])\s*$"
            )),
            Signature,
        ),
        // a single lower-case initial group or a wire name: "(ptr)", "[ary]", "(Antara)"
        (
            re(&format!(
                r"{PRE}(?P<x>[(\[]\s*(?:[a-z]{{2,5}}|ANTARA|Antara|ANT|Ant|AFP|Reuters|REUTERS|AP|Xinhua|Bernama|Kyodo|Yonhap|ANTARA News|Antaranews)\s*[)\]])\s*$"
            )),
            Signature,
        ),
        (
            re(&format!(
                r"{PRE}(?P<x>[(\[]\s*(?:Reporting|Writing|Editing|Additional reporting|Reported|Edited)\s+by\s[^)\]]{{2,200}}[)\]])\s*$"
            )),
            Byline,
        ),
        (
            re(&format!(
                r"(?:^|\s)(?P<x>(?:Editor|Penulis|Reporter|Pewarta|Penyunting|Redaktur|Kontributor)\s*:\s*{name}(?:\s*[,;&/]\s*{name})*)\s*$"
            )),
            Byline,
        ),
        (
            re(&format!(
                r"{PRE}(?P<x>(?:Diadaptasi|Disadur|Diterjemahkan)\s+oleh\s+{name})\s*$"
            )),
            Byline,
        ),
        (
            re(&format!(
                r"{PRE}(?P<x>(?:Simak|Lihat|Tonton|Saksikan)(?:\s+(?:juga|pula))?\s+(?:[Vv]ideo|VIDEO|[Ll]ive|LIVE)\b.{{0,250}})$"
            )),
            Other,
        ),
        // the tail of a video promo whose head was lost: "… Sapi Kurban di Istiqlal':"
        (
            re(&format!(r#"{PRE}(?P<x>[^.!?]{{1,200}}['"’”]:)\s*$"#)),
            Other,
        ),
        (
            re(&format!(
                r"{PRE}(?P<x>(?:Baca|BACA|Simak|SIMAK)\s+(?:[Jj]uga|JUGA)\s*:.{{1,250}})$"
            )),
            ReadAlso,
        ),
    ]
});

/// Outlet names recognised in datelines and signatures (lower case). Names with a web
/// domain ("Kompas.com", "VIVA.co.id") are recognised without being listed.
const OUTLETS: &[&str] = &[
    "antara",
    "antara news",
    "antaranews",
    "ant",
    "kompas",
    "kompas.com",
    "kompas.id",
    "detik",
    "detikcom",
    "detiknews",
    "tempo",
    "tempo.co",
    "cnn indonesia",
    "cnn",
    "cnbc indonesia",
    "cnbc",
    "reuters",
    "ap",
    "afp",
    "bloomberg",
    "xinhua",
    "bernama",
    "kyodo",
    "yonhap",
    "bbc",
    "bbc news indonesia",
    "bbc indonesia",
    "voa",
    "dw",
    "republika",
    "liputan6",
    "okezone",
    "sindonews",
    "tribunnews",
    "tribun",
    "suara",
    "merdeka",
    "viva",
    "jpnn",
    "jawapos",
    "jawa pos",
    "media indonesia",
    "bisnis",
    "bisnis indonesia",
    "kontan",
    "katadata",
    "kumparan",
    "idn times",
    "rimanews",
    "pos kota",
    "poskota",
    "antv",
    "metro tv",
    "metrotv",
    "tvone",
    "inews",
    "the jakarta post",
    "jakarta post",
    "jakarta globe",
    "gatra",
    "beritasatu",
    "medcom",
    "tirto",
    "juara",
    "bola",
    "goal",
    "the associated press",
    "associated press",
    "upi",
    "ians",
    "pti",
    "efe",
    "dpa",
    "tass",
    "ria novosti",
    "nhk",
    "abc",
    "nyt",
];

/// Words that name newspapers, agencies and sites rather than places.
const OUTLET_WORDS: &[&str] = &[
    "harian", "kabar", "warta", "berita", "suara", "koran", "majalah", "tribun", "radar", "pos",
    "post", "times", "news", "daily", "ledger", "wire", "gazette", "herald", "tribune", "journal",
    "media", "kantor", "online", "channel", "tv",
];

fn looks_like_outlet(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    (2..=4).contains(&words.len()) && words.iter().any(|w| OUTLET_WORDS.contains(&w.as_str()))
}

fn is_outlet_name(s: &str) -> bool {
    static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)^[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.(?:com|co\.id|co|id|net|org|news|tv|or\.id)$")
    });
    let l = s.trim().to_lowercase();
    OUTLETS.contains(&l.as_str()) || DOMAIN.is_match(s.trim())
}

/// The dateline: a short head, then a dash, at the start of the first paragraph.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?P<head>[\p{L}0-9.,()'’&/ ]{2,80}?)(?P<sep>\s+(?:-{1,2}|–|—|―)\s+|\s*(?:—|–|―)\s*)")
});
static PAREN: LazyLock<Regex> = LazyLock::new(|| re(r"\(([^()]*)\)"));
static DATE_PART: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}|(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday))$",
    )
});
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|di|da|del|of|la|el|am|upon))*$")
});

/// One dateline found at the start of a paragraph.
struct Dateline {
    /// Byte length of the dateline including the dash and spaces.
    len: usize,
    place: Option<String>,
    outlet: Option<String>,
}

fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_lowercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn parse_dateline(p: &str) -> Option<Dateline> {
    let c = DATELINE.captures(p)?;
    let head = c.name("head")?.as_str().trim();
    let sep = c.name("sep")?;
    let rest = &p[sep.end()..];
    if rest.split_whitespace().count() < 4 || head.is_empty() {
        return None;
    }
    // Parts: bracketed outlets, and the comma-separated parts outside brackets.
    let mut outlet: Option<String> = None;
    let mut places: Vec<&str> = Vec::new();
    let mut bracketed = false;
    for m in PAREN.captures_iter(head) {
        let inner = m.get(1).map_or("", |g| g.as_str()).trim();
        let words = inner.split_whitespace().count();
        if words == 0 || words > 4 || !PLACE.is_match(inner) && !is_outlet_name(inner) {
            return None;
        }
        bracketed = true;
        outlet.get_or_insert_with(|| inner.to_string());
    }
    let outside = PAREN.replace_all(head, ",");
    if outside.contains(['(', ')']) {
        return None;
    }
    let mut n_parts = 0;
    let mut all_caps_place = false;
    for part in outside.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        n_parts += 1;
        if is_outlet_name(part) {
            outlet.get_or_insert_with(|| part.to_string());
        } else if DATE_PART.is_match(part) {
            continue;
        } else if PLACE.is_match(part) && part.split_whitespace().count() <= 4 {
            if !part.chars().any(char::is_lowercase)
                && part.chars().filter(|c| c.is_alphabetic()).count() >= 3
            {
                all_caps_place = true;
            }
            places.push(part);
        } else {
            return None;
        }
    }
    if n_parts == 0 && outlet.is_none() {
        return None;
    }
    if places.len() > 2 {
        return None;
    }
    // "JAKARTA, Kabar Nusantara -": after a place in capitals, a name in mixed case is the
    // outlet (places after the city are written in capitals too: "MATARAM, NTB").
    if outlet.is_none()
        && places.len() == 2
        && !places[0].chars().any(char::is_lowercase)
        && places[1].chars().any(char::is_lowercase)
    {
        outlet = places.pop().map(str::to_string);
    }
    // "Jakarta, Harian Cakrawala —": a mixed-case second part that reads like a paper's
    // name (Harian, Kabar, Warta, Post, Daily…) is the outlet.
    if outlet.is_none() && places.len() == 2 && looks_like_outlet(places[1]) {
        outlet = places.pop().map(str::to_string);
    }
    let spaced_dash = sep.as_str().starts_with(char::is_whitespace);
    let accept =
        outlet.is_some() || bracketed || all_caps_place || (spaced_dash && places.len() == 1);
    if !accept {
        return None;
    }
    Some(Dateline {
        len: sep.end(),
        place: places.first().map(|p| title_case(p)),
        outlet,
    })
}

fn fold_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Joins the two sides of a cut, with one space unless punctuation follows.
fn join_cut(left: &str, right: &str) -> String {
    let l = left.trim_end();
    let r = right.trim_start();
    if l.is_empty() {
        return r.to_string();
    }
    if r.is_empty() {
        return l.to_string();
    }
    if r.starts_with(['.', ',', ';', ':', '!', '?', ')', ']']) {
        format!("{l}{r}")
    } else {
        format!("{l} {r}")
    }
}

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Is `dek` a stand-alone summary whose words the lede repeats?
fn is_dek(dek: &str, lede: &str) -> bool {
    let dw = words_lower(dek);
    if dw.len() < 5 || dek.chars().count() > 400 {
        return false;
    }
    let lw: std::collections::HashSet<String> = words_lower(lede).into_iter().take(120).collect();
    let shared = dw.iter().filter(|w| lw.contains(*w)).count();
    shared * 10 >= dw.len() * 8
}

fn same_text(a: &str, b: &str) -> bool {
    let (x, y) = (words_lower(a), words_lower(b));
    !x.is_empty() && x == y
}

/// A removed piece, with its place for ordering.
struct Piece {
    para: usize,
    offset: usize,
    removed: Removed,
}

/// Removes boilerplate from `body` (see the module docs) and says what was removed.
/// `title`, when known, lets a first paragraph that only repeats it be dropped. Never
/// panics; on text with no boilerplate it returns the paragraphs unchanged apart from
/// white space.
pub fn clean(body: &str, title: Option<&str>) -> Cleaned {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut paras: Vec<(usize, String)> = Vec::new();
    for (idx, line) in body.lines().enumerate() {
        let p = fold_ws(line);
        if p.is_empty() {
            continue;
        }
        if let Some(kind) = classify_line(&p) {
            pieces.push(Piece {
                para: idx,
                offset: 0,
                removed: Removed { kind, text: p },
            });
            continue;
        }
        let base = p.len() + 1;
        let p = strip_inline(&p, idx, &mut pieces);
        let p = strip_tail(&p, idx, base, &mut pieces);
        if p.is_empty() {
            continue;
        }
        // What was left may itself be a whole-line piece (e.g. a caption credit).
        if let Some(kind) = classify_line(&p) {
            pieces.push(Piece {
                para: idx,
                offset: 0,
                removed: Removed { kind, text: p },
            });
            continue;
        }
        paras.push((idx, p));
    }

    let mut dateline = None;
    let mut outlet = None;
    // A first paragraph repeating the title, or a dek the lede repeats.
    for _ in 0..2 {
        if paras.len() < 2 {
            break;
        }
        let first = &paras[0].1;
        let lede = &paras[1].1;
        let lede_body = parse_dateline(lede).map_or(lede.as_str(), |d| &lede[d.len..]);
        let repeats_title = title.is_some_and(|t| same_text(first, t));
        if repeats_title || (parse_dateline(first).is_none() && is_dek(first, lede_body)) {
            let (idx, text) = paras.remove(0);
            pieces.push(Piece {
                para: idx,
                offset: 0,
                removed: Removed {
                    kind: RemovedKind::Other,
                    text,
                },
            });
        } else {
            break;
        }
    }
    if let Some((idx, first)) = paras.first_mut() {
        if let Some(d) = parse_dateline(first) {
            let text = first[..d.len].trim().to_string();
            *first = first[d.len..].trim_start().to_string();
            pieces.push(Piece {
                para: *idx,
                offset: 0,
                removed: Removed {
                    kind: RemovedKind::Byline,
                    text,
                },
            });
            dateline = d.place;
            outlet = d.outlet;
        }
    }
    if outlet.is_none() {
        outlet = pieces
            .iter()
            .filter(|p| p.removed.kind == RemovedKind::Signature)
            .find_map(|p| {
                let inner = p.removed.text.trim_matches(|c: char| "()[] ".contains(c));
                (inner.len() > 3 && is_outlet_name(inner)).then(|| inner.to_string())
            });
    }
    pieces.sort_by_key(|p| (p.para, p.offset));
    Cleaned {
        text: paras
            .into_iter()
            .map(|(_, p)| p)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        removed: pieces.into_iter().map(|p| p.removed).collect(),
        dateline,
        outlet,
    }
}

fn classify_line(p: &str) -> Option<RemovedKind> {
    if p.chars().count() > 1200 {
        return None;
    }
    LINE_RULES
        .iter()
        .find(|(r, _)| r.is_match(p))
        .map(|(_, k)| *k)
}

/// Words one of which every inline piece contains (ASCII case-insensitive): a paragraph
/// with none of them skips the inline rules.
static INLINE_TRIGGERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "scroll to continue",
            "advertisement",
            "gambas",
            "baca",
            "simak",
            "lihat",
            "read",
            "see also",
            "foto",
            "photo",
            "ilustrasi",
            "gambar",
            "image",
            "dok.",
            "tonton",
            "saksikan",
            "klik",
            "cek",
            "artikel ini",
        ])
        .unwrap_or_else(|e| panic!("bad built-in trigger list: {e}"))
});

/// Words one of which every unbracketed trailer contains (ASCII case-insensitive).
static TAIL_TRIGGERS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "editor",
            "penulis",
            "reporter",
            "pewarta",
            "penyunting",
            "redaktur",
            "kontributor",
            "oleh",
            "simak",
            "lihat",
            "tonton",
            "saksikan",
            "baca",
        ])
        .unwrap_or_else(|e| panic!("bad built-in trigger list: {e}"))
});

fn strip_inline(p: &str, para: usize, pieces: &mut Vec<Piece>) -> String {
    if !INLINE_TRIGGERS.is_match(p) {
        return p.to_string();
    }
    let mut cuts: Vec<(usize, usize, RemovedKind)> = Vec::new();
    for (r, kind) in INLINE_RULES.iter() {
        for m in r.find_iter(p) {
            cuts.push((m.start(), m.end(), *kind));
        }
    }
    if cuts.is_empty() {
        return p.to_string();
    }
    cuts.sort_by_key(|c| (c.0, std::cmp::Reverse(c.1)));
    let mut out = String::with_capacity(p.len());
    let mut pos = 0;
    for (s, e, kind) in cuts {
        if s < pos {
            continue; // overlaps a cut already made
        }
        out = join_cut(&out, &p[pos..s]);
        pieces.push(Piece {
            para,
            offset: s + 1,
            removed: Removed {
                kind,
                text: p[s..e].trim().to_string(),
            },
        });
        pos = e;
    }
    join_cut(&out, &p[pos..])
}

/// How far from a paragraph's end trailers are looked for (bytes).
const TAIL_WINDOW: usize = 400;

fn strip_tail(p: &str, para: usize, base: usize, pieces: &mut Vec<Piece>) -> String {
    let mut cur = p.trim().to_string();
    let mut found: Vec<Piece> = Vec::new();
    'outer: loop {
        // Trailers are short: search only the paragraph's last bytes (`^` still means the
        // paragraph's start with `captures_at`).
        let mut from = cur.len().saturating_sub(TAIL_WINDOW);
        while !cur.is_char_boundary(from) {
            from -= 1;
        }
        let bracket_end = cur.ends_with([')', ']', ':']);
        if !bracket_end && !TAIL_TRIGGERS.is_match(&cur[from..]) {
            break;
        }
        for (r, kind) in TAIL_RULES.iter() {
            if let Some(x) = r.captures_at(&cur, from).and_then(|c| c.name("x")) {
                let (s, e) = (x.start(), x.end());
                found.push(Piece {
                    para,
                    offset: s + 1,
                    removed: Removed {
                        kind: *kind,
                        text: cur[s..e].trim().to_string(),
                    },
                });
                cur = cur[..s].trim_end().to_string();
                if cur.is_empty() {
                    break 'outer;
                }
                continue 'outer;
            }
        }
        break;
    }
    // peeled from the end: restore reading order, after the inline pieces
    for (i, mut piece) in found.into_iter().rev().enumerate() {
        piece.offset = base + i;
        pieces.push(piece);
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(c: &Cleaned) -> Vec<RemovedKind> {
        c.removed.iter().map(|r| r.kind).collect()
    }

    #[test]
    fn all_rules_compile() {
        assert!(!LINE_RULES.is_empty() && !INLINE_RULES.is_empty() && !TAIL_RULES.is_empty());
        assert!(DATELINE.is_match("JAKARTA - x"));
        let _ = (&*PAREN, &*DATE_PART, &*PLACE);
    }

    #[test]
    fn datelines_give_place_and_outlet() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            ("JAKARTA - Pemerintah menaikkan harga beras medium mulai pekan depan.", Some("Jakarta"), None),
            ("TOKYO — The central bank kept its policy rate unchanged on Tuesday.", Some("Tokyo"), None),
            ("Bandung, Kompas.com - Hujan deras merendam dua desa di selatan kota.", Some("Bandung"), Some("Kompas.com")),
            ("Jakarta, Harian Cakrawala — Indonesia dan Malaysia akhirnya meneken perjanjian.", Some("Jakarta"), Some("Harian Cakrawala")),
            ("KOMPAS.com - Polisi masih menyelidiki penyebab kebakaran gudang itu.", None, Some("KOMPAS.com")),
            ("Jakarta (ANTARA) - Menteri Luar Negeri bertemu mitranya dari Malaysia hari ini.", Some("Jakarta"), Some("ANTARA")),
            ("JAKARTA, KOMPAS — Harga cabai rawit di pasar induk naik dua kali lipat.", Some("Jakarta"), Some("KOMPAS")),
            ("GOLD COAST, JUARA.net - Pebulu tangkis tunggal putri itu membawa timnya ke final.", Some("Gold Coast"), Some("JUARA.net")),
            ("LONDON, May 5 (Reuters) - Oil prices rose on Monday as supply worries grew.", Some("London"), Some("Reuters")),
            ("Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan dibatalkan akibat abu vulkanik.", Some("Mataram"), Some("ANTARA News")),
            ("JAKARTA, Kabar Nusantara - Harga beras medium turun di pasar induk pekan ini.", Some("Jakarta"), Some("Kabar Nusantara")),
        ];
        for (text, place, outlet) in cases {
            let c = clean(text, None);
            assert_eq!(c.dateline.as_deref(), *place, "{text}");
            assert_eq!(c.outlet.as_deref(), *outlet, "{text}");
            assert_eq!(kinds(&c), vec![RemovedKind::Byline], "{text}");
            let rest = text.split_once([' ', '—']).map(|_| ()).is_some();
            assert!(rest);
            assert!(
                c.text.chars().next().is_some_and(char::is_uppercase),
                "{}",
                c.text
            );
        }
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        for text in [
            "Pertandingan berakhir imbang - kedua tim sama-sama kehilangan poin penting.",
            "Tae-yul tiba di Jakarta pada Senin malam untuk bertemu mitranya.",
            "Harga minyak naik 3 - 4 persen dalam sepekan terakhir menurut data resmi.",
            "Menurut dia, kebijakan itu — yang diumumkan Senin — perlu dikaji ulang.",
        ] {
            let c = clean(text, None);
            assert_eq!(c.text, text, "kept whole");
            assert!(c.removed.is_empty(), "{text}: {:?}", c.removed);
            assert_eq!(c.dateline, None);
        }
    }

    #[test]
    fn read_also_lines_and_inline() {
        let body = "Paragraf pertama berisi berita utama tentang banjir di kota itu.\n\
                    Baca juga: Banjir Rendam Ratusan Rumah di Kota Lain\n\
                    BACA JUGA: Warga Mengungsi ke Masjid\n\
                    Petugas mendirikan dapur umum (Baca juga: Dapur Umum Dibuka) di dekat posko.\n\
                    [Baca Juga: Harga Sayur Naik]";
        let c = clean(body, None);
        assert_eq!(
            c.text,
            "Paragraf pertama berisi berita utama tentang banjir di kota itu.\n\n\
             Petugas mendirikan dapur umum di dekat posko."
        );
        assert_eq!(kinds(&c), vec![RemovedKind::ReadAlso; 4]);
        assert_eq!(c.removed[2].text, "(Baca juga: Dapur Umum Dibuka)");
    }

    #[test]
    fn widgets_captions_tags_bylines() {
        let body = "Foto: ANTARA/Rivan Awal Lingga\n\
                    Ilustrasi pasar tradisional\n\
                    Pedagang di pasar mengeluhkan sepinya pembeli sejak awal bulan ini.\n\
                    SCROLL TO CONTINUE WITH CONTENT\n\
                    ADVERTISEMENT\n\
                    \"Biasanya ramai, sekarang sepi,\" kata Sri (Foto: dok. Pribadi) di lapaknya.\n\
                    Simak Video 'Harga Beras Turun di Pasar Induk':\n\
                    [Gambas:Video 20detik]\n\
                    Tags: pasar, harga, beras\n\
                    Topik: Ekonomi\n\
                    Kata kunci: inflasi\n\
                    Editor: Andi Wijaya\n\
                    Penulis: Sri Lestari\n\
                    Reporter: Budi";
        let c = clean(body, None);
        assert_eq!(
            c.text,
            "Pedagang di pasar mengeluhkan sepinya pembeli sejak awal bulan ini.\n\n\
             \"Biasanya ramai, sekarang sepi,\" kata Sri di lapaknya."
        );
        use RemovedKind::*;
        assert_eq!(
            kinds(&c),
            vec![
                Caption, Caption, Other, Other, Caption, Other, Other, Keywords, Keywords,
                Keywords, Byline, Byline, Byline
            ]
        );
    }

    #[test]
    fn single_line_body_trailers() {
        // Bodies scraped into one line keep their boilerplate inline.
        let body = "Pemerintah menyiapkan anggaran bencana. SCROLL TO CONTINUE WITH CONTENT Anggaran itu \
                    cukup untuk enam bulan, kata menteri. Foto: Andi Saputra/detikcom Warga berharap \
                    bantuan segera tiba. Simak Video 'Bantuan Bencana Tiba di Lokasi': Simak selengkapnya \
                    di sini . Artikel ini pertama kali terbit dalam bahasa Inggris Diadaptasi oleh Rahmat \
                    Hidayat Editor: Dewi Sartika (abc/def)";
        let c = clean(body, None);
        assert_eq!(
            c.text,
            "Pemerintah menyiapkan anggaran bencana. Anggaran itu cukup untuk enam bulan, kata \
             menteri. Warga berharap bantuan segera tiba."
        );
        let got: Vec<(RemovedKind, &str)> = c
            .removed
            .iter()
            .map(|r| (r.kind, r.text.as_str()))
            .collect();
        use RemovedKind::*;
        assert_eq!(
            got,
            vec![
                (Other, "SCROLL TO CONTINUE WITH CONTENT"),
                (Caption, "Foto: Andi Saputra/detikcom"),
                (Other, "Simak Video 'Bantuan Bencana Tiba di Lokasi':"),
                (Other, "Simak selengkapnya di sini ."),
                (
                    Other,
                    "Artikel ini pertama kali terbit dalam bahasa Inggris"
                ),
                (Byline, "Diadaptasi oleh Rahmat Hidayat"),
                (Byline, "Editor: Dewi Sartika"),
                (Signature, "(abc/def)"),
            ]
        );
    }

    #[test]
    fn promo_variants_and_wire_codes() {
        let body = "Harga emas naik tipis pada perdagangan hari ini.\n\
                    Tonton juga \"Harga Emas Hari Ini\" di sini:\n\
                    Saksikan LiveDetikpagi:\n\
                    Pemerintah menyebut stok aman, kata pejabat itu. Emas' Naik di Pasar Pagi':\n\
                    Kedua negara sepakat melanjutkan perundingan. (R021/H015)";
        let c = clean(body, None);
        assert_eq!(
            c.text,
            "Harga emas naik tipis pada perdagangan hari ini.\n\n\
             Pemerintah menyebut stok aman, kata pejabat itu.\n\n\
             Kedua negara sepakat melanjutkan perundingan."
        );
        use RemovedKind::*;
        assert_eq!(kinds(&c), vec![Other, Other, Other, Signature]);
        // a sentence that ends in a colon before a list is kept
        let list = "Berikut daftar saksi yang diperiksa:\nSaksi pertama adalah kepala desa.";
        assert_eq!(
            clean(list, None).text,
            "Berikut daftar saksi yang diperiksa:\n\nSaksi pertama adalah kepala desa."
        );
    }

    #[test]
    fn signatures_at_the_end() {
        for (body, sig, outlet) in [
            ("Sidang dilanjutkan pekan depan. (ant)", "(ant)", None),
            (
                "Sidang dilanjutkan pekan depan.\n(Antara)",
                "(Antara)",
                Some("Antara"),
            ),
            (
                "Sidang dilanjutkan pekan depan. (abc/def)",
                "(abc/def)",
                None,
            ),
            ("\"Kami siap,\" katanya. (Yendhi/win)", "(Yendhi/win)", None),
            ("Skor akhir 2-1 untuk tuan rumah. [ary]", "[ary]", None),
        ] {
            let c = clean(body, None);
            assert_eq!(c.removed.len(), 1, "{body}: {:?}", c.removed);
            assert_eq!(c.removed[0].kind, RemovedKind::Signature);
            assert_eq!(c.removed[0].text, sig);
            assert_eq!(c.outlet.as_deref(), outlet);
            assert!(!c.text.contains(sig));
        }
        // brackets that are part of a sentence stay
        for body in [
            "Ia tergabung dalam Partai Amanat Nasional (PAN).",
            "Kesepakatan itu mengatur pembagian hak partisipasi (participating interest/PI) di blok itu",
            "Dia menyebut angka itu (sekitar 30 persen) masih wajar menurut kajian internal.",
        ] {
            let c = clean(body, None);
            assert_eq!(c.text, body);
            assert!(c.removed.is_empty(), "{body}: {:?}", c.removed);
        }
    }

    #[test]
    fn dek_and_title_repeat() {
        let title = "Harga Beras Turun di Pasar Induk";
        let body = "Harga Beras Turun di Pasar Induk\n\n\
                    Harga beras medium turun di pasar induk karena panen raya.\n\n\
                    JAKARTA, KOMPAS — Harga beras medium di pasar induk turun karena panen raya di sejumlah daerah sentra produksi.\n\n\
                    Pedagang menyebut pasokan melimpah sejak awal pekan.";
        let c = clean(body, Some(title));
        // title repeat removed, then the dek (its words are repeated by the lede)
        assert_eq!(c.removed[0].text, title);
        assert_eq!(c.dateline.as_deref(), Some("Jakarta"));
        assert!(c
            .text
            .starts_with("Harga beras medium di pasar induk turun karena panen raya di sejumlah"));
        assert!(c
            .text
            .ends_with("Pedagang menyebut pasokan melimpah sejak awal pekan."));
        // a first paragraph that the next does not repeat is kept
        let body2 = "Gempa mengguncang pesisir selatan pada Senin pagi.\n\nWarga berhamburan keluar rumah dan menunggu di lapangan desa.";
        let c2 = clean(body2, None);
        assert_eq!(c2.text, "Gempa mengguncang pesisir selatan pada Senin pagi.\n\nWarga berhamburan keluar rumah dan menunggu di lapangan desa.");
    }

    #[test]
    fn real_sentences_mentioning_markers_are_kept() {
        for body in [
            "Video itu viral di media sosial dan ditonton jutaan kali dalam sehari.",
            "Simak penjelasan berikut ini tentang cara mengurus paspor.",
            "Ilustrasi yang dipakai dalam kampanye itu dibuat oleh seniman lokal, dan menuai banyak pujian dari warganet yang melihatnya di pameran.",
            "Editor senior majalah itu mengundurkan diri pekan lalu.",
            "Foto-foto kerusakan beredar luas setelah gempa.",
            "Tags yang dipasang di koper membantu petugas bandara.",
        ] {
            let c = clean(body, None);
            assert_eq!(c.text, body, "kept");
            assert!(c.removed.is_empty(), "{body}: {:?}", c.removed);
        }
    }

    #[test]
    fn english_boilerplate() {
        let body = "WASHINGTON (Reuters) - The Senate passed the bill late on Tuesday after weeks of talks.\n\
                    Read also: Senate leaders strike deal\n\
                    ADVERTISEMENT\n\
                    The measure now goes to the House, where its fate is uncertain.\n\
                    (Reporting by Jane Doe; Editing by John Roe)";
        let c = clean(body, None);
        assert_eq!(c.dateline.as_deref(), Some("Washington"));
        assert_eq!(c.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            c.text,
            "The Senate passed the bill late on Tuesday after weeks of talks.\n\n\
             The measure now goes to the House, where its fate is uncertain."
        );
        use RemovedKind::*;
        assert_eq!(kinds(&c), vec![Byline, ReadAlso, Other, Byline]);
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(clean("", None), Cleaned::default());
        assert_eq!(clean(" \n\t\n", None).text, "");
        assert_eq!(clean("a\r\n\r\nb", None).text, "a\n\nb");
    }
}
