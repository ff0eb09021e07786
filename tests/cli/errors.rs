//! Every failure is one clear message on stderr with the right exit code.

use crate::support::{SMALL, Test, unindent};

#[test]
fn toml_syntax_error_exits_1_naming_file_and_line() {
    let test = Test::new().registry("format = 1\n\n[[networks]\nid = \"x\"\n");
    let file = test.path("registry.toml");
    let out = test.args(["check"]).run();
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with("error: invalid TOML: ")
            && out.stderr.contains(&format!("--> {}:3:", file.display())),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("3 | [[networks]\n"), "{}", out.stderr);
}

#[test]
fn misspelt_key_names_the_nearest_known_key() {
    let registry = "format = 1\n\n[[networks]]\nid = \"x\"\nname = \"X\"\n\n[[networks.partners]]\nname = \"Óbidos\"\ncontry = \"PT\"\n";
    let test = Test::new().registry(registry);
    let file = test.path("registry.toml");
    let out = test.args(["partners", "list"]).run();
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        unindent(&format!(
            "
            error: unknown key `contry`
             --> {}:9:1
              |
            9 | contry = \"PT\"
              | ^^^^^^
            hint: did you mean `country`? partner keys are: name, country, role, type, geonames, coordinates
            ",
            file.display()
        ))
    );
}

#[test]
fn wrong_flag_exits_2() {
    let out = Test::new().args(["partners", "list", "--contry", "IT"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unexpected argument '--contry'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--country"),
        "clap suggests the real flag: {}",
        out.stderr
    );
}

#[test]
fn unknown_country_exits_2_suggesting_the_nearest() {
    let out = Test::new().args(["partners", "list", "--country", "Itly"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: unknown country `Itly`\nhint: did you mean Italy (IT)?\n"
    );
}

#[test]
fn invalid_date_on_the_command_line_exits_2() {
    let out = Test::new()
        .args(["milestones", "list", "--from", "2011-02-30"])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: invalid date for `--from`: 2011-02-30 is not a real date: that month has 28 days\n\
         hint: dates are YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2011 or 2011-06-09\n"
    );
}

#[test]
fn unknown_network_exits_1_with_the_nearest_id() {
    let out = Test::new()
        .registry(SMALL)
        .args(["networks", "show", "creative-cluster"])
        .run();
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: no network `creative-cluster` in the registry\nhint: did you mean `creative-clusters`?\n"
    );
}

#[test]
fn missing_registry_file_exits_1() {
    let test = Test::new();
    let missing = test.path("nowhere.toml");
    let out = test
        .args(["--registry".as_ref(), missing.as_os_str(), "check".as_ref()])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "error: registry `{}` does not exist\nhint: ",
            missing.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn non_utf8_registry_is_an_error_with_its_line() {
    let out = Test::new()
        .registry(b"format = 1\n[[networks]]\nid = \"caf\xe9\"\n".as_slice())
        .args(["check"])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: the file is not valid UTF-8\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("registry.toml:3:10\n"), "{}", out.stderr);
}

#[test]
fn rule_errors_are_all_reported_in_file_order() {
    let registry = "format = 1\n[[networks]]\nid = \"Bad Id\"\nname = \"X\"\n\
        [[networks.partners]]\nname = \"Óbidos\"\ncountry = \"Portugal\"\nrole = \"lead\"\n\
        [[networks.partners]]\nname = \"obidos\"\ncountry = \"PT\"\nrole = \"lead\"\n";
    let out = Test::new().registry(registry).args(["check"]).run();
    assert_eq!(out.code, 1);
    let messages: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(
        messages,
        [
            "error: network id `Bad Id` is not a slug",
            "error: `Portugal` is not an ISO 3166-1 alpha-2 country code",
            "error: partner `obidos` is already in network `Bad Id` (as `Óbidos`)",
            "error: network `Bad Id` has a second lead: `Óbidos` leads it already",
        ]
    );
    assert!(
        out.stderr.contains("hint: write `country = \"PT\"` (Portugal)"),
        "{}",
        out.stderr
    );
}

#[test]
fn unsupported_format_names_the_supported_one() {
    let out = Test::new().registry("format = 2\n").args(["check"]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: unsupported registry format 2\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("hint: this netreg reads format 1"),
        "{}",
        out.stderr
    );
}

#[test]
fn warnings_alone_pass_check() {
    let registry = "[[networks]]\nid = \"x\"\nname = \"X\"\n[[networks.partners]]\nname = \"Somewhere\"\n";
    let test = Test::new().registry(registry);
    let file = test.path("registry.toml");
    let out = test.args(["check"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        unindent(&format!(
            "
            warning: network `x` has no lead partner
             --> {file}:2:6
              |
            2 | id = \"x\"
              |      ^^^
            hint: mark its lead with `role = \"lead\"` when it is known

            warning: partner `Somewhere` of `x` has no country
             --> {file}:5:8
              |
            5 | name = \"Somewhere\"
              |        ^^^^^^^^^^^
            hint: add `country = \"XX\"` with its ISO 3166-1 alpha-2 code

            {file}: 1 network, 1 partner, no errors, 2 warnings
            ",
            file = file.display()
        ))
    );
}

/// No value is read in part: a list of themes or sources with something
/// other than strings in it, and a date with more than a day to it, are
/// errors at the offending value (not the strings kept, the rest dropped).
#[test]
fn values_netreg_would_read_in_part_are_errors_at_their_place() {
    let network = "[[networks]]\nid = \"n\"\nname = \"N\"\n";
    for (line, column, message) in [
        (
            "themes = [\"x\", 3]",
            16,
            "wrong type: expected a string, found the integer 3",
        ),
        (
            "sources = [\"u\", [\"v\"]]",
            17,
            "wrong type: expected a string, found an array",
        ),
        (
            "themes = \"x\"",
            10,
            "wrong type: expected an array, found the string \"x\"",
        ),
        (
            "[[networks.milestones]]\ntitle = \"t\"\ndate = \"2011-06-09-01\"",
            8,
            "`2011-06-09-01` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "[[networks.milestones]]\ntitle = \"t\"\ndate = 2011-06-09T10:00:00",
            8,
            "`2011-06-09T10:00:00` has a time of day: a milestone date is a day, like 2011-06-09",
        ),
    ] {
        let text = format!("{network}{line}\n");
        let row = text.lines().count();
        let test = Test::new().registry(&text);
        let file = test.path("registry.toml");
        let out = test.args(["check", "-q"]).run();
        assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{line}");
        assert!(
            out.stderr.starts_with(&format!(
                "error: {message}\n --> {}:{row}:{column}\n",
                file.display()
            )),
            "{line}: {}",
            out.stderr
        );
    }
}
