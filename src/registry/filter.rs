//! Which networks, partners and milestones a list shows: pure matching over the
//! typed registry. Repeating a filter means OR; different filters mean AND.

use chrono::NaiveDate;

use super::date::PartialDate;
use super::model::{Kind, Milestone, Network, Partner, Registry, Role, Status};
use super::text::fold;

#[derive(Debug, Clone)]
pub struct Filter {
    /// Network ids, lower-cased.
    pub networks: Vec<String>,
    /// Alpha-2 codes.
    pub countries: Vec<&'static str>,
    pub role: Option<Role>,
    /// Folded programme name.
    pub programme: Option<String>,
    pub status: Option<Status>,
    pub kind: Option<Kind>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Folded search text.
    pub search: Option<String>,
    /// The day statuses are derived for.
    pub today: NaiveDate,
}

impl Filter {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            networks: Vec::new(),
            countries: Vec::new(),
            role: None,
            programme: None,
            status: None,
            kind: None,
            from: None,
            to: None,
            search: None,
            today,
        }
    }

    /// Networks that match, in file order.
    pub fn networks<'r>(&self, registry: &'r Registry) -> Vec<&'r Network> {
        registry
            .networks
            .iter()
            .filter(|n| self.network_fields_match(n) && self.in_window(span_of(n)))
            .filter(|n| !self.filters_partners() || n.partners.iter().any(|p| self.partner_matches(p)))
            .filter(|n| self.search_matches(network_texts(n)))
            .collect()
    }

    /// (network, partner) pairs that match; each network's lead comes first.
    pub fn partners<'r>(&self, registry: &'r Registry) -> Vec<(&'r Network, &'r Partner)> {
        registry
            .networks
            .iter()
            .filter(|n| self.network_fields_match(n) && self.in_window(span_of(n)))
            .flat_map(|n| n.partners_lead_first().into_iter().map(move |p| (n, p)))
            .filter(|(_, p)| self.partner_matches(p))
            .filter(|(n, p)| self.search_matches([p.name(), n.id(), n.name.as_str()]))
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
            .filter(|(_, m)| self.kind.is_none_or(|k| m.kind == k))
            .filter(|(_, m)| self.in_window(Some((m.date().first_day(), m.date().last_day()))))
            .filter(|(n, m)| self.search_matches([m.title.as_str(), n.id(), n.name.as_str()]))
            .collect();
        rows.sort_by_key(|(_, m)| m.date());
        rows
    }

    fn filters_partners(&self) -> bool {
        !self.countries.is_empty() || self.role.is_some()
    }

    fn network_fields_match(&self, network: &Network) -> bool {
        (self.networks.is_empty() || self.networks.iter().any(|id| id == network.id()))
            && self
                .programme
                .as_ref()
                .is_none_or(|p| network.programme.as_deref().map(fold).as_ref() == Some(p))
            && self.status.is_none_or(|s| network.status(self.today) == Some(s))
    }

    fn partner_matches(&self, partner: &Partner) -> bool {
        (self.countries.is_empty() || partner.country().is_some_and(|c| self.countries.contains(&c)))
            && self.role.is_none_or(|r| partner.role == r)
    }

    /// Whether a period overlaps the `--from`/`--to` window; an undated
    /// period matches only when there is no window.
    fn in_window(&self, period: Option<(NaiveDate, NaiveDate)>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some((first, last)) = period else {
            return false;
        };
        self.from.is_none_or(|from| last >= from.first_day())
            && self.to.is_none_or(|to| first <= to.last_day())
    }

    fn search_matches<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> bool {
        match &self.search {
            None => true,
            Some(needle) => texts.into_iter().any(|t| fold(t).contains(needle.as_str())),
        }
    }
}

/// A network's span: launch to completion, falling back on its first and
/// last milestones; an open end runs on indefinitely.
pub fn span_of(network: &Network) -> Option<(NaiveDate, NaiveDate)> {
    let dates = network.milestones.iter().map(Milestone::date);
    let first = network.start().or_else(|| dates.clone().min())?;
    let last = match network.end() {
        Some(end) => end.last_day(),
        None if network.start().is_some() => NaiveDate::MAX,
        None => dates.max().map_or(NaiveDate::MAX, |d| d.last_day()),
    };
    Some((first.first_day(), last))
}

fn network_texts(network: &Network) -> Vec<&str> {
    let mut texts = vec![network.id(), network.name.as_str()];
    texts.extend(network.summary.as_deref());
    texts.extend(network.themes.iter().map(String::as_str));
    texts.extend(network.partners.iter().map(Partner::name));
    texts.extend(network.milestones.iter().map(|m| m.title.as_str()));
    texts
}
