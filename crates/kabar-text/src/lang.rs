//! Language identification: Indonesian, English, or unknown.
//!
//! [`detect`] is a function-word and affix scorer written for this product (measured
//! against `whatlang` in `examples/eval_lang.rs`, see docs/text.md): news in Indonesian
//! and English is dense in function words ("yang", "di", "dan" / "the", "of", "and"),
//! Indonesian words carry tell-tale affixes ("meng-", "ber-", "-kan", "-nya") and English
//! ones theirs ("-tion", "-ing", "th"). It reads at most the first [`MAX_WORDS`] words, so
//! its cost does not grow with article length. When the evidence is too thin (a short
//! title without function words) it asks `whatlang`'s trigram model, keeping only an
//! English or Indonesian answer; when fewer than a quarter of the words are function words
//! (perhaps a third language that shares "in" or "para"), whatlang may veto the answer if
//! it is reliably sure of another language. Text mostly in a non-Latin script, or of fewer
//! than two words, is [`Lang::Unknown`].
//!
//! **Malay.** `whatlang` has no Malay model and Indonesian and Malay share nearly all
//! function words, so Malay text scores as Indonesian here too. [`Lang`] has no Malay,
//! this product reports Indonesian news and its Indonesian stemmer and stop words serve
//! Malay well, so Malay-looking text comes out [`Lang::Id`]; [`detect_detail`] counts
//! clearly Malay spellings ("kerana", "sahaja", "kerajaan", "iaitu") in
//! [`Detection::malay_markers`] for a caller that wants to tell them apart.

use crate::words::Fnv;
use kabar_core::Lang;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// How many words [`detect`] reads at most.
pub const MAX_WORDS: usize = 400;

/// Indonesian (and Malay) function and very frequent words that are not English words.
const ID_WORDS: &str = "
yang dan di ke dari ini itu dengan untuk pada tidak akan dalam juga ada adalah oleh sebagai
karena atau bisa sudah telah saat kata ujar tersebut bahwa para lebih masih kami kita mereka ia
dia saya harus dapat setelah hingga sampai namun tetapi tapi jika kalau seperti agar belum bagi
serta antara sejak menjadi secara yakni yaitu pun lagi hanya sangat baru sebelum kepada terhadap
tahun hari orang banyak besar baik mau ingin sedang bukan jadi apa siapa mana bagaimana mengapa
kenapa kapan sebuah seorang salah satu dua tiga empat lima beberapa semua seluruh setiap tiap
sendiri sementara kemudian lalu tak sekitar hal cara pihak melalui tentang demikian selain maupun
meski meskipun walaupun bahkan terus segera pula kembali begitu sebab kali nanti kini sini sana
tanpa merupakan ialah menurut ketika apabila selama sesudah katanya ujarnya tuturnya jelasnya
pukul warga sejumlah perlu jangan pernah tengah hampir kemarin besok sekarang tadi anda kamu
bulan juta miliar triliun ribu persen rupiah atas bawah luar masa sama lain pertama kedua
ketiga baru milik akhir awal tinggi bersama terkait guna sehingga maka sedangkan dimana adanya
hasil lolos bikin bareng soal usut ungkap gelar kasus resmi anak polisi korban harga naik turun
rumah jalan kota desa kabupaten provinsi pemerintah presiden menteri ketua anggota dewan rakyat
daerah wilayah negara dunia cek jelang usai buka tutup laga juara timnas pemain pelatih sekolah
warga bantuan dana uang utang pajak ekspor impor tanah air banjir gempa kebakaran tewas luka
hukum sidang jaksa hakim terdakwa tersangka dugaan pemilu partai calon kepala wakil kantor
kerja pekerja perusahaan saham bursa pasar modal bank emas sawit beras minyak listrik cuaca
sebut dorong genjot tembus bocoran jadwal berita buat gak nggak nih yuk banget macet parah
kalah menang depan minggu pekan puji singgung lawan tim laga
";

/// English function and very frequent words that are not Indonesian words. "as", "it",
/// "us", "no" and "i" are left out: "AS" (Amerika Serikat), "IT", "US", "No." and roman
/// numerals are frequent in Indonesian news.
const EN_WORDS: &str = "
the of and to in is that for was on with he she by at from his her they be this have has had
are were not but which said an or will would their its been who more after also about than we
there when one two three new year years into up out can could all some what other over last
first people if so them these those told says because while where how most only such just
before under between should may did do does our you my me him against during being any many
much through then very well even still since both each own same here now off down back like
get got make made take took say week month time until though although whether whose whom why
again further among around across according including however there's it's he's don't didn't
doesn't won't can't i'm we're they're government president minister police officials
reported percent million billion yesterday today tomorrow monday tuesday wednesday thursday
friday saturday sunday a
behind against despite amid without within upon every another such whose says warns world
country state city report court war attack killed dead death week news video photo update
children women men school house home police leader leaders former chief company market
";

/// Spellings that are Malay (Malaysia, Brunei) rather than Indonesian. Words common in
/// Indonesian too ("beliau", "negeri", "pejabat", "jabatan", "perdana") are left out.
const MALAY_WORDS: &str = "
kerana sahaja iaitu selepas manakala kenderaan kerajaan wang polis bahawa cuba mahu baharu
kakitangan antarabangsa menerusi kemaskini tempatan setiausaha persekutuan ringgit
";

const IS_ID: u8 = 1;
const IS_EN: u8 = 2;
const IS_MS: u8 = 4;

/// Every listed word with its lists (one hash lookup per word read).
fn lexicon() -> &'static HashMap<&'static str, u8, BuildHasherDefault<Fnv>> {
    static S: OnceLock<HashMap<&'static str, u8, BuildHasherDefault<Fnv>>> = OnceLock::new();
    S.get_or_init(|| {
        let mut m = HashMap::default();
        for (list, flag) in [(ID_WORDS, IS_ID), (EN_WORDS, IS_EN), (MALAY_WORDS, IS_MS)] {
            for w in list.split_whitespace() {
                *m.entry(w).or_insert(0) |= flag;
            }
        }
        m
    })
}

/// What [`detect_detail`] saw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The decision.
    pub lang: Lang,
    /// Indonesian evidence (function words count 1, affixes less).
    pub id_score: f32,
    /// English evidence.
    pub en_score: f32,
    /// Words read (at most [`MAX_WORDS`]).
    pub words: usize,
    /// Words with a clearly Malay spelling ("kerana", "sahaja", "kerajaan").
    pub malay_markers: u32,
    /// Share of the words read that are function words of either language.
    pub coverage: f32,
    /// True when `whatlang` was asked (thin or unusual evidence).
    pub fallback: bool,
}

impl Detection {
    /// True when the text reads as Malay rather than Indonesian (it is still reported as
    /// [`Lang::Id`]).
    pub fn malay_like(&self) -> bool {
        self.malay_markers >= 2 && self.malay_markers as usize * 50 >= self.words
    }
}

/// Indonesian affix evidence of a lower-cased word that is not a function word.
#[inline]
fn id_affix(w: &[u8]) -> f32 {
    if w.len() < 5 {
        return 0.0;
    }
    let mut s = 0.0;
    if w.starts_with(b"meng")
        || w.starts_with(b"meny")
        || w.starts_with(b"mem")
        || w.starts_with(b"men")
        || w.starts_with(b"ber")
        || w.starts_with(b"peng")
        || w.starts_with(b"peny")
        || w.starts_with(b"pem")
        || (w.starts_with(b"di") && w.len() >= 6)
        || (w.starts_with(b"ter") && w.len() >= 6)
        || (w.starts_with(b"ke") && w.ends_with(b"an"))
    {
        s += 0.3;
    }
    if w.ends_with(b"kan") || w.ends_with(b"nya") || w.ends_with(b"lah") || w.ends_with(b"kah") {
        s += 0.3;
    }
    s
}

/// English affix and spelling evidence of a lower-cased word that is not a function word.
#[inline]
fn en_affix(w: &[u8]) -> f32 {
    if w.len() < 4 {
        return 0.0;
    }
    let mut s: f32 = 0.0;
    if w.ends_with(b"tion")
        || w.ends_with(b"ing")
        || w.ends_with(b"ed")
        || w.ends_with(b"ly")
        || w.ends_with(b"ness")
        || w.ends_with(b"ment")
        || w.ends_with(b"ous")
        || w.ends_with(b"ght")
        || w.ends_with(b"es")
    {
        s += 0.3;
    }
    if w.windows(2).any(|p| {
        matches!(
            p,
            b"th" | b"wh" | b"sh" | b"ck" | b"ee" | b"oo" | b"ea" | b"ou" | b"ph" | b"ow" | b"ew"
        )
    }) {
        s += 0.3;
    }
    s.min(0.5)
}

/// Scores without the fallback.
fn score(text: &str) -> Detection {
    let lex = lexicon();
    let mut d = Detection {
        lang: Lang::Unknown,
        id_score: 0.0,
        en_score: 0.0,
        words: 0,
        malay_markers: 0,
        coverage: 0.0,
        fallback: false,
    };
    let mut latin = 0usize;
    let mut other_script = 0usize;
    let mut fw_hits = 0usize;
    let mut buf = [0u8; 24];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && d.words < MAX_WORDS {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            // an ASCII word (apostrophes inside kept: "don't")
            let s = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_alphabetic()
                    || (bytes[i] == b'\''
                        && i + 1 < bytes.len()
                        && bytes[i + 1].is_ascii_alphabetic()
                        && i > s))
            {
                i += 1;
            }
            // a word glued to non-ASCII letters ("café") is skipped as a whole
            if i < bytes.len() && bytes[i] >= 0x80 {
                continue;
            }
            let len = i - s;
            latin += len;
            if len > buf.len() {
                d.words += 1;
                continue;
            }
            for (k, &c) in bytes[s..i].iter().enumerate() {
                buf[k] = c.to_ascii_lowercase();
            }
            let w = &buf[..len];
            d.words += 1;
            let Ok(ws) = std::str::from_utf8(w) else {
                continue;
            };
            let flags = lex.get(ws).copied().unwrap_or(0);
            let in_id = flags & IS_ID != 0;
            let in_en = flags & IS_EN != 0;
            if in_id {
                d.id_score += 1.0;
                fw_hits += 1;
            }
            if in_en {
                d.en_score += 1.0;
                fw_hits += 1;
            }
            if !in_id && !in_en {
                d.id_score += id_affix(w);
                d.en_score += en_affix(w);
            }
            if flags & IS_MS != 0 {
                // Malay spellings are evidence for the Indonesian/Malay family
                d.malay_markers += 1;
                if !in_id {
                    d.id_score += 1.0;
                    fw_hits += 1;
                }
            }
        } else if b >= 0x80 {
            // non-ASCII: count letters of other scripts
            let s = i;
            i += 1;
            while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                i += 1;
            }
            if let Some(c) = text.get(s..i).and_then(|x| x.chars().next()) {
                if c.is_alphabetic() {
                    if (c as u32) < 0x250 {
                        latin += 1;
                    } else {
                        other_script += 1;
                    }
                }
            }
        } else {
            i += 1;
        }
    }
    if other_script > latin || d.words == 0 {
        return d;
    }
    d.coverage = fw_hits as f32 / d.words as f32;
    let (hi, lo, lang) = if d.id_score >= d.en_score {
        (d.id_score, d.en_score, Lang::Id)
    } else {
        (d.en_score, d.id_score, Lang::En)
    };
    // two affixed words and nothing for the other language are enough (a title)
    if d.words >= 2 && ((hi >= 1.0 && hi > 1.25 * lo) || (hi >= 0.6 && lo == 0.0)) {
        d.lang = lang;
    }
    d
}

/// Identifies the language of `text`, with the evidence. See the module doc.
pub fn detect_detail(text: &str) -> Detection {
    let mut d = score(text);
    if d.words < 2 {
        return d;
    }
    if d.lang == Lang::Unknown {
        // thin evidence (a title of names, a tie): ask whatlang, keep id/en answers
        d.fallback = true;
        d.lang = detect_whatlang(text);
    } else if d.coverage < LOW_COVERAGE {
        // few of our function words: maybe a third language sharing a few ("in", "para");
        // whatlang vetoes when it is sure of another language
        d.fallback = true;
        if let Some(info) = whatlang_info(text) {
            if info.is_reliable()
                && !matches!(info.lang(), whatlang::Lang::Eng | whatlang::Lang::Ind)
            {
                d.lang = Lang::Unknown;
            }
        }
    }
    d
}

/// Identifies the language of `text`: [`Lang::Id`] (Indonesian, and Malay), [`Lang::En`],
/// or [`Lang::Unknown`] for too little text, text in another language, or a tie.
///
/// ```
/// use kabar_text::{lang::detect, Lang};
/// assert_eq!(detect("Presiden menegaskan pentingnya pengendalian inflasi di daerah."), Lang::Id);
/// assert_eq!(detect("The president said the inflation rate was under control."), Lang::En);
/// assert_eq!(detect("12.30"), Lang::Unknown);
/// ```
pub fn detect(text: &str) -> Lang {
    detect_detail(text).lang
}

/// The scorer alone, without the `whatlang` fallback (for comparison in `eval_lang`).
pub fn detect_scorer(text: &str) -> Lang {
    score(text).lang
}

/// Below this share of function words the scorer's answer is checked by whatlang.
const LOW_COVERAGE: f32 = 0.25;

fn whatlang_info(text: &str) -> Option<whatlang::Info> {
    let mut end = text.len().min(2000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    whatlang::detect(&text[..end])
}

/// `whatlang`'s answer mapped to [`Lang`]: English and Indonesian, anything else (or no
/// answer) [`Lang::Unknown`]. Reads at most the first 2,000 bytes.
pub fn detect_whatlang(text: &str) -> Lang {
    match whatlang_info(text).map(|i| i.lang()) {
        Some(whatlang::Lang::Eng) => Lang::En,
        Some(whatlang::Lang::Ind) => Lang::Id,
        _ => Lang::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english() {
        assert_eq!(
            detect("Warga yang terdampak banjir di Bekasi sudah dievakuasi ke tempat aman."),
            Lang::Id
        );
        assert_eq!(
            detect("Residents affected by the floods were moved to shelters on Monday."),
            Lang::En
        );
    }

    #[test]
    fn too_little_or_no_letters() {
        assert_eq!(detect(""), Lang::Unknown);
        assert_eq!(detect("   "), Lang::Unknown);
        assert_eq!(detect("2,5 160.000 (09.20)"), Lang::Unknown);
        assert_eq!(detect("Jakarta"), Lang::Unknown);
    }

    #[test]
    fn other_languages_are_unknown() {
        // sentences written for this test
        for t in [
            "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour les fonctionnaires.",
            "Die Regierung hat am Dienstag eine neue Reform der Renten für die Beamten angekündigt.",
            "El gobierno anunció el martes una nueva reforma de las pensiones para los funcionarios.",
            "Ang pamahalaan ay nag-anunsyo ng bagong reporma sa pensiyon para sa mga kawani noong Martes.",
            "Правительство во вторник объявило о новой пенсионной реформе для госслужащих страны.",
            "政府は火曜日、公務員の年金制度の新たな改革を発表した。",
        ] {
            assert_eq!(detect(t), Lang::Unknown, "{t}");
        }
    }

    #[test]
    fn malay_comes_out_indonesian_and_is_flagged() {
        // written for this test: Malaysian spelling
        let ms = "Kerajaan negeri berkata bahawa kenderaan awam akan dibenarkan beroperasi \
                  selepas perintah kawalan ditarik balik, iaitu mulai minggu depan, kerana \
                  keadaan sudah pulih sepenuhnya.";
        let d = detect_detail(ms);
        assert_eq!(d.lang, Lang::Id);
        assert!(d.malay_like(), "{d:?}");
        let id = "Pemerintah daerah menyatakan bahwa kendaraan umum akan diizinkan beroperasi \
                  setelah pembatasan dicabut, yaitu mulai pekan depan, karena keadaan sudah pulih.";
        let d = detect_detail(id);
        assert_eq!(d.lang, Lang::Id);
        assert!(!d.malay_like(), "{d:?}");
    }

    #[test]
    fn mixed_text_goes_to_the_majority() {
        let t = "Menteri mengatakan \"we are ready\" dalam jumpa pers yang digelar di Jakarta \
                 pada hari Senin bersama para pejabat lain.";
        assert_eq!(detect(t), Lang::Id);
    }

    #[test]
    fn reads_a_bounded_prefix() {
        let long = "yang dan di ke dari ".repeat(10_000);
        let d = detect_detail(&long);
        assert_eq!(d.lang, Lang::Id);
        assert!(d.words <= MAX_WORDS);
    }
}
