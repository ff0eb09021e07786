//! Dynamic completion in the real shells: bash, zsh and fish each source
//! `netreg completions SHELL` and ask netreg, which completes network ids,
//! countries, fields and programmes from the registry in use.

use std::path::PathBuf;
use std::process::Command;

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

/// Runs `script` in `shell` with netreg on the PATH and a fresh home (the
/// built-in registry): its stdout, a line per candidate.
fn run(shell: PathBuf, args: &[&str], script: &str) -> Vec<String> {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let bin_dir = netreg.parent().expect("bin dir").to_path_buf();
    let home = tempfile::tempdir().expect("tmp");
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let out = Command::new(shell)
        .args(args)
        .arg(script)
        .env_clear()
        .env("HOME", home.path())
        .env("PATH", path)
        .output()
        .expect("shell");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .collect()
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
fn fish_completes_countries_with_their_names() {
    let Some(fish) = shell("fish") else { return };
    let script = r#"netreg completions fish | source
complete -C "netreg partners list --country I""#;
    assert_eq!(
        run(fish, &["--no-config", "-c"], script),
        ["IE\tIreland", "IT\tItaly"]
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
_clap_dynamic_completer_netreg"#;
    let lines = run(zsh, &["-f", "-c"], script);
    assert_eq!(lines.first().map(String::as_str), Some("id,name"), "{lines:?}");
    for programme in ["URBACT I", "URBACT II", "URBACT III", "URBACT IV"] {
        assert!(lines.iter().any(|l| l == programme), "{programme} in {lines:?}");
    }
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
