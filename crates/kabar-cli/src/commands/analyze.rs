//! `kabar analyze`: stateless analysis, no store.

use super::{progress_bar, read_articles, today};
use crate::cli::InputArgs;
use crate::output;
use crate::Outcome;
use anyhow::Result;
use kabar_analyze::Pipeline;
use std::io::Write;

pub fn run(json: bool, input: &InputArgs) -> Result<Outcome> {
    let (raws, refused) = read_articles(input);
    let pipeline = Pipeline::new(today())?;
    let pb = progress_bar(raws.len(), "analysing");
    let analyses = pipeline.analyze_all(raws, &|| pb.inc(1));
    pb.finish_and_clear();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in &analyses {
        if json {
            serde_json::to_writer(&mut out, a)?;
            writeln!(out)?;
        } else {
            output::analysis(&mut out, a)?;
        }
    }
    out.flush()?;
    Ok(if refused.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}
