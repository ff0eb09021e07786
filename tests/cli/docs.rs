//! Completions and the man page come from the same definitions as `--help`.

use std::path::Path;

use crate::support::Test;

const SHELLS: [(&str, &str); 5] = [
    ("bash", "netreg.bash"),
    ("zsh", "_netreg"),
    ("fish", "netreg.fish"),
    ("elvish", "netreg.elv"),
    ("powershell", "_netreg.ps1"),
];

/// Fails when `completions/` drifts from the CLI; `NETREG_BLESS=1 cargo test`
/// rewrites the files.
#[test]
fn committed_completions_match_the_cli() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in SHELLS {
        let generated = Test::new().args(["completions", shell]).stdout();
        let path = dir.join(file);
        if std::env::var_os("NETREG_BLESS").is_some() {
            std::fs::write(&path, &generated).expect("write completions");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is out of date; run `NETREG_BLESS=1 cargo test --test cli docs` and commit it"
        );
    }
}

#[test]
fn man_page_is_roff_with_every_command() {
    let man = Test::new().args(["man"]).stdout();
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &man[..80.min(man.len())]
    );
    assert!(man.contains(".TH netreg 1"));
    for command in [
        "networks",
        "partners",
        "milestones",
        "timeline",
        "stats",
        "check",
        "path",
    ] {
        assert!(man.contains(command), "{command} missing from the man page");
    }
}

#[test]
fn help_and_version_exit_0() {
    let out = Test::new().args(["--help"]).run();
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Usage: netreg"));
    let out = Test::new().args(["--version"]).run();
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, concat!("netreg ", env!("CARGO_PKG_VERSION"), "\n"))
    );
}

/// Subcommands are built on demand (`defer`); each still shows its own
/// summary, its long text under --help, and the pointer to it under -h.
#[test]
fn each_subcommand_help_starts_with_its_own_summary() {
    for (args, first) in [
        (
            &["export", "--help"][..],
            "Print the registry, or the selected part of it, in one format\n\njson (the default)",
        ),
        (
            &["import", "-h"],
            "Merge networks from a file (json or toml), or partner rows from csv\n\nUsage: netreg import",
        ),
        (
            &["stats", "--help"],
            "Count networks and partners per country, programme or year\n\nUsage:",
        ),
        (
            &["networks", "list", "-h"],
            "List networks, one row each\n\nUsage: netreg networks list",
        ),
        (
            &["networks", "add", "--help"],
            "Add a network\n\n--start and --end create its launch and completion milestones.\n",
        ),
        (
            &["partners", "add", "-h"],
            "Add a partner to a network\n\nUsage: netreg partners add",
        ),
        (
            &["milestones", "remove", "-h"],
            "Remove a milestone from a network\n\nUsage:",
        ),
        (
            &["timeline", "show", "-h"],
            "Show milestones by year, with each network's span drawn on a year axis\n",
        ),
    ] {
        let out = Test::new().args(args).run();
        assert_eq!(out.code, 0, "{args:?}");
        assert!(out.stdout.starts_with(first), "{args:?}:\n{}", out.stdout);
    }
    let short = Test::new().args(["networks", "edit", "-h"]).stdout();
    assert!(
        short.contains("-h, --help                 Print help (see more with '--help')")
            && short.contains("Global options:"),
        "{short}"
    );
}

/// `man --dir` makes its directory and writes netreg.1, with what no option's help says, and a page
/// for every command, each in roff that names its command.
#[test]
fn man_dir_writes_a_page_per_command() {
    let test = Test::new();
    // Not there yet, as ~/.cargo/share/man/man1 on a fresh account.
    let dir = test.path("share/man/man1");
    let out = test.args(["man", "--dir"]).args([&dir]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let main = std::fs::read_to_string(dir.join("netreg.1")).expect("netreg.1");
    for section in [
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
        "NETREG_REGISTRY",
        "NO_COLOR",
        "XDG_DATA_HOME",
    ] {
        assert!(main.contains(section), "netreg.1 lacks {section}");
    }
    for page in [
        "netreg-partners-add",
        "netreg-networks-rename",
        "netreg-milestones-edit",
        "netreg-check",
        "netreg-export",
        "netreg-history",
        "netreg-history-show",
        "netreg-undo",
    ] {
        let roff = std::fs::read_to_string(dir.join(format!("{page}.1")))
            .unwrap_or_else(|e| panic!("{page}.1: {e}"));
        assert!(
            roff.contains(&format!(".TH {page} 1")),
            "{page}.1:\n{}",
            &roff[..200.min(roff.len())]
        );
    }
    assert!(out.stderr.starts_with("wrote 37 man pages to "), "{}", out.stderr);
}

/// Every command's long help ends with examples of it.
#[test]
fn every_command_has_examples_in_its_long_help() {
    let mut command = <netreg::cli::Cli as clap::CommandFactory>::command();
    command.build();
    let mut missing = Vec::new();
    fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = format!("{path} {}", sub.get_name());
            if sub.has_subcommands() {
                walk(sub, &path, missing);
            } else if !sub
                .get_after_long_help()
                .is_some_and(|h| h.to_string().contains("Examples:"))
            {
                missing.push(path);
            }
        }
    }
    walk(&command, "netreg", &mut missing);
    assert!(missing.is_empty(), "no examples: {missing:?}");
}
