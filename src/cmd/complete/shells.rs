//! The scripts `netreg completions SHELL` prints, and netreg's side of the
//! conversation: the words the shell sends, read as the shell would run
//! them, and the line they make (its `--registry`, its positionals) kept
//! for the completers.
//!
//! clap_complete's adapters do the rest; netreg's own differ where a shell
//! needs more: bash quotes a value with a space as it quotes a file name
//! (`URBACT\ II`), and zsh completes on the first TAB of a new shell (the
//! script autoloaded from `fpath` completes as well as registering itself).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap_complete::env::{EnvCompleter, Shells};

/// The line being completed: the words before the cursor, as the shell
/// will run them.
#[derive(Debug, Default)]
pub struct Line {
    /// `--registry PATH` (or `--registry=PATH`) given before the cursor.
    pub registry: Option<PathBuf>,
    /// The words that are not options nor their values: the subcommands,
    /// then the command's arguments (`partners edit NETWORK`).
    pub positionals: Vec<String>,
    /// Every option given with its value (`--by city`), the last one last.
    pub options: Vec<(String, String)>,
}

static LINE: OnceLock<Line> = OnceLock::new();

/// The line the shell asked about (empty when none was read).
pub fn line() -> &'static Line {
    LINE.get_or_init(Line::default)
}

impl Line {
    /// The value of `--long` given before the cursor, the last one.
    pub fn option(&self, long: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(name, _)| name == long)
            .map(|(_, v)| v.as_str())
    }

    /// Reads the words before the cursor (`words[0]` is netreg) with the
    /// options of `command` that take a value.
    fn read(command: &clap::Command, words: &[String]) -> Self {
        let mut takes_value = std::collections::BTreeSet::new();
        collect_valued(command, &mut takes_value);
        let mut line = Line::default();
        let mut words = words.iter().skip(1).peekable();
        while let Some(word) = words.next() {
            if let Some((name, value)) = word.split_once('=').filter(|(name, _)| name.starts_with("--")) {
                line.options.push((name.to_string(), value.to_string()));
            } else if word.starts_with('-') && word.len() > 1 {
                if takes_value.contains(word.as_str()) {
                    // bash splits `--registry=x` at `=`: `--registry`, `=`, `x`.
                    if words.peek().is_some_and(|w| *w == "=") {
                        words.next();
                    }
                    let value = words.next().cloned().unwrap_or_default();
                    line.options.push((word.clone(), value));
                }
            } else {
                line.positionals.push(word.clone());
            }
        }
        line.registry = line.option("--registry").filter(|p| !p.is_empty()).map(tilde);
        line
    }
}

/// Every `--long` and `-s` of `command` and its subcommands that takes a value.
fn collect_valued(command: &clap::Command, names: &mut std::collections::BTreeSet<String>) {
    for arg in command.get_arguments() {
        if arg.get_num_args().is_some_and(|n| n.takes_values()) {
            names.extend(arg.get_long().map(|l| format!("--{l}")));
            names.extend(arg.get_short().map(|s| format!("-{s}")));
        }
    }
    for sub in command.get_subcommands() {
        collect_valued(sub, names);
    }
}

/// `~/x` as the shell runs it, for a path the shell has not expanded yet.
fn tilde(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// A word as the shell will run it, its quotes and backslashes taken off
/// (POSIX rules; an unclosed quote, as in a word being typed, runs to its end).
pub fn unquote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '\'' => out.extend(chars.by_ref().take_while(|&c| c != '\'')),
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(next @ ('"' | '\\' | '$' | '`')) => out.push(next),
                            Some(next) => out.extend(['\\', next]),
                            None => out.push('\\'),
                        },
                        c => out.push(c),
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The shells netreg answers: clap's adapters, each with what netreg adds
/// to its script and how it reads the words the shell gives.
pub fn shells() -> Shells<'static> {
    Shells(&[&BASH, &ZSH, &FISH, &ELVISH, &POWERSHELL])
}

/// Which words of the line a shell gives as typed, quotes and all: those
/// are unquoted before the completers read the line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Typed {
    /// bash: the words before the cursor (the current one comes unquoted).
    Before,
    /// fish: the word being completed (the others come unquoted).
    Current,
    /// zsh: every word.
    All,
    /// elvish and PowerShell: none, they give the words as they will run them.
    None,
}

/// clap's adapter for one shell, with the line kept for the completers first.
struct Adapter {
    inner: &'static dyn EnvCompleter,
    /// Where the word being completed is: `_CLAP_COMPLETE_INDEX`, else the last word.
    index_from_env: bool,
    typed: Typed,
    /// clap's registration script, with what netreg adds (name, bin).
    script: fn(String, &str, &str) -> String,
}

const BASH: Adapter = Adapter {
    inner: &clap_complete::env::Bash,
    index_from_env: true,
    typed: Typed::Before,
    script: bash_script,
};

const ZSH: Adapter = Adapter {
    inner: &clap_complete::env::Zsh,
    index_from_env: true,
    typed: Typed::All,
    script: zsh_script,
};

const FISH: Adapter = Adapter {
    inner: &clap_complete::env::Fish,
    index_from_env: false,
    typed: Typed::Current,
    script: |script, _, _| script,
};

const ELVISH: Adapter = Adapter {
    inner: &clap_complete::env::Elvish,
    index_from_env: true,
    typed: Typed::None,
    script: |script, _, _| script,
};

const POWERSHELL: Adapter = Adapter {
    inner: &clap_complete::env::Powershell,
    index_from_env: false,
    typed: Typed::None,
    script: |script, _, _| script,
};

impl EnvCompleter for Adapter {
    fn name(&self) -> &'static str {
        self.inner.name()
    }
    fn is(&self, name: &str) -> bool {
        self.inner.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut script = Vec::new();
        self.inner
            .write_registration(var, name, bin, completer, &mut script)?;
        let script = String::from_utf8_lossy(&script).into_owned();
        buf.write_all((self.script)(script, name, bin).as_bytes())
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn Write,
    ) -> std::io::Result<()> {
        let index = if self.index_from_env {
            index_from_env()
        } else {
            args.len().saturating_sub(1)
        };
        let typed = |i: usize| match self.typed {
            Typed::Before => i < index,
            Typed::Current => i == index,
            Typed::All => true,
            Typed::None => false,
        };
        let args = read_line(
            cmd,
            args,
            index,
            |i, word| if typed(i) { unquote(&word) } else { word },
        );
        self.inner.write_complete(cmd, args, current_dir, buf)
    }
}

/// bash: a value with a space or a quote is quoted by readline, as a file
/// name is (`URBACT\ II`, or inside the quote the user opened), so the line
/// runs as it reads.
fn bash_script(script: String, _: &str, _: &str) -> String {
    let quoting = r#"        compopt -o nospace
    fi
    if [[ ${#COMPREPLY[@]} -gt 0 ]]; then
        local _netreg_reply
        for _netreg_reply in "${COMPREPLY[@]}"; do
            if [[ $_netreg_reply == *[^A-Za-z0-9,._+@%/=:-]* ]]; then
                compopt -o filenames 2> /dev/null
                break
            fi
        done
    fi"#;
    script.replacen("        compopt -o nospace\n    fi", quoting, 1)
}

/// zsh: autoloaded from fpath as `_netreg`, the file is the function the
/// first TAB calls: it must complete then, not only register.
fn zsh_script(script: String, name: &str, bin: &str) -> String {
    let register = format!("compdef _clap_dynamic_completer_{name} {bin}");
    let first_tab = format!(
        "if [[ \"${{funcstack[1]}}\" == \"_{bin}\" ]]; then\n    \
         _clap_dynamic_completer_{name} \"$@\"\nelse\n    {register}\nfi"
    );
    script.replacen(&register, &first_tab, 1)
}

/// The registration script for `shell`, and the name of the file the shell
/// looks for it in.
pub fn script(shell: clap_complete::Shell) -> std::io::Result<(Vec<u8>, &'static str)> {
    let (completer, file): (&dyn EnvCompleter, _) = match shell {
        clap_complete::Shell::Bash => (&BASH, "netreg"),
        clap_complete::Shell::Elvish => (&ELVISH, "netreg.elv"),
        clap_complete::Shell::Fish => (&FISH, "netreg.fish"),
        clap_complete::Shell::PowerShell => (&POWERSHELL, "_netreg.ps1"),
        _ => (&ZSH, "_netreg"),
    };
    let mut script = Vec::new();
    completer.write_registration("COMPLETE", "netreg", "netreg", "netreg", &mut script)?;
    Ok((script, file))
}

/// Keeps the line before the cursor for the completers; `unquoted(i, word)`
/// is word `i` as the shell will run it.
fn read_line(
    command: &clap::Command,
    args: Vec<OsString>,
    index: usize,
    unquoted: impl Fn(usize, String) -> String,
) -> Vec<OsString> {
    let words: Vec<String> = args
        .into_iter()
        .enumerate()
        .map(|(i, word)| unquoted(i, word.to_string_lossy().into_owned()))
        .collect();
    let _ = LINE.set(Line::read(command, &words[..index.min(words.len())]));
    words.into_iter().map(OsString::from).collect()
}

fn index_from_env() -> usize {
    std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn unquote_reads_a_word_as_a_posix_shell_runs_it() {
        for (typed, runs) in [
            (r"URBACT\ II", "URBACT II"),
            ("'URBACT II'", "URBACT II"),
            (r#""Côte d'Opale""#, "Côte d'Opale"),
            (r"'Côte d'\''Opale'", "Côte d'Opale"),
            (r#""a \"b\" \n""#, r#"a "b" \n"#),
            // Being typed: an unclosed quote runs to the end.
            ("\"URBACT I", "URBACT I"),
            ("'Port A", "Port A"),
            ("~/small.toml", "~/small.toml"),
        ] {
            assert_eq!(unquote(typed), runs, "{typed}");
        }
    }
}
