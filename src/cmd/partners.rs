//! `partners list`.

use std::io::Write;

use super::{apply, filter, find_network_id, parse_write_country};
use crate::cli::{ListArgs, PartnerFields, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Rows};
use crate::registry::document::{self, Document};
use crate::registry::draft::PartnerDraft;
use crate::registry::model::{Network, Partner, Role, Text};
use crate::registry::{country, rules, text};
use crate::store;

const FIELDS: &[&str] = &["network", "name", "country", "country_name", "role", "type"];
const TABLE_FIELDS: &[&str] = &["network", "name", "country", "role", "type"];

pub fn list(config: &Config, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let registry = store::load(&config.location)?;
    let filter = filter(&args.filter, registry, config)?;
    output::print(out, config, rows(&filter.partners(registry)), args)
}

/// One row per (network, partner).
pub fn rows(partners: &[(&'static Network, &'static Partner)]) -> Rows {
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
            ]
        })
        .collect();
    Rows {
        fields: FIELDS,
        table_fields: TABLE_FIELDS,
        rows,
    }
}

/// The index of the partner called `name` (ignoring case and accents).
fn find_partner(network: &Network, name: &str) -> Result<usize> {
    let key = rules::name_key(name);
    network
        .partners
        .iter()
        .position(|p| rules::name_key(p.name()) == key)
        .ok_or_else(|| {
            let near = text::nearest(name, network.partners.iter().map(|p| p.name()));
            Error::NotFound {
                message: format!("no partner `{name}` in network `{}`", network.id()),
                hint: Some(match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("`netreg partners list --network {}` shows them", network.id()),
                }),
            }
        })
}

/// Refuses a second lead, or with `--replace-lead` demotes the current one.
fn make_lead(
    document: &mut Document,
    index: usize,
    network: &Network,
    except: Option<usize>,
    replace: bool,
) -> Result<()> {
    let current = network
        .partners
        .iter()
        .enumerate()
        .find(|(i, p)| p.role == Role::Lead && Some(*i) != except);
    if let Some((at, lead)) = current {
        if !replace {
            return Err(Error::failed(
                format!("network `{}` already has a lead: `{}`", network.id(), lead.name()),
                "add --replace-lead to make the new partner the lead and the current lead a partner"
                    .to_string(),
            ));
        }
        document::set(
            document.partner(index, at),
            "role",
            Some(document::string("partner")),
        );
    }
    Ok(())
}

fn role_of(fields: &PartnerFields) -> Option<Role> {
    match fields.role {
        Some(arg) => Some(super::role(arg)),
        None if fields.replace_lead => Some(Role::Lead),
        None => None,
    }
}

pub fn add(
    config: &Config,
    network_id: &str,
    name: &str,
    fields: &PartnerFields,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::failed("a partner needs a name", None));
    }
    let country = fields.country.as_deref().filter(|c| !c.trim().is_empty());
    let country = country.map(parse_write_country).transpose()?;
    let role = role_of(fields).unwrap_or(Role::Partner);
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, network_id.trim())?;
        let network = &registry.networks[index];
        let key = rules::name_key(name);
        if let Some(same) = network.partners.iter().find(|p| rules::name_key(p.name()) == key) {
            return Err(Error::failed(
                format!(
                    "`{name}` is already a partner of `{}` (as `{}`)",
                    network.id(),
                    same.name()
                ),
                format!(
                    "change it with `netreg partners edit {} \"{}\"`",
                    network.id(),
                    same.name()
                ),
            ));
        }
        if role == Role::Lead {
            make_lead(document, index, network, None, fields.replace_lead)?;
        }
        let draft = PartnerDraft {
            name: Text::from(name),
            country: country.map(Text::from),
            role: Text::from_static(role.as_str()),
            kind: fields
                .kind
                .as_deref()
                .filter(|k| !k.trim().is_empty())
                .map(Text::from),
        };
        document.push_partner(index, draft.to_table());
        Ok(format!("added partner `{name}` to `{}`", network.id()))
    })
}

pub fn edit(
    config: &Config,
    network_id: &str,
    name: &str,
    rename: Option<&str>,
    fields: &PartnerFields,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    if rename.is_some_and(|n| n.trim().is_empty()) {
        return Err(Error::failed("a partner's name cannot be empty", None));
    }
    let country = match fields.country.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(input) => Some(Some(parse_write_country(input)?)),
    };
    let role = role_of(fields);
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, network_id.trim())?;
        let network = &registry.networks[index];
        let at = find_partner(network, name)?;
        let mut changed = Vec::new();
        if let Some(new) = rename.map(str::trim) {
            let key = rules::name_key(new);
            let clash = network
                .partners
                .iter()
                .enumerate()
                .find(|(i, p)| *i != at && rules::name_key(p.name()) == key);
            if let Some((_, other)) = clash {
                return Err(Error::failed(
                    format!(
                        "`{new}` is already a partner of `{}` (as `{}`)",
                        network.id(),
                        other.name()
                    ),
                    None,
                ));
            }
            document::set(document.partner(index, at), "name", Some(document::string(new)));
            changed.push("name");
        }
        if let Some(code) = country {
            document::set(document.partner(index, at), "country", code.map(document::string));
            changed.push("country");
        }
        if let Some(role) = role {
            if role == Role::Lead {
                make_lead(document, index, network, Some(at), fields.replace_lead)?;
            }
            document::set(
                document.partner(index, at),
                "role",
                Some(document::string(role.as_str())),
            );
            changed.push("role");
        }
        if let Some(kind) = &fields.kind {
            let value = (!kind.trim().is_empty()).then(|| document::string(kind.trim()));
            document::set(document.partner(index, at), "type", value);
            changed.push("type");
        }
        if changed.is_empty() {
            return Err(Error::usage(
                "nothing to change",
                "give a field to change: --name, --country, --role or --type".to_string(),
            ));
        }
        let partner = network.partners[at].name();
        Ok(format!(
            "changed {} of partner `{partner}` of `{}`",
            changed.join(", "),
            network.id()
        ))
    })
}

pub fn remove(
    config: &Config,
    network_id: &str,
    name: &str,
    write: &WriteArgs,
    out: &mut dyn Write,
) -> Result<()> {
    apply(config, write, out, |registry, document| {
        let index = find_network_id(registry, network_id.trim())?;
        let network = &registry.networks[index];
        let at = find_partner(network, name)?;
        document.remove_partner(index, at);
        Ok(format!(
            "removed partner `{}` from `{}`",
            network.partners[at].name(),
            network.id()
        ))
    })
}
