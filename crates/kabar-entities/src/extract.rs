//! Entities of one article: tagged and gazetteer mentions, canonical names and IDs,
//! within-article merging (aliases, "Long Name (ABBR)", short references to a full name)
//! and roles.
//!
//! Merging rules, in order:
//! 1. A mention the lexicon knows takes the lexicon's canonical name ("Jabar" → "Jawa
//!    Barat", "China" → "Tiongkok"), so every article gives it the same ID.
//! 2. Other mentions are named by their own text with white space folded; their ID is
//!    `kabar_core::entity_id`, whose slug already ignores case, hyphens and spaces ("Ban
//!    Ki-moon" = "Ban Ki Moon").
//! 3. "Komisi Pemberantasan Korupsi (KPK)": the bracketed capitals become an alias of the
//!    name before them, for the whole article.
//! 4. A person named by part of a name ("Marsudi", "Retno") is merged into the one person of
//!    the article whose full name contains that part; when two people of the article
//!    share it ("Retno Marsudi", "Budi Marsudi"), the short mention stays an entity of its
//!    own rather than being merged wrongly.

use crate::lexicon::{fold, Lexicon};
use crate::tagger::Tagger;
use crate::words::Words;
use crate::Error;
use kabar_core::{entity_id, Entity, EntityType, Lang, Role, Span, TimeExpr, TimeType, Token};
use std::collections::{HashMap, HashSet};

/// Longest piece of text tagged at once when sentences are missing or very long.
const MAX_CHUNK: usize = 400;

#[derive(Debug, Clone)]
struct Mention {
    sent: usize,
    /// Token range in the article's token list.
    t0: usize,
    t1: usize,
    span: Span,
    kind: EntityType,
    surface: String,
    /// Key of the entity it belongs to.
    key: usize,
}

/// What a product cue before a mention makes of it (`data/lang/id/product_cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A product, feature or app label: not a person or place.
    Label,
    /// A work's title (game, film, song) or a pathogen: no entity of any type.
    Title,
    /// A kind of organisation ("perusahaan", "pabrikan"): the name is an organisation.
    Org,
    /// One side of a match's score ("Onic 2-1 Vitality"): a team, whatever type the
    /// tagger gave it.
    Team,
}

/// Length in tokens of a match score starting at token `k` ("2-1", or "2", "-", "1"):
/// both numbers at most 9, so sets of badminton ("21-15") and dates are no scores.
fn score_at(toks: &[&str], k: usize) -> Option<usize> {
    let small = |w: &str| w.len() == 1 && w.chars().all(|c| c.is_ascii_digit());
    let dash = |w: &str| matches!(w, "-" | "–" | "—");
    let w = *toks.get(k)?;
    if let Some((x, y)) = w.split_once(['-', '–']) {
        return (small(x) && small(y)).then_some(1);
    }
    (small(w)
        && toks.get(k + 1).is_some_and(|d| dash(d))
        && toks.get(k + 2).is_some_and(|y| small(y)))
    .then_some(3)
}

/// True when the name at tokens `p..p + len` is one side of a score between two
/// capitalised names: "[Onic] 2-1 Vitality", "Onic 2-1 [Vitality]".
fn beside_score(toks: &[&str], p: usize, len: usize) -> bool {
    let after =
        score_at(toks, p + len).is_some_and(|n| toks.get(p + len + n).is_some_and(|w| is_cap(w)));
    let before =
        (1..=3).any(|n| p > n && score_at(toks, p - n) == Some(n) && is_cap(toks[p - n - 1]));
    after || before
}

#[derive(Debug, Clone)]
struct Ent {
    kind: EntityType,
    name: String,
    /// From the lexicon: never merged away as a short reference.
    fixed: bool,
    /// Merged into another entity.
    merged_into: Option<usize>,
}

/// The tagger plus the gazetteer and alias lexicon, loaded once; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct EntityExtractor {
    tagger: Tagger,
    lex: &'static Lexicon,
    words: &'static Words,
}

pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| !c.is_lowercase())
}

/// Strips an English possessive ("Indonesia's") and returns the base.
/// A person's name followed by a bracketed abbreviation whose letters do not fit it but
/// fit it with the capitalised words before it (across a colon) is a fragment of a longer
/// name, a title's subtitle: "Mobile Legends: [Bang Bang] (MLBB)". Such mentions go, with
/// the other mentions of the same text.
fn drop_fragments(toks: &[&str], mentions: &mut Vec<Mention>) {
    let mut fragments: Vec<String> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Per) {
        let (Some(&"("), Some(abbr), Some(&")")) =
            (toks.get(m.t1), toks.get(m.t1 + 1), toks.get(m.t1 + 2))
        else {
            continue;
        };
        if !is_acronym(abbr) || abbreviation_fits(abbr, &m.surface) {
            continue;
        }
        let mut before: Vec<&str> = Vec::new();
        let mut k = m.t0;
        while k > 0 && before.len() < 4 {
            k -= 1;
            match toks[k] {
                ":" => continue,
                w if is_cap(w) => before.insert(0, w),
                _ => break,
            }
        }
        if !before.is_empty()
            && abbreviation_fits(abbr, &format!("{} {}", before.join(" "), m.surface))
        {
            fragments.push(m.surface.clone());
        }
    }
    if !fragments.is_empty() {
        mentions.retain(|m| !(m.kind == EntityType::Per && fragments.contains(&m.surface)));
    }
}

/// Tokens that end a clause inside a sentence (a role's date comes from its own clause).
/// A bare "Di X" typed as a place is the article's person "… Di X" (see
/// [`crate::particles`]).
/// `canonical` gives a person's lexicon name, so a nickname ("Diggia") counts as
/// naming the full name.
fn bare_particle_persons(
    text: &str,
    tokens: &[Token],
    toks: &[&str],
    canonical: &dyn Fn(&str) -> Option<String>,
    mentions: &mut [Mention],
) {
    let tail = |words: &[&str]| -> Option<String> {
        let p = words.iter().position(|w| *w == "Di")?;
        (words.len() > 1).then(|| words[p..].join(" ").to_lowercase())
    };
    let tails: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Per)
        .filter_map(|m| {
            tail(&toks[m.t0..m.t1]).or_else(|| {
                let name = canonical(&m.surface)?;
                tail(&name.split(' ').collect::<Vec<_>>())
            })
        })
        .collect();
    if tails.is_empty() {
        return;
    }
    let triples: Vec<(EntityType, usize, usize)> =
        mentions.iter().map(|m| (m.kind, m.t0, m.t1)).collect();
    for (n, t0) in crate::particles::bare_particles(toks, &tails, &triples) {
        let m = &mut mentions[n];
        m.kind = EntityType::Per;
        m.t0 = t0;
        m.span = Span::new(tokens[t0].span.start, m.span.end);
        m.surface = m.span.slice(text).to_string();
    }
}

/// Two persons joined by a hyphen where the first is named by one word ("Trump-Xi
/// Jinping", "Alwi-Alex": a meeting, a doubles pair) are two mentions when that word is a
/// word of another person of the article with a longer name ("Donald Trump"); hyphenated
/// given names ("Jean-Pierre Raffarin") stay whole where no such person is named.
fn split_joined_persons(tokens: &[Token], mentions: &mut Vec<Mention>) {
    let words: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Per && !m.surface.contains('-'))
        .filter(|m| m.surface.split(' ').count() >= 2)
        .flat_map(|m| m.surface.split(' ').map(fold).collect::<Vec<_>>())
        .collect();
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let cut = (m.kind == EntityType::Per)
            .then(|| m.surface.split_once('-'))
            .flatten()
            .filter(|(l, r)| {
                !l.contains(' ')
                    && l.chars().next().is_some_and(char::is_uppercase)
                    && r.chars().next().is_some_and(char::is_uppercase)
                    && words.contains(&fold(l))
            })
            .map(|(l, r)| (l.to_string(), r.to_string()));
        let Some((left, right)) = cut else {
            out.push(m);
            continue;
        };
        let text_at = m.span.start + left.len();
        let t_right = (m.t0..m.t1)
            .find(|&t| tokens[t].span.start <= text_at + 1 && text_at + 1 < tokens[t].span.end)
            .unwrap_or(m.t0)
            .max(m.t0);
        out.push(Mention {
            span: Span::new(m.span.start, text_at),
            surface: left,
            t1: (t_right + 1).min(m.t1),
            ..m.clone()
        });
        out.push(Mention {
            span: Span::new(text_at + 1, m.span.end),
            surface: right,
            t0: t_right,
            ..m
        });
    }
    *mentions = out;
}

fn is_clause_break(t: &str) -> bool {
    matches!(t, "," | ";" | ":" | "—" | "–" | "\"" | "“" | "”")
}

/// The date of a role seen at mention `m` (tokens `ga..gb` are its sentence): the first DATE
/// time expression inside the mention's own clause (commas, semicolons, colons and quotes
/// bound it), when that date lies within the year before publication; otherwise the
/// publication date, since a title in news names the post held when the article is written.
/// A date from another clause ("…, sejak 2003 …") or far older than the article (a past
/// event told with today's title) never dates the role. Without a publication date only
/// the clause's date counts.
fn role_date(
    tokens: &[Token],
    toks: &[&str],
    (ga, gb): (usize, usize),
    m: &Mention,
    times: &[TimeExpr],
    published: Option<&str>,
) -> Option<String> {
    let mut c0 = m.t0.max(ga);
    while c0 > ga && !is_clause_break(toks[c0 - 1]) {
        c0 -= 1;
    }
    let mut c1 = m.t1.min(gb);
    while c1 < gb && !is_clause_break(toks[c1]) {
        c1 += 1;
    }
    if c1 <= c0 {
        return published.map(str::to_string);
    }
    let clause = Span::new(tokens[c0].span.start, tokens[c1 - 1].span.end);
    let recent = |v: &str| match published {
        Some(p) => {
            let year: Option<i32> = p.get(..4).and_then(|y| y.parse().ok());
            let year_before = year.map(|y| format!("{}{}", y - 1, &p[4..]));
            v.as_bytes().first().is_some_and(u8::is_ascii_digit)
                && !v.contains('W')
                && v <= p
                && year_before.is_some_and(|b| v >= &b[..v.len().min(b.len())])
        }
        None => true,
    };
    times
        .iter()
        .find(|t| t.kind == TimeType::Date && clause.contains(&t.span) && recent(&t.value))
        .map(|t| t.value.clone())
        .or_else(|| published.map(str::to_string))
}

/// A leading article of an English name ("The U.S."); in Indonesian text "A" and "An" are
/// names' own words (the Korean surname An: "An Se Young"), only "the" is an article.
fn is_article(folded: &str, lang: Lang) -> bool {
    match folded {
        "the" => true,
        "a" | "an" => lang != Lang::Id,
        _ => false,
    }
}

fn strip_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix("'S"))
}

/// Folds white space runs to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl EntityExtractor {
    /// The extractor with the embedded model and lexicon.
    pub fn load_default() -> Result<EntityExtractor, Error> {
        Ok(EntityExtractor::new(Tagger::load_default()?))
    }

    /// An extractor around a given tagger.
    pub fn new(tagger: Tagger) -> EntityExtractor {
        EntityExtractor {
            tagger,
            lex: Lexicon::embedded(),
            words: Words::embedded(),
        }
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Canonical (type, name) of a surface form via the gazetteer/alias lexicon
    /// ("Jabar" → (GPE, "Jawa Barat"), "AS" → (GPE, "Amerika Serikat")), None if unknown.
    pub fn canonical(&self, surface: &str) -> Option<(EntityType, String)> {
        let s = surface.trim();
        let e = self
            .lex
            .lookup(s)
            .or_else(|| strip_possessive(s).and_then(|b| self.lex.lookup(b)))?;
        Some((e.kind, e.name.clone()))
    }

    /// Canonical role title of a phrase ("Menlu" → "Menteri Luar Negeri"), None if unknown.
    pub fn canonical_title(&self, phrase: &str) -> Option<String> {
        self.lex
            .title_phrases
            .get(phrase)
            .and_then(|i| self.lex.titles.get(i as usize))
            .map(|t| t.name.clone())
    }

    /// Entities of one article: `text` is the cleaned body; `tokens`/`sentences` are
    /// kabar_text's (byte spans); `times` are the article's time expressions (a role is
    /// dated by a recent DATE in its own clause, else by `published`, an ISO string).
    pub fn extract(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Span],
        lang: Lang,
        times: &[TimeExpr],
        published: Option<&str>,
    ) -> Vec<Entity> {
        let toks: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
        // possessives fold to their base, so "Indonesia's" meets the lexicon's "Indonesia"
        let folded: Vec<String> = toks
            .iter()
            .map(|t| fold(strip_possessive(t).unwrap_or(t)))
            .collect();
        let groups = sentence_groups(tokens, sentences);
        let mut mentions: Vec<Mention> = Vec::new();
        // short names defined in brackets after a name: "Asosiasi Platform Digital
        // Indonesia (Aspedi)"; later "Aspedi Hendrawan Lukito" is that body and a person
        let bracketed: Vec<&str> = (2..toks.len().saturating_sub(1))
            .filter(|&i| {
                toks[i - 1] == "("
                    && toks[i + 1] == ")"
                    && is_cap(toks[i])
                    && is_cap(toks[i - 2])
                    && toks[i].chars().filter(|c| c.is_alphabetic()).count() >= 3
            })
            .map(|i| toks[i])
            .collect();
        for (si, &(a, b)) in groups.iter().enumerate() {
            self.sentence_mentions(
                text,
                tokens,
                &toks,
                &folded,
                &bracketed,
                (a, b, si),
                lang,
                &mut mentions,
            );
        }
        self.drop_products(&toks, &folded, &mut mentions);
        self.list_mates(&toks, &folded, &mut mentions);
        self.split_org_padding(text, tokens, &mut mentions);
        split_joined_persons(tokens, &mut mentions);
        drop_fragments(&toks, &mut mentions);
        bare_particle_persons(
            text,
            tokens,
            &toks,
            &|surface| {
                self.canonical(surface)
                    .filter(|(kind, _)| *kind == EntityType::Per)
                    .map(|(_, name)| name)
            },
            &mut mentions,
        );
        if mentions.is_empty() {
            return Vec::new();
        }
        let (ents, mentions) = self.resolve(&toks, mentions);
        self.build(
            tokens, &toks, &folded, &groups, times, published, ents, mentions,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn sentence_mentions(
        &self,
        text: &str,
        tokens: &[Token],
        toks: &[&str],
        folded_all: &[String],
        bracketed: &[&str],
        (a, b, si): (usize, usize, usize),
        lang: Lang,
        out: &mut Vec<Mention>,
    ) {
        let stoks = &toks[a..b];
        let folded = &folded_all[a..b];
        let tagged = self.tagger.spans_folded_lang(stoks, folded, lang);
        // a title-case headline ("Kekesalan Bagnaia Usai Gagal Finis") capitalises common
        // words, so they may pad a person's name there
        let headline = {
            let words: Vec<&&str> = stoks
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            words.len() >= 4 && words.iter().filter(|w| is_cap(w)).count() * 4 >= words.len() * 3
        };
        // punctuation never starts or ends a mention; a person's name holds no lower-case
        // word except name particles ("da", "van", "bin"): "Theresa May greets Israeli
        // Prime Minister Benjamin Netanyahu" is two people
        let mut found: Vec<(usize, usize, EntityType)> = Vec::with_capacity(tagged.len());
        for (s0, e0, kind) in tagged {
            let mut pieces = vec![(s0, e0)];
            if kind == EntityType::Per {
                pieces.clear();
                let mut start = s0;
                for (k, &w) in stoks.iter().enumerate().take(e0).skip(s0) {
                    let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
                    if lower && !self.words.name_particles.contains(w) {
                        if k > start {
                            pieces.push((start, k));
                        }
                        start = k + 1;
                    }
                }
                if e0 > start {
                    pieces.push((start, e0));
                }
            }
            // a short name defined in brackets in front of a person
            let mut kind = kind;
            if kind == EntityType::Per {
                if let Some(&(p0, p1)) = pieces.first() {
                    if bracketed.contains(&stoks[p0]) {
                        if p1 - p0 == 1 {
                            kind = EntityType::Org;
                        } else {
                            found.push((p0, p0 + 1, EntityType::Org));
                            pieces[0] = (p0 + 1, p1);
                        }
                    }
                }
            }
            for (mut a, mut b) in pieces {
                // and no sentence-initial function word: "While Elon Musk", "Namun Budi"
                while a < b
                    && (!folded[a].chars().any(|c| c.is_alphanumeric())
                        || (b - a > 1
                            && kind == EntityType::Per
                            && (kabar_text::is_stopword(&folded[a], lang)
                                || self.words.sentence_openers.contains(&folded[a])
                                || self.words.interjections.contains(&folded[a]))
                            && self.lex.names.get(stoks[a]).is_none()))
                {
                    a += 1;
                }
                while b > a && !folded[b - 1].chars().any(|c| c.is_alphanumeric()) {
                    b -= 1;
                }
                // words news writes in lower case are no part of a person's name where only
                // the sentence start or a headline capitalised them: "[Kekesalan] Bagnaia",
                // "Prabowo [Benahi]"; what is left joins the full name of the article
                // a derived or possessed common noun never starts a name, wherever it
                // stands: "[Kegagalan] Onic", "[Manajernya] Tanri Alanio Silatang"
                while kind == EntityType::Per
                    && b - a > 1
                    && (((a == 0 || headline) && self.tagger.usually_lower(stoks[a]))
                        || self.words.is_derived_noun(stoks[a]))
                    && self.lex.names.get(stoks[a]).is_none()
                {
                    a += 1;
                }
                while kind == EntityType::Per
                    && b - a > 1
                    && headline
                    && self.tagger.usually_lower(stoks[b - 1])
                    && self.lex.names.get(stoks[b - 1]).is_none()
                {
                    b -= 1;
                }
                // degrees after the name: "Budi Santoso, M.Kes", "X SpJP"
                while b > a + 1
                    && kind == EntityType::Per
                    && (self.words.is_degree(stoks[b - 1])
                        || !folded[b - 1].chars().any(|c| c.is_alphanumeric()))
                {
                    b -= 1;
                }
                if b > a {
                    found.push((a, b, kind));
                }
            }
        }
        crate::particles::join_particle_names(
            stoks,
            &self.words.name_particles,
            &|w| self.tagger.usually_lower(w) && self.lex.names.get(w).is_none(),
            headline,
            &mut found,
        );
        // two lexicon names joined by a hyphen in one token ("Jepang-Tiongkok") are
        // names even when the tagger leaves the token untagged; `split_hyphen` later makes
        // them two mentions
        for (k, w) in stoks.iter().enumerate() {
            if found.iter().any(|&(a, b, _)| a <= k && k < b) {
                continue;
            }
            if let Some((left, right)) = w.split_once('-') {
                let cap = |x: &str| x.chars().next().is_some_and(char::is_uppercase);
                if cap(left) && cap(right) && self.lex.lookup(right).is_some() {
                    if let Some(l) = self.lex.lookup(left) {
                        found.push((k, k + 1, l.kind));
                    }
                }
            }
        }
        // clean person spans: honorifics and titles in front, possessive at the end
        // ("Israeli Prime Minister Benjamin Netanyahu", "Menteri Luar Negeri Australia Penny
        // Wong" tagged as one person: the country becomes a mention of its own)
        let mut extra: Vec<(usize, usize, EntityType)> = Vec::new();
        for f in found.iter_mut() {
            if f.2 != EntityType::Per {
                continue;
            }
            let mut after_title = false;
            loop {
                if f.1 - f.0 < 2 {
                    break;
                }
                let w = folded[f.0].as_str();
                let part = self.words.honorifics_part.contains(w);
                if self.words.honorifics.contains(w) && (!part || f.1 - f.0 > 2) {
                    f.0 += 1;
                    continue;
                }
                // a rank's grade word left by the tagger: "[Madya] Harun Prasetya"; a
                // team or company word: "[Racing] Fabio Di Giannantonio", "[Tbk] Hery"
                if (self.words.rank_words.contains(w) || self.words.org_words.contains(w))
                    && f.1 - f.0 > 2
                    && is_cap(stoks[f.0])
                {
                    f.0 += 1;
                    continue;
                }
                // a country or organisation right after a title, or a demonym before one
                if let Some((ne, v)) = self.lex.names.longest_at(stoks, folded, f.0) {
                    let entry = self.lex.entries.get(v as usize);
                    let title_next = self
                        .lex
                        .title_phrases
                        .longest_at(stoks, folded, ne)
                        .is_some();
                    if let Some(entry) = entry.filter(|e| e.kind != EntityType::Per) {
                        if ne < f.1 && is_cap(stoks[ne]) && (after_title || title_next) {
                            extra.push((f.0, ne, entry.kind));
                            f.0 = ne;
                            continue;
                        }
                    }
                }
                if let Some((ae, _)) = self.lex.adjectives.longest_at(stoks, folded, f.0) {
                    if ae < f.1
                        && self
                            .lex
                            .title_phrases
                            .longest_at(stoks, folded, ae)
                            .is_some()
                    {
                        f.0 = ae;
                        continue;
                    }
                }
                match self.lex.title_phrases.longest_at(stoks, folded, f.0) {
                    Some((e, _)) if e < f.1 && is_cap(stoks[e]) => {
                        f.0 = e;
                        after_title = true;
                    }
                    _ => break,
                }
            }
        }
        // a title inside a person span starts the name: "… Polda Metro [Jaya Kompol Dimitri
        // Mahendra]" is Dimitri Mahendra (titles.tsv), the words before it belong to what
        // precedes (a unit, an organisation), not to the person
        for n in 0..found.len() {
            let f = found[n];
            if f.2 != EntityType::Per || f.1 - f.0 < 3 {
                continue;
            }
            let inner = (f.0 + 1..(f.0 + 4).min(f.1 - 1)).find_map(|k| {
                match self.lex.title_phrases.longest_at(stoks, folded, k) {
                    Some((e, _)) if e < f.1 && is_cap(stoks[e]) && is_cap(stoks[k]) => Some((k, e)),
                    _ => None,
                }
            });
            let Some((k, e)) = inner else { continue };
            found[n].0 = e;
            // the words cut off end the organisation right before them ("Polda Metro" +
            // "Jaya"), when there is one
            if let Some(g) = found
                .iter_mut()
                .find(|g| g.2 == EntityType::Org && g.1 == f.0)
            {
                g.1 = k;
            }
        }
        // a country code after a rider's name in a results table: "Johann Zarco FRA"
        for f in found.iter_mut() {
            if f.2 == EntityType::Per && f.1 - f.0 >= 3 {
                let last = stoks[f.1 - 1];
                let n = last.chars().count();
                if (2..=3).contains(&n) && last.chars().all(|c| c.is_ascii_uppercase()) {
                    f.1 -= 1;
                }
            }
        }
        found.extend(extra);
        self.unit_orgs(stoks, folded, &mut found);
        self.split_org_prefix(stoks, folded, &mut found);
        self.extend_after_title(stoks, folded, &mut found);
        // "Komisi Pemberantasan Korupsi ( KPK )" tagged as one span: the name and the
        // abbreviation are two mentions
        let mut split = Vec::with_capacity(found.len());
        for (s, e, kind) in found {
            match (s + 1..e).find(|&k| stoks[k] == "(") {
                Some(p) => {
                    split.push((s, p, kind));
                    if let Some(q) = (p + 1..e).find(|&k| stoks[k] == ")") {
                        if q > p + 1 {
                            split.push((p + 1, q, kind));
                        }
                    } else if e > p + 1 {
                        split.push((p + 1, e, kind));
                    }
                }
                None => split.push((s, e, kind)),
            }
        }
        let mut found = split;
        // snap spans to a longer lexicon name around them: tagged "Korea" in "North
        // Korea", "Amerika" in "Amerika Serikat"
        let owner: Vec<Option<usize>> = {
            let mut o = vec![None; stoks.len()];
            for (n, f) in found.iter().enumerate() {
                for slot in o.iter_mut().take(f.1).skip(f.0) {
                    *slot = Some(n);
                }
            }
            o
        };
        // A longer lexicon name may swallow spans that lie wholly inside it: the tagger's
        // "Democratic People" and "Republic of Korea" are one "Democratic People's
        // Republic of Korea" (North Korea, not South Korea).
        let mut absorbed = vec![false; found.len()];
        let mut snapped = vec![false; found.len()];
        for n in 0..found.len() {
            if absorbed[n] {
                continue;
            }
            let (s0, e0, _) = found[n];
            // a tagged leading article ("The Democratic …") is no start of the name
            let last = s0 + usize::from(e0 - s0 > 1 && is_article(&folded[s0], lang));
            for j in s0.saturating_sub(3)..=last {
                if !is_cap(stoks[j]) {
                    continue;
                }
                let Some((me, v)) = self.lex.names.longest_at(stoks, folded, j) else {
                    continue;
                };
                let inside = (j..me).all(|k| match owner[k] {
                    None => true,
                    Some(m) => m == n || (found[m].0 >= j && found[m].1 <= me),
                });
                // longer than the tagged span, or the very span (then it is a whole name)
                let whole = j == s0 && me == e0;
                if me >= e0 && (me - j > e0 - s0 || whole) && inside {
                    if let Some(entry) = self.lex.entries.get(v as usize) {
                        for m in owner[j..me].iter().flatten() {
                            if *m != n {
                                absorbed[*m] = true;
                            }
                        }
                        found[n] = (j, me, entry.kind);
                        snapped[n] = true;
                    }
                    break;
                }
            }
        }
        let mut found: Vec<((usize, usize, EntityType), bool)> = found
            .into_iter()
            .zip(snapped)
            .zip(absorbed)
            .filter(|(_, gone)| !gone)
            .map(|(f, _)| f)
            .collect();
        // trailing lower-case words and anything after a possessive are not part of a
        // name ("Indonesia's ambassador"), nor is a leading article ("The U.S.")
        // (a whole lexicon name keeps its possessive: "Democratic People's Republic")
        for (f, whole_name) in found.iter_mut() {
            while f.1 - f.0 > 1 && is_article(&folded[f.0], lang) {
                f.0 += 1;
            }
            if let Some(p) = (f.0..f.1).find(|&k| strip_possessive(stoks[k]).is_some()) {
                if !*whole_name {
                    f.1 = p + 1;
                }
            }
            while f.1 - f.0 > 1
                && stoks[f.1 - 1]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
            {
                f.1 -= 1;
            }
        }
        let found: Vec<(usize, usize, EntityType)> = found.into_iter().map(|(f, _)| f).collect();
        // "Sekjen [PBB Ban Ki-moon]" tagged as one organisation after a title: the known
        // organisation or country, then the person
        let mut split2 = Vec::with_capacity(found.len());
        for f in found {
            let after_title = f.2 != EntityType::Per
                && (f.0.saturating_sub(4)..f.0).any(|j| {
                    self.lex
                        .title_phrases
                        .longest_at(&stoks[..f.0], &folded[..f.0], j)
                        .is_some_and(|(e, _)| e == f.0)
                });
            let known = if after_title {
                self.lex.names.longest_at(stoks, folded, f.0)
            } else {
                None
            };
            // a place span running from a known place into two capitalised words or more
            // the lexicon does not know is the place and a person: "[Korea Selatan] [An Se
            // Young]" after "tunggal putri"
            let person_after_place = known.is_none()
                && matches!(f.2, EntityType::Gpe | EntityType::Loc)
                && self
                    .lex
                    .names
                    .longest_at(stoks, folded, f.0)
                    .is_some_and(|(m, v)| {
                        let place =
                            self.lex.entries.get(v as usize).is_some_and(|e| {
                                matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                            });
                        place
                            && f.1 >= m + 2
                            && self.words.type_by_words(&stoks[m..f.1].join(" ")).is_none()
                            && (m..f.1).all(|k| {
                                is_cap(stoks[k])
                                    && self.lex.names.get(stoks[k]).is_none()
                                    && !self.words.place_heads.contains(&folded[k])
                                    && !self.words.org_words.contains(&folded[k])
                            })
                    });
            if person_after_place {
                if let Some((m, v)) = self.lex.names.longest_at(stoks, folded, f.0) {
                    let kind = self.lex.entries.get(v as usize).map_or(f.2, |e| e.kind);
                    split2.push((f.0, m, kind));
                    split2.push((m, f.1, EntityType::Per));
                    continue;
                }
            }
            match known {
                Some((m, v)) if m < f.1 && (m..f.1).all(|k| is_cap(stoks[k])) => {
                    let kind = self
                        .lex
                        .entries
                        .get(v as usize)
                        .map_or(f.2, |entry| entry.kind);
                    split2.push((f.0, m, kind));
                    split2.push((m, f.1, EntityType::Per));
                }
                _ => split2.push(f),
            }
        }
        let mut found = split2;
        // a title is not an organisation: "Australian Foreign Minister" tagged ORG goes,
        // "Menteri Luar Negeri Australia" tagged as one ORG keeps only "Australia"
        found.retain_mut(|f| {
            if f.2 == EntityType::Per {
                return true;
            }
            let mut t = f.0;
            if let Some((e, _)) = self.lex.adjectives.longest_at(stoks, folded, t) {
                t = e;
            }
            let Some((te, _)) = self.lex.title_phrases.longest_at(stoks, folded, t) else {
                return true;
            };
            if te >= f.1 {
                return false;
            }
            match self.lex.names.longest_at(stoks, folded, te) {
                Some((e, v)) if e == f.1 => {
                    f.0 = te;
                    if let Some(entry) = self.lex.entries.get(v as usize) {
                        f.2 = entry.kind;
                    }
                    true
                }
                // a title padded onto an organisation the name's own words type:
                // "[Chief Medical Officer] Mayapada Healthcare"
                _ if f.2 == EntityType::Org
                    && (te..f.1).all(|k| is_cap(stoks[k]))
                    && self.words.type_by_words(&stoks[te..f.1].join(" "))
                        == Some(EntityType::Org) =>
                {
                    f.0 = te;
                    true
                }
                _ => true,
            }
        });
        // gazetteer mentions the tagger missed
        let mut covered = vec![false; stoks.len()];
        for f in &found {
            for c in covered.iter_mut().take(f.1).skip(f.0) {
                *c = true;
            }
        }
        let mut i = 0;
        while i < stoks.len() {
            if covered[i] || !is_cap(stoks[i]) {
                i += 1;
                continue;
            }
            let Some((e, v)) = self.lex.names.longest_at(stoks, folded, i) else {
                i += 1;
                continue;
            };
            let Some(entry) = self.lex.entries.get(v as usize) else {
                i += 1;
                continue;
            };
            let free = (i..e).all(|k| !covered[k]);
            let ok = free
                && (e - i > 1
                    || is_acronym(stoks[i])
                    || (i > 0 && matches!(entry.kind, EntityType::Gpe | EntityType::Per)));
            if ok {
                found.push((i, e, entry.kind));
                i = e;
            } else {
                i += 1;
            }
        }
        // single function words ("He", "Ia", "The") and bare demonyms ("Korean",
        // "Americans") are not entities; the lexicon's names are kept whatever they look like
        found.retain(|f| {
            if f.1 - f.0 != 1 || self.lex.names.get(stoks[f.0]).is_some() {
                return true;
            }
            let low = folded[f.0].as_str();
            let any = if lang == Lang::Unknown {
                Lang::Unknown
            } else {
                lang
            };
            // a title or honorific alone ("Dr") names nobody
            let bare_title = f.2 == EntityType::Per
                && crate::features::is_honorific(low)
                && !self.words.honorifics_part.contains(low);
            !(bare_title
                || kabar_text::is_stopword(low, any)
                || kabar_text::is_stopword(low, Lang::Unknown)
                || self.lex.adjectives.get(stoks[f.0]).is_some()
                || low
                    .strip_suffix('s')
                    .is_some_and(|b| self.lex.adjectives.get(b).is_some()))
        });
        found.sort_by_key(|f| f.0);
        for (s, e, kind) in found {
            let start = tokens[a + s].span.start;
            let mut end = tokens[a + e - 1].span.end;
            let last = toks[a + e - 1];
            if let Some(base) = strip_possessive(last) {
                end -= last.len() - base.len();
            }
            // a reporting verb glued to the name by a missing space: "Arief[mengatakan]"
            if kind == EntityType::Per && is_cap(last) {
                if let Some(n) = crate::features::glued_report_verb(last) {
                    end -= n;
                }
            }
            if end <= start {
                continue;
            }
            for (p0, p1, kind) in self.split_hyphen(text, start, end, kind) {
                let surface = unbracket(&squash(text.get(p0..p1).unwrap_or("")));
                // a site the tagger left a political unit: "Sirkuit Le Mans"
                let kind = match surface.split(' ').next() {
                    Some(w)
                        if kind == EntityType::Gpe && self.words.place_heads.contains(&fold(w)) =>
                    {
                        EntityType::Loc
                    }
                    _ => kind,
                };
                // a team, company, school or site the tagger took for a person or place:
                // "Leopard Racing", "Universitas Airlangga", "Selhurst Park" (the lexicon
                // still decides for the names it knows; an organisation stays one)
                let kind = match self.words.type_by_words(&surface) {
                    Some(t) if kind != EntityType::Org || t == EntityType::Org => t,
                    // a branch of an organisation the tagger took for a place:
                    // "Mayapada Hospital Kuningan"
                    _ if kind != EntityType::Per && self.words.org_word_inside(&surface) => {
                        EntityType::Org
                    }
                    _ => kind,
                };
                // a person's name holds no model code: "Micro RGB R95H" is a product
                let model_code = |w: &str| {
                    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
                };
                // nor a word glued to a code in capitals: "GTWorld", "RRQHoshi" are
                // brands and teams ("McDonald", "LeBron" start with one capital)
                let glued_code = |w: &str| {
                    let mut cs = w.chars();
                    cs.next().is_some_and(char::is_uppercase)
                        && cs.next().is_some_and(char::is_uppercase)
                        && w.chars().any(char::is_lowercase)
                };
                if kind == EntityType::Per
                    && surface.split(' ').any(|w| model_code(w) || glued_code(w))
                {
                    continue;
                }
                if surface.is_empty()
                    || !surface.chars().any(|c| c.is_alphanumeric())
                    || self.words.is_non_entity(&surface)
                {
                    continue;
                }
                // the second of two hyphen-joined names starts in the joining token,
                // so a title before the first is not read as its own
                let t0 = if p0 > start {
                    (a + s..a + e)
                        .find(|&t| tokens[t].span.start <= p0 && p0 < tokens[t].span.end)
                        .map_or(a + s, |t| t.max(a + s + 1).min(a + e - 1))
                } else {
                    a + s
                };
                out.push(Mention {
                    sent: si,
                    t0,
                    t1: a + e,
                    span: Span::new(p0, p1),
                    kind,
                    surface,
                    key: 0,
                });
            }
        }
    }

    /// The organisation a name with a country qualifier names ("Kementerian Kesehatan RI",
    /// "Kemenkes RI", "Badan Gizi Nasional Republik Indonesia"): the lexicon's entry for the
    /// name without the qualifier when it is an organisation (fixed), else — for a mention
    /// tagged ORG or GPE — the name without it, as an organisation, when its shape allows
    /// (`Unqualified::by_shape`).
    /// None keeps the name as written ("Bank Rakyat Indonesia", "Majelis Ulama
    /// Indonesia", "Kementerian Luar Negeri Jepang").
    fn without_country(&self, name: &str, kind: EntityType) -> Option<(EntityType, String, bool)> {
        let u = self.words.strip_country_qualifier(name)?;
        if let Some(e) = self.lex.lookup(&u.base) {
            return (e.kind == EntityType::Org).then(|| (e.kind, e.name.clone(), true));
        }
        // the tagger sometimes takes "Lemhannas RI" for a place; a state body or short
        // name with Indonesia's qualifier is an organisation
        (matches!(kind, EntityType::Org | EntityType::Gpe) && u.by_shape).then_some((
            EntityType::Org,
            u.base,
            false,
        ))
    }

    /// The product cue (`data/lang/id/product_cues.txt`) that is the word right before
    /// token `s`, or a capitalised word of the run of capitalised words that ends at `s`
    /// ("[Bundle] Legendary Eclipse"), or the name's own first word, or (`after` rows)
    /// the word right after the name of `len` tokens ("Bundibugyo [virus]").
    fn after_product_cue(
        &self,
        folded: &[String],
        stoks: &[&str],
        s: usize,
        len: usize,
    ) -> Option<Cue> {
        let cue = |k: usize| {
            let w = &folded[k];
            if self.words.title_cues.contains(w) {
                Some(Cue::Title)
            } else {
                self.words.product_cues.contains(w).then_some(Cue::Label)
            }
        };
        if folded
            .get(s + len)
            .is_some_and(|w| self.words.after_cues.contains(w))
        {
            return Some(Cue::Title);
        }
        if self.words.label_starts.contains(&folded[s]) {
            return Some(Cue::Label);
        }
        if let Some(c) = cue(s) {
            return Some(c);
        }
        let mut k = s;
        while k > 0 && s - k < 4 {
            k -= 1;
            if let Some(c) = cue(k) {
                return Some(c);
            }
            if !is_cap(stoks[k]) {
                break;
            }
        }
        None
    }

    /// True when the word right before token `s` is a reporting verb ("kata", "ujar") or
    /// an honorific: a person's cue. (Not a title: "CEO Anthropic" names the company.)
    fn person_cue(&self, folded: &[String], s: usize) -> bool {
        s > 0 && {
            let w = folded[s - 1].as_str();
            crate::features::is_report_verb(w) || self.words.honorifics.contains(w)
        }
    }

    /// True when a phrase of `org_cues.txt` ends right before token `s` ("perusahaan
    /// [Anthropic]", "raksasa teknologi [Nvidia]").
    fn after_org_cue(&self, folded: &[String], s: usize) -> bool {
        self.words
            .org_cues
            .iter()
            .any(|p| p.len() <= s && folded[s - p.len()..s] == p[..])
    }

    /// True when an organisation cue (`org_cues.txt`) or a company legal form ("PT")
    /// stands right before token `s` of `toks`.
    fn org_cue_before(&self, toks: &[&str], s: usize) -> bool {
        let from = s.saturating_sub(3);
        let folded: Vec<String> = toks[from..s].iter().map(|t| fold(t)).collect();
        let n = folded.len();
        n > 0 && (self.words.legal_forms.contains(&folded[n - 1]) || self.after_org_cue(&folded, n))
    }

    /// Products, games, works' titles, pathogens and app labels are no persons or places,
    /// and companies, makers and clubs are organisations: a mention the lexicon does not
    /// know is dropped (or retyped), with every mention of the same name in the article,
    /// when the name follows a cue anywhere in the article, tagged there or not ("game
    /// Free Fire" makes "di Free Fire" no place; "tap Add DANA" no person; "virus
    /// Bundibugyo" no place; "perusahaan Anthropic" makes "kata Anthropic" the company, but
    /// "perusahaan Korea" leaves the place alone).
    /// After a label cue organisations keep their type ("fitur Canva Pro", "tap DANA"
    /// name the company); after a title cue ("game", "lagu") nothing does. A title cue
    /// wins over an organisation cue, which wins over a label cue.
    fn drop_products(&self, toks: &[&str], folded: &[String], mentions: &mut Vec<Mention>) {
        let mut cue_of: HashMap<&[String], Option<Cue>> = HashMap::new();
        for m in mentions.iter() {
            if m.t1 <= m.t0 || m.t1 > folded.len() || self.lex.lookup(&m.surface).is_some() {
                continue;
            }
            let name = &folded[m.t0..m.t1];
            cue_of.entry(name).or_insert_with(|| {
                let mut best = None;
                let mut said = false;
                for p in 0..=folded.len() - name.len() {
                    if &folded[p..p + name.len()] == name {
                        match self.after_product_cue(folded, toks, p, name.len()) {
                            Some(Cue::Title) => return Some(Cue::Title),
                            Some(Cue::Label) if best.is_none() => best = Some(Cue::Label),
                            _ => {}
                        }
                        if beside_score(toks, p, name.len()) {
                            best = Some(Cue::Team);
                        } else if self.after_org_cue(folded, p) && best != Some(Cue::Team) {
                            best = Some(Cue::Org);
                        }
                        said |= self.person_cue(folded, p);
                    }
                }
                // "perusahaan Ashanty" is also Ashanty's company: a name that speaks
                // ("ujar Ashanty") or bears an honorific stays a person
                if matches!(best, Some(Cue::Org | Cue::Team)) && said {
                    return None;
                }
                best
            });
        }
        mentions.retain_mut(|m| {
            let Some(name) = folded.get(m.t0..m.t1) else {
                return true;
            };
            match cue_of.get(name).copied().flatten() {
                Some(Cue::Title) => false,
                Some(Cue::Label) => m.kind == EntityType::Org,
                // persons only: a place after the cue is the company's country
                // ("perusahaan Korea menyatakan minat")
                Some(Cue::Org) => {
                    if m.kind == EntityType::Per {
                        m.kind = EntityType::Org;
                    }
                    true
                }
                Some(Cue::Team) => {
                    m.kind = EntityType::Org;
                    true
                }
                None => true,
            }
        });
    }

    /// Names listed together are of one kind: in an enumeration of three names or more
    /// ("Dewa United Esports, Evos, Team Liquid ID, dan Onic") where at least two and at
    /// least half are organisations (the lexicon's type, else the tagger's), or one is by
    /// the lexicon or its own words ("… Esports"), and none is a person the lexicon knows, the persons
    /// and places the lexicon does not know are organisations too, with every mention of
    /// the same name in the article — unless one of them speaks or bears an honorific.
    /// Only commas and "dan", "serta", "atau", "and", "or", "&" may stand between the names.
    fn list_mates(&self, toks: &[&str], folded: &[String], mentions: &mut [Mention]) {
        let glue = |w: &str| {
            matches!(
                w.to_lowercase().as_str(),
                "," | "dan" | "serta" | "atau" | "and" | "or" | "&"
            )
        };
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&i| mentions[i].t0);
        let kind_of = |m: &Mention| self.lex.lookup(&m.surface).map_or(m.kind, |e| e.kind);
        let mut to_org: HashSet<Vec<String>> = HashSet::new();
        let mut i = 0;
        while i < order.len() {
            let mut j = i + 1;
            // names the tagger left untagged between two listed mentions count as members
            // ("Evos, [Alter Ego Esports], Geek Fam"): their number, and whether their own
            // words make one an organisation
            let (mut untagged, mut untagged_org) = (0, false);
            while j < order.len() {
                let (a, b) = (&mentions[order[j - 1]], &mentions[order[j]]);
                let gap = toks.get(a.t1..b.t0).unwrap_or(&[]);
                // a sponsor's name joined by "by" is one member: "Bigetron by Vitality"
                if a.sent == b.sent && gap.len() == 1 && gap[0] == "by" {
                    j += 1;
                    continue;
                }
                let first = gap.first().is_some_and(|w| glue(w));
                let last = gap.last().is_some_and(|w| glue(w));
                if a.sent != b.sent
                    || !first
                    || !last
                    || gap.len() > 12
                    || !gap.iter().all(|w| glue(w) || is_cap(w))
                {
                    break;
                }
                for run in gap.split(|w| glue(w)) {
                    if !run.is_empty() {
                        untagged += 1;
                        untagged_org |=
                            self.words.type_by_words(&run.join(" ")) == Some(EntityType::Org);
                    }
                }
                j += 1;
            }
            let chain = &order[i..j];
            let orgs = chain
                .iter()
                .filter(|&&n| kind_of(&mentions[n]) == EntityType::Org)
                .count();
            // an organisation by the lexicon or its own words ("… Esports"), and no
            // person the lexicon knows
            let strong = untagged_org
                || chain.iter().any(|&n| {
                    let m = &mentions[n];
                    self.lex
                        .lookup(&m.surface)
                        .is_some_and(|e| e.kind == EntityType::Org)
                        || self.words.type_by_words(&m.surface) == Some(EntityType::Org)
                });
            let known_person = chain.iter().any(|&n| {
                self.lex
                    .lookup(&mentions[n].surface)
                    .is_some_and(|e| e.kind == EntityType::Per)
            });
            if chain.len() + untagged >= 3
                && !known_person
                && ((orgs >= 2 && orgs * 2 >= chain.len()) || strong)
            {
                for &n in chain {
                    let m = &mentions[n];
                    if m.kind != EntityType::Org && self.lex.lookup(&m.surface).is_none() {
                        if let Some(name) = folded.get(m.t0..m.t1) {
                            to_org.insert(name.to_vec());
                        }
                    }
                }
            }
            i = j;
        }
        if to_org.is_empty() {
            return;
        }
        // a name that speaks ("kata Onic") stays what the tagger made of it
        let said: HashSet<Vec<String>> = mentions
            .iter()
            .filter(|m| self.person_cue(folded, m.t0))
            .filter_map(|m| folded.get(m.t0..m.t1).map(<[String]>::to_vec))
            .collect();
        for m in mentions.iter_mut() {
            let Some(name) = folded.get(m.t0..m.t1) else {
                continue;
            };
            if m.kind != EntityType::Org && to_org.contains(name) && !said.contains(name) {
                m.kind = EntityType::Org;
            }
        }
    }

    /// An organisation padded onto the person after it in one person span ("Mayapada
    /// Healthcare Navin Sonthalia", "Anthropic Dario Amodei"): the organisation, then the
    /// person — when the words in front are a name the article itself has as an
    /// organisation, or end in a word that ends organisations' names ("Healthcare",
    /// "Group", `type_ends.tsv`), and at least two capitalised words remain for the person.
    fn split_org_padding(&self, text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
        let toks: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
        let orgs: HashSet<String> = mentions
            .iter()
            .filter(|m| m.kind == EntityType::Org)
            .map(|m| fold(&m.surface))
            .collect();
        let mut out = Vec::with_capacity(mentions.len());
        for m in mentions.drain(..) {
            let cut = (m.kind == EntityType::Per && m.t1 - m.t0 >= 3)
                .then(|| {
                    // the shortest organisation in front: "[HNPN] La Ode Sabaruddin"
                    (m.t0 + 1..=m.t1 - 2).find(|&k| {
                        let front = toks[m.t0..k].join(" ");
                        let org_front = orgs.contains(&fold(&front))
                            || self.words.is_org_end(toks[k - 1])
                            || self
                                .lex
                                .lookup(&front)
                                .is_some_and(|e| e.kind == EntityType::Org);
                        org_front && (k..m.t1).all(|j| is_cap(toks[j]) && !is_acronym(toks[j]))
                    })
                })
                .flatten();
            let Some(k) = cut else {
                out.push(m);
                continue;
            };
            let piece = |t0: usize, t1: usize, kind: EntityType| {
                let (p0, p1) = (tokens[t0].span.start, tokens[t1 - 1].span.end);
                Mention {
                    sent: m.sent,
                    t0,
                    t1,
                    span: Span::new(p0, p1),
                    kind,
                    surface: unbracket(&squash(text.get(p0..p1).unwrap_or(""))),
                    key: 0,
                }
            };
            out.push(piece(m.t0, k, EntityType::Org));
            out.push(piece(k, m.t1, EntityType::Per));
        }
        *mentions = out;
    }

    /// Two names joined by a hyphen inside one token ("Jepang-Tiongkok", "Prabowo
    /// Subianto-Gibran Rakabuming Raka") are two mentions: when the lexicon knows both
    /// sides, or when both sides of a person span have two words or more. Byte ranges
    /// with their types.
    fn split_hyphen(
        &self,
        text: &str,
        start: usize,
        end: usize,
        kind: EntityType,
    ) -> Vec<(usize, usize, EntityType)> {
        let whole = vec![(start, end, kind)];
        let Some(s) = text.get(start..end) else {
            return whole;
        };
        let cut = s.char_indices().find(|&(i, c)| {
            c == '-'
                && s[..i].chars().last().is_some_and(|p| p.is_alphabetic())
                && s[i + 1..].chars().next().is_some_and(|n| n.is_uppercase())
        });
        let Some((i, _)) = cut else {
            return whole;
        };
        let (left, right) = (s[..i].trim(), s[i + 1..].trim());
        let (ll, rl) = (self.lex.lookup(left), self.lex.lookup(right));
        let words = |x: &str| x.split_whitespace().count();
        match (ll, rl) {
            (Some(l), Some(r)) => vec![(start, start + i, l.kind), (start + i + 1, end, r.kind)],
            _ if kind == EntityType::Per && words(left) >= 2 && words(right) >= 2 => {
                vec![(start, start + i, kind), (start + i + 1, end, kind)]
            }
            _ => whole,
        }
    }

    /// A regional police, military or prosecution unit and its region are one organisation
    /// (`unit_heads.txt`): "Polda Metro Jaya", "Polres Metro Jakarta Selatan", "Kejaksaan
    /// Tinggi Jawa Timur". The unit word takes the capitalised words after it, up to four,
    /// stopping at a title ("Kompol"), an honorific, another unit word or a person's name of
    /// two words or more; the spans the tagger made there give way: a place inside is cut,
    /// a person or organisation reaching into the unit ends before it ("Ditreskrimum" before
    /// "Polda Metro Jaya") or starts after it.
    fn unit_orgs(
        &self,
        stoks: &[&str],
        folded: &[String],
        found: &mut Vec<(usize, usize, EntityType)>,
    ) {
        let head_at = |k: usize| {
            self.words
                .unit_heads
                .iter()
                .filter(|p| folded.get(k..k + p.len()).is_some_and(|w| w == &p[..]))
                .map(Vec::len)
                .max()
        };
        let mut k = 0;
        while k < stoks.len() {
            let Some(len) = head_at(k).filter(|_| is_cap(stoks[k])) else {
                k += 1;
                continue;
            };
            let h = k + len;
            let mut e = h;
            while e < stoks.len()
                && e - h < 4
                && is_cap(stoks[e])
                && folded[e].chars().any(char::is_alphanumeric)
                && head_at(e).is_none()
                && !self.words.honorifics.contains(&folded[e])
                && self
                    .lex
                    .title_phrases
                    .longest_at(stoks, folded, e)
                    .is_none()
                && !found
                    .iter()
                    .any(|f| f.2 == EntityType::Per && f.0 == e && f.1 - f.0 >= 2)
            {
                e += 1;
            }
            // a unit named before its parent unit is one of its own ("Ditreskrimum
            // [Polda …]")
            if e == h && head_at(h).is_none() {
                k = h;
                continue;
            }
            let mut rest = Vec::new();
            found.retain_mut(|f| {
                // one word as a person right in front of the unit is a post's short name
                // ("Kasubdit [Ditreskrimum]"), not a name
                if f.2 == EntityType::Per && f.0 < k && f.1 <= e && f.1 >= k && k - f.0 < 2 {
                    return false;
                }
                if f.1 <= k || f.0 >= e {
                    return true;
                }
                if f.0 < k && f.1 <= e {
                    f.1 = k;
                } else if f.0 >= k && f.1 > e {
                    f.0 = e;
                } else if f.0 < k {
                    // a span holding the unit and more on both sides: the pieces around it
                    rest.push((e, f.1, f.2));
                    f.1 = k;
                } else {
                    return false;
                }
                true
            });
            found.extend(rest);
            found.push((k, e, EntityType::Org));
            k = e;
        }
    }

    /// A team, maker or company glued in front of a person ("Ducati Francesco Bagnaia",
    /// "Moto2 Mario Aji" tagged as one span): the organisation, then the person.
    fn split_org_prefix(
        &self,
        stoks: &[&str],
        folded: &[String],
        found: &mut Vec<(usize, usize, EntityType)>,
    ) {
        let mut extra = Vec::new();
        for f in found.iter_mut() {
            if !matches!(f.2, EntityType::Per | EntityType::Gpe) || f.1 - f.0 < 2 {
                continue;
            }
            // an acronym in front of a person's name: "KAI Bobby Rasyidin"
            if f.2 == EntityType::Per
                && f.1 - f.0 >= 3
                && is_acronym(stoks[f.0])
                && stoks[f.0].chars().count() >= 2
                && (f.0 + 1..f.1).all(|k| is_cap(stoks[k]) && !is_acronym(stoks[k]))
            {
                extra.push((f.0, f.0 + 1, EntityType::Org));
                f.0 += 1;
                continue;
            }
            let Some((ne, v)) = self.lex.names.longest_at(stoks, folded, f.0) else {
                continue;
            };
            let Some(entry) = self.lex.entries.get(v as usize) else {
                continue;
            };
            let rest = f.1.saturating_sub(ne);
            let need = if f.2 == EntityType::Per { 1 } else { 2 };
            if entry.kind == EntityType::Org
                && ne < f.1
                && rest >= need
                && (ne..f.1).all(|k| is_cap(stoks[k]))
                && self.lex.names.longest_at(stoks, folded, ne).is_none()
            {
                extra.push((f.0, ne, EntityType::Org));
                f.0 = ne;
                f.2 = EntityType::Per;
            }
        }
        found.extend(extra);
    }

    /// A capitalised word between a title and the person the tagger found is the person's
    /// first name ("Menteri Keuangan [Purbaya] Yudhi Sadewa"), unless the lexicon knows it
    /// or the title is a generic one that takes a portfolio ("Kepala Biro …").
    fn extend_after_title(
        &self,
        stoks: &[&str],
        folded: &[String],
        found: &mut [(usize, usize, EntityType)],
    ) {
        let covered: Vec<bool> = {
            let mut c = vec![false; stoks.len()];
            for f in found.iter() {
                for x in c.iter_mut().take(f.1).skip(f.0) {
                    *x = true;
                }
            }
            c
        };
        for f in found.iter_mut() {
            if f.2 != EntityType::Per || f.0 < 2 {
                continue;
            }
            let k = f.0 - 1;
            let w = stoks[k];
            let fw = folded[k].as_str();
            let plain = is_cap(w)
                && w.chars().all(|c| c.is_alphabetic())
                && !covered[k]
                && !kabar_text::is_stopword(fw, Lang::Unknown)
                && self.lex.names.get(w).is_none()
                && self.lex.title_phrases.get(w).is_none()
                && !self.words.honorifics.contains(fw)
                && !self.words.rank_words.contains(fw)
                && !self.words.legal_forms.contains(fw)
                && !self.words.is_non_entity(w);
            if !plain {
                continue;
            }
            let mut end = k;
            if end > 0 && stoks[end - 1] == ")" {
                end -= 1;
            }
            let titled = (end.saturating_sub(8)..end).any(|j| {
                self.lex
                    .title_phrases
                    .longest_at(&stoks[..end], &folded[..end], j)
                    .is_some_and(|(e, t)| {
                        e == end
                            && self
                                .lex
                                .titles
                                .get(t as usize)
                                .is_some_and(|t| !self.words.generic_titles.contains(&t.name))
                    })
            });
            if titled {
                f.0 = k;
            }
        }
    }

    /// Assigns every mention to an entity.
    fn resolve(&self, toks: &[&str], mut mentions: Vec<Mention>) -> (Vec<Ent>, Vec<Mention>) {
        let mut ents: Vec<Ent> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        // "Long Name (ABBR)": ABBR → the long name's entity
        let mut acronyms: HashMap<String, usize> = HashMap::new();
        let mut add = |kind: EntityType, name: String, fixed: bool, ents: &mut Vec<Ent>| {
            let id = entity_id(kind, &name);
            *by_id.entry(id).or_insert_with(|| {
                ents.push(Ent {
                    kind,
                    name,
                    fixed,
                    merged_into: None,
                });
                ents.len() - 1
            })
        };
        for m in mentions.iter_mut() {
            // the lexicon overrides the tagger's type: the tagger confuses types of
            // known names ("China" as a person) far more often than news names a person
            // after a country ("Jordan")
            let unlegal = if m.kind == EntityType::Per {
                None
            } else {
                self.words.strip_legal_forms(&m.surface)
            };
            let lexed = self
                .lex
                .lookup(&m.surface)
                .or_else(|| unlegal.as_deref().and_then(|u| self.lex.lookup(u)));
            let unqualified = match lexed {
                None if m.kind != EntityType::Per => {
                    self.without_country(unlegal.as_deref().unwrap_or(&m.surface), m.kind)
                }
                _ => None,
            };
            let key = if let Some(e) = lexed {
                add(e.kind, e.name.clone(), true, &mut ents)
            } else if let Some((kind, name, fixed)) = unqualified {
                add(kind, name, fixed, &mut ents)
            } else if let Some(&k) = acronyms.get(&m.surface) {
                k
            } else {
                let name =
                    if m.kind == EntityType::Per && is_acronym(&m.surface) && m.surface.len() > 3 {
                        title_case(&m.surface)
                    } else {
                        unlegal.clone().unwrap_or_else(|| m.surface.clone())
                    };
                add(m.kind, name, false, &mut ents)
            };
            m.key = key;
            // a bracketed abbreviation right after this mention
            if m.t1 + 2 < toks.len() + 1
                && toks.get(m.t1) == Some(&"(")
                && toks.get(m.t1 + 2) == Some(&")")
            {
                if let Some(abbr) = toks.get(m.t1 + 1) {
                    let short_name = is_acronym(abbr)
                        || (is_cap(abbr)
                            && abbr.chars().filter(|c| c.is_alphabetic()).count() >= 3);
                    // only with evidence: the letters fit the name before the bracket,
                    // or the lexicon gives both one entity
                    let fits = abbreviation_fits(abbr, &m.surface)
                        || self.lex.lookup(abbr).is_some_and(|e| {
                            entity_id(e.kind, &e.name) == entity_id(ents[key].kind, &ents[key].name)
                        });
                    if short_name && fits && m.kind != EntityType::Per {
                        acronyms.insert(abbr.to_string(), key);
                    }
                }
            }
        }
        // acronyms seen before their definition
        for m in mentions.iter_mut() {
            if let Some(&k) = acronyms.get(&m.surface) {
                if k != m.key && !ents[m.key].fixed {
                    ents[m.key].merged_into = Some(k);
                }
            }
        }
        // short references to persons
        let per: Vec<usize> = (0..ents.len())
            .filter(|&i| ents[i].kind == EntityType::Per && ents[i].merged_into.is_none())
            .collect();
        let parts: HashMap<usize, Vec<String>> = per
            .iter()
            .map(|&i| {
                (
                    i,
                    fold(&ents[i].name).split(' ').map(String::from).collect(),
                )
            })
            .collect();
        // a short form of the first name with the same other words is the same person
        // ("Fede Valverde" for "Federico Valverde", "Alex" for "Alexander"); otherwise
        // the bare surname would have two candidates and stay apart
        for &a in &per {
            if let Some(b) = per
                .iter()
                .copied()
                .find(|&b| !ents[a].fixed && b != a && is_short_first_name(&parts[&a], &parts[&b]))
            {
                ents[a].merged_into = Some(b);
            }
        }
        let per: Vec<usize> = per
            .into_iter()
            .filter(|&i| ents[i].merged_into.is_none())
            .collect();
        // a place of one word the lexicon does not know that is a name part of the
        // article's person is that person, typed wrong ("di depan Macron", "Sean" read as a
        // place): merged when exactly one person of the article holds the word
        // The same for an organisation of one word that nothing in the article calls an
        // organisation (no cue such as "perusahaan" or "PT" before it): "rekening
        // Tonny" beside "Tonny Soegiono" is the man, not a company
        let org_cued: HashSet<usize> = mentions
            .iter()
            .filter(|m| ents[m.key].kind == EntityType::Org && self.org_cue_before(toks, m.t0))
            .map(|m| m.key)
            .collect();
        for (i, ent) in ents.iter_mut().enumerate() {
            if ent.fixed
                || ent.merged_into.is_some()
                || !matches!(
                    ent.kind,
                    EntityType::Gpe | EntityType::Loc | EntityType::Org
                )
                || (ent.kind == EntityType::Org && (org_cued.contains(&i) || is_acronym(&ent.name)))
                || ent.name.contains(' ')
            {
                continue;
            }
            let word = fold(&ent.name);
            let holders: Vec<usize> = per
                .iter()
                .copied()
                .filter(|b| parts[b].len() >= 2 && parts[b].contains(&word))
                .collect();
            if let [b] = holders[..] {
                ent.merged_into = Some(b);
            }
        }
        for &a in &per {
            if ents[a].fixed {
                continue;
            }
            let pa = &parts[&a];
            let mut cands: Vec<usize> = per
                .iter()
                .copied()
                .filter(|&b| b != a && parts[&b].len() > pa.len() && is_subsequence(pa, &parts[&b]))
                .collect();
            // keep only the maximal candidates (a longer name containing a shorter one is
            // the same person: "Retno Marsudi" ⊂ "Retno L P Marsudi")
            let snapshot = cands.clone();
            cands.retain(|&c| {
                !snapshot.iter().any(|&d| {
                    d != c
                        && parts[&d].len() > parts[&c].len()
                        && is_subsequence(&parts[&c], &parts[&d])
                })
            });
            if cands.len() == 1 {
                ents[a].merged_into = Some(cands[0]);
            }
        }
        // a "person" of one word that no person of the article holds but that starts
        // exactly one organisation's name of the article is that organisation's short
        // name ("Selain Dewa dan Geek" beside "Dewa United Esports"), unless it speaks or
        // bears an honorific ("kata Dewa")
        let said: HashSet<usize> = mentions
            .iter()
            .filter(|m| {
                m.t0 > 0 && {
                    let w = fold(toks[m.t0 - 1]);
                    crate::features::is_report_verb(&w) || self.words.honorifics.contains(&w)
                }
            })
            .map(|m| m.key)
            .collect();
        let org_firsts: Vec<(usize, String)> = (0..ents.len())
            .filter(|&i| {
                ents[i].kind == EntityType::Org
                    && ents[i].merged_into.is_none()
                    && ents[i].name.contains(' ')
            })
            .filter_map(|i| Some((i, fold(ents[i].name.split(' ').next()?))))
            .collect();
        for &a in &per {
            if ents[a].fixed
                || ents[a].merged_into.is_some()
                || said.contains(&a)
                || parts[&a].len() != 1
            {
                continue;
            }
            let word = &parts[&a][0];
            if per.iter().any(|&b| b != a && parts[&b].contains(word)) {
                continue;
            }
            let owners: Vec<usize> = org_firsts
                .iter()
                .filter(|(_, f)| f == word)
                .map(|&(i, _)| i)
                .collect();
            if let [o] = owners[..] {
                ents[a].merged_into = Some(o);
            }
        }
        // follow merge chains
        for m in mentions.iter_mut() {
            let mut k = m.key;
            let mut guard = 0;
            while let Some(n) = ents[k].merged_into {
                k = n;
                guard += 1;
                if guard > ents.len() {
                    break;
                }
            }
            m.key = k;
        }
        (ents, mentions)
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        &self,
        tokens: &[Token],
        toks: &[&str],
        folded: &[String],
        groups: &[(usize, usize)],
        times: &[TimeExpr],
        published: Option<&str>,
        ents: Vec<Ent>,
        mentions: Vec<Mention>,
    ) -> Vec<Entity> {
        let mut order: Vec<usize> = Vec::new();
        let mut out: HashMap<usize, Entity> = HashMap::new();
        for m in &mentions {
            let e = &ents[m.key];
            let ent = out.entry(m.key).or_insert_with(|| {
                order.push(m.key);
                Entity {
                    id: entity_id(e.kind, &e.name),
                    name: e.name.clone(),
                    kind: e.kind,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                }
            });
            ent.mentions.push(m.span);
            if m.surface != ent.name
                && !ent.aliases.contains(&m.surface)
                && kabar_core::names::readable_alias(&m.surface)
            {
                ent.aliases.push(m.surface.clone());
            }
        }
        // roles
        let mention_at: HashMap<usize, usize> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.t0, i))
            .collect();
        let published_date = published.map(|p| p.split('T').next().unwrap_or(p).to_string());
        for m in mentions
            .iter()
            .filter(|m| ents[m.key].kind == EntityType::Per)
        {
            let (ga, gb) = groups[m.sent];
            // a post held in the past ("mantan Presiden X", "X, former minister") is not
            // dated by this article
            let former = (m.t0.saturating_sub(12).max(ga)..m.t0)
                .chain(
                    (toks.get(m.t1) == Some(&","))
                        .then(|| m.t1 + 1..(m.t1 + 3).min(gb))
                        .into_iter()
                        .flatten(),
                )
                .any(|k| self.words.former_words.contains(&folded[k]));
            let date = if former {
                None
            } else {
                role_date(tokens, toks, (ga, gb), m, times, published_date.as_deref())
            };
            let found = self
                .role_before(toks, folded, &mentions, &mention_at, &ents, m, ga)
                .or_else(|| self.role_after(toks, folded, &mentions, &mention_at, &ents, m, gb));
            if let Some((title, of)) = found {
                let role = Role { title, of, date };
                if let Some(ent) = out.get_mut(&m.key) {
                    if !ent.roles.contains(&role) {
                        ent.roles.push(role);
                    }
                }
            }
        }
        let mut res: Vec<Entity> = order.into_iter().filter_map(|k| out.remove(&k)).collect();
        // "Presiden" without a country next to "Presiden" of France on the same date says
        // nothing more
        for e in res.iter_mut() {
            let full: Vec<(String, Option<String>)> = e
                .roles
                .iter()
                .filter(|r| r.of.is_some())
                .map(|r| (r.title.clone(), r.date.clone()))
                .collect();
            e.roles
                .retain(|r| r.of.is_some() || !full.contains(&(r.title.clone(), r.date.clone())));
        }
        for e in res.iter_mut() {
            e.mentions.sort();
            e.mentions.dedup();
        }
        res
    }

    /// The entity ID of the GPE/ORG mention starting at token `t`, with its end token.
    fn org_at(
        &self,
        toks: &[&str],
        mentions: &[Mention],
        mention_at: &HashMap<usize, usize>,
        ents: &[Ent],
        t: usize,
    ) -> Option<(usize, String)> {
        if let Some(&mi) = mention_at.get(&t) {
            let m = &mentions[mi];
            let e = &ents[m.key];
            if e.kind != EntityType::Per {
                return Some((m.t1, entity_id(e.kind, &e.name)));
            }
            return None;
        }
        let w = toks.get(t)?;
        let base = strip_possessive(w).unwrap_or(w);
        if let Some(e) = self.lex.adjective(base).or_else(|| {
            self.lex
                .lookup(base)
                .filter(|e| e.kind != EntityType::Per && is_cap(base))
        }) {
            return Some((t + 1, e.id.clone()));
        }
        None
    }

    /// Title (with an optional "Wakil"/"Deputy" before it) matched at token `j`:
    /// `(end token, canonical title, implied organisation ID)`.
    fn title_at(
        &self,
        toks: &[&str],
        folded: &[String],
        j: usize,
    ) -> Option<(usize, String, Option<String>)> {
        let (mut e, v) = self.lex.title_phrases.longest_at(toks, folded, j)?;
        let t = self.lex.titles.get(v as usize)?;
        let mut name = t.name.clone();
        let implied = t
            .implied_of
            .and_then(|i| self.lex.entries.get(i as usize))
            .map(|e| e.id.clone());
        // "Wakil Menteri Luar Negeri" when the list has only "Wakil Menteri" + "Menteri …"
        if name == "Wakil Menteri" {
            if let Some((e2, v2)) = self.lex.title_phrases.longest_at(toks, folded, e) {
                if let Some(t2) = self.lex.titles.get(v2 as usize) {
                    if t2.name.starts_with("Menteri ") {
                        name = format!("Wakil {}", t2.name);
                        e = e2;
                    }
                }
            }
        }
        Some((e, name, implied))
    }

    /// "Menteri Luar Negeri Australia Penny Wong", "Australian Foreign Minister Penny Wong",
    /// "Duta Besar Jepang untuk Indonesia X", "Wakil Menteri Keuangan X".
    #[allow(clippy::too_many_arguments)]
    fn role_before(
        &self,
        toks: &[&str],
        folded: &[String],
        mentions: &[Mention],
        mention_at: &HashMap<usize, usize>,
        ents: &[Ent],
        m: &Mention,
        sent_start: usize,
    ) -> Option<(String, Option<String>)> {
        let lo = m.t0.saturating_sub(12).max(sent_start);
        for j in lo..m.t0 {
            let Some((e, mut title, implied)) = self.title_at(&toks[..m.t0], &folded[..m.t0], j)
            else {
                continue;
            };
            // a generic title takes the portfolio after it: "Menteri Investasi",
            // "Kepala Biro Pers" (capitalised words that are no mention, "dan" between)
            let mut k = e;
            if self.words.generic_titles.contains(&title) {
                let mut words: Vec<&str> = Vec::new();
                let mut q = k;
                while q < m.t0 {
                    let w = toks[q];
                    if mention_at.contains_key(&q) {
                        break;
                    }
                    if is_cap(w) || (matches!(w, "dan" | "and" | "of") && !words.is_empty()) {
                        words.push(w);
                        q += 1;
                    } else {
                        break;
                    }
                }
                while words.last().is_some_and(|w| !is_cap(w)) {
                    words.pop();
                }
                if !words.is_empty() {
                    k += words.len();
                    title = format!("{title} {}", words.join(" "));
                }
            }
            // the gap between title and name: country/organisation and glue only
            let mut of: Option<String> = None;
            let mut ok = true;
            while k < m.t0 {
                if let Some((end, id)) = self.org_at(toks, mentions, mention_at, ents, k) {
                    if end > m.t0 {
                        ok = false;
                        break;
                    }
                    of.get_or_insert(id);
                    k = end;
                } else if self.words.role_glue.contains(&folded[k])
                    || matches!(toks[k], "(" | ")")
                    || self.words.post_ordinals.contains(&folded[k])
                {
                    // glue, a bracket, or the post's number ("Wakil Menteri Keuangan
                    // Pertama X")
                    k += 1;
                } else if toks[k] == ","
                    && k + 1 == m.t0
                    && matches!(toks.get(m.t1), Some(&",") | Some(&".") | None)
                {
                    // "Menteri Luar Negeri Jepang, Takeshi Iwaya, berkata"
                    k += 1;
                } else if let Some((te, _)) =
                    self.lex
                        .title_phrases
                        .longest_at(&toks[..m.t0], &folded[..m.t0], k)
                {
                    // the title repeated in brackets: "Menteri Luar Negeri (Menlu) Sugiono"
                    k = te;
                } else {
                    ok = false;
                    break;
                }
            }
            if !ok {
                continue;
            }
            // a qualifier in front: "Wakil", "Deputy", or a country ("Australian Foreign
            // Minister", "Indonesia's ambassador")
            if j > sent_start {
                let p = folded[j - 1].as_str();
                if matches!(p, "wakil" | "deputy" | "vice") && !title.starts_with("Wakil") {
                    title = format!("Wakil {title}");
                } else if of.is_none() {
                    if let Some((_, id)) = self.org_at(toks, mentions, mention_at, ents, j - 1) {
                        of = Some(id);
                    }
                }
            }
            return Some((title, of.or(implied)));
        }
        None
    }

    /// "Penny Wong, Menteri Luar Negeri Australia", "X, juru bicara Kemlu",
    /// "X, Indonesia's ambassador to Japan".
    #[allow(clippy::too_many_arguments)]
    fn role_after(
        &self,
        toks: &[&str],
        folded: &[String],
        mentions: &[Mention],
        mention_at: &HashMap<usize, usize>,
        ents: &[Ent],
        m: &Mention,
        sent_end: usize,
    ) -> Option<(String, Option<String>)> {
        let mut k = m.t1;
        if !matches!(toks.get(k), Some(&",") | Some(&"(")) {
            return None;
        }
        k += 1;
        let hi = (k + 14).min(sent_end);
        let mut of: Option<String> = None;
        let mut deputy = false;
        while k < hi {
            let f = folded[k].as_str();
            if self.words.appos_lead.contains(f) {
                k += 1;
            } else if matches!(f, "wakil" | "deputy" | "vice") {
                deputy = true;
                k += 1;
            } else if self.title_at(&toks[..hi], &folded[..hi], k).is_none() {
                // "Indonesia's ambassador", "Australian Foreign Minister"
                match self.org_at(toks, mentions, mention_at, ents, k) {
                    Some((end, id)) if end < hi => {
                        of = Some(id);
                        k = end;
                    }
                    _ => return None,
                }
            } else {
                break;
            }
        }
        let (e, mut title, implied) = self.title_at(&toks[..hi], &folded[..hi], k)?;
        if deputy && !title.starts_with("Wakil") {
            title = format!("Wakil {title}");
        }
        // what follows the title: its country/organisation, then the end of the
        // apposition — unless a person follows, whose title it then is ("Didit, Menteri
        // Investasi Rosan Roeslani, dan …")
        let mut j = e;
        while j < hi {
            if let Some(&mi) = mention_at.get(&j) {
                if ents[mentions[mi].key].kind == EntityType::Per {
                    return None;
                }
            }
            if let Some((end, id)) = self.org_at(toks, mentions, mention_at, ents, j) {
                of.get_or_insert(id);
                j = end;
            } else if self.words.role_glue.contains(&folded[j]) {
                j += 1;
            } else {
                break;
            }
        }
        for (k, w) in toks.iter().enumerate().take((e + 10).min(hi)).skip(j) {
            if matches!(*w, "," | "." | ";" | ":") {
                break;
            }
            if let Some(&mi) = mention_at.get(&k) {
                if ents[mentions[mi].key].kind == EntityType::Per {
                    return None;
                }
            }
        }
        Some((title, of.or(implied)))
    }
}

/// A mention's text without brackets that open or close nothing inside it
/// ("Kementerian) Keuangan" → "Kementerian Keuangan"; "Partai Amanat Nasional (PAN)" kept).
fn unbracket(s: &str) -> String {
    let open = s.matches('(').count();
    let close = s.matches(')').count();
    if open == close && !s.starts_with(')') {
        return s.to_string();
    }
    squash(&s.replace(['(', ')'], " "))
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(|x| x.to_lowercase()))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when an abbreviation can be read off a long name (Schwartz & Hearst 2003): its
/// letters appear in the name in order, the first at the start of a word. Covers
/// initialisms ("KPK" ← "Komisi Pemberantasan Korupsi") and the syllable abbreviations of
/// Indonesian ("Kemenkes" ← "Kementerian Kesehatan", "Komdigi" ← "Komunikasi dan
/// Digital"); rejects neighbours that merely stand next to a name ("Indonesia (KBBI)").
/// Written by hand: the algorithm is a dozen lines and no crate offers it.
pub fn abbreviation_fits(short: &str, long: &str) -> bool {
    let s: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let l: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    if s.is_empty() || l.is_empty() {
        return false;
    }
    let mut li = l.len() as isize - 1;
    // one vowel added for pronunciation may stand in no word ("Aspedi" ← "Asosiasi
    // Platform Digital Indonesia")
    let mut spare_vowel = s.len() >= 5;
    for si in (0..s.len()).rev() {
        let c = s[si];
        let saved = li;
        while li >= 0 {
            let here = l[li as usize];
            let word_start = li == 0 || !l[li as usize - 1].is_alphanumeric();
            if here == c && (si > 0 || word_start) {
                break;
            }
            li -= 1;
        }
        if li < 0 {
            if spare_vowel && si > 0 && "aeiou".contains(c) {
                spare_vowel = false;
                li = saved;
                continue;
            }
            return false;
        }
        li -= 1;
    }
    true
}

/// True when every part of `a` appears in `b` in order.
/// Least length of a short first name ("Fede", "Alex"): shorter prefixes ("Al", "Mo")
/// are too often other names.
const SHORT_FIRST_NAME: usize = 4;

/// Whether name `a` is name `b` with its first word shortened: the same number of words
/// (two or more), the same words after the first, and `a`'s first word a proper prefix of
/// `b`'s of at least [`SHORT_FIRST_NAME`] letters ("fede valverde", "federico valverde").
fn is_short_first_name(a: &[String], b: &[String]) -> bool {
    a.len() >= 2
        && a.len() == b.len()
        && a[1..] == b[1..]
        && a[0].chars().count() >= SHORT_FIRST_NAME
        && a[0].len() < b[0].len()
        && b[0].starts_with(a[0].as_str())
}

fn is_subsequence(a: &[String], b: &[String]) -> bool {
    let mut it = b.iter();
    a.iter().all(|x| it.any(|y| y == x))
}

/// Token index ranges of the sentences (tokens outside every sentence form their own
/// groups); long stretches are cut into chunks of [`MAX_CHUNK`] tokens.
fn sentence_groups(tokens: &[Token], sentences: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        let mut s = a;
        while s < b {
            let e = (s + MAX_CHUNK).min(b);
            out.push((s, e));
            s = e;
        }
    };
    for s in sentences {
        let a = i;
        while i < tokens.len() && tokens[i].span.start < s.end {
            i += 1;
        }
        if i > a {
            push(a, i, &mut out);
        }
    }
    if i < tokens.len() {
        push(i, tokens.len(), &mut out);
    }
    out
}
