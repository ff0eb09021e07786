//! Writes: the exact file after one command, and a refused write leaves the
//! file byte-identical.

use std::os::unix::fs::PermissionsExt;

use crate::support::{BUILT_IN, SMALL, Test, write};

const HANDMADE: &str = include_str!("fixtures/handmade.toml");

#[test]
fn first_write_copies_the_built_in_registry_to_the_data_directory() {
    let test = Test::new();
    let home = test.home();
    let out = test
        .args([
            "partners",
            "add",
            "creative-clusters",
            "Test Town",
            "--country",
            "FR",
        ])
        .run();
    let copy = home.join(".local/share/netreg/registry.toml");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "note: copied the built-in registry to {0}; your changes are kept there\n\
             added partner `Test Town` to `creative-clusters` in {0}\n",
            copy.display()
        )
    );
    let text = std::fs::read_to_string(&copy).expect("user registry");
    let first_line = BUILT_IN.lines().next().unwrap_or_default();
    assert!(
        text.starts_with(&format!("#:schema ./netreg.schema.json\n{first_line}\n")),
        "the copy points editors at its schema and keeps the built-in comments"
    );
    let schema =
        std::fs::read_to_string(copy.with_file_name("netreg.schema.json")).expect("schema beside it");
    assert_eq!(schema, Test::new().args(["schema"]).stdout());
    let after = Test::new()
        .env("HOME", &home)
        .args([
            "partners",
            "list",
            "--network",
            "creative-clusters",
            "--fields",
            "name",
        ])
        .stdout();
    assert_eq!(after.lines().count(), 10);
    assert_eq!(after.lines().last(), Some("Test Town"));
}

#[test]
fn add_partner_keeps_every_line_comment_and_alignment() {
    let (code, stderr, after) = write(
        HANDMADE,
        &[
            "partners",
            "add",
            "port-towns",
            "Klaipėda",
            "--country",
            "Lithuania",
            "--type",
            "city",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let expected = HANDMADE.replace(
        "  [[networks.milestones]]\n  date  = \"2016-03\"",
        "[[networks.partners]]\nname = \"Klaipėda\"\ncountry = \"LT\"\nrole = \"partner\"\ntype = \"city\"\n\n  [[networks.milestones]]\n  date  = \"2016-03\"",
    );
    assert_eq!(after, expected);
}

#[test]
fn edit_touches_only_the_changed_line() {
    let (code, stderr, after) = write(
        HANDMADE,
        &["partners", "edit", "port-towns", "gdansk", "--country", "DE"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        HANDMADE.replacen("country = \"PL\"", "country = \"DE\"", 1)
    );
    let (code, _, after) = write(
        HANDMADE,
        &["networks", "edit", "port-towns", "--name", "Port Cities"],
    );
    assert_eq!(code, 0);
    assert_eq!(
        after,
        HANDMADE.replace("name      = \"Port Towns\"", "name      = \"Port Cities\"")
    );
}

#[test]
fn milestone_goes_in_date_order() {
    let (code, stderr, after) = write(
        HANDMADE,
        &["milestones", "add", "port-towns", "2017-06", "Study visit"],
    );
    assert_eq!(code, 0, "{stderr}");
    let expected = HANDMADE.replace(
        "  [[networks.milestones]]\n  date  = 2018-05-03",
        "[[networks.milestones]]\ndate = \"2017-06\"\ntitle = \"Study visit\"\nkind = \"event\"\n\n  [[networks.milestones]]\n  date  = 2018-05-03",
    );
    assert_eq!(after, expected);
}

#[test]
fn add_network_with_start_and_end_creates_its_span() {
    let (code, stderr, after) = write(
        "format = 1\n",
        &[
            "networks",
            "add",
            "new-net",
            "--name",
            "New Net",
            "--programme",
            "URBACT IV",
            "--theme",
            "housing",
            "--start",
            "2023-06-01",
            "--end",
            "2025",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        "format = 1\n\n[[networks]]\nid = \"new-net\"\nname = \"New Net\"\nprogramme = \"URBACT IV\"\nthemes = [\"housing\"]\n\n\
         [[networks.milestones]]\ndate = 2023-06-01\ntitle = \"Network launched\"\nkind = \"launch\"\n\n\
         [[networks.milestones]]\ndate = \"2025\"\ntitle = \"Network completed\"\nkind = \"completion\"\n"
    );
}

#[test]
fn refused_writes_leave_the_file_byte_identical_exit_2_for_a_wrong_command_line() {
    let cases: [(&[&str], &str, i32); 6] = [
        (
            &["partners", "add", "port-towns", "Pisa", "--role", "lead"],
            "error: network `port-towns` already has a lead: `Livorno`\n",
            1,
        ),
        (
            &["partners", "add", "port-towns", "GDANSK"],
            "error: `GDANSK` is already a partner of `port-towns` (as `Gdańsk`)\n",
            1,
        ),
        (
            &["partners", "add", "port-towns", "Pisa", "--country", "Itly"],
            "error: unknown country `Itly`\n",
            2,
        ),
        (
            &["milestones", "add", "port-towns", "2017-06-31", "Visit"],
            "error: invalid milestone date: 2017-06-31 is not a real date: that month has 30 days\n",
            2,
        ),
        (
            &[
                "milestones",
                "add",
                "port-towns",
                "2015",
                "Early end",
                "--kind",
                "completion",
            ],
            "error: network `port-towns` already has a completion milestone (2018-05-03)\n",
            1,
        ),
        (
            &["networks", "add", "port-towns", "--name", "Again"],
            "error: network `port-towns` already exists\n",
            1,
        ),
    ];
    for (args, message, expected) in cases {
        let (code, stderr, after) = write(HANDMADE, args);
        assert_eq!(code, expected, "{args:?}: {stderr}");
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
        assert_eq!(after, HANDMADE, "{args:?} changed the file");
    }
}

#[test]
fn replace_lead_demotes_the_old_lead_in_the_same_write() {
    let (code, stderr, after) = write(
        HANDMADE,
        &[
            "partners",
            "add",
            "port-towns",
            "Pisa",
            "--country",
            "IT",
            "--replace-lead",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        after.contains("  name    = \"Livorno\"\n  country = \"IT\"\n  role    = \"partner\"\n"),
        "{after}"
    );
    assert!(
        after.contains("name = \"Pisa\"\ncountry = \"IT\"\nrole = \"lead\"\n"),
        "{after}"
    );
}

#[test]
fn a_change_that_breaks_a_rule_is_refused_with_the_reason() {
    // A completion before the launch is only seen by the rules on the result.
    let (code, stderr, after) = write(HANDMADE, &["networks", "edit", "port-towns", "--end", "2015"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("error: the registry was not changed: the change would make it invalid\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("is completed (2015) before it is launched (2016-03)"),
        "{stderr}"
    );
    assert_eq!(after, HANDMADE);
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let test = Test::new().registry(HANDMADE);
    let file = test.path("registry.toml");
    let out = test
        .args(["partners", "remove", "port-towns", "Gdańsk", "--dry-run"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let name = file.display();
    assert_eq!(
        out.stdout,
        format!(
            "--- {name}\n+++ {name}\n@@ -13,10 +13,6 @@\n   country = \"IT\"\n   role    = \"lead\"\n \n-  [[networks.partners]]\n-  name    = \"Gdańsk\"              # with the ń\n-  country = \"PL\"\n-\n   [[networks.milestones]]\n   date  = \"2016-03\"\n   title = \"Kick-off in Livorno\"\n"
        )
    );
    assert_eq!(
        out.stderr,
        "would remove partner `Gdańsk` from `port-towns` (dry run: nothing written)\n"
    );
    assert_eq!(std::fs::read_to_string(file).expect("file"), HANDMADE);
}

#[test]
fn permissions_are_kept_and_a_symlink_stays_a_symlink() {
    let test = Test::new();
    let real = test.path("real.toml");
    std::fs::write(&real, HANDMADE).expect("write");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = test.path("link.toml");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let out = test
        .args(["--registry".as_ref(), link.as_os_str()])
        .args(["partners", "add", "port-towns", "Pisa"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let metadata = std::fs::metadata(&real).expect("real");
    assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
    assert!(
        std::fs::read_to_string(&real)
            .expect("real")
            .contains("name = \"Pisa\"")
    );
}

#[test]
fn a_failed_write_leaves_the_original_intact_and_no_temp_file() {
    // A file-size limit makes the temporary file's write fail, even for root.
    let test = Test::new();
    let file = test.path("registry.toml");
    let big = format!("{HANDMADE}{}", "# padding to pass the size limit\n".repeat(100));
    std::fs::write(&file, &big).expect("write");
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; \"$0\" --registry \"$1\" partners add port-towns Pisa")
        .arg(netreg)
        .arg(&file)
        .env("HOME", test.home())
        .output()
        .expect("bash");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: cannot write `{}`: file too large",
            file.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("file"), big);
    let leftovers: Vec<_> = std::fs::read_dir(test.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn stale_temp_files_of_a_killed_writer_are_cleaned_by_the_next_write() {
    let test = Test::new().registry(HANDMADE);
    let stale = test.path(".registry.toml.abc123.tmp");
    std::fs::write(&stale, "half a registry").expect("write");
    let out = test.args(["partners", "add", "port-towns", "Pisa"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!stale.exists());
}

#[test]
fn twenty_concurrent_adds_lose_nothing() {
    let test = Test::new();
    let file = test.path("registry.toml");
    std::fs::write(&file, HANDMADE).expect("write");
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let children: Vec<_> = (0..20)
        .map(|i| {
            std::process::Command::new(&netreg)
                .arg("--registry")
                .arg(&file)
                .args(["partners", "add", "port-towns", &format!("Town {i}")])
                .env("HOME", test.home())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let names = Test::new()
        .registry(std::fs::read_to_string(&file).expect("file"))
        .args(["partners", "list", "--fields", "name"])
        .stdout();
    assert_eq!(names.lines().count(), 22);
    for i in 0..20 {
        assert!(names.lines().any(|l| l == format!("Town {i}")), "Town {i} lost");
    }
}

#[test]
fn writing_to_a_missing_explicit_registry_suggests_init() {
    let test = Test::new();
    let missing = test.path("none.toml");
    let out = test
        .args(["--registry".as_ref(), missing.as_os_str()])
        .args(["partners", "add", "x", "Y"])
        .run();
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "error: registry `{0}` does not exist\nhint: create it with `netreg --registry {0} init`\n",
            missing.display()
        )
    );
    assert!(!missing.exists());
}

#[test]
fn removing_a_network_needs_yes_off_a_terminal() {
    let (code, stderr, after) = write(SMALL, &["networks", "remove", "port-towns"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: removing network `port-towns` needs confirmation\nhint: add --yes to remove it without asking\n"
    );
    assert_eq!(after, SMALL);
    let (code, stderr, after) = write(SMALL, &["networks", "remove", "port-towns", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    let kept = &SMALL[..SMALL
        .find("\n[[networks]]\nid = \"port-towns\"")
        .expect("second network")];
    assert_eq!(after, kept, "the network goes with the blank line before it");
}

#[test]
fn init_creates_and_refuses_to_overwrite_without_force() {
    let test = Test::new();
    let file = test.path("new.toml");
    let out = Test::new()
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["init", "--empty"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!("created {} with an empty registry\n", file.display())
    );
    let again = Test::new()
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["init"])
        .run();
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .starts_with(&format!("error: `{}` already exists\n", file.display()))
    );
    let forced = Test::new()
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["init", "--force"])
        .run();
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let check = Test::new()
        .args(["--registry".as_ref(), file.as_os_str()])
        .args(["networks", "list", "--fields", "id"])
        .stdout();
    assert_eq!(check.lines().count(), crate::support::BUILT_IN_NETWORKS);
}

#[test]
fn a_network_added_after_a_last_line_without_a_newline_gets_its_blank_line() {
    let text = "format = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"";
    let (code, stderr, after) = write(text, &["networks", "add", "b", "--name", "B"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        format!("{text}\n\n[[networks]]\nid = \"b\"\nname = \"B\"\n")
    );
    // A removed last network takes the blank line above it along.
    let text = format!("{text}\n\n[[networks]]\nid = \"b\"\nname = \"B\"");
    let (code, stderr, after) = write(&text, &["networks", "remove", "b", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, "format = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n");
}

/// A file saved on Windows: a byte-order mark and CRLF line ends. Writes keep
/// both on every line they leave alone, end their new lines the same way, and
/// keep the line breaks inside a multi-line string as they are (they are part
/// of its value).
#[test]
fn crlf_and_byte_order_mark_survive_writes() {
    let text = "\u{feff}format = 1\r\n\r\n# first\r\n[[networks]]\r\nid = \"a\"\r\nname = \"A\"\r\nsummary = \"\"\"\r\nline one\r\nline two\"\"\"\r\n";
    let test = Test::new().registry(text);
    let file = test.path("registry.toml");
    let registry = file.to_str().expect("a UTF-8 temp path").to_string();
    let home = test.home();
    // The first write's output keeps the test's directory until the end.
    let first = test
        .args(["partners", "add", "a", "X", "--country", "IT", "--role", "lead"])
        .run();
    assert_eq!(first.code, 0, "{}", first.stderr);
    for args in [
        &["networks", "edit", "a", "--url", "https://x.eu"][..],
        &["networks", "add", "b", "--name", "B", "--summary", "p\nq"],
    ] {
        let out = Test::new()
            .env("HOME", &home)
            .args(["--registry", &registry])
            .args(args)
            .run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    assert_eq!(
        std::fs::read_to_string(&file).expect("registry"),
        "\u{feff}format = 1\r\n\r\n# first\r\n[[networks]]\r\nid = \"a\"\r\nname = \"A\"\r\nsummary = \"\"\"\r\nline one\r\nline two\"\"\"\r\nurl = \"https://x.eu\"\r\n\r\n[[networks.partners]]\r\nname = \"X\"\r\ncountry = \"IT\"\r\nrole = \"lead\"\r\n\r\n[[networks]]\r\nid = \"b\"\r\nname = \"B\"\r\nsummary = \"\"\"\np\nq\"\"\"\r\n"
    );
    let json = Test::new()
        .env("HOME", &home)
        .args(["--registry", &registry, "export", "--format", "json"])
        .stdout();
    assert!(json.contains(r#""summary": "line one\r\nline two""#), "{json}");
    assert!(json.contains(r#""summary": "p\nq""#), "{json}");
}

#[test]
fn crlf_survives_a_write_that_rewrites_the_whole_file() {
    // No network yet: the whole document is edited, not a network's stretch.
    let (code, stderr, after) = write("format = 1\r\n", &["networks", "add", "a", "--name", "A"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        "format = 1\r\n\r\n[[networks]]\r\nid = \"a\"\r\nname = \"A\"\r\n"
    );
}

/// A registry with no network yet keeps its comments where they are: the
/// first network goes under them (a blank line between, as they are not
/// its own), `format = 1` (when missing) above them.
#[test]
fn comments_of_a_registry_without_networks_stay_above_the_first_one() {
    for (text, expected) in [
        (
            "format = 1\n\n# Networks go below.\n",
            "format = 1\n\n# Networks go below.\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
        ),
        (
            "# My registry\n",
            "# My registry\nformat = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
        ),
        (
            "format = 1\r\n\r\n# below\r\n",
            "format = 1\r\n\r\n# below\r\n\r\n[[networks]]\r\nid = \"a\"\r\nname = \"A\"\r\n",
        ),
        // A last comment without a line break.
        (
            "# only comment",
            "# only comment\nformat = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
        ),
        (
            "format = 1\n# note",
            "format = 1\n# note\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
        ),
        (
            "# a\r\n# b",
            "# a\r\n# b\r\nformat = 1\r\n\r\n[[networks]]\r\nid = \"a\"\r\nname = \"A\"\r\n",
        ),
    ] {
        let (code, stderr, after) = write(text, &["networks", "add", "a", "--name", "A"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(after, expected, "{text:?}");
    }
}
