//! Rows of data and the formats they print in: tables for people, tabs for
//! pipes, csv, json and markdown for other programs.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::registry::model::Partner;
use crate::registry::{country, places};
use crate::text::{fold, in_a_row, visible};

mod pager;
mod status;
mod table;
mod writer;

pub use pager::Paged;
pub use status::Status;
pub use table::{Fitted, Grid, fit, paragraph, truncate, wrap};
pub use writer::Out;

use table::note_hidden;

/// One value of a row.
#[derive(Debug, Clone)]
pub enum Cell<'r> {
    /// Text, borrowed from the registry where it can be.
    Text(Cow<'r, str>),
    Int(u64),
    /// A day, written `2011-06-09` only when it is printed: the typed date
    /// columns cost a list nothing in the formats that leave them out.
    Day(chrono::NaiveDate),
    /// A partner's place (`geonames:3172394`), likewise worked out only
    /// when it is printed.
    Place(&'r Partner),
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
            Cell::Day(day) => Cow::Owned(day.to_string()),
            Cell::Place(partner) => Cow::Owned(places::key_of(partner).id()),
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
            Cell::Day(day) => serde_json::Value::String(day.to_string()),
            Cell::Place(_) => serde_json::Value::String(self.as_text().into_owned()),
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
            (Cell::Day(a), Cell::Day(b)) => a.cmp(b),
            (a, b) => fold(&a.as_text()).cmp(&fold(&b.as_text())),
        };
        if descending { order.reverse() } else { order }
    }
}

/// Rows of one kind, each holding a cell for every field in `fields`.
#[derive(Debug)]
pub struct Rows<'r> {
    /// Every field, in the order the formats that name their fields (csv,
    /// tsv, json, ndjson) print them by default.
    pub fields: &'static [&'static str],
    /// The columns a plain row has by default: the spec's, which a script
    /// reads by position, without the typed ones the named formats add
    /// after them (dates as first and last days with their precision, a
    /// partner's place).
    pub plain_fields: &'static [&'static str],
    /// The columns a table shows by default.
    pub table_fields: &'static [&'static str],
    /// The columns a table too wide for the terminal leaves out first, in
    /// this order; then others from the right.
    pub narrow_drops: &'static [&'static str],
    /// The columns a table keeps whatever the width (besides the first and
    /// the sorted ones): a network's lead.
    pub keep: &'static [&'static str],
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
    let wanted = match config.format {
        _ if !chosen.is_empty() => &chosen,
        Format::Table | Format::Markdown => rows.table_fields,
        Format::Plain => rows.plain_fields,
        _ => rows.fields,
    };
    let mut columns: Vec<usize> = wanted.iter().map(|f| rows.index(f)).collect::<Result<_>>()?;
    let mut sorted = Vec::new();
    if let Some(sort) = &shape.sort {
        // `country,-partners`: by each field in turn, `-` for descending.
        let keys: Vec<(usize, bool)> = sort
            .split(',')
            .map(str::trim)
            .filter(|key| !key.is_empty())
            .map(|key| {
                let descending = key.strip_prefix('-');
                rows.index(descending.unwrap_or(key))
                    .map(|at| (at, descending.is_some()))
            })
            .collect::<Result<_>>()?;
        rows.rows.sort_by(|a, b| {
            keys.iter()
                .map(|&(at, descending)| a[at].compare(&b[at], descending))
                .find(|order| order.is_ne())
                .unwrap_or(Ordering::Equal)
        });
        sorted = keys.into_iter().map(|(at, _)| at).collect();
    }
    if let Some(limit) = shape.limit {
        rows.rows.truncate(limit);
    }
    if rows.rows.is_empty() && config.stdout_terminal {
        // A person sees why the screen is empty; a program gets no output.
        config.status().say("note: nothing matches");
    }
    if chosen.is_empty() && matches!(config.format, Format::Table | Format::Markdown) {
        columns.retain(|&c| rows.rows.iter().any(|r| !r[c].is_empty()));
        // A table shows what it is sorted by.
        if config.format == Format::Table {
            for &at in &sorted {
                if !columns.contains(&at) {
                    columns.push(at);
                }
            }
        }
    }
    let names: Vec<&str> = columns.iter().map(|&c| rows.fields[c]).collect();
    let selected: Vec<Vec<&Cell>> = rows
        .rows
        .iter()
        .map(|row| columns.iter().map(|&c| &row[c]).collect())
        .collect();
    if config.format == Format::Table {
        return list_table(out, config, &rows, &columns, &sorted, (&names, &selected));
    }
    write_rows(out, config, &names, &selected, shape)
}

/// A list as a table fitted to the terminal, a row a line; the columns
/// left out to fit are said on stderr, with the `--fields` that shows them.
fn list_table(
    out: &mut Out<'_>,
    config: &Config,
    rows: &Rows<'_>,
    columns: &[usize],
    sorted: &[usize],
    (names, selected): (&[&str], &[Vec<&Cell>]),
) -> Result<()> {
    if rows.rows.is_empty() {
        return Ok(());
    }
    let mut grid = grid(names, selected);
    grid.keep = columns
        .iter()
        .map(|c| sorted.contains(c) || rows.keep.contains(&rows.fields[*c]))
        .collect();
    grid.drops = rows
        .narrow_drops
        .iter()
        .filter_map(|name| names.iter().position(|n| n == name))
        .collect();
    let fitted = fit(config, &grid);
    // Its colours are netreg's own: kept on a terminal, the data escaped.
    out.styled(&format!("{fitted}\n"))?;
    // After the table: through the pager when the table went there, else
    // on the terminal under it (the table is whole: let it out first).
    let _ = out.flush();
    let hidden: Vec<&str> = fitted.hidden.iter().map(|&c| names[c]).collect();
    note_hidden(config, &hidden, true);
    Ok(())
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
        // `list_table`'s.
        Format::Table => {}
        Format::Plain | Format::Tsv => {
            if config.format == Format::Tsv {
                writeln!(out, "{}", names.join("\t"))?;
            }
            let mut line = String::new();
            for row in rows {
                line.clear();
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        line.push('\t');
                    }
                    let text = if config.format == Format::Tsv {
                        spreadsheet(cell, raw)
                    } else {
                        cell.as_text()
                    };
                    // Tabs and line breaks inside a value would break the row
                    // apart; the rest is data (a terminal's writer escapes it).
                    line.push_str(&in_a_row(&text));
                }
                line.push('\n');
                out.write_str(&line)?;
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

/// A table for a `show`: fitted to the terminal, free text wrapped at
/// words; columns left out are said on stderr.
pub fn table(config: &Config, names: &[&str], rows: &[Vec<Cell>]) -> Fitted {
    // A column with nothing in it says nothing.
    let filled: Vec<usize> = (0..names.len())
        .filter(|&c| c == 0 || rows.iter().any(|r| !r[c].is_empty()))
        .collect();
    let names: Vec<&str> = filled.iter().map(|&c| names[c]).collect();
    let rows: Vec<Vec<&Cell>> = rows
        .iter()
        .map(|r| filled.iter().map(|&c| &r[c]).collect())
        .collect();
    let mut grid = grid(&names, &rows);
    grid.wrap = true;
    let fitted = table::fit(config, &grid);
    let hidden: Vec<&str> = fitted.hidden.iter().map(|&c| names[c]).collect();
    note_hidden(config, &hidden, false);
    fitted
}

/// The text of `rows` under `names`, as a table shows it.
fn grid(names: &[&str], rows: &[Vec<&Cell>]) -> Grid {
    Grid {
        headings: names.iter().map(|n| heading(n)).collect(),
        header: true,
        rows: rows
            .iter()
            .map(|row| {
                names
                    .iter()
                    .zip(row)
                    .map(|(n, c)| visible(&display(n, c)).into_owned())
                    .collect()
            })
            .collect(),
        numeric: (0..names.len())
            .map(|i| !rows.is_empty() && rows.iter().all(|r| matches!(r[i], Cell::Int(_))))
            .collect(),
        ..Grid::default()
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
