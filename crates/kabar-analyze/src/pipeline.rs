//! One article in, its [`Analysis`] out.

use chrono::NaiveDate;
use kabar_core::analysis::Parts;
use kabar_core::{Analysis, Lang, Published, RawArticle, Warning};
use kabar_entities::EntityExtractor;
use rayon::prelude::*;

/// Why the pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The entity model or lexicons failed to load.
    #[error("cannot load the entity model: {0}")]
    Entities(#[from] kabar_entities::Error),
}

/// The most bytes of one article's body that are analysed (1 MB). A news article is rarely
/// over 100 KB; past this the rest is cut at a paragraph or sentence boundary and the
/// analysis carries a `text_truncated` warning. A second line of defence against hostile or
/// broken inputs: every stage is meant to be linear, this bounds the worst case anyway.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

/// The analysis pipeline with its language resources loaded (once).
pub struct Pipeline {
    entities: EntityExtractor,
    today: NaiveDate,
    max_text_bytes: usize,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("today", &self.today)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// Loads the resources. `today` bounds date inference: an inferred publication date is
    /// never after it.
    pub fn new(today: NaiveDate) -> Result<Pipeline, PipelineError> {
        let entities = EntityExtractor::load_default()?;
        Ok(Pipeline {
            entities,
            today,
            max_text_bytes: MAX_TEXT_BYTES,
        })
    }

    /// The same pipeline with another cap on the analysed body ([`MAX_TEXT_BYTES`] by
    /// default; `usize::MAX` lifts it, for measurements).
    pub fn with_max_text_bytes(mut self, max: usize) -> Pipeline {
        self.max_text_bytes = max;
        self
    }

    /// Analyses one article.
    pub fn analyze(&self, raw: RawArticle) -> Analysis {
        self.analyze_hinted(raw, None)
    }

    /// Analyses one article with a language hint (a source's configured language, a
    /// fetched page's declared one): the hint decides only when neither the body nor the
    /// title tells the language (docs/fetch.md).
    pub fn analyze_hinted(&self, mut raw: RawArticle, hint: Option<Lang>) -> Analysis {
        // The outlet, always when a URL is known: the given name normalised, else the
        // outlet list by domain, else the registrable domain (docs/fetch.md).
        raw.outlet = kabar_extract::outlet::resolve(raw.outlet.as_deref(), raw.url.as_deref());
        if let std::borrow::Cow::Owned(fixed) = kabar_extract::mojibake::repair(&raw.body) {
            raw.body = fixed;
        }
        if let Some(std::borrow::Cow::Owned(fixed)) =
            raw.title.as_deref().map(kabar_extract::mojibake::repair)
        {
            raw.title = Some(fixed);
        }
        let truncated = truncate_body(&mut raw.body, self.max_text_bytes);
        let cleaned = kabar_extract::clean::clean(&raw.body, raw.title.as_deref());
        let text = cleaned.text.as_str();
        let mut lang = kabar_text::lang::detect(text);
        if lang == Lang::Unknown {
            if let Some(t) = &raw.title {
                lang = kabar_text::lang::detect(t);
            }
        }
        if lang == Lang::Unknown {
            lang = hint.unwrap_or(Lang::Unknown);
        }
        let sentences = kabar_text::sentences(text);
        let tokens = kabar_text::tokenize(text);

        let mut warnings = Vec::new();
        if let Some(original) = truncated {
            warnings.push(Warning {
                kind: "text_truncated".into(),
                span: None,
                message: format!(
                    "the body is {original} bytes; only the first {} bytes were analysed",
                    raw.body.len()
                ),
            });
        }
        let given = raw.published_raw.as_deref().and_then(|p| {
            let parsed = kabar_time::parse_published(p);
            if parsed.is_none() {
                warnings.push(Warning {
                    kind: "unparsed_published".into(),
                    span: None,
                    message: format!("the input's publication date {p:?} could not be read"),
                });
            }
            parsed
        });
        let time = kabar_time::analyze(text, lang, given.as_deref(), self.today);
        let published = match given {
            Some(value) => Some(Published {
                value,
                inferred: false,
                from: "input".into(),
            }),
            None => time.published.clone(),
        };
        warnings.extend(time.warnings);
        let published_iso = published.as_ref().map(|p| p.value.as_str());
        let entities =
            self.entities
                .extract(text, &tokens, &sentences, lang, &time.times, published_iso);
        let extracted = kabar_actions::extract(
            text,
            lang,
            &sentences,
            &tokens,
            &entities,
            &time.times,
            published_iso,
        );
        Parts {
            raw,
            lang,
            published,
            sentences,
            entities,
            times: time.times,
            actions: extracted.actions,
            quotes: extracted.quotes,
            warnings,
            cleaned,
        }
        .into_analysis()
    }

    /// Analyses many articles on all cores, keeping their order. `progress` is called
    /// once per finished article (from any thread).
    pub fn analyze_all(
        &self,
        raws: Vec<RawArticle>,
        progress: &(dyn Fn() + Sync),
    ) -> Vec<Analysis> {
        self.analyze_all_hinted(raws.into_iter().map(|r| (r, None)).collect(), progress)
    }

    /// [`Pipeline::analyze_all`] with a language hint per article
    /// ([`Pipeline::analyze_hinted`]).
    pub fn analyze_all_hinted(
        &self,
        raws: Vec<(RawArticle, Option<Lang>)>,
        progress: &(dyn Fn() + Sync),
    ) -> Vec<Analysis> {
        raws.into_par_iter()
            .map(|(r, hint)| {
                let a = self.analyze_hinted(r, hint);
                progress();
                a
            })
            .collect()
    }

    /// The entity extractor (for `kabar tag` and name look-ups).
    pub fn entities(&self) -> &EntityExtractor {
        &self.entities
    }
}

/// Cuts `body` to at most `max` bytes, at the last paragraph break, else sentence end, else
/// white space, else character boundary before `max`. Returns the original length when it
/// cut.
fn truncate_body(body: &mut String, max: usize) -> Option<usize> {
    if body.len() <= max {
        return None;
    }
    let original = body.len();
    let mut end = max;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let head = &body[..end];
    let floor = end / 2; // never cut away more than half of what is allowed
    let cut = [
        head.rfind("\n\n"),
        head.rfind(". "),
        head.rfind(char::is_whitespace),
    ]
    .into_iter()
    .flatten()
    .find(|&i| i > floor)
    .map(|i| {
        if head[i..].starts_with(". ") {
            i + 1
        } else {
            i
        }
    })
    .unwrap_or(end);
    body.truncate(cut);
    Some(original)
}

#[cfg(test)]
mod tests {
    use super::truncate_body;

    #[test]
    fn truncation_cuts_at_a_boundary_under_the_cap() {
        let mut s = "Satu dua. Tiga empat.\n\nLima enam tujuh.".to_string();
        assert_eq!(truncate_body(&mut s, 100), None);
        assert_eq!(truncate_body(&mut s, 30), Some(39));
        assert_eq!(s, "Satu dua. Tiga empat.");
        let mut s = "é".repeat(100);
        assert_eq!(truncate_body(&mut s, 51), Some(200));
        assert_eq!(s.len(), 50);
        assert!(s.chars().all(|c| c == 'é'));
    }
}
