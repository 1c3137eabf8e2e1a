//! Behaviour tests of `analyze` on sentences written for them.

use super::*;
use chrono::NaiveDate;
use kabar_core::{Lang, TimeType};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (text, type, value) of every expression found.
fn tags(text: &str, lang: Lang, published: &str) -> Vec<(String, TimeType, String)> {
    analyze(text, lang, Some(published), day(2026, 11, 22))
        .times
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind, t.value))
        .collect()
}

fn has(t: &[(String, TimeType, String)], text: &str, value: &str) -> bool {
    t.iter().any(|(s, _, v)| s.contains(text) && v == value)
}

#[test]
fn absolute_indonesian_dates() {
    let t = tags(
        "Rapat digelar Senin, 3 Maret 2025 di Jakarta dan dilanjutkan Kamis (6/3) pukul 09.20 WIB.",
        Lang::Id,
        "2025-03-07",
    );
    assert!(has(&t, "Senin, 3 Maret 2025", "2025-03-03"), "{t:?}");
    // a date with its clock time is one TIMEX3 (TimeML)
    assert!(
        has(&t, "Kamis (6/3) pukul 09.20 WIB", "2025-03-06T09:20"),
        "{t:?}"
    );
    assert_eq!(t.len(), 2, "{t:?}");
}

#[test]
fn relative_indonesian() {
    let p = "2025-03-07"; // a Friday
    let t = tags("Ia tiba kemarin dan akan pulang besok.", Lang::Id, p);
    assert!(
        has(&t, "kemarin", "2025-03-06") && has(&t, "besok", "2025-03-08"),
        "{t:?}"
    );
    let t = tags(
        "Harga naik sejak pekan lalu, bulan lalu stabil, tahun depan turun.",
        Lang::Id,
        p,
    );
    assert!(has(&t, "pekan lalu", "2025-W09"), "{t:?}");
    assert!(has(&t, "bulan lalu", "2025-02"), "{t:?}");
    assert!(has(&t, "tahun depan", "2026"), "{t:?}");
    let t = tags(
        "Kasus itu terungkap dua hari lalu, tiga bulan lalu belum.",
        Lang::Id,
        p,
    );
    assert!(has(&t, "dua hari lalu", "2025-03-05"), "{t:?}");
    assert!(has(&t, "tiga bulan lalu", "2024-12"), "{t:?}");
    let t = tags("Polisi menangkapnya pada Kamis lalu.", Lang::Id, p);
    assert!(has(&t, "Kamis lalu", "2025-03-06"), "{t:?}");
}

#[test]
fn bare_weekday_follows_tense() {
    let p = "2025-03-07"; // Friday
    let past = tags("Presiden meresmikan jembatan itu pada Selasa.", Lang::Id, p);
    assert!(has(&past, "Selasa", "2025-03-04"), "{past:?}");
    let fut = tags(
        "Presiden akan meresmikan jembatan itu pada Selasa.",
        Lang::Id,
        p,
    );
    assert!(has(&fut, "Selasa", "2025-03-11"), "{fut:?}");
}

#[test]
fn minggu_week_or_sunday() {
    let p = "2025-03-07";
    let t = tags(
        "Harga beras turun minggu lalu. Ia datang pada Minggu (2/3).",
        Lang::Id,
        p,
    );
    assert!(has(&t, "minggu lalu", "2025-W09"), "{t:?}");
    assert!(has(&t, "Minggu (2/3)", "2025-03-02"), "{t:?}");
}

#[test]
fn durations_and_sets() {
    let p = "2025-03-07";
    let t = tags(
        "Ia menjabat selama enam tahun, 30 tahun setelah reformasi, dan rapat setiap Senin.",
        Lang::Id,
        p,
    );
    assert!(has(&t, "enam tahun", "P6Y"), "{t:?}");
    assert!(has(&t, "30 tahun", "P30Y"), "{t:?}");
    assert!(
        t.iter().any(|(s, k, v)| s.contains("setiap Senin")
            && *k == TimeType::Set
            && v == "XXXX-WXX-1"),
        "{t:?}"
    );
    let t = tags(
        "Sehari setelahnya, pada Rabu (5/3), tim kembali.",
        Lang::Id,
        p,
    );
    assert!(has(&t, "Rabu (5/3)", "2025-03-05"), "{t:?}");
}

#[test]
fn ranges_years_and_modifiers() {
    let p = "2025-03-07";
    let t = tags(
        "Pameran berlangsung 19-21 Mei 2026. Krisis terjadi pada 1998 dan pertengahan 2023.",
        Lang::Id,
        p,
    );
    assert!(
        has(&t, "19", "2026-05-19") && has(&t, "21 Mei 2026", "2026-05-21"),
        "{t:?}"
    );
    assert!(has(&t, "1998", "1998"), "{t:?}");
    assert!(has(&t, "pertengahan 2023", "2023"), "{t:?}");
    let t = tags("Gaji dibayar awal bulan ini.", Lang::Id, p);
    assert!(has(&t, "awal bulan ini", "2025-03"), "{t:?}");
}

#[test]
fn numbers_that_are_not_dates() {
    let p = "2025-03-07";
    let t = tags(
        "Persija menang 2-1, harga Rp 2.025 per kg, dan 3/4 peserta hadir; 2019 orang antre.",
        Lang::Id,
        p,
    );
    assert!(
        t.iter().all(|(s, _, _)| !s.contains("2-1")
            && !s.contains("3/4")
            && !s.contains("2.025")
            && !s.contains("2019")),
        "{t:?}"
    );
}

#[test]
fn english_forms() {
    let p = "2025-03-07";
    let t = tags("The minister arrived on Thursday, two days ago; last week prices fell. On March 3, 2025 the talks began at 9:20 a.m.", Lang::En, p);
    assert!(has(&t, "Thursday", "2025-03-06"), "{t:?}");
    assert!(has(&t, "two days ago", "2025-03-05"), "{t:?}");
    assert!(has(&t, "last week", "2025-W09"), "{t:?}");
    assert!(has(&t, "March 3, 2025", "2025-03-03"), "{t:?}");
    assert!(has(&t, "9:20 a.m.", "2025-03-03T09:20"), "{t:?}");
}

#[test]
fn infers_published_from_weekday_and_day_month() {
    // 6 March is a Thursday in 2025 (and in 2031, which is after today).
    let a = analyze(
        "Menteri bertemu mitranya di Jakarta, Kamis (6/3). Besok ia ke Bali.",
        Lang::Id,
        None,
        day(2026, 11, 22),
    );
    let p = a.published.expect("inferred");
    assert_eq!(
        (p.value.as_str(), p.inferred, p.from.as_str()),
        ("2025-03-06", true, "text")
    );
    assert!(
        a.times.iter().any(|t| t.value == "2025-03-07"),
        "{:?}",
        a.times
    );
    // given: not returned
    let a = analyze(
        "Kamis (6/3).",
        Lang::Id,
        Some("2025-03-07"),
        day(2026, 11, 22),
    );
    assert!(a.published.is_none());
}

#[test]
fn warnings() {
    let a = analyze(
        "Rapat digelar Rabu, 6 Maret 2025.",
        Lang::Id,
        Some("2025-03-07"),
        day(2026, 11, 22),
    );
    assert!(
        a.warnings.iter().any(|w| w.kind == "weekday_mismatch"
            && w.message.contains("Thursday")
            && w.message.contains("Wednesday")),
        "{:?}",
        a.warnings
    );
    let a = analyze(
        "Polisi telah menangkap pelaku pada 9 Maret 2025, kata Kapolres.",
        Lang::Id,
        Some("2025-03-07"),
        day(2026, 11, 22),
    );
    assert!(
        a.warnings.iter().any(|w| w.kind == "date_in_future"),
        "{:?}",
        a.warnings
    );
    let a = analyze(
        "Sidang akan digelar pada 9 Maret 2025.",
        Lang::Id,
        Some("2025-03-07"),
        day(2026, 11, 22),
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "",
        "(",
        "(31/31)",
        "Kamis (",
        "pukul 99.99 WIB",
        "ü 3 Mei",
        "abad ke-99",
        "19-1 Mei 2026",
        "“Senin”, 3 Maret",
    ] {
        let _ = analyze(s, Lang::Unknown, None, day(2026, 11, 22));
    }
}

#[test]
fn quarters_and_centuries_with_roman_numerals() {
    let t = tags(
        "Laba kuartal III 2024 naik, tradisi sejak abad ke-XIX.",
        Lang::Id,
        "2025-03-07",
    );
    assert!(has(&t, "kuartal III 2024", "2024-Q3"), "{t:?}");
    assert!(has(&t, "abad ke-XIX", "18"), "{t:?}");
}

#[test]
fn expressions_far_into_a_long_text_are_found() {
    // rules run on windows around keywords: an expression deep in a long text still counts
    let filler = "Warga berkumpul di balai desa untuk membahas rencana pembangunan. ".repeat(200);
    let text = format!("{filler}Rapat lanjutan digelar Kamis (6/3) pukul 09.20 WIB.");
    let t = tags(&text, Lang::Id, "2025-03-07");
    assert!(
        has(&t, "Kamis (6/3) pukul 09.20 WIB", "2025-03-06T09:20"),
        "{t:?}"
    );
}

#[test]
fn dot_of_an_abbreviation_ends_no_sentence() {
    let t = tags(
        "The blast occurred at about 3:40 p.m. on Sunday.",
        Lang::En,
        "2025-12-03",
    );
    assert!(has(&t, "3:40 p.m.", "2025-11-30T15:40"), "{t:?}");
    let t = tags(
        "Libur Imlek jatuh pada Sabtu besok.",
        Lang::Id,
        "2024-02-09",
    );
    assert!(has(&t, "Sabtu", "2024-02-10"), "{t:?}");
}

#[test]
fn never_panics_on_shuffled_fragments() {
    // fragments of every rule's shape, multibyte text and punctuation, glued at random
    let parts = [
        "Kamis",
        " (6/3",
        ")",
        "/2025",
        " pukul ",
        "09.20",
        " WIB",
        " 19-",
        "21 Mei",
        " 2026",
        "“",
        "”",
        "—",
        "é",
        "中国",
        " minggu",
        " Minggu",
        " lalu",
        " dua",
        " hari",
        " tahun",
        " kuartal",
        " III",
        " abad ke-",
        "XIX",
        ". ",
        "\n",
        " p.m.",
        " 3:40",
        " sehari",
        " setelahnya",
        " akhir",
        " pekan",
        " setiap",
        " Senin",
        " 1990",
        "-an",
        " Rp",
        " 2.025",
        " last",
        " week",
        " ago",
        " March",
        " 7,",
        " Sabtu",
        " besok",
        "(",
        "31/31",
        "",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..400 {
        let mut s = String::new();
        for _ in 0..(round % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(parts[(seed % parts.len() as u64) as usize]);
        }
        for lang in [Lang::Id, Lang::En, Lang::Unknown] {
            let a = analyze(&s, lang, None, day(2026, 11, 22));
            for t in &a.times {
                assert!(
                    t.span.end <= s.len()
                        && s.is_char_boundary(t.span.start)
                        && s.is_char_boundary(t.span.end),
                    "{s:?}"
                );
                assert!(!t.value.is_empty());
            }
            let _ = analyze(
                &s,
                lang,
                Some("2025-03-07T09:20:00+07:00"),
                day(2026, 11, 22),
            );
        }
    }
}

#[test]
fn published_raw_or_unreadable() {
    // a raw outlet string anchors like its ISO value
    let a = analyze(
        "Ia tiba kemarin.",
        Lang::Id,
        Some("Jumat, 7 Mar 2025 10:00 WIB"),
        day(2026, 11, 22),
    );
    assert_eq!(a.times[0].value, "2025-03-06");
    assert!(a.published.is_none());
    // unreadable: inferred from the text
    let a = analyze(
        "Rapat digelar Kamis (6/3/2025).",
        Lang::Id,
        Some("n/a"),
        day(2026, 11, 22),
    );
    assert_eq!(a.published.map(|p| p.value).as_deref(), Some("2025-03-06"));
}
