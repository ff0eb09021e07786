//! Tables fitted to the terminal: every row on one line, no word broken,
//! the less important columns left out first, at every common width.

use crate::support::{BUILT_IN_NETWORKS, BUILT_IN_PARTNERS, Test, on_terminal};

fn table(args: &[&str], columns: u16) -> String {
    Test::new()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .args(["--format", "table"])
        .stdout()
}

fn width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn every_list_fits_60_80_100_and_160_columns_a_row_a_line() {
    let lists: &[(&[&str], usize)] = &[
        (&["networks", "list"], BUILT_IN_NETWORKS),
        (&["partners", "list"], BUILT_IN_PARTNERS),
        (&["milestones", "list"], 0),
        (&["stats", "--by", "country"], 0),
    ];
    for (args, rows) in lists {
        for columns in [60u16, 80, 100, 160] {
            let out = table(args, columns);
            for line in out.lines() {
                assert!(
                    width(line) <= usize::from(columns),
                    "{args:?} at {columns}: {line}"
                );
            }
            // A frame of three lines and a header: every row on a line of its own.
            let body = out.lines().filter(|l| l.starts_with('│')).count() - 1;
            if *rows > 0 {
                assert_eq!(body, *rows, "{args:?} at {columns}:\n{out}");
            }
            assert!(
                out.lines()
                    .filter(|l| l.starts_with('│'))
                    .all(|l| !l.contains("┆ ┆")),
                "{out}"
            );
        }
    }
}

#[test]
fn wide_terminals_show_the_specs_columns_and_narrow_ones_the_essentials() {
    let wide = table(&["networks", "list"], 160);
    let header = wide.lines().nth(1).unwrap_or_default();
    for column in [
        "Id",
        "Name",
        "Programme",
        "Status",
        "Lead",
        "Lead country",
        "Partners",
        "Start",
        "End",
    ] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        wide.lines()
            .any(|l| l.starts_with("│ creative-clusters ") && l.contains("┆ Creative Clusters ")),
        "{wide}"
    );
    let narrow = table(&["networks", "list"], 60);
    let header = narrow.lines().nth(1).unwrap_or_default();
    assert!(
        header.starts_with("│ Id ") && header.contains("┆ Name "),
        "{header}"
    );
    assert!(!header.contains("Programme"), "{header}");
}

#[test]
fn long_text_is_cut_at_a_word_with_an_ellipsis() {
    let names: std::collections::HashMap<String, String> = Test::new()
        .args(["networks", "list", "--fields", "id,name"])
        .stdout()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, name)| (id.to_string(), name.to_string()))
        .collect();
    let out = table(&["networks", "list"], 100);
    let mut cut = 0;
    for line in out.lines().filter(|l| l.starts_with('│')).skip(1) {
        let cells: Vec<&str> = line.trim_matches('│').split('┆').map(str::trim).collect();
        let (id, shown) = (cells[0], cells[1]);
        if let Some(kept) = shown.strip_suffix('…') {
            cut += 1;
            let full = &names[id];
            assert!(full.starts_with(kept), "{shown} of {full}");
            assert!(
                full[kept.len()..].starts_with(' '),
                "`{shown}` breaks a word of `{full}`"
            );
        } else {
            assert_eq!(shown, names[id]);
        }
    }
    assert!(cut > 0, "{out}");
    // --fields still shows every column it names, cut as far as it must be.
    let out = table(
        &[
            "networks",
            "list",
            "--fields",
            "id,name,lead,lead_country,programme,status",
        ],
        100,
    );
    let header = out.lines().nth(1).unwrap_or_default();
    assert!(
        header.contains("Programme") && header.contains("┆ Lead…"),
        "{header}"
    );
    for columns in [60u16, 80] {
        let out = table(
            &[
                "networks",
                "list",
                "--fields",
                "id,name,lead,lead_country,programme,status",
            ],
            columns,
        );
        assert!(out.lines().all(|l| width(l) <= usize::from(columns)), "{out}");
        assert_eq!(
            out.lines().nth(1).map(|h| h.matches('┆').count()),
            Some(5),
            "{out}"
        );
    }
}

/// On a terminal whose TERM is `dumb`, no colour even when it is a terminal.
#[test]
fn a_dumb_terminal_gets_no_colour() {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let home = tempfile::tempdir().expect("tmp");
    let command = format!("{} networks list --limit 1", netreg.display());
    let run = |term: &str| {
        let env = [
            ("HOME", home.path().as_os_str()),
            ("TERM", term.as_ref()),
            ("COLUMNS", "100".as_ref()),
        ];
        on_terminal(&command, &env, b"")
    };
    let (Some(xterm), Some(dumb)) = (run("xterm"), run("dumb")) else {
        return;
    };
    assert!(xterm.contains('\x1b'), "a real terminal gets colour");
    assert!(!dumb.contains('\x1b') && dumb.contains("sudest"), "{dumb}");
}

/// On a real terminal (a pty `script` makes, sized with `stty`), a table
/// takes the terminal's own width, and nothing from the data reaches it raw.
#[test]
fn on_a_real_terminal_tables_fit_it_and_data_is_escaped() {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let home = tempfile::tempdir().expect("tmp");
    let registry = home.path().join("hostile.toml");
    std::fs::write(
        &registry,
        "[[networks]]\nid = \"n\"\nname = \"Evil \\u001b]0;pwned\\u0007 \u{202e}drow\"\n[[networks.partners]]\nname = \"Z\\u001b[2J\"\ncountry = \"IT\"\n",
    )
    .expect("write");
    let shown = |columns: u16, args: &str| {
        let command = format!("stty cols {columns} rows 50; {} {args}", netreg.display());
        on_terminal(
            &command,
            &[("HOME", home.path().as_os_str()), ("TERM", "xterm".as_ref())],
            b"",
        )
    };
    for columns in [60u16, 80, 100, 160] {
        let Some(out) = shown(columns, "networks list --color never") else {
            return;
        };
        assert!(out.lines().count() > 20, "{out}");
        for line in out.lines() {
            let line = line.trim_end_matches('\r');
            assert!(width(line) <= usize::from(columns), "{columns}: {line}");
        }
    }
    let out = shown(
        100,
        &format!("--registry {} networks list --color never", registry.display()),
    );
    let out = out.unwrap_or_default();
    assert!(!out.contains('\x1b') && !out.contains('\u{202e}'), "{out:?}");
    assert!(out.contains("Evil \\u{1b}]0;pwned\\u{7} \\u{202e}drow"), "{out}");
    let add = format!(
        "--registry {} partners add n \"$(printf 'X\\033[31m')\" --color never",
        registry.display()
    );
    let out = shown(100, &add).unwrap_or_default();
    assert!(!out.contains('\x1b'), "{out:?}");
    assert!(out.contains("added partner `X\\u{1b}[31m` to `n`"), "{out}");
}

/// `stats --by network` on an 80-column terminal keeps the newcomer
/// percentage beside the places it is of.
#[test]
fn the_newcomer_percentage_keeps_its_places_on_a_narrow_terminal() {
    let out = table(&["stats", "--by", "network", "--limit", "1"], 80);
    let heading = out.lines().nth(1).unwrap_or_default();
    for column in ["Network", "Places", "Newcomers", "Newcomers pct"] {
        assert!(heading.contains(column), "{out}");
    }
}
