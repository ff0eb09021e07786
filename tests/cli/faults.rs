//! Faults: killed writers, a full disk, many writers at once. The registry
//! always passes `check` and holds every write that reported success.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{SMALL, Test};

/// netreg for the user at `home`, whose cache keeps the registry's snapshots.
fn netreg(home: &Path) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("netreg"));
    command.env("HOME", home);
    command
}

fn partner_names(home: &Path, file: &Path) -> Vec<String> {
    let out = netreg(home)
        .arg("--registry")
        .arg(file)
        .args(["partners", "list", "--network", "port-towns", "--fields", "name"])
        .output()
        .expect("list");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn kill_9_during_writes_loses_no_reported_write() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, SMALL).expect("write");
    let mut reported = Vec::new();
    // A fixed spread of kill moments, from before start-up to after the rename.
    for i in 0..40u64 {
        let name = format!("Killed {i}");
        let mut child = netreg(&test.home())
            .arg("--registry")
            .arg(&file)
            .args(["partners", "add", "port-towns", &name])
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros((i * 7919) % 6000));
        let _ = child.kill();
        if child.wait().expect("wait").success() {
            reported.push(name);
        }
        let check = netreg(&test.home())
            .arg("--registry")
            .arg(&file)
            .args(["check", "-q"])
            .output()
            .expect("check");
        assert!(
            check.status.success(),
            "after kill {i}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    let names = partner_names(&test.home(), &file);
    for name in &reported {
        assert!(names.contains(name), "{name} reported success but is missing");
    }
    eprintln!("{} of 40 writes finished before the kill", reported.len());
}

#[test]
fn fifty_concurrent_writers_lose_nothing() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, SMALL).expect("write");
    let children: Vec<_> = (0..50)
        .map(|i| {
            netreg(&test.home())
                .arg("--registry")
                .arg(&file)
                .args(["partners", "add", "port-towns", &format!("Writer {i}")])
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let names = partner_names(&test.home(), &file);
    assert_eq!(names.len(), 53);
    for i in 0..50 {
        assert!(names.contains(&format!("Writer {i}")), "Writer {i} lost");
    }
}

/// A tiny tmpfs, unmounted when the guard goes.
struct Tmpfs(std::path::PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_old_registry_intact_with_a_clear_error() {
    let test = Test::new();
    let mount = test.path("tiny");
    std::fs::create_dir_all(&mount).expect("mkdir");
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI runs as root and can mount a tmpfs"
        );
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        return;
    }
    let _guard = Tmpfs(mount.clone());
    let file = mount.join("registry.toml");
    std::fs::write(&file, SMALL).expect("write");
    // Fill the rest of the disk.
    let filler = vec![b'x'; 4096];
    let mut fill = std::fs::File::create(mount.join("filler")).expect("filler");
    while std::io::Write::write_all(&mut fill, &filler).is_ok() {}
    drop(fill);
    let out = netreg(&test.home())
        .arg("--registry")
        .arg(&file)
        .args(["partners", "add", "port-towns", "Pisa"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: cannot write `{}`: no space left on device",
            file.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("registry"), SMALL);
    let leftovers: Vec<_> = std::fs::read_dir(&mount)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
