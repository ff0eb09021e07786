//! `milestones list`.

use std::io::Write;

use super::{apply, filter, find_network_id, parse_write_date};
use crate::cli::{KindArg, ListArgs, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows};
use crate::registry::date::PartialDate;
use crate::registry::draft::MilestoneDraft;
use crate::registry::model::{Kind, Milestone, Network, Text};
use crate::registry::text;
use crate::store;

const FIELDS: &[&str] = &["network", "date", "title", "kind"];

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let registry = store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    output::print(out, config, rows(&filter.milestones(registry)), args)
}

/// One row per (network, milestone).
pub fn rows(milestones: &[(&'static Network, &'static Milestone)]) -> Rows {
    Rows {
        fields: FIELDS,
        table_fields: FIELDS,
        rows: milestones.iter().copied().map(row).collect(),
    }
}

fn row((network, milestone): (&'static Network, &'static Milestone)) -> Vec<Cell> {
    vec![
        Cell::text(network.id()),
        Cell::text(milestone.date().to_string()),
        Cell::text(&*milestone.title),
        Cell::text(milestone.kind.as_str()),
    ]
}

/// Where a milestone dated `date` goes: in date order when the network's
/// milestones are in date order, otherwise last.
pub fn insertion_point(network: &Network, date: PartialDate) -> usize {
    let dates: Vec<PartialDate> = network.milestones.iter().map(Milestone::date).collect();
    if dates.is_sorted() {
        dates.partition_point(|d| *d <= date)
    } else {
        dates.len()
    }
}

pub fn add(
    config: &Config,
    network_id: &str,
    date: &str,
    title: &str,
    kind: KindArg,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let date = parse_write_date("milestone date", date)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::failed("a milestone needs a title", None));
    }
    let kind = super::kind(kind);
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, network_id.trim())?;
        let network = &registry.networks[index];
        if kind != Kind::Event
            && let Some(existing) = network.milestones.iter().find(|m| m.kind == kind)
        {
            let flag = if kind == Kind::Launch { "--start" } else { "--end" };
            return Err(Error::failed(
                format!(
                    "network `{}` already has a {} milestone ({})",
                    network.id(),
                    kind.as_str(),
                    existing.date()
                ),
                format!(
                    "move it with `netreg networks edit {} {flag} {date}`",
                    network.id()
                ),
            ));
        }
        let draft = MilestoneDraft {
            date,
            title: Text::from(title),
            kind: Text::from_static(kind.as_str()),
        };
        document.insert_milestone(index, insertion_point(network, date), draft.to_table());
        Ok(format!("added milestone {date} `{title}` to `{}`", network.id()))
    })
}

pub fn remove(
    config: &Config,
    network_id: &str,
    date: &str,
    title: &str,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let date = parse_write_date("milestone date", date)?;
    let key = text::fold(title.trim());
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, network_id.trim())?;
        let network = &registry.networks[index];
        let at = network
            .milestones
            .iter()
            .position(|m| m.date() == date && text::fold(m.title.trim()) == key)
            .ok_or_else(|| Error::NotFound {
                message: format!(
                    "no milestone {date} `{}` in network `{}`",
                    title.trim(),
                    network.id()
                ),
                hint: Some(format!(
                    "`netreg milestones list --network {}` shows them",
                    network.id()
                )),
            })?;
        document.remove_milestone(index, at);
        Ok(format!(
            "removed milestone {date} `{}` from `{}`",
            network.milestones[at].title,
            network.id()
        ))
    })
}
