//! The binary snapshot of a checked registry: what netreg loads instead of
//! parsing TOML when it can. It is tied to the exact text it was made from
//! (its length and 128-bit xxh3 hash), so a stale, corrupt or foreign
//! snapshot is never believed.

use super::model::Registry;

/// File magic and snapshot version; bump the version when the model changes.
const MAGIC: &[u8; 8] = b"NETREG\x00\x02";

/// What a snapshot is tied to: the length and hash of the registry's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u128,
}

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        Self {
            len: text.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        }
    }

    /// The fingerprint of a file's bytes, read in small pieces.
    pub fn of_reader(mut reader: impl std::io::Read) -> std::io::Result<Self> {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut buffer = vec![0; 1 << 16];
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

/// The snapshot of `registry`, parsed and checked from the text of `fingerprint`.
pub fn encode(registry: &Registry, fingerprint: Fingerprint) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&fingerprint.len.to_le_bytes());
    bytes.extend_from_slice(&fingerprint.hash.to_le_bytes());
    // Serializing the model to memory cannot fail: every type is plain data.
    postcard::to_extend(registry, bytes).unwrap_or_default()
}

/// The registry in `bytes` if it is a snapshot of exactly the text of `fingerprint`.
pub fn decode(bytes: &[u8], fingerprint: Fingerprint) -> Option<Registry> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let (hash, rest) = rest.split_first_chunk::<16>()?;
    if u64::from_le_bytes(*len) != fingerprint.len || u128::from_le_bytes(*hash) != fingerprint.hash {
        return None;
    }
    postcard::from_bytes(rest).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n";

    #[test]
    fn round_trips_with_spans() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let bytes = encode(&parsed.registry, Fingerprint::of(TEXT));
        let back = decode(&bytes, Fingerprint::of(TEXT)).unwrap_or_else(|| panic!("decodes"));
        assert_eq!(back.networks[0].id.span(), parsed.registry.networks[0].id.span());
        assert_eq!(back.networks[0].milestones[0].date().to_string(), "2011-06-09");
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
        let streamed = Fingerprint::of_reader(TEXT.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, fingerprint);
    }
}
