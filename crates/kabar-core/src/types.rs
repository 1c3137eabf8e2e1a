//! The internal records every stage produces, with byte [`Span`]s into the cleaned text.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Language of a text (ISO 639-1 code on output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Indonesian.
    #[serde(rename = "id")]
    Id,
    /// English.
    #[serde(rename = "en")]
    En,
    /// Neither, or too little text to tell.
    #[default]
    #[serde(rename = "und")]
    Unknown,
}

impl Lang {
    /// The ISO 639-1 code (`und` when unknown).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
            Lang::Unknown => "und",
        }
    }
}

/// One article as read from an input, before cleaning and analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Where it came from: a path, `file.jsonl#12` (1-based line/row), a URL, or `-`.
    pub source: String,
    /// The input's own ID, if it had one.
    pub external_id: Option<String>,
    /// Title, when the input gives one.
    pub title: Option<String>,
    /// URL, when the input gives one.
    pub url: Option<String>,
    /// Outlet name, when the input (or `--outlet`) gives one.
    pub outlet: Option<String>,
    /// The publication date exactly as the input wrote it.
    pub published_raw: Option<String>,
    /// Body text (plain text; HTML has already been extracted).
    pub body: String,
}

/// What kind of boilerplate a removed piece was (SPEC `removed[].kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// "Baca juga: …" links.
    ReadAlso,
    /// Photo captions and credits.
    Caption,
    /// Reporter / editor lines, datelines' outlet part.
    Byline,
    /// Tag and keyword lines.
    Keywords,
    /// Outlet signature and reporter initials at the end: "(abc/def)".
    Signature,
    /// Anything else (ads, widget strings, a dek repeating the lede).
    Other,
}

/// A piece of boilerplate removed from the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Its kind.
    pub kind: RemovedKind,
    /// The removed text.
    pub text: String,
}

/// The body after boilerplate removal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cleaned {
    /// Cleaned body text: paragraphs separated by `\n\n`.
    pub text: String,
    /// What was removed, in order of appearance.
    pub removed: Vec<Removed>,
    /// The place named by the dateline ("Surabaya"), if any.
    pub dateline: Option<String>,
    /// The outlet named by the dateline or a signature ("Kompas.com"), if any.
    pub outlet: Option<String>,
}

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("anak-anak", "Tae-yul").
    Word,
    /// Digits, possibly with inner `.`/`,`/`:` ("2,5", "160.000", "09.20").
    Number,
    /// Anything else, one char at a time.
    Punct,
}

/// A token: a byte span and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Entity types (SPEC `entities[].type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation.
    #[serde(rename = "ORG")]
    Org,
    /// A country, province or city acting as a political actor.
    #[serde(rename = "GPE")]
    Gpe,
    /// Another place.
    #[serde(rename = "LOC")]
    Loc,
}

impl EntityType {
    /// The ID prefix: `per`, `org`, `gpe`, `loc`.
    pub fn prefix(self) -> &'static str {
        match self {
            EntityType::Per => "per",
            EntityType::Org => "org",
            EntityType::Gpe => "gpe",
            EntityType::Loc => "loc",
        }
    }

    /// The label used in BIO tags and JSON: `PER`, `ORG`, `GPE`, `LOC`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
        }
    }

    /// Parses `PER`/`ORG`/`GPE`/`LOC` (any case).
    pub fn from_label(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityType::Per),
            "ORG" => Some(EntityType::Org),
            "GPE" => Some(EntityType::Gpe),
            "LOC" => Some(EntityType::Loc),
            _ => None,
        }
    }
}

/// A role (title) an entity held, as seen in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The title, as canonical as the extractor can make it ("Menteri Luar Negeri").
    pub title: String,
    /// Entity ID of the country or organisation the role belongs to, if known.
    pub of: Option<String>,
    /// ISO date (any precision) the role was seen at: the sentence's date, else the
    /// article's.
    pub date: Option<String>,
}

/// An entity found in one article, with all its mentions there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable ID from canonical name and type (`per:retno-marsudi`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: EntityType,
    /// Every mention (byte spans into the cleaned text).
    pub mentions: Vec<Span>,
    /// Surface forms seen, other than the canonical name.
    pub aliases: Vec<String>,
    /// Roles held, as seen in this article.
    pub roles: Vec<Role>,
}

/// TimeML TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeType {
    /// A calendar date or period ("3 Maret 2025", "pekan lalu", "2023").
    Date,
    /// A time of day ("pukul 09.20 WIB").
    Time,
    /// A length of time ("selama enam tahun", "P6Y").
    Duration,
    /// A recurring time ("setiap Senin").
    Set,
}

/// A temporal expression with its normalised TimeML value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Where it is (bytes).
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimeType,
    /// TimeML value: `2025-03-06`, `2025-W10`, `P6Y`, `PRESENT_REF`, `2025-03-06T09:20`…
    pub value: String,
    /// TimeML `mod` (`START`, `MID`, `END`, `APPROX`, `LESS_THAN`, `MORE_THAN`,
    /// `EQUAL_OR_LESS`, `EQUAL_OR_MORE`); JSON field `mod`, absent when there is none.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// How a publication date was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601 value with the precision known (`2025-03-07`, `2025-03-07T09:20:00+07:00`).
    pub value: String,
    /// True when it was not given by the input but inferred.
    pub inferred: bool,
    /// Where it came from: `input`, `text`, `dateline`, `url`.
    pub from: String,
}

/// A consistency warning (SPEC `warnings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// `weekday_mismatch`, `date_in_future`, …
    pub kind: String,
    /// The text it is about (bytes), if any.
    pub span: Option<Span>,
    /// A sentence a person can read.
    pub message: String,
}

/// The 19 PLOVER event categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Cooperate,
    Aid,
    Concede,
    Retreat,
    Investigate,
    Demand,
    Disapprove,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
    Fight,
    Crime,
}

impl Plover {
    /// All 19 categories, in PLOVER's order.
    pub const ALL: [Plover; 19] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Concede,
        Plover::Retreat,
        Plover::Investigate,
        Plover::Demand,
        Plover::Disapprove,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Mobilize,
        Plover::Sanction,
        Plover::Coerce,
        Plover::Assault,
        Plover::Fight,
        Plover::Crime,
    ];

    /// Parses an upper-case name (`AGREE`).
    pub fn from_name(s: &str) -> Option<Plover> {
        Plover::ALL.into_iter().find(|p| p.name() == s)
    }

    /// The upper-case name (`AGREE`).
    pub fn name(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Concede => "CONCEDE",
            Plover::Retreat => "RETREAT",
            Plover::Investigate => "INVESTIGATE",
            Plover::Demand => "DEMAND",
            Plover::Disapprove => "DISAPPROVE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Mobilize => "MOBILIZE",
            Plover::Sanction => "SANCTION",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
            Plover::Fight => "FIGHT",
            Plover::Crime => "CRIME",
        }
    }
}

/// Who did what to whom, when, as reported in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// PLOVER category.
    pub plover: Plover,
    /// Kabar's finer label (`sign_agreement`, `summon_ambassador`, …).
    pub kind: String,
    /// Entity IDs of the actors.
    pub source: Vec<String>,
    /// Entity IDs of the targets.
    pub target: Vec<String>,
    /// ISO date (any precision), the sentence's time else the article's.
    pub date: Option<String>,
    /// Index of the sentence (0-based) in the analysis' `sentences`.
    pub sentence: usize,
    /// The trigger word(s).
    pub trigger: Span,
    /// True when the act is reported as not having happened ("tidak menandatangani").
    pub negated: bool,
}

/// Who said what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Entity ID of the speaker, when resolved.
    pub speaker: Option<String>,
    /// The quoted or reported content.
    pub text: String,
    /// True for a direct quote (inside quotation marks).
    pub direct: bool,
    /// Where the quoted content is (bytes).
    pub span: Span,
}
