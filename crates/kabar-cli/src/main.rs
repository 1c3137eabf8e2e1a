//! `kabar`: news intelligence from the command line. See SPEC.md for the machine
//! interface; `kabar --help` for the commands.

mod cli;
mod commands;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// Exit status of a command that ran (SPEC.md: 0 ok, 1 runtime failure, 2 usage error or
/// refused input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went through.
    Ok,
    /// Some input was refused; the rest was processed.
    Refused,
}

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match commands::run(args) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Refused) => ExitCode::from(2),
        Err(e) => {
            if is_broken_pipe(&e) {
                // The reader went away (`kabar articles --json | head`): like ripgrep, stop
                // quietly with success; there is nobody left to tell.
                return ExitCode::SUCCESS;
            }
            eprintln!("kabar: error: {e:#}");
            match e.downcast_ref::<commands::UsageError>() {
                Some(_) => ExitCode::from(2),
                None => ExitCode::from(1),
            }
        }
    }
}

/// True when writing to standard output failed because its reader closed the pipe, however
/// deep in the error chain the I/O error sits (serde_json and anyhow context wrap it).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
