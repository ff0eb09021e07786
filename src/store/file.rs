//! The registry as a file: reading it, locking it, and replacing it
//! atomically.

use std::path::{Path, PathBuf};

use super::BOM;
use crate::error::{Error, Result};
use crate::registry;
use crate::registry::snapshot::Fingerprint;

/// The registry file's text (without a byte-order mark), the fingerprint of
/// its bytes, and whether they began with a byte-order mark, which a write
/// then keeps.
pub fn read_file(path: &Path) -> Result<(String, Fingerprint, bool)> {
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
    let bom = bytes.starts_with(BOM.as_bytes());
    match registry::decode(bytes) {
        Ok(text) => Ok((text, fingerprint, bom)),
        Err((diagnostic, bytes)) => Err(Error::Registry {
            file: path.display().to_string(),
            text: String::from_utf8_lossy(&bytes).into_owned(),
            diagnostics: vec![diagnostic],
        }),
    }
}

/// Holds an exclusive advisory lock on `<registry>.lock` while it lives, so
/// that concurrent writers take turns and none loses another's change.
pub fn lock(path: &Path) -> Result<std::fs::File> {
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

/// Replaces `path` with the text `stretches` make, all at once: a temporary file in the same
/// directory, synced, given the original's permissions, renamed over it. A
/// symlinked registry stays a symlink; its target is replaced.
pub fn write_atomic(path: &Path, stretches: &[impl AsRef<[u8]>]) -> Result<()> {
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
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, &mut temp);
    for stretch in stretches {
        writer.write_all(stretch.as_ref()).map_err(io("write"))?;
    }
    writer.flush().map_err(io("write"))?;
    drop(writer);
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
