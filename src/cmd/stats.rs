//! `stats`: networks and partners counted per country, programme, year
//! active, place or network.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike as _;

use super::{cities, filter, shape};
use crate::cli::{StatsArgs, StatsBy};
use crate::config::Config;
use crate::error::Result;
use crate::output::{self, Cell, Out, Rows};
use crate::registry::filter::Filter;
use crate::registry::model::Network;
use crate::registry::{country, places};
use crate::store;

/// The columns of `stats --by`, as `--fields` and `--sort` take them.
pub fn fields(by: StatsBy) -> &'static [&'static str] {
    match by {
        StatsBy::Country => &["country", "country_name", "networks", "partners"],
        StatsBy::Programme => &["programme", "networks", "partners"],
        StatsBy::Year => &["year", "networks", "partners"],
        StatsBy::City => cities::CITY_FIELDS,
        StatsBy::Network => cities::NETWORK_FIELDS,
    }
}

#[derive(Default)]
struct Count<'r> {
    networks: BTreeSet<&'r str>,
    partners: u64,
}

pub fn show(config: &Config, args: &StatsArgs, out: &mut Out<'_>) -> Result<()> {
    super::no_kind(&args.list.filter, "`stats`")?;
    let registry = &store::load(&config.location)?;
    let filter = filter(&args.list.filter, registry, config)?;
    match args.by {
        StatsBy::City => {
            // The places `cities list` gives for the same filters.
            let found = cities::in_networks(&args.list.filter, registry, config)?;
            return output::print(out, config, cities::stats_rows(&found), &shape(&args.list));
        }
        StatsBy::Network => {
            // Newcomers are counted against every network in the registry,
            // whatever the filter shows.
            let all = Filter::new(config.today);
            let found = places::group(&all.partners(registry));
            let rows = cities::network_rows(&filter.networks(registry), &found);
            return output::print(out, config, rows, &shape(&args.list));
        }
        _ => {}
    }
    let mut groups: BTreeMap<Option<String>, Count> = BTreeMap::new();
    let groups_of = |network: &Network| match args.by {
        StatsBy::Programme => vec![network.programme.as_deref().map(str::to_string)],
        StatsBy::Year => years(network, &filter),
        _ => vec![None],
    };
    if args.by != StatsBy::Country {
        for network in filter.networks(registry) {
            for key in groups_of(network) {
                groups.entry(key).or_default().networks.insert(network.id());
            }
        }
    }
    for (network, partner) in filter.partners(registry) {
        let keys = match args.by {
            StatsBy::Country => vec![partner.country().map(str::to_string)],
            _ => groups_of(network),
        };
        for key in keys {
            let count = groups.entry(key).or_default();
            count.networks.insert(network.id());
            count.partners += 1;
        }
    }
    let mut entries: Vec<(Option<String>, Count)> = groups.into_iter().collect();
    if args.by == StatsBy::Country {
        entries.sort_by(|a, b| {
            b.1.partners
                .cmp(&a.1.partners)
                .then(a.0.is_none().cmp(&b.0.is_none()))
        });
    }
    let rows = entries
        .into_iter()
        .map(|(key, count)| {
            let mut row = vec![Cell::opt(key.clone(), Cell::Null)];
            if args.by == StatsBy::Country {
                row.push(Cell::opt(key.as_deref().map(country::name), Cell::Null));
            }
            row.push(Cell::Int(count.networks.len() as u64));
            row.push(Cell::Int(count.partners));
            row
        })
        .collect();
    let fields = fields(args.by);
    let table_fields: &[&str] = match args.by {
        StatsBy::Country => &["country", "networks", "partners"],
        _ => fields,
    };
    output::print(
        out,
        config,
        Rows {
            fields,
            plain_fields: fields,
            table_fields,
            narrow_drops: &[],
            keep: &[],
            rows,
        },
        &shape(&args.list),
    )
}

/// The years a network was active: those of its span (spec §4), the one
/// the filters take, and within their `--from`/`--to` window. One that runs
/// on is active up to this year; one without a span is in the group of no
/// year.
fn years(network: &Network, filter: &Filter) -> Vec<Option<String>> {
    let Some((first, last)) = network.span() else {
        return vec![None];
    };
    let (first, last) = (first.year(), last.map_or(filter.today.year(), |day| day.year()));
    let from = filter.from.map_or(first, |from| from.year.max(first));
    let to = filter.to.map_or(last, |to| to.year.min(last));
    (from..=to).map(|year| Some(format!("{year:04}"))).collect()
}
