//! The row shapes the read side returns (SPEC.md's list rows and the parts of its records),
//! and the sanitiser of search text. The queries themselves live in the `kabar-query`
//! crate; these types stay here because both store backends produce them (the PostgreSQL
//! reads of [`crate::pg`] return them too).

use serde::{Deserialize, Serialize};

/// A row of `kabar articles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    /// Article ID.
    pub id: String,
    /// The input's own ID.
    pub external_id: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (ISO).
    pub published: Option<String>,
    /// The original this is a copy of.
    pub duplicate_of: Option<String>,
    /// Event ID.
    pub event: Option<String>,
    /// Story ID.
    pub story: Option<String>,
}

/// A row of `kabar events`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    /// Event ID.
    pub id: String,
    /// Title (its earliest original article's).
    pub title: Option<String>,
    /// First day reported.
    pub first: Option<String>,
    /// Last day reported.
    pub last: Option<String>,
    /// Article IDs.
    pub articles: Vec<String>,
    /// Story ID.
    pub story: Option<String>,
    /// Distinct outlets (an extension of SPEC).
    pub outlets: usize,
}

/// A row of `kabar stories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Story ID.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// First day.
    pub first: Option<String>,
    /// Last day.
    pub last: Option<String>,
    /// Event IDs in date order.
    pub events: Vec<String>,
    /// Article IDs.
    pub articles: Vec<String>,
}

/// A row of `kabar entities`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Entity ID.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `PER`, `ORG`, `GPE`, `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Other surface forms seen.
    pub aliases: Vec<String>,
    /// Mentions across all articles.
    pub mentions: i64,
    /// Articles mentioning it.
    pub articles: i64,
}

/// One role of an entity across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleRow {
    /// Title.
    pub title: String,
    /// Country or organisation the role belongs to.
    pub of: Option<String>,
    /// First date seen.
    pub first: Option<String>,
    /// Last date seen.
    pub last: Option<String>,
    /// Articles that report it.
    pub articles: Vec<String>,
}

/// A quote as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// Speaker entity ID.
    pub speaker: Option<String>,
    /// What was said.
    pub text: String,
    /// Direct quote?
    pub direct: bool,
    /// Articles that carry it.
    pub articles: Vec<String>,
}

/// A co-occurring entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// Entity ID.
    pub id: String,
    /// Name (an extension of SPEC).
    pub name: String,
    /// Articles where both appear.
    pub weight: i64,
}

/// One action mention as stored: the input of timeline merging.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    /// Article reporting it.
    pub article: String,
    /// The action as analysed.
    pub action: kabar_core::analysis::ActionOut,
    /// Its date (the action's, else the article's).
    pub date: Option<String>,
    /// The sentence.
    pub text: String,
    /// The reporting article's publication date (an undated act attaches to the act
    /// nearest before it in the timeline).
    #[serde(default)]
    pub published: Option<String>,
}

/// A hit of `kabar search`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Article ID.
    pub article: String,
    /// Title.
    pub title: Option<String>,
    /// BM25 score (higher is better).
    pub score: f64,
    /// A snippet with the matches in `[…]`.
    pub snippet: String,
}

/// The most a search query may hold. Past these, a search answers
/// [`StoreError::BadQuery`] rather than spending seconds of CPU on one request (FTS5's cost
/// grows with the number of terms times the hits of each, and snippets with their product).
pub const MAX_QUERY_CHARS: usize = 10_000;
/// The most distinct terms a search query may hold (after folding case and removing
/// repeats).
pub const MAX_QUERY_TERMS: usize = 32;
/// The longest single term, in characters.
pub const MAX_TERM_CHARS: usize = 64;

/// Why a search query was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// The query text is longer than [`MAX_QUERY_CHARS`].
    #[error("search query is {0} characters long; the limit is {MAX_QUERY_CHARS}")]
    TooLong(usize),
    /// More distinct terms than [`MAX_QUERY_TERMS`].
    #[error("search query has {0} distinct terms; the limit is {MAX_QUERY_TERMS}")]
    TooManyTerms(usize),
    /// One term longer than [`MAX_TERM_CHARS`].
    #[error("search term of {0} characters; the limit is {MAX_TERM_CHARS}")]
    TermTooLong(usize),
}

/// Turns free user text into a safe FTS5 query: every distinct word (case folded) a
/// quoted term, all required; refuses queries past the limits above.
/// (User input is never passed to MATCH raw: FTS5 syntax errors would reach the user.)
pub fn fts_query(q: &str) -> Result<String, QueryError> {
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(chars));
    }
    let mut seen = std::collections::HashSet::new();
    let mut terms = Vec::new();
    for w in q.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let w = w.trim_matches('-');
        if w.is_empty() {
            continue;
        }
        let n = w.chars().count();
        if n > MAX_TERM_CHARS {
            return Err(QueryError::TermTooLong(n));
        }
        if seen.insert(w.to_lowercase()) {
            terms.push(format!("\"{w}\""));
        }
    }
    if terms.len() > MAX_QUERY_TERMS {
        return Err(QueryError::TooManyTerms(terms.len()));
    }
    Ok(terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_deduplicated_quoted_and_capped() {
        assert_eq!(
            fts_query("Banjir banjir BANJIR bandung").unwrap(),
            "\"Banjir\" \"bandung\""
        );
        assert_eq!(
            fts_query("\"AND OR (* NEAR").unwrap(),
            "\"AND\" \"OR\" \"NEAR\""
        );
        assert_eq!(fts_query("- -- ---").unwrap(), "");
        // 4,000 words of only a few distinct ones stay under the term cap but not the length cap
        let many = "banjir bandung ".repeat(2000);
        assert_eq!(fts_query(&many), Err(QueryError::TooLong(30_000)));
        assert_eq!(fts_query(&"banjir ".repeat(1000)).unwrap(), "\"banjir\"");
        let distinct: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        assert_eq!(
            fts_query(&distinct.join(" ")),
            Err(QueryError::TooManyTerms(40))
        );
        assert!(fts_query(&distinct[..32].join(" ")).is_ok());
        assert_eq!(fts_query(&"x".repeat(65)), Err(QueryError::TermTooLong(65)));
    }
}
