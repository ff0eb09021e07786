//! Writing a registry: locked, checked, atomic, and never half done.

use std::path::{Path, PathBuf};

use super::file::{lock, write_atomic};
use super::{BOM, BUILT_IN, Location, Origin, cache, read_file};
use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::document::Document;
use crate::registry::model::{Network, Registry};
use crate::registry::regions::Piece;
use crate::registry::snapshot::Fingerprint;
use crate::registry::{self, rules};

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

/// Reads the registry under a lock, lets `edit` change its document, checks
/// the result with the same rules as `check`, and writes it atomically (unless
/// `dry_run`). A refused or failed write leaves the file as it was.
///
/// With a cached snapshot of the registry, only the networks the edit touches
/// are parsed and checked again; the rest of the text is copied as it is.
pub fn update(
    location: &Location,
    dry_run: bool,
    edit: impl FnOnce(&Registry, &mut Document) -> Result<String>,
) -> Result<Update> {
    let (path, mut created) = write_target(location)?;
    let _lock = if dry_run { None } else { Some(lock(&path)?) };
    // Under the lock, a concurrent first write may have made the file already.
    created &= !path.exists();
    let (before, fingerprint, bom) = if created {
        (BUILT_IN.to_string(), None, false)
    } else {
        let (text, fingerprint, bom) = read_file(&path)?;
        (text, Some(fingerprint), bom)
    };
    let file = path.display().to_string();
    let cached = fingerprint.and_then(|fingerprint| cache::load(&path, fingerprint));
    let registry = match cached {
        Some(registry) => registry,
        None => {
            registry::parse(&before)
                .map_err(|diagnostics| Error::Registry {
                    file: file.clone(),
                    text: before.clone(),
                    diagnostics,
                })?
                .registry
        }
    };
    let mut document = Document::regions(&before, &registry).map_err(|message| Error::NotFound {
        message: format!("cannot edit `{file}`: {message}"),
        hint: None,
    })?;
    let summary = edit(&registry, &mut document)?;
    // The new text, in stretches of the old one and the changed networks:
    // a large registry's text is held once, not twice.
    let after = document.render();
    drop(document);
    let checked = match after.networks() {
        Some(pieces) => check_pieces(registry, &pieces),
        None => registry::parse(&after.text()).map(|parsed| parsed.registry),
    };
    let updated = match checked {
        Ok(updated) => updated,
        Err(diagnostics) => {
            return Err(Error::Refused {
                file: format!("{file} (as this change would leave it)"),
                text: after.text(),
                diagnostics,
            });
        }
    };
    if dry_run {
        let after = after.text();
        return Ok(Update {
            path,
            dry_run: Some((before, after)),
            created,
            summary,
        });
    }
    if !after.is(&before) {
        if created && let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                action: "create the directory",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let mut stretches = after.stretches();
        if bom {
            stretches.insert(0, BOM);
        }
        write_atomic(&path, &stretches)?;
        let fingerprint = Fingerprint::of_stretches(&stretches);
        // The snapshot needs only the registry, which does not borrow the text.
        drop(stretches);
        drop(after);
        drop(before);
        cache::store(&path, &updated, fingerprint);
    }
    Ok(Update {
        path,
        dry_run: None,
        created,
        summary,
    })
}

/// The registry after a region edit: kept networks moved to their new
/// places, changed and added ones parsed and checked from their new text,
/// and every id still used once.
fn check_pieces(registry: Registry, pieces: &[(Piece, usize)]) -> Result<Registry, Vec<Diagnostic>> {
    let Registry { format, networks } = registry;
    let mut old: Vec<Option<Network>> = networks.into_iter().map(Some).collect();
    let mut networks = Vec::with_capacity(old.len() + 1);
    let mut errors = Vec::new();
    for (piece, start) in pieces {
        let offset = *start as isize;
        match piece {
            Piece::Kept { index, old_start } => {
                if let Some(mut network) = old.get_mut(*index).and_then(Option::take) {
                    network.shift(offset - *old_start as isize);
                    networks.push(network);
                }
            }
            Piece::Changed(text) => match registry::parse(text) {
                Ok(parsed) => networks.extend(parsed.registry.networks.into_iter().map(|mut network| {
                    network.shift(offset);
                    network
                })),
                Err(diagnostics) => errors.extend(diagnostics.into_iter().map(|mut diagnostic| {
                    diagnostic.span = diagnostic.span.map(|s| s.start + start..s.end + start);
                    diagnostic
                })),
            },
        }
    }
    errors.extend(rules::check_ids(&networks));
    if errors.is_empty() {
        Ok(Registry { format, networks })
    } else {
        Err(errors)
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
    write_atomic(path, &[text])?;
    Ok(parsed.registry.networks.len())
}
