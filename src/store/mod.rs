//! Where the registry lives (flag, environment, data directory or built in)
//! and reading it from there.

use std::fmt;
use std::path::{Path, PathBuf};

mod cache;
mod file;
pub mod history;
mod write;

pub use cache::path_for as snapshot_path;
pub use file::{read_file, write_atomic};
pub use write::{Session, Update, create, edit, history_of, undo};

use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::model::Registry;
use crate::registry::snapshot::{self, Fingerprint};
use crate::registry::{self, Parsed, Warnings};

/// The built-in registry's text, for the compiler: a `const` is copied into
/// every codegen unit that uses it, so the binary holds it once through
/// `BUILT_IN`, a `static`.
const BUILT_IN_TEXT: &str = include_str!("../../data/registry.toml");

/// The built-in registry, compiled into the binary once.
pub static BUILT_IN: &str = BUILT_IN_TEXT;

/// Its binary snapshot, so that reads need not parse the TOML
/// (`NETREG_BLESS=1 cargo test` remakes it; a test fails when it is stale).
static BUILT_IN_SNAPSHOT: &[u8] = include_bytes!("../../data/registry.snapshot");

/// The byte-order mark some editors put at the start of a UTF-8 file.
pub const BOM: &str = "\u{feff}";

/// What the built-in snapshot must have been made from, hashed at compile time.
const BUILT_IN_FINGERPRINT: Fingerprint = Fingerprint::of_static(BUILT_IN_TEXT);

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

/// Reads and checks the registry at `location` for a read command: the
/// built-in one from its snapshot, a file from its cached snapshot when that
/// matches the file, otherwise parsed (and its snapshot cached).
pub fn load(location: &Location) -> Result<Registry> {
    let registry = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => match built_in_snapshot() {
            Some(registry) => registry,
            None => {
                check(location.display_name(), BUILT_IN.to_string(), Warnings::Skip)?
                    .parsed
                    .registry
            }
        },
        (_, Some(path)) => match cache::load_current(path) {
            Some((_, registry)) => registry,
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
        return match built_in_snapshot() {
            Some(registry) => loaded(file, BUILT_IN.into(), registry::checked(registry, warnings)),
            None => check(file, BUILT_IN.to_string(), warnings),
        };
    };
    let Some((fingerprint, registry)) = cache::load_current(path) else {
        return parse_and_cache(file, path, warnings);
    };
    let result = registry::checked(registry, warnings);
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

/// The built-in registry from its snapshot (`None` only if the snapshot is stale).
fn built_in_snapshot() -> Option<Registry> {
    snapshot::decode(BUILT_IN_SNAPSHOT, BUILT_IN_FINGERPRINT)
}

/// Reads, parses and checks the file, and keeps its snapshot for the next read.
fn parse_and_cache(file: String, path: &Path, warnings: Warnings) -> Result<Loaded> {
    let (text, fingerprint) = read_with_fingerprint(path)?;
    let loaded = check(file, text, warnings)?;
    cache::store(path, &loaded.parsed.registry, fingerprint);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_snapshot_matches_the_built_in_registry() {
        let parsed = registry::parse(BUILT_IN).unwrap_or_else(|e| panic!("{e:?}"));
        let fresh = snapshot::encode(&parsed.registry, Fingerprint::of(BUILT_IN));
        if std::env::var_os("NETREG_BLESS").is_some() {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/registry.snapshot");
            std::fs::write(path, &fresh).unwrap_or_else(|e| panic!("{e}"));
            return;
        }
        assert!(
            fresh == BUILT_IN_SNAPSHOT,
            "data/registry.snapshot is stale; run `NETREG_BLESS=1 cargo test` and commit it"
        );
    }

    #[test]
    fn built_in_fingerprint_made_at_compile_time_is_the_run_time_one() {
        assert_eq!(BUILT_IN_FINGERPRINT, Fingerprint::of(BUILT_IN));
        let long = "é".repeat(300);
        for text in ["", "a", "format = 1\n", long.as_str()] {
            assert_eq!(Fingerprint::of_static(text), Fingerprint::of(text), "{text}");
        }
        assert_ne!(Fingerprint::of_static("a"), Fingerprint::of("b"));
    }
}
