//! Dynamic completion in the real shells: bash, zsh and fish each source
//! `netreg completions SHELL` and ask netreg, which completes network ids,
//! countries, partners, places, milestones, fields, sort keys and
//! programmes from the registry in use, a `--registry` on the line too.
//!
//! Two kinds of test: the candidates a shell's completion function gets
//! (the function called as the shell calls it), and, on a terminal, what a
//! TAB inserts in a new interactive shell set up as the README says, read
//! back as the words the shell then runs.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{SMALL, on_terminal};

/// The shell, or `None` (a test then skips; on CI it fails).
fn shell(name: &str) -> Option<PathBuf> {
    let found = Command::new(name).arg("-c").arg("true").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs {name} (apt-get install {name})"
        );
        eprintln!("skipped: {name} is not installed");
        return None;
    }
    Some(PathBuf::from(name))
}

/// `PATH` with netreg's directory first.
fn path_with_netreg() -> std::ffi::OsString {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let bin_dir = netreg.parent().expect("bin dir").to_path_buf();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH")
}

/// Runs `script` in `shell` with netreg on the PATH and a fresh home (the
/// built-in registry, and `~/small.toml`): its stdout, a line per candidate.
fn run(shell: PathBuf, args: &[&str], script: &str) -> Vec<String> {
    let home = tempfile::tempdir().expect("tmp");
    std::fs::write(home.path().join("small.toml"), SMALL).expect("registry");
    run_in(shell, args, script, home.path())
}

/// `run` with `home` as the home directory.
fn run_in(shell: PathBuf, args: &[&str], script: &str, home: &Path) -> Vec<String> {
    let out = Command::new(shell)
        .args(args)
        .arg(script)
        .env_clear()
        .env("HOME", home)
        .env("PATH", path_with_netreg())
        .output()
        .expect("shell");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect()
}

/// What bash's completion function puts in COMPREPLY for the line `words`,
/// the last word being completed, as bash calls it (`$2` without quotes).
fn bash_candidates(words: &[&str]) -> Option<Vec<String>> {
    let bash = shell("bash")?;
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
        .collect();
    let current = quoted.last().expect("a word").clone();
    let script = format!(
        "source <(netreg completions bash)\n\
         COMP_WORDS=({}); COMP_CWORD={}; COMP_TYPE=9\n\
         _clap_complete_netreg netreg \"$(eval printf %s {current})\" netreg\n\
         [[ ${{#COMPREPLY[@]}} -eq 0 ]] || printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1
    );
    Some(run(bash, &["--norc", "-c"], &script))
}

#[test]
fn bash_completes_network_ids_from_the_registry() {
    let Some(bash) = shell("bash") else { return };
    let script = r#"source <(netreg completions bash)
COMP_WORDS=(netreg partners add cre); COMP_CWORD=3; COMP_TYPE=9
_clap_complete_netreg netreg cre netreg
printf '%s\n' "${COMPREPLY[@]}""#;
    assert_eq!(
        run(bash, &["--norc", "-c"], script),
        ["creative-clusters", "creative-spin", "creative-spirits"]
    );
}

#[test]
fn fish_completes_countries_by_code_and_name() {
    let Some(fish) = shell("fish") else { return };
    let script = r#"netreg completions fish | source
complete -C "netreg partners list --country I"
complete -C "netreg partners list --country it""#;
    assert_eq!(
        run(fish, &["--no-config", "-c"], script),
        [
            "IE\tIreland",
            "IT\tItaly",
            "Ireland\tIE",
            "Italy\tIT",
            "it\tItaly",
            "italy\tIT"
        ]
    );
}

/// Countries as `--country` takes them, in any case: a code or a name, in
/// the case typed; a filter offers the registry's countries, a partner's
/// own country any country.
#[test]
fn countries_complete_by_code_and_name_in_any_case() {
    for (words, expected) in [
        (
            &["netreg", "partners", "list", "--country", "Ita"][..],
            &["Italy"][..],
        ),
        (&["netreg", "partners", "list", "--country", "ita"], &["italy"]),
        (&["netreg", "networks", "list", "--country", "Ger"], &["Germany"]),
        (&["netreg", "stats", "--country", "GER"], &["GERMANY"]),
        (
            &["netreg", "partners", "list", "--country", "it"],
            &["it", "italy"],
        ),
        (
            &["netreg", "partners", "list", "--country", "po"],
            &["poland", "portugal"],
        ),
        // Not in the built-in registry, but a partner may be there.
        (&["netreg", "partners", "list", "--country", "Ice"], &[]),
        (
            &["netreg", "partners", "add", "x", "y", "--country", "Ice"],
            &["Iceland"],
        ),
        (
            &["netreg", "partners", "edit", "x", "y", "--country", "is"],
            &["is", "israel", "isle of man", "islamic republic of iran"],
        ),
    ] {
        let Some(candidates) = bash_candidates(words) else {
            return;
        };
        assert_eq!(candidates, expected, "{words:?}");
    }
}

/// Partners of the network on the line, places, milestone dates and titles,
/// sort keys (descending too) and the fields of each list, from the registry
/// a `--registry` earlier on the line names.
#[test]
fn values_of_the_line_complete_from_its_registry() {
    let small = ["netreg", "--registry", "~/small.toml"];
    for (words, expected) in [
        (
            &["partners", "remove", "port-towns", "P"][..],
            &["Port Agency"][..],
        ),
        (&["partners", "edit", "creative-clusters", "o"], &["obidos"]),
        (&["partners", "edit", "creative-clusters", "J"], &["Jyväskylä"]),
        (&["cities", "show", "gd"], &["gdańsk"]),
        (
            &["milestones", "remove", "creative-clusters", "2011"],
            &["2011", "2011-06-09"],
        ),
        (
            &["milestones", "edit", "creative-clusters", "2008", "net"],
            &["network launched"],
        ),
        (
            &["milestones", "remove", "port-towns", "2018-05-03", ""],
            &[
                "Closing meeting",
                "--dry-run",
                "--help",
                "--registry",
                "--format",
                "--color",
                "--quiet",
                "--no-pager",
            ],
        ),
        (&["networks", "list", "--sort", "-pa"], &["-partners"]),
        (
            &["networks", "list", "--sort", "programme,-s"],
            &[
                "programme,-status",
                "programme,-start",
                "programme,-start_date",
                "programme,-start_precision",
                "programme,-span_start",
                "programme,-span_end",
            ],
        ),
        (&["cities", "list", "--sort", "l"], &["leads", "last"]),
        (
            &["stats", "--by", "city", "--sort", "c"],
            &["city", "country", "connections"],
        ),
        (&["stats", "--fields", "country_"], &["country_name"]),
        (&["history", "--fields", "n,s"], &["n,summary"]),
        (&["networks", "show", "p"], &["port-towns"]),
        (
            &["partners", "list", "--programme", "URBACT "],
            &["URBACT II", "URBACT III"],
        ),
    ] {
        let words: Vec<&str> = small.iter().chain(words).copied().collect();
        let Some(candidates) = bash_candidates(&words) else {
            return;
        };
        assert_eq!(candidates, expected, "{words:?}");
    }
    // `--registry=PATH`, which bash splits at `=`.
    let Some(candidates) = bash_candidates(&[
        "netreg",
        "--registry",
        "=",
        "~/small.toml",
        "networks",
        "show",
        "",
    ]) else {
        return;
    };
    assert!(
        candidates.starts_with(&["creative-clusters".to_string(), "port-towns".to_string()]),
        "{candidates:?}"
    );
}

#[test]
fn zsh_completes_fields_and_programmes() {
    let Some(zsh) = shell("zsh") else { return };
    // The script as zsh runs it, with compsys's `compdef` and `_describe`
    // standing in (they print what they are given).
    let script = r#"compdef() { :; }
_describe() { local name=${@[-1]}; print -l -- ${(P)name}; }
source <(netreg completions zsh)
words=(netreg networks list --fields id,na); CURRENT=5
_clap_dynamic_completer_netreg
words=(netreg networks list --programme 'URBACT I'); CURRENT=5
_clap_dynamic_completer_netreg
words=(netreg --registry ~/small.toml partners remove port-towns "Port A"); CURRENT=7
_clap_dynamic_completer_netreg"#;
    assert_eq!(
        run(zsh, &["-f", "-c"], script),
        [
            "id,name",
            "URBACT I",
            "URBACT II",
            "URBACT III",
            "URBACT IV",
            "Port Agency"
        ]
    );
}

#[test]
fn bash_completes_commands_and_flags() {
    let Some(bash) = shell("bash") else { return };
    let script = r#"source <(netreg completions bash)
COMP_WORDS=(netreg part); COMP_CWORD=1; COMP_TYPE=9
_clap_complete_netreg netreg part netreg
printf '%s\n' "${COMPREPLY[@]}"
COMP_WORDS=(netreg partners list --cou); COMP_CWORD=3
_clap_complete_netreg netreg --cou partners
printf '%s\n' "${COMPREPLY[@]}""#;
    assert_eq!(run(bash, &["--norc", "-c"], script), ["partners", "--country"]);
}

/// The README's install lines for `shell`, run in `home` as a new user
/// would (with netreg on the PATH), then `rc` as the shell's startup file.
fn install(home: &Path, shell: &str) {
    let readme = include_str!("../../README.md");
    let line = readme
        .split('`')
        .find(|part| part.starts_with(&format!("netreg completions {shell} --dir")))
        .or_else(|| {
            readme
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with(&format!("netreg completions {shell} --dir")))
        })
        .unwrap_or_else(|| panic!("the README says how to install {shell}'s completions"));
    let out = Command::new("bash")
        .args(["-c", line])
        .env_clear()
        .env("HOME", home)
        .env("PATH", path_with_netreg())
        .output()
        .expect("bash");
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Types each of `lines` into a new interactive `command` on a terminal,
/// TAB and all, then goes to the start of the line (C-a) and puts
/// `printf '<%s>\n'` before it: the words the shell ran each line as.
fn typed(command: &str, home: &Path, lines: &[&str]) -> Option<Vec<Vec<String>>> {
    let mut input = String::new();
    for line in lines {
        input.push_str(line);
        input.push_str("\x01printf '<%s>\\n' \r");
    }
    input.push_str("exit\r");
    let path = path_with_netreg();
    let env: [(&str, &OsStr); 3] = [
        ("HOME", home.as_os_str()),
        ("PATH", path.as_os_str()),
        ("TERM", OsStr::new("xterm")),
    ];
    let shown = on_terminal(command, &env, input.as_bytes())?;
    let mut ran: Vec<Vec<String>> = Vec::new();
    for piece in shown.split(['\r', '\n']) {
        let Some(word) = piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')) else {
            continue;
        };
        if word == "netreg" {
            ran.push(Vec::new());
        }
        if let Some(words) = ran.last_mut() {
            words.push(word.to_string());
        }
    }
    Some(ran)
}

/// The lines typed in every shell, and the words each must run as: a value
/// with a space inserted so that it runs as one word (bare, or inside the
/// quote the user opened), quotes and brackets in it too; a partial value
/// as far as it is common; a country in the case typed; a partner of the
/// registry on the line.
const TYPED: [&str; 6] = [
    "netreg --registry ~/small.toml partners remove port-towns Port\t",
    "netreg partners remove digi-inclusion Boulogne\t",
    "netreg cities show 'tallinn (\t",
    "netreg networks list --programme URB\t",
    "netreg networks list --programme \"URBACT IV\t",
    "netreg partners list --country ger\t",
];

fn expected(home: &Path) -> Vec<Vec<String>> {
    let small = home.join("small.toml").display().to_string();
    [
        &[
            "netreg",
            "--registry",
            &small,
            "partners",
            "remove",
            "port-towns",
            "Port Agency",
        ][..],
        &[
            "netreg",
            "partners",
            "remove",
            "digi-inclusion",
            "Boulogne-sur-Mer Développement Côte d'Opale",
        ],
        &["netreg", "cities", "show", "tallinn (tallinn creative hub)"],
        &["netreg", "networks", "list", "--programme", "URBACT I"],
        &["netreg", "networks", "list", "--programme", "URBACT IV"],
        &["netreg", "partners", "list", "--country", "germany"],
    ]
    .iter()
    .map(|words| words.iter().map(|w| w.to_string()).collect())
    .collect()
}

/// A new bash set up as the README says (bash-completion loads netreg's
/// script on the first TAB) inserts what bash can run.
#[test]
fn bash_inserts_what_it_can_run_from_the_first_tab() {
    if shell("bash").is_none() {
        return;
    }
    let loader = Path::new("/usr/share/bash-completion/bash_completion");
    if !loader.exists() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs bash-completion"
        );
        eprintln!("skipped: needs bash-completion");
        return;
    }
    // Debian's ~/.bashrc for a new account loads bash-completion so.
    let bashrc = format!("PS1='$ '\n. {}\n", loader.display());
    first_tab("bash", Some((".bashrc", &bashrc)));
}

/// `shell`, in a new account with netreg's script installed as the README
/// says and `rc` (file, text) as its start-up file, inserts what it can run
/// from the first TAB.
fn first_tab(shell: &str, rc: Option<(&str, &str)>) {
    let home = tempfile::tempdir().expect("tmp");
    std::fs::write(home.path().join("small.toml"), SMALL).expect("registry");
    install(home.path(), shell);
    if let Some((file, text)) = rc {
        std::fs::write(home.path().join(file), text).expect("start-up file");
    }
    let Some(ran) = typed(&format!("{shell} -i"), home.path(), &TYPED) else {
        return;
    };
    assert_eq!(ran, expected(home.path()));
}

/// A new zsh with the README's `fpath` line completes on its first TAB (the
/// script autoloaded from `~/.zfunc`).
#[test]
fn zsh_inserts_what_it_can_run_from_the_first_tab() {
    if shell("zsh").is_none() {
        return;
    }
    let readme = include_str!("../../README.md");
    let fpath = readme
        .split('`')
        .find(|part| part.starts_with("fpath="))
        .expect("the README's fpath line");
    let zshrc = format!("{fpath}\nautoload -Uz compinit && compinit\nPS1='$ '\n");
    first_tab("zsh", Some((".zshrc", &zshrc)));
}

/// A new fish finds the script where the README puts it and completes on
/// its first TAB.
#[test]
fn fish_inserts_what_it_can_run_from_the_first_tab() {
    if shell("fish").is_none() {
        return;
    }
    first_tab("fish", None);
}

/// elvish and PowerShell (not installed here, so netreg's answer is what is
/// tested) complete from the line too: its registry and its network.
#[test]
fn elvish_and_powershell_complete_from_the_line() {
    let home = tempfile::tempdir().expect("tmp");
    let small = home.path().join("small.toml");
    std::fs::write(&small, SMALL).expect("registry");
    let small = small.display().to_string();
    let line = [
        "netreg",
        "--registry",
        &small,
        "partners",
        "remove",
        "port-towns",
        "P",
    ];
    for (shell, expected) in [("elvish", "Port Agency"), ("powershell", "Port Agency\n")] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("netreg"))
            .arg("--")
            .args(line)
            .env_clear()
            .env("HOME", home.path())
            .env("COMPLETE", shell)
            .env("_CLAP_IFS", "\n")
            .env("_CLAP_COMPLETE_INDEX", "6")
            .output()
            .expect("netreg");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{shell}");
    }
}

/// A hostile registry's names reach neither the line nor the terminal: a
/// value with a control character is not offered, help is escaped.
#[test]
fn hostile_values_are_not_offered() {
    let Some(fish) = shell("fish") else { return };
    let home = tempfile::tempdir().expect("tmp");
    let registry = home.path().join("hostile.toml");
    std::fs::write(
        &registry,
        "format = 1\n\n[[networks]]\nid = \"net\"\nname = \"Net\\u001b]0;owned\\u0007\"\n\n\
         [[networks.partners]]\nname = \"Evil\\u001b]0;owned\\u0007 Town\"\ncountry = \"IT\"\n\n\
         [[networks.partners]]\nname = \"Good Town\"\ncountry = \"IT\"\n",
    )
    .expect("registry");
    let script = format!(
        "netreg completions fish | source\n\
         complete -C 'netreg --registry {0} partners remove net '\n\
         complete -C 'netreg --registry {0} networks show n'",
        registry.display()
    );
    let lines = run(fish, &["--no-config", "-c"], &script);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("Good Town\tItaly"),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("Evil")), "{lines:?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("net\tNet\\u{1b}]0;owned\\u{7}"),
        "{lines:?}"
    );
}

/// `history show N` completes the writes the history of the line's registry
/// holds, the newest first, each with what it did.
#[test]
fn history_show_completes_the_writes_kept() {
    let Some(fish) = shell("fish") else { return };
    let home = tempfile::tempdir().expect("tmp");
    let registry = home.path().join("small.toml");
    std::fs::write(&registry, SMALL).expect("registry");
    for name in ["Zed", "Zod"] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("netreg"))
            .arg("--registry")
            .arg(&registry)
            .args(["partners", "add", "creative-clusters", name])
            .env_clear()
            .env("HOME", home.path())
            .output()
            .expect("netreg");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let script = format!(
        "netreg completions fish | source\ncomplete -C 'netreg --registry {} history show '",
        registry.display()
    );
    let lines = run_in(fish, &["--no-config", "-c"], &script, home.path());
    assert_eq!(
        lines[..2],
        [
            "2\tadded partner `Zod` to `creative-clusters`",
            "1\tadded partner `Zed` to `creative-clusters`"
        ]
    );
}
