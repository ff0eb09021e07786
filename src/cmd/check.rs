//! `check`: every error and warning of the registry, with its place.

use std::io::{BufWriter, Write};

use crate::config::Config;
use crate::error::Result;
use crate::registry::Warnings;
use crate::registry::diagnostic::Source;
use crate::store;

/// Errors fail the load (and print with their places); warnings and the
/// summary go to stderr unless `--quiet`.
pub fn run(config: &Config) -> Result<()> {
    let warnings = if config.quiet {
        Warnings::Skip
    } else {
        Warnings::List
    };
    let loaded = store::load_checked(&config.location, warnings)?;
    if config.quiet {
        return Ok(());
    }
    // Buffered: a registry with many warnings takes a few writes, not two per warning.
    let mut stderr = BufWriter::new(std::io::stderr().lock());
    let warnings = &loaded.parsed.warnings;
    let source = Source::new(&loaded.text);
    for warning in warnings {
        let rendered = warning.render(&loaded.file, &source, config.stderr_color);
        let _ = writeln!(stderr, "{rendered}\n");
    }
    let registry = &loaded.parsed.registry;
    let partners: usize = registry.networks.iter().map(|n| n.partners.len()).sum();
    let count = crate::registry::text::count;
    let _ = writeln!(
        stderr,
        "{}: {}, {}, no errors, {}",
        loaded.file,
        count(registry.networks.len(), "network"),
        count(partners, "partner"),
        count(warnings.len(), "warning"),
    );
    let _ = stderr.flush();
    Ok(())
}
