//! The binary snapshot of a checked registry: what netreg loads instead of
//! parsing TOML when it can. It is tied to the exact text it was made from
//! (its length and 128-bit xxh3 hash) and carries a checksum of its own
//! contents, so a stale, corrupt or foreign snapshot is never believed.

use std::cell::{Cell, RefCell};

use super::model::{Network, Registry};
use crate::parallel;

/// File magic and snapshot version; bump the version when the model changes.
const MAGIC: &[u8; 8] = b"NETREG\x00\x06";

/// What a snapshot is tied to: the length and hash of the registry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u128,
}

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        Self::of_bytes(text.as_bytes())
    }

    /// The same as `of`, worked out while compiling: for the built-in
    /// registry, which a read need not hash at every start.
    pub const fn of_static(text: &str) -> Self {
        Self {
            len: text.len() as u64,
            hash: xxhash_rust::const_xxh3::xxh3_128(text.as_bytes()),
        }
    }

    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_128(bytes),
        }
    }

    /// The fingerprint of the text that `stretches` make together.
    pub fn of_stretches(stretches: &[&str]) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for stretch in stretches {
            hasher.update(stretch.as_bytes());
        }
        Self {
            len: stretches.iter().map(|s| s.len() as u64).sum(),
            hash: hasher.digest128(),
        }
    }

    /// The fingerprint of a file's bytes, read in small pieces into a buffer
    /// on the stack: a thread that only hashes needs no heap of its own.
    pub fn of_reader(mut reader: impl std::io::Read) -> std::io::Result<Self> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = [0; 1 << 16];
        let mut len = 0u64;
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Self {
            len,
            hash: hasher.digest128(),
        })
    }
}

/// The snapshot of `registry`, parsed and checked from the text of `fingerprint`:
/// the header, then every string of the registry in one UTF-8 table, then
/// the registry itself (postcard), which names its strings by their place
/// in the table: its `format`, then its networks in segments that can be
/// decoded side by side.
pub fn encode(registry: &Registry, fingerprint: Fingerprint) -> Vec<u8> {
    let (body, table) = with_local(
        || TABLE.set(Some(Table::default())),
        || TABLE.set(None),
        || {
            // Serializing the model to memory cannot fail: every type is plain data.
            let mut body = Vec::new();
            let format = postcard::to_stdvec(&registry.format).unwrap_or_default();
            put_section(&mut body, &format);
            let segments = registry.networks.chunks(SEGMENT);
            body.extend_from_slice(&(segments.len() as u64).to_le_bytes());
            for segment in segments {
                put_section(&mut body, &postcard::to_stdvec(segment).unwrap_or_default());
            }
            (body, TABLE.take().unwrap_or_default().text)
        },
    );
    let mut bytes = Vec::with_capacity(MAGIC.len() + 40 + table.len() + body.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&fingerprint.len.to_le_bytes());
    bytes.extend_from_slice(&fingerprint.hash.to_le_bytes());
    let checksum_at = bytes.len();
    bytes.extend_from_slice(&[0; 8]);
    bytes.extend_from_slice(&(table.len() as u64).to_le_bytes());
    bytes.extend_from_slice(table.as_bytes());
    drop(table);
    bytes.extend_from_slice(&body);
    drop(body);
    let checksum = xxhash_rust::xxh3::xxh3_64(&bytes[checksum_at + 8..]);
    bytes[checksum_at..checksum_at + 8].copy_from_slice(&checksum.to_le_bytes());
    bytes
}

/// Networks a segment of the snapshot holds.
const SEGMENT: usize = 500;

fn put_section(bytes: &mut Vec<u8>, section: &[u8]) {
    bytes.extend_from_slice(&(section.len() as u64).to_le_bytes());
    bytes.extend_from_slice(section);
}

fn take_section(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = take_u64(bytes)?;
    rest.split_at_checked(usize::try_from(len).ok()?)
}

fn take_u64(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let (number, rest) = bytes.split_first_chunk::<8>()?;
    Some((u64::from_le_bytes(*number), rest))
}

/// Whether `bytes` claim to be a snapshot of exactly the text of
/// `fingerprint` (their contents are checked when they are decoded).
pub fn is_of(bytes: &[u8], fingerprint: Fingerprint) -> bool {
    header(bytes).is_some_and(|(made_from, _)| made_from == fingerprint)
}

/// What a snapshot says it was made from, and the rest of it.
fn header(bytes: &[u8]) -> Option<(Fingerprint, &[u8])> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let (hash, rest) = rest.split_first_chunk::<16>()?;
    let made_from = Fingerprint {
        len: u64::from_le_bytes(*len),
        hash: u128::from_le_bytes(*hash),
    };
    Some((made_from, rest))
}

/// What a snapshot says it was made from, its string table and its body, if
/// its contents are what was written.
fn split(bytes: &[u8]) -> Option<(Fingerprint, &[u8], &[u8])> {
    let (made_from, rest) = header(bytes)?;
    let (checksum, rest) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*checksum) != xxhash_rust::xxh3::xxh3_64(rest) {
        return None;
    }
    let (table_len, rest) = rest.split_first_chunk::<8>()?;
    let table_len = usize::try_from(u64::from_le_bytes(*table_len)).ok()?;
    let (table, body) = rest.split_at_checked(table_len)?;
    Some((made_from, table, body))
}

/// The string table of a snapshot being encoded: each string once, however
/// often the registry says it (a city in many networks, "Network launched").
#[derive(Default)]
struct Table {
    text: String,
    places: std::collections::HashMap<Box<str>, (u32, u32), xxhash_rust::xxh3::Xxh3DefaultBuilder>,
}

thread_local! {
    /// The string table of the snapshot being encoded.
    static TABLE: RefCell<Option<Table>> = const { RefCell::new(None) };
    /// The string table of the snapshot being decoded, which the registry borrows.
    static SOURCE: Cell<&'static str> = const { Cell::new("") };
}

/// The registry in `bytes` if it is a snapshot of exactly the text of
/// `fingerprint`. Its strings are borrowed from `bytes`, not copied.
pub fn decode(bytes: &'static [u8], fingerprint: Fingerprint) -> Option<Registry> {
    decode_any(bytes)
        .filter(|(made_from, _)| *made_from == fingerprint)
        .map(|(_, registry)| registry)
}

/// The registry in the snapshot `bytes`, and the fingerprint of the text it
/// says it was made from, for a caller that compares it with the file's
/// (computed meanwhile) before believing it.
pub fn decode_any(bytes: &'static [u8]) -> Option<(Fingerprint, Registry)> {
    let (made_from, table, body) = split(bytes)?;
    let table = std::str::from_utf8(table).ok()?;
    let (format, mut rest) = take_section(body)?;
    let format = borrowing(table, || postcard::from_bytes(format).ok())?;
    let (count, after) = take_u64(rest)?;
    rest = after;
    let mut segments = Vec::new();
    for _ in 0..count {
        let (segment, after) = take_section(rest)?;
        segments.push(segment);
        rest = after;
    }
    let threads = if segments.len() > 2 {
        parallel::threads()
    } else {
        1
    };
    let decoded = parallel::map_parts(&segments, threads, |segments| {
        borrowing(table, || {
            let mut networks = Vec::with_capacity(segments.len() * SEGMENT);
            for segment in segments {
                networks.extend(postcard::from_bytes::<Vec<Network>>(segment).ok()?);
            }
            Some(networks)
        })
    });
    // Each thread's networks are moved once, onto the end of the first's.
    let mut parts = decoded.into_iter();
    let mut networks = parts.next().flatten()?;
    for part in parts {
        networks.extend(part?);
    }
    Some((made_from, Registry { format, networks }))
}

/// `decode`, with the registry's strings borrowed from `table` on this thread.
fn borrowing<T>(table: &'static str, decode: impl FnOnce() -> T) -> T {
    with_local(|| SOURCE.set(table), || SOURCE.set(""), decode)
}

/// `work` with a thread-local `set` up, and `clear`ed after it even if `work` panics.
fn with_local<T>(set: impl FnOnce(), clear: fn(), work: impl FnOnce() -> T) -> T {
    struct Clear(fn());
    impl Drop for Clear {
        fn drop(&mut self) {
            (self.0)();
        }
    }
    set();
    let _clear = Clear(clear);
    work()
}

/// Puts `text` in the table of the snapshot being encoded, and says where.
pub(super) fn intern(text: &str) -> Option<(u32, u32)> {
    TABLE.with_borrow_mut(|table| {
        let table = table.as_mut()?;
        if let Some(place) = table.places.get(text) {
            return Some(*place);
        }
        let place = (
            u32::try_from(table.text.len()).ok()?,
            u32::try_from(text.len()).ok()?,
        );
        table.text.push_str(text);
        table.places.insert(text.into(), place);
        Some(place)
    })
}

/// The string at `start` of length `len` in the table of the snapshot being decoded.
pub(super) fn lookup(start: u32, len: u32) -> Option<&'static str> {
    let (start, len) = (start as usize, len as usize);
    SOURCE.get().get(start..start.checked_add(len)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n";

    #[test]
    fn round_trips_with_spans() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let bytes: &'static [u8] = encode(&parsed.registry, Fingerprint::of(TEXT)).leak();
        let back = decode(bytes, Fingerprint::of(TEXT)).unwrap_or_else(|| panic!("decodes"));
        assert_eq!(back.networks[0].id.span(), parsed.registry.networks[0].id.span());
        assert_eq!(back.networks[0].milestones[0].date().to_string(), "2011-06-09");
        let name: &str = &back.networks[0].name;
        assert_eq!(name, "A");
        assert!(
            bytes.as_ptr_range().contains(&name.as_ptr()),
            "strings are borrowed from the snapshot"
        );
    }

    #[test]
    fn refuses_other_text_and_garbage() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let fingerprint = Fingerprint::of(TEXT);
        let bytes: &'static [u8] = encode(&parsed.registry, fingerprint).leak();
        let other = TEXT.replace("\"A\"", "\"B\"");
        assert!(
            decode(bytes, Fingerprint::of(&other)).is_none(),
            "same length, other content"
        );
        assert!(decode(b"garbage", fingerprint).is_none());
        assert!(
            decode(&bytes[..bytes.len() - 3], fingerprint).is_none(),
            "truncated"
        );
        // A byte of the string table changed: the checksum no longer matches.
        let mut flipped = bytes.to_vec();
        let at = MAGIC.len() + 24 + 8 + 8;
        flipped[at] ^= 0x20;
        assert!(decode(flipped.leak(), fingerprint).is_none(), "corrupt table");
        // A well-made snapshot whose string table does not hold the strings.
        let (_, table, body) = split(bytes).unwrap_or_else(|| panic!("split"));
        assert!(!table.is_empty());
        let mut contents = 0u64.to_le_bytes().to_vec();
        contents.extend_from_slice(body);
        let mut emptied = bytes[..MAGIC.len() + 24].to_vec();
        emptied.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&contents).to_le_bytes());
        emptied.extend_from_slice(&contents);
        assert!(
            decode(emptied.leak(), fingerprint).is_none(),
            "strings outside the table"
        );
        let streamed = Fingerprint::of_reader(TEXT.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, fingerprint);
        let (head, tail) = TEXT.split_at(TEXT.find('\n').unwrap_or_default());
        assert_eq!(Fingerprint::of_stretches(&[head, "", tail]), fingerprint);
    }
}
