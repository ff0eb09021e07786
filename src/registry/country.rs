//! Countries as people type them: codes, English names and common aliases.
//!
//! The ISO 3166-1 table is the `celes` crate's. This module adds what
//! European sources write on top of it (the EU's own `UK` and `EL`, English
//! short forms) and the short English names shown for display.

use std::borrow::Cow;
use std::str::FromStr as _;
use std::sync::OnceLock;

use celes::Country;

use crate::text::fold;

/// Codes the EU writes where ISO has another one.
const EU_CODES: [(&str, &str); 2] = [("uk", "GB"), ("el", "GR")];

/// English names people write that ISO's lists do not have (folded).
const SHORT_FORMS: [(&str, &str); 7] = [
    ("britain", "GB"),
    ("eire", "IE"),
    ("republicofireland", "IE"),
    ("irishrepublic", "IE"),
    ("slovakrepublic", "SK"),
    ("kyrgyzrepublic", "KG"),
    ("vatican", "VA"),
];

/// The short English name shown where ISO's official one is long.
const SHORT_NAMES: [(&str, &str); 6] = [
    ("GB", "United Kingdom"),
    ("MK", "North Macedonia"),
    ("MD", "Moldova"),
    ("RU", "Russia"),
    ("VA", "Vatican City"),
    ("BA", "Bosnia and Herzegovina"),
];

/// The country of a valid alpha-2 code (upper case), from a table of every
/// two-letter code made once: a large registry asks for every partner's.
fn by_code(code: &[u8]) -> Option<&'static Country> {
    static TABLE: OnceLock<Vec<Option<Country>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = vec![None; 26 * 26];
        for country in Country::get_countries() {
            if let Some(slot) = slot(country.alpha2.as_bytes()) {
                table[slot] = Some(country);
            }
        }
        table
    });
    table[slot(code)?].as_ref()
}

/// Where an alpha-2 code (upper case) sits in a table of `AA`..`ZZ`.
fn slot(code: &[u8]) -> Option<usize> {
    match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

/// The English name shown for a country: a short one where ISO's is long,
/// otherwise ISO's, tidied ("The Republic Of Moldova" → "Republic of Moldova").
fn shown(country: &Country) -> Cow<'static, str> {
    if let Some((_, short)) = SHORT_NAMES.iter().find(|(code, _)| *code == country.alpha2) {
        return Cow::Borrowed(short);
    }
    let name = country
        .long_name
        .strip_prefix("The ")
        .unwrap_or(country.long_name);
    let small = |i: usize, w: &str| i > 0 && matches!(w, "Of" | "And" | "The");
    if !name.split(' ').enumerate().any(|(i, w)| small(i, w)) {
        return Cow::Borrowed(name);
    }
    let words: Vec<String> = name
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if small(i, w) {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect();
    Cow::Owned(words.join(" "))
}

/// Resolves a country as a person would write it, to its alpha-2 code:
/// also the forms of the ISO and UN lists, "Korea, Republic of" and
/// "Iran (Islamic Republic of)", read either way round.
pub fn lookup(input: &str) -> Option<&'static str> {
    lookup_key(&squash(input)).or_else(|| {
        list_forms(input)
            .iter()
            .find_map(|form| lookup_key(&squash(form)))
    })
}

fn lookup_key(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        return None;
    }
    let alias = EU_CODES
        .iter()
        .chain(&SHORT_FORMS)
        .find(|(alias, _)| *alias == key);
    if let Some((_, code)) = alias {
        return Some(code);
    }
    // `celes` compares names without spaces: `United Kingdom` as `unitedkingdom`.
    let country = Country::from_str(key)
        .or_else(|_| Country::from_alias(key))
        .or_else(|_| Country::from_name(key))
        .ok()?;
    canonical(country.alpha2)
}

/// "Korea, Republic of" as "Republic of Korea" and "Korea"; "Iran (Islamic
/// Republic of)" as "Islamic Republic of Iran" and "Iran".
fn list_forms(input: &str) -> Vec<String> {
    if let Some((name, qualifier)) = input.split_once(',') {
        return vec![
            format!("{} {}", qualifier.trim(), name.trim()),
            name.trim().to_string(),
        ];
    }
    if let (Some(open), Some(close)) = (input.find('('), input.rfind(')'))
        && open < close
    {
        let (name, qualifier) = (input[..open].trim(), input[open + 1..close].trim());
        return vec![format!("{qualifier} {name}"), name.to_string()];
    }
    Vec::new()
}

/// Every alpha-2 code of ISO 3166-1, in order.
pub fn codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Country::get_countries().iter().map(|c| c.alpha2).collect();
    codes.sort_unstable();
    codes
}

/// The alpha-2 code as stored in the registry, if it is a real one.
pub fn canonical(code: &str) -> Option<&'static str> {
    by_code(code.as_bytes()).map(|country| country.alpha2)
}

/// The English name to show for a valid alpha-2 code, in either case (the
/// code itself for any other).
pub fn name(code: &str) -> Cow<'static, str> {
    let country = match *code.as_bytes() {
        [a, b] => by_code(&[a.to_ascii_uppercase(), b.to_ascii_uppercase()]),
        _ => None,
    };
    match country {
        Some(country) => shown(country),
        None => code.to_string().into(),
    }
}

/// The countries whose code or name is nearest to an unknown input, best
/// first: a country whose name shares a word with the input ("Ireland" in
/// "Ireland Republik") before one that is only spelt alike.
pub fn suggest(input: &str) -> Vec<String> {
    let key = squash(input);
    let words = significant_words(input);
    let mut scored: Vec<(f64, String)> = Country::get_countries()
        .iter()
        .map(|c| {
            let name = shown(c);
            let spelt = [squash(&name), c.alpha3.to_lowercase(), c.alpha2.to_lowercase()]
                .iter()
                .map(|candidate| strsim::jaro_winkler(&key, candidate))
                .fold(0.0, f64::max);
            let shares_a_word = significant_words(&name).iter().any(|w| words.contains(w));
            let score = if shares_a_word {
                spelt.max(0.8) + 1.0
            } else {
                spelt
            };
            (score, format!("{name} ({})", c.alpha2))
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Only the ones about as close as the best, so a clear typo gets one answer.
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(score, _)| *score >= best - 0.03)
        .take(3)
        .map(|(_, s)| s)
        .collect()
}

/// The words of a name that tell one country from another (not "Republic",
/// "of", "the", "Islands"...), folded.
fn significant_words(name: &str) -> Vec<String> {
    const COMMON: [&str; 12] = [
        "the",
        "of",
        "and",
        "republic",
        "islands",
        "island",
        "state",
        "states",
        "kingdom",
        "united",
        "democratic",
        "people",
    ];
    fold(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 2 && !COMMON.contains(w))
        .map(str::to_string)
        .collect()
}

fn squash(input: &str) -> String {
    fold(input)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_as_the_iso_and_un_lists_and_people_write_them() {
        for (input, code) in [
            ("Korea, Republic of", "KR"),
            ("Korea, Democratic People's Republic of", "KP"),
            ("Bolivia, Plurinational State of", "BO"),
            ("Tanzania, United Republic of", "TZ"),
            ("Moldova, Republic of", "MD"),
            ("Iran (Islamic Republic of)", "IR"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Britain", "GB"),
            ("Eire", "IE"),
            ("Republic of Ireland", "IE"),
            ("Holland", "NL"),
            ("Slovak Republic", "SK"),
        ] {
            assert_eq!(lookup(input), Some(code), "{input}");
        }
    }

    #[test]
    fn a_shared_word_ranks_above_a_like_spelling() {
        assert_eq!(
            suggest("Ireland Republik").first().map(String::as_str),
            Some("Ireland (IE)")
        );
        assert_eq!(
            suggest("Irland").first().map(String::as_str),
            Some("Ireland (IE)")
        );
    }

    /// The lookup as `celes` alone makes it, with the EU's codes.
    fn celes_lookup(input: &str) -> Option<&'static str> {
        use std::str::FromStr;
        let key = squash(input);
        if key.is_empty() {
            return None;
        }
        if let Some((_, code)) = EU_CODES.iter().find(|(alias, _)| *alias == key) {
            return Some(code);
        }
        let country = celes::Country::from_str(&key)
            .or_else(|_| celes::Country::from_alias(&key))
            .or_else(|_| celes::Country::from_name(&key))
            .ok()?;
        canonical(country.alpha2)
    }

    #[test]
    fn canonical_agrees_with_celes_on_every_two_letter_code() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap_or_default();
                let celes = celes::Country::from_alpha2(&code).ok().map(|c| c.alpha2);
                assert_eq!(canonical(&code), celes, "{code}");
            }
        }
        assert_eq!(canonical("it"), None);
        assert_eq!(canonical("ITA"), None);
    }

    #[test]
    fn lookup_agrees_with_celes_on_every_short_code() {
        let symbols: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let mut inputs: Vec<String> = Vec::new();
        for &a in &symbols {
            inputs.push(a.to_string());
            for &b in &symbols {
                inputs.push(format!("{a}{b}"));
                for &c in &symbols {
                    inputs.push(format!("{a}{b}{c}"));
                }
            }
        }
        let mut found = 0;
        for input in &inputs {
            let ours = lookup(input);
            assert_eq!(ours, celes_lookup(input), "{input}");
            found += usize::from(ours.is_some());
        }
        // alpha-2, alpha-3 and numeric codes, plus the EU's UK and EL.
        assert_eq!(found, 250 * 3 + 2);
    }

    #[test]
    fn lookup_agrees_with_celes_on_every_name_and_alias() {
        use celes::LookupTable;
        let mut checked = 0;
        for country in celes::Country::get_countries() {
            let names = std::iter::once(country.long_name).chain(country.aliases.iter().copied());
            for name in names {
                let words: Vec<&str> = name.split(' ').collect();
                // The name as written, shouted, and each run of its words.
                let mut inputs = vec![name.to_string(), name.to_uppercase()];
                for start in 0..words.len() {
                    for end in start + 1..=words.len() {
                        inputs.push(words[start..end].join(" "));
                    }
                }
                for input in inputs {
                    match celes_lookup(&input) {
                        Some(code) => assert_eq!(lookup(&input), Some(code), "{input}"),
                        // Where celes has no answer, only a list form ("X, Y of")
                        // or an English short form may give one.
                        None => assert!(
                            lookup(&input).is_none()
                                || input.contains([',', '('])
                                || SHORT_FORMS.iter().any(|(form, _)| *form == squash(&input)),
                            "{input}"
                        ),
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_500, "{checked}");
    }

    #[test]
    fn every_country_has_its_name_shown() {
        let short = ["GB", "MK", "MD", "RU", "VA", "BA"];
        let mut count = 0;
        for country in celes::Country::get_countries() {
            let shown = name(country.alpha2);
            let official = country
                .long_name
                .strip_prefix("The ")
                .unwrap_or(country.long_name);
            // The official name without a leading "The", with "of", "and" and
            // "the" in lower case; or one of the short names.
            assert!(
                shown.eq_ignore_ascii_case(official) || short.contains(&country.alpha2),
                "{} {shown} {official}",
                country.alpha2
            );
            assert_eq!(name(&country.alpha2.to_lowercase()), shown);
            count += 1;
        }
        assert_eq!(count, 250);
        assert_eq!(name("XX"), "XX");
        assert_eq!(name("MD"), "Moldova");
        assert_eq!(name("VC"), "Saint Vincent and the Grenadines");
    }

    #[test]
    fn finds_codes_names_and_aliases() {
        for input in ["IT", "it", "ITA", "Italy", "italy", " ITALY "] {
            assert_eq!(lookup(input), Some("IT"), "{input}");
        }
        for input in ["UK", "GB", "GBR", "United Kingdom", "Great Britain"] {
            assert_eq!(lookup(input), Some("GB"), "{input}");
        }
        for input in ["Czech Republic", "Czechia", "CZ"] {
            assert_eq!(lookup(input), Some("CZ"), "{input}");
        }
        assert_eq!(lookup("Holland"), Some("NL"));
        assert_eq!(lookup("EL"), Some("GR"));
        assert_eq!(lookup("Türkiye"), Some("TR"));
        assert_eq!(lookup("Turkey"), Some("TR"));
        assert_eq!(lookup("North Macedonia"), Some("MK"));
        assert_eq!(lookup("Bosnia and Herzegovina"), Some("BA"));
        assert_eq!(lookup("Itly"), None);
        assert_eq!(lookup(""), None);
    }

    #[test]
    fn names_are_short_english_names() {
        assert_eq!(name("IT"), "Italy");
        assert_eq!(name("GB"), "United Kingdom");
        assert_eq!(name("NL"), "Netherlands");
        assert_eq!(name("TR"), "Türkiye");
        assert_eq!(name("CZ"), "Czechia");
    }

    #[test]
    fn only_real_uppercase_codes_are_canonical() {
        assert_eq!(canonical("PT"), Some("PT"));
        assert_eq!(canonical("pt"), None);
        assert_eq!(canonical("UK"), None);
        assert_eq!(canonical("XX"), None);
    }

    #[test]
    fn suggests_the_nearest_country() {
        assert_eq!(suggest("Itly").first().map(String::as_str), Some("Italy (IT)"));
    }
}
