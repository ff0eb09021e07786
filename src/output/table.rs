//! Tables fitted to the terminal: no line wider than it, no word broken.
//!
//! When a table is too wide for the terminal:
//! 1. columns are left out until the others fit at their narrowest (a
//!    fifth of the terminal for free text, 10 to 24 columns; a quarter for
//!    single words, 10 to 16; the `[1]` mark for URLs; never less than the
//!    heading): the command's own order first
//!    (`Rows::narrow_drops`), then from the right; never the first column,
//!    the sorted ones nor those the command keeps (a network's lead); a
//!    note on stderr says which, and how to see them;
//! 2. free text (values with spaces: names, titles) gives up room, the
//!    widest column first, down to that narrowest: cut at a word with `…` (or
//!    wrapped at words, in a `show`);
//! 3. then single words (ids, places, codes), widest first, down to
//!    theirs: cut with `…`;
//! 4. then URLs: one that no longer fits its column leaves the table, the
//!    cell says `[1]`, and the URL stands whole on a line of its own below;
//! 5. last, on a terminal too narrow even for what is kept, everything is
//!    cut further, down to three characters and `…`, and then kept columns
//!    are left out from the right.

use std::borrow::Cow;
use std::fmt;

use comfy_table::{Attribute, Cell as TableCell, CellAlignment, ContentArrangement, Table, presets};
use unicode_width::{UnicodeWidthChar as _, UnicodeWidthStr as _};

use crate::config::Config;

/// How narrow free text and single words may get before a column is left
/// out: a fifth and a quarter of the terminal, within these bounds.
const FREE_TEXT_FLOOR: (usize, usize) = (10, 24);
const WORD_FLOOR: (usize, usize) = (10, 16);
/// Three characters and `…`.
const LAST_FLOOR: usize = 4;

/// The text of a table before it is fitted: every value already escaped
/// for a terminal (`visible`); a line break in a value starts a new line
/// in its cell.
#[derive(Debug, Default)]
pub struct Grid {
    pub headings: Vec<String>,
    /// Whether the headings are shown (a `show`'s facts have none: their
    /// first column is the label, in bold).
    pub header: bool,
    pub rows: Vec<Vec<String>>,
    /// Columns of numbers, set right.
    pub numeric: Vec<bool>,
    /// Columns never left out (the first always is).
    pub keep: Vec<bool>,
    /// Columns to leave out first when the table is too wide, in order.
    pub drops: Vec<usize>,
    /// Free text wraps at words onto more lines of its cell instead of
    /// being cut (a `show`: all of it matters; a list keeps a row a line).
    pub wrap: bool,
}

/// A table laid out for the terminal, with what did not fit.
pub struct Fitted {
    pub table: Table,
    /// URLs too long for their column, each to print whole below the table.
    pub urls: Vec<String>,
    /// The columns left out, by index in the grid.
    pub hidden: Vec<usize>,
}

impl fmt::Display for Fitted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.table)?;
        for (i, url) in self.urls.iter().enumerate() {
            write!(f, "\n[{}] {url}", i + 1)?;
        }
        Ok(())
    }
}

/// What a column holds, which says how it gives up room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    FreeText,
    Word,
    Url,
}

struct Column {
    kind: Kind,
    natural: usize,
    floor: usize,
}

/// What a table's frame and padding take: a border left of each column and
/// after the last, a space either side of each.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

pub fn is_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://")) && !text.contains(char::is_whitespace)
}

impl Grid {
    fn column(&self, i: usize, width: usize) -> Column {
        let heading = if self.header { self.headings[i].width() } else { 0 };
        let lines = || self.rows.iter().flat_map(move |r| r[i].lines());
        let natural = lines().map(str::width).fold(heading, usize::max);
        let any = lines().any(|l| !l.is_empty());
        let kind = if any && lines().all(|l| l.is_empty() || is_url(l)) {
            Kind::Url
        } else if lines().any(|l| l.trim().contains(char::is_whitespace)) {
            Kind::FreeText
        } else {
            Kind::Word
        };
        let floor = match kind {
            Kind::FreeText => natural.min((width / 5).clamp(FREE_TEXT_FLOOR.0, FREE_TEXT_FLOOR.1)),
            Kind::Word => natural.min((width / 4).clamp(WORD_FLOOR.0, WORD_FLOOR.1)),
            // `[1]`, the mark a URL leaves behind.
            Kind::Url => natural.min(3 + self.rows.len().to_string().len()),
        };
        Column {
            kind,
            natural,
            floor: floor.max(heading),
        }
    }
}

/// Which columns a table shows, and how wide each is, on a terminal
/// `width` columns wide (none: as wide as they are).
fn plan(grid: &Grid, width: Option<usize>) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let columns: Vec<Column> = (0..grid.headings.len())
        .map(|i| grid.column(i, width.unwrap_or(usize::MAX)))
        .collect();
    let mut shown: Vec<usize> = (0..columns.len()).collect();
    let Some(width) = width else {
        let widths = columns.iter().map(|c| c.natural).collect();
        return (shown, widths, Vec::new());
    };
    let kept = |c: usize| c == 0 || grid.keep.get(c).copied().unwrap_or(false);
    let fits = |shown: &[usize]| {
        shown.iter().map(|&c| columns[c].floor).sum::<usize>() + frame(shown.len()) <= width
    };
    let mut hidden = Vec::new();
    while !fits(&shown) {
        let next = grid
            .drops
            .iter()
            .copied()
            .find(|c| shown.contains(c) && !kept(*c))
            .or_else(|| shown.iter().rev().copied().find(|&c| !kept(c)));
        let Some(drop) = next else { break };
        shown.retain(|&c| c != drop);
        hidden.push(drop);
    }
    // A narrow column left out before a wide one may fit beside what is left.
    for at in (0..hidden.len()).rev() {
        let mut trial = shown.clone();
        trial.push(hidden[at]);
        trial.sort_unstable();
        if fits(&trial) {
            shown = trial;
            hidden.remove(at);
        }
    }
    let mut widths: Vec<usize> = shown.iter().map(|&c| columns[c].natural).collect();
    let room = |n: usize| width.saturating_sub(frame(n));
    // (what gives up room, down to what): the order the module says.
    let tiers: [(&[Kind], usize); 4] = [
        (&[Kind::FreeText], usize::MAX),
        (&[Kind::Word], usize::MAX),
        (&[Kind::Url], usize::MAX),
        (&[Kind::FreeText, Kind::Word, Kind::Url], LAST_FLOOR),
    ];
    for (kinds, last) in tiers {
        let floor = |c: &Column| c.floor.min(last);
        while widths.iter().sum::<usize>() > room(shown.len()) {
            // The widest column of the tier that can still give a column up.
            let Some(widest) = (0..shown.len())
                .filter(|&i| kinds.contains(&columns[shown[i]].kind))
                .filter(|&i| widths[i] > floor(&columns[shown[i]]))
                .max_by_key(|&i| widths[i])
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    // Too many kept columns for the terminal: the last ones go too.
    while shown.len() > 1 && widths.iter().sum::<usize>() > room(shown.len()) {
        hidden.push(shown.pop().unwrap_or_default());
        widths.pop();
    }
    hidden.sort_unstable();
    if let [only] = widths.as_mut_slice() {
        *only = (*only).min(room(1)).max(1);
    }
    (shown, widths, hidden)
}

/// A comfy-table fitted to the terminal, header in bold when colour is on.
pub fn fit(config: &Config, grid: &Grid) -> Fitted {
    let (shown, widths, hidden) = plan(grid, config.width.map(usize::from).filter(|w| *w > 0));
    let mut table = new_table(config);
    table.set_content_arrangement(ContentArrangement::Disabled);
    if grid.header {
        table.set_header(
            shown
                .iter()
                .zip(&widths)
                .map(|(&c, &w)| header_cell(config, &truncate(&grid.headings[c], w))),
        );
    }
    let mut urls = Vec::new();
    for row in &grid.rows {
        let cells = shown.iter().zip(&widths).map(|(&c, &width)| {
            // The marks of URLs moved below, side by side: `[1] [2] [3]`.
            let mut lines: Vec<String> = Vec::new();
            let mut marks: Vec<String> = Vec::new();
            let marked = |marks: &mut Vec<String>| {
                let line = wrap(&std::mem::take(marks).join(" "), width);
                line.into_iter().filter(|l| !l.is_empty())
            };
            for line in row[c].lines() {
                if is_url(line) && line.width() > width {
                    urls.push(line.to_string());
                    marks.push(format!("[{}]", urls.len()));
                    continue;
                }
                lines.extend(marked(&mut marks));
                // A URL amid text that is too long for the column goes
                // below all the same.
                let line: Vec<String> = line
                    .split(' ')
                    .map(|word| {
                        if is_url(word) && word.width() > width {
                            urls.push(word.to_string());
                            format!("[{}]", urls.len())
                        } else {
                            word.to_string()
                        }
                    })
                    .collect();
                let line = line.join(" ");
                if grid.wrap {
                    lines.extend(wrap(&line, width));
                } else {
                    lines.push(truncate(&line, width).into_owned());
                }
            }
            lines.extend(marked(&mut marks));
            let text = if grid.wrap {
                lines.join("\n")
            } else {
                lines.join(" ")
            };
            if c == 0 && !grid.header {
                header_cell(config, &text)
            } else {
                TableCell::new(text)
            }
        });
        table.add_row(cells.collect::<Vec<_>>());
    }
    for (i, &c) in shown.iter().enumerate() {
        if grid.numeric.get(c).copied().unwrap_or(false)
            && let Some(column) = table.column_mut(i)
        {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    Fitted { table, urls, hidden }
}

/// `text` cut to `width` columns at a word boundary, with `…` where it was
/// cut; a single word too long is cut where it must be.
pub fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let room = width.saturating_sub(1);
    let mut end = 0;
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = at + c.len_utf8();
    }
    // Back to the last word boundary, when there is one in what fits.
    let cut = match text[..end].rfind(' ') {
        Some(space) if space > 0 && text[end..].starts_with(|c: char| c != ' ') => space,
        _ => end,
    };
    Cow::Owned(format!("{}…", text[..cut].trim_end()))
}

/// `text` on lines of at most `width` columns, broken only between words;
/// a word wider than a line is cut with `…`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word = truncate(word, width);
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A line of prose above or beside a table, broken between words where it
/// is wider than the terminal.
pub fn paragraph(config: &Config, text: &str) -> String {
    match config.width.map(usize::from).filter(|w| *w > 0) {
        Some(width) => wrap(text, width).join("\n"),
        None => text.to_string(),
    }
}

pub fn new_table(config: &Config) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = config.width {
        table.set_width(width);
    }
    if config.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

pub fn header_cell(config: &Config, text: &str) -> TableCell {
    let cell = TableCell::new(text);
    if config.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

/// The note a table with columns left out leaves on stderr: which, and how
/// to see them (`--fields`, for a list); broken between words where it is
/// wider than the terminal.
pub fn note_hidden(config: &Config, hidden: &[&str], list: bool) {
    let names = match hidden {
        [] => return,
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let how = if list {
        "choose columns with --fields, or see all with --format plain"
    } else {
        "see all with --format plain"
    };
    let width = config.width.map_or(usize::MAX, usize::from);
    let note = format!("note: {names} left out to fit {width} columns; {how}");
    let mut lines = wrap(&note, width.saturating_sub(2).max(20)).into_iter();
    if let Some(first) = lines.next() {
        config.status().say(&first);
    }
    for line in lines {
        config.status().say(&format!("  {line}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_cuts_a_long_word() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("short abcdefghijkl x", 6), ["short", "abcde…", "x"]);
        assert_eq!(wrap("", 6), [""]);
    }

    #[test]
    fn truncating_cuts_at_a_word() {
        assert_eq!(
            truncate("Creative Clusters in Low Density", 20),
            "Creative Clusters…"
        );
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
        assert_eq!(truncate("abc", 5), "abc");
    }

    fn grid(headings: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            headings: headings.iter().map(|h| h.to_string()).collect(),
            header: true,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            ..Grid::default()
        }
    }

    #[test]
    fn a_long_word_is_cut_rather_than_hiding_the_other_columns() {
        let long = "x".repeat(200);
        let grid = grid(&["Id", "Name", "Lead"], &[&["a", &long, "Naples"]]);
        let (shown, widths, hidden) = plan(&grid, Some(40));
        assert_eq!(shown, [0, 1, 2]);
        assert!(hidden.is_empty());
        assert!(widths.iter().sum::<usize>() + frame(3) <= 40, "{widths:?}");
    }

    #[test]
    fn kept_columns_stay_and_the_drop_order_is_followed() {
        let mut grid = grid(
            &["Id", "Aaaaaaaaaaaa", "Bbbbbbbbbbbb", "Cccccccccccc"],
            &[&["id", "a", "b", "c"]],
        );
        grid.keep = vec![false, false, true, false];
        grid.drops = vec![2, 1];
        let (shown, _, hidden) = plan(&grid, Some(40));
        assert_eq!(shown, [0, 2, 3]);
        assert_eq!(hidden, [1]);
    }
}
