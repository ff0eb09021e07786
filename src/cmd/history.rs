//! `history` and `undo`: the versions of the registry that writes replaced,
//! and the way back to them.

use crate::cli::{Format, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Out, Rows, Shape};
use crate::store;
use crate::store::history::Entry;

pub const FIELDS: &[&str] = &["n", "when", "summary", "command"];

/// `history`: the writes that replaced a version, the newest first.
pub fn list(config: &Config, shape: &Shape, out: &mut Out<'_>) -> Result<()> {
    let (path, history) = store::history_of(&config.location)?;
    let entries = history.entries();
    if !path.exists() {
        // What was kept is listed all the same: it is the way back.
        let Some(newest) = entries.last() else {
            return Err(history.missing(&path));
        };
        let status = config.status();
        status.note(&format!("note: registry `{}` does not exist", path.display()));
        status.note(&format!("hint: {}", history.back_to(newest, &path)));
    }
    // A person reads the local time; a program gets RFC 3339, with its offset.
    let for_people = matches!(config.format, Format::Table | Format::Markdown);
    let rows = entries
        .into_iter()
        .rev()
        .map(|entry| {
            vec![
                Cell::Int(entry.n),
                Cell::text(if for_people {
                    when(&entry)
                } else {
                    entry.when.clone()
                }),
                Cell::text(entry.summary),
                Cell::text(entry.command),
            ]
        })
        .collect();
    let rows = Rows {
        fields: FIELDS,
        plain_fields: FIELDS,
        table_fields: FIELDS,
        narrow_drops: &["command"],
        keep: &[],
        rows,
    };
    output::print(out, config, rows, shape)
}

/// The time of a write as a person reads it: local date and time to the second.
fn when(entry: &Entry) -> String {
    chrono::DateTime::parse_from_rfc3339(&entry.when)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|_| entry.when.clone())
}

/// `history show N`: what write N changed, from the version it replaced to
/// the one the next write replaced (or the file as it is now). When that is
/// not what write N left, a change made outside netreg is in it too, and a
/// note says so.
pub fn show(config: &Config, n: u64, out: &mut Out<'_>) -> Result<()> {
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
    let old = parse(&format!("version #{n} in the history"), &history.read(n)?)?;
    let (name, bytes) = match entries.get(at + 1) {
        Some(next) => (
            format!("version #{} in the history", next.n),
            history.read(next.n)?,
        ),
        None => match std::fs::read(&path) {
            Ok(bytes) => (path.display().to_string(), bytes),
            Err(_) => return Err(history.missing(&path)),
        },
    };
    if !entries[at].left(&bytes) {
        config.status().note(&format!(
            "note: `{}` changed outside netreg after write #{n}: what follows shows that change too",
            path.display()
        ));
    }
    let new = parse(&name, &bytes)?;
    super::diff::print(config, &old, &new, out)
}

/// A kept version (or the file): its text and what it reads as, for `show`.
fn parse(name: &str, bytes: &[u8]) -> Result<super::diff::Side> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix(store::BOM).unwrap_or(&text);
    let registry = store::parse_file(name, text)?.registry;
    Ok((text.to_string(), registry))
}

/// `undo`: restores the version the last write replaced.
pub fn undo(config: &Config, write: &WriteArgs, out: &mut Out<'_>) -> Result<()> {
    let update = store::undo(&config.location, write.dry_run, &config.command_line)?;
    super::report(config, &update, super::Said::Change, out)
}
