//! Durations: counted units (enam tahun), se- forms (sepekan), reduplicated vague forms (berbulan-bulan), English vague plurals.

use super::*;

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let b = B;
    let n = NUMBER_RE;
    vec![
        // enam tahun, 24 jam, two weeks, six-year
        RuleDef {
            langs: 3,
            kind: K::Duration,
            pattern: format!(
                r"{b}(?:(?P<dec>\d{{1,3}},\d{{1,2}})|(?P<n>{n}|(?i:beberapa|puluhan|ratusan|several|a\s+few|few)))[\s-]+(?P<u>(?i:detik|menit|jam|hari|pekan|minggu|bulan|tahun|dekade|abad|windu|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))){b}(?:\s+(?i:terakhir|belakangan){b})?"
            ),
            keys: list(&[
                "detik", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "dekade",
                "abad", "windu", "second", "minute", "hour", "day", "week", "month", "year",
                "decade", "centur",
            ]),
        },
        // satu hingga dua tahun, 1-2 bulan, empat atau lima tahun
        RuleDef {
            langs: 1,
            kind: K::DurRange,
            pattern: format!(
                r"{b}(?P<n1>{n})\s*(?:-|–|(?i:hingga|sampai|atau|s\.d\.?))\s*(?P<n>{n})\s+(?P<u>(?i:detik|menit|jam|hari|pekan|minggu|bulan|tahun|dekade|abad)){b}(?:\s+(?i:terakhir|belakangan|ke\s+depan){b})?"
            ),
            keys: list(&[
                "detik", "menit", "jam", "hari", "pekan", "minggu", "bulan", "tahun", "dekade",
                "abad",
            ]),
        },
        // "for decades" (selama bertahun-tahun is Redup)
        RuleDef {
            langs: 2,
            kind: K::VagueEn,
            pattern: format!(
                r"{b}(?i:for|over)\s+(?P<u>(?i:decades|years|months|weeks|days|hours|minutes)){b}"
            ),
            keys: list(&[
                "decades", "years", "months", "weeks", "days", "hours", "minutes",
            ]),
        },
        RuleDef {
            langs: 1,
            kind: K::SeDuration,
            pattern: format!(
                r"{b}(?P<u>(?i:sedetik|semenit|sejam|sehari|sepekan|seminggu|sebulan|setahun|sewindu|sedekade|seabad)){b}"
            ),
            keys: list(&[
                "sedetik", "semenit", "sejam", "sehari", "sepekan", "seminggu", "sebulan",
                "setahun", "sewindu", "sedekade", "seabad",
            ]),
        },
        RuleDef {
            langs: 1,
            kind: K::Redup,
            pattern: format!(
                r"{b}(?P<u>(?i:berjam-jam|berhari-hari|berminggu-minggu|berpekan-pekan|berbulan-bulan|bertahun-tahun|berabad-abad)){b}"
            ),
            keys: list(&[
                "-jam", "-hari", "-minggu", "-pekan", "-bulan", "-tahun", "-abad",
            ]),
        },
    ]
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    match kind {
        K::Duration => counted(h, out),
        K::DurRange => range(h, out),
        K::SeDuration => se_duration(h, out),
        K::VagueEn => vague_en(h, out),
        K::Redup => redup(h, out),
        _ => {}
    }
}

/// The TimeML duration of `q` (a number, a decimal "5.5" or "X") units written `uw`
/// (`P6Y`, `PT24H`, `P10Y` for a decade), None for a word that is not a unit.
fn duration_value(uw: &str, q: &str, n: Option<i64>) -> Option<String> {
    let uwl = uw.to_lowercase();
    let (time_part, letter, mult) = match uwl.trim_end_matches('s') {
        "detik" | "second" => (true, 'S', 1),
        "menit" | "minute" => (true, 'M', 1),
        "jam" | "hour" => (true, 'H', 1),
        "hari" | "day" => (false, 'D', 1),
        "pekan" | "minggu" | "week" => (false, 'W', 1),
        "bulan" | "month" => (false, 'M', 1),
        "tahun" | "year" => (false, 'Y', 1),
        "windu" => (false, 'Y', 8),
        "dekade" | "decade" => (false, 'Y', 10),
        "abad" | "century" | "centurie" => (false, 'Y', 100),
        _ => return None,
    };
    let q = match n {
        Some(n) if mult > 1 => (n * mult).to_string(),
        _ if mult > 1 && q != "X" => return None,
        _ => q.to_string(),
    };
    Some(if time_part {
        format!("PT{q}{letter}")
    } else {
        format!("P{q}{letter}")
    })
}

/// The word before byte `s0` names a regulation ("Nomor 79 Tahun 2025"): not 79 years.
fn after_number_word(text: &str, s0: usize) -> bool {
    let lw = text[..s0]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(lw.trim_end_matches('.'), "nomor" | "no" | "nomer")
}

/// A counted or vaguely counted unit (`enam tahun`, `5,5 tahun`, `beberapa hari`).
fn counted(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let Some(uw) = g(c, "u") else { return };
    let nw = g(c, "n").unwrap_or("");
    // "5,5 tahun": a decimal count keeps its fraction ("P5.5Y")
    let dec = g(c, "dec").map(|d| d.replace(',', "."));
    let n = if dec.is_some() { None } else { number_of(nw) };
    if after_number_word(text, s0) {
        return;
    }
    let vague = matches!(
        nw.to_lowercase().as_str(),
        "beberapa" | "puluhan" | "ratusan" | "several" | "a few" | "few"
    );
    if n.is_none() && dec.is_none() && !vague {
        return;
    }
    // "Minggu" capitalised after a number is not a week ("3 Minggu" is rare); a year
    // number before "tahun" is not a count ("2019 tahun")
    if orig(text, c, "u") == "Minggu" || n.is_some_and(|n| n > 1000) {
        return;
    }
    let q = match (&dec, n) {
        (Some(d), _) => d.clone(),
        (_, Some(n)) => n.to_string(),
        _ => "X".to_string(),
    };
    let Some(v) = duration_value(uw, &q, n) else {
        return;
    };
    // "15 menit kemudian", "dua jam sebelumnya": a time counted from the last clock
    if let (Some(n), Some(caps)) = (n, AFTER_CLOCK.captures(&text[e0..])) {
        let per = match uw.to_lowercase().trim_end_matches('s') {
            "menit" | "minute" => 1,
            "jam" | "hour" => 60,
            _ => 0,
        };
        if per > 0 {
            let sign = if caps.name("back").is_some() { -1 } else { 1 };
            let end = e0 + caps.get(0).map_or(0, |m| m.end());
            let sem = Sem::ClockOffset {
                minutes: sign * n * per,
                dur: v,
            };
            push(out, s0, end, sem);
            return;
        }
    }
    push(out, s0, e0, Sem::Fixed(TimeType::Duration, v));
}

/// The direction word after a count of minutes or hours (`kemudian`, `sebelumnya`).
static AFTER_CLOCK: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:kemudian|setelahnya|sesudahnya|later|(?P<back>sebelumnya|earlier))\b")
        .expect("valid regex")
});

/// A range of counts of one unit (`satu hingga dua tahun`, `1-2 bulan`, `4-5 jam`): two
/// DURATIONs, the first number taking the unit of the second (as ranges of dates are two
/// expressions).
fn range(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let (Some(m0), Some(m1), Some(m2), Some(uw)) = (c.get(0), c.name("n1"), c.name("n"), g(c, "u"))
    else {
        return;
    };
    let (Some(a), Some(b)) = (number_of(m1.as_str()), number_of(m2.as_str())) else {
        return;
    };
    // ranges go up ("2-1" is a score); years are not counts; "Nomor 5-6 Tahun"
    if a >= b || b > 1000 || orig(text, c, "u") == "Minggu" || after_number_word(text, m0.start()) {
        return;
    }
    let (Some(va), Some(vb)) = (
        duration_value(uw, &a.to_string(), Some(a)),
        duration_value(uw, &b.to_string(), Some(b)),
    ) else {
        return;
    };
    push(
        out,
        m1.start(),
        m1.end(),
        Sem::Fixed(TimeType::Duration, va),
    );
    push(
        out,
        m2.start(),
        m0.end(),
        Sem::Fixed(TimeType::Duration, vb),
    );
}

fn se_duration(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    // "sehari-hari" is "everyday": a SET like "harian" (criteria), not a length
    if let Some(r) = text.get(e0..).filter(|r| r.starts_with('-')) {
        if r.len() >= 5 && r[1..5].eq_ignore_ascii_case("hari") {
            push(out, s0, e0 + 5, Sem::Fixed(TimeType::Set, "P1D".into()));
        }
        return;
    }
    let u = g(c, "u").unwrap_or("").to_lowercase();
    let v = match u.as_str() {
        "sedetik" => "PT1S",
        "semenit" => "PT1M",
        "sejam" => "PT1H",
        "sehari" => "P1D",
        "sepekan" | "seminggu" => "P1W",
        "sebulan" => "P1M",
        "setahun" => "P1Y",
        "sewindu" => "P8Y",
        "sedekade" => "P10Y",
        "seabad" => "P100Y",
        _ => return,
    };
    push(out, s0, e0, Sem::Fixed(TimeType::Duration, v.to_string()));
}

fn vague_en(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(u) = c.name("u") else { return };
    let v = match u.as_str().to_lowercase().as_str() {
        "decades" => "PXDE",
        "years" => "PXY",
        "months" => "PXM",
        "weeks" => "PXW",
        "days" => "PXD",
        "hours" => "PTXH",
        _ => "PTXM",
    };
    push(
        out,
        u.start(),
        u.end(),
        Sem::Fixed(TimeType::Duration, v.to_string()),
    );
}

fn redup(h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let u = g(c, "u").unwrap_or("").to_lowercase();
    let v = if u.starts_with("berjam") {
        "PTXH"
    } else if u.starts_with("berhari") {
        "PXD"
    } else if u.starts_with("berminggu") || u.starts_with("berpekan") {
        "PXW"
    } else if u.starts_with("berbulan") {
        "PXM"
    } else if u.starts_with("bertahun") {
        "PXY"
    } else {
        "PXCE"
    };
    push(out, s0, e0, Sem::Fixed(TimeType::Duration, v.to_string()));
}

#[cfg(test)]
mod tests {
    use super::super::sems;
    use super::*;

    #[test]
    fn counted_decimal_and_vague_durations() {
        let s = sems("Selama 5,5 tahun, lima tahun terakhir, sepekan dan berbulan-bulan.");
        let v: Vec<(String, Sem)> = s;
        let d = |x: &str| Sem::Fixed(TimeType::Duration, x.to_string());
        assert_eq!(v[0], ("5,5 tahun".to_string(), d("P5.5Y")));
        assert_eq!(v[1], ("lima tahun terakhir".to_string(), d("P5Y")));
        assert_eq!(v[2].1, d("P1W"));
        assert_eq!(v[3].1, d("PXM"));
        let s =
            sems("Proyek selesai satu hingga dua tahun, uji lab 5-7 hari, skor 2-1 pekan lalu.");
        let v: Vec<(String, Sem)> = s;
        assert_eq!(v[0], ("satu".to_string(), d("P1Y")));
        assert_eq!(v[1], ("dua tahun".to_string(), d("P2Y")));
        assert_eq!(v[2], ("5".to_string(), d("P5D")));
        assert_eq!(v[3], ("7 hari".to_string(), d("P7D")));
        // "2-1" is a score: ranges go up
        assert!(v.iter().all(|(t, _)| t != "2"), "{v:?}");
    }
}
