//! The registry as a file: reading it, locking it, and replacing it
//! atomically.

use std::fs::{File, FileType, Metadata, OpenOptions, Permissions};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use rustix::io::Errno;

use super::BOM;
use crate::error::{Error, Result};
use crate::registry;
use crate::registry::snapshot::Fingerprint;

/// The registry file's text (without a byte-order mark), the fingerprint of
/// its bytes, and whether they began with a byte-order mark, which a write
/// then keeps.
///
/// Only a regular file (or a symlink to one) is a registry: a directory,
/// device, named pipe or socket is refused before it is opened, and checked
/// again on the handle, which is opened without waiting for a pipe's writer.
/// The one exception is a pipe netreg was handed as a descriptor
/// (`--registry /dev/stdin`, `--registry <(cmd)`): that is read to its end,
/// as `cat` would.
pub fn read_file(path: &Path) -> Result<(String, Fingerprint, bool)> {
    let read_error = |source| read_error(path, source);
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.file_type().is_fifo() && names_a_descriptor(path) {
        return read_input(path);
    }
    must_be_regular(path, &metadata)?;
    let mut file = open_no_wait(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    // It may have been replaced between the two looks.
    must_be_regular(path, &metadata)?;
    // Room for an edit to grow the text in place (see RegistryDoc::finish).
    let len = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(len + (len / 64).max(1 << 12));
    file.read_to_end(&mut bytes).map_err(read_error)?;
    decode(path, bytes)
}

/// Like [`read_file`], for a file to read from rather than a registry: any
/// readable file, a pipe too (`netreg import <(cmd)`).
pub fn read_input(path: &Path) -> Result<(String, Fingerprint, bool)> {
    let bytes = std::fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            message: format!("input file `{}` does not exist", path.display()),
            hint: Some("check the path (`-` reads standard input)".into()),
        },
        _ => read_error(path, source),
    })?;
    decode(path, bytes)
}

/// `/dev/stdin`, `/dev/fd/N` or `/proc/self/fd/N`: a file netreg was given
/// open, rather than one it finds in the file system.
fn names_a_descriptor(path: &Path) -> bool {
    path == Path::new("/dev/stdin") || path.starts_with("/dev/fd") || path.starts_with("/proc/self/fd")
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
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
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<(String, Fingerprint, bool)> {
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

/// Opens `path` for reading without waiting: a pipe without a writer opens
/// at once instead of hanging, and a terminal does not become netreg's
/// controlling one. The caller checks what it opened on the handle.
pub(super) fn open_no_wait(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().read(true).custom_flags(NO_WAIT).open(path)
}

const NO_WAIT: i32 = (rustix::fs::OFlags::NONBLOCK.bits() | rustix::fs::OFlags::NOCTTY.bits()) as i32;

/// Refuses anything but a regular file.
fn must_be_regular(path: &Path, metadata: &Metadata) -> Result<()> {
    match kind(metadata.file_type()) {
        None => Ok(()),
        Some(kind) => Err(Error::NotAFile {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

/// What a file that is not a regular file is, for the message.
fn kind(file_type: FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    Some(if file_type.is_dir() {
        "a directory"
    } else if file_type.is_fifo() {
        "a named pipe (FIFO)"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "a special file"
    })
}

/// `path` with its symlinks resolved; for a file that does not exist yet, its
/// directory's canonical path and its name. Every way to the same file then
/// leads to the same lock.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    match (
        path.file_name(),
        std::fs::canonicalize(dir.unwrap_or(Path::new("."))),
    ) {
        (Some(name), Ok(dir)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Holds an exclusive advisory lock on `<registry>.lock` while it lives, so
/// that concurrent writers take turns and none loses another's change. The
/// lock is beside the file's canonical path, so writers that reach it through
/// different symlinks still take turns.
pub fn lock(path: &Path) -> Result<File> {
    // No lock file beside a pipe or a device: what is there is refused anyway.
    if let Ok(metadata) = std::fs::metadata(path) {
        must_be_regular(path, &metadata)?;
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            action: "create the directory",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut name = canonical(path).into_os_string();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    let io = |source| Error::Io {
        action: "lock",
        path: lock_path.clone(),
        source,
    };
    // Not waiting: a pipe in the lock's place fails here rather than hangs.
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(NO_WAIT)
        .open(&lock_path)
        .map_err(io)?;
    file.lock().map_err(io)?;
    Ok(file)
}

/// Replaces `path` with the text `stretches` make, all at once: a temporary file in the same
/// directory, synced, given the original's owner, group and mode, renamed over it. A
/// symlinked registry stays a symlink; its target is replaced. A new file
/// gets 0666 less the umask, as files a shell makes do.
///
/// Refuses to replace what is not a regular file, or a file the user may not
/// write (or one without any write bit, which root could otherwise replace).
pub fn write_atomic(path: &Path, stretches: &[impl AsRef<[u8]>]) -> Result<()> {
    stage(path, stretches)?.replace()
}

/// A new text for a file, written and synced beside it, waiting to replace
/// it; dropped, it is removed and the file is left as it was.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
    dir: PathBuf,
}

impl Staged {
    /// Renames the new text over the file.
    pub fn replace(self) -> Result<()> {
        let Staged { temp, target, dir } = self;
        temp.persist(&target).map_err(|e| Error::Io {
            action: "replace",
            path: target.clone(),
            source: e.error,
        })?;
        // The rename is durable once the directory is synced too.
        if let Ok(dir) = File::open(&dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Writes the text `stretches` make to a temporary file beside `path`, with
/// `path`'s owner, group and mode (a new file's: 0666 less the umask), synced.
pub fn stage(path: &Path, stretches: &[impl AsRef<[u8]>]) -> Result<Staged> {
    let target = canonical(path);
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io = |action: &'static str| {
        let target = target.clone();
        move |source: std::io::Error| {
            if source.kind() == std::io::ErrorKind::FileTooLarge {
                Error::TooLarge {
                    path: path.to_path_buf(),
                }
            } else {
                Error::Io {
                    action,
                    path: target,
                    source,
                }
            }
        }
    };
    let original = match std::fs::metadata(&target) {
        Ok(metadata) => {
            must_be_regular(path, &metadata)?;
            must_be_writable(path, &metadata)?;
            Some(metadata)
        }
        Err(source) if source.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => return Err(io("write")(source)),
    };
    ignore_file_size_signal();
    remove_stale_temp_files(&dir, &target);
    let prefix = temp_prefix(&target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if original.is_none() {
        // Opened with this mode, the kernel takes the umask off it.
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(io("write"))?;
    use std::io::Write as _;
    // The file itself: tempfile's own writer hides the OS error in its own.
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
    for stretch in stretches {
        writer.write_all(stretch.as_ref()).map_err(io("write"))?;
    }
    writer.flush().map_err(io("write"))?;
    drop(writer);
    if let Some(original) = &original {
        keep_owner_and_mode(temp.as_file(), original).map_err(io("keep the owner and permissions of"))?;
    }
    temp.as_file().sync_all().map_err(io("write"))?;
    Ok(Staged { temp, target, dir })
}

/// The rename would replace a file whatever its mode: refuse one that the
/// user may not write, or that has no write bit at all.
fn must_be_writable(path: &Path, metadata: &Metadata) -> Result<()> {
    let no_write_bit = metadata.mode() & 0o222 == 0;
    if no_write_bit || rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_err() {
        return Err(Error::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Gives the temporary file the original's owner and group (when netreg may:
/// otherwise at least the group, if the user is in it) and then its mode,
/// since a change of owner clears the set-id bits.
fn keep_owner_and_mode(temp: &File, original: &Metadata) -> std::io::Result<()> {
    let now = temp.metadata()?;
    let mut mode = original.mode() & 0o7777;
    if (now.uid(), now.gid()) != (original.uid(), original.gid()) {
        match std::os::unix::fs::fchown(temp, Some(original.uid()), Some(original.gid())) {
            Ok(()) => {}
            Err(e) if Errno::from_io_error(&e) == Some(Errno::PERM) => {
                let _ = std::os::unix::fs::fchown(temp, None, Some(original.gid()));
                // Set-id bits are not passed on to a file of another owner.
                mode &= 0o1777;
            }
            Err(e) => return Err(e),
        }
    }
    temp.set_permissions(Permissions::from_mode(mode))
}

/// From the first write on, a write past the file-size limit (`ulimit -f`)
/// fails with EFBIG, which is reported, instead of SIGXFSZ killing netreg
/// without a word (and after the registry's write, in the middle of the
/// snapshot's). A handler that does nothing is as good as ignoring it.
pub(super) fn ignore_file_size_signal() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    });
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
