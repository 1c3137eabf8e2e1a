//! Absolute dates and periods: day/month/year in words or digits, ranges, month with year, years, decades, centuries, quarters and halves.

use super::*;

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let mon = format!("(?i:{})", month_alternation());
    let wd = format!("(?:{WD_ID}|{WD_EN})");
    let b = B;
    vec![
        // Senin, 3 Maret 2025 / 3 Mar. 2025 / 7th of March 2025
        RuleDef {
            langs: 3,
            kind: K::DayMonYear,
            pattern: format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\.?,?\s+(?P<y>\d{{4}}){b}"
            ),
            keys: months(),
        },
        // Thursday, March 6, 2025
        RuleDef {
            langs: 3,
            kind: K::MonDayYear,
            pattern: format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){b}"
            ),
            keys: months(),
        },
        // Kamis (6/3), Jumat, (29/5/2026), (6/3)
        RuleDef {
            langs: 3,
            kind: K::ParenNum,
            pattern: format!(
                r"(?:{b}(?P<wd>{wd})\s*,?\s*)?\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)"
            ),
            keys: list(&["/"]),
        },
        // 3/3/2025, 03-03-2025
        RuleDef {
            langs: 3,
            kind: K::BareNum,
            pattern: format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?P<s>[/-])(?P<m>\d{{1,2}})[/-](?P<y>\d{{4}}){b}"
            ),
            keys: Vec::new(),
        },
        RuleDef {
            langs: 3,
            kind: K::Iso,
            pattern: format!(r"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){b}"),
            keys: Vec::new(),
        },
        // Sabtu, 8 Maret / 8 Mar
        RuleDef {
            langs: 3,
            kind: K::DayMon,
            pattern: format!(
                r"{b}(?:(?P<wd>{wd}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon}){b}(?:\.|\s+(?i:mendatang|lalu|silam|kemarin){b})?"
            ),
            keys: months(),
        },
        // March 7 / on Thursday, March 6
        RuleDef {
            langs: 2,
            kind: K::MonDay,
            pattern: format!(
                r"{b}(?:(?P<wd>{WD_EN}),?\s+)?(?P<mon>{MON_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{b}"
            ),
            keys: months(),
        },
        // 19-21 Mei 2026, 19 hingga 21 Mei
        RuleDef {
            langs: 3,
            kind: K::Range,
            pattern: format!(
                r"{b}(?P<d1>\d{{1,2}})\s*(?:-|–|—|hingga|sampai|s\.?d\.?|to|and|dan)\s*(?P<d2>\d{{1,2}})\s+(?P<mon>{mon})\.?(?:\s+(?P<y>\d{{4}}))?{b}"
            ),
            keys: months(),
        },
        // March 19-21, 2026
        RuleDef {
            langs: 2,
            kind: K::RangeEn,
            pattern: format!(
                r"{b}(?P<mon>{MON_FULL})\s+(?P<d1>\d{{1,2}})\s*(?:-|–|—|to|and)\s*(?P<d2>\d{{1,2}}),?(?:\s+(?P<y>\d{{4}}))?{b}"
            ),
            keys: months(),
        },
        // (bulan) Maret 2025
        RuleDef {
            langs: 3,
            kind: K::MonYear,
            pattern: format!(
                r"{b}(?:(?i:bulan)\s+)?(?P<mon>{mon})\.?,?\s+(?:(?i:tahun)\s+)?(?P<y>\d{{4}}){b}"
            ),
            keys: months(),
        },
        // pada 1998, tahun 2019, sejak 2019, in 1998
        RuleDef {
            langs: 3,
            kind: K::Year,
            pattern: format!(
                r"{b}(?:(?P<pre>(?i:pada|sejak|semenjak|hingga|sampai|dari|jelang|menjelang|medio|in|since|until|by|during|from))\s+)?(?P<t>(?P<tahun>(?i:tahun|the\s+year)\s+)?(?P<y>1[89]\d\d|20\d\d)){b}"
            ),
            keys: list(&["18", "19", "20"]),
        },
        // tahun 1990-an, the 1990s
        RuleDef {
            langs: 3,
            kind: K::Decade,
            pattern: format!(
                r"{b}(?:(?:(?i:tahun|era|dekade|the)\s+)?(?P<y>1[89]\d0|20\d0)(?:-?an|'?s)|(?i:tahun|era)\s+(?P<y2>[1-9]0)-?an){b}"
            ),
            keys: list(&["0an", "0-an", "0s", "0's"]),
        },
        RuleDef {
            langs: 3,
            kind: K::Century,
            pattern: format!(
                r"{b}(?i:abad\s+ke-?\s*(?P<c>\d{{1,2}}|[IVX]+)|the\s+(?P<e>\d{{1,2}})(?:st|nd|rd|th)\s+century){b}"
            ),
            keys: list(&["abad", "century"]),
        },
        RuleDef {
            langs: 3,
            kind: K::Quarter,
            pattern: format!(
                r"{b}(?P<k>(?i:kuartal|triwulan|semester|caturwulan|paruh|quarter|Q|H))\s*-?\s*(?P<q>(?-i:IV|III|II|I)|[1-4]|(?i:pertama|kedua|ketiga|keempat|first|second|third|fourth)){b}(?:(?:(?i:\s+(?:tahun\s+|of\s+)?)|\s*-\s*)(?P<y>\d{{4}}){b}|\s+(?i:tahun)\s+(?P<yrel>(?i:ini|lalu|depan|kemarin|mendatang)){b})?|{b}(?i:the\s+)?(?P<q2>(?i:first|second|third|fourth))\s+(?P<k2>(?i:quarter|half))(?:\s+(?i:of\s+)?(?P<y2>\d{{4}}))?{b}"
            ),
            keys: list(&[
                "kuartal",
                "triwulan",
                "semester",
                "caturwulan",
                "paruh",
                "quarter",
                "half",
                "q1",
                "q2",
                "q3",
                "q4",
                "h1",
                "h2",
                "q-",
                "h-",
                "q ",
                "h ",
            ]),
        },
    ]
}

/// A year that is part of an identifier or a title, not a time (criteria: "UU Nomor 12
/// Tahun 2011" is not annotated): inside a slashed number (`05/KPPU-I/2025`,
/// `LP/B/3442/IX/2025`), after "Nomor N" (`Perpres Nomor 79 Tahun 2025`), or a capitalised
/// "Tahun" after a capitalised name (`Undang-Undang Dasar … Indonesia Tahun 1945`).
fn names_a_document(text: &str, c: &Captures) -> bool {
    let Some(t) = c.name("t") else { return false };
    let b = text.as_bytes();
    let slashed = (t.start() > 0 && b[t.start() - 1] == b'/') || b.get(t.end()) == Some(&b'/');
    let Some(th) = c.name("tahun") else {
        return slashed;
    };
    let before = text[..th.start()].trim_end();
    let mut words = before.rsplit(char::is_whitespace);
    let w1 = words.next().unwrap_or("");
    let w2 = words.next().unwrap_or("").to_ascii_lowercase();
    let numbered = w1.starts_with(|ch: char| ch.is_ascii_digit())
        && matches!(w2.trim_end_matches('.'), "nomor" | "no" | "nomer");
    let titled = text[th.range()].starts_with('T')
        && w1.starts_with(|ch: char| ch.is_uppercase())
        && !before.ends_with(['.', '!', '?', '"', '“'])
        && month_of(w1).is_none()
        && weekday_of(w1).is_none();
    slashed || numbered || titled
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    match kind {
        K::DayMonYear | K::MonDayYear | K::DayMon | K::MonDay => day_month(kind, h, out),
        K::ParenNum | K::BareNum | K::Iso => numeric_date(kind, h, out),
        K::Range | K::RangeEn => day_range(kind, h, out),
        K::MonYear => month_year(h, out),
        K::Year => year(h, out),
        K::Decade => decade(h, out),
        K::Century => century(h, out),
        K::Quarter => quarter(h, out),
        _ => {}
    }
}

fn day_month(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    if kind == K::MonDay && !capital(text, c, "mon") {
        return;
    }
    let (Some(d), Some(m)) = (gnum(c, "d"), g(c, "mon").and_then(month_of)) else {
        return;
    };
    if !valid_dm(d, m) {
        return;
    }
    let y = g(c, "y").and_then(|y| y.parse().ok());
    // the dot after an abbreviation ("8 Mar.") is part of it, a full stop is not
    let full_name = g(c, "mon").is_some_and(|w| w.len() > 4);
    let e0 = if full_name && m0.as_str().ends_with('.') {
        e0 - 1
    } else {
        e0
    };
    push(
        out,
        s0,
        e0,
        Sem::Date {
            y,
            m,
            d,
            wd: wd_of(c),
        },
    );
}

fn numeric_date(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, lang, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let (Some(a), Some(b2)) = (gnum(c, "d"), gnum(c, "m")) else {
        return;
    };
    let y: Option<i32> = g(c, "y").map(|y| {
        let v: i32 = y.parse().unwrap_or(0);
        if y.len() == 2 {
            2000 + v
        } else {
            v
        }
    });
    // day first (Indonesian), month first for English all-numeric dates, and
    // whichever reading is valid when a field exceeds 12
    let month_first_en = kind == K::BareNum && lang == Lang::En;
    let swap = kind != K::Iso && a <= 12 && (month_first_en || b2 > 12);
    let (d, m) = if swap { (b2, a) } else { (a, b2) };
    if !valid_dm(d, m) {
        return;
    }
    if kind == K::BareNum {
        // not a date inside a longer number ("1/3/2025/7")
        let bb = text.as_bytes();
        if s0 > 0 && (bb[s0 - 1] == b'/' || bb[s0 - 1].is_ascii_digit()) {
            return;
        }
    }
    push(
        out,
        s0,
        e0,
        Sem::Date {
            y,
            m,
            d,
            wd: wd_of(c),
        },
    );
}

fn day_range(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let (Some(d1), Some(d2), Some(m)) =
        (gnum(c, "d1"), gnum(c, "d2"), g(c, "mon").and_then(month_of))
    else {
        return;
    };
    if !valid_dm(d1, m) || !valid_dm(d2, m) || d1 >= d2 {
        return;
    }
    if kind == K::RangeEn && !capital(text, c, "mon") {
        return;
    }
    let y = g(c, "y").and_then(|y| y.parse().ok());
    let (Some(md1), Some(md2)) = (c.name("d1"), c.name("d2")) else {
        return;
    };
    // "19-21 Mei": the first day's span is its digits only; "May 19-21" starts at
    // the month name.
    let first_start = if kind == K::Range { md1.start() } else { s0 };
    let date = |d| Sem::Date { y, m, d, wd: None };
    push(out, first_start, md1.end(), date(d1));
    push(out, md2.start(), e0, date(d2));
}

fn month_year(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let (Some(m), Some(y)) = (
        g(c, "mon").and_then(month_of),
        g(c, "y").and_then(|y| y.parse().ok()),
    ) else {
        return;
    };
    // short lower-case abbreviations before a number are rarely months ("mar 2025" ok,
    // "des" ok); require a capital or a full name.
    let mw = orig(text, c, "mon");
    if mw.len() <= 3 && !mw.starts_with(|ch: char| ch.is_uppercase()) {
        return;
    }
    push(
        out,
        s0,
        e0,
        Sem::Month {
            y: Some(y),
            m,
            rel: Rel::Bare,
        },
    );
}

fn year(h: &Hit, out: &mut Vec<Cand>) {
    let Hit {
        c,
        text,
        full,
        base,
        starts,
        ..
    } = *h;
    let Some(t) = c.name("t") else { return };
    let Some(y) = g(c, "y").and_then(|y| y.parse::<i32>().ok()) else {
        return;
    };
    let trig = c.name("pre").is_some() || c.name("tahun").is_some();
    if !trig && !(1945..=2099).contains(&y) {
        return;
    }
    if !year_ok(text, t.start(), t.end(), trig) || names_a_document(text, c) {
        return;
    }
    // "APBN-P 2014", "Pertamina Outlook 2015": a year right after a capitalised name
    // (not at a sentence start) belongs to the name
    if !trig {
        let prev = word_before(text, t.start());
        let prev_start = text[..t.start()].trim_end_matches([' ', '\t']).len() - prev.len();
        let adjacent = !prev.is_empty();
        let named = prev.starts_with(|ch: char| ch.is_uppercase())
            && month_of(prev).is_none()
            && weekday_of(prev).is_none()
            && !is_sentence_start(full, starts, base + prev_start)
            && !matches!(
                prev.to_lowercase().as_str(),
                "tahun" | "sepanjang" | "hingga"
            );
        if adjacent && named {
            return;
        }
    }
    push(
        out,
        t.start(),
        t.end(),
        Sem::Fixed(TimeType::Date, y.to_string()),
    );
}

fn decade(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    // "tahun 40-an" is the 1940s
    let v = match (g(c, "y"), g(c, "y2")) {
        (Some(y), _) => y[..3].to_string(),
        (None, Some(y2)) => format!("19{}", &y2[..1]),
        _ => return,
    };
    push(out, s0, e0, Sem::Fixed(TimeType::Date, v));
}

fn century(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let n = g(c, "c")
        .or(g(c, "e"))
        .and_then(|r| roman(&r.to_uppercase()));
    if let Some(n) = n.filter(|&n| (1..=30).contains(&n)) {
        push(
            out,
            s0,
            e0,
            Sem::Fixed(TimeType::Date, format!("{:02}", n - 1)),
        );
    }
}

fn quarter(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let (k, q, y) = if let Some(q) = g(c, "q") {
        (g(c, "k").unwrap_or(""), q, g(c, "y"))
    } else {
        (
            g(c, "k2").unwrap_or(""),
            g(c, "q2").unwrap_or(""),
            g(c, "y2"),
        )
    };
    let Some(qn) = roman(&q.to_lowercase()).or_else(|| roman(&q.to_uppercase())) else {
        return;
    };
    let kl = k.to_lowercase();
    let part: &'static str = match (kl.as_str(), qn) {
        ("semester" | "half" | "h" | "paruh", 1) => "H1",
        ("semester" | "half" | "h" | "paruh", 2) => "H2",
        ("caturwulan", 1) => "T1",
        ("caturwulan", 2) => "T2",
        ("caturwulan", 3) => "T3",
        ("kuartal" | "triwulan" | "quarter" | "q", 1) => "Q1",
        ("kuartal" | "triwulan" | "quarter" | "q", 2) => "Q2",
        ("kuartal" | "triwulan" | "quarter" | "q", 3) => "Q3",
        ("kuartal" | "triwulan" | "quarter" | "q", 4) => "Q4",
        _ => return,
    };
    // bare "Q1"/"H1" need a year; otherwise too ambiguous (H1 is also a visa, a tag)
    if (k == "q" || k == "h") && y.is_none() {
        return;
    }
    push(
        out,
        s0,
        e0,
        Sem::Part {
            part,
            y: y.and_then(|y| y.parse().ok()),
            yoff: match g(c, "yrel") {
                Some("lalu" | "kemarin") => -1,
                Some("depan" | "mendatang") => 1,
                _ => 0,
            },
        },
    );
}

#[cfg(test)]
mod tests {
    use super::super::sems;
    use super::*;

    #[test]
    fn dates_years_and_names() {
        let s = sems("Rapat 27 November mendatang membahas APBN-P 2015 dan Permen No 1/2013.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0, "27 November mendatang");
        let s = sems("Sepanjang 2014, harga naik sejak tahun 40-an.");
        assert_eq!(s[0].1, Sem::Fixed(TimeType::Date, "2014".into()));
        assert_eq!(s[1].1, Sem::Fixed(TimeType::Date, "194".into()));
    }

    #[test]
    fn quarters_with_a_relative_year() {
        let s =
            sems("Laba kuartal ketiga tahun ini dan triwulan I-2015, paruh pertama tahun depan.");
        let parts: Vec<_> = s
            .iter()
            .map(|(_, x)| match x {
                Sem::Part { part, y, yoff } => (*part, *y, *yoff),
                _ => ("", None, 9),
            })
            .collect();
        assert_eq!(
            parts,
            [("Q3", None, 0), ("Q1", Some(2015), 0), ("H1", None, 1)]
        );
    }
}
