//! `networks list` and `networks show`.

use std::io::Write;

use comfy_table::Cell as TableCell;
use serde_json::Value;

use super::{apply, filter, find_network_id, parse_write_date};
use crate::cli::{Format, ListArgs, NetworkFields, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows, visible};
use crate::registry::country;
use crate::registry::date::PartialDate;
use crate::registry::document::{self, Change, Document};
use crate::registry::draft::{MilestoneDraft, NetworkDraft};
use crate::registry::model::{Kind, Network};
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
    let loaded = store::load(&config.location)?;
    let registry = &loaded.parsed.registry;
    let filter = filter(&args.filter, registry, config)?;
    output::print(out, config, rows(&filter.networks(registry), config), args)
}

/// One row per network.
pub fn rows(networks: &[&Network], config: &Config) -> Rows {
    Rows {
        fields: FIELDS,
        table_fields: TABLE_FIELDS,
        rows: networks.iter().map(|n| row(n, config)).collect(),
    }
}

fn row(network: &Network, config: &Config) -> Vec<Cell> {
    let lead = network.lead();
    vec![
        Cell::text(network.id()),
        Cell::text(&network.name),
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

pub fn show(config: &Config, id: &str, out: &mut dyn Write) -> Result<()> {
    let loaded = store::load(&config.location)?;
    let registry = &loaded.parsed.registry;
    let network = &registry.networks[find_network_id(registry, id.trim())?];
    match config.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &to_json(network))
                .map_err(|e| Error::Stdout(e.into()))?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            serde_json::to_writer(&mut *out, &to_json(network)).map_err(|e| Error::Stdout(e.into()))?;
            writeln!(out)?;
        }
        Format::Table => show_table(config, network, out)?,
        Format::Markdown => show_markdown(config, network, out)?,
        Format::Plain | Format::Tsv | Format::Csv => show_plain(config, network, out)?,
        Format::Toml => {
            return Err(Error::usage(
                "`--format toml` is only for `export`",
                "use json for the whole network, or table or plain".to_string(),
            ));
        }
    }
    Ok(())
}

/// The network as `export --format json` writes it; absent optional fields are left out.
pub fn to_json(network: &Network) -> Value {
    serde_json::to_value(NetworkDraft::from(network)).unwrap_or(Value::Null)
}

/// The network's fields as (label, value) pairs, empty ones left out.
fn facts(network: &Network, config: &Config) -> Vec<(&'static str, String)> {
    let span = match (network.start(), network.end()) {
        (None, None) => String::new(),
        (start, end) => format!(
            "{} – {}",
            start.map_or("?".into(), |d| d.to_string()),
            end.map_or("".into(), |d| d.to_string())
        ),
    };
    let facts = [
        ("id", network.id().to_string()),
        ("name", network.name.clone()),
        ("programme", network.programme.clone().unwrap_or_default()),
        ("type", network.kind.clone().unwrap_or_default()),
        (
            "status",
            network
                .status(config.today)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("span", span.trim_end().to_string()),
        ("themes", network.themes.join(", ")),
        ("url", network.url.clone().unwrap_or_default()),
        (
            "summary",
            network.summary.clone().unwrap_or_default().trim().to_string(),
        ),
        ("sources", network.sources.join("\n")),
    ];
    facts.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

fn show_table(config: &Config, network: &Network, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{} ({})", visible(&network.name), network.id())?;
    let mut table = output::new_table(config);
    for (label, value) in facts(network, config).into_iter().skip(2) {
        let label = if label == "url" {
            "URL".to_string()
        } else {
            output::heading(label)
        };
        let lines: Vec<String> = value.lines().map(visible).collect();
        table.add_row(vec![
            output::header_cell(config, &label),
            TableCell::new(lines.join("\n")),
        ]);
    }
    writeln!(out, "{table}")?;
    let partners = network.partners_lead_first();
    writeln!(out, "\nPartners ({})", partners.len())?;
    if !partners.is_empty() {
        let mut table = output::new_table(config);
        table.set_header(["Name", "Country", "Role", "Type"].map(|h| output::header_cell(config, h)));
        for p in partners {
            table.add_row(vec![
                visible(p.name()),
                p.country().map(country::name).unwrap_or_default(),
                p.role.as_str().to_string(),
                visible(p.kind.as_deref().unwrap_or_default()),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    let milestones = network.milestones_by_date();
    writeln!(out, "\nMilestones ({})", milestones.len())?;
    if !milestones.is_empty() {
        let mut table = output::new_table(config);
        table.set_header(["Date", "Title", "Kind"].map(|h| output::header_cell(config, h)));
        for m in milestones {
            table.add_row(vec![
                m.date().to_string(),
                visible(&m.title),
                m.kind.as_str().to_string(),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

/// `field<TAB>value` lines, then one line per partner and per milestone.
fn show_plain(config: &Config, network: &Network, out: &mut dyn Write) -> Result<()> {
    for (label, value) in facts(network, config) {
        for line in value.lines() {
            writeln!(out, "{label}\t{}", visible(line))?;
        }
    }
    for p in network.partners_lead_first() {
        writeln!(
            out,
            "partner\t{}\t{}\t{}\t{}",
            visible(p.name()),
            p.country().unwrap_or_default(),
            p.role.as_str(),
            visible(p.kind.as_deref().unwrap_or_default())
        )?;
    }
    for m in network.milestones_by_date() {
        writeln!(
            out,
            "milestone\t{}\t{}\t{}",
            m.date(),
            visible(&m.title),
            m.kind.as_str()
        )?;
    }
    Ok(())
}

fn show_markdown(config: &Config, network: &Network, out: &mut dyn Write) -> Result<()> {
    let cell = |text: &str| visible(text).replace('|', "\\|");
    writeln!(out, "## {} (`{}`)\n", cell(&network.name), network.id())?;
    for (label, value) in facts(network, config).into_iter().skip(2) {
        writeln!(out, "- **{label}**: {}", cell(&value.replace('\n', " ")))?;
    }
    writeln!(
        out,
        "\n### Partners\n\n| Name | Country | Role | Type |\n|---|---|---|---|"
    )?;
    for p in network.partners_lead_first() {
        let country = p.country().map(country::name).unwrap_or_default();
        let kind = p.kind.as_deref().unwrap_or_default();
        writeln!(
            out,
            "| {} | {country} | {} | {} |",
            cell(p.name()),
            p.role.as_str(),
            cell(kind)
        )?;
    }
    writeln!(out, "\n### Milestones\n\n| Date | Title | Kind |\n|---|---|---|")?;
    for m in network.milestones_by_date() {
        writeln!(out, "| {} | {} | {} |", m.date(), cell(&m.title), m.kind.as_str())?;
    }
    Ok(())
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
        id: id.to_string(),
        name: name.to_string(),
        programme: fields.programme.clone().filter(|s| !s.trim().is_empty()),
        kind: fields.kind.clone().filter(|s| !s.trim().is_empty()),
        status: fields.status.clone().filter(|s| !s.trim().is_empty()),
        themes: fields
            .themes
            .iter()
            .filter(|t| !t.trim().is_empty())
            .cloned()
            .collect(),
        url: fields.url.clone().filter(|s| !s.trim().is_empty()),
        summary: fields.summary.clone().filter(|s| !s.trim().is_empty()),
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
                title: title.to_string(),
                kind: kind.as_str().to_string(),
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
