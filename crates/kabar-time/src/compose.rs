//! Composition of candidates after the rules ran: a TimeML `mod` word before an expression
//! (`akhir 2013`, `lebih dari satu dekade`), a part of day after a day (`Kamis malam`), and
//! one expression out of two neighbours (`Minggu (4/5/2025) pukul 06.18 WIB` is one TIME,
//! `kemarin (19/11)` one DATE).

use crate::lexicon::{word_alternation, word_value};
use crate::tagger::{Cand, Sem, Unit};
use kabar_core::TimeType;
use regex::Regex;
use std::sync::LazyLock;

static MOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\w-])(?P<w>{})[\s-]+$",
        word_alternation("mod")
    ))
    .expect("valid regex")
});
static POD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t]+(?:hari\s+)?(?P<p>{})(?-u:\b)",
        word_alternation("pod")
    ))
    .expect("valid regex")
});
/// What may stand between a day and its clock time.
static DAY_CLOCK_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*,?[ \t]*(?:(?:pada|on|at)[ \t]+)?$").expect("valid regex")
});

/// What stands between a deictic day and a date in apposition (`hari ini, 21 April 2025`).
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:,|(?:,[ \t]*)?(?:tanggal|tgl\.?))[ \t]*$").expect("valid regex")
});

fn date_like(s: &Sem) -> bool {
    matches!(
        s,
        Sem::Date { .. }
            | Sem::Month { .. }
            | Sem::Fixed(TimeType::Date, _)
            | Sem::Offset { .. }
            | Sem::RefUnit { .. }
            | Sem::Part { .. }
            | Sem::Weekend(_)
    )
}

/// A day-precision meaning (a day that a part of day or a clock can go with).
fn day_like(s: &Sem) -> bool {
    matches!(
        s,
        Sem::Date { .. }
            | Sem::Weekday { .. }
            | Sem::Offset {
                unit: Unit::Day,
                ..
            }
    )
}

/// Widens a candidate over a `mod` word before it ("awal", "pertengahan", "mid-",
/// "sekitar", "lebih dari") and a part of day after it ("Kamis malam" → TIME `TNI`).
pub(crate) fn extend(text: &str, c: &mut Cand) {
    let mut hs = c.start.saturating_sub(24);
    while !text.is_char_boundary(hs) {
        hs += 1;
    }
    let before = &text[hs..c.start];
    if let Some(caps) = MOD_BEFORE.captures(before) {
        if let (Some(w), Some(code)) = (
            caps.name("w"),
            caps.name("w").and_then(|w| word_value("mod", w.as_str())),
        ) {
            let applies = match code {
                "START" | "MID" | "END" => date_like(&c.sem),
                "APPROX" => true,
                _ => matches!(c.sem, Sem::Fixed(TimeType::Duration, _)),
            };
            if applies && c.modifier.is_none() {
                c.start = hs + w.start();
                c.modifier = Some(code);
            }
        }
    }
    if day_like(&c.sem) && c.pod.is_none() && c.clock.is_none() {
        if let Some(caps) = POD_AFTER.captures(&text[c.end..]) {
            if let Some(code) = caps.name("p").and_then(|p| word_value("pod", p.as_str())) {
                c.pod = Some(code);
                c.end += caps.get(0).map_or(0, |m| m.end());
            }
        }
    }
}

/// Joins neighbours that are one TimeML expression: a day followed by its clock time, and a
/// deictic day followed by its date in brackets (`kemarin (19/11)`).
pub(crate) fn merge(text: &str, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.end..c.start).unwrap_or("x");
            if day_like(&prev.sem) && prev.pod.is_none() && prev.clock.is_none() {
                if let Sem::Clock { h, m } = c.sem {
                    if DAY_CLOCK_GAP.is_match(gap) {
                        prev.clock = Some((h, m));
                        prev.end = c.end;
                        prev.modifier = prev.modifier.or(c.modifier);
                        continue;
                    }
                }
                let deictic = matches!(
                    prev.sem,
                    Sem::Offset {
                        unit: Unit::Day,
                        ..
                    }
                );
                if deictic
                    && matches!(c.sem, Sem::Date { .. })
                    && gap.trim().is_empty()
                    && text[c.start..].starts_with('(')
                {
                    prev.sem = c.sem;
                    prev.end = c.end;
                    prev.pod = c.pod;
                    continue;
                }
                // "hari ini, 21 April 2025", "hari ini tanggal 14 Mei 2025": the date in
                // apposition says which day the deictic word is (two expressions, one day);
                // not a dateline with its weekday ("hari ini, Kamis (11/12/2013)", often a typo)
                if deictic
                    && matches!(c.sem, Sem::Date { wd: None, .. })
                    && APPOSITION.is_match(gap)
                {
                    prev.sem = c.sem.clone();
                }
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::tagger::{recognise, sentence_starts};
    use kabar_core::Lang;

    fn spans(text: &str) -> Vec<(String, Option<&'static str>, Option<&'static str>)> {
        let lc = text.to_ascii_lowercase();
        recognise(text, &lc, &sentence_starts(text), Lang::Id)
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.pod, c.modifier))
            .collect()
    }

    #[test]
    fn date_and_clock_are_one_expression() {
        let s = spans("Kebakaran terjadi Minggu (4/5/2025) pukul 06.18 WIB di pasar.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0, "Minggu (4/5/2025) pukul 06.18 WIB");
        let s = spans("diumumkan Rabu (31/12/2014) sekitar pukul 09.00 WIB.");
        assert_eq!(s[0].0, "Rabu (31/12/2014) sekitar pukul 09.00 WIB");
        assert_eq!(s[0].2, Some("APPROX"));
    }

    #[test]
    fn mods_and_parts_of_day() {
        let s = spans("hingga penghujung 2013 ini dan lebih dari satu dekade, Kamis sore.");
        assert_eq!(s[0], ("penghujung 2013".to_string(), None, Some("END")));
        assert_eq!(
            s[1],
            (
                "lebih dari satu dekade".to_string(),
                None,
                Some("MORE_THAN")
            )
        );
        assert_eq!(s[2], ("Kamis sore".to_string(), Some("AF"), None));
    }

    #[test]
    fn deictic_day_with_its_date_is_one() {
        let s = spans("Data yang dirilis kemarin (19/11) menunjukkan kenaikan.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0, "kemarin (19/11)");
    }

    #[test]
    fn deictic_day_takes_its_date_in_apposition() {
        let a = crate::analyze(
            "\"Pada hari ini, 21 April 2025, saya mundur,\" katanya.",
            kabar_core::Lang::Id,
            Some("2025-05-05"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        );
        let v: Vec<&str> = a.times.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(v, ["2025-04-21", "2025-04-21"]);
    }
}
