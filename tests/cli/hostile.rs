//! Bad input and hostile data: one clear error naming the line, or the data
//! handled; never a crash, never an escape sequence on the terminal.

use crate::support::{SMALL, Test};

const NETWORK: &str = "format = 1\n\n[[networks]]\nid = \"net\"\nname = \"Net\"\n";

/// Each case: registry text, the message's start, and the line it must name.
#[test]
fn invalid_registries_exit_1_naming_the_line() {
    let lead = "[[networks.partners]]\nname = \"A\"\ncountry = \"IT\"\nrole = \"lead\"\n";
    let cases: Vec<(String, &str, usize)> = vec![
        (
            format!("{NETWORK}\n[[networks]]\nid = \"net\"\nname = \"Again\"\n"),
            "error: network id `net` is used twice",
            8,
        ),
        (
            format!(
                "{NETWORK}{lead}[[networks.partners]]\nname = \"B\"\ncountry = \"FR\"\nrole = \"lead\"\n"
            ),
            "error: network `net` has a second lead",
            11,
        ),
        (
            format!("{NETWORK}[[networks.partners]]\nname = \"A\"\ncountry = \"XX\"\n"),
            "error: `XX` is not an ISO 3166-1 alpha-2 country code",
            8,
        ),
        (
            format!("{NETWORK}[[networks.partners]]\nname = \"A\"\ncountry = \"UK\"\n"),
            "error: `UK` is not an ISO 3166-1 alpha-2 country code",
            8,
        ),
        (
            format!("{NETWORK}[[networks.milestones]]\ndate = 2011-02-30\ntitle = \"t\"\n"),
            "error: ",
            7,
        ),
        (
            format!("{NETWORK}[[networks.milestones]]\ndate = \"2017-06-31\"\ntitle = \"t\"\n"),
            "error: 2017-06-31 is not a real date",
            7,
        ),
        (
            format!(
                "{NETWORK}[[networks.milestones]]\ndate = \"2012\"\ntitle = \"a\"\nkind = \"launch\"\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"b\"\nkind = \"completion\"\n"
            ),
            "error: network `net` is completed (2011) before it is launched (2012)",
            11,
        ),
        (
            format!(
                "{NETWORK}[[networks.milestones]]\ndate = \"2012\"\ntitle = \"a\"\nkind = \"launch\"\n[[networks.milestones]]\ndate = \"2013\"\ntitle = \"b\"\nkind = \"launch\"\n"
            ),
            "error: network `net` has more than one launch milestone",
            11,
        ),
        (
            format!("{NETWORK}themes = \"one\"\n"),
            "error: wrong type: expected an array, found the string \"one\"",
            6,
        ),
        (
            format!("{NETWORK}[[networks.partners]]\nname = 7\n"),
            "error: wrong type: expected a string, found the integer 7",
            7,
        ),
        (
            "format = 1\n[[networks]]\nid = \"Creative Clusters\"\nname = \"X\"\n".to_string(),
            "error: network id `Creative Clusters` is not a slug",
            3,
        ),
        (
            "format = 2\n".to_string(),
            "error: unsupported registry format 2",
            1,
        ),
        (
            format!(
                "{NETWORK}[[networks.partners]]\nname = \"Óbidos\"\n[[networks.partners]]\nname = \"OBIDOS\"\n"
            ),
            "error: partner `OBIDOS` is already in network `net` (as `Óbidos`)",
            9,
        ),
        (
            format!("{NETWORK}[[networks.partners]]\nname = \"A\"\nrole = \"leader\"\n"),
            "error: unknown value `leader`",
            8,
        ),
        (
            format!("{NETWORK}[[networks.milestones]]\ndate = 2011-06-09T10:00:00\ntitle = \"t\"\n"),
            "error: `2011-06-09T10:00:00` has a time of day",
            7,
        ),
    ];
    for (text, message, line) in cases {
        let test = Test::new().registry(&text);
        let place = format!("--> {}:{line}:", test.path("registry.toml").display());
        // Errors alone (a plain `check` lists the warnings among them too).
        let out = test.args(["check", "-q"]).run();
        assert_eq!(out.code, 1, "{text}\n{}", out.stderr);
        assert!(
            out.stderr.starts_with(message),
            "{text}\nwanted {message}, got:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(&place),
            "{text}\nwanted {place}, got:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("\nhint: "),
            "every error says how to fix it:\n{}",
            out.stderr
        );
    }
}

#[test]
fn valid_oddities_pass() {
    let crlf = SMALL.replace('\n', "\r\n");
    let bom = format!("\u{feff}{SMALL}");
    let no_format = SMALL.replace("format = 1\n", "");
    for text in ["", "\n", crlf.as_str(), bom.as_str(), no_format.as_str()] {
        let out = Test::new().registry(text).args(["check"]).run();
        assert_eq!(out.code, 0, "{text:?}\n{}", out.stderr);
    }
    let crlf_rows = Test::new()
        .registry(&crlf)
        .args(["partners", "list", "--country", "PT", "--fields", "name"])
        .stdout();
    assert_eq!(crlf_rows, "Óbidos\n");
}

#[test]
fn csv_and_tsv_defuse_spreadsheet_formulas_unless_raw() {
    let registry = SMALL.replace("name = \"Enguera\"", "name = \"=HYPERLINK(\\\"http://x\\\")\"");
    let csv = Test::new()
        .registry(&registry)
        .args([
            "partners",
            "list",
            "--country",
            "ES",
            "--fields",
            "name,country",
            "--format",
            "csv",
        ])
        .stdout();
    assert_eq!(csv, "name,country\n\"'=HYPERLINK(\"\"http://x\"\")\",ES\n");
    let tsv = Test::new()
        .registry(&registry)
        .args([
            "export",
            "--format",
            "tsv",
            "--entity",
            "partners",
            "--country",
            "ES",
        ])
        .stdout();
    assert!(tsv.contains("\t'=HYPERLINK(\"http://x\")\t"), "{tsv}");
    let raw = Test::new()
        .registry(&registry)
        .args([
            "partners",
            "list",
            "--country",
            "ES",
            "--fields",
            "name",
            "--format",
            "csv",
            "--raw",
        ])
        .stdout();
    assert_eq!(raw, "name\n\"=HYPERLINK(\"\"http://x\"\")\"\n");
    let json = Test::new()
        .registry(&registry)
        .args([
            "partners",
            "list",
            "--country",
            "ES",
            "--fields",
            "name",
            "--format",
            "json",
        ])
        .stdout();
    assert!(
        json.contains("\"name\": \"=HYPERLINK(\\\"http://x\\\")\""),
        "json keeps the data exactly: {json}"
    );
}

#[test]
fn escape_sequences_in_data_are_shown_escaped_on_a_terminal_and_kept_in_json() {
    let registry = SMALL.replace(
        "title = \"Closing meeting\"",
        "title = \"Closing\\u001b]0;pwned\\u0007 meeting\"",
    );
    for args in [
        &["timeline", "show", "--format", "table"][..],
        &["networks", "show", "port-towns", "--format", "table"][..],
        &["milestones", "list", "--format", "table"][..],
    ] {
        let out = Test::new().registry(&registry).args(args).stdout();
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{args:?}: {out}");
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?}: {out}");
    }
    let json = Test::new()
        .registry(&registry)
        .args(["milestones", "list", "--format", "json"])
        .stdout();
    assert!(json.contains("Closing\\u001b]0;pwned\\u0007 meeting"), "{json}");
}

#[test]
fn non_utf8_argument_is_a_clean_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"caf\xe9");
    let out = Test::new()
        .args(["partners".as_ref(), "list".as_ref(), "--search".as_ref(), bad])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: invalid UTF-8 was detected"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_200_kb_name_is_handled() {
    // One argument cannot exceed 128 KiB on Linux, so the long name comes in a file.
    let name = "Ä".repeat(100_000);
    let registry = SMALL.replace("name = \"Gdańsk\"", &format!("name = \"{name}\""));
    let test = Test::new().registry(&registry);
    let file = test.path("registry.toml");
    let listed = test
        .args(["partners", "list", "--country", "PL", "--fields", "name"])
        .run();
    assert_eq!(listed.stdout, format!("{name}\n"));
    let table = Test::new()
        .env("COLUMNS", "80")
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["partners", "list", "--country", "PL", "--format", "table"])
        .stdout();
    assert!(
        table.lines().all(|l| l.chars().count() <= 80),
        "the table wraps the name to the width"
    );
    let out = Test::new()
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["partners", "add", "port-towns", &"x".repeat(100_000)])
        .run();
    assert_eq!(out.code, 0, "{}", &out.stderr[..out.stderr.len().min(300)]);
}

/// What came from the file or the command line is shown escaped in every
/// message: diagnostics and the line they echo, hints, status lines.
#[test]
fn messages_show_hostile_text_escaped() {
    let text = "[[networks]]\nid = \"n\"\nname = \"N\"\n[[networks.partners]]\nname = \"A\\u001b[31m\u{202e}\"\ncountry = \"IT\"\n[[networks.partners]]\nname = \"a\\u001b[31m\u{202e}\"\ncountry = \"IT\"\n";
    let out = Test::new().registry(text).args(["check", "-q"]).run();
    assert_eq!(out.code, 1);
    assert!(
        !out.stderr.contains('\x1b') && !out.stderr.contains('\u{202e}'),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.starts_with(
            "error: partner `a\\u{1b}[31m\\u{202e}` is already in network `n` (as `A\\u{1b}[31m\\u{202e}`)"
        ),
        "{}",
        out.stderr
    );
    // The echoed line, with the carets under the name as it shows.
    assert!(
        out.stderr
            .contains("8 | name = \"a\\u001b[31m\\u{202e}\"\n  |        ^^^^^^^^^^^^^^^^^^^^^\n"),
        "{}",
        out.stderr
    );
    let out = Test::new()
        .registry("[[networks]]\nid = \"n\"\nname = \"N\"\n")
        .args(["partners", "add", "n", "Evil\x1b]0;pwned\x07\u{2066}"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("added partner `Evil\\u{1b}]0;pwned\\u{7}\\u{2066}` to `n` in "),
        "{:?}",
        out.stderr
    );
}
