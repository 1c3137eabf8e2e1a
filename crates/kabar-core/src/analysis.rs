//! The `analyze --json` record of SPEC.md, with char offsets, and its construction from
//! the internal (byte-offset) records of the stages.

use crate::span::{CharIndex, Span};
use crate::types::*;
use serde::{Deserialize, Serialize};

/// A char-offset span with its text, as SPEC prints mentions and triggers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// A sentence (char offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceOut {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// An entity of one article (SPEC `entities[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `per:retno-marsudi`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `PER`, `ORG`, `GPE`, `LOC`.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mentions with char offsets.
    pub mentions: Vec<TextSpan>,
    /// Surface forms other than the canonical name (an extension of SPEC).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Roles seen in this article.
    pub roles: Vec<Role>,
}

impl EntityOut {
    /// The names a store keeps as this entity's aliases: its aliases and the surfaces of
    /// its mentions that are fit to show ([`crate::names::readable_alias`]), without its
    /// canonical name. Both stores write these, so they keep the same aliases.
    pub fn stored_aliases(&self) -> std::collections::BTreeSet<&str> {
        let mut out: std::collections::BTreeSet<&str> =
            self.aliases.iter().map(String::as_str).collect();
        out.extend(
            self.mentions
                .iter()
                .map(|m| m.text.as_str())
                .filter(|t| crate::names::readable_alias(t)),
        );
        out.remove(self.name.as_str());
        out
    }
}

/// A time expression (SPEC `times[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeOut {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The text.
    pub text: String,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TimeML value.
    pub value: String,
}

/// An action (SPEC `actions[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionOut {
    /// PLOVER category.
    #[serde(rename = "type")]
    pub plover: Plover,
    /// Kabar's finer label.
    pub kind: String,
    /// Actor entity IDs.
    pub source: Vec<String>,
    /// Target entity IDs.
    pub target: Vec<String>,
    /// ISO date, null when unknown.
    pub date: Option<String>,
    /// Sentence index.
    pub sentence: usize,
    /// Trigger.
    pub trigger: TextSpan,
    /// Negated?
    pub negated: bool,
}

/// A quote (SPEC `quotes[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteOut {
    /// Speaker entity ID, null when unresolved.
    pub speaker: Option<String>,
    /// Quoted content.
    pub text: String,
    /// Direct quote?
    pub direct: bool,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// A warning (SPEC `warnings[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningOut {
    /// `weekday_mismatch`, `date_in_future`, …
    pub kind: String,
    /// First char (0 when the warning is about no span).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Human-readable message.
    pub message: String,
}

/// The full analysis of one article: SPEC.md's `analyze --json` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Content-derived article ID.
    pub id: String,
    /// Path, `file.jsonl#12`, URL or `-`.
    pub source: String,
    /// The input's own ID.
    pub external_id: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL (an extension of SPEC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// ISO 639-1 language.
    pub lang: Lang,
    /// Publication date.
    pub published: Option<Published>,
    /// Cleaned body.
    pub text: String,
    /// Removed boilerplate.
    pub removed: Vec<Removed>,
    /// Sentences.
    pub sentences: Vec<SentenceOut>,
    /// Entities.
    pub entities: Vec<EntityOut>,
    /// Time expressions.
    pub times: Vec<TimeOut>,
    /// Actions.
    pub actions: Vec<ActionOut>,
    /// Quotes.
    pub quotes: Vec<QuoteOut>,
    /// Warnings.
    pub warnings: Vec<WarningOut>,
}

/// Everything the stages found in one article, with byte spans; [`Parts::into_analysis`]
/// turns it into the SPEC record.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// The article as read.
    pub raw: RawArticle,
    /// The cleaned body.
    pub cleaned: Cleaned,
    /// Language.
    pub lang: Lang,
    /// Publication date.
    pub published: Option<Published>,
    /// Sentences (bytes).
    pub sentences: Vec<Span>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Times.
    pub times: Vec<TimeExpr>,
    /// Actions.
    pub actions: Vec<Action>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

impl Parts {
    /// Builds the SPEC record, converting byte offsets to char offsets.
    pub fn into_analysis(self) -> Analysis {
        let text = self.cleaned.text;
        let ci = CharIndex::new(&text);
        let ts = |s: Span| {
            let (start, end) = ci.chars(s);
            TextSpan {
                start,
                end,
                text: s.slice(&text).to_string(),
            }
        };
        let id = crate::ids::article_id(self.raw.title.as_deref(), &text);
        let outlet = self.raw.outlet.or(self.cleaned.outlet);
        Analysis {
            id,
            source: self.raw.source,
            external_id: self.raw.external_id,
            title: self.raw.title,
            url: self.raw.url,
            outlet,
            dateline: self.cleaned.dateline,
            lang: self.lang,
            published: self.published,
            sentences: self
                .sentences
                .iter()
                .map(|&s| {
                    let (start, end) = ci.chars(s);
                    SentenceOut { start, end }
                })
                .collect(),
            entities: self
                .entities
                .into_iter()
                .map(|e| EntityOut {
                    mentions: e.mentions.iter().map(|&m| ts(m)).collect(),
                    id: e.id,
                    name: e.name,
                    kind: e.kind,
                    aliases: e.aliases,
                    roles: e.roles,
                })
                .collect(),
            times: self
                .times
                .into_iter()
                .map(|t| {
                    let s = ts(t.span);
                    TimeOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        kind: t.kind,
                        value: t.value,
                    }
                })
                .collect(),
            actions: self
                .actions
                .into_iter()
                .map(|a| ActionOut {
                    trigger: ts(a.trigger),
                    plover: a.plover,
                    kind: a.kind,
                    source: a.source,
                    target: a.target,
                    date: a.date,
                    sentence: a.sentence,
                    negated: a.negated,
                })
                .collect(),
            quotes: self
                .quotes
                .into_iter()
                .map(|q| {
                    let (start, end) = ci.chars(q.span);
                    QuoteOut {
                        speaker: q.speaker,
                        text: q.text,
                        direct: q.direct,
                        start,
                        end,
                    }
                })
                .collect(),
            warnings: self
                .warnings
                .into_iter()
                .map(|w| {
                    let (start, end) = w.span.map(|s| ci.chars(s)).unwrap_or((0, 0));
                    WarningOut {
                        kind: w.kind,
                        start,
                        end,
                        message: w.message,
                    }
                })
                .collect(),
            removed: self.cleaned.removed,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_aliases_skip_the_name_and_unreadable_surfaces() {
        let span = |t: &str| TextSpan {
            start: 0,
            end: t.chars().count(),
            text: t.into(),
        };
        let e = EntityOut {
            id: "per:prabowo-subianto".into(),
            name: "Prabowo Subianto".into(),
            kind: EntityType::Per,
            mentions: ["Prabowo Subianto", "Prabowo", "Prabowo Prabowo", "Prabowo)"]
                .map(span)
                .to_vec(),
            aliases: vec!["Pak Prabowo".into()],
            roles: vec![],
        };
        let got: Vec<&str> = e.stored_aliases().into_iter().collect();
        assert_eq!(got, ["Pak Prabowo", "Prabowo"]);
    }
}
