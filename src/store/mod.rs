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
pub use split::{parse, parse_file, parse_with, read_text};
pub use write::{Update, create, edit, history_of, undo};

use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::model::Registry;
use crate::registry::{Parsed, Warnings};

/// The built-in registry, compiled into the binary once.
pub static BUILT_IN: &str = include_str!("../../data/registry.toml");

/// The fingerprint of the built-in registry's text, which its snapshot is
/// tied to: worked out when netreg is built, so a read need not hash it.
pub static BUILT_IN_FINGERPRINT: Fingerprint = Fingerprint::of_const(BUILT_IN);

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

/// The user's directories netreg keeps things in: the data directory (the
/// registry, when no other is named), the cache (snapshots) and the state
/// directory (the history of writes). `of_user` finds them by the
/// platform's conventions; a program running netreg in-process may give
/// others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    pub data: Option<PathBuf>,
    pub cache: Option<PathBuf>,
    pub state: Option<PathBuf>,
}

impl Dirs {
    /// `$XDG_DATA_HOME`, `$XDG_CACHE_HOME` and `$XDG_STATE_HOME` or their
    /// defaults under the home directory (on macOS and Windows, theirs).
    pub fn of_user() -> Self {
        Self {
            data: dirs::data_dir(),
            cache: dirs::cache_dir(),
            state: dirs::state_dir()
                .or_else(|| dirs::home_dir().map(|home| home.join(".local").join("state"))),
        }
    }

    /// `data`, `cache` and `state` under `root`.
    pub fn under(root: &Path) -> Self {
        Self {
            data: Some(root.join("data")),
            cache: Some(root.join("cache")),
            state: Some(root.join("state")),
        }
    }

    /// `registry.toml` in the data directory, e.g. `~/.local/share/netreg/`.
    pub fn registry(&self) -> Option<PathBuf> {
        Some(self.data.as_ref()?.join("netreg").join("registry.toml"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub origin: Origin,
    /// The file; for the built-in registry, where a copy would go (if known).
    pub path: Option<PathBuf>,
    /// Where its snapshots and history are kept.
    pub dirs: Dirs,
}

impl Location {
    /// Picks the registry: `--registry`, then `NETREG_REGISTRY`, then the data
    /// directory's `registry.toml` if it exists, then the built-in one.
    pub fn resolve(flag: Option<PathBuf>, env: Option<PathBuf>, dirs: Dirs) -> Self {
        let (origin, path) = match (flag, env.filter(|p| !p.as_os_str().is_empty())) {
            (Some(path), _) => (Origin::Flag, Some(path)),
            (None, Some(path)) => (Origin::Env, Some(path)),
            // A symlink counts even when it leads nowhere: reading it then says so.
            (None, None) => match dirs.registry() {
                Some(path) if std::fs::symlink_metadata(&path).is_ok() => (Origin::DataDir, Some(path)),
                user => (Origin::BuiltIn, user),
            },
        };
        Self { origin, path, dirs }
    }

    /// How errors name this registry.
    pub fn display_name(&self) -> String {
        match (&self.origin, &self.path) {
            (Origin::BuiltIn, _) | (_, None) => "<built-in registry>".into(),
            (_, Some(path)) => path.display().to_string(),
        }
    }
}

/// The error of a write or `init` that would need the user's data directory
/// when there is none; `hint` says what to do instead.
pub fn no_data_directory(hint: &str) -> Error {
    Error::NotFound {
        message: "there is no data directory to keep your registry in".into(),
        hint: Some(hint.into()),
    }
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
    let dirs = &location.dirs;
    let loaded = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => match cache::load_built_in(dirs) {
            Some(read) => return Ok(read.registry),
            None => built_in(dirs, location.display_name(), Warnings::Skip)?,
        },
        (_, Some(path)) => match cache::load_current(dirs, path) {
            Some((_, read)) => return Ok(read.registry),
            None => parse_and_cache(dirs, location.display_name(), path, Warnings::Skip)?,
        },
    };
    Ok(loaded.parsed.registry)
}

/// Parses and checks the registry at `location` from its text, with its
/// warnings when they are listed.
///
/// A file with a cached snapshot is not parsed again: the rules run on the
/// snapshot, whose places still point into the same text, and the text is
/// only read when there is something to show in it (an error, or a listed
/// warning); otherwise `Loaded::text` is empty.
pub fn load_checked(location: &Location, warnings: Warnings) -> Result<Loaded> {
    let (file, dirs) = (location.display_name(), &location.dirs);
    let Some(path) = location
        .path
        .as_ref()
        .filter(|_| location.origin != Origin::BuiltIn)
    else {
        // The built-in registry's text is at hand: its snapshot saves the parse.
        return match cache::load_built_in(dirs) {
            Some(read) => loaded(file, BUILT_IN.into(), read.checked(warnings)),
            None => built_in(dirs, file, warnings),
        };
    };
    let Some((fingerprint, read)) = cache::load_current(dirs, path) else {
        return parse_and_cache(dirs, file, path, warnings);
    };
    let result = read.checked(warnings);
    if matches!(&result, Ok(parsed) if parsed.warnings.is_empty()) {
        return loaded(file, String::new().into(), result);
    }
    let (text, now, _) = read_file(path)?;
    if now != fingerprint {
        // Changed since the snapshot was matched: check what is there now.
        return check(file, text, warnings);
    }
    loaded(file, text.into(), result)
}

/// Parses and checks the built-in registry, and keeps its snapshot for the
/// next read.
fn built_in(dirs: &Dirs, file: String, warnings: Warnings) -> Result<Loaded> {
    let loaded = loaded(file, BUILT_IN.into(), parse_with(BUILT_IN, warnings))?;
    cache::store_built_in(dirs, &loaded.parsed);
    Ok(loaded)
}

/// Reads, parses and checks the file, and keeps its snapshot for the next read.
fn parse_and_cache(dirs: &Dirs, file: String, path: &Path, warnings: Warnings) -> Result<Loaded> {
    let (text, fingerprint, _) = read_file(path)?;
    let loaded = check(file, text, warnings)?;
    cache::store(dirs, path, &loaded.parsed, fingerprint);
    Ok(loaded)
}

fn check(file: String, text: String, warnings: Warnings) -> Result<Loaded> {
    let result = parse_with(&text, warnings);
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

/// An input file's text (see `file::read_input`).
pub fn read(path: &Path) -> Result<String> {
    file::read_input(path).map(|(text, _, _)| text)
}

/// Standard input's text, read as an input file is (and as far).
pub fn read_stdin() -> Result<String> {
    let path = Path::new("standard input");
    let bytes = file::read_bounded(std::io::stdin().lock(), path)?;
    file::decode(path, bytes).map(|(text, _, _)| text)
}
