//! Messages in the words of the file's format and of the user's action
//! (issue 25, class 5): a dry run says "would", a write that leaves a
//! warning prints it, counts agree with their nouns, the help's examples
//! run, and each failure names its real cause with the hint that fixes it.

use std::path::Path;

use crate::support::{SMALL, Test, have, unindent};

/// Every kind of write, as a dry run: each says what it would do, in the
/// conditional, and nothing is written.
#[test]
fn every_dry_run_says_what_it_would_do() {
    let writes: &[(&[&str], &str)] = &[
        (
            &["networks", "add", "n2", "--name", "N2"],
            "would add network `n2`",
        ),
        (
            &[
                "networks",
                "edit",
                "creative-clusters",
                "--status",
                "active",
                "--add-theme",
                "jobs",
            ],
            "would change status, themes of network `creative-clusters`; add theme `jobs`",
        ),
        (
            &["networks", "rename", "creative-clusters", "cc"],
            "would rename network `creative-clusters` to `cc`",
        ),
        (
            &["networks", "remove", "creative-clusters", "--yes"],
            "would remove network `creative-clusters` with 4 partners and 3 milestones",
        ),
        (
            &["partners", "add", "creative-clusters", "Gent", "--country", "BE"],
            "would add partner `Gent` to `creative-clusters`",
        ),
        (
            &[
                "partners",
                "edit",
                "creative-clusters",
                "Enguera",
                "--type",
                "town",
            ],
            "would change type of partner `Enguera` of `creative-clusters`",
        ),
        (
            &["partners", "remove", "creative-clusters", "Enguera"],
            "would remove partner `Enguera` from `creative-clusters`",
        ),
        (
            &["milestones", "add", "creative-clusters", "2010", "Workshop"],
            "would add milestone 2010 `Workshop` to `creative-clusters`",
        ),
        (
            &[
                "milestones",
                "edit",
                "creative-clusters",
                "2008",
                "Network launched",
                "--date",
                "2008-05",
            ],
            "would change date of milestone 2008 `Network launched` of `creative-clusters`",
        ),
        (
            &[
                "milestones",
                "remove",
                "creative-clusters",
                "2008",
                "Network launched",
            ],
            "would remove milestone 2008 `Network launched` from `creative-clusters`",
        ),
    ];
    for (args, said) in writes {
        let test = Test::new().registry(SMALL);
        let out = test
            .args(*args)
            .args(["--dry-run"])
            .expect_file("registry.toml", SMALL)
            .run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        // A new network has no lead yet: the dry run says so too, as `check` would.
        let status = out.stderr.lines().next().unwrap_or_default();
        assert_eq!(status, format!("{said} (dry run: nothing written)"), "{args:?}");
        assert!(
            out.stdout.starts_with("--- "),
            "{args:?}: the diff\n{}",
            out.stdout
        );
    }
    // An import and an undo say it as well.
    let test = Test::new().registry(SMALL);
    std::fs::write(
        test.path("in.csv"),
        "network,name,country\ncreative-clusters,Gent,BE\n",
    )
    .expect("csv");
    let out = test.args(["import", "in.csv", "--dry-run"]).run();
    assert_eq!(
        out.stderr,
        "would import partners from in.csv: 1 added, 0 skipped, 0 replaced, 0 unchanged (dry run: nothing written)\n"
    );
}

const ONE_LEAD: &str = "format = 1

[[networks]]
id = \"n\"
name = \"N\"

[[networks.partners]]
name = \"Bari\"
country = \"IT\"
role = \"lead\"
";

/// Demoting the only lead is allowed, but it leaves the warning `check`
/// would give: the write says it, even with `--quiet`, and on a dry run.
#[test]
fn a_write_that_leaves_a_warning_says_it() {
    // Followed by a blank line, as `check` shows it.
    let warning = unindent(
        "
        warning: network `n` has no lead partner
         --> $DIR/registry.toml:4:6
          |
        4 | id = \"n\"
          |      ^^^
        hint: mark its lead with `role = \"lead\"` when it is known

        ",
    ) + "\n";
    Test::new()
        .registry(ONE_LEAD)
        .args(["--quiet", "partners", "edit", "n", "Bari", "--role", "partner"])
        .status(0)
        .expect_stderr(&warning)
        .run();
    Test::new()
        .registry(ONE_LEAD)
        .args(["partners", "edit", "n", "Bari", "--role", "partner", "--dry-run"])
        .status(0)
        .expect_stderr(&format!(
            "would change role of partner `Bari` of `n` (dry run: nothing written)\n{warning}"
        ))
        .run();
    // A warning the network had before the write is not said again.
    let no_lead = ONE_LEAD.replace("role = \"lead\"\n", "");
    Test::new()
        .registry(&no_lead)
        .args(["--quiet", "partners", "add", "n", "Lecce", "--country", "IT"])
        .status(0)
        .expect_stderr("")
        .run();
    // A partner added without a country: that warning is new.
    let out = Test::new()
        .registry(ONE_LEAD)
        .args(["--quiet", "partners", "add", "n", "Lecce"])
        .status(0)
        .run();
    assert!(
        out.stderr
            .starts_with("warning: partner `Lecce` of `n` has no country\n"),
        "{}",
        out.stderr
    );
    // An import that leaves many says the first five, and how to see the rest.
    let test = Test::new().registry(ONE_LEAD);
    let rows: String = (0..8).map(|i| format!("n,Town {i}\n")).collect();
    std::fs::write(test.path("in.csv"), format!("network,name\n{rows}")).expect("csv");
    let out = test.args(["import", "in.csv"]).status(0).run();
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| !l.starts_with([' ', '|']) && !l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        said.iter().filter(|l| l.starts_with("warning: ")).count(),
        5,
        "{}",
        out.stderr
    );
    assert_eq!(
        said.last(),
        Some(&"note: and 3 more warnings; `netreg check` lists every warning"),
        "{}",
        out.stderr
    );
}

/// Renaming a network to the id it has changes nothing, and says so.
#[test]
fn renaming_a_network_to_its_own_id_changes_nothing() {
    Test::new()
        .registry(ONE_LEAD)
        .args(["networks", "rename", "n", "n"])
        .status(0)
        .expect_stderr("nothing written: $DIR/registry.toml already says that\n")
        .expect_file("registry.toml", ONE_LEAD)
        .run();
}

/// A value of the wrong type is said in TOML's words, and a number or a
/// boolean in quotes gets the hint to remove them; in an import's JSON, in
/// JSON's words.
#[test]
fn a_value_of_the_wrong_type_is_said_in_the_files_words() {
    let text = "format = \"1\"\n\n[[networks]]\nid = \"n\"\nname = 5\nthemes = \"jobs\"\n\n[[networks.partners]]\nname = \"A\"\ncountry = \"IT\"\nrole = \"lead\"\n";
    let out = Test::new().registry(text).args(["check"]).status(1).run();
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("hint"))
        .collect();
    assert_eq!(
        said,
        [
            "error: wrong type: expected an integer, found the string \"1\"",
            "hint: remove the quotes: 1",
            "error: wrong type: expected a string, found the integer 5",
            "hint: write a string here",
            "error: wrong type: expected an array, found the string \"jobs\"",
            "hint: write an array here",
        ],
        "{}",
        out.stderr
    );
    let test = Test::new().registry(ONE_LEAD);
    std::fs::write(
        test.path("in.json"),
        r#"{"format": 1, "networks": [{"id": "m", "name": "M", "partners": 3}]}"#,
    )
    .expect("json");
    let out = test.args(["import", "in.json"]).status(1).run();
    assert!(
        out.stderr
            .starts_with("error: wrong type: expected an array, found the integer 3\n --> in.json:1:"),
        "{}",
        out.stderr
    );
}

/// A registry that is a symlink loop is said to be one, on reads and writes,
/// and `path` says when there is no file at the path it prints.
#[test]
fn a_symlink_loop_and_a_missing_file_are_named_as_they_are() {
    let test = Test::new();
    let dir = test.dir.path().to_path_buf();
    std::os::unix::fs::symlink(dir.join("b.toml"), dir.join("a.toml")).expect("link");
    std::os::unix::fs::symlink(dir.join("a.toml"), dir.join("b.toml")).expect("link");
    let looped = format!(
        "error: registry `{0}/a.toml` is a symlink that leads back to itself (through `{0}/b.toml`)\n\
         hint: point it at your registry file: `ln -sfn FILE {0}/a.toml`\n",
        dir.display()
    );
    for args in [&["networks", "list"][..], &["networks", "rename", "a", "b"]] {
        Test::new()
            .args(["--registry"])
            .args([dir.join("a.toml")])
            .args(args)
            .status(1)
            .expect_stderr(&looped)
            .run();
    }
    Test::new()
        .args(["--registry", "none.toml", "path"])
        .status(0)
        .expect_stdout("none.toml\tflag\n")
        .expect_stderr("note: there is no file at none.toml yet; `netreg init` makes one there\n")
        .run();
}

/// A file marked immutable is not "read-only": the hint is chattr's, not chmod's.
#[test]
fn an_immutable_registry_is_named_as_such() {
    // chattr and lsattr come together (e2fsprogs); chattr has no flag that
    // only asks, lsattr does.
    if !have("lsattr", &["-d", "/"]) {
        return;
    }
    let test = Test::new().registry(ONE_LEAD);
    let file = test.path("registry.toml");
    let set = std::process::Command::new("chattr").arg("+i").arg(&file).output();
    if !set.is_ok_and(|o| o.status.success()) {
        // Not root, or a file system without the flag: nothing to test here.
        eprintln!("skipped: `chattr +i` is not allowed here");
        return;
    }
    let out = test
        .args(["partners", "add", "n", "Lecce", "--country", "IT"])
        .run();
    let _ = std::process::Command::new("chattr").arg("-i").arg(&file).output();
    assert_eq!(out.code, 1);
    let name = file.display();
    assert_eq!(
        out.stderr,
        format!(
            "error: `{name}` is marked immutable, so netreg will not replace it\n\
             hint: `lsattr {name}` shows the `i`; `chattr -i {name}` (as root) lets it change, or pass another --registry\n"
        )
    );
}

/// An import goes by what the file holds, not by its name: a TOML export
/// saved as `.json` imports, and so does JSON saved as `.toml`.
#[test]
fn an_import_goes_by_the_files_content() {
    let exported = |format: &str| {
        Test::new()
            .registry(SMALL)
            .args(["export", "--format", format, "--network", "creative-clusters"])
            .stdout()
    };
    for (format, name) in [("toml", "in.json"), ("json", "in.toml"), ("ndjson", "in.csv")] {
        let test = Test::new().registry(SMALL);
        std::fs::write(test.path(name), exported(format)).expect("write");
        test.args(["import", name])
            .status(0)
            .expect_stderr(&format!(
                "imported networks from {name}: 0 added, 0 skipped, 0 replaced, 1 unchanged\n\
                 nothing written: $DIR/registry.toml already says that\n"
            ))
            .run();
    }
}

/// Each message that counts says "1 partner", never "1 partners": no format
/// string in the source puts a number before a plural noun.
#[test]
fn counts_agree_with_their_nouns() {
    let nouns = [
        "partners",
        "networks",
        "milestones",
        "places",
        "errors",
        "warnings",
        "rows",
        "countries",
        "versions",
        "writes",
        "themes",
        "sources",
        "mistakes",
    ];
    let mut found = Vec::new();
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .expect("src")
                    .map(|e| e.expect("entry").path()),
            );
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            // `{...} partners` in a format string: a placeholder, then a plural.
            for noun in nouns {
                let mut rest = line;
                while let Some(at) = rest.find(&format!("}} {noun}")) {
                    let before = &rest[..at];
                    if before
                        .rfind('{')
                        .is_some_and(|open| !before[open..].contains(' '))
                    {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                    rest = &rest[at + 1..];
                }
            }
        }
    }
    // Counts that are never one, with the reason they cannot be.
    found.retain(|hit| {
        !hit.contains("is {} places")  // several places of one name: two or more
            && !hit.contains("last {} writes") // history::KEPT, a constant of 100
            && !hit.contains("Built-in registry: {} networks") // hundreds
    });
    assert!(found.is_empty(), "use text::count:\n{}", found.join("\n"));
}

/// Every example in every command's `--help` runs as printed, each on its
/// own, on the built-in registry: a fresh account whose working directory
/// holds the files the examples name (an export, an old copy, a git
/// repository), and for `history` and `undo`, one write made before.
#[test]
fn every_example_in_the_help_runs_on_the_built_in_registry() {
    let needs = [
        ("jq", &["--version"][..]),
        ("git", &["--version"]),
        ("man", &["--version"]),
    ];
    if !needs.iter().all(|(tool, args)| have(tool, args)) {
        return;
    }
    let mut command = <netreg::cli::Cli as clap::CommandFactory>::command();
    command.build();
    let mut examples = Vec::new();
    fn walk(command: &clap::Command, examples: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            if let Some(help) = sub.get_after_long_help().map(|h| h.to_string())
                && let Some((_, listed)) = help.split_once("Examples:")
            {
                examples.extend(
                    listed
                        .lines()
                        .map(str::trim)
                        .filter(|l| l.starts_with("netreg "))
                        .map(str::to_string),
                );
            }
            walk(sub, examples);
        }
    }
    walk(&command, &mut examples);
    assert!(examples.len() > 50, "{examples:?}");
    let binary = assert_cmd::cargo::cargo_bin("netreg");
    let bin_dir = binary.parent().expect("bin dir").to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let setup = "set -e
        netreg export --format toml > registry.toml
        cp registry.toml old.toml; cp registry.toml my.toml
        netreg export > registry.json
        netreg export --format csv --entity partners > partners.csv
        git init -q . && git add registry.toml
        git -c user.name=t -c user.email=t@t commit -qm one
        git -c user.name=t -c user.email=t@t commit -qm two --allow-empty";
    let mut failed = Vec::new();
    for example in &examples {
        let dir = tempfile::tempdir().expect("dir");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        let before = if example.contains("history") || example.contains("undo") {
            "netreg networks edit creative-clusters --url https://example.org/cc"
        } else {
            "true"
        };
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "{setup}\n{before} 2>/dev/null\nset +e\n{example} > /dev/null"
            ))
            .current_dir(dir.path())
            .env_clear()
            .env("HOME", &home)
            .env("PATH", &path)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("bash");
        if !out.status.success() {
            failed.push(format!("{example}\n{}", String::from_utf8_lossy(&out.stderr)));
        }
    }
    assert!(failed.is_empty(), "examples that fail:\n{}", failed.join("\n"));
}

/// A first write that changes nothing of the built-in registry makes no
/// copy of it and says so; one that changes something copies it.
#[test]
fn a_write_that_changes_nothing_of_the_built_in_registry_copies_nothing() {
    let test = Test::new();
    let copy = test.home().join(".local/share/netreg/registry.toml");
    let out = test
        .args(["networks", "edit", "creative-clusters", "--status", "closed"])
        .status(0)
        .expect_stderr("nothing written: the built-in registry already says that\n")
        .run();
    assert!(!copy.exists(), "{}", out.stderr);
}
