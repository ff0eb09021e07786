//! `export --format json`: the whole registry as spec §5 shapes it.

use crate::error::{Error, Result};
use crate::output::Out;
use crate::parallel;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;

/// `{"format": 1, "networks": [...]}` exactly as serde_json writes it
/// pretty. A large registry is written a batch of networks at a time, two
/// cores turning batches into JSON in turn, so it is never copied whole.
pub fn write(out: &mut Out<'_>, networks: &[&Network]) -> Result<()> {
    if networks.is_empty() {
        writeln!(out, "{{\n  \"format\": 1,\n  \"networks\": []\n}}")?;
        return Ok(());
    }
    write!(out, "{{\n  \"format\": 1,\n  \"networks\": [")?;
    let batches: Vec<&[&Network]> = networks.chunks(JSON_PART).collect();
    let mut first = true;
    parallel::in_order(
        &batches,
        |batch| json_part(batch),
        |part| {
            let part = part.map_err(|e| Error::Stdout(e.into()))?;
            // Every network follows a comma but the first.
            let bytes = match part.strip_prefix(b",") {
                Some(rest) if first => rest,
                _ => &part,
            };
            first = false;
            out.bytes(bytes)
        },
    )?;
    writeln!(out, "\n  ]\n}}")?;
    Ok(())
}

/// Networks turned into JSON at a time, by one thread.
const JSON_PART: usize = 256;

/// Each network as an element of the export's `networks` array: after a
/// comma, on a new line, indented two levels.
fn json_part(networks: &[&Network]) -> serde_json::Result<Vec<u8>> {
    use serde::Serialize as _;
    use serde_json::ser::{Formatter, PrettyFormatter};
    let mut bytes = Vec::with_capacity(networks.len() * 2048);
    for network in networks {
        bytes.extend_from_slice(b",\n    ");
        // serde_json's own pretty printer, told it is two levels deep.
        let mut formatter = PrettyFormatter::new();
        let mut sink = std::io::sink();
        formatter.begin_object(&mut sink).map_err(serde_json::Error::io)?;
        formatter.begin_array(&mut sink).map_err(serde_json::Error::io)?;
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        NetworkDraft::from(*network).serialize(&mut serializer)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::draft::RegistryDraft;

    /// `n` networks, the later ones with partners, milestones and text to escape.
    fn registry(n: usize) -> crate::registry::model::Registry {
        let mut text = String::from("format = 1\n");
        for i in 0..n {
            text.push_str(&format!(
                "[[networks]]\nid = \"n-{i}\"\nname = \"Net \\\"{i}\\\" \\u00e9\\t\"\nthemes = [\"a\", \"b\"]\n"
            ));
            for p in 0..i % 3 {
                text.push_str(&format!(
                    "[[networks.partners]]\nname = \"P{p}\"\ncountry = \"IT\"\nrole = \"{}\"\n",
                    if p == 1 { "lead" } else { "partner" }
                ));
            }
            if i % 2 == 1 {
                text.push_str(
                    "[[networks.milestones]]\ndate = \"2011-06\"\ntitle = \"Done\"\nkind = \"completion\"\n",
                );
            }
        }
        crate::registry::parse(&text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry
    }

    #[test]
    fn json_is_serde_jsons_pretty_output_at_every_size() {
        for n in [0, 1, 2, 3, JSON_PART * 2 + 7] {
            let registry = registry(n);
            let networks: Vec<&Network> = registry.networks.iter().collect();
            let mut written = Vec::new();
            write(&mut Out::new(&mut written), &networks).unwrap_or_else(|e| panic!("{e:?}"));
            let draft = RegistryDraft {
                format: 1,
                networks: networks.iter().map(|n| NetworkDraft::from(*n)).collect(),
            };
            let expected = serde_json::to_string_pretty(&draft).unwrap_or_else(|e| panic!("{e}")) + "\n";
            assert!(
                String::from_utf8_lossy(&written) == expected,
                "{n} networks:\n{}",
                String::from_utf8_lossy(&written)
            );
        }
    }
}
