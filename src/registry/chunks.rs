//! A large registry parsed a network at a time, on every core.
//!
//! The `toml` crate holds a whole file's tokens and tables in memory while it
//! deserializes; for 14 MB of TOML that is some 370 MB, and faulting that
//! memory in costs more than the parsing. Each `[[networks]]` table of a
//! format-1 registry stands on its own, so the text is cut at those headers
//! and each piece parsed alone (spans moved back to the whole file's
//! offsets), the pieces spread over the machine's cores.
//!
//! The cut is only trusted when every piece parses as exactly one network
//! (and the text before the first as the top-level keys alone); a header line
//! inside a multi-line string leaves the piece before it with an unclosed
//! string, so it fails too. On any failure the caller parses the whole file,
//! which also gives the precise error.

use std::ops::Range;

use super::model::{Network, Registry};
use super::regions::is_network_header;
use crate::parallel;

/// Below this size one parse of the whole text is as fast.
pub const MIN_LEN: usize = 256 * 1024;

/// Threads beyond this gain little: the pieces are small and evenly sized.
const MAX_THREADS: usize = 8;

/// The registry in `text`, if cutting it at its `[[networks]]` headers gives
/// pieces that each parse on their own.
pub fn parse(text: &str, threads: usize) -> Option<Registry> {
    let starts = headers(text);
    let first = *starts.first()?;
    // The text above the first header may not name `networks` at all: even
    // `networks = []` there makes the headers below an error.
    let above = &text[..first];
    if toml::from_str::<toml::Table>(above)
        .ok()?
        .contains_key("networks")
    {
        return None;
    }
    let top: Registry = toml::from_str(above).ok()?;
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let pieces: Vec<Range<usize>> = starts.iter().zip(ends).map(|(&start, end)| start..end).collect();
    let groups: Option<Vec<Vec<Network>>> = parallel::map_parts(&pieces, threads.min(MAX_THREADS), |group| {
        parse_group(text, group)
    })
    .into_iter()
    .collect();
    Some(Registry {
        format: top.format,
        networks: groups?.into_iter().flatten().collect(),
    })
}

fn parse_group(text: &str, group: &[Range<usize>]) -> Option<Vec<Network>> {
    group
        .iter()
        .map(|range| {
            let mut piece: Registry = toml::from_str(text.get(range.clone())?).ok()?;
            if piece.format.is_some() || piece.networks.len() != 1 {
                return None;
            }
            let mut network = piece.networks.pop()?;
            network.shift(isize::try_from(range.start).ok()?);
            Some(network)
        })
        .collect()
}

/// The start of every `[[networks]]` header line.
fn headers(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[") && is_network_header(line) {
            starts.push(at);
        }
        at += line.len();
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> String {
        let registry: Registry = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        format!("{registry:?}")
    }

    fn chunked(text: &str, threads: usize) -> Option<String> {
        parse(text, threads).map(|registry| format!("{registry:?}"))
    }

    const TEXT: &str = "# top\nformat = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n\n[[networks.partners]]\nname = \"Óbidos\"\ncountry = \"PT\"\nrole = \"lead\"\n\n# the second\n[[ networks ]] # spaced\nid = \"b\"\nname = \"B\"\nsummary = \"\"\"\nmulti\nline\"\"\"\n\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n\n[[networks]]\r\nid = \"c\"\r\nname = \"C\"\r\n";

    #[test]
    fn gives_what_one_parse_of_the_whole_text_gives() {
        for threads in [1, 2, 3, 8] {
            assert_eq!(chunked(TEXT, threads), Some(whole(TEXT)), "{threads} threads");
        }
    }

    #[test]
    fn the_built_in_registry_parses_the_same_in_pieces() {
        let text = crate::store::BUILT_IN;
        assert_eq!(chunked(text, 2), Some(whole(text)));
    }

    #[test]
    fn a_header_inside_a_multi_line_string_is_not_a_cut() {
        let text =
            "[[networks]]\nid = \"a\"\nname = \"A\"\nsummary = \"\"\"\n[[networks]]\nid = \"x\"\n\"\"\"\n";
        assert_eq!(chunked(text, 2), None);
        let literal = text.replace("\"\"\"", "'''");
        assert_eq!(chunked(&literal, 2), None);
    }

    #[test]
    fn anything_but_one_network_a_piece_is_left_to_the_whole_parse() {
        for text in [
            "",
            "format = 1\n",
            "networks = [{ id = \"a\", name = \"A\" }]\n",
            "[[networks]]\nid = \"a\"\nname = \"A\"\n[[\"networks\"]]\nid = \"b\"\nname = \"B\"\n",
            "[[networks]]\nid = \"a\"\nname = \"A\"\n[extra]\n",
            "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks]]\nid = \"b\"\nname = \"B\"\nformat = 1\n",
            "[[networks]]\nid = \"a\"\ncontry = \"IT\"\n",
            "networks = []\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
            "networks = [ ] # none\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
        ] {
            assert_eq!(chunked(text, 2), None, "{text:?}");
        }
    }
}
