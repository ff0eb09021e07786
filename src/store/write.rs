//! Writing a registry: locked, checked, atomic, and never half done.

use std::path::{Path, PathBuf};

use super::Fingerprint;
use super::file::{Locked, Seen, Staged, dangling, dangling_error, lock, stage, write_atomic};
use super::history::{self, Entry, History};
use super::{BOM, BUILT_IN, Dirs, Loaded, Location, Origin, cache, read_file, split};
use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::document::{Finished, RegistryDoc};
use crate::registry::edit::{Summary, Verb};
use crate::registry::model::Registry;
use crate::registry::{Warnings, rules};
use std::collections::HashSet;

/// What one write did.
#[derive(Debug)]
pub struct Update {
    pub path: PathBuf,
    /// On a dry run, the text before and after the change, for the diff.
    pub dry_run: Option<(String, String)>,
    /// The write made the user's registry from the built-in one.
    pub created: bool,
    /// What the write did, for the status line.
    pub summary: Summary,
    /// The file already said what the write would say: nothing was written.
    pub unchanged: bool,
    /// Warnings about what surrounds the write (the history not kept).
    pub notes: Vec<String>,
    /// The warnings the write leaves on the networks it touched that they
    /// did not have before (the only lead demoted, say), with the new text
    /// they point into; none on most writes.
    pub warnings: Option<(String, Vec<Diagnostic>)>,
}

impl Update {
    /// A write to `path` that did what `summary` says, and nothing more to tell.
    fn new(path: PathBuf, summary: Summary) -> Self {
        Update {
            path,
            dry_run: None,
            created: false,
            summary,
            unchanged: false,
            notes: Vec::new(),
            warnings: None,
        }
    }
}

/// The warnings of the networks `ids` in `registry` (an import may touch
/// every one of ten thousand: looked up, not searched).
fn warnings_of(registry: &Registry, ids: &[String]) -> Vec<Diagnostic> {
    let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
    (registry.networks.iter())
        .filter(|network| ids.contains(network.id()))
        .flat_map(rules::warnings_of)
        .collect()
}

/// Which of the warnings of the touched networks `after` has that `before`
/// did not (by what they say: the places of everything after an edit move),
/// if any.
fn new_warnings(before: &[Diagnostic], after: &Registry, ids: &[String]) -> Option<Vec<Diagnostic>> {
    let said: HashSet<&str> = before.iter().map(|d| d.message.as_str()).collect();
    let mut found = warnings_of(after, ids);
    found.retain(|d| !said.contains(d.message.as_str()));
    (!found.is_empty()).then_some(found)
}

/// Where a write goes: the registry in use, or for the built-in registry the
/// user's data directory (the first write copies it there).
fn write_target(location: &Location) -> Result<(PathBuf, bool)> {
    match (&location.origin, &location.path) {
        (Origin::BuiltIn, Some(path)) => Ok((path.clone(), !path.exists())),
        (Origin::BuiltIn, None) | (_, None) => Err(super::no_data_directory(
            "pass --registry PATH or set NETREG_REGISTRY (or HOME, for the data directory)",
        )),
        (_, Some(path)) if let Some(target) = dangling(path) => Err(dangling_error(path, &target)),
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
    /// The file as it was read (none for the built-in registry, or a dry run).
    seen: Option<Seen>,
    /// Held until the write ends (none on a dry run).
    locked: Option<Locked>,
    /// The command line, for the history.
    command: String,
    /// Where the new text's snapshot goes.
    dirs: Dirs,
}

/// Locks the registry at `location` (unless `dry_run`) and opens it for
/// editing: from its cached snapshot when that matches the file, else parsed
/// and checked. The built-in registry opens as the copy the write will make.
pub fn edit(location: &Location, dry_run: bool, whole: bool, command: &str) -> Result<Session> {
    let (path, created) = write_target(location)?;
    let locked = (!dry_run).then(|| lock(&path, &location.dirs)).transpose()?;
    // Under the lock, a concurrent first write may have made the file already.
    let created = match &locked {
        Some(locked) => !locked.exists(),
        None => created && !path.exists(),
    };
    // The snapshot, used only if it was made from what is read next; decoded
    // first, so its bytes are gone before the file's text is read.
    let cached = (!created).then(|| cache::load(&location.dirs, &path)).flatten();
    let read = match &locked {
        _ if created => Ok((
            format!("{}{BUILT_IN}", crate::registry::schema::DIRECTIVE),
            None,
            None,
            false,
        )),
        Some(locked) => read_locked(&path, locked)
            .map(|(text, seen, bom)| (text, Some(seen.fingerprint), Some(seen), bom)),
        None => read_file(&path).map(|(text, fingerprint, bom)| (text, Some(fingerprint), None, bom)),
    };
    let (text, fingerprint, seen, bom) = read?;
    let cached = cached
        .filter(|(made_from, _)| Some(*made_from) == fingerprint)
        .map(|(_, parsed)| parsed);
    let result = cached.map_or_else(|| split::read_text(&text).checked(Warnings::Skip), Ok);
    let Loaded { parsed, text, .. } = super::loaded(path.display().to_string(), text.into(), result)?;
    let layout = parsed.layout.filter(|_| !whole);
    Ok(Session {
        doc: RegistryDoc::open(text.into_owned(), parsed.registry, layout)?,
        path,
        created,
        bom,
        dry_run,
        seen,
        locked,
        command: command.to_string(),
        dirs: location.dirs.clone(),
    })
}

/// Reads the locked registry for a write. What a write killed before its
/// rename left in the history (a version that is still this file, as a
/// second name or a copy) is cleared first; then a registry with more than
/// one name (hard link) is refused: the rename would give this name a new
/// file and leave the others with the old text.
fn read_locked(path: &Path, locked: &Locked) -> Result<(String, Seen, bool)> {
    let history = &locked.history;
    if let Some(history) = history
        && locked.links() > 1
    {
        history.remove_names_of(locked.identity());
    }
    let (text, seen, bom) = locked.read()?;
    if let Some(history) = history {
        history.remove_copy_of(seen.fingerprint);
    }
    let links = locked.links();
    if links > 1 {
        return Err(Error::Failed {
            message: format!(
                "`{}` has {links} names (hard links), and a write would leave the others with the old text",
                path.display()
            ),
            hint: Some(format!(
                "keep this name and make the others symlinks to it (`ln -sf {} OTHER`)",
                path.display()
            )),
        });
    }
    Ok((text, seen, bom))
}

/// Where the history of the registry at `location` is kept, and that history.
pub fn history_of(location: &Location) -> Result<(PathBuf, History)> {
    let path = match (&location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => {
            return Err(Error::NotFound {
                message: "the built-in registry has no history: no write has changed it".into(),
                hint: Some("a write copies it to your data directory; its history starts there".into()),
            });
        }
        (_, Some(path)) => path.clone(),
    };
    if let Some(target) = dangling(&path) {
        return Err(dangling_error(&path, &target));
    }
    let target = super::file::canonical(&path);
    match History::of(&location.dirs, &target) {
        Some(history) => Ok((path, history)),
        None => Err(super::no_data_directory("set HOME or XDG_STATE_HOME")),
    }
}

impl Session {
    /// Checks the edited registry with the same rules as `check` and writes
    /// it atomically (a dry run only returns the change). A refused or failed
    /// write leaves the file as it was.
    ///
    /// The new text is read again in full (`split::read`): every network
    /// whose stretch is byte for byte one the old text had is taken from the
    /// old registry instead of parsed, and its stretch passed by the layout
    /// scan, which lexes only the text the edit changed.
    pub fn commit(self, summary: Summary) -> Result<Update> {
        let Session {
            doc,
            path,
            created,
            bom,
            dry_run,
            seen,
            locked,
            command,
            dirs,
        } = self;
        let file = path.display().to_string();
        let touched = doc.touched();
        let warned = warnings_of(doc.registry(), &touched);
        let before = dry_run.then(|| doc.text().to_string());
        let made_from = created.then(|| doc.text().to_string());
        let Finished {
            text: after,
            moved,
            networks,
            before: old,
        } = doc.finish();
        let kept = split::Kept::of(networks, &moved);
        // Read again in full and checked: the same answer a cold `check` of
        // the new text gives, networks whose text is unchanged taken as read.
        let text = after.as_str();
        let verify = move || split::read(text, old.as_ref(), &moved, kept).checked(Warnings::Skip);
        let refused = |diagnostics, after: String| Error::Refused {
            file: format!("{file} (as this change would leave it)"),
            text: after,
            diagnostics,
        };
        if let Some(before) = before {
            return match verify() {
                Ok(parsed) => {
                    let warnings = new_warnings(&warned, &parsed.registry, &touched);
                    Ok(Update {
                        warnings: warnings.map(|warnings| (after.clone(), warnings)),
                        dry_run: Some((before, after)),
                        created,
                        ..Update::new(path, summary)
                    })
                }
                Err(diagnostics) => Err(refused(diagnostics, after)),
            };
        }
        // A first write that changes nothing of the built-in registry makes
        // no copy of it: there is nothing of the user's to keep.
        if made_from.as_deref() == Some(after.as_str()) {
            return Ok(Update {
                unchanged: true,
                ..Update::new(path, summary)
            });
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
        if seen.is_some_and(|seen| seen.fingerprint == fingerprint) {
            // The rules held for this very text when it was read.
            return Ok(Update {
                created,
                unchanged: true,
                ..Update::new(path, summary)
            });
        }
        // Only a dry run writes without the lock, and it has returned.
        let Some(locked) = &locked else {
            return Err(Error::Unexpected {
                what: "a write without its lock".into(),
            });
        };
        // The new text is written beside the file, and the file compared
        // with what was read, while the new text is checked; it replaces the
        // file only once it passed.
        let staging = || -> Result<Staged> {
            let staged = stage(&path, &stretches)?;
            locked.unchanged(&path, seen)?;
            Ok(staged)
        };
        let (checked, staged) = std::thread::scope(|scope| {
            let thread = std::thread::Builder::new().spawn_scoped(scope, staging);
            let checked = verify();
            let staged = match thread {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => staging(),
            };
            (checked, staged)
        });
        let updated = match checked {
            Ok(parsed) => parsed,
            Err(diagnostics) => return Err(refused(diagnostics, after)),
        };
        let staged = staged?;
        let entry = Entry::new(command, summary.done(), fingerprint, None);
        let mut notes = replace_keeping(
            locked,
            &path,
            staged,
            seen,
            made_from.as_deref(),
            entry,
            Keeping::Wanted,
        )?;
        // The new text is kept only to show a warning in; else it goes
        // before the snapshot is written.
        let warnings = new_warnings(&warned, &updated.registry, &touched).map(|warnings| (after, warnings));
        cache::store(&dirs, &path, &updated, fingerprint);
        if created {
            notes.extend(schema_beside(&path));
        }
        Ok(Update {
            created,
            notes,
            warnings,
            ..Update::new(path, summary)
        })
    }
}

/// The last steps of every write: refuse if the file is no longer what was
/// read, keep the version it replaces in the history, rename the new text
/// over it (and forget the kept version again if that fails).
fn replace_keeping(
    locked: &Locked,
    path: &Path,
    staged: Staged,
    seen: Option<Seen>,
    made_from: Option<&str>,
    entry: Entry,
    keeping: Keeping,
) -> Result<Vec<String>> {
    // The bytes were compared with what was read (`Locked::unchanged`) while
    // the new text was checked; the file's times cover the moments since.
    locked.still(path, seen)?;
    let mut notes = Vec::new();
    let kept = match &locked.history {
        None => Err("there is no state directory (set HOME or XDG_STATE_HOME)".to_string()),
        Some(history) => history
            .keep(&locked.target, locked.exists(), made_from.unwrap_or(""), entry)
            .map_err(|error| format!("{}: {error}", history.dir().display())),
    };
    let kept = match kept {
        Ok(kept) => Some(kept),
        Err(why) if keeping == Keeping::Required => {
            return Err(Error::Failed {
                message: format!(
                    "could not keep `{}` in netreg's history ({why}), so it was not replaced",
                    path.display()
                ),
                hint: Some("make the state directory writable, or move the file away first".into()),
            });
        }
        Err(why) => {
            notes.push(format!("warning: the replaced version was not kept ({why})"));
            None
        }
    };
    if let Err(error) = staged.replace() {
        if let Some(kept) = kept {
            kept.discard();
        }
        return Err(error);
    }
    Ok(notes)
}

/// Whether a write may go on when the version it replaces cannot be kept:
/// an edit may (the old text differs only by the edit, and a warning says
/// so); `init --force`, which replaces everything, may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keeping {
    Required,
    Wanted,
}

/// Writes the JSON Schema the `#:schema` line of a registry netreg created
/// points at, beside it. Editors use it; nothing depends on it, so a failure
/// is only a warning. A schema file already there that says something else
/// is the user's: it is left as it is, and a note says so.
fn schema_beside(path: &Path) -> Option<String> {
    let dir = path.parent()?;
    let file = dir.join(crate::registry::schema::FILE_NAME);
    let schema = crate::registry::schema::pretty();
    match std::fs::read(&file) {
        Ok(there) if there == schema.as_bytes() => None,
        Ok(_) => Some(format!(
            "note: left {} as it was (it is not netreg's schema); `netreg schema > {}` replaces it",
            file.display(),
            file.display()
        )),
        Err(_) if std::fs::symlink_metadata(&file).is_ok() => {
            Some(format!("note: left {} as it was", file.display()))
        }
        Err(_) => write_atomic(&file, &[schema]).err().map(|_| {
            format!(
                "warning: could not write {} (the schema for editors)",
                file.display()
            )
        }),
    }
}

/// What `init` did.
pub struct Created {
    pub networks: usize,
    /// The registry that was there (`--force`) was kept in the history.
    pub replaced: bool,
    pub notes: Vec<String>,
}

/// Writes a new registry at `path` under the lock; refuses to replace one
/// that exists unless `force`, and then keeps the one there in the history
/// (`undo` brings it back), so no backup is ever overwritten.
pub fn create(path: &Path, dirs: &Dirs, text: &str, force: bool, command: &str) -> Result<Created> {
    let parsed = split::parse_file(path.display(), text)?;
    let locked = lock(path, dirs)?;
    if locked.exists() && !force {
        return Err(Error::failed(
            format!("`{}` already exists", path.display()),
            "add --force to replace it (what it holds now is kept: `netreg undo` brings it back)".to_string(),
        ));
    }
    let read = locked.exists().then(|| read_locked(path, &locked));
    let seen = read.transpose()?.map(|(_, seen, _)| seen);
    let staged = stage(path, &[text])?;
    locked.unchanged(path, seen)?;
    let mut notes = match seen {
        Some(_) => {
            let summary = format!(
                "replaced the registry with a new one ({})",
                crate::text::count(parsed.registry.networks.len(), "network")
            );
            let entry = Entry::new(command.to_string(), summary, Fingerprint::of(text), None);
            replace_keeping(&locked, path, staged, seen, None, entry, Keeping::Required)?
        }
        None => {
            staged.replace()?;
            Vec::new()
        }
    };
    notes.extend(schema_beside(path));
    Ok(Created {
        networks: parsed.registry.networks.len(),
        replaced: seen.is_some(),
        notes,
    })
}

/// Restores the version the last write replaced (or, after undos, the one
/// before that), as a write of its own that the history keeps too. Refused
/// when the file changed outside netreg since its last write.
pub fn undo(location: &Location, dry_run: bool, command: &str) -> Result<Update> {
    let (path, history) = history_of(location)?;
    let kept = || {
        format!(
            "netreg keeps the versions of the last {} writes; `netreg history` lists them",
            history::KEPT
        )
    };
    let nothing = || Error::NotFound {
        message: format!(
            "nothing to undo: no write has replaced a version of `{}`",
            path.display()
        ),
        hint: Some(kept()),
    };
    let back_to = |entry: &Entry| history.back_to(entry, &path);
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(history.missing(&path));
    }
    let locked = lock(&path, &location.dirs)?;
    if !locked.exists() {
        return Err(nothing());
    }
    let (text, seen, bom) = read_locked(&path, &locked)?;
    let entries = history.entries();
    let Some(newest) = entries.last() else {
        return Err(nothing());
    };
    // After an undo, the next goes one write further back.
    let target = match newest.undoes {
        Some(undone) => entries.iter().rev().find(|entry| entry.n < undone),
        None => Some(newest),
    };
    // The file must be what the write to undo left: else the undo would lose
    // a change made outside netreg since (after the last write, or between
    // the write to undo and the next one).
    let outside = |entry: &Entry| Error::Failed {
        message: format!(
            "`{}` changed outside netreg since write #{}, and an undo would lose that change",
            path.display(),
            entry.n
        ),
        hint: Some(format!("{} (keep a copy of the file first)", back_to(entry))),
    };
    let now = seen.fingerprint.to_text();
    if newest.after != now {
        return Err(outside(newest));
    }
    let Some(target) = target else {
        return Err(Error::NotFound {
            message: format!("nothing left to undo in `{}`", path.display()),
            hint: Some(kept()),
        });
    };
    if target.after != now {
        return Err(outside(target));
    }
    let version = history.read(target.n)?;
    let summary = Summary::new(Verb::Undo, format!("#{} ({})", target.n, target.summary));
    if dry_run {
        let before = format!("{}{text}", if bom { BOM } else { "" });
        return Ok(Update {
            dry_run: Some((before, String::from_utf8_lossy(&version).into_owned())),
            ..Update::new(path, summary)
        });
    }
    let staged = stage(&path, &[&version])?;
    locked.unchanged(&path, Some(seen))?;
    let after = Fingerprint::of_bytes(&version);
    let entry = Entry::new(command.to_string(), summary.done(), after, Some(target.n));
    let notes = replace_keeping(&locked, &path, staged, Some(seen), None, entry, Keeping::Wanted)?;
    Ok(Update {
        notes,
        ..Update::new(path, summary)
    })
}
