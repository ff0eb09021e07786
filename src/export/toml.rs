//! `export --format toml`: a registry file in format 1, as netreg would write it.

use crate::error::Result;
use crate::output::Out;
use crate::registry::draft::NetworkDraft;
use crate::registry::model::Network;
use crate::registry::rules;

/// The networks as a registry file of their own.
pub fn write(out: &mut Out<'_>, networks: &[&Network]) -> Result<()> {
    let mut document = toml_edit::DocumentMut::new();
    document.insert("format", toml_edit::value(rules::FORMAT));
    let mut list = toml_edit::ArrayOfTables::new();
    for network in networks {
        list.push(NetworkDraft::from(*network).to_table());
    }
    if !list.is_empty() {
        document.insert("networks", toml_edit::Item::ArrayOfTables(list));
    }
    write!(out, "{document}")
}
