//! Tables fitted to the terminal: every row on one line, no word broken,
//! the less important columns left out first, at every common width.

use crate::support::{BUILT_IN, BUILT_IN_NETWORKS, BUILT_IN_PARTNERS, Test, on_terminal};

fn table(args: &[&str], columns: u16) -> String {
    Test::new()
        .env("COLUMNS", columns.to_string())
        .args(args)
        // The note on columns left out is `every_list_and_show_fits...`'s.
        .args(["--format", "table", "--quiet"])
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
        if id.ends_with('…') {
            continue;
        }
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
    // --fields shows the columns it names that fit, and says which do not.
    for columns in [60u16, 80, 100] {
        let out = Test::new()
            .env("COLUMNS", columns.to_string())
            .args(["networks", "list", "--format", "table", "--fields"])
            .args(["id,name,lead,lead_country,programme,status"])
            .run();
        assert!(
            out.stdout.lines().all(|l| width(l) <= usize::from(columns)),
            "{}",
            out.stdout
        );
        let header = header(&out.stdout);
        let note = out.stderr.replace("\n  ", " ");
        for (field, heading) in [
            ("lead_country", "Lead country"),
            ("programme", "Programme"),
            ("status", "Status"),
        ] {
            assert!(
                header.contains(&heading.to_string()) != note.contains(field),
                "{columns}: {header:?} {}",
                out.stderr
            );
        }
        for heading in ["Id", "Name", "Lead"] {
            assert!(header.contains(&heading.to_string()), "{columns}: {header:?}");
        }
    }
}

/// On a terminal whose TERM is `dumb`, no colour even when it is a terminal.
#[test]
fn a_dumb_terminal_gets_no_colour() {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let home = tempfile::tempdir().expect("tmp");
    let command = format!("{} networks list --limit 1 --no-pager", netreg.display());
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
        let command = format!(
            "stty cols {columns} rows 50; {} --no-pager {args}",
            netreg.display()
        );
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

/// `netreg ARGS` on a real terminal (a pty `script` makes) `columns` wide:
/// what the terminal showed (line ends as `\n`) and stderr.
fn on_pty(columns: u16, args: &str, registry: Option<&std::path::Path>) -> Option<(String, String)> {
    let netreg = assert_cmd::cargo::cargo_bin("netreg");
    let home = tempfile::tempdir().expect("tmp");
    let err = home.path().join("stderr");
    let registry = registry
        .map(|r| format!("--registry '{}' ", r.display()))
        .unwrap_or_default();
    let command = format!(
        "stty cols {columns} rows 50; {} {registry}--no-pager --color never {args} 2>'{}'",
        netreg.display(),
        err.display()
    );
    let env = [("HOME", home.path().as_os_str()), ("TERM", "xterm".as_ref())];
    let screen = on_terminal(&command, &env, b"")?.replace("\r\n", "\n");
    let stderr = std::fs::read_to_string(err).unwrap_or_default();
    Some((screen, stderr))
}

/// Whether `c` draws a table or a chart rather than spells a word.
fn drawing(c: char) -> bool {
    "│┆╭╮╰╯─┬┴╞╪╡═┼├┤╵█▒░▶■·–—".contains(c)
}

/// A word as compared: lower case, without the punctuation around it.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '…')
        .to_lowercase()
}

/// Every word a screen may show: the registry's, the headings', the
/// timeline legend's and the country names tables show for codes.
fn dictionary() -> std::collections::HashSet<String> {
    let mut words: std::collections::HashSet<String> = BUILT_IN.split_whitespace().map(bare).collect();
    let countries = Test::new()
        .args(["partners", "list", "--fields", "country_name"])
        .stdout();
    words.extend(countries.split_whitespace().map(bare));
    let extra = "id name programme type status lead country partners start end network date title kind \
                 role city geonames networks leads first last countries places newcomers pct as shared \
                 span themes url summary sources milestones most often with of launch to completion \
                 from its or not known no yet event";
    words.extend(extra.split_whitespace().map(bare));
    words
}

/// Words on `screen` broken across lines, or cut other than at its end
/// with `…`: every word must be one the data or netreg has, or the start
/// of one followed by `…`.
fn broken_words(screen: &str, words: &std::collections::HashSet<String>) -> Vec<String> {
    let mut broken = Vec::new();
    for token in screen.split(|c: char| c.is_whitespace() || drawing(c)) {
        let word = bare(token);
        // `UNIC –…`: cut after a dash.
        if word.is_empty()
            || word == "…"
            || words.contains(&word)
            || word.chars().all(|c| c.is_ascii_digit() || "-.%:,–".contains(c))
            || token.starts_with('[') && token.ends_with(']')
        {
            continue;
        }
        if let Some(start) = word.strip_suffix('…').map(bare)
            && !start.is_empty()
            && words.iter().any(|w| w.starts_with(&start))
        {
            continue;
        }
        broken.push(token.to_string());
    }
    broken
}

/// The cells of a table's heading line: the first line of the screen that
/// starts with `│`.
fn header(screen: &str) -> Vec<String> {
    screen
        .lines()
        .find(|l| l.starts_with('│'))
        .unwrap_or_default()
        .split(['│', '┆'])
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

/// A URL standing on its own below a table, which the terminal wraps.
fn url_line(line: &str) -> bool {
    line.split_once("] ")
        .is_some_and(|(mark, url)| mark.starts_with('[') && url.starts_with("http") && !url.contains(' '))
}

/// Every list and `show` on a real terminal of 40 to 160 columns, with and
/// without `--fields` and with `--sort`: no line wider than the terminal,
/// no word broken (only cut with `…`), the sort column and a network's lead
/// kept, a note on stderr naming each column left out, URLs whole.
#[test]
fn every_list_and_show_fits_a_real_terminal_from_40_to_160_columns() {
    let words = dictionary();
    // (command, --fields, --sort, columns always shown)
    let lists: &[(&str, &str, &str, &[&str])] = &[
        (
            "networks list",
            "id,name,programme,status,lead,partners,start,end",
            "-partners",
            &["Id", "Lead"],
        ),
        (
            "partners list",
            "network,name,country,role,type",
            "role",
            &["Network"],
        ),
        (
            "milestones list",
            "network,date,title,kind",
            "-date",
            &["Network"],
        ),
        (
            "cities list",
            "name,country,geonames,networks,leads,first,last",
            "-networks",
            &["Name"],
        ),
        ("timeline show", "network,date,title,kind", "title", &[]),
        (
            "stats",
            "country,country_name,networks,partners",
            "-partners",
            &["Country"],
        ),
        (
            "stats --by network",
            "network,countries,partners,places,newcomers,newcomers_pct",
            "-newcomers_pct",
            &["Network"],
        ),
    ];
    let heading = |field: &str| {
        let spaced = field.replace('_', " ");
        spaced[..1].to_uppercase() + &spaced[1..]
    };
    for columns in [40u16, 60, 80, 120, 160] {
        let mut runs: Vec<(String, Vec<String>)> = Vec::new();
        for (command, fields, sort, shown) in lists {
            let mut kept: Vec<String> = shown.iter().map(|s| s.to_string()).collect();
            runs.push((command.to_string(), kept.clone()));
            runs.push((
                format!("{command} --fields {fields}"),
                vec![heading(fields.split(',').next().unwrap_or_default())],
            ));
            kept.push(heading(sort.trim_start_matches('-')));
            runs.push((format!("{command} --sort {sort}"), kept));
        }
        runs.push(("networks show creative-clusters".to_string(), vec![]));
        runs.push(("cities show Naples".to_string(), vec![]));
        for (args, kept) in runs {
            let Some((screen, stderr)) = on_pty(columns, &args, None) else {
                return;
            };
            assert!(screen.lines().count() > 2, "{args} at {columns}: {screen}");
            for line in screen.lines().filter(|l| !url_line(l)) {
                assert!(
                    width(line) <= usize::from(columns),
                    "{args} at {columns}: `{line}`\n{screen}"
                );
            }
            let broken = broken_words(&screen, &words);
            assert!(broken.is_empty(), "{args} at {columns}: {broken:?}\n{screen}");
            if args == "timeline show" || args.contains(" show ") {
                continue;
            }
            let header = header(&screen);
            for column in &kept {
                assert!(
                    header.contains(column),
                    "{args} at {columns}: no {column} in {header:?}\n{stderr}"
                );
            }
            if let Some(fields) = args.split("--fields ").nth(1) {
                let missing: Vec<&str> = fields
                    .split(',')
                    .filter(|f| !header.contains(&heading(f)))
                    .collect();
                if missing.is_empty() {
                    assert!(!stderr.contains("left out"), "{args} at {columns}: {stderr}");
                } else {
                    let note = stderr.replace("\n  ", " ");
                    assert!(
                        note.starts_with("note: ") && note.contains("left out to fit"),
                        "{args} at {columns}: {stderr}"
                    );
                    for field in missing {
                        assert!(
                            note.contains(field),
                            "{args} at {columns}: {field} not in {stderr}"
                        );
                    }
                }
            }
        }
    }
}

/// A registry whose name is one very long word and whose URLs are long.
fn long_words() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let word = "Supercalifragilistic".repeat(10);
    let url = format!("https://example.org/{}", "very-long-path-segment/".repeat(8));
    let registry = dir.path().join("long.toml");
    std::fs::write(
        &registry,
        format!(
            "[[networks]]\nid = \"n\"\nname = \"{word}\"\nurl = \"{url}\"\nsources = [\"{url}x\", \"https://a.eu/\"]\n\
             summary = \"A {word} summary, see {url}y\"\n\
             [[networks.partners]]\nname = \"{word}\"\ncountry = \"IT\"\nrole = \"lead\"\n\
             [[networks.milestones]]\ndate = \"2020-01-01\"\ntitle = \"{word} title\"\nkind = \"launch\"\n"
        ),
    )
    .expect("write");
    (dir, registry)
}

/// A single very long word is cut with `…` and hides no other column; a
/// URL too long for the terminal stands whole on a line of its own, outside
/// the table, and one that fits stays in it.
#[test]
fn a_long_word_hides_nothing_and_a_long_url_stands_whole_below_the_table() {
    let (_dir, registry) = long_words();
    let url = format!("https://example.org/{}", "very-long-path-segment/".repeat(8));
    for columns in [40u16, 60, 80, 120, 160] {
        let Some((screen, stderr)) = on_pty(columns, "networks list", Some(&registry)) else {
            return;
        };
        let header = header(&screen);
        for column in ["Id", "Name", "Lead"] {
            assert!(
                header.contains(&column.to_string()),
                "{columns}:\n{screen}\n{stderr}"
            );
        }
        assert!(screen.contains("┆ Supercalifrag"), "{screen}");
        assert!(
            screen.lines().all(|l| width(l) <= usize::from(columns)),
            "{screen}"
        );
        let Some((screen, _)) = on_pty(columns, "networks show n", Some(&registry)) else {
            return;
        };
        for line in screen.lines().filter(|l| !url_line(l)) {
            assert!(
                width(line) <= usize::from(columns),
                "{columns}: `{line}`\n{screen}"
            );
        }
        let below: Vec<&str> = screen.lines().filter(|l| url_line(l)).collect();
        assert_eq!(
            below,
            [format!("[1] {url}"), format!("[2] {url}y"), format!("[3] {url}x")],
            "{columns}:\n{screen}"
        );
        assert!(screen.contains("┆ [1]"), "{screen}");
        assert!(screen.contains("┆ https://a.eu/"), "{screen}");
        // The partner and the milestone: there, cut with `…`.
        assert!(screen.contains("│ Supercalif"), "{screen}");
        assert!(screen.matches("…").count() >= 2, "{screen}");
    }
}

/// `timeline show` on a real terminal: the legend breaks between words at
/// 60 and 80 columns, and nothing is wider than the terminal.
#[test]
fn the_timeline_legend_breaks_between_words() {
    for columns in [40u16, 60, 80, 120, 160] {
        let Some((screen, _)) = on_pty(columns, "timeline show", None) else {
            return;
        };
        let legend: Vec<&str> = screen
            .lines()
            .skip_while(|l| !l.contains("█ launch to completion"))
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let joined = legend.join(" ");
        for entry in [
            "█ launch to completion",
            "▒ span from its milestones (launch or completion not known)",
            "░ no completion date yet",
        ] {
            assert!(joined.contains(entry), "{columns}: {legend:?}");
        }
        assert!(
            screen.lines().all(|l| width(l) <= usize::from(columns)),
            "{screen}"
        );
    }
}
