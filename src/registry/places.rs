//! Places across networks (spec §8): partners grouped by GeoNames id where
//! one is given, else by folded name and country, and the networks they share.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike as _;

use std::collections::HashMap;

use super::model::{Network, Partner, Role};
use super::rules::name_key;

/// What makes two partners one place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    GeoNames(i64),
    Name(String, Option<String>),
}

impl Key {
    /// A stable id for graph nodes, features, SQL and list rows:
    /// `geonames:3172394`, or `name:naples:it` for a place without one
    /// (`name:le_20havre:fr`). An XML name token as GraphML's schema wants
    /// node ids.
    pub fn id(&self) -> String {
        match self {
            Key::GeoNames(id) => format!("geonames:{id}"),
            Key::Name(name, country) => {
                // Letters and digits as they are, every other byte as `_XX`
                // (`_` too): two keys never make one id (`saint-denis`,
                // `saint denis`), and every id is an XML name token.
                let mut id = String::from("name:");
                for byte in name.bytes() {
                    if byte.is_ascii_alphanumeric() {
                        id.push(char::from(byte));
                    } else {
                        id.push_str(&format!("_{byte:02x}"));
                    }
                }
                format!("{id}:{}", country.as_deref().unwrap_or("").to_lowercase())
            }
        }
    }
}

/// One place and every membership of it among the partners given.
#[derive(Debug)]
pub struct Place<'r> {
    pub key: Key,
    /// The name its partners most often have (cities before other bodies).
    pub name: &'r str,
    pub country: Option<&'r str>,
    pub coordinates: Option<[f64; 2]>,
    pub members: Vec<(&'r Network, &'r Partner)>,
}

impl<'r> Place<'r> {
    /// Its stable id ([`Key::id`]).
    pub fn id(&self) -> String {
        self.key.id()
    }

    pub fn geonames(&self) -> Option<i64> {
        match self.key {
            Key::GeoNames(id) => Some(id),
            Key::Name(..) => None,
        }
    }

    /// Its networks, each once, in the order met. A place has a few members,
    /// so looking back over them costs less than a set would.
    fn each_network(&self) -> impl Iterator<Item = &'r Network> + '_ {
        self.members.iter().enumerate().filter_map(|(i, (network, _))| {
            let repeat = self.members[..i].iter().any(|(n, _)| std::ptr::eq(*n, *network));
            (!repeat).then_some(*network)
        })
    }

    /// The ids of its networks, in the order met.
    pub fn networks(&self) -> Vec<&'r str> {
        self.each_network().map(Network::id).collect()
    }

    /// How many networks it is in.
    pub fn network_count(&self) -> usize {
        self.each_network().count()
    }

    /// How many of its networks it led.
    pub fn leads(&self) -> usize {
        self.each_network().filter(|network| self.led(network)).count()
    }

    /// Whether it led `network`.
    fn led(&self, network: &Network) -> bool {
        self.members
            .iter()
            .any(|(n, p)| std::ptr::eq(*n, network) && p.role == Role::Lead)
    }

    /// The first year any of its networks began, and the last year one ran.
    pub fn years(&self) -> (Option<i32>, Option<i32>) {
        let summary = self.summary();
        (summary.first, summary.last)
    }

    /// Its networks, leads and years, in one pass over its members.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for network in self.each_network() {
            summary.networks += 1;
            summary.leads += usize::from(self.led(network));
            // The network's span (spec §4); one still running last ran, as
            // far as the registry says, in its latest milestone's year.
            if let Some((first, last)) = network.span() {
                let latest = || network.milestones.iter().map(|m| m.date().year).max();
                let last = last.map(|day| day.year()).or_else(latest).unwrap_or(first.year());
                summary.first = Some(summary.first.map_or(first.year(), |f| f.min(first.year())));
                summary.last = Some(summary.last.map_or(last, |l| l.max(last)));
            }
        }
        summary
    }
}

/// What a place's memberships come to: how many networks, how many of them
/// it led, the first year one began and the last year one ran.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub networks: usize,
    pub leads: usize,
    pub first: Option<i32>,
    pub last: Option<i32>,
}

/// The place a partner is at: what [`group`] puts it with.
pub fn key_of(partner: &Partner) -> Key {
    match partner.geonames.as_ref() {
        Some(id) => Key::GeoNames(*id.get_ref()),
        None => Key::Name(name_key(partner.name()), partner.country().map(str::to_string)),
    }
}

/// The places of `pairs`, in the order they are first met.
pub fn group<'r>(pairs: &[(&'r Network, &'r Partner)]) -> Vec<Place<'r>> {
    let mut index: HashMap<Key, usize> = HashMap::with_capacity(pairs.len());
    let mut places: Vec<Place<'r>> = Vec::with_capacity(pairs.len());
    for &(network, partner) in pairs {
        let at = *index.entry(key_of(partner)).or_insert_with_key(|key| {
            places.push(Place {
                key: key.clone(),
                name: partner.name(),
                country: partner.country(),
                coordinates: None,
                members: Vec::new(),
            });
            places.len() - 1
        });
        let place = &mut places[at];
        if place.coordinates.is_none() {
            place.coordinates = partner.coordinates.as_ref().map(|c| *c.get_ref());
        }
        place.members.push((network, partner));
    }
    let mut counts: Vec<(&str, (bool, usize))> = Vec::new();
    for place in &mut places {
        // Cities' own names before an agency's or a district's; then the most
        // common spelling; then the first met.
        counts.clear();
        for (_, partner) in &place.members {
            let city = partner.kind.as_deref().is_none_or(|k| k == "city");
            match counts.iter_mut().find(|(name, _)| *name == partner.name()) {
                Some((_, (_, n))) => *n += 1,
                None => counts.push((partner.name(), (city, 1))),
            }
        }
        if let Some(best) = counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(std::cmp::Ordering::Greater))
        {
            place.name = best.0;
        }
        if place.country.is_none() {
            place.country = place.members.iter().find_map(|(_, p)| p.country());
        }
    }
    places
}

/// The places of each network (by its address), each once, in order.
fn by_network(places: &[Place<'_>]) -> HashMap<*const Network, Vec<usize>> {
    let mut index: HashMap<*const Network, Vec<usize>> = HashMap::new();
    for (at, place) in places.iter().enumerate() {
        for network in place.each_network() {
            index.entry(network as *const Network).or_default().push(at);
        }
    }
    index
}

/// The places that share a network with `places[at]`, each with the ids of
/// the networks they share, in the order met.
pub fn neighbours<'r>(places: &[Place<'r>], at: usize) -> Vec<(usize, Vec<&'r str>)> {
    let index = by_network(places);
    let mut found: Vec<(usize, Vec<&'r str>)> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for network in places[at].each_network() {
        for &other in &index[&(network as *const Network)] {
            if other == at {
                continue;
            }
            let i = *slot.entry(other).or_insert_with(|| {
                found.push((other, Vec::new()));
                found.len() - 1
            });
            found[i].1.push(network.id());
        }
    }
    found
}

/// For each place, how many other places it shares a network with.
pub fn connections(places: &[Place<'_>]) -> Vec<usize> {
    let index = by_network(places);
    // `seen[j] == i + 1`: place j already counted for place i.
    let mut seen = vec![0usize; places.len()];
    let mut counts = vec![0usize; places.len()];
    for (i, place) in places.iter().enumerate() {
        for network in place.each_network() {
            for &j in &index[&(network as *const Network)] {
                if j != i && seen[j] != i + 1 {
                    seen[j] = i + 1;
                    counts[i] += 1;
                }
            }
        }
    }
    counts
}

/// Pairs of places (indices into `places`, lower first) that share a
/// network, with the ids of the networks they share.
pub fn shared<'r>(places: &[Place<'r>]) -> BTreeMap<(usize, usize), Vec<&'r str>> {
    let mut by_network: BTreeMap<&'r str, BTreeSet<usize>> = BTreeMap::new();
    let mut order: Vec<&'r str> = Vec::new();
    for (at, place) in places.iter().enumerate() {
        for (network, _) in &place.members {
            let entry = by_network.entry(network.id()).or_insert_with(|| {
                order.push(network.id());
                BTreeSet::new()
            });
            entry.insert(at);
        }
    }
    let mut edges: BTreeMap<(usize, usize), Vec<&'r str>> = BTreeMap::new();
    for network in order {
        let members: Vec<usize> = by_network[network].iter().copied().collect();
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                edges.entry((a, b)).or_default().push(network);
            }
        }
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse;

    const TEXT: &str = r#"
[[networks]]
id = "a"
name = "A"
[[networks.partners]]
name = "Napoli"
country = "IT"
role = "lead"
geonames = 3172394
coordinates = [40.85216, 14.26811]
[[networks.partners]]
name = "Lyon"
country = "FR"
[[networks.milestones]]
date = "2008"
title = "Launch"
kind = "launch"

[[networks]]
id = "b"
name = "B"
[[networks.partners]]
name = "Naples"
country = "IT"
geonames = 3172394
[[networks.partners]]
name = "Port Authority of Naples"
country = "IT"
type = "port authority"
geonames = 3172394
[[networks.partners]]
name = "LYON"
country = "FR"
[[networks.milestones]]
date = "2012-05"
title = "Completion"
kind = "completion"

[[networks]]
id = "c"
name = "C"
[[networks.partners]]
name = "Naples"
country = "IT"
geonames = 3172394
"#;

    #[test]
    fn one_place_whatever_each_source_calls_it() {
        let registry = parse(TEXT).unwrap().registry;
        let pairs: Vec<_> = registry
            .networks
            .iter()
            .flat_map(|n| n.partners.iter().map(move |p| (n, p)))
            .collect();
        let places = group(&pairs);
        assert_eq!(places.len(), 2);
        let naples = &places[0];
        assert_eq!(naples.name, "Naples", "the commoner city spelling");
        assert_eq!(naples.id(), "geonames:3172394");
        assert_eq!(naples.networks(), ["a", "b", "c"]);
        assert_eq!(naples.leads(), 1);
        assert_eq!(naples.coordinates, Some([40.85216, 14.26811]));
        assert_eq!(naples.years(), (Some(2008), Some(2012)));
        let lyon = &places[1];
        assert_eq!((lyon.name, lyon.id().as_str()), ("Lyon", "name:lyon:fr"));
        let edges = shared(&places);
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[&(0, 1)], ["a", "b"]);
        assert_eq!(neighbours(&places, 0), [(1, vec!["a", "b"])]);
        assert_eq!(neighbours(&places, 1), [(0, vec!["a", "b"])]);
        assert_eq!(connections(&places), [1, 1]);
    }
}

#[cfg(test)]
mod span_tests {
    use crate::store::parse;

    /// A place's years are its networks' spans (spec §4): a closed network
    /// without a completion ends with its latest milestone, a running one
    /// last ran in its latest milestone's year, and one without a launch
    /// began with its earliest milestone.
    #[test]
    fn a_places_years_are_its_networks_spans() {
        let text = "[[networks]]\nid = \"closed\"\nname = \"C\"\nstatus = \"closed\"\n\
                    [[networks.partners]]\nname = \"Gent\"\n\
                    [[networks.milestones]]\ndate = \"2003\"\ntitle = \"Kick-off\"\n\
                    [[networks.milestones]]\ndate = \"2006\"\ntitle = \"Last meeting\"\n\
                    [[networks]]\nid = \"running\"\nname = \"R\"\n\
                    [[networks.partners]]\nname = \"Gent\"\n\
                    [[networks.milestones]]\ndate = \"2024\"\ntitle = \"Launch\"\nkind = \"launch\"\n\
                    [[networks.milestones]]\ndate = \"2025-05\"\ntitle = \"Meeting\"\n";
        let registry = parse(text).unwrap_or_else(|e| panic!("{e:?}")).registry;
        let filter = super::super::filter::Filter::new(chrono::NaiveDate::MIN);
        let found = super::group(&filter.partners(&registry));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].years(), (Some(2003), Some(2025)));
    }
}
