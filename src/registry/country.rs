//! Countries as people type them: codes, English names and common aliases.
//!
//! The ISO 3166-1 table is the `celes` crate's; this module only adds what
//! European sources use on top of it (the EU's own `UK` and `EL`) and short
//! English names for display.

use std::str::FromStr;

use celes::Country;

use super::text::fold;

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

/// Resolves a country as a person would write it, to its alpha-2 code.
pub fn lookup(input: &str) -> Option<&'static str> {
    let key = squash(input);
    if key.is_empty() {
        return None;
    }
    if let Some((_, code)) = EU_CODES.iter().find(|(alias, _)| *alias == key) {
        return Some(code);
    }
    // `celes` compares names without spaces, so `United Kingdom` becomes `unitedkingdom`.
    let country = Country::from_str(&key)
        .or_else(|_| Country::from_alias(&key))
        .or_else(|_| Country::from_name(&key))
        .ok()?;
    canonical(country.alpha2)
}

/// The alpha-2 code as stored in the registry, if it is a real one.
pub fn canonical(code: &str) -> Option<&'static str> {
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // Looked up in a table of every two-letter code, made once: a large
    // registry asks for every partner.
    static CODES: std::sync::OnceLock<Vec<Option<&'static str>>> = std::sync::OnceLock::new();
    let index = |code: &[u8]| usize::from(code[0] - b'A') * 26 + usize::from(code[1] - b'A');
    let codes = CODES.get_or_init(|| {
        let mut codes = vec![None; 26 * 26];
        for country in Country::get_countries() {
            let alpha2 = country.alpha2.as_bytes();
            if alpha2.len() == 2 && alpha2.iter().all(u8::is_ascii_uppercase) {
                codes[index(alpha2)] = Some(country.alpha2);
            }
        }
        codes
    });
    codes[index(code.as_bytes())]
}

/// The English name to show for a valid alpha-2 code.
pub fn name(code: &str) -> String {
    if let Some((_, short)) = SHORT_NAMES.iter().find(|(c, _)| *c == code) {
        return (*short).to_string();
    }
    match Country::from_alpha2(code) {
        Ok(country) => tidy(country.long_name),
        Err(_) => code.to_string(),
    }
}

/// The countries whose code or name is nearest to an unknown input, best first.
pub fn suggest(input: &str) -> Vec<String> {
    let key = squash(input);
    let mut scored: Vec<(f64, String)> = Country::get_countries()
        .iter()
        .map(|c| {
            let display = name(c.alpha2);
            let score = [squash(&display), c.alpha3.to_lowercase(), c.alpha2.to_lowercase()]
                .iter()
                .map(|candidate| strsim::jaro_winkler(&key, candidate))
                .fold(0.0, f64::max);
            (score, format!("{display} ({})", c.alpha2))
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

    #[test]
    fn canonical_agrees_with_celes_on_every_two_letter_code() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap_or_default();
                let celes = Country::from_alpha2(&code).ok().map(|c| c.alpha2);
                assert_eq!(canonical(&code), celes, "{code}");
            }
        }
        assert_eq!(canonical("it"), None);
        assert_eq!(canonical("ITA"), None);
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
