//! Snapshots of your registries in the cache directory (`~/.cache/netreg/`),
//! so a large registry is parsed once per change rather than on every read.
//! A snapshot is only used for exactly the text it was made from; anything
//! wrong with the cache makes netreg parse the file, never fail.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::registry::model::Registry;
use crate::registry::snapshot::{self, Fingerprint};

/// Where the snapshot of the registry at `registry` lives.
fn path_for(registry: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(registry).ok()?;
    let key = xxhash_rust::xxh3::xxh3_64(canonical.as_os_str().as_encoded_bytes());
    Some(
        dirs::cache_dir()?
            .join("netreg")
            .join(format!("{key:016x}.snapshot")),
    )
}

/// The registry at `registry`, if the cache holds a snapshot of the file's
/// text with this fingerprint.
pub fn load(registry: &Path, fingerprint: Fingerprint) -> Option<Registry> {
    let bytes = std::fs::read(path_for(registry)?).ok()?;
    // The registry borrows its strings from the snapshot, which therefore
    // lives as long as the process, like the registry itself.
    snapshot::is_of(&bytes, fingerprint).then(|| snapshot::decode(bytes.leak(), fingerprint))?
}

/// The fingerprint of the file as it is now, read in small pieces rather
/// than kept.
pub fn fingerprint(registry: &Path) -> Option<Fingerprint> {
    Fingerprint::of_reader(std::fs::File::open(registry).ok()?).ok()
}

/// Keeps the snapshot of a checked registry for the next read. Written to a
/// temporary file and renamed, so a reader never sees half a snapshot.
pub fn store(registry_path: &Path, registry: &Registry, fingerprint: Fingerprint) {
    let Some(path) = path_for(registry_path) else {
        return;
    };
    let Some(dir) = path.parent() else { return };
    let bytes = snapshot::encode(registry, fingerprint);
    let _ = std::fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::Builder::new().prefix(".snapshot.").tempfile_in(dir)?;
        temp.write_all(&bytes)?;
        temp.persist(&path).map(drop).map_err(|e| e.error)
    });
}
