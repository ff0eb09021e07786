//! Files as a careful Unix tool treats them: only a regular file is a
//! registry, one lock whatever the path, owner, group and mode kept, a
//! read-only file left alone, the file-size limit reported, a cache that
//! cannot hang or flood a read, and new files made with the umask.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{SMALL, Test};

const HANDMADE: &str = include_str!("fixtures/handmade.toml");

const NOT_A_FILE_HINT: &str =
    "hint: a registry is a regular TOML file: pass one with --registry or NETREG_REGISTRY\n";

/// netreg with the same clean environment as the test builder, for `home`.
fn netreg(home: &Path) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("netreg"));
    command
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

/// `script` run by bash with netreg as `$0` and `args` as `$1`...
fn bash(home: &Path, script: &str, args: &[&Path]) -> Command {
    let mut command = Command::new("bash");
    command
        .arg("-c")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("netreg"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    command
}

/// Runs `command` with an empty pipe for stdin, failing the test if it has
/// not finished within `limit`.
fn run_within(mut command: Command, limit: Duration) -> (i32, String, String) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdin.take());
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("netreg was still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("output");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn run(command: Command) -> (i32, String, String) {
    run_within(command, Duration::from_secs(60))
}

/// Whether a test that needs `what` can run; without it the test is skipped
/// with a message, except on CI, which has everything and fails instead.
fn can(ok: bool, what: &str) -> bool {
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must be able to run this test: it needs {what}"
        );
        eprintln!("skipped: needs {what}");
    }
    ok
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn has_tool(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn tool(program: &str, args: &[&std::ffi::OsStr]) {
    let status = Command::new(program).args(args).status().expect(program);
    assert!(status.success(), "{program} {args:?}");
}

fn names(home: &Path, file: &Path) -> Vec<String> {
    let mut command = netreg(home);
    command
        .arg("--registry")
        .arg(file)
        .args(["partners", "list", "--fields", "name"]);
    let (code, stdout, stderr) = run(command);
    assert_eq!(code, 0, "{stderr}");
    stdout.lines().map(str::to_string).collect()
}

fn with_registry(home: &Path, file: &Path, args: &[&str]) -> Command {
    let mut command = netreg(home);
    command.arg("--registry").arg(file).args(args);
    command
}

#[test]
fn a_device_registry_is_refused_for_reads_and_writes_and_stays_a_device() {
    if !can(is_root() && has_tool("mknod"), "root and mknod") {
        return;
    }
    let test = Test::new();
    let device = test.path("registry.toml");
    tool(
        "mknod",
        &[device.as_os_str(), "c".as_ref(), "1".as_ref(), "3".as_ref()],
    );
    let expected = format!(
        "error: `{}` is a character device, not a registry file\n{NOT_A_FILE_HINT}",
        device.display()
    );
    for args in [
        &["partners", "list"][..],
        &["partners", "add", "port-towns", "Pisa"],
    ] {
        let (code, stdout, stderr) = run(with_registry(&test.home(), &device, args));
        assert_eq!(
            (code, stdout.as_str(), stderr.as_str()),
            (1, "", expected.as_str()),
            "{args:?}"
        );
        let metadata = std::fs::symlink_metadata(&device).expect("device");
        assert!(
            metadata.file_type().is_char_device(),
            "{args:?} replaced the device"
        );
        assert_eq!(
            metadata.rdev(),
            std::fs::metadata("/dev/null").expect("null").rdev()
        );
    }
    assert!(
        !test.path("registry.toml.lock").exists(),
        "no lock file beside a device"
    );
}

#[test]
fn a_fifo_registry_is_refused_at_once_for_reads_and_writes() {
    if !can(has_tool("mkfifo"), "mkfifo") {
        return;
    }
    let test = Test::new();
    let fifo = test.path("registry.toml");
    tool("mkfifo", &[fifo.as_os_str()]);
    let expected = format!(
        "error: `{}` is a named pipe (FIFO), not a registry file\n{NOT_A_FILE_HINT}",
        fifo.display()
    );
    for args in [
        &["partners", "list"][..],
        &["check"],
        &["partners", "add", "port-towns", "Pisa"],
    ] {
        let command = with_registry(&test.home(), &fifo, args);
        let (code, _, stderr) = run_within(command, Duration::from_secs(10));
        assert_eq!((code, stderr.as_str()), (1, expected.as_str()), "{args:?}");
        let metadata = std::fs::symlink_metadata(&fifo).expect("fifo");
        assert!(metadata.file_type().is_fifo(), "{args:?} replaced the pipe");
    }
}

#[test]
fn a_pipe_handed_to_netreg_is_read_but_not_written() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let command = bash(
        &test.home(),
        "exec \"$0\" --registry <(cat \"$1\") partners list --fields name",
        &[&file],
    );
    let (code, stdout, stderr) = run_within(command, Duration::from_secs(10));
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "Livorno\nGdańsk\n", "")
    );
    let mut command = netreg(&test.home());
    command.args([
        "--registry",
        "/dev/stdin",
        "partners",
        "add",
        "port-towns",
        "Pisa",
    ]);
    let (code, stdout, stderr) = run_within(command, Duration::from_secs(10));
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        stderr,
        format!("error: `/dev/stdin` is a named pipe (FIFO), not a registry file\n{NOT_A_FILE_HINT}")
    );
}

#[test]
fn a_directory_or_a_socket_registry_is_refused() {
    let test = Test::new();
    let dir = test.path("registries");
    std::fs::create_dir(&dir).expect("mkdir");
    let (code, _, stderr) = run(with_registry(&test.home(), &dir, &["partners", "list"]));
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{0}` is a directory, not a registry file\n\
             hint: pass the registry file in it, e.g. `--registry {0}/registry.toml`\n",
            dir.display()
        )
    );
    assert!(dir.is_dir());

    let socket = test.path("socket.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    let (code, _, stderr) = run(with_registry(
        &test.home(),
        &socket,
        &["partners", "add", "port-towns", "Pisa"],
    ));
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{}` is a socket, not a registry file\n{NOT_A_FILE_HINT}",
            socket.display()
        )
    );
    assert!(
        std::fs::symlink_metadata(&socket)
            .expect("socket")
            .file_type()
            .is_socket()
    );
}

#[test]
fn import_still_reads_its_input_from_a_pipe() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let network =
        "format = 1\n\n[[networks]]\nid = \"piped\"\nname = \"Piped\"\nprogramme = \"URBACT III\"\n";
    let input = test.path("input.toml");
    std::fs::write(&input, network).expect("write");
    let command = bash(
        &test.home(),
        "exec \"$0\" --registry \"$1\" --format toml import <(cat \"$2\")",
        &[&file, &input],
    );
    let (code, _, stderr) = run(command);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("imported networks from /dev/fd/"), "{stderr}");
    let text = std::fs::read_to_string(&file).expect("file");
    assert!(
        text.starts_with(HANDMADE) && text.contains("id = \"piped\""),
        "{text}"
    );
}

#[test]
fn writers_through_a_symlink_and_the_real_path_share_one_lock() {
    let test = Test::new();
    let real = test.path("real.toml");
    std::fs::write(&real, HANDMADE).expect("write");
    let link = test.path("link.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let children: Vec<_> = (0..20)
        .map(|i| {
            let path = if i % 2 == 0 { &link } else { &real };
            with_registry(
                &test.home(),
                path,
                &["partners", "add", "port-towns", &format!("Town {i}")],
            )
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let names = names(&test.home(), &link);
    assert_eq!(names.len(), 22, "{names:?}");
    for i in 0..20 {
        assert!(names.contains(&format!("Town {i}")), "Town {i} lost");
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        !test.path("real.toml.lock").exists() && !test.path("link.toml.lock").exists(),
        "the lock is the file's own: none is left beside it"
    );
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_write_keeps_the_owner_group_and_mode() {
    if !can(is_root(), "root, to give the registry away") {
        return;
    }
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).expect("chown");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let (code, _, stderr) = run(with_registry(
        &test.home(),
        &file,
        &["partners", "add", "port-towns", "Pisa", "--country", "IT"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!("added partner `Pisa` to `port-towns` in {}\n", file.display())
    );
    let metadata = std::fs::metadata(&file).expect("file");
    assert_eq!(
        (metadata.uid(), metadata.gid(), metadata.mode() & 0o7777),
        (65534, 65534, 0o640)
    );
    assert!(
        std::fs::read_to_string(&file)
            .expect("file")
            .contains("name = \"Pisa\"")
    );
}

#[test]
fn a_read_only_registry_is_refused_and_left_untouched() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (code, _, stderr) = run(with_registry(
        &test.home(),
        &file,
        &["partners", "add", "port-towns", "Pisa"],
    ));
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        format!(
            "error: `{0}` is read-only, so netreg will not replace it\n\
             hint: make it writable with `chmod u+w {0}`, or pass another --registry\n",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("file"), HANDMADE);
    assert_eq!(std::fs::metadata(&file).expect("file").mode() & 0o7777, 0o444);
    assert!(temp_files(test.dir.path()).is_empty());
    // A dry run writes nothing, so it may still show what would change.
    let (code, stdout, stderr) = run(with_registry(
        &test.home(),
        &file,
        &["partners", "add", "port-towns", "Pisa", "--dry-run"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("+name = \"Pisa\""), "{stdout}");
    assert_eq!(std::fs::read_to_string(&file).expect("file"), HANDMADE);
}

/// The mode of the registry that `init` and then the first write into the
/// data directory make under `umask`.
fn modes_under_umask(umask: &str) -> (u32, u32) {
    let test = Test::new();
    let file = test.path("init.toml");
    let (code, _, stderr) = run(bash(
        &test.home(),
        &format!("umask {umask}; exec \"$0\" --registry \"$1\" init --empty"),
        &[&file],
    ));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(bash(
        &test.home(),
        &format!("umask {umask}; exec \"$0\" partners add creative-clusters Pisa"),
        &[],
    ));
    assert_eq!(code, 0, "{stderr}");
    let data = test.home().join(".local/share/netreg/registry.toml");
    let mode = |path: &Path| std::fs::metadata(path).expect("registry").mode() & 0o7777;
    (mode(&file), mode(&data))
}

#[test]
fn new_registries_get_0666_less_the_umask() {
    assert_eq!(modes_under_umask("022"), (0o644, 0o644));
    assert_eq!(modes_under_umask("002"), (0o664, 0o664));
    // An existing file keeps its own mode, whatever the umask.
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let (code, _, stderr) = run(bash(
        &test.home(),
        "umask 000; exec \"$0\" --registry \"$1\" partners add port-towns Pisa",
        &[&file],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::metadata(&file).expect("file").mode() & 0o7777, 0o600);
}

#[test]
fn a_write_past_the_file_size_limit_is_reported_not_killed() {
    let test = Test::new();
    let file = test.path("registry.toml");
    assert!(SMALL.len() > 1024, "the fixture must be over the limit");
    std::fs::write(&file, SMALL).expect("write");
    let (code, _, stderr) = run(bash(
        &test.home(),
        "ulimit -f 1; exec \"$0\" --registry \"$1\" partners add port-towns Pisa",
        &[&file],
    ));
    assert_eq!(
        stderr,
        format!(
            "error: cannot write `{0}`: file too large for the file-size limit (`ulimit -f`)\n\
             hint: raise the limit (`ulimit -f unlimited`) and try again; `{0}` was not changed\n",
            file.display()
        )
    );
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(&file).expect("file"), SMALL);
    assert!(temp_files(test.dir.path()).is_empty());
}

#[test]
fn a_read_under_a_small_file_size_limit_still_prints() {
    // The read stores a snapshot bigger than the limit: that store fails
    // quietly instead of SIGXFSZ killing netreg after its output.
    let test = Test::new();
    let file = test.path("registry.toml");
    let partners: String = (0..60)
        .map(|i| format!("\n[[networks.partners]]\nname = \"Town number {i}\"\ncountry = \"IT\"\n"))
        .collect();
    std::fs::write(&file, format!("{SMALL}{partners}")).expect("write");
    let (code, stdout, stderr) = run(bash(
        &test.home(),
        "ulimit -f 1; exec \"$0\" --registry \"$1\" partners list --network port-towns --fields name",
        &[&file],
    ));
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout.lines().last(), Some("Town number 59"));
    let cache = test.home().join(".cache/netreg");
    let left: Vec<_> = std::fs::read_dir(&cache)
        .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

/// Where netreg run with `home` keeps the snapshot of `file`.
fn snapshot_in(home: &Path, file: &Path) -> PathBuf {
    let dirs = netreg::Dirs {
        cache: Some(home.join(".cache")),
        ..Default::default()
    };
    netreg::snapshot_path(&dirs, file).expect("a cache directory")
}

#[test]
fn a_fifo_at_the_snapshot_path_does_not_hang_a_read() {
    if !can(has_tool("mkfifo"), "mkfifo") {
        return;
    }
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let expected = names(&test.home(), &file);
    let snapshot = snapshot_in(&test.home(), &file);
    assert!(snapshot.is_file(), "the first read keeps a snapshot");
    std::fs::remove_file(&snapshot).expect("remove");
    tool("mkfifo", &[snapshot.as_os_str()]);
    for args in [
        &["partners", "list", "--fields", "name"][..],
        &["partners", "add", "port-towns", "Pisa", "--dry-run"],
    ] {
        let command = with_registry(&test.home(), &file, args);
        let (code, stdout, stderr) = run_within(command, Duration::from_secs(10));
        assert_eq!(code, 0, "{args:?}: {stderr}");
        if args[1] == "list" {
            assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
        }
    }
}

#[test]
fn a_snapshot_that_is_a_symlink_to_dev_zero_is_not_read() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let expected = names(&test.home(), &file);
    let snapshot = snapshot_in(&test.home(), &file);
    std::fs::remove_file(&snapshot).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &snapshot).expect("symlink");
    let command = with_registry(&test.home(), &file, &["partners", "list", "--fields", "name"]);
    let (code, stdout, stderr) = run_within(command, Duration::from_secs(10));
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn a_snapshot_too_large_for_its_registry_is_not_read() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let expected = names(&test.home(), &file);
    let snapshot = snapshot_in(&test.home(), &file);
    // 16 times the registry and 1 MiB more, and a byte: a sparse file.
    let big = std::fs::File::options()
        .write(true)
        .open(&snapshot)
        .expect("open");
    big.set_len(HANDMADE.len() as u64 * 16 + (1 << 20) + 1)
        .expect("grow");
    let command = with_registry(&test.home(), &file, &["partners", "list", "--fields", "name"]);
    let (code, stdout, stderr) = run_within(command, Duration::from_secs(10));
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn stale_snapshot_temp_files_are_removed_when_a_snapshot_is_stored() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let cache = test.home().join(".cache/netreg");
    std::fs::create_dir_all(&cache).expect("cache");
    let stale = cache.join(".snapshot.old123");
    let fresh = cache.join(".snapshot.new456");
    std::fs::write(&stale, "half a snapshot").expect("write");
    std::fs::write(&fresh, "a snapshot being written").expect("write");
    tool(
        "touch",
        &["-d".as_ref(), "1 hour ago".as_ref(), stale.as_os_str()],
    );
    let (code, _, stderr) = run(with_registry(
        &test.home(),
        &file,
        &["partners", "add", "port-towns", "Pisa"],
    ));
    assert_eq!(code, 0, "{stderr}");
    assert!(!stale.exists(), "the stale temp file is gone");
    assert!(fresh.exists(), "a recent one may belong to a live netreg");
    assert!(snapshot_in(&test.home(), &file).is_file());
}

/// An input that never ends is refused at once, not read until memory runs
/// out or waited on forever: `import` and `diff` of a device or a named pipe
/// in the file system; a command's output (`<(cmd)`) and `-` are read.
#[test]
fn inputs_that_never_end_are_refused_at_once() {
    if !can(has_tool("mkfifo"), "mkfifo") {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let (home, registry, fifo) = (
        dir.path().join("home"),
        dir.path().join("r.toml"),
        dir.path().join("fifo"),
    );
    std::fs::write(&registry, "format = 1\n").expect("write");
    tool("mkfifo", &[fifo.as_os_str()]);
    for input in [Path::new("/dev/zero"), fifo.as_path()] {
        for args in [
            vec!["import".as_ref(), input.as_os_str()],
            vec!["diff".as_ref(), input.as_os_str(), registry.as_os_str()],
        ] {
            let mut command = netreg(&home);
            command.arg("--registry").arg(&registry).args(&args);
            let (code, _, stderr) = run_within(command, Duration::from_secs(10));
            assert_eq!(code, 1, "{args:?}: {stderr}");
            assert!(stderr.contains("not a file to read"), "{args:?}: {stderr}");
        }
    }
    let mut piped = Command::new("bash");
    piped.arg("-c").arg(format!(
        "{} --registry {} import <(echo '{{\"format\": 1, \"networks\": [{{\"id\": \"p\", \"name\": \"P\"}}]}}') --dry-run",
        env!("CARGO_BIN_EXE_netreg"),
        registry.display()
    ));
    piped.env("HOME", &home);
    let (code, stdout, stderr) = run_within(piped, Duration::from_secs(10));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("+id = \"p\""), "{stdout}");
}
