//! Trigger lexicons: every surface form that can start an action or a piece of reported
//! speech, with its PLOVER type, Kabar `kind` and grammatical voice.
//!
//! The tables live in data files (`data/triggers.tsv`, `data/reports.tsv`, `data/needs.tsv`,
//! `data/senses.tsv`), compiled in and parsed once. Forms are listed explicitly
//! (Indonesian affixed forms included) rather than produced by a stemmer: a stemmer would
//! over-generate ("memanggil" → "panggil" also covers "panggilan"), and an explicit list
//! keeps precision auditable. All forms are matched case-insensitively, whole words only,
//! by one Aho–Corasick automaton (leftmost-longest, so "menyatakan keprihatinan" wins over
//! "menyatakan").

use kabar_core::Plover;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How the trigger relates its arguments to their positions in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Subject before is the source, object after is the target ("X memanggil Y").
    Active,
    /// Subject before is the target, the "oleh"/"by" agent (or an agent right after an
    /// Indonesian di- verb) is the source ("Y dipanggil oleh X").
    Passive,
    /// A noun whose possessor is the agent ("kunjungan X ke Y", "serangan X terhadap Y").
    NominalAgent,
    /// A noun whose possessor is the object ("pemanggilan Dubes Y oleh X").
    NominalObject,
}

/// Extra conditions and role options of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing.
    None,
    /// The sentence must mention an ambassador or envoy after the trigger.
    Envoy,
    /// The sentence must mention troops or forces near the trigger.
    Troops,
    /// The sentence must mention a policy, rule or decision near the trigger.
    Policy,
    /// The sentence must mention an agreement or document near the trigger.
    Deal,
    /// Only with a named target: "mendukung" alone is as often "supports the learning
    /// process" as political support.
    Target,
    /// An authority that takes complaints (polisi, KPK, Bawaslu…) in the sentence:
    /// "melaporkan X ke polisi".
    Authority,
    /// A suspect word (tersangka, terdakwa) must follow the trigger: "menetapkan X
    /// sebagai tersangka".
    Suspect,
    /// A person (or a word for one: saksi, tersangka, pelaku…) must follow the trigger in
    /// its sentence: "menahan tersangka" is a detention, "menahan laju inflasi" is not.
    Person,
}

/// One action trigger.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// Surface form (lower case).
    pub form: &'static str,
    /// PLOVER category.
    pub plover: Plover,
    /// Kabar kind.
    pub kind: &'static str,
    /// Voice.
    pub voice: Voice,
    /// Condition.
    pub need: Need,
}

/// Kinds whose target may be a place introduced by a locative preposition
/// ("berkunjung ke Beijing", "mengerahkan pasukan ke perbatasan").
pub fn target_may_be_place(kind: &str) -> bool {
    matches!(
        kind,
        "visit"
            | "deploy_troops"
            | "withdraw_troops"
            | "attack"
            | "bombard"
            | "provide_aid"
            | "protest"
    )
}

/// Kinds where actors are interchangeable ("X meets Y" = "Y meets X"); the timeline merge
/// compares their actors as one set.
pub fn is_symmetric(kind: &str) -> bool {
    matches!(
        kind,
        "meet" | "phone_call" | "sign_agreement" | "agree" | "negotiate" | "cooperate"
    )
}

/// How a reporting verb introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Speaker before, speech after ("X mengatakan bahwa …", "X said that …").
    SaysThat,
    /// Inverted, speaker after the verb ("… , kata X", "… , said X"); "-nya" forms carry
    /// the speaker as a pronoun ("katanya").
    Inverted,
    /// "Menurut X, …", "according to X, …".
    According,
}

/// A reporting verb.
#[derive(Debug, Clone, Copy)]
pub struct ReportVerb {
    /// Surface form (lower case).
    pub form: &'static str,
    /// How it introduces speech.
    pub how: Report,
    /// True for "-nya" forms whose speaker is a pronoun ("katanya", "ujarnya").
    pub pronoun: bool,
}

/// A malformed line in one of the compiled-in lexicon files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {msg}")]
pub struct LexiconError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

const TRIGGERS_TSV: &str = include_str!("../data/triggers.tsv");
const REPORTS_TSV: &str = include_str!("../data/reports.tsv");
const NEEDS_TSV: &str = include_str!("../data/needs.tsv");
const SENSES_TSV: &str = include_str!("../data/senses.tsv");
const ARG_RULES_TSV: &str = include_str!("../data/arg_rules.tsv");

/// The data lines of a TSV file: (1-based line number, fields); `#` comments and blank
/// lines skipped.
fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end();
        (!l.is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

fn parse_triggers() -> (Vec<Trigger>, Vec<LexiconError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (line, f) in rows(TRIGGERS_TSV) {
        let err = |msg: String| LexiconError {
            file: "triggers.tsv",
            line,
            msg,
        };
        if f.len() != 5 {
            errs.push(err(format!("{} fields, want 5", f.len())));
            continue;
        }
        let plover = Plover::from_name(f[1]);
        let voice = match f[3] {
            "active" => Some(Voice::Active),
            "passive" => Some(Voice::Passive),
            "nominal_agent" => Some(Voice::NominalAgent),
            "nominal_object" => Some(Voice::NominalObject),
            _ => None,
        };
        let need = match f[4] {
            "-" => Some(Need::None),
            "envoy" => Some(Need::Envoy),
            "troops" => Some(Need::Troops),
            "policy" => Some(Need::Policy),
            "deal" => Some(Need::Deal),
            "target" => Some(Need::Target),
            "person" => Some(Need::Person),
            "suspect" => Some(Need::Suspect),
            "authority" => Some(Need::Authority),
            _ => None,
        };
        match (plover, voice, need) {
            (Some(plover), Some(voice), Some(need)) if !f[0].is_empty() => out.push(Trigger {
                form: f[0],
                plover,
                kind: f[2],
                voice,
                need,
            }),
            _ => errs.push(err(format!("bad PLOVER type, voice or need in {f:?}"))),
        }
    }
    (out, errs)
}

fn parse_reports() -> (Vec<ReportVerb>, Vec<LexiconError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (line, f) in rows(REPORTS_TSV) {
        let how = match f.get(1).copied() {
            Some("says_that") => Some(Report::SaysThat),
            Some("inverted") => Some(Report::Inverted),
            Some("according") => Some(Report::According),
            _ => None,
        };
        match (how, f.get(2).copied()) {
            (Some(how), Some(p @ ("nya" | "-"))) if f.len() == 3 => out.push(ReportVerb {
                form: f[0],
                how,
                pronoun: p == "nya",
            }),
            _ => errs.push(LexiconError {
                file: "reports.tsv",
                line,
                msg: format!("want form, says_that|inverted|according, nya|-: {f:?}"),
            }),
        }
    }
    (out, errs)
}

/// Every action trigger, Indonesian and English (`data/triggers.tsv`).
pub fn triggers() -> &'static [Trigger] {
    static T: OnceLock<Vec<Trigger>> = OnceLock::new();
    T.get_or_init(|| parse_triggers().0)
}

/// Reporting verbs, Indonesian and English (`data/reports.tsv`).
pub fn reports() -> &'static [ReportVerb] {
    static T: OnceLock<Vec<ReportVerb>> = OnceLock::new();
    T.get_or_init(|| parse_reports().0)
}

pub(crate) fn word_table(src: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    rows(src)
        .filter_map(|(_, f)| {
            let words = f
                .get(1)?
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty());
            Some((f[0], words.collect()))
        })
        .collect()
}

/// The cue words a [`Need`] looks for in the trigger's sentence (`data/needs.tsv`).
pub fn need_words(n: Need) -> &'static [&'static str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(NEEDS_TSV));
    let key = match n {
        Need::None | Need::Target => return &[],
        Need::Envoy => "envoy",
        Need::Troops => "troops",
        Need::Policy => "policy",
        Need::Deal => "deal",
        Need::Person => "person",
        Need::Suspect => "suspect",
        Need::Authority => "authority",
    };
    t.get(key).map(|v| v.as_slice()).unwrap_or(&[])
}

/// Title nouns of people ("politikus", "waka", "menteri"…), for definite descriptions
/// such as "Politikus PKB ini" (`data/needs.tsv`, row `person_title`).
pub fn person_titles() -> &'static [&'static str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(NEEDS_TSV));
    t.get("person_title").map(|v| v.as_slice()).unwrap_or(&[])
}

/// Words before a year that make it a budget year or a term (`data/needs.tsv`, row
/// `period`).
pub fn period_words() -> &'static [&'static str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(NEEDS_TSV));
    t.get("period").map(|v| v.as_slice()).unwrap_or(&[])
}

/// Sense check of a kind (`data/senses.tsv`): object words right after the trigger that
/// show another sense ("menangkap ikan" is fishing, "mengunjungi pantai" a day out).
pub fn blocked_objects(kind: &str) -> &'static [&'static str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(SENSES_TSV));
    t.get(kind).map(|v| v.as_slice()).unwrap_or(&[])
}

/// A word row of `data/needs.tsv` by name (`sports`, `econ`, `actor_noun`…); empty when
/// the row does not exist.
pub fn word_row(name: &str) -> &'static [&'static str] {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(NEEDS_TSV));
    t.get(name).map(|v| v.as_slice()).unwrap_or(&[])
}

/// The family of an act kind (`data/needs.tsv`, rows `family_*`): kinds one real act is
/// reported under ("bombard" and "military_attack" for one strike). A kind in no family is
/// its own family.
pub fn kind_family(kind: &str) -> &str {
    static T: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    let t = T.get_or_init(|| word_table(NEEDS_TSV));
    t.iter()
        .find(|(name, ws)| name.starts_with("family_") && ws.contains(&kind))
        .map(|(name, _)| *name)
        .unwrap_or(kind)
}

/// What an argument-type sense rule checks (`data/arg_rules.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgRule {
    /// The object right after the trigger must be an actor (named, or a word of the row).
    ObjectActor,
    /// No act when the sentence holds a word of the row.
    ContextNot,
    /// No act when the word right before the trigger is a word of the row.
    SubjectNot,
    /// No act when the first word of the trigger's clause (after the sentence start or the
    /// last comma) is a word of the row: "Sanksi AS itu juga memperingatkan …" (a thing, not
    /// an actor, warns).
    HeadNot,
}

/// One row of `data/arg_rules.tsv`: scope (trigger form, kind or `*`), rule, word row.
#[derive(Debug, Clone, Copy)]
pub struct ArgSense {
    /// Trigger form, kind, or `*` for every trigger.
    pub scope: &'static str,
    /// The check.
    pub rule: ArgRule,
    /// The `data/needs.tsv` row the check reads.
    pub row: &'static str,
}

fn parse_arg_rules() -> (Vec<ArgSense>, Vec<LexiconError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (line, f) in rows(ARG_RULES_TSV) {
        let rule = match f.get(1).copied() {
            Some("object_actor") => ArgRule::ObjectActor,
            Some("context_not") => ArgRule::ContextNot,
            Some("subject_not") => ArgRule::SubjectNot,
            Some("head_not") => ArgRule::HeadNot,
            other => {
                errs.push(LexiconError {
                    file: "data/arg_rules.tsv",
                    line,
                    msg: format!("unknown rule {other:?}"),
                });
                continue;
            }
        };
        match f.get(2) {
            Some(row) if !word_row(row).is_empty() => out.push(ArgSense {
                scope: f[0],
                rule,
                row,
            }),
            row => errs.push(LexiconError {
                file: "data/arg_rules.tsv",
                line,
                msg: format!("no needs.tsv row {row:?}"),
            }),
        }
    }
    (out, errs)
}

/// The argument-type sense rules that apply to a trigger (by form, kind or `*`).
pub fn arg_rules<'a>(form: &'a str, kind: &'a str) -> impl Iterator<Item = &'static ArgSense> + 'a {
    static T: OnceLock<Vec<ArgSense>> = OnceLock::new();
    T.get_or_init(|| parse_arg_rules().0)
        .iter()
        .filter(move |r| r.scope == "*" || r.scope.eq_ignore_ascii_case(form) || r.scope == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_without_errors() {
        let (t, e) = parse_triggers();
        assert!(e.is_empty(), "{e:?}");
        assert!(t.len() > 250, "{} triggers", t.len());
        let (r, e) = parse_reports();
        assert!(e.is_empty(), "{e:?}");
        assert!(r.iter().any(|r| r.form == "imbuhnya" && r.pronoun));
        assert!(!need_words(Need::Envoy).is_empty() && !need_words(Need::Person).is_empty());
        assert!(blocked_objects("arrest").contains(&"ikan"));
        let (a, e) = parse_arg_rules();
        assert!(e.is_empty(), "{e:?}");
        assert!(a.iter().any(|r| r.rule == ArgRule::ObjectActor));
        for (_, f) in rows(SENSES_TSV).chain(rows(NEEDS_TSV)) {
            assert_eq!(f.len(), 2, "{f:?}");
        }
    }
}
