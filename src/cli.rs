//! Every clap type of the command line; nothing here knows about the registry.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A registry of cooperation networks between European towns and cities
///
/// netreg keeps URBACT-style networks (a lead partner, member partners in several
/// countries, a timeline of milestones) in one human-editable TOML file and answers
/// questions about them. Without a registry of your own it reads the built-in one.
#[derive(Debug, Parser)]
#[command(name = "netreg", version, max_term_width = 100)]
pub struct Cli {
    /// Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)
    #[arg(long = "registry", global = true, value_name = "PATH")]
    pub registry: Option<PathBuf>,

    /// Output format (default: table on a terminal, plain otherwise)
    #[arg(long = "format", global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// When to use colour
    #[arg(
        long = "color",
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto
    )]
    pub color: ColorChoice,

    /// Print no notes on stderr, only errors
    #[arg(short = 'q', long = "quiet", global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List and show networks
    #[command(subcommand)]
    Networks(NetworksCommand),
    /// List partners
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// List milestones
    #[command(subcommand)]
    Milestones(MilestonesCommand),
    /// Show milestones on a timeline
    #[command(subcommand)]
    Timeline(TimelineCommand),
    /// Count networks and partners per country, programme or year
    Stats(StatsArgs),
    /// Validate the registry
    ///
    /// Prints every error and warning with its file, line and column. Exits 1 when
    /// there are errors; warnings alone exit 0.
    Check,
    /// Print which registry is in use and why
    Path,
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Subcommand)]
pub enum NetworksCommand {
    /// List networks, one row each
    List(ListArgs),
    /// Show everything about one network
    Show {
        /// The network's id, e.g. `creative-clusters`
        id: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PartnersCommand {
    /// List partners, one row per network and partner
    List(ListArgs),
}

#[derive(Debug, Subcommand)]
pub enum MilestonesCommand {
    /// List milestones in date order
    List(ListArgs),
}

#[derive(Debug, Subcommand)]
pub enum TimelineCommand {
    /// Show milestones by year, with each network's span drawn on a year axis
    Show(ListArgs),
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// What to group by
    #[arg(long = "by", value_enum, default_value_t = StatsBy::Country)]
    pub by: StatsBy,
    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsBy {
    Country,
    Programme,
    Year,
}

/// Filters and shaping shared by every list.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Choose and order the columns, e.g. `name,country`
    #[arg(long = "fields", value_name = "A,B,C", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// Sort rows by this field (prefix `-` for descending)
    #[arg(long = "sort", value_name = "FIELD", allow_hyphen_values = true)]
    pub sort: Option<String>,

    /// Print at most N rows
    #[arg(long = "limit", value_name = "N")]
    pub limit: Option<usize>,
}

/// Repeating a filter means OR; different filters mean AND.
#[derive(Debug, Default, Args)]
pub struct FilterArgs {
    /// Only this network (repeatable)
    #[arg(long = "network", value_name = "ID")]
    pub network: Vec<String>,

    /// Only partners in this country: code, alpha-3 or English name (repeatable)
    #[arg(long = "country", value_name = "C")]
    pub country: Vec<String>,

    /// Only partners with this role
    #[arg(long = "role", value_enum)]
    pub role: Option<RoleArg>,

    /// Only networks of this programme, e.g. "URBACT II"
    #[arg(long = "programme", value_name = "P")]
    pub programme: Option<String>,

    /// Only networks with this status
    #[arg(long = "status", value_enum)]
    pub status: Option<StatusArg>,

    /// Only milestones of this kind
    #[arg(long = "kind", value_enum)]
    pub kind: Option<KindArg>,

    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "from", value_name = "DATE")]
    pub from: Option<String>,

    /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "to", value_name = "DATE")]
    pub to: Option<String>,

    /// Free text over names, titles, themes and summaries (ignores case and accents)
    #[arg(long = "search", value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Plain,
    Tsv,
    Csv,
    Json,
    Ndjson,
    Markdown,
    Toml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Lead,
    Partner,
    Observer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Planned,
    Active,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Launch,
    Completion,
    Event,
}
