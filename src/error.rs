//! Every way netreg can fail, printed in one place with one exit code each.

use std::io;
use std::path::PathBuf;

use crate::registry::diagnostic::{Diagnostic, Source};

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
    /// Reading or writing a file failed (exit 1).
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Writing to stdout failed; a closed pipe is not an error.
    Stdout(io::Error),
    /// The registry is a directory, a device, a pipe or a socket (exit 1).
    NotAFile { path: PathBuf, kind: &'static str },
    /// A write would replace a file the user may not write; nothing was written (exit 1).
    ReadOnly { path: PathBuf },
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
            Error::Usage { .. } => 2,
            Error::Stdout(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// The message for stderr, or `None` when there is nothing to say.
    pub fn render(&self, color: bool) -> Option<String> {
        let head = |message: &str| {
            if color {
                format!("\x1b[1;31merror\x1b[0m\x1b[1m: {message}\x1b[0m")
            } else {
                format!("error: {message}")
            }
        };
        let with_hint = |message: &str, hint: &Option<String>| match hint {
            Some(hint) => format!("{}\nhint: {hint}", head(message)),
            None => head(message),
        };
        Some(match self {
            Error::Usage { message, hint }
            | Error::NotFound { message, hint }
            | Error::Failed { message, hint } => with_hint(message, hint),
            Error::Refused {
                file,
                text,
                diagnostics,
            } => {
                let source = Source::new(text);
                let details: Vec<String> = diagnostics
                    .iter()
                    .map(|d| d.render(file, &source, color))
                    .collect();
                format!(
                    "{}\n{}",
                    head("the registry was not changed: the change would make it invalid"),
                    details.join("\n\n")
                )
            }
            Error::Registry {
                file,
                text,
                diagnostics,
            } => {
                let source = Source::new(text);
                diagnostics
                    .iter()
                    .map(|d| d.render(file, &source, color))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            }
            Error::Io { action, path, source } => head(&format!(
                "cannot {action} `{}`: {}",
                path.display(),
                plain_io(source)
            )),
            Error::Stdout(e) if e.kind() == io::ErrorKind::BrokenPipe => return None,
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
                    &Some(hint),
                )
            }
            Error::ReadOnly { path } => with_hint(
                &format!("`{}` is read-only, so netreg will not replace it", path.display()),
                &Some(format!(
                    "make it writable with `chmod u+w {}`, or pass another --registry",
                    path.display()
                )),
            ),
            Error::TooLarge { path } => with_hint(
                &format!(
                    "cannot write `{}`: file too large for the file-size limit (`ulimit -f`)",
                    path.display()
                ),
                &Some(format!(
                    "raise the limit (`ulimit -f unlimited`) and try again; `{}` was not changed",
                    path.display()
                )),
            ),
        })
    }
}

/// The OS error without Rust's "(os error 2)" suffix.
fn plain_io(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_lowercase(),
        None => text.to_lowercase(),
    }
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Stdout(error)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
