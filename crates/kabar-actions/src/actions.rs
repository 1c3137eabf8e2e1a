//! Action extraction: trigger hits → typed actions with source, target, date, negation.

use crate::doc::{heads, is_in, Doc, HitKind, Mention};
use crate::lexicon::{
    arg_rules, blocked_objects, need_words, person_titles, target_may_be_place, word_row, ArgRule,
    Need, Trigger, Voice,
};
use crate::words::words;
use kabar_core::{Action, EntityType, Span, TimeExpr, TimeType};

/// The trigger's cue condition (`data/needs.tsv`): envoy, troops, policy and deal words
/// anywhere in the sentence; a person word or a named person after a `person` trigger.
fn need_met(doc: &Doc, tr: &Trigger, sent: Span, trig: Span) -> bool {
    match tr.need {
        Need::None | Need::Target => true,
        Need::Suspect => {
            let after = Span::new(trig.end, sent.end);
            need_words(Need::Suspect)
                .iter()
                .any(|w| starts_word_within(doc.text, after, w, 8))
        }
        Need::Person => {
            let after = Span::new(trig.end, sent.end);
            need_words(Need::Person)
                .iter()
                .any(|w| starts_word_within(doc.text, after, w, 6))
                || doc.mentions_in(trig.end, sent.end).iter().take(1).any(|m| {
                    matches!(m.kind, EntityType::Per)
                        && doc.toks_between(trig.end, m.span.start).len() <= 4
                })
        }
        n => need_words(n)
            .iter()
            .any(|w| contains_ci(sent.slice(doc.text), w)),
    }
}

/// The only law-enforcement organisation the article names outside quotes (its name holds
/// a word of `data/needs.tsv`, row `authority`: KPK, Polda …, Kejari …), if exactly one.
fn sole_authority(doc: &Doc) -> Option<String> {
    let mut ids: Vec<&String> = doc
        .mentions
        .iter()
        .filter(|m| !m.anaphor && !doc.in_quote(m.span))
        .filter(|m| names_authority(doc, m))
        .filter_map(|m| m.ids.first())
        .collect();
    ids.sort();
    ids.dedup();
    match ids.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

/// With several law-enforcement bodies in the article (a Polsek, its Polres, the Polda),
/// the one named last before the trigger outside quotes, else the first after it: the unit
/// the article is reporting on at that point.
fn nearest_authority(doc: &Doc, trig: Span) -> Option<String> {
    let named = |m: &&Mention| !m.anaphor && !doc.in_quote(m.span) && names_authority(doc, m);
    let mut ms = doc.mentions.iter().filter(named);
    ms.clone()
        .rfind(|m| m.span.end <= trig.start)
        .or_else(|| ms.find(|m| m.span.start >= trig.end))
        .and_then(|m| m.ids.first().cloned())
}

/// An organisation mention names a law-enforcement body: a word of its name is in
/// `data/needs.tsv`, row `authority` ("Polda Metro Jaya", "KPK"), or the word right before it
/// is ("Ditreskrimum Polda Metro Jaya" where the name found is "Metro Jaya": the body is
/// "Polda" with the capitalised words that follow, the mention stands for it).
fn names_authority(doc: &Doc, m: &Mention) -> bool {
    let is_authority = |w: &str| {
        need_words(Need::Authority)
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    };
    let t = m.span.slice(doc.text);
    if m.kind == EntityType::Org && t.split(|c: char| !c.is_alphanumeric()).any(is_authority) {
        return true;
    }
    let i = doc.tok_from(m.span.start);
    m.kind != EntityType::Per
        && i > 0
        && doc.tokens[i - 1].span.end + 1 >= m.span.start
        && doc.sentence_of(doc.tokens[i - 1].span.start) == doc.sentence_of(m.span.start)
        && is_authority(doc.word(i - 1))
}

/// "Polisi menetapkan …", "penyidik menyita …": the trigger's subject, one of the three
/// words before it in its clause, is a common noun for the police or prosecutors
/// (`data/needs.tsv`, row `authority_noun`).
fn authority_subject(doc: &Doc, ls: usize, trig: Span) -> Option<usize> {
    let i = doc.tok_from(trig.start);
    (i.saturating_sub(3)..i)
        .filter(|&j| doc.tokens[j].span.start >= ls)
        .find(|&j| is_in(doc.word(j), word_row("authority_noun")))
        .map(|j| doc.tokens[j].span.start)
}

/// "Warga setempat memprotes …", "polisi menangkap IK": the trigger's subject, one of the
/// three words before it in its clause with no name between it and the trigger, is an
/// unnamed actor (`data/needs.tsv`, rows `generic_actor` and `authority_noun`).
fn generic_subject(doc: &Doc, ls: usize, trig: Span) -> bool {
    let generic =
        |w: &str| is_in(w, word_row("generic_actor")) || is_in(w, word_row("authority_noun"));
    let i = doc.tok_from(trig.start);
    (i.saturating_sub(3)..i)
        .filter(|&j| doc.tokens[j].span.start >= ls)
        .any(|j| {
            generic(doc.word(j))
                && doc
                    .mentions_in(doc.tokens[j].span.start, trig.start)
                    .is_empty()
        })
}

/// "X ditahan polisi", "X diserang oleh warga": the agent right after a passive trigger
/// (after `oleh`/`by` if present) is an unnamed actor (rows as in [`generic_subject`]).
fn generic_agent(doc: &Doc, trig: Span) -> bool {
    let generic =
        |w: &str| is_in(w, word_row("generic_actor")) || is_in(w, word_row("authority_noun"));
    let mut j = doc.tok_from(trig.end);
    if j < doc.tokens.len() && matches!(doc.word(j).to_lowercase().as_str(), "oleh" | "by") {
        j += 1;
    }
    j < doc.tokens.len() && generic(doc.word(j))
}

/// "Politikus PKB ini mengapresiasi …", "Waka Komisi III DPR itu …": a person's title
/// holding an organisation, closed by a demonstrative, describes the person last named
/// (the organisation is not the actor).
fn described_person(doc: &Doc, ls: usize, b: usize) -> Option<String> {
    let m = doc.mentions_in(ls, b).iter().rfind(|m| {
        !m.anaphor && matches!(m.kind, EntityType::Org | EntityType::Gpe) && subject_ok(doc, m)
    })?;
    let after = doc.tok_from(m.span.end);
    if !is_in(doc.word(after), &words().demonstrative) {
        return None;
    }
    let first = doc.tok_from(ls);
    let start = doc.tok_from(m.span.start);
    let titled = (first..start).any(|i| {
        person_titles()
            .iter()
            .any(|t| doc.word(i).eq_ignore_ascii_case(t))
    });
    titled.then(|| doc.last_person(m.span.start)).flatten()
}

/// Does `w` start a word among the first `n` words of `within`?
fn starts_word_within(text: &str, within: Span, w: &str, n: usize) -> bool {
    let Some(s) = text.get(within.start..within.end) else {
        return false;
    };
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(')
        // "… sebagai tersangka." at a sentence end
        .map(|x| x.trim_end_matches(['.', ';', ':', ')', '!', '?']))
        .filter(|x| !x.is_empty())
        .take(n)
        .collect();
    let want: Vec<&str> = w.split(' ').collect();
    words.windows(want.len()).any(|win| {
        win.iter()
            .zip(&want)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

/// A non-political sense of the trigger (`data/senses.tsv`): its object, the first word or
/// two after it, is one of the blocked words of its kind ("menangkap ikan", "mengunjungi
/// pantai") or of its form ("mengamankan jasa", "diancam pidana").
fn other_sense(doc: &Doc, tr: &Trigger, trig: Span, sent: Span) -> bool {
    let after = Span::new(trig.end, sent.end);
    blocked_objects(tr.kind)
        .iter()
        .chain(blocked_objects(&tr.form.to_lowercase()))
        .any(|w| starts_word_within(doc.text, after, w, 2))
}

/// The argument-type sense rules of `data/arg_rules.tsv`: true when one of them says the
/// trigger is not an act here (its object is no actor, its sentence is about sport or
/// malware, its subject is a market value).
fn arg_sense_fails(doc: &Doc, tr: &Trigger, trig: Span, sent: Span) -> bool {
    arg_rules(tr.form, tr.kind).any(|r| {
        let row = word_row(r.row);
        match r.rule {
            ArgRule::ObjectActor => !object_is_actor(doc, trig, sent, row),
            ArgRule::ContextNot => {
                doc.toks_between(sent.start, sent.end)
                    .any(|i| is_in(doc.word(i), row))
                    || row
                        .iter()
                        .filter(|w| w.contains(' '))
                        .any(|w| contains_ci(sent.slice(doc.text), w))
            }
            ArgRule::SubjectNot => {
                // the subject head: one of the four words before the trigger, in its clause
                let i = doc.tok_from(trig.start);
                (i.saturating_sub(4)..i)
                    .rev()
                    .take_while(|&j| {
                        doc.tokens[j].span.start >= sent.start && !matches!(doc.word(j), "," | ";")
                    })
                    .any(|j| is_in(doc.word(j), row))
            }
            ArgRule::HeadNot => {
                // the clause head: the first word after the sentence start or the last comma
                let i = doc.tok_from(trig.start);
                let first = (doc.tok_from(sent.start)..i)
                    .rev()
                    .find(|&j| doc.word(j) == ",")
                    .map_or(doc.tok_from(sent.start), |j| j + 1);
                first < i && is_in(doc.word(first), row)
            }
        }
    })
}

/// The first word after the trigger (skipping "kepada", "agar" …) opens a named entity
/// or is an actor noun of `row`.
fn object_is_actor(doc: &Doc, trig: Span, sent: Span, row: &[&str]) -> bool {
    let mut i = doc.tok_from(trig.end);
    let end = doc.tok_from(sent.end);
    while i < end && is_in(doc.word(i), &words().object_skip) {
        i += 1;
    }
    if i >= end {
        return false;
    }
    let at = doc.tokens[i].span.start;
    is_in(doc.word(i), row)
        || need_words(Need::Person)
            .iter()
            .any(|w| doc.word(i).eq_ignore_ascii_case(w))
        || doc
            .mentions_in(at, sent.end)
            .first()
            .is_some_and(|m| m.span.start == at && m.kind != EntityType::Loc)
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    n.len() <= h.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// A mention is eligible as a subject when it is an actor (not a place) and no
/// preposition introduces it.
fn subject_ok(doc: &Doc, m: &Mention) -> bool {
    m.kind != EntityType::Loc
        && !is_in(doc.prep_of(m), &words().preps)
        && !is_in(doc.prep_of(m), &words().relay)
        && !after_report(doc, m)
        && !in_noun_pp(doc, m)
        && !group_place(doc, m)
}

/// "di kantor Kementerian X", "kepada stasiun TV pan-Arab Al-Mayadeen": a mention inside
/// a prepositional phrase headed by a common noun is a place or an addressee, not a
/// subject. Scans back at most six tokens to the preposition; a comma or coordinator
/// ends the phrase first.
fn in_noun_pp(doc: &Doc, m: &Mention) -> bool {
    let i = doc.tok_from(m.span.start);
    let sent_start = doc
        .sentence_of(m.span.start)
        .map(|s| doc.sentences[s].start)
        .unwrap_or(0);
    for j in (i.saturating_sub(6)..i).rev() {
        if doc.tokens[j].span.start < sent_start {
            return false;
        }
        let w = doc.word(j);
        if is_in(w, &words().preps) {
            let head = doc.word(j + 1);
            return j + 1 < i
                && head.chars().next().is_some_and(char::is_lowercase)
                && !is_in(head, &words().title)
                && !is_in(head, &words().preps);
        }
        // a coordinator continues the phrase ("di perbatasan Amerika Serikat dan Meksiko")
        if matches!(w, "," | ";" | ":" | "\"" | "“" | "”") {
            return false;
        }
    }
    false
}

/// "kelompok Ambon", "warga negara Brunei", "massa asal Papua": a country or city after a
/// group noun names where the group is from (`data/needs.tsv`, row `gpe_modifier`), not
/// a state acting.
fn group_place(doc: &Doc, m: &Mention) -> bool {
    let i = doc.tok_from(m.span.start);
    let sent_start = doc
        .sentence_of(m.span.start)
        .map(|s| doc.sentences[s].start)
        .unwrap_or(0);
    m.kind == EntityType::Gpe
        && (i.saturating_sub(2)..i).any(|j| {
            doc.tokens[j].span.start >= sent_start && is_in(doc.word(j), word_row("gpe_modifier"))
        })
}

/// The speaker of an inserted reporting clause ("Barang bukti, jelas Risal, telah disita"):
/// the mention right after a reporting verb is not an argument of the act.
fn after_report(doc: &Doc, m: &Mention) -> bool {
    let i = doc.tok_from(m.span.start);
    i > 0
        && doc.hits.iter().any(|h| {
            matches!(h.kind, HitKind::Report(r) if r.how == crate::lexicon::Report::Inverted)
                && h.span.end <= m.span.start
                && doc.toks_between(h.span.end, m.span.start).is_empty()
        })
}

/// How two neighbouring mentions relate ([`Doc::gap`]), except that a bare comma between
/// two different organisations or two different countries lists them ("Polri, Kejagung
/// dan KPK"), where between a title and a name it is an apposition.
fn link(doc: &Doc, a: &Mention, b: &Mention) -> Option<bool> {
    let g = doc.gap(a.span.end, b.span.start)?;
    let bare_comma = {
        let r = doc.toks_between(a.span.end, b.span.start);
        r.len() == 1 && doc.word(r.start) == ","
    };
    let listed = bare_comma
        && a.kind == b.kind
        && matches!(a.kind, EntityType::Org | EntityType::Gpe)
        && a.ids != b.ids;
    Some(g || listed)
}

/// Leftward chain of conjoined subjects ending at the last eligible mention in `[a, b)`.
fn left_chain(doc: &Doc, a: usize, b: usize) -> Vec<String> {
    let ms: Vec<&Mention> = doc
        .mentions_in(a, b)
        .iter()
        .filter(|m| subject_ok(doc, m) || m.anaphor)
        .collect();
    let Some(&last) = ms.last() else {
        return Vec::new();
    };
    // "Iswan selaku Komisaris PT IAE …, yang … ditetapkan": the person before "selaku" is
    // the head, the organisation belongs to the title
    if let Some(&p) = ms.iter().rev().skip(1).find(|p| {
        p.kind == EntityType::Per && {
            let r = doc.toks_between(p.span.end, last.span.start);
            r.len() <= 8 && r.clone().any(|i| is_in(doc.word(i), &words().as_role))
        }
    }) {
        if last.kind != EntityType::Per {
            return p.ids.clone();
        }
    }
    let mut conj: Vec<Vec<&Mention>> = vec![vec![last]];
    let mut prev = last;
    for &m in ms.iter().rev().skip(1) {
        match link(doc, m, prev) {
            Some(true) => conj.push(vec![m]),
            Some(false) => {
                if let Some(c) = conj.last_mut() {
                    c.insert(0, m)
                }
            }
            None => break,
        }
        prev = m;
    }
    conj.reverse();
    heads(&conj, true)
}

/// Rightward chain starting at mention `first` (index into `ms`).
fn right_chain(doc: &Doc, ms: &[&Mention], first: usize) -> Vec<String> {
    let mut conj: Vec<Vec<&Mention>> = vec![vec![ms[first]]];
    let mut prev = ms[first];
    for &m in &ms[first + 1..] {
        match link(doc, prev, m) {
            Some(true) => conj.push(vec![m]),
            Some(false) => {
                if let Some(c) = conj.last_mut() {
                    c.push(m)
                }
            }
            None => break,
        }
        prev = m;
    }
    heads(&conj, false)
}

/// Index after the chain that starts at `first`.
fn chain_end(doc: &Doc, ms: &[&Mention], first: usize) -> usize {
    let mut k = first + 1;
    while k < ms.len() && doc.gap(ms[k - 1].span.end, ms[k].span.start).is_some() {
        k += 1;
    }
    k
}

fn is_negated(doc: &Doc, trig: Span, sent_start: usize) -> bool {
    let mut i = doc.tok_from(trig.start);
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        if doc.tokens[i].span.start < sent_start {
            break;
        }
        let w = doc.word(i);
        if is_in(w, &words().neg) {
            return true;
        }
        if w == "'t" || w == "’t" {
            return true;
        }
        if !is_in(w, &words().aux) && w != "'" && w != "’" {
            break;
        }
        steps += 1;
    }
    false
}

/// The date of an action: the DATE expression of its sentence nearest the trigger, else
/// the last DATE of the previous sentence (the narrative's reference date: "Senin (6/10),
/// polisi menggeledah …. Penyidik juga menyita …"), else unknown. The publication date is
/// not a default: an act recalled from years ago is not dated the day it was reported.
pub(crate) fn date_for(
    text: &str,
    times: &[TimeExpr],
    sent: Span,
    prev: Option<Span>,
    trig: Span,
    others: &[Span],
) -> Option<String> {
    // "sudah dua kali berkunjung ke Paris, yakni pada 23 Januari": a repeated act has no
    // one date (a date given for one of its occurrences is not the mention's date)
    if repeated(text, sent, trig) {
        return None;
    }
    let dated = |t: &&TimeExpr| {
        let v = t.value.as_bytes();
        // a day with a part of day or clock time ("Senin (17/4/2017) malam", value
        // 2017-04-17TNI) is a TIME expression that still dates the act
        matches!(t.kind, TimeType::Date | TimeType::Time)
            && v.len() >= 4
            && v[..4].iter().all(u8::is_ascii_digit)
    };
    let mut best: Option<(usize, &str)> = None;
    for t in times.iter().filter(dated) {
        if !sent.contains(&t.span) || names_a_period(text, t.span) {
            continue;
        }
        let v = t.value.as_str();
        let d = if t.span.end <= trig.start {
            trig.start - t.span.end
        } else {
            t.span.start.saturating_sub(trig.end)
        };
        // a date after a later trigger belongs to that one ("X meratifikasi … meski telah
        // diteken pada September"), and so does one in a later subordinate clause
        // ("ditangkap … setelah korban tewas pada Senin")
        if (t.span.start >= trig.end && opens_clause(text.get(trig.end..t.span.start)))
            || others
                .iter()
                .any(|o| o.start >= trig.end && o.end <= t.span.start && sent.contains(o))
        {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, v));
        }
    }
    // the narrative's reference date from the previous sentence only when this sentence
    // has no time expression of its own (any kind: "sebelumnya", "tahun lalu" point
    // elsewhere) and that date is a day, not a bare year or month
    let own_time = times.iter().any(|t| sent.contains(&t.span));
    let v = best.map(|(_, v)| v).or_else(|| {
        let p = prev.filter(|_| !own_time)?;
        times
            .iter()
            .filter(dated)
            .rfind(|t| p.contains(&t.span) && !names_a_period(text, t.span))
            .map(|t| t.value.as_str())
            .filter(|v| v.len() >= 10 && v.as_bytes()[7] == b'-')
    })?;
    let v = v.split('T').next().unwrap_or(v);
    Some(v.chars().take(10).collect())
}

/// Words between a trigger and a later date open another clause: a subordinator of
/// `data/words.tsv` row `clause_end` ("setelah", "karena", "ketika"); not "sebagai"
/// ("ditetapkan sebagai tersangka pada Senin"). A relative clause does not count: "rumah
/// X, yang beralamat di …, pada Senin" dates the main clause.
fn opens_clause(between: Option<&str>) -> bool {
    between
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            // "sebagai tersangka pada Senin" is the act's own clause
            !w.is_empty() && !is_in(w, &words().as_role) && is_in(w, &words().clause_end)
        })
}

/// The trigger counts occurrences: "dua kali", "beberapa kali", "berkali-kali", "sering",
/// "kerap" among the four words before it (`data/needs.tsv`, row `repeated`).
fn repeated(text: &str, sent: Span, trig: Span) -> bool {
    let before = text.get(sent.start..trig.start).unwrap_or("");
    before
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| is_in(w, word_row("repeated")))
}

/// A year that names a budget or a term, not when the act happened ("tahun anggaran 2021",
/// "periode 2016-2023"): the words before it are in `data/needs.tsv`, row `period`.
fn names_a_period(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let last: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let range_after = text.get(span.end..).is_some_and(|r| {
        r.starts_with('-')
            || r.trim_start().starts_with("sampai")
            || r.trim_start().starts_with("hingga")
    });
    range_after
        || last.iter().any(|w| {
            crate::lexicon::period_words().iter().any(|p| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .eq_ignore_ascii_case(p)
            })
        })
}

/// A verb (or reporting verb), as opposed to an action noun.
fn is_verbal(h: &crate::doc::Hit) -> bool {
    match h.kind {
        HitKind::Action(t) => matches!(t.voice, Voice::Active | Voice::Passive),
        HitKind::Report(_) => true,
    }
}

/// Scare quotes: an opening quotation mark at token `i` closed within four words, before
/// `end` ("serangan \"pertahanan diri\" terhadap Iran") marks a term inside the clause,
/// not a quotation that ends it. Returns the closing mark's token.
fn scare_quote(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    if !matches!(doc.word(i), "\"" | "“") {
        return None;
    }
    let last = doc.toks_between(doc.tokens[i].span.end, end).end;
    (i + 2..last.min(i + 6))
        .find(|&j| matches!(doc.word(j), "\"" | "”"))
        .filter(|&j| (i + 1..j).all(|k| doc.tokens[k].kind == kabar_core::TokenKind::Word))
}

/// The preposition that introduces mention `m`, across one lower-case common noun before
/// it ("terhadap wilayah Bandar Abbas", "di kota Zawtar" → "terhadap", "di"); else the word
/// right before it. ("di dekat perbatasan Lebanon" names no place struck.)
fn intro_prep<'a>(doc: &Doc<'a>, m: &Mention) -> &'a str {
    let i = doc.tok_from(m.span.start);
    for j in (i.saturating_sub(2)..i).rev() {
        let w = doc.word(j);
        if is_in(w, &words().preps) {
            return w;
        }
        let common = doc.tokens[j].kind == kabar_core::TokenKind::Word
            && w.chars().next().is_some_and(char::is_lowercase)
            && !is_in(w, &words().determiner);
        if !common {
            break;
        }
    }
    doc.prep_of(m)
}

/// The mention possesses an act noun ("tindakan militer Israel", "kebijakan AS"): one of
/// `data/needs.tsv` row `act_nouns` at most two lower-case words before it.
fn owns_act_noun(doc: &Doc, m: &Mention) -> bool {
    let i = doc.tok_from(m.span.start);
    for j in (i.saturating_sub(2)..i).rev() {
        let w = doc.word(j);
        if is_in(w, word_row("act_nouns")) {
            return true;
        }
        let lower = doc.tokens[j].kind == kabar_core::TokenKind::Word
            && w.chars().next().is_some_and(char::is_lowercase);
        if !lower {
            return false;
        }
    }
    false
}

/// The mention is the name a description stands for: right after a naming word (`data/needs.tsv`
/// row `naming_words`: "yakni", "bernama", "berinisial"), a comma or colon allowed between.
fn named_after_description(doc: &Doc, m: &Mention) -> bool {
    let i = doc.tok_from(m.span.start);
    (i.saturating_sub(2)..i)
        .rev()
        .find(|&j| !matches!(doc.word(j), "," | ":"))
        .is_some_and(|j| is_in(doc.word(j), word_row("naming_words")))
}

fn eligible_target(doc: &Doc, m: &Mention, kind: &str) -> bool {
    let p = doc.prep_of(m);
    if is_in(p, &words().not_target_prep) || is_in(intro_prep(doc, m), &words().not_target_prep) {
        return false;
    }
    // "pria warga negara Brunei", "WNA asal Korea": a nationality, not an actor; "dolar
    // Amerika", "yuan China": a currency (data/needs.tsv, row gpe_modifier)
    if group_place(doc, m)
        || is_in(
            doc.word(doc.tok_from(m.span.start)),
            word_row("nationality_head"),
        )
    {
        return false;
    }
    let place = is_in(p, &words().place);
    if place || m.kind == EntityType::Loc {
        // "di Gaza" is where a visit or a strike lands, not where a deployment starts
        return target_may_be_place(kind)
            && (!is_in(p, &words().static_place_prep) || is_in(kind, word_row("at_place_kinds")));
    }
    true
}

/// Extracts the actions of one article.
pub(crate) fn extract_actions(doc: &Doc, times: &[TimeExpr], quoted: &[Span]) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    // (sentence, trigger end, action index) of the last action, for verb coordination
    let mut emitted: Vec<Option<usize>> = vec![None; doc.hits.len()];
    let trigger_spans: Vec<Span> = doc
        .hits
        .iter()
        .filter(|h| matches!(h.kind, HitKind::Action(_)) && is_verbal(h))
        .map(|h| h.span)
        .collect();
    for (hi, h) in doc.hits.iter().enumerate() {
        let HitKind::Action(tr) = h.kind else {
            continue;
        };
        let trig = h.span;
        if quoted.iter().any(|q| q.contains(&trig)) {
            continue;
        }
        let Some(si) = doc.sentence_of(trig.start) else {
            continue;
        };
        let sent = doc.sentences[si];
        if !need_met(doc, tr, sent, trig)
            || other_sense(doc, tr, trig, sent)
            || arg_sense_fails(doc, tr, trig, sent)
        {
            continue;
        }
        // clause window: from the previous verb (an action noun inside an object does not
        // start a clause) or clause boundary to the trigger
        let mut ls = sent.start;
        let mut prev_verb: Option<usize> = None;
        for (pi, p) in doc.hits[..hi].iter().enumerate().rev() {
            if p.span.end <= sent.start {
                break;
            }
            if !is_verbal(p) {
                continue;
            }
            ls = ls.max(p.span.end);
            prev_verb = Some(pi);
            if let HitKind::Report(r) = p.kind {
                if r.how == crate::lexicon::Report::According {
                    // "Menurut X, …": the subject starts after the comma
                    if let Some(c) = doc.slice(p.span.end, trig.start).find(',') {
                        ls = p.span.end + c + 1;
                    }
                }
            }
            break;
        }
        let mut new_clause = false;
        for i in doc.toks_between(ls, trig.start) {
            let w = doc.word(i);
            if matches!(w, ";" | ":" | "“" | "”" | "\"") || is_in(w, &words().complementizer) {
                ls = ls.max(doc.tokens[i].span.end);
            }
            if matches!(w, "," | ";" | ":") || is_in(w, &words().clause_end) {
                new_clause = true;
            }
        }
        // verb coordination: "X mengecam Y dan mendesak Z", "visited Jakarta and held
        // talks": the subject is the previous verb's, the mentions between are its objects
        let coordinated = !new_clause
            && prev_verb.is_some_and(|pi| matches!(doc.hits[pi].kind, HitKind::Action(_)));
        // relative clause: "kelompok yang diduga menyerang X" — the subject is the head
        // noun before "yang", an entity only when one ends right there
        let mut k = doc.tok_from(trig.start);
        while k > 0 && is_in(doc.word(k - 1), &words().rel_skip) {
            k -= 1;
        }
        let relative = k > 0 && is_in(doc.word(k - 1), &words().relative);
        let mut re = sent.end;
        // the next verb ends the object; an action noun ("mengecam serangan X") does not
        if let Some(n) = doc.hits[hi + 1..].iter().find(|n| match n.kind {
            HitKind::Action(t) => matches!(t.voice, Voice::Active | Voice::Passive),
            HitKind::Report(_) => true,
        }) {
            if n.span.start < re {
                re = n.span.start;
            }
        }
        let mut skip_to = 0;
        for i in doc.toks_between(trig.end, re) {
            if i < skip_to {
                continue;
            }
            let w = doc.word(i);
            if let Some(close) = scare_quote(doc, i, re) {
                skip_to = close + 1;
                continue;
            }
            if matches!(w, ";" | ":" | "“" | "”" | "\"") || is_in(w, &words().clause_end) {
                re = doc.tokens[i].span.start;
                break;
            }
        }
        // purpose clauses and conditionals report no act: "untuk mendukung …", "jika X
        // menolak …", "urged X to sign …"
        {
            let mut k = doc.tok_from(trig.start);
            while k > 0 && is_in(doc.word(k - 1), &words().pre_verb_adverb) {
                k -= 1;
            }
            if k > 0 && is_in(doc.word(k - 1), &words().purpose) {
                continue;
            }
            // modals: "harus segera menandatangani", "berhak menyerang", "could sign"
            let mut j = doc.tok_from(trig.start);
            let mut steps = 0;
            let mut modal = false;
            while j > 0 && steps < 3 {
                let w = doc.word(j - 1);
                if is_in(w, &words().modal) {
                    modal = true;
                    break;
                }
                if !is_in(w, &words().aux) && !is_in(w, &words().modal_skip) {
                    break;
                }
                j -= 1;
                steps += 1;
            }
            if modal {
                continue;
            }
            let window = doc.toks_between(ls.max(sent.start), trig.start);
            if window.clone().any(|i| {
                is_in(doc.word(i), &words().conditional)
                    || (doc.word(i).eq_ignore_ascii_case("siapa")
                        && doc.word(i + 1).eq_ignore_ascii_case("pun"))
            }) {
                continue;
            }
            // "meminta Y dideportasi" is irrealis; "meminta warga … dan memperingatkan" is
            // two acts
            if let Some(r) = window
                .clone()
                .rev()
                .find(|&i| is_in(doc.word(i), &words().irrealis))
            {
                if !(r + 1..window.end).any(|i| is_in(doc.word(i), &words().coord)) {
                    continue;
                }
            }
        }
        let mut voice = tr.voice;
        let before = doc.word_before(trig.start);
        if voice == Voice::Active
            && tr.form.ends_with("ed")
            && (is_in(before, &words().be)
                || (before.ends_with("ly")
                    && is_in(doc.word_before(trig.start - before.len() - 1), &words().be)))
        {
            voice = Voice::Passive;
        }
        if tr.form.ends_with("ed") && tr.voice == Voice::Active {
            let after = doc.word(doc.tok_from(trig.end));
            if after.eq_ignore_ascii_case("of") {
                continue; // "an official accused of bribery"
            }
            if after.eq_ignore_ascii_case("by") {
                voice = Voice::Passive;
            }
        }
        if matches!(voice, Voice::NominalAgent | Voice::NominalObject)
            && is_in(before, &words().light)
        {
            voice = Voice::Active;
        }
        let right: Vec<&Mention> = doc.mentions_in(trig.end, re).iter().collect();
        let (mut source, mut target) = roles(doc, tr, voice, ls, trig, &right);
        if voice == Voice::Active && relative {
            let yang = doc.tokens[k - 1].span.start;
            source = doc
                .mentions_in(sent.start, yang)
                .last()
                .filter(|m| doc.toks_between(m.span.end, yang).is_empty())
                .map(|m| m.ids.clone())
                .unwrap_or_default();
        } else if voice == Voice::Active && coordinated {
            let demanded = prev_verb.is_some_and(|pi| {
                matches!(doc.hits[pi].kind, HitKind::Action(t) if t.plover == kabar_core::Plover::Demand)
            }) && !doc
                .toks_between(ls, trig.start)
                .any(|i| is_in(doc.word(i), &words().coord));
            if demanded {
                // "mendesak TNI menarik pasukan": demanded, not done
                continue;
            }
            // "mengancam akan melakukan serangan ke Oman": the attack is threatened, not
            // done; its target is the threat's
            let threatened = prev_verb.and_then(|pi| match doc.hits[pi].kind {
                HitKind::Action(t) if t.plover == kabar_core::Plover::Threaten => {
                    emitted.get(pi).copied().flatten()
                }
                _ => None,
            });
            if let Some(ti) = threatened.filter(|_| {
                !doc.toks_between(ls, trig.start)
                    .any(|i| is_in(doc.word(i), &words().coord))
            }) {
                if out[ti].target.is_empty() {
                    out[ti].target = target.clone();
                }
                continue;
            }
            source = prev_verb
                .and_then(|pi| emitted.get(pi).copied().flatten())
                .map(|ai| out[ai].source.clone())
                .unwrap_or_default();
        }
        if voice == Voice::Active {
            if let Some(p) = described_person(doc, ls, trig.start) {
                source = vec![p];
            }
        }
        let authority = authority_subject(doc, ls, trig);
        // "Di TL Al Azhar, Kebayoran Baru, petugas menyita …": a police noun right before
        // the verb is its subject; a name before that noun is not
        if let Some(a) = authority {
            if voice == Voice::Active && doc.mentions_in(a, trig.start).is_empty() {
                source.clear();
            }
        }
        if source.is_empty()
            && (!target.is_empty() || authority.is_some())
            && matches!(
                tr.kind,
                "arrest" | "charge" | "seize" | "search" | "investigate"
            )
        {
            // "AS disangkakan melanggar Pasal 2", "pelaku ditangkap": the agent of a police
            // or prosecution step is the article's only law-enforcement body, if it has one
            source = sole_authority(doc)
                .or_else(|| nearest_authority(doc, trig))
                .into_iter()
                .collect();
        }
        target.retain(|t| !source.contains(t));
        // no identifiable agent: rather no act than "? → X" (docs/actions.md, precision),
        // unless the text names an unnamed agent ("warga", "polisi") and a named target
        let generic = source.is_empty()
            && !target.is_empty()
            && match voice {
                Voice::Active => generic_subject(doc, ls, trig),
                Voice::Passive => generic_agent(doc, trig),
                _ => false,
            };
        if (source.is_empty() && !generic) || (tr.need == Need::Target && target.is_empty()) {
            continue;
        }
        let negated = is_negated(doc, trig, sent.start);
        // an attack by states is conventional military force (PLOVER FIGHT), not ASSAULT
        let state_attack = tr.plover == kabar_core::Plover::Assault
            && matches!(tr.kind, "attack" | "kill")
            && !source.is_empty()
            && source.iter().all(|s| s.starts_with("gpe:"));
        let (plover, kind) = if state_attack {
            (kabar_core::Plover::Fight, "military_attack")
        } else {
            (tr.plover, tr.kind)
        };
        out.push(Action {
            plover,
            kind: kind.to_string(),
            source,
            target,
            date: date_for(
                doc.text,
                times,
                sent,
                si.checked_sub(1)
                    .and_then(|p| doc.sentences.get(p).copied()),
                trig,
                &trigger_spans,
            ),
            sentence: si,
            trigger: trig,
            negated,
        });
        emitted[hi] = Some(out.len() - 1);
    }
    out
}

fn roles(
    doc: &Doc,
    tr: &Trigger,
    voice: Voice,
    ls: usize,
    trig: Span,
    right: &[&Mention],
) -> (Vec<String>, Vec<String>) {
    let kind = tr.kind;
    // only the first mention of a chain decides ("antara X dan Y": Y is not a target)
    let mut starts = vec![true; right.len()];
    for k in 1..right.len() {
        starts[k] = doc
            .gap(right[k - 1].span.end, right[k].span.start)
            .is_none();
    }
    let find = |pred: &dyn Fn(&Mention) -> bool| {
        right
            .iter()
            .enumerate()
            .position(|(k, m)| starts[k] && pred(m))
    };
    let by_agent = |m: &Mention| is_in(doc.prep_of(m), &words().agent_prep);
    let between = |m: &Mention| is_in(doc.prep_of(m), &words().between_prep);
    let close = |m: &Mention, n: usize| {
        let r = doc.toks_between(trig.end, m.span.start);
        r.len() <= n
            && r.clone().all(|i| {
                let w = doc.word(i);
                doc.tokens[i].kind == kabar_core::TokenKind::Word && !is_in(w, &words().determiner)
            })
    };
    match voice {
        Voice::Active => {
            let source = left_chain(doc, ls, trig.start);
            // the object follows the verb closely, or is introduced by a target preposition
            // ("menolak keras penggunaan APBN untuk … proyek KCJB" has no actor as object)
            let reach = |m: &Mention| {
                doc.toks_between(trig.end, m.span.start).len() <= 5
                    || is_in(doc.prep_of(m), &words().target)
                    || is_in(doc.prep_of(m), &words().place)
                    || (is_in(kind, word_row("act_object_kinds")) && owns_act_noun(doc, m))
                    || named_after_description(doc, m)
            };
            let target = find(&|m| eligible_target(doc, m, kind) && reach(m))
                .map(|i| right_chain(doc, right, i))
                .unwrap_or_default();
            if source.is_empty() {
                if let Some(i) = find(&between) {
                    return (right_chain(doc, right, i), Vec::new());
                }
            }
            (source, target)
        }
        Voice::Passive => {
            let target = left_chain(doc, ls, trig.start);
            let source = find(&by_agent)
                .or_else(|| find(&|m| close(m, 0) && subject_ok(doc, m)))
                .map(|i| right_chain(doc, right, i))
                .unwrap_or_default();
            (source, target)
        }
        Voice::NominalAgent | Voice::NominalObject => {
            let mut source = Vec::new();
            let mut target = Vec::new();
            let mut from = 0;
            if let Some(i) = find(&by_agent) {
                source = right_chain(doc, right, i);
            } else if let Some(i) = find(&|m| between(m) && close(m, 4)) {
                // "pertemuan (bilateral) antara X dan Y"; further on, "antara X dan Y"
                // qualifies something else ("kunjungan Prabowo … hubungan antara
                // Indonesia dan Prancis"); "pertempuran antara X melawan Y" opposes Y
                let end = chain_end(doc, right, i);
                let against = right
                    .get(end)
                    .filter(|m| is_in(doc.prep_of(m), word_row("opposing_prep")))
                    .map(|_| right_chain(doc, right, end))
                    .unwrap_or_default();
                return (right_chain(doc, right, i), against);
            }
            // "Penandatanganan dilakukan X dan Y": a light passive verb right after the
            // noun makes what follows the agent, as "oleh" would.
            let light_passive = is_in(doc.word(doc.tok_from(trig.end)), &words().light_passive);
            if light_passive && source.is_empty() {
                if let Some(i) = find(&|m| close(m, 4) && subject_ok(doc, m)) {
                    source = right_chain(doc, right, i);
                    from = chain_end(doc, right, i);
                }
            }
            if light_passive && !source.is_empty() {
                // the agent is known; a target can only follow it
            } else if let Some(i) = find(&|m| close(m, 3) && subject_ok(doc, m)) {
                if voice == Voice::NominalAgent && source.is_empty() {
                    source = right_chain(doc, right, i);
                    from = chain_end(doc, right, i);
                } else if voice == Voice::NominalObject {
                    target = right_chain(doc, right, i);
                    from = chain_end(doc, right, i);
                }
            }
            if target.is_empty() {
                let rest = &right[from.min(right.len())..];
                if let Some(j) = rest.iter().position(|m| {
                    let p = intro_prep(doc, m);
                    (is_in(p, &words().target)
                        || (is_in(p, &words().place) && target_may_be_place(kind)))
                        && eligible_target(doc, m, kind)
                }) {
                    target = right_chain(doc, right, from + j);
                }
            }
            (source, target)
        }
    }
}
