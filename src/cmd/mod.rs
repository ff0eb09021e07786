//! One module per noun; `dispatch` is the one `match` over the command line.

mod check;
mod docs;
mod milestones;
mod networks;
mod partners;
mod stats;
mod timeline;

use std::io::Write;

use crate::cli::{Command, FilterArgs, MilestonesCommand, NetworksCommand, PartnersCommand, TimelineCommand};
use crate::cli::{KindArg, RoleArg, StatusArg};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::registry::date::PartialDate;
use crate::registry::filter::Filter;
use crate::registry::model::{Kind, Registry, Role, Status};
use crate::registry::{country, text};

pub fn dispatch(command: Command, config: &Config, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Networks(NetworksCommand::List(args)) => networks::list(config, &args, out),
        Command::Networks(NetworksCommand::Show { id }) => networks::show(config, &id, out),
        Command::Partners(PartnersCommand::List(args)) => partners::list(config, &args, out),
        Command::Milestones(MilestonesCommand::List(args)) => milestones::list(config, &args, out),
        Command::Timeline(TimelineCommand::Show(args)) => timeline::show(config, &args, out),
        Command::Stats(args) => stats::show(config, &args, out),
        Command::Check => check::run(config),
        Command::Path => docs::path(config, out),
        Command::Completions { shell } => docs::completions(shell, out),
        Command::Man => docs::man(out),
    }
}

/// Turns the filter flags into a `Filter`, refusing what cannot match anything.
fn filter(args: &FilterArgs, registry: &Registry, config: &Config) -> Result<Filter> {
    let mut filter = Filter::new(config.today);
    for id in &args.network {
        let id = id.trim().to_lowercase();
        find_network_id(registry, &id)?;
        filter.networks.push(id);
    }
    for input in &args.country {
        filter.countries.push(parse_country(input)?);
    }
    filter.role = args.role.map(|r| match r {
        RoleArg::Lead => Role::Lead,
        RoleArg::Partner => Role::Partner,
        RoleArg::Observer => Role::Observer,
    });
    filter.status = args.status.map(|s| match s {
        StatusArg::Planned => Status::Planned,
        StatusArg::Active => Status::Active,
        StatusArg::Closed => Status::Closed,
    });
    filter.kind = args.kind.map(|k| match k {
        KindArg::Launch => Kind::Launch,
        KindArg::Completion => Kind::Completion,
        KindArg::Event => Kind::Event,
    });
    filter.programme = args.programme.as_deref().map(text::fold);
    filter.search = args.search.as_deref().map(text::fold);
    filter.from = args
        .from
        .as_deref()
        .map(|d| parse_date("--from", d))
        .transpose()?;
    filter.to = args.to.as_deref().map(|d| parse_date("--to", d)).transpose()?;
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

fn parse_date(flag: &str, input: &str) -> Result<PartialDate> {
    PartialDate::parse(input).map_err(|reason| {
        Error::usage(
            format!("invalid date for `{flag}`: {reason}"),
            "dates are YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2011 or 2011-06-09".to_string(),
        )
    })
}

/// The index of the network with `id`, or not-found with the nearest id.
fn find_network_id(registry: &Registry, id: &str) -> Result<usize> {
    registry
        .networks
        .iter()
        .position(|n| n.id() == id)
        .ok_or_else(|| {
            let near = text::nearest(id, registry.networks.iter().map(|n| n.id()));
            Error::NotFound {
                message: format!("no network `{id}` in the registry"),
                hint: Some(match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "`netreg networks list` shows the ids".into(),
                }),
            }
        })
}
