//! Command-line arguments.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Kabar: turns piles and streams of news articles (Indonesian and English) into events,
/// stories, entities, dated actions and quotes.
#[derive(Debug, Parser)]
#[command(name = "kabar", version, about, long_about = None)]
pub struct Cli {
    /// The store file: `--db PATH`, else `$KABAR_DB`, else `./kabar.db` (created on first
    /// ingest; queries never create one). A `postgres://user@host:port/db` URL selects a
    /// PostgreSQL store instead (ingest and the listings; see docs/ARCHITECTURE.md).
    #[arg(long, env = "KABAR_DB", default_value = "kabar.db", global = true)]
    pub db: PathBuf,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// `--json`.
#[derive(Debug, Args, Clone, Copy)]
pub struct JsonArg {
    /// Print JSON (JSON Lines for streams of documents) instead of text for people.
    #[arg(long)]
    pub json: bool,
}

/// Bounding and paging of a story or entity record (`kabar story`, `kabar entity`), as
/// the API's record parameters. Without them the whole record is printed, as before.
#[derive(Debug, Args, Clone, Default)]
pub struct RecordArgs {
    /// Print one page of one list part as a JSON array (story: events, timeline,
    /// entities, quotes; entity: roles, quotes, related, timeline).
    #[arg(long, value_name = "NAME")]
    pub part: Option<String>,
    /// With --part: items of the part to skip.
    #[arg(long, value_name = "N", requires = "part")]
    pub offset: Option<usize>,
    /// At most this many items per part (with --part: per page, default 100); the JSON
    /// record then has `totals` with each part's full size.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

/// Paging and filters of the list commands (`articles`, `events`, `stories`, `entities`).
/// Without any of them the whole list is printed in its usual order, as before.
#[derive(Debug, Args, Clone, Default)]
pub struct ListArgs {
    /// Print at most N rows: one page (see --offset).
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Skip the first N rows (the next page is --offset of the last plus --limit).
    #[arg(long, value_name = "N")]
    pub offset: Option<u64>,
    /// Order: latest (most recently active first, the default with paging), oldest,
    /// biggest, growth (most articles in the last two days against the two before;
    /// stories only). Not for entities, which come most mentioned first.
    #[arg(long, value_parser = ["latest", "oldest", "biggest", "growth"])]
    pub sort: Option<String>,
    /// Only rows reported on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    pub from: Option<String>,
    /// Only rows reported on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY")]
    pub to: Option<String>,
    /// Only rows with an article of this outlet (exact name, as `kabar articles` shows it).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only rows with an article that mentions this entity ID (`per:…`); not for entities.
    #[arg(long, value_name = "ID")]
    pub entity: Option<String>,
    /// Only rows with an article in this language (`id`, `en`).
    #[arg(long)]
    pub lang: Option<String>,
}

impl ListArgs {
    /// True when no paging or filter flag is given (the whole list is wanted).
    pub fn is_empty(&self) -> bool {
        self.limit.is_none()
            && self.offset.is_none()
            && self.sort.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.outlet.is_none()
            && self.entity.is_none()
            && self.lang.is_none()
    }
}

/// Options shared by commands that read articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Publication date for inputs that do not give one (ISO 8601 or as an outlet writes it).
    #[arg(long)]
    pub published: Option<String>,
    /// Outlet name for inputs that do not give one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles without storing them (entities, times, actions, quotes, …).
    Analyze {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Analyse and store articles, then link duplicates, events and stories.
    Ingest {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        input: InputArgs,
        /// Articles per transaction.
        #[arg(long, default_value_t = 500)]
        batch: usize,
    },
    /// List stored articles with their duplicate group, event and story.
    Articles {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List events: the articles that report one real-world happening.
    Events {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// List stories: threads of related events over time.
    Stories {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one story: its events, merged timeline of actions, entities and quotes.
    Story {
        #[command(flatten)]
        json: JsonArg,
        /// Story ID (`s:…`), from `kabar stories`.
        id: String,
        /// Also show why each article is in its event and each event in the story
        /// (shared terms and entities, scores); with --json, adds a `why` field.
        #[arg(long)]
        why: bool,
        #[command(flatten)]
        record: RecordArgs,
    },
    /// Show one event: its articles in publication order, copies marked.
    Event {
        #[command(flatten)]
        json: JsonArg,
        /// Event ID (`e:…`), from `kabar events` or `kabar story`.
        id: String,
    },
    /// Show one stored article: its analysis (entities, times, actions, quotes,
    /// warnings), its event and story, and its cleaned text.
    Article {
        #[command(flatten)]
        json: JsonArg,
        /// Article ID (`a:…`), from `kabar articles`, `kabar event` or `kabar search`.
        id: String,
    },
    /// List entities with their aliases and mention counts.
    Entities {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        list: ListArgs,
    },
    /// Show one entity: aliases, roles over time, quotes, related entities, timeline.
    Entity {
        #[command(flatten)]
        json: JsonArg,
        /// Entity ID (`per:retno-marsudi`), name or alias.
        id_or_name: String,
        #[command(flatten)]
        record: RecordArgs,
    },
    /// Full-text search over stored articles.
    Search {
        #[command(flatten)]
        json: JsonArg,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Words to look for.
        #[arg(required = true)]
        query: Vec<String>,
    },
    /// Tag pre-tokenised CoNLL text with entity BIO tags (one more column per line).
    Tag {
        /// CoNLL input (token in the first column, blank line between sentences), or `-`.
        #[arg(long, value_name = "FILE|-")]
        conll: PathBuf,
        /// Language of the text, choosing the model: `id` or `en` (detected from the
        /// tokens when absent; Indonesian when undecided).
        #[arg(long, value_parser = ["id", "en"])]
        lang: Option<String>,
    },
    /// Export a whole table as JSON Lines or CSV (actions in a GDELT-like layout).
    Export {
        /// What to export.
        #[arg(value_parser = ["events", "actions", "entities", "articles"])]
        table: String,
        /// Output format.
        #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "csv"])]
        format: String,
    },
    /// Serve the HTTP JSON API (/api/v1/) and the web UI (/).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:7700")]
        addr: String,
    },
    /// Fetch feeds, sitemaps or article pages once; analyse and store their articles.
    Fetch(crate::commands::fetch::FetchCmd),
    /// Poll the sources file's feeds until stopped (Ctrl-C or SIGTERM finish the batch).
    Watch(crate::commands::fetch::WatchCmd),
    /// Manage the sources file: add, list, remove, status.
    Sources(crate::commands::fetch::SourcesCmd),
    /// Compare outlets on one event or story: coverage of facts, first report and
    /// copies, discrepancies, unique and missing facts.
    Compare(crate::commands::compare::CompareCmd),
    /// Ingest the bundled example articles into a fresh store and show what was found.
    Demo {
        /// The example articles.
        #[arg(default_value = "examples/articles")]
        dir: PathBuf,
        /// Keep the store in this file (default: a fresh file in the temp directory; any
        /// store already there is replaced).
        #[arg(long, value_name = "PATH")]
        keep: Option<PathBuf>,
    },
}
