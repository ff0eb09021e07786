//! A large registry edited a few networks at a time: each network's stretch
//! of text is parsed with toml_edit only when an edit asks for it, and the
//! result is spliced back between the untouched bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::model::Registry;
use super::newlines;

/// Where each network's text lies: from the comments and blank lines above
/// its `[[networks]]` header up to the next network's.
pub fn bounds(text: &str, registry: &Registry) -> Option<Vec<Range<usize>>> {
    let mut starts: Vec<usize> = Vec::with_capacity(registry.networks.len());
    for network in &registry.networks {
        let header = header_before(text, network.id.span().start)?;
        let start = comments_above(text, header);
        if starts.last().is_some_and(|last| start <= *last) {
            return None;
        }
        starts.push(start);
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    Some(starts.iter().zip(ends).map(|(start, end)| *start..end).collect())
}

/// The start of the `[[networks]]` header line at or before `offset`.
fn header_before(text: &str, offset: usize) -> Option<usize> {
    let mut line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    loop {
        if is_network_header(line(text, line_start)) {
            return Some(line_start);
        }
        if line_start == 0 {
            return None;
        }
        line_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
}

/// The start of the comments and blank lines directly above `line_start`.
fn comments_above(text: &str, mut line_start: usize) -> usize {
    while line_start > 0 {
        let previous = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        let trimmed = line(text, previous).trim_start();
        if !(trimmed.is_empty() || trimmed.starts_with('#')) {
            break;
        }
        line_start = previous;
    }
    line_start
}

fn line(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    rest.split_once('\n').map_or(rest, |(line, _)| line)
}

pub(super) fn is_network_header(line: &str) -> bool {
    let code = line.split('#').next().unwrap_or("");
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    compact == "[[networks]]"
}

/// The registry's text with some networks parsed for editing.
pub struct Regions<'t> {
    text: &'t str,
    /// Whether the text's lines end in CRLF, as new text's must then.
    crlf: bool,
    bounds: Vec<Range<usize>>,
    ids: Vec<String>,
    edited: BTreeMap<usize, DocumentMut>,
    removed: BTreeSet<usize>,
    appended: Vec<DocumentMut>,
}

/// A registry's text after an edit: stretches of the old text and new text,
/// in order. A large registry's new text is checked and written from these
/// stretches without ever being put together in memory.
pub struct Spliced<'t> {
    old: &'t str,
    parts: Vec<Part>,
    /// Whether each network's stretch is known (a region edit), so that only
    /// the changed ones need checking.
    by_network: bool,
}

enum Part {
    /// A stretch of the old text: network `kept` as it was, or text between
    /// networks.
    Old {
        range: Range<usize>,
        kept: Option<usize>,
    },
    /// New text: an edited or added network, or what goes before one.
    New { text: String, network: bool },
}

/// One network of a spliced text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Network `index` of the old registry, kept as it was; it started at
    /// `old_start` in the old text.
    Kept { index: usize, old_start: usize },
    /// A network edited or added, with its new text.
    Changed(&'a str),
}

impl<'t> Spliced<'t> {
    /// A whole new text, with nothing known of its networks.
    pub fn whole(text: String) -> Self {
        Self {
            old: "",
            parts: vec![Part::New { text, network: false }],
            by_network: false,
        }
    }

    /// The text in as few stretches as it allows: neighbouring stretches of
    /// the old text are one.
    pub fn stretches(&self) -> Vec<&str> {
        let mut stretches = Vec::new();
        let mut run: Option<Range<usize>> = None;
        for part in &self.parts {
            match part {
                Part::Old { range, .. } => match &mut run {
                    Some(run) if run.end == range.start => run.end = range.end,
                    _ => {
                        stretches.extend(run.replace(range.clone()).map(|r| &self.old[r]));
                    }
                },
                Part::New { text, .. } => {
                    stretches.extend(run.take().map(|r| &self.old[r]));
                    stretches.push(text.as_str());
                }
            }
        }
        stretches.extend(run.map(|r| &self.old[r]));
        stretches
    }

    /// The text put together.
    pub fn text(&self) -> String {
        self.stretches().concat()
    }

    /// Whether the text is exactly `text`.
    pub fn is(&self, text: &str) -> bool {
        let mut rest = text.as_bytes();
        for stretch in self.stretches() {
            match rest.strip_prefix(stretch.as_bytes()) {
                Some(after) => rest = after,
                None => return false,
            }
        }
        rest.is_empty()
    }

    /// Each network's stretch and where it starts in the text, when known.
    pub fn networks(&self) -> Option<Vec<(Piece<'_>, usize)>> {
        if !self.by_network {
            return None;
        }
        let mut offset = 0;
        let mut networks = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            let (piece, len) = match part {
                Part::Old { range, kept } => (
                    kept.map(|index| Piece::Kept {
                        index,
                        old_start: range.start,
                    }),
                    range.len(),
                ),
                Part::New { text, network } => (network.then_some(Piece::Changed(text)), text.len()),
            };
            networks.extend(piece.map(|piece| (piece, offset)));
            offset += len;
        }
        Some(networks)
    }
}

impl<'t> Regions<'t> {
    pub fn new(text: &'t str, registry: &Registry) -> Option<Self> {
        let bounds = bounds(text, registry)?;
        let ids = registry.networks.iter().map(|n| n.id().to_string()).collect();
        Some(Self {
            text,
            crlf: newlines::crlf(text),
            bounds,
            ids,
            edited: BTreeMap::new(),
            removed: BTreeSet::new(),
            appended: Vec::new(),
        })
    }

    /// The network at `index`, parsed from its own text; `None` when that
    /// text is not one network on its own (then the caller edits the whole file).
    pub fn network(&mut self, index: usize) -> Option<&mut Table> {
        if !self.edited.contains_key(&index) {
            let doc: DocumentMut = self.text.get(self.bounds.get(index)?.clone())?.parse().ok()?;
            let single = doc.len() == 1
                && doc
                    .get("networks")
                    .and_then(Item::as_array_of_tables)
                    .filter(|list| list.len() == 1)
                    .and_then(|list| list.get(0))
                    .and_then(|network| network.get("id"))
                    .and_then(Item::as_str)
                    .is_some_and(|id| id == self.ids[index]);
            if !single {
                return None;
            }
            self.edited.insert(index, doc);
        }
        self.edited
            .get_mut(&index)?
            .get_mut("networks")?
            .as_array_of_tables_mut()?
            .get_mut(0)
    }

    pub fn remove(&mut self, index: usize) {
        self.edited.remove(&index);
        self.removed.insert(index);
    }

    pub fn push(&mut self, table: Table) {
        let mut list = ArrayOfTables::new();
        list.push(table);
        let mut doc = DocumentMut::new();
        doc.insert("networks", Item::ArrayOfTables(list));
        self.appended.push(doc);
    }

    /// Where network `index` ends up once earlier removals are applied.
    pub fn index_after_removals(&self, index: usize) -> usize {
        index - self.removed.range(..index).count()
    }

    /// The whole text with every change spliced in.
    pub fn splice(&self) -> Spliced<'t> {
        let head = self.bounds.first().map_or(self.text.len(), |b| b.start);
        let mut parts = vec![Part::Old {
            range: 0..head,
            kept: None,
        }];
        for (index, bound) in self.bounds.iter().enumerate() {
            if self.removed.contains(&index) {
                continue;
            }
            parts.push(match self.edited.get(&index) {
                Some(doc) => Part::New {
                    text: newlines::matching(doc.to_string(), self.crlf),
                    network: true,
                },
                None => Part::Old {
                    range: bound.clone(),
                    kept: Some(index),
                },
            });
        }
        for doc in &self.appended {
            // A blank line before each new network, as toml_edit puts one.
            let last = parts.iter().rev().find_map(|part| match part {
                Part::Old { range, .. } => self.text[range.clone()].chars().next_back(),
                Part::New { text, .. } => text.chars().next_back(),
            });
            let gap = if last.is_none_or(|c| c == '\n') {
                "\n"
            } else {
                "\n\n"
            };
            parts.push(Part::New {
                text: newlines::matching(gap.to_string(), self.crlf),
                network: false,
            });
            parts.push(Part::New {
                text: newlines::matching(doc.to_string(), self.crlf),
                network: true,
            });
        }
        Spliced {
            old: self.text,
            parts,
            by_network: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# top\nformat = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n\n# about b\n[[networks]]  # b\nname = \"B\"\nid = \"b\"\n[[networks.partners]]\nname = \"X\"\n";

    #[test]
    fn each_network_owns_the_comments_above_it() {
        let registry = crate::registry::parse(TEXT)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        let bounds = bounds(TEXT, &registry).unwrap_or_default();
        let texts: Vec<&str> = bounds.iter().map(|b| &TEXT[b.clone()]).collect();
        assert_eq!(
            texts,
            [
                "\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
                "\n# about b\n[[networks]]  # b\nname = \"B\"\nid = \"b\"\n[[networks.partners]]\nname = \"X\"\n"
            ]
        );
    }

    #[test]
    fn untouched_text_splices_back_byte_for_byte() {
        let registry = crate::registry::parse(TEXT)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        let mut regions = Regions::new(TEXT, &registry).unwrap_or_else(|| panic!("bounds"));
        assert!(regions.network(1).is_some());
        assert_eq!(regions.splice().text(), TEXT);
        assert!(regions.splice().is(TEXT));
        assert!(!regions.splice().is(&TEXT[1..]));
        assert!(!regions.splice().is(&format!("{TEXT}\n")));
    }
}
