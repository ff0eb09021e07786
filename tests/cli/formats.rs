//! Output formats, columns, sorting and the pipe.

use crate::support::{SMALL, Test, unindent};

fn small(args: &[&str]) -> String {
    Test::new().registry(SMALL).args(args).stdout()
}

#[test]
fn csv_has_a_header_and_rfc4180_quoting() {
    let registry = SMALL.replace("name = \"Enguera\"", "name = \"Enguera, \\\"Valencia\\\"\"");
    let out = Test::new()
        .registry(registry)
        .args(["partners", "list", "--country", "ES", "--format", "csv"])
        .stdout();
    assert_eq!(
        out,
        "network,name,country,country_name,role,type,place_id\n\
         creative-clusters,\"Enguera, \"\"Valencia\"\"\",ES,Spain,partner,,name:enguera_2c_20_22valencia_22:es\n"
    );
}

#[test]
fn tsv_has_a_header_and_plain_has_none() {
    let tsv = small(&["partners", "list", "--country", "PT", "--format", "tsv"]);
    assert_eq!(
        tsv,
        "network\tname\tcountry\tcountry_name\trole\ttype\tplace_id\n\
         creative-clusters\tÓbidos\tPT\tPortugal\tlead\tcity\tname:obidos:pt\n"
    );
    let plain = small(&["partners", "list", "--country", "PT", "--format", "plain"]);
    assert_eq!(plain, "creative-clusters\tÓbidos\tPT\tPortugal\tlead\tcity\n");
}

#[test]
fn ndjson_is_one_object_per_line_and_leaves_out_unset_type() {
    assert_eq!(
        small(&[
            "partners",
            "list",
            "--network",
            "port-towns",
            "--format",
            "ndjson"
        ]),
        "{\"network\":\"port-towns\",\"name\":\"Livorno\",\"country\":\"IT\",\"country_name\":\"Italy\",\"role\":\"lead\",\"place_id\":\"name:livorno:it\"}\n\
         {\"network\":\"port-towns\",\"name\":\"Gdańsk\",\"country\":\"PL\",\"country_name\":\"Poland\",\"role\":\"partner\",\"place_id\":\"name:gdansk:pl\"}\n\
         {\"network\":\"port-towns\",\"name\":\"Port Agency\",\"country\":null,\"country_name\":null,\"role\":\"observer\",\"place_id\":\"name:port_20agency:\"}\n"
    );
}

#[test]
fn markdown_is_a_github_table_with_country_names() {
    assert_eq!(
        small(&[
            "partners",
            "list",
            "--network",
            "port-towns",
            "--format",
            "markdown"
        ]),
        unindent(
            "
            | Network | Name | Country | Role |
            |---|---|---|---|
            | port-towns | Livorno | Italy | lead |
            | port-towns | Gdańsk | Poland | partner |
            | port-towns | Port Agency |  | observer |
            "
        )
    );
}

#[test]
fn table_format_draws_a_fitted_table_with_country_names() {
    let out = Test::new()
        .registry(SMALL)
        .env("COLUMNS", "60")
        .args(["partners", "list", "--network", "port-towns", "--format", "table"])
        .stdout();
    assert_eq!(
        out,
        unindent(
            "
            ╭────────────┬─────────────┬─────────┬──────────╮
            │ Network    ┆ Name        ┆ Country ┆ Role     │
            ╞════════════╪═════════════╪═════════╪══════════╡
            │ port-towns ┆ Livorno     ┆ Italy   ┆ lead     │
            │ port-towns ┆ Gdańsk      ┆ Poland  ┆ partner  │
            │ port-towns ┆ Port Agency ┆         ┆ observer │
            ╰────────────┴─────────────┴─────────┴──────────╯
            "
        )
    );
}

#[test]
fn fields_choose_and_order_columns_in_every_format() {
    assert_eq!(
        small(&["partners", "list", "--country", "FI", "--fields", "role,name"]),
        "partner\tJyväskylä\n"
    );
    assert_eq!(
        small(&[
            "partners",
            "list",
            "--country",
            "FI",
            "--fields",
            "role,name",
            "--format",
            "json"
        ]),
        "[\n  {\n    \"role\": \"partner\",\n    \"name\": \"Jyväskylä\"\n  }\n]\n"
    );
}

#[test]
fn unknown_field_exits_2_and_lists_the_valid_ones() {
    let out = Test::new()
        .registry(SMALL)
        .args(["partners", "list", "--fields", "name,contry"])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: unknown field `contry`\nhint: valid fields: network, name, country, country_name, role, type, place_id\n"
    );
}

#[test]
fn sort_and_limit_shape_the_rows() {
    assert_eq!(
        small(&[
            "partners", "list", "--sort", "name", "--fields", "name", "--limit", "3"
        ]),
        "Barnsley\nEnguera\nGdańsk\n"
    );
    assert_eq!(
        small(&[
            "networks",
            "list",
            "--sort",
            "-partners",
            "--fields",
            "id,partners"
        ]),
        "creative-clusters\t4\nport-towns\t3\n"
    );
    // Óbidos sorts with the Os, not after Z.
    assert_eq!(
        small(&[
            "partners", "list", "--sort", "-name", "--fields", "name", "--limit", "3"
        ]),
        "Port Agency\nÓbidos\nLivorno\n"
    );
}

#[test]
fn empty_result_is_empty_output_and_success() {
    let out = Test::new()
        .registry(SMALL)
        .args(["partners", "list", "--country", "DE"])
        .run();
    assert_eq!((out.code, out.stdout.as_str(), out.stderr.as_str()), (0, "", ""));
    assert_eq!(
        small(&["partners", "list", "--country", "DE", "--format", "json"]),
        "[]\n"
    );
}

#[test]
fn toml_format_is_refused_for_lists() {
    let out = Test::new()
        .registry(SMALL)
        .args(["partners", "list", "--format", "toml"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `--format toml` is only for `export`\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let table = ["partners", "list", "--network", "port-towns", "--format", "table"];
    let plain = Test::new().registry(SMALL).args(table).stdout();
    assert!(!plain.contains('\x1b'));
    let coloured = Test::new()
        .registry(SMALL)
        .args(table)
        .args(["--color", "always"])
        .stdout();
    assert!(coloured.contains("\x1b["), "{coloured}");
    let no_color = Test::new()
        .registry(SMALL)
        .env("NO_COLOR", "1")
        .args(table)
        .args(["--color", "always"])
        .stdout();
    assert!(no_color.contains("\x1b["), "--color always wins over NO_COLOR");
}

#[test]
fn control_characters_in_data_never_reach_a_table_raw() {
    let registry = SMALL.replace("name = \"Gdańsk\"", "name = \"Gda\\u001b[31mńsk\"");
    let out = Test::new()
        .registry(registry)
        .args([
            "partners",
            "list",
            "--country",
            "PL",
            "--format",
            "table",
            "--fields",
            "name",
        ])
        .stdout();
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.contains("Gda\\u{1b}[31mńsk"), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    // More rows than a pipe buffers, so netreg is still writing when `head` leaves.
    let mut registry = String::from("[[networks]]\nid = \"big\"\nname = \"Big\"\n");
    for i in 0..5000 {
        registry.push_str(&format!(
            "[[networks.partners]]\nname = \"Town {i}\"\ncountry = \"IT\"\n"
        ));
    }
    let test = Test::new();
    let file = test.path("big.toml");
    std::fs::write(&file, registry).expect("write");
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#""$0" --registry "$1" partners list | head -1; echo "status=${PIPESTATUS[0]}""#)
        .arg(netreg)
        .arg(&file)
        .env("HOME", test.home())
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout, "big\tTown 0\tIT\tItaly\tpartner\t\nstatus=0\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "no panic or message on a closed pipe"
    );
}

/// Every command that writes to stdout, run with its reader already gone:
/// each ends at once with its usual exit code and says nothing.
#[test]
fn every_command_ends_quietly_on_a_closed_pipe() {
    let commands: &[&[&str]] = &[
        &["networks", "list"],
        &["networks", "show", "creative-clusters"],
        &["networks", "show", "creative-clusters", "--format", "json"],
        &["partners", "list", "--format", "csv"],
        &["milestones", "list", "--format", "markdown"],
        &["timeline", "show"],
        &["stats", "--by", "country"],
        &["export"],
        &["export", "--format", "toml"],
        &["export", "--format", "ndjson"],
        &["export", "--format", "tsv", "--entity", "partners"],
        &["path"],
        &["man"],
        &["--help"],
        &["--version"],
        &["networks", "add", "piped", "--name", "Piped", "--dry-run"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "elvish"],
        &["completions", "powershell"],
    ];
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    for args in commands {
        let home = tempfile::tempdir().expect("tmp");
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let out = std::process::Command::new(&netreg)
            .args(*args)
            .env_clear()
            .env("HOME", home.path())
            .stdout(writer)
            .output()
            .expect("run");
        // A dry run's status line (a new network then warns it has no lead).
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.split_inclusive('\n').next().unwrap_or_default();
        assert_eq!(
            (out.status.code(), first),
            (
                Some(0),
                if args.contains(&"--dry-run") {
                    "would add network `piped` (dry run: nothing written)\n"
                } else {
                    ""
                }
            ),
            "{args:?}"
        );
    }
}

#[test]
fn timeline_on_a_table_draws_spans_on_a_year_axis_and_groups_events_by_year() {
    let out = Test::new()
        .registry(SMALL)
        .env("COLUMNS", "80")
        .args(["timeline", "show", "--format", "table"])
        .stdout();
    assert_eq!(
        out,
        unindent(
            "
            ~                   2008      2010      2012      2014      2016      2018
            ~                   ╵         ╵         ╵         ╵         ╵         ╵
            ~creative-clusters  ████████████████████
            ~port-towns                                                 ████████████
            ~                   █ launch to completion
            ~
            ~2008         creative-clusters  Network launched            ▶ launch
            ~
            ~2011         creative-clusters  Network completed           ■ completion
            ~      06-09  creative-clusters  Final conference in Óbidos
            ~
            ~2016  03     port-towns         Kick-off in Livorno         ▶ launch
            ~
            ~2018  05-03  port-towns         Closing meeting             ■ completion
            "
        )
        .replace('~', "")
    );
}

/// The year axis is even at every width, a span not known from a launch and
/// a completion reads as such, the legend names only what is drawn, and
/// `--limit` narrows the chart with the list.
#[test]
fn the_timeline_tells_the_truth_at_every_width() {
    for columns in ["60", "80", "100", "160"] {
        let out = Test::new()
            .env("COLUMNS", columns)
            .args(["timeline", "show", "--format", "table"])
            .stdout();
        let ticks: Vec<usize> = out
            .lines()
            .nth(1)
            .unwrap_or_default()
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '╵')
            .map(|(at, _)| at)
            .collect();
        let gaps: Vec<usize> = ticks.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(
            gaps.len() >= 2 && gaps.iter().all(|g| *g == gaps[0]),
            "{columns}: {gaps:?}\n{out}"
        );
    }
    let registry = "[[networks]]\nid = \"dated\"\nname = \"D\"\n[[networks.milestones]]\ndate = \"2010\"\ntitle = \"Launch\"\nkind = \"launch\"\n[[networks.milestones]]\ndate = \"2012\"\ntitle = \"End\"\nkind = \"completion\"\n\n[[networks]]\nid = \"guessed\"\nname = \"G\"\nstatus = \"closed\"\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"A meeting\"\n[[networks.milestones]]\ndate = \"2013\"\ntitle = \"Another\"\n";
    let out = Test::new()
        .registry(registry)
        .env("COLUMNS", "80")
        .args(["timeline", "show", "--format", "table"])
        .stdout();
    let guessed = out.lines().find(|l| l.starts_with("guessed")).unwrap_or_default();
    assert!(guessed.contains('▒') && !guessed.contains('█'), "{out}");
    assert!(out.contains("█ launch to completion"), "{out}");
    assert!(out.contains("▒ span from its milestones"), "{out}");
    assert!(!out.contains("░"), "no open network, no ░ in the legend:\n{out}");
    let limited = Test::new()
        .registry(registry)
        .env("COLUMNS", "80")
        .args(["timeline", "show", "--format", "table", "--limit", "1"])
        .stdout();
    assert!(limited.lines().any(|l| l.starts_with("dated")), "{limited}");
    assert!(!limited.lines().any(|l| l.starts_with("guessed")), "{limited}");
}

/// csv, tsv, json and ndjson add typed columns after the spec's (dates as
/// first and last days with their precision, the span, a partner's place);
/// plain rows keep the spec's columns; `--fields` picks any.
#[test]
fn named_formats_add_typed_dates_and_places_after_the_specs_columns() {
    assert_eq!(
        small(&["networks", "list", "--format", "csv"]),
        "id,name,programme,type,status,lead,lead_country,partners,start,end,\
         start_date,start_precision,end_date,end_precision,end_last_day,span_start,span_end\n\
         creative-clusters,Creative Clusters,URBACT II,Thematic Network,closed,Óbidos,PT,4,2008,2011,\
         2008-01-01,year,2011-01-01,year,2011-12-31,2008-01-01,2011-12-31\n\
         port-towns,Port Towns,URBACT III,,closed,Livorno,IT,3,2016-03,2018-05-03,\
         2016-03-01,month,2018-05-03,day,2018-05-03,2016-03-01,2018-05-03\n"
    );
    assert_eq!(
        small(&["networks", "list"]),
        "creative-clusters\tCreative Clusters\tURBACT II\tThematic Network\tclosed\tÓbidos\tPT\t4\t2008\t2011\n\
         port-towns\tPort Towns\tURBACT III\t\tclosed\tLivorno\tIT\t3\t2016-03\t2018-05-03\n"
    );
    assert_eq!(
        small(&["milestones", "list", "--network", "port-towns", "--format", "tsv"]),
        "network\tdate\ttitle\tkind\tfirst_day\tlast_day\tdate_precision\n\
         port-towns\t2016-03\tKick-off in Livorno\tlaunch\t2016-03-01\t2016-03-31\tmonth\n\
         port-towns\t2018-05-03\tClosing meeting\tcompletion\t2018-05-03\t2018-05-03\tday\n"
    );
    assert_eq!(
        small(&[
            "networks",
            "list",
            "--fields",
            "id,span_end",
            "--sort",
            "-span_end"
        ]),
        "port-towns\t2018-05-03\ncreative-clusters\t2011-12-31\n"
    );
    // A partner's place is the one the SQL export joins it to.
    let geonames = SMALL.replace("name = \"Gdańsk\"", "name = \"Gdańsk\"\ngeonames = 3099434");
    let rows = Test::new()
        .registry(&geonames)
        .args([
            "partners",
            "list",
            "--network",
            "port-towns",
            "--fields",
            "name,place_id",
        ])
        .stdout();
    assert_eq!(
        rows,
        "Livorno\tname:livorno:it\nGdańsk\tgeonames:3099434\nPort Agency\tname:port_20agency:\n"
    );
    let sql = Test::new()
        .registry(&geonames)
        .args(["export", "--format", "sql", "--network", "port-towns"])
        .stdout();
    for row in [
        "('port-towns', 1, 'Livorno', 'IT', 'lead', NULL, 'name:livorno:it')",
        "('port-towns', 2, 'Gdańsk', 'PL', 'partner', NULL, 'geonames:3099434')",
    ] {
        assert!(sql.contains(row), "{row} in {sql}");
    }
}
