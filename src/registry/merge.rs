//! What an import changes of a network the registry has already: only the
//! values that differ. Partners are matched by name (as the rules compare
//! names) and milestones by date and title (as `milestones edit` finds
//! them), so every line an import leaves alone stays as the user wrote it.

use toml_edit::Table;

use super::date::PartialDate;
use super::document::{self, Change, Node};
use super::draft::{MilestoneDraft, NetworkDraft, PartnerDraft};
use super::model::{Milestone, Network, Partner, Status};
use super::{edit, rules};
use crate::error::Result;
use crate::text;

/// The edits that make a network what an imported one says.
#[derive(Default)]
pub struct Plan {
    fields: Vec<(&'static str, Change)>,
    /// Themes or sources changed entry by entry, keeping the array's layout.
    lists: Vec<(&'static str, ListEdit)>,
    partners: Children,
    milestones: Children,
}

/// The edits of a network's partners or milestones.
#[derive(Default)]
struct Children {
    /// Keys to set of entries already there, by their index in the file.
    changed: Vec<(usize, Vec<(&'static str, Change)>)>,
    /// New entries, each with where it goes once those before it are in.
    added: Vec<(usize, Table)>,
    /// Entries the import does not have, by their index once the new ones
    /// are in, last first.
    removed: Vec<usize>,
}

/// Entries of an array removed (last first) and added at its end.
struct ListEdit {
    removed: Vec<usize>,
    added: Vec<String>,
}

/// How `old` becomes `new` as a set, by removing entries (and repeats) and
/// adding others at the end: the entries that stay keep their lines and
/// their comments, whatever order the import gives them in. `None` when
/// there is nothing to change.
fn list_edit(old: &[&str], new: &[String]) -> Option<ListEdit> {
    let mut seen = std::collections::BTreeSet::new();
    let removed: Vec<usize> = (0..old.len())
        .rev()
        .filter(|&i| !new.iter().any(|n| n == old[i]) || old[..i].contains(&old[i]))
        .collect();
    let added: Vec<String> = new
        .iter()
        .filter(|n| !old.contains(&n.as_str()) && seen.insert(n.as_str()))
        .cloned()
        .collect();
    (!removed.is_empty() || !added.is_empty()).then_some(ListEdit { removed, added })
}

/// A network's value for one of its text keys, as the file has it.
pub fn scalar<'n>(network: &'n Network, key: &str) -> Option<&'n str> {
    match key {
        "id" => Some(network.id()),
        "name" => Some(&network.name),
        "programme" => network.programme.as_deref(),
        "type" => network.kind.as_deref(),
        "status" => network.status.map(Status::as_str),
        "url" => network.url.as_deref(),
        "summary" => network.summary.as_deref(),
        _ => None,
    }
}

/// What to change of `network` to make it `wanted`; empty when the two are
/// the same as data (partners, milestones, themes and sources in any order).
pub fn plan(network: &Network, wanted: &NetworkDraft) -> Plan {
    let mut fields = Vec::new();
    for (key, value) in [
        ("name", Some(wanted.name.as_str())),
        ("programme", wanted.programme.as_deref()),
        ("type", wanted.kind.as_deref()),
        ("status", wanted.status.map(Status::as_str)),
        ("url", wanted.url.as_deref()),
        ("summary", wanted.summary.as_deref()),
    ] {
        if scalar(network, key) != value {
            fields.push((key, value.map(document::string)));
        }
    }
    let mut lists = Vec::new();
    for (key, old, new) in [
        ("themes", &network.themes, &wanted.themes),
        ("sources", &network.sources, &wanted.sources),
    ] {
        let old: Vec<&str> = old.iter().map(|t| t.as_str()).collect();
        match list_edit(&old, new) {
            // Nothing stays: the whole list, set where the key stands.
            Some(edit) if edit.removed.len() == old.len() => {
                let value = (!new.is_empty()).then(|| document::strings(new.iter().map(String::as_str)));
                fields.push((key, value));
            }
            Some(edit) => lists.push((key, edit)),
            None => {}
        }
    }
    Plan {
        fields,
        lists,
        partners: partners(&network.partners, &wanted.partners),
        milestones: milestones(&network.milestones, &wanted.milestones),
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.lists.is_empty()
            && self.partners.is_empty()
            && self.milestones.is_empty()
    }

    pub fn apply(self, mut node: Node) -> Result<()> {
        for (key, value) in self.fields {
            node.set(key, value);
        }
        for (key, edit) in self.lists {
            for at in edit.removed {
                node.remove_item(key, at)?;
            }
            for entry in edit.added {
                node.push_item(key, document::string(&entry));
            }
        }
        self.partners.apply(node.reborrow(), "partners")?;
        self.milestones.apply(node, "milestones")
    }
}

impl Children {
    fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }

    /// Changes first (their indices are the file's), then the new entries,
    /// then the removals: the list is never left empty on the way, which
    /// would remove its key.
    fn apply(self, mut node: Node, key: &str) -> Result<()> {
        for (at, changes) in self.changed {
            let mut child = node.reborrow().children(key)?.get(at)?;
            for (field, value) in changes {
                child.set(field, value);
            }
        }
        for (at, table) in self.added {
            node.reborrow().children(key)?.insert(at, table);
        }
        for at in self.removed {
            node.reborrow().remove_child(key, at)?;
        }
        Ok(())
    }
}

fn partners(old: &[Partner], new: &[PartnerDraft]) -> Children {
    let keys: Vec<String> = old.iter().map(|p| rules::name_key(p.name())).collect();
    let mut matched = vec![false; old.len()];
    let mut children = Children::default();
    for wanted in new {
        let key = rules::name_key(&wanted.name);
        match (0..old.len()).find(|&i| !matched[i] && keys[i] == key) {
            Some(at) => {
                matched[at] = true;
                let changes = partner_changes(&old[at], wanted);
                if !changes.is_empty() {
                    children.changed.push((at, changes));
                }
            }
            None => {
                let at = old.len() + children.added.len();
                children.added.push((at, wanted.to_table()));
            }
        }
    }
    // New partners go last, so the others keep their indices.
    children.removed = (0..old.len()).rev().filter(|&i| !matched[i]).collect();
    children
}

/// The keys of a partner that differ from what `wanted` says.
pub fn partner_changes(old: &Partner, wanted: &PartnerDraft) -> Vec<(&'static str, Change)> {
    let mut changes = Vec::new();
    if old.name() != wanted.name {
        changes.push(("name", Some(document::string(&wanted.name))));
    }
    if old.country() != wanted.country.as_deref() {
        changes.push(("country", wanted.country.as_deref().map(document::string)));
    }
    if old.role != wanted.role {
        changes.push(("role", Some(document::string(wanted.role.as_str()))));
    }
    if old.kind.as_deref() != wanted.kind.as_deref() {
        changes.push(("type", wanted.kind.as_deref().map(document::string)));
    }
    if old.geonames.as_ref().map(|id| *id.get_ref()) != wanted.geonames {
        changes.push(("geonames", wanted.geonames.map(toml_edit::Value::from)));
    }
    if old.coordinates.as_ref().map(|c| *c.get_ref()) != wanted.coordinates {
        changes.push(("coordinates", wanted.coordinates.map(document::coordinates)));
    }
    changes
}

fn milestones(old: &[Milestone], new: &[MilestoneDraft]) -> Children {
    let key = |date: PartialDate, title: &str| (date, text::fold(title.trim()));
    let keys: Vec<_> = old.iter().map(|m| key(m.date(), &m.title)).collect();
    let mut matched = vec![false; old.len()];
    // The list as it will be: each entry's date, and its index in the file.
    let mut list: Vec<(PartialDate, Option<usize>)> =
        old.iter().enumerate().map(|(i, m)| (m.date(), Some(i))).collect();
    let mut children = Children::default();
    for wanted in new {
        let wanted_key = key(wanted.date, &wanted.title);
        match (0..old.len()).find(|&i| !matched[i] && keys[i] == wanted_key) {
            Some(at) => {
                matched[at] = true;
                let mut changes = Vec::new();
                if old[at].title != wanted.title.as_str() {
                    changes.push(("title", Some(document::string(&wanted.title))));
                }
                if old[at].kind != wanted.kind {
                    changes.push(("kind", Some(document::string(wanted.kind.as_str()))));
                }
                if !changes.is_empty() {
                    children.changed.push((at, changes));
                }
            }
            None => {
                // In date order when the list is in date order, else last
                // (as `milestones add` puts one).
                let at = edit::insertion_point(list.iter().map(|(date, _)| *date), wanted.date);
                list.insert(at, (wanted.date, None));
                children.added.push((at, wanted.to_table()));
            }
        }
    }
    children.removed = list
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, (_, file))| file.is_some_and(|i| !matched[i]))
        .map(|(at, _)| at)
        .collect();
    children
}
