//! Completion of values from the registry in use, for the shells' dynamic
//! completion: network ids, countries (codes and names), partners of the
//! network on the line, places, milestones' dates and titles, the writes
//! `history show` shows, the fields
//! and sort keys of each list, programmes. The registry is the one a
//! `--registry` earlier on the line names, else the one netreg would use.
//!
//! A value matches what was typed as the tool matches it (without case or
//! accents), and is offered in the case the user typed (`ger` → `germany`,
//! `Ger` → `Germany`): zsh and bash keep only candidates that start with
//! the typed text as it is.

mod shells;

use std::ffi::OsStr;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

pub use shells::{script, shells};

use crate::cli::Cli;
use crate::registry::country;
use crate::registry::model::{Network, Registry};
use crate::store::{self, Location};
use crate::text::fold;

/// The command line, each argument that names a value of the registry given
/// its completer.
pub fn command() -> clap::Command {
    // Every subcommand's arguments, which clap otherwise builds only when used.
    let mut command = Cli::command();
    command.build();
    with_completers(command, "")
}

type Completer = fn(&OsStr) -> Vec<CompletionCandidate>;

/// The completer of argument `id` of the command at `path` (`partners edit`).
fn completer(path: &str, id: &str) -> Option<Completer> {
    let completer: Completer = match (path, id) {
        (_, "network")
        | ("networks show" | "networks edit" | "networks remove", "id" | "ids")
        | ("networks rename", "old") => network_ids,
        ("partners edit" | "partners remove", "name") => partner_names,
        ("partners add" | "partners edit", "country") => all_countries,
        (_, "country") => countries,
        (_, "programme") => programmes,
        ("cities show", "city") => places,
        ("history show", "n") => history_numbers,
        ("milestones edit" | "milestones remove", "date") => milestone_dates,
        ("milestones edit" | "milestones remove", "title") => milestone_titles,
        ("networks list", "fields") => |c| fields(super::networks::FIELDS, c, false),
        ("networks list", "sort") => |c| fields(super::networks::FIELDS, c, true),
        ("partners list", "fields") => |c| fields(super::partners::FIELDS, c, false),
        ("partners list", "sort") => |c| fields(super::partners::FIELDS, c, true),
        ("milestones list" | "timeline show", "fields") => |c| fields(super::milestones::FIELDS, c, false),
        ("milestones list" | "timeline show", "sort") => |c| fields(super::milestones::FIELDS, c, true),
        ("cities list", "fields") => |c| fields(super::cities::FIELDS, c, false),
        ("cities list", "sort") => |c| fields(super::cities::FIELDS, c, true),
        ("history", "fields") => |c| fields(super::history::FIELDS, c, false),
        ("history", "sort") => |c| fields(super::history::FIELDS, c, true),
        ("stats", "fields") => |c| fields(stats_fields(), c, false),
        ("stats", "sort") => |c| fields(stats_fields(), c, true),
        _ => return None,
    };
    Some(completer)
}

fn with_completers(mut command: clap::Command, path: &str) -> clap::Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(completer) = completer(path, &id) {
            command = command.mut_arg(id, |arg| arg.add(ArgValueCompleter::new(completer)));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let path = format!("{path} {name}").trim_start().to_string();
        command = command.mut_subcommand(&name, |sub| with_completers(sub, &path));
    }
    command
}

/// Where the registry is: the line's `--registry`, else where netreg would look.
fn location() -> Location {
    let environment = crate::Environment::of_process();
    let flag = shells::line().registry.clone();
    Location::resolve(flag, environment.registry, environment.dirs)
}

/// The registry at `location()`.
fn registry() -> Option<&'static Registry> {
    static REGISTRY: std::sync::OnceLock<Option<Registry>> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| store::load(&location()).ok()).as_ref()
}

/// The writes `history show` can show, the newest first, with what each did.
fn history_numbers(current: &OsStr) -> Vec<CompletionCandidate> {
    let Ok((_, history)) = store::history_of(&location()) else {
        return Vec::new();
    };
    let entries = history.entries().into_iter().rev();
    starting(current, entries.map(|entry| (entry.n.to_string(), entry.summary)))
}

/// Candidates from `(value, help)` pairs whose value starts with `current`.
fn starting(current: &OsStr, values: impl Iterator<Item = (String, String)>) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    values
        .filter(|(value, _)| value.starts_with(typed.as_ref()))
        .map(|(value, help)| {
            CompletionCandidate::new(value).help(Some(crate::text::visible(&help).into_owned().into()))
        })
        .collect()
}

fn networks() -> &'static [Network] {
    registry().map_or(&[], |registry| &registry.networks)
}

/// The network named by the command's first argument (`partners edit NETWORK`).
fn network_on_line() -> Option<&'static Network> {
    let id = shells::line().positionals.get(2)?;
    networks().iter().find(|n| n.id() == id)
}

/// `value` offered for `typed`, if it matches without case or accents: in
/// the case typed, where it differs (`ita` → `italy`, `ITA` → `ITALY`).
fn offer(typed: &str, value: &str) -> Option<String> {
    if value.starts_with(typed) {
        return Some(value.to_string());
    }
    let want = fold(typed);
    let end = value
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| fold(&value[..end]).len() >= want.len())?;
    if fold(&value[..end]) != want {
        return None;
    }
    let rest = &value[end..];
    let letters = || typed.chars().filter(|c| c.is_alphabetic());
    let rest = if letters().next().is_some() && letters().all(char::is_lowercase) {
        rest.to_lowercase()
    } else if letters().next().is_some() && letters().all(char::is_uppercase) {
        rest.to_uppercase()
    } else {
        rest.to_string()
    };
    Some(format!("{typed}{rest}"))
}

/// Candidates from `(value, help)` pairs that match `current`, each once;
/// not a value a shell would insert as a control character (a hostile
/// registry's), and help escaped as everything netreg shows is.
fn matching<'a>(
    current: &OsStr,
    values: impl IntoIterator<Item = (&'a str, Option<String>)>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let mut seen = std::collections::HashSet::new();
    values
        .into_iter()
        .filter(|(value, _)| crate::text::visible(value) == *value)
        .map(|(value, help)| (value, help.map(|h| crate::text::visible(&h).into_owned())))
        .filter_map(|(value, help)| Some((offer(&typed, value)?, help)))
        .filter(|(value, _)| seen.insert(fold(value)))
        .map(|(value, help)| CompletionCandidate::new(value).help(help.map(Into::into)))
        .collect()
}

fn network_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    matching(
        current,
        networks().iter().map(|n| (n.id(), Some(n.name.to_string()))),
    )
}

fn programmes(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut known: Vec<&str> = networks().iter().filter_map(|n| n.programme.as_deref()).collect();
    known.sort_unstable();
    matching(current, known.into_iter().map(|p| (p, None)))
}

/// The partners of the network on the line, with their countries.
fn partner_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(network) = network_on_line() else {
        return Vec::new();
    };
    matching(
        current,
        network
            .partners
            .iter()
            .map(|p| (p.name(), p.country().map(|c| country::name(c).into_owned()))),
    )
}

/// Every place a partner is, by any of its names, with its country.
fn places(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut names: Vec<(&str, Option<&str>)> = networks()
        .iter()
        .flat_map(|n| n.partners.iter().map(|p| (p.name(), p.country())))
        .collect();
    names.sort_unstable();
    matching(
        current,
        names
            .into_iter()
            .map(|(name, code)| (name, code.map(|c| country::name(c).into_owned()))),
    )
}

/// The dates of the line's network's milestones, as written, with their titles.
fn milestone_dates(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(network) = network_on_line() else {
        return Vec::new();
    };
    let dates = (network.milestones.iter()).map(|m| (m.date.get_ref().to_string(), m.title.to_string()));
    starting(current, dates)
}

/// The titles of the line's network's milestones on the line's date.
fn milestone_titles(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(network) = network_on_line() else {
        return Vec::new();
    };
    let date = shells::line().positionals.get(3).cloned().unwrap_or_default();
    matching(
        current,
        network
            .milestones
            .iter()
            .filter(|m| m.date.get_ref().to_string() == date)
            .map(|m| (m.title.as_str(), Some(m.kind.as_str().to_string()))),
    )
}

/// Countries, by code and by English name: those of the registry's partners
/// for a filter, where another would select nothing.
fn countries(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut codes: Vec<&str> = networks()
        .iter()
        .flat_map(|n| n.partners.iter().filter_map(|p| p.country()))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    by_code_and_name(current, codes)
}

/// Every country, for a partner's own.
fn all_countries(current: &OsStr) -> Vec<CompletionCandidate> {
    if current.is_empty() {
        return countries(current);
    }
    by_code_and_name(current, country::codes())
}

fn by_code_and_name(current: &OsStr, codes: Vec<&str>) -> Vec<CompletionCandidate> {
    let names: Vec<(String, &str)> = codes
        .iter()
        .map(|&c| (country::name(c).into_owned(), c))
        .collect();
    let mut found = matching(
        current,
        codes.iter().zip(&names).map(|(&c, (n, _))| (c, Some(n.clone()))),
    );
    // A name only where something was typed: the codes alone are the list.
    if !current.is_empty() {
        found.extend(matching(
            current,
            names
                .iter()
                .map(|(name, code)| (name.as_str(), Some((*code).to_string()))),
        ));
    }
    found
}

/// The columns of `stats --by` as given on the line.
fn stats_fields() -> &'static [&'static str] {
    let by = shells::line().option("--by").unwrap_or_default();
    let by =
        <crate::cli::StatsBy as clap::ValueEnum>::from_str(by, true).unwrap_or(crate::cli::StatsBy::Country);
    super::stats::fields(by)
}

/// The fields of a list, after any already given (`id,na` → `id,name`); as
/// sort keys, each may be descending (`-pa` → `-partners`).
fn fields(all: &[&str], current: &OsStr, sort: bool) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let (given, last) = current
        .rsplit_once(',')
        .map_or(("", current.as_ref()), |(g, l)| (g, l));
    let (sign, last) = match last.strip_prefix('-') {
        Some(rest) if sort => ("-", rest),
        _ => ("", last),
    };
    let prefix = if given.is_empty() {
        String::new()
    } else {
        format!("{given},")
    };
    all.iter()
        .filter(|field| field.starts_with(last))
        .map(|field| CompletionCandidate::new(format!("{prefix}{sign}{field}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::offer;

    #[test]
    fn a_value_is_offered_in_the_case_typed_when_it_matches_without_case_or_accents() {
        for (typed, value, offered) in [
            ("", "Italy", Some("Italy")),
            ("Ita", "Italy", Some("Italy")),
            ("ita", "Italy", Some("italy")),
            ("ITA", "Italy", Some("ITALY")),
            ("it", "IT", Some("it")),
            ("obi", "Óbidos", Some("obidos")),
            ("Jyv", "Jyväskylä", Some("Jyväskylä")),
            ("gdan", "Gdańsk", Some("gdansk")),
            ("Ger", "Italy", None),
            ("Italyy", "Italy", None),
        ] {
            assert_eq!(offer(typed, value).as_deref(), offered, "{typed} {value}");
        }
    }
}
