//! Relative expressions: deictic days (kemarin, besok), offsets (dua hari lalu), units with ini/lalu/depan, weekends, weekdays, months relative to the anchor.

use super::*;

/// A month name, then a comma, `dan`, `hingga`, `sampai` or a dash, right before a position.
static MONTH_BEFORE: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(&format!(
        r"{MON_FULL}(?:\s*,)?\s*(?:(?:dan|hingga|sampai|s\.d\.?|atau)\s+|[-–]\s*)$"
    ))
    .expect("valid regex")
});

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let b = B;
    let n = NUMBER_RE;
    vec![
        // hari ini, kemarin, besok, lusa
        RuleDef {
            langs: 1,
            kind: K::DayWordId,
            pattern: format!(
                r"{b}(?i:hari\s+ini|hari\s+itu|hari\s+yang\s+sama|kemarin\s+lusa|kemarin|kemarin\s+dulu|besok|esok\s+hari|esok|lusa|keesokan\s+harinya|keesokan\s+hari|hari\s+berikutnya|hari\s+sebelumnya|semalam|tadi\s+(?P<pod1>pagi|siang|sore|petang|malam)|nanti\s+(?P<pod5>pagi|siang|sore|petang|malam)|(?P<pod>pagi|siang|sore|petang|malam|dini\s+hari)(?:\s+hari)?\s+(?P<pw>ini|itu|tadi)|tengah\s+hari(?:\s+(?P<pw2>ini|itu|tadi))?|(?P<pod3>pagi|siang|sore|petang|malam)\s+hari(?:nya)?|dini\s+hari|(?:sejak|hingga|sampai)\s+(?P<pod4>pagi|siang|sore|petang|malam)(?:\s+hari)?(?:\s+(?P<pw4>ini|tadi))?){b}"
            ),
            keys: list(&[
                "hari", "kemarin", "besok", "esok", "lusa", "malam", "pagi", "siang", "sore",
                "petang",
            ]),
        },
        RuleDef {
            langs: 2,
            kind: K::DayWordEn,
            pattern: format!(
                r"{b}(?i:today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|the\s+following\s+day|the\s+next\s+day|the\s+previous\s+day|the\s+day\s+before){b}"
            ),
            keys: list(&[
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
                "night",
                "morning",
                "afternoon",
                "evening",
                "day",
            ]),
        },
        // dua hari lalu, 3 bulan yang lalu, sehari setelahnya, tiga hari lagi
        RuleDef {
            langs: 1,
            kind: K::AgoId,
            pattern: format!(
                r"{b}(?i:(?:(?P<n>{n})\s+|(?P<se>se))(?P<u>hari|pekan|minggu|bulan|tahun|dekade)\s+(?:yang\s+)?(?P<dir>lalu|silam|sebelumnya|sesudahnya|setelahnya|kemudian|berikutnya|lagi|mendatang|ke\s+depan)){b}"
            ),
            keys: list(&[
                "lalu",
                "silam",
                "sebelumnya",
                "sesudahnya",
                "setelahnya",
                "kemudian",
                "berikutnya",
                "lagi",
                "mendatang",
                "depan",
            ]),
        },
        // pekan lalu, minggu ini, bulan lalu, tahun depan
        RuleDef {
            langs: 1,
            kind: K::UnitRelId,
            pattern: format!(
                r"{b}(?P<u>(?i:pekan|minggu|bulan|tahun))\s+(?P<dir>(?i:ini|lalu|depan|kemarin|mendatang|silam|berikutnya|sebelumnya|sebelumnya)){b}"
            ),
            keys: list(&["pekan", "minggu", "bulan", "tahun"]),
        },
        RuleDef {
            langs: 2,
            kind: K::UnitRelEn,
            pattern: format!(
                r"{b}(?i:(?P<dir>last|this|next|the\s+previous|the\s+following|the\s+past|the\s+coming)\s+(?P<u>week|month|year)){b}"
            ),
            keys: list(&["week", "month", "year"]),
        },
        RuleDef {
            langs: 2,
            kind: K::AgoEn,
            pattern: format!(
                r"{b}(?i:(?P<n>{n}|a|an)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|from\s+now)){b}"
            ),
            keys: list(&["ago", "earlier", "later", "from now"]),
        },
        RuleDef {
            langs: 2,
            kind: K::RefDayEn,
            pattern: format!(r"{b}(?i:(?P<n>{n}|a|an)\s+(?P<u>day|week)s?\s+(?:later|earlier)){b}"),
            keys: list(&["later", "earlier"]),
        },
        // akhir pekan (ini/lalu/depan), the weekend, last weekend
        RuleDef {
            langs: 3,
            kind: K::Weekend,
            pattern: format!(
                r"{b}(?i:akhir\s+pekan(?:\s+(?P<dir>ini|lalu|depan|kemarin))?|(?P<dir2>last|this|next|the)\s+weekend){b}"
            ),
            keys: list(&["akhir pekan", "weekend"]),
        },
        // Kamis, Kamis lalu, Minggu depan (weekday: capitalised)
        RuleDef {
            langs: 1,
            kind: K::WeekdayId,
            pattern: format!(
                r"{b}(?P<wd>{WD_ID})(?:\s+(?P<dir>lalu|kemarin|depan|mendatang|ini|pekan\s+lalu|minggu\s+lalu|pekan\s+depan)){{0,1}}{b}"
            ),
            keys: weekdays(),
        },
        RuleDef {
            langs: 2,
            kind: K::WeekdayEn,
            pattern: format!(
                r"{b}(?:(?P<dir>(?i:last|next|this|this\s+past|this\s+coming))\s+)?(?P<wd>{WD_EN}){b}"
            ),
            keys: weekdays(),
        },
        // Maret lalu, Juni tahun lalu, Desember mendatang
        RuleDef {
            langs: 1,
            kind: K::MonRelId,
            pattern: format!(
                r"{b}(?:(?i:bulan)\s+)?(?P<mon>{MON_FULL})\s+(?:(?P<tahun>(?i:tahun))\s+)?(?P<dir>(?i:lalu|ini|depan|mendatang|kemarin|silam)){b}"
            ),
            keys: months(),
        },
        // pada Maret, bulan Mei, in March, last March
        RuleDef {
            langs: 3,
            kind: K::MonOnly,
            pattern: format!(
                r"{b}(?P<pre>(?i:pada|sejak|semenjak|hingga|sampai|sepanjang|dari|untuk|from|to|bulan|awal|akhir|pertengahan|penghujung|medio|jelang|menjelang|selama|in|since|until|by|during|early|late|mid|last|next|this)[\s-]+)(?P<mon>{MON_FULL}){b}"
            ),
            keys: months(),
        },
        // inflasi Oktober, pengiriman Januari: a capitalised full month name in context
        RuleDef {
            langs: 1,
            kind: K::MonBare,
            pattern: format!(r"{b}(?P<mon>{MON_FULL}){b}"),
            // full names only: abbreviations as keys ("des", "mar") open windows in
            // "desa", "marah"
            keys: MON_FULL
                .trim_start_matches("(?:")
                .trim_end_matches(')')
                .split('|')
                .map(str::to_lowercase)
                .collect(),
        },
        // akhir tahun, awal bulan: the anchor's year or month, with its mod
        RuleDef {
            langs: 1,
            kind: K::PeriodEdge,
            pattern: format!(
                r"{b}(?i:awal|akhir|pertengahan|penghujung|medio)\s+(?P<u>(?i:tahun|bulan)){b}"
            ),
            keys: list(&["awal", "akhir", "pertengahan", "penghujung", "medio"]),
        },
    ]
}

/// Whether a part of day or a bracketed date follows byte `end` ("kemarin sore",
/// "kemarin (19/11)"): then the word is a calendar day.
fn day_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    rest.starts_with('(')
        || ["pagi", "siang", "sore", "petang", "malam", "dini"]
            .iter()
            .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
}

/// Whether "sampai", "hingga" or "sejak" comes right before byte `start` ("sampai
/// kemarin" is a bound in time, a day).
fn bound_before(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("").trim_end();
    let w = head
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    ["sampai", "hingga", "sejak"]
        .iter()
        .any(|b| w.eq_ignore_ascii_case(b))
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    match kind {
        K::DayWordId | K::DayWordEn => day_word(h, out),
        K::AgoId | K::AgoEn | K::RefDayEn => offset(h, out),
        K::UnitRelId | K::UnitRelEn => unit_rel(kind, h, out),
        K::Weekend => weekend(h, out),
        K::WeekdayId | K::WeekdayEn => weekday(kind, h, out),
        K::MonRelId => month_rel(h, out),
        K::MonOnly => month_after_word(h, out),
        K::MonBare => month_bare(h, out),
        K::PeriodEdge => period_edge(h, out),
        _ => {}
    }
}

/// A deictic day or a part of day (`hari ini`, `kemarin`, `tadi malam`, `dini hari`).
fn day_word(h: &Hit, out: &mut Vec<Cand>) {
    let Hit {
        c,
        text,
        full,
        base,
        ..
    } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    // "sehari-hari itu": part of a word, not "that day"
    if s0 > 0 && text.as_bytes()[s0 - 1] == b'-' {
        return;
    }
    // "Sabtu (18/10/2025) kemarin": the date says the day; the word only confirms it
    if text[..s0].trim_end().ends_with(')') && m0.as_str().eq_ignore_ascii_case("kemarin") {
        return;
    }
    let w = m0.as_str().to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    // in speech "kemarin" alone is "the other day" (TimeML PAST_REF); the narrative's
    // "kemarin" is yesterday
    if w == "kemarin"
        && in_quote(full, base + s0)
        && !day_follows(text, e0)
        && !bound_before(text, s0)
    {
        push(out, s0, e0, Sem::Fixed(TimeType::Date, "PAST_REF".into()));
        return;
    }
    let mut start = s0;
    let meaning = if let Some(m) = c.name("pod4") {
        // "sejak siang", "hingga sore ini": the preposition stays outside the extent; with
        // "ini"/"tadi" the day is the publication day, alone the narrative's
        start = m.start();
        let pw = g(c, "pw4");
        let n = if m.as_str() == "malam" && pw == Some("tadi") {
            -1
        } else {
            0
        };
        Some((
            n,
            pw.is_none(),
            crate::lexicon::word_value("pod", m.as_str()),
        ))
    } else {
        part_of_day(c, &w).or_else(|| deictic_day(&w))
    };
    let Some((n, from_ref, pod)) = meaning else {
        return;
    };
    out.push(Cand {
        start,
        end: e0,
        sem: Sem::Offset {
            unit: Unit::Day,
            n,
            from_ref,
        },
        pod,
        clock: None,
        modifier: None,
    });
}

/// (days from the anchor, counted from the reference time, part of day) of a part of day
/// with or without a deictic word (`tengah hari`, `sore hari`, `tadi malam`, `nanti sore`,
/// `pagi ini`, `malam itu`).
fn part_of_day(c: &Captures, w: &str) -> Option<(i64, bool, Option<&'static str>)> {
    let pod = |p: &str| crate::lexicon::word_value("pod", p);
    if w.starts_with("tengah hari") {
        // "tengah hari" alone is midday of the day the narrative is on
        return Some((0, g(c, "pw2").is_none_or(|p| p == "itu"), Some("MI")));
    }
    if let Some(p) = g(c, "pod3").or(w.eq("dini hari").then_some("dini hari")) {
        // a part of day alone ("dini hari", "sore hari", "pagi harinya"): the day the
        // narrative is on
        return Some((0, true, pod(p)));
    }
    if let Some(p) = g(c, "pod5") {
        // "nanti sore": later today
        return Some((0, false, pod(p)));
    }
    let p = g(c, "pod").or(g(c, "pod1"))?;
    let pw = g(c, "pw").unwrap_or("tadi");
    let last_night = p == "malam" && (pw == "tadi" || c.name("pod1").is_some());
    Some((if last_night { -1 } else { 0 }, pw == "itu", pod(p)))
}

/// (days from the anchor, counted from the reference time, part of day) of a deictic day.
fn deictic_day(w: &str) -> Option<(i64, bool, Option<&'static str>)> {
    Some(match w {
        "hari ini" | "today" => (0, false, None),
        "kemarin" | "yesterday" => (-1, false, None),
        "kemarin lusa" | "kemarin dulu" | "the day before yesterday" => (-2, false, None),
        "besok" | "esok" | "esok hari" | "tomorrow" => (1, false, None),
        "lusa" | "the day after tomorrow" => (2, false, None),
        "keesokan harinya" | "keesokan hari" | "hari berikutnya" | "the following day"
        | "the next day" => (1, true, None),
        "hari sebelumnya" | "the previous day" | "the day before" => (-1, true, None),
        "hari itu" | "hari yang sama" => (0, true, None),
        "semalam" | "last night" => (-1, false, Some("NI")),
        "this morning" => (0, false, Some("MO")),
        "this afternoon" => (0, false, Some("AF")),
        "this evening" => (0, false, Some("EV")),
        "tonight" => (0, false, Some("NI")),
        _ => return None,
    })
}

fn offset(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    // "dua dekade lalu" has no unit here: left to the duration rule
    let Some(u) = g(c, "u").and_then(unit_of) else {
        return;
    };
    let n: i64 = if c.name("se").is_some() {
        1
    } else {
        match g(c, "n").and_then(number_of) {
            Some(n) => n,
            None => return,
        }
    };
    let dir = g(c, "dir").unwrap_or("later").to_lowercase();
    let dir = dir.split_whitespace().collect::<Vec<_>>().join(" ");
    // "tiga hari ke depan" is the span of time ahead, and "(sisa waktu) tinggal tiga bulan
    // lagi" the time left: DURATIONs, the latter without "lagi"
    let left = dir == "lagi"
        && crate::lexicon::word_value("remaining", &word_before(text, s0).to_lowercase()).is_some();
    if dir == "ke depan" || left {
        let letter = match u {
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Year => "Y",
        };
        let end = match c.name("dir") {
            Some(d) if left => text[..d.start()].trim_end().len(),
            _ => e0,
        };
        push(
            out,
            s0,
            end,
            Sem::Fixed(TimeType::Duration, format!("P{n}{letter}")),
        );
        return;
    }
    let (sign, from_ref) = match dir.as_str() {
        "lalu" | "silam" | "ago" => (-1, false),
        "sebelumnya" | "earlier" | "before" => (-1, true),
        "sesudahnya" | "setelahnya" | "kemudian" | "berikutnya" | "later" | "after" => (1, true),
        "lagi" | "mendatang" | "ke depan" | "from now" => (1, false),
        _ => return,
    };
    push(
        out,
        s0,
        e0,
        Sem::Offset {
            unit: u,
            n: sign * n,
            from_ref,
        },
    );
}

fn unit_rel(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit {
        c,
        text,
        full,
        base,
        starts,
        ..
    } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let Some(uw) = g(c, "u") else { return };
    // "Minggu lalu" with a capital inside a sentence is Sunday, not a week.
    if kind == K::UnitRelId
        && orig(text, c, "u") == "Minggu"
        && !is_sentence_start(full, starts, base + s0)
    {
        return;
    }
    let Some(u) = unit_of(uw) else { return };
    let dir = g(c, "dir").unwrap_or("").to_lowercase();
    let dir = dir.split_whitespace().collect::<Vec<_>>().join(" ");
    let (n, from_ref) = match dir.as_str() {
        "ini" | "this" | "the past" => (0, false),
        "lalu" | "kemarin" | "silam" | "last" => (-1, false),
        "depan" | "mendatang" | "next" | "the coming" => (1, false),
        "berikutnya" | "the following" => (1, true),
        "sebelumnya" | "the previous" => (-1, true),
        _ => return,
    };
    if dir == "the past" {
        return;
    }
    let sem = if from_ref {
        Sem::RefUnit { unit: u, n }
    } else {
        Sem::Offset {
            unit: u,
            n,
            from_ref,
        }
    };
    push(out, s0, e0, sem);
}

fn weekend(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let dir = g(c, "dir").or(g(c, "dir2")).unwrap_or("").to_lowercase();
    let n = match dir.as_str() {
        "lalu" | "kemarin" | "last" => -1,
        "depan" | "next" => 1,
        _ => 0,
    };
    push(out, s0, e0, Sem::Weekend(n));
}

fn weekday(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit {
        c,
        text,
        full,
        base,
        starts,
        ..
    } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let Some(wd) = wd_of(c) else { return };
    // weekday names are capitalised; "minggu" in lower case is the week
    if !capital(text, c, "wd") {
        return;
    }
    // "Pasar Minggu", "Jl Minggu": a place
    if crate::lexicon::word_value("place", &word_before(text, s0).to_lowercase()).is_some() {
        return;
    }
    let dir = g(c, "dir").map(|d| d.to_lowercase());
    let rel = match dir
        .as_deref()
        .map(|d| d.split_whitespace().next().unwrap_or(""))
    {
        Some("lalu") | Some("kemarin") | Some("last") => Rel::Last,
        Some("depan") | Some("mendatang") | Some("next") => Rel::Next,
        // "Sabtu besok": the weekday and "besok" are two expressions, one day
        None if text[e0..]
            .trim_start()
            .to_ascii_lowercase()
            .starts_with("besok") =>
        {
            Rel::Next
        }
        Some("ini") | Some("this") => {
            if dir.as_deref().is_some_and(|d| d.contains("past")) {
                Rel::Last
            } else if dir.as_deref().is_some_and(|d| d.contains("coming")) {
                Rel::Next
            } else {
                Rel::This
            }
        }
        Some("pekan") | Some("minggu") => {
            if dir.as_deref().is_some_and(|d| d.ends_with("depan")) {
                Rel::Next
            } else {
                Rel::Last
            }
        }
        _ => Rel::Bare,
    };
    let wdw = orig(text, c, "wd");
    if kind == K::WeekdayId && wdw == "Minggu" {
        // sentence-initial "Minggu ini/lalu/depan" is the week
        if rel != Rel::Bare && is_sentence_start(full, starts, base + s0) {
            return;
        }
    }
    push(out, s0, e0, Sem::Weekday { wd, rel });
}

fn month_rel(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let Some(m) = g(c, "mon").and_then(month_of) else {
        return;
    };
    if !capital(text, c, "mon") {
        return;
    }
    let dir = g(c, "dir").unwrap_or("").to_lowercase();
    let rel = if c.name("tahun").is_some() {
        match dir.as_str() {
            "lalu" | "kemarin" | "silam" => Rel::YearOffset(-1),
            "depan" | "mendatang" => Rel::YearOffset(1),
            _ => Rel::YearOffset(0),
        }
    } else {
        match dir.as_str() {
            "lalu" | "kemarin" | "silam" => Rel::Last,
            "depan" | "mendatang" => Rel::Next,
            _ => Rel::This,
        }
    };
    push(out, s0, e0, Sem::Month { y: None, m, rel });
}

fn month_after_word(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let (Some(m), Some(pre), Some(mm)) =
        (g(c, "mon").and_then(month_of), g(c, "pre"), c.name("mon"))
    else {
        return;
    };
    if !capital(text, c, "mon") {
        return;
    }
    let p = pre.trim().trim_end_matches('-').to_lowercase();
    let since = crate::lexicon::word_value("since", &p).is_some();
    let (start, rel) = match p.as_str() {
        "bulan" => (s0, Rel::Bare),
        // the mod word is absorbed later, so "akhir Mei 2010" can still take its year
        "awal" | "akhir" | "pertengahan" | "penghujung" | "medio" | "early" | "late" | "mid" => {
            (mm.start(), Rel::Bare)
        }
        _ if since => (mm.start(), Rel::NotAfter),
        _ if crate::lexicon::word_value("forward", &p).is_some() => (mm.start(), Rel::NotBefore),
        "last" => (s0, Rel::Last),
        "next" => (s0, Rel::Next),
        "this" => (s0, Rel::This),
        _ => (mm.start(), Rel::Bare),
    };
    // "may" as a modal verb: English "May" only after a preposition, capitalised (regex)
    push(out, start, e0, Sem::Month { y: None, m, rel });
}

fn month_bare(h: &Hit, out: &mut Vec<Cand>) {
    let Hit {
        c,
        text,
        full,
        base,
        starts,
        ..
    } = *h;
    let (Some(m), Some(mm)) = (g(c, "mon").and_then(month_of), c.name("mon")) else {
        return;
    };
    if !capital(text, c, "mon") {
        return;
    }
    // a name ("Mei Lestari", "Agustus Sani") or a title: a capital word follows
    let after = text[mm.end()..].trim_start_matches([' ', '\t']);
    if after.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()) {
        return;
    }
    // the next month of a list ("Oktober, November, dan Desember", "Mei dan Juli")
    let mut from = mm.start().saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if MONTH_BEFORE.is_match(&text[from..mm.start()]) {
        let rel = Rel::AfterPrevious;
        push(out, mm.start(), mm.end(), Sem::Month { y: None, m, rel });
        return;
    }
    let prev = word_before(text, mm.start());
    let prev_start = text[..mm.start()].trim_end_matches([' ', '\t']).len() - prev.len();
    // the month or the word before it opens the sentence ("Harusnya Juli sudah")
    let sentence_start = is_sentence_start(full, starts, base + prev_start);
    let prev_lower = prev.starts_with(|ch: char| ch.is_lowercase());
    if !(prev_lower || sentence_start) {
        return;
    }
    if crate::lexicon::word_value("not_before_month", &prev.to_lowercase()).is_some() {
        return;
    }
    let rel = if crate::lexicon::word_value("forward", &prev.to_lowercase()).is_some() {
        Rel::NotBefore
    } else if crate::lexicon::word_value("since", &prev.to_lowercase()).is_some() {
        Rel::NotAfter
    } else {
        Rel::Bare
    };
    push(out, mm.start(), mm.end(), Sem::Month { y: None, m, rel });
}

fn period_edge(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let e0 = m0.end();
    let Some(u) = c.name("u") else { return };
    // "akhir tahun lalu", "akhir tahun 2013": the longer rules take these
    let rest = text[e0..].trim_start();
    let next: String = rest.chars().take_while(|ch| ch.is_alphanumeric()).collect();
    if next.starts_with(|ch: char| ch.is_ascii_digit())
        || matches!(
            next.to_lowercase().as_str(),
            "ini"
                | "lalu"
                | "depan"
                | "kemarin"
                | "mendatang"
                | "silam"
                | "berikutnya"
                | "sebelumnya"
                | "anggaran"
                | "ajaran"
        )
    {
        return;
    }
    let unit = if u.as_str().eq_ignore_ascii_case("tahun") {
        Unit::Year
    } else {
        Unit::Month
    };
    push(
        out,
        u.start(),
        u.end(),
        Sem::Offset {
            unit,
            n: 0,
            from_ref: false,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::super::sems;
    use super::*;

    #[test]
    fn bare_months_in_context() {
        let s =
            sems("Inflasi Oktober naik. Kata Mei Lestari, pengiriman Januari turun sejak Juni.");
        let v: Vec<(String, Option<Rel>)> = s
            .into_iter()
            .map(|(t, x)| match x {
                Sem::Month { rel, .. } => (t, Some(rel)),
                _ => (t, None),
            })
            .collect();
        assert_eq!(
            v,
            [
                ("Oktober".to_string(), Some(Rel::Bare)),
                ("Januari".to_string(), Some(Rel::NotBefore)),
                ("Juni".to_string(), Some(Rel::NotAfter)),
            ]
        );
    }

    #[test]
    fn days_of_the_narrative_and_places() {
        let s = sems("Pada hari yang sama, malam itu, warga Pasar Minggu berkumpul.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(matches!(s[0].1, Sem::Offset { from_ref: true, .. }));
        assert_eq!(s[1].0, "malam itu");
        let s = sems("Harga naik tiga hari ke depan dan akhir tahun.");
        assert_eq!(s[0].1, Sem::Fixed(TimeType::Duration, "P3D".into()));
        assert_eq!(s[1].0, "akhir tahun");
    }
}
