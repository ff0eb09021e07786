//! `path`, `completions` and `man`: what netreg says about itself.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Format};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::store::Origin;

/// The registry in use and why: `PATH<TAB>ORIGIN` in a pipe.
pub fn path(config: &Config, out: &mut dyn Write) -> Result<()> {
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
        Format::Csv | Format::Tsv | Format::Markdown | Format::Toml => {
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
            writeln!(out, "{value}").map_err(Error::Stdout)?;
        }
        Format::Table => {
            writeln!(out, "{path}").map_err(Error::Stdout)?;
            writeln!(out, "  from the {}", location.origin).map_err(Error::Stdout)?;
            if let (Origin::BuiltIn, Some(copy)) = (location.origin, &location.path) {
                writeln!(out, "  the first write copies it to {}", copy.display()).map_err(Error::Stdout)?;
            }
        }
        _ => writeln!(out, "{path}\t{origin}").map_err(Error::Stdout)?,
    }
    Ok::<(), Error>(())
}

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails (a closed pipe): it writes
    // to memory here, and netreg to stdout.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "netreg", &mut script);
    out.write_all(&script).map_err(Error::Stdout)
}

pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command())
        .render(out)
        .map_err(Error::Stdout)?;
    Ok(())
}
