//! `export`: the registry, or the filtered part of it, in one format.

use super::filter;
use crate::cli::{Entity, ExportArgs, Format, Graph};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::export::{graph, ics, json, sql, toml};
use crate::output::{self, Out, Shape};
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;
use crate::registry::places;
use crate::store;
use crate::text;

pub fn run(config: &Config, args: &ExportArgs, out: &mut Out<'_>) -> Result<()> {
    // A calendar is of milestones: `--kind` chooses them there too.
    if args.entity != Some(Entity::Milestones) && config.explicit_format != Some(Format::Ics) {
        super::no_kind(&args.filter, "an export of whole networks or their partners")?;
    }
    let registry = &store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    let selected = filter.networks(registry);
    // Networks exported whole (json, ndjson, toml, sql) keep the partners the
    // filters select, as the partner rows and the graphs do.
    let trimmed: Vec<_> = selected.iter().filter_map(|n| filter.trimmed(n)).collect();
    let whole: Vec<&Network> = match trimmed.is_empty() {
        true => selected.clone(),
        false => trimmed.iter().collect(),
    };
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
        (Format::Json, None) => json::write(sink, &whole)?,
        (Format::Ndjson, None) => {
            for network in &whole {
                sink.json(&NetworkDraft::from(*network))?;
                writeln!(sink)?;
            }
        }
        (Format::Toml, None) => toml::write(sink, &whole)?,
        (Format::Geojson, None) => {
            let found = places::group(&filter.partners(registry));
            let unplaced = graph::geojson(sink, &found)?;
            exported = text::count(found.len() - unplaced, "place");
            if unplaced > 0 {
                let unplaced = text::count(unplaced, "place");
                config
                    .status()
                    .say(&format!("note: {unplaced} without coordinates left off the map"));
            }
        }
        (Format::Graphml | Format::Gexf | Format::Dot, None) => {
            let found = places::group(&filter.partners(registry));
            let graph = args.graph.unwrap_or(Graph::Cities);
            graph::write(sink, format, graph, &found, &selected)?;
            exported = text::count(found.len(), "place");
        }
        (Format::Sql, None) => {
            // The places of every partner the script holds.
            let pairs: Vec<_> = whole
                .iter()
                .flat_map(|n| n.partners_lead_first().into_iter().map(move |p| (*n, p)))
                .collect();
            let found = places::group(&pairs);
            sql::write(sink, &whole, &found, config.today)?;
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
            let entity = entity.unwrap_or(Entity::Networks);
            let rows = super::rows(entity, &filter, registry, config);
            let what = match entity {
                Entity::Networks => "network",
                Entity::Partners => "partner",
                Entity::Milestones => "milestone",
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
        config
            .status()
            .say(&format!("exported {exported} to {}", path.display()));
    }
    Ok(())
}
