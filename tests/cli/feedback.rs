//! Saying what happened: refusals that name the known values, counts as
//! people write them, a note for an empty screen, and no claim of a change
//! that was not made.

use crate::support::{SMALL, Test, on_terminal};

#[test]
fn a_reversed_window_is_refused() {
    let out = Test::new()
        .registry(SMALL)
        .args(["networks", "list", "--from", "2015", "--to", "2012"])
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "error: `--from 2015` is after `--to 2012`: nothing can match\nhint: swap them: `--from 2012 --to 2015`\n"
        )
    );
}

#[test]
fn an_unknown_programme_is_refused_with_the_known_ones() {
    let out = Test::new()
        .registry(SMALL)
        .args(["partners", "list", "--programme", "URBACT V"])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no network of the registry is in programme `URBACT V`\nhint: its programmes are: URBACT II, URBACT III\n"
    );
    let known = Test::new()
        .registry(SMALL)
        .args(["networks", "list", "--programme", "urbact ii", "--fields", "id"])
        .stdout();
    assert_eq!(known, "creative-clusters\n");
}

#[test]
fn counts_in_messages_agree_with_their_numbers() {
    let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\nname = \"X\"\ncountry = \"IT\"\nrole = \"lead\"\n";
    let out = Test::new()
        .registry(text)
        .args(["networks", "remove", "a", "--yes"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("removed network `a` with 1 partner and 0 milestones in "),
        "{}",
        out.stderr
    );
    let test = Test::new();
    let file = test.path("partners.csv");
    let out = test
        .args(["export", "--format", "csv", "--entity", "partners", "--output"])
        .args([&file])
        .run();
    assert_eq!(
        (out.code, out.stderr),
        (
            0,
            format!(
                "exported {} partners to {}\n",
                crate::support::BUILT_IN_PARTNERS,
                file.display()
            )
        )
    );
}

#[test]
fn an_empty_result_is_silent_in_a_pipe_and_noted_on_a_terminal() {
    let out = Test::new()
        .registry(SMALL)
        .args(["partners", "list", "--country", "Japan"])
        .run();
    assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (0, "", ""));
    // The same command on a terminal.
    let test = Test::new().registry(SMALL);
    let file = test.path("registry.toml");
    let command = format!(
        "{} --registry {} partners list --country Japan --color never",
        assert_cmd::cargo::cargo_bin("netreg").display(),
        file.display()
    );
    let Some(shown) = on_terminal(&command, &[("HOME", test.home().as_os_str())], b"") else {
        return;
    };
    assert_eq!(shown, "note: nothing matches\r\n");
}

#[test]
fn a_milestone_is_not_added_twice() {
    let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"Kick-off in Óbidos\"\n";
    let test = Test::new().registry(text);
    let file = test.path("registry.toml");
    let out = test
        .args(["milestones", "add", "a", "2011", "kick-off in obidos"])
        .run();
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            1,
            "error: network `a` already has the milestone 2011 `Kick-off in Óbidos`\nhint: `netreg milestones list --network a` shows them\n"
        )
    );
    assert_eq!(std::fs::read_to_string(file).expect("registry"), text);
}

#[test]
fn an_edit_that_changes_nothing_says_so_and_writes_nothing() {
    let text =
        "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\nname = \"X\"\nrole = \"partner\"\n";
    let test = Test::new().registry(text);
    let file = test.path("registry.toml");
    let before = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    let out = test
        .args(["partners", "edit", "a", "X", "--role", "partner"])
        .run();
    assert_eq!(
        (out.code, out.stderr),
        (
            0,
            format!("nothing written: {} already says that\n", file.display())
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("registry"), text);
    assert_eq!(
        std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
}

/// A flag a command would ignore is refused, naming what it is for.
#[test]
fn flags_a_command_would_ignore_are_refused() {
    for (args, message) in [
        (
            &["networks", "list", "--kind", "launch"][..],
            "error: `--kind` chooses milestones, and `networks list` lists none\n",
        ),
        (
            &["partners", "list", "--kind", "event"][..],
            "error: `--kind` chooses milestones, and `partners list` lists none\n",
        ),
        (
            &["networks", "show", "creative-clusters", "--format", "csv"][..],
            "error: `networks show` does not print csv\n",
        ),
        (
            &["path", "--format", "markdown"][..],
            "error: `path` does not print markdown\n",
        ),
    ] {
        let out = Test::new().args(args).run();
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.starts_with(message), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("\nhint: "), "{}", out.stderr);
    }
    let kinds = Test::new()
        .args([
            "export",
            "--entity",
            "milestones",
            "--format",
            "tsv",
            "--kind",
            "launch",
        ])
        .stdout();
    assert!(
        kinds
            .lines()
            .skip(1)
            .all(|l| l.split('\t').nth(3) == Some("launch")),
        "{kinds}"
    );
}

const BROKEN: &str = "[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\nname = \"X\"\ncontry = \"IT\"\n\n[[networks]]\nid = \"b\"\nname = \"B\"\n[[networks.partners]]\nname = \"Y\"\ncountry = \"XX\"\n[[networks.partners]]\nname = \"Z\"\nrole = \"lead\"\n";

/// An unknown key no longer hides the other problems: `check` lists every
/// error and warning in file order, then how many of each.
#[test]
fn check_reports_every_problem_in_one_run_with_a_count() {
    let out = Test::new().registry(BROKEN).args(["check"]).run();
    assert_eq!(out.code, 1);
    let heads: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        .collect();
    assert_eq!(
        heads,
        [
            "warning: network `a` has no lead partner",
            "error: unknown key `contry`",
            "error: `XX` is not an ISO 3166-1 alpha-2 country code",
            "warning: partner `Z` of `b` has no country",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("registry.toml: 2 errors, 2 warnings\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn check_gives_its_problems_to_programs_as_json() {
    let out = Test::new()
        .registry(BROKEN)
        .args(["check", "--format", "json"])
        .run();
    assert_eq!((out.code, out.stderr.as_str()), (1, ""));
    let problems: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let first = &problems[1];
    assert_eq!(first["line"], 6);
    assert_eq!(first["column"], 1);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "unknown-key");
    assert_eq!(first["message"], "unknown key `contry`");
    assert!(
        first["hint"]
            .as_str()
            .is_some_and(|h| h.starts_with("did you mean `country`?"))
    );
    assert!(
        first["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("registry.toml"))
    );
    let codes: Vec<&str> = problems
        .as_array()
        .map_or(vec![], |a| a.iter().filter_map(|p| p["code"].as_str()).collect());
    assert_eq!(codes, ["no-lead", "unknown-key", "bad-country", "no-country"]);
    let clean = Test::new().args(["check", "--format", "json"]).run();
    assert_eq!(clean.code, 0);
    assert!(clean.stdout.starts_with('['), "{}", clean.stdout);
}
