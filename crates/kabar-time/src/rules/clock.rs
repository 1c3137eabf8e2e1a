//! Times of day: clock times (pukul 09.20 WIB, 9:20 a.m.).

use super::*;

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let b = B;
    vec![
        // pukul 09.20 WIB, jam 10 malam
        RuleDef {
            langs: 1,
            kind: K::ClockId,
            pattern: format!(
                r"{b}(?i:pukul|pkl\.?|jam)\s+(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d{{2}}))?(?:\s*(?P<z>WIB|WITA|WIT))?(?:\s+(?P<pod>pagi|siang|sore|malam|dini\s+hari))?{b}"
            ),
            keys: list(&["pukul", "pkl", "jam"]),
        },
        RuleDef {
            langs: 3,
            kind: K::ClockZone,
            pattern: format!(
                r"{b}(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})\s*(?P<z>WIB|WITA|WIT|GMT|UTC){b}"
            ),
            keys: list(&["wib", "wita", "wit", "gmt", "utc"]),
        },
        RuleDef {
            langs: 2,
            kind: K::ClockEn,
            pattern: format!(
                r"{b}(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|(?:am|pm){b}))|{b}(?P<noon>(?i:noon|midnight)){b}"
            ),
            keys: list(&["am", "pm", "a.m.", "p.m.", "noon", "midnight"]),
        },
    ]
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Hit { c, .. } = *h;
    let Some(m0) = c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    match kind {
        K::ClockId | K::ClockZone | K::ClockEn => {
            let (h, mi) = if c.name("noon").is_some() {
                let w = g(c, "noon").unwrap_or("").to_lowercase();
                (if w == "noon" { 12 } else { 0 }, 0)
            } else {
                let Some(mut h) = gnum(c, "h") else { return };
                let mi = gnum(c, "mi").unwrap_or(0);
                if let Some(ap) = g(c, "ap") {
                    let ap = ap.to_ascii_lowercase();
                    if ap.starts_with('p') && h < 12 {
                        h += 12;
                    } else if ap.starts_with('a') && h == 12 {
                        h = 0;
                    }
                }
                if let Some(p) = g(c, "pod") {
                    let p = p.to_ascii_lowercase();
                    let evening = (p == "sore" || p == "malam") && (3..12).contains(&h);
                    if evening || (p == "siang" && h < 6) {
                        h += 12;
                    }
                }
                (h, mi)
            };
            if h > 24 || mi > 59 {
                return;
            }
            if kind == K::ClockId && c.name("mi").is_none() && g(c, "pod").is_none() {
                // "jam 10" is a time, "24 jam" is not matched here (the number follows)
                let w = m0.as_str().to_ascii_lowercase();
                if w.starts_with("jam") && h > 24 {
                    return;
                }
            }
            push(out, s0, e0, Sem::Clock { h: h % 24, m: mi });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::sems;
    use super::*;

    #[test]
    fn clock_times() {
        let s = sems("Api padam pukul 07.55 WIB, rapat jam 8 malam, kapal tiba 10.30 WITA.");
        let v: Vec<_> = s.into_iter().map(|(_, x)| x).collect();
        assert_eq!(
            v,
            [
                Sem::Clock { h: 7, m: 55 },
                Sem::Clock { h: 20, m: 0 },
                Sem::Clock { h: 10, m: 30 }
            ]
        );
    }
}
