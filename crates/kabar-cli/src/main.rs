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
            if e.downcast_ref::<std::io::Error>().map(|io| io.kind())
                == Some(std::io::ErrorKind::BrokenPipe)
            {
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
