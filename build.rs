//! Writes the `celes` crate's ISO 3166-1 table into `$OUT_DIR/countries.rs`
//! as plain constants, which `src/registry/country.rs` includes.
//!
//! `celes` keeps its table as Rust values full of references (each country in
//! several maps, each with its aliases). Linked into a position-independent
//! executable, those need ~10,000 relocations, applied by the dynamic loader
//! at every start: about a sixth of a read of the built-in registry. The same
//! facts as text and numbers need none, cost nothing to set up at run time,
//! and `celes` stays the one source of them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::str::FromStr;

use celes::{Country, LookupTable};

/// The short English name shown where ISO's official one is long.
const SHORT_NAMES: [(&str, &str); 6] = [
    ("GB", "United Kingdom"),
    ("MK", "North Macedonia"),
    ("MD", "Moldova"),
    ("RU", "Russia"),
    ("VA", "Vatican City"),
    ("BA", "Bosnia and Herzegovina"),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let countries = Country::get_countries();

    let mut lines = String::new();
    let mut by_code = vec![u16::MAX; 26 * 26];
    let mut keys = BTreeMap::new();
    for country in &countries {
        let slot = match country.alpha2.as_bytes() {
            [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => usize::from(a - b'A') * 26 + usize::from(b - b'A'),
            _ => panic!(
                "celes has an alpha-2 code that is not two letters: {}",
                country.alpha2
            ),
        };
        by_code[slot] = u16::try_from(lines.len()).expect("the table fits 64 KiB");
        let shown = match SHORT_NAMES.iter().find(|(code, _)| *code == country.alpha2) {
            Some((_, short)) => (*short).to_string(),
            None => tidy(country.long_name),
        };
        writeln!(lines, "{}\t{}\t{shown}", country.alpha2, country.alpha3).expect("write to a String");

        let mut candidates = vec![
            country.code.to_string(),
            country.alpha2.to_ascii_lowercase(),
            country.alpha3.to_ascii_lowercase(),
        ];
        for name in std::iter::once(&country.long_name).chain(country.aliases.iter()) {
            candidates.extend(word_runs(name));
        }
        for key in candidates {
            if let Some(found) = resolve(&key) {
                keys.insert(key, found.alpha2);
            }
        }
    }
    let mut key_lines = String::new();
    for (key, alpha2) in &keys {
        writeln!(key_lines, "{key}\t{alpha2}").expect("write to a String");
    }

    let source = format!(
        "// Written by build.rs from the celes crate.\n\
         \n\
         /// `alpha-2 TAB alpha-3 TAB name shown`, a line per country.\n\
         const COUNTRIES: &str = {lines:?};\n\
         \n\
         /// For each code `AA`..`ZZ`, where its line starts in `COUNTRIES`\n\
         /// (`u16::MAX`: no such country).\n\
         const BY_CODE: [u16; 676] = {by_code:?};\n\
         \n\
         /// `key TAB alpha-2`, a line per key, sorted: every folded code, name,\n\
         /// alias and run of their words that celes accepts, with its answer.\n\
         const KEYS: &str = {key_lines:?};\n"
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("countries.rs"), source).expect("write countries.rs");
}

/// How netreg resolves a folded key with `celes`: any code or name, then an
/// alias, then an official name.
fn resolve(key: &str) -> Option<Country> {
    Country::from_str(key)
        .or_else(|_| Country::from_alias(key))
        .or_else(|_| Country::from_name(key))
        .ok()
}

/// Every run of consecutive words of `name`, folded as netreg folds input
/// (lower case, ASCII letters and digits only): "Dutch Part Sint Maarten"
/// gives "dutchpartsintmaarten", …, "sintmaarten", "maarten". Names with
/// letters outside ASCII are left out: netreg transliterates them (ü to u),
/// and `celes` has the ASCII spelling as an alias.
fn word_runs(name: &str) -> Vec<String> {
    if !name.is_ascii() {
        return Vec::new();
    }
    let words: Vec<&str> = name.split([' ', '-', '_']).filter(|w| !w.is_empty()).collect();
    let mut runs = Vec::new();
    for start in 0..words.len() {
        for end in start + 1..=words.len() {
            let run: String = words[start..end]
                .concat()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if !run.is_empty() {
                runs.push(run);
            }
        }
    }
    runs
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
