//! `kabar tag --conll [--lang id|en]`.

use crate::Outcome;
use anyhow::{Context, Result};
use kabar_core::Lang;
use kabar_entities::{tagger, Tagger};
use std::io::{Read, Write};
use std::path::Path;

pub fn run(conll: &Path, lang: Option<&str>) -> Result<Outcome> {
    let tagger = Tagger::load_default().context("loading the entity model")?;
    let mut input = Vec::new();
    if conll.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut input)
            .context("reading standard input")?;
    } else {
        input = std::fs::read(conll)
            .map_err(|e| super::UsageError(format!("{}: {e}", conll.display())))?;
    }
    let lang = match lang {
        Some("en") => Lang::En,
        Some(_) => Lang::Id,
        None => tagger::conll_lang(&input),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    tagger
        .tag_conll_lang(&input[..], &mut out, lang)
        .with_context(|| format!("tagging {}", conll.display()))?;
    out.flush()?;
    Ok(Outcome::Ok)
}
