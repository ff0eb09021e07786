//! `export`: the registry, or the filtered part of it, in one format.

use std::io::Write;

use super::{filter, milestones, networks, partners};
use crate::cli::{Entity, ExportArgs, Format, ListArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output;
use crate::registry::document::Document;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;
use crate::store;

pub fn run(config: &Config, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let registry = store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    let selected = filter.networks(registry);
    let format = config.explicit_format.unwrap_or(Format::Json);
    let mut buffer = Vec::new();
    let sink: &mut dyn Write = if args.output.is_some() { &mut buffer } else { out };
    match (format, args.entity) {
        (Format::Json, None) => write_json(sink, &selected)?,
        (Format::Ndjson, None) => {
            for network in &selected {
                serde_json::to_writer(&mut *sink, &NetworkDraft::from(*network))
                    .map_err(|e| Error::Stdout(e.into()))?;
                writeln!(sink)?;
            }
        }
        (Format::Toml, None) => {
            let mut document = Document::parse("format = 1\n").map_err(|e| Error::failed(e, None))?;
            for network in &selected {
                document.push_network(NetworkDraft::from(*network).to_table());
            }
            write!(sink, "{document}")?;
        }
        (Format::Toml, Some(_)) => {
            return Err(Error::usage(
                "`--format toml` exports whole networks",
                "leave out --entity, or choose csv, tsv, json, ndjson or markdown".to_string(),
            ));
        }
        (format, entity) => {
            let rows = match entity.unwrap_or(Entity::Networks) {
                Entity::Networks => networks::rows(&selected, config),
                Entity::Partners => partners::rows(&filter.partners(registry)),
                Entity::Milestones => milestones::rows(&filter.milestones(registry)),
            };
            let config = Config {
                format,
                ..config.clone()
            };
            let shape = ListArgs {
                raw: args.raw,
                ..ListArgs::default()
            };
            output::print(sink, &config, rows, &shape)?;
        }
    }
    if let Some(path) = &args.output {
        store::write_atomic(path, &[buffer])?;
        if !config.quiet {
            let _ = writeln!(
                std::io::stderr(),
                "exported {} networks to {}",
                selected.len(),
                path.display()
            );
        }
    }
    Ok(())
}

/// `{"format": 1, "networks": [...]}` as serde_json writes it pretty, each
/// network turned into its export shape as it is written, so a large
/// registry is never copied whole.
fn write_json(out: &mut dyn Write, networks: &[&Network]) -> Result<()> {
    struct Networks<'a>(&'a [&'a Network]);
    impl serde::Serialize for Networks<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter().map(|network| NetworkDraft::from(*network)))
        }
    }
    #[derive(serde::Serialize)]
    struct Export<'a> {
        format: i64,
        networks: Networks<'a>,
    }
    let export = Export {
        format: 1,
        networks: Networks(networks),
    };
    // serde_json writes a token at a time: gather them here rather than
    // through `out`'s dynamic calls.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &export).map_err(|e| Error::Stdout(e.into()))?;
    writeln!(buffered)?;
    buffered.flush()?;
    Ok(())
}
