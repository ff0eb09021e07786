//! A large registry edited a few networks at a time: each network's stretch
//! of text is parsed with toml_edit only when an edit asks for it, and the
//! result is spliced back between the untouched bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::model::Registry;

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
    bounds: Vec<Range<usize>>,
    ids: Vec<String>,
    edited: BTreeMap<usize, DocumentMut>,
    removed: BTreeSet<usize>,
    appended: Vec<DocumentMut>,
}

/// Each network's stretch of a spliced text, in order.
pub type Pieces = Vec<(Piece, Range<usize>)>;

/// One stretch of the spliced text: a network kept as it was (with its old
/// start), or one that was edited or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Kept { index: usize, old_start: usize },
    Changed,
}

impl<'t> Regions<'t> {
    pub fn new(text: &'t str, registry: &Registry) -> Option<Self> {
        let bounds = bounds(text, registry)?;
        let ids = registry.networks.iter().map(|n| n.id().to_string()).collect();
        Some(Self {
            text,
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

    /// The whole text with every change spliced in, and what each network's
    /// stretch of it is.
    pub fn splice(&self) -> (String, Pieces) {
        let mut out = String::with_capacity(self.text.len() + 1024);
        out.push_str(&self.text[..self.bounds.first().map_or(self.text.len(), |b| b.start)]);
        let mut pieces = Vec::with_capacity(self.bounds.len() + self.appended.len());
        for (index, bound) in self.bounds.iter().enumerate() {
            if self.removed.contains(&index) {
                continue;
            }
            let start = out.len();
            let piece = match self.edited.get(&index) {
                Some(doc) => {
                    out.push_str(&doc.to_string());
                    Piece::Changed
                }
                None => {
                    out.push_str(&self.text[bound.clone()]);
                    Piece::Kept {
                        index,
                        old_start: bound.start,
                    }
                }
            };
            pieces.push((piece, start..out.len()));
        }
        for doc in &self.appended {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            // A blank line before each new network, as toml_edit puts one.
            out.push('\n');
            let start = out.len();
            out.push_str(&doc.to_string());
            pieces.push((Piece::Changed, start..out.len()));
        }
        (out, pieces)
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
        assert_eq!(regions.splice().0, TEXT);
    }
}
