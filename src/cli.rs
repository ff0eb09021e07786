//! Every clap type of the command line; nothing here knows about the registry.

// The command line is parsed once; boxing its larger variants would buy nothing.
#![allow(clippy::large_enum_variant)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::registry::edit::OnConflict;
use crate::registry::model::{Kind, Role, Status};

/// A registry of cooperation networks between European towns and cities
///
/// netreg keeps URBACT-style networks (a lead partner, member partners in several
/// countries, a timeline of milestones) in one human-editable TOML file and answers
/// questions about them. Without a registry of your own it reads the built-in one.
#[derive(Debug, Parser)]
#[command(
    name = "netreg",
    version,
    max_term_width = 100,
    next_help_heading = "Global options"
)]
pub struct Cli {
    /// Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)
    #[arg(long = "registry", global = true, value_name = "PATH")]
    pub registry: Option<PathBuf>,

    /// Output format (default: table on a terminal, plain otherwise; json for export)
    #[arg(long = "format", global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// When to use colour
    #[arg(long = "color", global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print no notes or warnings on stderr, only errors
    #[arg(short = 'q', long = "quiet", global = true)]
    pub quiet: bool,

    /// Print straight to the terminal, never through a pager
    ///
    /// On a terminal, output taller than the screen goes through
    /// $NETREG_PAGER, else $PAGER, else `less -FRX`; an empty value or `cat`
    /// means no pager. Never in a pipe.
    #[arg(long = "no-pager", global = true)]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Command,
}

// The flattened argument structs below carry `//` comments, not doc
// comments: a struct's doc comment would replace the about text of the
// subcommand that flattens it.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, add, edit and remove networks
    #[command(subcommand)]
    Networks(NetworksCommand),
    /// List, add, edit and remove partners
    #[command(subcommand)]
    Partners(PartnersCommand),
    /// List, add and remove milestones
    #[command(subcommand)]
    Milestones(MilestonesCommand),
    /// Show milestones on a timeline
    #[command(subcommand)]
    Timeline(TimelineCommand),
    /// List and show places across networks: who works with whom, and where
    #[command(subcommand)]
    Cities(CitiesCommand),
    /// Count networks and partners per country, programme or year
    #[command(after_long_help = "\
Fields: country, country_name, networks, partners (--by country); programme, networks,
partners (--by programme); year, networks, partners (--by year)

Examples:
  netreg stats --by country
  netreg stats --by programme --format csv
  netreg stats --by year --from 2010 --to 2020")]
    Stats(StatsArgs),
    /// Validate the registry
    ///
    /// Prints every error and warning at once, each with its file, line and column,
    /// then how many; `--format json` gives them to programs (file, line, column,
    /// severity, code, message, hint) on stdout. Exits 1 when there are errors;
    /// warnings alone exit 0.
    #[command(
        after_long_help = "Examples:\n  netreg check\n  netreg check --format json | jq '.[] | select(.severity == \"error\")'"
    )]
    Check,
    /// Print the version, the licences, and where the built-in data comes from
    ///
    /// The built-in registry's networks, partners and places, its sources and their
    /// licences (GeoNames places are CC BY 4.0), and the code's licence.
    #[command(after_long_help = "Examples:\n  netreg about\n  netreg about --format json | jq .data")]
    About,
    /// Print the JSON Schema of the registry file format
    ///
    /// For taplo and editors (Even Better TOML): files netreg creates start with
    /// `#:schema ./netreg.schema.json` and get the schema beside them. `check` still
    /// owns the rules a schema cannot say: one lead, unique ids and names, real dates.
    #[command(
        after_long_help = "Examples:\n  netreg schema > netreg.schema.json\n  taplo check --schema file://$PWD/netreg.schema.json registry.toml"
    )]
    Schema,
    /// Show what changed between two registry files: networks, partners, milestones
    ///
    /// OLD or NEW may be /dev/null (nothing). As git's diff driver:
    /// `git config diff.netreg.command "netreg diff --git"` and
    /// `registry.toml diff=netreg` in .gitattributes.
    #[command(after_long_help = "\
Fields: change, entity, network, item, field, old, new

Examples:
  netreg diff old.toml registry.toml
  netreg diff <(git show HEAD~1:registry.toml) registry.toml --format json")]
    Diff {
        /// With the arguments git gives a diff driver (path old-file old-hex old-mode
        /// new-file new-hex new-mode, and for a rename new-path and its similarity)
        #[arg(long = "git")]
        git: bool,
        /// The old and the new registry file
        #[arg(required = true, num_args = 1..=9, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the versions of the registry that earlier writes replaced
    ///
    /// Every write keeps the version it replaced in your state directory
    /// ($XDG_STATE_HOME/netreg, else ~/.local/state/netreg), of the last 100 writes per registry.
    /// `history show N` prints what write N changed, as `diff` does; `undo` restores.
    #[command(after_long_help = "\
Fields: n, when, summary, command

Examples:
  netreg history
  netreg history --limit 5
  netreg history show 1")]
    History {
        #[command(subcommand)]
        show: Option<HistoryCommand>,
        /// Choose and order the columns, e.g. `n,summary`
        #[arg(long = "fields", value_name = "A,B,C", value_delimiter = ',')]
        fields: Vec<String>,
        /// Sort rows by these fields, in turn (prefix `-` for descending), e.g. `n`
        #[arg(long = "sort", value_name = "FIELDS", allow_hyphen_values = true)]
        sort: Option<String>,
        /// Print at most N versions, the newest first
        #[arg(long = "limit", value_name = "N")]
        limit: Option<usize>,
    },
    /// Restore the version of the registry that the last write replaced
    ///
    /// An undo is itself a write, kept in the history; undo again to go one more write
    /// back. Refused when the file changed outside netreg since its last write.
    #[command(after_long_help = "Examples:\n  netreg undo --dry-run\n  netreg undo")]
    Undo {
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Print which registry is in use and why
    #[command(after_long_help = "Examples:\n  netreg path\n  netreg --registry my.toml path --format json")]
    Path,
    /// Create a registry: a copy of the built-in one, or an empty one
    ///
    /// Writes to --registry PATH if given, otherwise to your data directory.
    #[command(after_long_help = "Examples:\n  netreg init\n  netreg --registry team.toml init --empty")]
    Init {
        /// Start with no networks instead of the built-in ones
        #[arg(long = "empty")]
        empty: bool,
        /// Replace a registry that already exists
        #[arg(long = "force")]
        force: bool,
    },
    /// Print the registry, or the selected part of it, in one format
    ///
    /// json (the default) and toml give the whole registry; ndjson gives one network
    /// a line; csv, tsv and markdown give one row per --entity. The filters select
    /// the same networks and partners in every format: a network exported whole
    /// (json, ndjson, toml, sql) keeps the partners --country and --role select, a
    /// graph or map the places of those partners.
    #[command(after_long_help = "\
Examples:
  netreg export > registry.json
  netreg export --format csv --entity partners --output partners.csv
  netreg export --format toml --programme \"URBACT IV\" > urbact-iv.toml")]
    Export(ExportArgs),
    /// Merge networks from a file (json or toml), or partner rows from csv
    ///
    /// The file's format comes from --format or its extension. CSV rows are
    /// network,name,country,role[,type] with a header.
    #[command(after_long_help = "\
Examples:
  netreg import registry.json --dry-run
  netreg import partners.csv --on-conflict skip")]
    Import(ImportArgs),
    /// Print a shell completion script, or write it where the shell finds it
    ///
    /// With --dir, writes the script into that directory (made if missing) under
    /// the name the shell looks for there: netreg (bash), _netreg (zsh),
    /// netreg.fish, netreg.elv, _netreg.ps1.
    #[command(after_long_help = "\
Examples:
  netreg completions bash --dir ~/.local/share/bash-completion/completions
  netreg completions zsh --dir ~/.zfunc
  netreg completions fish --dir ~/.config/fish/completions
  source <(netreg completions bash)")]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        /// Write the script into this directory instead of printing it
        #[arg(long = "dir", value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Print the man page (roff), or write one for every command
    ///
    /// With --dir, writes netreg.1 and a page per command (netreg-partners-add.1,
    /// ...) into that directory, e.g. `netreg man --dir ~/.cargo/share/man/man1`
    /// (beside the binary `cargo install` puts in ~/.cargo/bin, where man looks); DIR is
    /// made if it is not there.
    #[command(
        after_long_help = "Examples:\n  netreg man | man -l -\n  netreg man --dir ~/.cargo/share/man/man1"
    )]
    Man {
        /// Write the pages into this directory instead of printing netreg.1
        #[arg(long = "dir", value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Print what one write changed, as `diff` does
    #[command(after_long_help = "Examples:\n  netreg history show 1\n  netreg history show 1 --format json")]
    Show {
        /// The write's number, as `netreg history` lists it
        #[arg(value_name = "N")]
        n: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum NetworksCommand {
    /// List networks, one row each
    #[command(after_long_help = "\
Fields: id, name, programme, type, status, lead, lead_country, partners, start, end; and in
csv, tsv, json and ndjson, typed: start_date, start_precision, end_date, end_precision,
end_last_day, span_start, span_end

Examples:
  netreg networks list --programme \"URBACT II\"
  netreg networks list --country Italy --role lead --fields id,name
  netreg networks list --from 2015 --sort -partners --limit 5")]
    List(ListArgs),
    /// Show everything about one network
    ///
    /// As a table or plain text for people, json or ndjson for programs,
    /// markdown for documents.
    #[command(after_long_help = "\
Examples:
  netreg networks show creative-clusters
  netreg networks show creative-clusters --format json | jq '.partners[].name'")]
    Show {
        /// The networks' ids, e.g. `creative-clusters`
        #[arg(required = true, num_args = 1..)]
        ids: Vec<String>,
    },
    /// Add a network
    ///
    /// --start and --end create its launch and completion milestones.
    #[command(after_long_help = "\
Examples:
  netreg networks add my-net --name \"My Network\" --programme \"URBACT IV\" --start 2024-06 --end 2026")]
    Add {
        /// The new network's id: lower-case letters, digits and hyphens
        id: String,
        #[command(flatten)]
        fields: NetworkFields,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Change a network's fields
    ///
    /// An empty value (`--url ""`) removes an optional field. --theme and
    /// --source replace the whole list; --add-theme, --remove-theme,
    /// --add-source and --remove-source change one entry and keep the rest.
    #[command(
        after_long_help = "Examples:\n  netreg networks edit creative-clusters --status closed --end 2011-06-09\n  netreg networks edit creative-clusters --url \"\"   # removes the url\n  netreg networks edit creative-clusters --add-theme \"circular economy\" --remove-theme youth"
    )]
    Edit {
        /// The network's id
        id: String,
        #[command(flatten)]
        fields: NetworkFields,
        #[command(flatten)]
        lists: ListEdits,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Change a network's id
    #[command(
        after_long_help = "Examples:\n  netreg networks rename creative-clusters creative-clusters-2008"
    )]
    Rename {
        /// Its id now
        old: String,
        /// The id it gets: lower-case letters, digits and hyphens
        new: String,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a network with its partners and milestones
    #[command(
        after_long_help = "Examples:\n  netreg networks remove creative-clusters --dry-run\n  netreg networks remove creative-clusters --yes"
    )]
    Remove {
        /// The network's id
        id: String,
        /// Remove without asking
        #[arg(short = 'y', long = "yes")]
        yes: bool,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Debug, Default, Args)]
pub struct NetworkFields {
    /// The network's name
    #[arg(long = "name", value_name = "NAME")]
    pub name: Option<String>,
    /// Its programme, e.g. "URBACT IV"
    #[arg(long = "programme", value_name = "P")]
    pub programme: Option<String>,
    /// Its type, e.g. "Action Planning Network"
    #[arg(long = "type", value_name = "T")]
    pub kind: Option<String>,
    /// Its status (otherwise derived from its launch and completion)
    #[arg(long = "status", value_name = "S")]
    pub status: Option<String>,
    /// A theme (repeatable); on `edit`, replaces the whole list of themes
    #[arg(long = "theme", value_name = "T")]
    pub themes: Vec<String>,
    /// Its web page
    #[arg(long = "url", value_name = "U")]
    pub url: Option<String>,
    /// A page its facts come from (repeatable); on `edit`, replaces the whole list of sources
    #[arg(long = "source", value_name = "URL")]
    pub sources: Vec<String>,
    /// A summary in a few sentences
    #[arg(long = "summary", value_name = "S")]
    pub summary: Option<String>,
    /// The launch date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "start", value_name = "DATE")]
    pub start: Option<String>,
    /// The completion date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "end", value_name = "DATE")]
    pub end: Option<String>,
}

// One theme or source added or removed on `networks edit`, the others kept
// (a doc comment here would become the command's about).
#[derive(Debug, Default, Args)]
pub struct ListEdits {
    /// Add a theme, keeping the others (repeatable)
    #[arg(long = "add-theme", value_name = "T", conflicts_with = "themes")]
    pub add_themes: Vec<String>,
    /// Remove a theme, ignoring case and accents (repeatable)
    #[arg(long = "remove-theme", value_name = "T", conflicts_with = "themes")]
    pub remove_themes: Vec<String>,
    /// Add a source, keeping the others (repeatable)
    #[arg(long = "add-source", value_name = "URL", conflicts_with = "sources")]
    pub add_sources: Vec<String>,
    /// Remove a source, as written (repeatable)
    #[arg(long = "remove-source", value_name = "URL", conflicts_with = "sources")]
    pub remove_sources: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum PartnersCommand {
    #[command(after_long_help = "\
Fields: network, name, country, country_name, role, type; and in csv, tsv, json and
ndjson, place_id (as the sql, geojson and graph exports name the place)

Examples:
  netreg partners list --country Italy
  netreg partners list --network creative-clusters --role lead
  netreg partners list --search jyvaskyla --fields network,name")]
    /// List partners, one row per network and partner
    List(ListArgs),
    /// Add a partner to a network
    #[command(after_long_help = "\
Examples:
  netreg partners add creative-clusters Gent --country Belgium
  netreg partners add creative-clusters Gent --country BE --role lead --replace-lead")]
    Add {
        /// The network's id
        network: String,
        /// The partner's name, in its native spelling
        name: String,
        #[command(flatten)]
        fields: PartnerFields,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Change a partner of a network
    ///
    /// An empty value (`--type ""`) removes an optional field.
    #[command(
        after_long_help = "Examples:\n  netreg partners edit creative-clusters Barnsley --type city\n  netreg partners edit creative-clusters Viareggio --role lead --replace-lead"
    )]
    Edit {
        /// The network's id
        network: String,
        /// The partner's current name (case and accents may differ)
        name: String,
        /// A new name
        #[arg(long = "name", value_name = "NEW")]
        rename: Option<String>,
        #[command(flatten)]
        fields: PartnerFields,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a partner from a network
    #[command(after_long_help = "Examples:\n  netreg partners remove creative-clusters Barnsley --dry-run")]
    Remove {
        /// The network's id
        network: String,
        /// The partner's name (case and accents may differ)
        name: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

#[derive(Debug, Default, Args)]
pub struct PartnerFields {
    /// Its country: ISO code or English name
    #[arg(long = "country", value_name = "C")]
    pub country: Option<String>,
    /// Its role in the network
    #[arg(long = "role", value_enum, ignore_case = true)]
    pub role: Option<Role>,
    /// What it is: city, agency, university, region...
    #[arg(long = "type", value_name = "T")]
    pub kind: Option<String>,
    /// Make this partner the lead and the current lead a partner
    #[arg(long = "replace-lead")]
    pub replace_lead: bool,
    /// Its place's GeoNames id, e.g. 3172394 for Naples ("" removes it)
    #[arg(long = "geonames", value_name = "ID", allow_hyphen_values = true)]
    pub geonames: Option<String>,
    /// Where it is: latitude,longitude in degrees, e.g. 40.85216,14.26811 ("" removes it)
    #[arg(long = "coordinates", value_name = "LAT,LON", allow_hyphen_values = true)]
    pub coordinates: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MilestonesCommand {
    #[command(after_long_help = "\
Fields: network, date, title, kind; and in csv, tsv, json and ndjson, typed: first_day,
last_day, date_precision

Examples:
  netreg milestones list --network creative-clusters
  netreg milestones list --kind launch --from 2020")]
    /// List milestones in date order
    List(ListArgs),
    /// Add a milestone to a network
    #[command(
        after_long_help = "Examples:\n  netreg milestones add creative-clusters 2009-06 \"Newsletter no. 1\"\n  netreg milestones add creative-clusters 2010-04 \"Second thematic workshop\" --kind event --dry-run"
    )]
    Add {
        /// The network's id
        network: String,
        /// Its date: YYYY, YYYY-MM or YYYY-MM-DD
        date: String,
        /// What happened
        title: String,
        /// Its kind
        #[arg(long = "kind", value_enum, ignore_case = true, default_value_t = Kind::Event)]
        kind: Kind,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Change a milestone's date, title or kind
    #[command(
        after_long_help = "Examples:\n  netreg milestones edit creative-clusters 2008 \"Network launched\" --date 2008-05"
    )]
    Edit {
        /// The network's id
        network: String,
        /// Its date, as written in the registry
        date: String,
        /// Its title (case and accents may differ)
        title: String,
        /// Its new date
        #[arg(long = "date", value_name = "DATE")]
        new_date: Option<String>,
        /// Its new title
        #[arg(long = "title", value_name = "TITLE")]
        new_title: Option<String>,
        /// Its new kind
        #[arg(long = "kind", value_enum, ignore_case = true)]
        kind: Option<Kind>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Remove a milestone from a network
    #[command(
        after_long_help = "Examples:\n  netreg milestones remove creative-clusters 2008-12-01 \"Network presented in a thematic workshop at an URBACT conference in Montpellier\""
    )]
    Remove {
        /// The network's id
        network: String,
        /// Its date, as written in the registry
        date: String,
        /// Its title (case and accents may differ)
        title: String,
        #[command(flatten)]
        write: WriteArgs,
    },
}

// What every write takes.
#[derive(Debug, Default, Args)]
pub struct WriteArgs {
    /// Print the change as a unified diff and write nothing
    #[arg(long = "dry-run")]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What one row is, for csv, tsv, markdown and ndjson
    #[arg(long = "entity", value_enum)]
    pub entity: Option<Entity>,
    /// Write to this file (atomically) instead of stdout; `-` is stdout
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// In csv, separate fields with this character instead of `,` (`;` for
    /// spreadsheets in locales that write decimal commas)
    #[arg(long = "delimiter", value_name = "C")]
    pub delimiter: Option<char>,
    /// Start csv or tsv with a byte-order mark, for spreadsheets that want
    /// one to read UTF-8
    #[arg(long = "bom")]
    pub bom: bool,
    /// In csv and tsv, write fields exactly as they are, even ones a spreadsheet
    /// would run as a formula
    #[arg(long = "raw")]
    pub raw: bool,
    /// For graphml, gexf and dot: places joined by the networks they share,
    /// or networks and places joined by memberships
    #[arg(long = "graph", value_enum)]
    pub graph: Option<Graph>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Graph {
    Cities,
    Bipartite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Entity {
    Networks,
    Partners,
    Milestones,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import
    pub file: PathBuf,
    /// What to do with a network (or csv partner) that is already there
    #[arg(long = "on-conflict", value_enum, default_value_t = OnConflict::Fail)]
    pub on_conflict: OnConflict,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Subcommand)]
pub enum TimelineCommand {
    /// Show milestones by year, with each network's span drawn on a year axis
    #[command(after_long_help = "\
Fields (in a pipe or with --format): network, date, title, kind

Examples:
  netreg timeline show
  netreg timeline show --programme \"URBACT II\" --from 2008 --to 2012")]
    Show(ListArgs),
}

#[derive(Debug, Subcommand)]
pub enum CitiesCommand {
    /// List places, one row each: a GeoNames place, or a name and country
    #[command(after_long_help = "\
Fields: name, country, country_name, geonames, networks, leads, first, last

Examples:
  netreg cities list --limit 10 --sort -networks
  netreg cities list --country Italy --role lead
  netreg cities list --programme \"URBACT III\" --format csv")]
    List(ListArgs),
    /// Show one place: its networks, and the places it most often shares them with
    ///
    /// CITY is a name in any case and with or without accents (any name its
    /// partners have, e.g. Napoli or Naples), or a GeoNames id.
    #[command(after_long_help = "\
Examples:
  netreg cities show naples
  netreg cities show 3172394 --format json | jq '.networks[].id'")]
    Show {
        /// A place's name or GeoNames id
        city: String,
        #[command(flatten)]
        filter: FilterArgs,
    },
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
    /// The years each network was active (its span, as --from and --to take it)
    Year,
    /// The most connected places
    City,
    /// Per network: countries, partners, places, and places there for the first time
    Network,
}

// Filters and shaping shared by every list.
#[derive(Debug, Default, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Choose and order the columns, e.g. `name,country`
    #[arg(long = "fields", value_name = "A,B,C", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`
    #[arg(long = "sort", value_name = "FIELDS", allow_hyphen_values = true)]
    pub sort: Option<String>,

    /// Print at most N rows
    #[arg(long = "limit", value_name = "N")]
    pub limit: Option<usize>,

    /// In csv and tsv, write fields exactly as they are, even ones a spreadsheet
    /// would run as a formula
    #[arg(long = "raw")]
    pub raw: bool,
}

// Repeating a filter means OR; different filters mean AND.
#[derive(Debug, Default, Clone, Args)]
pub struct FilterArgs {
    /// Only this network (repeatable)
    #[arg(long = "network", value_name = "ID")]
    pub network: Vec<String>,

    /// Only partners in this country: code, alpha-3 or English name (repeatable)
    #[arg(long = "country", value_name = "C")]
    pub country: Vec<String>,

    /// Only partners with this role (repeatable)
    #[arg(long = "role", value_enum, ignore_case = true)]
    pub role: Vec<Role>,

    /// Only networks of this programme, e.g. "URBACT II" (repeatable)
    #[arg(long = "programme", value_name = "P")]
    pub programme: Vec<String>,

    /// Only networks with this status (repeatable)
    #[arg(long = "status", value_enum, ignore_case = true)]
    pub status: Vec<Status>,

    /// Only milestones of this kind (repeatable)
    #[arg(long = "kind", value_enum, ignore_case = true)]
    pub kind: Vec<Kind>,

    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "from", value_name = "DATE")]
    pub from: Option<String>,

    /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long = "to", value_name = "DATE")]
    pub to: Option<String>,

    /// Free text over names, titles, themes and summaries, ignoring case and
    /// accents (repeatable)
    #[arg(long = "search", value_name = "TEXT")]
    pub search: Vec<String>,
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
    Geojson,
    Graphml,
    Gexf,
    Dot,
    Sql,
    Ics,
}

impl Format {
    /// Formats only `export` writes: a whole registry, a map, a graph, a
    /// database or a calendar, never one list's rows.
    pub fn export_only(self) -> bool {
        matches!(
            self,
            Format::Toml
                | Format::Geojson
                | Format::Graphml
                | Format::Gexf
                | Format::Dot
                | Format::Sql
                | Format::Ics
        )
    }

    /// The name `--format` takes.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
