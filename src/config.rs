//! Every "auto" decision (format, colour, width, registry) made once, from the
//! command line and the environment; nothing after this reads either.

use std::io::IsTerminal;

use chrono::NaiveDate;

use crate::cli::{Cli, ColorChoice, Format};
use crate::store::Location;

#[derive(Debug, Clone)]
pub struct Config {
    pub format: Format,
    /// The format named on the command line, if any (import and export have
    /// their own defaults).
    pub explicit_format: Option<Format>,
    /// Colour on stdout (tables only).
    pub color: bool,
    /// Colour in messages on stderr.
    pub stderr_color: bool,
    /// Whether stdout is a terminal (a person reads it, not a program).
    pub stdout_terminal: bool,
    /// The width a table is fitted to; `None` when nothing limits it.
    pub width: Option<u16>,
    /// The pager that output taller than the screen goes through, on a
    /// terminal (a shell command line); `None` for none.
    pub pager: Option<String>,
    /// How many lines the terminal shows, when stdout is one.
    pub height: Option<u16>,
    pub quiet: bool,
    pub location: Location,
    pub today: NaiveDate,
    /// Edit the registry as one document, never a network at a time (see
    /// `Environment::whole_document`).
    pub whole_document: bool,
    /// The command line, as the history records a write.
    pub command_line: String,
}

impl Config {
    /// Where status lines and notes go, as `--quiet` says.
    pub fn status(&self) -> crate::output::Status {
        crate::output::Status::new(self.quiet)
    }

    pub fn new(cli: &Cli, command_line: String, environment: crate::Environment) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        // A dumb terminal shows escape codes as text.
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        let color_for = |tty: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !no_color,
        };
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        let size = stdout_tty.then(terminal_size::terminal_size).flatten();
        let width = size.map(|(w, _)| w.0).or(columns);
        let height = size
            .map(|(_, h)| h.0)
            .or_else(|| std::env::var("LINES").ok().and_then(|l| l.parse().ok()))
            .filter(|h| stdout_tty && *h > 0);
        Self {
            explicit_format: cli.format,
            format: cli
                .format
                .unwrap_or(if stdout_tty { Format::Table } else { Format::Plain }),
            color: color_for(stdout_tty),
            stderr_color: color_for(stderr_tty),
            stdout_terminal: stdout_tty,
            width,
            // A terminal that does not say how tall it is gets no pager:
            // nothing says output is taller than it.
            pager: (height.is_some() && !cli.no_pager).then(pager).flatten(),
            height,
            quiet: cli.quiet,
            location: Location::resolve(cli.registry.clone(), environment.registry, environment.dirs),
            today: chrono::Local::now().date_naive(),
            whole_document: environment.whole_document,
            command_line,
        }
    }
}

/// The pager, as git chooses one: `$NETREG_PAGER`, else `$PAGER`, else
/// `less -FRX`; set but empty, or `cat`, means none.
fn pager() -> Option<String> {
    let chosen = std::env::var("NETREG_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .unwrap_or_else(|_| "less -FRX".to_string());
    let chosen = chosen.trim();
    (!chosen.is_empty() && chosen != "cat").then(|| chosen.to_string())
}
