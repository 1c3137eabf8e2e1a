//! Sets: recurring times (setiap Senin, per hari, every week, daily).

use super::*;

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let b = B;
    vec![
        RuleDef {
            langs: 1,
            kind: K::SetId,
            pattern: format!(
                r"{b}(?:(?i:setiap|tiap|saban|per)\s+(?:(?i:hari\s+)?(?P<wd>{WD_ID})|(?:(?P<n>{n})\s+)?(?P<u>(?i:hari|pekan|minggu|bulan|tahun|jam))(?:nya)?|(?P<pod>(?i:pagi|siang|sore|petang|malam))(?:\s+hari)?)|(?P<adj>(?i:harian|mingguan|bulanan|tahunan))){b}",
                n = NUMBER_RE
            ),
            keys: {
                let mut v = weekdays();
                v.extend(list(&[
                    "setiap", "tiap", "saban", "per ", "harian", "mingguan", "bulanan", "tahunan",
                ]));
                v
            },
        },
        // frequencies: "seminggu sekali", "dua minggu sekali", "dua kali sehari",
        // "tiga kali dalam seminggu" (TimeML: a SET of the period)
        RuleDef {
            langs: 1,
            kind: K::SetFreq,
            pattern: format!(
                r"{b}(?:(?:(?P<se>se)|(?P<n>{n})\s+)(?P<u>(?i:hari|pekan|minggu|bulan|tahun|jam))\s+sekali|{n}\s+kali\s+(?:(?i:dalam)\s+)?se(?P<u2>(?i:hari|pekan|minggu|bulan|tahun|jam))){b}",
                n = NUMBER_RE
            ),
            keys: list(&["sekali", "kali"]),
        },
        RuleDef {
            langs: 2,
            kind: K::SetEn,
            pattern: format!(
                r"{b}(?:(?i:every|each|per)\s+(?:(?:(?P<n>{n})\s+)?(?P<u>(?i:days?|weeks?|months?|years?|hours?))|(?P<wd>{WD_EN}))|(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly))){b}",
                n = NUMBER_RE
            ),
            keys: {
                let mut v = weekdays();
                v.extend(list(&[
                    "every", "each", "per ", "daily", "weekly", "monthly", "annually", "yearly",
                    "hourly",
                ]));
                v
            },
        },
    ]
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    match kind {
        K::SetFreq => {
            let n = g(c, "n").and_then(number_of).unwrap_or(1);
            let Some(u) = g(c, "u").or(g(c, "u2")) else {
                return;
            };
            let v = match u.to_lowercase().as_str() {
                "hari" => format!("P{n}D"),
                "pekan" | "minggu" => format!("P{n}W"),
                "bulan" => format!("P{n}M"),
                "jam" => format!("PT{n}H"),
                _ => format!("P{n}Y"),
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Set, v));
        }
        K::SetId | K::SetEn => {
            // "setiap minggu" in lower case is every week, "setiap Minggu" every Sunday
            let week = c
                .name("wd")
                .is_some_and(|m| h.text[m.range()].starts_with('m'));
            if let Some(p) = g(c, "pod") {
                // "setiap pagi": every morning; "per malam" is a rate (per night), not a time
                if !m0.as_str().starts_with("per") {
                    if let Some(code) = crate::lexicon::word_value("pod", p) {
                        let v = format!("XXXX-XX-XXT{code}");
                        push(out, s0, e0, Sem::Fixed(TimeType::Set, v));
                    }
                }
                return;
            }
            let v = if week {
                "P1W".to_string()
            } else if let Some(wd) = wd_of(c) {
                format!("XXXX-WXX-{}", wd.number_from_monday())
            } else if let Some(a) = g(c, "adj") {
                match a.to_lowercase().as_str() {
                    "harian" => "P1D",
                    "mingguan" => "P1W",
                    "bulanan" => "P1M",
                    _ => "P1Y",
                }
                .to_string()
            } else if let Some(a) = g(c, "adv") {
                match a.to_lowercase().as_str() {
                    "daily" => "P1D",
                    "weekly" => "P1W",
                    "monthly" => "P1M",
                    "hourly" => "PT1H",
                    _ => "P1Y",
                }
                .to_string()
            } else {
                // `setiap 2 tahun` / `every two weeks`: the period is the quantity
                let n = g(c, "n").and_then(number_of).unwrap_or(1);
                let u = g(c, "u").map(|u| u.to_lowercase()).unwrap_or_default();
                match u.trim_end_matches('s') {
                    "hari" | "day" => format!("P{n}D"),
                    "pekan" | "minggu" | "week" => format!("P{n}W"),
                    "bulan" | "month" => format!("P{n}M"),
                    "jam" | "hour" => format!("PT{n}H"),
                    _ => format!("P{n}Y"),
                }
            };
            push(out, s0, e0, Sem::Fixed(TimeType::Set, v));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::sems;
    use super::*;

    #[test]
    fn sets() {
        let s = sems(
            "Rapat setiap Senin, laporan bulanan, 100 barel per hari, pemilu setiap lima tahun.",
        );
        let set = |x: &str| Sem::Fixed(TimeType::Set, x.to_string());
        let v: Vec<Sem> = s.into_iter().map(|(_, x)| x).collect();
        assert_eq!(v, [set("XXXX-WXX-1"), set("P1M"), set("P1D"), set("P5Y")]);
        let s = sems(
            "Tes dilakukan sebulan sekali, rapat dua minggu sekali, minum obat tiga kali sehari \
             dan setiap harinya.",
        );
        let v: Vec<(String, Sem)> = s;
        assert_eq!(v[0], ("sebulan sekali".to_string(), set("P1M")));
        assert_eq!(v[1], ("dua minggu sekali".to_string(), set("P2W")));
        assert_eq!(v[2], ("tiga kali sehari".to_string(), set("P1D")));
        assert_eq!(v[3], ("setiap harinya".to_string(), set("P1D")));
        let s = sems("Mereka olahraga setiap pagi, hotel Rp 1 juta per malam.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0], ("setiap pagi".to_string(), set("XXXX-XX-XXTMO")));
    }
}
