//! The doors a write could still lose a user's bytes through, each closed
//! as a class: backups, changes saved by others, symlinks, hard links,
//! extended attributes, neighbouring registries, files left behind, and
//! files that `init` finds in its way.

use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{SMALL, have};
use crate::undo::{ADD, Kept};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn init_force_twice_keeps_both_registries_it_replaced() {
    let mine = format!("# my own registry\n{SMALL}");
    let kept = Kept::new(&mine);
    let dir = kept.dir();
    let (code, _, stderr) = kept.run(&["init", "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(
            "kept the registry that was there in netreg's history (`netreg undo` brings it back)\n"
        ),
        "{stderr}"
    );
    let first = kept.read();
    assert_eq!(kept.run(&["init", "--force", "--empty"]).0, 0);
    assert_eq!(
        files_in(dir),
        ["home", "netreg.schema.json", "registry.toml"],
        "no .bak"
    );
    assert_eq!(kept.run(&["undo"]).0, 0);
    assert_eq!(kept.read(), first);
    assert_eq!(kept.run(&["undo"]).0, 0);
    assert_eq!(kept.read(), mine);
}

#[test]
fn init_leaves_a_schema_file_it_did_not_write() {
    let kept = Kept::new("");
    std::fs::remove_file(kept.file()).expect("no registry yet");
    let schema = kept.dir().join("netreg.schema.json");
    std::fs::write(&schema, "{\"my\": \"schema\"}\n").expect("write");
    let (code, _, stderr) = kept.run(&["init", "--empty"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&schema).expect("schema"),
        "{\"my\": \"schema\"}\n"
    );
    assert!(
        stderr.starts_with(&format!(
            "note: left {} as it was (it is not netreg's schema); `netreg schema > {}` replaces it\n",
            schema.display(),
            schema.display()
        )),
        "{stderr}"
    );
}

/// A change another program saves while netreg is between its read and its
/// rename: netreg's own fsync of the new text is held back two seconds (by
/// strace), the change is saved meanwhile, and the write must then refuse.
#[test]
fn a_change_saved_during_a_write_is_never_replaced() {
    if !have("strace", &["-V"]) {
        return;
    }
    let kept = Kept::new(SMALL);
    let (dir, file) = (kept.dir(), kept.file());
    std::fs::create_dir_all(dir.join("home")).expect("home");
    let child = Command::new("strace")
        .args([
            "-f",
            "-o",
            "/dev/null",
            "-e",
            "trace=fsync",
            "-e",
            "inject=fsync:delay_enter=2000000:when=1",
        ])
        .arg(assert_cmd::cargo::cargo_bin("netreg"))
        .arg("--registry")
        .arg(&file)
        .args(ADD)
        .env_clear()
        .env("HOME", dir.join("home"))
        .stderr(Stdio::piped())
        .spawn()
        .expect("strace");
    // The temporary file appears before its fsync: the editor saves then.
    let started = std::time::Instant::now();
    while !files_in(dir).iter().any(|n| n.ends_with(".tmp")) {
        assert!(started.elapsed().as_secs() < 20, "netreg never staged its write");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let saved = format!("{SMALL}# saved by an editor\n");
    let editor = dir.join(".registry.toml.swp");
    std::fs::write(&editor, &saved).expect("editor");
    std::fs::rename(&editor, &file).expect("editor saves");
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "error: `{}` changed while netreg was writing it (another program saved it); nothing was written\nhint: run the command again: it applies to the file as it is now\n",
            file.display()
        )
    );
    assert_eq!(kept.read(), saved);
    assert_eq!(files_in(dir), ["home", "registry.toml"]);
    // A retry works.
    assert_eq!(kept.run(ADD).0, 0);
    assert!(kept.read().contains("Gdańsk"));
}

#[test]
fn a_data_directory_symlink_to_nowhere_is_an_error_naming_its_target() {
    let dir = tempfile::tempdir().expect("dir");
    let home = dir.path().join("home");
    let data = home.join(".local/share/netreg");
    std::fs::create_dir_all(&data).expect("data dir");
    let link = data.join("registry.toml");
    let target = dir.path().join("usb/registry.toml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("netreg")
            .expect("binary")
            .env_clear()
            .env("HOME", &home)
            .args(args)
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let expected = format!(
        "error: registry `{}` is a symlink to `{}`, which does not exist\nhint: restore `{}`, or point the symlink at your registry (`ln -sfn FILE {}`)\n",
        link.display(),
        target.display(),
        target.display(),
        link.display()
    );
    for args in [&["networks", "list"][..], ADD, &["init"]] {
        assert_eq!(run(args), (Some(1), expected.clone()), "{args:?}");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert!(!target.exists());
    }
}

#[test]
fn a_registry_with_two_names_is_refused_not_split() {
    let kept = Kept::new(SMALL);
    let (dir, file) = (kept.dir(), kept.file());
    std::fs::hard_link(&file, dir.join("other.toml")).expect("link");
    let (code, _, stderr) = kept.run(ADD);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{0}` has 2 names (hard links), and a write would leave the others with the old text\nhint: keep this name and make the others symlinks to it (`ln -sf {0} OTHER`)\n",
            file.display()
        )
    );
    let (a, b) = (
        std::fs::metadata(&file).expect("a"),
        std::fs::metadata(dir.join("other.toml")).expect("b"),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "still one file");
    assert_eq!(kept.read(), SMALL);
    // Once the other name is a symlink, writes go through.
    std::fs::remove_file(dir.join("other.toml")).expect("rm");
    std::os::unix::fs::symlink(&file, dir.join("other.toml")).expect("symlink");
    assert_eq!(kept.run(ADD).0, 0);
    assert!(
        std::fs::read_to_string(dir.join("other.toml"))
            .expect("read")
            .contains("Gdańsk")
    );
}

#[test]
fn extended_attributes_and_acls_survive_a_write() {
    if !have("setfattr", &["--version"]) || !have("setfacl", &["--version"]) {
        return;
    }
    let kept = Kept::new(SMALL);
    let file = kept.file();
    let run = |program: &str, args: &[&str]| {
        let out = Command::new(program)
            .args(args)
            .arg(&file)
            .output()
            .expect(program);
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(
        "setfattr",
        &["-n", "user.origin", "-v", "from the programme office"],
    );
    run("setfacl", &["-m", "u:nobody:rw"]);
    let attributes = run("getfattr", &["-d", "--absolute-names"]);
    let acl = run("getfacl", &["-c", "--absolute-names"]);
    assert!(acl.contains("user:nobody:rw-"), "{acl}");
    assert_eq!(kept.run(ADD).0, 0);
    assert!(kept.read().contains("Gdańsk"));
    assert_eq!(run("getfattr", &["-d", "--absolute-names"]), attributes);
    assert_eq!(run("getfacl", &["-c", "--absolute-names"]), acl);
}

#[test]
fn writers_of_neighbouring_registries_keep_their_own_temporary_files() {
    let dir = tempfile::tempdir().expect("dir");
    let dir = dir.path();
    std::fs::create_dir_all(dir.join("home")).expect("home");
    for name in ["r.toml", "r.toml.x"] {
        std::fs::write(dir.join(name), SMALL).expect("write");
    }
    let children: Vec<_> = (0..30)
        .map(|i| {
            let name = if i % 2 == 0 { "r.toml" } else { "r.toml.x" };
            Command::new(assert_cmd::cargo::cargo_bin("netreg"))
                .env_clear()
                .env("HOME", dir.join("home"))
                .arg("--registry")
                .arg(dir.join(name))
                .args(["partners", "add", "creative-clusters", &format!("Town {i}")])
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    for (name, first) in [("r.toml", 0), ("r.toml.x", 1)] {
        let text = std::fs::read_to_string(dir.join(name)).expect("read");
        for i in (first..30).step_by(2) {
            assert!(
                text.contains(&format!("\"Town {i}\"")),
                "Town {i} lost from {name}"
            );
        }
    }
    assert_eq!(
        files_in(dir),
        ["home", "r.toml", "r.toml.x"],
        "no file left beside them"
    );
}

/// Every file netreg writes, not only the registry: `export --output` through
/// a symlink to a file not made yet writes that file, as a shell's `>`
/// would, and keeps the symlink.
#[test]
fn an_export_through_a_symlink_to_a_new_file_keeps_the_symlink() {
    let kept = Kept::new(SMALL);
    let (link, target) = (
        kept.dir().join("out.csv"),
        kept.dir().join("exports/partners.csv"),
    );
    std::fs::create_dir_all(kept.dir().join("exports")).expect("dir");
    std::os::unix::fs::symlink("exports/partners.csv", &link).expect("symlink");
    let (code, _, stderr) = kept.run(&[
        "export", "--format", "csv", "--entity", "partners", "--output", "out.csv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("target")
            .starts_with("network,name,country")
    );
}
