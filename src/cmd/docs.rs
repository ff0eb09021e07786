//! `path`, `completions` and `man`: what netreg says about itself.

use crate::cli::Format;
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
    // Where the first write puts its copy of the built-in registry.
    let copy = location
        .path
        .as_ref()
        .filter(|_| location.origin == Origin::BuiltIn);
    match config.format {
        format if format.export_only() || matches!(format, Format::Csv | Format::Tsv | Format::Markdown) => {
            return Err(Error::usage(
                format!("`path` does not print {}", config.format.name()),
                "use plain (PATH<TAB>ORIGIN), table or json".to_string(),
            ));
        }
        Format::Json | Format::Ndjson => {
            let mut value = serde_json::json!({"path": path, "origin": origin});
            if let Some(copy) = copy {
                value["first_write_copies_to"] = copy.display().to_string().into();
            }
            writeln!(out, "{value}")?;
        }
        Format::Table => {
            writeln!(out, "{path}")?;
            writeln!(out, "  from the {}", location.origin)?;
            if let Some(copy) = copy {
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
    Ok(())
}

/// The script that has `shell` ask netreg for completions as you type:
/// commands and flags, and values from the registry in use (network ids,
/// countries, partners, places, fields, programmes, dates); with `dir`,
/// written there (made first, as `mkdir -p` does) under the name the shell
/// looks for.
pub fn completions(
    config: &Config,
    shell: clap_complete::Shell,
    dir: Option<&std::path::Path>,
    out: &mut Out<'_>,
) -> Result<()> {
    let (script, file) = super::complete::script(shell).map_err(Error::Stdout)?;
    let Some(dir) = dir else {
        return out.bytes(&script);
    };
    make_dir(dir)?;
    let path = dir.join(file);
    crate::store::write_atomic(&path, &[script])?;
    config.status().say(&format!(
        "wrote {}",
        crate::text::visible(&path.display().to_string())
    ));
    Ok(())
}

/// A directory made with its parents, as `mkdir -p` does.
fn make_dir(dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        action: "create the directory",
        path: dir.to_path_buf(),
        source,
    })
}

/// The man page of netreg, or with `dir` one page per command written there
/// (the directory made first, as `mkdir -p` does).
pub fn man(config: &Config, dir: Option<&std::path::Path>, out: &mut Out<'_>) -> Result<()> {
    let Some(dir) = dir else {
        return out.bytes(&super::man::main_page().map_err(Error::Stdout)?);
    };
    let pages = super::man::pages().map_err(Error::Stdout)?;
    make_dir(dir)?;
    for (name, roff) in &pages {
        crate::store::write_atomic(&dir.join(format!("{name}.1")), &[roff])?;
    }
    config.status().say(&format!(
        "wrote {} man pages to {}",
        pages.len(),
        crate::text::visible(&dir.display().to_string())
    ));
    Ok(())
}

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
