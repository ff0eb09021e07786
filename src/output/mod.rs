//! Rows of data and the formats they print in: tables for people, tabs for
//! pipes, csv, json and markdown for other programs.

use std::borrow::Cow;
use std::cmp::Ordering;

use comfy_table::{Attribute, Cell as TableCell, ContentArrangement, Table, presets};
use unicode_width::{UnicodeWidthChar as _, UnicodeWidthStr as _};

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::registry::country;
use crate::text::{fold, visible};

mod status;
mod writer;

pub use status::Status;
pub use writer::Out;

/// One value of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'r> {
    /// Text, borrowed from the registry where it can be.
    Text(Cow<'r, str>),
    Int(u64),
    /// Known to be empty: `null` in JSON.
    Null,
    /// Not set at all: left out of JSON objects.
    Absent,
}

impl<'r> Cell<'r> {
    pub fn text(value: impl Into<Cow<'r, str>>) -> Self {
        Cell::Text(value.into())
    }

    pub fn opt(value: Option<impl Into<Cow<'r, str>>>, missing: Cell<'r>) -> Self {
        value.map_or(missing, |v| Cell::Text(v.into()))
    }

    fn as_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Null | Cell::Absent => Cow::Borrowed(""),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Cell::Null | Cell::Absent) || matches!(self, Cell::Text(s) if s.is_empty())
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.to_string()),
            Cell::Int(n) => serde_json::Value::from(*n),
            Cell::Null | Cell::Absent => serde_json::Value::Null,
        }
    }

    /// The order of two cells of a column sorted by it: numbers as numbers,
    /// text without case or accents; an empty cell comes last whichever
    /// way the column is sorted (`--sort -end` lists the latest ends first,
    /// then the networks with none).
    fn compare(&self, other: &Cell<'r>, descending: bool) -> Ordering {
        let order = match (self, other) {
            (a, b) if a.is_empty() || b.is_empty() => return a.is_empty().cmp(&b.is_empty()),
            (Cell::Int(a), Cell::Int(b)) => a.cmp(b),
            (a, b) => fold(&a.as_text()).cmp(&fold(&b.as_text())),
        };
        if descending { order.reverse() } else { order }
    }
}

/// Rows of one kind, each holding a cell for every field in `fields`.
#[derive(Debug)]
pub struct Rows<'r> {
    /// Every field, in the order machine formats print them by default.
    pub fields: &'static [&'static str],
    /// The columns a table shows by default.
    pub table_fields: &'static [&'static str],
    /// The columns a table too wide for the terminal leaves out first, in
    /// this order; then others from the right.
    pub narrow_drops: &'static [&'static str],
    pub rows: Vec<Vec<Cell<'r>>>,
}

impl Rows<'_> {
    fn index(&self, field: &str) -> Result<usize> {
        self.fields.iter().position(|f| *f == field).ok_or_else(|| {
            Error::usage(
                format!("unknown field `{field}`"),
                format!("valid fields: {}", self.fields.join(", ")),
            )
        })
    }
}

/// How a list is cut and laid out, whatever its rows: plain values a
/// handler builds from its arguments.
#[derive(Debug, Default, Clone)]
pub struct Shape {
    /// The columns, in order; none for the format's defaults.
    pub fields: Vec<String>,
    /// Fields to sort by in turn, `-` before one for descending: `country,-partners`.
    pub sort: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// The csv field separator; `,` when none.
    pub delimiter: Option<u8>,
    /// In csv and tsv, fields as they are, even ones a spreadsheet would run.
    pub raw: bool,
}

/// Applies the shape's fields, sort and limit, then prints in the chosen format.
pub fn print(out: &mut Out<'_>, config: &Config, mut rows: Rows<'_>, shape: &Shape) -> Result<()> {
    let chosen: Vec<&str> = shape
        .fields
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .collect();
    let columns: Vec<usize> = if chosen.is_empty() {
        let defaults = match config.format {
            Format::Table | Format::Markdown => rows.table_fields,
            _ => rows.fields,
        };
        defaults.iter().map(|f| rows.index(f)).collect::<Result<_>>()?
    } else {
        chosen.iter().map(|f| rows.index(f)).collect::<Result<_>>()?
    };
    if let Some(sort) = &shape.sort {
        // `country,-partners`: by each field in turn, `-` for descending.
        let keys: Vec<(usize, bool)> = sort
            .split(',')
            .map(str::trim)
            .filter(|key| !key.is_empty())
            .map(|key| match key.strip_prefix('-') {
                Some(field) => rows.index(field).map(|at| (at, true)),
                None => rows.index(key).map(|at| (at, false)),
            })
            .collect::<Result<_>>()?;
        rows.rows.sort_by(|a, b| {
            keys.iter()
                .map(|&(at, descending)| a[at].compare(&b[at], descending))
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        });
    }
    if let Some(limit) = shape.limit {
        rows.rows.truncate(limit);
    }
    if rows.rows.is_empty() && config.stdout_terminal {
        // A person sees why the screen is empty; a program gets no output.
        config.status().say("note: nothing matches");
    }
    let mut columns = columns;
    if chosen.is_empty() && matches!(config.format, Format::Table | Format::Markdown) {
        columns.retain(|&c| rows.rows.iter().any(|r| !r[c].is_empty()));
    }
    if config.format == Format::Table {
        fit_columns(config, &rows, &mut columns, chosen.is_empty());
    }
    let names: Vec<&str> = columns.iter().map(|&c| rows.fields[c]).collect();
    let selected: Vec<Vec<&Cell>> = rows
        .rows
        .iter()
        .map(|row| columns.iter().map(|&c| &row[c]).collect())
        .collect();
    write_rows(out, config, &names, &selected, shape)
}

/// What a table's frame and padding take: a border left of each column and
/// after the last, a space either side of each.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

/// Leaves out columns (unless the user chose them) until the table's
/// columns at their narrowest fit the terminal: `narrow_drops` first, then
/// from the right, keeping the first.
fn fit_columns(config: &Config, rows: &Rows<'_>, columns: &mut Vec<usize>, may_drop: bool) {
    let Some(width) = config.width.map(usize::from).filter(|w| *w > 0) else {
        return;
    };
    let narrowest = |columns: &[usize]| -> usize {
        let widths: usize = columns
            .iter()
            .map(|&c| {
                let field = rows.fields[c];
                let cells = rows.rows.iter().map(|r| display(field, &r[c]));
                narrowest_width(&heading(field), cells)
            })
            .sum();
        widths + frame(columns.len())
    };
    while may_drop && columns.len() > 1 && narrowest(columns) > width {
        let drop = rows
            .narrow_drops
            .iter()
            .find_map(|name| columns.iter().position(|&c| rows.fields[c] == *name))
            .unwrap_or(columns.len() - 1);
        columns.remove(drop);
    }
}

/// The width a column can shrink to without breaking a word of its heading
/// or of a short value (ids, codes, dates, counts): free text is cut after
/// a few words with `…`.
fn narrowest_width(heading: &str, cells: impl Iterator<Item = String>) -> usize {
    const FREE_TEXT_MIN: usize = 12;
    let mut widest = heading.width();
    for cell in cells {
        let free_text = cell.contains(char::is_whitespace);
        let cell = visible(&cell).width();
        widest = widest.max(if free_text { cell.min(FREE_TEXT_MIN) } else { cell });
    }
    widest
}

/// `text` cut to `width` columns at a word boundary, with `…` where it was cut.
fn truncate(text: &str, width: usize) -> Cow<'_, str> {
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

fn write_rows(
    out: &mut Out<'_>,
    config: &Config,
    names: &[&str],
    rows: &[Vec<&Cell>],
    shape: &Shape,
) -> Result<()> {
    let (raw, delimiter) = (shape.raw, shape.delimiter);
    fn spreadsheet<'a>(cell: &'a Cell<'_>, raw: bool) -> Cow<'a, str> {
        if raw {
            cell.as_text()
        } else {
            defuse_formula(cell.as_text())
        }
    }
    match config.format {
        Format::Table => {
            if !rows.is_empty() {
                let table = table(config, names, rows);
                out.styled(&format!("{table}\n"))?;
            }
        }
        Format::Plain | Format::Tsv => {
            if config.format == Format::Tsv {
                writeln!(out, "{}", names.join("\t"))?;
            }
            for row in rows {
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        out.write_str("\t")?;
                    }
                    let text = if config.format == Format::Tsv {
                        spreadsheet(cell, raw)
                    } else {
                        cell.as_text()
                    };
                    // Tabs and line breaks inside a value would break the row
                    // apart; the rest is data (a terminal's writer escapes it).
                    out.write_str(&in_a_row(&text))?;
                }
                out.write_str("\n")?;
            }
        }
        Format::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter.unwrap_or(b','))
                .from_writer(out.raw());
            writer.write_record(names).map_err(csv_error)?;
            for row in rows {
                // On a terminal a person reads it: nothing in it acts on the terminal.
                let field = |c: &&Cell| match spreadsheet(c, raw) {
                    text if config.stdout_terminal => visible(&text).into_owned(),
                    text => text.into_owned(),
                };
                writer.write_record(row.iter().map(field)).map_err(csv_error)?;
            }
            writer.flush().map_err(Error::Stdout)?;
        }
        Format::Json => {
            let objects: Vec<serde_json::Value> = rows.iter().map(|r| object(names, r)).collect();
            out.json_pretty(&objects)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for row in rows {
                out.json(&object(names, row))?;
                writeln!(out)?;
            }
        }
        Format::Markdown => {
            let header: Vec<String> = names.iter().map(|n| heading(n)).collect();
            writeln!(out, "| {} |", header.join(" | "))?;
            writeln!(out, "|{}", "---|".repeat(names.len()))?;
            for row in rows {
                let cells: Vec<String> = names
                    .iter()
                    .zip(row)
                    .map(|(n, c)| markdown_escape(&display(n, c)))
                    .collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
        }
        // What is left is `export`'s own (`Format::export_only`).
        _ => {
            return Err(Error::usage(
                format!("`--format {}` is only for `export`", config.format.name()),
                "use table, plain, tsv, csv, json, ndjson or markdown".to_string(),
            ));
        }
    }
    Ok(())
}

/// A comfy-table fitted to the terminal, header in bold when colour is on:
/// each row on one line, free text cut at a word with `…` where it must be.
pub fn table(config: &Config, names: &[&str], rows: &[Vec<&Cell>]) -> Table {
    let mut table = new_table(config);
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            names
                .iter()
                .zip(row)
                .map(|(n, c)| visible(&display(n, c)).into_owned())
                .collect()
        })
        .collect();
    let widths = column_widths(config, names, &texts);
    table.set_header(
        names
            .iter()
            .zip(&widths)
            .map(|(n, width)| header_cell(config, &truncate(&heading(n), *width))),
    );
    for row in &texts {
        table.add_row(
            row.iter()
                .zip(&widths)
                .map(|(text, width)| truncate(text, *width).into_owned()),
        );
    }
    table.set_content_arrangement(ContentArrangement::Disabled);
    for i in 0..names.len() {
        let numeric = !rows.is_empty() && rows.iter().all(|r| matches!(r[i], Cell::Int(_)));
        if numeric && let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    table
}

/// How wide each column may be: as wide as its widest value while the
/// table fits the terminal; otherwise the free-text columns (values with
/// spaces) give up room, widest first, down to the narrowest they read at.
fn column_widths(config: &Config, names: &[&str], texts: &[Vec<String>]) -> Vec<usize> {
    let natural: Vec<usize> = (0..names.len())
        .map(|i| {
            let cells = texts.iter().map(|r| r[i].width());
            cells.fold(heading(names[i]).width(), usize::max)
        })
        .collect();
    let Some(width) = config.width.map(usize::from).filter(|w| *w > 0) else {
        return natural;
    };
    let floor: Vec<usize> = (0..names.len())
        .map(|i| narrowest_width(&heading(names[i]), texts.iter().map(|r| r[i].clone())))
        .collect();
    let mut widths = natural.clone();
    let room = width.saturating_sub(frame(names.len()));
    // Columns the user chose may not fit even so: then free text gives up
    // more room, and last the single words, down to a start and `…`.
    let free_text: Vec<bool> = (0..names.len())
        .map(|i| texts.iter().any(|r| r[i].contains(char::is_whitespace)))
        .collect();
    let free_text_cut: Vec<usize> = (0..names.len())
        .map(|i| if free_text[i] { natural[i].min(4) } else { floor[i] })
        .collect();
    let everything_cut: Vec<usize> = natural.iter().map(|w| (*w).min(4)).collect();
    for floor in [floor, free_text_cut, everything_cut] {
        while widths.iter().sum::<usize>() > room {
            // The widest column that can still give a column up.
            let Some(widest) = (0..widths.len())
                .filter(|&i| widths[i] > floor[i])
                .max_by_key(|&i| widths[i])
            else {
                break;
            };
            widths[widest] -= 1;
        }
    }
    widths
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

/// What a person reads in a table: country names rather than codes.
fn display(field: &str, cell: &Cell) -> String {
    match (field, cell) {
        ("country" | "lead_country", Cell::Text(code)) => country::name(code).into_owned(),
        _ => cell.as_text().into_owned(),
    }
}

/// `lead_country` → `Lead country`.
pub fn heading(field: &str) -> String {
    let spaced = field.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// A field that a spreadsheet would run as a formula gets a leading `'`, as
/// OWASP recommends against CSV injection.
fn defuse_formula(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        text
    }
}

/// A value as a field of a tab-separated row: its tabs and line breaks as
/// `\t`, `\n` and `\r`, everything else as it is.
fn in_a_row(text: &str) -> Cow<'_, str> {
    if !text.contains(['\t', '\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut row = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => row.push_str("\\t"),
            '\n' => row.push_str("\\n"),
            '\r' => row.push_str("\\r"),
            c => row.push(c),
        }
    }
    Cow::Owned(row)
}

/// A value as a cell of a Markdown table: its pipes escaped, its line
/// breaks as `\n` (either would end the cell); the rest is data.
fn markdown_escape(text: &str) -> String {
    in_a_row(text).replace('|', "\\|")
}

fn object(names: &[&str], row: &[&Cell]) -> serde_json::Value {
    let map = names
        .iter()
        .zip(row)
        .filter(|(_, c)| !matches!(c, Cell::Absent))
        .map(|(n, c)| ((*n).to_string(), c.json()))
        .collect();
    serde_json::Value::Object(map)
}

fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => Error::Stdout(e),
        other => Error::Stdout(std::io::Error::other(format!("{other:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_read_as_words() {
        assert_eq!(heading("lead_country"), "Lead country");
        assert_eq!(heading("id"), "Id");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(defuse_formula("-1+2".into()), "'-1+2");
        assert_eq!(defuse_formula("Óbidos".into()), "Óbidos");
    }

    #[test]
    fn numbers_sort_as_numbers_text_without_accents_and_empty_cells_last() {
        assert_eq!(Cell::Int(9).compare(&Cell::Int(10), false), Ordering::Less);
        assert_eq!(Cell::Int(9).compare(&Cell::Int(10), true), Ordering::Greater);
        assert_eq!(
            Cell::text("Óbidos").compare(&Cell::text("Pisa"), false),
            Ordering::Less
        );
        for descending in [false, true] {
            assert_eq!(
                Cell::Null.compare(&Cell::text("a"), descending),
                Ordering::Greater
            );
            assert_eq!(Cell::text("a").compare(&Cell::Absent, descending), Ordering::Less);
        }
    }
}
