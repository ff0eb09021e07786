//! Where the registry lives (flag, environment, data directory or built in)
//! and reading it from there.

use std::fmt;
use std::path::{Path, PathBuf};

mod cache;
mod file;
mod fingerprint;
pub(crate) mod history;
mod split;
mod write;

pub use cache::path_for as snapshot_path;
pub use file::{read_file, write_atomic};
pub use fingerprint::Fingerprint;
pub use write::{Session, Update, create, edit, history_of, undo};

use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::model::Registry;
use crate::registry::{self, Parsed, Warnings};

/// The built-in registry, compiled into the binary once.
pub static BUILT_IN: &str = include_str!("../../data/registry.toml");

/// The byte-order mark some editors put at the start of a UTF-8 file.
pub const BOM: &str = "\u{feff}";

/// How the registry in use was chosen, first match wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    Env,
    DataDir,
    BuiltIn,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "--registry flag",
            Origin::Env => "NETREG_REGISTRY environment variable",
            Origin::DataDir => "data directory",
            Origin::BuiltIn => "built-in registry",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub origin: Origin,
    /// The file; for the built-in registry, where a copy would go (if known).
    pub path: Option<PathBuf>,
}

impl Location {
    /// Picks the registry: `--registry`, then `NETREG_REGISTRY`, then the data
    /// directory's `registry.toml` if it exists, then the built-in one.
    pub fn resolve(flag: Option<PathBuf>, env: Option<PathBuf>) -> Self {
        if let Some(path) = flag {
            return Self {
                origin: Origin::Flag,
                path: Some(path),
            };
        }
        if let Some(path) = env.filter(|p| !p.as_os_str().is_empty()) {
            return Self {
                origin: Origin::Env,
                path: Some(path),
            };
        }
        let user = user_registry();
        // A symlink counts even when it leads nowhere: reading it then says so.
        match user {
            Some(path) if std::fs::symlink_metadata(&path).is_ok() => Self {
                origin: Origin::DataDir,
                path: Some(path),
            },
            _ => Self {
                origin: Origin::BuiltIn,
                path: user,
            },
        }
    }

    /// How errors name this registry.
    pub fn display_name(&self) -> String {
        match (&self.origin, &self.path) {
            (Origin::BuiltIn, _) | (_, None) => "<built-in registry>".into(),
            (_, Some(path)) => path.display().to_string(),
        }
    }
}

/// `registry.toml` in the user's data directory, e.g. `~/.local/share/netreg/`.
pub fn user_registry() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("netreg").join("registry.toml"))
}

/// The error of a write or `init` that would need the user's data directory
/// when there is none; `hint` says what to do instead.
pub fn no_data_directory(hint: &str) -> Error {
    Error::NotFound {
        message: "there is no data directory to keep your registry in".into(),
        hint: Some(hint.into()),
    }
}

/// The user's cache directory, e.g. `~/.cache/`.
pub fn cache_dir() -> Option<PathBuf> {
    dirs::cache_dir()
}

/// A registry loaded and checked, with its text for messages.
#[derive(Debug)]
pub struct Loaded {
    pub parsed: Parsed,
    pub file: String,
    /// Borrowed for the built-in registry: its 600 kB are not copied.
    pub text: std::borrow::Cow<'static, str>,
}

/// Reads and checks the registry at `location` for a read command: from its
/// cached snapshot when that matches the text (the built-in one's or the
/// file's), otherwise parsed (and its snapshot cached).
pub fn load(location: &Location) -> Result<Registry> {
    let registry = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => match cache::load_built_in() {
            Some(read) => read.registry,
            None => built_in(location.display_name(), Warnings::Skip)?.parsed.registry,
        },
        (_, Some(path)) => match cache::load_current(path) {
            Some((_, read)) => read.registry,
            None => {
                parse_and_cache(location.display_name(), path, Warnings::Skip)?
                    .parsed
                    .registry
            }
        },
    };
    Ok(registry)
}

/// Parses and checks the registry at `location` from its text, with its
/// warnings when they are listed.
///
/// A file with a cached snapshot is not parsed again: the rules run on the
/// snapshot, whose places still point into the same text, and the text is
/// only read when there is something to show in it (an error, or a listed
/// warning); otherwise `Loaded::text` is empty.
pub fn load_checked(location: &Location, warnings: Warnings) -> Result<Loaded> {
    let file = location.display_name();
    let Some(path) = location
        .path
        .as_ref()
        .filter(|_| location.origin != Origin::BuiltIn)
    else {
        // The built-in registry's text is at hand: its snapshot saves the parse.
        return match cache::load_built_in() {
            Some(read) => loaded(file, BUILT_IN.into(), read.checked(warnings)),
            None => built_in(file, warnings),
        };
    };
    let Some((fingerprint, read)) = cache::load_current(path) else {
        return parse_and_cache(file, path, warnings);
    };
    let result = read.checked(warnings);
    if matches!(&result, Ok(parsed) if parsed.warnings.is_empty()) {
        return loaded(file, String::new().into(), result);
    }
    let (text, now) = read_with_fingerprint(path)?;
    if now != fingerprint {
        // Changed since the snapshot was matched: check what is there now.
        return check(file, text, warnings);
    }
    loaded(file, text.into(), result)
}

/// Parses and checks the built-in registry, and keeps its snapshot for the
/// next read.
fn built_in(file: String, warnings: Warnings) -> Result<Loaded> {
    let loaded = loaded(file, BUILT_IN.into(), registry::parse_with(BUILT_IN, warnings))?;
    cache::store_built_in(&loaded.parsed);
    Ok(loaded)
}

/// Reads, parses and checks the file, and keeps its snapshot for the next read.
fn parse_and_cache(file: String, path: &Path, warnings: Warnings) -> Result<Loaded> {
    let (text, fingerprint) = read_with_fingerprint(path)?;
    let loaded = check(file, text, warnings)?;
    cache::store(path, &loaded.parsed, fingerprint);
    Ok(loaded)
}

fn check(file: String, text: String, warnings: Warnings) -> Result<Loaded> {
    let result = registry::parse_with(&text, warnings);
    loaded(file, text.into(), result)
}

/// A checked registry with its text, or its errors shown in that text.
fn loaded(
    file: String,
    text: std::borrow::Cow<'static, str>,
    result: std::result::Result<Parsed, Vec<Diagnostic>>,
) -> Result<Loaded> {
    match result {
        Ok(parsed) => Ok(Loaded { parsed, file, text }),
        Err(diagnostics) => Err(Error::Registry {
            file,
            text: text.into_owned(),
            diagnostics,
        }),
    }
}

pub fn read(path: &Path) -> Result<String> {
    file::read_input(path).map(|(text, _, _)| text)
}

/// The registry's text, and the fingerprint of the file's bytes (a
/// byte-order mark included) that snapshots are tied to.
pub fn read_with_fingerprint(path: &Path) -> Result<(String, Fingerprint)> {
    read_file(path).map(|(text, fingerprint, _)| (text, fingerprint))
}
