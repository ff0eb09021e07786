//! The binary snapshot of a checked registry: what netreg loads instead of
//! parsing TOML when it can. It is tied to the exact text it was made from
//! (length and CRC-32), so a stale or foreign snapshot is never believed.

use super::model::Registry;

/// File magic and snapshot version; bump the version when the model changes.
const MAGIC: &[u8; 8] = b"NETREG\x00\x01";

/// The snapshot of `registry`, parsed and checked from `text`.
pub fn encode(registry: &Registry, text: &str) -> Vec<u8> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(text.as_bytes()).to_le_bytes());
    // Serializing the model to memory cannot fail: every type is plain data.
    postcard::to_extend(registry, bytes).unwrap_or_default()
}

/// The registry in `bytes` if it is a snapshot of exactly `text`.
pub fn decode(bytes: &[u8], text: &str) -> Option<Registry> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let (crc, rest) = rest.split_first_chunk::<4>()?;
    if u64::from_le_bytes(*len) != text.len() as u64
        || u32::from_le_bytes(*crc) != crc32fast::hash(text.as_bytes())
    {
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
        let bytes = encode(&parsed.registry, TEXT);
        let back = decode(&bytes, TEXT).unwrap_or_else(|| panic!("decodes"));
        assert_eq!(back.networks[0].id.span(), parsed.registry.networks[0].id.span());
        assert_eq!(back.networks[0].milestones[0].date().to_string(), "2011-06-09");
    }

    #[test]
    fn refuses_other_text_and_garbage() {
        let parsed = crate::registry::parse(TEXT).unwrap_or_else(|e| panic!("{e:?}"));
        let bytes = encode(&parsed.registry, TEXT);
        let other = TEXT.replace("\"A\"", "\"B\"");
        assert!(decode(&bytes, &other).is_none(), "same length, other content");
        assert!(decode(b"garbage", TEXT).is_none());
        assert!(decode(&bytes[..bytes.len() - 3], TEXT).is_none(), "truncated");
    }
}
