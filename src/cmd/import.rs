//! `import`: networks from json or toml, partner rows from csv, merged into
//! the registry in one write.

use std::io::Write;
use std::path::Path;

use serde::Deserialize;

use super::apply;
use crate::cli::{Format, ImportArgs, OnConflict};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::registry::diagnostic::Diagnostic;
use crate::registry::draft::{NetworkDraft, PartnerDraft, RegistryDraft};
use crate::registry::edit::{self, Tally};
use crate::registry::rules;
use crate::store;

/// A partner row of a CSV import.
#[derive(Debug, Deserialize)]
struct CsvRow {
    network: String,
    name: String,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

pub fn run(config: &Config, args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    let format = input_format(config.explicit_format, &args.file)?;
    let text = store::read(&args.file)?;
    let file = args.file.display().to_string();
    let policy = match args.on_conflict {
        OnConflict::Fail => edit::OnConflict::Fail,
        OnConflict::Skip => edit::OnConflict::Skip,
        OnConflict::Replace => edit::OnConflict::Replace,
    };
    match format {
        Format::Csv => {
            let rows = read_csv(&file, &text)?;
            apply(config, &args.write, out, |doc| {
                report(&file, "partners", edit::import_partners(doc, &rows, policy)?)
            })
        }
        _ => {
            let mut networks = if format == Format::Json {
                read_json(&file, &text)?
            } else {
                read_toml(&file, &text)?
            };
            for network in &mut networks {
                network
                    .normalize_countries()
                    .map_err(|message| Error::failed(format!("{file}: {message}"), None))?;
            }
            apply(config, &args.write, out, |doc| {
                report(&file, "networks", edit::import_networks(doc, &networks, policy)?)
            })
        }
    }
}

/// `--format`, or else the file's extension.
fn input_format(explicit: Option<Format>, path: &Path) -> Result<Format> {
    let by_extension = || match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("json") => Some(Format::Json),
        Some("toml") => Some(Format::Toml),
        Some("csv") => Some(Format::Csv),
        _ => None,
    };
    match explicit.or_else(by_extension) {
        Some(format @ (Format::Json | Format::Toml | Format::Csv)) => Ok(format),
        Some(_) => Err(Error::usage(
            "import reads json, toml or csv",
            "use --format json, --format toml or --format csv".to_string(),
        )),
        None => Err(Error::usage(
            format!("cannot tell the format of `{}`", path.display()),
            "add --format json, --format toml or --format csv".to_string(),
        )),
    }
}

/// The export shape `{"format": 1, "networks": [...]}`, or a bare list of networks.
fn read_json(file: &str, text: &str) -> Result<Vec<NetworkDraft>> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Shape {
        Registry(RegistryDraft),
        List(Vec<NetworkDraft>),
    }
    let located = |e: serde_json::Error| {
        let offset = offset_of(text, e.line(), e.column());
        located_error(file, text, offset, e.to_string())
    };
    // Parse once for the exact place of a mistake, then for the shape.
    let value: serde_json::Value = serde_json::from_str(text).map_err(located)?;
    let shape = if value.is_array() {
        serde_json::from_str::<Vec<NetworkDraft>>(text).map(Shape::List)
    } else {
        serde_json::from_str::<RegistryDraft>(text).map(Shape::Registry)
    };
    match shape.map_err(located)? {
        Shape::Registry(registry) => check_format(file, registry.format).map(|()| registry.networks),
        Shape::List(networks) => Ok(networks),
    }
}

fn read_toml(file: &str, text: &str) -> Result<Vec<NetworkDraft>> {
    let registry: RegistryDraft = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        located_error(file, text, offset, e.message().trim().to_string())
    })?;
    check_format(file, registry.format)?;
    Ok(registry.networks)
}

fn check_format(file: &str, format: i64) -> Result<()> {
    if format == rules::FORMAT {
        Ok(())
    } else {
        Err(Error::failed(
            format!("`{file}` is a registry in format {format}"),
            "this netreg reads format 1".to_string(),
        ))
    }
}

fn read_csv(file: &str, text: &str) -> Result<Vec<(String, PartnerDraft)>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let format_error = |line: u64, message: String| {
        Error::failed(
            format!("{file}:{line}: {message}"),
            "rows are network,name,country,role[,type] under a header line".to_string(),
        )
    };
    let headers = reader
        .headers()
        .map_err(|e| format_error(1, e.to_string()))?
        .clone();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format_error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        let row: CsvRow = record
            .deserialize(Some(&headers))
            .map_err(|e| format_error(line, e.to_string()))?;
        let role = row
            .role
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| "partner".into());
        if !matches!(role.as_str(), "lead" | "partner" | "observer") {
            return Err(Error::failed(
                format!("{file}:{line}: unknown role `{role}`"),
                "use lead, partner or observer".to_string(),
            ));
        }
        let mut partner = PartnerDraft {
            name: row.name,
            country: row.country.filter(|c| !c.is_empty()),
            role,
            kind: row.kind.filter(|k| !k.is_empty()),
        };
        partner
            .normalize_country(&row.network)
            .map_err(|message| Error::failed(format!("{file}:{line}: {message}"), None))?;
        rows.push((row.network, partner));
    }
    Ok(rows)
}

/// The status line, or the conflicts that stop the import.
fn report(file: &str, what: &str, tally: Tally) -> Result<String> {
    if !tally.conflicts.is_empty() {
        return Err(Error::failed(
            format!(
                "{} of the {what} in `{file}` already in the registry: {}",
                tally.conflicts.len(),
                tally.conflicts.join(", ")
            ),
            "nothing was imported; --on-conflict skip keeps yours, --on-conflict replace takes the file's"
                .to_string(),
        ));
    }
    Ok(format!(
        "imported {what} from {file}: {} added, {} skipped, {} replaced",
        tally.added, tally.skipped, tally.replaced
    ))
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

fn located_error(file: &str, text: &str, offset: usize, message: String) -> Error {
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    Error::Registry {
        file: file.to_string(),
        text: text.to_string(),
        diagnostics: vec![
            Diagnostic::error(Some(offset..offset + 1), message)
                .hint("fix the file, or export a fresh one with `netreg export`"),
        ],
    }
}
