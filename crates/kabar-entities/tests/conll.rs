//! `Tagger::tag_conll` keeps the input's lines, line for line.

use kabar_entities::Tagger;

fn tag(input: &str) -> String {
    let t = Tagger::load_default().expect("embedded model loads");
    let mut out = Vec::new();
    t.tag_conll(input.as_bytes(), &mut out).expect("tags");
    String::from_utf8(out).expect("utf-8 in, utf-8 out")
}

const TAGS: &[&str] = &[
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-GPE", "I-GPE", "B-LOC", "I-LOC",
];

#[test]
fn aligns_line_for_line_on_odd_input() {
    let input = "-DOCSTART- -X- O O\n\n\n# a comment line\nPresiden\tO\nJoko B-PER\nWidodo\tI-PER\textra\tcols\n\
                 tiba\ndi\r\nJakarta\t\n  \n\tO\n.\nakhir";
    let out = tag(input);
    let in_lines: Vec<&str> = input.split('\n').collect();
    let out_lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(in_lines.len(), out_lines.len(), "{out}");
    assert!(
        !out.ends_with('\n'),
        "a last line without newline stays without one"
    );
    for (i, o) in in_lines.iter().zip(&out_lines) {
        let (i_body, i_cr) = i.strip_suffix('\r').map_or((*i, false), |b| (b, true));
        let (o_body, o_cr) = o.strip_suffix('\r').map_or((*o, false), |b| (b, true));
        assert_eq!(i_cr, o_cr, "line ending kept");
        if i_body.trim().is_empty() {
            assert_eq!(i_body, o_body, "blank lines unchanged");
            continue;
        }
        let (prefix, tag) = o_body.rsplit_once('\t').expect("one more column");
        assert_eq!(prefix, i_body, "the input line is kept as it was");
        assert!(TAGS.contains(&tag), "{tag}");
    }
}

#[test]
fn tags_form_valid_bio() {
    let input = "Menteri\nLuar\nNegeri\nRetno\nMarsudi\nbertemu\nPresiden\nJoko\nWidodo\ndi\nIstana\nBogor\n,\nJawa\nBarat\n.\n";
    let out = tag(input);
    let tags: Vec<&str> = out
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap_or(""))
        .collect();
    assert_eq!(tags.len(), 16);
    let mut prev = "O";
    for t in &tags {
        if let Some(ty) = t.strip_prefix("I-") {
            assert!(prev.ends_with(ty), "{prev} then {t}");
        }
        prev = t;
    }
    // names in a plain news sentence are found
    assert_eq!(&tags[3..5], &["B-PER", "I-PER"], "{out}");
    assert_eq!(&tags[7..9], &["B-PER", "I-PER"], "{out}");
}

#[test]
fn tag_matches_input_length() {
    let t = Tagger::load_default().unwrap();
    assert!(t.tag(&[]).is_empty());
    let toks = ["", "\t", "Jakarta", "🇮🇩", "ÖSTERREICH"];
    assert_eq!(t.tag(&toks).len(), toks.len());
}

#[test]
fn english_text_uses_the_english_model() {
    use kabar_core::{EntityType, Lang};
    let t = Tagger::load_default().unwrap();
    assert!(t.has_english());
    let toks = [
        "Prime",
        "Minister",
        "Anthony",
        "Albanese",
        "met",
        "President",
        "Joe",
        "Biden",
        "in",
        "Washington",
        "on",
        "Monday",
        ".",
    ];
    let en = t.spans_lang(&toks, Lang::En);
    assert!(en.contains(&(2, 4, EntityType::Per)), "{en:?}");
    assert!(en.contains(&(6, 8, EntityType::Per)), "{en:?}");
    assert!(en.iter().any(|s| s.0 == 9 && s.1 == 10), "{en:?}");
    // the language picks the model: the two models do not weigh these words alike
    let (a, b) = (t.tag_indices(&toks), {
        let folded: Vec<String> = toks
            .iter()
            .map(|w| kabar_entities::lexicon::fold(w))
            .collect();
        t.spans_folded_lang(&toks, &folded, Lang::En)
    });
    assert_eq!(a.len(), toks.len());
    assert!(!b.is_empty());
    assert_eq!(
        kabar_entities::tagger::conll_lang(
            b"The\nminister\nsaid\non\nMonday\nthat\nthe\nbill\nwould\npass\n"
        ),
        Lang::En
    );
    assert_eq!(
        kabar_entities::tagger::conll_lang(
            b"Menteri\nitu\nmengatakan\nbahwa\nrancangan\nundang-undang\nakan\ndisahkan\n"
        ),
        Lang::Id
    );
}

#[test]
fn cached_words_tag_as_fresh_ones() {
    // the per-thread word cache must not change results: tag a sentence, tag other text
    // that fills the cache, tag it again
    let t = Tagger::load_default().unwrap();
    let s = [
        "Kepala",
        "BNPB",
        "Suharyanto",
        "tiba",
        "di",
        "Padang",
        "kemarin",
        ".",
    ];
    let first = t.tag(&s);
    let other = ["Suharyanto", "Padang", "BNPB", "kemarin", "Kepala"];
    t.tag(&other);
    let fresh = std::thread::spawn(move || Tagger::load_default().unwrap().tag(&s))
        .join()
        .unwrap();
    assert_eq!(first, t.tag(&s));
    assert_eq!(first, fresh);
    assert_eq!(first[2], "B-PER");
}
