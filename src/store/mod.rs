//! Where the registry lives (flag, environment, data directory or built in)
//! and reading it from there.

use std::fmt;
use std::path::{Path, PathBuf};

mod cache;
mod write;

pub use write::{Update, create, update, write_atomic};

use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::model::Registry;
use crate::registry::snapshot::{self, Fingerprint};
use crate::registry::{self, Parsed};

/// The built-in registry, compiled into the binary.
pub const BUILT_IN: &str = include_str!("../../data/registry.toml");

/// Its binary snapshot, so that reads need not parse the TOML
/// (`NETREG_BLESS=1 cargo test` remakes it; a test fails when it is stale).
const BUILT_IN_SNAPSHOT: &[u8] = include_bytes!("../../data/registry.snapshot");

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
        match user {
            Some(path) if path.exists() => Self {
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

/// A registry loaded and checked, with its text for messages.
#[derive(Debug)]
pub struct Loaded {
    pub parsed: Parsed,
    pub file: String,
    pub text: String,
}

/// Reads and checks the registry at `location` for a read command: the
/// built-in one from its snapshot, a file from its cached snapshot when that
/// matches the file, otherwise parsed (and its snapshot cached).
///
/// The registry then lives until the process ends: a read loads it once, and
/// freeing a hundred thousand small strings on the way out would only cost time.
pub fn load(location: &Location) -> Result<&'static Registry> {
    let registry = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => {
            match snapshot::decode(BUILT_IN_SNAPSHOT, Fingerprint::of(BUILT_IN)) {
                Some(registry) => registry,
                None => {
                    check(location.display_name(), BUILT_IN.to_string())?
                        .parsed
                        .registry
                }
            }
        }
        (_, Some(path)) => match cache::load_current(path) {
            Some((_, registry)) => registry,
            None => {
                let (text, fingerprint) = read_with_fingerprint(path)?;
                let loaded = check(location.display_name(), text)?;
                cache::store(path, &loaded.parsed.registry, fingerprint);
                loaded.parsed.registry
            }
        },
    };
    Ok(Box::leak(Box::new(registry)))
}

/// Parses and checks the registry at `location` from its text, with every
/// warning.
///
/// A file with a cached snapshot is not parsed again: the rules run on the
/// snapshot, whose places still point into the same text, and the text is
/// only read when there is something to show in it (an error, or a warning
/// when `warnings` is asked for); otherwise `Loaded::text` is empty.
pub fn load_checked(location: &Location, warnings: bool) -> Result<Loaded> {
    let file = location.display_name();
    let Some(path) = location
        .path
        .as_ref()
        .filter(|_| location.origin != Origin::BuiltIn)
    else {
        // The built-in registry's text is at hand: its snapshot saves the parse.
        return match snapshot::decode(BUILT_IN_SNAPSHOT, Fingerprint::of(BUILT_IN)) {
            Some(registry) => with_rules(file, registry, BUILT_IN.to_string()),
            None => check(file, BUILT_IN.to_string()),
        };
    };
    let Some((fingerprint, registry)) = cache::load_current(path) else {
        let (text, fingerprint) = read_with_fingerprint(path)?;
        let loaded = check(file, text)?;
        cache::store(path, &loaded.parsed.registry, fingerprint);
        return Ok(loaded);
    };
    let (errors, found): (Vec<_>, Vec<_>) = registry::rules::check(&registry)
        .into_iter()
        .partition(Diagnostic::is_error);
    if errors.is_empty() && (found.is_empty() || !warnings) {
        return Ok(Loaded {
            parsed: Parsed {
                registry,
                warnings: found,
            },
            file,
            text: String::new(),
        });
    }
    let (text, now) = read_with_fingerprint(path)?;
    if now != fingerprint {
        // Changed since the snapshot was matched: check what is there now.
        return check(file, text);
    }
    checked(file, registry, text, errors, found)
}

/// The registry loaded from a snapshot of `text`, checked by the rules.
fn with_rules(file: String, registry: Registry, text: String) -> Result<Loaded> {
    let (errors, warnings): (Vec<_>, Vec<_>) = registry::rules::check(&registry)
        .into_iter()
        .partition(Diagnostic::is_error);
    checked(file, registry, text, errors, warnings)
}

fn checked(
    file: String,
    registry: Registry,
    text: String,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
) -> Result<Loaded> {
    if !errors.is_empty() {
        return Err(Error::Registry {
            file,
            text,
            diagnostics: errors,
        });
    }
    Ok(Loaded {
        parsed: Parsed { registry, warnings },
        file,
        text,
    })
}

fn check(file: String, text: String) -> Result<Loaded> {
    match registry::parse(&text) {
        Ok(parsed) => Ok(Loaded { parsed, file, text }),
        Err(diagnostics) => Err(Error::Registry {
            file,
            text,
            diagnostics,
        }),
    }
}

pub fn read(path: &Path) -> Result<String> {
    read_with_fingerprint(path).map(|(text, _)| text)
}

/// The registry's text, and the fingerprint of the file's bytes (a
/// byte-order mark included) that snapshots are tied to.
pub fn read_with_fingerprint(path: &Path) -> Result<(String, Fingerprint)> {
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound {
                message: format!("registry `{}` does not exist", path.display()),
                hint: Some(format!(
                    "check the path, or create it with `netreg --registry {} init`",
                    path.display()
                )),
            }
        } else {
            Error::Io {
                action: "read",
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    let fingerprint = Fingerprint::of_bytes(&bytes);
    // The bytes become the text in place: a large registry is not held twice.
    let bytes = match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            return Ok((text, fingerprint));
        }
        Err(error) => error.into_bytes(),
    };
    let diagnostic = match registry::decode(&bytes) {
        Err(diagnostic) => diagnostic,
        Ok(_) => registry::diagnostic::Diagnostic::error(None, "the file is not valid UTF-8"),
    };
    Err(Error::Registry {
        file: path.display().to_string(),
        text: String::from_utf8_lossy(&bytes).into_owned(),
        diagnostics: vec![diagnostic],
    })
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
}
