//! References and words with a fixed meaning, all from `data/words.tsv`: `PRESENT_REF`,
//! `PAST_REF`, `FUTURE_REF` (`ref`), vague durations (`vague`: `sesaat` → `PTXM`) and
//! seasons of the anchor's year (`season`: `musim hujan` → `WI`).

use super::*;
use crate::lexicon::{word_alternation, word_list, word_value};

fn keys_of(list_name: &str) -> Vec<String> {
    word_list(list_name)
        .iter()
        .map(|(w, _)| w.to_string())
        .collect()
}

/// The rules of this family (regex, languages, keywords).
pub(super) fn rules() -> Vec<RuleDef> {
    let b = B;
    ["ref", "vague", "season"]
        .into_iter()
        .map(|l| RuleDef {
            langs: 3,
            kind: match l {
                "ref" => K::Refs,
                "vague" => K::Vague,
                _ => K::Season,
            },
            pattern: format!(r"{b}(?P<r>{}){b}", word_alternation(l)),
            keys: keys_of(l),
        })
        .collect()
}

/// Turns a match of one of this family's rules into candidates.
pub(super) fn handle(kind: K, h: &Hit, out: &mut Vec<Cand>) {
    let Some(m0) = h.c.get(0) else { return };
    let (s0, e0) = (m0.start(), m0.end());
    let r = g(h.c, "r").unwrap_or("");
    let (list_name, kind_of) = match kind {
        K::Refs => ("ref", TimeType::Date),
        K::Vague => ("vague", TimeType::Duration),
        _ => ("season", TimeType::Date),
    };
    let Some(v) = word_value(list_name, r) else {
        return;
    };
    // "dulu" is "formerly" only at a sentence start or after "sejak", "dari", "zaman"…
    // ("makan dulu" is "first")
    if r == "dulu"
        && !is_sentence_start(h.full, h.starts, h.base + s0)
        && word_value("before_dulu", &word_before(h.text, s0).to_lowercase()).is_none()
    {
        return;
    }
    let sem = if kind == K::Season {
        Sem::Season(v)
    } else {
        Sem::Fixed(kind_of, v.to_string())
    };
    push(out, s0, e0, sem);
}

#[cfg(test)]
mod tests {
    use crate::tagger::{recognise, sentence_starts, Sem};
    use kabar_core::{Lang, TimeType};

    fn sems(text: &str) -> Vec<(String, Sem)> {
        let lc = text.to_ascii_lowercase();
        recognise(text, &lc, &sentence_starts(text), Lang::Id)
            .into_iter()
            .map(|c| (text[c.start..c.end].to_string(), c.sem))
            .collect()
    }

    #[test]
    fn references_vague_durations_and_seasons() {
        let s = sems("Kala itu harga naik, kini turun, dan nanti bisa naik lagi.");
        let vals: Vec<String> = s
            .iter()
            .map(|(_, x)| match x {
                Sem::Fixed(TimeType::Date, v) => v.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(vals, ["PAST_REF", "PRESENT_REF", "FUTURE_REF"]);
        let s = sems("Harga menguat hanya sesaat pada musim penghujan.");
        assert_eq!(s[0].1, Sem::Fixed(TimeType::Duration, "PTXM".into()));
        assert_eq!(s[1], ("musim penghujan".to_string(), Sem::Season("WI")));
        let s = sems("Dulu pasar ini sepi. Sejak dulu warga berjualan, tapi makan dulu.");
        let spans: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(spans, ["Dulu", "dulu"], "{s:?}");
    }

    #[test]
    fn nanti_with_a_part_of_day_is_a_day() {
        let s = sems("Rapat digelar nanti malam.");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "nanti malam");
    }
}
