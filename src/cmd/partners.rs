//! `partners add`, `edit` and `remove`, and the rows a list of partners prints.

use super::{apply, clearable, cleared, parse_country};
use crate::cli::{PartnerFields, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{Cell, Out, Rows};
use crate::registry::country;
use crate::registry::draft::PartnerDraft;
use crate::registry::edit::{self, NewPartner, PartnerChange};
use crate::registry::model::{Network, Partner, Role};

/// `place_id` last: the place as the SQL, GeoJSON and graph exports name it.
pub const FIELDS: &[&str] = &[
    "network",
    "name",
    "country",
    "country_name",
    "role",
    "type",
    "place_id",
];
/// A plain row's columns: all but the place.
const PLAIN_FIELDS: &[&str] = FIELDS.split_at(6).0;
const TABLE_FIELDS: &[&str] = &["network", "name", "country", "role", "type"];

/// One row per (network, partner).
pub fn rows<'r>(partners: &[(&'r Network, &'r Partner)]) -> Rows<'r> {
    let rows = partners
        .iter()
        .map(|(network, partner)| {
            vec![
                Cell::text(network.id()),
                Cell::text(partner.name()),
                Cell::opt(partner.country(), Cell::Null),
                Cell::opt(partner.country().map(country::name), Cell::Null),
                Cell::text(partner.role.as_str()),
                Cell::opt(partner.kind.as_deref(), Cell::Absent),
                Cell::Place(partner),
            ]
        })
        .collect();
    Rows {
        fields: FIELDS,
        plain_fields: PLAIN_FIELDS,
        table_fields: TABLE_FIELDS,
        narrow_drops: &["type", "country", "role"],
        keep: &[],
        rows,
    }
}

fn role_of(fields: &PartnerFields) -> Option<Role> {
    fields.role.or(fields.replace_lead.then_some(Role::Lead))
}

/// `--geonames ID`: a positive number; `""` removes it.
fn place_id(input: Option<&str>) -> Result<Option<Option<i64>>> {
    clearable(input, |input| match input.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(Error::usage(
            format!("`{input}` is not a GeoNames id"),
            "a GeoNames id is a positive number, e.g. 3172394 for Naples".to_string(),
        )),
    })
}

/// `--coordinates LAT,LON`: degrees on the globe; `""` removes them.
fn place(input: Option<&str>) -> Result<Option<Option<[f64; 2]>>> {
    clearable(input, |input| {
        let parsed = input
            .split_once(',')
            .and_then(|(lat, lon)| Some([lat.trim().parse::<f64>().ok()?, lon.trim().parse::<f64>().ok()?]));
        match parsed {
            Some([lat, lon]) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
                Ok([lat, lon])
            }
            _ => Err(Error::usage(
                format!("`{input}` are not coordinates"),
                "write latitude,longitude in degrees, e.g. 40.85216,14.26811 (latitude -90 to 90, longitude -180 to 180)"
                    .to_string(),
            )),
        }
    })
}

pub fn add(
    config: &Config,
    network: &str,
    name: &str,
    fields: &PartnerFields,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::usage("a partner needs a name", None));
    }
    let country = fields.country.as_deref().filter(|c| !c.trim().is_empty());
    let new = NewPartner {
        network: network.trim().to_string(),
        partner: PartnerDraft {
            name: name.to_string(),
            country: country.map(parse_country).transpose()?.map(String::from),
            role: role_of(fields).unwrap_or_default(),
            kind: cleared(fields.kind.as_deref()).flatten(),
            geonames: place_id(fields.geonames.as_deref())?.flatten(),
            coordinates: place(fields.coordinates.as_deref())?.flatten(),
        },
        replace_lead: fields.replace_lead,
    };
    apply(config, write, out, |doc| edit::add_partner(doc, &new))
}

pub fn edit(
    config: &Config,
    network: &str,
    name: &str,
    rename: Option<&str>,
    fields: &PartnerFields,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    if rename.is_some_and(|n| n.trim().is_empty()) {
        return Err(Error::usage("a partner's name cannot be empty", None));
    }
    let country = clearable(fields.country.as_deref(), |input| {
        parse_country(input).map(String::from)
    })?;
    let change = PartnerChange {
        network: network.trim().to_string(),
        name: name.to_string(),
        rename: rename.map(|n| n.trim().to_string()),
        country,
        role: role_of(fields),
        kind: cleared(fields.kind.as_deref()),
        geonames: place_id(fields.geonames.as_deref())?,
        coordinates: place(fields.coordinates.as_deref())?,
        replace_lead: fields.replace_lead,
    };
    apply(config, write, out, |doc| edit::edit_partner(doc, &change))
}

pub fn remove(
    config: &Config,
    network: &str,
    name: &str,
    write: &WriteArgs,
    out: &mut Out<'_>,
) -> Result<()> {
    apply(config, write, out, |doc| edit::remove_partner(doc, network, name))
}
