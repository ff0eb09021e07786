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

    /// The export as spec §5 shapes it: the lead first, milestones by date,
    /// a key left out when the network has no value for it.
    #[test]
    fn json_is_the_spec_s_shape_pretty_with_a_final_line_break() {
        let text = "format = 1\n[[networks]]\nid = \"n\"\nname = \"N \\\"1\\\"\"\n[[networks.partners]]\nname = \"P\"\n[[networks.partners]]\nname = \"L\"\nrole = \"lead\"\n[[networks.milestones]]\ndate = \"2012\"\ntitle = \"End\"\nkind = \"completion\"\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"Start\"\nkind = \"launch\"\n";
        let registry = crate::store::parse(text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        let mut written = Vec::new();
        let networks: Vec<&Network> = registry.networks.iter().collect();
        write(&mut Out::new(&mut written), &networks).unwrap_or_else(|e| panic!("{e:?}"));
        let expected = r#"{
  "format": 1,
  "networks": [
    {
      "id": "n",
      "name": "N \"1\"",
      "partners": [
        {
          "name": "L",
          "role": "lead"
        },
        {
          "name": "P",
          "role": "partner"
        }
      ],
      "milestones": [
        {
          "date": "2011-06-09",
          "title": "Start",
          "kind": "launch"
        },
        {
          "date": "2012",
          "title": "End",
          "kind": "completion"
        }
      ]
    }
  ]
}
"#;
        assert_eq!(String::from_utf8_lossy(&written), expected);
        let mut empty = Vec::new();
        write(&mut Out::new(&mut empty), &[]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            String::from_utf8_lossy(&empty),
            "{\n  \"format\": 1,\n  \"networks\": []\n}\n"
        );
    }
}
