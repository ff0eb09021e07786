//! `diff OLD NEW`: what changed between two registries, as networks,
//! partners and milestones added, removed and changed field by field.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Out, Rows, Shape};
use crate::registry::date::PartialDate;
use crate::registry::model::{Milestone, Network, Partner, Registry};
use crate::registry::rules::name_key;
use crate::text::visible;

pub const FIELDS: &[&str] = &["change", "entity", "network", "item", "field", "old", "new"];

/// One change: what, to which network and item, and the field's two values.
struct Change {
    change: &'static str,
    entity: &'static str,
    network: String,
    item: String,
    field: String,
    old: Option<String>,
    new: Option<String>,
}

pub fn run(config: &Config, git: bool, files: &[PathBuf], out: &mut Out<'_>) -> Result<()> {
    let (old, new, path) = match (git, files) {
        (false, [old, new]) => (old, new, None),
        (true, [path, old, _, _, new, _, _] | [path, old, _, _, new, _, _, _, _]) => (old, new, Some(path)),
        (true, [path]) => {
            // An unmerged path: git has no two sides to give.
            let path = visible(&path.display().to_string()).into_owned();
            return writeln!(out, "netreg diff {path}: unmerged");
        }
        (true, _) => {
            return Err(Error::usage(
                "`diff --git` takes the arguments git gives a diff driver (one, seven or nine)",
                "set it up with `git config diff.netreg.command \"netreg diff --git\"`".to_string(),
            ));
        }
        (false, _) => {
            return Err(Error::usage(
                "`diff` compares two registry files",
                "netreg diff OLD NEW (or /dev/null for nothing)".to_string(),
            ));
        }
    };
    let Some(path) = path else {
        let (old, new) = (open(old)?, open(new)?);
        return print(config, &old.1, &new.1, Some((&old.0, &new.0)), out);
    };
    // git gives the driver a pipe (its pager's), where a person reads the
    // lines a terminal shows, without colour (git's pager may not take it).
    let config = &Config {
        format: config.explicit_format.unwrap_or(Format::Table),
        color: false,
        ..config.clone()
    };
    // As git's diff driver, a side that does not read is a line of the
    // diff, not the end of it: git stops at a driver that fails.
    let path = visible(&path.display().to_string()).into_owned();
    writeln!(out, "netreg diff {path}")?;
    match (open(old), open(new)) {
        (Ok(old), Ok(new)) => print(config, &old.1, &new.1, Some((&old.0, &new.0)), out),
        (old, new) => {
            for (side, read) in [("old", old.err()), ("new", new.err())] {
                if let Some(error) = read {
                    writeln!(
                        out,
                        "netreg diff {path}: the {side} version does not read: {}",
                        first_line(&error)
                    )?;
                }
            }
            Ok(())
        }
    }
}

/// The first line of what an error says, with its place.
fn first_line(error: &Error) -> String {
    let said = match error {
        Error::Registry {
            text, diagnostics, ..
        } => {
            let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
            errors.first().map(|first| {
                let at = first.position(text).map_or(String::new(), |(line, column)| {
                    format!("line {line}, column {column}: ")
                });
                match errors.len() - 1 {
                    0 => format!("{at}{}", first.message),
                    n => format!(
                        "{at}{} (and {})",
                        first.message,
                        crate::text::count(n, "more error")
                    ),
                }
            })
        }
        _ => None,
    };
    let said = said.or_else(|| error.render(false)).unwrap_or_default();
    let said = said.strip_prefix("error: ").unwrap_or(&said);
    visible(said).lines().next().unwrap_or_default().to_string()
}

/// Prints what changed from `old` to `new` in the chosen format; with the
/// two texts, a change of comments or layout alone is shown as such.
pub fn print(
    config: &Config,
    old: &Registry,
    new: &Registry,
    texts: Option<(&str, &str)>,
    out: &mut Out<'_>,
) -> Result<()> {
    let changes = compare(old, new);
    match config.format {
        Format::Table => {
            let texts = texts.filter(|(old, new)| changes.is_empty() && old != new);
            match texts {
                Some((old, new)) => layout_changes(config, old, new, out),
                None => lines(config, &changes, out),
            }
        }
        _ => {
            let rows = changes
                .iter()
                .map(|c| {
                    vec![
                        Cell::text(c.change),
                        Cell::text(c.entity),
                        Cell::text(c.network.clone()),
                        Cell::text(c.item.clone()),
                        Cell::text(c.field.clone()),
                        Cell::opt(c.old.clone(), Cell::Null),
                        Cell::opt(c.new.clone(), Cell::Null),
                    ]
                })
                .collect();
            let rows = Rows {
                fields: FIELDS,
                plain_fields: FIELDS,
                table_fields: FIELDS,
                narrow_drops: &[],
                keep: &[],
                rows,
            };
            output::print(out, config, rows, &Shape::default())
        }
    }
}

/// A registry file to compare, its text and what it reads as; `/dev/null`
/// (git's name for a file that is not there) is an empty registry. Read as
/// any input is: a regular file, or a pipe handed as a descriptor
/// (`<(git show ...)`), and bounded.
fn open(path: &Path) -> Result<(String, Registry)> {
    if path == Path::new("/dev/null") {
        return Ok((String::new(), Registry::default()));
    }
    let text = crate::store::read(path)?;
    match crate::store::parse(&text) {
        Ok(parsed) => Ok((text, parsed.registry)),
        Err(diagnostics) => Err(Error::Registry {
            file: path.display().to_string(),
            text,
            diagnostics,
        }),
    }
}

/// What changed, in time linear in the two registries: each side's
/// networks, partners and milestones are looked up by their keys.
fn compare(old: &Registry, new: &Registry) -> Vec<Change> {
    let mut changes = Vec::new();
    let (in_old, in_new) = (ids(old), ids(new));
    let find = |index: &HashMap<&str, usize>, id: &str| index.get(id).copied();
    for network in &old.networks {
        if find(&in_new, network.id()).is_none() {
            let mut removed = whole("removed", network);
            removed.old = removed.new.take();
            changes.push(removed);
        }
    }
    for network in &new.networks {
        match find(&in_old, network.id()) {
            None => changes.push(whole("added", network)),
            Some(at) => network_changes(&old.networks[at], network, &mut changes),
        }
    }
    changes
}

/// Where each network id first stands.
fn ids(registry: &Registry) -> HashMap<&str, usize> {
    let mut index = HashMap::with_capacity(registry.networks.len());
    for (at, network) in registry.networks.iter().enumerate() {
        index.entry(network.id()).or_insert(at);
    }
    index
}

fn whole(change: &'static str, network: &Network) -> Change {
    Change {
        change,
        entity: "network",
        network: network.id().to_string(),
        item: network.name.to_string(),
        field: String::new(),
        old: None,
        new: Some(format!(
            "{}, {}",
            crate::text::count(network.partners.len(), "partner"),
            crate::text::count(network.milestones.len(), "milestone")
        )),
    }
}

fn field(
    changes: &mut Vec<Change>,
    entity: &'static str,
    network: &str,
    item: &str,
    name: &str,
    old: Option<String>,
    new: Option<String>,
) {
    if old != new {
        changes.push(Change {
            change: "changed",
            entity,
            network: network.to_string(),
            item: item.to_string(),
            field: name.to_string(),
            old,
            new,
        });
    }
}

fn list(items: &[impl AsRef<str>]) -> Option<String> {
    (!items.is_empty()).then(|| items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "))
}

fn network_changes(old: &Network, new: &Network, changes: &mut Vec<Change>) {
    let id = new.id();
    let text = |v: &Option<crate::registry::model::Text>| v.as_deref().map(str::to_string);
    let status = |n: &Network| n.status.map(|s| s.as_str().to_string());
    let fields = [
        ("name", Some(old.name.to_string()), Some(new.name.to_string())),
        ("programme", text(&old.programme), text(&new.programme)),
        ("type", text(&old.kind), text(&new.kind)),
        ("status", status(old), status(new)),
        ("themes", list(&old.themes), list(&new.themes)),
        ("url", text(&old.url), text(&new.url)),
        ("summary", text(&old.summary), text(&new.summary)),
        ("sources", list(&old.sources), list(&new.sources)),
    ];
    for (name, before, after) in fields {
        field(changes, "network", id, "", name, before, after);
    }
    // One partner whatever the case, accents and spaces of its name, as for
    // `check` and every write.
    let keyed = |partners: &[Partner]| -> (Vec<String>, HashMap<String, usize>) {
        let keys: Vec<String> = partners.iter().map(|p| name_key(p.name())).collect();
        let mut first = HashMap::with_capacity(keys.len());
        for (at, key) in keys.iter().enumerate() {
            first.entry(key.clone()).or_insert(at);
        }
        (keys, first)
    };
    let ((old_keys, in_old), (new_keys, in_new)) = (keyed(&old.partners), keyed(&new.partners));
    for (partner, key) in old.partners.iter().zip(&old_keys) {
        if !in_new.contains_key(key) {
            changes.push(item("removed", "partner", id, partner.name(), None));
        }
    }
    for (partner, key) in new.partners.iter().zip(&new_keys) {
        let Some(before) = in_old.get(key).map(|&at| &old.partners[at]) else {
            changes.push(item(
                "added",
                "partner",
                id,
                partner.name(),
                Some(describe(partner)),
            ));
            continue;
        };
        let name = partner.name();
        field(
            changes,
            "partner",
            id,
            name,
            "name",
            Some(before.name().to_string()),
            Some(name.to_string()),
        );
        let country = |p: &Partner| p.country().map(str::to_string);
        field(
            changes,
            "partner",
            id,
            name,
            "country",
            country(before),
            country(partner),
        );
        let role = |p: &Partner| Some(p.role.as_str().to_string());
        field(changes, "partner", id, name, "role", role(before), role(partner));
        let kind = |p: &Partner| p.kind.as_deref().map(str::to_string);
        field(changes, "partner", id, name, "type", kind(before), kind(partner));
        let place = |p: &Partner| p.geonames.as_ref().map(|g| g.get_ref().to_string());
        field(
            changes,
            "partner",
            id,
            name,
            "geonames",
            place(before),
            place(partner),
        );
        let at = |p: &Partner| {
            p.coordinates
                .as_ref()
                .map(|c| format!("{}, {}", c.get_ref()[0], c.get_ref()[1]))
        };
        field(
            changes,
            "partner",
            id,
            name,
            "coordinates",
            at(before),
            at(partner),
        );
    }
    // Milestones are matched by date and title, the n-th of a kind with the
    // n-th: `check` lets the same one stand twice.
    let label = |m: &Milestone| format!("{} {}", m.date(), m.title);
    let (old_nth, in_old) = occurrences(&old.milestones);
    let (new_nth, in_new) = occurrences(&new.milestones);
    for (milestone, key) in old.milestones.iter().zip(&old_nth) {
        if !in_new.contains_key(key) {
            changes.push(item("removed", "milestone", id, &label(milestone), None));
        }
    }
    for (milestone, key) in new.milestones.iter().zip(&new_nth) {
        match in_old.get(key).map(|&at| &old.milestones[at]) {
            None => changes.push(item(
                "added",
                "milestone",
                id,
                &label(milestone),
                Some(milestone.kind.as_str().to_string()),
            )),
            Some(before) => field(
                changes,
                "milestone",
                id,
                &label(milestone),
                "kind",
                Some(before.kind.as_str().to_string()),
                Some(milestone.kind.as_str().to_string()),
            ),
        }
    }
}

/// Each milestone's key, its date and title and how many before it have
/// both; and where each key stands.
type Occurrence = (PartialDate, String, usize);

fn occurrences(milestones: &[Milestone]) -> (Vec<Occurrence>, HashMap<Occurrence, usize>) {
    let mut seen: HashMap<(PartialDate, String), usize> = HashMap::new();
    let keys: Vec<Occurrence> = milestones
        .iter()
        .map(|m| {
            let n = seen.entry((m.date(), m.title.to_string())).or_insert(0);
            *n += 1;
            (m.date(), m.title.to_string(), *n - 1)
        })
        .collect();
    let at = keys
        .iter()
        .cloned()
        .enumerate()
        .map(|(at, key)| (key, at))
        .collect();
    (keys, at)
}

fn item(
    change: &'static str,
    entity: &'static str,
    network: &str,
    name: &str,
    new: Option<String>,
) -> Change {
    Change {
        change,
        entity,
        network: network.to_string(),
        item: name.to_string(),
        field: String::new(),
        old: None,
        new,
    }
}

fn describe(partner: &Partner) -> String {
    let mut text = partner.role.as_str().to_string();
    if let Some(country) = partner.country() {
        text = format!("{country}, {text}");
    }
    if let Some(kind) = &partner.kind {
        text.push_str(&format!(", {kind}"));
    }
    text
}

/// For people, when the data are the same and the texts are not: the lines
/// that changed (comments, blank lines, the layout of values), as a unified
/// diff without context.
fn layout_changes(config: &Config, old: &str, new: &str, out: &mut Out<'_>) -> Result<()> {
    writeln!(out, "only comments or layout changed, no data:")?;
    let diff = similar::TextDiff::from_lines(old, new);
    for hunk in diff.unified_diff().context_radius(0).iter_hunks() {
        writeln!(out, "{}", hunk.header())?;
        for change in hunk.iter_changes() {
            let line = visible(change.value().trim_end_matches(['\n', '\r']));
            let line = match change.tag() {
                similar::ChangeTag::Delete => paint(config, "31", format!("-{line}")),
                similar::ChangeTag::Insert => paint(config, "32", format!("+{line}")),
                similar::ChangeTag::Equal => format!(" {line}"),
            };
            out.styled(&format!("{line}\n"))?;
        }
    }
    Ok(())
}

/// `text` in the colour of SGR `code`, when colour is on.
fn paint(config: &Config, code: &str, text: String) -> String {
    if config.color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text
    }
}

/// For people: a line per change, `+` added, `-` removed, `~` changed.
fn lines(config: &Config, changes: &[Change], out: &mut Out<'_>) -> Result<()> {
    let paint = |code: &str, text: String| paint(config, code, text);
    let quoted = |v: &Option<String>| {
        v.as_deref()
            .map_or("(none)".to_string(), |v| format!("\"{}\"", visible(v)))
    };
    for c in changes {
        let (network, item) = (visible(&c.network), visible(&c.item));
        let line = match (c.change, c.entity) {
            ("added", "network") => paint(
                "32",
                format!(
                    "+ network {network} \"{item}\" ({})",
                    quoted(&c.new).trim_matches('"')
                ),
            ),
            ("removed", "network") => paint("31", format!("- network {network} \"{item}\"")),
            ("added", entity) => paint(
                "32",
                format!(
                    "+ {entity} {network}: {item} ({})",
                    c.new.as_deref().map(visible).unwrap_or_default()
                ),
            ),
            ("removed", entity) => paint("31", format!("- {entity} {network}: {item}")),
            (_, "network") => paint(
                "33",
                format!(
                    "~ network {network}: {} {} → {}",
                    c.field,
                    quoted(&c.old),
                    quoted(&c.new)
                ),
            ),
            (_, entity) => paint(
                "33",
                format!(
                    "~ {entity} {network}: {item}: {} {} → {}",
                    c.field,
                    quoted(&c.old),
                    quoted(&c.new)
                ),
            ),
        };
        out.styled(&format!("{line}\n"))?;
    }
    let count = |change: &str| changes.iter().filter(|c| c.change == change).count();
    if changes.is_empty() {
        writeln!(out, "no changes")
    } else {
        writeln!(
            out,
            "{} added, {} removed, {} changed",
            count("added"),
            count("removed"),
            count("changed")
        )
    }
}
