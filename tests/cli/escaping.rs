//! One escaping rule for a terminal: every command in every format, printed
//! to a real terminal (the pty `script` makes) from a registry, a path and
//! arguments full of characters that act on a terminal or on the text
//! around it, shows each as an escape; the same exports through a pipe or
//! into a file keep every byte.

use std::ffi::OsStr;
use std::path::Path;

use crate::support::{Test, on_terminal};

/// Controls (ESC, BEL, the C1 CSI and NEL), bidi controls (RLO, LRI, ALM),
/// a zero-width space, a line separator, a soft hyphen and a tag character.
const HOSTILE: &str = "\x1b]0;pwned\x07\u{9b}31m\u{202e}\u{2066}\u{200b}\u{61c}\u{2028}\u{ad}\u{e0041}\u{85}";

/// Whether a terminal would act on `c` rather than show it: what must not
/// reach one raw. The terminal's own line ends and tabs are its layout.
fn acts(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || (!c.is_ascii() && HOSTILE.contains(c))
}

/// `text` in a TOML basic string: every character past ASCII and every
/// control written as a `\u` escape.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            ' '..='~' => out.push(c),
            c if u32::from(c) < 0x10000 => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// A registry with the hostile characters in every kind of text it holds:
/// names, programme, type, themes, url, summary, sources, partner types and
/// milestone titles; `id` is the first network's id.
fn hostile_registry(id: &str) -> String {
    let h = |prefix: &str| toml_string(&format!("{prefix}{HOSTILE}"));
    format!(
        "format = 1\n\n[[networks]]\nid = \"{id}\"\nname = {}\nprogramme = {}\ntype = {}\n\
         status = \"active\"\nthemes = [{}]\nurl = {}\nsummary = {}\nsources = [{}]\n\n\
         [[networks.partners]]\nname = {}\ncountry = \"IT\"\nrole = \"lead\"\ntype = {}\n\
         coordinates = [40.85, 14.27]\n\n[[networks.partners]]\nname = {}\ncountry = \"FR\"\n\n\
         [[networks.milestones]]\ndate = \"2015\"\ntitle = {}\nkind = \"launch\"\n\n\
         [[networks.milestones]]\ndate = 2016-03-04\ntitle = {}\n\n\
         [[networks]]\nid = \"second\"\nname = {}\n\n[[networks.partners]]\nname = {}\n\
         country = \"IT\"\nrole = \"lead\"\ncoordinates = [40.85, 14.27]\n",
        h("Net"),
        h("URBACT III"),
        h("Thematic"),
        h("theme"),
        h("https://example.org/"),
        h("Sum\nmore"),
        h("https://example.org/s"),
        h("Lead"),
        h("city"),
        h("Other"),
        h("Launch"),
        h("Event"),
        h("Second"),
        h("Lead"),
    )
}

/// Every command, each line a command line after `netreg --color never`
/// (`$R` the registry, `$H` the hostile text, `$D` the hostile directory),
/// for the sweep: reads in every format, every write's `--dry-run`, and
/// mistakes that quote an argument or a path.
fn commands() -> Vec<String> {
    let reads = [
        "networks list",
        "networks show hostile",
        "partners list",
        "milestones list",
        "timeline show",
        "cities list",
        "cities show \"Lead$H\"",
        "stats",
        "stats --by programme",
        "stats --by year",
        "stats --by city",
        "stats --by network",
        "check",
        "diff \"$R\" \"$D/new.toml\"",
        "diff --git \"$D/reg$H.toml\" \"$R\" 0 100644 \"$D/new.toml\" 0 100644",
        "history",
        "history show 1",
        "path",
        "export",
        "export --entity partners",
        "export --entity milestones",
        "about",
        "schema",
    ];
    // Every format `--format` takes.
    let command = netreg::completing_command();
    let formats: Vec<String> = command
        .get_arguments()
        .find(|arg| arg.get_id() == "format")
        .map(|arg| {
            let values = arg.get_possible_values();
            values.iter().map(|v| v.get_name().to_string()).collect()
        })
        .unwrap_or_default();
    assert!(formats.len() >= 14, "{formats:?}");
    let mut commands = Vec::new();
    for read in reads {
        for format in &formats {
            commands.push(format!("--registry \"$R\" {read} --format {format}"));
        }
    }
    let writes = [
        "networks add new --name \"$H\" --summary \"$H\" --url \"https://x.org/$H\"",
        "networks edit hostile --name \"New$H\" --add-theme \"$H\"",
        "networks rename hostile \"renamed\"",
        "networks remove hostile --yes",
        "partners add hostile \"$H\" --country IT --type \"$H\"",
        "partners edit hostile \"Other$H\" --type \"t$H\"",
        "partners remove hostile \"Other$H\"",
        "milestones add hostile 2017 \"$H\"",
        "milestones edit hostile 2015 \"Launch$H\" --title \"T$H\"",
        "milestones remove hostile 2016-03-04 \"Event$H\"",
        "import \"$D/import.json\"",
        "undo",
    ];
    for write in writes {
        commands.push(format!("--registry \"$R\" {write} --dry-run"));
        commands.push(format!("--registry \"$R\" {write} --dry-run --format table"));
    }
    let mistakes = [
        "--registry \"$R\" networks show \"$H\"",
        "--registry \"$R\" partners list --country \"$H\"",
        "--registry \"$R\" networks list --sort \"$H\"",
        "--registry \"$R\" networks list --fields \"id,$H\"",
        "--registry \"$R\" milestones list --from \"$H\"",
        "--registry \"$R\" partners add hostile \"Lead$H\" --country IT",
        "--registry \"$D/missing$H.toml\" networks list",
        "--registry \"$D/broken.toml\" check",
        "--registry \"$D/broken.toml\" networks list",
        "--registry \"$D\" networks list",
        "networks list --format \"$H\"",
        "\"$H\"",
        "--registry \"$D/init$H.toml\" init",
        "man --dir \"$D/man$H\"",
        "completions bash --dir \"$D/completions$H\"",
        "completions fish",
        "man",
        // Writes that say what they did, naming the hostile path, last.
        "--registry \"$R\" export --format csv --output \"$D/out$H.csv\"",
        "--registry \"$R\" partners add second \"W$H\" --country FR",
        "--registry \"$R\" undo",
    ];
    commands.extend(mistakes.iter().map(|m| m.to_string()));
    commands
}

/// The scene: a hostile directory holding the registry (with a history of
/// one write), a changed copy to diff against, an import and a broken
/// registry. Returns the registry's path.
fn scene(dir: &Path, home: &Path) -> std::path::PathBuf {
    let registry = dir.join(format!("reg{HOSTILE}.toml"));
    std::fs::write(&registry, hostile_registry("hostile")).expect("registry");
    // One write, for `history`, `history show 1` and `undo`.
    Test::new()
        .env("HOME", home)
        .args(["--registry".as_ref(), registry.as_os_str()])
        .args([
            "partners",
            "add",
            "second",
            &format!("Added{HOSTILE}"),
            "--country",
            "FR",
        ])
        .run();
    let new = hostile_registry("hostile").replace("status = \"active\"", "status = \"closed\"")
        + &format!("\n# a comment{HOSTILE}\n");
    std::fs::write(dir.join("new.toml"), new).expect("new");
    let import = Test::new()
        .registry(hostile_registry("imported"))
        .args(["export", "--format", "json", "--network", "imported"])
        .stdout();
    std::fs::write(dir.join("import.json"), import).expect("import");
    let broken = format!(
        "[[networks]]\nid = \"b\"\nname = \"B\"\nbad{} = 1\ncontry = {}\n",
        "\u{202e}",
        toml_string(HOSTILE)
    );
    std::fs::write(dir.join("broken.toml"), broken).expect("broken");
    registry
}

/// Every command (`completing_command`'s whole tree) is in the sweep.
#[test]
fn the_sweep_covers_every_command() {
    fn leaves(command: &clap::Command, path: String, into: &mut Vec<String>) {
        let mut subcommands = command
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .peekable();
        if subcommands.peek().is_none() {
            into.push(path);
            return;
        }
        for sub in subcommands {
            let path = format!("{path} {}", sub.get_name()).trim().to_string();
            leaves(sub, path, into);
        }
    }
    let mut all = Vec::new();
    leaves(&netreg::completing_command(), String::new(), &mut all);
    let swept = commands().join("\n");
    // `init` writes (its run is in the sweep with a hostile path); the rest
    // must each appear as a command.
    for command in all {
        let words: Vec<&str> = command.split(' ').collect();
        let found = swept.lines().any(|line| {
            let line: Vec<&str> = line.split(' ').collect();
            line.windows(words.len()).any(|w| w == words.as_slice())
        });
        assert!(found, "`netreg {command}` is not in the escaping sweep");
    }
}

/// The sweep: every command and format on a real terminal, with colour off
/// and no pager, from a registry, a path and arguments full of hostile
/// characters; none reaches the terminal raw, and they do show, escaped.
#[test]
fn nothing_from_data_paths_or_arguments_reaches_a_terminal_raw() {
    let scratch = tempfile::tempdir().expect("tmp");
    let dir = scratch.path().join(format!("dir{HOSTILE}"));
    let home = scratch.path().join("home");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::create_dir_all(&home).expect("home");
    let registry = scene(&dir, &home);
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let commands = commands();
    let mut script = String::from("stty cols 120 rows 50\n");
    for (n, command) in commands.iter().enumerate() {
        script.push_str(&format!(
            "echo '@@@ {n}'\n\"$N\" --color never {command} </dev/null 2>&1\n"
        ));
    }
    let file = scratch.path().join("sweep.sh");
    std::fs::write(&file, script).expect("script");
    let env: [(&str, &OsStr); 9] = [
        ("HOME", home.as_os_str()),
        ("TERM", "xterm".as_ref()),
        ("PAGER", "cat".as_ref()),
        ("NETREG_PAGER", "cat".as_ref()),
        ("N", netreg.as_os_str()),
        ("R", registry.as_os_str()),
        ("D", dir.as_os_str()),
        ("H", HOSTILE.as_ref()),
        ("LC_ALL", "C.UTF-8".as_ref()),
    ];
    let Some(shown) = on_terminal(&format!("sh '{}'", file.display()), &env, b"") else {
        return;
    };
    let mut parts = shown.split("@@@ ").skip(1);
    let mut escaped = 0;
    for (n, command) in commands.iter().enumerate() {
        let part = parts
            .next()
            .unwrap_or_else(|| panic!("no output from {n}: {shown}"));
        let (number, output) = part.split_once('\n').unwrap_or((part, ""));
        assert_eq!(number.trim(), n.to_string(), "{shown}");
        assert!(
            !output.chars().any(acts),
            "`netreg {command}` lets a character reach the terminal raw:\n{output:?}"
        );
        assert!(!output.contains("panicked"), "`netreg {command}`:\n{output}");
        if ["\\u{1b}", "\\u{202e}", "\\u001b", "\\u001B"]
            .iter()
            .any(|e| output.contains(e))
        {
            escaped += 1;
        } else {
            // The hostile text was there to escape: every export shows it.
            assert!(
                !command.contains(" export --format"),
                "`netreg {command}`:\n{output}"
            );
        }
    }
    assert!(
        escaped > commands.len() / 3,
        "{escaped} of {}:\n{shown}",
        commands.len()
    );
}

/// Through a pipe, an export is its bytes, the hostile ones raw: what
/// `--output FILE` writes, byte for byte, in every format.
#[test]
fn exports_through_a_pipe_keep_every_byte() {
    let formats = [
        "csv", "tsv", "json", "ndjson", "markdown", "toml", "geojson", "graphml", "gexf", "dot", "sql", "ics",
    ];
    for format in formats {
        let test = Test::new().registry(hostile_registry("hostile"));
        let file = test.path("out");
        let out = test
            .args(["export", "--format", format, "--output"])
            .args([&file])
            .run();
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        let written = std::fs::read(&file).expect("written");
        let piped = Test::new()
            .registry(hostile_registry("hostile"))
            .args(["export", "--format", format])
            .run();
        assert_eq!(piped.code, 0, "{format}: {}", piped.stderr);
        assert_eq!(piped.stdout.as_bytes(), written, "{format}");
        assert!(piped.stdout.contains('\u{202e}'), "{format} keeps the data raw");
    }
    let sql = Test::new()
        .registry(hostile_registry("hostile"))
        .args(["export", "--format", "sql"])
        .stdout();
    assert!(sql.contains(&format!("'Net{HOSTILE}'")), "{sql}");
}

/// One stray character on a 5 MB line is a message of a few lines, showing
/// the line around it; a 100 kB argument in a message is cut in the middle.
#[test]
fn a_message_about_a_huge_line_or_value_stays_short() {
    let half = "a".repeat(2_500_000);
    let registry = format!("[[networks]]\nid = \"n\"\nname = \"N\"\nsummary = \"{half}\u{1}{half}\"\n");
    let out = Test::new().registry(&registry).args(["check"]).run();
    assert_eq!(out.code, 1);
    assert!(out.stderr.len() < 1_000, "{} bytes", out.stderr.len());
    let dots = "a".repeat(30);
    assert!(
        out.stderr
            .contains(&format!("4 | …{dots}\\u{{1}}{}…\n", "a".repeat(65))),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("\n  | {}^^^^^\n", " ".repeat(31))),
        "{}",
        out.stderr
    );
    let id = "x".repeat(100_000);
    let out = Test::new()
        .registry(registry.replace("\u{1}", ""))
        .args(["networks", "show", &id])
        .run();
    assert_eq!(out.code, 1, "{}", &out.stderr[..out.stderr.len().min(500)]);
    assert!(out.stderr.len() < 1_000, "{} bytes", out.stderr.len());
    assert!(
        out.stderr.starts_with("error: no network `xxxx"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("x…x"), "{}", out.stderr);
}
