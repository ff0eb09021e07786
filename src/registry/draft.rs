//! Networks as plain owned values: what import reads, export writes and the
//! editor turns into TOML tables. Its JSON form is the export shape of spec §5.

use serde::{Deserialize, Serialize};
use toml_edit::Table;

use super::country;
use super::date::PartialDate;
use super::document::{self, string, strings};
use super::model::{Kind, Milestone, Network, Partner};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryDraft {
    #[serde(default = "format_one")]
    pub format: i64,
    #[serde(default)]
    pub networks: Vec<NetworkDraft>,
}

fn format_one() -> i64 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkDraft {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default)]
    pub partners: Vec<PartnerDraft>,
    #[serde(default)]
    pub milestones: Vec<MilestoneDraft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerDraft {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default = "partner_role")]
    pub role: String,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

fn partner_role() -> String {
    String::from("partner")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneDraft {
    pub date: PartialDate,
    pub title: String,
    #[serde(default = "event_kind")]
    pub kind: String,
}

fn event_kind() -> String {
    String::from("event")
}

impl From<&Network> for NetworkDraft {
    /// The network as shown and exported: the lead first, milestones by date.
    fn from(network: &Network) -> Self {
        Self {
            id: network.id.get_ref().clone(),
            name: network.name.clone(),
            programme: network.programme.clone(),
            kind: network.kind.clone(),
            status: network.status.map(|s| String::from(s.as_str())),
            themes: network.themes.clone(),
            url: network.url.clone(),
            summary: network.summary.clone(),
            sources: network.sources.clone(),
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

impl From<&Partner> for PartnerDraft {
    fn from(partner: &Partner) -> Self {
        Self {
            name: partner.name.get_ref().clone(),
            country: partner.country().map(String::from),
            role: String::from(partner.role.as_str()),
            kind: partner.kind.clone(),
        }
    }
}

impl From<&Milestone> for MilestoneDraft {
    fn from(milestone: &Milestone) -> Self {
        Self {
            date: milestone.date(),
            title: milestone.title.clone(),
            kind: String::from(milestone.kind.as_str()),
        }
    }
}

impl NetworkDraft {
    /// Countries as people write them become ISO codes; an unknown one is
    /// an error naming the partner.
    pub fn normalize_countries(&mut self) -> Result<(), String> {
        for partner in &mut self.partners {
            partner.normalize_country(&self.id)?;
        }
        Ok(())
    }

    /// The network as a `[[networks]]` table, keys in the order of spec §2.
    pub fn to_table(&self) -> Table {
        let mut table = document::table([
            ("id", Some(string(&self.id))),
            ("name", Some(string(&self.name))),
            ("programme", self.programme.as_deref().map(string)),
            ("type", self.kind.as_deref().map(string)),
            ("status", self.status.as_deref().map(string)),
            (
                "themes",
                (!self.themes.is_empty()).then(|| strings(self.themes.iter().map(|t| &**t))),
            ),
            ("url", self.url.as_deref().map(string)),
            ("summary", self.summary.as_deref().map(string)),
            (
                "sources",
                (!self.sources.is_empty()).then(|| strings(self.sources.iter().map(|t| &**t))),
            ),
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

    pub fn to_table(&self) -> Table {
        document::table([
            ("name", Some(string(&self.name))),
            ("country", self.country.as_deref().map(string)),
            ("role", Some(string(&self.role))),
            ("type", self.kind.as_deref().map(string)),
        ])
    }
}

impl MilestoneDraft {
    /// Its kind; anything but a launch or completion is an event.
    pub fn kind(&self) -> Kind {
        match self.kind.as_str() {
            "launch" => Kind::Launch,
            "completion" => Kind::Completion,
            _ => Kind::Event,
        }
    }

    pub fn to_table(&self) -> Table {
        document::table([
            ("date", Some(document::date(self.date))),
            ("title", Some(string(&self.title))),
            ("kind", Some(string(&self.kind))),
        ])
    }
}
