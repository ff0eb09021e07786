//! `networks add`, `edit`, `rename` and `remove`, and the rows a list of networks prints.

use super::{apply, clearable, cleared, parse_date};
use crate::cli::{ListEdits, NetworkFields, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{Cell, Out, Rows};
use crate::registry::draft::{MilestoneDraft, NetworkDraft};
use crate::registry::edit::{self, ListChange, NetworkChange};
use crate::registry::model::{self, Kind, Network, Status};
use crate::registry::rules;

pub const FIELDS: &[&str] = &[
    "id",
    "name",
    "programme",
    "type",
    "status",
    "lead",
    "lead_country",
    "partners",
    "start",
    "end",
    // Typed, as the SQL export's columns: first days, precisions, the
    // end's last day, and the span (spec §4) the filters take.
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "end_last_day",
    "span_start",
    "span_end",
];
/// A plain row's columns: the untyped ones.
const PLAIN_FIELDS: &[&str] = FIELDS.split_at(10).0;
const TABLE_FIELDS: &[&str] = &[
    "id",
    "name",
    "programme",
    "status",
    "lead",
    "lead_country",
    "partners",
    "start",
    "end",
];
/// What a narrow terminal leaves out first.
const NARROW_DROPS: &[&str] = &["programme", "status", "lead_country", "partners", "end", "start"];

/// One row per network.
pub fn rows<'r>(networks: &[&'r Network], config: &Config) -> Rows<'r> {
    Rows {
        fields: FIELDS,
        plain_fields: PLAIN_FIELDS,
        table_fields: TABLE_FIELDS,
        narrow_drops: NARROW_DROPS,
        keep: &["lead"],
        rows: networks.iter().map(|n| row(n, config)).collect(),
    }
}

fn row<'r>(network: &'r Network, config: &Config) -> Vec<Cell<'r>> {
    let lead = network.lead();
    let (start, end, span) = (network.start(), network.end(), network.span());
    let day = |day: Option<chrono::NaiveDate>| day.map_or(Cell::Null, Cell::Day);
    vec![
        Cell::text(network.id()),
        Cell::text(&*network.name),
        Cell::opt(network.programme.as_deref(), Cell::Null),
        Cell::opt(network.kind.as_deref(), Cell::Null),
        Cell::opt(network.status(config.today).map(|s| s.as_str()), Cell::Null),
        Cell::opt(lead.map(|p| p.name()), Cell::Null),
        Cell::opt(lead.and_then(|p| p.country()), Cell::Null),
        Cell::Int(network.partners.len() as u64),
        Cell::opt(start.map(|d| d.to_string()), Cell::Null),
        Cell::opt(end.map(|d| d.to_string()), Cell::Null),
        day(start.map(|d| d.first_day())),
        Cell::opt(start.map(|d| d.precision()), Cell::Null),
        day(end.map(|d| d.first_day())),
        Cell::opt(end.map(|d| d.precision()), Cell::Null),
        day(end.map(|d| d.last_day())),
        day(span.map(|(first, _)| first)),
        day(span.and_then(|(_, last)| last)),
    ]
}

/// `--status S`, read as the file's statuses are; `""` removes it.
fn status(given: &Option<String>) -> Result<Option<Option<Status>>> {
    clearable(given.as_deref(), |word| {
        model::word(&word.to_lowercase()).ok_or_else(|| {
            Error::usage(
                format!("unknown status `{word}`"),
                "use planned, active or closed".to_string(),
            )
        })
    })
}

pub fn add(
    config: &Config,
    id: &str,
    fields: &NetworkFields,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    let id = new_id(id)?;
    let name = fields.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let name =
        name.ok_or_else(|| Error::usage("a new network needs a name", "add --name \"...\"".to_string()))?;
    let status = status(&fields.status)?.flatten();
    let mut draft = NetworkDraft {
        id: id.to_string(),
        name: name.to_string(),
        programme: given(&fields.programme),
        kind: given(&fields.kind),
        status,
        themes: entries(&fields.themes),
        url: given(&fields.url),
        summary: given(&fields.summary),
        sources: entries(&fields.sources),
        partners: Vec::new(),
        milestones: Vec::new(),
    };
    for (flag, kind, title) in [
        (&fields.start, Kind::Launch, "Network launched"),
        (&fields.end, Kind::Completion, "Network completed"),
    ] {
        if let Some(date) = flag {
            draft.milestones.push(MilestoneDraft {
                date: parse_date(&format!("{} date", kind.as_str()), date)?,
                title: title.to_string(),
                kind,
            });
        }
    }
    apply(config, write, out, |doc| edit::add_network(doc, &draft))
}

pub fn edit(
    config: &Config,
    id: &str,
    fields: &NetworkFields,
    lists: &ListEdits,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    if fields.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(Error::usage("a network's name cannot be empty", None));
    }
    // The status as the file spells it (`--status Active` writes `active`).
    let status = status(&fields.status)?.map(|status| status.map_or("", Status::as_str).to_string());
    let date = |given: &Option<String>, what| clearable(given.as_deref(), |input| parse_date(what, input));
    let change = NetworkChange {
        id: id.trim().to_string(),
        fields: [
            ("name", &fields.name),
            ("programme", &fields.programme),
            ("type", &fields.kind),
            ("status", &status),
            ("url", &fields.url),
            ("summary", &fields.summary),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, cleared(value.as_deref())?)))
        .collect(),
        themes: ListChange {
            replace: (!fields.themes.is_empty()).then(|| entries(&fields.themes)),
            add: entries(&lists.add_themes),
            remove: entries(&lists.remove_themes),
        },
        sources: ListChange {
            replace: (!fields.sources.is_empty()).then(|| entries(&fields.sources)),
            add: entries(&lists.add_sources),
            remove: entries(&lists.remove_sources),
        },
        start: date(&fields.start, "launch date")?,
        end: date(&fields.end, "completion date")?,
    };
    apply(config, write, out, |doc| edit::edit_network(doc, &change))
}

pub fn remove(config: &Config, id: &str, yes: bool, write: &WriteArgs, out: &mut Out<'_>) -> Result<()> {
    let id = id.trim();
    if !yes && !write.dry_run && !confirm(id)? {
        // Answering no is a choice, not a failure.
        config.status().note(&format!("network `{id}` was not removed"));
        return Ok(());
    }
    apply(config, write, out, |doc| edit::remove_network(doc, id))
}

pub fn rename(config: &Config, old: &str, new: &str, write: &WriteArgs, out: &mut Out<'_>) -> Result<()> {
    let new = new_id(new)?;
    apply(config, write, out, |doc| edit::rename_network(doc, old, new))
}

/// An id given for a network to have, if it is a slug.
fn new_id(id: &str) -> Result<&str> {
    let id = id.trim();
    if rules::is_slug(id) {
        return Ok(id);
    }
    Err(Error::usage(
        format!("`{id}` is not a valid network id"),
        format!(
            "use lower-case letters, digits and hyphens, e.g. `{}`",
            rules::slugify(id)
        ),
    ))
}

/// Asks on a terminal whether to go on; anywhere else removing needs `--yes`.
fn confirm(id: &str) -> Result<bool> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::usage(
            format!("removing network `{id}` needs confirmation"),
            "add --yes to remove it without asking".to_string(),
        ));
    }
    let id = crate::text::visible(id);
    eprint!("remove network `{id}` with all its partners and milestones? [y/N] ");
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer).map_err(Error::Stdout)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}

/// A field given on the command line, unless it is blank.
fn given(field: &Option<String>) -> Option<String> {
    field
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(String::from)
}

/// Themes or sources given on the command line, trimmed, blank ones left out
/// (so `--theme ""` on `edit` removes the list).
fn entries(given: &[String]) -> Vec<String> {
    given
        .iter()
        .map(|entry| entry.trim().to_string())
        .filter(|entry| !entry.is_empty())
        .collect()
}
