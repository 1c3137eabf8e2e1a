//! One module per command group; [`run`] dispatches.

mod analyze;
pub mod compare;
mod demo;
pub mod fetch;
mod ingest;
mod pg;
pub mod query;
mod tag;

use crate::cli::{Cli, Command, InputArgs};
use crate::Outcome;
use anyhow::Result;
use kabar_extract::sources::{stream_inputs, InputError, ReadItem, ReadOptions};
use std::io::IsTerminal;

/// An error in how kabar was called (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Runs one command.
pub fn run(cli: Cli) -> Result<Outcome> {
    let db = cli.db;
    if let Some(url) = pg::url_of(&db) {
        // the read commands and `serve` go through kabar-query's traits on both backends
        if !pg::reads(&cli.command) {
            return pg::run(url, cli.command);
        }
    }
    match cli.command {
        Command::Analyze { json, input } => analyze::run(json.json, &input),
        Command::Ingest { json, input, batch } => ingest::run(&db, json.json, &input, batch),
        Command::Articles { json, list } => query::articles(&db, json.json, &list),
        Command::Events { json, list } => query::events(&db, json.json, &list),
        Command::Stories { json, list } => query::stories(&db, json.json, &list),
        Command::Story {
            json,
            id,
            why,
            record,
        } => query::story(&db, json.json, &id, why, &record),
        Command::Event { json, id } => query::event(&db, json.json, &id),
        Command::Article { json, id } => query::article(&db, json.json, &id),
        Command::Entities { json, list } => query::entities(&db, json.json, &list),
        Command::Entity {
            json,
            id_or_name,
            record,
        } => query::entity(&db, json.json, &id_or_name, &record),
        Command::Search { json, limit, query } => {
            query::search(&db, json.json, &query.join(" "), limit)
        }
        Command::Export { table, format } => query::export(&db, &table, &format),
        Command::Tag { conll, lang } => tag::run(&conll, lang.as_deref()),
        Command::Fetch(cmd) => fetch::fetch(&db, &cmd),
        Command::Watch(cmd) => fetch::watch(&db, &cmd),
        Command::Sources(cmd) => fetch::sources(&db, &cmd),
        Command::Compare(cmd) => compare::run(&db, &cmd),
        Command::Demo { dir, keep } => demo::run(&dir, keep.as_deref()),
        Command::Serve { addr } => {
            // fail now, with the same message as the queries, rather than on each request
            drop(query::open_reads(&db)?);
            kabar_server::serve(kabar_server::ServerConfig { db }, &addr)?;
            Ok(Outcome::Ok)
        }
    }
}

/// The reading options of the input arguments.
fn read_options(input: &InputArgs) -> ReadOptions {
    ReadOptions {
        outlet: input.outlet.clone(),
        published: input.published.clone(),
        ..ReadOptions::default()
    }
}

/// Reports a refused input or a warning on stderr; returns the article, if the item is
/// one, and whether it was a refusal.
fn report(item: ReadItem) -> (Option<kabar_core::RawArticle>, Option<InputError>) {
    match item {
        ReadItem::Article(a) => (Some(a), None),
        ReadItem::Refused(e) => {
            eprintln!("kabar: refused {e}");
            (None, Some(e))
        }
        ReadItem::Warning(e) => {
            eprintln!("kabar: warning: {e}");
            (None, None)
        }
    }
}

/// Reads every input, reporting refused ones and warnings on stderr. Returns the articles
/// and the refusals.
fn read_articles(input: &InputArgs) -> (Vec<kabar_core::RawArticle>, Vec<InputError>) {
    let mut ok = Vec::new();
    let mut refused = Vec::new();
    for item in stream_inputs(&input.inputs, &read_options(input)) {
        let (a, e) = report(item);
        ok.extend(a);
        refused.extend(e);
    }
    (ok, refused)
}

/// A counter of articles on stderr when it is a terminal (the total is not known while
/// inputs are streamed).
fn progress_counter(what: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_style(
        indicatif::ProgressStyle::with_template("{prefix} {pos} articles, {per_sec}")
            .expect("static template"),
    );
    pb.set_prefix(what.to_string());
    pb
}

/// A progress bar on stderr when it is a terminal and the job is long enough to want one.
fn progress_bar(len: usize, what: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || len < 50 {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(len as u64);
    pb.set_style(
        indicatif::ProgressStyle::with_template(
            "{prefix} [{bar:30}] {pos}/{len} {per_sec} eta {eta}",
        )
        .expect("static template")
        .progress_chars("=> "),
    );
    pb.set_prefix(what.to_string());
    pb
}

/// The date used as "today" for inference.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
