//! Writing a registry: locked, checked, atomic, and never half done.

use std::collections::VecDeque;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::file::{lock, stage, write_atomic};
use super::{BOM, BUILT_IN, Location, Origin, cache, read_file};
use crate::error::{Error, Result};
use crate::registry::document::RegistryDoc;
use crate::registry::model::{Network, Registry};
use crate::registry::snapshot::Fingerprint;
use crate::registry::{self, Warnings};

/// What one write did.
#[derive(Debug)]
pub struct Update {
    pub path: PathBuf,
    /// On a dry run, the text before and after the change, for the diff.
    pub dry_run: Option<(String, String)>,
    /// The write made the user's registry from the built-in one.
    pub created: bool,
    /// What the write did, for the status line.
    pub summary: String,
    /// The file already said what the write would say: nothing was written.
    pub unchanged: bool,
}

/// Where a write goes: the registry in use, or for the built-in registry the
/// user's data directory (the first write copies it there).
fn write_target(location: &Location) -> Result<(PathBuf, bool)> {
    match (&location.origin, &location.path) {
        (Origin::BuiltIn, Some(path)) => Ok((path.clone(), !path.exists())),
        (Origin::BuiltIn, None) | (_, None) => Err(super::no_data_directory(
            "pass --registry PATH or set NETREG_REGISTRY (or HOME, for the data directory)",
        )),
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

/// A write in progress: the registry locked and open for editing. Edit
/// `doc`, then `commit`, which checks the result as a whole and writes it.
pub struct Session {
    pub doc: RegistryDoc,
    path: PathBuf,
    created: bool,
    bom: bool,
    dry_run: bool,
    /// The fingerprint of the file as it was read (none for the built-in registry).
    read: Option<Fingerprint>,
    _lock: Option<std::fs::File>,
}

/// Locks the registry at `location` (unless `dry_run`) and opens it for
/// editing: from its cached snapshot when that matches the file, else parsed
/// and checked. The built-in registry opens as the copy the write will make.
pub fn edit(location: &Location, dry_run: bool, whole: bool) -> Result<Session> {
    let (path, mut created) = write_target(location)?;
    let lock = if dry_run { None } else { Some(lock(&path)?) };
    // Under the lock, a concurrent first write may have made the file already.
    created &= !path.exists();
    let (text, fingerprint, bom) = if created {
        (
            format!("{}{BUILT_IN}", crate::registry::schema::DIRECTIVE),
            None,
            false,
        )
    } else {
        let (text, fingerprint, bom) = read_file(&path)?;
        (text, Some(fingerprint), bom)
    };
    let cached = fingerprint.and_then(|fingerprint| cache::load(&path, fingerprint));
    let registry = match cached {
        Some(registry) => registry,
        None => match registry::parse(&text) {
            Ok(parsed) => parsed.registry,
            Err(diagnostics) => {
                return Err(Error::Registry {
                    file: path.display().to_string(),
                    text,
                    diagnostics,
                });
            }
        },
    };
    Ok(Session {
        doc: if whole {
            RegistryDoc::open_whole(text, registry)?
        } else {
            RegistryDoc::open(text, registry)?
        },
        path,
        created,
        bom,
        dry_run,
        read: fingerprint,
        _lock: lock,
    })
}

impl Session {
    /// Checks the edited registry with the same rules as `check` and writes
    /// it atomically (a dry run only returns the change). A refused or failed
    /// write leaves the file as it was.
    ///
    /// The new text is read again in full: its layout from a lexer pass over
    /// the whole of it, and every network whose stretch is byte for byte one
    /// the old text had is taken from the old registry instead of parsed.
    pub fn commit(self, summary: String) -> Result<Update> {
        let Session {
            doc,
            path,
            created,
            bom,
            dry_run,
            read,
            _lock,
        } = self;
        let file = path.display().to_string();
        let before = dry_run.then(|| doc.text().to_string());
        let old_len = doc.text().len();
        let (after, moved, old) = doc.finish();
        let mut kept = kept_networks(old, old_len, &moved);
        // Read again in full and checked: the same answer a cold `check` of
        // the new text gives, networks whose text is unchanged taken as read.
        let text = after.as_str();
        let mut verify = move || {
            registry::read(text, &mut |range| {
                while kept.front().is_some_and(|(place, _)| place.start < range.start) {
                    kept.pop_front();
                }
                if kept.front().is_none_or(|(place, _)| *place != range) {
                    return None;
                }
                let (_, network) = kept.pop_front()?;
                Some(Network {
                    at: range.start,
                    ..network
                })
            })
            .and_then(|registry| registry::checked(registry, Warnings::Skip))
        };
        let refused = |diagnostics, after: String| Error::Refused {
            file: format!("{file} (as this change would leave it)"),
            text: after,
            diagnostics,
        };
        if let Some(before) = before {
            return match verify() {
                Ok(_) => Ok(Update {
                    path,
                    dry_run: Some((before, after)),
                    created,
                    summary,
                    unchanged: false,
                }),
                Err(diagnostics) => Err(refused(diagnostics, after)),
            };
        }
        if created && let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                action: "create the directory",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let stretches = [if bom { BOM } else { "" }, after.as_str()];
        let fingerprint = Fingerprint::of_stretches(&stretches);
        if read == Some(fingerprint) {
            // The rules held for this very text when it was read.
            return Ok(Update {
                path,
                dry_run: None,
                created,
                summary,
                unchanged: true,
            });
        }
        // The new text is written beside the file while it is checked, and
        // replaces it only once it passed.
        let (checked, staged) = std::thread::scope(|scope| {
            let staging = std::thread::Builder::new().spawn_scoped(scope, || stage(&path, &stretches));
            let checked = verify();
            let staged = match staging {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => stage(&path, &stretches),
            };
            (checked, staged)
        });
        let updated = match checked {
            Ok(parsed) => parsed.registry,
            Err(diagnostics) => return Err(refused(diagnostics, after)),
        };
        staged?.replace()?;
        drop(after);
        cache::store(&path, &updated, fingerprint);
        if created {
            schema_beside(&path);
        }
        Ok(Update {
            path,
            dry_run: None,
            created,
            summary,
            unchanged: false,
        })
    }
}

/// The old registry's networks that the edit left as they were, with where
/// their stretch now stands, in file order.
fn kept_networks(
    old: Registry,
    old_len: usize,
    moved: &[(Range<usize>, Range<usize>)],
) -> VecDeque<(Range<usize>, Network)> {
    if !old.split {
        return VecDeque::new();
    }
    let ends: Vec<usize> = old
        .networks
        .iter()
        .skip(1)
        .map(|n| n.at)
        .chain([old_len])
        .collect();
    let mut moved = moved.iter().peekable();
    let mut kept = VecDeque::with_capacity(old.networks.len());
    for (network, end) in old.networks.into_iter().zip(ends) {
        while moved.next_if(|(old, _)| old.start < network.at).is_some() {}
        if let Some((_, new)) = moved.next_if(|(old, _)| *old == (network.at..end)) {
            kept.push_back((new.clone(), network));
        }
    }
    kept
}

/// Writes the JSON Schema the `#:schema` line of a registry netreg created
/// points at, beside it. Editors use it; nothing depends on it, so a failure
/// is only a warning.
fn schema_beside(path: &Path) {
    let Some(dir) = path.parent() else { return };
    let file = dir.join(crate::registry::schema::FILE_NAME);
    if write_atomic(&file, &[crate::registry::schema::pretty()]).is_err() {
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "warning: could not write {} (the schema for editors)",
            file.display()
        );
    }
}

/// Writes a new registry at `path` under the lock; refuses to replace one
/// that exists unless `force`. Returns its number of networks.
/// With `force`, the registry there is kept beside it as `<name>.bak`, and
/// that path returned.
pub fn create(path: &Path, text: &str, force: bool) -> Result<(usize, Option<PathBuf>)> {
    let parsed = registry::parse(text).map_err(|diagnostics| Error::Registry {
        file: path.display().to_string(),
        text: text.to_string(),
        diagnostics,
    })?;
    let _lock = lock(path)?;
    if path.exists() && !force {
        return Err(Error::failed(
            format!("`{}` already exists", path.display()),
            "add --force to replace it (what it holds now is kept as a .bak file beside it)".to_string(),
        ));
    }
    let backup = if path.exists() {
        let mut name = path.as_os_str().to_owned();
        name.push(".bak");
        let backup = PathBuf::from(name);
        std::fs::copy(path, &backup).map_err(|source| Error::Io {
            action: "keep a copy of",
            path: path.to_path_buf(),
            source,
        })?;
        Some(backup)
    } else {
        None
    };
    write_atomic(path, &[text])?;
    schema_beside(path);
    Ok((parsed.registry.networks.len(), backup))
}
