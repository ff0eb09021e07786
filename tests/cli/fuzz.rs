//! Property tests run in CI for a bounded number of cases (NETREG_FUZZ_CASES,
//! 200 by default): random and mutated registries through load, check and
//! every output format; random edits to random hand-written registries.

use std::ffi::OsString;
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};

use crate::support::SMALL;

const HANDMADE: &str = include_str!("fixtures/handmade.toml");

pub fn cases() -> u32 {
    std::env::var("NETREG_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

/// A registry file in a folder of its own, where netreg in-process keeps
/// its snapshots and history too (see `environment`).
pub struct Registry {
    _dir: tempfile::TempDir,
    pub file: std::path::PathBuf,
}

impl Registry {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("registry.toml");
        Self { _dir: dir, file }
    }

    /// Removes the file's snapshot, so the next read is a cold one.
    pub fn forget_snapshot(&self) {
        let dirs = environment(&self.file).dirs;
        if let Some(snapshot) = netreg::snapshot_path(&dirs, &self.file) {
            let _ = std::fs::remove_file(snapshot);
        }
    }
}

/// The environment of netreg run in-process on `registry`: its data, cache
/// and state directories in a folder beside the file, none of the user's.
pub fn environment(registry: &Path) -> netreg::Environment {
    netreg::Environment {
        dirs: netreg::Dirs::under(&registry.with_file_name(".netreg")),
        ..Default::default()
    }
}

/// netreg in-process: (exit code, stdout, stderr).
pub fn netreg(registry: &Path, args: &[&str]) -> (u8, String, String) {
    netreg_in(environment(registry), registry, args)
}

/// `netreg`, in the environment given.
pub fn netreg_in(environment: netreg::Environment, registry: &Path, args: &[&str]) -> (u8, String, String) {
    let mut argv: Vec<OsString> = vec!["netreg".into(), "--registry".into(), registry.into()];
    argv.extend(args.iter().map(OsString::from));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = netreg::run_with(argv, environment, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

const SNIPPETS: &[&str] = &[
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "=",
    "\n",
    "\r\n",
    "[",
    "]",
    "[[networks]]\n",
    "[[networks.partners]]\n",
    "[[networks.milestones]]\n",
    "date = 2011-02-30\n",
    "date = \"2017-06-31\"\n",
    "role = \"lead\"\n",
    "country = \"XX\"\n",
    "country = \"uk\"\n",
    "kind = \"launch\"\n",
    "kind = \"completion\"\n",
    "format = 2\n",
    "id = \"Bad Id\"\n",
    "name = \"Óbidos\"\n",
    "name = 1\n",
    "\u{0}",
    "\u{1b}[31m",
    "\u{feff}",
    "é",
    "# comment\n",
    "themes = [1, \"a\"]\n",
    "{",
    "}",
    "1979-05-27T07:32:00Z",
    "inf",
    "nan",
    "\\u00e9",
    "\t",
];

/// A registry text: random bytes, or a real one mutated a few times.
fn registry_text() -> impl Strategy<Value = Vec<u8>> {
    let mutation = (
        0usize..4,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        0..SNIPPETS.len(),
    );
    let mutated = (
        prop_oneof![Just(SMALL), Just(HANDMADE)],
        prop::collection::vec(mutation, 0..3),
    )
        .prop_map(|(base, mutations)| {
            let mut bytes = base.as_bytes().to_vec();
            for (op, at, len, snippet) in mutations {
                let at = at.index(bytes.len() + 1);
                match op {
                    0 => {
                        let end = (at + len.index(20)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    1 | 2 => {
                        bytes.splice(at..at, SNIPPETS[snippet].bytes());
                    }
                    _ => {
                        let end = (at + len.index(40)).min(bytes.len());
                        let copy = bytes[at..end].to_vec();
                        bytes.splice(at..at, copy);
                    }
                }
            }
            bytes
        });
    prop_oneof![1 => prop::collection::vec(any::<u8>(), 0..300), 6 => mutated]
}

/// What a registry holds, with every place in the file as the file counts
/// it, whichever way it was read.
pub fn placed(registry: &netreg::Registry) -> String {
    let networks: Vec<String> = registry
        .networks
        .iter()
        .map(|network| {
            let partners: Vec<_> = network.partners.iter().map(|p| p.name.span()).collect();
            let dates: Vec<_> = network.milestones.iter().map(|m| m.date.span()).collect();
            let draft = netreg::NetworkDraft::from(network);
            format!("{draft:?} {:?} {partners:?} {dates:?}", network.id.span())
        })
        .collect();
    format!("{:?} {networks:?}", registry.format)
}

#[test]
fn load_check_and_every_format_never_crash() {
    let registry = Registry::new();
    let file = registry.file.clone();
    let mut runner = TestRunner::new(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let started = std::time::Instant::now();
    let valid = std::cell::Cell::new(0u32);
    runner
        .run(&registry_text(), |bytes| {
            std::fs::write(&file, &bytes).expect("write");
            if let Ok(text) = std::str::from_utf8(&bytes) {
                // Parsing a network at a time agrees with one parse of the whole text.
                let whole = toml::from_str::<netreg::Registry>(text);
                let read = netreg::read_text(text);
                let split = match read.problems.is_empty() {
                    true => Ok(read.registry),
                    false => Err(read.problems),
                };
                match (&whole, &split) {
                    (Ok(whole), Ok(split)) => prop_assert_eq!(placed(whole), placed(split)),
                    (Err(error), Ok(_)) => prop_assert!(false, "pieces parse, the whole does not: {error}"),
                    (Ok(_), Err(errors)) => {
                        prop_assert!(false, "the whole parses, the pieces do not: {errors:?}")
                    }
                    _ => {}
                }
            }
            let (code, _, err) = netreg(&file, &["check", "-q"]);
            prop_assert!(code == 0 || code == 1, "check exit {code}: {err}");
            prop_assert!(code == 0 || err.starts_with("error: "), "{err}");
            let commands: &[&[&str]] = &[
                &["networks", "list"],
                &["partners", "list", "--format", "json"],
                &["partners", "list", "--format", "csv"],
                &["milestones", "list", "--format", "markdown"],
                &["timeline", "show", "--format", "table"],
                &["stats", "--format", "ndjson"],
                &["export", "--format", "toml"],
                &["export", "--format", "tsv", "--entity", "partners"],
                &["networks", "show", "port-towns", "--format", "table"],
            ];
            for args in commands {
                let (again, _, err) = netreg(&file, args);
                // A registry that passes check must serve every read; `show`
                // may not find its network.
                let allowed = if code == 0 {
                    args[1] == "show" && again == 1
                } else {
                    again == 1
                };
                prop_assert!(
                    again == 0 || allowed,
                    "{args:?} exit {again} after check {code}: {err}"
                );
            }
            if code == 0 {
                valid.set(valid.get() + 1);
                let (_, toml, _) = netreg(&file, &["export", "--format", "toml"]);
                prop_assert!(
                    netreg::parse(&toml).is_ok(),
                    "export --format toml fails check:\n{toml}"
                );
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "fuzz: {} registries ({} valid) through every format in {:?}",
        cases(),
        valid.get(),
        started.elapsed()
    );
}

/// One partner, network or milestone change, given as netreg arguments.
#[derive(Debug, Clone)]
enum Edit {
    AddPartner(usize, String, Option<&'static str>, bool),
    SetCountry(usize, usize, &'static str),
    RemovePartner(usize, usize),
    AddMilestone(usize, String, String),
    Rename(usize, String),
    RemoveNetwork(usize),
}

const NAMES: &[&str] = &[
    "Óbidos",
    "obidos",
    "Jyväskylä",
    "Reggio Emilia",
    "Gdańsk",
    "Mizil",
    "Pisa",
    "Łódź",
    "Århus",
];
const COUNTRIES: &[&str] = &["IT", "PT", "Finland", "UK", "Deutschland", "ES", "Itly"];

fn edit() -> impl Strategy<Value = Edit> {
    let name = prop::sample::select(NAMES).prop_map(str::to_string);
    let country = prop::sample::select(COUNTRIES);
    let date = (1990i32..2040, prop::option::of(1u32..14), 1u32..32).prop_map(|(y, m, d)| match m {
        None => format!("{y}"),
        Some(m) if d > 28 => format!("{y}-{m:02}"),
        Some(m) => format!("{y}-{m:02}-{d:02}"),
    });
    prop_oneof![
        (
            0..3usize,
            name.clone(),
            prop::option::of(country.clone()),
            any::<bool>()
        )
            .prop_map(|(n, name, c, lead)| Edit::AddPartner(n, name, c, lead)),
        (0..3usize, 0..4usize, country).prop_map(|(n, p, c)| Edit::SetCountry(n, p, c)),
        (0..3usize, 0..4usize).prop_map(|(n, p)| Edit::RemovePartner(n, p)),
        (0..3usize, date, name.clone()).prop_map(|(n, d, t)| Edit::AddMilestone(n, d, t)),
        (0..3usize, name).prop_map(|(n, name)| Edit::Rename(n, name)),
        (0..3usize).prop_map(Edit::RemoveNetwork),
    ]
}

/// A hand-written registry: comments, aligned keys, indentation, blank lines.
fn handwritten() -> impl Strategy<Value = String> {
    let partner = (
        prop::sample::select(NAMES),
        prop::option::of(prop::sample::select(&["IT", "PT", "FI", "GB"][..])),
    );
    let network = (
        prop::collection::vec(partner, 0..4),
        any::<bool>(),
        any::<bool>(),
        0..3usize,
    );
    prop::collection::vec(network, 1..4).prop_map(|networks| {
        let mut text = String::from("# my networks\nformat = 1\n");
        for (n, (partners, aligned, commented, indent)) in networks.into_iter().enumerate() {
            let pad = " ".repeat(indent * 2);
            let eq = if aligned { "      = " } else { " = " };
            if commented {
                text.push_str(&format!("\n# network {n}, from my notes"));
            }
            text.push_str(&format!(
                "\n[[networks]]\nid{eq}\"net-{n}\"\nname{eq}\"Network {n}\"   # as printed\n"
            ));
            let mut seen = Vec::new();
            for (i, (name, country)) in partners.into_iter().enumerate() {
                let key = name.to_lowercase().replace('ó', "o");
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                text.push_str(&format!(
                    "\n{pad}[[networks.partners]]\n{pad}name{eq}\"{name}\"\n"
                ));
                if let Some(country) = country {
                    text.push_str(&format!("{pad}country{eq}\"{country}\"  # checked\n"));
                }
                if i == 0 {
                    text.push_str(&format!("{pad}role{eq}\"lead\"\n"));
                }
            }
            text.push_str(&format!(
                "\n{pad}[[networks.milestones]]\n{pad}date{eq}2010-05-01\n{pad}title{eq}\"Start\"\n"
            ));
        }
        text
    })
}

fn args(edit: &Edit) -> Vec<String> {
    let net = |n: &usize| format!("net-{n}");
    let partner = |p: &usize| NAMES[*p % NAMES.len()].to_string();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match edit {
        Edit::AddPartner(n, name, country, lead) => {
            let mut a = strings(&["partners", "add", &net(n), name]);
            if let Some(c) = country {
                a.extend(strings(&["--country", c]));
            }
            if *lead {
                a.extend(strings(&["--role", "lead"]));
            }
            a
        }
        Edit::SetCountry(n, p, c) => strings(&["partners", "edit", &net(n), &partner(p), "--country", c]),
        Edit::RemovePartner(n, p) => strings(&["partners", "remove", &net(n), &partner(p)]),
        Edit::AddMilestone(n, d, t) => strings(&["milestones", "add", &net(n), d, t]),
        Edit::Rename(n, name) => strings(&["networks", "edit", &net(n), "--name", name]),
        Edit::RemoveNetwork(n) => strings(&["networks", "remove", &net(n), "--yes"]),
    }
}

/// Whether `small`'s lines appear in `big`, in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut big = big.lines();
    small.lines().all(|line| big.any(|b| b == line))
}

#[test]
fn random_edits_keep_the_registry_valid_and_untouched_lines_intact() {
    let registry = Registry::new();
    let file = registry.file.clone();
    let mut runner = TestRunner::new(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let started = std::time::Instant::now();
    let applied = std::cell::Cell::new(0u32);
    runner
        .run(
            &(handwritten(), prop::collection::vec(edit(), 1..5)),
            |(text, edits)| {
                std::fs::write(&file, &text).expect("write");
                prop_assert!(
                    netreg::parse(&text).is_ok(),
                    "generator made an invalid registry:\n{text}"
                );
                for edit in &edits {
                    let before = std::fs::read_to_string(&file).expect("read");
                    let argv = args(edit);
                    let mut argv: Vec<&str> = argv.iter().map(String::as_str).collect();
                    argv.push("-q");
                    let (code, _, err) = netreg(&file, &argv);
                    let after = std::fs::read_to_string(&file).expect("read");
                    // 1: the write was refused; 2: a value on its command line was wrong.
                    prop_assert!(code <= 2, "{edit:?} exit {code}: {err}");
                    if code != 0 {
                        prop_assert_eq!(
                            &after,
                            &before,
                            "a refused edit changed the file: {:?} {}",
                            edit,
                            err
                        );
                        continue;
                    }
                    applied.set(applied.get() + 1);
                    prop_assert!(
                        netreg::parse(&after).is_ok(),
                        "{edit:?} left an invalid registry:\n{after}"
                    );
                    match edit {
                        Edit::AddPartner(_, _, _, lead) if !lead => {
                            prop_assert!(
                                is_subsequence(&before, &after),
                                "{edit:?} lost lines:\n{before}\n---\n{after}"
                            )
                        }
                        Edit::AddMilestone(..) => {
                            prop_assert!(
                                is_subsequence(&before, &after),
                                "{edit:?} lost lines:\n{before}\n---\n{after}"
                            )
                        }
                        Edit::RemovePartner(..) | Edit::RemoveNetwork(..) => {
                            prop_assert!(
                                is_subsequence(&after, &before),
                                "{edit:?} changed kept lines:\n{before}\n---\n{after}"
                            )
                        }
                        _ => {
                            let changed = before.lines().filter(|l| !after.lines().any(|a| a == *l)).count();
                            prop_assert!(
                                changed <= 2,
                                "{edit:?} changed {changed} lines:\n{before}\n---\n{after}"
                            );
                        }
                    }
                }
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "fuzz: {} registries, {} edits applied, in {:?}",
        cases(),
        applied.get(),
        started.elapsed()
    );
}
