//! Stemmers: a dictionary-free Indonesian stemmer and Porter2 for English.
//!
//! [`stem_id`] implements the algorithm of Tala (2003), "A Study of Stemming Effects on
//! Information Retrieval in Bahasa Indonesia", with the refinements documented for
//! Snowball's Indonesian stemmer (the same algorithm Lucene's `IndonesianStemmer` uses).
//! It is written here from the published description; no root-word dictionary is used (the
//! Sastrawi/Kateglo dictionary is CC-BY-NC-SA, unusable in this product). It is
//! hand-written because `rust-stemmers` (used here for English) has no Indonesian algorithm
//! and the Sastrawi ports depend on that dictionary.
//!
//! The algorithm, on a lower-cased word whose *measure* is its number of vowels
//! (a, e, i, o, u); nothing is removed from a word of measure ≤ 2, and each removal
//! lowers the measure by one:
//! 1. remove a particle: `-kah`, `-lah`, `-pun`;
//! 2. if measure > 2, remove a possessive pronoun: `-ku`, `-mu`, `-nya`;
//! 3. if measure > 2, remove a first-order prefix: `meng-`, `men-`, `me-`, `di-`, `ter-`,
//!    `ke-`, `peng-`, `pen-`; `meny-`/`peny-` before a vowel become `s`; `mem-`/`pem-`
//!    before a vowel become `p`, otherwise are removed. If one was removed: if measure > 2
//!    remove a suffix, and only if a suffix went and measure > 2 still, a second-order
//!    prefix (as in Tala's flow chart and Lucene: "diperbaiki" → "baik", but "pemerintah"
//!    → "perintah"; never after `mem-`/`meny-` + vowel, whose restored letter is the
//!    root's). If none was removed: remove a second-order prefix, then if measure > 2 a
//!    suffix;
//! 4. second-order prefixes: `ber-`, `be-` before *consonant + "er"*, `per-`, `pe-`, and
//!    "belajar"/"pelajar" → "ajar";
//! 5. suffixes: `-kan` (not after `ke-`, `peng-`, `per-`), `-an` (not after `meng-`,
//!    `di-`, `ter-`), `-i` (not after `ber-`, `ke-`, `peng-`, and not after an `s`).
//!
//! Beyond the paper, for this product: reduplicated words ("anak-anak", "berlari-lari",
//! "sebesar-besarnya", informal "anak2") stem to the stem of their base, and a clitic after a
//! hyphen ("kuasa-Mu") is dropped.

use kabar_core::Lang;
use std::sync::OnceLock;

#[inline]
fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn measure(w: &[u8]) -> usize {
    w.iter().filter(|&&b| is_vowel(b)).count()
}

/// Which first- or second-order prefix was removed (the paper's conditions on suffixes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    None,
    /// di-, meng-, men-, me-, meny-, mem-, ter-
    Me,
    /// per-, pe-
    Pe,
    /// ke-, peng-, pen-, peny-, pem-
    Ke,
    /// ber-, be-, belajar
    Ber,
}

/// Longer words are returned unstemmed (no Indonesian word is this long).
const MAX_LEN: usize = 48;

/// The word being stemmed: a stack copy and the live window `[s, e)`; removing a prefix
/// or suffix only moves the window, so stemming allocates nothing but the result.
struct Word {
    b: [u8; MAX_LEN],
    s: usize,
    e: usize,
    m: usize,
    prefix: Prefix,
    /// The first-order prefix was replaced by the root's first letter.
    replaced: bool,
}

impl Word {
    #[inline]
    fn w(&self) -> &[u8] {
        &self.b[self.s..self.e]
    }

    fn strip_suffix_any(&mut self, list: &[&[u8]]) -> bool {
        for s in list {
            if self.e - self.s > s.len() && self.w().ends_with(s) {
                self.e -= s.len();
                self.m -= 1;
                return true;
            }
        }
        false
    }

    fn remove_particle(&mut self) {
        self.strip_suffix_any(&[b"kah", b"lah", b"pun"]);
    }

    fn remove_possessive(&mut self) {
        self.strip_suffix_any(&[b"nya", b"ku", b"mu"]);
    }

    /// Returns true when a suffix was removed.
    fn remove_suffix(&mut self) -> bool {
        let w = self.w();
        let n = w.len();
        let p = self.prefix;
        if n > 3 && w.ends_with(b"kan") && p != Prefix::Ke && p != Prefix::Pe {
            self.e -= 3;
            self.m -= 1;
        } else if n > 2 && w.ends_with(b"an") && p != Prefix::Me {
            self.e -= 2;
            self.m -= 1;
        } else if n > 2
            && w.ends_with(b"i")
            && matches!(p, Prefix::None | Prefix::Me | Prefix::Pe)
            && w[n - 2] != b's'
        {
            self.e -= 1;
            self.m -= 1;
        } else {
            return false;
        }
        true
    }

    fn drop_front(&mut self, k: usize, prefix: Prefix) {
        self.s += k;
        self.m -= 1;
        self.prefix = prefix;
    }

    fn replace_front(&mut self, k: usize, with: u8, prefix: Prefix) {
        self.s += k - 1;
        self.b[self.s] = with;
        self.m -= 1;
        self.replaced = true;
        self.prefix = prefix;
    }

    /// Returns true when a first-order prefix was removed.
    fn remove_first_order_prefix(&mut self) -> bool {
        let w = self.w();
        let vowel_at = |i: usize| w.get(i).is_some_and(|&b| is_vowel(b));
        // longest match first, as Snowball's `among` does
        if w.starts_with(b"meny") && vowel_at(4) {
            self.replace_front(4, b's', Prefix::Me);
        } else if w.starts_with(b"peny") && vowel_at(4) {
            self.replace_front(4, b's', Prefix::Ke);
        } else if w.starts_with(b"meng") {
            self.drop_front(4, Prefix::Me);
        } else if w.starts_with(b"peng") {
            self.drop_front(4, Prefix::Ke);
        } else if w.starts_with(b"mem") {
            if vowel_at(3) {
                self.replace_front(3, b'p', Prefix::Me);
            } else {
                self.drop_front(3, Prefix::Me);
            }
        } else if w.starts_with(b"pem") {
            if vowel_at(3) {
                self.replace_front(3, b'p', Prefix::Ke);
            } else {
                self.drop_front(3, Prefix::Ke);
            }
        } else if w.starts_with(b"men") {
            self.drop_front(3, Prefix::Me);
        } else if w.starts_with(b"pen") {
            self.drop_front(3, Prefix::Ke);
        } else if w.starts_with(b"ter") {
            self.drop_front(3, Prefix::Me);
        } else if w.starts_with(b"me") || w.starts_with(b"di") {
            self.drop_front(2, Prefix::Me);
        } else if w.starts_with(b"ke") {
            self.drop_front(2, Prefix::Ke);
        } else {
            return false;
        }
        true
    }

    fn remove_second_order_prefix(&mut self) {
        let w = self.w();
        if w.starts_with(b"belajar") {
            self.drop_front(3, Prefix::Ber);
        } else if w.starts_with(b"pelajar") {
            self.s += 3;
            self.m -= 1;
        } else if w.starts_with(b"ber") {
            self.drop_front(3, Prefix::Ber);
        } else if w.starts_with(b"per") {
            self.drop_front(3, Prefix::Pe);
        } else if w.starts_with(b"be")
            && w.len() > 4
            && !is_vowel(w[2])
            && w[3] == b'e'
            && w[4] == b'r'
        {
            self.drop_front(2, Prefix::Ber);
        } else if w.starts_with(b"pe") {
            self.drop_front(2, Prefix::Pe);
        }
    }
}

/// Tala on one lower-case ASCII word.
fn tala(word: &str) -> String {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN {
        return word.to_string();
    }
    let mut b = [0u8; MAX_LEN];
    b[..bytes.len()].copy_from_slice(bytes);
    let mut st = Word {
        b,
        s: 0,
        e: bytes.len(),
        m: measure(word.as_bytes()),
        prefix: Prefix::None,
        replaced: false,
    };
    if st.m <= 2 {
        return word.to_string();
    }
    st.remove_particle();
    if st.m > 2 {
        st.remove_possessive();
    }
    if st.m > 2 {
        if st.remove_first_order_prefix() {
            // as in Tala's flow chart (and Lucene), the second-order prefix goes only when
            // a suffix went too ("diperbaiki" but not "pemerintah"); after "mem-"/"meny-"
            // + vowel the restored first letter belongs to the root, never to a prefix
            let suffix_removed = st.m > 2 && st.remove_suffix();
            // remove_suffix lowered the measure: check it again
            if suffix_removed && st.m > 2 && !st.replaced {
                st.remove_second_order_prefix();
            }
        } else {
            st.remove_second_order_prefix();
            if st.m > 2 {
                st.remove_suffix();
            }
        }
    }
    // only ASCII bytes were removed or replaced
    String::from_utf8(st.w().to_vec()).unwrap_or_else(|_| word.to_string())
}

const CLITICS: &[&str] = &["ku", "mu", "nya", "lah", "kah", "pun", "an"];

/// Stems one Indonesian word with the Tala algorithm (see the module doc). The word is
/// lower-cased; words with non-ASCII letters or digits are returned lower-cased but
/// otherwise untouched.
///
/// ```
/// use kabar_text::stem::stem_id;
/// assert_eq!(stem_id("kebijakan"), "bijak");
/// assert_eq!(stem_id("pemerintah"), "perintah");
/// assert_eq!(stem_id("membeli"), "beli");
/// assert_eq!(stem_id("anak-anak"), "anak");
/// ```
pub fn stem_id(word: &str) -> String {
    let lower;
    let w = if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    // no word is this long; bounds the work on pathological tokens ("a-ku-ku-ku-…")
    if w.len() > 2 * MAX_LEN {
        return w.to_string();
    }
    // a clitic after the last hyphen: "kuasa-Mu", "malaikat-malaikat-Nya"
    if let Some((a, b)) = w.rsplit_once('-') {
        if !a.is_empty() && CLITICS.contains(&b) {
            return stem_id(a);
        }
    }
    if let Some((a, b)) = w.split_once('-') {
        if a.is_empty() || b.is_empty() {
            return w.to_string();
        }
        if CLITICS.contains(&b) && !b.contains('-') {
            return stem_id(a);
        }
        if b.contains('-') {
            // three parts or more: not a reduplication
            return w.to_string();
        }
        let (sa, sb) = (stem_id(a), stem_id(b));
        if sa == sb {
            return sa;
        }
        // partial reduplication: "meniru-niru", "sebesar-besarnya", "berlari-lari"
        if sb.len() >= 3 && sa.ends_with(sb.as_str()) {
            return sb;
        }
        if sa.len() >= 3 && sb.ends_with(sa.as_str()) {
            return sa;
        }
        // the second half keeps the nasal the prefix replaced: "memanggil-manggil",
        // "menyebut-nyebut" (the first half's stem has the restored p/s)
        let first = sa.chars().next().map_or(0, char::len_utf8);
        if sa.len() >= 4 && sb.len() > 2 && sa.get(first..).is_some_and(|t| sb.ends_with(t)) {
            return sa;
        }
        return w.to_string();
    }
    // informal reduplication: "anak2"
    if let Some(base) = w.strip_suffix('2') {
        if base.len() >= 2 && base.bytes().all(|b| b.is_ascii_lowercase()) {
            return stem_id(base);
        }
    }
    if !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w.to_string();
    }
    tala(w)
}

fn porter2() -> &'static rust_stemmers::Stemmer {
    static S: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    S.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

/// Stems one English word with Porter2 (Snowball English, via `rust-stemmers`). The word
/// is lower-cased first.
///
/// ```
/// assert_eq!(kabar_text::stem::stem_en("Running"), "run");
/// assert_eq!(kabar_text::stem::stem_en("governments"), "govern");
/// ```
pub fn stem_en(word: &str) -> String {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        porter2().stem(&word.to_lowercase()).into_owned()
    } else {
        porter2().stem(word).into_owned()
    }
}

/// Lower-cases `word` and stems it for `lang`: [`stem_id`] for Indonesian, [`stem_en`] for
/// English; unknown language returns the lower-cased word.
///
/// ```
/// use kabar_text::{stem::stem, Lang};
/// assert_eq!(stem("Dikatakan", Lang::Id), "kata");
/// assert_eq!(stem("Said", Lang::En), "said");
/// assert_eq!(stem("Jakarta", Lang::Unknown), "jakarta");
/// ```
pub fn stem(word: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => stem_id(word),
        Lang::En => stem_en(word),
        Lang::Unknown => word.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_and_possessives() {
        assert_eq!(stem_id("bukumukah"), "buku");
        assert_eq!(stem_id("miliknyalah"), "milik");
        assert_eq!(stem_id("celananya"), "celana");
        // measure <= 2: untouched
        assert_eq!(stem_id("bajunya"), "baju");
        assert_eq!(stem_id("dia"), "dia");
        assert_eq!(stem_id("apalah"), "apa");
        assert_eq!(stem_id("mei"), "mei");
    }

    #[test]
    fn first_order_prefixes() {
        assert_eq!(stem_id("mengambil"), "ambil");
        assert_eq!(stem_id("menyapu"), "sapu");
        assert_eq!(stem_id("memukul"), "pukul");
        assert_eq!(stem_id("membeli"), "beli");
        assert_eq!(stem_id("dibacakan"), "baca");
        assert_eq!(stem_id("terdepan"), "depan");
        assert_eq!(stem_id("penyanyi"), "sanyi");
        assert_eq!(stem_id("pemakaian"), "pakai");
        // Tala cannot restore a dropped initial t/k (known difference with Sastrawi)
        assert_eq!(stem_id("menulis"), "ulis");
    }

    #[test]
    fn second_order_prefixes_and_suffixes() {
        assert_eq!(stem_id("bermain"), "main");
        assert_eq!(stem_id("bekerja"), "kerja");
        assert_eq!(stem_id("perbaikan"), "baik");
        assert_eq!(stem_id("belajar"), "ajar");
        assert_eq!(stem_id("pelajaran"), "ajar");
        assert_eq!(stem_id("kedudukan"), "duduk");
        // -kan not removed after ke- (confix rule), -an is
        assert_eq!(stem_id("kebijakan"), "bijak");
        assert_eq!(stem_id("dikuasai"), "kuasa");
        // -i not removed after s
        assert_eq!(stem_id("menangisi"), "angisi");
        // second-order prefix only after a suffix
        assert_eq!(stem_id("pemerintah"), "perintah");
        assert_eq!(stem_id("diperbaiki"), "baik");
    }

    #[test]
    fn reduplication_and_case() {
        assert_eq!(stem_id("Anak-Anak"), "anak");
        assert_eq!(stem_id("berlari-lari"), "lari");
        assert_eq!(stem_id("sebesar-besarnya"), "besar");
        assert_eq!(stem_id("kuasa-Mu"), "kuasa");
        assert_eq!(stem_id("anak2"), "anak");
        assert_eq!(stem_id("memanggil-manggil"), "panggil");
        assert_eq!(stem_id("malaikat-malaikat-Nya"), "malaikat");
        assert_eq!(stem_id("Tae-yul"), "tae-yul");
        assert_eq!(stem_id("COVID-19"), "covid-19");
        assert_eq!(stem_id(""), "");
        assert_eq!(stem_id("-"), "-");
        let long = format!("a{}", "-ku".repeat(10_000));
        assert_eq!(stem_id(&long), long);
        // non-ASCII first letter: no panic slicing after it
        assert_eq!(stem_id("ñabc-xabc"), "ñabc");
    }

    #[test]
    fn english() {
        assert_eq!(stem_en("presidents"), "presid");
        assert_eq!(stem("Elections", Lang::En), "elect");
        assert_eq!(stem("Pemilihan", Lang::Id), "pilih");
    }
}
