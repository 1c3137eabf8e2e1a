//! The per-article working view shared by the action and quote extractors: tokens,
//! sentences, entity mentions (with cheap anaphora resolution) and trigger hits.

use crate::lexicon::{reports, triggers, ReportVerb, Trigger};
use crate::words::words;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use kabar_core::{Entity, EntityType, Span, Token, TokenKind};
use std::sync::OnceLock;

/// What a lexicon hit is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum HitKind {
    /// An action trigger.
    Action(&'static Trigger),
    /// A reporting verb.
    Report(&'static ReportVerb),
}

/// A lexicon hit (whole words only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub span: Span,
    pub kind: HitKind,
}

/// An entity mention, real or resolved from an anaphor ("pihaknya", "kedua menteri").
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub span: Span,
    /// Entity IDs (two for "kedua menteri").
    pub ids: Vec<String>,
    pub kind: EntityType,
    /// True when resolved from a pronoun or definite description.
    pub anaphor: bool,
}

fn automaton() -> &'static (Option<AhoCorasick>, Vec<HitKind>) {
    static AC: OnceLock<(Option<AhoCorasick>, Vec<HitKind>)> = OnceLock::new();
    AC.get_or_init(|| {
        let mut pats: Vec<&'static str> = Vec::new();
        let mut kinds = Vec::new();
        for t in triggers() {
            pats.push(t.form);
            kinds.push(HitKind::Action(t));
        }
        for r in reports() {
            pats.push(r.form);
            kinds.push(HitKind::Report(r));
        }
        // The patterns are fixed ASCII strings, so building cannot fail; if it did, no
        // trigger would be found rather than panicking.
        // a full DFA: a few hundred short patterns, built once, and the fastest search
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&pats)
            .ok();
        (ac, kinds)
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// True when nothing but white space, quotes or brackets follows the last sentence end
/// (or the start of the text) before this point.
fn sentence_initial(before: &str) -> bool {
    for c in before.chars().rev() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '(' | '\'' | '—' | '-') {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | '\n' | '”' | ';');
    }
    true
}

/// Finds every whole-word lexicon hit in `text`.
pub(crate) fn hits(text: &str) -> Vec<Hit> {
    let (ac, kinds) = automaton();
    let mut out = Vec::new();
    let Some(ac) = ac else {
        return out;
    };
    for m in ac.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        // a capitalised form inside a sentence is a name ("Said Munir", "Met Office")
        let first_upper = text[m.start()..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if first_upper && !sentence_initial(&text[..m.start()]) {
            continue;
        }
        out.push(Hit {
            span: Span::new(m.start(), m.end()),
            kind: kinds[m.pattern().as_usize()],
        });
    }
    out
}

/// True for the first word of an anaphor ("ia", "pihaknya", "kedua", "the two", …),
/// ignoring case; allocation-free.
fn is_anaphor_head(w: &str) -> bool {
    if w.len() > 11 || w.len() < 2 {
        return false;
    }
    let mut buf = [0u8; 11];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..w.len()],
        b"ia"
            | b"dia"
            | b"beliau"
            | b"he"
            | b"she"
            | b"pihaknya"
            | b"kementerian"
            | b"lembaga"
            | b"badan"
            | b"ministry"
            | b"organisasi"
            | b"keduanya"
            | b"kedua"
            | b"both"
            | b"two"
            | b"mereka"
            | b"they"
    )
}

/// True when `w` equals one of `list`, ignoring ASCII case.
pub(crate) fn is_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The working view of one article.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// Sentences that fit the text, in order.
    pub sentences: Vec<Span>,
    /// Tokens that fit the text, in order.
    pub tokens: Vec<Token>,
    /// Mentions, sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Inner spans of quotation marks, sorted.
    pub quoted: Vec<Span>,
    pub hits: Vec<Hit>,
}

impl<'a> Doc<'a> {
    /// `quoted`: inner spans of quotation marks, sorted; names inside them are never
    /// antecedents of "ia", "pihaknya", "kedua menteri".
    pub fn new(
        text: &'a str,
        sentences: &[Span],
        tokens: &[Token],
        entities: &[Entity],
        quoted: Vec<Span>,
    ) -> Self {
        let mut mentions: Vec<Mention> = Vec::new();
        for e in entities {
            for &m in &e.mentions {
                if m.is_empty() || text.get(m.start..m.end).is_none() {
                    continue;
                }
                mentions.push(Mention {
                    span: m,
                    ids: vec![e.id.clone()],
                    kind: e.kind,
                    anaphor: false,
                });
            }
        }
        // longest first at equal start, then drop anything overlapping a kept mention
        mentions.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
        for m in mentions {
            if kept.last().is_some_and(|k| k.span.overlaps(&m.span)) {
                continue;
            }
            kept.push(m);
        }
        // keep only spans that fit this text, so slicing can never panic
        let fits = |s: &Span| s.start < s.end && text.get(s.start..s.end).is_some();
        let mut sentences: Vec<Span> = sentences.iter().copied().filter(fits).collect();
        sentences.sort();
        sentences.dedup_by(|b, a| b.start < a.end);
        let mut tokens: Vec<Token> = tokens.iter().copied().filter(|t| fits(&t.span)).collect();
        tokens.sort_by_key(|t| t.span.start);
        tokens.dedup_by(|b, a| b.span.start < a.span.end);
        let mut doc = Doc {
            text,
            sentences,
            tokens,
            mentions: kept,
            quoted,
            hits: hits(text),
        };
        doc.resolve_anaphors();
        doc
    }

    /// `text[a..b]`, or `""` when that is not a valid slice.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(a..b).unwrap_or("")
    }

    /// Index of the sentence holding byte `b`.
    pub fn sentence_of(&self, b: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= b);
        (i < self.sentences.len() && self.sentences[i].start <= b).then_some(i)
    }

    /// Index of the first token starting at or after `b`.
    pub fn tok_from(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < b)
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map(|t| t.span.slice(self.text))
            .unwrap_or("")
    }

    /// The word just before byte `b` (skipping nothing), lower-cased comparisons are the
    /// caller's business.
    pub fn word_before(&self, b: usize) -> &'a str {
        let i = self.tok_from(b);
        if i == 0 {
            ""
        } else {
            self.word(i - 1)
        }
    }

    /// Tokens lying inside `[a, b)`.
    pub fn toks_between(&self, a: usize, b: usize) -> std::ops::Range<usize> {
        let i = self.tok_from(a);
        let j = self.tokens.partition_point(|t| t.span.end <= b);
        i..j.max(i)
    }

    /// Mentions inside `[a, b)`.
    pub fn mentions_in(&self, a: usize, b: usize) -> &[Mention] {
        let i = self.mentions.partition_point(|m| m.span.start < a);
        let j = self.mentions.partition_point(|m| m.span.end <= b);
        if j > i {
            &self.mentions[i..j]
        } else {
            &[]
        }
    }

    /// Distinct entity IDs of `kind` among real mentions in `[a, b)`, in order of last mention.
    fn distinct(&self, a: usize, b: usize, kind: EntityType) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.mentions_in(a, b) {
            if m.anaphor || m.kind != kind || self.in_quote(m.span) {
                continue;
            }
            for id in &m.ids {
                out.retain(|x| x != id);
                out.push(id.clone());
            }
        }
        out
    }

    /// The person named last before byte `b` (outside quotes) in this or the two previous
    /// sentences.
    pub fn last_person(&self, b: usize) -> Option<String> {
        let s = self.sentence_of(b).unwrap_or(0);
        self.distinct(self.window_start(s, 2), b, EntityType::Per)
            .pop()
    }

    /// True when `s` lies inside quotation marks.
    pub fn in_quote(&self, s: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end < s.end);
        self.quoted.get(i).is_some_and(|q| q.contains(&s))
    }

    /// Start byte of sentence `s - back` (clamped).
    fn window_start(&self, s: usize, back: usize) -> usize {
        self.sentences
            .get(s.saturating_sub(back))
            .map(|x| x.start)
            .unwrap_or(0)
    }

    /// Resolves a single-person pronoun at byte `b` to the only person mentioned in the
    /// current and previous sentence, or in the whole text before when it has one person.
    pub fn resolve_person(&self, b: usize) -> Option<String> {
        let s = self.sentence_of(b).unwrap_or(0);
        let near = self.distinct(self.window_start(s, 1), b, EntityType::Per);
        match near.len() {
            1 => near.into_iter().next(),
            0 => self.only_person_before(b),
            _ => None,
        }
    }

    /// The one person mentioned (outside quotes, not by a pronoun) before byte `b`, when
    /// there is exactly one. Stops at the second distinct person: `distinct(0, b)` here
    /// made every unresolved pronoun rescan the whole text before it, quadratic on huge
    /// articles.
    fn only_person_before(&self, b: usize) -> Option<String> {
        let mut one: Option<&String> = None;
        for m in self.mentions_in(0, b) {
            if m.anaphor || m.kind != EntityType::Per || self.in_quote(m.span) {
                continue;
            }
            for id in &m.ids {
                match one {
                    None => one = Some(id),
                    Some(o) if o != id => return None,
                    Some(_) => {}
                }
            }
        }
        one.cloned()
    }

    /// Adds mentions for anaphors that resolve cheaply and safely.
    fn resolve_anaphors(&mut self) {
        let mut add: Vec<Mention> = Vec::new();
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let t = self.tokens[i];
            if t.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let w = self.word(i);
            // cheap filter before any lookup: is it one of the anaphor head words?
            if !is_anaphor_head(w) {
                i += 1;
                continue;
            }
            let next = self.word(i + 1);
            let s = self.sentence_of(t.span.start).unwrap_or(0);
            let mut one = |span: Span, ids: Vec<String>, kind: EntityType| {
                if !ids.is_empty() {
                    add.push(Mention {
                        span,
                        ids,
                        kind,
                        anaphor: true,
                    });
                }
            };
            if is_in(w, &words().pronoun_person) {
                if let Some(id) = self.resolve_person(t.span.start) {
                    one(t.span, vec![id], EntityType::Per);
                }
            } else if w.eq_ignore_ascii_case("pihaknya") {
                let a = self.window_start(s, 1);
                let here = self.sentences.get(s).map(|x| x.start).unwrap_or(0);
                let own = self.distinct(here, t.span.start, EntityType::Org);
                let orgs = self.distinct(a, t.span.start, EntityType::Org);
                let pers = self.distinct(a, t.span.start, EntityType::Per);
                if let Some(o) = own.last() {
                    // "Ketua DPR X mengatakan pihaknya …": the speaker's own organisation
                    one(t.span, vec![o.clone()], EntityType::Org);
                } else if orgs.len() == 1 {
                    one(t.span, orgs, EntityType::Org);
                } else if orgs.is_empty() && pers.len() == 1 {
                    one(t.span, pers, EntityType::Per);
                }
            } else if is_in(w, &words().org_anaphor_head)
                && (is_in(next, &words().definite)
                    || (i > 0 && self.word(i - 1).eq_ignore_ascii_case("the")))
            {
                let orgs = self.distinct(self.window_start(s, 2), t.span.start, EntityType::Org);
                if orgs.len() == 1 {
                    let end = if is_in(next, &words().definite) {
                        self.tokens[i + 1].span.end
                    } else {
                        t.span.end
                    };
                    one(Span::new(t.span.start, end), orgs, EntityType::Org);
                    if end != t.span.end {
                        i += 1;
                    }
                }
            } else if is_in(w, &words().group_pronoun)
                && i > 0
                && is_in(self.word(i - 1), &words().complementizer)
            {
                // "Tentara Israel mengklaim bahwa mereka telah membunuh …": the one
                // organisation or country named before in the sentence (its speaker)
                let here = self.sentences.get(s).map(|x| x.start).unwrap_or(0);
                let mut ids = self.distinct(here, t.span.start, EntityType::Org);
                let gpes = self.distinct(here, t.span.start, EntityType::Gpe);
                let kind = if ids.is_empty() {
                    EntityType::Gpe
                } else {
                    EntityType::Org
                };
                ids.extend(gpes);
                if ids.len() == 1 {
                    one(t.span, ids, kind);
                }
            } else if w.eq_ignore_ascii_case("keduanya")
                || (is_in(w, &words().pair_head)
                    && (!w.eq_ignore_ascii_case("two")
                        || (i > 0 && self.word(i - 1).eq_ignore_ascii_case("the")))
                    && is_in(next, &words().pair_noun))
            {
                let kind = if is_in(next, &words().pair_country) {
                    EntityType::Gpe
                } else {
                    EntityType::Per
                };
                // go back sentence by sentence until two candidates are in reach
                let pick = |kind: EntityType| {
                    let mut ids = Vec::new();
                    for back in 0..4 {
                        ids = self.distinct(self.window_start(s, back), t.span.start, kind);
                        if ids.len() >= 2 {
                            break;
                        }
                    }
                    ids
                };
                let mut ids = pick(kind);
                if is_in(next, &words().pair_side) && ids.len() != 2 {
                    ids = pick(EntityType::Gpe);
                }
                if ids.len() == 2 {
                    let end = if w.eq_ignore_ascii_case("keduanya") {
                        t.span.end
                    } else {
                        i += 1;
                        self.tokens[i].span.end
                    };
                    one(Span::new(t.span.start, end), ids, kind);
                }
            }
            i += 1;
        }
        if add.is_empty() {
            return;
        }
        self.mentions.extend(add);
        self.mentions.sort_by_key(|m| m.span.start);
        let mut kept: Vec<Mention> = Vec::with_capacity(self.mentions.len());
        for m in std::mem::take(&mut self.mentions) {
            if kept.last().is_some_and(|k| k.span.overlaps(&m.span)) {
                continue;
            }
            kept.push(m);
        }
        self.mentions = kept;
    }

    /// Is the gap between two mentions a title/apposition (`Some(false)`), a coordination
    /// (`Some(true)`), or something else that ends the noun phrase (`None`)?
    pub fn gap(&self, a: usize, b: usize) -> Option<bool> {
        let r = self.toks_between(a, b);
        if r.len() > 6 {
            return None;
        }
        let mut coord = false;
        for i in r {
            let w = self.word(i);
            if is_in(w, &words().coord) {
                coord = true;
            } else if matches!(w, "," | "(" | ")" | "'" | "’")
                || is_in(w, &words().title)
                || w.chars().next().is_some_and(|c| c.is_uppercase())
            {
                // part of a title or a name: still one noun phrase
            } else {
                return None;
            }
        }
        Some(coord)
    }

    /// The lower-case-insensitive word right before mention `m`, if it is a preposition.
    pub fn prep_of(&self, m: &Mention) -> &'a str {
        self.word_before(m.span.start)
    }
}

/// Groups of mentions into conjuncts; each conjunct contributes its head: its last person
/// if any, else its `prefer_last` or first mention.
pub(crate) fn heads(conjuncts: &[Vec<&Mention>], prefer_last: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in conjuncts {
        let head = c
            .iter()
            .rev()
            .find(|m| m.kind == EntityType::Per)
            .or(if prefer_last { c.last() } else { c.first() });
        if let Some(h) = head {
            for id in &h.ids {
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
        }
    }
    out
}
