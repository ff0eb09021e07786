//! The README is true: every `$ netreg …` example in it runs here, on the
//! built-in registry with a fresh home, and gives the output shown.
//!
//! A table example runs with `--format table` (the README shows a terminal),
//! at 100 columns; the output shown is stdout and stderr together; `/home/me`
//! stands for the home directory; trailing white space (an empty last field
//! in a pipe) does not show in a README and is not compared; lines after a
//! `...` are left out of the
//! example, and so is a timeline's chart, which grows with today's date.

const README: &str = include_str!("../../README.md");

struct Example {
    line: usize,
    command: String,
    shown: Vec<String>,
}

fn examples() -> Vec<Example> {
    let lines: Vec<&str> = README.lines().collect();
    let mut examples = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let Some(command) = lines[at].strip_prefix("    $ netreg ") else {
            at += 1;
            continue;
        };
        let mut shown = Vec::new();
        let mut next = at + 1;
        // The indented block, blank lines inside it too.
        let output = |line: &str| line.starts_with("    ") && !line.starts_with("    $ ");
        while next < lines.len() {
            if output(lines[next]) {
                shown.push(lines[next][4..].to_string());
            } else if lines[next].is_empty()
                && lines
                    .get(next + 1)
                    .is_some_and(|l| output(l) && !l.starts_with("    netreg "))
            {
                shown.push(String::new());
            } else {
                break;
            }
            next += 1;
        }
        examples.push(Example {
            line: at + 1,
            command: command.to_string(),
            shown,
        });
        at = next;
    }
    examples
}

#[test]
fn every_example_in_the_readme_gives_the_output_shown() {
    let examples = examples();
    assert!(examples.len() >= 6, "found {} examples", examples.len());
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    for example in examples {
        let home = tempfile::tempdir().expect("tmp");
        let mut shown = example.shown.clone();
        if let Some(cut) = shown.iter().position(|l| l == "...") {
            shown.truncate(cut);
        }
        let mut command = example.command.clone();
        if shown.first().is_some_and(|l| l.starts_with('╭')) {
            command.push_str(" --format table");
        }
        let timeline = command.starts_with("timeline show");
        if timeline {
            command.push_str(" --format table");
            // From the first milestone on: the chart above it depends on the day.
            let first = shown.iter().position(|l| l.starts_with("20")).unwrap_or(0);
            shown.drain(..first);
        }
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "netreg() {{ \"$NETREG_BIN\" \"$@\"; }}; netreg {command} 2>&1"
            ))
            .env_clear()
            .env("NETREG_BIN", &netreg)
            .env("HOME", home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("COLUMNS", "100")
            .output()
            .expect("bash");
        let printed =
            String::from_utf8_lossy(&out.stdout).replace(&*home.path().to_string_lossy(), "/home/me");
        // A line's trailing tabs (an empty last field) do not show in a README.
        let mut printed: Vec<&str> = printed.lines().map(str::trim_end).collect();
        if timeline {
            let first = printed.iter().position(|l| l.starts_with("20")).unwrap_or(0);
            printed.drain(..first);
        }
        printed.truncate(shown.len());
        assert_eq!(
            printed, shown,
            "README.md:{}: netreg {}",
            example.line, example.command
        );
    }
}

/// The README's write sequence (its `netreg …` lines after the first write)
/// works in order, each command on the registry the one before it left.
#[test]
fn the_readme_write_sequence_works_in_order() {
    let start = README
        .find("    netreg networks add my-net")
        .expect("the write sequence");
    let commands: Vec<&str> = README[start..]
        .lines()
        .take_while(|l| l.starts_with("    netreg "))
        .map(|l| {
            l.trim_start_matches("    netreg ")
                .split("   #")
                .next()
                .unwrap_or_default()
                .trim()
        })
        .collect();
    assert!(commands.len() >= 6, "{commands:?}");
    let home = tempfile::tempdir().expect("tmp");
    std::fs::write(
        home.path().join("partners.csv"),
        "network,name,country\nmy-net,Gent,BE\n",
    )
    .expect("csv");
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    for command in commands {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!("\"$NETREG_BIN\" {command}"))
            .env_clear()
            .env("NETREG_BIN", &netreg)
            .env("HOME", home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .current_dir(home.path())
            .output()
            .expect("bash");
        assert_eq!(
            out.status.code(),
            Some(0),
            "netreg {command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The README's install lines, run as written on a fresh account (netreg
/// where `cargo install` puts it, nothing else in the home): each works, and
/// then `man` finds the pages and bash the completions.
#[test]
fn the_readme_install_lines_work_on_a_fresh_account() {
    let block: Vec<&str> = README
        .split("## Install")
        .nth(1)
        .expect("an Install section")
        .lines()
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.split("  #").next().unwrap_or(l).trim())
        .collect();
    assert_eq!(block.first().copied(), Some("cargo install --locked --path ."));
    let home = tempfile::tempdir().expect("tmp");
    let bin = home.path().join(".cargo/bin");
    std::fs::create_dir_all(&bin).expect("bin");
    std::os::unix::fs::symlink(assert_cmd::cargo::cargo_bin("netreg"), bin.join("netreg")).expect("netreg");
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
    let run = |line: &str| {
        std::process::Command::new("bash")
            .args(["-c", line])
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", &path)
            .current_dir(home.path())
            .output()
            .expect("bash")
    };
    for line in &block[1..] {
        let out = run(line);
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let completions = home
        .path()
        .join(".local/share/bash-completion/completions/netreg");
    assert!(
        completions.is_file(),
        "bash-completion's directory holds the script"
    );
    if !crate::support::have("man", &["--version"]) {
        return;
    }
    for page in ["netreg", "netreg-partners-add"] {
        let out = run(&format!("man -w {page}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{}/.cargo/share/man/man1/{page}.1\n", home.path().display()),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
