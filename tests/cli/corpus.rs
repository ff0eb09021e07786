//! The invalid half of the public toml-test suite: every file is refused with
//! exit 1 and a message naming the file and line, never a panic.

use std::path::{Path, PathBuf};

use crate::support::{Test, shared};

fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read corpus dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn every_invalid_toml_file_is_refused_cleanly() {
    let Some(shared) = shared() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "../shared is missing in CI"
        );
        eprintln!("skipped: ../shared/corpus is not beside this clone");
        return;
    };
    let mut found = Vec::new();
    files(&shared.join("corpus/toml-test/tests/invalid"), &mut found);
    found.sort();
    assert_eq!(found.len(), 515, "the corpus holds 515 files");
    let mut failures = Vec::new();
    for file in &found {
        let out = Test::new()
            .args(["--registry".as_ref(), file.as_os_str(), "check".as_ref()])
            .run();
        let names_place = out.stderr.contains(&format!("--> {}:", file.display()));
        let clean = out.code == 1
            && names_place
            && out.stderr.starts_with("error: ")
            && !out.stderr.contains("panicked")
            && out.stdout.is_empty();
        if !clean {
            failures.push(format!("{} (exit {}):\n{}", file.display(), out.code, out.stderr));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} not clean:\n{}",
        failures.len(),
        found.len(),
        failures.join("\n")
    );
}
