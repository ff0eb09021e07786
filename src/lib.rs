//! netreg: a command-line registry of cooperation networks between European
//! towns and cities.

pub mod cli;
mod cmd;
mod config;
mod error;
mod export;
mod output;
mod registry;
mod store;
mod text;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

use crate::cli::Cli;
use crate::config::Config;

// What a program outside may call besides `run_with`: the tests' property
// tests hold the store's read paths equal through these.
pub use registry::draft::NetworkDraft;
pub use registry::model::Registry;
pub use registry::rules::name_key;
pub use store::{Dirs, parse, read_text, snapshot_path};

/// What netreg takes from its environment: the registry named there and the
/// directories it keeps things in. The binary reads them from the process
/// (`Environment::of_process`); a program running netreg in-process
/// (`run_with`) gives its own.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `NETREG_REGISTRY`.
    pub registry: Option<PathBuf>,
    pub dirs: Dirs,
    /// Edit a registry as one toml_edit document, never a network at a
    /// time: the simple path that the tests hold the store's fast one to.
    /// The binary never sets it.
    #[doc(hidden)]
    pub whole_document: bool,
}

impl Environment {
    pub fn of_process() -> Self {
        Self {
            registry: std::env::var_os("NETREG_REGISTRY").map(Into::into),
            dirs: Dirs::of_user(),
            whole_document: false,
        }
    }
}

/// The command line with completers that read the registry in use: network
/// ids, countries, fields and programmes (see `cmd::complete`).
pub fn completing_command() -> clap::Command {
    cmd::complete::command()
}

/// Answers a shell asking for completions (`COMPLETE=bash netreg -- ...`)
/// and exits: values from the registry in use (see `cmd::complete`).
pub fn complete_from_env() {
    clap_complete::CompleteEnv::with_factory(cmd::complete::command)
        .shells(cmd::complete::shells())
        .complete();
}

/// Parses the arguments, runs the command and returns the exit code; every
/// error is printed here, once.
pub fn run(args: impl IntoIterator<Item = OsString>) -> u8 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    start(
        args,
        Environment::of_process(),
        true,
        &mut out,
        &mut std::io::stderr(),
    )
}

/// The command line as the history records it: `netreg` and the arguments,
/// each quoted as a shell would need it; `--registry PATH` is left out, as
/// each registry has a history of its own.
fn command_line(args: &[OsString]) -> String {
    let mut line = String::from("netreg");
    let mut args = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--registry" {
            args.next();
            continue;
        }
        if arg.starts_with("--registry=") {
            continue;
        }
        let plain = !arg.is_empty()
            && arg
                .chars()
                .all(|c| c.is_alphanumeric() || "-_./:=,@%+".contains(c));
        if plain {
            line.push_str(&format!(" {arg}"));
        } else {
            line.push_str(&format!(" '{}'", arg.replace('\'', "'\\''")));
        }
    }
    line
}

/// `run` in-process: with the environment, the output and the error
/// streams given; `out` is the caller's, not the terminal: never a pager.
pub fn run_with(
    args: impl IntoIterator<Item = OsString>,
    environment: Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    start(args, environment, false, out, err)
}

/// Parses the arguments and runs the command (see `execute`).
fn start(
    args: impl IntoIterator<Item = OsString>,
    environment: Environment,
    paging: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let args: Vec<OsString> = args.into_iter().collect();
    let command_line = command_line(&args);
    let error = match Cli::try_parse_from(&args) {
        Ok(cli) => return execute(cli, command_line, environment, paging, out, err),
        Err(error) => error,
    };
    // clap prints help and version to stdout and mistakes to stderr, in
    // colour on a terminal; a mistake that quotes an argument holding a
    // character that would act on the terminal is shown without colour,
    // escaped (clap quotes arguments raw), as is everything in-process.
    let hidden = |arg: &OsString| arg.to_string_lossy().chars().any(text::hidden);
    if paging && !args.iter().any(hidden) {
        let _ = error.print();
    } else {
        let shown = text::on_terminal(&error.render().to_string(), false).into_owned();
        let _ = match error.use_stderr() {
            true => write!(err, "{shown}"),
            false => write!(out, "{shown}"),
        };
    }
    if error.use_stderr() { 2 } else { 0 }
}

/// Runs the command with stdout as `out`, through the pager `Config` chose
/// when `paging` (`out` is the process's stdout); prints the error, if any,
/// after the pager has ended.
fn execute(
    cli: Cli,
    command_line: String,
    environment: Environment,
    paging: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let config = Config::new(&cli, command_line, environment);
    let mut paged = None;
    let stdout: &mut dyn Write = match config.pager.clone().filter(|_| paging) {
        Some(pager) => paged.insert(output::Paged::new(out, pager, config.height, config.width)),
        None => out,
    };
    // On a terminal (paged or not), nothing in the data acts on it.
    let mut data = match config.stdout_terminal {
        true => output::Out::terminal(stdout),
        false => output::Out::new(stdout),
    };
    let result = cmd::dispatch(cli.command, &config, &mut data).and_then(|()| data.flush());
    // The pager is waited for whatever happened (a pager that quit early
    // makes the command's writes fail as a closed pipe does: quietly).
    let ended = paged.map_or(Ok(()), output::Paged::finish);
    let result = result.and_then(|()| ended.map_err(error::Error::Stdout));
    match result {
        Ok(()) => 0,
        Err(error) => {
            if let Some(message) = error.render(config.stderr_color) {
                // Each part from the data was escaped as the message was
                // made; this holds the rule for the whole.
                let message = text::on_terminal(&message, config.stderr_color);
                let _ = writeln!(err, "{message}");
            }
            error.exit_code()
        }
    }
}
