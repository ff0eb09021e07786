//! Reading a registry again after a write edited some of its networks: a
//! network whose stretch of text the edit left as it was is taken as it was
//! read, moved to where its stretch now stands, and only the rest is parsed.
//! At 10,000 networks this is what keeps a write interactive. It gives what
//! `registry::read` of the whole text gives (tests/cli/layouts.rs holds the
//! two equal on generated layouts, and the edit by network equal to the edit
//! of one document).

use std::collections::VecDeque;
use std::ops::Range;

use crate::registry::document::Finished;
use crate::registry::model::{Network, Registry};
use crate::registry::{self, Read, layout};

/// The networks an edit left as they were, in file order: where each one's
/// stretch stands in the new text, where it stood in the old, the network.
pub struct Kept(VecDeque<(Range<usize>, Range<usize>, Network)>);

impl Kept {
    /// What of `finished`'s old registry its new text still holds as it was.
    pub fn of(finished: &mut Finished) -> Self {
        let mut moved = finished.moved.iter().peekable();
        let mut kept = VecDeque::with_capacity(finished.networks.len());
        for (old, network) in finished.networks.drain(..) {
            while moved.next_if(|(from, _)| from.start < old.start).is_some() {}
            if let Some((_, new)) = moved.next_if(|(from, _)| *from == old) {
                kept.push_back((new.clone(), old, network));
            }
        }
        Self(kept)
    }

    /// The network read before whose stretch is now `range`, if it is one.
    fn take(&mut self, range: &Range<usize>) -> Option<Network> {
        while self.0.front().is_some_and(|(new, ..)| new.start < range.start) {
            self.0.pop_front();
        }
        if self.0.front().is_none_or(|(new, ..)| new != range) {
            return None;
        }
        let (new, old, mut network) = self.0.pop_front()?;
        network.shift(new.start.cast_signed() - old.start.cast_signed());
        Some(network)
    }
}

/// `text` read as `registry::read` reads it, the networks in `kept` taken
/// instead of parsed again.
pub fn read(text: &str, mut kept: Kept) -> Read {
    let Some(layout) = layout::scan(text) else {
        return registry::read(text);
    };
    let mut problems = Vec::new();
    let mut registry = registry::read_head(text, &layout).unwrap_or_else(|problem| {
        problems.push(problem);
        Registry::default()
    });
    for range in layout.stretches(text.len()) {
        if let Some(network) = kept.take(&range) {
            registry.networks.push(network);
            continue;
        }
        match registry::read_network(text, range) {
            Some(Ok(network)) => registry.networks.push(network),
            Some(Err(problem)) => problems.push(problem),
            None => return registry::read(text),
        }
    }
    Read {
        registry,
        problems,
        layout: Some(layout),
    }
}
