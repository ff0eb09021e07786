//! The rules of format 1 beyond its shape: what `check` enforces and every
//! write must keep.

use std::collections::{HashMap, HashSet};

use super::country;
use super::diagnostic::Diagnostic;
use super::model::{Kind, Network, Partner, Registry, Role};
use crate::text::fold;

pub const FORMAT: i64 = 1;

/// What the rules say of a network's id or a partner's name, placed there.
pub const OF_A_NAME: &[&str] = &["id-not-slug", "duplicate-id", "empty-name", "duplicate-partner"];

/// Whether the rules list the warnings they find, or only the errors. Only
/// `check` shows warnings; everything else only needs to know there is no
/// error, and need not hold a hundred thousand warnings to learn it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    List,
    Skip,
}

/// Every problem of a parsed registry, errors and (if listed) warnings, in
/// file order.
pub fn check(registry: &Registry, warnings: Warnings) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for network in &registry.networks {
        let first = found.len();
        check_network(network, warnings, &mut found);
        // Stable, so problems at one place keep the order they were found in.
        found[first..].sort_by_key(Diagnostic::start);
    }
    if let Some(format) = &registry.format
        && *format.get_ref() != FORMAT
    {
        found.push(
            Diagnostic::error(
                "format",
                Some(format.span()),
                format!("unsupported registry format {}", format.get_ref()),
            )
            .hint("this netreg reads format 1: set `format = 1` or use a netreg that knows this format"),
        );
    }
    found.extend(check_ids(&registry.networks));
    if warnings == Warnings::List {
        found.extend(check_places(&registry.networks));
    }
    // Each network's problems come sorted, and networks in file order, so
    // this sorts (and takes memory to) only when a problem of the whole
    // registry was added.
    if !found.is_sorted_by_key(Diagnostic::start) {
        found.sort_by_key(Diagnostic::start);
    }
    found
}

/// The warnings of one network on its own (not those of the whole
/// registry, such as one place given two positions): what a write that
/// touched it says.
pub fn warnings_of(network: &Network) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    check_network(network, Warnings::List, &mut found);
    found.retain(|d| !d.is_error());
    found
}

/// Each network id used once.
pub fn check_ids(networks: &[Network]) -> Vec<Diagnostic> {
    let mut ids = HashSet::with_capacity(networks.len());
    networks
        .iter()
        .filter(|network| !ids.insert(network.id()))
        .map(|network| {
            Diagnostic::error(
                "duplicate-id",
                Some(network.id.span()),
                format!("network id `{}` is used twice", network.id()),
            )
            .hint("give each network its own id")
        })
        .collect()
}

fn check_network(network: &Network, warnings: Warnings, found: &mut Vec<Diagnostic>) {
    let id = network.id();
    if !is_slug(id) {
        found.push(
            Diagnostic::error(
                "id-not-slug",
                Some(network.id.span()),
                format!("network id `{id}` is not a slug"),
            )
            .hint(format!(
                "use lower-case letters, digits and single hyphens, e.g. `{}`",
                slugify(id)
            )),
        );
    }
    // Each partner's key, with the name it was met under.
    let mut names: HashMap<String, &str> = HashMap::with_capacity(network.partners.len());
    let mut lead: Option<&str> = None;
    for partner in &network.partners {
        let name = partner.name();
        let key = name_key(name);
        if key.is_empty() {
            found.push(
                Diagnostic::error("empty-name", Some(partner.name.span()), "partner name is empty")
                    .hint("write the town, city or organisation's name"),
            );
        } else if let Some(earlier) = names.insert(key, name) {
            found.push(
                Diagnostic::error(
                    "duplicate-partner",
                    Some(partner.name.span()),
                    format!("partner `{name}` is already in network `{id}` (as `{earlier}`)"),
                )
                .hint("remove one of the two; names are compared ignoring case and accents"),
            );
        }
        if partner.role == Role::Lead {
            if let Some(first) = lead {
                found.push(
                    Diagnostic::error(
                        "second-lead",
                        Some(partner.name.span()),
                        format!("network `{id}` has a second lead: `{first}` leads it already"),
                    )
                    .hint("a network has one lead: make one of them `role = \"partner\"`"),
                );
            } else {
                lead = Some(name);
            }
        }
        match &partner.country {
            None if warnings == Warnings::Skip || partner.unread.country => {}
            None => found.push(
                Diagnostic::warning(
                    "no-country",
                    Some(partner.name.span()),
                    format!("partner `{name}` of `{id}` has no country"),
                )
                .hint("add `country = \"XX\"` with its ISO 3166-1 alpha-2 code"),
            ),
            Some(code) if country::canonical(code.get_ref()).is_none() => {
                let hint = match country::lookup(code.get_ref()) {
                    Some(real) => format!("write `country = \"{real}\"` ({})", country::name(real)),
                    None => "use an ISO 3166-1 alpha-2 code such as `IT`, `PT` or `GB`".into(),
                };
                found.push(
                    Diagnostic::error(
                        "bad-country",
                        Some(code.span()),
                        format!("`{}` is not an ISO 3166-1 alpha-2 country code", code.get_ref()),
                    )
                    .hint(hint),
                );
            }
            Some(_) => {}
        }
        check_place(partner, found);
        if warnings == Warnings::List
            && (partner.geonames.is_some() || partner.coordinates.is_some())
            && let Some(kind) = partner.kind.as_deref().filter(|kind| is_no_city(kind))
        {
            found.push(
                Diagnostic::warning(
                    "region-placed",
                    Some(partner.name.span()),
                    format!("partner `{name}` of `{id}` is a {kind}, but is placed on a city"),
                )
                .hint("a region or county is no city: remove its `geonames` and `coordinates`"),
            );
        }
    }
    // A role that did not read may have been the lead's.
    let role_unread = network.partners.iter().any(|p| p.unread.role);
    if lead.is_none() && warnings == Warnings::List && !role_unread {
        found.push(
            Diagnostic::warning(
                "no-lead",
                Some(network.id.span()),
                format!("network `{id}` has no lead partner"),
            )
            .hint("mark its lead with `role = \"lead\"` when it is known"),
        );
    }
    check_span(network, found);
}

/// Whether a partner's `type` says it is a region or a county, which the
/// built-in registry's rule places nowhere (a city's districts and agencies
/// count as the city).
fn is_no_city(kind: &str) -> bool {
    kind.split(|c: char| !c.is_alphanumeric())
        .any(|word| ["region", "regional", "county"].contains(&word.to_lowercase().as_str()))
}

/// A partner's place (spec §8): a positive GeoNames id, coordinates on the globe.
fn check_place(partner: &Partner, found: &mut Vec<Diagnostic>) {
    if let Some(id) = &partner.geonames
        && *id.get_ref() <= 0
    {
        found.push(
            Diagnostic::error(
                "bad-geonames",
                Some(id.span()),
                format!("GeoNames id {} is not a positive number", id.get_ref()),
            )
            .hint("write the place's id from geonames.org, e.g. `geonames = 3172394` for Naples"),
        );
    }
    if let Some(coordinates) = &partner.coordinates {
        // Each number named on its own: one may be a stand-in for a value
        // that did not read (`recover`), which is in range.
        let [latitude, longitude] = *coordinates.get_ref();
        let off: Vec<String> = [("latitude", latitude, 90.0), ("longitude", longitude, 180.0)]
            .into_iter()
            .filter(|&(_, degrees, most)| !(-most..=most).contains(&degrees))
            .map(|(name, degrees, _)| format!("{name} {degrees}"))
            .collect();
        if !off.is_empty() {
            let verb = if off.len() == 1 { "is" } else { "are" };
            found.push(
                Diagnostic::error(
                    "bad-coordinates",
                    Some(coordinates.span()),
                    format!("{} {verb} not on the globe", off.join(" and ")),
                )
                .hint(
                    "write `coordinates = [latitude, longitude]`: latitude -90 to 90, longitude -180 to 180",
                ),
            );
        }
    }
}

/// Partners with the same GeoNames id whose coordinates disagree: one place
/// given two positions (a warning; the first one met is taken as right).
pub fn check_places(networks: &[Network]) -> Vec<Diagnostic> {
    let mut first: HashMap<i64, [f64; 2]> = HashMap::with_capacity(networks.len() * 8);
    let mut found = Vec::new();
    for network in networks {
        for partner in &network.partners {
            let (Some(id), Some(coordinates)) = (&partner.geonames, &partner.coordinates) else {
                continue;
            };
            let here = *coordinates.get_ref();
            let seen = *first.entry(*id.get_ref()).or_insert(here);
            // A hundredth of a degree is about a kilometre.
            if (seen[0] - here[0]).abs() > 0.01 || (seen[1] - here[1]).abs() > 0.01 {
                found.push(
                    Diagnostic::warning(
                        "place-disagrees",
                        Some(coordinates.span()),
                        format!(
                            "GeoNames place {} is at [{}, {}] elsewhere in the registry, not [{}, {}]",
                            id.get_ref(),
                            seen[0],
                            seen[1],
                            here[0],
                            here[1]
                        ),
                    )
                    .hint("give every partner of the same place the same coordinates"),
                );
            }
        }
    }
    found
}

/// One launch, one completion, and the completion not before the launch.
fn check_span(network: &Network, found: &mut Vec<Diagnostic>) {
    let id = network.id();
    for kind in [Kind::Launch, Kind::Completion] {
        for extra in network.milestones.iter().filter(|m| m.kind == kind).skip(1) {
            found.push(
                Diagnostic::error(
                    "second-span-end",
                    Some(extra.date.span()),
                    format!("network `{id}` has more than one {} milestone", kind.as_str()),
                )
                .hint("keep one and make the others `kind = \"event\"`"),
            );
        }
    }
    if let (Some(start), Some(end)) = (network.start(), network.end())
        && end.last_day() < start.first_day()
    {
        let span = network
            .milestones
            .iter()
            .find(|m| m.kind == Kind::Completion)
            .map(|m| m.date.span());
        found.push(
            Diagnostic::error(
                "span-order",
                span,
                format!("network `{id}` is completed ({end}) before it is launched ({start})"),
            )
            .hint("fix one of the two dates"),
        );
    }
}

/// Partner names compare without case, accents or repeated spaces.
pub fn name_key(name: &str) -> String {
    // Most names are ASCII already, and the transliteration of the rest is
    // ASCII: ASCII lower case is all of lower case.
    let ascii = match name.is_ascii() {
        true => std::borrow::Cow::Borrowed(name),
        false => deunicode::deunicode_with_tofu_cow(name, "[?]"),
    };
    let mut key = String::with_capacity(ascii.len());
    for word in ascii.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
    key
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A slug close to `text`, for hints.
pub fn slugify(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "my-network".into()
    } else {
        words.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcut keys a name as the transliteration would.
        #[test]
        fn ascii_names_key_as_transliterated(name in "[ -~\t\n\x0b\x0c\r]{0,24}") {
            let transliterated = deunicode::deunicode_with_tofu_cow(&name, "[?]");
            let words: Vec<String> = transliterated.split_whitespace().map(str::to_ascii_lowercase).collect();
            proptest::prop_assert_eq!(name_key(&name), words.join(" "));
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("creative-clusters"));
        assert!(is_slug("urbact4"));
        assert!(!is_slug("Creative-Clusters"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Creative Clusters!"), "creative-clusters");
    }

    #[test]
    fn partner_names_compare_without_case_or_accents() {
        assert_eq!(name_key("Óbidos"), name_key("obidos"));
        assert_eq!(name_key("Reggio  Emilia"), name_key("reggio emilia"));
        for name in [
            "  Óbidos ",
            "JYVÄSKYLÄ",
            "a\u{b}b\u{3000}c",
            "Ø\tß",
            "東京",
            "",
            "\u{1b}[31m",
        ] {
            let folded = fold(name);
            let words: Vec<&str> = folded.split_whitespace().collect();
            assert_eq!(name_key(name), words.join(" "), "{name:?}");
        }
    }

    #[test]
    fn skipped_warnings_leave_the_errors_in_the_same_order() {
        let text = "format = 1\n\n[[networks]]\nid = \"Bad Id\"\nname = \"A\"\n\n\
            [[networks.partners]]\nname = \"Óbidos\"\n\n\
            [[networks.partners]]\nname = \"obidos\"\ncountry = \"PT\"\n\n\
            [[networks]]\nid = \"b\"\nname = \"B\"\n\n\
            [[networks.partners]]\nname = \"Aveiro\"\ncountry = \"XX\"\n";
        let registry: Registry = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        let message = |d: &Diagnostic| (d.is_error(), d.message.clone());
        let listed: Vec<_> = check(&registry, Warnings::List).iter().map(message).collect();
        assert_eq!(
            listed,
            [
                (true, "network id `Bad Id` is not a slug".to_string()),
                (false, "network `Bad Id` has no lead partner".into()),
                (false, "partner `Óbidos` of `Bad Id` has no country".into()),
                (
                    true,
                    "partner `obidos` is already in network `Bad Id` (as `Óbidos`)".into()
                ),
                (false, "network `b` has no lead partner".into()),
                (true, "`XX` is not an ISO 3166-1 alpha-2 country code".into()),
            ]
        );
        let skipped: Vec<_> = check(&registry, Warnings::Skip).iter().map(message).collect();
        let errors: Vec<_> = listed.into_iter().filter(|(error, _)| *error).collect();
        assert_eq!(skipped, errors);
    }
}
