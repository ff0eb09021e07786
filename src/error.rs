//! Every way netreg can fail, printed in one place with one exit code each.

use std::io;
use std::path::PathBuf;

use crate::registry::diagnostic::{Diagnostic, Source};
use crate::text::count;
use crate::text::{in_message, visible};

#[derive(Debug)]
pub enum Error {
    /// The command line was wrong (exit 2).
    Usage { message: String, hint: Option<String> },
    /// The registry has errors; each names its place in the file (exit 1).
    Registry {
        file: String,
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// A write that would leave the registry invalid; nothing was written (exit 1).
    Refused {
        file: String,
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// A conflict or refusal with a reason (exit 1).
    Failed { message: String, hint: Option<String> },
    /// Something asked for does not exist (exit 1).
    NotFound { message: String, hint: Option<String> },
    /// No network has this id; `suggestion` is the nearest one.
    NetworkNotFound { id: String, suggestion: Option<String> },
    /// A network with this id exists already.
    NetworkExists { id: String },
    /// The network has no partner of this name; `suggestion` is the nearest.
    PartnerNotFound {
        network: String,
        name: String,
        suggestion: Option<String>,
    },
    /// The network has this partner already (as `existing`, compared
    /// ignoring case and accents).
    PartnerExists {
        network: String,
        name: String,
        existing: String,
    },
    /// The network has a lead already, and `--replace-lead` was not given.
    LeadTaken { network: String, lead: String },
    /// The network has no milestone with this date and title.
    MilestoneNotFound {
        network: String,
        date: String,
        title: String,
    },
    /// The network has this milestone already (its title compared ignoring
    /// case and accents).
    MilestoneExists {
        network: String,
        date: String,
        title: String,
    },
    /// The network has a launch (or completion) milestone already.
    SpanTaken {
        network: String,
        kind: &'static str,
        date: String,
        wanted: String,
    },
    /// An edit that names nothing to change (exit 2).
    NothingToChange { flags: &'static str },
    /// netreg cannot edit this file's layout: a mistake of netreg's.
    Unexpected { what: String },
    /// Reading or writing a file failed (exit 1).
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Writing to stdout failed; a closed pipe is not an error.
    Stdout(io::Error),
    /// A failure already shown in full (`check`'s problems): exit 1, no more to say.
    Reported,
    /// The registry is a directory, a device, a pipe or a socket (exit 1).
    NotAFile { path: PathBuf, kind: &'static str },
    /// A write would replace a file the user may not write; nothing was written (exit 1).
    ReadOnly { path: PathBuf, immutable: bool },
    /// A write went past the file-size limit (`ulimit -f`); nothing was replaced (exit 1).
    TooLarge { path: PathBuf },
}

impl Error {
    pub fn usage(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn failed(message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Error::Failed {
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } | Error::NothingToChange { .. } => 2,
            Error::Stdout(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// The message for stderr, or `None` when there is nothing to say.
    pub fn render(&self, color: bool) -> Option<String> {
        let head = |message: &str| {
            let message = in_message(message);
            if color {
                format!("\x1b[1;31merror\x1b[0m\x1b[1m: {message}\x1b[0m")
            } else {
                format!("error: {message}")
            }
        };
        let with_hint = |message: &str, hint: &str| format!("{}\nhint: {}", head(message), in_message(hint));
        // Each problem shown in the file's text, as `check` shows it.
        let shown = |file: &str, text: &str, diagnostics: &[Diagnostic]| -> Vec<String> {
            let source = Source::new(text);
            diagnostics
                .iter()
                .map(|d| d.render(file, &source, color))
                .collect()
        };
        Some(match self {
            Error::Usage { message, hint }
            | Error::NotFound { message, hint }
            | Error::Failed { message, hint } => match hint {
                Some(hint) => with_hint(message, hint),
                None => head(message),
            },
            Error::NetworkNotFound { id, suggestion } => with_hint(
                &format!("no network `{id}` in the registry"),
                &match suggestion {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "`netreg networks list` shows the ids".into(),
                },
            ),
            Error::NetworkExists { id } => with_hint(
                &format!("network `{id}` already exists"),
                &format!("change it with `netreg networks edit {id}`"),
            ),
            Error::PartnerNotFound {
                network,
                name,
                suggestion,
            } => with_hint(
                &format!("no partner `{name}` in network `{network}`"),
                &match suggestion {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("`netreg partners list --network {network}` shows them"),
                },
            ),
            Error::PartnerExists {
                network,
                name,
                existing,
            } => with_hint(
                &format!("`{name}` is already a partner of `{network}` (as `{existing}`)"),
                &format!("change it with `netreg partners edit {network} \"{existing}\"`"),
            ),
            Error::LeadTaken { network, lead } => with_hint(
                &format!("network `{network}` already has a lead: `{lead}`"),
                "add --replace-lead to make the new partner the lead and the current lead a partner",
            ),
            Error::MilestoneNotFound { network, date, title } => with_hint(
                &format!("no milestone {date} `{title}` in network `{network}`"),
                &format!("`netreg milestones list --network {network}` shows them"),
            ),
            Error::MilestoneExists { network, date, title } => with_hint(
                &format!("network `{network}` already has the milestone {date} `{title}`"),
                &format!("`netreg milestones list --network {network}` shows them"),
            ),
            Error::SpanTaken {
                network,
                kind,
                date,
                wanted,
            } => {
                let flag = if *kind == "launch" { "--start" } else { "--end" };
                with_hint(
                    &format!("network `{network}` already has a {kind} milestone ({date})"),
                    &format!("move it with `netreg networks edit {network} {flag} {wanted}`"),
                )
            }
            Error::NothingToChange { flags } => {
                with_hint("nothing to change", &format!("give a field to change: {flags}"))
            }
            Error::Unexpected { what } => with_hint(
                &format!("cannot edit the registry: netreg did not expect its layout of {what}"),
                "this is a mistake in netreg; the file was not changed. Please report it with the file",
            ),
            Error::Refused {
                file,
                text,
                diagnostics,
            } => format!(
                "{}\n{}",
                head("the registry was not changed: the change would make it invalid"),
                shown(file, text, diagnostics).join("\n\n")
            ),
            Error::Registry {
                file,
                text,
                diagnostics,
            } => {
                let mut shown = shown(file, text, diagnostics);
                // How many, after the last: a long list's count is where the eye ends.
                if diagnostics.len() > 1 {
                    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                    let warnings = diagnostics.len() - errors;
                    let mut counted = count(errors, "error");
                    if warnings > 0 {
                        counted = format!("{counted}, {}", count(warnings, "warning"));
                    }
                    shown.push(format!("{}: {counted}", visible(file)));
                }
                shown.join("\n\n")
            }
            Error::Io { action, path, source } => head(&format!(
                "cannot {action} `{}`: {}",
                path.display(),
                plain_io(source)
            )),
            Error::Stdout(e) if e.kind() == io::ErrorKind::BrokenPipe => return None,
            Error::Reported => return None,
            Error::Stdout(e) => head(&format!("cannot write to stdout: {}", plain_io(e))),
            Error::NotAFile { path, kind } => {
                let hint = if *kind == "a directory" {
                    format!(
                        "pass the registry file in it, e.g. `--registry {}`",
                        path.join("registry.toml").display()
                    )
                } else {
                    "a registry is a regular TOML file: pass one with --registry or NETREG_REGISTRY".into()
                };
                with_hint(
                    &format!("`{}` is {kind}, not a registry file", path.display()),
                    &hint,
                )
            }
            Error::ReadOnly {
                path,
                immutable: true,
            } => with_hint(
                &format!(
                    "`{}` is marked immutable, so netreg will not replace it",
                    path.display()
                ),
                &format!(
                    "`lsattr {0}` shows the `i`; `chattr -i {0}` (as root) lets it change, or pass another --registry",
                    path.display()
                ),
            ),
            Error::ReadOnly {
                path,
                immutable: false,
            } => with_hint(
                &format!("`{}` is read-only, so netreg will not replace it", path.display()),
                &format!(
                    "make it writable with `chmod u+w {}`, or pass another --registry",
                    path.display()
                ),
            ),
            Error::TooLarge { path } => with_hint(
                &format!(
                    "cannot write `{}`: file too large for the file-size limit (`ulimit -f`)",
                    path.display()
                ),
                &format!(
                    "raise the limit (`ulimit -f unlimited`) and try again; `{}` was not changed",
                    path.display()
                ),
            ),
        })
    }
}

/// The OS error without Rust's "(os error 2)" suffix.
fn plain_io(error: &io::Error) -> String {
    let text = error.to_string();
    text.split(" (os error").next().unwrap_or_default().to_lowercase()
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
