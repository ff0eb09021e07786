//! Snapshots of your registries in the cache directory (`~/.cache/netreg/`),
//! so a large registry is parsed once per change rather than on every read.
//! A snapshot is only used for exactly the text it was made from; anything
//! wrong with the cache makes netreg parse the file, never fail.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::file::ignore_file_size_signal;
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

/// The registry at `registry`, if the cache holds a snapshot of the file's
/// text with this fingerprint.
pub fn load(registry: &Path, fingerprint: Fingerprint) -> Option<Registry> {
    decode_if(std::fs::read(path_for(registry)?).ok()?, fingerprint)
}

/// The registry in `snapshot` if it is a snapshot of the text of `fingerprint`.
fn decode_if(snapshot: Vec<u8>, fingerprint: Fingerprint) -> Option<Registry> {
    // The registry borrows its strings from the snapshot, which therefore
    // lives as long as the process, like the registry itself.
    snapshot::is_of(&snapshot, fingerprint).then(|| snapshot::decode(snapshot.leak(), fingerprint))?
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
    let snapshot = std::fs::read(path_for(registry)?).ok()?;
    if metadata.len() < PARALLEL_LEN {
        let current = fingerprint(registry)?;
        return Some((current, decode_if(snapshot, current)?));
    }
    std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new().spawn_scoped(scope, || fingerprint(registry));
        // Decoded before the file's fingerprint is known, so kept (like the
        // registry borrowing from it) even when it turns out to be stale.
        let decoded = snapshot::decode_any(snapshot.leak());
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
    Fingerprint::of_reader(std::fs::File::open(registry).ok()?).ok()
}

/// Keeps the snapshot of a checked registry for the next read. Written to a
/// temporary file and renamed, so a reader never sees half a snapshot.
pub fn store(registry_path: &Path, registry: &Registry, fingerprint: Fingerprint) {
    if !std::fs::metadata(registry_path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let Some(path) = path_for(registry_path) else {
        return;
    };
    let Some(dir) = path.parent() else { return };
    let bytes = snapshot::encode(registry, fingerprint);
    ignore_file_size_signal();
    let _ = std::fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::Builder::new().prefix(".snapshot.").tempfile_in(dir)?;
        temp.write_all(&bytes)?;
        temp.persist(&path).map(drop).map_err(|e| e.error)
    });
}
