//! The versions of a registry that writes replaced, kept in the user's state
//! directory (`$XDG_STATE_HOME/netreg/history/`, one folder per registry by
//! its canonical path), so that `history` lists them and `undo` restores one.
//!
//! Each version is two files: `<n>.toml`, the replaced file itself (a hard
//! link to it where the state directory is on the same file system, so
//! keeping it costs nothing), and `<n>.json`, what replaced it. A version is
//! written before the rename that replaces the registry; one left by a
//! write that never renamed still shares the registry's inode, and is
//! removed as a leftover.

use std::fs::File;
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fingerprint;
use crate::error::{Error, Result};

/// How many writes' versions are kept per registry (undos not counted); the
/// oldest go first.
pub const KEPT: usize = 100;

/// One write that replaced a version of the registry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Its number, counting up from 1 per registry.
    pub n: u64,
    /// When, as RFC 3339 in local time.
    pub when: String,
    /// The command line that made the write.
    pub command: String,
    /// What it did, in one line.
    pub summary: String,
    /// The fingerprint of the text the write left (see `Fingerprint::to_text`).
    pub after: String,
    /// The entry this write undid, for an `undo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
}

impl Entry {
    /// A write made now by `command`, leaving the text of `after`; its
    /// number is given when it is kept.
    pub fn new(command: String, summary: String, after: Fingerprint, undoes: Option<u64>) -> Self {
        Self {
            n: 0,
            when: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            command,
            summary,
            after: after.to_text(),
            undoes,
        }
    }

    /// Whether `bytes` are the text this write left.
    pub fn left(&self, bytes: &[u8]) -> bool {
        Fingerprint::of_bytes(bytes).to_text() == self.after
    }
}

/// The history of one registry.
pub struct History {
    dir: PathBuf,
}

/// A version just kept, removed again if the write then fails.
pub struct Kept {
    files: [PathBuf; 2],
}

impl Kept {
    pub fn discard(self) {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
    }
}

impl History {
    /// The history of the registry whose canonical path is `target`.
    pub fn of(dirs: &super::Dirs, target: &Path) -> Option<Self> {
        let key = xxhash_rust::xxh3::xxh3_64(target.as_os_str().as_encoded_bytes());
        let dir = dirs
            .state
            .as_ref()?
            .join("netreg")
            .join("history")
            .join(format!("{key:016x}"));
        Some(Self { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn version(&self, n: u64) -> PathBuf {
        self.dir.join(format!("{n:08}.toml"))
    }

    fn record(&self, n: u64) -> PathBuf {
        self.dir.join(format!("{n:08}.json"))
    }

    /// The kept versions, oldest first; what cannot be read is left out.
    pub fn entries(&self) -> Vec<Entry> {
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut entries: Vec<Entry> = files
            .flatten()
            .filter(|file| file.path().extension().is_some_and(|e| e == "json"))
            .filter_map(|file| serde_json::from_slice::<Entry>(&std::fs::read(file.path()).ok()?).ok())
            .filter(|entry| self.version(entry.n).is_file())
            .collect();
        entries.sort_by_key(|entry| entry.n);
        entries
    }

    /// The bytes of version `n`.
    pub fn read(&self, n: u64) -> Result<Vec<u8>> {
        let path = self.version(n);
        std::fs::read(&path).map_err(|source| Error::Io {
            action: "read",
            path,
            source,
        })
    }

    // A write killed after keeping its version and before its rename leaves
    // a version of a write that never happened: on the registry's file
    // system a second name of the registry, elsewhere a copy of its text.

    /// Removes the versions that are second names of the registry
    /// (`identity`, its device and inode), and records without a version.
    /// Before the registry is read: a removed name changes its times.
    pub fn remove_names_of(&self, identity: Option<(u64, u64)>) {
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for file in files.flatten() {
            let path = file.path();
            let leftover = match path.extension().and_then(|e| e.to_str()) {
                Some("toml") => file
                    .metadata()
                    .is_ok_and(|m| Some((m.dev(), m.ino())) == identity),
                Some("json") => !path.with_extension("toml").exists(),
                _ => false,
            };
            if leftover {
                let _ = std::fs::remove_file(path.with_extension("toml"));
                let _ = std::fs::remove_file(path.with_extension("json"));
            }
        }
    }

    /// Removes the newest version when it is a copy of the registry's text
    /// (`current`) while its record says its write left another.
    pub fn remove_copy_of(&self, current: Fingerprint) {
        let Some(&newest) = self.numbers().last() else {
            return;
        };
        let record = std::fs::read(self.record(newest))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Entry>(&bytes).ok());
        // Read only after a change made outside netreg (or such a write):
        // otherwise the newest record says the text is what its write left.
        let ghost = record.is_some_and(|entry| {
            entry.after != current.to_text()
                && File::open(self.version(newest)).is_ok_and(|version| {
                    version.metadata().is_ok_and(|m| m.len() == current.bytes())
                        && Fingerprint::of_reader(version).is_ok_and(|kept| kept == current)
                })
        });
        if ghost {
            let _ = std::fs::remove_file(self.version(newest));
            let _ = std::fs::remove_file(self.record(newest));
        }
    }

    /// The error for a registry that is not there: how to bring back its
    /// last kept version, or, with none, how to make it.
    pub fn missing(&self, registry: &Path) -> Error {
        let hint = match self.entries().last() {
            Some(newest) => self.back_to(newest, registry),
            None => format!("create it with `netreg --registry {} init`", registry.display()),
        };
        Error::NotFound {
            message: format!("registry `{}` does not exist", registry.display()),
            hint: Some(hint),
        }
    }

    /// How to go back by hand to the version write `entry` replaced, for a
    /// message about the registry at `registry`.
    pub fn back_to(&self, entry: &Entry, registry: &Path) -> String {
        format!(
            "the version before write #{} is kept as {}: copy it over `{}` to go back to it",
            entry.n,
            self.version(entry.n).display(),
            registry.display()
        )
    }

    /// Keeps the registry at `registry` (locked by the caller; when it does
    /// not `exist`, the write makes it from `made_from`) as the next version,
    /// with what replaces it.
    pub fn keep(
        &self,
        registry: &Path,
        exists: bool,
        made_from: &str,
        mut entry: Entry,
    ) -> std::io::Result<Kept> {
        if !self.dir.exists() {
            // The versions are the user's data: for the user's eyes only.
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.dir)?;
            // Which registry this folder is of, for a person looking.
            let _ = private(
                &self.dir.join("registry"),
                registry.as_os_str().as_encoded_bytes(),
            );
        }
        entry.n = self.numbers().last().map_or(1, |last| last + 1);
        let kept = Kept {
            files: [self.record(entry.n), self.version(entry.n)],
        };
        let json = serde_json::to_vec_pretty(&entry).map_err(std::io::Error::other)?;
        private(&kept.files[0], &json)?;
        let version = &kept.files[1];
        let _ = std::fs::remove_file(version);
        let stored = if exists {
            // On another file system, a copy that only its owner may read.
            std::fs::hard_link(registry, version).or_else(|_| {
                std::fs::copy(registry, version)?;
                std::fs::set_permissions(version, std::fs::Permissions::from_mode(0o600))
            })
        } else {
            private(version, made_from.as_bytes())
        };
        if let Err(error) = stored {
            kept.discard();
            return Err(error);
        }
        self.prune();
        Ok(kept)
    }

    /// The numbers of the versions kept, in order, from the files' names
    /// alone (a write need not read a hundred records).
    fn numbers(&self) -> Vec<u64> {
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut numbers: Vec<u64> = files
            .flatten()
            .filter_map(|file| {
                let name = file.file_name();
                let stem = name.to_str()?.strip_suffix(".json")?;
                stem.parse().ok()
            })
            .collect();
        numbers.sort_unstable();
        numbers
    }

    /// Keeps the versions of the last `KEPT` writes, and the undos since
    /// the oldest of them: undoing does not use up what can be undone.
    fn prune(&self) {
        let numbers = self.numbers();
        if numbers.len() <= KEPT {
            return;
        }
        let entries = self.entries();
        let oldest = entries
            .iter()
            .rev()
            .filter(|entry| entry.undoes.is_none())
            .nth(KEPT - 1);
        let Some(oldest) = oldest else { return };
        for n in numbers.into_iter().filter(|&n| n < oldest.n) {
            let _ = std::fs::remove_file(self.version(n));
            let _ = std::fs::remove_file(self.record(n));
        }
    }
}

/// Writes a new file that only its owner may read.
fn private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?
        .write_all(bytes)
}
