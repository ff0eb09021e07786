//! The registry as a file: reading it, locking it, and replacing it
//! atomically.

use std::fs::{File, FileType, Metadata, OpenOptions, Permissions};
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use rustix::io::Errno;

use super::BOM;
use super::Fingerprint;
use crate::error::{Error, Result};
use crate::registry;

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
    let file = open_no_wait(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    // It may have been replaced between the two looks.
    must_be_regular(path, &metadata)?;
    read_open(path, &file, &metadata)
}

/// The text of `file`, open at its start (`metadata` its own), as
/// [`read_file`] gives it.
fn read_open(path: &Path, mut file: &File, metadata: &Metadata) -> Result<(String, Fingerprint, bool)> {
    // Room for an edit to grow the text in place (see RegistryDoc::finish).
    let len = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(len + (len / 64).max(1 << 12));
    file.read_to_end(&mut bytes).map_err(|e| read_error(path, e))?;
    decode(path, bytes)
}

/// Like [`read_file`], for a file to read from rather than a registry: a
/// regular file, or a pipe netreg was handed as a descriptor (`netreg import
/// <(cmd)`, `/dev/stdin`). A device or a named pipe in the file system is
/// refused (`/dev/zero` would be read until memory runs out, a pipe with no
/// writer waited on forever), and no input is read past `MOST_INPUT`.
pub fn read_input(path: &Path) -> Result<(String, Fingerprint, bool)> {
    let read_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            message: format!("input file `{}` does not exist", path.display()),
            hint: Some("check the path (`-` reads standard input)".into()),
        },
        _ => read_error(path, source),
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    let not_a_file = |metadata: &Metadata| {
        kind(metadata.file_type()).map_or(Ok(()), |kind| {
            Err(Error::failed(
                format!("`{}` is {kind}, not a file to read", path.display()),
                "give a regular file, `-` for standard input, or a command's output as `<(command)`"
                    .to_string(),
            ))
        })
    };
    let file = if names_a_descriptor(path) {
        File::open(path).map_err(read_error)?
    } else {
        not_a_file(&metadata)?;
        let file = open_no_wait(path).map_err(read_error)?;
        not_a_file(&file.metadata().map_err(read_error)?)?;
        file
    };
    let bytes = read_bounded(file, path)?;
    decode(path, bytes)
}

/// The most netreg reads of an input: far past any registry (the EU's
/// project databases come to tens of megabytes), short of memory.
pub const MOST_INPUT: u64 = 1 << 30;

/// Everything `reader` gives, refused past [`MOST_INPUT`].
pub fn read_bounded(reader: impl std::io::Read, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MOST_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, e))?;
    if bytes.len() as u64 > MOST_INPUT {
        return Err(Error::failed(
            format!(
                "`{}` holds more than 1 GiB, more than netreg reads",
                path.display()
            ),
            "split it, or give netreg the registry it is part of".to_string(),
        ));
    }
    Ok(bytes)
}

/// `/dev/stdin`, `/dev/fd/N` or `/proc/self/fd/N`: a file netreg was given
/// open, rather than one it finds in the file system.
fn names_a_descriptor(path: &Path) -> bool {
    path == Path::new("/dev/stdin") || path.starts_with("/dev/fd") || path.starts_with("/proc/self/fd")
}

fn read_error(path: &Path, source: std::io::Error) -> Error {
    if let Some(target) = dangling(path) {
        return dangling_error(path, &target);
    }
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

pub(super) fn decode(path: &Path, bytes: Vec<u8>) -> Result<(String, Fingerprint, bool)> {
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
pub(super) fn canonical(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    // A symlink to a file yet to be made leads to where the file goes, as a
    // shell's `>` writes there: a write keeps the symlink. (As many links as
    // the kernel follows; a loop stays where it is, and fails there.)
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        // Only a link that leads nowhere: one to a pipe or a device is that.
        let nowhere = std::fs::metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        if !nowhere {
            break;
        }
        path = path.parent().unwrap_or(Path::new("")).join(target);
    }
    match (path.file_name(), std::fs::canonicalize(dir_of(&path))) {
        (Some(name), Ok(dir)) => dir.join(name),
        _ => path,
    }
}

/// The directory `path` is in (`.` for a bare file name).
fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Where a symlink at `path` leads, when that is nowhere: a registry that is
/// such a symlink is an error, never a reason to read another registry or to
/// replace the symlink with a file.
pub fn dangling(path: &Path) -> Option<PathBuf> {
    let link = std::fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() || std::fs::metadata(path).is_ok() {
        return None;
    }
    std::fs::read_link(path).ok()
}

/// The error for a registry that is a symlink to nothing.
pub fn dangling_error(path: &Path, target: &Path) -> Error {
    let looped = std::fs::metadata(path).is_err_and(|e| Errno::from_io_error(&e) == Some(Errno::LOOP));
    if looped {
        return Error::NotFound {
            message: format!(
                "registry `{}` is a symlink that leads back to itself (through `{}`)",
                path.display(),
                target.display()
            ),
            hint: Some(format!(
                "point it at your registry file: `ln -sfn FILE {}`",
                path.display()
            )),
        };
    }
    Error::NotFound {
        message: format!(
            "registry `{}` is a symlink to `{}`, which does not exist",
            path.display(),
            target.display()
        ),
        hint: Some(format!(
            "restore `{}`, or point the symlink at your registry (`ln -sfn FILE {}`)",
            target.display(),
            path.display()
        )),
    }
}

/// A registry locked for a write: the file itself, opened and locked, or,
/// while there is no file yet, its directory. No lock file is made, so
/// nothing is left beside the registry. A writer that waited on a file that
/// another writer then replaced locks the new one instead.
pub struct Locked {
    held: File,
    /// The registry's canonical path: where the lock holds.
    pub target: PathBuf,
    /// The file's device and inode when it exists.
    identity: Option<(u64, u64)>,
    /// Where the versions this registry's writes replace are kept (none
    /// without a state directory).
    pub history: Option<super::history::History>,
}

/// What a writer read: the file (device and inode) and its bytes' fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    identity: (u64, u64),
    /// Length, modification and change times, before the bytes were read.
    stamp: Stamp,
    pub fingerprint: Fingerprint,
}

/// What a write to a file changes whatever it writes: its length, and its
/// modification and change times (to the nanosecond the file system keeps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

fn stamp(metadata: &Metadata) -> Stamp {
    Stamp {
        len: metadata.len(),
        modified: (metadata.mtime(), metadata.mtime_nsec()),
        changed: (metadata.ctime(), metadata.ctime_nsec()),
    }
}

fn identity(metadata: &Metadata) -> (u64, u64) {
    (metadata.dev(), metadata.ino())
}

/// Locks the registry at `path` for a write, so that concurrent writers take
/// turns and none loses another's change.
pub fn lock(path: &Path, dirs: &super::Dirs) -> Result<Locked> {
    if let Some(target) = dangling(path) {
        return Err(dangling_error(path, &target));
    }
    // A pipe or a device (`--registry /dev/stdin`) is refused for what it is.
    if let Ok(metadata) = std::fs::metadata(path) {
        must_be_regular(path, &metadata)?;
    }
    loop {
        let target = canonical(path);
        let io = |action: &'static str, path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { action, path, source }
        };
        let (held, identity_of_held) = match std::fs::metadata(&target) {
            Ok(metadata) => {
                must_be_regular(path, &metadata)?;
                let file = open_no_wait(&target).map_err(io("lock", &target))?;
                file.lock().map_err(io("lock", &target))?;
                let locked = identity(&file.metadata().map_err(io("lock", &target))?);
                // Replaced while this writer waited: lock what is there now.
                if !std::fs::metadata(&target).is_ok_and(|now| identity(&now) == locked) {
                    continue;
                }
                (file, Some(locked))
            }
            Err(source) if source.kind() == std::io::ErrorKind::NotFound => {
                let dir = dir_of(&target);
                std::fs::create_dir_all(&dir).map_err(io("create the directory", &dir))?;
                let dir_file = File::open(&dir).map_err(io("lock", &dir))?;
                dir_file.lock().map_err(io("lock", &dir))?;
                // Made by another writer while this one waited: lock the file.
                if std::fs::symlink_metadata(&target).is_ok() {
                    continue;
                }
                (dir_file, None)
            }
            Err(source) => return Err(io("lock", &target)(source)),
        };
        return Ok(Locked {
            held,
            history: super::history::History::of(dirs, &target),
            target,
            identity: identity_of_held,
        });
    }
}

impl Locked {
    /// Whether the registry exists (else its directory is what is locked).
    pub fn exists(&self) -> bool {
        self.identity.is_some()
    }

    /// The locked registry's text (see [`read_file`]) and what was seen.
    pub fn read(&self) -> Result<(String, Seen, bool)> {
        let Some(identity) = self.identity else {
            return Err(read_error(&self.target, std::io::ErrorKind::NotFound.into()));
        };
        let metadata = self.held.metadata().map_err(|e| read_error(&self.target, e))?;
        let (text, fingerprint, bom) = read_open(&self.target, &self.held, &metadata)?;
        Ok((
            text,
            Seen {
                identity,
                stamp: stamp(&metadata),
                fingerprint,
            },
            bom,
        ))
    }

    /// How many names the locked file has.
    pub fn links(&self) -> u64 {
        self.held.metadata().map_or(1, |m| m.nlink())
    }

    /// The device and inode of the locked file.
    pub fn identity(&self) -> Option<(u64, u64)> {
        self.identity
    }

    /// Refuses to go on when the registry's bytes are no longer what this
    /// writer read (`seen`; `None`: there was no file): another program
    /// saved it, or made it, in the meantime. It reads the whole file, so a
    /// write does it while the new text is checked, and [`Locked::still`]
    /// then covers the moments up to the rename.
    pub fn unchanged(&self, path: &Path, seen: Option<Seen>) -> Result<()> {
        self.still(path, seen)?;
        let Some(seen) = seen else { return Ok(()) };
        let file = open_no_wait(&self.target).map_err(|_| changed(path))?;
        match Fingerprint::of_reader(file) {
            Ok(fingerprint) if fingerprint == seen.fingerprint => Ok(()),
            _ => Err(changed(path)),
        }
    }

    /// Refuses to go on when the registry is not the file this writer read,
    /// or was written since (its length or times differ), or, where there
    /// was none, when there is one now. Called just before the rename, after
    /// [`Locked::unchanged`].
    pub fn still(&self, path: &Path, seen: Option<Seen>) -> Result<()> {
        let now = match std::fs::metadata(&self.target) {
            Ok(now) => now,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && seen.is_none() => return Ok(()),
            Err(_) => return Err(changed(path)),
        };
        match seen {
            Some(seen) if identity(&now) == seen.identity && stamp(&now) == seen.stamp => Ok(()),
            _ => Err(changed(path)),
        }
    }
}

/// The error of a write whose file another program saved meanwhile.
fn changed(path: &Path) -> Error {
    Error::Failed {
        message: format!(
            "`{}` changed while netreg was writing it (another program saved it); nothing was written",
            path.display()
        ),
        hint: Some("run the command again: it applies to the file as it is now".into()),
    }
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
    let dir = dir_of(&target);
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
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM).suffix(".tmp");
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
        keep_extended_attributes(&target, temp.as_file());
    }
    temp.as_file().sync_all().map_err(io("write"))?;
    Ok(Staged { temp, target, dir })
}

/// The rename would replace a file whatever its mode: refuse one that the
/// user may not write, or that has no write bit at all.
fn must_be_writable(path: &Path, metadata: &Metadata) -> Result<()> {
    let access = rustix::fs::access(path, rustix::fs::Access::WRITE_OK);
    if access.is_ok() && metadata.mode() & 0o222 != 0 {
        return Ok(());
    }
    Err(Error::ReadOnly {
        path: path.to_path_buf(),
        // Only a file marked immutable (`chattr +i`) refuses a write with EPERM.
        immutable: access == Err(Errno::PERM),
    })
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

/// Gives the temporary file the original's extended attributes (POSIX ACLs
/// among them), where the file system allows: an attribute the file system
/// or the user may not set (`security.*`, `trusted.*` for a user) is left out.
fn keep_extended_attributes(original: &Path, temp: &File) {
    let Ok(original) = File::open(original) else {
        return;
    };
    let Ok(size) = rustix::fs::flistxattr_query(&original) else {
        return;
    };
    let mut names = vec![0u8; size];
    let Ok(size) = rustix::fs::flistxattr(&original, &mut names[..]) else {
        return;
    };
    for name in names[..size].split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let Ok(name) = std::ffi::CString::new(name) else {
            continue;
        };
        let Ok(size) = rustix::fs::fgetxattr_query(&original, name.as_c_str()) else {
            continue;
        };
        let mut value = vec![0u8; size];
        let Ok(size) = rustix::fs::fgetxattr(&original, name.as_c_str(), &mut value[..]) else {
            continue;
        };
        let _ = rustix::fs::fsetxattr(
            temp,
            name.as_c_str(),
            &value[..size],
            rustix::fs::XattrFlags::empty(),
        );
    }
}

/// The random part of a temporary file's name: its exact length tells a
/// writer's own temporary files from those of a registry whose name starts
/// with this one's (`r.toml` and `r.toml.x`).
const TEMP_RANDOM: usize = 6;

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
        let random = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"));
        if random.is_some_and(|r| r.len() == TEMP_RANDOM && r.bytes().all(|b| b.is_ascii_alphanumeric())) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
