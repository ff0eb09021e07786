//! The obvious design, for `benches/scale.sh` to measure netreg against: the
//! `toml` crate deserializes the whole registry, then a filter prints the
//! Italian partners as `network<TAB>name`.
//!
//!     cargo run --release --example toml_baseline -- REGISTRY.toml

use std::io::Write;

use serde::Deserialize;

#[derive(Deserialize)]
struct Registry {
    #[serde(default)]
    networks: Vec<Network>,
}

#[derive(Deserialize)]
struct Network {
    id: String,
    #[serde(default)]
    partners: Vec<Partner>,
}

#[derive(Deserialize)]
struct Partner {
    name: String,
    country: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or("usage: toml_baseline REGISTRY.toml")?;
    let registry: Registry = toml::from_str(&std::fs::read_to_string(path)?)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for network in &registry.networks {
        for partner in &network.partners {
            if partner.country.as_deref() == Some("IT") {
                writeln!(out, "{}\t{}", network.id, partner.name)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
