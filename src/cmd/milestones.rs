//! `milestones list`.

use std::io::Write;

use super::filter;
use crate::cli::ListArgs;
use crate::config::Config;
use crate::error::Result;
use crate::output::{self, Cell, Rows};
use crate::registry::model::{Milestone, Network};
use crate::store;

pub const FIELDS: &[&str] = &["network", "date", "title", "kind"];

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = store::load(&config.location)?;
    let registry = &loaded.parsed.registry;
    let filter = filter(&args.filter, registry, config)?;
    let rows = filter.milestones(registry).into_iter().map(row).collect();
    let rows = Rows {
        fields: FIELDS,
        table_fields: FIELDS,
        rows,
    };
    output::print(out, config, rows, args)
}

pub fn row((network, milestone): (&Network, &Milestone)) -> Vec<Cell> {
    vec![
        Cell::text(network.id()),
        Cell::text(milestone.date().to_string()),
        Cell::text(&milestone.title),
        Cell::text(milestone.kind.as_str()),
    ]
}
