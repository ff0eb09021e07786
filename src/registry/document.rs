//! The registry file as a document to edit, as cargo's `LocalManifest` is a
//! manifest: the text, the typed registry read from it, and toml_edit
//! documents for what an edit touches, so comments, key order, alignment
//! and blank lines survive everywhere but the lines that change.
//!
//! Where each network's text stands on its own (a `Layout`), only
//! the networks an edit asks for are parsed with toml_edit, and the text
//! after the edit is the untouched stretches with the edited ones between
//! them. Any other layout is edited as one document. Either way an edit
//! gives the same text (tests/cli/layouts.rs proves it on generated files).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml_edit::{Array, ArrayOfTables, Decor, DocumentMut, InlineTable, Item, RawString, Table, Value};

use super::date::PartialDate;
use super::layout::{self, Layout};
use super::lines;
use super::model::Registry;

/// A new or changed value for one key; `None` removes the key.
pub type Change = Option<Value>;

/// A registry file opened for editing.
pub struct RegistryDoc {
    text: String,
    registry: Registry,
    /// Whether the file's lines end in CRLF, as new lines then must.
    crlf: bool,
    body: Body,
    /// The networks an edit opened (by index in `registry`) and the ids of
    /// those it added: whose warnings a write says.
    touched: BTreeSet<usize>,
    added: Vec<String>,
}

enum Body {
    /// Each network's text parsed only when an edit asks for it.
    Split {
        layout: Layout,
        head: Option<DocumentMut>,
        edited: BTreeMap<usize, DocumentMut>,
        removed: BTreeSet<usize>,
        appended: Vec<DocumentMut>,
    },
    /// The whole text as one document.
    Whole(DocumentMut),
}

/// A piece of the text after an edit: a stretch of the old text, or new text.
enum Part {
    Old(Range<usize>),
    New(String),
}

/// Stretches of an old text and where each stands in the new one: (old, new).
pub type Moved = Vec<(Range<usize>, Range<usize>)>;

/// An edited document: its new text, with what reading it again can reuse.
pub struct Finished {
    pub text: String,
    pub moved: Moved,
    /// The networks as they were read, each with its stretch of the old
    /// text; none when the text was edited as one document.
    pub networks: Vec<(Range<usize>, super::model::Network)>,
    /// The old text's layout and length, when it was edited by network.
    pub before: Option<(Layout, usize)>,
}

/// Why a document cannot be edited as asked. Only a registry that did not
/// pass the rules can get here, so it means a mistake in netreg.
#[derive(Debug)]
pub struct Unexpected(pub String);

type Edit<T> = Result<T, Unexpected>;

fn unexpected<T>(what: impl Into<String>) -> Edit<T> {
    Err(Unexpected(what.into()))
}

impl RegistryDoc {
    /// Opens `text` (which `registry` was read from and the rules accepted)
    /// for editing: by network when its layout is given, else whole.
    pub fn open(text: String, registry: Registry, layout: Option<Layout>) -> Edit<Self> {
        let body = match layout {
            Some(layout) => Body::Split {
                layout,
                head: None,
                edited: BTreeMap::new(),
                removed: BTreeSet::new(),
                appended: Vec::new(),
            },
            None => match text.parse() {
                Ok(doc) => Body::Whole(doc),
                Err(error) => return unexpected(format!("toml_edit cannot read it: {error}")),
            },
        };
        Ok(Self {
            crlf: layout::crlf(&text),
            text,
            registry,
            body,
            touched: BTreeSet::new(),
            added: Vec::new(),
        })
    }

    /// The ids of the networks an edit opened or added, as they were read
    /// and as added: those a write's warnings are said of.
    pub fn touched(&self) -> Vec<String> {
        (self.touched.iter())
            .filter_map(|&index| self.registry.networks.get(index))
            .map(|network| network.id().to_string())
            .chain(self.added.iter().cloned())
            .collect()
    }

    /// The registry as it was read, before any edit.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The text as it was read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The edited text, made in the old text's own buffer (a large
    /// registry's text is not held twice), with where each stretch of the
    /// old text now stands, and the networks as they were read.
    pub fn finish(self) -> Finished {
        let parts = self.parts();
        let mut moved = Vec::new();
        // Each run of new text, and the stretch of the old it takes the place of.
        let mut plan: Vec<(Range<usize>, String)> = Vec::new();
        let (mut old_at, mut new_at, mut pending) = (0, 0, String::new());
        for part in parts {
            match part {
                Part::Old(range) => {
                    if range.start > old_at || !pending.is_empty() {
                        plan.push((old_at..range.start, std::mem::take(&mut pending)));
                    }
                    moved.push((range.clone(), new_at..new_at + range.len()));
                    (old_at, new_at) = (range.end, new_at + range.len());
                }
                Part::New(new) => {
                    new_at += new.len();
                    pending.push_str(&new);
                }
            }
        }
        let mut text = self.text;
        let old_len = text.len();
        if old_at < text.len() || !pending.is_empty() {
            plan.push((old_at..text.len(), pending));
        }
        for (range, new) in plan.into_iter().rev() {
            text.replace_range(range, &new);
        }
        let (networks, before) = match self.body {
            Body::Split { layout, .. } => (
                layout.stretches(old_len).zip(self.registry.networks).collect(),
                Some((layout, old_len)),
            ),
            Body::Whole(_) => (Vec::new(), None),
        };
        Finished {
            text,
            moved,
            networks,
            before,
        }
    }

    /// The top-level keys (above the first network), as a document.
    pub fn top(&mut self) -> Edit<&mut DocumentMut> {
        let text = &self.text;
        match &mut self.body {
            Body::Whole(doc) => Ok(doc),
            Body::Split { layout, head, .. } => {
                let doc = match head.take() {
                    Some(doc) => doc,
                    None => parse(&text[..layout.head_end(text.len())])?,
                };
                Ok(head.insert(doc))
            }
        }
    }

    /// The network at `index` (file order, as in the typed registry).
    pub fn network(&mut self, index: usize) -> Edit<Node<'_>> {
        self.touched.insert(index);
        match &mut self.body {
            Body::Whole(doc) => match doc.get_mut("networks") {
                Some(Item::ArrayOfTables(list)) => list.get_mut(index).map(Node::Table),
                Some(Item::Value(Value::Array(list))) => list
                    .get_mut(index)
                    .and_then(Value::as_inline_table_mut)
                    .map(Node::Inline),
                _ => None,
            }
            .map_or_else(|| unexpected(format!("network {index}")), Ok),
            Body::Split { layout, edited, .. } => {
                let Some(range) = layout.stretches(self.text.len()).nth(index) else {
                    return unexpected(format!("network {index}"));
                };
                let doc = match edited.entry(index) {
                    std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
                    std::collections::btree_map::Entry::Vacant(entry) => {
                        entry.insert(parse(&self.text[range])?)
                    }
                };
                doc.get_mut("networks")
                    .and_then(Item::as_array_of_tables_mut)
                    .and_then(|list| list.get_mut(0))
                    .map(Node::Table)
                    .map_or_else(|| unexpected(format!("network {index}")), Ok)
            }
        }
    }

    /// Adds a network after the last, below everything the file ends with.
    pub fn push_network(&mut self, mut table: Table) -> Edit<()> {
        if let Some(id) = table.get("id").and_then(Item::as_str) {
            self.added.push(id.to_string());
        }
        match &mut self.body {
            Body::Whole(doc) => match doc.get_mut("networks") {
                Some(Item::Value(Value::Array(list))) => {
                    push_value(list, Value::InlineTable(table.into_inline_table()));
                    Ok(())
                }
                Some(Item::ArrayOfTables(_)) | None => {
                    if doc.get("networks").is_none() {
                        // The file's comments stay above its first network.
                        let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
                        doc.set_trailing("");
                        let gap = gap_after(if trailing.is_empty() { "\n" } else { &trailing });
                        table.decor_mut().set_prefix(trailing + gap);
                    } else {
                        // Below the last line of TOML, which toml_edit ends with
                        // a line break, and above the comments that end the file.
                        table.decor_mut().set_prefix("\n");
                    }
                    let list = doc
                        .entry("networks")
                        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
                    match list.as_array_of_tables_mut() {
                        Some(list) => {
                            list.push(table);
                            Ok(())
                        }
                        None => unexpected("`networks`"),
                    }
                }
                Some(_) => unexpected("`networks`"),
            },
            Body::Split { layout, appended, .. } => {
                // Its header spelled as the file's first, as one document
                // would spell it (`[[ networks ]]`, `[["networks"]]`).
                let first = match layout.stretches(self.text.len()).next() {
                    Some(range) => parse(&self.text[range])?.key("networks").cloned(),
                    None => None,
                };
                let key = first.unwrap_or_else(|| toml_edit::Key::new("networks"));
                let mut doc = DocumentMut::new();
                doc.insert_formatted(&key, Item::ArrayOfTables(std::iter::once(table).collect()));
                appended.push(doc);
                Ok(())
            }
        }
    }

    pub fn remove_network(&mut self, index: usize) -> Edit<()> {
        match &mut self.body {
            Body::Whole(doc) => {
                // Above the first table of a file without top-level keys,
                // toml_edit keeps the comments as the document's.
                let bare = index == 0 && doc.iter().all(|(key, _)| key == "networks");
                let to_the_end = match doc.get_mut("networks") {
                    Some(Item::ArrayOfTables(list)) if index < list.len() && bare => {
                        let removed = list.remove(index);
                        pass_on_comments(&Table::new(), list.get_mut(index));
                        let own = removed.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
                        Some(own.to_string())
                    }
                    Some(Item::ArrayOfTables(list)) if index < list.len() => {
                        let removed = list.remove(index);
                        pass_on_comments(&removed, list.get_mut(index))
                    }
                    Some(Item::Value(Value::Array(list))) if index < list.len() => {
                        remove_value(list, index);
                        None
                    }
                    _ => return unexpected(format!("network {index}")),
                };
                if let (true, Some(own)) = (bare, &to_the_end) {
                    let decor = doc.as_table_mut().decor_mut();
                    let above = decor.prefix().and_then(|p| p.as_str()).unwrap_or("");
                    let above = format!("{above}{own}");
                    decor.set_prefix(&above[..layout::owned_start(&above)]);
                } else if let Some(kept) = to_the_end {
                    let trailing = doc.trailing().as_str().unwrap_or("");
                    let trailing = format!("{kept}{trailing}");
                    doc.set_trailing(trailing);
                }
            }
            Body::Split { edited, removed, .. } => {
                edited.remove(&index);
                removed.insert(index);
            }
        }
        Ok(())
    }

    /// The text with every edit in it, in pieces.
    fn parts(&self) -> Vec<Part> {
        let text = &self.text;
        let new = |doc: &DocumentMut| Part::New(layout::with_line_ends(doc.to_string(), self.crlf));
        // An edited document, whose untouched lines keep the old text's bytes.
        let edited_from = |old: &str, doc: &DocumentMut| match old.parse::<DocumentMut>() {
            Ok(before) => Part::New(lines::keep_unchanged(old, &before, doc, self.crlf)),
            Err(_) => new(doc),
        };
        match &self.body {
            Body::Whole(doc) => vec![edited_from(text, doc)],
            Body::Split {
                layout: stretches,
                head,
                edited,
                removed,
                appended,
            } => {
                let networks = stretches.starts.len();
                let first = stretches.head_end(text.len());
                let mut parts = vec![match head {
                    Some(doc) => edited_from(&text[..first], doc),
                    None => Part::Old(0..first),
                }];
                for (index, range) in stretches.stretches(text.len()).enumerate() {
                    if removed.contains(&index) {
                        // What ends the file is not the last network's to take.
                        if index + 1 == networks {
                            let tail = range.start + layout::trailing_start(&text[range.clone()]);
                            parts.push(Part::Old(tail..range.end));
                        }
                        continue;
                    }
                    parts.push(match edited.get(&index) {
                        Some(doc) => edited_from(&text[range], doc),
                        None => Part::Old(range),
                    });
                }
                if appended.is_empty() {
                    return parts;
                }
                // The comments that end the file stay there, below the
                // networks added; without networks they are the file's
                // head, and stay above.
                let tail = match parts.pop() {
                    Some(Part::Old(range)) if networks > removed.len() => {
                        let at = range.start + layout::tail_start(&text[range.clone()]);
                        parts.push(Part::Old(range.start..at));
                        Part::Old(at..range.end)
                    }
                    Some(Part::New(mut new)) if networks > removed.len() => {
                        let tail = new.split_off(layout::tail_start(&new));
                        parts.push(Part::New(new));
                        Part::New(tail)
                    }
                    Some(part) => {
                        parts.push(part);
                        Part::New(String::new())
                    }
                    None => Part::New(String::new()),
                };
                for doc in appended {
                    let before = match parts.last() {
                        Some(Part::Old(range)) => &text[range.clone()],
                        Some(Part::New(new)) => new.as_str(),
                        None => "",
                    };
                    // The text before may be empty (a network removed).
                    let before = if before.is_empty() { "\n" } else { before };
                    parts.push(Part::New(layout::with_line_ends(
                        gap_after(before).to_string(),
                        self.crlf,
                    )));
                    parts.push(new(doc));
                }
                parts.push(tail);
                parts
            }
        }
    }
}

/// The comments above a removed network that a blank line parts from it
/// (`layout::owned_start`) are what is above's: they stay, above the next
/// network, or are returned to go at the end. Those above the next network
/// that a blank line parts from it were the removed one's, and go.
fn pass_on_comments(removed: &Table, next: Option<&mut Table>) -> Option<String> {
    let prefix = removed.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
    let kept = &prefix[..layout::owned_start(prefix)];
    let Some(next) = next else {
        return (!kept.is_empty()).then(|| kept.to_string());
    };
    let own = next.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
    let prefix = format!("{kept}{}", &own[layout::owned_start(own)..]);
    next.decor_mut().set_prefix(prefix);
    None
}

fn parse(text: &str) -> Edit<DocumentMut> {
    text.parse()
        .or_else(|error| unexpected(format!("toml_edit cannot read a network: {error}")))
}

/// What goes between the text above a network added and the network: a
/// blank line, so that no comment there becomes the new network's (and
/// removing the network again gives back the file).
fn gap_after(text: &str) -> &'static str {
    if text.ends_with('\n') { "\n" } else { "\n\n" }
}

/// A table to edit: a `[table]`, or an `{ inline = "table" }` in an array.
pub enum Node<'d> {
    Table(&'d mut Table),
    Inline(&'d mut InlineTable),
}

impl<'d> Node<'d> {
    /// Sets or removes `key`, keeping the old value's surrounding spaces and
    /// trailing comment.
    pub fn set(&mut self, key: &str, change: Change) {
        let Some(mut value) = change else {
            match self {
                Node::Table(table) => drop(table.remove(key)),
                Node::Inline(table) => drop(table.remove(key)),
            }
            return;
        };
        let old = match self {
            Node::Table(table) => table.get_mut(key).and_then(Item::as_value_mut),
            Node::Inline(table) => table.get_mut(key),
        };
        if let Some(old) = old {
            *value.decor_mut() = old.decor().clone();
            *old = value;
            return;
        }
        match self {
            Node::Table(table) => drop(table.insert(key, Item::Value(value))),
            Node::Inline(table) => {
                // The new key takes the space before `}` from the last one.
                if let Some((_, last)) = table.iter_mut().last() {
                    let suffix = last.decor().suffix().cloned();
                    last.decor_mut().set_suffix("");
                    if let Some(suffix) = suffix {
                        value.decor_mut().set_suffix(suffix);
                    }
                    value.decor_mut().set_prefix(" ");
                }
                table.insert(key, value);
            }
        }
    }

    /// The network's partners or milestones (`key`), made an empty list in
    /// the layout of this table when there are none.
    pub fn children(self, key: &str) -> Edit<Children<'d>> {
        let found = match self {
            Node::Table(table) => match table
                .entry(key)
                .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()))
            {
                Item::ArrayOfTables(list) => Some(Children::Tables(list)),
                Item::Value(Value::Array(list)) => Some(Children::Inline(list)),
                _ => None,
            },
            Node::Inline(table) => (table.entry(key).or_insert_with(|| Value::Array(Array::new())))
                .as_array_mut()
                .map(Children::Inline),
        };
        found.map_or_else(|| unexpected(format!("`{key}`")), Ok)
    }

    /// Removes the `index`th of the `key` list, and the list with its last one.
    pub fn remove_child(mut self, key: &str, index: usize) -> Edit<()> {
        let empty = match self.reborrow().children(key)? {
            Children::Tables(list) if index < list.len() => {
                list.remove(index);
                list.is_empty()
            }
            Children::Inline(_) => return self.remove_item(key, index),
            _ => return unexpected(format!("`{key}` {index}")),
        };
        if empty {
            self.set(key, None);
        }
        Ok(())
    }

    /// The inline array at `key`, if the table has one.
    fn array_mut(&mut self, key: &str) -> Option<&mut Array> {
        match self {
            Node::Table(table) => table.get_mut(key).and_then(Item::as_array_mut),
            Node::Inline(table) => table.get_mut(key).and_then(Value::as_array_mut),
        }
    }

    /// Adds `value` at the end of the array at `key` in the array's own
    /// layout (one line, or one element a line); makes the array if absent.
    pub fn push_item(&mut self, key: &str, value: Value) {
        match self.array_mut(key) {
            Some(list) => push_value(list, value),
            None => self.set(key, Some(Value::Array(std::iter::once(value).collect()))),
        }
    }

    /// Removes the `index`th element of the array at `key`, and the key
    /// with its last element.
    pub fn remove_item(&mut self, key: &str, index: usize) -> Edit<()> {
        let Some(list) = self.array_mut(key).filter(|list| index < list.len()) else {
            return unexpected(format!("`{key}` {index}"));
        };
        remove_value(list, index);
        if list.is_empty() {
            self.set(key, None);
        }
        Ok(())
    }

    pub fn reborrow(&mut self) -> Node<'_> {
        match self {
            Node::Table(table) => Node::Table(table),
            Node::Inline(table) => Node::Inline(table),
        }
    }
}

/// A network's partners or milestones: `[[networks.partners]]` tables, or an
/// inline array of tables.
pub enum Children<'d> {
    Tables(&'d mut ArrayOfTables),
    Inline(&'d mut Array),
}

impl<'d> Children<'d> {
    pub fn get(self, index: usize) -> Edit<Node<'d>> {
        match self {
            Children::Tables(list) => list.get_mut(index).map(Node::Table),
            Children::Inline(list) => list
                .get_mut(index)
                .and_then(Value::as_inline_table_mut)
                .map(Node::Inline),
        }
        .map_or_else(|| unexpected(format!("entry {index}")), Ok)
    }

    /// Puts `table` at `index`, in the list's own layout.
    pub fn insert(self, index: usize, table: Table) {
        match self {
            Children::Tables(list) => list.insert(index.min(list.len()), table),
            Children::Inline(list) => {
                insert_value(list, index, Value::InlineTable(table.into_inline_table()))
            }
        }
    }
}

/// Adds `value` at the end of an inline array, laid out like the last element.
fn push_value(list: &mut Array, value: Value) {
    let index = list.len();
    insert_value(list, index, value);
}

// An inline array written one element a line keeps each comment with its
// element: the lines of comments above an element are its own, and so is a
// comment after its comma on its line. toml_edit keeps the latter in the
// next element's prefix (or, after the last, in the array's trailing), so an
// insertion or removal cuts prefixes at their first line break.

/// The decor prefix (`Decor::prefix`) or suffix of the `index`th element of
/// an inline array.
fn decor_of(list: &Array, index: usize, part: fn(&Decor) -> Option<&RawString>) -> String {
    let part = list.get(index).and_then(|v| part(v.decor()));
    part.and_then(|p| p.as_str()).unwrap_or("").to_string()
}

/// `text` cut after its first line break: the end of the line above (a
/// comment there is the previous element's), and the lines below.
fn first_line(text: &str) -> Option<(&str, &str)> {
    text.find('\n').map(|end| text.split_at(end + 1))
}

/// The line break `line` ends with.
fn line_break(line: &str) -> &'static str {
    if line.ends_with("\r\n") { "\r\n" } else { "\n" }
}

/// What stands before an element on its own line: the text after the last
/// line break of its prefix.
fn indentation(prefix: &str) -> &str {
    prefix.rsplit('\n').next().unwrap_or("")
}

/// Puts `value` at `index` of an inline array, laid out like its neighbour:
/// on a line of its own in an array written one element a line, where the
/// comments around the others stay with them.
fn insert_value(list: &mut Array, index: usize, mut value: Value) {
    value.decor_mut().set_suffix("");
    let len = list.len();
    let prefix = if len == 0 {
        String::new()
    } else if index < len {
        let own = decor_of(list, index, Decor::prefix);
        match first_line(&own) {
            // The new one's line takes the end of the line above; the
            // comments above the element at `index` stay above it.
            Some((head, rest)) => {
                let moved = format!("{}{rest}", line_break(head));
                let prefix = format!("{head}{}", indentation(&own));
                if let Some(next) = list.get_mut(index) {
                    next.decor_mut().set_prefix(moved);
                }
                prefix
            }
            // The first element of a one-line array has no space before it,
            // and the one it pushes along gets one.
            None if index == 0 => {
                if let Some(first) = list.get_mut(0) {
                    first.decor_mut().set_prefix(" ");
                }
                own
            }
            None if own.is_empty() => " ".to_string(),
            None => own,
        }
    } else {
        let own = decor_of(list, len - 1, Decor::prefix);
        match first_line(&own) {
            Some((head, _)) => {
                // After the last: its comment on its line (after its comma
                // in the trailing, or in its suffix without one) stays there.
                let mut after = list.trailing().as_str().unwrap_or("").to_string();
                if !list.trailing_comma()
                    && let Some(last) = list.get_mut(len - 1)
                {
                    let suffix = last.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
                    if suffix.contains('\n') {
                        after = format!("{suffix}{after}");
                        last.decor_mut().set_suffix("");
                    }
                }
                let indent = indentation(&own);
                match first_line(&after) {
                    Some((line, rest)) => {
                        list.set_trailing(format!("{}{rest}", line_break(line)));
                        format!("{line}{indent}")
                    }
                    None => {
                        list.set_trailing(after.clone());
                        format!("{}{indent}", line_break(head))
                    }
                }
            }
            None if own.is_empty() => " ".to_string(),
            None => own,
        }
    };
    value.decor_mut().set_prefix(prefix);
    list.insert_formatted(index.min(len), value);
}

/// Removes the `index`th element of an inline array with the comments that
/// are its own; the comment after the previous one's comma stays on its line.
fn remove_value(list: &mut Array, index: usize) {
    let removed = decor_of(list, index, Decor::prefix);
    if index + 1 < list.len() {
        let next = decor_of(list, index + 1, Decor::prefix);
        let joined = match (first_line(&removed), first_line(&next)) {
            (Some((head, _)), Some((_, rest))) => format!("{head}{rest}"),
            (None, Some((head, rest))) => format!("{}{rest}", line_break(head)),
            // The next one is on the removed one's line: it takes its place.
            _ => removed,
        };
        list.remove(index);
        if let Some(next) = list.get_mut(index) {
            next.decor_mut().set_prefix(joined);
        }
        return;
    }
    let suffix = decor_of(list, index, Decor::suffix);
    let trailing = list.trailing().as_str().unwrap_or("").to_string();
    list.remove(index);
    match first_line(&removed) {
        // The last on a line of its own: the line above keeps its end, the
        // comments above `]` stay; the one before keeps its comma.
        Some((head, _)) => {
            let after = if list.trailing_comma() {
                trailing
            } else {
                format!("{suffix}{trailing}")
            };
            let close = first_line(&after).map_or(after.as_str(), |(_, rest)| rest);
            list.set_trailing(format!("{head}{close}"));
            list.set_trailing_comma(!list.is_empty());
        }
        // On the line of the one before, which takes its place before `]`.
        None => {
            if let Some(before) = index.checked_sub(1).and_then(|i| list.get_mut(i)) {
                before.decor_mut().set_suffix(suffix);
            }
        }
    }
}

pub fn string(text: &str) -> Value {
    Value::from(text)
}

/// `[latitude, longitude]`, as spec §8 writes a place.
pub fn coordinates([latitude, longitude]: [f64; 2]) -> Value {
    Value::Array([latitude, longitude].into_iter().collect::<Array>())
}

pub fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(items.into_iter().collect::<Array>())
}

/// A date as TOML writes it: a bare local date for a day, a string otherwise.
pub fn date(date: PartialDate) -> Value {
    match (date.month, date.day) {
        (Some(month), Some(day)) => Value::from(toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: date.year as u16,
                month: month as u8,
                day: day as u8,
            }),
            time: None,
            offset: None,
        }),
        _ => Value::from(date.to_string()),
    }
}

/// A table whose keys come in the order given, skipping unset ones.
pub fn table(entries: impl IntoIterator<Item = (&'static str, Change)>) -> Table {
    let mut table = Table::new();
    for (key, value) in entries {
        if let Some(value) = value {
            table.insert(key, Item::Value(value));
        }
    }
    table
}

/// Puts `list` under `key` of `table` as an array of tables.
pub fn set_children(table: &mut Table, key: &str, list: Vec<Table>) {
    if list.is_empty() {
        return;
    }
    table.insert(key, Item::ArrayOfTables(list.into_iter().collect()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` opened by network where its layout allows, or as one document.
    fn open_as(text: &str, by_network: bool) -> RegistryDoc {
        let read = crate::store::read_text(text);
        let layout = read.layout.filter(|_| by_network);
        RegistryDoc::open(text.to_string(), read.registry, layout).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn open(text: &str) -> RegistryDoc {
        open_as(text, true)
    }

    fn edited(text: &str, edit: impl FnOnce(&mut RegistryDoc) -> Edit<()>) -> String {
        let mut doc = open(text);
        edit(&mut doc).unwrap_or_else(|e| panic!("{e:?}"));
        doc.finish().text
    }

    /// `edited`, by network and as one document, which must agree.
    fn edited_both(text: &str, edit: impl Fn(&mut RegistryDoc) -> Edit<()>) -> String {
        let by_network = edited(text, &edit);
        let mut whole = open_as(text, false);
        edit(&mut whole).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(whole.finish().text, by_network, "as one document, of\n{text}");
        by_network
    }

    fn partner(name: &str) -> Table {
        table([("name", Some(string(name))), ("country", Some(string("BE")))])
    }

    const TEXT: &str = "# my registry\nformat = 1\n\n[[networks]]\nid   = \"a\"      # aligned\nname = \"A\"\n\n[[networks.partners]]\nname = \"X\"   # first\ncountry = \"IT\"\n\n# the milestones\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n";

    #[test]
    fn adding_a_partner_keeps_every_other_line() {
        let after = edited(TEXT, |d| {
            d.network(0)?.children("partners")?.insert(1, partner("Y"));
            Ok(())
        });
        assert_eq!(
            after,
            "# my registry\nformat = 1\n\n[[networks]]\nid   = \"a\"      # aligned\nname = \"A\"\n\n[[networks.partners]]\nname = \"X\"   # first\ncountry = \"IT\"\n\n[[networks.partners]]\nname = \"Y\"\ncountry = \"BE\"\n\n# the milestones\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n"
        );
    }

    #[test]
    fn setting_a_value_keeps_its_comment() {
        let after = edited(TEXT, |d| {
            d.network(0)?
                .children("partners")?
                .get(0)?
                .set("name", Some(string("Z")));
            Ok(())
        });
        assert!(after.contains("name = \"Z\"   # first\n"), "{after}");
    }

    #[test]
    fn inline_partners_stay_inline_and_lose_nothing() {
        let text = "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [{ name = \"Pisa\", country = \"IT\", role = \"lead\" }, { name = \"Lyon\", country = \"FR\" }]\n";
        let after = edited(text, |d| {
            let n = d.network(0)?;
            n.children("partners")?.insert(2, partner("Gent"));
            Ok(())
        });
        assert_eq!(
            after,
            "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [{ name = \"Pisa\", country = \"IT\", role = \"lead\" }, { name = \"Lyon\", country = \"FR\" }, { name = \"Gent\", country = \"BE\" }]\n"
        );
        let after = edited(text, |d| {
            d.network(0)?
                .children("partners")?
                .get(1)?
                .set("role", Some(string("observer")));
            Ok(())
        });
        assert!(
            after.contains("{ name = \"Lyon\", country = \"FR\", role = \"observer\" }]"),
            "{after}"
        );
        let after = edited(text, |d| d.network(0)?.remove_child("partners", 0));
        assert!(
            after.contains("partners = [{ name = \"Lyon\", country = \"FR\" }]"),
            "{after}"
        );
    }

    #[test]
    fn a_multi_line_inline_array_gets_a_line_per_element() {
        let text = "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [\n  { name = \"Pisa\" },\n  { name = \"Lyon\" }, # the last\n]\n";
        let after = edited(text, |d| {
            d.network(0)?.children("partners")?.insert(2, partner("Gent"));
            Ok(())
        });
        assert_eq!(
            after,
            "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [\n  { name = \"Pisa\" },\n  { name = \"Lyon\" }, # the last\n  { name = \"Gent\", country = \"BE\" },\n]\n"
        );
    }

    /// A multi-line inline array of three, each with a comment above and one
    /// after its comma, and a comment above `]`: one block of lines each.
    fn commented_blocks(trailing_comma: bool) -> [String; 4] {
        let comma = if trailing_comma { "," } else { "" };
        [
            "  # about Pisa\n  { name = \"Pisa\" }, # pisa\n".to_string(),
            "  # about Lyon\n  { name = \"Lyon\" }, # lyon\n".to_string(),
            format!("  # about Gent\n  {{ name = \"Gent\" }}{comma} # gent\n"),
            "  # above the bracket\n".to_string(),
        ]
    }

    fn network_with(array: &str) -> String {
        format!("[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [\n{array}]\n")
    }

    #[test]
    fn removing_an_element_of_a_multi_line_array_takes_only_its_own_lines() {
        for trailing_comma in [true, false] {
            let blocks = commented_blocks(trailing_comma);
            let text = network_with(&blocks.concat());
            for index in 0..3 {
                let after = edited(&text, |d| d.network(0)?.remove_child("partners", index));
                let mut kept = blocks.to_vec();
                kept.remove(index);
                if index == 2 && !trailing_comma {
                    // Lyon is last now, and keeps its comma and its comment.
                    kept[1] = "  # about Lyon\n  { name = \"Lyon\" }, # lyon\n".to_string();
                }
                assert_eq!(after, network_with(&kept.concat()), "{index} of\n{text}");
            }
        }
    }

    #[test]
    fn removing_an_element_of_a_one_line_array_keeps_its_spacing() {
        for (array, expected) in [
            ("[A, B, C]", ["[B, C]", "[A, C]", "[A, B]"]),
            ("[ A, B, C ]", ["[ B, C ]", "[ A, C ]", "[ A, B ]"]),
            ("[A, B, C,]", ["[B, C,]", "[A, C,]", "[A, B,]"]),
        ] {
            let to_toml = |a: &str| {
                format!(
                    "[[networks]]\nid = \"n\"\nname = \"N\"\nthemes = {}\n",
                    a.replace('A', "\"a\"")
                        .replace('B', "\"b\"")
                        .replace('C', "\"c\"")
                )
            };
            for (index, expected) in expected.iter().enumerate() {
                let mut doc = open(&to_toml(array));
                let Ok(Node::Table(table)) = doc.network(0) else {
                    panic!("a network table")
                };
                let Some(themes) = table.get_mut("themes").and_then(Item::as_array_mut) else {
                    panic!("themes")
                };
                remove_value(themes, index);
                assert_eq!(doc.finish().text, to_toml(expected), "{index} of {array}");
            }
        }
    }

    #[test]
    fn an_element_inserted_in_a_multi_line_array_leaves_the_comments_where_they_are() {
        let blocks = commented_blocks(true);
        let text = network_with(&blocks.concat());
        let new = "  { name = \"Gdańsk\", country = \"BE\" },\n";
        for index in 0..=3 {
            let after = edited(&text, |d| {
                d.network(0)?
                    .children("partners")?
                    .insert(index, partner("Gdańsk"));
                Ok(())
            });
            // Below the line of the one before, above the comments of the next.
            let (above, below) = (blocks[..index].concat(), blocks[index..].concat());
            assert_eq!(after, network_with(&format!("{above}{new}{below}")), "at {index}");
        }
    }

    #[test]
    fn a_network_added_goes_above_the_comments_that_end_the_file() {
        let a = "[[networks]]\nid = \"a\"\nname = \"A\"\n";
        let b = "[[networks]]\nid = \"b\"\nname = \"B\"\n";
        let new = || table([("id", Some(string("b"))), ("name", Some(string("B")))]);
        for tail in ["", "# the end\n", "\n# the end\n\n", "# the\n\n# end"] {
            let text = format!("{a}{tail}");
            let added = edited_both(&text, |d| d.push_network(new()));
            assert_eq!(added, format!("{a}\n{b}{tail}"));
            assert_eq!(edited_both(&added, |d| d.remove_network(1)), text);
        }
        // Without networks, the file's comments stay above the first.
        for text in ["# mine\n", "format = 1\n# mine\n"] {
            let added = edited_both(text, |d| d.push_network(new()));
            assert_eq!(added, format!("{text}\n{b}"));
            assert_eq!(edited_both(&added, |d| d.remove_network(0)), text);
        }
    }

    #[test]
    fn removing_the_first_network_keeps_the_head_comments() {
        let a = "# about a\n[[networks]]\nid = \"a\"\nname = \"A\"\n";
        let b = "\n# about b\n[[networks]]\nid = \"b\"\nname = \"B\"\n";
        for head in [
            "# my registry\n\n",
            "# my registry\n# two lines\n\n\n",
            "# my registry\nformat = 1\n\n",
            "# my registry\n\nformat = 1 # one\n# below\n\n",
        ] {
            let text = format!("{head}{a}{b}");
            let after = edited_both(&text, |d| d.remove_network(0));
            let kept = head.trim_end_matches('\n');
            assert_eq!(after, format!("{kept}\n{b}"), "{text}");
            let after = edited_both(&text, |d| d.remove_network(1));
            assert_eq!(after, format!("{head}{a}"), "{text}");
        }
        // A comment block a blank line parts from the next network stays too.
        let text = format!("{a}\n# about the rest\n{b}");
        let after = edited_both(&text, |d| d.remove_network(1));
        assert_eq!(after, format!("{a}\n# about the rest\n"));
    }

    #[test]
    fn dates_are_bare_for_days_and_strings_otherwise() {
        let day = PartialDate::parse("2011-06-09").unwrap_or_else(|e| panic!("{e}"));
        let month = PartialDate::parse("2011-06").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(date(day).to_string(), "2011-06-09");
        assert_eq!(date(month).to_string(), "\"2011-06\"");
    }
}
