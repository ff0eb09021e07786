//! `check`: every error and warning of the registry, with its place.

use std::io::Write;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::store;

pub fn run(config: &Config) -> Result<()> {
    let loaded = store::load_checked(&config.location)?;
    let mut stderr = std::io::stderr();
    let warnings = &loaded.parsed.warnings;
    for warning in warnings {
        let _ = writeln!(
            stderr,
            "{}\n",
            warning.render(&loaded.file, &loaded.text, config.stderr_color)
        );
    }
    if !config.quiet {
        let registry = &loaded.parsed.registry;
        let partners: usize = registry.networks.iter().map(|n| n.partners.len()).sum();
        let _ = writeln!(
            stderr,
            "{}: {} networks, {partners} partners, no errors, {} warning{}",
            loaded.file,
            registry.networks.len(),
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        );
    }
    Ok::<(), Error>(())
}
