//! Snapshots of your registries in the cache directory (`~/.cache/netreg/`),
//! so a large registry is parsed once per change rather than on every read,
//! and the built-in one once per version of netreg.
//! A snapshot is only used for exactly the text it was made from; anything
//! wrong with the cache makes netreg parse the file, never fail.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::BUILT_IN;
use super::file::{ignore_file_size_signal, open_no_wait};

use crate::registry::model::Registry;
use crate::registry::snapshot::{self, Fingerprint};

/// Where the snapshot of the registry at `registry` lives.
pub fn path_for(registry: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(registry).ok()?;
    let key = xxhash_rust::xxh3::xxh3_64(canonical.as_os_str().as_encoded_bytes());
    Some(
        super::cache_dir()?
            .join("netreg")
            .join(format!("{key:016x}.snapshot")),
    )
}

/// Where the snapshot of the built-in registry lives: one file whichever
/// version of netreg made it, so upgrades leave nothing behind; its header
/// says which text it was made from.
fn built_in_path() -> Option<PathBuf> {
    Some(super::cache_dir()?.join("netreg").join("built-in.snapshot"))
}

/// The built-in registry, if the cache holds a snapshot of this netreg's.
pub fn load_built_in() -> Option<Registry> {
    let snapshot = read_snapshot(&built_in_path()?, BUILT_IN.len() as u64)?;
    decode_if(snapshot, Fingerprint::of(BUILT_IN))
}

/// Keeps the snapshot of the built-in registry (checked) for the next read.
pub fn store_built_in(registry: &Registry) {
    if let Some(path) = built_in_path() {
        write_snapshot(&path, &snapshot::encode(registry, Fingerprint::of(BUILT_IN)));
    }
}

/// The registry at `registry`, if the cache holds a snapshot of the file's
/// text with this fingerprint.
pub fn load(registry: &Path, fingerprint: Fingerprint) -> Option<Registry> {
    let len = std::fs::metadata(registry).ok()?.len();
    decode_if(read_snapshot(&path_for(registry)?, len)?, fingerprint)
}

/// The bytes of the snapshot at `path` of a registry of `len` bytes, if
/// what is there is a regular file of a size such a snapshot can have.
/// Opened without waiting and checked on the handle, so a pipe or a device
/// put in its place is neither waited on nor read.
fn read_snapshot(path: &Path, len: u64) -> Option<Vec<u8>> {
    let file = open_no_wait(path).ok()?;
    let metadata = file.metadata().ok()?;
    let most = len.saturating_mul(16).saturating_add(1 << 20);
    if !metadata.is_file() || metadata.len() > most {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).ok()?);
    file.take(most).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// The registry in `snapshot` if it is a snapshot of the text of `fingerprint`.
fn decode_if(snapshot: Vec<u8>, fingerprint: Fingerprint) -> Option<Registry> {
    snapshot::decode(&snapshot, fingerprint)
}

/// The registry at `registry` if the cache holds a snapshot of the file's
/// text as it is now. Without a snapshot the file is not read here at all;
/// for a large file, it is hashed on a second thread while the snapshot is
/// decoded. Only regular files are cached: a pipe can be read only once.
pub fn load_current(registry: &Path) -> Option<(Fingerprint, Registry)> {
    let metadata = std::fs::metadata(registry).ok()?;
    if !metadata.is_file() {
        return None;
    }
    let snapshot = read_snapshot(&path_for(registry)?, metadata.len())?;
    if metadata.len() < PARALLEL_LEN {
        let current = fingerprint(registry)?;
        return Some((current, decode_if(snapshot, current)?));
    }
    std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new().spawn_scoped(scope, || fingerprint(registry));
        // Decoded while the file is hashed, and dropped if it turns out stale.
        let decoded = snapshot::decode_any(&snapshot);
        let current = match hashing {
            Ok(hashing) => hashing.join().ok().flatten(),
            Err(_) => fingerprint(registry),
        }?;
        let (made_from, decoded) = decoded?;
        (made_from == current).then_some((current, decoded))
    })
}

/// Below this size a file is hashed faster than a thread starts.
const PARALLEL_LEN: u64 = 1 << 20;

/// The fingerprint of the file as it is now, read in small pieces rather
/// than kept.
pub fn fingerprint(registry: &Path) -> Option<Fingerprint> {
    let file = open_no_wait(registry).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    Fingerprint::of_reader(file).ok()
}

/// Keeps the snapshot of a checked registry for the next read. Written to a
/// temporary file and renamed, so a reader never sees half a snapshot.
pub fn store(registry_path: &Path, registry: &Registry, fingerprint: Fingerprint) {
    if !std::fs::metadata(registry_path).is_ok_and(|m| m.is_file()) {
        return;
    }
    if let Some(path) = path_for(registry_path) {
        write_snapshot(&path, &snapshot::encode(registry, fingerprint));
    }
}

fn write_snapshot(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    ignore_file_size_signal();
    remove_stale_temp_files(dir);
    let _ = std::fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::Builder::new().prefix(".snapshot.").tempfile_in(dir)?;
        temp.write_all(bytes)?;
        temp.persist(path).map(drop).map_err(|e| e.error)
    });
}

/// A snapshot's temporary file older than this was left by a netreg that was
/// killed while writing it; no live one takes this long.
const STALE: Duration = Duration::from_secs(10 * 60);

fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !entry.file_name().as_encoded_bytes().starts_with(b".snapshot.") {
            continue;
        }
        let modified = entry.metadata().and_then(|m| m.modified());
        if modified.is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
