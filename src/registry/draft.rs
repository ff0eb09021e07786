//! Networks as plain owned values: what import reads, export writes and the
//! editor turns into TOML tables. Its JSON form is the export shape of spec §5.

use serde::{Deserialize, Serialize};
use toml_edit::Table;

use super::country;
use super::date::PartialDate;
use super::document::{self, string, strings};
use super::model::{Coordinates, Kind, Milestone, Network, Partner, Role, Status, Text};

// Generic over their text: owned where they are read (import) or built
// (the write commands), borrowed from the registry where they are only
// written out (export, show), which then copies no string.

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "S: Deserialize<'de> + From<&'static str>")
)]
pub struct RegistryDraft<S = String> {
    #[serde(default = "format_one")]
    pub format: i64,
    #[serde(default)]
    pub networks: Vec<NetworkDraft<S>>,
}

fn format_one() -> i64 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "S: Deserialize<'de> + From<&'static str>")
)]
pub struct NetworkDraft<S = String> {
    pub id: S,
    pub name: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<S>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<S>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<S>,
    #[serde(default)]
    pub partners: Vec<PartnerDraft<S>>,
    #[serde(default)]
    pub milestones: Vec<MilestoneDraft<S>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "S: Deserialize<'de> + From<&'static str>")
)]
pub struct PartnerDraft<S = String> {
    pub name: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<S>,
    #[serde(default)]
    pub role: Role,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_coordinates"
    )]
    pub coordinates: Option<[f64; 2]>,
}

/// Coordinates as `model::Coordinates` reads them: two numbers, no more.
fn strict_coordinates<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<[f64; 2]>, D::Error> {
    Option::<Coordinates>::deserialize(deserializer).map(|read| read.map(|c| c.0))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "S: Deserialize<'de> + From<&'static str>")
)]
pub struct MilestoneDraft<S = String> {
    pub date: PartialDate,
    pub title: S,
    #[serde(default)]
    pub kind: Kind,
}

impl<'a> From<&'a Network> for NetworkDraft<&'a str> {
    /// The network as shown and exported: the lead first, milestones by date.
    fn from(network: &'a Network) -> Self {
        Self {
            id: network.id(),
            name: &network.name,
            programme: network.programme.as_deref(),
            kind: network.kind.as_deref(),
            status: network.status,
            themes: network.themes.iter().map(Text::as_str).collect(),
            url: network.url.as_deref(),
            summary: network.summary.as_deref(),
            sources: network.sources.iter().map(Text::as_str).collect(),
            partners: network
                .partners_lead_first()
                .into_iter()
                .map(PartnerDraft::from)
                .collect(),
            milestones: network
                .milestones_by_date()
                .into_iter()
                .map(MilestoneDraft::from)
                .collect(),
        }
    }
}

impl<'a> From<&'a Partner> for PartnerDraft<&'a str> {
    fn from(partner: &'a Partner) -> Self {
        Self {
            name: partner.name(),
            country: partner.country(),
            role: partner.role,
            kind: partner.kind.as_deref(),
            geonames: partner.geonames.as_ref().map(|id| *id.get_ref()),
            coordinates: partner.coordinates.as_ref().map(|c| *c.get_ref()),
        }
    }
}

impl<'a> From<&'a Milestone> for MilestoneDraft<&'a str> {
    fn from(milestone: &'a Milestone) -> Self {
        Self {
            date: milestone.date(),
            title: &milestone.title,
            kind: milestone.kind,
        }
    }
}

fn text<S: AsRef<str>>(value: &Option<S>) -> Option<toml_edit::Value> {
    value.as_ref().map(|v| string(v.as_ref()))
}

fn texts<S: AsRef<str>>(values: &[S]) -> Option<toml_edit::Value> {
    (!values.is_empty()).then(|| strings(values.iter().map(AsRef::as_ref)))
}

impl<S: AsRef<str>> NetworkDraft<S> {
    /// The network as a `[[networks]]` table, keys in the order of spec §2.
    pub fn to_table(&self) -> Table {
        let mut table = document::table([
            ("id", Some(string(self.id.as_ref()))),
            ("name", Some(string(self.name.as_ref()))),
            ("programme", text(&self.programme)),
            ("type", text(&self.kind)),
            ("status", self.status.map(|status| string(status.as_str()))),
            ("themes", texts(&self.themes)),
            ("url", text(&self.url)),
            ("summary", text(&self.summary)),
            ("sources", texts(&self.sources)),
        ]);
        document::set_children(
            &mut table,
            "partners",
            self.partners.iter().map(PartnerDraft::to_table).collect(),
        );
        document::set_children(
            &mut table,
            "milestones",
            self.milestones.iter().map(MilestoneDraft::to_table).collect(),
        );
        table
    }
}

impl PartnerDraft {
    /// A country as people write it becomes its ISO code; an unknown one is
    /// an error naming the partner of `network`.
    pub fn normalize_country(&mut self, network: &str) -> Result<(), String> {
        if let Some(input) = &self.country {
            let code = country::lookup(input).ok_or_else(|| {
                let near = country::suggest(input);
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean {}?)", near.join(", or "))
                };
                format!(
                    "unknown country `{input}` for partner `{}` of `{network}`{hint}",
                    self.name
                )
            })?;
            self.country = Some(String::from(code));
        }
        Ok(())
    }
}

impl<S: AsRef<str>> PartnerDraft<S> {
    pub fn to_table(&self) -> Table {
        document::table([
            ("name", Some(string(self.name.as_ref()))),
            ("country", text(&self.country)),
            ("role", Some(string(self.role.as_str()))),
            ("type", text(&self.kind)),
            ("geonames", self.geonames.map(toml_edit::Value::from)),
            ("coordinates", self.coordinates.map(document::coordinates)),
        ])
    }
}

impl<S: AsRef<str>> MilestoneDraft<S> {
    pub fn to_table(&self) -> Table {
        document::table([
            ("date", Some(document::date(self.date))),
            ("title", Some(string(self.title.as_ref()))),
            ("kind", Some(string(self.kind.as_str()))),
        ])
    }
}
