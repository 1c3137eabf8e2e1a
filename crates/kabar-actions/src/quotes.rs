//! Quote extraction: direct quotes between quotation marks with a reporting verb before or
//! after, reported speech ("X mengatakan bahwa …", "menurut X, …", "…, kata X"), and
//! partial quotes inside reported speech.

use crate::doc::{heads, is_in, Doc, Hit, HitKind, Mention};
use crate::lexicon::{Report, ReportVerb};
use crate::words::words;
use kabar_core::{EntityType, Plover, Quote, Span};

/// A pair of quotation marks: the content span (inside the marks) and the outer span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Marks {
    pub inner: Span,
    pub outer: Span,
}

/// Longest quote looked for (bytes): far beyond any quoted paragraph in news.
const MAX_QUOTE_BYTES: usize = 6000;

/// Finds quotation-mark pairs that open and close within one paragraph.
pub(crate) fn find_marks(text: &str) -> Vec<Marks> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(off) = text.get(from..).and_then(|r| r.find(['“', '"', '‘', '«'])) {
        let i = from + off;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        from = i + c.len_utf8();
        let close: &[char] = match c {
            '“' => &['”', '"'],
            '"' => &['"', '”'],
            '‘' => &['’'],
            '«' => &['»'],
            _ => continue,
        };
        // an ASCII quote right after a letter is a closing one of a pair we missed
        if c == '"'
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let start = i + c.len_utf8();
        let rest = &text[start..];
        let mut found = None;
        for (j, d) in rest.char_indices() {
            if d == '\n' && rest[j + 1..].starts_with('\n') {
                break; // quotes do not run across paragraphs
            }
            if j > MAX_QUOTE_BYTES {
                break; // keeps unclosed marks in huge paragraphs linear
            }
            if close.contains(&d) {
                // ’ followed by a letter is an apostrophe
                if d == '’'
                    && rest[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                found = Some((j, d.len_utf8()));
                break;
            }
            if d == '“' && c == '“' {
                break; // an unclosed quote that runs into the next one
            }
        }
        let Some((j, l)) = found else {
            continue;
        };
        let end = start + j;
        out.push(Marks {
            inner: Span::new(start, end),
            outer: Span::new(i, end + l),
        });
        from = end + l;
    }
    out
}

fn trim_content(text: &str, mut s: Span) -> Span {
    let t = s.slice(text);
    let lead = t.len() - t.trim_start().len();
    s.start += lead;
    let t = s.slice(text);
    let t2 = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    s.end = s.start + t2.len();
    s
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    /// (end byte, speaker) of quotes found so far, for "-nya" continuation.
    /// Unresolved speakers count too: "-nya" after an unknown speaker stays unknown.
    speakers: Vec<(usize, Option<String>)>,
}

impl Ctx<'_, '_> {
    /// The speaker a pronoun at `b` refers to ("…," katanya / kata dia): the last quote
    /// speaker within the two previous sentences (an unknown one stays unknown); else the
    /// person who is the subject of this or the previous sentence; else the last resolved
    /// quote speaker of the article (news returns to its main speaker with "-nya"); else
    /// the only person in reach.
    fn pronoun(&self, b: usize) -> Option<String> {
        let s = self.doc.sentence_of(b).unwrap_or(0);
        let from = self
            .doc
            .sentences
            .get(s.saturating_sub(2))
            .map(|x| x.start)
            .unwrap_or(0);
        if let Some((e, sp)) = self.speakers.last() {
            if *e >= from && *e <= b {
                return sp.clone();
            }
        }
        (s.saturating_sub(1)..=s)
            .rev()
            .find_map(|i| self.subject_person(i))
            .or_else(|| {
                self.speakers
                    .iter()
                    .rev()
                    .find_map(|(e, sp)| sp.clone().filter(|_| *e <= b))
            })
            .or_else(|| self.doc.resolve_person(b))
    }

    /// The person who opens sentence `i` as its subject (within its first eight tokens,
    /// not after a preposition, not inside a quotation).
    fn subject_person(&self, i: usize) -> Option<String> {
        let doc = self.doc;
        let sent = *doc.sentences.get(i)?;
        let m = doc
            .mentions_in(sent.start, sent.end)
            .iter()
            .find(|m| !m.anaphor)?;
        // only a subject who speaks there ("Menkeu X menolak keras …", "Ia menilai …");
        // narrative subjects between quotes (suspects, witnesses) are not the speaker
        let speaks = doc.hits.iter().any(|h| {
            sent.contains(&h.span)
                && h.span.start >= m.span.end
                && match h.kind {
                    HitKind::Report(_) => true,
                    HitKind::Action(t) => matches!(
                        t.plover,
                        Plover::Disapprove
                            | Plover::Reject
                            | Plover::Demand
                            | Plover::Threaten
                            | Plover::Support
                    ),
                }
        });
        (m.kind == EntityType::Per
            && speaks
            && doc.toks_between(sent.start, m.span.start).len() <= 8
            && !is_in(doc.prep_of(m), &words().preps)
            && !doc.in_quote(m.span))
        .then(|| m.ids.first().cloned())
        .flatten()
    }

    /// A speaker may be a person or an organisation; a country or place only as
    /// "pemerintah X" / "the government of X" (never a place named near the verb:
    /// "kata Purbaya … di Bogor").
    fn speaker_ok(&self, m: &Mention) -> bool {
        match m.kind {
            EntityType::Per | EntityType::Org => true,
            EntityType::Gpe => {
                let i = self.doc.tok_from(m.span.start);
                i > 0 && is_in(self.doc.word(i - 1), &words().government_noun)
            }
            _ => false,
        }
    }

    /// A person of the article whose name holds the capitalised word at token `i`
    /// ("kata Purbaya" when the tagger missed this mention of Purbaya Yudhi Sadewa).
    fn known_person_at(&self, i: usize) -> Option<String> {
        self.known_at(i, EntityType::Per, |name, w| {
            name.split_whitespace().any(|x| x == w)
        })
    }

    /// An organisation of the article named by exactly the capitalised word at token `i`
    /// ("MSCI" where the tagger found "MSCI" elsewhere but missed this mention).
    fn known_org_at(&self, i: usize) -> Option<String> {
        self.known_at(i, EntityType::Org, |name, w| name == w)
    }

    /// The one entity of `kind` named elsewhere in the article whose mention text
    /// `fits` the capitalised word (of 3 or more letters) at token `i`.
    fn known_at(
        &self,
        i: usize,
        kind: EntityType,
        fits: impl Fn(&str, &str) -> bool,
    ) -> Option<String> {
        let w = self.doc.word(i);
        if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() < 3 {
            return None;
        }
        let ids: std::collections::BTreeSet<&String> = self
            .doc
            .mentions
            .iter()
            .filter(|m| m.kind == kind && !m.anaphor)
            .filter(|m| fits(m.span.slice(self.doc.text), w))
            .filter_map(|m| m.ids.first())
            .collect();
        (ids.len() == 1)
            .then(|| ids.into_iter().next().cloned())
            .flatten()
    }

    /// Speaker named right after byte `a` (within `n` tokens, before `b`). A place is
    /// the speaker only right after the verb; further on it is a venue or part of a title
    /// ("kata Purbaya … di Bogor", "ujar jubir Kemlu Tiongkok Guo Ming" → Guo Ming).
    fn speaker_after(&self, a: usize, b: usize, n: usize) -> Option<String> {
        let doc = self.doc;
        // "kata Putri dalam keterangannya melalui PBSI", "dilansir Reuters", "kepada
        // wartawan": a channel, relay or addressee is not the speaker
        let ms: Vec<&Mention> = doc
            .mentions_in(a, b)
            .iter()
            .filter(|m| !is_in(doc.prep_of(m), &words().relay))
            .collect();
        // "tulis pengumuman MSCI", "kata keterangan resmi Kemenkes": the author of a
        // document, named by a word the tagger missed here but found elsewhere
        let fallback = || {
            let mut i = doc.tok_from(a);
            let end = doc.tok_from(b);
            while i < end && is_in(doc.word(i), &words().document_noun) {
                i += 1;
            }
            self.known_person_at(i).or_else(|| self.known_org_at(i))
        };
        let Some(first) = ms
            .first()
            .filter(|m| doc.toks_between(a, m.span.start).len() <= n)
        else {
            return fallback();
        };

        let mut conj: Vec<&Mention> = vec![first];
        for w in ms.windows(2) {
            if doc.gap(w[0].span.end, w[1].span.start) == Some(false) {
                conj.push(w[1]);
            } else {
                break;
            }
        }
        let head = heads(&[conj.clone()], false).into_iter().next();
        let head_m = conj
            .iter()
            .find(|m| m.ids.first() == head.as_ref())
            .copied();
        match head_m {
            Some(m) if self.speaker_ok(m) || doc.toks_between(a, m.span.start).is_empty() => head,
            _ => fallback(),
        }
    }

    /// Speaker named right before byte `b` (the subject of a reporting verb).
    fn speaker_before(&self, a: usize, b: usize) -> Option<String> {
        let doc = self.doc;
        let ms: Vec<&Mention> = doc
            .mentions_in(a, b)
            .iter()
            .filter(|m| m.anaphor || !is_in(doc.prep_of(m), &words().preps))
            .collect();
        // a country right before the verb is its subject ("Tiongkok menyatakan …"); one
        // further away is a place in the speaker's title ("Kapolrestabes Makassar Kombes
        // Arya menyebut") or a venue
        let capital = |i: usize| doc.word(i).chars().next().is_some_and(char::is_uppercase);
        let subject_gpe = |m: &Mention| {
            let i = doc.tok_from(m.span.start);
            m.kind == EntityType::Gpe
                // not a place after a preposition, nor one modifying a common noun
                // ("media lokal Iran menyebut")
                // only the clause's own subject: at the sentence start or after a
                // conjunction, comma or "pemerintah"; after a capitalised word or ")" it
                // ends a speaker's title ("Menteri Keuangan Israel", "Dinas SDA DKI Jakarta",
                // "Militer Israel"), and the country is not the speaker
                && (i == 0 || doc.tokens[i - 1].span.end <= doc.sentences[doc.sentence_of(m.span.start).unwrap_or(0)].start || {
                    let p = doc.word(i - 1);
                    p == "," || is_in(p, &words().subject_opener)
                })
                && !doc.toks_between(m.span.end, b).any(capital)
        };
        let Some(last) = ms
            .last()
            .copied()
            .filter(|m| self.speaker_ok(m) || subject_gpe(m))
        else {
            // the subject's name was not tagged: a known person's name in the capitalised
            // words just before the verb
            let i = doc.tok_from(b);
            return (i.saturating_sub(4)..i)
                .rev()
                .take_while(|&j| doc.word(j).chars().next().is_some_and(char::is_uppercase))
                .find_map(|j| self.known_person_at(j));
        };
        let gap = doc.toks_between(last.span.end, b);
        // a comma right after the name closes an apposition ("Kuasa hukumnya, X, menyebut");
        // elsewhere it, or a subordinator, puts the name in another clause
        let first = gap.start;
        // "X pada Selasa (4/4) menyatakan": brackets and slashes of a date do not count
        let gap_words = gap
            .clone()
            .filter(|&i| {
                doc.word(i)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            })
            .count();
        if gap_words > 6
            || gap.clone().any(|i| {
                let w = doc.word(i);
                (w == "," && i != first)
                    || (is_in(w, &words().clause_end) && !is_in(w, &words().contrast))
            })
        {
            return None;
        }
        let mut conj: Vec<&Mention> = vec![last];
        for w in ms.windows(2).rev() {
            if doc.gap(w[0].span.end, w[1].span.start) == Some(false) {
                conj.insert(0, w[0]);
            } else {
                break;
            }
        }
        heads(&[conj], true).into_iter().next()
    }
}

/// "… itu"/"… tersebut" closing up to eight lower-case words right after byte `a` (a
/// definite description: "pebulutangkis berusia 31 tahun itu"); its end byte.
fn description_end(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let r = doc.toks_between(a, b);
    let first = r.start;
    // "sumber tersebut", "dokumen itu": not a person named before
    if is_in(doc.word(first), &words().non_person_description) {
        return None;
    }
    // "ujar eks Wakil Menteri Hukum dan HAM ini": a person title may open a capitalised
    // description, closed by "ini" as well
    let titled = is_in(doc.word(first), crate::lexicon::person_titles());
    for i in r.take(9) {
        let w = doc.word(i);
        let closes = is_in(w, &words().definite) || (titled && is_in(w, &words().demonstrative));
        if closes && i > first + 1 {
            return Some(doc.tokens[i].span.end);
        }
        let lower = w
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if !(lower || titled) || is_in(w, &words().description_stop) {
            return None;
        }
    }
    None
}

fn is_pronoun_word(w: &str) -> bool {
    is_in(w, &words().pronoun_speaker)
}

/// Extracts the quotes of one article; also returns the spans of direct quotes, inside
/// which no action is extracted.
pub(crate) fn extract_quotes(doc: &Doc, marks: &[Marks]) -> Vec<Quote> {
    let text = doc.text;
    let mut cx = Ctx {
        doc,
        speakers: Vec::new(),
    };
    let mut out: Vec<Quote> = Vec::new();
    let reports: Vec<&Hit> = doc
        .hits
        .iter()
        .filter(|h| match h.kind {
            HitKind::Report(_) => true,
            // "X membantah bahwa …", "Y warned that …": speech acts that report speech
            HitKind::Action(t) => {
                matches!(t.kind, "warn" | "deny" | "accuse" | "threaten" | "report")
                    && matches!(t.voice, crate::lexicon::Voice::Active)
                    && is_in(doc.word(doc.tok_from(h.span.end)), &words().complementizer)
            }
        })
        .filter(|h| {
            // marks are sorted and disjoint: only the last one opening before h can hold it
            let i = marks.partition_point(|m| m.inner.start <= h.span.start);
            i == 0 || !marks[i - 1].inner.contains(&h.span)
        })
        .collect();
    // reporting verbs used by a direct quote, not to be read again as reported speech
    let mut used: Vec<usize> = Vec::new();
    // short quotes with no verb, kept for the partial-quote pass
    let mut pending: Vec<Marks> = Vec::new();
    let mut items: Vec<(usize, Quote)> = Vec::new();

    // Everything is processed in text order so that "-nya" can refer back.
    let mut events: Vec<(usize, bool, usize)> = Vec::new(); // (pos, is_mark, idx)
    for (i, m) in marks.iter().enumerate() {
        events.push((m.outer.start, true, i));
    }
    for (i, h) in reports.iter().enumerate() {
        events.push((h.span.start, false, i));
    }
    events.sort();
    for (_, is_mark, idx) in events {
        if is_mark {
            let m = marks[idx];
            let content = trim_content(text, m.inner);
            if content.is_empty() || starts_with_attribution(content.slice(text)) {
                continue;
            }
            let (found, speaker, ri) = direct_speaker(&cx, &reports, m);
            if let Some(ri) = ri {
                used.push(ri);
            }
            let words_n = word_count(content.slice(text));
            let sentence_like = words_n >= 6;
            let speaker = if !found && sentence_like {
                // a quote paragraph continuing the previous speaker's
                cx.speakers
                    .last()
                    .filter(|(e, _)| {
                        let s = doc.sentence_of(m.outer.start).unwrap_or(0);
                        let from = doc.sentences.get(s.saturating_sub(2)).map(|x| x.start);
                        from.is_some_and(|f| *e >= f)
                    })
                    .and_then(|(_, sp)| sp.clone())
            } else {
                speaker
            };
            if found || sentence_like {
                cx.speakers.push((m.outer.end, speaker.clone()));
                items.push((
                    content.start,
                    Quote {
                        speaker,
                        text: content.slice(text).to_string(),
                        direct: true,
                        span: content,
                    },
                ));
            } else {
                pending.push(m);
            }
        } else {
            if used.contains(&idx) {
                continue;
            }
            let h = reports[idx];
            let i = marks.partition_point(|m| m.outer.start <= h.span.start);
            if i > 0 && marks[i - 1].outer.contains(&h.span) {
                continue;
            }
            if let Some(q) = reported(&cx, h, marks) {
                cx.speakers.push((q.span.end, q.speaker.clone()));
                items.push((q.span.start, q));
            }
        }
    }
    // partial quotes inside reported speech
    for m in pending {
        let content = trim_content(text, m.inner);
        if let Some((_, host)) = items
            .iter()
            .find(|(_, q)| !q.direct && q.span.contains(&m.outer))
        {
            let speaker = host.speaker.clone();
            items.push((
                content.start,
                Quote {
                    speaker,
                    text: content.slice(text).to_string(),
                    direct: true,
                    span: content,
                },
            ));
        }
    }
    items.sort_by_key(|(s, q)| (*s, q.span.end));
    out.extend(items.into_iter().map(|(_, q)| q));
    out
}

/// The "quote" opens with a lower-case inverted reporting verb ("kata X. Ia menegaskan …",
/// "katanya. …"): the marks were paired across two real quotes and this is the narrative
/// between them, attribution first, not a statement.
fn starts_with_attribution(content: &str) -> bool {
    let first = content
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .next()
        .unwrap_or("");
    first.chars().next().is_some_and(char::is_lowercase)
        && crate::lexicon::reports().iter().any(|r| {
            r.how == Report::Inverted
                && (first.eq_ignore_ascii_case(r.form)
                    || first
                        .strip_suffix("nya")
                        .is_some_and(|f| f.eq_ignore_ascii_case(r.form)))
        })
}

/// Finds the speaker of a direct quote: (a reporting verb was found, speaker, report index).
fn direct_speaker(cx: &Ctx, reports: &[&Hit], m: Marks) -> (bool, Option<String>, Option<usize>) {
    let doc = cx.doc;
    let text = doc.text;
    let para_end = text[m.outer.end..]
        .find("\n\n")
        .map(|x| m.outer.end + x)
        .unwrap_or(text.len());
    let para_start = text[..m.outer.start]
        .rfind("\n\n")
        .map(|x| x + 2)
        .unwrap_or(0);
    // after the closing mark: ", kata X" / ", X said" / ", said X" / "katanya"
    let first = reports.partition_point(|h| h.span.start < m.outer.end);
    for (ri, h) in reports.iter().enumerate().skip(first) {
        if h.span.start > para_end {
            break;
        }
        let gap = doc.toks_between(m.outer.end, h.span.start);
        let HitKind::Report(r) = h.kind else { continue };
        if gap.len() > 8 {
            break;
        }
        let gap_words: Vec<&str> = gap.clone().map(|i| doc.word(i)).collect();
        // any other quote mark in between means the verb is not ours
        if gap_words.iter().any(|w| matches!(*w, "“" | "\"" | "‘")) {
            break;
        }
        let sent_end = doc
            .sentence_of(h.span.start)
            .map(|s| doc.sentences[s].end)
            .unwrap_or(para_end);
        if gap.is_empty()
            || gap_words
                .iter()
                .all(|w| matches!(*w, "," | "—" | "-") || is_in(w, &words().quote_gap))
        {
            // verb right after the quote
            if r.pronoun {
                return (true, cx.pronoun(h.span.start), Some(ri));
            }
            let after = doc.word(doc.tok_from(h.span.end));
            if is_pronoun_word(after) {
                let b = doc.tokens[doc.tok_from(h.span.end)].span.start;
                let sp = doc
                    .mentions_in(b, sent_end)
                    .first()
                    .filter(|mm| mm.anaphor && mm.span.start == b)
                    .and_then(|mm| mm.ids.first().cloned())
                    .or_else(|| cx.pronoun(b));
                return (true, sp, Some(ri));
            }
            // "lanjut pebulutangkis berusia 31 tahun itu": a definite description of the
            // speaker before (lower-case words closed by itu/tersebut) is that speaker
            if let Some(b) = description_end(doc, h.span.end, sent_end) {
                return (true, cx.pronoun(b), Some(ri));
            }
            // twelve tokens: a long title before the name ("Kanit 2 Subdit Jatanras Ditreskrimum
            // Polda Bukit Jaya Kompol Arif Santoso")
            return (true, cx.speaker_after(h.span.end, sent_end, 12), Some(ri));
        }
        // subject between the quote and the verb: ",” Retno said." / ",” ujar dia" handled above
        if r.how == Report::SaysThat {
            let w0 = gap_words.iter().find(|w| !matches!(**w, "," | "—" | "-"));
            if w0.is_some_and(|w| is_pronoun_word(w)) {
                return (true, cx.pronoun(h.span.start), Some(ri));
            }
            let sp = cx.speaker_before(m.outer.end, h.span.start);
            if sp.is_some() {
                return (true, sp, Some(ri));
            }
        }
        break;
    }
    // before the opening mark: "X mengatakan, “…”", "kata X: “…”", "Menurut X, “…”"
    let sent_start = doc
        .sentence_of(m.outer.start)
        .map(|s| doc.sentences[s].start)
        .unwrap_or(para_start)
        .max(para_start);
    let upto = reports.partition_point(|h| h.span.end <= m.outer.start);
    for (ri, h) in reports.iter().enumerate().take(upto).rev() {
        if h.span.start < para_start {
            break;
        }
        let HitKind::Report(r) = h.kind else { continue };
        let gap = doc.toks_between(h.span.end, m.outer.start);
        let gap_words: Vec<&str> = gap.map(|i| doc.word(i)).collect();
        let ok_gap = gap_words.len() <= 8
            && !gap_words.iter().any(|w| matches!(*w, "”" | "\""))
            // the verb's clause must run into the quote: "X mengatakan, “…”"
            && gap_words
                .last()
                .is_none_or(|w| matches!(*w, "," | ":" | "bahwa" | "that"));
        if !ok_gap {
            break;
        }
        let sp = match r.how {
            Report::SaysThat => {
                let a = sent_start.min(h.span.start);
                cx.speaker_before(a, h.span.start)
            }
            Report::Inverted if r.pronoun => cx.pronoun(h.span.start),
            Report::Inverted | Report::According => cx.speaker_after(h.span.end, m.outer.start, 6),
        };
        return (true, sp, Some(ri));
    }
    (false, None, None)
}

/// Reported speech introduced by a verb that no direct quote used.
fn reported(cx: &Ctx, h: &Hit, marks: &[Marks]) -> Option<Quote> {
    let doc = cx.doc;
    let text = doc.text;
    const SAYS: ReportVerb = ReportVerb {
        form: "",
        how: Report::SaysThat,
        pronoun: false,
    };
    let r = match h.kind {
        HitKind::Report(r) => r,
        HitKind::Action(_) => &SAYS,
    };
    // "X tidak menyebut …" reports that nothing was said
    let i = doc.tok_from(h.span.start);
    if i > 0 && is_in(doc.word(i - 1), &words().quote_neg) {
        return None;
    }
    // "… untuk menilai …", "… guna menyebut …": a purpose clause reports no statement
    if i > 0 && is_in(doc.word(i - 1), &words().quote_purpose) {
        return None;
    }
    let si = doc.sentence_of(h.span.start)?;
    let sent = doc.sentences[si];
    let mk = |speaker: Option<String>, s: Span| -> Option<Quote> {
        let s = trim_content(text, s);
        let t = s.slice(text);
        if word_count(t) < 3 || speaker.is_none() {
            return None;
        }
        // the content is itself a direct quote: already taken
        if marks
            .iter()
            .any(|m| m.outer.start <= s.start + 3 && m.outer.end >= s.end)
        {
            return None;
        }
        Some(Quote {
            speaker,
            text: t.to_string(),
            direct: false,
            span: s,
        })
    };
    let rest_toks = doc.toks_between(h.span.end, sent.end);
    let tail_short = rest_toks.len() <= 4
        && doc.toks_between(h.span.end, sent.end).all(|i| {
            let w = doc.word(i);
            !matches!(w, ",") && !is_in(w, &words().complementizer)
        });
    match r.how {
        Report::According => {
            let after = doc
                .slice(h.span.end, sent.end)
                .find(',')
                .map(|c| h.span.end + c);
            let sp = cx.speaker_after(h.span.end, after.unwrap_or(sent.end), 6);
            match after {
                Some(c) if c + 1 < sent.end => mk(sp, Span::new(c + 1, sent.end)),
                _ => {
                    // "…, menurut X."
                    let c = doc.slice(sent.start, h.span.start).rfind(',')?;
                    mk(sp, Span::new(sent.start, sent.start + c))
                }
            }
        }
        Report::Inverted => {
            // "…, kata X." — content before the comma
            let before = doc.slice(sent.start, h.span.start);
            let c = before.trim_end().strip_suffix(',').map(|b| b.len())?;
            let sp = if r.pronoun {
                cx.pronoun(h.span.start)
            } else {
                cx.speaker_after(h.span.end, sent.end, 6).or_else(|| {
                    let w = doc.word(doc.tok_from(h.span.end));
                    is_pronoun_word(w)
                        .then(|| cx.pronoun(h.span.start))
                        .flatten()
                })
            };
            mk(sp, Span::new(sent.start, sent.start + c))
        }
        Report::SaysThat if tail_short => {
            // "…, Retno said." — speaker just before the verb, content before the comma
            let before = doc.slice(sent.start, h.span.start);
            let c = before.rfind(',')?;
            let sp = cx.speaker_before(sent.start + c, h.span.start).or_else(|| {
                let w = doc.word_before(h.span.start);
                is_pronoun_word(w)
                    .then(|| cx.pronoun(h.span.start))
                    .flatten()
            });
            mk(sp, Span::new(sent.start, sent.start + c))
        }
        Report::SaysThat => {
            let mut a = sent.start;
            for i in doc.toks_between(sent.start, h.span.start) {
                let w = doc.word(i);
                if matches!(w, ";" | ":") || is_in(w, &words().complementizer) {
                    a = doc.tokens[i].span.end;
                }
            }
            let sp = cx.speaker_before(a, h.span.start);
            // content: after "bahwa"/"that" (within 6 tokens) or after the verb
            let mut s = h.span.end;
            for i in doc.toks_between(h.span.end, sent.end).take(7) {
                let w = doc.word(i);
                if is_in(w, &words().complementizer) || w == "," || w == ":" {
                    s = doc.tokens[i].span.end;
                    break;
                }
            }
            mk(sp, Span::new(s, sent.end))
        }
    }
}

#[cfg(test)]
mod attribution_tests {
    use super::starts_with_attribution;

    #[test]
    fn narrative_between_mispaired_marks_opens_with_the_attribution() {
        assert!(starts_with_attribution(
            "kata Budi dalam keterangannya, Kamis. Ia menegaskan"
        ));
        assert!(starts_with_attribution("katanya. Budi menyebut"));
        assert!(starts_with_attribution("ujar Altman. Komentar itu muncul"));
        assert!(!starts_with_attribution(
            "Jelas bahwa kebijakan itu merugikan"
        ));
        assert!(!starts_with_attribution("kami sudah melapor ke polisi"));
        assert!(!starts_with_attribution("katakan saja begitu"));
    }
}
