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
    let Hit { c, text, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    match kind {
        K::Duration => {
            let Some(uw) = g(c, "u") else { return };
            let nw = g(c, "n").unwrap_or("");
            // "5,5 tahun": a decimal count keeps its fraction ("P5.5Y")
            let dec = g(c, "dec").map(|d| d.replace(',', "."));
            let n = if dec.is_some() {
                Some(1)
            } else {
                number_of(nw)
            };
            // "Nomor 79 Tahun 2025": the number of a regulation, not 79 years
            let lw = text[..s0]
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(lw.trim_end_matches('.'), "nomor" | "no" | "nomer") {
                return;
            }
            let vague = n.is_none();
            if vague
                && !matches!(
                    nw.to_lowercase().as_str(),
                    "beberapa" | "puluhan" | "ratusan" | "several" | "a few" | "few"
                )
            {
                return;
            }
            let uwl = uw.to_lowercase();
            let uwl = uwl.trim_end_matches('s');
            // "jam 10" is a clock; a number after "jam" is not a duration of the number before
            let (time_part, letter, mult) = match uwl {
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
                _ => return,
            };
            // "Minggu" capitalised after a number is not a week ("3 Minggu" is rare)
            if orig(text, c, "u") == "Minggu" {
                return;
            }
            // a year number before "tahun" is not a count ("2019 tahun")
            if n.is_some_and(|n| n > 1000) {
                return;
            }
            let q = match (&dec, n) {
                (Some(d), _) if mult == 1 => d.clone(),
                (_, Some(n)) => (n * mult).to_string(),
                _ => "X".to_string(),
            };
            let v = if time_part {
                format!("PT{q}{letter}")
            } else {
                format!("P{q}{letter}")
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Duration, v));
        }
        K::SeDuration => {
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
        K::VagueEn => {
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
        K::Redup => {
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
        _ => {}
    }
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
    }
}
