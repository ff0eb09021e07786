//! Snapshots of your registries in the cache directory (`~/.cache/netreg/`),
//! so a large registry is parsed once per change rather than on every read,
//! and the built-in one once per version of netreg.
//! A snapshot is only used for exactly the text it was made from; anything
//! wrong with the cache makes netreg parse the file, never fail.
//!
//! A snapshot is the checked registry in postcard (through the model's serde
//! impls, which keep each value's place in the file when the format is not
//! human-readable): a header (a magic number, the snapshot's version, the
//! fingerprint of the text it was made from, a checksum of the rest, the
//! registry's `format` and the length of each segment), then its networks
//! in segments that are decoded side by side.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::file::{ignore_file_size_signal, open_no_wait};
use super::{BUILT_IN, Fingerprint};
use crate::parallel;
use crate::registry::located::Located;
use crate::registry::model::{Network, Registry};

const MAGIC: [u8; 6] = *b"NETREG";

/// Goes up whenever the model, or how it is written, changes: a snapshot of
/// another version is not believed.
const VERSION: u16 = 11;

#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 6],
    version: u16,
    /// The text the snapshot was made from.
    made_from: Fingerprint,
    /// The xxh3 of the body, so a corrupt snapshot is not believed.
    checksum: u64,
    /// The registry's `format`, and whether it was read a network at a time.
    format: Option<Located<i64>>,
    split: bool,
    /// The length of each segment of the body, in bytes.
    segments: Vec<u64>,
}

/// Networks a segment holds: a large registry's segments are decoded side
/// by side (at 10,000 networks on two cores, a warm read takes 10-20 % less).
const SEGMENT: usize = 500;

/// A run of networks, with where each one's text starts (which serde skips).
#[derive(Serialize)]
struct Segment<'a> {
    starts: Vec<usize>,
    networks: &'a [Network],
}

/// [`Segment`] read back.
#[derive(Deserialize)]
struct OwnedSegment {
    starts: Vec<usize>,
    networks: Vec<Network>,
}

/// The snapshot of `registry`, checked, made from the text of `made_from`:
/// the header, then each segment, written one after the other rather than
/// copied into one buffer (a large registry's are megabytes).
fn encode(registry: &Registry, made_from: Fingerprint) -> Option<Vec<Vec<u8>>> {
    let mut pieces = registry
        .networks
        .chunks(SEGMENT)
        .map(|networks| {
            let starts = networks.iter().map(|n| n.at).collect();
            postcard::to_stdvec(&Segment { starts, networks }).ok()
        })
        .collect::<Option<Vec<_>>>()?;
    let mut checksum = xxhash_rust::xxh3::Xxh3::new();
    pieces.iter().for_each(|piece| checksum.update(piece));
    let header = Header {
        magic: MAGIC,
        version: VERSION,
        made_from,
        checksum: checksum.digest(),
        format: registry.format.clone(),
        split: registry.split,
        segments: pieces.iter().map(|s| s.len() as u64).collect(),
    };
    pieces.insert(0, postcard::to_stdvec(&header).ok()?);
    Some(pieces)
}

/// The text a snapshot says it was made from, and its body, if it is a
/// snapshot of this version.
fn header(bytes: &[u8]) -> Option<(Header, &[u8])> {
    let (header, body) = postcard::take_from_bytes::<Header>(bytes).ok()?;
    (header.magic == MAGIC && header.version == VERSION).then_some((header, body))
}

/// The registry in a snapshot's body, if it is the one the header vouches for.
fn decode_body(header: Header, body: &[u8]) -> Option<Registry> {
    if header.checksum != xxhash_rust::xxh3::xxh3_64(body) {
        return None;
    }
    let mut segments = Vec::with_capacity(header.segments.len());
    let mut rest = body;
    for len in &header.segments {
        let (segment, after) = rest.split_at_checked(usize::try_from(*len).ok()?)?;
        segments.push(segment);
        rest = after;
    }
    let threads = if segments.len() > 2 {
        parallel::threads()
    } else {
        1
    };
    let decoded = parallel::map_parts(&segments, threads, |segments| {
        let mut networks = Vec::with_capacity(segments.len() * SEGMENT);
        for segment in segments {
            let OwnedSegment {
                starts,
                networks: mut read,
            } = postcard::from_bytes(segment).ok()?;
            if starts.len() != read.len() {
                return None;
            }
            for (network, at) in read.iter_mut().zip(starts) {
                network.at = at;
            }
            networks.append(&mut read);
        }
        Some(networks)
    });
    // Each thread's networks are moved once, onto the end of the first's.
    let mut networks = Vec::new();
    for part in decoded {
        let mut part = part?;
        if networks.is_empty() {
            networks = part;
        } else {
            networks.append(&mut part);
        }
    }
    Some(Registry {
        format: header.format,
        networks,
        split: header.split,
    })
}

/// The registry in `snapshot` if it is a snapshot of the text of `fingerprint`.
fn decode_if(snapshot: &[u8], fingerprint: Fingerprint) -> Option<Registry> {
    let (header, body) = header(snapshot)?;
    (header.made_from == fingerprint)
        .then(|| decode_body(header, body))
        .flatten()
}

/// The registry in `snapshot`, and the text it says it was made from.
fn decode_any(snapshot: &[u8]) -> Option<(Fingerprint, Registry)> {
    let (header, body) = header(snapshot)?;
    let made_from = header.made_from;
    Some((made_from, decode_body(header, body)?))
}

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
    decode_if(&snapshot, Fingerprint::of(BUILT_IN))
}

/// Keeps the snapshot of the built-in registry (checked) for the next read.
pub fn store_built_in(registry: &Registry) {
    if let Some(path) = built_in_path() {
        write_snapshot(&path, encode(registry, Fingerprint::of(BUILT_IN)));
    }
}

/// The registry at `registry`, if the cache holds a snapshot of the file's
/// text with this fingerprint.
pub fn load(registry: &Path, fingerprint: Fingerprint) -> Option<Registry> {
    let len = std::fs::metadata(registry).ok()?.len();
    decode_if(&read_snapshot(&path_for(registry)?, len)?, fingerprint)
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
        return Some((current, decode_if(&snapshot, current)?));
    }
    std::thread::scope(|scope| {
        let hashing = std::thread::Builder::new().spawn_scoped(scope, || fingerprint(registry));
        // Decoded while the file is hashed, and dropped if it turns out stale.
        let decoded = decode_any(&snapshot);
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
        write_snapshot(&path, encode(registry, fingerprint));
    }
}

fn write_snapshot(path: &Path, pieces: Option<Vec<Vec<u8>>>) {
    let (Some(dir), Some(pieces)) = (path.parent(), pieces) else {
        return;
    };
    ignore_file_size_signal();
    remove_stale_temp_files(dir);
    let _ = std::fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::Builder::new().prefix(".snapshot.").tempfile_in(dir)?;
        for piece in &pieces {
            temp.write_all(piece)?;
        }
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
    use crate::registry::model::CountryText;

    const TEXT: &str = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n[[networks.milestones]]\ndate = \"2012\"\ntitle = \"u\"\n[[networks.partners]]\nname = \"P\"\ncountry = \"IT\"\ncoordinates = [43.8, 10.5]\n[[networks.partners]]\nname = \"Q\"\ngeonames = 3164603\n";

    fn round_trip(registry: &Registry, text: &str) -> Registry {
        let bytes = encode(registry, Fingerprint::of(text))
            .unwrap_or_else(|| panic!("encodes"))
            .concat();
        decode_if(&bytes, Fingerprint::of(text)).unwrap_or_else(|| panic!("decodes"))
    }

    #[test]
    fn round_trips_with_places() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let back = round_trip(&parsed.registry, TEXT);
        assert_eq!(format!("{back:?}"), format!("{:?}", parsed.registry));
        assert!(back.split);
        assert_eq!(back.networks[0].at, 11);
        let dates: Vec<String> = back.networks[0]
            .milestones
            .iter()
            .map(|m| m.date().to_string())
            .collect();
        assert_eq!(dates, ["2011-06-09", "2012"]);
        let partner = &back.networks[0].partners[0];
        assert_eq!(
            partner.coordinates.as_ref().map(|c| *c.get_ref()),
            Some([43.8, 10.5])
        );
        // Places count from where the network starts.
        assert_eq!(&TEXT[back.networks[0].at..][partner.name.span()], "\"P\"");
    }

    #[test]
    fn round_trips_countries_as_written() {
        let mut registry = crate::registry::parse(TEXT)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        // What `check` refuses is never stored, but would read back as written.
        registry.networks[0].partners[1].country = Some(Located::new(1..2, CountryText::from("Itàlia")));
        let back = round_trip(&registry, TEXT);
        let countries =
            |r: &Registry| -> Vec<_> { r.networks[0].partners.iter().map(|p| p.country.clone()).collect() };
        assert_eq!(countries(&back), countries(&registry));
        assert!(matches!(
            back.networks[0].partners[0].country.as_ref().map(|c| c.get_ref()),
            Some(CountryText::Code([b'I', b'T']))
        ));
    }

    #[test]
    fn refuses_other_text_and_garbage() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let fingerprint = Fingerprint::of(TEXT);
        let bytes = encode(&parsed.registry, fingerprint).unwrap_or_default().concat();
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
        let last = flipped.len() - 1;
        flipped[last] ^= 0x20;
        assert!(decode_if(&flipped, fingerprint).is_none(), "corrupt body");
        // Another version's snapshot, however sound.
        let mut older = bytes.clone();
        older[MAGIC.len()] ^= 1;
        assert!(decode_if(&older, fingerprint).is_none(), "other version");
        assert!(decode_if(&bytes, fingerprint).is_some());
    }

    #[test]
    fn a_registry_without_networks_round_trips() {
        let back = round_trip(&Registry::default(), "");
        assert!(back.networks.is_empty() && back.format.is_none());
    }

    #[test]
    fn the_built_in_registry_round_trips() {
        let parsed = crate::registry::parse(BUILT_IN).unwrap_or_else(|e| panic!("{e:?}"));
        let back = round_trip(&parsed.registry, BUILT_IN);
        assert_eq!(format!("{back:?}"), format!("{:?}", parsed.registry));
    }
}
