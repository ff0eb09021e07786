//! `diff OLD NEW`: what changed between two registries, as networks,
//! partners and milestones added, removed and changed field by field.

use std::path::{Path, PathBuf};

use crate::cli::Format;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Cell, Out, Rows, Shape};
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
    let (old, new) = (open(old)?, open(new)?);
    if let Some(path) = path {
        writeln!(out, "netreg diff {}", visible(&path.display().to_string()))?;
    }
    print(config, &old, &new, out)
}

/// Prints what changed from `old` to `new` in the chosen format.
pub fn print(config: &Config, old: &Registry, new: &Registry, out: &mut Out<'_>) -> Result<()> {
    let changes = compare(old, new);
    match config.format {
        Format::Table => lines(config, &changes, out),
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
                table_fields: FIELDS,
                narrow_drops: &[],
                rows,
            };
            output::print(out, config, rows, &Shape::default())
        }
    }
}

/// A registry file to compare; `/dev/null` (git's name for a file that is
/// not there) is an empty registry. Read as any input is: a regular file, or
/// a pipe handed as a descriptor (`<(git show ...)`), and bounded.
fn open(path: &Path) -> Result<Registry> {
    if path == Path::new("/dev/null") {
        return Ok(Registry::default());
    }
    let text = crate::store::read(path)?;
    crate::store::parse(&text)
        .map(|parsed| parsed.registry)
        .map_err(|diagnostics| Error::Registry {
            file: path.display().to_string(),
            text,
            diagnostics,
        })
}

fn compare(old: &Registry, new: &Registry) -> Vec<Change> {
    let mut changes = Vec::new();
    let find = |registry: &Registry, id: &str| registry.networks.iter().position(|n| n.id() == id);
    for network in &old.networks {
        if find(new, network.id()).is_none() {
            let mut removed = whole("removed", network);
            removed.old = removed.new.take();
            changes.push(removed);
        }
    }
    for network in &new.networks {
        match find(old, network.id()) {
            None => changes.push(whole("added", network)),
            Some(at) => network_changes(&old.networks[at], network, &mut changes),
        }
    }
    changes
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
            "{} partners, {} milestones",
            network.partners.len(),
            network.milestones.len()
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
    let key = |p: &Partner| name_key(p.name());
    for partner in &old.partners {
        if !new.partners.iter().any(|p| key(p) == key(partner)) {
            changes.push(item("removed", "partner", id, partner.name(), None));
        }
    }
    for partner in &new.partners {
        let Some(before) = old.partners.iter().find(|p| key(p) == key(partner)) else {
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
    let key = |m: &Milestone| (m.date(), m.title.to_string());
    let label = |m: &Milestone| format!("{} {}", m.date(), m.title);
    let nth = |list: &[Milestone], at: usize| list[..at].iter().filter(|m| key(m) == key(&list[at])).count();
    fn matching<'a>(list: &'a [Milestone], m: &Milestone, n: usize) -> Option<&'a Milestone> {
        let key = |m: &Milestone| (m.date(), m.title.clone());
        list.iter().filter(|other| key(other) == key(m)).nth(n)
    }
    for (at, milestone) in old.milestones.iter().enumerate() {
        if matching(&new.milestones, milestone, nth(&old.milestones, at)).is_none() {
            changes.push(item("removed", "milestone", id, &label(milestone), None));
        }
    }
    for (at, milestone) in new.milestones.iter().enumerate() {
        match matching(&old.milestones, milestone, nth(&new.milestones, at)) {
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

/// For people: a line per change, `+` added, `-` removed, `~` changed.
fn lines(config: &Config, changes: &[Change], out: &mut Out<'_>) -> Result<()> {
    let paint = |code: &str, text: String| {
        if config.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text
        }
    };
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
        writeln!(out, "{line}")?;
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
