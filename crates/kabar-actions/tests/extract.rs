//! Behaviour of `extract` on hand-made sentences (entities given by markup, see
//! `kabar_actions::eval`).

use kabar_actions::{eval, extract, extract_text, Extracted};
use kabar_core::{Entity, EntityType, Lang, Plover, Span, TimeExpr, TimeType};

fn run(body: &str) -> (eval::GoldDoc, Extracted) {
    let src = format!(
        "=== t\npublished: 2025-03-07\n> {}\n",
        body.replace('\n', "\n> ")
    );
    let d = eval::parse(&src).expect("markup").remove(0);
    let ex = eval::run(&d);
    (d, ex)
}

fn one(body: &str) -> kabar_core::Action {
    let (_, ex) = run(body);
    assert_eq!(ex.actions.len(), 1, "{:?}", ex.actions);
    ex.actions.into_iter().next().unwrap()
}

#[test]
fn active_subject_and_object() {
    let a = one("[Kemlu|org:kemlu] memanggil Duta Besar [Australia|gpe:australia] pada {Kamis (6/3)|2025-03-06}.");
    assert_eq!(a.plover, Plover::Disapprove);
    assert_eq!(a.kind, "summon_ambassador");
    assert_eq!(a.source, ["org:kemlu"]);
    assert_eq!(a.target, ["gpe:australia"]);
    assert_eq!(a.date.as_deref(), Some("2025-03-06"));
    assert!(!a.negated);
}

#[test]
fn summon_needs_an_envoy() {
    let (_, ex) = run("[KPK|org:kpk] memanggil [Budi|per:budi] sebagai saksi.");
    assert!(ex.actions.is_empty());
}

#[test]
fn passive_with_oleh_agent() {
    let a = one(
        "Duta Besar [Australia|gpe:australia] dipanggil oleh [Kementerian Luar Negeri|org:kemlu].",
    );
    assert_eq!(a.source, ["org:kemlu"]);
    assert_eq!(a.target, ["gpe:australia"]);
    let a = one(
        "Perjanjian itu ditandatangani oleh [Indonesia|gpe:indonesia] dan [Malaysia|gpe:malaysia].",
    );
    assert_eq!(a.source, ["gpe:indonesia", "gpe:malaysia"]);
    assert_eq!(
        a.date, None,
        "no date in the text: unknown, not the publication date"
    );
}

#[test]
fn nominal_with_antara() {
    let a = one("Penandatanganan perjanjian antara [Indonesia|gpe:indonesia] dan [Jepang|gpe:jepang] berlangsung di Tokyo.");
    assert_eq!(a.kind, "sign_agreement");
    assert_eq!(a.source, ["gpe:indonesia", "gpe:jepang"]);
    assert!(a.target.is_empty());
}

#[test]
fn far_antara_is_not_the_agent_of_a_noun() {
    // the visitor is the possessor; "antara X dan Y" at the end qualifies the relations
    let a = one("Kunjungan resmi kenegaraan [Prabowo|per:prabowo] diharapkan memperkuat hubungan strategis antara [Indonesia|gpe:indonesia] dan [Prancis|gpe:prancis].");
    assert_eq!(a.kind, "visit");
    assert_eq!(a.source, ["per:prabowo"], "{a:?}");
}

#[test]
fn light_verb_phrase_and_title_apposition() {
    let a = one("Presiden [Joko|per:joko] melakukan panggilan telepon dengan Perdana Menteri [Jepang|gpe:jepang] [Kenji Morita|per:kenji].");
    assert_eq!(a.kind, "phone_call");
    assert_eq!(a.source, ["per:joko"]);
    assert_eq!(a.target, ["per:kenji"]);
}

#[test]
fn negation() {
    assert!(one("[DPR|org:dpr] belum meratifikasi perjanjian itu.").negated);
    assert!(one("[Indonesia|gpe:indonesia] tidak akan menandatangani perjanjian itu.").negated);
    assert!(one("[Japan|gpe:japan] did not sign the agreement.").negated);
    assert!(!one("[DPR|org:dpr] telah meratifikasi perjanjian itu.").negated);
}

#[test]
fn english_passive() {
    let a = one(
        "[Japan|gpe:japan]'s ambassador was summoned by [China|gpe:china] on {Tuesday|2025-03-04}.",
    );
    assert_eq!(a.source, ["gpe:china"]);
    assert_eq!(a.target, ["gpe:japan"]);
    assert_eq!(a.date.as_deref(), Some("2025-03-04"));
}

#[test]
fn anaphors_resolve_when_unambiguous() {
    let (_, ex) = run("[Retno|per:retno] dan [Wang Yi|per:wang-yi] tiba di Bali.\nKedua menteri kemudian menandatangani nota kesepahaman.");
    assert_eq!(ex.actions[0].source, ["per:retno", "per:wang-yi"]);
    let (_, ex) = run(
        "[Hendra|per:hendra] tiba di Natuna.\nIa menolak permintaan [Greenpeace|org:greenpeace].",
    );
    assert_eq!(ex.actions[0].source, ["per:hendra"]);
    // two people before: "ia" stays unresolved, so no actor and no action
    let (_, ex) = run("[Hendra|per:hendra] bertemu [Budi|per:budi].\nIa menolak rencana itu.");
    assert!(
        ex.actions.iter().all(|a| a.kind != "reject"),
        "{:?}",
        ex.actions
    );
}

#[test]
fn hypothetical_acts_are_not_reported() {
    for body in [
        "Jika [Indonesia|gpe:indonesia] menandatangani perjanjian itu, harga akan turun.",
        "Siapa pun yang membeli minyak [Iran|gpe:iran] akan dijatuhi sanksi oleh [AS|gpe:as].",
        "[Trump|per:trump] harus segera menandatangani perjanjian itu.",
        "[Polri|org:polri] hadir untuk mendukung [Kemnaker|org:kemnaker].",
        "[Sahroni|per:sahroni] meminta [Woodyrman|per:woodyrman] dideportasi.",
    ] {
        let (_, ex) = run(body);
        assert!(ex.actions.is_empty(), "{body}: {:?}", ex.actions);
    }
    // a request and a coordinated act: the second is reported
    let (_, ex) =
        run("[Israel|gpe:israel] meminta warga pergi dan memperingatkan [Lebanon|gpe:lebanon].");
    assert_eq!(ex.actions.len(), 1);
    assert_eq!(ex.actions[0].kind, "warn");
}

#[test]
fn demanded_act_is_not_reported_as_done() {
    let (_, ex) =
        run("[Komnas HAM|org:komnas-ham] mendesak [TNI|org:tni] menarik pasukan dari Nduga.");
    assert_eq!(ex.actions.len(), 1);
    assert_eq!(ex.actions[0].kind, "urge");
}

#[test]
fn coordinated_verbs_share_the_subject() {
    let (_, ex) = run("[Bangkok|gpe:thailand] membantah tuduhan itu dan memanggil duta besar [Kamboja|gpe:kamboja].");
    assert_eq!(ex.actions.len(), 2);
    assert_eq!(ex.actions[1].source, ["gpe:thailand"]);
    assert_eq!(ex.actions[1].target, ["gpe:kamboja"]);
}

#[test]
fn no_actions_inside_direct_quotes() {
    let (_, ex) =
        run("“Kami mengecam keras serangan [Israel|gpe:israel] itu,” kata [Retno|per:retno].");
    assert!(ex.actions.is_empty(), "{:?}", ex.actions);
    assert_eq!(ex.quotes.len(), 1);
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("per:retno"));
    assert!(ex.quotes[0].direct);
}

#[test]
fn quotes_direct_reported_partial_and_nya() {
    let body = "[Kemlu|org:kemlu] memanggil dubes itu.\n“Kami menyesalkan insiden ini,” kata [Kemlu RI|org:kemlu].\n[Retno|per:retno] mengatakan bahwa Indonesia “sangat kecewa” atas insiden itu.\n“Kami menunggu penjelasan resmi dalam waktu dekat,” ujarnya.\nMenurut [Budi|per:budi], hubungan kedua negara tetap baik.";
    let (d, ex) = run(body);
    let q: Vec<(&str, bool, Option<&str>)> = ex
        .quotes
        .iter()
        .map(|q| (q.span.slice(&d.text), q.direct, q.speaker.as_deref()))
        .collect();
    assert_eq!(
        q,
        [
            ("Kami menyesalkan insiden ini", true, Some("org:kemlu")),
            (
                "Indonesia “sangat kecewa” atas insiden itu",
                false,
                Some("per:retno")
            ),
            ("sangat kecewa", true, Some("per:retno")),
            (
                "Kami menunggu penjelasan resmi dalam waktu dekat",
                true,
                Some("per:retno")
            ),
            ("hubungan kedua negara tetap baik", false, Some("per:budi")),
        ]
    );
}

#[test]
fn english_quotes() {
    let (_, ex) = run("\"We regret the decision,\" [Sato|per:sato] told reporters.\n\"It changes nothing for us today,\" said [Lee|per:lee].\nThe ministry will act soon, [Lee|per:lee] said.");
    let sp: Vec<_> = ex
        .quotes
        .iter()
        .map(|q| (q.direct, q.speaker.clone()))
        .collect();
    assert_eq!(
        sp,
        [
            (true, Some("per:sato".to_string())),
            (true, Some("per:lee".to_string())),
            (false, Some("per:lee".to_string())),
        ]
    );
}

#[test]
fn capitalised_trigger_words_inside_names_are_ignored() {
    let (_, ex) = run("Presiden [Said Munir|per:said-munir] hadir di [Jakarta|gpe:jakarta].");
    assert!(ex.quotes.is_empty() && ex.actions.is_empty());
}

#[test]
fn never_panics_on_bad_input() {
    let text = "“unclosed quote, kata dia. \"x\" ‘y’ memanggil dubes oleh antara dan é";
    let bad = Entity {
        id: "per:x".into(),
        name: "X".into(),
        kind: EntityType::Per,
        mentions: vec![
            Span::new(0, 1),
            Span::new(5, 500),
            Span::new(10, 3),
            Span::new(text.len() - 1, text.len()),
        ],
        aliases: vec![],
        roles: vec![],
    };
    let times = vec![TimeExpr {
        span: Span::new(900, 1000),
        kind: TimeType::Date,
        value: "x".into(),
        modifier: None,
    }];
    for cut in 0..text.len() {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let t = &text[..cut];
        let _ = extract_text(
            t,
            Lang::Id,
            std::slice::from_ref(&bad),
            &times,
            Some("2025"),
        );
    }
    // mismatched sentences/tokens (from another text) must not panic either
    let toks = kabar_text::tokenize("a much longer text than the one given here, really long");
    let sents = kabar_text::sentences("a much longer text than the one given here, really long");
    let _ = extract(
        "pendek",
        Lang::Id,
        &sents,
        &toks,
        std::slice::from_ref(&bad),
        &times,
        None,
    );
    let short = "“Ya,” kata dia. Kemlu memanggil dubes, ujarnya; menurut X, oke.";
    let _ = extract(
        short,
        Lang::Id,
        &sents,
        &toks,
        std::slice::from_ref(&bad),
        &times,
        None,
    );
    let long_sents = vec![Span::new(0, 10_000), Span::new(3, 2)];
    let _ = extract(short, Lang::Id, &long_sents, &toks, &[bad], &times, None);
    let _ = extract("", Lang::Unknown, &[], &[], &[], &[], None);
}

#[test]
fn never_panics_on_random_word_salad() {
    // deterministic pseudo-random texts built from trigger words, names, quotes and
    // punctuation, with entity spans on arbitrary (valid and invalid) offsets
    const W: &[&str] = &[
        "memanggil",
        "dubes",
        "dipanggil",
        "oleh",
        "antara",
        "dan",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        ",",
        ".",
        "kata",
        "ujarnya",
        "menurut",
        "Retno",
        "Kemlu",
        "ia",
        "pihaknya",
        "kedua",
        "menteri",
        "tidak",
        "bahwa",
        "said",
        "Sato",
        "yang",
        "menandatangani",
        "penandatanganan",
        "serangan",
        "ke",
        "di",
        "é",
        "\n\n",
        "keduanya",
        "kementerian",
        "itu",
        "the",
        "two",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..300 {
        let n = (next() % 40) as usize;
        let mut t = String::new();
        for _ in 0..n {
            t.push_str(W[(next() % W.len() as u64) as usize]);
            t.push(' ');
        }
        let mut ents = Vec::new();
        for k in 0..3 {
            let a = (next() % (t.len() as u64 + 5)) as usize;
            let b = a + (next() % 12) as usize;
            ents.push(Entity {
                id: format!("per:p{k}"),
                name: "P".into(),
                kind: if k == 0 {
                    EntityType::Per
                } else {
                    EntityType::Org
                },
                mentions: vec![Span::new(a, b)],
                aliases: vec![],
                roles: vec![],
            });
        }
        let ex = extract_text(&t, Lang::Id, &ents, &[], Some("2025-01-01"));
        for q in &ex.quotes {
            assert!(q.span.end <= t.len());
        }
    }
}

#[test]
fn pathological_input_stays_fast() {
    // one huge paragraph of unclosed marks and reporting verbs
    let mut t = String::new();
    for i in 0..4000 {
        t.push_str(if i % 3 == 0 {
            "‘kata "
        } else {
            "“ujar dia, "
        });
    }
    // Linear work takes well under a second even unoptimised; a quadratic pass over this
    // 40 KB paragraph would take minutes. The bound is loose for shared CI machines.
    let t0 = std::time::Instant::now();
    let _ = extract_text(&t, Lang::Id, &[], &[], None);
    assert!(t0.elapsed().as_secs_f64() < 30.0, "{:?}", t0.elapsed());
}

#[test]
fn nominal_with_light_passive_verb_takes_its_agents_as_sources() {
    let a = one("Penandatanganan dilakukan Menlu RI [Haryo Wicaksono|per:haryo] dan Menlu Malaysia [Hafiz Osman|per:hafiz] di Jakarta.");
    assert_eq!(a.kind, "sign_agreement");
    assert_eq!(a.source, ["per:haryo", "per:hafiz"]);
    assert!(a.target.is_empty(), "{a:?}");
}

#[test]
fn date_carries_over_from_the_previous_sentence_only() {
    let (_, ex) = run(
        "Pada {2 Mei 2002|2002-05-02}, [Kemlu|org:kemlu] memanggil Duta Besar [Australia|gpe:australia]. [Kemlu|org:kemlu] juga mengecam [Australia|gpe:australia]. [Budi|per:budi] mengkritik [Kemlu|org:kemlu].",
    );
    let dates: Vec<Option<&str>> = ex.actions.iter().map(|a| a.date.as_deref()).collect();
    assert_eq!(dates, [Some("2002-05-02"), Some("2002-05-02"), None]);
}

#[test]
fn sense_checks_drop_fishing_and_beach_trips() {
    let (_, ex) = run(
        "[Presiden|per:presiden] membantu [Nelayan Rembang|org:nelayan] menangkap ikan di laut.",
    );
    assert!(
        ex.actions.iter().all(|a| a.kind != "arrest"),
        "{:?}",
        ex.actions
    );
    let (_, ex) = run("[Budi|per:budi] mengunjungi pantai [Kuta|gpe:kuta] bersama keluarga.");
    assert!(ex.actions.is_empty(), "{:?}", ex.actions);
    let (_, ex) = run("[Polisi|org:polri] menangkap [Budi|per:budi] di Bogor.");
    assert_eq!(ex.actions.len(), 1);
}

#[test]
fn speakers_are_people_or_organisations_not_nearby_places() {
    let (_, ex) = run(
        "“Harusnya mereka mengelola sendiri,” kata [Purbaya|per:purbaya] dalam acara di [Bogor|gpe:bogor], Jumat.",
    );
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("per:purbaya"));
    let (_, ex) = run(
        "[Rosan|per:rosan] mengatakan kajian masih berjalan. “Kita mau komprehensif,” sambungnya.",
    );
    assert_eq!(
        ex.quotes.last().and_then(|q| q.speaker.as_deref()),
        Some("per:rosan")
    );
    let (_, ex) = run("“Kita akan tuntaskan,” tulis [Teddy|per:teddy] di akun resminya.");
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("per:teddy"));
}

#[test]
fn issue_12_speaker_patterns() {
    // "kata X di Truth Social" → X, not the platform
    let (_, ex) = run(
        "“Kami akan membalas,” kata [Trump|per:donald-trump] di [Truth Social|org:truth-social], Senin.",
    );
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("per:donald-trump"));
    // "dilansir Reuters" relays; the speaker is the one after the verb
    let (_, ex) = run(
        "“Situasi terkendali,” ujar [Ahmad Vahidi|per:ahmad-vahidi], dilansir [Reuters|org:reuters].",
    );
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("per:ahmad-vahidi"));
    // urai X / imbuhnya after the same speaker
    let (_, ex) =
        run("“Ada tiga opsi,” urai [Rosan|per:rosan]. “Kami pilih yang paling aman,” imbuhnya.");
    let sp: Vec<Option<&str>> = ex.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(sp, [Some("per:rosan"), Some("per:rosan")]);
    // a federation is the speaker, not the country in its name
    let (_, ex) = run(
        "[PBVSI|org:pbvsi] menyatakan tim putri [Indonesia|gpe:indonesia] siap bertanding di [Jakarta|gpe:jakarta].",
    );
    assert_eq!(ex.quotes[0].speaker.as_deref(), Some("org:pbvsi"));
}

#[test]
fn repeated_act_has_no_one_date() {
    // "sudah dua kali berkunjung ke Paris, yakni pada 23 Januari": the date is one of two
    // visits, not this mention's
    let a = one("[Prabowo|per:prabowo] sudah dua kali berkunjung ke [Prancis|gpe:prancis], yakni pada {23 Januari 2025|2025-01-23}.");
    assert_eq!(a.kind, "visit");
    assert_eq!(a.date, None);
    let a = one("[Prabowo|per:prabowo] berkunjung ke [Prancis|gpe:prancis] pada {23 Januari 2025|2025-01-23}.");
    assert_eq!(a.date.as_deref(), Some("2025-01-23"));
}

#[test]
fn previous_sentence_date_only_for_a_sentence_without_time() {
    let (_, ex) = run("Rapat digelar {Senin (3/3)|2025-03-03}. [Menlu Sugiono|per:sugiono] kemudian bertemu [Menlu Wong|per:wong].");
    assert_eq!(ex.actions.len(), 1, "{:?}", ex.actions);
    assert_eq!(ex.actions[0].date.as_deref(), Some("2025-03-03"));
    // a sentence with its own (undated) time expression points elsewhere
    let (_, ex) = run("Rapat digelar {Senin (3/3)|2025-03-03}. {Sebelumnya|PAST_REF}, [Menlu Sugiono|per:sugiono] bertemu [Menlu Wong|per:wong].");
    assert_eq!(ex.actions.len(), 1, "{:?}", ex.actions);
    assert_eq!(ex.actions[0].date, None);
    // a bare year in the previous sentence is no reference day
    let (_, ex) =
        run("Kasus itu terjadi pada {2017|2017}. [KPK|org:kpk] menahan tersangka [Budi|per:budi].");
    assert!(
        ex.actions.iter().all(|a| a.date.is_none()),
        "{:?}",
        ex.actions
    );
}

#[test]
fn an_act_is_never_dated_after_its_report() {
    // published 2025-03-07: "2027" is the year of a target, not of the praise
    let (_, ex) = run("[Gappri|org:gappri] memuji [Purbaya|per:purbaya] yang menargetkan pertumbuhan 6 persen pada {2027|2027}.");
    assert!(!ex.actions.is_empty(), "the praise is found");
    assert!(
        ex.actions.iter().all(|a| a.date.is_none()),
        "{:?}",
        ex.actions
    );
    let (_, ex) =
        run("[Gappri|org:gappri] memuji [Purbaya|per:purbaya] pada {Rabu (5/3)|2025-03-05}.");
    assert!(!ex.actions.is_empty(), "the praise is found");
    assert!(
        ex.actions
            .iter()
            .all(|a| a.date.as_deref() == Some("2025-03-05")),
        "{:?}",
        ex.actions
    );
}
