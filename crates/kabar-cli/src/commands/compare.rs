//! `kabar compare event|story ID`: who reported what, who was first and who copied, and
//! where outlets disagree (kabar-compare; docs/compare.md).

use crate::cli::JsonArg;
use crate::Outcome;
use anyhow::Result;
use clap::{Args, Subcommand};
use kabar_compare::{compare_event, compare_story, render, CompareError};
use std::io::Write;
use std::path::Path;

/// `kabar compare …`.
#[derive(Debug, Args)]
pub struct CompareCmd {
    /// What to compare.
    #[command(subcommand)]
    pub what: CompareWhat,
}

/// An event or a story.
#[derive(Debug, Subcommand)]
pub enum CompareWhat {
    /// Compare the outlets reporting one event (`e:…`, from `kabar events`).
    Event {
        #[command(flatten)]
        json: JsonArg,
        /// Event ID.
        id: String,
    },
    /// Compare the outlets over each event of a story (`s:…`, from `kabar stories`).
    Story {
        #[command(flatten)]
        json: JsonArg,
        /// Story ID.
        id: String,
    },
}

fn usage_or_runtime(e: CompareError) -> anyhow::Error {
    if e.is_not_found() {
        anyhow::Error::new(super::UsageError(e.to_string()))
    } else {
        anyhow::Error::new(e)
    }
}

/// Runs `kabar compare`.
pub fn run(db: &Path, cmd: &CompareCmd) -> Result<Outcome> {
    let store = super::query::open(db)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match &cmd.what {
        CompareWhat::Event { json, id } => {
            let c = compare_event(&store, id).map_err(usage_or_runtime)?;
            if json.json {
                serde_json::to_writer(&mut out, &c)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", render::event_text(&c))?;
            }
        }
        CompareWhat::Story { json, id } => {
            let c = compare_story(&store, id).map_err(usage_or_runtime)?;
            if json.json {
                serde_json::to_writer(&mut out, &c)?;
                writeln!(out)?;
            } else {
                write!(out, "{}", render::story_text(&c))?;
            }
        }
    }
    Ok(Outcome::Ok)
}
