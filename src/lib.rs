//! netreg: a command-line registry of cooperation networks between European
//! towns and cities.

pub mod cli;
mod cmd;
pub mod config;
pub mod error;
pub mod output;
pub mod registry;
pub mod store;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

use crate::cli::Cli;
use crate::config::Config;

/// Parses the arguments, runs the command and returns the exit code; every
/// error is printed here, once.
pub fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version to stdout and mistakes to stderr.
            let _ = error.print();
            return if error.use_stderr() { 2 } else { 0 };
        }
    };
    let config = Config::new(&cli);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = cmd::dispatch(cli.command, &config, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => 0,
        Err(error) => {
            drop(out);
            if let Some(message) = error.render(config.stderr_color) {
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            error.exit_code()
        }
    }
}
