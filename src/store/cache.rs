//! Snapshots of your registries in the cache directory (`~/.cache/netreg/`),
//! so a large registry is parsed once per change rather than on every read,
//! and the built-in one once per version of netreg.
//! A snapshot is only used for exactly the text it was made from; anything
//! wrong with the cache makes netreg parse the file, never fail.
//!
//! A snapshot is postcard, through the model's serde impls (which keep each
//! value's place in the file when the format is not human-readable): a
//! header (a magic number, the snapshot's version, the fingerprint of the
//! text it was made from); the checked registry's format, its layout and
//! the first half of its networks; the second half; then where the second
//! half starts and a checksum of all before, 8 bytes each.

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::file::{ignore_file_size_signal, open_no_wait};
use super::{BUILT_IN, BUILT_IN_FINGERPRINT, Dirs, Fingerprint};
use crate::registry::located::Located;
use crate::registry::model::{Network, Registry};
use crate::registry::{Layout, Parsed, Read};

const MAGIC: [u8; 6] = *b"NETREG";

/// Goes up whenever the model, or how it is written, changes: a snapshot of
/// another version is not believed.
const VERSION: u16 = 14;

#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 6],
    version: u16,
    /// The text the snapshot was made from.
    made_from: Fingerprint,
}

/// What a snapshot holds after its header: a checked registry, in two
/// halves that are decoded side by side, and where each network's text
/// lies (for a write by network).
#[derive(Serialize)]
struct Body<'a> {
    format: &'a Option<Located<i64>>,
    layout: Option<&'a Layout>,
    networks: &'a [Network],
}

#[derive(Deserialize)]
struct OwnedBody {
    format: Option<Located<i64>>,
    layout: Option<Layout>,
    networks: Vec<Network>,
}

/// After the two halves: where the second starts, then the checksum (the
/// xxh3 of all before it, so a corrupt snapshot is not believed), each 8
/// bytes.
const TRAILER: usize = 16;

/// Writes the snapshot of a checked registry, made from the text of
/// `made_from`, to `out` as it is encoded (a large registry's is megabytes,
/// and never held whole).
fn encode(out: impl Write, parsed: &Parsed, made_from: Fingerprint) -> std::io::Result<()> {
    let header = Header {
        magic: MAGIC,
        version: VERSION,
        made_from,
    };
    let networks = &parsed.registry.networks;
    let (first, second) = networks.split_at(networks.len() / 2);
    let body = Body {
        format: &parsed.registry.format,
        layout: parsed.layout.as_ref(),
        networks: first,
    };
    // postcard writes a few bytes at a time: they are summed by the buffer-full.
    let mut summed = std::io::BufWriter::with_capacity(
        1 << 16,
        Summed {
            out,
            sum: xxhash_rust::xxh3::Xxh3::new(),
            written: 0,
        },
    );
    let encoded = postcard::to_io(&header, &mut summed).and_then(|summed| postcard::to_io(&body, summed));
    encoded.map_err(std::io::Error::other)?;
    summed.flush()?;
    let second_at = summed.get_ref().written;
    postcard::to_io(second, &mut summed).map_err(std::io::Error::other)?;
    summed.write_all(&second_at.to_le_bytes())?;
    let mut summed = summed.into_inner().map_err(|e| e.into_error())?;
    let sum = summed.sum.digest().to_le_bytes();
    summed.out.write_all(&sum)?;
    summed.out.flush()
}

/// A writer that sums and counts what passes through it.
struct Summed<W> {
    out: W,
    sum: xxhash_rust::xxh3::Xxh3,
    written: u64,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.sum.update(&bytes[..written]);
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The two halves of `snapshot` if its checksum holds.
fn halves(snapshot: &[u8]) -> Option<(&[u8], &[u8])> {
    let (data, trailer) = snapshot.split_at_checked(snapshot.len().checked_sub(TRAILER)?)?;
    let (second_at, sum) = trailer.split_at(8);
    let number = |bytes: &[u8]| bytes.try_into().ok().map(u64::from_le_bytes);
    let summed = &snapshot[..snapshot.len() - sum.len()];
    if Some(xxhash_rust::xxh3::xxh3_64(summed)) != number(sum) {
        return None;
    }
    data.split_at_checked(usize::try_from(number(second_at)?).ok()?)
}

/// A half this large is decoded on a thread of its own; a smaller one
/// sooner than a thread starts.
const THREAD_HALF: usize = 1 << 20;

/// The registry in `snapshot` if it is a sound snapshot of this version,
/// with the fingerprint of the text it was made from; `meanwhile` runs
/// here while it is decoded (a large second half on a thread of its own).
fn decode<T>(snapshot: &[u8], meanwhile: impl FnOnce() -> T) -> (T, Option<(Fingerprint, Read)>) {
    let Some((first, second)) = halves(snapshot) else {
        return (meanwhile(), None);
    };
    std::thread::scope(|scope| {
        let decode_second = || postcard::from_bytes::<Vec<Network>>(second).ok();
        let thread = (second.len() >= THREAD_HALF)
            .then(|| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, decode_second)
                    .ok()
            })
            .flatten();
        let done = meanwhile();
        let first = decode_first(first);
        let second = match thread {
            Some(thread) => thread.join().ok().flatten(),
            None => decode_second(),
        };
        let read = first.zip(second).map(|((made_from, mut body), mut second)| {
            body.networks.append(&mut second);
            let registry = Registry {
                format: body.format,
                networks: body.networks,
            };
            let read = Read {
                registry,
                problems: Vec::new(),
                layout: body.layout,
            };
            (made_from, read)
        });
        (done, read)
    })
}

/// The header and first half of a snapshot, if it is of this version.
fn decode_first(bytes: &[u8]) -> Option<(Fingerprint, OwnedBody)> {
    let (header, body) = postcard::take_from_bytes::<Header>(bytes).ok()?;
    if header.magic != MAGIC || header.version != VERSION {
        return None;
    }
    Some((header.made_from, postcard::from_bytes(body).ok()?))
}

/// The registry in `snapshot` if it is a snapshot of the text of `fingerprint`.
fn decode_if(snapshot: &[u8], fingerprint: Fingerprint) -> Option<Read> {
    let ((), read) = decode(snapshot, || ());
    read.and_then(|(made_from, read)| (made_from == fingerprint).then_some(read))
}

/// Where the snapshot of the registry at `registry` lives.
pub fn path_for(dirs: &Dirs, registry: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(registry).ok()?;
    let key = xxhash_rust::xxh3::xxh3_64(canonical.as_os_str().as_encoded_bytes());
    Some(
        dirs.cache
            .as_ref()?
            .join("netreg")
            .join(format!("{key:016x}.snapshot")),
    )
}

/// Where the snapshot of the built-in registry lives: one file whichever
/// version of netreg made it, so upgrades leave nothing behind; its header
/// says which text it was made from.
fn built_in_path(dirs: &Dirs) -> Option<PathBuf> {
    Some(dirs.cache.as_ref()?.join("netreg").join("built-in.snapshot"))
}

/// The built-in registry, if the cache holds a snapshot of this netreg's.
pub fn load_built_in(dirs: &Dirs) -> Option<Read> {
    let snapshot = read_snapshot(&built_in_path(dirs)?, BUILT_IN.len() as u64)?;
    decode_if(&snapshot, BUILT_IN_FINGERPRINT)
}

/// Keeps the snapshot of the built-in registry (checked) for the next read.
pub fn store_built_in(dirs: &Dirs, parsed: &Parsed) {
    if let Some(path) = built_in_path(dirs) {
        write_snapshot(&path, parsed, BUILT_IN_FINGERPRINT);
    }
}

/// The registry in the snapshot of `registry` (which passed the rules when
/// it was kept), with the fingerprint of the text it was made from: the
/// caller compares that with the file's.
pub fn load(dirs: &Dirs, registry: &Path) -> Option<(Fingerprint, Parsed)> {
    let len = std::fs::metadata(registry).ok()?.len();
    let ((), decoded) = decode(&read_snapshot(&path_for(dirs, registry)?, len)?, || ());
    let (made_from, read) = decoded?;
    let parsed = Parsed {
        registry: read.registry,
        warnings: Vec::new(),
        layout: read.layout,
    };
    Some((made_from, parsed))
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

/// The registry at `registry` if the cache holds a snapshot of the file's
/// text as it is now. Without a snapshot the file is not read here at all.
/// Only regular files are cached: a pipe can be read only once.
pub fn load_current(dirs: &Dirs, registry: &Path) -> Option<(Fingerprint, Read)> {
    let metadata = std::fs::metadata(registry).ok()?;
    if !metadata.is_file() {
        return None;
    }
    let snapshot = read_snapshot(&path_for(dirs, registry)?, metadata.len())?;
    // The file is hashed while the snapshot is decoded.
    let (current, decoded) = decode(&snapshot, || fingerprint(registry));
    let (current, (made_from, read)) = current.zip(decoded)?;
    (made_from == current).then_some((current, read))
}

/// The fingerprint of the file as it is now, read in small pieces rather
/// than kept.
pub fn fingerprint(registry: &Path) -> Option<Fingerprint> {
    let file = open_no_wait(registry).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    Fingerprint::of_reader(file).ok()
}

/// Keeps the snapshot of a checked registry for the next read.
pub fn store(dirs: &Dirs, registry_path: &Path, parsed: &Parsed, fingerprint: Fingerprint) {
    if !std::fs::metadata(registry_path).is_ok_and(|m| m.is_file()) {
        return;
    }
    if let Some(path) = path_for(dirs, registry_path) {
        write_snapshot(&path, parsed, fingerprint);
    }
}

/// Written to a temporary file and renamed, so a reader never sees half a
/// snapshot.
fn write_snapshot(path: &Path, parsed: &Parsed, made_from: Fingerprint) {
    let Some(dir) = path.parent() else {
        return;
    };
    ignore_file_size_signal();
    remove_stale_temp_files(dir);
    let _ = std::fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::Builder::new().prefix(".snapshot.").tempfile_in(dir)?;
        encode(&mut temp, parsed, made_from)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n[[networks.milestones]]\ndate = \"2012\"\ntitle = \"u\"\n[[networks.partners]]\nname = \"P\"\ncountry = \"IT\"\ncoordinates = [43.8, 10.5]\n[[networks.partners]]\nname = \"Q\"\ngeonames = 3164603\n";

    fn snapshot(text: &str) -> (Parsed, Vec<u8>) {
        let parsed = crate::store::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let mut bytes = Vec::new();
        encode(&mut bytes, &parsed, Fingerprint::of(text)).unwrap_or_else(|e| panic!("{e}"));
        (parsed, bytes)
    }

    /// A snapshot reads back as the parse it was made from: values, places
    /// and layout.
    #[test]
    fn round_trips_with_places() {
        for text in [TEXT, "", BUILT_IN] {
            let (parsed, bytes) = snapshot(text);
            let back = decode_if(&bytes, Fingerprint::of(text)).unwrap_or_else(|| panic!("decodes"));
            assert_eq!(format!("{:?}", back.registry), format!("{:?}", parsed.registry));
            assert_eq!(back.layout, parsed.layout);
        }
        let (_, bytes) = snapshot(TEXT);
        let back = decode_if(&bytes, Fingerprint::of(TEXT)).unwrap_or_else(|| panic!("decodes"));
        let partner = &back.registry.networks[0].partners[0];
        assert_eq!(&TEXT[partner.name.span()], "\"P\"");
        assert_eq!(
            partner.coordinates.as_ref().map(|c| *c.get_ref()),
            Some([43.8, 10.5])
        );
    }

    /// A snapshot whose second half is decoded on a thread of its own reads
    /// back as the registry it was made from, in order.
    #[test]
    fn a_large_snapshot_decoded_on_two_threads_round_trips() {
        let network = |i: usize| Network {
            id: Located::new(i..i + 1, format!("n-{i}").into()),
            name: format!("Network {i}").into(),
            programme: None,
            kind: None,
            status: None,
            themes: Vec::new(),
            url: None,
            summary: Some("a summary long enough to fill the halves ".repeat(10).into()),
            sources: Vec::new(),
            partners: Vec::new(),
            milestones: Vec::new(),
        };
        let parsed = Parsed {
            registry: Registry {
                format: None,
                networks: (0..6_000).map(network).collect(),
            },
            warnings: Vec::new(),
            layout: None,
        };
        let mut bytes = Vec::new();
        let made_from = Fingerprint::of("the text");
        encode(&mut bytes, &parsed, made_from).unwrap_or_else(|e| panic!("{e}"));
        let (_, second) = halves(&bytes).unwrap_or_else(|| panic!("halves"));
        assert!(second.len() >= THREAD_HALF, "{}", second.len());
        let (ran, read) = decode(&bytes, || "meanwhile");
        let (fingerprint, read) = read.unwrap_or_else(|| panic!("decodes"));
        assert_eq!((ran, fingerprint), ("meanwhile", made_from));
        assert_eq!(format!("{:?}", read.registry), format!("{:?}", parsed.registry));
    }

    #[test]
    fn the_built_in_fingerprint_worked_out_when_built_is_its_texts() {
        assert_eq!(BUILT_IN_FINGERPRINT, Fingerprint::of(BUILT_IN));
    }

    #[test]
    fn refuses_other_text_and_garbage() {
        let (_, bytes) = snapshot(TEXT);
        let fingerprint = Fingerprint::of(TEXT);
        let other = TEXT.replace("\"A\"", "\"B\"");
        assert!(
            decode_if(&bytes, Fingerprint::of(&other)).is_none(),
            "same length, other content"
        );
        assert!(decode_if(b"garbage", fingerprint).is_none());
        assert!(
            decode_if(&bytes[..bytes.len() - 3], fingerprint).is_none(),
            "truncated"
        );
        // A byte of the body changed: the checksum no longer matches.
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 0x20;
        assert!(decode_if(&flipped, fingerprint).is_none(), "corrupt body");
        assert!(decode_if(&bytes, fingerprint).is_some());
    }
}
