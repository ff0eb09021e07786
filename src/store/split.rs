//! Reading a registry again after a write edited some of its networks: a
//! network whose stretch of text the edit left as it was is taken as it was
//! read, moved to where its stretch now stands, and only the rest is parsed.
//! At 10,000 networks this is what keeps a write interactive. It gives what
//! `read_text` of the whole text gives (tests/cli/layouts.rs holds the
//! two equal on generated layouts, and the edit by network equal to the edit
//! of one document).

use std::collections::VecDeque;
use std::ops::Range;

use crate::registry::diagnostic::Diagnostic;
use crate::registry::document::Moved;
use crate::registry::layout::{self, Layout, Scanner};
use crate::registry::model::{Network, Registry};
use crate::registry::{self, Broken, Parsed, Read, Warnings};

/// The networks an edit left as they were, in file order: where each one's
/// stretch stands in the new text, where it stood in the old, the network.
#[derive(Default)]
pub struct Kept(VecDeque<(Range<usize>, Range<usize>, Network)>);

impl Kept {
    /// Which of the old registry's `networks` (with their stretches of the
    /// old text) an edit's new text still holds as they were.
    pub fn of(networks: Vec<(Range<usize>, Network)>, moved: &Moved) -> Self {
        let mut moved = moved.iter().peekable();
        let mut kept = VecDeque::with_capacity(networks.len());
        for (old, network) in networks {
            // Stretches before this one, and an empty one where it starts
            // (a file with no head), are passed over.
            while moved
                .next_if(|(from, _)| (from.start, from.end) < (old.start, old.end))
                .is_some()
            {}
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

/// The layout of `text`, an edit of a text laid out as `old` (with its
/// length) whose unchanged stretches the edit `moved`: each network's
/// stretch that the edit left as it was is taken as scanned before (only
/// its own comment lines and header are looked at again, as they may join
/// comments the edit left above it), and only the rest is scanned. A scan
/// of the whole text gives the same layout (in debug builds, which the
/// tests run, every write compares the two).
fn layout(text: &str, old: Option<&(Layout, usize)>, moved: &Moved) -> Option<Layout> {
    let Some((old, old_len)) = old else {
        return layout::scan(text);
    };
    let mut scanner = Scanner::default();
    let mut stretches = old.stretches(*old_len).enumerate().peekable();
    let mut scanned = 0;
    for (from, to) in moved {
        while stretches
            .next_if(|(_, stretch)| stretch.start < from.start)
            .is_some()
        {}
        let Some((index, _)) = stretches.next_if(|(_, stretch)| stretch == from) else {
            continue;
        };
        scanner.feed(text, scanned..to.start);
        scanned = to.start;
        if scanner.at_line_start(to.start) && text[to.clone()].ends_with('\n') {
            scanner.pass(text, to.start, old, index, to.len());
            scanned = to.end;
        }
    }
    scanner.feed(text, scanned..text.len());
    let layout = scanner.finish(text.len());
    debug_assert_eq!(layout, layout::scan(text), "the layout of\n{text}");
    debug_assert!(layout.as_ref().is_none_or(|l| sound(text, l)), "unsound:\n{text}");
    // And in every build, a check that costs nothing next to the scan: the
    // stretches follow each other, each with a table header where its
    // header is said to be. Else the whole text is scanned.
    match layout {
        Some(layout) if sound(text, &layout) => Some(layout),
        _ => layout::scan(text),
    }
}

fn sound(text: &str, layout: &Layout) -> bool {
    layout.starts.len() == layout.headers.len()
        && layout.starts.len() == layout.trailing.len()
        && (layout.stretches(text.len()).enumerate()).all(|(i, Range { start, end })| {
            let (header, trailing) = (layout.headers[i], layout.trailing[i]);
            start <= header
                && header < trailing
                && trailing <= end
                && text
                    .get(header..)
                    .is_some_and(|line| line.trim_start_matches([' ', '\t']).starts_with('['))
        })
}

/// The registry in `text`: a network at a time where its layout allows
/// (see `layout`), so each network that does not parse is a problem of its
/// own; otherwise as one document.
pub fn read_text(text: &str) -> Read {
    read_laid_out(text, layout::scan(text), Kept::default())
}

/// Parses format 1 and applies the rules, listing warnings or not. A file
/// with errors gets every problem back at once: each network that does not
/// parse, and the rules' findings on those that do.
pub fn parse_with(text: &str, warnings: Warnings) -> Result<Parsed, Vec<Diagnostic>> {
    read_text(text).checked(warnings)
}

/// `parse_with`, warnings not listed.
pub fn parse(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    parse_with(text, Warnings::Skip)
}

/// `parse`, its errors those of the file named `file`.
pub fn parse_file(file: impl std::fmt::Display, text: &str) -> crate::error::Result<Parsed> {
    parse(text).map_err(|diagnostics| crate::error::Error::Registry {
        file: file.to_string(),
        text: text.to_string(),
        diagnostics,
    })
}

/// `text` (an edit of a text laid out as `old`) read as `read_text` reads
/// it, the networks in `kept` taken instead of parsed again.
pub fn read(text: &str, old: Option<&(Layout, usize)>, moved: &Moved, kept: Kept) -> Read {
    read_laid_out(text, layout(text, old, moved), kept)
}

fn read_laid_out(text: &str, layout: Option<Layout>, mut kept: Kept) -> Read {
    let Some(layout) = layout else {
        return registry::read_whole(text);
    };
    let mut problems = Vec::new();
    let mut registry = registry::read_head(text, &layout).unwrap_or_else(|found| {
        problems = found;
        Registry::default()
    });
    // Each stretch's network as read before, or the stretch to parse.
    let stretches: Vec<Result<Network, Range<usize>>> = layout
        .stretches(text.len())
        .map(|range| kept.take(&range).ok_or(range))
        .collect();
    let mut parsed = read_networks(text, stretches.iter().filter_map(|s| s.as_ref().err())).into_iter();
    for stretch in stretches {
        let read = match stretch {
            Ok(network) => Some(Ok(network)),
            // A stretch parsed: its result, in the same order. (`None`, not
            // a network: the whole text is read as one document.)
            Err(_) => parsed.next().flatten(),
        };
        match read {
            Some(Ok(network)) => registry.networks.push(network),
            Some(Err(broken)) => {
                problems.extend(broken.problems);
                registry.networks.extend(broken.network);
            }
            None => return registry::read_whole(text),
        }
    }
    Read {
        registry,
        problems,
        layout: Some(layout),
    }
}

/// Each of `ranges` read as a network (`registry::read_network`), in order:
/// the second half on a thread of its own. On two cores that takes a read
/// with no snapshot from 13 to 10 ms for the built-in registry, and from 282
/// to 190 ms for 10,000 networks (hyperfine, the cache emptied before each
/// run). Whenever there are two to read, so that every test of a cold read
/// or of a write goes this way.
fn read_networks<'t>(
    text: &str,
    ranges: impl Iterator<Item = &'t Range<usize>>,
) -> Vec<Option<Result<Network, Broken>>> {
    let ranges: Vec<&Range<usize>> = ranges.collect();
    let read = |ranges: &[&Range<usize>]| -> Vec<_> {
        ranges
            .iter()
            .map(|range| registry::read_network(text, (*range).clone()))
            .collect()
    };
    let (first, second) = ranges.split_at(ranges.len() / 2);
    if first.is_empty() {
        return read(second);
    }
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("read-networks".into())
            .spawn_scoped(scope, || read(second));
        let mut networks = read(first);
        networks.extend(match thread {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            // No thread to be had: this one reads it too.
            Err(_) => read(second),
        });
        networks
    })
}
