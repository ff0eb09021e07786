//! The binary snapshot of a checked registry: what netreg loads instead of
//! parsing TOML when it can. It is tied to the exact text it was made from
//! (its length and 128-bit xxh3 hash) and carries a checksum of its own
//! contents, so a stale, corrupt or foreign snapshot is never believed.

use super::codec;
use super::model::Registry;
use crate::parallel;

/// File magic and snapshot version; bump the version when the model changes.
const MAGIC: &[u8; 8] = b"NETREG\x00\x0a";

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

    /// The length of the text, in bytes.
    pub fn bytes(&self) -> u64 {
        self.len
    }

    /// As text, for a file that records it (`<len>-<hash in hex>`).
    pub fn to_text(self) -> String {
        format!("{}-{:032x}", self.len, self.hash)
    }

    /// The fingerprint that [`Fingerprint::to_text`] wrote.
    pub fn from_text(text: &str) -> Option<Self> {
        let (len, hash) = text.split_once('-')?;
        Some(Self {
            len: len.parse().ok()?,
            hash: u128::from_str_radix(hash, 16).ok()?,
        })
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

/// The snapshot of `registry`, parsed and checked from the text of
/// `fingerprint`: the header, a checksum of the rest, then the registry
/// (`codec`): its `format` and whether it was read a network at a time,
/// then its networks, each with where its text starts, in segments that can
/// be decoded side by side.
pub fn encode(registry: &Registry, fingerprint: Fingerprint) -> Vec<u8> {
    // Serializing the model to memory cannot fail: every type is plain data.
    let mut bytes = Vec::new();
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&fingerprint.len.to_le_bytes());
    bytes.extend_from_slice(&fingerprint.hash.to_le_bytes());
    let checksum_at = bytes.len();
    bytes.extend_from_slice(&[0; 8]);
    put_section(
        &mut bytes,
        &codec::write_top(registry.format.as_ref(), registry.split),
    );
    let segments = registry.networks.chunks(SEGMENT);
    bytes.extend_from_slice(&(segments.len() as u64).to_le_bytes());
    for segment in segments {
        put_section(&mut bytes, &codec::write(segment));
    }
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

/// The registry in `bytes` if it is a snapshot of exactly the text of `fingerprint`.
pub fn decode(bytes: &[u8], fingerprint: Fingerprint) -> Option<Registry> {
    let (made_from, _) = header(bytes)?;
    if made_from != fingerprint {
        return None;
    }
    decode_any(bytes).map(|(_, registry)| registry)
}

/// The registry in the snapshot `bytes`, and the fingerprint of the text it
/// says it was made from, for a caller that compares it with the file's
/// (computed meanwhile) before believing it.
pub fn decode_any(bytes: &[u8]) -> Option<(Fingerprint, Registry)> {
    let (made_from, rest) = header(bytes)?;
    let (checksum, body) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*checksum) != xxhash_rust::xxh3::xxh3_64(body) {
        return None;
    }
    let (top, mut rest) = take_section(body)?;
    let (format, split) = codec::read_top(top)?;
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
        let mut networks = Vec::with_capacity(segments.len() * SEGMENT);
        for segment in segments {
            networks.extend(codec::read(segment)?);
        }
        Some(networks)
    });
    // Each thread's networks are moved once, onto the end of the first's.
    let mut parts = decoded.into_iter();
    let mut networks = parts.next().flatten()?;
    for part in parts {
        networks.extend(part?);
    }
    Some((
        made_from,
        Registry {
            format,
            networks,
            split,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::model::CountryText;

    const TEXT: &str = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n";

    #[test]
    fn round_trips_with_places() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let bytes = encode(&parsed.registry, Fingerprint::of(TEXT));
        let back = decode(&bytes, Fingerprint::of(TEXT)).unwrap_or_else(|| panic!("decodes"));
        assert_eq!(format!("{back:?}"), format!("{:?}", parsed.registry));
        assert!(back.split);
        assert_eq!(back.networks[0].at, 11);
        assert_eq!(back.networks[0].milestones[0].date().to_string(), "2011-06-09");
    }

    #[test]
    fn round_trips_countries_as_written() {
        let partner = "[[networks.partners]]\nname = \"P\"\ncountry = \"IT\"\n";
        let text = format!("{TEXT}{partner}{}", partner.replace('P', "Q"));
        let mut registry = crate::registry::parse(&text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        // What `check` refuses is never stored, but would read back as written.
        let other = crate::registry::located::Located::new(1..2, CountryText::from("Itàlia"));
        registry.networks[0].partners[1].country = Some(other);
        let bytes = encode(&registry, Fingerprint::of(&text));
        let back = decode(&bytes, Fingerprint::of(&text)).unwrap_or_else(|| panic!("decodes"));
        let countries =
            |r: &Registry| -> Vec<_> { r.networks[0].partners.iter().map(|p| p.country.clone()).collect() };
        assert_eq!(countries(&back), countries(&registry));
        assert!(matches!(
            back.networks[0].partners[0].country.as_ref().map(|c| c.get_ref()),
            Some(CountryText::Code([b'I', b'T']))
        ));
        assert_eq!(back.networks[0].partners[1].country(), Some("Itàlia"));
    }

    #[test]
    fn refuses_other_text_and_garbage() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let fingerprint = Fingerprint::of(TEXT);
        let bytes = encode(&parsed.registry, fingerprint);
        let other = TEXT.replace("\"A\"", "\"B\"");
        assert!(
            decode(&bytes, Fingerprint::of(&other)).is_none(),
            "same length, other content"
        );
        assert!(decode(b"garbage", fingerprint).is_none());
        assert!(
            decode(&bytes[..bytes.len() - 3], fingerprint).is_none(),
            "truncated"
        );
        // A byte of the body changed: the checksum no longer matches.
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x20;
        assert!(decode(&flipped, fingerprint).is_none(), "corrupt body");
        let streamed = Fingerprint::of_reader(TEXT.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, fingerprint);
        let (head, tail) = TEXT.split_at(TEXT.find('\n').unwrap_or_default());
        assert_eq!(Fingerprint::of_stretches(&[head, "", tail]), fingerprint);
    }
}
