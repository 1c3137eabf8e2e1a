//! `kabar fetch`, `kabar watch` and `kabar sources`: live news from the web
//! (kabar-fetch), stored through the usual ingest path.

use super::{today, UsageError};
use crate::Outcome;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use kabar_fetch::sources::DEFAULT_INTERVAL;
use kabar_fetch::{Crawler, FetchConfig, NetPolicy, PollReport, Source, SourcesFile, Target};
use kabar_store::Store;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Network options of `fetch` and `watch`.
#[derive(Debug, Args, Clone)]
pub struct NetArgs {
    /// Allow private, loopback and link-local addresses (refused by default, also after
    /// redirects and DNS resolution).
    #[arg(long)]
    pub allow_private: bool,
    /// Minimum milliseconds between two requests to one host.
    #[arg(long, default_value_t = 1000)]
    pub host_interval_ms: u64,
    /// Requests in flight at most (all hosts).
    #[arg(long, default_value_t = 32)]
    pub concurrency: usize,
    /// Largest body read, in bytes (after decompression).
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_body: u64,
    /// Seconds allowed for one request, body included.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
}

impl NetArgs {
    fn config(&self) -> FetchConfig {
        FetchConfig {
            policy: NetPolicy {
                allow_private: self.allow_private,
                ..Default::default()
            },
            host_interval: Duration::from_millis(self.host_interval_ms),
            concurrency: self.concurrency.max(1),
            max_body: self.max_body,
            total_timeout: Duration::from_secs(self.timeout.max(1)),
            ..Default::default()
        }
    }
}

/// `kabar fetch`.
#[derive(Debug, Args)]
pub struct FetchCmd {
    /// Print the poll report as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub net: NetArgs,
    /// Outlet for pages that do not name one.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Language of the pages (id, en): a hint used when an article's text does not tell.
    #[arg(long)]
    pub language: Option<String>,
    /// Feed, sitemap or article URLs.
    #[arg(required = true, value_name = "URL")]
    pub urls: Vec<String>,
}

/// The sources file: `--sources PATH`, else `$KABAR_SOURCES`, else `./kabar-sources.toml`.
#[derive(Debug, Args, Clone)]
pub struct SourcesArg {
    /// The sources file (TOML).
    #[arg(
        long,
        env = "KABAR_SOURCES",
        default_value = "kabar-sources.toml",
        global = true
    )]
    pub sources: PathBuf,
}

/// `kabar watch`.
#[derive(Debug, Args)]
pub struct WatchCmd {
    #[command(flatten)]
    pub file: SourcesArg,
    #[command(flatten)]
    pub net: NetArgs,
    /// Poll every source once and exit.
    #[arg(long)]
    pub once: bool,
}

/// `kabar sources …`.
#[derive(Debug, Args)]
pub struct SourcesCmd {
    #[command(flatten)]
    pub file: SourcesArg,
    /// What to do.
    #[command(subcommand)]
    pub action: SourcesAction,
}

/// The `kabar sources` actions.
#[derive(Debug, Subcommand)]
pub enum SourcesAction {
    /// Add a source (feed, sitemap or page URL).
    Add {
        /// Unique name.
        name: String,
        /// The URL.
        url: String,
        /// Outlet for pages that do not name one.
        #[arg(long)]
        outlet: Option<String>,
        /// Language code (id, en).
        #[arg(long)]
        language: Option<String>,
        /// Seconds between polls.
        #[arg(long, default_value_t = DEFAULT_INTERVAL)]
        interval: u64,
    },
    /// List the sources.
    List {
        /// JSON Lines.
        #[arg(long)]
        json: bool,
    },
    /// Remove a source by name.
    Remove {
        /// Its name.
        name: String,
    },
    /// What the store knows of each source: URLs fetched, failing, last fetch, last failures.
    Status {
        /// JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Structured logs on stderr when it is not a terminal (a terminal gets a progress line).
fn init_logs() {
    if !std::io::stderr().is_terminal() {
        let _ = tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .try_init();
    }
}

/// A progress line on a terminal; a log event otherwise.
fn progress(msg: &str) {
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K{msg}");
    } else {
        tracing::info!("{msg}");
    }
}

fn clear_progress() {
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[2K");
    }
}

fn print_report(r: &PollReport, json: bool) -> Result<()> {
    clear_progress();
    if json {
        println!("{}", serde_json::to_string(r)?);
        return Ok(());
    }
    println!(
        "{} feed(s) read, {} not modified; {} item(s), {} seen before; {} page(s) fetched; added {} article(s) ({} duplicate(s)), {} already stored; {} failure(s)",
        r.feeds, r.not_modified, r.items, r.seen, r.pages, r.added, r.duplicates, r.already_stored, r.failures.len()
    );
    for (url, why) in &r.failures {
        eprintln!("kabar: failed {url}: {why}");
    }
    Ok(())
}

/// `kabar fetch URL…`.
pub fn fetch(db: &Path, cmd: &FetchCmd) -> Result<Outcome> {
    init_logs();
    for u in &cmd.urls {
        if kabar_fetch::urls::normalize(u).is_none() {
            return Err(UsageError(format!("{u:?} is not an http(s) URL")).into());
        }
    }
    if let Some(l) = cmd.language.as_deref() {
        if !kabar_fetch::sources::is_language_tag(l) {
            return Err(UsageError(format!(
                "--language {l:?} is not a language tag (like \"id\", \"en\" or \"id-ID\")"
            ))
            .into());
        }
    }
    let mut store = Store::open(db).with_context(|| format!("opening store {}", db.display()))?;
    let crawler = Crawler::new(cmd.net.config(), today())?;
    crawler.stop_on_signals();
    let targets: Vec<Target> = cmd
        .urls
        .iter()
        .map(|u| Target {
            url: u.clone(),
            source: None,
            outlet: cmd.outlet.clone(),
            language: cmd.language.clone(),
        })
        .collect();
    let r = crawler.poll(&mut store, &targets, &progress)?;
    print_report(&r, cmd.json)?;
    Ok(if r.failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Refused
    })
}

/// `kabar watch`.
pub fn watch(db: &Path, cmd: &WatchCmd) -> Result<Outcome> {
    init_logs();
    let file = load_sources(&cmd.file.sources)?;
    if file.sources.is_empty() {
        return Err(UsageError(format!(
            "{}: no sources; add one with `kabar sources add NAME URL`",
            cmd.file.sources.display()
        ))
        .into());
    }
    let mut store = Store::open(db).with_context(|| format!("opening store {}", db.display()))?;
    let crawler = Crawler::new(cmd.net.config(), today())?;
    crawler.stop_on_signals();
    if cmd.once {
        let targets: Vec<Target> = file.sources.iter().map(Target::from).collect();
        let r = crawler.poll(&mut store, &targets, &progress)?;
        print_report(&r, false)?;
        return Ok(Outcome::Ok);
    }
    tracing::info!(sources = file.sources.len(), "watching");
    crawler.watch(&mut store, &file.sources, &progress, &mut |r| {
        clear_progress();
        tracing::info!(
            feeds = r.feeds,
            not_modified = r.not_modified,
            pages = r.pages,
            added = r.added,
            failures = r.failures.len(),
            "poll done"
        );
        progress(&format!(
            "last poll: {} page(s), {} added, {} failure(s); waiting (Ctrl-C stops)",
            r.pages,
            r.added,
            r.failures.len()
        ));
    })?;
    clear_progress();
    eprintln!("kabar: stopped");
    Ok(Outcome::Ok)
}

/// The sources file; a file that cannot be read or used is bad input (exit 2), named.
fn load_sources(path: &Path) -> Result<SourcesFile> {
    SourcesFile::load(path).map_err(|e| UsageError(format!("sources file {e}")).into())
}

/// `kabar sources …`.
pub fn sources(db: &Path, cmd: &SourcesCmd) -> Result<Outcome> {
    let path = &cmd.file.sources;
    let mut file = load_sources(path)?;
    match &cmd.action {
        SourcesAction::Add {
            name,
            url,
            outlet,
            language,
            interval,
        } => {
            file.add(Source {
                name: name.clone(),
                url: url.clone(),
                outlet: outlet.clone(),
                language: language.clone(),
                interval: *interval,
            })
            .map_err(|e| UsageError(e.to_string()))?;
            file.save(path)?;
            println!("added {name} to {}", path.display());
        }
        SourcesAction::List { json } => {
            for s in &file.sources {
                if *json {
                    println!("{}", serde_json::to_string(s)?);
                } else {
                    println!(
                        "{}\t{}\t{}\t{}\tevery {} s",
                        s.name,
                        s.url,
                        s.outlet.as_deref().unwrap_or("-"),
                        s.language.as_deref().unwrap_or("-"),
                        s.interval
                    );
                }
            }
        }
        SourcesAction::Remove { name } => {
            if !file.remove(name) {
                return Err(
                    UsageError(format!("no source named {name:?} in {}", path.display())).into(),
                );
            }
            file.save(path)?;
            println!("removed {name} from {}", path.display());
        }
        SourcesAction::Status { json } => status(db, &file, *json)?,
    }
    Ok(Outcome::Ok)
}

fn status(db: &Path, file: &SourcesFile, json: bool) -> Result<()> {
    let store = super::query::open(db)?;
    let states = store.source_states()?;
    for s in &file.sources {
        let st = states
            .iter()
            .find(|x| x.source == s.name)
            .cloned()
            .unwrap_or_default();
        let failures = store.fetch_failures(Some(&s.name), 3)?;
        if json {
            let v = serde_json::json!({
                "name": s.name, "url": s.url, "urls": st.urls, "fetched": st.fetched,
                "failing": st.failing, "articles": st.articles, "last_fetched": st.last_fetched,
                "recent_failures": failures,
            });
            println!("{v}");
        } else {
            println!(
                "{}\t{} URL(s), {} fetched, {} article(s), {} failing, last fetch {}",
                s.name,
                st.urls,
                st.fetched,
                st.articles,
                st.failing,
                st.last_fetched.as_deref().unwrap_or("never")
            );
            for f in failures {
                println!("  {}  {}  {}", f.at, f.url, f.reason);
            }
        }
    }
    Ok(())
}
