//! A small builder around the real binary: a fresh HOME for every test, no
//! colour or registry from the machine's environment.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub const SMALL: &str = include_str!("fixtures/small.toml");

/// The built-in registry's size, as `builtin::the_built_in_registry_counts`
/// asserts it in full.
pub const BUILT_IN_NETWORKS: usize = 245;
pub const BUILT_IN_PARTNERS: usize = 2060;
pub const BUILT_IN: &str = include_str!("../../data/registry.toml");

#[must_use]
pub struct Test {
    pub dir: TempDir,
    command: Command,
    /// What `run` holds the command to, as just's test builder does.
    expected: Expected,
}

#[derive(Default)]
struct Expected {
    status: Option<i32>,
    stdout: Option<String>,
    stderr: Option<String>,
    /// (file in the test's directory, its text after the command)
    files: Vec<(String, String)>,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// Keeps the test's files until the output is dropped.
    pub _dir: TempDir,
}

impl Test {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("home");
        let mut command = Command::cargo_bin("netreg").expect("binary");
        command
            .env_clear()
            .env("HOME", &home)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(dir.path());
        Self {
            dir,
            command,
            expected: Expected::default(),
        }
    }

    /// A registry file in the test's directory, passed with `--registry`.
    pub fn registry(mut self, contents: impl AsRef<[u8]>) -> Self {
        let path = self.path("registry.toml");
        std::fs::write(&path, contents).expect("write registry");
        self.command.arg("--registry").arg(&path);
        self
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    /// What netreg reads on its standard input (a pipe).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.command.write_stdin(bytes);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.command.env(key, value);
        self
    }

    /// Expects this exit code.
    pub fn status(mut self, code: i32) -> Self {
        self.expected.status = Some(code);
        self
    }

    /// Expects exactly this on stdout (`$DIR` stands for the test's directory).
    pub fn expect_stdout(mut self, text: &str) -> Self {
        self.expected.stdout = Some(text.to_string());
        self
    }

    /// Expects exactly this on stderr (`$DIR` stands for the test's directory).
    pub fn expect_stderr(mut self, text: &str) -> Self {
        self.expected.stderr = Some(text.to_string());
        self
    }

    /// Expects the file `name` in the test's directory to hold exactly `text`
    /// after the command.
    pub fn expect_file(mut self, name: &str, text: &str) -> Self {
        self.expected.files.push((name.to_string(), text.to_string()));
        self
    }

    /// Runs netreg and checks every expectation given.
    pub fn run(mut self) -> Output {
        let output = self.command.output().expect("run netreg");
        let output = Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            _dir: self.dir,
        };
        let dir = output._dir.path().display().to_string();
        let expected = |text: &str| text.replace("$DIR", &dir);
        if let Some(code) = self.expected.status {
            assert_eq!(output.code, code, "exit code; stderr: {}", output.stderr);
        }
        if let Some(stdout) = &self.expected.stdout {
            assert_eq!(output.stdout, expected(stdout), "stdout");
        }
        if let Some(stderr) = &self.expected.stderr {
            assert_eq!(output.stderr, expected(stderr), "stderr");
        }
        for (name, text) in &self.expected.files {
            let path = output._dir.path().join(name);
            let now = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(now, *text, "{name} after the command");
        }
        output
    }

    /// Runs and expects exit 0 and nothing on stderr; returns stdout.
    pub fn stdout(self) -> String {
        let output = self.run();
        assert_eq!(output.code, 0, "stderr: {}", output.stderr);
        assert_eq!(output.stderr, "", "stderr should be empty");
        output.stdout
    }
}

/// Text written indented in a test, without its indentation and first newline.
pub fn unindent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.get(indent..).unwrap_or("").trim_end())
        .collect();
    lines.join("\n").trim_end_matches('\n').to_string() + "\n"
}

/// `../shared` beside the repository (or where `NETREG_SHARED` says, for a
/// crate unpacked from `cargo package`), when it is there.
pub fn shared() -> Option<PathBuf> {
    let path = match std::env::var_os("NETREG_SHARED") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    path.is_dir().then_some(path)
}

/// Runs `command` (a shell command line) on a real terminal, the pty that
/// `script` makes, with `env` and `input` typed in: what the terminal showed.
/// `None` (after a note) where there is no `script`; on CI that fails.
pub fn on_terminal(command: &str, env: &[(&str, &OsStr)], input: &[u8]) -> Option<String> {
    use std::io::Write as _;
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs `script` (util-linux)"
        );
        eprintln!("skipped: needs `script` (util-linux) for a terminal");
        return None;
    }
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", command, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped());
    for (key, value) in env {
        script.env(key, value);
    }
    let mut child = script.spawn().expect("script");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("input");
    let out = child.wait_with_output().expect("script");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs a write on a registry holding `registry`: (exit code, stderr, the file after).
pub fn write(registry: &str, args: &[&str]) -> (i32, String, String) {
    let test = Test::new().registry(registry);
    let file = test.path("registry.toml");
    let out = test.args(args).run();
    (
        out.code,
        out.stderr,
        std::fs::read_to_string(file).expect("registry"),
    )
}

/// Whether `program args` runs and succeeds: a tool or a Python module a
/// test loads an export into. Where it does not, the test is skipped with a
/// note; on CI (`CI=true`) that fails instead.
pub fn have(program: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|out| out.status.success());
    if !ok {
        let what = format!("{program} {}", args.join(" "));
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs `{what}`");
        eprintln!("skipped: needs `{what}`");
    }
    ok
}

/// Runs a Python program with `args`; its stdout, or a failure showing stderr.
pub fn python(program: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(program)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
