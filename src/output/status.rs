//! The one place notes and status lines reach stderr: each line escaped
//! for a terminal (one line a call: a line break in it, which can only have
//! come from the data, shows as `\n`; a line of thousands of characters is
//! cut in the middle); what a command did left out with
//! `--quiet`, what the user must know (a note, a warning) never.

use std::io::Write as _;

use crate::text::in_message;

/// Where a command's status lines and notes go.
#[derive(Debug, Clone, Copy)]
pub struct Status {
    quiet: bool,
}

impl Status {
    pub fn new(quiet: bool) -> Self {
        Self { quiet }
    }

    /// What the command did, e.g. `added partner X to Y in FILE`; nothing
    /// with `--quiet`.
    pub fn say(&self, line: &str) {
        if !self.quiet {
            self.note(line);
        }
    }

    /// What the user must know whatever `--quiet` says: a warning, a note
    /// about their files, a choice not carried out.
    pub fn note(&self, line: &str) {
        let _ = writeln!(std::io::stderr(), "{}", in_message(line));
    }

    /// A warning shown as `check` shows it (`Diagnostic::render`, which
    /// escapes what came from the file), whatever `--quiet` says.
    pub fn diagnostic(&self, rendered: &str) {
        let _ = writeln!(std::io::stderr(), "{rendered}");
    }
}
