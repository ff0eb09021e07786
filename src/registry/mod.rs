//! The registry: its model, its rules, and turning a file's bytes into both.

pub(crate) mod country;
pub(crate) mod date;
pub(crate) mod diagnostic;
pub(crate) mod document;
pub mod draft;
pub(crate) mod edit;
pub(crate) mod filter;
pub(crate) mod layout;
mod lines;
pub(crate) mod located;
pub(crate) mod merge;
pub mod model;
pub(crate) mod places;
mod recover;
pub mod rules;
pub(crate) mod schema;

pub use rules::Warnings;

use std::ops::Range;

use diagnostic::Diagnostic;
pub use layout::Layout;
use model::{MILESTONE_KEYS, NETWORK_KEYS, Network, PARTNER_KEYS, REGISTRY_KEYS, Registry};

/// A registry read from text that passed the rules, with the warnings it
/// passed with when they were listed (`Warnings::List`).
#[derive(Debug)]
pub struct Parsed {
    pub registry: Registry,
    pub warnings: Vec<Diagnostic>,
    /// Where each network's text lies, when each stands on its own.
    pub layout: Option<Layout>,
}

/// Decodes a registry file's bytes, in place: UTF-8, an optional byte-order
/// mark. On failure the bytes come back with the error.
pub fn decode(bytes: Vec<u8>) -> Result<String, (Diagnostic, Vec<u8>)> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let diagnostic = Diagnostic::error("not-utf8", Some(valid..valid + 1), "the file is not valid UTF-8")
            .hint("save the registry as UTF-8 (most editors offer it under \"Save with encoding\")");
        (diagnostic, e.into_bytes())
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// A registry read from a text, before the rules.
#[derive(Debug)]
pub struct Read {
    /// As far as it parses.
    pub registry: Registry,
    /// Why the rest does not.
    pub problems: Vec<Diagnostic>,
    /// Where each network's text lies, when each stands on its own.
    pub layout: Option<Layout>,
}

impl Read {
    /// The rules applied: the registry with its warnings (if listed), or
    /// every problem at once, the warnings too when they are listed.
    pub fn checked(self, warnings: Warnings) -> Result<Parsed, Vec<Diagnostic>> {
        let mut problems = self.problems;
        // Where the text was misread, a table may be read with an empty
        // name or id (`recover`): what the rules say of that name is the
        // mistake again, and a warning there would call it by no name.
        let misread: std::collections::HashSet<_> = problems.iter().map(|p| p.span.clone()).collect();
        problems.extend(rules::check(&self.registry, warnings).into_iter().filter(|p| {
            !(misread.contains(&p.span) && (!p.is_error() || rules::OF_A_NAME.contains(&p.code)))
        }));
        if problems.iter().any(Diagnostic::is_error) {
            problems.sort_by_key(Diagnostic::start);
            return Err(problems);
        }
        Ok(Parsed {
            registry: self.registry,
            warnings: problems,
            layout: self.layout,
        })
    }
}

/// The registry in `text` read as one document.
pub fn read_whole(text: &str) -> Read {
    let (registry, problems) = read(text);
    Read {
        registry,
        problems,
        layout: None,
    }
}

/// The registry in `text`, read by serde alone when it reads; else as far
/// as it can be, with why the rest does not (`recover`).
fn read(text: &str) -> (Registry, Vec<Diagnostic>) {
    toml::from_str(text).map_or_else(|_| recover::read(text), |registry| (registry, Vec::new()))
}

/// The top-level keys of a text with a layout, without its networks.
pub fn read_head(text: &str, layout: &Layout) -> Result<Registry, Vec<Diagnostic>> {
    let head = &text[..layout.head_end(text.len())];
    toml::from_str(head).map_err(|_| recover::read(head).1)
}

/// The one network a stretch of the text holds, placed where the stretch
/// stands; `None` when it is not one network (then the whole text is read
/// as one document). The store reads a text with these (`store::read_text`).
pub fn read_network(text: &str, range: Range<usize>) -> Option<Result<Network, Broken>> {
    let stretch = text.get(range.clone())?;
    let (mut piece, mut problems) = read(stretch);
    if piece.format.is_some()
        || piece.networks.len() > 1
        || (problems.is_empty() && piece.networks.len() != 1)
    {
        return None;
    }
    let mut network = piece.networks.pop();
    if let Some(network) = &mut network {
        network.shift(range.start.cast_signed());
    }
    if problems.is_empty() {
        return network.map(Ok);
    }
    for problem in &mut problems {
        problem.shift(range.start);
    }
    Some(Err(Broken { problems, network }))
}

/// A network's stretch that does not read: every reason, and the network
/// as far as it reads (for the rules to find the rest), unless nothing of
/// it does.
#[derive(Debug)]
pub struct Broken {
    pub problems: Vec<Diagnostic>,
    pub network: Option<Network>,
}

/// Turns toml's and serde's wording into netreg's, with a way to fix it.
fn explain(error: &toml::de::Error) -> Diagnostic {
    explain_in(Words::Toml, error.message(), error.span())
}

/// The format whose words a message about a value's type uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    Toml,
    Json,
}

/// serde's "invalid type: string \"1\", expected i64" in the words of the
/// file's format ("expected an integer, found the string \"1\""), with a
/// hint that fixes it.
fn wrong_type(wrong: &str, words: Words) -> (String, String) {
    let (found, expected) = wrong.split_once(", expected ").unwrap_or((wrong, "another type"));
    let table = if words == Words::Json {
        "an object"
    } else {
        "a table"
    };
    let expected = match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" => "an integer",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a sequence" => "an array",
        "a map" => table,
        other if other.starts_with("struct ") => table,
        other => other,
    };
    let value = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`'));
    let found = if let Some(text) = found.strip_prefix("string ") {
        format!("the string {text}")
    } else if let Some(n) = value("integer ") {
        format!("the integer {n}")
    } else if let Some(n) = value("floating point ") {
        format!("the number {n}")
    } else if let Some(b) = value("boolean ") {
        b.to_string()
    } else {
        match found {
            "sequence" => "an array".to_string(),
            "map" => table.to_string(),
            other => other.to_string(),
        }
    };
    // A number or a boolean written in quotes is the commonest slip.
    let quoted = found
        .strip_prefix("the string \"")
        .and_then(|text| text.strip_suffix('"'))
        .filter(|text| match expected {
            "an integer" => text.parse::<i64>().is_ok(),
            "a number" => text.parse::<f64>().is_ok(),
            "true or false" => matches!(*text, "true" | "false"),
            _ => false,
        });
    let hint = match quoted {
        Some(text) => format!("remove the quotes: {text}"),
        None => format!("write {expected} here"),
    };
    (format!("wrong type: expected {expected}, found {found}"), hint)
}

/// serde's message at `span` in netreg's words, whatever format it came
/// from (an import's JSON too), which says its types in `words`.
pub fn explain_in(words: Words, message: &str, span: Option<Range<usize>>) -> Diagnostic {
    let message = message.trim().to_string();
    let ticked = backticked(&message);
    if message.starts_with("unknown field ") {
        let (key, expected) = named_and_expected(&message);
        let table = table_of(&expected);
        let hint = match crate::text::nearest(&key, expected.iter().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`? {table} keys are: {}", expected.join(", ")),
            None => format!("remove it; {table} keys are: {}", expected.join(", ")),
        };
        return Diagnostic::error("unknown-key", span, format!("unknown key `{key}`")).hint(hint);
    }
    if message.starts_with("missing field ") {
        let key = ticked.first().cloned().unwrap_or_default();
        return Diagnostic::error("missing-key", span, format!("missing key `{key}`"))
            .hint(format!("add `{key} = ...` to this table"));
    }
    if message.starts_with("unknown variant ") {
        let (value, expected) = named_and_expected(&message);
        let hint = match crate::text::nearest(&value, expected.iter().map(String::as_str)) {
            Some(near) => format!("did you mean `{near}`? use one of: {}", expected.join(", ")),
            None => format!("use one of: {}", expected.join(", ")),
        };
        return Diagnostic::error("unknown-value", span, format!("unknown value `{value}`")).hint(hint);
    }
    if message.contains(model::COORDINATES_SHAPE) {
        let message = match message.strip_prefix("invalid type: ") {
            Some(wrong) => wrong_type(wrong, words).0,
            None => message.clone(),
        };
        return Diagnostic::error("bad-coordinates", span, message)
        .hint("write `coordinates = [latitude, longitude]` in degrees, e.g. [40.85216, 14.26811], or remove the key");
    }
    if let Some(wrong) = message.strip_prefix("invalid type: ") {
        let (message, hint) = wrong_type(wrong, words);
        return Diagnostic::error("wrong-type", span, message).hint(hint);
    }
    if message.contains("is not a real date")
        || message.contains("is not a date")
        || message.contains("does not exist")
        || message.contains("time of day")
        || message.contains("must be a string")
    {
        return Diagnostic::error("bad-date", span, message)
            .hint("dates are 2011-06-09 (a TOML date), or \"2011-06\" or \"2011\" when only that is known");
    }
    let first_line = message.lines().next().unwrap_or("invalid TOML").to_string();
    let detail: Vec<&str> = message.lines().skip(1).collect();
    let hint = if detail.is_empty() {
        "this is not valid TOML here; see https://toml.io for the syntax".to_string()
    } else {
        format!("{}; see https://toml.io for the syntax", detail.join("; "))
    };
    Diagnostic::error("invalid-toml", span, format!("invalid TOML: {first_line}")).hint(hint)
}

/// Which table a list of expected keys belongs to, for the hint's wording.
fn table_of(expected: &[String]) -> &'static str {
    let same =
        |keys: &[&str]| keys.len() == expected.len() && keys.iter().all(|k| expected.iter().any(|e| e == k));
    if same(PARTNER_KEYS) {
        "partner"
    } else if same(MILESTONE_KEYS) {
        "milestone"
    } else if same(NETWORK_KEYS) {
        "network"
    } else if same(REGISTRY_KEYS) {
        "top-level"
    } else {
        "known"
    }
}

/// What serde's "unknown field `x`, expected one of `a`, `b`" names, and
/// what it expected. The name is the file's and may hold a backtick itself;
/// the expected words are netreg's and hold none.
pub(super) fn named_and_expected(message: &str) -> (String, Vec<String>) {
    let rest = message.split_once('`').map_or("", |(_, rest)| rest);
    let (named, expected) = match rest.rfind("`, expected ") {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest.split("`, there are no").next().unwrap_or(rest), ""),
    };
    (named.to_string(), backticked(expected.trim_start_matches('`')))
}

/// The words serde puts in backticks, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse;

    const BUILT_IN: &str = include_str!("../../data/registry.toml");

    #[test]
    fn built_in_registry_passes_check() {
        let parsed = parse(BUILT_IN).map_err(|e| format!("{e:#?}"));
        let parsed = parsed.expect("the built-in registry must pass check");
        let cc = parsed
            .registry
            .networks
            .iter()
            .find(|n| n.id() == "creative-clusters");
        assert_eq!(cc.map(|n| n.partners.len()), Some(9));
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let text =
            "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\nname = \"X\"\ncontry = \"IT\"\n";
        let errors = parse(text).err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "unknown key `contry`");
        assert_eq!(errors[0].position(text), Some((6, 1)));
        assert_eq!(
            errors[0].hint.as_deref(),
            Some(
                "did you mean `country`? partner keys are: name, country, role, type, geonames, coordinates"
            )
        );
    }

    #[test]
    fn a_key_with_a_backtick_is_named_whole() {
        let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n\"co`untry\" = 1\n";
        let errors = parse(text).err().unwrap_or_default();
        assert_eq!(errors[0].message, "unknown key `co`untry`");
        assert_eq!(
            errors[0].hint.as_deref(),
            Some(
                "remove it; network keys are: id, name, programme, type, status, themes, url, summary, sources, partners, milestones"
            )
        );
        // Read, as any misspelt key is, as the key it was meant to be: its
        // value is checked too.
        let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\nname = \"X\"\n\
                    \"co`untry\" = \"ZZ\"\nrole = \"lead\"\n";
        let errors = parse(text).err().unwrap_or_default();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown key `co`untry`",
                "`ZZ` is not an ISO 3166-1 alpha-2 country code"
            ]
        );
    }

    #[test]
    fn impossible_date_names_its_line() {
        let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = \"2017-06-31\"\ntitle = \"t\"\n";
        let errors = parse(text).err().unwrap_or_default();
        assert_eq!(
            errors[0].message,
            "2017-06-31 is not a real date: that month has 30 days"
        );
        assert_eq!(errors[0].position(text).map(|p| p.0), Some(5));
    }

    #[test]
    fn non_utf8_is_an_error_with_a_place() {
        let error = decode(b"name = \"caf\xe9\"".to_vec()).err();
        assert_eq!(error.and_then(|(e, _)| e.span), Some(11..12));
    }

    #[test]
    fn empty_file_and_bom_are_fine() {
        assert!(parse("").is_ok());
        assert_eq!(
            decode("\u{feff}format = 1".into()).ok().as_deref(),
            Some("format = 1")
        );
    }
}
