//! What a version of a registry's text is known by: its length and 128-bit
//! xxh3 hash. Snapshots are tied to one, and the history records one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    len: u64,
    hash: u128,
}

impl Fingerprint {
    /// `of`, worked out by the compiler (for the built-in registry).
    pub const fn of_const(text: &str) -> Self {
        Self {
            len: text.len() as u64,
            hash: xxhash_rust::const_xxh3::xxh3_128(text.as_bytes()),
        }
    }

    pub fn of(text: &str) -> Self {
        Self::of_bytes(text.as_bytes())
    }

    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_128(bytes),
        }
    }

    /// The length of the text, in bytes.
    pub fn bytes(&self) -> u64 {
        self.len
    }

    /// As text, for a file that records it (`<len>-<hash in hex>`).
    pub fn to_text(self) -> String {
        format!("{}-{:032x}", self.len, self.hash)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_and_pieced_texts_have_the_whole_text_s_fingerprint() {
        let text = "format = 1\n[[networks]]\nid = \"a\"\n";
        let whole = Fingerprint::of(text);
        let streamed = Fingerprint::of_reader(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, whole);
        let (head, tail) = text.split_at(text.find('\n').unwrap_or_default());
        assert_eq!(Fingerprint::of_stretches(&[head, "", tail]), whole);
        assert_ne!(Fingerprint::of("a"), Fingerprint::of("b"));
    }
}
