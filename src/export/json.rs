//! `export --format json`: the whole registry as spec §5 shapes it.

use std::io::Write as _;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::output::Out;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;

/// `{"format": 1, "networks": [...]}` exactly as serde_json writes it
/// pretty, a network at a time (the registry is never copied whole).
pub fn write(out: &mut Out<'_>, networks: &[&Network]) -> Result<()> {
    #[derive(Serialize)]
    struct Export<'a> {
        format: i64,
        #[serde(serialize_with = "drafts")]
        networks: &'a [&'a Network],
    }
    fn drafts<S: serde::Serializer>(networks: &&[&Network], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(networks.iter().map(|network| NetworkDraft::from(*network)))
    }
    // serde_json writes a few bytes at a time: a buffer of its own spares
    // each of them the way through `Out`'s writer.
    let mut buffer = std::io::BufWriter::with_capacity(1 << 16, out.raw());
    serde_json::to_writer_pretty(&mut buffer, &Export { format: 1, networks })
        .map_err(|e| Error::Stdout(e.into()))?;
    buffer
        .write_all(b"\n")
        .and_then(|()| buffer.flush())
        .map_err(Error::Stdout)
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
        for n in [0, 1, 2, 3, 600] {
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
