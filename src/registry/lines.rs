//! The text of an edited document keeps every line the edit did not change
//! byte for byte: its line end (a CRLF file may hold LF lines, and the
//! reverse) and its spelling, which toml_edit does not always keep (it
//! writes every `[[networks]]` header as the first is spelt, and ends every
//! line it writes with LF).
//!
//! toml_edit renders the document as read and as edited; a line diff
//! between the two renderings says which lines the edit left alone, and a
//! line diff between the first rendering and the old text says which old
//! line each stands for. Each table header carries a mark of its own while
//! rendered (its position in the file), so that the headers, which toml_edit
//! may write alike, are told apart.

use std::hash::Hash;

use similar::{Algorithm, DiffTag};
use toml_edit::{DocumentMut, Item, Table};

use super::layout;

/// The text of `after` (an edit of `before`, which was read from `old`),
/// where each line the edit did not change is `old`'s own; new lines end in
/// CRLF when `crlf`.
pub fn keep_unchanged(old: &str, before: &DocumentMut, after: &DocumentMut, crlf: bool) -> String {
    let (before, after) = (marked(before), marked(after));
    let plain = unmarked(&after);
    // Which line breaks of the new text end a line (not a string's).
    let probe = layout::with_line_ends(plain.clone(), true);
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let before_lines: Vec<&str> = before.split_inclusive('\n').collect();
    let after_lines: Vec<&str> = after.split_inclusive('\n').collect();
    let plain_lines: Vec<&str> = plain.split_inclusive('\n').collect();
    let probe_lines: Vec<&str> = probe.split_inclusive('\n').collect();
    if after_lines.len() != plain_lines.len() || plain_lines.len() != probe_lines.len() {
        // Cannot be (marks hold no line break, CRLF adds none).
        return layout::with_line_ends(plain, crlf);
    }
    // Which old line each line of the first rendering stands for: equal
    // ones, and one for one where toml_edit spelt a run of lines otherwise.
    let old_keys: Vec<String> = old_lines.iter().map(|line| key(line)).collect();
    let before_keys: Vec<String> = before_lines.iter().map(|line| key(&unmarked(line))).collect();
    let mut old_of = vec![None; before_lines.len()];
    for (olds, befores, _) in runs(&old_keys, &before_keys) {
        for (o, b) in olds.zip(befores) {
            old_of[b] = Some(o);
        }
    }
    // Each new line: an old one the edit left alone, or one it changed in
    // place (which keeps that line's line end), or a new one.
    let mut kept = vec![None; after_lines.len()];
    let mut replaced = vec![None; after_lines.len()];
    for (befores, afters, equal) in runs(&before_lines, &after_lines) {
        for (b, a) in befores.zip(afters) {
            let slot = if equal { &mut kept } else { &mut replaced };
            slot[a] = old_of[b];
        }
    }
    let dominant = if crlf { "\r\n" } else { "\n" };
    let ending = |line: &str| match line {
        _ if line.ends_with("\r\n") => "\r\n",
        _ if line.ends_with('\n') => "\n",
        _ => dominant,
    };
    let mut out = String::with_capacity(old.len() + plain.len() / 8);
    for (index, line) in plain_lines.iter().enumerate() {
        let line_end = probe_lines[index].ends_with("\r\n") && !line.ends_with("\r\n");
        match (kept[index].map(|o| old_lines[o]), line_end) {
            (Some(old), false) => out.push_str(old),
            (Some(old), true) if old.ends_with('\n') => out.push_str(old),
            // The old last line had no line break, and now one follows it.
            (Some(old), true) => {
                out.push_str(old);
                out.push_str(dominant);
            }
            (None, true) => {
                out.push_str(&line[..line.len() - 1]);
                out.push_str(replaced[index].map_or(dominant, |o| ending(old_lines[o])));
            }
            (None, false) => out.push_str(line),
        }
    }
    out
}

/// Runs of lines of `old` and `new` that stand for each other: equal ones
/// (`true`), and changed runs of the same length.
fn runs<T: Hash + Ord>(old: &[T], new: &[T]) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>, bool)> {
    let mut runs = Vec::new();
    let mut deleted: Option<std::ops::Range<usize>> = None;
    for op in similar::capture_diff_slices(Algorithm::Myers, old, new) {
        let (tag, olds, news) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => runs.push((olds, news, true)),
            DiffTag::Replace if olds.len() == news.len() => runs.push((olds, news, false)),
            DiffTag::Delete => {
                deleted = Some(olds);
                continue;
            }
            DiffTag::Insert => {
                if let Some(olds) = deleted.take().filter(|olds| olds.len() == news.len()) {
                    runs.push((olds, news, false));
                }
            }
            DiffTag::Replace => {}
        }
        deleted = None;
    }
    runs
}

/// A line without its line break, to compare texts whose line ends differ.
fn key(line: &str) -> String {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line).to_string()
}

/// The marks `marked` put in, taken out.
fn unmarked(text: &str) -> String {
    // Odd pieces are marks: `\0position\0`.
    text.split('\0').step_by(2).collect()
}

/// `doc` rendered with each table header read from the file marked with its
/// position there (a NUL, which TOML text cannot hold, around it).
fn marked(doc: &DocumentMut) -> String {
    let mut doc = doc.clone();
    mark(doc.as_table_mut());
    doc.to_string()
}

fn mark(table: &mut Table) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(table) => mark_header(table),
            Item::ArrayOfTables(list) => list.iter_mut().for_each(mark_header),
            _ => {}
        }
    }
}

fn mark_header(table: &mut Table) {
    if let Some(position) = table.position() {
        let suffix = table.decor().suffix().and_then(|s| s.as_str()).unwrap_or("");
        let suffix = format!("{suffix}\0{position}\0");
        table.decor_mut().set_suffix(suffix);
    }
    mark(table);
}
