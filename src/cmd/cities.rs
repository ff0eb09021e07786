//! `cities list` and `cities show`: places across networks (spec §8).

use std::collections::BTreeMap;

use super::filter;
use crate::cli::{FilterArgs, Format, ListArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Out, Rows};
use crate::registry::country;
use crate::registry::model::{Network, Registry};
use crate::registry::places::{self, Place};
use crate::registry::rules::name_key;
use crate::store;
use crate::text::{self, fold, visible};

/// The columns of `stats --by network`. The percentage is of `places`: a
/// place with two partners in a network is one place there.
pub const NETWORK_FIELDS: &[&str] = &[
    "network",
    "countries",
    "partners",
    "places",
    "newcomers",
    "newcomers_pct",
];

/// The columns of `stats --by city`.
pub const CITY_FIELDS: &[&str] = &["city", "country", "networks", "leads", "connections"];

pub const FIELDS: &[&str] = &[
    "name",
    "country",
    "country_name",
    "geonames",
    "networks",
    "leads",
    "first",
    "last",
];
const TABLE_FIELDS: &[&str] = &["name", "country", "networks", "leads", "first", "last"];

pub fn list(config: &Config, args: &ListArgs, out: &mut Out<'_>) -> Result<()> {
    super::no_kind(&args.filter, "`cities list`")?;
    let registry = store::load(&config.location)?;
    let found = by_name(in_networks(&args.filter, &registry, config)?);
    output::print(out, config, rows(&found), &super::shape(args))
}

/// The places of the networks `args` selects, each with all its memberships
/// there. `--role` keeps the places that had that role in one of them
/// (`--role lead`: the cities that led); `--search` the places with the
/// text in their name or one of their partners' (Budapest, with the
/// districts placed on it).
pub fn in_networks<'r>(args: &FilterArgs, registry: &'r Registry, config: &Config) -> Result<Vec<Place<'r>>> {
    let all = FilterArgs {
        role: Vec::new(),
        search: Vec::new(),
        ..args.clone()
    };
    let found = places::group(&filter(&all, registry, config)?.partners(registry));
    let searches: Vec<String> = args.search.iter().map(|s| fold(s.trim())).collect();
    let named = |place: &Place<'_>| {
        let names = std::iter::once(place.name).chain(place.members.iter().map(|(_, p)| p.name()));
        let names: Vec<String> = names.map(fold).collect();
        searches
            .iter()
            .any(|s| names.iter().any(|name| name.contains(s.as_str())))
    };
    Ok(found
        .into_iter()
        .filter(|place| {
            args.role.is_empty() || place.members.iter().any(|(_, p)| args.role.contains(&p.role))
        })
        .filter(|place| searches.is_empty() || named(place))
        .collect())
}

/// Places in the order of their folded names, then countries.
fn by_name(mut found: Vec<Place<'_>>) -> Vec<Place<'_>> {
    found.sort_by_cached_key(|place| (fold(place.name), place.country));
    found
}

fn year(year: Option<i32>) -> Cell<'static> {
    year.and_then(|y| u64::try_from(y).ok())
        .map_or(Cell::Null, Cell::Int)
}

/// One row per place.
fn rows<'r>(found: &[Place<'r>]) -> Rows<'r> {
    let rows = found
        .iter()
        .map(|place| {
            let summary = place.summary();
            vec![
                Cell::text(place.name),
                Cell::opt(place.country, Cell::Null),
                Cell::opt(place.country.map(country::name), Cell::Null),
                place.geonames().map_or(Cell::Null, |id| Cell::Int(id as u64)),
                Cell::Int(summary.networks as u64),
                Cell::Int(summary.leads as u64),
                year(summary.first),
                year(summary.last),
            ]
        })
        .collect();
    Rows {
        fields: FIELDS,
        plain_fields: FIELDS,
        table_fields: TABLE_FIELDS,
        narrow_drops: &["first", "last", "leads"],
        keep: &[],
        rows,
    }
}

/// How many places `cities show` lists as the ones most often met.
const PEERS: usize = 10;

pub fn show(config: &Config, city: &str, args: &FilterArgs, out: &mut Out<'_>) -> Result<()> {
    super::no_kind(args, "`cities show`")?;
    let registry = store::load(&config.location)?;
    let found = in_networks(args, &registry, config)?;
    let at = find(&found, city)?;
    let place = &found[at];
    // The places it shares most networks with, then by name.
    let mut peers = places::neighbours(&found, at);
    peers.sort_by_cached_key(|(other, networks)| {
        (std::cmp::Reverse(networks.len()), fold(found[*other].name))
    });
    peers.truncate(PEERS);
    let memberships: Vec<(&Network, &str, &str)> = place
        .members
        .iter()
        .map(|(n, p)| (*n, p.name(), p.role.as_str()))
        .collect();
    match config.format {
        Format::Json | Format::Ndjson => {
            let (first, last) = place.years();
            let value = serde_json::json!({
                "name": place.name,
                "country": place.country,
                "geonames": place.geonames(),
                "coordinates": place.coordinates,
                "networks": memberships.iter().map(|(n, name, role)| serde_json::json!({
                    "id": n.id(),
                    "name": &*n.name,
                    "partner": name,
                    "role": role,
                    "start": n.start().map(|d| d.to_string()),
                    "end": n.end().map(|d| d.to_string()),
                })).collect::<Vec<_>>(),
                "leads": place.leads(),
                "first": first,
                "last": last,
                "shares_most_with": peers.iter().map(|(other, networks)| serde_json::json!({
                    "name": found[*other].name,
                    "country": found[*other].country,
                    "geonames": found[*other].geonames(),
                    "networks": networks,
                })).collect::<Vec<_>>(),
            });
            if config.format == Format::Json {
                out.json_pretty(&value)?;
            } else {
                out.json(&value)?;
            }
            writeln!(out)
        }
        Format::Plain => {
            // In a pipe, one row per network: id, the partner's name there, role, start, end.
            for (network, name, role) in &memberships {
                let date = |d: Option<crate::registry::date::PartialDate>| {
                    d.map(|d| d.to_string()).unwrap_or_default()
                };
                writeln!(
                    out,
                    "{}\t{}\t{role}\t{}\t{}",
                    network.id(),
                    name,
                    date(network.start()),
                    date(network.end())
                )?;
            }
            Ok(())
        }
        Format::Table => show_table(config, place, &memberships, &peers, &found, out),
        _ => Err(Error::usage(
            format!("`cities show` does not print {}", config.format.name()),
            "use table or plain to read it, json for programs; \
             `netreg cities list --format csv` gives rows"
                .to_string(),
        )),
    }
}

fn show_table(
    config: &Config,
    place: &Place,
    memberships: &[(&Network, &str, &str)],
    peers: &[(usize, Vec<&str>)],
    found: &[Place],
    out: &mut Out<'_>,
) -> Result<()> {
    let (first, last) = place.years();
    let mut head = visible(place.name).into_owned();
    if let Some(code) = place.country {
        head.push_str(&format!(" ({}, {})", visible(code), country::name(code)));
    }
    let leads = match place.leads() {
        0 => "never the lead".to_string(),
        n => format!("lead of {n}"),
    };
    let mut about = vec![format!(
        "{}, {leads}",
        text::count(place.network_count(), "network")
    )];
    if let (Some(first), Some(last)) = (first, last) {
        about.push(format!("{first}–{last}"));
    }
    if let Some(id) = place.geonames() {
        about.push(format!("GeoNames {id}"));
    }
    if let Some([lat, lon]) = place.coordinates {
        about.push(format!("{lat}, {lon}"));
    }
    writeln!(
        out,
        "{}\n{}\n",
        output::paragraph(config, &head),
        output::paragraph(config, &about.join(" · "))
    )?;
    let cells: Vec<Vec<Cell>> = memberships
        .iter()
        .map(|(n, name, role)| {
            vec![
                Cell::text(n.id()),
                Cell::text(*name),
                Cell::text(*role),
                Cell::opt(n.start().map(|d| d.to_string()), Cell::Null),
                Cell::opt(n.end().map(|d| d.to_string()), Cell::Null),
            ]
        })
        .collect();
    let table = output::table(config, &["network", "as", "role", "start", "end"], &cells);
    out.styled(&format!("{table}\n"))?;
    if peers.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nMost often with")?;
    let cells: Vec<Vec<Cell>> = peers
        .iter()
        .map(|(other, networks)| {
            vec![
                Cell::text(found[*other].name),
                Cell::opt(found[*other].country, Cell::Null),
                Cell::Int(networks.len() as u64),
                Cell::text(networks.join(", ")),
            ]
        })
        .collect();
    let table = output::table(config, &["city", "country", "shared", "networks"], &cells);
    out.styled(&format!("{table}\n"))
}

/// The place `city` names: a GeoNames id, or a name any of its partners has.
fn find(found: &[Place], city: &str) -> Result<usize> {
    let wanted = name_key(city);
    let matching =
        |is: &dyn Fn(&Place) -> bool| -> Vec<usize> { (0..found.len()).filter(|&i| is(&found[i])).collect() };
    let matches = match city.trim().parse::<i64>() {
        Ok(id) => matching(&|place| place.geonames() == Some(id)),
        // By the place's name, else by one of its partners'.
        Err(_) => match matching(&|place| name_key(place.name) == wanted) {
            named if named.is_empty() => {
                matching(&|place| place.members.iter().any(|(_, p)| name_key(p.name()) == wanted))
            }
            named => named,
        },
    };
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => {
            let names: Vec<String> = found.iter().map(|p| name_key(p.name)).collect();
            let near = text::nearest(&wanted, names.iter().map(String::as_str));
            let hint = match near.and_then(|near| names.iter().position(|name| name == near)) {
                Some(at) => format!(
                    "did you mean `{}`? `netreg cities list` lists every place",
                    visible(found[at].name)
                ),
                None => "`netreg cities list` lists every place".to_string(),
            };
            Err(Error::failed(
                format!("no place called `{}`", visible(city)),
                hint,
            ))
        }
        several => {
            let options: Vec<String> = several
                .iter()
                .map(|&i| {
                    let p = &found[i];
                    let at = p.geonames().map_or_else(|| p.id(), |id| id.to_string());
                    format!("{} ({}) {at}", visible(p.name), p.country.unwrap_or("?"))
                })
                .collect();
            Err(Error::failed(
                format!(
                    "`{}` is {} places: {}",
                    visible(city),
                    several.len(),
                    options.join(", ")
                ),
                "name one by its GeoNames id, e.g. `netreg cities show ID`, or narrow with --country"
                    .to_string(),
            ))
        }
    }
}

/// `stats --by city`: the most connected places first.
pub fn stats_rows<'r>(found: &[Place<'r>]) -> Rows<'r> {
    let connections = places::connections(found);
    let networks: Vec<usize> = found.iter().map(Place::network_count).collect();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_cached_key(|&i| {
        (
            std::cmp::Reverse(networks[i]),
            std::cmp::Reverse(connections[i]),
            fold(found[i].name),
        )
    });
    let rows = order
        .into_iter()
        .map(|i| {
            let place = &found[i];
            vec![
                Cell::text(place.name),
                Cell::opt(place.country, Cell::Null),
                Cell::Int(networks[i] as u64),
                Cell::Int(place.leads() as u64),
                Cell::Int(connections[i] as u64),
            ]
        })
        .collect();
    Rows {
        fields: CITY_FIELDS,
        plain_fields: CITY_FIELDS,
        table_fields: CITY_FIELDS,
        narrow_drops: &[],
        keep: &[],
        rows,
    }
}

/// `stats --by network`: how many countries each network joined, and how
/// many of its places had no earlier network in the registry.
pub fn network_rows<'r>(networks: &[&'r Network], found: &[Place<'r>]) -> Rows<'r> {
    // A place's first network: the one whose span (spec §4) began first
    // (undated ones last), then the first in the file.
    let mut first_of: BTreeMap<&str, usize> = BTreeMap::new();
    for place in found {
        let first = place
            .members
            .iter()
            .min_by_key(|(n, _)| {
                let began = n.span().map(|(first, _)| first);
                (began.is_none(), began)
            })
            .map(|(n, _)| n.id());
        if let Some(first) = first {
            *first_of.entry(first).or_default() += 1;
        }
    }
    let mut places_of: BTreeMap<&str, usize> = BTreeMap::new();
    for place in found {
        for id in place.networks() {
            *places_of.entry(id).or_default() += 1;
        }
    }
    let rows = networks
        .iter()
        .map(|network| {
            let countries: std::collections::BTreeSet<&str> =
                network.partners.iter().filter_map(|p| p.country()).collect();
            let total = places_of.get(network.id()).copied().unwrap_or(0);
            let new = first_of.get(network.id()).copied().unwrap_or(0);
            vec![
                Cell::text(network.id()),
                Cell::Int(countries.len() as u64),
                Cell::Int(network.partners.len() as u64),
                Cell::Int(total as u64),
                Cell::Int(new as u64),
                Cell::Int(if total == 0 {
                    0
                } else {
                    (new * 100 + total / 2) as u64 / total as u64
                }),
            ]
        })
        .collect();
    Rows {
        fields: NETWORK_FIELDS,
        plain_fields: NETWORK_FIELDS,
        table_fields: NETWORK_FIELDS,
        // On a narrow terminal the percentage stays beside what it is of.
        narrow_drops: &["partners", "countries"],
        keep: &[],
        rows,
    }
}
