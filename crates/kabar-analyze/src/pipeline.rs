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
    Entities(String),
}

/// The analysis pipeline with its language resources loaded (once).
pub struct Pipeline {
    entities: EntityExtractor,
    today: NaiveDate,
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
        let entities =
            EntityExtractor::load_default().map_err(|e| PipelineError::Entities(e.to_string()))?;
        Ok(Pipeline { entities, today })
    }

    /// Analyses one article.
    pub fn analyze(&self, mut raw: RawArticle) -> Analysis {
        // The outlet, always when a URL is known: the given name normalised, else the
        // outlet list by domain, else the registrable domain (docs/fetch.md).
        raw.outlet = kabar_extract::outlet::resolve(raw.outlet.as_deref(), raw.url.as_deref());
        let cleaned = kabar_extract::clean::clean(&raw.body, raw.title.as_deref());
        let text = cleaned.text.as_str();
        let mut lang = kabar_text::lang::detect(text);
        if lang == Lang::Unknown {
            if let Some(t) = &raw.title {
                lang = kabar_text::lang::detect(t);
            }
        }
        let sentences = kabar_text::sentences(text);
        let tokens = kabar_text::tokenize(text);

        let mut warnings = Vec::new();
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
        raws.into_par_iter()
            .map(|r| {
                let a = self.analyze(r);
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
