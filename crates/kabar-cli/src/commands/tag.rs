//! `kabar tag --conll`.

use crate::Outcome;
use anyhow::{Context, Result};
use kabar_entities::Tagger;
use std::io::{BufReader, Write};
use std::path::Path;

pub fn run(conll: &Path) -> Result<Outcome> {
    let tagger = Tagger::load_default().context("loading the entity model")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if conll.as_os_str() == "-" {
        tagger.tag_conll(std::io::stdin().lock(), &mut out)?;
    } else {
        let f = std::fs::File::open(conll)
            .map_err(|e| super::UsageError(format!("{}: {e}", conll.display())))?;
        tagger
            .tag_conll(BufReader::new(f), &mut out)
            .with_context(|| format!("tagging {}", conll.display()))?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
