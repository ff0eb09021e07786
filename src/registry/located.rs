//! A value with the place in the registry file it came from.
//!
//! Read from TOML it takes toml's span; in netreg's binary snapshot (postcard)
//! it is stored as the value followed by its span, so a registry loaded from a
//! snapshot still names lines in its messages.

use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    value: T,
    span: Range<usize>,
}

impl<T> Located<T> {
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self { value, span }
    }

    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The value's byte range in the registry file.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Moves the span by `by` bytes, for text spliced in before it.
    pub fn shift(&mut self, by: isize) {
        self.span = self.span.start.saturating_add_signed(by)..self.span.end.saturating_add_signed(by);
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let spanned = toml::Spanned::<T>::deserialize(deserializer)?;
            let span = spanned.span();
            Ok(Self::new(span, spanned.into_inner()))
        } else {
            let (value, start, end) = <(T, u64, u64)>::deserialize(deserializer)?;
            Ok(Self::new(start as usize..end as usize, value))
        }
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            (&self.value, self.span.start as u64, self.span.end as u64).serialize(serializer)
        }
    }
}
