//! Countries as people type them: codes, English names and common aliases.
//!
//! The ISO 3166-1 table is the `celes` crate's, written out as two text
//! tables by `build.rs` (no relocations to apply at start-up, unlike `celes`'
//! own values); this module only adds what European sources use on top of it
//! (the EU's own `UK` and `EL`) and short English names for display.

use std::sync::OnceLock;

use super::text::fold;

/// `alpha-2 TAB alpha-3 TAB official name`, a line per country (build.rs).
const COUNTRIES: &str = include_str!(concat!(env!("OUT_DIR"), "/countries.tsv"));
/// `key TAB alpha-2`, sorted by key: every folded code, name and alias `celes`
/// accepts, with its answer (build.rs).
const KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/country-keys.tsv"));

/// Codes the EU writes where ISO has another one.
const EU_CODES: [(&str, &str); 2] = [("uk", "GB"), ("el", "GR")];

/// The short English name where ISO's official one is long.
const SHORT_NAMES: [(&str, &str); 6] = [
    ("GB", "United Kingdom"),
    ("MK", "North Macedonia"),
    ("MD", "Moldova"),
    ("RU", "Russia"),
    ("VA", "Vatican City"),
    ("BA", "Bosnia and Herzegovina"),
];

struct Country {
    alpha2: &'static str,
    alpha3: &'static str,
    /// The English name shown for it.
    name: String,
}

/// The two tables, read once: a large registry asks for every partner.
struct Table {
    countries: Vec<Country>,
    /// For each two-letter code `AA`..`ZZ`, its country's place in `countries`.
    by_code: Vec<Option<u16>>,
    keys: Vec<(&'static str, &'static str)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let countries: Vec<Country> = COUNTRIES
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let (alpha2, alpha3, long_name) = (fields.next()?, fields.next()?, fields.next()?);
                let name = match SHORT_NAMES.iter().find(|(code, _)| *code == alpha2) {
                    Some((_, short)) => (*short).to_string(),
                    None => tidy(long_name),
                };
                Some(Country { alpha2, alpha3, name })
            })
            .collect();
        let mut by_code = vec![None; 26 * 26];
        for (i, country) in countries.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (code_index(country.alpha2), u16::try_from(i)) {
                by_code[slot] = Some(i);
            }
        }
        let keys = KEYS.lines().filter_map(|line| line.split_once('\t')).collect();
        Table {
            countries,
            by_code,
            keys,
        }
    })
}

/// `AA` is 0, `ZZ` is 675; `None` for anything but two upper-case letters.
fn code_index(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

fn by_code(code: &str) -> Option<&'static Country> {
    let table = table();
    let i = table.by_code[code_index(code)?]?;
    table.countries.get(usize::from(i))
}

/// Resolves a country as a person would write it, to its alpha-2 code.
pub fn lookup(input: &str) -> Option<&'static str> {
    let key = squash(input);
    if key.is_empty() {
        return None;
    }
    if let Some((_, code)) = EU_CODES.iter().find(|(alias, _)| *alias == key) {
        return Some(code);
    }
    let keys = &table().keys;
    let i = keys.binary_search_by(|(k, _)| (*k).cmp(key.as_str())).ok()?;
    canonical(keys[i].1)
}

/// The alpha-2 code as stored in the registry, if it is a real one.
pub fn canonical(code: &str) -> Option<&'static str> {
    by_code(code).map(|c| c.alpha2)
}

/// The English name to show for a valid alpha-2 code (the code itself for
/// any other).
pub fn name(code: &str) -> std::borrow::Cow<'static, str> {
    match by_code(&code.to_ascii_uppercase()) {
        Some(country) => country.name.as_str().into(),
        None => code.to_string().into(),
    }
}

/// The countries whose code or name is nearest to an unknown input, best first.
pub fn suggest(input: &str) -> Vec<String> {
    let key = squash(input);
    let mut scored: Vec<(f64, String)> = table()
        .countries
        .iter()
        .map(|c| {
            let score = [squash(&c.name), c.alpha3.to_lowercase(), c.alpha2.to_lowercase()]
                .iter()
                .map(|candidate| strsim::jaro_winkler(&key, candidate))
                .fold(0.0, f64::max);
            (score, format!("{} ({})", c.name, c.alpha2))
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

/// "The Republic Of Moldova" → "Republic of Moldova".
fn tidy(long_name: &str) -> String {
    let name = long_name.strip_prefix("The ").unwrap_or(long_name);
    name.split(' ')
        .enumerate()
        .map(|(i, w)| match w {
            "Of" | "And" | "The" if i > 0 => w.to_lowercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
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

    /// The lookup as it was made with `celes` at run time, before build.rs.
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
                    assert_eq!(lookup(&input), celes_lookup(&input), "{input}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1_500, "{checked}");
    }

    #[test]
    fn names_agree_with_celes() {
        for country in celes::Country::get_countries() {
            let expected = match SHORT_NAMES.iter().find(|(c, _)| *c == country.alpha2) {
                Some((_, short)) => (*short).to_string(),
                None => tidy(country.long_name),
            };
            assert_eq!(name(country.alpha2), expected);
        }
        assert_eq!(name("XX"), "XX");
        assert_eq!(name("it"), "Italy");
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
