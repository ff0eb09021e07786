//! `diff OLD NEW`: what changed between two registries, as networks,
//! partners and milestones added, removed and changed field by field.

use std::collections::HashMap;
use std::hash::Hash;
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
    field: &'static str,
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
        return print(config, &old, &new, out);
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
        (Ok(old), Ok(new)) => print(config, &old, &new, out),
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

/// A registry file's text and what it reads as.
pub type Side = (String, Registry);

/// Prints what changed from `old` to `new` in the chosen format; for
/// people, a change of comments or layout alone is shown as such.
pub fn print(
    config: &Config,
    (old_text, old): &Side,
    (new_text, new): &Side,
    out: &mut Out<'_>,
) -> Result<()> {
    let changes = compare(old, new);
    match config.format {
        Format::Table if changes.is_empty() && old_text != new_text => {
            layout_changes(config, old_text, new_text, out)
        }
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
                        Cell::text(c.field),
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

/// A registry file to compare; `/dev/null`
/// (git's name for a file that is not there) is an empty registry. Read as
/// any input is: a regular file, or a pipe handed as a descriptor
/// (`<(git show ...)`), and bounded.
fn open(path: &Path) -> Result<Side> {
    if path == Path::new("/dev/null") {
        return Ok((String::new(), Registry::default()));
    }
    let text = crate::store::read(path)?;
    let registry = crate::store::parse_file(path.display(), &text)?.registry;
    Ok((text, registry))
}

/// What changed, in time linear in the two registries: each side's
/// networks, partners and milestones are paired by their keys.
fn compare(old: &Registry, new: &Registry) -> Vec<Change> {
    let mut changes = Vec::new();
    let ids = |networks: &[Network]| networks.iter().map(|n| n.id().to_string()).collect();
    let (removed, paired) = pair(&old.networks, &new.networks, ids);
    changes.extend(removed.into_iter().map(|network| whole("removed", network)));
    for (network, before) in paired {
        match before {
            None => changes.push(whole("added", network)),
            Some(before) => network_changes(before, network, &mut changes),
        }
    }
    changes
}

/// Pairs the items of two lists by their keys (`keys` gives a list's, in
/// its order): those of `old` whose key `new` lacks, and each of `new`'s
/// with the first of `old`'s that has its key.
fn pair<'a, T, K: Hash + Eq>(
    old: &'a [T],
    new: &'a [T],
    keys: impl Fn(&[T]) -> Vec<K>,
) -> (Vec<&'a T>, Vec<(&'a T, Option<&'a T>)>) {
    fn first<K: Hash + Eq>(keys: &[K]) -> HashMap<&K, usize> {
        let mut index = HashMap::with_capacity(keys.len());
        for (at, key) in keys.iter().enumerate() {
            index.entry(key).or_insert(at);
        }
        index
    }
    let (old_keys, new_keys) = (keys(old), keys(new));
    let (in_old, in_new) = (first(&old_keys), first(&new_keys));
    let removed = (old.iter().zip(&old_keys))
        .filter(|(_, key)| !in_new.contains_key(key))
        .map(|(item, _)| item)
        .collect();
    let paired = (new.iter().zip(&new_keys))
        .map(|(item, key)| (item, in_old.get(key).map(|&at| &old[at])))
        .collect();
    (removed, paired)
}

/// A network added or removed, with how many partners and milestones it has.
fn whole(change: &'static str, network: &Network) -> Change {
    let counts = format!(
        "{}, {}",
        crate::text::count(network.partners.len(), "partner"),
        crate::text::count(network.milestones.len(), "milestone")
    );
    let mut whole = item(change, "network", network.id(), &network.name, Some(counts));
    if change == "removed" {
        whole.old = whole.new.take();
    }
    whole
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
        field: "",
        old: None,
        new,
    }
}

/// A field and its value, for each field of an entity that a diff compares.
type Fields<const N: usize> = [(&'static str, Option<String>); N];

/// The fields (as `read` gives them) whose values differ from `old` to
/// `new`, as changes.
fn fields<T, const N: usize>(
    changes: &mut Vec<Change>,
    (entity, network, item): (&'static str, &str, &str),
    read: impl Fn(&T) -> Fields<N>,
    (old, new): (&T, &T),
) {
    for ((field, old), (_, new)) in read(old).into_iter().zip(read(new)) {
        if old != new {
            changes.push(Change {
                field,
                old,
                new,
                ..self::item("changed", entity, network, item, None)
            });
        }
    }
}

fn list(items: &[impl AsRef<str>]) -> Option<String> {
    (!items.is_empty()).then(|| items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "))
}

fn network_fields(network: &Network) -> Fields<8> {
    let text = |v: &Option<crate::registry::model::Text>| v.as_deref().map(str::to_string);
    [
        ("name", Some(network.name.to_string())),
        ("programme", text(&network.programme)),
        ("type", text(&network.kind)),
        ("status", network.status.map(|s| s.as_str().to_string())),
        ("themes", list(&network.themes)),
        ("url", text(&network.url)),
        ("summary", text(&network.summary)),
        ("sources", list(&network.sources)),
    ]
}

fn partner_fields(partner: &Partner) -> Fields<6> {
    let place = partner.coordinates.as_ref().map(|c| c.get_ref());
    [
        ("name", Some(partner.name().to_string())),
        ("country", partner.country().map(str::to_string)),
        ("role", Some(partner.role.as_str().to_string())),
        ("type", partner.kind.as_deref().map(str::to_string)),
        (
            "geonames",
            partner.geonames.as_ref().map(|g| g.get_ref().to_string()),
        ),
        ("coordinates", place.map(|[lat, lon]| format!("{lat}, {lon}"))),
    ]
}

fn network_changes(old: &Network, new: &Network, changes: &mut Vec<Change>) {
    let id = new.id();
    fields(changes, ("network", id, ""), network_fields, (old, new));
    // One partner whatever the case, accents and spaces of its name, as for
    // `check` and every write.
    let names = |partners: &[Partner]| partners.iter().map(|p| name_key(p.name())).collect();
    let (removed, paired) = pair(&old.partners, &new.partners, names);
    for partner in removed {
        changes.push(item("removed", "partner", id, partner.name(), None));
    }
    for (partner, before) in paired {
        let name = partner.name();
        match before {
            None => changes.push(item("added", "partner", id, name, Some(describe(partner)))),
            Some(before) => fields(changes, ("partner", id, name), partner_fields, (before, partner)),
        }
    }
    // Milestones are matched by date and title, the n-th of a kind with the
    // n-th: `check` lets the same one stand twice.
    let label = |m: &Milestone| format!("{} {}", m.date(), m.title);
    let (removed, paired) = pair(&old.milestones, &new.milestones, occurrences);
    for milestone in removed {
        changes.push(item("removed", "milestone", id, &label(milestone), None));
    }
    for (milestone, before) in paired {
        let kind = |m: &Milestone| [("kind", Some(m.kind.as_str().to_string()))];
        match before {
            None => changes.push(item(
                "added",
                "milestone",
                id,
                &label(milestone),
                Some(milestone.kind.as_str().to_string()),
            )),
            Some(before) => fields(
                changes,
                ("milestone", id, &label(milestone)),
                kind,
                (before, milestone),
            ),
        }
    }
}

/// Each milestone's key: its date and title, and how many before it have both.
fn occurrences(milestones: &[Milestone]) -> Vec<(PartialDate, String, usize)> {
    let mut seen: HashMap<(PartialDate, String), usize> = HashMap::new();
    (milestones.iter())
        .map(|m| {
            let n = seen.entry((m.date(), m.title.to_string())).or_insert(0);
            *n += 1;
            (m.date(), m.title.to_string(), *n - 1)
        })
        .collect()
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
                similar::ChangeTag::Delete => super::paint(config, "31", format!("-{line}")),
                similar::ChangeTag::Insert => super::paint(config, "32", format!("+{line}")),
                similar::ChangeTag::Equal => format!(" {line}"),
            };
            out.styled(&format!("{line}\n"))?;
        }
    }
    Ok(())
}

/// For people: a line per change, `+` added, `-` removed, `~` changed.
fn lines(config: &Config, changes: &[Change], out: &mut Out<'_>) -> Result<()> {
    let paint = |code: &str, text: String| super::paint(config, code, text);
    let quoted = |v: &Option<String>| {
        v.as_deref()
            .map_or("(none)".to_string(), |v| format!("\"{}\"", visible(v)))
    };
    for c in changes {
        let (network, item) = (visible(&c.network), visible(&c.item));
        // A network by its id and name, anything else by its network and
        // its own name.
        let what = match c.entity {
            "network" if c.change == "changed" => format!("network {network}"),
            "network" => format!("network {network} \"{item}\""),
            entity => format!("{entity} {network}: {item}"),
        };
        let line = match c.change {
            "added" => {
                let new = c.new.as_deref().map(visible).unwrap_or_default();
                paint("32", format!("+ {what} ({new})"))
            }
            "removed" => paint("31", format!("- {what}")),
            _ => paint(
                "33",
                format!("~ {what}: {} {} → {}", c.field, quoted(&c.old), quoted(&c.new)),
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
