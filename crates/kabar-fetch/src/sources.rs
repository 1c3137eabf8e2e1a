//! The sources file (TOML): the feeds, sitemaps and pages `kabar watch` polls.
//!
//! ```toml
//! [[source]]
//! name = "antara"
//! url = "https://www.antaranews.com/rss/terkini.xml"
//! outlet = "ANTARA News"   # optional: fills what the pages do not say
//! language = "id"          # optional: a hint to the pipeline when a text does not tell
//! interval = 600           # optional: seconds between polls (default 600)
//! ```

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Default seconds between two polls of a source.
pub const DEFAULT_INTERVAL: u64 = 600;

/// One source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique name.
    pub name: String,
    /// Feed, sitemap or page URL.
    pub url: String,
    /// Outlet name for articles whose page does not name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Language code (`id`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Seconds between polls.
    #[serde(default = "default_interval")]
    pub interval: u64,
}

fn default_interval() -> u64 {
    DEFAULT_INTERVAL
}

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    /// The sources, in file order.
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
}

/// Why the sources file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SourcesError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The TOML is broken or has unknown fields.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What is wrong and where.
        message: String,
    },
    /// A source is not valid.
    #[error("source {name:?}: {message}")]
    Invalid {
        /// The source's name.
        name: String,
        /// What is wrong.
        message: String,
    },
}

impl SourcesFile {
    /// Reads `path`; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<SourcesFile, SourcesError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(SourcesError::Io {
                    path: path.into(),
                    source,
                })
            }
        };
        let file: SourcesFile = toml::from_str(&text).map_err(|e| SourcesError::Parse {
            path: path.into(),
            message: e.to_string(),
        })?;
        // a bad source is named with its file
        let in_file = |e: SourcesError| SourcesError::Parse {
            path: path.into(),
            message: e.to_string(),
        };
        for s in &file.sources {
            s.validate().map_err(in_file)?;
        }
        let mut names: Vec<&str> = file.sources.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(in_file(SourcesError::Invalid {
                name: w[0].to_string(),
                message: "the name is used twice".into(),
            }));
        }
        Ok(file)
    }

    /// Writes the file (atomically: a temporary file renamed over it).
    pub fn save(&self, path: &Path) -> Result<(), SourcesError> {
        let io = |source| SourcesError::Io {
            path: path.into(),
            source,
        };
        let text = toml::to_string_pretty(self).map_err(|e| SourcesError::Parse {
            path: path.into(),
            message: e.to_string(),
        })?;
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// Adds a source; refuses a name already used.
    pub fn add(&mut self, source: Source) -> Result<(), SourcesError> {
        source.validate()?;
        if self.sources.iter().any(|s| s.name == source.name) {
            return Err(SourcesError::Invalid {
                name: source.name,
                message: "a source of that name exists".into(),
            });
        }
        self.sources.push(source);
        Ok(())
    }

    /// Removes the source named `name`; whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.sources.len();
        self.sources.retain(|s| s.name != name);
        self.sources.len() != before
    }
}

impl Source {
    fn validate(&self) -> Result<(), SourcesError> {
        let bad = |m: &str| {
            Err(SourcesError::Invalid {
                name: self.name.clone(),
                message: m.to_string(),
            })
        };
        if self.name.trim().is_empty() {
            return bad("empty name");
        }
        if crate::urls::normalize(&self.url).is_none() {
            return bad(&format!("{:?} is not an http(s) URL", self.url));
        }
        if let Some(l) = &self.language {
            if !is_language_tag(l) {
                return bad(&format!(
                    "language {l:?} is not a language tag (like \"id\", \"en\" or \"id-ID\")"
                ));
            }
        }
        if self.interval == 0 {
            return bad("interval must be at least 1 second");
        }
        Ok(())
    }
}

/// Whether `tag` is a BCP 47-like language tag: a primary subtag of 2 or 3 ASCII letters,
/// then `-`/`_`-separated subtags of 1 to 8 letters or digits (`id`, `en-US`, `id_ID`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_save_load_remove() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sources.toml");
        let mut f = SourcesFile::load(&path).unwrap();
        assert!(f.sources.is_empty());
        let s = Source {
            name: "k".into(),
            url: "https://kabar.example/rss".into(),
            outlet: Some("Kabar".into()),
            language: Some("id".into()),
            interval: 300,
        };
        f.add(s.clone()).unwrap();
        assert!(f.add(s.clone()).is_err(), "duplicate name");
        f.save(&path).unwrap();
        assert_eq!(SourcesFile::load(&path).unwrap().sources, [s]);
        assert!(f.remove("k") && !f.remove("k"));
    }

    #[test]
    fn bad_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        std::fs::write(&path, "[[source]]\nname = \"x\"\nurl = \"ftp://a\"\n").unwrap();
        let e = SourcesFile::load(&path).unwrap_err().to_string();
        assert!(
            e.contains("s.toml") && e.contains("not an http(s) URL"),
            "{e}"
        );
        std::fs::write(
            &path,
            "[[source]]\nname = \"x\"\nurl = \"https://a.example\"\ncolour = 1\n",
        )
        .unwrap();
        let e = SourcesFile::load(&path).unwrap_err().to_string();
        assert!(e.contains("s.toml") && e.contains("colour"), "{e}");
        std::fs::write(
            &path,
            "[[source]]\nname = \"x\"\nurl = \"https://a.example\"\nlanguage = \"bahasa indonesia\"\n",
        )
        .unwrap();
        let e = SourcesFile::load(&path).unwrap_err().to_string();
        assert!(
            e.contains("s.toml") && e.contains("\"x\"") && e.contains("not a language tag"),
            "{e}"
        );
    }

    #[test]
    fn language_tags() {
        for ok in ["id", "en", "id-ID", "en_US", "ind", "zh-Hant-TW"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "i",
            "indonesia",
            "id-",
            "id ID",
            "1d",
            "en-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
