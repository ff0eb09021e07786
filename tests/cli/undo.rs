//! `history` and `undo`: every write keeps the version it replaced, and
//! `undo` walks back through them to the user's original bytes.

use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::SMALL;

/// A registry file in a directory of its own, with `home/` beside it as
/// HOME, that netreg is run on again and again.
pub struct Kept {
    dir: TempDir,
}

/// The write most tests make.
pub const ADD: &[&str] = &[
    "partners",
    "add",
    "creative-clusters",
    "Gdańsk",
    "--country",
    "PL",
];

impl Kept {
    pub fn new(text: impl AsRef<[u8]>) -> Self {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::create_dir_all(dir.path().join("home")).expect("home");
        std::fs::write(dir.path().join("registry.toml"), text).expect("registry");
        Self { dir }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self) -> PathBuf {
        self.dir().join("registry.toml")
    }

    pub fn read(&self) -> String {
        std::fs::read_to_string(self.file()).expect("registry")
    }

    /// netreg on the registry, with `args` and this folder's HOME.
    pub fn command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("netreg"));
        command
            .env_clear()
            .env("HOME", self.dir().join("home"))
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(self.dir())
            .arg("--registry")
            .arg(self.file())
            .args(args);
        command
    }

    /// netreg on the registry: (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.command(args).output().expect("run netreg");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// netreg on the registry, which must succeed: its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 0, "netreg {args:?}: {stderr}");
        stdout
    }

    /// The registry's history folder.
    pub fn history(&self) -> PathBuf {
        let root = self.dir().join("home/.local/state/netreg/history");
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
            .expect("history")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(dirs.len(), 1, "{dirs:?}");
        dirs.remove(0)
    }
}

const IMPORT: &str = r#"{"format": 1, "networks": [{"id": "new-one", "name": "New One", "partners": [{"name": "Gent", "country": "BE", "role": "lead"}]}]}"#;

#[test]
fn undo_walks_back_every_write_to_the_original_bytes() {
    // CRLF, a byte-order mark and comments: the bytes must come back, not an equal registry.
    let original = format!("\u{feff}# mine\r\n{}", SMALL.replace('\n', "\r\n"));
    let kept = Kept::new(&original);
    let file = kept.file();
    std::fs::write(kept.dir().join("more.json"), IMPORT).expect("import file");
    let mut states = vec![std::fs::read(&file).expect("read")];
    for args in [
        ADD,
        &[
            "networks",
            "edit",
            "creative-clusters",
            "--name",
            "Creative Clusters II",
        ],
        &["partners", "remove", "creative-clusters", "Barnsley"],
        &["import", "more.json"],
        &["init", "--force", "--empty"],
    ] {
        kept.ok(args);
        states.push(std::fs::read(&file).expect("read"));
    }
    assert!(
        String::from_utf8_lossy(states.last().expect("last")).ends_with("format = 1\n"),
        "init --force left an empty registry"
    );
    states.pop();
    while let Some(state) = states.pop() {
        let (code, _, stderr) = kept.run(&["undo"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.starts_with("undid #"), "{stderr}");
        assert_eq!(std::fs::read(&file).expect("read"), state, "after {stderr}");
    }
    assert_eq!(kept.read(), original);
    let (code, _, stderr) = kept.run(&["undo"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: nothing left to undo in `{}`\nhint: netreg keeps the versions of the last 100 writes; `netreg history` lists them\n",
            file.display()
        )
    );
    assert_eq!(kept.read(), original);
}

#[test]
fn history_lists_each_write_newest_first() {
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    kept.ok(&["networks", "edit", "creative-clusters", "--summary", "Two words"]);
    kept.ok(&["undo"]);
    let out = kept.ok(&["history"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let without_time: Vec<[String; 3]> = rows
        .iter()
        .map(|r| [r[0].to_string(), r[3].to_string(), r[2].to_string()])
        .collect();
    let row = |n: &str, command: &str, summary: &str| {
        [n.to_string(), format!("netreg {command}"), summary.to_string()]
    };
    assert_eq!(
        without_time,
        [
            row(
                "3",
                "undo",
                "undid #2 (changed summary of network `creative-clusters`)"
            ),
            row(
                "2",
                "networks edit creative-clusters --summary 'Two words'",
                "changed summary of network `creative-clusters`"
            ),
            row(
                "1",
                "partners add creative-clusters Gdańsk --country PL",
                "added partner `Gdańsk` to `creative-clusters`"
            ),
        ]
    );
    for row in &rows {
        assert!(chrono::DateTime::parse_from_rfc3339(row[1]).is_ok(), "{row:?}");
    }
    assert_eq!(kept.ok(&["history", "--limit", "1"]).lines().count(), 1);
    let json: serde_json::Value =
        serde_json::from_str(&kept.ok(&["history", "--format", "json"])).expect("json");
    assert_eq!(json[2]["n"], 1);
    assert_eq!(
        json[2]["summary"],
        "added partner `Gdańsk` to `creative-clusters`"
    );
}

#[test]
fn history_show_prints_what_one_write_changed() {
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    kept.ok(&["partners", "remove", "creative-clusters", "Barnsley"]);
    assert_eq!(
        kept.ok(&["history", "show", "1"]),
        "added\tpartner\tcreative-clusters\tGdańsk\t\t\tPL, partner\n"
    );
    assert_eq!(
        kept.ok(&["history", "show", "2"]),
        "removed\tpartner\tcreative-clusters\tBarnsley\t\t\t\n"
    );
    let (code, _, stderr) = kept.run(&["history", "show", "7"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: the history of `{}` has no write #7\nhint: it keeps #1 to #2; `netreg history` lists them\n",
            kept.file().display()
        )
    );
}

#[test]
fn undo_is_refused_when_the_file_changed_outside_netreg() {
    let kept = Kept::new(SMALL);
    let file = kept.file();
    kept.ok(ADD);
    let edited = kept.read() + "# my own note\n";
    std::fs::write(&file, &edited).expect("edit by hand");
    let (code, _, stderr) = kept.run(&["undo"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{0}` changed outside netreg since write #1, and an undo would lose that change\nhint: the version before write #1 is kept as {1}: copy it over `{0}` to go back to it (keep a copy of the file first)\n",
            file.display(),
            kept.history().join("00000001.toml").display()
        )
    );
    assert_eq!(kept.read(), edited);
    // A later write takes the change in; undo goes back over that write, and
    // then stops where the change came in rather than skip over it.
    kept.ok(&["partners", "add", "creative-clusters", "Turku", "--country", "FI"]);
    kept.ok(&["undo"]);
    assert_eq!(kept.read(), edited);
    let (code, _, stderr) = kept.run(&["undo"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(&format!(
            "error: `{}` changed outside netreg since write #1,",
            file.display()
        )),
        "{stderr}"
    );
    assert_eq!(kept.read(), edited);
}

#[test]
fn an_undo_can_be_undone_once_another_write_ends_the_run_of_undos() {
    let kept = Kept::new(SMALL);
    let read = || kept.read();
    kept.ok(ADD);
    let with_gdansk = read();
    kept.ok(&["undo"]);
    assert_eq!(read(), SMALL);
    kept.ok(&["partners", "add", "creative-clusters", "Turku", "--country", "FI"]);
    // Back over the new write, then over the undo (Gdańsk again), then over the first write.
    kept.ok(&["undo"]);
    assert_eq!(read(), SMALL);
    kept.ok(&["undo"]);
    assert_eq!(read(), with_gdansk);
    kept.ok(&["undo"]);
    assert_eq!(read(), SMALL);
}

#[test]
fn undo_dry_run_prints_the_diff_and_writes_nothing() {
    let kept = Kept::new(SMALL);
    kept.ok(&[
        "networks",
        "edit",
        "creative-clusters",
        "--url",
        "https://example.org/cc",
    ]);
    let after = kept.read();
    let (code, stdout, stderr) = kept.run(&["undo", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("-url = \"https://example.org/cc\"\n"), "{stdout}");
    assert!(stderr.starts_with("would undo #1 ("), "{stderr}");
    assert_eq!(kept.read(), after);
    assert_eq!(kept.ok(&["history"]).lines().count(), 1);
}

#[test]
fn the_replaced_version_is_kept_as_a_hard_link_not_a_copy() {
    let kept = Kept::new(SMALL);
    let file = kept.file();
    let inode = std::fs::metadata(&file).expect("meta").ino();
    kept.ok(ADD);
    let kept = kept.history().join("00000001.toml");
    assert_eq!(std::fs::metadata(&kept).expect("kept").ino(), inode);
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), SMALL);
    assert_eq!(std::fs::metadata(&file).expect("meta").nlink(), 1);
}

#[test]
fn a_version_left_by_a_write_killed_before_its_rename_is_cleared() {
    let kept = Kept::new(SMALL);
    let file = kept.file();
    kept.ok(ADD);
    // What a write killed between keeping the version and its rename leaves.
    let history = kept.history();
    std::fs::hard_link(&file, history.join("00000002.toml")).expect("link");
    std::fs::write(history.join("00000002.json"), r#"{"n": 2, "when": "2026-01-01T00:00:00+00:00", "command": "netreg", "summary": "killed", "after": "0-0"}"#).expect("json");
    kept.ok(&["partners", "add", "creative-clusters", "Turku", "--country", "FI"]);
    let out = kept.ok(&["history"]);
    assert!(!out.contains("killed"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    kept.ok(&["undo"]);
    kept.ok(&["undo"]);
    assert_eq!(kept.read(), SMALL);
}

/// `count` writes, each changing the summary of creative-clusters to "Take i".
fn summaries(kept: &Kept, count: usize) {
    for i in 0..count {
        kept.ok(&[
            "networks",
            "edit",
            "creative-clusters",
            "--summary",
            &format!("Take {i}"),
        ]);
    }
}

#[test]
fn history_keeps_the_last_hundred_versions() {
    let kept = Kept::new(SMALL);
    summaries(&kept, 103);
    let out = kept.ok(&["history"]);
    let numbers: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap_or("")).collect();
    assert_eq!(numbers.len(), 100);
    assert_eq!((numbers[0], numbers[99]), ("103", "4"));
    assert_eq!(std::fs::read_dir(kept.history()).expect("dir").count(), 201);
}

#[test]
fn undo_reaches_back_over_the_last_hundred_writes_however_many_undos() {
    let kept = Kept::new(SMALL);
    summaries(&kept, 102);
    for _ in 0..100 {
        kept.ok(&["undo"]);
    }
    assert!(
        kept.read().contains("summary = \"Take 1\""),
        "back before write #3"
    );
    let (code, _, stderr) = kept.run(&["undo"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.starts_with("error: nothing left to undo"), "{stderr}");
}

#[test]
fn a_version_copied_by_a_write_killed_before_its_rename_is_cleared() {
    // Another file system: the version is a copy, not a second name.
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    let history = kept.history();
    let now = kept.read();
    std::fs::write(history.join("00000002.toml"), &now).expect("copy");
    std::fs::write(
        history.join("00000002.json"),
        r#"{"n": 2, "when": "2026-01-01T00:00:00+00:00", "command": "netreg", "summary": "killed", "after": "0-0"}"#,
    )
    .expect("json");
    kept.ok(&["undo"]);
    assert_eq!(kept.read(), SMALL);
    assert!(!kept.ok(&["history"]).contains("killed"));
}

#[test]
fn init_force_refuses_when_the_registry_there_cannot_be_kept() {
    let kept = Kept::new(SMALL);
    let state = kept.dir().join("state-is-a-file");
    std::fs::write(&state, "").expect("file");
    let out = kept
        .command(&["init", "--force", "--empty"])
        .env("XDG_STATE_HOME", &state)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: could not keep `{}` in netreg's history (",
            kept.file().display()
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with("), so it was not replaced\nhint: make the state directory writable, or move the file away first\n"), "{stderr}");
    assert_eq!(kept.read(), SMALL);
}

#[test]
fn history_show_says_when_a_change_was_made_outside_netreg() {
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    let edited = kept.read().replace("Barnsley", "Barnsley MBC");
    std::fs::write(kept.file(), edited).expect("edit by hand");
    let (code, stdout, stderr) = kept.run(&["history", "show", "1"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "note: `{}` changed outside netreg after write #1: what follows shows that change too\n",
            kept.file().display()
        )
    );
    assert!(stdout.contains("Barnsley MBC"), "{stdout}");
}

#[test]
fn a_registry_that_is_gone_is_named_with_its_last_kept_version() {
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    std::fs::remove_file(kept.file()).expect("rm");
    let version = kept.history().join("00000001.toml");
    let expected = format!(
        "error: registry `{0}` does not exist\nhint: the version before write #1 is kept as {1}: copy it over `{0}` to go back to it\n",
        kept.file().display(),
        version.display()
    );
    assert_eq!(kept.run(&["undo"]), (1, String::new(), expected.clone()));
    let (code, stdout, stderr) = kept.run(&["history"]);
    assert_eq!(code, 0, "{stderr}");
    // The note says what the error would, and the versions are listed.
    assert_eq!(stderr, expected.replace("error: registry", "note: registry"));
    assert_eq!(stdout.lines().count(), 1);
    let (code, _, stderr) = kept.run(&["history", "show", "1"]);
    assert_eq!(code, 1);
    assert!(stderr.contains(&version.display().to_string()), "{stderr}");
    let nowhere = Kept::new(SMALL);
    std::fs::remove_file(nowhere.file()).expect("rm");
    let (code, _, stderr) = nowhere.run(&["history"]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("error: registry `"), "{stderr}");
}

#[test]
fn history_takes_fields_and_sort_and_gives_programs_rfc_3339() {
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    kept.ok(&["partners", "remove", "creative-clusters", "Barnsley"]);
    assert_eq!(
        kept.ok(&["history", "--fields", "n,summary", "--sort", "n"]),
        "1\tadded partner `Gdańsk` to `creative-clusters`\n2\tremoved partner `Barnsley` from `creative-clusters`\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&kept.ok(&["history", "--format", "json"])).expect("json");
    let when = json[0]["when"].as_str().expect("when");
    assert!(chrono::DateTime::parse_from_rfc3339(when).is_ok(), "{when}");
}

#[test]
fn the_history_is_for_its_owners_eyes_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let kept = Kept::new(SMALL);
    kept.ok(ADD);
    let mode = |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
    let history = kept.history();
    assert_eq!(mode(&history), 0o700);
    assert_eq!(mode(history.parent().expect("parent")), 0o700);
    assert_eq!(mode(&history.join("00000001.json")), 0o600);
}
