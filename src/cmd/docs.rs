//! `path`, `completions` and `man`: what netreg says about itself.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Format};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::export::GEONAMES_CREDIT;
use crate::output::Out;
use crate::store::Origin;

/// The registry in use and why: `PATH<TAB>ORIGIN` in a pipe.
pub fn path(config: &Config, out: &mut Out<'_>) -> Result<()> {
    let location = &config.location;
    let path = match (location.origin, &location.path) {
        (Origin::BuiltIn, _) | (_, None) => "built-in".to_string(),
        (_, Some(path)) => path.display().to_string(),
    };
    let origin = match location.origin {
        Origin::Flag => "flag",
        Origin::Env => "env",
        Origin::DataDir => "data-dir",
        Origin::BuiltIn => "built-in",
    };
    match config.format {
        format if format.export_only() || matches!(format, Format::Csv | Format::Tsv | Format::Markdown) => {
            return Err(Error::usage(
                format!("`path` does not print {}", config.format.name()),
                "use plain (PATH<TAB>ORIGIN), table or json".to_string(),
            ));
        }
        Format::Json | Format::Ndjson => {
            let copy = match location.origin {
                Origin::BuiltIn => location.path.as_ref().map(|p| p.display().to_string()),
                _ => None,
            };
            let mut value = serde_json::json!({"path": path, "origin": origin});
            if let Some(copy) = copy {
                value["first_write_copies_to"] = copy.into();
            }
            writeln!(out, "{value}")?;
        }
        Format::Table => {
            writeln!(out, "{path}")?;
            writeln!(out, "  from the {}", location.origin)?;
            if let (Origin::BuiltIn, Some(copy)) = (location.origin, &location.path) {
                writeln!(out, "  the first write copies it to {}", copy.display())?;
            }
        }
        _ => writeln!(out, "{path}\t{origin}")?,
    }
    // The path in use may not hold a file yet: say so, and what makes one.
    if let (false, Some(file)) = (location.origin == Origin::BuiltIn, &location.path)
        && let Err(error) = std::fs::metadata(file)
    {
        let note = match std::fs::symlink_metadata(file) {
            Ok(_) => format!(
                "note: {} is a symlink that leads to no file ({error})",
                file.display()
            ),
            Err(_) => format!(
                "note: there is no file at {} yet; `netreg init` makes one there",
                file.display()
            ),
        };
        config.status().note(&note);
    }
    Ok::<(), Error>(())
}

/// The script that has `shell` ask netreg for completions as you type:
/// commands and flags, and values from the registry in use (network ids,
/// countries, fields, programmes).
pub fn completions(shell: clap_complete::Shell, out: &mut Out<'_>) -> Result<()> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        _ => &Zsh,
    };
    // Written to memory first: a closed pipe is then one error, not a panic.
    let mut script = Vec::new();
    completer
        .write_registration("COMPLETE", "netreg", "netreg", "netreg", &mut script)
        .map_err(Error::Stdout)?;
    out.bytes(&script)
}

/// The man page of netreg, or with `dir` one page per command written there.
pub fn man(config: &Config, dir: Option<&std::path::Path>, out: &mut Out<'_>) -> Result<()> {
    let mut command = Cli::command();
    command.build();
    let Some(dir) = dir else {
        let mut roff = Vec::new();
        page(&command, "netreg", &mut roff).map_err(Error::Stdout)?;
        return out.bytes(&roff);
    };
    let mut pages = Vec::new();
    collect_pages(&command, "netreg", &mut pages);
    for (name, command) in &pages {
        let mut roff = Vec::new();
        page(command, name, &mut roff).map_err(Error::Stdout)?;
        let path = dir.join(format!("{name}.1"));
        crate::store::write_atomic(&path, &[roff])?;
    }
    config
        .status()
        .say(&format!("wrote {} man pages to {}", pages.len(), dir.display()));
    Ok(())
}

/// Every command under `command` (itself included), named as its man page is.
fn collect_pages(command: &clap::Command, name: &str, pages: &mut Vec<(String, clap::Command)>) {
    pages.push((name.to_string(), command.clone()));
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        collect_pages(sub, &format!("{name}-{}", sub.get_name()), pages);
    }
}

/// One man page: clap's sections, and for netreg's own page what no
/// option's help says: its environment, files, exit status and examples.
fn page(command: &clap::Command, name: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone()).title(name);
    man.render(out)?;
    if name == "netreg" {
        out.write_all(MAIN_SECTIONS.as_bytes())?;
    }
    Ok(())
}

/// ENVIRONMENT, FILES, EXIT STATUS and EXAMPLES of netreg(1), in roff.
const MAIN_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
BNETREG_REGISTRYR
The registry file to use when B\-\-registryR is not given.
.TP
BNO_COLORR
Set to anything but empty: no colour, unless B\-\-color alwaysR.
.TP
BXDG_DATA_HOMER, BHOMER
Where your registry lives: I$XDG_DATA_HOME/netreg/registry.tomlR, else I~/.local/share/netreg/registry.tomlR.
.TP
BXDG_STATE_HOMER
Where the versions that writes replaced are kept: I$XDG_STATE_HOME/netreg/history/R, else I~/.local/state/netreg/history/R.
.TP
BXDG_CACHE_HOMER
Where snapshots of registries (the built\-in one too) are kept: I$XDG_CACHE_HOME/netreg/R, else I~/.cache/netreg/R.
.TP
BCOLUMNSR
The width tables are fitted to when the terminal does not say.
.TP
BTERMR
BdumbR: no colour.
.SH FILES
.TP
I~/.local/share/netreg/registry.tomlR
Your registry, made from the built\-in one by the first write.
.TP
I~/.local/state/netreg/history/R
The versions of each registry that writes replaced, of the last 100 writes (I$XDG_STATE_HOME/netreg/R if set); Bnetreg historyR lists them and Bnetreg undoR restores.
.TP
I~/.cache/netreg/*.snapshotR
Parsed registries, used only for exactly the text they were made from; safe to delete.
.SH "EXIT STATUS"
.TP
B0R
Success; an empty result is empty output.
.TP
B1R
The operation failed: an invalid registry, something not found, a refused write, an I/O error.
.TP
B2R
The command line was wrong.
.SH EXAMPLES
.nf
netreg partners list \-\-country Italy
netreg networks show creative\-clusters \-\-format json
netreg partners add creative\-clusters Barnsley \-\-country "United Kingdom"
netreg export \-\-format csv \-\-entity partners \-\-output partners.csv
netreg check \-\-format json
.fi
"#;

/// What the built-in registry's facts and places come from, and on what terms.
const DATA_SOURCES: [(&str, &str, &str); 3] = [
    (
        "URBACT network pages",
        "urbact.eu, archive.urbact.eu, and the pages each network lists in `sources`",
        "facts only; the summaries are netreg's own words",
    ),
    (
        "A city-level compilation of URBACT I-III memberships (urbact.eu, keep.eu)",
        "https://github.com/pgourdongeo/Chap3_LocationalAnalysis",
        "facts, checked against the network pages; comments say where they differ",
    ),
    (
        "GeoNames: the id and coordinates of every place",
        "https://www.geonames.org/",
        "CC BY 4.0, https://creativecommons.org/licenses/by/4.0/",
    ),
];

/// The version, the code's licence, and the built-in data with its sources and terms.
pub fn about(config: &Config, out: &mut Out<'_>) -> Result<()> {
    let registry = crate::store::load(&crate::store::Location {
        origin: Origin::BuiltIn,
        path: None,
        dirs: config.location.dirs.clone(),
    })?;
    let partners = registry.networks.iter().map(|n| n.partners.len()).sum::<usize>();
    let places = registry
        .networks
        .iter()
        .flat_map(|n| &n.partners)
        .filter_map(|p| p.geonames.as_ref().map(|g| *g.get_ref()))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let version = env!("CARGO_PKG_VERSION");
    let licence = env!("CARGO_PKG_LICENSE");
    match config.format {
        Format::Json | Format::Ndjson => {
            let sources: Vec<_> = DATA_SOURCES
                .iter()
                .map(|(source, url, terms)| serde_json::json!({"source": source, "at": url, "terms": terms}))
                .collect();
            let value = serde_json::json!({
                "version": version,
                "licence": licence,
                "data": {
                    "networks": registry.networks.len(),
                    "partners": partners,
                    "places": places,
                    "sources": sources,
                    "attribution": GEONAMES_CREDIT,
                },
            });
            writeln!(out, "{value}")
        }
        Format::Table | Format::Plain => {
            let mut text = format!(
                "netreg {version}\n\
                 Code: {licence} (LICENSE-MIT, LICENSE-APACHE)\n\n\
                 Built-in registry: {} networks, {partners} partners, {places} places\n",
                registry.networks.len()
            );
            for (source, url, terms) in DATA_SOURCES {
                text.push_str(&format!("  - {source}\n    {url}\n    {terms}\n"));
            }
            text.push_str(&format!("\n{GEONAMES_CREDIT}\n"));
            out.write_str(&text)
        }
        _ => Err(Error::usage(
            format!("`about` does not print {}", config.format.name()),
            "use plain, table or json".to_string(),
        )),
    }
}
