//! `networks list` and `networks show`.

use std::io::Write;

use comfy_table::Cell as TableCell;
use serde_json::{Map, Value, json};

use super::{filter, find_network_id};
use crate::cli::{Format, ListArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows, visible};
use crate::registry::country;
use crate::registry::model::Network;
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

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = store::load(&config.location)?;
    let registry = &loaded.parsed.registry;
    let filter = filter(&args.filter, registry, config)?;
    let rows = filter
        .networks(registry)
        .into_iter()
        .map(|n| row(n, config))
        .collect();
    let rows = Rows {
        fields: FIELDS,
        table_fields: TABLE_FIELDS,
        rows,
    };
    output::print(out, config, rows, args)
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
    let mut object = Map::new();
    object.insert("id".into(), json!(network.id()));
    object.insert("name".into(), json!(network.name));
    let optional = [
        ("programme", network.programme.as_deref()),
        ("type", network.kind.as_deref()),
        ("status", network.status.map(|s| s.as_str())),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            object.insert(key.into(), json!(value));
        }
    }
    if !network.themes.is_empty() {
        object.insert("themes".into(), json!(network.themes));
    }
    for (key, value) in [("url", &network.url), ("summary", &network.summary)] {
        if let Some(value) = value {
            object.insert(key.into(), json!(value));
        }
    }
    if !network.sources.is_empty() {
        object.insert("sources".into(), json!(network.sources));
    }
    let partners: Vec<Value> = network
        .partners_lead_first()
        .into_iter()
        .map(|p| {
            let mut partner = Map::new();
            partner.insert("name".into(), json!(p.name()));
            if let Some(code) = p.country() {
                partner.insert("country".into(), json!(code));
            }
            partner.insert("role".into(), json!(p.role.as_str()));
            if let Some(kind) = &p.kind {
                partner.insert("type".into(), json!(kind));
            }
            Value::Object(partner)
        })
        .collect();
    object.insert("partners".into(), Value::Array(partners));
    let milestones: Vec<Value> = network
        .milestones_by_date()
        .into_iter()
        .map(|m| json!({"date": m.date().to_string(), "title": m.title, "kind": m.kind.as_str()}))
        .collect();
    object.insert("milestones".into(), Value::Array(milestones));
    Value::Object(object)
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
        table.add_row(vec![
            output::header_cell(config, &output::heading(label)),
            TableCell::new(visible(&value)),
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
