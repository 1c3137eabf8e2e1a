//! Stop words for Indonesian and English, and the content terms of a text.
//!
//! The lists are written for this project (no licensed list file is copied): function
//! words, pronouns, auxiliaries, conjunctions, prepositions, frequent adverbs, number
//! words, and the reporting verbs and time words that fill every news article ("ujar",
//! "kata", "said", "hari", "Monday") and so carry no topic.

use crate::stem::stem;
use crate::tokens::tokenize;
use crate::words::{lower_into, word_set, WordSet};
use kabar_core::{Lang, TokenKind};
use std::sync::OnceLock;

const ID_STOPWORDS: &str = "
ada adalah adanya agak agar akan akankah akhir akhirnya aku akulah amat amatlah anda andalah
antar antara antaranya apa apaan apabila apakah apalagi apatah atau ataukah ataupun atas
bagai bagaikan bagaimana bagaimanakah bagaimanapun bagi bagian bahkan bahwa bahwasanya baik
bakal bakalan balik banyak bapak baru bawah beberapa begini beginian begitu begitukah
begitulah begitupun belum belumlah berada berapa berbagai bersama beserta betul biasa
biasanya bila bilakah bisa bisakah boleh bolehkah bu buat bukan bukankah bukanlah bukannya
cara caranya cukup cuma dahulu dalam dan dapat dari daripada datang dekat demi demikian
dengan depan di dia dialah diantara diri dirinya disini disinilah dong dua dulu enggak
entah hal hampir hanya hanyalah harus haruslah hendak hendaklah hingga ia ialah ibu ikut ini
inikah inilah itu itukah itulah jadi jadilah jangan janganlah jauh jelas jika jikalau juga
justru kala kalau kalaulah kalaupun kali kalian kami kamilah kamu kamulah kan kapan
kapankah kapanpun karena karenanya kata katanya ke kecuali kedua keduanya kelak kembali
kemudian kenapa kepada kepadanya kesamaan ketika khususnya kini kinilah kira kita kitalah
kok kurang lagi lagian lah lain lainnya lalu lama lamanya lebih lewat lima mampu mana
manakala manalagi masa masih masing maka makin malah malahan mampukah mana mau maupun melainkan
melalui memang mengapa menjadi menurut mereka merekalah merupakan meski meskipun mungkin
mungkinkah nah namun nanti nantinya nggak nya oleh olehnya pada padahal padanya paling pak
para pasti per perlu pernah pula pun punya rasa rupanya saat saatnya saja sajalah saling
sama sambil sampai sana sangat sangatlah satu saya sayalah se sebab sebabnya sebagai
sebagaimana sebagainya sebagian sebaik sebaiknya sebanyak sebegini sebegitu sebelum
sebelumnya sebenarnya seberapa sebesar sebetulnya sebisanya sebuah secara sedang sedangkan
sedikit segala segera sehingga sejak sejumlah sekadar sekali sekalian sekalipun sekarang
sekitar sekitarnya selaku selalu selama selain selanjutnya seluruh seluruhnya semakin
sementara semua semuanya sendiri sendirinya seolah seorang sepanjang seperti sepertinya
sering seringnya serta sesuatu sesudah sesudahnya setelah setiap setidaknya sewaktu siapa
siapakah siapapun sini sinilah situ soal suatu sudah sudahkah sudahlah supaya tadi tadinya
tak tanpa tapi telah tentang tentu tentunya tengah terhadap terhadapnya terlalu termasuk
ternyata tersebut tertentu tetap tetapi tiap tidak tidakkah tidaklah tiga toh turut untuk
untuknya usai walau walaupun ya yaitu yakni yang
ujar ujarnya tutur tuturnya ucap ucapnya ungkap ungkapnya imbuh imbuhnya tambah tambahnya
jelasnya katakan mengatakan dikatakan menyatakan mengungkapkan menjelaskan menambahkan
hari tahun bulan pekan minggu jam pukul kemarin besok lusa pagi siang sore malam
senin selasa rabu kamis jumat sabtu
januari februari maret april mei juni juli agustus september oktober november desember
empat enam tujuh delapan sembilan sepuluh puluh ratus ribu juta miliar triliun persen
pertama ketiga keempat kelima salah
";

const EN_STOPWORDS: &str = "
a about above across after afterwards again against all almost alone along already also
although always am among amongst an and another any anyhow anyone anything anyway anywhere
are around as at back be became because become becomes becoming been before beforehand
behind being below beside besides between beyond both but by can cannot could did do does
doing done down during each either else elsewhere enough etc even ever every everyone
everything everywhere except few for former formerly from further had has have having he
hence her here hereafter hereby herein hers herself him himself his how however i if in
indeed into is it its itself just last latter latterly least less like made make many may
me meanwhile might mine more moreover most mostly much must my myself namely neither never
nevertheless next no nobody none nor not nothing now nowhere of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps please put quite
rather re same seem seemed seeming seems several she should since so some somehow someone
something sometime sometimes somewhere still such than that the their theirs them themselves
then thence there thereafter thereby therefore therein thereupon these they this those though
through throughout thru thus to together too toward towards under until up upon us very via
was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with
within without would yet you your yours yourself yourselves
said says say saying told tell according added adding also mr mrs ms
yesterday today tomorrow week weeks month months year years day days time times ago
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
two three four five six seven eight nine ten hundred thousand million billion percent
first second third new s t don didn doesn isn wasn aren weren won can't
";

fn id_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| word_set(ID_STOPWORDS))
}

fn en_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| word_set(EN_STOPWORDS))
}

/// True when `lower_word` (already lower-cased) is a stop word of `lang`. For
/// [`Lang::Unknown`], a stop word of either language.
///
/// ```
/// use kabar_text::{stopwords::is_stopword, Lang};
/// assert!(is_stopword("yang", Lang::Id));
/// assert!(is_stopword("the", Lang::En));
/// assert!(!is_stopword("banjir", Lang::Id));
/// ```
pub fn is_stopword(lower_word: &str, lang: Lang) -> bool {
    match lang {
        Lang::Id => id_set().contains(lower_word),
        Lang::En => en_set().contains(lower_word),
        Lang::Unknown => id_set().contains(lower_word) || en_set().contains(lower_word),
    }
}

/// The lower-cased stems of the non-stop-word word tokens of `text`, in order (with
/// repeats), for TF-IDF. Numbers, punctuation, one-letter words, URLs and e-mail addresses
/// are left out. For [`Lang::Unknown`] words are lower-cased, not stemmed.
///
/// ```
/// use kabar_text::{stopwords::content_terms, Lang};
/// assert_eq!(
///     content_terms("Pemerintah akan memperbaiki jalan yang rusak di Bandung.", Lang::Id),
///     ["perintah", "baik", "jalan", "rusak", "bandung"]
/// );
/// assert_eq!(content_terms("The floods damaged 300 houses.", Lang::En), ["flood", "damag", "hous"]);
/// ```
pub fn content_terms(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::with_capacity(text.len() / 12 + 1);
    let mut buf = String::with_capacity(32);
    for t in tokenize(text) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.slice(text);
        if w.len() < 2 || w.contains("://") || w.contains('@') || w.starts_with("www.") {
            continue;
        }
        lower_into(w, &mut buf);
        if is_stopword(&buf, lang) {
            continue;
        }
        out.push(match lang {
            Lang::Unknown => buf.clone(),
            _ => stem(&buf, lang),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sizeable_and_lower_case() {
        for (set, min) in [(id_set(), 300), (en_set(), 300)] {
            assert!(set.len() >= min, "{}", set.len());
            assert!(set.iter().all(|w| w.to_lowercase() == *w));
        }
    }

    #[test]
    fn stopwords_by_language() {
        assert!(is_stopword("dan", Lang::Id));
        assert!(!is_stopword("dan", Lang::En));
        assert!(is_stopword("and", Lang::En));
        assert!(is_stopword("and", Lang::Unknown));
        assert!(is_stopword("dan", Lang::Unknown));
        assert!(!is_stopword("presiden", Lang::Id));
        assert!(!is_stopword("Yang", Lang::Id), "expects lower-case input");
    }

    #[test]
    fn content_terms_filters_and_stems() {
        let t = "Anak-anak bermain di https://contoh.id bersama ibu@contoh.id, kata Budi.";
        assert_eq!(content_terms(t, Lang::Id), ["anak", "main", "budi"]);
        assert_eq!(
            content_terms("Banjir MELANDA Jakarta", Lang::Unknown),
            ["banjir", "melanda", "jakarta"]
        );
        assert!(content_terms("", Lang::Id).is_empty());
        assert!(content_terms("yang dan di 2025 .", Lang::Id).is_empty());
    }
}
