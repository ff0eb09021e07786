//! A value with the place in the registry file it came from.
//!
//! Read from TOML it takes toml's span; written to TOML or JSON, it is the
//! value alone. In a binary format (one that is not human-readable, as the
//! store's snapshots) it is the value followed by its span, so a registry
//! read back from one still names lines in its messages.

use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Places are kept in 32 bits, as a hundred thousand of them are: in a
/// registry over 4 GiB, a place past that shows as its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    value: T,
    start: u32,
    end: u32,
}

fn place(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl<T> Located<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self {
            value,
            start: place(span.start),
            end: place(span.end),
        }
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// Moves the place by `by` bytes.
    pub fn shift(&mut self, by: isize) {
        let moved = |at: u32| place((at as usize).saturating_add_signed(by));
        (self.start, self.end) = (moved(self.start), moved(self.end));
    }

    /// The value's byte range in the registry file.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let (value, start, end) = <(T, u32, u32)>::deserialize(deserializer)?;
            return Ok(Self { value, start, end });
        }
        let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
        let span = spanned.span();
        Ok(Self::new(span, spanned.into_inner()))
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            (&self.value, self.start, self.end).serialize(serializer)
        }
    }
}
