//! `stats`: networks and partners counted per country, programme, year
//! active, place or network.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Datelike as _;

use super::{cities, filter, shape};
use crate::cli::{StatsArgs, StatsBy};
use crate::config::Config;
use crate::error::Result;
use crate::output::{self, Cell, Out, Rows};
use crate::registry::filter::Filter;
use crate::registry::model::{Network, Registry};
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
    let rows = match args.by {
        // The places `cities list` gives for the same filters.
        StatsBy::City => cities::stats_rows(&cities::in_networks(&args.list.filter, registry, config)?),
        StatsBy::Network => {
            // Newcomers are counted against every network in the registry,
            // whatever the filter shows.
            let found = places::group(&Filter::new(config.today).partners(registry));
            cities::network_rows(&filter.networks(registry), &found)
        }
        by => counts(by, &filter, registry),
    };
    output::print(out, config, rows, &shape(&args.list))
}

/// Networks and partners counted in groups: by country, programme or year.
fn counts<'r>(by: StatsBy, filter: &Filter, registry: &'r Registry) -> Rows<'r> {
    let mut groups: BTreeMap<Option<String>, Count> = BTreeMap::new();
    if by == StatsBy::Country {
        for (network, partner) in filter.partners(registry) {
            let count = groups.entry(partner.country().map(str::to_string)).or_default();
            count.networks.insert(network.id());
            count.partners += 1;
        }
    } else {
        // Each network's groups are worked out once (a year at a time for
        // `--by year`), with how many of its partners match.
        let mut matched: HashMap<&str, (&Network, u64)> = filter
            .networks(registry)
            .into_iter()
            .map(|network| (network.id(), (network, 0)))
            .collect();
        for (network, _) in filter.partners(registry) {
            matched.entry(network.id()).or_insert((network, 0)).1 += 1;
        }
        for (network, partners) in matched.into_values() {
            let keys = match by {
                StatsBy::Programme => vec![network.programme.as_deref().map(str::to_string)],
                StatsBy::Year => years(network, filter),
                _ => vec![None],
            };
            for key in keys {
                let count = groups.entry(key).or_default();
                count.networks.insert(network.id());
                count.partners += partners;
            }
        }
    }
    let mut entries: Vec<(Option<String>, Count)> = groups.into_iter().collect();
    if by == StatsBy::Country {
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
            if by == StatsBy::Country {
                row.push(Cell::opt(key.as_deref().map(country::name), Cell::Null));
            }
            row.push(Cell::Int(count.networks.len() as u64));
            row.push(Cell::Int(count.partners));
            row
        })
        .collect();
    let fields = fields(by);
    let table_fields: &[&str] = match by {
        StatsBy::Country => &["country", "networks", "partners"],
        _ => fields,
    };
    Rows {
        fields,
        plain_fields: fields,
        table_fields,
        narrow_drops: &[],
        keep: &[],
        rows,
    }
}

/// The years a network was active: those of its span (spec §4), the one
/// the filters take, and within their `--from`/`--to` window, so each year's
/// row counts the networks `networks list --from Y --to Y` lists. One that
/// runs on is active to the window's end, or without one up to this year (or
/// the first year, when that is to come); one without a span is in the group
/// of no year.
fn years(network: &Network, filter: &Filter) -> Vec<Option<String>> {
    let Some((first, last)) = network.span() else {
        return vec![None];
    };
    let from = filter
        .from
        .map_or(first.year(), |from| from.year.max(first.year()));
    let runs_to = filter.to.map_or(filter.today.year().max(from), |to| to.year);
    let last = last.map_or(runs_to, |day| day.year());
    let to = filter.to.map_or(last, |to| to.year.min(last));
    (from..=to).map(|year| Some(format!("{year:04}"))).collect()
}
