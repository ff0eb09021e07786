//! The registry's typed model, as serde reads it from format 1.
//!
//! Fields that the rules report on keep their place in the file (`Located`,
//! a byte range from the start of the text), so every error can name its
//! line and column.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::located::Located;

/// A string of the registry: short ones (most names, ids and titles) are
/// kept inline rather than allocated.
pub type Text = compact_str::CompactString;

/// The key names of each table, for "did you mean" on an unknown key.
pub const REGISTRY_KEYS: &[&str] = &["format", "networks"];
pub const NETWORK_KEYS: &[&str] = &[
    "id",
    "name",
    "programme",
    "type",
    "status",
    "themes",
    "url",
    "summary",
    "sources",
    "partners",
    "milestones",
];
pub const PARTNER_KEYS: &[&str] = &["name", "country", "role", "type", "geonames", "coordinates"];
pub const MILESTONE_KEYS: &[&str] = &["date", "title", "kind"];

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    #[serde(default)]
    pub format: Option<Located<i64>>,
    #[serde(default)]
    pub networks: Vec<Network>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub id: Located<Text>,
    pub name: Text,
    pub programme: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub status: Option<Status>,
    #[serde(default)]
    pub themes: Vec<Text>,
    pub url: Option<Text>,
    pub summary: Option<Text>,
    #[serde(default)]
    pub sources: Vec<Text>,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: Located<Text>,
    pub country: Option<Located<Text>>,
    #[serde(default)]
    pub role: Role,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    /// The GeoNames id of the place (spec §8): one place across networks,
    /// whatever each source calls it.
    pub geonames: Option<Located<i64>>,
    /// Latitude and longitude (WGS 84): exactly two numbers, a third is
    /// refused, not dropped.
    #[serde(default, deserialize_with = "located_coordinates")]
    pub coordinates: Option<Place>,
    /// What the file gives this partner that could not be read (`recover`
    /// said why): its absence is that mistake, not one more.
    #[serde(skip)]
    pub unread: Unread,
}

/// A partner's `country` or `role` that the file has but that did not read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unread {
    pub country: bool,
    pub role: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub date: Located<PartialDate>,
    pub title: Text,
    #[serde(default)]
    pub kind: Kind,
}

// The format's word lists are the command line's too (`--role`, `--status`,
// `--kind`): clap takes the same words.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    #[default]
    Partner,
    Observer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Planned,
    Active,
    Closed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Launch,
    Completion,
    #[default]
    Event,
}

/// A word of one of the format's lists (a role, a status, a kind) read as
/// the file's are.
pub fn word<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(text)).ok()
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Partner => "partner",
            Role::Observer => "observer",
        }
    }
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Closed => "closed",
        }
    }
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Launch => "launch",
            Kind::Completion => "completion",
            Kind::Event => "event",
        }
    }
}

impl Network {
    /// Moves every place in the network by `by` bytes: a network read from
    /// its own stretch of a text, placed where that stretch stands.
    pub fn shift(&mut self, by: isize) {
        self.id.shift(by);
        for partner in &mut self.partners {
            partner.name.shift(by);
            partner.country.iter_mut().for_each(|c| c.shift(by));
            partner.geonames.iter_mut().for_each(|g| g.shift(by));
            partner.coordinates.iter_mut().for_each(|c| c.shift(by));
        }
        for milestone in &mut self.milestones {
            milestone.date.shift(by);
        }
    }

    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The lead partner, if the network has (exactly) one.
    pub fn lead(&self) -> Option<&Partner> {
        self.partners.iter().find(|p| p.role == Role::Lead)
    }

    /// The date of the first milestone of `kind`.
    fn dated(&self, kind: Kind) -> Option<PartialDate> {
        self.milestones
            .iter()
            .find(|m| m.kind == kind)
            .map(|m| *m.date.get_ref())
    }

    pub fn start(&self) -> Option<PartialDate> {
        self.dated(Kind::Launch)
    }

    pub fn end(&self) -> Option<PartialDate> {
        self.dated(Kind::Completion)
    }

    /// Its span (spec §4), the one every filter, the timeline and the SQL
    /// export use: from the first day of its launch (else of its earliest
    /// milestone) to the last day of its completion. Without a completion, a
    /// network whose status is `closed` ends with its latest milestone, and
    /// any other runs on (`None`). No span without a dated milestone.
    pub fn span(&self) -> Option<(chrono::NaiveDate, Option<chrono::NaiveDate>)> {
        let dates = self.milestones.iter().map(Milestone::date);
        let first = self.start().or_else(|| dates.clone().min())?.first_day();
        let last = match self.end() {
            Some(end) => Some(end.last_day()),
            None if self.status == Some(Status::Closed) => dates.map(|d| d.last_day()).max(),
            None => None,
        };
        Some((first, last))
    }

    /// The stored status, or one derived from the launch and completion dates.
    pub fn status(&self, today: chrono::NaiveDate) -> Option<Status> {
        if self.status.is_some() {
            return self.status;
        }
        match (self.start(), self.end()) {
            (_, Some(end)) if end.last_day() < today => Some(Status::Closed),
            (Some(start), _) if start.first_day() > today => Some(Status::Planned),
            (Some(_), _) => Some(Status::Active),
            (None, _) => None,
        }
    }

    /// Partners with the lead first, otherwise in file order.
    pub fn partners_lead_first(&self) -> Vec<&Partner> {
        let mut partners: Vec<&Partner> = self.partners.iter().collect();
        partners.sort_by_key(|p| p.role != Role::Lead);
        partners
    }

    /// Milestones in date order; equal dates keep file order.
    pub fn milestones_by_date(&self) -> Vec<&Milestone> {
        let mut milestones: Vec<&Milestone> = self.milestones.iter().collect();
        milestones.sort_by_key(|m| *m.date.get_ref());
        milestones
    }
}

impl Partner {
    pub fn name(&self) -> &str {
        self.name.get_ref()
    }

    pub fn country(&self) -> Option<&str> {
        self.country.as_ref().map(|c| &**c.get_ref())
    }
}

impl Milestone {
    pub fn date(&self) -> PartialDate {
        *self.date.get_ref()
    }
}

/// A partner's latitude and longitude, with where the file has them.
pub type Place = Located<[f64; 2]>;

/// Latitude and longitude as the file and an import give them, read
/// strictly: exactly two numbers. serde's `[f64; 2]` takes the first two
/// of any longer array from TOML and drops the rest without a word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinates(pub [f64; 2]);

/// Part of every message about malformed coordinates, which `explain`
/// looks for to give the hint that fixes them.
pub const COORDINATES_SHAPE: &str = "two numbers, [latitude, longitude]";

impl<'de> Deserialize<'de> for Coordinates {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Coordinates;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "coordinates: {COORDINATES_SHAPE}")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Coordinates, A::Error> {
                let mut numbers = Vec::with_capacity(2);
                while let Some(Degrees(number)) = seq.next_element()? {
                    numbers.push(number);
                }
                match numbers[..] {
                    [latitude, longitude] => Ok(Coordinates([latitude, longitude])),
                    _ => Err(serde::de::Error::custom(format!(
                        "coordinates are {COORDINATES_SHAPE}; these have {}",
                        match numbers.len() {
                            0 => "none".to_string(),
                            1 => "one".to_string(),
                            n => n.to_string(),
                        }
                    ))),
                }
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(Visitor)
        } else {
            deserializer.deserialize_tuple(2, Visitor)
        }
    }
}

/// One number of a pair of coordinates.
struct Degrees(f64);

impl<'de> Deserialize<'de> for Degrees {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Degrees;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a number of degrees (coordinates are {COORDINATES_SHAPE})")
            }
            fn visit_f64<E>(self, value: f64) -> Result<Degrees, E> {
                Ok(Degrees(value))
            }
            fn visit_i64<E>(self, value: i64) -> Result<Degrees, E> {
                Ok(Degrees(value as f64))
            }
            fn visit_u64<E>(self, value: u64) -> Result<Degrees, E> {
                Ok(Degrees(value as f64))
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(Visitor)
        } else {
            deserializer.deserialize_f64(Visitor)
        }
    }
}

/// Read only when the file has the key; a binary format (the store's
/// snapshots) always has the field, as an option.
fn located_coordinates<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Place>, D::Error> {
    let read = if deserializer.is_human_readable() {
        Some(Located::<Coordinates>::deserialize(deserializer)?)
    } else {
        Option::<Located<Coordinates>>::deserialize(deserializer)?
    };
    Ok(read.map(|read| Located::new(read.span(), read.get_ref().0)))
}
