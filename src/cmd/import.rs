//! `import`: networks from json or toml, partner rows from csv, merged into
//! the registry in one write.

use std::path::Path;

use serde::Deserialize;

use super::{Said, apply_with};
use crate::cli::{Format, ImportArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::Out;
use crate::registry::Words;
use crate::registry::diagnostic::Diagnostic;
use crate::registry::draft::{NetworkDraft, PartnerDraft, RegistryDraft};
use crate::registry::edit::{self, Summary, Tally, Verb};
use crate::registry::model::{self, Role};
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
    #[serde(default, rename = "country_name")]
    _country_name: Option<String>,
    #[serde(default, rename = "place_id")]
    _place_id: Option<String>,
}

pub fn run(config: &Config, args: &ImportArgs, out: &mut Out<'_>) -> Result<()> {
    let (text, file) = if args.file.as_os_str() == "-" {
        (store::read_stdin()?, "<stdin>".to_string())
    } else {
        (store::read(&args.file)?, args.file.display().to_string())
    };
    let format = input_format(config.explicit_format, &args.file, &text)?;
    let policy = args.on_conflict;
    let partner_rows = match format {
        Format::Csv => Some(read_csv(&file, &text)?),
        Format::Json => read_partner_rows(&file, &text)?,
        _ => None,
    };
    if let Some(rows) = partner_rows {
        return apply_with(config, &args.write, out, Said::Tally, |doc| {
            report(&file, "partners", edit::import_partners(doc, &rows, policy)?)
        });
    }
    let mut networks = match format {
        Format::Json => read_json(&file, &text)?,
        Format::Ndjson => read_ndjson(&file, &text)?,
        _ => read_toml(&file, &text)?,
    };
    for network in &mut networks {
        for partner in &mut network.partners {
            partner
                .normalize_country(&network.id)
                .map_err(|message| Error::failed(format!("{file}: {message}"), None))?;
        }
    }
    // A file that gives one id twice is the file's mistake, said of it.
    let mut ids = std::collections::HashMap::new();
    for (at, network) in networks.iter().enumerate() {
        if let Some(first) = ids.insert(network.id.trim(), at) {
            return Err(Error::failed(
                format!(
                    "{file}: network id `{}` is given twice (networks {} and {})",
                    network.id.trim(),
                    first + 1,
                    at + 1
                ),
                "give each network its own id".to_string(),
            ));
        }
    }
    apply_with(config, &args.write, out, Said::Tally, |doc| {
        report(&file, "networks", edit::import_networks(doc, &networks, policy)?)
    })
}

/// `--format`, or else what the text is (a file's extension can be wrong:
/// `export > out.json` of a TOML export), or else the file's extension.
fn input_format(explicit: Option<Format>, path: &Path, text: &str) -> Result<Format> {
    let by_extension = || match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("json") => Some(Format::Json),
        Some("ndjson" | "jsonl") => Some(Format::Ndjson),
        Some("toml") => Some(Format::Toml),
        Some("csv" | "tsv" | "txt") => Some(Format::Csv),
        _ => None,
    };
    let by_content = || {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        let first_line = start.lines().next().unwrap_or_default().trim();
        let after_bracket = start[1.min(start.len())..].trim_start();
        if start.starts_with("[[") || start.starts_with('#') {
            Some(Format::Toml)
        } else if start.starts_with('[') {
            // `[{...}]` or `[]` is JSON; `[networks]`, a table header, TOML.
            Some(if after_bracket.starts_with(['{', ']', '"']) {
                Format::Json
            } else {
                Format::Toml
            })
        } else if start.starts_with('{') {
            // One object a line, as `export --format ndjson` writes, or one document.
            let objects = start.lines().filter(|line| !line.trim().is_empty()).count();
            let one_line = serde_json::from_str::<serde_json::Value>(first_line).is_ok();
            Some(if one_line && objects > 1 {
                Format::Ndjson
            } else {
                Format::Json
            })
        } else if first_line.split_once('=').is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        }) {
            Some(Format::Toml)
        } else if first_line.contains(',') {
            Some(Format::Csv)
        } else {
            None
        }
    };
    let hint = "add --format json, ndjson, toml or csv".to_string();
    match explicit.or_else(by_content).or_else(by_extension) {
        Some(format @ (Format::Json | Format::Ndjson | Format::Toml | Format::Csv)) => Ok(format),
        Some(_) => Err(Error::usage("import reads json, ndjson, toml or csv", hint)),
        None => Err(Error::usage(
            format!("cannot tell the format of `{}`", path.display()),
            hint,
        )),
    }
}

/// One network a line, as `export --format ndjson` writes them.
fn read_ndjson(file: &str, text: &str) -> Result<Vec<NetworkDraft>> {
    let mut networks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            let network = serde_json::from_str(line).map_err(|e| {
                located_error(
                    Words::Json,
                    file,
                    text,
                    offset + e.column().saturating_sub(1),
                    e.to_string(),
                )
            })?;
            networks.push(network);
        }
        offset += line.len();
    }
    Ok(networks)
}

/// What `partners list --format json` prints (an array of partner rows),
/// if that is what the json holds.
fn read_partner_rows(file: &str, text: &str) -> Result<Option<Vec<(String, PartnerDraft)>>> {
    /// A row as `partners list --format json` prints it: a misspelt key is
    /// refused at its line, as in a registry.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Row {
        network: String,
        name: String,
        #[serde(default)]
        country: Option<String>,
        #[serde(default, rename = "country_name")]
        _country_name: Option<String>,
        #[serde(default)]
        role: Role,
        #[serde(default, rename = "type")]
        kind: Option<String>,
        #[serde(default, rename = "place_id")]
        _place_id: Option<String>,
        #[serde(default)]
        geonames: Option<i64>,
        #[serde(default)]
        coordinates: Option<model::Coordinates>,
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        // read_json reports the mistake with its place.
        Err(_) => return Ok(None),
    };
    let rows = value.as_array().is_some_and(|rows| {
        rows.first()
            .and_then(serde_json::Value::as_object)
            .is_some_and(|row| row.contains_key("network") && !row.contains_key("id"))
    });
    if !rows {
        return Ok(None);
    }
    let rows: Vec<Row> = serde_json::from_str(text).map_err(json_error(file, text))?;
    let mut partners = Vec::with_capacity(rows.len());
    for row in rows {
        let mut partner = PartnerDraft {
            name: row.name,
            country: row.country,
            role: row.role,
            kind: row.kind,
            geonames: row.geonames,
            coordinates: row.coordinates.map(|c| c.0),
        };
        partner
            .normalize_country(&row.network)
            .map_err(|message| Error::failed(format!("{file}: {message}"), None))?;
        partners.push((row.network, partner));
    }
    Ok(Some(partners))
}

/// The export shape `{"format": 1, "networks": [...]}`, a bare list of
/// networks, or one network (what `networks show --format json` prints).
fn read_json(file: &str, text: &str) -> Result<Vec<NetworkDraft>> {
    let located = json_error(file, text);
    // Parse once for the exact place of a mistake, then for the shape.
    let value: serde_json::Value = serde_json::from_str(text).map_err(located)?;
    if value.is_array() {
        serde_json::from_str(text).map_err(located)
    } else if value.get("id").is_some() {
        // One network, as `networks show ID --format json` prints it.
        serde_json::from_str(text)
            .map(|network| vec![network])
            .map_err(located)
    } else {
        let registry: RegistryDraft = serde_json::from_str(text).map_err(located)?;
        check_format(file, registry.format).map(|()| registry.networks)
    }
}

fn read_toml(file: &str, text: &str) -> Result<Vec<NetworkDraft>> {
    let registry: RegistryDraft = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        located_error(Words::Toml, file, text, offset, e.message().trim().to_string())
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

/// The columns a partner row may have: those `partners list` writes, of
/// which `country_name` and `place_id` are read and left, as the code and
/// the name say the same.
const CSV_COLUMNS: &[&str] = super::partners::FIELDS;

/// The field separator a spreadsheet used: the one of `,`, `;` and tab its
/// header line has most of.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

fn read_csv(file: &str, text: &str) -> Result<Vec<(String, PartnerDraft)>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let format_error = |line: u64, message: String| {
        Error::failed(
            format!("{file}:{line}: {message}"),
            "rows are network,name,country,role[,type] under a header line".to_string(),
        )
    };
    // Headers in any case and order; a missing or unknown one is refused.
    let headers: csv::StringRecord = reader
        .headers()
        .map_err(|e| format_error(1, e.to_string()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase())
        .collect();
    let missing: Vec<&str> = ["network", "name"]
        .into_iter()
        .filter(|column| !headers.iter().any(|h| h == *column))
        .collect();
    let unknown: Vec<&str> = headers.iter().filter(|h| !CSV_COLUMNS.contains(h)).collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let mut problems = Vec::new();
        if !missing.is_empty() {
            problems.push(format!("no {} column", missing.join(" or ")));
        }
        if !unknown.is_empty() {
            problems.push(format!("unknown column {}", unknown.join(", ")));
        }
        return Err(Error::failed(
            format!("{file}:1: {}", problems.join("; ")),
            format!(
                "the columns are {} (network and name required)",
                CSV_COLUMNS.join(", ")
            ),
        ));
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The line a record starts on, counted from its byte in the text as it
    // goes (csv's own count is one short in a CRLF file, as Excel saves).
    let mut counted = (0, 1);
    let mut line_at = |position: Option<&csv::Position>| {
        // csv may place a record at the line ends before it (a CRLF's `\n`,
        // blank lines): it starts at its first other byte.
        let from = position.map_or(0, |p| p.byte() as usize).min(text.len());
        let blank = text.as_bytes()[from..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let byte = (from + blank).max(counted.0);
        counted.1 += memchr::memchr_iter(b'\n', &text.as_bytes()[counted.0..byte]).count() as u64;
        counted.0 = byte;
        counted.1
    };
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| format_error(line_at(e.position()), e.to_string()))?;
        if !more {
            break;
        }
        let line = line_at(record.position());
        // What netreg's own export guarded against spreadsheets comes back as it was.
        let record: csv::StringRecord = record.iter().map(unguard).collect();
        let row: CsvRow = record
            .deserialize(Some(&headers))
            .map_err(|e| format_error(line, e.to_string()))?;
        let role = match row.role.as_deref().filter(|r| !r.is_empty()) {
            None => Role::Partner,
            Some(word) => model::word(word).ok_or_else(|| {
                Error::failed(
                    format!("{file}:{line}: unknown role `{word}`"),
                    "use lead, partner or observer".to_string(),
                )
            })?,
        };
        let mut partner = PartnerDraft {
            name: row.name,
            country: row.country.filter(|c| !c.is_empty()),
            role,
            kind: row.kind.filter(|k| !k.is_empty()),
            geonames: None,
            coordinates: None,
        };
        partner
            .normalize_country(&row.network)
            .map_err(|message| Error::failed(format!("{file}:{line}: {message}"), None))?;
        rows.push((row.network, partner));
    }
    Ok(rows)
}

/// A field without the `'` that `export` puts before one a spreadsheet
/// would run as a formula.
fn unguard(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}

/// The status line, or the conflicts that stop the import.
fn report(file: &str, what: &str, tally: Tally) -> Result<Summary> {
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
    Ok(Summary::new(
        Verb::Import,
        format!(
            "{what} from {file}: {} added, {} skipped, {} replaced, {} unchanged",
            tally.added, tally.skipped, tally.replaced, tally.unchanged
        ),
    ))
}

/// A mistake serde_json found in `text`, at its place.
fn json_error<'a>(file: &'a str, text: &'a str) -> impl Fn(serde_json::Error) -> Error + Copy + 'a {
    move |e| {
        let offset = offset_of(text, e.line(), e.column());
        located_error(Words::Json, file, text, offset, e.to_string())
    }
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

/// A mistake in an import file at `offset`: an unknown key or value, a
/// missing key, a wrong type or date in the words `check` uses for the
/// registry's own (with their "did you mean"), anything else as serde says it.
fn located_error(words: Words, file: &str, text: &str, offset: usize, message: String) -> Error {
    let message = message.split(" at line ").next().unwrap_or(&message).to_string();
    let span = Some(offset..offset + 1);
    let explained = crate::registry::explain_in(words, &message, span.clone());
    let diagnostic = match explained.code {
        "invalid-toml" => Diagnostic::error("invalid-input", span, message)
            .hint("fix the file, or export a fresh one with `netreg export`"),
        _ => explained,
    };
    Error::Registry {
        file: file.to_string(),
        text: text.to_string(),
        diagnostics: vec![diagnostic],
    }
}
