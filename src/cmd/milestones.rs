//! `milestones add`, `edit` and `remove`, and the rows a list of milestones prints.

use super::{apply, parse_date};
use crate::cli::WriteArgs;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{Cell, Out, Rows};
use crate::registry::draft::MilestoneDraft;
use crate::registry::edit;
use crate::registry::model::{Kind, Milestone, Network};

/// Typed last: the date's first and last days and its precision, as the
/// SQL export gives them.
pub const FIELDS: &[&str] = &[
    "network",
    "date",
    "title",
    "kind",
    "first_day",
    "last_day",
    "date_precision",
];
/// A plain row's columns: the untyped ones.
const PLAIN_FIELDS: &[&str] = FIELDS.split_at(4).0;

/// One row per (network, milestone).
pub fn rows<'r>(milestones: &[(&'r Network, &'r Milestone)]) -> Rows<'r> {
    Rows {
        fields: FIELDS,
        plain_fields: PLAIN_FIELDS,
        table_fields: PLAIN_FIELDS,
        narrow_drops: &["kind"],
        keep: &[],
        rows: milestones.iter().copied().map(row).collect(),
    }
}

fn row<'r>((network, milestone): (&'r Network, &'r Milestone)) -> Vec<Cell<'r>> {
    let date = milestone.date();
    vec![
        Cell::text(network.id()),
        Cell::text(date.to_string()),
        Cell::text(&*milestone.title),
        Cell::text(milestone.kind.as_str()),
        Cell::Day(date.first_day()),
        Cell::Day(date.last_day()),
        Cell::text(date.precision()),
    ]
}

pub fn add(
    config: &Config,
    network: &str,
    date: &str,
    title: &str,
    kind: Kind,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::usage("a milestone needs a title", None));
    }
    let milestone = MilestoneDraft {
        date: parse_date("milestone date", date)?,
        title: title.to_string(),
        kind,
    };
    apply(config, write, out, |doc| {
        edit::add_milestone(doc, network, &milestone)
    })
}

/// What `milestones edit` changes, as given on the command line.
pub struct Change<'a> {
    pub date: Option<&'a str>,
    pub title: Option<&'a str>,
    pub kind: Option<Kind>,
}

pub fn edit(
    config: &Config,
    network: &str,
    date: &str,
    title: &str,
    change: &Change,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    if change.title.is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::usage("a milestone needs a title", None));
    }
    let change = edit::MilestoneChange {
        network: network.trim().to_string(),
        date: parse_date("milestone date", date)?,
        title: title.to_string(),
        new_date: change.date.map(|d| parse_date("new date", d)).transpose()?,
        new_title: change.title.map(|t| t.trim().to_string()),
        kind: change.kind,
    };
    apply(config, write, out, |doc| edit::edit_milestone(doc, &change))
}

pub fn remove(
    config: &Config,
    network: &str,
    date: &str,
    title: &str,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    let date = parse_date("milestone date", date)?;
    apply(config, write, out, |doc| {
        edit::remove_milestone(doc, network, date, title)
    })
}
