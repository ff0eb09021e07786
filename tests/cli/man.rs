//! The man pages as man readers see them: `man -l`, groff's warnings and
//! `lexgrog` (what `mandb` and `apropos` read) over every page `man --dir`
//! writes, and each page's `--format` values against what its command takes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{SMALL, Test, have};

/// Every page `netreg man --dir` writes into a directory it has to make
/// (`a/b/c` under the test's directory), with the test that holds it.
fn pages() -> (Test, Vec<PathBuf>) {
    let test = Test::new();
    let dir = test.path("a/b/c");
    let out = Test::new().args(["man", "--dir"]).args([&dir]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the directory man --dir made")
        .map(|entry| entry.expect("entry").path())
        .collect();
    pages.sort();
    assert_eq!(
        out.stderr,
        format!("wrote {} man pages to {}\n", pages.len(), dir.display())
    );
    (test, pages)
}

/// `man -l PAGE` at 80 columns: (what it shows, what it warns).
fn man(page: &Path) -> (String, String) {
    let out = Command::new("man")
        .args(["-l", "--warnings"])
        .arg(page)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("man");
    assert!(out.status.success(), "man -l {}", page.display());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn name(page: &Path) -> String {
    page.file_stem().expect("stem").to_string_lossy().into_owned()
}

fn tools() -> bool {
    have("man", &["--version"]) && have("groff", &["--version"]) && have("lexgrog", &["--version"])
}

/// No page makes groff or man warn, none shows a font code as text
/// (`BNETREG_REGISTRYR`, `B0R`), and each has the sections man readers look
/// for, its examples under EXAMPLES, no word hyphenated (an option or field
/// name cut in two cannot be copied), and its name and version in the footer.
#[test]
fn every_man_page_reads_cleanly() {
    if !tools() {
        return;
    }
    let (_test, pages) = pages();
    assert_eq!(pages.len(), 37);
    for page in &pages {
        let name = name(page);
        let groff = Command::new("groff")
            .args(["-ww", "-man", "-Tutf8", "-z"])
            .arg(page)
            .output()
            .expect("groff");
        assert_eq!(
            String::from_utf8_lossy(&groff.stderr),
            "",
            "groff warns on {name}"
        );
        let (shown, warnings) = man(page);
        assert_eq!(warnings, "", "man warns on {name}");
        for word in shown.split_whitespace() {
            let word = word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')'));
            let coded = word.len() > 2
                && (word.starts_with('B') || word.starts_with('I'))
                && word.ends_with('R')
                && word[1..word.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "_-~/$.*".contains(c));
            let coded = coded || word.starts_with("I~") || word.starts_with("I$");
            assert!(
                !coded && !word.contains("\\f"),
                "{name} shows a font code: {word}"
            );
        }
        let headings: Vec<&str> = shown
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase()))
            .collect();
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SEE ALSO"] {
            assert!(
                headings.contains(&section),
                "{name} lacks {section}: {headings:?}"
            );
        }
        for odd in ["EXTRA", "VERSION"] {
            assert!(!headings.contains(&odd), "{name} has {odd}: {headings:?}");
        }
        assert!(
            !shown.contains("Examples:"),
            "{name} keeps examples outside EXAMPLES"
        );
        let broken = shown.lines().find(|l| l.trim_end().ends_with('\u{2010}'));
        assert_eq!(broken, None, "{name} hyphenates a word at a line's end");
        let footer: Vec<&str> = shown
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        assert_eq!(
            footer,
            ["netreg", env!("CARGO_PKG_VERSION"), &format!("{name}(1)")],
            "{name}'s footer"
        );
    }
}

/// `lexgrog` reads every page's NAME line as `apropos` will show it, and
/// each page another names (`netreg-partners-add(1)`) is one `man --dir` wrote.
#[test]
fn lexgrog_reads_every_page_and_every_page_named_exists() {
    if !tools() {
        return;
    }
    let (_test, pages) = pages();
    let written: BTreeSet<String> = pages.iter().map(|p| name(p)).collect();
    let mut command = <netreg::cli::Cli as clap::CommandFactory>::command();
    command.build();
    for page in &pages {
        let name = name(page);
        let out = Command::new("lexgrog").arg(page).output().expect("lexgrog");
        assert!(out.status.success(), "lexgrog {name}");
        let words: Vec<&str> = name.split('-').skip(1).collect();
        let about = words
            .iter()
            .fold(&command, |command, word| {
                command.find_subcommand(word).expect("a page per command")
            })
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{}: \"{name} - {about}\"\n", page.display())
        );
        let (shown, _) = man(page);
        for word in shown.split(|c: char| c.is_whitespace() || c == ',') {
            if let Some(named) = word.strip_suffix("(1)").filter(|w| w.starts_with("netreg")) {
                assert!(
                    written.contains(named),
                    "{name} names {named}(1), which is not written"
                );
            }
        }
    }
}

/// The `--format` values a page lists, from what `man -l` shows.
fn listed_formats(shown: &str) -> Option<BTreeSet<String>> {
    let mut lines = shown.lines().skip_while(|l| l.trim() != "--format <FORMAT>");
    lines.next()?;
    Some(
        lines
            .take_while(|l| {
                !l.trim_start().starts_with("--") && !l.starts_with(|c: char| c.is_ascii_uppercase())
            })
            .filter_map(|l| l.trim().strip_prefix("• "))
            .map(String::from)
            .collect(),
    )
}

const FORMATS: [&str; 14] = [
    "table", "plain", "tsv", "csv", "json", "ndjson", "markdown", "toml", "geojson", "graphml", "gexf",
    "dot", "sql", "ics",
];

/// Each page lists exactly the formats its command prints (the others are
/// refused with exit 2), and a page whose command prints no data lists none.
#[test]
fn each_man_page_lists_the_formats_its_command_takes() {
    if !tools() {
        return;
    }
    let (test, pages) = pages();
    let registry = test.path("registry.toml");
    std::fs::write(&registry, SMALL).expect("registry");
    let registry = registry.to_string_lossy().into_owned();
    let commands: [(&str, &[&str]); 14] = [
        ("netreg-networks-list", &["networks", "list"]),
        ("netreg-networks-show", &["networks", "show", "creative-clusters"]),
        ("netreg-partners-list", &["partners", "list"]),
        ("netreg-milestones-list", &["milestones", "list"]),
        ("netreg-timeline-show", &["timeline", "show"]),
        ("netreg-cities-list", &["cities", "list"]),
        ("netreg-cities-show", &["cities", "show", "enguera"]),
        ("netreg-stats", &["stats"]),
        ("netreg-check", &["check"]),
        ("netreg-about", &["about"]),
        ("netreg-path", &["path"]),
        ("netreg-history", &["history"]),
        ("netreg-diff", &["diff", &registry, &registry]),
        ("netreg-export", &["export"]),
    ];
    let dir = pages[0].parent().expect("dir").to_path_buf();
    for (page, args) in commands {
        let (shown, _) = man(&dir.join(format!("{page}.1")));
        let listed = listed_formats(&shown).unwrap_or_else(|| panic!("{page} lists no --format"));
        let taken: BTreeSet<String> = FORMATS
            .iter()
            .filter(|format| {
                let out = Test::new()
                    .args(["--registry", &registry])
                    .args(args)
                    .args(["--format", format])
                    .run();
                assert!(
                    matches!(out.code, 0 | 2),
                    "{args:?} --format {format}: {}",
                    out.stderr
                );
                out.code == 0
            })
            .map(|f| f.to_string())
            .collect();
        assert_eq!(listed, taken, "{page}");
    }
    for page in [
        "netreg-partners-add",
        "netreg-networks-edit",
        "netreg-milestones-remove",
        "netreg-init",
        "netreg-undo",
        "netreg-schema",
        "netreg-man",
        "netreg-completions",
    ] {
        let (shown, _) = man(&dir.join(format!("{page}.1")));
        assert_eq!(listed_formats(&shown), None, "{page} lists --format");
    }
}
