//! `check`: every error and warning of the registry, with its place, and
//! how many of each; as data with `--format json`.

use std::io::{BufWriter, Write};

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::Out;
use crate::registry::Warnings;
use crate::registry::diagnostic::{Diagnostic, Severity, Source};
use crate::store;
use crate::text::count;

/// Problems on stderr (for people) or as a json array on stdout (for
/// programs); exit 1 when there are errors.
pub fn run(config: &Config, out: &mut Out<'_>) -> Result<()> {
    if config.format.export_only() || matches!(config.format, Format::Csv | Format::Tsv | Format::Markdown) {
        return Err(Error::usage(
            format!("`check` does not print {}", config.format.name()),
            "use plain or table to read the problems, json for programs".to_string(),
        ));
    }
    let json = matches!(config.format, Format::Json | Format::Ndjson);
    let warnings = if config.quiet && !json {
        Warnings::Skip
    } else {
        Warnings::List
    };
    let loaded = match store::load_checked(&config.location, warnings) {
        Ok(loaded) => loaded,
        // Every problem, errors and warnings, shown where all errors are.
        Err(Error::Registry {
            file,
            text,
            diagnostics,
        }) if json => {
            write_json(out, &file, &Source::new(&text), &diagnostics)?;
            return Err(Error::Reported);
        }
        Err(other) => return Err(other),
    };
    let warnings = &loaded.parsed.warnings;
    // The text's line index is only needed to place a problem.
    let source = if warnings.is_empty() {
        Source::new("")
    } else {
        Source::new(&loaded.text)
    };
    if json {
        return write_json(out, &loaded.file, &source, warnings);
    }
    if config.quiet {
        return Ok(());
    }
    // Buffered: a registry with many warnings takes a few writes, not two per warning.
    let mut stderr = BufWriter::new(std::io::stderr().lock());
    for warning in warnings {
        let _ = writeln!(
            stderr,
            "{}\n",
            warning.render(&loaded.file, &source, config.stderr_color)
        );
    }
    let registry = &loaded.parsed.registry;
    let partners: usize = registry.networks.iter().map(|n| n.partners.len()).sum();
    let _ = writeln!(
        stderr,
        "{}: {}, {}, no errors, {}",
        crate::text::visible(&loaded.file),
        count(registry.networks.len(), "network"),
        count(partners, "partner"),
        count(warnings.len(), "warning"),
    );
    let _ = stderr.flush();
    Ok(())
}

fn write_json(out: &mut Out<'_>, file: &str, source: &Source, problems: &[Diagnostic]) -> Result<()> {
    let rows: Vec<serde_json::Value> = problems.iter().map(|p| as_json(file, source, p)).collect();
    out.json_pretty(&rows)?;
    writeln!(out)
}

/// A problem as `check --format json` gives it.
fn as_json(file: &str, source: &Source, problem: &Diagnostic) -> serde_json::Value {
    let place = problem.span.as_ref().map(|span| source.position(span.start));
    serde_json::json!({
        "file": file,
        "line": place.map(|p| p.0),
        "column": place.map(|p| p.1),
        "severity": match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "code": problem.code,
        "message": problem.message,
        "hint": problem.hint,
    })
}
