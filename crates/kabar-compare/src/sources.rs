//! Named sources of information ("menurut BNPB", "kata Kapolda", "according to the
//! ministry", "…, Smith said") and credits to wires and other outlets ("(ANTARA)",
//! "dilansir Reuters", "KBG/…").

use crate::lexicon::{LangLex, Lexicon};
use crate::tokens::{matches_at, tokenize, Tok};
use kabar_core::{Analysis, EntityType};
use serde::Serialize;

/// A named source of information found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedSource {
    /// Entity ID, or `name:<lower case words>` for a name the tagger did not find.
    pub key: String,
    /// As people read it.
    pub label: String,
    /// First char of the name in the cleaned text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// The named sources of information in one analysed article ("menurut BNPB", "Slidell
/// police said", "ISNA news agency reported"), as `compare` reads them. The cue words are in
/// `data/sources.tsv`.
pub fn extract_sources(a: &Analysis) -> Result<Vec<NamedSource>, crate::LexiconError> {
    let lx = crate::lexicon::lexicon()?;
    Ok(named_sources(a, lx.lang(a.lang.code())))
}

/// A credit to a wire or another outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// The wire's or outlet's name.
    pub name: String,
    /// Char offsets in the cleaned text; null when the credit was in removed boilerplate
    /// (a byline or a dateline's outlet part).
    pub start: Option<usize>,
    /// End (exclusive).
    pub end: Option<usize>,
}

fn capitalised(t: &Tok) -> bool {
    t.text.starts_with(|c: char| c.is_uppercase())
}

/// The entity whose mention overlaps `[s, e)`.
fn entity_in(a: &Analysis, s: usize, e: usize) -> Option<(String, String, usize, usize)> {
    a.entities.iter().find_map(|en| {
        en.mentions
            .iter()
            .find(|m| m.start < e && s < m.end)
            .map(|m| (en.id.clone(), en.name.clone(), m.start, m.end))
    })
}

/// The tagged entity of one of `kinds` with a mention over token `t`, as a source.
fn entity_of_kind(a: &Analysis, t: &Tok, kinds: &[EntityType]) -> Option<NamedSource> {
    a.entities
        .iter()
        .filter(|en| kinds.contains(&en.kind))
        .find_map(|en| {
            let m = en
                .mentions
                .iter()
                .find(|m| m.start < t.end && t.start < m.end)?;
            Some(NamedSource {
                key: en.id.clone(),
                label: en.name.clone(),
                start: m.start,
                end: m.end,
            })
        })
}

/// Named sources of one article.
pub(crate) fn named_sources(a: &Analysis, lex: &LangLex) -> Vec<NamedSource> {
    let toks = tokenize(&a.text);
    let mut out: Vec<NamedSource> = Vec::new();
    for k in 0..toks.len() {
        let Some(cue) = lex.attribution.iter().find(|p| matches_at(&toks, k, p)) else {
            continue;
        };
        // "a reported interest by X": after an article the cue word is an adjective
        if in_caption_gallery(&a.text, toks[k].start)
            || k > 0 && lex.determiner.contains(&toks[k - 1].lower)
        {
            continue;
        }
        let after = k + cue.len();
        let found = if lex.attribution_before.contains(cue) {
            source_before(a, &toks, k, lex)
        } else if lex.attribution_prefer_before.contains(cue) {
            source_before(a, &toks, k, lex).or_else(|| source_after(a, &toks, after, lex))
        } else {
            source_after(a, &toks, after, lex).or_else(|| source_before(a, &toks, k, lex))
        };
        if let Some(s) = found {
            if !out.iter().any(|o| o.key == s.key && o.start == s.start) {
                out.push(s);
            }
        }
    }
    out
}

/// A source the tagger did not find, keyed by its words.
fn untagged(a: &Analysis, s: usize, e: usize) -> NamedSource {
    let label = crate::tokens::slice(&a.text, s, e);
    NamedSource {
        key: format!("name:{}", label.to_lowercase()),
        label,
        start: s,
        end: e,
    }
}

/// "ABC.net.au", "detik.com": a web address names an outlet.
fn web_address(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    let Some(last) = parts.last() else {
        return false;
    };
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric))
        && (2..=4).contains(&last.len())
        && last.chars().all(|c| c.is_ascii_lowercase())
}

/// Is char offset `at` inside a photo gallery's captions that cleaning left in the text
/// ("… Hide Caption 26 of 59 Photos: Shocking celebrity splits Singer X confirmed …")?
/// Names there belong to other stories, so they are not this event's sources. The
/// gallery is the stretch between a "Photos:" label and the next "Hide Caption".
pub(crate) fn in_caption_gallery(text: &str, at: usize) -> bool {
    const OPEN: &str = "Photos:";
    const CLOSE: &str = "Hide Caption";
    if !text.contains(CLOSE) {
        return false;
    }
    let Some(byte) = text.char_indices().nth(at).map(|(b, _)| b) else {
        return false;
    };
    let (before, after) = text.split_at(byte);
    let opened = before.rfind(OPEN);
    let closed = before.rfind(CLOSE);
    let open = matches!((opened, closed), (Some(o), c) if c.is_none_or(|c| c < o));
    open || (after.contains(CLOSE) && closed.is_some() && opened.is_none())
}

/// The capitalised name right after a cue (an entity when the tagger found one there).
/// Up to three lower-case words may stand between the cue and a tagged entity ("according
/// to the Los Angeles Times", "according to her publicist Harlan Boll"); a name the
/// tagger did not find must follow the cue directly.
fn source_after(a: &Analysis, toks: &[Tok], at: usize, lex: &LangLex) -> Option<NamedSource> {
    source_after_any(a, toks, at, lex).filter(|s| !subject_of_clause(a, toks, s, lex))
}

/// "He said area resident Erica Hawkins saw the car": a verb right after the name that
/// follows a cue makes the name the subject of the reported clause, not its source.
fn subject_of_clause(a: &Analysis, toks: &[Tok], s: &NamedSource, lex: &LangLex) -> bool {
    let Some(next) = toks.iter().find(|t| t.start >= s.end) else {
        return false;
    };
    let gap = crate::tokens::slice(&a.text, s.end, next.start);
    gap.trim().is_empty() && next.text == next.lower && lex.clause_verb.contains(&next.lower)
}

/// Does a sentence end between two adjacent tokens ("said Saturday. Guillermo …",
/// "said Friday. (Hyung …")? A full stop after a short word or initials ("Dr. Park
/// Dietz", "U.S. Ambassador") is an abbreviation's.
fn sentence_break(text: &str, prev: &Tok, next: &Tok) -> bool {
    let gap = crate::tokens::slice(text, prev.end, next.start);
    if gap.contains(['\n', '"', '“', '”', '(', ')', ';', ':', '!', '?']) {
        return true;
    }
    let abbreviation = prev.text.chars().count() <= 4
        || prev
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    gap.contains('.') && !abbreviation
}

fn source_after_any(a: &Analysis, toks: &[Tok], at: usize, lex: &LangLex) -> Option<NamedSource> {
    source_after_direct(a, toks, at, lex).or_else(|| {
        let lead = (at..toks.len().min(at + 4)).find(|&i| capitalised(&toks[i]))?;
        if lead == at {
            return None;
        }
        let gap = crate::tokens::slice(&a.text, toks[at - 1].end, toks[lead].start);
        if gap.contains(['.', '"', '“', '”', '\n', ';', ':', '(']) {
            return None;
        }
        let Some((id, name, s, e)) = entity_in(a, toks[lead].start, toks[lead].end) else {
            // "according to the student ISNA news agency": a name the tagger missed
            // counts when a body word follows it
            let run = (lead..toks.len().min(lead + 4))
                .take_while(|&i| capitalised(&toks[i]))
                .last()?;
            let body = lex.body.iter().any(|p| {
                matches_at(toks, run + 1, p)
                    && toks[run + 1..run + 1 + p.len()]
                        .iter()
                        .all(|t| t.text == t.lower)
            });
            return body.then(|| untagged(a, toks[lead].start, toks[run].end));
        };
        (s >= toks[lead].start).then_some(NamedSource {
            key: id,
            label: name,
            start: s,
            end: e,
        })
    })
}

fn source_after_direct(
    a: &Analysis,
    toks: &[Tok],
    at: usize,
    lex: &LangLex,
) -> Option<NamedSource> {
    let first = toks.get(at)?;
    // the name must follow the cue directly (no sentence break between)
    let gap: String = crate::tokens::slice(&a.text, toks[at - 1].end, first.start);
    if !capitalised(first) || gap.contains(['.', '"', '“', '”', '\n']) {
        return None;
    }
    let mut end = at;
    while end < toks.len()
        && end - at < 6
        && capitalised(&toks[end])
        && (end == at || !sentence_break(&a.text, &toks[end - 1], &toks[end]))
    {
        end += 1;
    }
    let (s, e) = (first.start, toks[end - 1].end);
    if let Some(person) = person_after_body(a, toks, end, lex) {
        return Some(person);
    }
    if let Some((id, name, ms, me)) = entity_in(a, s, e) {
        return Some(NamedSource {
            key: id,
            label: name,
            start: ms,
            end: me,
        });
    }
    // a capitalised word the tagger left alone after "said" is often a day, a month or
    // a sentence's first word ("said Thursday", "said. The"), not a name
    if lex.not_name.contains(&first.lower) {
        return None;
    }
    let label = crate::tokens::slice(&a.text, s, e);
    Some(NamedSource {
        key: format!("name:{}", label.to_lowercase()),
        label,
        start: s,
        end: e,
    })
}

/// "according to NASA spokesman Aaron Burton": when a body word and a tagged person
/// follow the name after a cue, the person is the source and the name his employer.
fn person_after_body(a: &Analysis, toks: &[Tok], at: usize, lex: &LangLex) -> Option<NamedSource> {
    let n = lex
        .body
        .iter()
        .find(|p| {
            matches_at(toks, at, p) && toks[at..at + p.len()].iter().all(|t| t.text == t.lower)
        })?
        .len();
    let t = toks.get(at + n)?;
    entity_of_kind(a, t, &[EntityType::Per]).filter(|p| p.start == t.start)
}

/// An entity right before a cue ("…, Smith said"), and not an affiliation ("a
/// researcher at MIT, said": the source is the researcher). A body word may stand
/// between ("Slidell police said"); with one beside it, a capitalised name the tagger
/// missed counts too, as does a web address ("ABC.net.au reported").
fn source_before(a: &Analysis, toks: &[Tok], k: usize, lex: &LangLex) -> Option<NamedSource> {
    let mut k = k;
    // "Kusno juga mengatakan": one adverb may stand between the name and its cue
    if k >= 2 && lex.between.contains(&toks[k - 1].lower) {
        k -= 1;
    }
    let cue_at = k;
    k -= body_word_before(toks, k, lex);
    let with_body = k < cue_at;
    let prev = toks.get(k.checked_sub(1)?)?;
    let (key, name, s, e) = match entity_in(a, prev.start, prev.end) {
        Some(found) => body_of_place(a, toks, found, lex),
        None => {
            // "X, dean of the Faculty of …, said" with the faculty untagged
            if let Some(aff) = affiliation_before(a, toks, k - 1, lex).filter(|_| capitalised(prev))
            {
                return person_before_affiliation(a, toks, aff);
            }
            match org_before_place(a, toks, k, lex) {
                Some(found) => found,
                None => {
                    let (s, e) = untagged_before(a, toks, k, with_body, lex)?;
                    let u = untagged(a, s, e);
                    (u.key, u.label, s, e)
                }
            }
        }
    };
    let first = toks.iter().position(|t| t.start >= s)?;
    if let Some(aff) = affiliation_before(a, toks, first, lex) {
        // "Daniel Wall of Latham & Watkins LLP, said", "Gill Sandford, dean of the Faculty
        // of Creative and Cultural Industries, said": the person before is the source
        return person_before_affiliation(a, toks, aff);
    }
    let label = if with_body {
        // "Slidell police": the body as the text names it
        crate::tokens::slice(&a.text, s, toks[cue_at - 1].end)
    } else {
        name
    };
    let key = if with_body && key.starts_with("name:") {
        format!("name:{}", label.to_lowercase())
    } else {
        key
    };
    Some(NamedSource {
        key,
        label,
        start: s,
        end: e,
    })
}

/// The token index of an affiliation word ("of", "at", "di") before the capitalised name
/// that token `first` is part of: the tagger may have found only the name's tail
/// ("Watkins LLP" of "Latham & Watkins LLP", "Cultural Industries" of "Faculty of
/// Creative and Cultural Industries"), so the walk goes back over capitalised words and
/// the small words inside a name, not across a comma.
fn affiliation_before(a: &Analysis, toks: &[Tok], first: usize, lex: &LangLex) -> Option<usize> {
    let mut i = first;
    while i > 0 {
        if lex.affiliation.iter().any(|p| matches_at(toks, i - 1, p)) {
            // "Faculty of Creative …": an "of" between two capitalised words of one
            // organisation's name is inside it; before a person it is his affiliation
            let inner = i >= 2
                && capitalised(&toks[i - 2])
                && !is_person(a, &toks[i - 2])
                && !crate::tokens::slice(&a.text, toks[i - 2].end, toks[i - 1].start).contains(',');
            if !inner {
                return Some(i - 1);
            }
            i -= 1;
            continue;
        }
        let gap = crate::tokens::slice(&a.text, toks[i - 1].end, toks[i].start);
        let prev = &toks[i - 1];
        let inside_name =
            capitalised(prev) || matches!(prev.lower.as_str(), "and" | "dan" | "the" | "for");
        if first - i >= 8
            || !inside_name
            || gap.contains([',', '.', '"', '“', '”', '\n', ';', ':', '('])
        {
            return None;
        }
        i -= 1;
    }
    None
}

/// Is the token part of a tagged person's mention?
fn is_person(a: &Analysis, t: &Tok) -> bool {
    entity_of_kind(a, t, &[EntityType::Per]).is_some()
}

/// The tagged person right before an affiliation word at token `aff`, over a comma and a
/// few lower-case role words ("Daniel Wall of …", "Gill Sandford, dean of …").
fn person_before_affiliation(a: &Analysis, toks: &[Tok], aff: usize) -> Option<NamedSource> {
    let mut i = aff;
    while i > 0 && aff - i < 4 && toks[i - 1].text == toks[i - 1].lower {
        i -= 1;
    }
    let prev = toks.get(i.checked_sub(1)?)?;
    let gap = crate::tokens::slice(&a.text, prev.end, toks[i].start);
    if gap.contains(['.', '"', '“', '”', '\n', ';', ':', '(']) {
        return None;
    }
    entity_of_kind(a, prev, &[EntityType::Per])
}

/// The number of tokens of a lower-case body word ending right before token `k`.
fn body_word_before(toks: &[Tok], k: usize, lex: &LangLex) -> usize {
    lex.body
        .iter()
        .find(|p| {
            k > p.len()
                && matches_at(toks, k - p.len(), p)
                && toks[k - p.len()..k].iter().all(|t| t.text == t.lower)
        })
        .map_or(0, Vec::len)
}

/// A capitalised run the tagger missed, right before token `k` (char span): it counts
/// when a body word stands beside it ("Slidell police", "corporation Energiya") and it
/// does not open a sentence ("Local police said"), or when it is a web address.
fn untagged_before(
    a: &Analysis,
    toks: &[Tok],
    k: usize,
    with_body: bool,
    lex: &LangLex,
) -> Option<(usize, usize)> {
    let last = toks.get(k.checked_sub(1)?)?;
    if web_address(&last.text) {
        return Some((last.start, last.end));
    }
    let mut first = k - 1;
    while first > 0
        && k - first < 4
        && capitalised(&toks[first - 1])
        && !lex.not_name.contains(&toks[first - 1].lower)
        && !crate::tokens::slice(&a.text, toks[first - 1].end, toks[first].start)
            .contains(['.', ',', '"', '“', '”', '\n', ';', ':', '('])
    {
        first -= 1;
    }
    let run = &toks[first..k];
    if !run.iter().all(capitalised) || lex.not_name.contains(&run[0].lower) {
        return None;
    }
    let body_before = body_word_before(toks, first, lex) > 0;
    if !(with_body || body_before) || opens_sentence(&a.text, toks, first) {
        return None;
    }
    Some((run[0].start, last.end))
}

/// Does token `i` open a sentence (text start, or a full stop, quote mark or line break
/// right before it)?
fn opens_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = crate::tokens::slice(text, toks[i - 1].end, toks[i].start);
    // a quote closed after a comma (`…," Slidell police said`) goes on in one sentence
    let quote_closed = gap.contains(['"', '“', '”', '\'']) && !gap.contains(',');
    gap.contains(['.', '!', '?', '\n']) || quote_closed || toks[i - 1].text.ends_with('.')
}

/// "The Weather Service in Gray said" with the place untagged: the capitalised word
/// before token `k` follows a locative word that follows an organisation.
fn org_before_place(
    a: &Analysis,
    toks: &[Tok],
    k: usize,
    lex: &LangLex,
) -> Option<(String, String, usize, usize)> {
    let place = toks.get(k.checked_sub(1)?)?;
    if k < 3 || !capitalised(place) || !lex.locative.contains(&toks[k - 2].lower) {
        return None;
    }
    let org = entity_of_kind(a, &toks[k - 3], &[EntityType::Org])?;
    Some((org.key, org.label, org.start, place.end))
}

/// "The National Weather Service in Gray said": when the name before a cue is a place
/// joined by a locative word to an organisation, the organisation is the source (its
/// span runs to the place's end).
fn body_of_place(
    a: &Analysis,
    toks: &[Tok],
    found: (String, String, usize, usize),
    lex: &LangLex,
) -> (String, String, usize, usize) {
    let (_, _, s, e) = &found;
    let place = a.entities.iter().any(|en| {
        matches!(en.kind, EntityType::Gpe | EntityType::Loc)
            && en.mentions.iter().any(|m| m.start == *s)
    });
    let Some(at) = toks.iter().position(|t| t.start == *s) else {
        return found;
    };
    if !place || at < 2 || !lex.locative.contains(&toks[at - 1].lower) {
        return found;
    }
    match entity_of_kind(a, &toks[at - 2], &[EntityType::Org]) {
        Some(org) => (org.key, org.label, org.start, *e),
        None => found,
    }
}

/// Is `form` at char offset `s..e` of `text` a credit (strict forms need a credit
/// context: brackets, a slash, upper case or a credit cue within three words before)?
fn credit_context(text: &[char], s: usize, e: usize, toks: &[Tok], lex: &LangLex) -> bool {
    let before = s.checked_sub(1).map(|i| text[i]);
    let after = text.get(e).copied();
    if matches!(before, Some('(' | '/')) || matches!(after, Some(')' | '/')) {
        return true;
    }
    if text[s..e].iter().all(|c| !c.is_lowercase()) && e - s > 2 {
        return true;
    }
    let Some(ti) = toks.iter().position(|t| t.start == s) else {
        return false;
    };
    (ti.saturating_sub(3)..ti).any(|k| lex.credit.iter().any(|p| matches_at(toks, k, p)))
}

/// Whole-word occurrences of `form` in `text` (char offsets).
fn occurrences(text: &[char], form: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(&first) = form.first() else {
        return out;
    };
    if form.len() > text.len() {
        return out;
    }
    let mut s = 0;
    while s + form.len() <= text.len() {
        // the first char first: a slice comparison per position is a memcmp call
        match text[s..=text.len() - form.len()]
            .iter()
            .position(|&c| c == first)
        {
            Some(k) => s += k,
            None => break,
        }
        let e = s + form.len();
        if text[s..e] == *form
            && (s == 0 || !text[s - 1].is_alphanumeric())
            && (e == text.len() || !text[e].is_alphanumeric())
        {
            out.push((s, e));
        }
        s += 1;
    }
    out
}

/// Credits to wires (data/wires.tsv) and to the `outlets` given (other outlets of the
/// same event, by full name or by their initials in brackets, "(KBG)") in an article's
/// text and in the boilerplate cleaning removed from it.
pub fn find_credits(a: &Analysis, outlets: &[String]) -> Vec<Credit> {
    let Ok(lx) = crate::lexicon::lexicon() else {
        return Vec::new();
    };
    let mut out: Vec<Credit> = Vec::new();
    let removed: Vec<&str> = a.removed.iter().map(|r| r.text.as_str()).collect();
    credits_in(&a.text, true, lx, a.lang.code(), outlets, &mut out);
    for r in removed {
        credits_in(r, false, lx, a.lang.code(), outlets, &mut out);
    }
    out
}

fn credits_in(
    text: &str,
    in_text: bool,
    lx: &Lexicon,
    lang: &str,
    outlets: &[String],
    out: &mut Vec<Credit>,
) {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize(text);
    let lex = lx.lang(lang);
    let mut push = |name: &str, s: usize, e: usize| {
        if !out.iter().any(|c| c.name == name) {
            out.push(Credit {
                name: name.to_string(),
                start: in_text.then_some(s),
                end: in_text.then_some(e),
            });
        }
    };
    for w in &lx.wires {
        let form: Vec<char> = w.form.chars().collect();
        for (s, e) in occurrences(&chars, &form) {
            if !w.strict || credit_context(&chars, s, e, &toks, lex) {
                push(&w.name, s, e);
                break;
            }
        }
    }
    for o in outlets {
        let full: Vec<char> = o.chars().collect();
        if full.len() >= 4 {
            if let Some(&(s, e)) = occurrences(&chars, &full).first() {
                push(o, s, e);
                continue;
            }
        }
        let initials: String = o
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= 3 {
            let form: Vec<char> = initials.chars().collect();
            if let Some(&(s, e)) = occurrences(&chars, &form)
                .iter()
                .find(|(s, e)| credit_context(&chars, *s, *e, &toks, lex))
            {
                push(o, s, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::in_caption_gallery;

    #[test]
    fn caption_galleries_are_not_sources() {
        let t = "The pair split, he said. Hide Caption 26 of 59 Photos: Celebrity splits \
                 Singer X confirmed it. Hide Caption 27 of 59";
        let at = |w: &str| t[..t.find(w).unwrap()].chars().count();
        assert!(!in_caption_gallery(t, at("he said")));
        assert!(in_caption_gallery(t, at("confirmed")));
        // a photo credit label alone opens no gallery
        let u = "Photos: Reuters. The minister said on Monday that talks went well.";
        assert!(!in_caption_gallery(u, u.find("said").unwrap()));
    }
}
