//! netreg's writes, as `cargo add`'s ops are: each takes a plain value of
//! what to change, applies the rules a write must keep (one lead, names
//! unique in a network, one launch and one completion, milestone order) and
//! edits the document. Each returns a `Summary` of what it did, which a
//! status line says in the past tense and a dry run with "would".

use toml_edit::Value;

use super::date::PartialDate;
use super::document::{self, Change, Node, RegistryDoc, Unexpected};
use super::draft::{MilestoneDraft, NetworkDraft, PartnerDraft};
use super::model::{Kind, Network, Registry, Role, Text};
use super::{merge, rules};
use crate::error::{Error, Result};
use crate::text;

/// A partner to add to a network.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub network: String,
    pub partner: PartnerDraft,
    /// With a lead: the current lead becomes a partner.
    pub replace_lead: bool,
}

/// What to change of a partner: `None` leaves a field alone; `Some(None)`
/// removes it.
#[derive(Debug, Clone, Default)]
pub struct PartnerChange {
    pub network: String,
    pub name: String,
    pub rename: Option<String>,
    pub country: Option<Option<String>>,
    pub role: Option<Role>,
    pub kind: Option<Option<String>>,
    pub geonames: Option<Option<i64>>,
    pub coordinates: Option<Option<[f64; 2]>>,
    pub replace_lead: bool,
}

/// What to change of a network: as `PartnerChange`.
#[derive(Debug, Clone, Default)]
pub struct NetworkChange {
    pub id: String,
    /// `name`, `programme`, `type`, `status`, `url`, `summary`.
    pub fields: Vec<(&'static str, Option<String>)>,
    pub themes: ListChange,
    pub sources: ListChange,
    pub start: Option<Option<PartialDate>>,
    pub end: Option<Option<PartialDate>>,
}

/// What to change of a network's themes or sources: the whole list, or
/// entries added and removed with the rest kept.
#[derive(Debug, Clone, Default)]
pub struct ListChange {
    /// The new list; `Some(vec![])` removes the key.
    pub replace: Option<Vec<String>>,
    pub add: Vec<String>,
    pub remove: Vec<String>,
}

impl ListChange {
    fn is_empty(&self) -> bool {
        self.replace.is_none() && self.add.is_empty() && self.remove.is_empty()
    }
}

/// How an import treats a network or partner the registry has already
/// (`--on-conflict` takes the same words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnConflict {
    Fail,
    Skip,
    Replace,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Tally {
    pub added: usize,
    pub skipped: usize,
    pub replaced: usize,
    /// Already in the registry as the file has them: nothing to write.
    pub unchanged: usize,
    pub conflicts: Vec<String>,
}

/// What a write does, clause by clause, so that it can be said either way:
/// "added partner `X` to `y`" once written, "would add partner `X` to `y`"
/// on a dry run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary(Vec<(Verb, String)>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Add,
    Change,
    Remove,
    Rename,
    Replace,
    Keep,
    Import,
    Undo,
}

impl Verb {
    /// The verb as a dry run says it, and as a write that happened does.
    fn forms(self) -> (&'static str, &'static str) {
        match self {
            Verb::Add => ("add", "added"),
            Verb::Change => ("change", "changed"),
            Verb::Remove => ("remove", "removed"),
            Verb::Rename => ("rename", "renamed"),
            Verb::Replace => ("replace", "replaced"),
            Verb::Keep => ("keep", "kept"),
            Verb::Import => ("import", "imported"),
            Verb::Undo => ("undo", "undid"),
        }
    }
}

impl Summary {
    pub fn new(verb: Verb, what: impl Into<String>) -> Self {
        Self(vec![(verb, what.into())])
    }

    /// One more clause: "…; removed theme `x`".
    pub fn and(mut self, verb: Verb, what: impl Into<String>) -> Self {
        self.0.push((verb, what.into()));
        self
    }

    /// As a write that happened says it.
    pub fn done(&self) -> String {
        self.said(|verb| verb.forms().1)
    }

    /// As a dry run says it: "would add …; remove …".
    pub fn would(&self) -> String {
        format!("would {}", self.said(|verb| verb.forms().0))
    }

    fn said(&self, form: impl Fn(Verb) -> &'static str) -> String {
        let clauses: Vec<String> = self
            .0
            .iter()
            .map(|(verb, what)| format!("{} {what}", form(*verb)))
            .collect();
        clauses.join("; ")
    }
}

impl From<Unexpected> for Error {
    fn from(Unexpected(what): Unexpected) -> Self {
        Error::Unexpected { what }
    }
}

pub fn add_partner(doc: &mut RegistryDoc, new: &NewPartner) -> Result<Summary> {
    let (index, network) = network_of(doc, &new.network)?;
    let name = &new.partner.name;
    if let Some(same) = partner_named(network, name) {
        return Err(Error::PartnerExists {
            network: network.id().into(),
            name: name.clone(),
            existing: network.partners[same].name().into(),
        });
    }
    let id = network.id().to_string();
    let count = network.partners.len();
    if new.partner.role == Role::Lead {
        make_lead(doc, index, None, new.replace_lead)?;
    }
    doc.network(index)?
        .children("partners")?
        .insert(count, new.partner.to_table());
    Ok(Summary::new(Verb::Add, format!("partner `{name}` to `{id}`")))
}

pub fn edit_partner(doc: &mut RegistryDoc, change: &PartnerChange) -> Result<Summary> {
    let (index, network) = network_of(doc, &change.network)?;
    let at = find_partner(network, &change.name)?;
    let (id, old_name) = (network.id().to_string(), network.partners[at].name().to_string());
    if let Some(new) = &change.rename
        && let Some(other) = partner_named(network, new).filter(|other| *other != at)
    {
        return Err(Error::PartnerExists {
            network: id,
            name: new.clone(),
            existing: network.partners[other].name().into(),
        });
    }
    if change.role == Some(Role::Lead) {
        make_lead(doc, index, Some(at), change.replace_lead)?;
    }
    let changes = [
        ("name", change.rename.clone().map(|name| Some(Value::from(name)))),
        ("country", change.country.clone().map(|c| c.map(Value::from))),
        ("role", change.role.map(|role| Some(Value::from(role.as_str())))),
        ("type", change.kind.clone().map(|t| t.map(Value::from))),
        ("geonames", change.geonames.map(|id| id.map(Value::from))),
        (
            "coordinates",
            change.coordinates.map(|c| c.map(document::coordinates)),
        ),
    ];
    let changed = set_fields(partner(doc, index, at)?, changes);
    if changed.is_empty() {
        return Err(Error::NothingToChange {
            flags: "--name, --country, --role, --type, --geonames or --coordinates",
        });
    }
    Ok(Summary::new(
        Verb::Change,
        format!("{} of partner `{old_name}` of `{id}`", changed.join(", ")),
    ))
}

pub fn remove_partner(doc: &mut RegistryDoc, network: &str, name: &str) -> Result<Summary> {
    let (index, network) = network_of(doc, network)?;
    let at = find_partner(network, name)?;
    let status = Summary::new(
        Verb::Remove,
        format!(
            "partner `{}` from `{}`",
            network.partners[at].name(),
            network.id()
        ),
    );
    doc.network(index)?.remove_child("partners", at)?;
    Ok(status)
}

/// Adds a milestone, in date order when the network's are in date order.
pub fn add_milestone(doc: &mut RegistryDoc, network: &str, milestone: &MilestoneDraft) -> Result<Summary> {
    let (index, network) = network_of(doc, network)?;
    refuse_a_second_span(network, None, Some(milestone.kind), milestone.date)?;
    refuse_the_same(network, None, milestone.date, &milestone.title)?;
    let status = Summary::new(
        Verb::Add,
        format!(
            "milestone {} `{}` to `{}`",
            milestone.date,
            milestone.title,
            network.id()
        ),
    );
    let at = insertion_point(network.milestones.iter().map(|m| m.date()), milestone.date);
    doc.network(index)?
        .children("milestones")?
        .insert(at, milestone.to_table());
    Ok(status)
}

pub fn remove_milestone(
    doc: &mut RegistryDoc,
    network: &str,
    date: PartialDate,
    title: &str,
) -> Result<Summary> {
    let (index, network) = network_of(doc, network)?;
    let at = find_milestone(network, date, title)?;
    let status = Summary::new(
        Verb::Remove,
        format!(
            "milestone {date} `{}` from `{}`",
            network.milestones[at].title,
            network.id()
        ),
    );
    doc.network(index)?.remove_child("milestones", at)?;
    Ok(status)
}

pub fn add_network(doc: &mut RegistryDoc, network: &NetworkDraft) -> Result<Summary> {
    if doc.registry().networks.iter().any(|n| n.id() == network.id) {
        return Err(Error::NetworkExists {
            id: network.id.clone(),
        });
    }
    push_network(doc, network)?;
    Ok(Summary::new(Verb::Add, format!("network `{}`", network.id)))
}

pub fn edit_network(doc: &mut RegistryDoc, change: &NetworkChange) -> Result<Summary> {
    let (index, network) = network_of(doc, &change.id)?;
    // A value the file already has is left as written.
    let fields: Vec<(&str, Option<String>)> = change
        .fields
        .iter()
        .filter(|(key, value)| merge::scalar(network, key) != value.as_deref())
        .cloned()
        .collect();
    let texts = |list: &[Text]| -> Vec<String> { list.iter().map(Text::to_string).collect() };
    let lists = [
        ("themes", "theme", &change.themes, texts(&network.themes)),
        ("sources", "source", &change.sources, texts(&network.sources)),
    ];
    let mut changed: Vec<&str> = change.fields.iter().map(|(key, _)| *key).collect();
    let mut notes = Vec::new();
    let id = network.id().to_string();
    let mut node = doc.network(index)?;
    for (key, value) in fields {
        node.set(key, value.as_deref().map(document::string));
    }
    for (key, noun, list, current) in lists {
        if !list.is_empty() {
            notes.extend(edit_list(&mut node, key, noun, current, list, &id)?);
            changed.push(key);
        }
    }
    for (date, kind) in [(change.start, Kind::Launch), (change.end, Kind::Completion)] {
        if let Some(date) = date {
            notes.extend(set_span_end(doc, index, kind, date)?);
            changed.push(if kind == Kind::Launch { "start" } else { "end" });
        }
    }
    if changed.is_empty() {
        return Err(Error::NothingToChange {
            flags: "e.g. --name, --programme, --end or --add-theme",
        });
    }
    let said = Summary::new(
        Verb::Change,
        format!("{} of network `{}`", changed.join(", "), change.id),
    );
    Ok(notes
        .into_iter()
        .fold(said, |said, (verb, what)| said.and(verb, what)))
}

/// Applies `change` to the list at `key`, whose entries are `current`: the
/// notes that say what happened. Removing an entry the list does not have
/// is an error naming the ones it has.
fn edit_list(
    node: &mut Node,
    key: &str,
    noun: &str,
    mut current: Vec<String>,
    change: &ListChange,
    network: &str,
) -> Result<Vec<(Verb, String)>> {
    // Two themes are one ignoring case and accents; two sources, as written.
    let same = |a: &str, b: &str| match key {
        "themes" => text::fold(a.trim()) == text::fold(b.trim()),
        _ => a.trim() == b.trim(),
    };
    let mut notes = Vec::new();
    if let Some(list) = &change.replace {
        if *list != current {
            node.set(
                key,
                (!list.is_empty()).then(|| document::strings(list.iter().map(String::as_str))),
            );
        }
        notes.push(match list.len() {
            0 => (Verb::Remove, format!("all {key}")),
            n => (Verb::Replace, format!("{key} ({n})")),
        });
        current.clone_from(list);
    }
    for gone in &change.remove {
        let Some(at) = current.iter().position(|entry| same(entry, gone)) else {
            let listed: Vec<String> = current.iter().map(|entry| format!("`{entry}`")).collect();
            return Err(Error::failed(
                format!("network `{network}` has no {noun} `{}`", gone.trim()),
                if listed.is_empty() {
                    format!("it has no {key}")
                } else {
                    format!("its {key} are {}", listed.join(", "))
                },
            ));
        };
        node.remove_item(key, at)?;
        notes.push((Verb::Remove, format!("{noun} `{}`", current.remove(at))));
    }
    for new in &change.add {
        let new = new.trim();
        if let Some(there) = current.iter().find(|entry| same(entry, new)) {
            notes.push((Verb::Keep, format!("{noun} `{there}`, there already")));
            continue;
        }
        node.push_item(key, document::string(new));
        notes.push((Verb::Add, format!("{noun} `{new}`")));
        current.push(new.to_string());
    }
    Ok(notes)
}

/// Gives a network another id (a slug no other network has).
pub fn rename_network(doc: &mut RegistryDoc, old: &str, new: &str) -> Result<Summary> {
    let index = find_network(doc.registry(), old)?;
    let old = doc.registry().networks[index].id().to_string();
    if doc
        .registry()
        .networks
        .iter()
        .any(|n| n.id() == new && n.id() != old)
    {
        return Err(Error::NetworkExists { id: new.into() });
    }
    doc.network(index)?.set("id", Some(document::string(new)));
    Ok(Summary::new(Verb::Rename, format!("network `{old}` to `{new}`")))
}

/// What to change of a milestone; `None` leaves a field alone.
#[derive(Debug, Clone)]
pub struct MilestoneChange {
    pub network: String,
    pub date: PartialDate,
    pub title: String,
    pub new_date: Option<PartialDate>,
    pub new_title: Option<String>,
    pub kind: Option<Kind>,
}

pub fn edit_milestone(doc: &mut RegistryDoc, change: &MilestoneChange) -> Result<Summary> {
    let (index, network) = network_of(doc, &change.network)?;
    let at = find_milestone(network, change.date, &change.title)?;
    let (id, old) = (network.id().to_string(), network.milestones[at].title.to_string());
    let (date, title) = (
        change.new_date.unwrap_or(change.date),
        change.new_title.as_deref().unwrap_or(&old),
    );
    refuse_the_same(network, Some(at), date, title)?;
    refuse_a_second_span(network, Some(at), change.kind, date)?;
    let changes = [
        ("date", change.new_date.map(document::date)),
        ("title", change.new_title.as_deref().map(document::string)),
        ("kind", change.kind.map(|k| document::string(k.as_str()))),
    ];
    let node = doc.network(index)?.children("milestones")?.get(at)?;
    let changed = set_fields(node, changes.map(|(key, value)| (key, value.map(Some))));
    if changed.is_empty() {
        return Err(Error::NothingToChange {
            flags: "--date, --title or --kind",
        });
    }
    Ok(Summary::new(
        Verb::Change,
        format!(
            "{} of milestone {} `{old}` of `{id}`",
            changed.join(", "),
            change.date
        ),
    ))
}

/// The index of the milestone but the one at `except` dated `date` and
/// called `title`, ignoring case and accents.
fn milestone_named(
    network: &Network,
    except: Option<usize>,
    date: PartialDate,
    title: &str,
) -> Option<usize> {
    let key = text::fold(title.trim());
    (network.milestones.iter().enumerate())
        .position(|(i, m)| Some(i) != except && m.date() == date && text::fold(m.title.trim()) == key)
}

/// Refuses a milestone the network has already, but for the one at `except`.
fn refuse_the_same(network: &Network, except: Option<usize>, date: PartialDate, title: &str) -> Result<()> {
    match milestone_named(network, except, date, title) {
        Some(same) => Err(Error::MilestoneExists {
            network: network.id().into(),
            date: date.to_string(),
            title: network.milestones[same].title.to_string(),
        }),
        None => Ok(()),
    }
}

/// Refuses a second launch or completion, but for the one at `except`.
fn refuse_a_second_span(
    network: &Network,
    except: Option<usize>,
    kind: Option<Kind>,
    wanted: PartialDate,
) -> Result<()> {
    let Some(kind) = kind.filter(|k| *k != Kind::Event) else {
        return Ok(());
    };
    match (network.milestones.iter().enumerate()).find(|(i, m)| Some(*i) != except && m.kind == kind) {
        Some((_, existing)) => Err(Error::SpanTaken {
            network: network.id().into(),
            kind: kind.as_str(),
            date: existing.date().to_string(),
            wanted: wanted.to_string(),
        }),
        None => Ok(()),
    }
}

fn find_milestone(network: &Network, date: PartialDate, title: &str) -> Result<usize> {
    milestone_named(network, None, date, title).ok_or_else(|| Error::MilestoneNotFound {
        network: network.id().into(),
        date: date.to_string(),
        title: title.trim().into(),
    })
}

pub fn remove_network(doc: &mut RegistryDoc, id: &str) -> Result<Summary> {
    let (index, network) = network_of(doc, id)?;
    let status = Summary::new(
        Verb::Remove,
        format!(
            "network `{id}` with {} and {}",
            text::count(network.partners.len(), "partner"),
            text::count(network.milestones.len(), "milestone")
        ),
    );
    doc.remove_network(index)?;
    Ok(status)
}

/// Merges networks: new ids are added, known ones treated as `policy` says.
pub fn import_networks(
    doc: &mut RegistryDoc,
    incoming: &[NetworkDraft],
    policy: OnConflict,
) -> Result<Tally> {
    let mut tally = Tally::default();
    for network in incoming {
        match doc.registry().networks.iter().position(|n| n.id() == network.id) {
            None => {
                push_network(doc, network)?;
                tally.added += 1;
            }
            Some(index) => {
                // One the registry already has as data is no conflict.
                let plan = merge::plan(&doc.registry().networks[index], network);
                if plan.is_empty() {
                    tally.unchanged += 1;
                    continue;
                }
                match policy {
                    OnConflict::Fail => tally.conflicts.push(network.id.clone()),
                    OnConflict::Skip => tally.skipped += 1,
                    OnConflict::Replace => {
                        plan.apply(doc.network(index)?)?;
                        tally.replaced += 1;
                    }
                }
            }
        }
    }
    Ok(tally)
}

/// Merges partner rows `(network, partner)`: new names are added, known ones
/// treated as `policy` says (replace: their country, role and type).
pub fn import_partners(
    doc: &mut RegistryDoc,
    rows: &[(String, PartnerDraft)],
    policy: OnConflict,
) -> Result<Tally> {
    let mut tally = Tally::default();
    // Partners added so far to each network, which the typed registry does not know of.
    let mut added: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (network, partner) in rows {
        let (index, known) = network_of(doc, network)?;
        match partner_named(known, &partner.name) {
            None => {
                let at = known.partners.len() + added.get(&index).copied().unwrap_or(0);
                doc.network(index)?
                    .children("partners")?
                    .insert(at, partner.to_table());
                *added.entry(index).or_default() += 1;
                tally.added += 1;
            }
            Some(at) => {
                // A row replaces a partner's country, role and type, and
                // only those of them that differ.
                let changes: Vec<_> = merge::partner_changes(&known.partners[at], partner)
                    .into_iter()
                    .filter(|(key, _)| matches!(*key, "country" | "role" | "type"))
                    .collect();
                if changes.is_empty() {
                    tally.unchanged += 1;
                    continue;
                }
                match policy {
                    OnConflict::Fail => tally.conflicts.push(format!("{network}/{}", partner.name)),
                    OnConflict::Skip => tally.skipped += 1,
                    OnConflict::Replace => {
                        let mut node = self::partner(doc, index, at)?;
                        for (key, value) in changes {
                            node.set(key, value);
                        }
                        tally.replaced += 1;
                    }
                }
            }
        }
    }
    Ok(tally)
}

/// A network added at the end; the first of an empty registry gets
/// `format = 1` above it, under the comments the file holds.
fn push_network(doc: &mut RegistryDoc, network: &NetworkDraft) -> Result<()> {
    let registry = doc.registry();
    if registry.format.is_none() && registry.networks.is_empty() {
        let top = doc.top()?;
        if !top.contains_key("format") {
            // What the file holds stays above it.
            let trailing = top.trailing().as_str().unwrap_or_default().to_string();
            top.set_trailing("");
            top.insert("format", toml_edit::value(1));
            if let Some(mut key) = top.key_mut("format") {
                let line_end = if trailing.is_empty() || trailing.ends_with('\n') {
                    ""
                } else {
                    "\n"
                };
                key.leaf_decor_mut().set_prefix(trailing + line_end);
            }
        }
    }
    doc.push_network(network.to_table())?;
    Ok(())
}

fn partner(doc: &mut RegistryDoc, network: usize, at: usize) -> Result<Node<'_>> {
    Ok(doc.network(network)?.children("partners")?.get(at)?)
}

/// Sets each field given (`Some`); the names of those set.
fn set_fields<'k>(
    mut node: Node,
    changes: impl IntoIterator<Item = (&'k str, Option<Change>)>,
) -> Vec<&'k str> {
    let mut changed = Vec::new();
    for (key, change) in changes {
        if let Some(value) = change {
            node.set(key, value);
            changed.push(key);
        }
    }
    changed
}

/// Refuses a second lead, or with `replace` demotes the current one.
fn make_lead(doc: &mut RegistryDoc, index: usize, except: Option<usize>, replace: bool) -> Result<()> {
    let network = &doc.registry().networks[index];
    let current = network
        .partners
        .iter()
        .enumerate()
        .find(|(i, p)| p.role == Role::Lead && Some(*i) != except);
    let Some((at, lead)) = current else {
        return Ok(());
    };
    if !replace {
        return Err(Error::LeadTaken {
            network: network.id().into(),
            lead: lead.name().into(),
        });
    }
    partner(doc, index, at)?.set("role", Some(document::string("partner")));
    Ok(())
}

/// The title of a launch or completion milestone that netreg made itself
/// (from `--start` or `--end`), which says nothing but its date.
fn span_title(kind: Kind) -> &'static str {
    if kind == Kind::Launch {
        "Network launched"
    } else {
        "Network completed"
    }
}

/// Moves or adds the launch or completion milestone, or (with no date)
/// clears the network's start or end: a milestone netreg made for the date
/// alone goes, one that tells of an event stays as an event. Says which.
fn set_span_end(
    doc: &mut RegistryDoc,
    index: usize,
    kind: Kind,
    date: Option<PartialDate>,
) -> Result<Option<(Verb, String)>> {
    let network = &doc.registry().networks[index];
    let existing = network.milestones.iter().position(|m| m.kind == kind);
    match (existing, date) {
        (Some(at), Some(date)) => doc
            .network(index)?
            .children("milestones")?
            .get(at)?
            .set("date", Some(document::date(date))),
        (Some(at), None) => {
            let milestone = &network.milestones[at];
            let note = format!("milestone {} `{}`", milestone.date(), milestone.title);
            if milestone.title.trim() == span_title(kind) {
                doc.network(index)?.remove_child("milestones", at)?;
                return Ok(Some((Verb::Remove, format!("its {note}"))));
            }
            let mut node = doc.network(index)?.children("milestones")?.get(at)?;
            node.set("kind", Some(document::string(Kind::Event.as_str())));
            return Ok(Some((Verb::Keep, format!("its {note}, as an event"))));
        }
        (None, Some(date)) => {
            let title = span_title(kind);
            let draft = MilestoneDraft { date, title, kind };
            let at = insertion_point(network.milestones.iter().map(|m| m.date()), date);
            doc.network(index)?
                .children("milestones")?
                .insert(at, draft.to_table());
        }
        (None, None) => {}
    }
    Ok(None)
}

/// Where a milestone dated `date` goes among milestones dated `dates`: in
/// date order when they are in date order, otherwise last.
pub(super) fn insertion_point(dates: impl Iterator<Item = PartialDate>, date: PartialDate) -> usize {
    let dates: Vec<PartialDate> = dates.collect();
    if dates.is_sorted() {
        dates.partition_point(|d| *d <= date)
    } else {
        dates.len()
    }
}

/// The network with `id` in the document's registry, and its index.
fn network_of<'d>(doc: &'d RegistryDoc, id: &str) -> Result<(usize, &'d Network)> {
    let index = find_network(doc.registry(), id)?;
    Ok((index, &doc.registry().networks[index]))
}

/// The index of the network with `id`.
pub fn find_network(registry: &Registry, id: &str) -> Result<usize> {
    let id = id.trim();
    registry
        .networks
        .iter()
        .position(|n| n.id() == id)
        .ok_or_else(|| Error::NetworkNotFound {
            id: id.into(),
            suggestion: text::nearest(id, registry.networks.iter().map(|n| n.id())).map(String::from),
        })
}

/// The index of the partner called `name`, ignoring case and accents.
fn partner_named(network: &Network, name: &str) -> Option<usize> {
    let key = rules::name_key(name);
    network
        .partners
        .iter()
        .position(|p| rules::name_key(p.name()) == key)
}

fn find_partner(network: &Network, name: &str) -> Result<usize> {
    partner_named(network, name).ok_or_else(|| Error::PartnerNotFound {
        network: network.id().into(),
        name: name.into(),
        suggestion: text::nearest(name, network.partners.iter().map(|p| p.name())).map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::draft::PartnerDraft;

    const TEXT: &str = "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"Óbidos\"\ncountry = \"PT\"\nrole = \"lead\"\n\n[[networks.milestones]]\ndate = 2008-05-01\ntitle = \"Launch\"\nkind = \"launch\"\n\n[[networks.milestones]]\ndate = \"2012\"\ntitle = \"End\"\nkind = \"completion\"\n";

    fn doc() -> RegistryDoc {
        let read = crate::store::read_text(TEXT);
        RegistryDoc::open(TEXT.to_string(), read.registry, read.layout).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn new_partner(name: &str, role: Role, replace_lead: bool) -> NewPartner {
        NewPartner {
            network: "n".into(),
            partner: PartnerDraft {
                name: name.into(),
                country: Some("IT".into()),
                role,
                kind: None,
                geonames: None,
                coordinates: None,
            },
            replace_lead,
        }
    }

    fn milestone(date: &str, title: &str, kind: Kind) -> MilestoneDraft {
        MilestoneDraft {
            date: PartialDate::parse(date).unwrap_or_else(|e| panic!("{e}")),
            title: title.into(),
            kind,
        }
    }

    #[test]
    fn a_partner_name_is_taken_whatever_its_case_and_accents() {
        let error = add_partner(&mut doc(), &new_partner("OBIDOS", Role::Partner, false)).err();
        assert!(
            matches!(&error, Some(Error::PartnerExists { existing, .. }) if existing == "Óbidos"),
            "{error:?}"
        );
    }

    #[test]
    fn a_second_lead_needs_replace_lead_which_demotes_the_first() {
        let error = add_partner(&mut doc(), &new_partner("Pisa", Role::Lead, false)).err();
        assert!(
            matches!(&error, Some(Error::LeadTaken { lead, .. }) if lead == "Óbidos"),
            "{error:?}"
        );
        let mut doc = doc();
        add_partner(&mut doc, &new_partner("Pisa", Role::Lead, true)).unwrap_or_else(|e| panic!("{e:?}"));
        let text = doc.finish().text;
        assert!(
            text.contains("name = \"Óbidos\"\ncountry = \"PT\"\nrole = \"partner\"\n"),
            "{text}"
        );
        assert!(
            text.contains("name = \"Pisa\"\ncountry = \"IT\"\nrole = \"lead\"\n"),
            "{text}"
        );
    }

    #[test]
    fn milestones_go_in_date_order_once_each() {
        let mut doc = doc();
        add_milestone(&mut doc, "n", &milestone("2010", "Midway", Kind::Event))
            .unwrap_or_else(|e| panic!("{e:?}"));
        let text = doc.finish().text;
        let (launch, midway, end) = (text.find("Launch"), text.find("Midway"), text.find("\"End\""));
        assert!(launch < midway && midway < end, "{text}");
        let twice = add_milestone(&mut self::doc(), "n", &milestone("2012", "end", Kind::Event)).err();
        assert!(matches!(twice, Some(Error::MilestoneExists { .. })), "{twice:?}");
        let second_launch =
            add_milestone(&mut self::doc(), "n", &milestone("2009", "Again", Kind::Launch)).err();
        assert!(
            matches!(second_launch, Some(Error::SpanTaken { kind: "launch", .. })),
            "{second_launch:?}"
        );
    }

    #[test]
    fn an_unknown_network_suggests_the_nearest_id() {
        let error = remove_network(&mut doc(), "m").err();
        assert!(
            matches!(&error, Some(Error::NetworkNotFound { id, .. }) if id == "m"),
            "{error:?}"
        );
        let error = remove_partner(&mut doc(), "n", "Obidoss").err();
        assert!(
            matches!(&error, Some(Error::PartnerNotFound { suggestion: Some(near), .. }) if near == "Óbidos"),
            "{error:?}"
        );
    }
}
