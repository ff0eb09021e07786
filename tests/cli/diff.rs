//! `netreg diff OLD NEW`: every kind of change, in every shape, and as git's
//! diff driver.

use std::process::Command;

use crate::support::{Test, have};

const OLD: &str = r#"format = 1

[[networks]]
id = "kept"
name = "Kept"
programme = "URBACT II"
themes = ["culture"]
url = "https://example.org/kept"
sources = ["https://example.org/a"]

[[networks.partners]]
name = "Óbidos"
country = "PT"
role = "partner"

[[networks.partners]]
name = "Lyon"
country = "FR"

[[networks.partners]]
name = "Naples"
country = "IT"
geonames = 3172394

[[networks.milestones]]
date = "2008"
title = "Launch"
kind = "launch"

[[networks.milestones]]
date = 2011-06-09
title = "Final conference"

[[networks]]
id = "gone"
name = "Gone"
"#;

const NEW: &str = r#"format = 1

[[networks]]
id = "kept"
name = "Kept Again"
type = "Thematic Network"
themes = ["culture", "heritage"]
summary = "Now with a summary."
sources = ["https://example.org/a", "https://example.org/b"]

[[networks.partners]]
name = "ÓBIDOS"
country = "PT"
role = "lead"

[[networks.partners]]
name = "Naples"
country = "IT"
type = "city"
geonames = 3172394
coordinates = [40.85216, 14.26811]

[[networks.partners]]
name = "Gent"
country = "BE"

[[networks.milestones]]
date = "2008"
title = "Launch"
kind = "launch"

[[networks.milestones]]
date = 2011-06-09
title = "Final conference"
kind = "completion"

[[networks.milestones]]
date = "2010-10"
title = "Workshop"

[[networks]]
id = "new"
name = "New"

[[networks.partners]]
name = "Pisa"
country = "IT"
role = "lead"
"#;

fn files() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let (old, new) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    std::fs::write(&old, OLD).expect("old");
    std::fs::write(&new, NEW).expect("new");
    (dir, old, new)
}

#[test]
fn every_kind_of_change_as_rows() {
    let (_dir, old, new) = files();
    let out = Test::new()
        .args(["diff".as_ref(), old.as_os_str(), new.as_os_str()])
        .stdout();
    assert_eq!(
        out,
        "removed\tnetwork\tgone\tGone\t\t0 partners, 0 milestones\t\n\
         changed\tnetwork\tkept\t\tname\tKept\tKept Again\n\
         changed\tnetwork\tkept\t\tprogramme\tURBACT II\t\n\
         changed\tnetwork\tkept\t\ttype\t\tThematic Network\n\
         changed\tnetwork\tkept\t\tthemes\tculture\tculture, heritage\n\
         changed\tnetwork\tkept\t\turl\thttps://example.org/kept\t\n\
         changed\tnetwork\tkept\t\tsummary\t\tNow with a summary.\n\
         changed\tnetwork\tkept\t\tsources\thttps://example.org/a\thttps://example.org/a, https://example.org/b\n\
         removed\tpartner\tkept\tLyon\t\t\t\n\
         changed\tpartner\tkept\tÓBIDOS\tname\tÓbidos\tÓBIDOS\n\
         changed\tpartner\tkept\tÓBIDOS\trole\tpartner\tlead\n\
         changed\tpartner\tkept\tNaples\ttype\t\tcity\n\
         changed\tpartner\tkept\tNaples\tcoordinates\t\t40.85216, 14.26811\n\
         added\tpartner\tkept\tGent\t\t\tBE, partner\n\
         changed\tmilestone\tkept\t2011-06-09 Final conference\tkind\tevent\tcompletion\n\
         added\tmilestone\tkept\t2010-10 Workshop\t\t\tevent\n\
         added\tnetwork\tnew\tNew\t\t\t1 partner, 0 milestones\n"
    );
}

#[test]
fn every_kind_of_change_for_people_and_as_json() {
    let (_dir, old, new) = files();
    let out = Test::new()
        .args([
            "diff".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "--format".as_ref(),
            "table".as_ref(),
        ])
        .stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "- network gone \"Gone\"");
    assert_eq!(lines[1], "~ network kept: name \"Kept\" → \"Kept Again\"");
    assert_eq!(lines[2], "~ network kept: programme \"URBACT II\" → (none)");
    assert!(lines.contains(&"- partner kept: Lyon"), "{out}");
    assert!(lines.contains(&"+ partner kept: Gent (BE, partner)"), "{out}");
    assert!(
        lines.contains(&"~ partner kept: ÓBIDOS: role \"partner\" → \"lead\""),
        "{out}"
    );
    assert!(
        lines.contains(&"~ milestone kept: 2011-06-09 Final conference: kind \"event\" → \"completion\""),
        "{out}"
    );
    assert_eq!(lines.last(), Some(&"3 added, 2 removed, 12 changed"));
    let json: serde_json::Value = serde_json::from_str(
        &Test::new()
            .args([
                "diff".as_ref(),
                old.as_os_str(),
                new.as_os_str(),
                "--format".as_ref(),
                "json".as_ref(),
            ])
            .stdout(),
    )
    .expect("json");
    assert_eq!(
        json[1],
        serde_json::json!({"change": "changed", "entity": "network", "network": "kept", "item": "",
                           "field": "name", "old": "Kept", "new": "Kept Again"})
    );
    let same = Test::new().args([
        "diff".as_ref(),
        new.as_os_str(),
        new.as_os_str(),
        "--format".as_ref(),
        "table".as_ref(),
    ]);
    assert_eq!(same.stdout(), "no changes\n");
}

#[test]
fn dev_null_is_nothing_and_a_broken_side_is_named() {
    let (dir, _old, new) = files();
    let out = Test::new()
        .args(["diff".as_ref(), "/dev/null".as_ref(), new.as_os_str()])
        .stdout();
    assert_eq!(
        out,
        "added\tnetwork\tkept\tKept Again\t\t\t3 partners, 3 milestones\n\
         added\tnetwork\tnew\tNew\t\t\t1 partner, 0 milestones\n"
    );
    let broken = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        "[[networks]]\nid = \"x\"\nname = \"X\"\ncontry = \"IT\"\n",
    )
    .expect("broken");
    let out = Test::new()
        .args(["diff".as_ref(), broken.as_os_str(), new.as_os_str()])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!("{}:4:1", broken.display())),
        "{}",
        out.stderr
    );
    let out = Test::new().args(["diff", "--git", "a", "b"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `diff --git` takes the arguments git gives"),
        "{}",
        out.stderr
    );
}

/// A git repository in a temporary directory, with `registry.toml` at OLD
/// committed and netreg set up as its diff driver as the README says; and
/// a way to run git there (its stdout). `None` without git.
fn repository() -> Option<(tempfile::TempDir, impl Fn(&[&str]) -> String)> {
    if !have("git", &["--version"]) {
        return None;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let at = dir.path().to_path_buf();
    let driver = format!("diff.netreg.command={} diff --git", env!("CARGO_BIN_EXE_netreg"));
    let git = move |args: &[&str]| {
        let out = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.org",
                "-c",
                &driver,
            ])
            .args(["-c", "core.pager=cat", "-c", "color.ui=always"])
            .args(args)
            .current_dir(&at)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("NO_COLOR")
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "-q"]);
    std::fs::write(dir.path().join(".gitattributes"), "registry.toml diff=netreg\n").expect("attributes");
    std::fs::write(dir.path().join("registry.toml"), OLD).expect("old");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    Some((dir, git))
}

/// What `netreg diff OLD NEW` shows on a real terminal, without colour.
fn on_a_terminal(dir: &std::path::Path) -> Option<String> {
    let (old, new) = (dir.join("old.toml"), dir.join("new.toml"));
    std::fs::write(&old, OLD).expect("old");
    std::fs::write(&new, NEW).expect("new");
    let command = format!(
        "{} diff --color never {} {}",
        env!("CARGO_BIN_EXE_netreg"),
        old.display(),
        new.display()
    );
    let shown = crate::support::on_terminal(&command, &[], b"")?;
    Some(shown.replace("\r\n", "\n"))
}

/// Under git, `git diff` and `git log -p --ext-diff` show what `netreg diff`
/// shows on a terminal (without colour, whatever git's colour says), not
/// rows for a program; a change of comments alone shows as such.
#[test]
fn git_diff_and_log_show_the_terminal_lines_and_comment_only_changes() {
    let Some((dir, git)) = repository() else {
        return;
    };
    let scratch = tempfile::tempdir().expect("tmp");
    let Some(terminal) = on_a_terminal(scratch.path()) else {
        return;
    };
    std::fs::write(dir.path().join("registry.toml"), NEW).expect("new");
    let out = git(&["diff"]);
    assert!(!out.contains('\x1b'), "no colour: {out:?}");
    assert_eq!(out, format!("netreg diff registry.toml\n{terminal}"));
    // Lines for a person, not rows for a program.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "- network gone \"Gone\"", "{out}");
    assert_eq!(
        lines[2], "~ network kept: name \"Kept\" → \"Kept Again\"",
        "{out}"
    );
    assert_eq!(lines[18], "3 added, 2 removed, 12 changed", "{out}");
    assert!(!out.contains('\t'), "{out}");
    git(&["commit", "-q", "-am", "new"]);
    // A comment, and a blank line, and nothing else.
    let commented = NEW.replace(
        "[[networks]]\nid = \"new\"",
        "# Added in 2024.\n\n[[networks]]\nid = \"new\"",
    );
    std::fs::write(dir.path().join("registry.toml"), &commented).expect("comment");
    let comment_only = "\
netreg diff registry.toml
only comments or layout changed, no data:
@@ -40,0 +41,2 @@
+# Added in 2024.
+
";
    assert_eq!(git(&["diff"]), comment_only);
    git(&["commit", "-q", "-am", "a comment"]);
    // `git log -p` runs a diff driver only with `--ext-diff`, as the README says.
    let log = git(&["log", "-p", "--ext-diff", "--format=commit %s"]);
    // git colours its own diffs (of `.gitattributes`), netreg's have none.
    let ours = log.split("commit old").next().unwrap_or_default();
    assert!(!ours.contains('\x1b'), "no colour: {log:?}");
    assert!(
        log.starts_with(&format!(
            "commit a comment\n\n{comment_only}commit new\n\nnetreg diff registry.toml\n{terminal}"
        )),
        "{log}"
    );
    let plain = git(&["log", "-p", "--no-color", "--format=commit %s", "-1"]);
    assert!(
        plain.contains("+# Added in 2024."),
        "git's own diff without --ext-diff: {plain}"
    );
    assert!(!plain.contains("netreg diff"), "{plain}");
}

/// As a diff driver: renames (nine arguments), and a version that does not
/// read, which is a line of the diff while git goes on to the next file.
#[test]
fn git_diff_driver_takes_renames_and_versions_that_do_not_read() {
    let Some((dir, git)) = repository() else {
        return;
    };
    std::fs::write(dir.path().join("registry.toml"), NEW).expect("new");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "new"]);
    git(&["mv", "registry.toml", "moved.toml"]);
    std::fs::write(dir.path().join(".gitattributes"), "*.toml diff=netreg\n").expect("attributes");
    std::fs::write(dir.path().join("moved.toml"), OLD).expect("back");
    let out = git(&["diff", "-M", "--cached", "--", "."]);
    assert!(out.starts_with("netreg diff registry.toml\n"), "{out}");
    let out = git(&["diff", "-M", "HEAD"]);
    assert!(out.contains("netreg diff registry.toml\n"), "{out}");
    git(&["commit", "-q", "-m", "moved"]);
    std::fs::write(dir.path().join("a.toml"), OLD).expect("a");
    std::fs::write(dir.path().join("b.toml"), OLD).expect("b");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "two"]);
    std::fs::write(
        dir.path().join("a.toml"),
        format!("{OLD}\n[[networks]]\nid = \"x\"\nnaem = \"X\"\n"),
    )
    .expect("a");
    std::fs::write(dir.path().join("b.toml"), NEW).expect("b");
    let out = git(&["diff"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "netreg diff a.toml", "{out}");
    assert!(
        lines[1].starts_with("netreg diff a.toml: the new version does not read: line "),
        "{out}"
    );
    assert!(lines[1].ends_with(": unknown key `naem`"), "{out}");
    assert_eq!(lines[2], "netreg diff b.toml", "{out}");
    assert_eq!(lines[3], "- network gone \"Gone\"", "{out}");
    assert_eq!(lines[lines.len() - 1], "3 added, 2 removed, 12 changed", "{out}");
}

/// A partner is one partner whatever the case, accents and spaces of its
/// name, in `diff`, in `cities` and for a write alike.
#[test]
fn a_name_is_one_partner_in_diff_cities_and_writes() {
    let dir = tempfile::tempdir().expect("tmp");
    let network = |id: &str, name: &str| {
        format!(
            "[[networks]]\nid = \"{id}\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"{name}\"\ncountry = \"IT\"\n\n"
        )
    };
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    std::fs::write(&old, network("a", "Reggio Emilia")).expect("old");
    let both = network("a", "Reggio  emilia") + &network("b", "REGGIO EMILIA");
    std::fs::write(&new, &both).expect("new");
    let diff = Test::new()
        .args(["diff".as_ref(), old.as_os_str(), new.as_os_str()])
        .stdout();
    // The same partner, its spelling changed: not one removed and one added.
    assert_eq!(
        diff,
        "changed\tpartner\ta\tReggio  emilia\tname\tReggio Emilia\tReggio  emilia\n\
         added\tnetwork\tb\tN\t\t\t1 partner, 0 milestones\n"
    );
    Test::new()
        .registry(&both)
        .args(["cities", "list", "--fields", "name,networks"])
        .expect_stdout("Reggio  emilia\t2\n")
        .run();
    Test::new()
        .registry(&both)
        .args(["partners", "add", "a", "reggio emilia", "--country", "IT"])
        .status(1)
        .run();
}
