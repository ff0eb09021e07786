//! `networks list`, `add`, `edit` and `remove`.

use std::io::Write;

use super::{apply, filter, find_network_id, parse_write_date};
use crate::cli::{ListArgs, NetworkFields, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows};
use crate::registry::date::PartialDate;
use crate::registry::document::{self, Change, Document};
use crate::registry::draft::{MilestoneDraft, NetworkDraft};
use crate::registry::model::{Kind, Network, Text};
use crate::registry::rules;
use crate::store;

const FIELDS: &[&str] = &[
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
];
const TABLE_FIELDS: &[&str] = &["id", "name", "lead", "partners", "start", "end"];

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let registry = store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    output::print(out, config, rows(&filter.networks(registry), config), args)
}

/// One row per network.
pub fn rows(networks: &[&'static Network], config: &Config) -> Rows {
    Rows {
        fields: FIELDS,
        table_fields: TABLE_FIELDS,
        rows: networks.iter().map(|n| row(n, config)).collect(),
    }
}

fn row(network: &'static Network, config: &Config) -> Vec<Cell> {
    let lead = network.lead();
    vec![
        Cell::text(network.id()),
        Cell::text(&*network.name),
        Cell::opt(network.programme.as_deref(), Cell::Null),
        Cell::opt(network.kind.as_deref(), Cell::Null),
        Cell::opt(network.status(config.today).map(|s| s.as_str()), Cell::Null),
        Cell::opt(lead.map(|p| p.name()), Cell::Null),
        Cell::opt(lead.and_then(|p| p.country()), Cell::Null),
        Cell::Int(network.partners.len() as u64),
        Cell::opt(network.start().map(|d| d.to_string()), Cell::Null),
        Cell::opt(network.end().map(|d| d.to_string()), Cell::Null),
    ]
}

/// A field given as `--flag ""` is removed; an absent flag leaves it alone.
fn change(value: &Option<String>) -> Option<Change> {
    value
        .as_ref()
        .map(|v| (!v.trim().is_empty()).then(|| document::string(v.trim())))
}

fn check_status(status: &Option<String>) -> Result<()> {
    match status.as_deref().map(str::trim) {
        None | Some("" | "planned" | "active" | "closed") => Ok(()),
        Some(other) => Err(Error::failed(
            format!("unknown status `{other}`"),
            "use planned, active or closed".to_string(),
        )),
    }
}

pub fn add(
    config: &Config,
    id: &str,
    fields: &NetworkFields,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let id = id.trim();
    if !rules::is_slug(id) {
        return Err(Error::failed(
            format!("`{id}` is not a valid network id"),
            format!(
                "use lower-case letters, digits and hyphens, e.g. `{}`",
                rules::slugify(id)
            ),
        ));
    }
    let name = fields.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let name =
        name.ok_or_else(|| Error::usage("a new network needs a name", "add --name \"...\"".to_string()))?;
    check_status(&fields.status)?;
    let mut draft = NetworkDraft {
        id: Text::from(id),
        name: Text::from(name),
        programme: given(&fields.programme),
        kind: given(&fields.kind),
        status: given(&fields.status),
        themes: fields
            .themes
            .iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| Text::from(t.as_str()))
            .collect(),
        url: given(&fields.url),
        summary: given(&fields.summary),
        sources: Vec::new(),
        partners: Vec::new(),
        milestones: Vec::new(),
    };
    for (flag, kind, title) in [
        (&fields.start, Kind::Launch, "Network launched"),
        (&fields.end, Kind::Completion, "Network completed"),
    ] {
        if let Some(date) = flag {
            draft.milestones.push(MilestoneDraft {
                date: parse_write_date(&format!("{} date", kind.as_str()), date)?,
                title: Text::from_static(title),
                kind: Text::from_static(kind.as_str()),
            });
        }
    }
    apply(config, write, out, |registry, document| {
        if registry.networks.iter().any(|n| n.id() == id) {
            return Err(Error::failed(
                format!("network `{id}` already exists"),
                format!("change it with `netreg networks edit {id}`"),
            ));
        }
        document.push_network(draft.to_table());
        Ok(format!("added network `{id}`"))
    })
}

pub fn edit(
    config: &Config,
    id: &str,
    fields: &NetworkFields,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    if fields.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(Error::failed("a network's name cannot be empty", None));
    }
    check_status(&fields.status)?;
    let start = fields.start.as_deref().filter(|d| !d.trim().is_empty());
    let start = start.map(|d| parse_write_date("launch date", d)).transpose()?;
    let end = fields.end.as_deref().filter(|d| !d.trim().is_empty());
    let end = end.map(|d| parse_write_date("completion date", d)).transpose()?;
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, id.trim())?;
        let network = &registry.networks[index];
        let table = document.network(index);
        let simple = [
            ("name", &fields.name),
            ("programme", &fields.programme),
            ("type", &fields.kind),
            ("status", &fields.status),
            ("url", &fields.url),
            ("summary", &fields.summary),
        ];
        let mut changed = Vec::new();
        for (key, value) in simple {
            if let Some(change) = change(value) {
                document::set(table, key, change);
                changed.push(key);
            }
        }
        if !fields.themes.is_empty() {
            let themes: Vec<&str> = fields
                .themes
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            document::set(
                table,
                "themes",
                (!themes.is_empty()).then(|| document::strings(themes)),
            );
            changed.push("themes");
        }
        for (given, date, kind) in [
            (&fields.start, start, Kind::Launch),
            (&fields.end, end, Kind::Completion),
        ] {
            if given.is_some() {
                set_span_end(document, index, network, kind, date);
                changed.push(if kind == Kind::Launch { "start" } else { "end" });
            }
        }
        if changed.is_empty() {
            return Err(Error::usage(
                "nothing to change",
                "give a field to change, e.g. --name, --programme or --end".to_string(),
            ));
        }
        Ok(format!(
            "changed {} of network `{}`",
            changed.join(", "),
            network.id()
        ))
    })
}

/// Moves, adds or (with no date) removes the launch or completion milestone.
fn set_span_end(
    document: &mut Document,
    index: usize,
    network: &Network,
    kind: Kind,
    date: Option<PartialDate>,
) {
    let existing = network.milestones.iter().position(|m| m.kind == kind);
    match (existing, date) {
        (Some(at), Some(date)) => {
            document::set(document.milestone(index, at), "date", Some(document::date(date)))
        }
        (Some(at), None) => document.remove_milestone(index, at),
        (None, Some(date)) => {
            let title = if kind == Kind::Launch {
                "Network launched"
            } else {
                "Network completed"
            };
            let draft = MilestoneDraft {
                date,
                title: title.into(),
                kind: kind.as_str().into(),
            };
            let at = super::milestones::insertion_point(network, date);
            document.insert_milestone(index, at, draft.to_table());
        }
        (None, None) => {}
    }
}

pub fn remove(config: &Config, id: &str, yes: bool, write: &WriteArgs, out: &mut dyn Write) -> Result<()> {
    let id = id.trim();
    if !yes && !write.dry_run {
        confirm(id)?;
    }
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, id)?;
        let network = &registry.networks[index];
        document.remove_network(index);
        Ok(format!(
            "removed network `{id}` with {} partners and {} milestones",
            network.partners.len(),
            network.milestones.len()
        ))
    })
}

/// Asks on a terminal; anywhere else removing needs `--yes`.
fn confirm(id: &str) -> Result<()> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::usage(
            format!("removing network `{id}` needs confirmation"),
            "add --yes to remove it without asking".to_string(),
        ));
    }
    eprint!("remove network `{id}` with all its partners and milestones? [y/N] ");
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer).map_err(Error::Stdout)?;
    if matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
        Ok(())
    } else {
        Err(Error::failed(format!("network `{id}` was not removed"), None))
    }
}

/// A field given on the command line, unless it is blank.
fn given(field: &Option<String>) -> Option<Text> {
    field.as_deref().filter(|s| !s.trim().is_empty()).map(Text::from)
}
