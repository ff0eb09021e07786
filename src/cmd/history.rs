//! `history` and `undo`: the versions of the registry that writes replaced,
//! and the way back to them.

use std::io::Write;

use crate::cli::{ListArgs, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows};
use crate::registry::model::Registry;
use crate::store::{self, history::Entry};

pub const FIELDS: &[&str] = &["n", "when", "summary", "command"];

/// `history`: the writes that replaced a version, the newest first.
pub fn list(config: &Config, limit: Option<usize>, out: &mut dyn Write) -> Result<()> {
    let (_, history) = store::history_of(&config.location)?;
    let rows = history
        .entries()
        .into_iter()
        .rev()
        .map(|entry| {
            vec![
                Cell::Int(entry.n),
                Cell::text(when(&entry)),
                Cell::text(entry.summary),
                Cell::text(entry.command),
            ]
        })
        .collect();
    let rows = Rows {
        fields: FIELDS,
        table_fields: FIELDS,
        narrow_drops: &["command"],
        rows,
    };
    let list = ListArgs {
        limit,
        ..ListArgs::default()
    };
    output::print(out, config, rows, &list)
}

/// The time of a write as a person reads it: local date and time to the second.
fn when(entry: &Entry) -> String {
    chrono::DateTime::parse_from_rfc3339(&entry.when)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|_| entry.when.clone())
}

/// `history show N`: what write N changed, from the version it replaced to
/// the one the next write replaced (or the file as it is now).
pub fn show(config: &Config, n: u64, out: &mut dyn Write) -> Result<()> {
    let (path, history) = store::history_of(&config.location)?;
    let entries = history.entries();
    let Some(at) = entries.iter().position(|entry| entry.n == n) else {
        let kept = match (entries.first(), entries.last()) {
            (Some(first), Some(last)) => format!("it keeps #{} to #{}", first.n, last.n),
            _ => "it keeps none yet".to_string(),
        };
        return Err(Error::NotFound {
            message: format!("the history of `{}` has no write #{n}", path.display()),
            hint: Some(format!("{kept}; `netreg history` lists them")),
        });
    };
    let old = parse(&format!("#{n}"), &history.read(n)?)?;
    let new = match entries.get(at + 1) {
        Some(next) => parse(&format!("#{}", next.n), &history.read(next.n)?)?,
        None => parse(
            &path.display().to_string(),
            &std::fs::read(&path).map_err(|source| Error::Io {
                action: "read",
                path: path.clone(),
                source,
            })?,
        )?,
    };
    super::diff::print(config, &old, &new, out)
}

/// A kept version (or the file) as a registry, for `show`.
fn parse(name: &str, bytes: &[u8]) -> Result<Registry> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix(store::BOM).unwrap_or(&text);
    crate::registry::parse(text)
        .map(|parsed| parsed.registry)
        .map_err(|diagnostics| Error::Registry {
            file: format!("{name} (a version in the history)"),
            text: text.to_string(),
            diagnostics,
        })
}

/// `undo`: restores the version the last write replaced.
pub fn undo(config: &Config, write: &WriteArgs, out: &mut dyn Write) -> Result<()> {
    let update = store::undo(&config.location, write.dry_run, &config.command_line)?;
    super::report(config, &update, super::Said::Change, out)
}
