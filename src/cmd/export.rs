//! `export`: the registry, or the filtered part of it, in one format.

use std::io::Write;

use super::{filter, graph, ics, milestones, networks, partners, sql};
use crate::cli::{Entity, ExportArgs, Format, Graph};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Out, Shape};
use crate::parallel;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;
use crate::registry::{places, rules, text};
use crate::store;

pub fn run(config: &Config, args: &ExportArgs, out: &mut Out<'_>) -> Result<()> {
    // A calendar is of milestones: `--kind` chooses them there too.
    if args.entity != Some(Entity::Milestones) && config.explicit_format != Some(Format::Ics) {
        super::no_kind(&args.filter, "an export of whole networks or their partners")?;
    }
    let registry = &store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    let selected = filter.networks(registry);
    let format = config.explicit_format.unwrap_or(Format::Json);
    if args.graph.is_some() && !matches!(format, Format::Graphml | Format::Gexf | Format::Dot) {
        return Err(Error::usage(
            "`--graph` is for graphml, gexf and dot",
            "add --format graphml, --format gexf or --format dot".to_string(),
        ));
    }
    let delimiter = match args.delimiter {
        None => None,
        Some(c) if format == Format::Csv && c.is_ascii() && c != '"' && c != '\n' => Some(c as u8),
        Some(c) => {
            return Err(Error::usage(
                format!("`--delimiter {}` cannot separate fields here", c.escape_default()),
                "it takes one ASCII character other than a quote or a line break, with --format csv"
                    .to_string(),
            ));
        }
    };
    if args.bom && !matches!(format, Format::Csv | Format::Tsv) {
        return Err(Error::usage(
            "`--bom` is for csv and tsv",
            "leave it out, or add --format csv or --format tsv".to_string(),
        ));
    }
    // `--output -` is stdout, as for most tools.
    let output = args.output.as_ref().filter(|path| path.as_os_str() != "-");
    let mut buffer = Vec::new();
    let (mut file, mut stdout) = (Out::new(&mut buffer), Out::new(out.raw()));
    let sink = if output.is_some() { &mut file } else { &mut stdout };
    if args.bom {
        sink.write_str(store::BOM)?;
    }
    // What was exported, for the status line.
    let mut exported = text::count(selected.len(), "network");
    match (format, args.entity) {
        (Format::Json, None) => write_json(sink, &selected)?,
        (Format::Ndjson, None) => {
            for network in &selected {
                sink.json(&NetworkDraft::from(*network))?;
                writeln!(sink)?;
            }
        }
        (Format::Toml, None) => {
            let mut document = toml_edit::DocumentMut::new();
            document.insert("format", toml_edit::value(rules::FORMAT));
            let mut list = toml_edit::ArrayOfTables::new();
            for network in &selected {
                list.push(NetworkDraft::from(*network).to_table());
            }
            if !list.is_empty() {
                document.insert("networks", toml_edit::Item::ArrayOfTables(list));
            }
            write!(sink, "{document}")?;
        }
        (Format::Geojson, None) => {
            let found = places::group(&filter.partners(registry));
            let unplaced = graph::geojson(sink, &found)?;
            exported = text::count(found.len() - unplaced, "place");
            if unplaced > 0 && !config.quiet {
                let _ = writeln!(
                    std::io::stderr(),
                    "note: {} without coordinates left off the map",
                    text::count(unplaced, "place")
                );
            }
        }
        (Format::Graphml | Format::Gexf | Format::Dot, None) => {
            let found = places::group(&filter.partners(registry));
            let graph = args.graph.unwrap_or(Graph::Cities);
            graph::write(sink, format, graph, &found, &selected)?;
            exported = text::count(found.len(), "place");
        }
        (Format::Sql, None) => {
            // The places of every partner the script holds: each network's
            // partners are all written, whatever the filter matched.
            let pairs: Vec<_> = selected
                .iter()
                .flat_map(|n| n.partners_lead_first().into_iter().map(move |p| (*n, p)))
                .collect();
            let found = places::group(&pairs);
            sql::write(sink, &selected, &found, config.today)?;
        }
        (Format::Ics, None) => {
            let events = ics::write(sink, &filter.milestones(registry), config.today)?;
            exported = text::count(events, "milestone");
        }
        (format, Some(_)) if format.export_only() => {
            return Err(Error::usage(
                format!("`--format {}` exports whole networks", format.name()),
                "leave out --entity, or choose csv, tsv, json, ndjson or markdown".to_string(),
            ));
        }
        (format, entity) => {
            let (rows, what) = match entity.unwrap_or(Entity::Networks) {
                Entity::Networks => (networks::rows(&selected, config), "network"),
                Entity::Partners => (partners::rows(&filter.partners(registry)), "partner"),
                Entity::Milestones => (milestones::rows(&filter.milestones(registry)), "milestone"),
            };
            exported = text::count(rows.rows.len(), what);
            let config = Config {
                format,
                ..config.clone()
            };
            let shape = Shape {
                raw: args.raw,
                delimiter,
                ..Shape::default()
            };
            output::print(sink, &config, rows, &shape)?;
        }
    }
    if let Some(path) = output {
        store::write_atomic(path, &[buffer])?;
        if !config.quiet {
            let _ = writeln!(std::io::stderr(), "exported {exported} to {}", path.display());
        }
    }
    Ok(())
}

/// `{"format": 1, "networks": [...]}` exactly as serde_json writes it
/// pretty. A large registry is written a batch of networks at a time, two
/// cores turning batches into JSON in turn, so it is never copied whole.
fn write_json(out: &mut Out<'_>, networks: &[&Network]) -> Result<()> {
    if networks.is_empty() {
        writeln!(out, "{{\n  \"format\": 1,\n  \"networks\": []\n}}")?;
        return Ok(());
    }
    write!(out, "{{\n  \"format\": 1,\n  \"networks\": [")?;
    let batches: Vec<&[&Network]> = networks.chunks(JSON_PART).collect();
    let mut first = true;
    parallel::in_order(
        &batches,
        |batch| json_part(batch),
        |part| {
            let part = part.map_err(|e| Error::Stdout(e.into()))?;
            // Every network follows a comma but the first.
            let bytes = match part.strip_prefix(b",") {
                Some(rest) if first => rest,
                _ => &part,
            };
            first = false;
            out.bytes(bytes)
        },
    )?;
    writeln!(out, "\n  ]\n}}")?;
    Ok(())
}

/// Networks turned into JSON at a time, by one thread.
const JSON_PART: usize = 256;

/// Each network as an element of the export's `networks` array: after a
/// comma, on a new line, indented two levels.
fn json_part(networks: &[&Network]) -> serde_json::Result<Vec<u8>> {
    use serde::Serialize as _;
    use serde_json::ser::{Formatter, PrettyFormatter};
    let mut bytes = Vec::with_capacity(networks.len() * 2048);
    for network in networks {
        bytes.extend_from_slice(b",\n    ");
        // serde_json's own pretty printer, told it is two levels deep.
        let mut formatter = PrettyFormatter::new();
        let mut sink = std::io::sink();
        formatter.begin_object(&mut sink).map_err(serde_json::Error::io)?;
        formatter.begin_array(&mut sink).map_err(serde_json::Error::io)?;
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        NetworkDraft::from(*network).serialize(&mut serializer)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::draft::RegistryDraft;

    /// `n` networks, the later ones with partners, milestones and text to escape.
    fn registry(n: usize) -> crate::registry::model::Registry {
        let mut text = String::from("format = 1\n");
        for i in 0..n {
            text.push_str(&format!(
                "[[networks]]\nid = \"n-{i}\"\nname = \"Net \\\"{i}\\\" \\u00e9\\t\"\nthemes = [\"a\", \"b\"]\n"
            ));
            for p in 0..i % 3 {
                text.push_str(&format!(
                    "[[networks.partners]]\nname = \"P{p}\"\ncountry = \"IT\"\nrole = \"{}\"\n",
                    if p == 1 { "lead" } else { "partner" }
                ));
            }
            if i % 2 == 1 {
                text.push_str(
                    "[[networks.milestones]]\ndate = \"2011-06\"\ntitle = \"Done\"\nkind = \"completion\"\n",
                );
            }
        }
        crate::registry::parse(&text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry
    }

    #[test]
    fn json_is_serde_jsons_pretty_output_at_every_size() {
        for n in [0, 1, 2, 3, JSON_PART * 2 + 7] {
            let registry = registry(n);
            let networks: Vec<&Network> = registry.networks.iter().collect();
            let mut written = Vec::new();
            write_json(&mut Out::new(&mut written), &networks).unwrap_or_else(|e| panic!("{e:?}"));
            let draft = RegistryDraft {
                format: 1,
                networks: networks.iter().map(|n| NetworkDraft::from(*n)).collect(),
            };
            let expected = serde_json::to_string_pretty(&draft).unwrap_or_else(|e| panic!("{e}")) + "\n";
            assert!(
                String::from_utf8_lossy(&written) == expected,
                "{n} networks:\n{}",
                String::from_utf8_lossy(&written)
            );
        }
    }
}
