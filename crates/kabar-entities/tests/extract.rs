//! Behaviour of the extractor on short constructed articles (no third-party text).

use kabar_core::{Entity, EntityType, Lang, Span, TimeExpr, TimeType};
use kabar_entities::EntityExtractor;
use std::sync::OnceLock;

fn ex() -> &'static EntityExtractor {
    static EX: OnceLock<EntityExtractor> = OnceLock::new();
    EX.get_or_init(|| EntityExtractor::load_default().expect("embedded model loads"))
}

fn run(text: &str, times: &[TimeExpr], published: Option<&str>) -> Vec<Entity> {
    let toks = kabar_text::tokenize(text);
    let sents = kabar_text::sentences(text);
    ex().extract(text, &toks, &sents, Lang::Id, times, published)
}

fn by_id<'a>(es: &'a [Entity], id: &str) -> Option<&'a Entity> {
    es.iter().find(|e| e.id == id)
}

/// A DATE time expression over the first occurrence of `needle`.
fn date(text: &str, needle: &str, value: &str) -> TimeExpr {
    let start = text.find(needle).expect("needle in text");
    TimeExpr {
        span: Span::new(start, start + needle.len()),
        kind: TimeType::Date,
        value: value.into(),
        modifier: None,
    }
}

#[test]
fn canonical_names_of_aliases() {
    let e = ex();
    assert_eq!(
        e.canonical("Jabar"),
        Some((EntityType::Gpe, "Jawa Barat".into()))
    );
    assert_eq!(
        e.canonical("AS"),
        Some((EntityType::Gpe, "Amerika Serikat".into()))
    );
    assert_eq!(e.canonical("United States"), e.canonical("Amerika Serikat"));
    assert_eq!(
        e.canonical("Cina"),
        Some((EntityType::Gpe, "Tiongkok".into()))
    );
    assert_eq!(e.canonical("RRT"), e.canonical("Republik Rakyat Tiongkok"));
    assert_eq!(
        e.canonical("Netherlands"),
        Some((EntityType::Gpe, "Belanda".into()))
    );
    assert_eq!(e.canonical("Korsel"), e.canonical("South Korea"));
    assert_eq!(
        e.canonical("Kemlu").map(|c| c.1),
        Some("Kementerian Luar Negeri".into())
    );
    assert_eq!(
        e.canonical("as"),
        None,
        "short capitals match only in capitals"
    );
    assert_eq!(e.canonical("Zzyzx Qwerty"), None);
    assert_eq!(
        e.canonical_title("Menlu").as_deref(),
        Some("Menteri Luar Negeri")
    );
    assert_eq!(
        e.canonical_title("Foreign Minister").as_deref(),
        Some("Menteri Luar Negeri")
    );
}

#[test]
fn aliases_merge_within_an_article() {
    let text = "Gubernur Jawa Barat meninjau banjir. Banjir di Jabar meluas ke Bekasi.\n\n\
                Pemerintah Tiongkok membantah. Juru bicara itu mengatakan China tidak terlibat.\n\n\
                Mantan Sekjen PBB Ban Ki-moon tiba di Jakarta. Ban Ki Moon bertemu wartawan.";
    let es = run(text, &[], None);
    let jabar = by_id(&es, "gpe:jawa-barat").expect("Jawa Barat found");
    assert_eq!(jabar.mentions.len(), 2, "{jabar:?}");
    assert!(jabar.aliases.contains(&"Jabar".to_string()));
    let cn = by_id(&es, "gpe:tiongkok").expect("Tiongkok found");
    assert_eq!(cn.mentions.len(), 2, "{cn:?}");
    let ban = by_id(&es, "per:ban-ki-moon").expect("Ban Ki-moon found");
    assert_eq!(ban.mentions.len(), 2, "{ban:?}");
    assert_eq!(es.iter().filter(|e| e.id.contains("ban-ki")).count(), 1);
    // mentions point at the text
    for e in &es {
        for m in &e.mentions {
            assert!(!m.slice(text).is_empty(), "{e:?}");
        }
    }
}

#[test]
fn surname_resolves_to_the_full_name() {
    let text = "Menteri Luar Negeri Retno Marsudi tiba di Tokyo pada Senin. \
                Marsudi mengatakan kunjungan itu penting bagi kedua negara.";
    let es = run(text, &[], None);
    let retno = by_id(&es, "per:retno-marsudi").expect("Retno Marsudi found");
    assert_eq!(retno.mentions.len(), 2, "{es:?}");
    assert!(retno.aliases.contains(&"Marsudi".to_string()));
    assert!(by_id(&es, "per:marsudi").is_none());
}

#[test]
fn short_first_name_is_the_same_person() {
    // a nickname that shortens the first name must not make the bare surname ambiguous
    let text = "Gelandang Federico Valverde cedera saat latihan. \
                Menurut klub, Fede Valverde harus beristirahat dua pekan. \
                Valverde mengatakan kondisinya membaik.";
    let es = run(text, &[], None);
    let fede = by_id(&es, "per:federico-valverde").expect("Federico Valverde");
    assert_eq!(fede.mentions.len(), 3, "{es:?}");
    assert!(by_id(&es, "per:valverde").is_none(), "{es:?}");
    assert!(by_id(&es, "per:fede-valverde").is_none(), "{es:?}");
    // two brothers with different first names stay two
    let text = "Marc Marquez dan Alex Marquez tampil di Mandalika. Marquez menang.";
    let es = run(text, &[], None);
    assert!(by_id(&es, "per:marc-marquez").is_some(), "{es:?}");
    assert!(by_id(&es, "per:alex-marquez").is_some(), "{es:?}");
}

#[test]
fn capitalised_particle_names_are_persons() {
    // "Di" inside a sentence is no preposition; at a sentence start it is the article's
    // person when the article names "… Di Giannantonio" elsewhere
    let text = "Balapan dimenangkan Fabio Di Giannantonio pada Minggu. \
                Di Giannantonio finis di depan Marc Marquez. \
                Di Jakarta, hujan turun sejak pagi.";
    let es = run(text, &[], None);
    let fabio = by_id(&es, "per:fabio-di-giannantonio").expect("the rider is a person");
    assert_eq!(fabio.mentions.len(), 2, "{es:?}");
    assert!(
        es.iter()
            .all(|e| !e.id.contains("giannantonio") || e.id == fabio.id),
        "{es:?}"
    );
    assert!(by_id(&es, "gpe:dki-jakarta").is_some(), "{es:?}");
}

#[test]
fn two_people_sharing_a_surname_stay_two() {
    let text = "Retno Marsudi bertemu Budi Marsudi di Jakarta. \
                Retno Marsudi mengatakan pertemuan itu lancar. \
                Marsudi menambahkan bahwa kerja sama akan berlanjut.";
    let es = run(text, &[], None);
    let retno = by_id(&es, "per:retno-marsudi").expect("Retno Marsudi");
    let budi = by_id(&es, "per:budi-marsudi").expect("Budi Marsudi");
    assert_ne!(retno.id, budi.id);
    // the bare surname is ambiguous: merged into neither
    assert_eq!(retno.mentions.len(), 2, "{es:?}");
    assert_eq!(budi.mentions.len(), 1, "{es:?}");
    assert!(!retno.aliases.contains(&"Marsudi".to_string()));
}

#[test]
fn roles_in_both_orders_with_dates() {
    let text = "Menteri Luar Negeri Australia Penny Wong tiba di Jakarta pada Senin (3/3). \
                Ia bertemu sejumlah pejabat.\n\n\
                Kenji Kanasugi, Duta Besar Jepang untuk Indonesia, juga hadir dalam pertemuan itu.";
    let times = [date(text, "Senin (3/3)", "2025-03-03")];
    let es = run(text, &times, Some("2025-03-07T09:20:00+07:00"));
    let wong = by_id(&es, "per:penny-wong").expect("Penny Wong");
    assert!(
        wong.roles.iter().any(|r| r.title == "Menteri Luar Negeri"
            && r.of.as_deref() == Some("gpe:australia")
            && r.date.as_deref() == Some("2025-03-03")),
        "{:?}",
        wong.roles
    );
    let kenji = by_id(&es, "per:kenji-kanasugi").expect("Kenji Kanasugi");
    assert!(
        kenji.roles.iter().any(|r| r.title == "Duta Besar"
            && r.of.as_deref() == Some("gpe:jepang")
            && r.date.as_deref() == Some("2025-03-07")),
        "{:?}",
        kenji.roles
    );
}

#[test]
fn abbreviated_and_english_titles() {
    let text = "Wamenkeu Suahasil Nazara hadir di Gedung DPR. \
                Budi Santoso, juru bicara Kemlu, menolak berkomentar.";
    let es = run(text, &[], Some("2024-05-01"));
    let s = by_id(&es, "per:suahasil-nazara").expect("Suahasil Nazara");
    assert_eq!(s.roles[0].title, "Wakil Menteri Keuangan");
    let b = by_id(&es, "per:budi-santoso").expect("Budi Santoso");
    assert_eq!(b.roles[0].title, "Juru Bicara");
    assert_eq!(
        b.roles[0].of.as_deref(),
        Some("org:kementerian-luar-negeri")
    );
    assert_eq!(b.roles[0].date.as_deref(), Some("2024-05-01"));

    let toks_text = "Australian Foreign Minister Penny Wong met Indonesia's ambassador. \
                     Heri Akhmadi, Indonesia's ambassador to Japan, attended.";
    let toks = kabar_text::tokenize(toks_text);
    let sents = kabar_text::sentences(toks_text);
    let es = ex().extract(toks_text, &toks, &sents, Lang::En, &[], None);
    let w = by_id(&es, "per:penny-wong").expect("Penny Wong");
    assert_eq!(w.roles[0].title, "Menteri Luar Negeri");
    assert_eq!(w.roles[0].of.as_deref(), Some("gpe:australia"));
    let h = by_id(&es, "per:heri-akhmadi").expect("Heri Akhmadi");
    assert_eq!(h.roles[0].title, "Duta Besar");
    assert_eq!(h.roles[0].of.as_deref(), Some("gpe:indonesia"));
}

#[test]
fn bracketed_abbreviation_is_an_alias() {
    let text = "Komisi Pemberantasan Korupsi (KPK) memeriksa pejabat Kemenkeu. \
                KPK menyatakan pemeriksaan berlanjut.";
    let es = run(text, &[], None);
    let kpk = by_id(&es, "org:komisi-pemberantasan-korupsi").expect("KPK");
    assert_eq!(kpk.mentions.len(), 3, "{es:?}");
    assert!(by_id(&es, "org:kementerian-keuangan").is_some());
}

#[test]
fn short_name_in_brackets_is_the_organisation() {
    let text = "Ketua Umum Asosiasi Platform Digital Indonesia (Aspedi) Hendrawan Lukito hadir. \
                Aspedi Hendrawan Lukito menolak aturan itu. Aspedi juga menggugat.";
    let es = run(text, &[], None);
    let org = by_id(&es, "org:asosiasi-platform-digital-indonesia").expect("the association");
    assert!(org.aliases.contains(&"Aspedi".to_string()), "{es:?}");
    assert_eq!(org.mentions.len(), 4, "{es:?}");
    assert!(by_id(&es, "per:hendrawan-lukito").is_some(), "{es:?}");
    assert!(es.iter().all(|e| !e.id.starts_with("per:aspedi")), "{es:?}");
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["", "   ", "\u{feff}“”", "A", "((((", "Ř̈ 中国 🇮🇩 — Jakarta"] {
        let _ = run(text, &[], None);
    }
    // tokens and sentences that do not fit the text
    let toks = kabar_text::tokenize("Joko Widodo di Solo");
    let es = ex().extract("Joko", &toks, &[Span::new(0, 99)], Lang::Id, &[], None);
    assert!(es.iter().all(|e| !e.name.is_empty()));
}

#[test]
fn bracketed_title_and_lists_of_people() {
    let text = "Menteri Luar Negeri (Menlu) Sugiono menjelaskan kunjungan itu. \
                Presiden didampingi Budi Hartono, Menteri Investasi Rosan Roeslani, dan pejabat lain.";
    let es = run(text, &[], Some("2026-05-29"));
    let s = by_id(&es, "per:sugiono").expect("Sugiono");
    assert_eq!(s.roles.len(), 1, "{:?}", s.roles);
    assert_eq!(s.roles[0].title, "Menteri Luar Negeri");
    // the title after "Budi Hartono," introduces the next person: not Budi's
    let b = by_id(&es, "per:budi-hartono").expect("Budi Hartono");
    assert!(b.roles.is_empty(), "{:?}", b.roles);
    let r = by_id(&es, "per:rosan-roeslani").expect("Rosan Roeslani");
    assert_eq!(
        r.roles[0].title, "Menteri Investasi",
        "a generic title takes its portfolio"
    );
}

#[test]
fn english_sentence_with_two_people() {
    let text = "While Theresa May greets Israeli Prime Minister Benjamin Netanyahu in London, \
                protesters gathered outside.";
    let toks = kabar_text::tokenize(text);
    let sents = kabar_text::sentences(text);
    let es = ex().extract(text, &toks, &sents, Lang::En, &[], Some("2017-11-02"));
    // Known miss of the English model (trained on 50k tokens of web text and Wikipedia,
    // where "May" is a month): it finds "Theresa" without "May". The person must still be
    // found, without a role.
    let may = by_id(&es, "per:theresa-may")
        .or_else(|| by_id(&es, "per:theresa"))
        .expect("Theresa May");
    assert!(may.roles.is_empty(), "{:?}", may.roles);
    let bibi = by_id(&es, "per:benjamin-netanyahu").expect("Netanyahu");
    assert_eq!(bibi.roles[0].title, "Perdana Menteri");
    assert_eq!(bibi.roles[0].of.as_deref(), Some("gpe:israel"));
    assert_eq!(bibi.roles[0].date.as_deref(), Some("2017-11-02"));
    assert!(by_id(&es, "gpe:london").is_some(), "{es:?}");
    assert!(es.iter().all(|e| !e.name.starts_with("While")), "{es:?}");
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync>(_: &T) {}
    check(ex());
    check(ex().tagger());
    // shared across threads, as the pipeline's parallel analysis does
    let text = "Presiden Joko Widodo tiba di Surabaya.";
    let handles: Vec<_> = (0..2)
        .map(|_| std::thread::spawn(move || run(text, &[], None).len()))
        .collect();
    let counts: Vec<usize> = handles.into_iter().map(|h| h.join().unwrap_or(0)).collect();
    assert_eq!(counts[0], counts[1]);
    assert!(counts[0] >= 2, "Joko Widodo and Surabaya");
}

#[test]
fn abbreviations_join_only_when_their_letters_fit() {
    use kabar_entities::extract::abbreviation_fits;
    for (short, long) in [
        ("KPK", "Komisi Pemberantasan Korupsi"),
        ("Kemenkes", "Kementerian Kesehatan"),
        ("Komdigi", "Kementerian Komunikasi dan Digital"),
        ("Aspedi", "Asosiasi Platform Digital Indonesia"),
        ("BPOM", "Badan Pengawas Obat dan Makanan"),
    ] {
        assert!(abbreviation_fits(short, long), "{short} ← {long}");
    }
    // the wrong aliases of issue 10: a bracket next to a name is no evidence
    for (short, long) in [
        ("BISINDO", "Indonesia"),
        ("KBBI", "Indonesia"),
        ("SNI", "Indonesia"),
        ("CENTCOM", "Amerika Serikat"),
        ("SDG", "Singapura"),
        ("Persero", "PT Bank Rakyat Indonesia"),
    ] {
        assert!(!abbreviation_fits(short, long), "{short} ← {long}");
    }
    let es = run(
        "Ia belajar Bahasa Isyarat Indonesia (BISINDO) di Jakarta. BISINDO dipakai luas.",
        &[],
        None,
    );
    let id = by_id(&es, "gpe:indonesia");
    assert!(
        id.is_none_or(|e| !e.aliases.iter().any(|a| a == "BISINDO")),
        "{es:?}"
    );
}

#[test]
fn non_entities_and_padding_leave_names() {
    let es = run(
        "Menteri Keuangan Purbaya Yudhi Sadewa hadir saat Idul Adha. Laksamana Madya Harun \
         Prasetya datang. Pebalap Ducati Francesco Bagnaia menang. Hubungan Jepang-Tiongkok \
         memanas. Pelatih Do Minh Khoa berkata. Tarif PPh Pasal 22 naik karena El Nino.",
        &[],
        None,
    );
    let ids: Vec<&str> = es.iter().map(|e| e.id.as_str()).collect();
    for want in [
        "per:purbaya-yudhi-sadewa",
        "per:harun-prasetya",
        "org:ducati",
        "per:francesco-bagnaia",
        "gpe:jepang",
        "gpe:tiongkok",
        "per:do-minh-khoa",
    ] {
        assert!(ids.contains(&want), "{want} missing: {ids:?}");
    }
    for e in &es {
        let n = e.name.to_lowercase();
        assert!(
            !(n.contains("idul") || n.contains("pph") || n.contains("nino") || n.contains("madya")),
            "not an entity / padded: {}",
            e.name
        );
    }
    let p = by_id(&es, "per:purbaya-yudhi-sadewa").unwrap();
    assert_eq!(p.roles[0].title, "Menteri Keuangan");
}

/// The error classes in `tests/data/type_cases.tsv`: degrees and interjections are no
/// names, platforms are organisations, measures and competitions are no entities.
#[test]
fn type_error_classes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/type_cases.tsv");
    let text = std::fs::read_to_string(path).expect("tests/data/type_cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "type_cases.tsv line {}: 4 columns", i + 1);
        let (class, sentence, name, want) = (cols[0], cols[1], cols[2], cols[3]);
        n += 1;
        let es = run(sentence, &[], Some("2026-05-01"));
        let hit = es.iter().find(|e| e.name == name);
        let ok = match want {
            "none" => es
                .iter()
                .all(|e| e.name != name && !e.name.split(' ').any(|w| w == name)),
            // no person of this name (any other type, or none, will do)
            "notPER" => es.iter().all(|e| e.name != name || e.kind.label() != "PER"),
            // no entity of its own: a word of the article's person
            "partPER" => {
                hit.is_none()
                    && es
                        .iter()
                        .any(|e| e.kind.label() == "PER" && e.name.split(' ').any(|w| w == name))
            }
            t => hit.is_some_and(|e| e.kind.label() == t),
        };
        if !ok {
            let got: Vec<String> = es
                .iter()
                .map(|e| format!("{} {}", e.kind.label(), e.name))
                .collect();
            failures.push(format!(
                "line {} ({class}) {name:?}: want {want}, got {got:?}",
                i + 1
            ));
        }
    }
    assert!(n >= 10, "type cases read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A role is dated by a date in its own clause, never by a date of another clause nor by
/// an old date told with today's title.
#[test]
fn role_dates_from_the_clause() {
    let text = "Presiden Prabowo Subianto meresmikan jembatan itu, yang dibangun sejak 2003.";
    let times = [date(text, "2003", "2003")];
    let es = run(text, &times, Some("2026-02-10T08:00:00+07:00"));
    let p = by_id(&es, "per:prabowo-subianto").expect("Prabowo Subianto");
    assert_eq!(p.roles[0].title, "Presiden");
    assert_eq!(
        p.roles[0].date.as_deref(),
        Some("2026-02-10"),
        "{:?}",
        p.roles
    );

    let text = "Presiden Prabowo Subianto pada 2003 mendirikan sebuah yayasan.";
    let times = [date(text, "2003", "2003")];
    let es = run(text, &times, Some("2026-02-10"));
    let p = by_id(&es, "per:prabowo-subianto").expect("Prabowo Subianto");
    assert_eq!(
        p.roles[0].date.as_deref(),
        Some("2026-02-10"),
        "{:?}",
        p.roles
    );

    let text = "Mantan Presiden Joko Widodo hadir bersama Gubernur Jawa Barat Dedi Mulyadi.";
    let es = run(text, &[], Some("2026-02-10"));
    let j = by_id(&es, "per:joko-widodo").expect("Joko Widodo");
    assert!(
        !j.roles.is_empty() && j.roles.iter().all(|r| r.date.is_none()),
        "a past post is not dated by the article: {:?}",
        j.roles
    );

    let text = "Presiden Prabowo Subianto tiba di Tokyo pada Senin (9/2).";
    let times = [date(text, "Senin (9/2)", "2026-02-09")];
    let es = run(text, &times, Some("2026-02-10"));
    let p = by_id(&es, "per:prabowo-subianto").expect("Prabowo Subianto");
    assert_eq!(
        p.roles[0].date.as_deref(),
        Some("2026-02-09"),
        "{:?}",
        p.roles
    );
}

/// The ID of the entity with a mention starting where `name` starts in `sentence`.
fn id_of(sentence: &str, name: &str) -> Option<String> {
    let at = sentence.find(name)?;
    run(sentence, &[], Some("2026-05-01"))
        .into_iter()
        .find(|e| e.mentions.iter().any(|m| m.start == at))
        .map(|e| e.id)
}

/// A country qualifier after an organisation ("RI", "Republik Indonesia", "Indonesia" after
/// a state body) names the same organisation, known to the lexicon or not; the same words
/// inside other names, and another country's qualifier, keep the names apart.
#[test]
fn country_qualifier_keeps_the_organisation() {
    let say = |org: &str| format!("Juru bicara {org} mengatakan program itu berjalan baik.");
    let same = [
        ("Kementerian Kesehatan RI", "Kementerian Kesehatan"),
        ("Kemenkes RI", "Kementerian Kesehatan"),
        (
            "Kementerian Keuangan Republik Indonesia",
            "Kementerian Keuangan",
        ),
        ("Kementerian Agama Indonesia", "Kementerian Agama"),
        ("BPOM RI", "Badan Pengawas Obat dan Makanan"),
        ("Badan Gizi Nasional RI", "Badan Gizi Nasional"),
        (
            "Komisi Perlindungan Anak Indonesia RI",
            "Komisi Perlindungan Anak Indonesia",
        ),
        ("KPU RI", "Komisi Pemilihan Umum"),
    ];
    let mut failures = Vec::new();
    let mut whole = 0;
    for (qualified, plain) in same {
        let text = say(qualified);
        let at = text.find(qualified).unwrap_or(0);
        // the rule is exercised when one mention spans the name with its qualifier
        whole += run(&text, &[], None)
            .iter()
            .flat_map(|e| &e.mentions)
            .filter(|m| m.start == at && m.end == at + qualified.len())
            .count();
        let a = id_of(&text, qualified);
        let b = id_of(&say(plain), plain);
        if a.is_none() || a != b {
            failures.push(format!("{qualified:?} → {a:?}, {plain:?} → {b:?}"));
        }
    }
    let apart = [
        ("Bank Rakyat Indonesia", "Bank Rakyat"),
        ("Majelis Ulama Indonesia", "Majelis Ulama"),
        ("Kementerian Luar Negeri Jepang", "Kementerian Luar Negeri"),
    ];
    for (full, short) in apart {
        let a = id_of(&say(full), full);
        let b = id_of(&say(short), short);
        if a.is_some() && a == b {
            failures.push(format!("{full:?} and {short:?} are one: {a:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(whole >= 2, "only {whole} qualified names tagged whole");
}

#[test]
fn a_lexicon_name_with_a_possessive_inside_is_one_name() {
    // North Korea's full name holds "Republic of Korea" (South Korea's) and a possessive
    // that once cut it to "Democratic People"
    let en = |text: &str| {
        let toks = kabar_text::tokenize(text);
        let sents = kabar_text::sentences(text);
        ex().extract(text, &toks, &sents, Lang::En, &[], None)
    };
    for text in [
        "The Democratic People's Republic of Korea fired a missile on Sunday.",
        "Democratic People’s Republic of Korea (DPRK) fired, officials of the Republic of Korea said.",
    ] {
        let es = en(text);
        let north = by_id(&es, "gpe:korea-utara")
            .unwrap_or_else(|| panic!("{text}: no North Korea in {es:?}"));
        assert!(
            north
                .mentions
                .iter()
                .any(|m| m.slice(text).starts_with("Democratic People")
                    && m.slice(text).ends_with("Republic of Korea")),
            "{text}: {es:?}"
        );
        // "Republic of Korea" inside the full name is not South Korea
        let south = by_id(&es, "gpe:korea-selatan").map_or(0, |e| e.mentions.len());
        assert!(south <= 1, "{text}: {es:?}");
        assert!(!es.iter().any(|e| e.name.starts_with("Democratic People") && e.id.starts_with("org:")));
    }
    // a possessive after a name still ends it
    let es = en("Indonesia's ambassador met South Korea's president.");
    assert!(by_id(&es, "gpe:korea-selatan").is_some(), "{es:?}");
}

#[test]
fn a_title_inside_a_person_span_starts_the_name() {
    // the unit's last word, a rank and the officer's name run together
    let text = "Pelaku ditahan polisi. \"Pelaku dalam kondisi mabuk,\" ujar Kanit 2 Subdit Jatanras Ditreskrimum Polda Bukit Jaya Kompol Arif Santoso kepada wartawan.";
    let es = run(text, &[], Some("2026-03-02"));
    let arif = es
        .iter()
        .find(|e| e.name.contains("Arif Santoso"))
        .unwrap_or_else(|| panic!("{es:?}"));
    assert_eq!(arif.name, "Arif Santoso", "{es:?}");
    assert_eq!(arif.kind, EntityType::Per);
    assert!(arif.roles.iter().any(|r| r.title == "Komisaris"), "{es:?}");
}
