//! The man pages: netreg(1) and one per command, from the same definitions
//! as `--help`, in the sections man readers look for (NAME, SYNOPSIS,
//! DESCRIPTION, OPTIONS, EXAMPLES, SEE ALSO), each listing only the formats
//! its command takes.

use std::io::Write;

use clap::builder::PossibleValuesParser;
use clap::{CommandFactory, ValueEnum};
use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::{Cli, Format};

/// What `table`, `plain` and the row formats give: every list.
const ROWS: &[Format] = &[
    Format::Table,
    Format::Plain,
    Format::Tsv,
    Format::Csv,
    Format::Json,
    Format::Ndjson,
    Format::Markdown,
];

/// The formats a command's page lists for `--format`: the ones the command
/// takes (`tests/cli/docs.rs` runs each command with every format to hold
/// this to what the commands do). `None`: the command prints no data, and its
/// page leaves `--format` out.
fn formats(page: &str) -> Option<&'static [Format]> {
    use Format::{Csv, Json, Markdown, Ndjson, Plain, Table, Toml};
    match page {
        "netreg" | "netreg-export" => Some(Format::value_variants()),
        "netreg-networks-show" => Some(&[Table, Plain, Json, Ndjson, Markdown]),
        "netreg-cities-show" | "netreg-check" | "netreg-about" | "netreg-path" => {
            Some(&[Table, Plain, Json, Ndjson])
        }
        "netreg-import" => Some(&[Csv, Json, Ndjson, Toml]),
        "netreg-networks-list"
        | "netreg-partners-list"
        | "netreg-milestones-list"
        | "netreg-timeline-show"
        | "netreg-cities-list"
        | "netreg-stats"
        | "netreg-diff"
        | "netreg-history"
        | "netreg-history-show" => Some(ROWS),
        // A group's page: what its list (or show) takes.
        "netreg-networks" | "netreg-partners" | "netreg-milestones" | "netreg-timeline" | "netreg-cities" => {
            Some(ROWS)
        }
        _ => None,
    }
}

/// The command line as the pages show it: no `help` subcommand (`--help`
/// and these pages say it all), every subcommand built.
fn command() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// Every page: its name (`netreg-partners-add`) and roff.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = Vec::new();
    collect(&command(), "netreg", None, &mut pages)?;
    Ok(pages)
}

/// netreg(1) alone.
pub fn main_page() -> std::io::Result<Vec<u8>> {
    page(command(), "netreg", None)
}

/// The page of `command`, then those of its subcommands.
fn collect(
    command: &clap::Command,
    name: &str,
    parent: Option<&str>,
    pages: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    pages.push((name.to_string(), page(command.clone(), name, parent)?));
    for sub in command.get_subcommands() {
        collect(sub, &format!("{name}-{}", sub.get_name()), Some(name), pages)?;
    }
    Ok(())
}

/// One page: clap's NAME to SUBCOMMANDS, the fields of a list in its
/// DESCRIPTION, then netreg's own sections.
fn page(mut command: clap::Command, name: &str, parent: Option<&str>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let after = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
        .map(ToString::to_string)
        .unwrap_or_default();
    let (fields, examples) = match after.split_once("Examples:") {
        Some((fields, examples)) => (fields.trim(), examples),
        None => (after.trim(), ""),
    };
    command = command
        .after_help(None::<&str>)
        .after_long_help(None::<&str>)
        .version(None::<&str>);
    if !fields.is_empty() {
        // In DESCRIPTION: the columns a list's --fields and --sort take.
        let about = command
            .get_long_about()
            .or_else(|| command.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        command = command.long_about(format!("{about}\n\n{fields}"));
    }
    if command.get_arguments().any(|arg| arg.get_id() == "format") {
        command = command.mut_arg("format", |arg| match formats(name) {
            Some(formats) => arg.value_parser(PossibleValuesParser::new(
                formats.iter().filter_map(|f| f.to_possible_value()),
            )),
            None => arg.hide(true),
        });
    }
    // clap's sections, then ours, without roff's preamble a second time.
    let mut clap_part = Vec::new();
    clap_mangen::Man::new(command).render(&mut clap_part)?;
    let clap_part = String::from_utf8_lossy(&clap_part);
    for line in clap_part.lines() {
        // The title line in full: clap_mangen leaves out an empty date, and
        // man then shows the version as the date and the command's last
        // word where the source goes.
        if line.starts_with(".TH ") {
            // No hyphenation: an option or a field name broken at a line's
            // end (`--coor-dinates`) cannot be copied.
            writeln!(out, "{}\n.nh", title_line(name))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    let mut roff = Roff::new();
    if name == "netreg" {
        main_sections(&mut roff);
    }
    let examples: Vec<&str> = match name {
        "netreg" => MAIN_EXAMPLES.to_vec(),
        _ => examples
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
    };
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"])
            .control("PP", [])
            .control("nf", []);
        for example in examples {
            roff.text([roman(example)]);
        }
        roff.control("fi", []);
    }
    roff.control("SH", ["SEE ALSO"]);
    let see_also: Vec<(String, &str)> = match parent {
        None => vec![("git".into(), "1"), ("gitattributes".into(), "5")],
        Some("netreg") => vec![("netreg".into(), "1")],
        Some(parent) => vec![(parent.to_string(), "1"), ("netreg".into(), "1")],
    };
    let last = see_also.len() - 1;
    for (i, (page, section)) in see_also.into_iter().enumerate() {
        let comma = if i == last { "" } else { "," };
        roff.text([bold(page), roman(format!("({section}){comma}"))]);
    }
    let rendered = roff.render();
    let preamble = Roff::new().render();
    out.extend_from_slice(
        rendered
            .strip_prefix(preamble.as_str())
            .unwrap_or(&rendered)
            .as_bytes(),
    );
    Ok(out)
}

/// `.TH` with its five fields: the page, its section, no date, the source,
/// the manual (page names are lower-case letters and hyphens).
fn title_line(name: &str) -> String {
    format!(
        ".TH {name} 1 \"\" \"netreg {}\" \"netreg manual\"",
        env!("CARGO_PKG_VERSION")
    )
}

const MAIN_EXAMPLES: [&str; 5] = [
    "netreg partners list --country Italy",
    "netreg networks show creative-clusters --format json",
    "netreg partners add creative-clusters Barnsley --country \"United Kingdom\"",
    "netreg export --format csv --entity partners --output partners.csv",
    "netreg check --format json",
];

/// ENVIRONMENT, FILES and EXIT STATUS of netreg(1): what no option's help says.
fn main_sections(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    let environment: [(&str, Vec<clap_mangen::roff::Inline>); 8] = [
        (
            "NETREG_REGISTRY",
            vec![
                roman("The registry file to use when "),
                bold("--registry"),
                roman(" is not given."),
            ],
        ),
        (
            "NO_COLOR",
            vec![
                roman("Set to anything but empty: no colour, unless "),
                bold("--color always"),
                roman("."),
            ],
        ),
        (
            "XDG_DATA_HOME, HOME",
            vec![
                roman("Where your registry lives: "),
                italic("$XDG_DATA_HOME/netreg/registry.toml"),
                roman(", else "),
                italic("~/.local/share/netreg/registry.toml"),
                roman("."),
            ],
        ),
        (
            "XDG_STATE_HOME",
            vec![
                roman("Where the versions that writes replaced are kept: "),
                italic("$XDG_STATE_HOME/netreg/history/"),
                roman(", else "),
                italic("~/.local/state/netreg/history/"),
                roman("."),
            ],
        ),
        (
            "XDG_CACHE_HOME",
            vec![
                roman("Where snapshots of registries (the built-in one too) are kept: "),
                italic("$XDG_CACHE_HOME/netreg/"),
                roman(", else "),
                italic("~/.cache/netreg/"),
                roman("."),
            ],
        ),
        (
            "COLUMNS",
            vec![roman(
                "The width tables are fitted to when the terminal does not say.",
            )],
        ),
        ("TERM", vec![bold("dumb"), roman(": no colour.")]),
        (
            "NETREG_PAGER, PAGER",
            vec![
                roman("The pager for output taller than the terminal, "),
                bold("NETREG_PAGER"),
                roman(" first, then "),
                bold("PAGER"),
                roman("; else "),
                bold("less -FRX"),
                roman(". Empty, or "),
                bold("cat"),
                roman(": no pager, as "),
                bold("--no-pager"),
                roman(" says."),
            ],
        ),
    ];
    for (variable, text) in environment {
        roff.control("TP", []).text([bold(variable)]).text(text);
    }
    roff.control("SH", ["FILES"]);
    let files: [(&str, Vec<clap_mangen::roff::Inline>); 3] = [
        (
            "~/.local/share/netreg/registry.toml",
            vec![roman(
                "Your registry, made from the built-in one by the first write.",
            )],
        ),
        (
            "~/.local/state/netreg/history/",
            vec![
                roman("The versions of each registry that writes replaced, of the last 100 writes ("),
                italic("$XDG_STATE_HOME/netreg/"),
                roman(" if set); "),
                bold("netreg history"),
                roman(" lists them and "),
                bold("netreg undo"),
                roman(" restores."),
            ],
        ),
        (
            "~/.cache/netreg/*.snapshot",
            vec![roman(
                "Parsed registries, used only for exactly the text they were made from; safe to delete.",
            )],
        ),
    ];
    for (file, text) in files {
        roff.control("TP", []).text([italic(file)]).text(text);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, text) in [
        ("0", "Success; an empty result is empty output."),
        (
            "1",
            "The operation failed: an invalid registry, something not found, a refused write, an I/O error.",
        ),
        ("2", "The command line was wrong."),
    ] {
        roff.control("TP", []).text([bold(code)]).text([roman(text)]);
    }
}
