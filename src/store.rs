//! Where the registry lives (flag, environment, data directory or built in)
//! and reading it from there.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::registry::document::Document;
use crate::registry::model::Registry;
use crate::registry::{self, Parsed, snapshot};

/// The built-in registry, compiled into the binary.
pub const BUILT_IN: &str = include_str!("../data/registry.toml");

/// Its binary snapshot, so that reads need not parse the TOML
/// (`NETREG_BLESS=1 cargo test` remakes it; a test fails when it is stale).
const BUILT_IN_SNAPSHOT: &[u8] = include_bytes!("../data/registry.snapshot");

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

/// Reads and checks the registry at `location`; the built-in one comes from
/// its snapshot when that matches its text.
pub fn load(location: &Location) -> Result<Loaded> {
    let file = location.display_name();
    let text = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => {
            if let Some(registry) = snapshot::decode(BUILT_IN_SNAPSHOT, BUILT_IN) {
                let parsed = Parsed {
                    registry,
                    warnings: Vec::new(),
                };
                let text = BUILT_IN.to_string();
                return Ok(Loaded { parsed, file, text });
            }
            BUILT_IN.to_string()
        }
        (_, Some(path)) => read(path)?,
    };
    check(file, text)
}

/// Parses and checks the registry at `location` from its text, with every warning.
pub fn load_checked(location: &Location) -> Result<Loaded> {
    let file = location.display_name();
    let text = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => BUILT_IN.to_string(),
        (_, Some(path)) => read(path)?,
    };
    check(file, text)
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
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound {
                message: format!("registry `{}` does not exist", path.display()),
                hint: Some("check the path; without --registry or NETREG_REGISTRY netreg reads your default registry".into()),
            }
        } else {
            Error::Io { action: "read", path: path.to_path_buf(), source }
        }
    })?;
    match registry::decode(&bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(diagnostic) => Err(Error::Registry {
            file: path.display().to_string(),
            text: String::from_utf8_lossy(&bytes).into_owned(),
            diagnostics: vec![diagnostic],
        }),
    }
}

/// The text of a registry before and after one write.
#[derive(Debug)]
pub struct Update {
    pub path: PathBuf,
    pub before: String,
    pub after: String,
    /// The write made the user's registry from the built-in one.
    pub created: bool,
    /// What the write did, for the status line.
    pub summary: String,
}

/// Where a write goes: the registry in use, or for the built-in registry the
/// user's data directory (the first write copies it there).
fn write_target(location: &Location) -> Result<(PathBuf, bool)> {
    match (&location.origin, &location.path) {
        (Origin::BuiltIn, Some(path)) => Ok((path.clone(), !path.exists())),
        (Origin::BuiltIn, None) | (_, None) => Err(Error::NotFound {
            message: "there is no data directory to keep your registry in".into(),
            hint: Some("pass --registry PATH or set NETREG_REGISTRY".into()),
        }),
        (_, Some(path)) if !path.exists() => Err(Error::NotFound {
            message: format!("registry `{}` does not exist", path.display()),
            hint: Some(format!(
                "create it with `netreg --registry {} init`",
                path.display()
            )),
        }),
        (_, Some(path)) => Ok((path.clone(), false)),
    }
}

/// Reads the registry under a lock, lets `edit` change its document, checks
/// the result with the same rules as `check`, and writes it atomically (unless
/// `dry_run`). A refused or failed write leaves the file as it was.
pub fn update(
    location: &Location,
    dry_run: bool,
    edit: impl FnOnce(&Registry, &mut Document) -> Result<String>,
) -> Result<Update> {
    let (path, mut created) = write_target(location)?;
    let _lock = if dry_run { None } else { Some(lock(&path)?) };
    // Under the lock, a concurrent first write may have made the file already.
    created &= !path.exists();
    let before = if created {
        BUILT_IN.to_string()
    } else {
        read(&path)?
    };
    let file = path.display().to_string();
    let parsed = registry::parse(&before).map_err(|diagnostics| Error::Registry {
        file: file.clone(),
        text: before.clone(),
        diagnostics,
    })?;
    let mut document = Document::parse(&before).map_err(|message| Error::NotFound {
        message: format!("cannot edit `{file}`: {message}"),
        hint: None,
    })?;
    let summary = edit(&parsed.registry, &mut document)?;
    let after = document.to_string();
    if let Err(diagnostics) = registry::parse(&after) {
        return Err(Error::Refused {
            file: format!("{file} (as this change would leave it)"),
            text: after,
            diagnostics,
        });
    }
    if !dry_run && after != before {
        if created && let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                action: "create the directory",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        write_atomic(&path, after.as_bytes())?;
    }
    Ok(Update {
        path,
        before,
        after,
        created,
        summary,
    })
}

/// Holds an exclusive advisory lock on `<registry>.lock` while it lives, so
/// that concurrent writers take turns and none loses another's change.
fn lock(path: &Path) -> Result<std::fs::File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create the directory",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let io = |source| Error::Io {
        action: "lock",
        path: lock_path.clone(),
        source,
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io)?;
    file.lock().map_err(io)?;
    Ok(file)
}

/// Replaces `path` with `bytes` all at once: a temporary file in the same
/// directory, synced, given the original's permissions, renamed over it. A
/// symlinked registry stays a symlink; its target is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io = |action: &'static str| {
        let target = target.clone();
        move |source| Error::Io {
            action,
            path: target,
            source,
        }
    };
    remove_stale_temp_files(&dir, &target);
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&target))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io("write"))?;
    use std::io::Write as _;
    temp.write_all(bytes).map_err(io("write"))?;
    temp.flush().map_err(io("write"))?;
    if let Ok(metadata) = std::fs::metadata(&target) {
        temp.as_file()
            .set_permissions(metadata.permissions())
            .map_err(io("keep the permissions of"))?;
    }
    temp.as_file().sync_all().map_err(io("write"))?;
    temp.persist(&target).map_err(|e| io("replace")(e.error))?;
    // The rename is durable once the directory is synced too.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or("registry".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Temporary files left by a writer that was killed mid-write; callers hold
/// the lock, so no live writer owns one.
fn remove_stale_temp_files(dir: &Path, target: &Path) {
    let prefix = temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes a new registry at `path` under the lock; refuses to replace one
/// that exists unless `force`. Returns its number of networks.
pub fn create(path: &Path, text: &str, force: bool) -> Result<usize> {
    let parsed = registry::parse(text).map_err(|diagnostics| Error::Registry {
        file: path.display().to_string(),
        text: text.to_string(),
        diagnostics,
    })?;
    let _lock = lock(path)?;
    if path.exists() && !force {
        return Err(Error::failed(
            format!("`{}` already exists", path.display()),
            "add --force to replace it (what it holds now will be lost)".to_string(),
        ));
    }
    write_atomic(path, text.as_bytes())?;
    Ok(parsed.registry.networks.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_snapshot_matches_the_built_in_registry() {
        let parsed = registry::parse(BUILT_IN).unwrap_or_else(|e| panic!("{e:?}"));
        let fresh = snapshot::encode(&parsed.registry, BUILT_IN);
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
