//! One module per noun; `dispatch` is the one `match` over the command line.

mod check;
mod cities;
pub mod complete;
mod diff;
mod docs;
mod export;
mod history;
mod import;
mod init;
mod man;
mod milestones;
mod networks;
mod partners;
mod show;
mod stats;
mod timeline;

use crate::cli::{
    CitiesCommand, Command, Entity, FilterArgs, HistoryCommand, MilestonesCommand, NetworksCommand,
    PartnersCommand, TimelineCommand,
};
use crate::cli::{ListArgs, WriteArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::output::{self, Out, Rows, Shape};
use crate::registry::country;
use crate::registry::date::PartialDate;
use crate::registry::diagnostic::Source;
use crate::registry::document::RegistryDoc;
use crate::registry::edit::{self, Summary};
use crate::registry::filter::Filter;
use crate::registry::model::Registry;
use crate::store;
use crate::text;

pub fn dispatch(command: Command, config: &Config, out: &mut Out<'_>) -> Result<()> {
    match command {
        Command::Networks(NetworksCommand::List(args)) => list(config, Entity::Networks, &args, out),
        Command::Networks(NetworksCommand::Show { ids }) => show::run(config, &ids, out),
        Command::Networks(NetworksCommand::Rename { old, new, write }) => {
            networks::rename(config, &old, &new, &write, out)
        }
        Command::Networks(NetworksCommand::Add { id, fields, write }) => {
            networks::add(config, &id, &fields, &write, out)
        }
        Command::Networks(NetworksCommand::Edit {
            id,
            fields,
            lists,
            write,
        }) => networks::edit(config, &id, &fields, &lists, &write, out),
        Command::Networks(NetworksCommand::Remove { id, yes, write }) => {
            networks::remove(config, &id, yes, &write, out)
        }
        Command::Partners(PartnersCommand::List(args)) => list(config, Entity::Partners, &args, out),
        Command::Partners(PartnersCommand::Add {
            network,
            name,
            fields,
            write,
        }) => partners::add(config, &network, &name, &fields, &write, out),
        Command::Partners(PartnersCommand::Edit {
            network,
            name,
            rename,
            fields,
            write,
        }) => partners::edit(config, &network, &name, rename.as_deref(), &fields, &write, out),
        Command::Partners(PartnersCommand::Remove { network, name, write }) => {
            partners::remove(config, &network, &name, &write, out)
        }
        Command::Milestones(MilestonesCommand::List(args)) => list(config, Entity::Milestones, &args, out),
        Command::Milestones(MilestonesCommand::Add {
            network,
            date,
            title,
            kind,
            write,
        }) => milestones::add(config, &network, &date, &title, kind, &write, out),
        Command::Milestones(MilestonesCommand::Edit {
            network,
            date,
            title,
            new_date,
            new_title,
            kind,
            write,
        }) => {
            let change = milestones::Change {
                date: new_date.as_deref(),
                title: new_title.as_deref(),
                kind,
            };
            milestones::edit(config, &network, &date, &title, &change, &write, out)
        }
        Command::Milestones(MilestonesCommand::Remove {
            network,
            date,
            title,
            write,
        }) => milestones::remove(config, &network, &date, &title, &write, out),
        Command::Init { empty, force } => init::run(config, empty, force),
        Command::Export(args) => export::run(config, &args, out),
        Command::Import(args) => import::run(config, &args, out),
        Command::Timeline(TimelineCommand::Show(args)) => timeline::show(config, &args, out),
        Command::Stats(args) => stats::show(config, &args, out),
        Command::Check => check::run(config, out),
        Command::Cities(CitiesCommand::List(args)) => cities::list(config, &args, out),
        Command::Cities(CitiesCommand::Show { city, filter }) => cities::show(config, &city, &filter, out),
        Command::Schema => out.write_str(&crate::registry::schema::pretty()),
        Command::Diff { git, files } => diff::run(config, git, &files, out),
        Command::About => docs::about(config, out),
        Command::Path => docs::path(config, out),
        Command::Completions { shell, dir } => docs::completions(config, shell, dir.as_deref(), out),
        Command::Man { dir } => docs::man(config, dir.as_deref(), out),
        Command::History {
            show: None,
            fields,
            sort,
            limit,
        } => {
            let shape = Shape {
                fields,
                sort,
                limit,
                ..Shape::default()
            };
            history::list(config, &shape, out)
        }
        Command::History {
            show: Some(HistoryCommand::Show { n }),
            ..
        } => history::show(config, n, out),
        Command::Undo { write } => history::undo(config, &write, out),
    }
}

/// `--kind` chooses milestones: a list of networks or partners refuses it
/// rather than ignore it.
fn no_kind(args: &FilterArgs, what: &str) -> Result<()> {
    if args.kind.is_empty() {
        return Ok(());
    }
    Err(Error::usage(
        format!("`--kind` chooses milestones, and {what} lists none"),
        "use it with `milestones list`, `timeline show` or `export --entity milestones`".to_string(),
    ))
}

/// `networks list`, `partners list` and `milestones list`: the rows of one
/// entity that the filters select.
fn list(config: &Config, entity: Entity, args: &ListArgs, out: &mut Out<'_>) -> Result<()> {
    match entity {
        Entity::Networks => no_kind(&args.filter, "`networks list`")?,
        Entity::Partners => no_kind(&args.filter, "`partners list`")?,
        Entity::Milestones => {}
    }
    let registry = store::load(&config.location)?;
    let filter = filter(&args.filter, &registry, config)?;
    output::print(
        out,
        config,
        rows(entity, &filter, &registry, config),
        &shape(args),
    )
}

/// The rows of one entity that `filter` selects, as a list or an export prints them.
fn rows<'r>(entity: Entity, filter: &Filter, registry: &'r Registry, config: &Config) -> Rows<'r> {
    match entity {
        Entity::Networks => networks::rows(&filter.networks(registry), config),
        Entity::Partners => partners::rows(&filter.partners(registry)),
        Entity::Milestones => milestones::rows(&filter.milestones(registry)),
    }
}

/// The shape a list's arguments ask for.
fn shape(list: &ListArgs) -> Shape {
    Shape {
        fields: list.fields.clone(),
        sort: list.sort.clone(),
        limit: list.limit,
        delimiter: None,
        raw: list.raw,
    }
}

/// Turns the filter flags into a `Filter`, refusing what cannot match anything.
fn filter(args: &FilterArgs, registry: &Registry, config: &Config) -> Result<Filter> {
    let mut filter = Filter::new(config.today);
    for id in &args.network {
        let id = id.trim().to_lowercase();
        edit::find_network(registry, &id)?;
        filter.networks.push(id);
    }
    for input in &args.country {
        filter.countries.push(parse_country(input)?);
    }
    filter.roles = args.role.clone();
    filter.statuses = args.status.clone();
    filter.kinds = args.kind.clone();
    let known: std::collections::BTreeSet<&str> = registry
        .networks
        .iter()
        .filter_map(|n| n.programme.as_deref())
        .collect();
    for programme in &args.programme {
        let folded = text::fold(programme.trim());
        if !known.iter().any(|k| text::fold(k) == folded) {
            return Err(Error::usage(
                format!(
                    "no network of the registry is in programme `{}`",
                    programme.trim()
                ),
                format!(
                    "its programmes are: {}",
                    known.into_iter().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        filter.programmes.push(folded);
    }
    filter.searches = args.search.iter().map(|s| text::fold(s.trim())).collect();
    let date = |what, date: &Option<String>| date.as_deref().map(|d| parse_date(what, d)).transpose();
    filter.from = date("date for `--from`", &args.from)?;
    filter.to = date("date for `--to`", &args.to)?;
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from.first_day() > to.last_day()
    {
        return Err(Error::usage(
            format!("`--from {from}` is after `--to {to}`: nothing can match"),
            format!("swap them: `--from {to} --to {from}`"),
        ));
    }
    Ok(filter)
}

/// A country as typed on the command line, or a usage error naming the nearest ones.
fn parse_country(input: &str) -> Result<&'static str> {
    country::lookup(input).ok_or_else(|| {
        let near = country::suggest(input);
        let hint = if near.is_empty() {
            "use an ISO code (IT, ITA) or an English name (Italy)".to_string()
        } else {
            format!("did you mean {}?", near.join(", or "))
        };
        Error::usage(format!("unknown country `{input}`"), hint)
    })
}

/// What a write's status line is: a claim of a change (left out when the
/// file already said it), or a tally, such as an import's counts, that holds
/// either way.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Said {
    Change,
    Tally,
}

/// Runs one write: on `--dry-run` prints the unified diff it would make,
/// otherwise writes and says what it did on stderr.
fn apply(
    config: &Config,
    write: &WriteArgs,
    out: &mut Out<'_>,
    edit: impl FnOnce(&mut RegistryDoc) -> Result<Summary>,
) -> Result<()> {
    apply_with(config, write, out, Said::Change, edit)
}

fn apply_with(
    config: &Config,
    write: &WriteArgs,
    out: &mut Out<'_>,
    said: Said,
    edit: impl FnOnce(&mut RegistryDoc) -> Result<Summary>,
) -> Result<()> {
    let mut session = store::edit(
        &config.location,
        write.dry_run,
        config.whole_document,
        &config.command_line,
    )?;
    let summary = edit(&mut session.doc)?;
    let update = session.commit(summary)?;
    report(config, &update, said, out)
}

/// Says what a write did: on a dry run, the unified diff on stdout; else a
/// status line on stderr.
fn report(config: &Config, update: &store::Update, said: Said, out: &mut Out<'_>) -> Result<()> {
    let status = config.status();
    if let Some((before, after)) = &update.dry_run {
        let name = update.path.display().to_string();
        let diff = similar::TextDiff::from_lines(before, after);
        write!(out, "{}", diff.unified_diff().header(&name, &name))?;
        // The diff shows before the line that says what it is, on a terminal
        // too; a closed pipe is said at the end, as for any output.
        let _ = out.flush();
        status.say(&format!("{} (dry run: nothing written)", update.summary.would()));
    } else {
        for note in &update.notes {
            status.note(note);
        }
        let path = update.path.display();
        if update.created {
            status.say(&format!(
                "note: copied the built-in registry to {path}; your changes are kept there"
            ));
        }
        if update.unchanged {
            if said == Said::Tally {
                status.say(&update.summary.done());
            }
            // Nothing was copied from the built-in registry when it said that already.
            let what = if update.path.exists() {
                path.to_string()
            } else {
                "the built-in registry".to_string()
            };
            status.say(&format!("nothing written: {what} already says that"));
        } else {
            status.say(&format!("{} in {path}", update.summary.done()));
        }
    }
    // Then what the write leaves to fix, as `check` says it; an import may
    // leave hundreds: the first few, and how to see the rest.
    const SHOWN: usize = 5;
    if let Some((text, warnings)) = &update.warnings {
        let (file, source) = (update.path.display().to_string(), Source::new(text));
        for warning in warnings.iter().take(SHOWN) {
            // Each followed by a blank line, as `check` shows them.
            let rendered = warning.render(&file, &source, config.stderr_color);
            status.diagnostic(&format!("{rendered}\n"));
        }
        if warnings.len() > SHOWN {
            let more = text::count(warnings.len() - SHOWN, "more warning");
            status.note(&format!("note: and {more}; `netreg check` lists every warning"));
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

/// A field given as `--flag ""` is removed; an absent flag leaves it alone.
fn cleared(value: Option<&str>) -> Option<Option<String>> {
    value.map(|v| Some(v.trim()).filter(|v| !v.is_empty()).map(String::from))
}

/// A flag that `""` clears: not given (`None`), cleared (`Some(None)`), or
/// its trimmed value as `parse` reads it.
fn clearable<T>(given: Option<&str>, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<Option<T>>> {
    match given.map(str::trim) {
        None => Ok(None),
        Some("") => Ok(Some(None)),
        Some(input) => parse(input).map(|value| Some(Some(value))),
    }
}

/// A date from the command line, for a read or a write alike: a wrong one
/// is a usage error (exit 2), `what` names it.
fn parse_date(what: &str, input: &str) -> Result<PartialDate> {
    PartialDate::parse(input).map_err(|reason| {
        Error::usage(
            format!("invalid {what}: {reason}"),
            "dates are YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2011 or 2011-06-09".to_string(),
        )
    })
}
