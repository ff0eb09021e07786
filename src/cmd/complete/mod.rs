//! Completion of values from the registry in use, for the shells' dynamic
//! completion: network ids, countries, the fields of each list, programmes.
//! The registry is the one `NETREG_REGISTRY`, the data directory or the
//! built-in one gives (a `--registry` earlier on the line is not seen).

use std::ffi::OsStr;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::cli::Cli;
use crate::registry::model::Registry;
use crate::store::{self, Location};

/// The command line, each argument that names a value of the registry given
/// its completer.
pub fn command() -> clap::Command {
    // Every subcommand's arguments, which clap otherwise builds only when used.
    let mut command = Cli::command();
    command.build();
    with_completers(command, "")
}

fn with_completers(mut command: clap::Command, path: &str) -> clap::Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let completer: Option<fn(&OsStr) -> Vec<CompletionCandidate>> = match (path, id.as_str()) {
            (_, "network") | ("networks", "id" | "ids" | "old") => Some(network_ids),
            (_, "country") => Some(countries),
            (_, "programme") => Some(programmes),
            ("networks", "fields") => Some(|current| fields(super::networks::FIELDS, current)),
            ("partners", "fields") => Some(|current| fields(super::partners::FIELDS, current)),
            ("milestones" | "timeline", "fields") => {
                Some(|current| fields(super::milestones::FIELDS, current))
            }
            _ => None,
        };
        if let Some(completer) = completer {
            command = command.mut_arg(id, |arg| arg.add(ArgValueCompleter::new(completer)));
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let path = if path.is_empty() {
            name.clone()
        } else {
            path.to_string()
        };
        command = command.mut_subcommand(&name, |sub| with_completers(sub, &path));
    }
    command
}

fn registry() -> Option<Registry> {
    let environment = crate::Environment::of_process();
    let location = Location::resolve(None, environment.registry, environment.dirs);
    store::load(&location).ok()
}

fn starting(current: &OsStr) -> String {
    current.to_string_lossy().to_lowercase()
}

fn network_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let start = starting(current);
    registry().map_or_else(Vec::new, |registry| {
        registry
            .networks
            .iter()
            .filter(|n| n.id().starts_with(&start))
            .map(|n| CompletionCandidate::new(n.id()).help(Some(n.name.as_str().to_string().into())))
            .collect()
    })
}

fn programmes(current: &OsStr) -> Vec<CompletionCandidate> {
    let start = starting(current);
    let mut known: Vec<String> = registry()
        .map(|registry| {
            registry
                .networks
                .iter()
                .filter_map(|n| n.programme.as_deref().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    known.sort();
    known.dedup();
    known
        .into_iter()
        .filter(|p| p.to_lowercase().starts_with(&start))
        .map(CompletionCandidate::new)
        .collect()
}

/// The countries of the registry's partners, by code with the name as help.
fn countries(current: &OsStr) -> Vec<CompletionCandidate> {
    let start = starting(current);
    let mut codes: Vec<String> = registry()
        .map(|registry| {
            registry
                .networks
                .iter()
                .flat_map(|n| n.partners.iter().filter_map(|p| p.country().map(String::from)))
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    codes.dedup();
    codes
        .into_iter()
        .filter(|code| code.to_lowercase().starts_with(&start))
        .map(|code| {
            let name = crate::registry::country::name(&code).into_owned();
            CompletionCandidate::new(code).help(Some(name.into()))
        })
        .collect()
}

/// The fields of a list, after any already given (`id,na` → `id,name`).
fn fields(all: &[&str], current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let (given, last) = current
        .rsplit_once(',')
        .map_or(("", current.as_ref()), |(g, l)| (g, l));
    let prefix = if given.is_empty() {
        String::new()
    } else {
        format!("{given},")
    };
    all.iter()
        .filter(|field| field.starts_with(last))
        .map(|field| CompletionCandidate::new(format!("{prefix}{field}")))
        .collect()
}
