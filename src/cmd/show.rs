//! `networks show`: everything about one network, for people or programs.

use serde_json::Value;

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Out};
use crate::registry::country;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::{Network, Text};
use crate::store;
use crate::text::visible;

/// Shows each network named, in the order named: in json one object, or an
/// array of them for several; otherwise one after another, a blank line between.
pub fn run(config: &Config, ids: &[String], out: &mut Out<'_>) -> Result<()> {
    let registry = &store::load(&config.location)?;
    let networks: Vec<&Network> = ids
        .iter()
        .map(|id| crate::registry::edit::find_network(registry, id).map(|at| &registry.networks[at]))
        .collect::<Result<_>>()?;
    match config.format {
        Format::Json => {
            let value = match networks.as_slice() {
                [one] => to_json(one),
                several => Value::Array(several.iter().map(|n| to_json(n)).collect()),
            };
            out.json_pretty(&value)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for network in &networks {
                out.json(&to_json(network))?;
                writeln!(out)?;
            }
        }
        Format::Table | Format::Markdown | Format::Plain => {
            for (i, network) in networks.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                match config.format {
                    Format::Table => show_table(config, network, out)?,
                    Format::Markdown => show_markdown(config, network, out)?,
                    _ => show_plain(config, network, out)?,
                }
            }
        }
        _ => {
            return Err(Error::usage(
                format!("`networks show` does not print {}", config.format.name()),
                "use json for the whole network, table or plain to read it, markdown for a document; \
                 `netreg export --network ID --format csv --entity partners` gives rows"
                    .to_string(),
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
    let text = |value: &Option<Text>| value.as_deref().unwrap_or_default().to_string();
    let facts = [
        ("id", network.id().to_string()),
        ("name", network.name.to_string()),
        ("programme", text(&network.programme)),
        ("type", text(&network.kind)),
        (
            "status",
            network
                .status(config.today)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("span", span.trim_end().to_string()),
        ("themes", network.themes.join(", ")),
        ("url", text(&network.url)),
        ("summary", text(&network.summary).trim().to_string()),
        ("sources", network.sources.join("\n")),
    ];
    facts.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

fn show_table(config: &Config, network: &Network, out: &mut Out<'_>) -> Result<()> {
    let title = format!("{} ({})", visible(&network.name), visible(network.id()));
    writeln!(out, "{}", output::paragraph(config, &title))?;
    // Label and value; summaries wrap at words, URLs too long for the
    // terminal stand whole below the table.
    let facts = output::Grid {
        headings: vec![String::new(); 2],
        rows: facts(network, config)
            .into_iter()
            .skip(2)
            .map(|(label, value)| {
                let label = if label == "url" {
                    "URL".to_string()
                } else {
                    output::heading(label)
                };
                let lines: Vec<String> = value.lines().map(|line| visible(line).into_owned()).collect();
                vec![label, lines.join("\n")]
            })
            .collect(),
        wrap: true,
        ..output::Grid::default()
    };
    out.styled(&format!("{}\n", output::fit(config, &facts)))?;
    let partners: Vec<Vec<Cell>> = (network.partners_lead_first().into_iter())
        .map(|p| {
            vec![
                Cell::text(p.name()),
                Cell::opt(p.country(), Cell::Null),
                Cell::text(p.role.as_str()),
                Cell::opt(p.kind.as_deref(), Cell::Null),
            ]
        })
        .collect();
    let milestones: Vec<Vec<Cell>> = (network.milestones_by_date().into_iter())
        .map(|m| {
            vec![
                Cell::text(m.date().to_string()),
                Cell::text(&*m.title),
                Cell::text(m.kind.as_str()),
            ]
        })
        .collect();
    // Each under a heading that counts its rows.
    for (title, names, rows) in [
        ("Partners", &["name", "country", "role", "type"][..], partners),
        ("Milestones", &["date", "title", "kind"][..], milestones),
    ] {
        writeln!(out, "\n{title} ({})", rows.len())?;
        if !rows.is_empty() {
            out.styled(&format!("{}\n", output::table(config, names, &rows)))?;
        }
    }
    Ok(())
}

/// `field<TAB>value` lines, then one line per partner and per milestone.
fn show_plain(config: &Config, network: &Network, out: &mut Out<'_>) -> Result<()> {
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

fn show_markdown(config: &Config, network: &Network, out: &mut Out<'_>) -> Result<()> {
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
