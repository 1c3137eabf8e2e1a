//! Quote speakers on phrases modelled on real-news errors (written for this test; no
//! article text): relays and channels are not speakers, a country in a speaker's title is
//! not the speaker, a definite description refers to the last speaker.

use kabar_actions::eval;

fn speakers(body: &str) -> Vec<Option<String>> {
    let src = format!(
        "=== t\npublished: 2025-03-07\n> {}\n",
        body.replace('\n', "\n> ")
    );
    let d = eval::parse(&src).expect("markup").remove(0);
    eval::run(&d)
        .quotes
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

#[test]
fn relay_channel_is_not_the_speaker() {
    let s = speakers("\"Saya kurang tahan di gim kedua,\" kata Putri dalam keterangannya melalui [PBSI|org:pbsi].");
    assert_eq!(s, [None], "PBSI relayed the statement");
}

#[test]
fn country_ending_a_title_is_not_the_speaker() {
    let s = speakers(
        "Menteri Keuangan [Israel|gpe:israel] mengatakan bahwa perang itu akan berlangsung lama.",
    );
    assert!(
        s.iter().all(|x| x.as_deref() != Some("gpe:israel")),
        "{s:?}"
    );
    let s = speakers("[Israel|gpe:israel] mengatakan bahwa perang itu akan berlangsung lama.");
    assert_eq!(s, [Some("gpe:israel".to_string())], "a country as subject");
}

#[test]
fn description_refers_to_the_last_speaker() {
    let s = speakers(
        "\"Kami fokus ke turnamen berikutnya,\" ujar [Fajar|per:fajar]. \"Jadi kondisinya harus prima,\" lanjut pebulutangkis berusia 31 tahun itu.",
    );
    assert_eq!(
        s,
        [Some("per:fajar".to_string()), Some("per:fajar".to_string())]
    );
    let s = speakers(
        "\"Kami fokus ke turnamen berikutnya,\" ujar [Fajar|per:fajar]. \"Belum ada keputusan soal itu,\" kata sumber tersebut.",
    );
    assert_eq!(
        s.get(1),
        Some(&None),
        "an anonymous source is not Fajar: {s:?}"
    );
}

#[test]
fn purpose_clause_reports_no_statement() {
    let s = speakers(
        "Badan itu dibentuk [pemerintah AS|gpe:as] untuk menilai bahwa model AI aman dipakai.",
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn author_of_a_document_is_the_speaker_when_named_elsewhere() {
    // the tagger found the agency once; after "pengumuman" the same name is untagged
    let s = speakers(
        "[Lembaga Indeks|org:li] meninjau saham itu. \"Likuiditasnya terlalu rendah,\" tulis pengumuman Lembaga, Sabtu. [LIX|org:li] menunda keputusan. \"Kami akan menilai ulang,\" tulis keterangan resmi LIX.",
    );
    assert_eq!(s.get(1), Some(&Some("org:li".to_string())), "{s:?}");
    // an unknown name after a document noun is not guessed
    assert_eq!(s.first(), Some(&None), "{s:?}");
}

#[test]
fn inverted_verbs_grown_from_real_news() {
    for verb in ["tutup", "tandas", "jawab", "sahut", "cetus"] {
        let s = speakers(&format!(
            "\"Kami akan terus memantau perkembangan itu,\" {verb} [Awi Setiawan|per:awi]."
        ));
        assert_eq!(s, [Some("per:awi".to_string())], "{verb}");
    }
    let s = speakers(
        "\"Lima orang terluka dalam kejadian itu,\" demikian kata [Badan SAR|org:sar] dalam keterangannya.",
    );
    assert_eq!(s, [Some("org:sar".to_string())]);
}

#[test]
fn titled_description_refers_to_the_last_speaker() {
    let s = speakers(
        "\"Kasus ini harus dituntaskan,\" ujar [Denny|per:denny]. \"Mengapa demikian? Karena semua pihak dirugikan,\" ujar eks Wakil Menteri Hukum dan HAM ini.",
    );
    assert_eq!(
        s,
        [Some("per:denny".to_string()), Some("per:denny".to_string())]
    );
}

#[test]
fn a_date_between_speaker_and_verb_keeps_the_speaker() {
    let s = speakers(
        "[Kementerian Luar Negeri Utara|org:kemlu] pada Selasa (4/4) menyatakan militer negeri itu tak memiliki senjata kimia.",
    );
    assert_eq!(s, [Some("org:kemlu".to_string())]);
}

#[test]
fn a_long_title_before_the_name_keeps_the_speaker() {
    let s = speakers(
        "\"Pelaku dalam kondisi mabuk,\" ujar Kanit 2 Subdit Jatanras Ditreskrimum Polda Bukit Jaya Kompol [Arif Santoso|per:arif-santoso] kepada wartawan.",
    );
    assert_eq!(s, [Some("per:arif-santoso".to_string())]);
}

#[test]
fn a_quote_opening_with_a_capitalised_report_word_is_kept() {
    // "Jelas bahwa …" opens a statement; only a lower-case "kata X …" opening marks the
    // narrative between two mispaired quotes (quotes::starts_with_attribution)
    let s = speakers(
        "\"Jelas bahwa kebijakan itu merugikan petani kecil di desa,\" kata [Budi|per:budi].",
    );
    assert_eq!(s, [Some("per:budi".to_string())]);
}
