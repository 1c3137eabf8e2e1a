//! Named sources of information ("menurut BNPB", "kata Kapolda", "according to the
//! ministry", "…, Smith said") and credits to wires and other outlets ("(ANTARA)",
//! "dilansir Reuters", "KBG/…").

use crate::lexicon::{LangLex, Lexicon};
use crate::tokens::{matches_at, tokenize, Tok};
use kabar_core::Analysis;
use serde::Serialize;

/// A named source found in one article.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NamedSource {
    /// Entity ID, or `name:<lower case words>` for a name the tagger did not find.
    pub key: String,
    /// As people read it.
    pub label: String,
    pub start: usize,
    pub end: usize,
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

/// Named sources of one article.
pub(crate) fn named_sources(a: &Analysis, lex: &LangLex) -> Vec<NamedSource> {
    let toks = tokenize(&a.text);
    let mut out: Vec<NamedSource> = Vec::new();
    for k in 0..toks.len() {
        let Some(cue) = lex.attribution.iter().find(|p| matches_at(&toks, k, p)) else {
            continue;
        };
        if in_caption_gallery(&a.text, toks[k].start) {
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

/// Is char offset `at` inside a photo gallery's captions that cleaning left in the text
/// ("… Hide Caption 26 of 59 Photos: Shocking celebrity splits Singer X confirmed …")?
/// Names there belong to other stories, so they are not this event's sources. The
/// gallery is the stretch between a "Photos:" label and the next "Hide Caption".
fn in_caption_gallery(text: &str, at: usize) -> bool {
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
    source_after_direct(a, toks, at, lex).or_else(|| {
        let lead = (at..toks.len().min(at + 4)).find(|&i| capitalised(&toks[i]))?;
        if lead == at {
            return None;
        }
        let gap = crate::tokens::slice(&a.text, toks[at - 1].end, toks[lead].start);
        if gap.contains(['.', '"', '“', '”', '\n', ';', ':', '(']) {
            return None;
        }
        let (id, name, s, e) = entity_in(a, toks[lead].start, toks[lead].end)?;
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
    while end < toks.len() && end - at < 6 && capitalised(&toks[end]) {
        end += 1;
    }
    let (s, e) = (first.start, toks[end - 1].end);
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

/// An entity right before a cue ("…, Smith said"): only a tagged entity counts, and not
/// an affiliation ("a researcher at MIT, said": the source is the researcher).
fn source_before(a: &Analysis, toks: &[Tok], k: usize, lex: &LangLex) -> Option<NamedSource> {
    let mut k = k;
    // "Kusno juga mengatakan": one adverb may stand between the name and its cue
    if k >= 2 && lex.between.contains(&toks[k - 1].lower) {
        k -= 1;
    }
    let prev = toks.get(k.checked_sub(1)?)?;
    let (id, name, s, e) = entity_in(a, prev.start, prev.end)?;
    let first = toks.iter().position(|t| t.start >= s)?;
    if first > 0
        && lex
            .affiliation
            .iter()
            .any(|p| matches_at(toks, first - 1, p))
    {
        return None;
    }
    Some(NamedSource {
        key: id,
        label: name,
        start: s,
        end: e,
    })
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
