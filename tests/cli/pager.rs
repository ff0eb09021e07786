//! The pager (spec §5): on a terminal, output taller than the screen goes
//! through `$NETREG_PAGER`, else `$PAGER`, else `less -FRX`, as git's does;
//! `--no-pager`, an empty pager or `cat` turn it off; a pipe never pages.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::support::on_terminal;

/// A pager that records that it ran and what it was given, in `dir`.
fn recording_pager(dir: &Path) -> PathBuf {
    let pager = dir.join("pager");
    std::fs::write(
        &pager,
        format!("#!/bin/sh\ntouch '{0}/ran'\ncat > '{0}/paged'\n", dir.display()),
    )
    .expect("pager");
    make_executable(&pager);
    pager
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

struct Run {
    /// What the terminal showed.
    screen: String,
    /// What the pager was given, if it ran.
    paged: Option<String>,
}

/// `shell` (a command line where `netreg` is the binary) on a terminal of
/// 80 columns and 12 lines, with `env` set.
fn on_a_small_terminal(shell: &str, env: &[(&str, &str)]) -> Option<Run> {
    let home = tempfile::tempdir().expect("tmp");
    let pager = recording_pager(home.path());
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let command = format!(
        "stty cols 80 rows 12; {}",
        shell.replace("netreg", &netreg.display().to_string())
    );
    let mut vars: Vec<(&str, &OsStr)> = vec![
        ("HOME", home.path().as_os_str()),
        ("TERM", "xterm".as_ref()),
        ("PAGER", pager.as_os_str()),
    ];
    for (key, value) in env {
        vars.retain(|(k, _)| k != key);
        vars.push((key, value.as_ref()));
    }
    let screen = on_terminal(&command, &vars, b"")?;
    let ran = home.path().join("ran").exists();
    let paged = std::fs::read_to_string(home.path().join("paged")).ok();
    assert_eq!(ran, paged.is_some());
    Some(Run { screen, paged })
}

#[test]
fn output_taller_than_the_terminal_goes_through_the_pager() {
    let Some(run) = on_a_small_terminal("netreg partners list --limit 40 --color never; echo rc=$?", &[])
    else {
        return;
    };
    let paged = run.paged.expect("the pager ran");
    // All of it, to the pager, and none of it on the terminal itself.
    assert_eq!(
        paged.lines().filter(|l| l.starts_with("│ ")).count(),
        41,
        "{paged}"
    );
    assert!(!run.screen.contains("│ sudest"), "{}", run.screen);
    assert!(run.screen.contains("rc=0"), "{}", run.screen);
}

#[test]
fn output_that_fits_the_terminal_is_not_paged() {
    let Some(run) = on_a_small_terminal("netreg networks list --limit 3 --color never", &[]) else {
        return;
    };
    assert_eq!(run.paged, None);
    assert!(run.screen.contains("│ sudest"), "{}", run.screen);
}

#[test]
fn no_pager_a_pipe_an_empty_pager_or_cat_never_page() {
    let tall = "netreg partners list --limit 40 --color never";
    let cases: &[(String, &[(&str, &str)])] = &[
        (format!("{tall} --no-pager"), &[]),
        (format!("{tall} --format table | cat"), &[]),
        (tall.to_string(), &[("NETREG_PAGER", "")]),
        (tall.to_string(), &[("NETREG_PAGER", "cat")]),
        (tall.to_string(), &[("PAGER", "")]),
    ];
    for (command, env) in cases {
        let Some(run) = on_a_small_terminal(command, env) else {
            return;
        };
        assert_eq!(run.paged, None, "{command} {env:?}");
        assert!(
            run.screen.contains("│ sudest"),
            "{command} {env:?}: {}",
            run.screen
        );
    }
}

#[test]
fn netreg_pager_comes_before_pager() {
    let dir = tempfile::tempdir().expect("tmp");
    let mine = dir.path().join("mine");
    std::fs::write(
        &mine,
        format!("#!/bin/sh\ncat > '{}/got'\n", dir.path().display()),
    )
    .expect("pager");
    make_executable(&mine);
    let mine = mine.display().to_string();
    let Some(run) = on_a_small_terminal("netreg partners list --limit 40", &[("NETREG_PAGER", &mine)]) else {
        return;
    };
    assert_eq!(run.paged, None, "PAGER ran");
    let got = std::fs::read_to_string(dir.path().join("got")).expect("NETREG_PAGER ran");
    assert!(got.contains("sudest"), "{got}");
}

/// A pager that quits before reading everything (q in less) ends the
/// command quietly: no error, no broken pipe, and the command's exit code.
#[test]
fn a_pager_that_quits_early_is_no_error_and_the_exit_code_is_the_commands() {
    let Some(run) = on_a_small_terminal(
        "netreg partners list; echo rc=$?",
        &[("NETREG_PAGER", "head -n 1 >/dev/null; exit 3")],
    ) else {
        return;
    };
    assert!(run.screen.contains("rc=0"), "{}", run.screen);
    let lower = run.screen.to_lowercase();
    assert!(
        !lower.contains("error") && !lower.contains("broken pipe"),
        "{}",
        run.screen
    );

    // A command that fails after tall output keeps its own exit code.
    let dir = tempfile::tempdir().expect("tmp");
    let broken = dir.path().join("broken.toml");
    let networks: String = (0..30)
        .map(|i| format!("[[networks]]\nid = \"n{i}\"\n"))
        .collect();
    std::fs::write(&broken, networks).expect("registry");
    let command = format!(
        "netreg --registry {} check --format json; echo rc=$?",
        broken.display()
    );
    let Some(run) = on_a_small_terminal(&command, &[("NETREG_PAGER", "cat >/dev/null; exit 3")]) else {
        return;
    };
    assert!(run.screen.contains("rc=1"), "{}", run.screen);
}

/// A pager that is not there leaves the output on the terminal, with a note
/// saying so, and the command's exit code.
#[test]
fn a_pager_that_is_not_there_leaves_the_output_and_says_so() {
    let Some(run) = on_a_small_terminal(
        "netreg partners list --limit 40 --color never; echo rc=$?",
        &[("PAGER", "no-such-pager -R")],
    ) else {
        return;
    };
    assert!(run.paged.is_none());
    assert!(
        run.screen.contains(
            "note: cannot run the pager `no-such-pager`: no such program; set NETREG_PAGER or PAGER, or pass --no-pager"
        ),
        "{}",
        run.screen
    );
    assert_eq!(
        run.screen.lines().filter(|l| l.starts_with("│ ")).count(),
        41,
        "{}",
        run.screen
    );
    assert!(run.screen.contains("rc=0"), "{}", run.screen);
}

/// Output that fits the screen is not paged, and the note about the columns
/// a table left out still comes under the table.
#[test]
fn a_note_comes_under_a_table_that_fits_the_screen() {
    let Some(run) = on_a_small_terminal(
        "netreg networks list --limit 3 --fields id,name,programme,status,lead,partners,start,end",
        &[],
    ) else {
        return;
    };
    assert!(run.paged.is_none(), "paged: {:?}", run.paged);
    let table_end = run.screen.find('╰').expect("a table");
    let note = run.screen.find("note: ").expect("the note");
    assert!(table_end < note, "{}", run.screen);
}

/// While the pager runs, notes go to it too, after the data they are about
/// (as git's warnings do), instead of onto the screen under it.
#[test]
fn notes_go_through_the_pager_after_the_table() {
    let Some(run) = on_a_small_terminal(
        "netreg networks list --fields id,name,programme,status,lead,partners,start,end",
        &[],
    ) else {
        return;
    };
    let paged = run.paged.expect("the pager ran");
    let table_end = paged.find('╰').expect("a table");
    let note = paged.find("note: ").expect("the note");
    assert!(table_end < note, "{paged}");
    assert!(!run.screen.contains("note: "), "{}", run.screen);
}
