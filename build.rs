//! Writes the `celes` crate's ISO 3166-1 table into `$OUT_DIR` as two small
//! text tables, which `src/registry/country.rs` embeds.
//!
//! `celes` keeps its table as Rust values full of references (each country in
//! several maps, each with its aliases). Linked into a position-independent
//! executable, those need ~10,000 relocations, applied by the dynamic loader
//! at every start: about a sixth of a read of the built-in registry. The same
//! facts as plain text need none, and `celes` itself stays the one source.
//!
//! - `countries.tsv`: `alpha-2 TAB alpha-3 TAB official name`, one line per
//!   country, in `celes` order.
//! - `country-keys.tsv`: `key TAB alpha-2`, sorted by key: every way of
//!   writing a country that `celes` accepts among the ones tried here (codes,
//!   names, aliases and each run of their words), folded as netreg folds input
//!   (lower case, ASCII letters and digits only), with `celes`' own answer.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::str::FromStr;

use celes::{Country, LookupTable};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let countries = Country::get_countries();

    let mut table = String::new();
    let mut keys = BTreeMap::new();
    for country in &countries {
        writeln!(
            table,
            "{}\t{}\t{}",
            country.alpha2, country.alpha3, country.long_name
        )
        .expect("write to a String");

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
    let mut key_table = String::new();
    for (key, alpha2) in &keys {
        writeln!(key_table, "{key}\t{alpha2}").expect("write to a String");
    }

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("countries.tsv"), table).expect("write countries.tsv");
    std::fs::write(out.join("country-keys.tsv"), key_table).expect("write country-keys.tsv");
}

/// How netreg resolves a folded key with `celes`: any code or name, then an
/// alias, then an official name.
fn resolve(key: &str) -> Option<Country> {
    Country::from_str(key)
        .or_else(|_| Country::from_alias(key))
        .or_else(|_| Country::from_name(key))
        .ok()
}

/// Every run of consecutive words of `name`, folded ("Dutch Part Sint
/// Maarten" gives "dutchpartsintmaarten", …, "sintmaarten", "maarten").
/// Names with letters outside ASCII are left out: netreg transliterates them
/// (ü to u), and `celes` has the ASCII spelling as an alias.
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
