//! Unit tests of the linker's contract: idempotence, stable IDs, duplicates, snapshots,
//! out-of-order arrivals, and that distinct events stay apart.

use super::*;
use chrono::NaiveDate;

fn at(day: u32, hour: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(2026, 5, day).and_then(|d| d.and_hms_opt(hour, 0, 0))
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

/// A synthetic article: `topic` words dominate title and body, `filler` varies the text.
fn doc(id: &str, t: Option<NaiveDateTime>, title: &str, body: &str, ents: &[&str]) -> LinkDoc {
    LinkDoc {
        id: id.to_string(),
        published: t,
        lang: Lang::Id,
        title: title.to_string(),
        text: body.to_string(),
        title_terms: words(title),
        body_terms: words(body),
        entities: ents.iter().map(|e| e.to_string()).collect(),
        happened: None,
    }
}

const QUAKE: &str = "gempa magnitudo guncang cianjur warga mengungsi rumah rusak bpbd korban tewas luka posko bantuan tenda";
const BUDGET: &str = "dpr sahkan rapbn anggaran belanja negara defisit pajak fraksi paripurna menteri keuangan subsidi energi";
const FOOTBALL: &str = "timnas menang gol babak kedua pelatih stadion suporter klasemen kualifikasi piala striker penalti";

/// A pseudo-random (xorshift, seeded by `salt`) mix of topic words (2/3) and salt
/// words (1/3): same-topic bodies share vocabulary but not word sequences.
fn body(topic: &str, salt: &str, n: usize) -> String {
    let t: Vec<&str> = topic.split_whitespace().collect();
    let s: Vec<&str> = salt.split_whitespace().collect();
    let mut x = salt.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 3 == 2 {
                s[(x % s.len() as u64) as usize]
            } else {
                t[(x % t.len() as u64) as usize]
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn corpus() -> Vec<LinkDoc> {
    vec![
        doc(
            "a:q1",
            at(1, 8),
            "Gempa guncang Cianjur",
            &body(QUAKE, "pagi tadi laporan wartawan", 60),
            &["gpe:cianjur", "org:bpbd"],
        ),
        doc(
            "a:b1",
            at(1, 9),
            "DPR sahkan RAPBN",
            &body(BUDGET, "sidang siang ketua", 60),
            &["org:dpr", "per:sri-mulyani"],
        ),
        doc(
            "a:f1",
            at(1, 20),
            "Timnas menang",
            &body(FOOTBALL, "malam stadion gelora", 60),
            &["org:pssi"],
        ),
        doc(
            "a:q2",
            at(1, 14),
            "Korban gempa Cianjur bertambah",
            &body(QUAKE, "sore hari data terbaru", 60),
            &["gpe:cianjur", "org:bpbd"],
        ),
        doc(
            "a:b2",
            at(2, 10),
            "Defisit RAPBN disorot fraksi",
            &body(BUDGET, "kritik oposisi pengamat", 60),
            &["org:dpr"],
        ),
        doc(
            "a:q3",
            at(2, 7),
            "Posko bantuan gempa",
            &body(QUAKE, "relawan logistik dapur umum", 60),
            &["gpe:cianjur"],
        ),
    ]
}

fn event_of<'a>(out: &'a [Assignment], id: &str) -> &'a str {
    out.iter()
        .find(|a| a.article == id)
        .map_or("", |a| a.event.as_str())
}

#[test]
fn groups_same_happening_and_separates_others() {
    let mut l = Linker::new(LinkConfig::default());
    let out = l.add_batch(&corpus());
    assert_eq!(out.len(), 6);
    assert_eq!(event_of(&out, "a:q1"), event_of(&out, "a:q2"));
    assert_eq!(event_of(&out, "a:q1"), event_of(&out, "a:q3"));
    assert_eq!(event_of(&out, "a:b1"), event_of(&out, "a:b2"));
    assert_ne!(event_of(&out, "a:q1"), event_of(&out, "a:b1"));
    assert_ne!(event_of(&out, "a:f1"), event_of(&out, "a:b1"));
    assert!(out.iter().all(|a| a.duplicate_of.is_none()));
    // Output follows input order.
    let ids: Vec<&str> = out.iter().map(|a| a.article.as_str()).collect();
    assert_eq!(ids, ["a:q1", "a:b1", "a:f1", "a:q2", "a:b2", "a:q3"]);
}

#[test]
fn ids_have_the_documented_shape_and_come_from_the_founder() {
    let mut l = Linker::new(LinkConfig::default());
    let out = l.add_batch(&corpus());
    for a in &out {
        assert!(
            a.event.starts_with("e:") && a.event.len() == 18,
            "{}",
            a.event
        );
        assert!(
            a.story.starts_with("s:") && a.story.len() == 18,
            "{}",
            a.story
        );
        assert!(a.event[2..].chars().all(|c| c.is_ascii_hexdigit()));
    }
    // The quake event was founded by a:q1 (earliest), whatever the input order.
    let expect = format!("e:{:016x}", id_hash("event:", "a:q1", 0));
    assert_eq!(event_of(&out, "a:q2"), expect);
}

#[test]
fn idempotent_and_stable_when_later_articles_join() {
    let mut l = Linker::new(LinkConfig::default());
    let c = corpus();
    let first = l.add_batch(&c[..3]);
    let again = l.add_batch(&c[..3]);
    assert_eq!(first, again);
    let later = l.add_batch(&c[3..]);
    // Earlier assignments unchanged, later quake articles join the founder's event.
    for a in &first {
        assert_eq!(l.assignment(&a.article).as_ref(), Some(a));
    }
    assert_eq!(event_of(&later, "a:q2"), event_of(&first, "a:q1"));
    assert_eq!(l.stats().articles, 6);
    // The same ID twice in one batch is linked once.
    let mut l2 = Linker::new(LinkConfig::default());
    let out = l2.add_batch(&[c[0].clone(), c[0].clone()]);
    assert_eq!(out[0], out[1]);
    assert_eq!(l2.stats().articles, 1);
}

#[test]
fn duplicates_join_their_originals_event_and_story() {
    let mut l = Linker::new(LinkConfig::default());
    let c = corpus();
    l.add_batch(&c);
    let orig = &c[1];
    // A syndicated copy: other boilerplate, trimmed ending, published later.
    let trimmed: String = orig
        .text
        .split_whitespace()
        .take(50)
        .collect::<Vec<_>>()
        .join(" ");
    let copy = doc(
        "a:copy",
        at(1, 12),
        &orig.title,
        &format!("Jakarta - {trimmed} Baca juga berita lainnya"),
        &[],
    );
    let out = l.add_batch(&[copy]);
    assert_eq!(out[0].duplicate_of.as_deref(), Some("a:b1"));
    let o = l
        .assignment("a:b1")
        .unwrap_or_else(|| panic!("original missing"));
    assert_eq!(out[0].event, o.event);
    assert_eq!(out[0].story, o.story);
    // A copy of the copy points at the group's original.
    let copy2 = doc(
        "a:copy2",
        at(1, 13),
        &orig.title,
        &format!("{trimmed} redaksi"),
        &[],
    );
    assert_eq!(
        l.add_batch(&[copy2])[0].duplicate_of.as_deref(),
        Some("a:b1")
    );
    // Another write-up of the same happening is not a duplicate.
    assert!(l.assignment("a:b2").and_then(|a| a.duplicate_of).is_none());
}

#[test]
fn save_load_round_trip_gives_identical_later_assignments() {
    let c = corpus();
    let mut a = Linker::new(LinkConfig::default());
    a.add_batch(&c[..4]);
    let bytes = a.save();
    let mut b = Linker::load(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.stats(), b.stats());
    let later = vec![
        c[4].clone(),
        c[5].clone(),
        doc(
            "a:f2",
            at(2, 21),
            "Timnas lolos",
            &body(FOOTBALL, "pelatih puas", 60),
            &["org:pssi"],
        ),
    ];
    assert_eq!(a.add_batch(&later), b.add_batch(&later));
    assert_eq!(a.save().len(), b.save().len());
}

#[test]
fn bad_snapshots_are_errors_not_panics() {
    assert!(matches!(Linker::load(b""), Err(Error::BadSnapshot)));
    assert!(matches!(
        Linker::load(b"XXXX\x01abc"),
        Err(Error::BadSnapshot)
    ));
    let mut good = Linker::new(LinkConfig::default()).save();
    good.truncate(good.len() / 2);
    good.push(0xff);
    assert!(Linker::load(&good).is_err() || good.len() < 6);
    let mut garbage = b"KLNK\x01".to_vec();
    garbage.extend([0xff; 40]);
    assert!(Linker::load(&garbage).is_err());
}

#[test]
fn out_of_order_arrival_joins_the_existing_event() {
    let c = corpus();
    let mut l = Linker::new(LinkConfig::default());
    // Newer quake articles first, then the oldest one arrives late.
    let out1 = l.add_batch(&[c[3].clone(), c[5].clone(), c[1].clone()]);
    let old = event_of(&out1, "a:q2").to_string();
    let out2 = l.add_batch(&[c[0].clone()]);
    // The window is re-linked in publication order: the oldest report founds the event
    // (the same ID as if it had come first), the earlier reports move with it and the
    // retired ID redirects to the survivor.
    let founder = format!("e:{:016x}", id_hash("event:", "a:q1", 0));
    assert_eq!(out2[0].event, founder);
    let rev = l.take_revisions();
    assert!(rev
        .iter()
        .any(|a| a.article == "a:q2" && a.event == founder));
    assert!(
        rev.iter().all(|a| a.article != "a:q1"),
        "only earlier articles"
    );
    assert!(l.take_redirects().contains(&(old, founder.clone())));
    assert!(l.take_redirects().is_empty(), "taken once");
    // In one batch the order inside the batch is by publication date.
    let mut one = Linker::new(LinkConfig::default());
    let all = one.add_batch(&[c[5].clone(), c[3].clone(), c[0].clone()]);
    assert_eq!(
        event_of(&all, "a:q3"),
        format!("e:{:016x}", id_hash("event:", "a:q1", 0))
    );
}

#[test]
fn undated_and_empty_docs_do_not_panic() {
    let mut l = Linker::new(LinkConfig::default());
    let out = l.add_batch(&[
        doc("a:e", None, "", "", &[]),
        doc("a:u", None, "Gempa", &body(QUAKE, "x y", 30), &[]),
        doc("a:d", at(3, 1), "Gempa", &body(QUAKE, "x y z", 30), &[]),
    ]);
    assert_eq!(out.len(), 3);
    assert_ne!(out[0].event, out[1].event);
    // The dated article is processed first and founds the event the undated one joins.
    assert_eq!(
        out[1].event,
        format!("e:{:016x}", id_hash("event:", "a:d", 0))
    );
}

#[test]
fn stale_events_are_evicted_but_assignments_kept() {
    let cfg = LinkConfig {
        keep_recent_docs: 0,
        ..LinkConfig::default()
    };
    let mut l = Linker::new(cfg);
    l.add_batch(&corpus());
    let before = l.stats().active_events;
    assert!(before >= 3);
    let far = NaiveDate::from_ymd_opt(2027, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    l.add_batch(&[doc(
        "a:late",
        far,
        "Timnas",
        &body(FOOTBALL, "tahun baru", 40),
        &[],
    )]);
    let s = l.stats();
    assert_eq!(s.active_events, 1);
    assert_eq!(s.articles, 7);
    assert!(l.assignment("a:q1").is_some());
    // The late article opened its own event (the old ones are out of the window).
    assert_ne!(
        l.assignment("a:late").map(|a| a.event),
        l.assignment("a:f1").map(|a| a.event)
    );
}

#[test]
fn chronological_batches_equal_one_pass() {
    let mut docs = corpus();
    for (i, salt) in ["berita lanjutan", "update terkini", "laporan lapangan"]
        .iter()
        .enumerate()
    {
        docs.push(doc(
            &format!("a:q{}", i + 10),
            at(3 + i as u32, 9),
            "Gempa Cianjur",
            &body(QUAKE, salt, 60),
            &["gpe:cianjur"],
        ));
        docs.push(doc(
            &format!("a:f{}", i + 10),
            at(3 + i as u32, 20),
            "Timnas",
            &body(FOOTBALL, salt, 60),
            &["org:pssi"],
        ));
    }
    docs.sort_by_key(|d| d.published);
    let mut one = Linker::new(LinkConfig::default());
    let all = one.add_batch(&docs);
    let mut many = Linker::new(LinkConfig::default());
    let mut parts = Vec::new();
    for ch in docs.chunks(2) {
        parts.extend(many.add_batch(ch));
    }
    assert_eq!(all, parts);
}

#[test]
fn any_arrival_order_gives_the_same_events_and_ids() {
    let c = corpus();
    let mut a = Linker::new(LinkConfig::default());
    let one = a.add_batch(&c);
    for order in [[5usize, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3]] {
        let mut l = Linker::new(LinkConfig::default());
        // One article per batch, saved and reloaded in between (as the store does).
        for &i in &order {
            l = Linker::load(&l.save()).unwrap_or_else(|e| panic!("{e}"));
            l.add_batch(&[c[i].clone()]);
        }
        for x in &one {
            assert_eq!(
                l.assignment(&x.article).as_ref(),
                Some(x),
                "order {order:?}"
            );
        }
    }
}

#[test]
fn seen_counts_distinct_earlier_days() {
    let mut s = Seen::new(100);
    s.record(100);
    s.record(102);
    s.record(101);
    s.record(90);
    // Days 90, 100, 101, 102 seen; the window before day 103 of 14 days holds all four,
    // the window before day 102 holds 90, 100, 101.
    assert_eq!(s.days_before(103, 14), 4);
    assert_eq!(s.days_before(102, 14), 3);
    assert_eq!(s.days_before(102, 2), 2);
    // A jump past the mask forgets everything older.
    s.record(200);
    assert_eq!(s.days_before(201, 30), 1);
}

#[test]
fn persistent_keys_are_discounted_new_ones_not() {
    let cfg = LinkConfig::default();
    let mut df = HashMap::new();
    df.insert(1u64, 10);
    df.insert(2u64, 10);
    let mut seen = HashMap::new();
    let mut daily = Seen::new(0);
    for d in 1..14 {
        daily.record(d);
    }
    seen.insert(1u64, daily);
    seen.insert(2u64, Seen::new(13));
    let persistent = key_weight(&df, &seen, 1000, &cfg, 1, Some(14));
    let fresh = key_weight(&df, &seen, 1000, &cfg, 2, Some(14));
    let plain = key_weight(&df, &seen, 1000, &cfg, 1, None);
    assert!((fresh - plain).abs() < 1e-6, "{fresh} vs {plain}");
    assert!(persistent < plain / 4.0, "{persistent} vs {plain}");
}

/// Two promotions of different games, ten days apart, sharing the payment platform
/// (`org:google-play`) and promotion words only: one shared organisation never makes a
/// story; the same pair sharing the game too does.
#[test]
fn one_shared_organisation_never_makes_a_story() {
    let first = doc(
        "a:g1",
        at(1, 9),
        "Skin baru MLBB hadir lewat Google Play",
        "skin baru mlbb hadir pemain mobile legends hero karakter event turnamen google play top up diamond",
        &["org:google-play", "org:mlbb"],
    );
    let other_game = doc(
        "a:g2",
        at(11, 9),
        "Bundle Free Fire hadir lewat Google Play",
        "bundle free fire hadir senjata battle royale kostum google play voucher",
        &["org:google-play", "org:free-fire"],
    );
    let same_game = doc(
        "a:g3",
        at(21, 9),
        "Turnamen MLBB hadir lewat Google Play",
        "turnamen mlbb hadir pemain mobile legends hero karakter event skin google play top up diamond",
        &["org:google-play", "org:mlbb"],
    );
    let story = |cfg: LinkConfig| {
        let mut l = Linker::new(cfg);
        let out = l.add_batch(&[first.clone(), other_game.clone(), same_game.clone()]);
        let w = l.why("a:g2").cloned().unwrap_or_default();
        (out, w)
    };
    let (out, w) = story(LinkConfig::default());
    assert_ne!(out[0].story, out[1].story, "{w:?}");
    assert_eq!(out[0].story, out[2].story, "{out:?}");
    // Without the rule the platform and the promotion words join them: the test can fail.
    let (out, _) = story(LinkConfig {
        story_one_entity_text: 0.0,
        story_subject_terms: 0,
        ..LinkConfig::default()
    });
    assert_eq!(out[0].story, out[1].story);
}

#[test]
fn thresholds_are_per_language() {
    let cfg = LinkConfig::default();
    let (id_join, id_story) = cfg.thresholds(Lang::Id);
    let (en_join, en_story) = cfg.thresholds(Lang::En);
    assert!(id_join > en_join && id_story > en_story);
    assert_eq!(cfg.thresholds(Lang::Unknown), (en_join, en_story));
}

#[test]
fn name_words_match_stems_of_entity_names() {
    let ents = vec!["org:google-play".to_string(), "gpe:jakarta".to_string()];
    let w = name_words(&ents);
    assert!(is_name_word("googl", &w) && is_name_word("play", &w));
    assert!(!is_name_word("jakarta", &w), "places are not actors");
    assert!(!is_name_word("pla", &w) && !is_name_word("game", &w));
}

/// A sale a week later is a new happening, and promotions never join a story, even one
/// about the thing they promote: the two sale days of one store are two events, and the
/// reader contest about a race stays out of the race's story.
#[test]
fn promotions_are_their_own_events_and_stories() {
    const SALE: &str =
        "serbu diskon transmart full day sale harga promo hemat jutaan belanja hari ini saja";
    // Different texts (not near-copies of each other), one vocabulary.
    let sale = |id: &str, day: u32, item: &str| {
        doc(
            id,
            at(day, 8),
            &format!("Diskon {item} di Transmart Full Day Sale"),
            &body(SALE, &format!("{item} {id} merek ukuran"), 45),
            &["org:transmart"],
        )
    };
    let race = doc(
        "a:r1",
        at(3, 20),
        "Hasil MotoGP Prancis: Martin menang di Le Mans",
        &body(
            "motogp balapan sirkuit le mans pebalap podium menang finis tikungan crash",
            "malam race minggu",
            60,
        ),
        &["per:jorge-martin", "org:ducati", "org:motogp"],
    );
    let contest = doc(
        "a:r2",
        at(5, 10),
        "Tebak podium MotoGP Catalunya, ada hadiah",
        "tebak podium motogp catalunya pebalap menang hadiah saldo pemenang ikutan sekarang yuk follow instagram",
        &["org:motogp", "org:ducati"],
    );
    let mut l = Linker::new(LinkConfig::default());
    let out = l.add_batch(&[
        sale("a:s1", 1, "tv"),
        sale("a:s2", 1, "kulkas"),
        race,
        contest,
        sale("a:s3", 8, "tv"),
        sale("a:s4", 8, "kulkas"),
    ]);
    assert_eq!(out[0].event, out[1].event, "one sale day is one event");
    assert_eq!(out[4].event, out[5].event);
    assert_ne!(out[0].event, out[4].event, "two sale days are two events");
    assert_ne!(out[0].story, out[4].story, "promotions never join a story");
    assert_ne!(
        out[2].story, out[3].story,
        "a contest is not part of the race's story"
    );
    assert!(l.why("a:r2").is_some_and(|w| w.promotion));
    assert!(l.why("a:r1").is_some_and(|w| !w.promotion));
}

/// Two outbreaks share the genre word (`wabah`), the agency (WHO) and the ministry: the
/// second is no part of the first's story, which is about its own virus; a later report
/// on the first virus is.
#[test]
fn a_story_join_needs_the_story_subject() {
    let ents = ["org:who", "org:kemenkes"];
    const OUTBREAK: &str =
        "kasus virus who kemenkes waspada penyakit menular pasien gejala demam dokter rumah sakit";
    let hanta = |id: &str, day: u32, extra: &str| {
        doc(
            id,
            at(day, 9),
            &format!("Wabah hantavirus kapal pesiar {extra}"),
            &format!("wabah hantavirus kapal pesiar hondius penumpang {OUTBREAK} {extra}"),
            &ents,
        )
    };
    let ebola = doc(
        "a:v3",
        at(12, 9),
        "Wabah ebola kongo darurat global",
        &format!("wabah ebola kongo darurat afrika {OUTBREAK}"),
        &ents,
    );
    // Other outbreaks make `wabah` a common word, as it is in real news.
    let others = [
        "campak sekolah",
        "ulat bulu kebun",
        "flu burung ternak",
        "kolera pengungsi",
        "antraks sapi",
    ];
    let mut docs: Vec<LinkDoc> = others
        .iter()
        .enumerate()
        .map(|(i, o)| {
            doc(
                &format!("a:o{i}"),
                at(3 + i as u32, 9),
                &format!("Wabah {o}"),
                &format!("wabah {o} warga desa {o}"),
                &[],
            )
        })
        .collect();
    docs.extend([
        hanta("a:v1", 1, "isolasi"),
        hanta("a:v2", 2, "evakuasi"),
        ebola,
        hanta("a:v4", 20, "karantina"),
    ]);
    let run = |cfg: LinkConfig| {
        let mut l = Linker::new(cfg);
        let out = l.add_batch(&docs);
        (out, l.why("a:v4").cloned().unwrap_or_default())
    };
    let (out, w) = run(LinkConfig::default());
    let n = others.len();
    assert_ne!(
        out[n].story,
        out[n + 2].story,
        "another outbreak is another story"
    );
    assert_eq!(out[n].story, out[n + 3].story, "{w:?}");
    // The subject is the story's own content (`hantavirus`, `kapal`, `pesiar`): the
    // Ebola report holds only its genre word among them, short of the two a join needs.
    assert!(w.story_subject_n >= 2, "{w:?}");
    assert!(w.story_subject.iter().any(|t| t == "hantavirus"), "{w:?}");
    assert!(
        w.story_subject
            .iter()
            .all(|t| t != "who" && t != "kemenkes"),
        "names are no subject: {w:?}"
    );
    // Without the rule the genre word and the agencies join them: the test can fail.
    let (out, _) = run(LinkConfig {
        story_subject_terms: 0,
        ..LinkConfig::default()
    });
    assert_eq!(out[n].story, out[n + 2].story);
}

/// An English and an Indonesian report of one happening share no terms but the same
/// canonical entities: they join one event; a report a week later, or one sharing a
/// single organisation, does not.
#[test]
fn cross_language_reports_join_through_shared_entities() {
    let ents = [
        "per:ratna-kusumawardani",
        "org:kemlu",
        "gpe:vietnam",
        "gpe:natuna",
    ];
    let id = doc(
        "a:x1",
        at(9, 9),
        "Kemlu panggil dubes Vietnam soal insiden Natuna",
        "kemlu panggil duta besar vietnam insiden kapal natuna menteri luar negeri protes",
        &ents,
    );
    let mut en = doc(
        "a:x2",
        at(9, 15),
        "Indonesia summons Vietnamese envoy over Natuna standoff",
        "foreign ministry summoned ambassador vessel standoff natuna minister protest",
        &ents,
    );
    en.lang = Lang::En;
    let mut later = en.clone();
    later.id = "a:x3".into();
    later.published = at(20, 9);
    later.text = "fisheries talks resume quota boundary coast guard patrol agreement".into();
    let mut one_org = en.clone();
    one_org.id = "a:x4".into();
    one_org.entities = vec!["org:kemlu".into(), "gpe:natuna".into()];
    one_org.title = "Ministry opens visa service office".into();
    one_org.text = "consular visa service office opens applicants queue online booking".into();
    let run = |cfg: LinkConfig, docs: &[LinkDoc]| Linker::new(cfg).add_batch(docs);
    let all = [id.clone(), en.clone(), later.clone()];
    let out = run(LinkConfig::default(), &all);
    assert_eq!(out[0].event, out[1].event, "{out:?}");
    assert_ne!(
        out[0].event, out[2].event,
        "eleven days later is another event"
    );
    let out = run(LinkConfig::default(), &[id.clone(), one_org]);
    assert_ne!(
        out[0].event, out[1].event,
        "one shared organisation is not enough"
    );
    let out = run(
        LinkConfig {
            cross_lang_entity_min: 0.0,
            ..LinkConfig::default()
        },
        &all,
    );
    assert_ne!(
        out[0].event, out[1].event,
        "without the rule they never meet"
    );
}

/// Two tip pieces quoting one doctor on different days share a genre and an expert,
/// not a happening: each is its own event and its own story.
#[test]
fn evergreen_pieces_stay_apart() {
    let ents = ["per:dewi-lestari", "org:rs-sehat"];
    const TIPS: &str =
        "dokter dewi lestari jelaskan cara kelola stres cemas napas tenang tidur cukup olahraga rutin";
    let docs = [
        doc(
            "a:t1",
            at(10, 8),
            "Tips kelola stres dan cemas ala dokter",
            &format!("{TIPS} meditasi pagi"),
            &ents,
        ),
        doc(
            "a:t2",
            at(12, 8),
            "Tips tenangkan cemas saat kerja",
            &format!("{TIPS} jeda kerja"),
            &ents,
        ),
    ];
    let run = |cfg: LinkConfig| {
        let mut l = Linker::new(cfg);
        let out = l.add_batch(&docs);
        let evergreen = l.why("a:t2").is_some_and(|w| w.evergreen);
        (out, evergreen)
    };
    let (out, evergreen) = run(LinkConfig::default());
    assert!(evergreen);
    assert_ne!(out[0].event, out[1].event);
    assert_ne!(out[0].story, out[1].story);
    // Without the rule the shared expert and tip words join them: the test can fail.
    let (out, _) = run(LinkConfig {
        evergreen_apart: false,
        ..LinkConfig::default()
    });
    assert!(out[0].event == out[1].event || out[0].story == out[1].story);
}

/// Two happenings held together by one institution's name alone (its words `bpjs`,
/// `kesehatan` lead both texts) are two stories: the subject must be content terms.
#[test]
fn a_story_subject_is_not_an_institution_name() {
    let ents = ["org:bpjs-kesehatan", "per:ali-ghufron"];
    const BPJS: &str =
        "bpjs kesehatan bpjs kesehatan peserta jkn layanan kantor cabang ali ghufron";
    let docs = [
        doc(
            "a:j1",
            at(10, 8),
            "BPJS Kesehatan tanggung operasi kutil",
            &format!("{BPJS} operasi kutil dokter kulit tindakan ditanggung"),
            &ents,
        ),
        doc(
            "a:j2",
            at(20, 8),
            "BPJS Kesehatan bantah iuran naik",
            &format!("{BPJS} iuran naik hoaks bantah tarif premi"),
            &ents,
        ),
    ];
    let run = |cfg: LinkConfig| {
        let mut l = Linker::new(cfg);
        l.add_batch(&docs)
    };
    let out = run(LinkConfig::default());
    assert_ne!(out[0].story, out[1].story);
    // Without the rule the name words are the story's subject: the test can fail.
    let out = run(LinkConfig {
        story_subject_content: false,
        story_subject_min: 1,
        story_title_subject: false,
        ..LinkConfig::default()
    });
    assert_eq!(out[0].story, out[1].story);
}

/// Two incidents of one kind in different places (school-meal poisonings in two
/// regencies) share only the words of their kind, which many other articles hold: those
/// words are no story subject, so the incidents are two stories; without the rule they
/// are one.
#[test]
fn an_incident_kind_is_no_story_subject() {
    const KIND: &str = "keracunan siswa sekolah makan menu gizi dapur korban dirawat puskesmas";
    // Twenty earlier reports make the kind's words common, as they are in real news.
    let mut docs: Vec<LinkDoc> = (0..20)
        .map(|i| {
            doc(
                &format!("a:k{i:02}"),
                at(1 + i % 9, 8 + i / 9),
                &format!("Keracunan siswa kasus{i} wilayah{i}"),
                // Each report's own words (its place, its school) lead its profile.
                &format!(
                    "{KIND} {}",
                    (0..12)
                        .map(|j| format!("k{i}w{j} k{i}w{j}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                &[],
            )
        })
        .collect();
    let incident = |id: &str, day: u32, place: &str| {
        doc(
            id,
            at(day, 9),
            &format!("Keracunan siswa sekolah di {place}"),
            &format!("{KIND} {KIND} {place} {place}kota"),
            &[],
        )
    };
    docs.push(incident("a:p1", 20, "anambas"));
    docs.push(incident("a:p2", 26, "cianjur"));
    let run = |cfg: LinkConfig| {
        let mut l = Linker::new(cfg);
        l.add_batch(&docs)
    };
    let out = run(LinkConfig::default());
    let n = docs.len();
    assert_ne!(out[n - 2].story, out[n - 1].story);
    // Without the rule the kind's words are the subject: the test can fail.
    let out = run(LinkConfig {
        story_subject_df_max: 0.0,
        ..LinkConfig::default()
    });
    assert_eq!(out[n - 2].story, out[n - 1].story);
}

/// A report stating its happening day (`LinkDoc::happened`).
fn dated(mut d: LinkDoc, day: u32) -> LinkDoc {
    d.happened = NaiveDate::from_ymd_opt(2026, 5, day);
    d
}

#[test]
fn reports_stating_different_days_are_two_happenings() {
    const CRASH: &str = "kecelakaan tabrak tiang listrik satlantas polres korban luka jalan raya kendaraan saksi lokasi";
    let a = dated(
        doc(
            "a:c1",
            at(29, 11),
            "Pemotor tewas tabrak tiang listrik di Bogor",
            &format!("{CRASH} pemotor tewas kemang jampang honda beat penumpang dirawat desa"),
            &["gpe:bogor", "per:ares-rahman"],
        ),
        28,
    );
    let b = dated(
        doc(
            "a:c2",
            at(29, 15),
            "Truk oleng tabrak tiang listrik di Bogor",
            &format!("{CRASH} truk boks oleng ringsek cileungsi jonggol sopir pagi"),
            &["gpe:bogor", "per:ares-rahman"],
        ),
        29,
    );
    // A later report of the first crash, stating its day: clearly the same happening.
    let c = dated(
        doc(
            "a:c3",
            at(29, 18),
            "Pemotor tewas tabrak tiang listrik di Kemang Bogor",
            &format!("{CRASH} pemotor tewas kemang jampang honda beat penumpang dirawat"),
            &["gpe:bogor", "per:ares-rahman"],
        ),
        28,
    );
    let docs = vec![a, b, c];
    let run = |cfg: LinkConfig| Linker::new(cfg).add_batch(&docs);
    let out = run(LinkConfig::default());
    assert_ne!(out[0].event, out[1].event, "two crashes on two days");
    assert_eq!(out[0].event, out[2].event, "one crash reported twice");
    // Without the rule the two crashes share an event: the test can fail.
    let out = run(LinkConfig {
        happening_text_min: 0.0,
        ..LinkConfig::default()
    });
    assert_eq!(out[0].event, out[1].event);
}

#[test]
fn a_competition_is_a_story_subject() {
    const SPORT: &str =
        "bulutangkis ganda putra tunggal babak pelatih pbsi wakil indonesia lawan gim skor";
    let ents = ["per:fajar-alfian", "per:alwi-farhan", "org:pbsi"];
    let match_report = |id: &str, day: u32, title: &str, own: &str| {
        doc(
            id,
            at(day, 12),
            title,
            &format!("{SPORT} {own} {own}"),
            &ents,
        )
    };
    let docs = vec![
        match_report(
            "a:t1",
            1,
            "Thomas Cup 2026: Indonesia kalahkan Thailand",
            "thomas piala beregu grup thailand",
        ),
        match_report(
            "a:t2",
            3,
            "Thomas Cup 2026: Indonesia tersingkir",
            "thomas piala beregu grup prancis",
        ),
        match_report(
            "a:s1",
            8,
            "Singapore Open 2026: Alwi ke 16 besar",
            "singapore open individu thomas piala",
        ),
    ];
    let run = |cfg: LinkConfig| Linker::new(cfg).add_batch(&docs);
    let out = run(LinkConfig::default());
    assert_eq!(out[0].story, out[1].story, "one competition, one story");
    assert_ne!(out[0].story, out[2].story, "two competitions, two stories");
    // Without the rule the sport holds them together: the test can fail.
    let out = run(LinkConfig {
        story_competitions: false,
        ..LinkConfig::default()
    });
    assert_eq!(out[0].story, out[2].story);
}

/// Two happenings of one company share the company's field (rockets, launches, Texas)
/// in their bodies, not a titled subject: two stories. A third report titled on the
/// first happening's subject (the worker's death) continues its thread.
#[test]
fn a_brand_alone_is_no_story_title_subject() {
    const FIELD: &str =
        "roket starship peluncuran texas perusahaan antariksa fasilitas produksi insinyur orbit";
    let ents = ["org:spacex", "per:elon-musk", "org:nasa"];
    let report = |id: &str, day: u32, title: &str, own: &str| {
        doc(
            id,
            at(day, 12),
            title,
            &format!("{FIELD} {FIELD} {own}"),
            &ents,
        )
    };
    let docs = vec![
        report(
            "a:death1",
            1,
            "Pekerja Tewas di Pabrik SpaceX Starbase",
            "pekerja tewas kecelakaan kerja osha investigasi keluarga korban",
        ),
        report(
            "a:mars",
            9,
            "Miliarder Kripto Pimpin Misi Berawak ke Mars bersama SpaceX",
            "miliarder kripto misi berawak mars kru pabrik pekerja starbase",
        ),
        report(
            "a:death2",
            12,
            "Keluarga Pekerja Tewas Gugat SpaceX",
            "pekerja tewas gugatan keluarga korban pengadilan osha investigasi",
        ),
    ];
    let run = |cfg: LinkConfig| Linker::new(cfg).add_batch(&docs);
    let out = run(LinkConfig::default());
    assert_ne!(out[0].event, out[1].event);
    assert_ne!(out[0].story, out[1].story, "one brand, two subjects");
    assert_eq!(out[0].story, out[2].story, "the titled subject continues");
    // Without the rule the company's field holds them together: the test can fail.
    let out = run(LinkConfig {
        story_title_subject: false,
        ..LinkConfig::default()
    });
    assert_eq!(out[0].story, out[1].story);
}
