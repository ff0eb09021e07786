//! `partners list`.

use std::io::Write;

use super::filter;
use crate::cli::ListArgs;
use crate::config::Config;
use crate::error::Result;
use crate::output::{self, Cell, Rows};
use crate::registry::country;
use crate::store;

const FIELDS: &[&str] = &["network", "name", "country", "country_name", "role", "type"];
const TABLE_FIELDS: &[&str] = &["network", "name", "country", "role", "type"];

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = store::load(&config.location)?;
    let registry = &loaded.parsed.registry;
    let filter = filter(&args.filter, registry, config)?;
    let rows = filter
        .partners(registry)
        .into_iter()
        .map(|(network, partner)| {
            vec![
                Cell::text(network.id()),
                Cell::text(partner.name()),
                Cell::opt(partner.country(), Cell::Null),
                Cell::opt(partner.country().map(country::name), Cell::Null),
                Cell::text(partner.role.as_str()),
                Cell::opt(partner.kind.as_deref(), Cell::Absent),
            ]
        })
        .collect();
    let rows = Rows {
        fields: FIELDS,
        table_fields: TABLE_FIELDS,
        rows,
    };
    output::print(out, config, rows, args)
}
