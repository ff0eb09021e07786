//! Which networks, partners and milestones a list shows: pure matching over the
//! typed registry. Repeating a filter means OR; different filters mean AND.

use chrono::NaiveDate;

use super::date::PartialDate;
use super::model::{Kind, Milestone, Network, Partner, Registry, Role, Status};
use crate::text::fold;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Network ids, lower-cased.
    pub networks: Vec<String>,
    /// Alpha-2 codes.
    pub countries: Vec<&'static str>,
    pub roles: Vec<Role>,
    /// Folded programme names.
    pub programmes: Vec<String>,
    pub statuses: Vec<Status>,
    pub kinds: Vec<Kind>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Folded search texts.
    pub searches: Vec<String>,
    /// The day statuses are derived for.
    pub today: NaiveDate,
}

impl Filter {
    /// A filter that lets everything through.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            today,
            ..Self::default()
        }
    }

    /// Networks that match, in file order.
    pub fn networks<'r>(&self, registry: &'r Registry) -> Vec<&'r Network> {
        registry
            .networks
            .iter()
            .filter(|n| self.network_fields_match(n) && self.in_window(|| span(n)))
            .filter(|n| !self.filters_partners() || n.partners.iter().any(|p| self.partner_matches(p)))
            .filter(|n| self.searches.is_empty() || self.search_matches(network_texts(n)))
            .collect()
    }

    /// (network, partner) pairs that match; each network's lead comes first.
    pub fn partners<'r>(&self, registry: &'r Registry) -> Vec<(&'r Network, &'r Partner)> {
        registry
            .networks
            .iter()
            .filter(|n| self.network_fields_match(n) && self.in_window(|| span(n)))
            .flat_map(|n| n.partners_lead_first().into_iter().map(move |p| (n, p)))
            .filter(|(_, p)| self.partner_matches(p))
            .filter(|(n, p)| self.search_matches([p.name(), n.id(), &*n.name]))
            .collect()
    }

    /// (network, milestone) pairs that match, in date order.
    pub fn milestones<'r>(&self, registry: &'r Registry) -> Vec<(&'r Network, &'r Milestone)> {
        let mut rows: Vec<(&Network, &Milestone)> = registry
            .networks
            .iter()
            .filter(|n| self.network_fields_match(n))
            .filter(|n| !self.filters_partners() || n.partners.iter().any(|p| self.partner_matches(p)))
            .flat_map(|n| n.milestones.iter().map(move |m| (n, m)))
            .filter(|(_, m)| self.kinds.is_empty() || self.kinds.contains(&m.kind))
            .filter(|(_, m)| self.in_window(|| Some((m.date().first_day(), m.date().last_day()))))
            .filter(|(n, m)| self.search_matches([&*m.title, n.id(), &*n.name]))
            .collect();
        rows.sort_by_key(|(_, m)| m.date());
        rows
    }

    /// `network` as an export of whole networks gives it: with the partners
    /// the filters select (`--country`, `--role`), as `partners list` does;
    /// `None` when they select all of them.
    pub fn trimmed(&self, network: &Network) -> Option<Network> {
        if !self.filters_partners() {
            return None;
        }
        let mut network = network.clone();
        network.partners.retain(|partner| self.partner_matches(partner));
        Some(network)
    }

    fn filters_partners(&self) -> bool {
        !self.countries.is_empty() || !self.roles.is_empty()
    }

    fn network_fields_match(&self, network: &Network) -> bool {
        (self.networks.is_empty() || self.networks.iter().any(|id| id == network.id()))
            && (self.programmes.is_empty()
                || network
                    .programme
                    .as_deref()
                    .map(fold)
                    .is_some_and(|p| self.programmes.contains(&p)))
            && (self.statuses.is_empty()
                || network
                    .status(self.today)
                    .is_some_and(|s| self.statuses.contains(&s)))
    }

    fn partner_matches(&self, partner: &Partner) -> bool {
        (self.countries.is_empty() || partner.country().is_some_and(|c| self.countries.contains(&c)))
            && (self.roles.is_empty() || self.roles.contains(&partner.role))
    }

    /// Whether `period` (worked out only when there is a window) overlaps the
    /// `--from`/`--to` window; an undated period matches only when there is none.
    fn in_window(&self, period: impl FnOnce() -> Option<(NaiveDate, NaiveDate)>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some((first, last)) = period() else {
            return false;
        };
        self.from.is_none_or(|from| last >= from.first_day())
            && self.to.is_none_or(|to| first <= to.last_day())
    }

    fn search_matches<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> bool {
        if self.searches.is_empty() {
            return true;
        }
        texts.into_iter().any(|t| {
            self.searches
                .iter()
                .any(|needle| fold(t).contains(needle.as_str()))
        })
    }
}

/// A network's span as a window test takes it: an open end runs on.
fn span(network: &Network) -> Option<(NaiveDate, NaiveDate)> {
    network
        .span()
        .map(|(first, last)| (first, last.unwrap_or(NaiveDate::MAX)))
}

fn network_texts(network: &Network) -> Vec<&str> {
    let mut texts = vec![network.id(), &*network.name];
    texts.extend(network.summary.as_deref());
    texts.extend(network.themes.iter().map(|t| &**t));
    texts.extend(network.partners.iter().map(Partner::name));
    texts.extend(network.milestones.iter().map(|m| &*m.title));
    texts
}
