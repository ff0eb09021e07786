//! `check` finds every mistake of a file in one run (issue 24, item 1), and
//! the schema it ships is one the tools take (item 5): a generic JSON Schema
//! validator finds nothing `check` misses, and taplo passes every file
//! netreg writes.

use std::path::Path;

use crate::support::{Test, have, python};

/// A registry with a mistake of every kind the format has, some of them
/// in one network, so that one mistake hiding another would show.
const EVERY_MISTAKE: &str = r#"format = 1
colour = "blue"

[[networks]]
id = "alpha"
name = "Alpha"
stauts = "closed"

[[networks.partners]]
name = "Turin"
country = "IT"
role = "leader"

[[networks.partners]]
name = "Lyon"
country = "FRA"
role = "lead"

[[networks.partners]]
name = "Porto"
country = "PT"
role = "lead"
coordinates = [41.1, -8.6, 0]

[[networks.partners]]
name = "porto"
geonames = 0

[[networks.milestones]]
date = 2019-06-31
title = "Launch"
kind = "launch"

[[networks.milestones]]
date = 2019-02
title = "Kick-off"

[[networks]]
id = "Alpha Two"
name = "Alpha two"
themes = ["a", 3]
status = "finished"

[[networks.partners]]
title = "No name"

[[networks.milestones]]
date = "2020-01"
title = "Launch"
kind = "launch"

[[networks.milestones]]
date = "2018"
title = "End"
kind = "completion"

[[networks]]
id = "alpha"
name = "Again"

[[networks.partners]]
name = "Riga"
contry = "LV"
role = "lead"
"#;

/// What `check` says of it, line by line: each mistake once, in file order.
const EVERY_MISTAKE_FOUND: &[(usize, usize, &str, &str)] = &[
    (2, 1, "error", "unknown key `colour`"),
    (7, 1, "error", "unknown key `stauts`"),
    (12, 8, "error", "unknown value `leader`"),
    (16, 11, "error", "`FRA` is not an ISO 3166-1 alpha-2 country code"),
    (
        20,
        8,
        "error",
        "network `alpha` has a second lead: `Lyon` leads it already",
    ),
    (
        23,
        15,
        "error",
        "coordinates are two numbers, [latitude, longitude]; these have 3",
    ),
    (
        26,
        8,
        "error",
        "partner `porto` is already in network `alpha` (as `Porto`)",
    ),
    (26, 8, "warning", "partner `porto` of `alpha` has no country"),
    (27, 12, "error", "GeoNames id 0 is not a positive number"),
    (
        30,
        8,
        "error",
        "2019-06-31 is not a real date: that month has 30 days",
    ),
    (
        35,
        8,
        "error",
        "2019-02 is not a date in TOML: a month alone is written in quotes, \"2019-02\"",
    ),
    (39, 6, "error", "network id `Alpha Two` is not a slug"),
    (39, 6, "warning", "network `Alpha Two` has no lead partner"),
    (
        41,
        16,
        "error",
        "wrong type: expected a string, found the integer 3",
    ),
    (42, 10, "error", "unknown value `finished`"),
    (44, 1, "error", "missing key `name`"),
    (45, 1, "error", "unknown key `title`"),
    (
        53,
        8,
        "error",
        "network `Alpha Two` is completed (2018) before it is launched (2020-01)",
    ),
    (58, 6, "error", "network id `alpha` is used twice"),
    (63, 1, "error", "unknown key `contry`"),
];

#[test]
fn check_finds_every_mistake_of_a_file_in_one_run() {
    let test = Test::new().registry(EVERY_MISTAKE);
    let file = test.path("registry.toml");
    let out = test.args(["check"]).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    let found: Vec<(usize, usize, String, String)> = out
        .stderr
        .split("\n\n")
        .filter_map(|problem| {
            let mut lines = problem.lines();
            let (severity, message) = lines.next()?.split_once(": ")?;
            let place = lines.next()?.trim().strip_prefix("--> ")?;
            let mut numbers = place.rsplit(':');
            let column = numbers.next()?.parse().ok()?;
            let line = numbers.next()?.parse().ok()?;
            Some((line, column, severity.to_string(), message.to_string()))
        })
        .collect();
    let expected: Vec<(usize, usize, String, String)> = EVERY_MISTAKE_FOUND
        .iter()
        .map(|(l, c, s, m)| (*l, *c, s.to_string(), m.to_string()))
        .collect();
    assert_eq!(found, expected, "{}", out.stderr);
    // Each with the line it is on and a way to fix it, and the count last.
    assert!(
        out.stderr
            .contains("\n7 | stauts = \"closed\"\n  | ^^^^^^\nhint: did you mean `status`?")
    );
    assert_eq!(
        out.stderr.matches("\nhint: ").count(),
        EVERY_MISTAKE_FOUND.len(),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with(&format!("{}: 18 errors, 2 warnings\n", file.display())),
        "{}",
        out.stderr
    );

    let json = Test::new()
        .registry(EVERY_MISTAKE)
        .args(["check", "--format", "json"])
        .run();
    assert_eq!((json.code, json.stderr.as_str()), (1, ""));
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let listed: Vec<(usize, usize, String, String)> = rows
        .as_array()
        .expect("a list")
        .iter()
        .map(|row| {
            (
                row["line"].as_u64().unwrap_or(0) as usize,
                row["column"].as_u64().unwrap_or(0) as usize,
                row["severity"].as_str().unwrap_or("").to_string(),
                row["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(listed, expected, "the same list as data");
    assert!(
        rows.as_array()
            .is_some_and(|rows| rows.iter().all(|r| r["hint"].is_string()))
    );

    // A read refuses the file with the same errors, and no warnings.
    let read = Test::new()
        .registry(EVERY_MISTAKE)
        .args(["networks", "list"])
        .run();
    assert_eq!((read.code, read.stdout.as_str()), (1, ""));
    assert_eq!(
        read.stderr.matches("\nerror: ").count() + 1,
        18,
        "{}",
        read.stderr
    );
}

/// SplitMix64, for mistakes drawn from a seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}

/// A table of a generated registry: its JSON path and its first line.
struct Table {
    path: String,
    line: usize,
}

/// A registry of three networks with mistakes drawn at random into every
/// table, and where each table starts.
fn mistaken(rng: &mut Rng) -> (String, Vec<Table>) {
    let mut text = String::new();
    let mut tables = vec![Table {
        path: String::new(),
        line: 1,
    }];
    let line = |text: &mut String, s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    // Each table's keys: the good ones, then what may replace or join them.
    let top: &[&str] = &["format = 2", "colour = 1", "format = \"1\""];
    let network: &[&str] = &[
        "stauts = \"closed\"",
        "status = \"finished\"",
        "id = \"Not A Slug\"",
        "name = 5",
        "themes = [\"a\", 3]",
        "programme = true",
        "sources = \"https://example.org\"",
        "url = []",
    ];
    let partner: &[&str] = &[
        "contry = \"IT\"",
        "role = \"boss\"",
        "country = \"ITA\"",
        "geonames = 0",
        "geonames = \"x\"",
        "coordinates = [1, 2, 3]",
        "coordinates = [91.0, 2.0]",
        "coordinates = [\"n\", 2]",
        "name = []",
        "type = 4",
    ];
    let milestone: &[&str] = &[
        "date = \"2011-6\"",
        "date = \"2011-13\"",
        "kind = \"start\"",
        "title = 3",
        "when = \"x\"",
        "date = 2011",
    ];
    let pick = |rng: &mut Rng, from: &[&str]| -> Vec<String> {
        (0..rng.below(3))
            .map(|_| from[rng.below(from.len())].to_string())
            .collect()
    };
    let with = |good: &[String], bad: Vec<String>| -> Vec<String> {
        let mut keys: Vec<String> = good
            .iter()
            .filter(|g| {
                let key = g.split(" = ").next().unwrap_or("");
                !bad.iter().any(|b| b.starts_with(&format!("{key} = ")))
            })
            .cloned()
            .collect();
        keys.extend(bad);
        keys.dedup_by(|a, b| a.split(" = ").next() == b.split(" = ").next());
        keys
    };
    let mut at = 1;
    for key in with(&["format = 1".to_string()], pick(rng, top)) {
        line(&mut text, &key);
        at += 1;
    }
    for n in 0..3 {
        line(&mut text, "");
        line(&mut text, "[[networks]]");
        at += 2;
        tables.push(Table {
            path: format!("networks/{n}"),
            line: at,
        });
        let mut good = vec![format!("id = \"net-{n}\""), format!("name = \"Net {n}\"")];
        if rng.below(4) == 0 {
            good.pop();
        }
        for key in with(&good, pick(rng, network)) {
            line(&mut text, &key);
            at += 1;
        }
        for p in 0..2 {
            line(&mut text, "");
            line(&mut text, "[[networks.partners]]");
            at += 2;
            tables.push(Table {
                path: format!("networks/{n}/partners/{p}"),
                line: at,
            });
            let mut good = vec![
                format!("name = \"City {p}\""),
                "country = \"IT\"".to_string(),
                if p == 0 {
                    "role = \"lead\""
                } else {
                    "role = \"partner\""
                }
                .to_string(),
            ];
            if rng.below(5) == 0 {
                good.remove(0);
            }
            for key in with(&good, pick(rng, partner)) {
                line(&mut text, &key);
                at += 1;
            }
        }
        line(&mut text, "");
        line(&mut text, "[[networks.milestones]]");
        at += 2;
        tables.push(Table {
            path: format!("networks/{n}/milestones/0"),
            line: at,
        });
        let mut good = vec!["date = 2011-06-09".to_string(), "title = \"Launch\"".to_string()];
        // Without its date, its title or both.
        good.truncate(good.len() - rng.below(3) / 2);
        if rng.below(4) == 0 {
            good.remove(0);
        }
        for key in with(&good, pick(rng, milestone)) {
            line(&mut text, &key);
            at += 1;
        }
    }
    (text, tables)
}

/// The lines of the table a JSON path is in: from its header to the next.
fn lines_of(tables: &[Table], path: &str) -> std::ops::Range<usize> {
    let index = tables
        .iter()
        .rposition(|t| path == t.path || path.starts_with(&format!("{}/", t.path)) || t.path.is_empty())
        .unwrap_or(0);
    let end = tables.get(index + 1).map_or(usize::MAX, |t| t.line - 1);
    tables[index].line.saturating_sub(1)..end
}

/// A value that did not read is said once, as itself: a partner whose
/// `country` is refused has no second "no country" warning, a network whose
/// role is refused no "no lead" (it may have been the lead's); a network
/// without those mistakes still gets both warnings.
#[test]
fn a_value_that_did_not_read_is_said_once() {
    let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n\
        [[networks.partners]]\nname = \"B\"\nrole = \"boss\"\ncountry = \"IT\"\n\
        [[networks.partners]]\nname = \"C\"\ncountry = 5\n\
        [[networks.partners]]\nname = \"D\"\ncontry = 7\n\n\
        [[networks]]\nid = \"b\"\nname = \"B\"\n\
        [[networks.partners]]\nname = \"E\"\nrole = \"partner\"\n";
    let out = Test::new().registry(text).args(["check"]).status(1).run();
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning"))
        .collect();
    assert_eq!(
        said,
        [
            "error: unknown value `boss`",
            "error: wrong type: expected a string, found the integer 5",
            "error: unknown key `contry`",
            "error: wrong type: expected a string, found the integer 7",
            "warning: network `b` has no lead partner",
            "warning: partner `E` of `b` has no country",
        ],
        "{}",
        out.stderr
    );
}

/// A partner's table or a dotted key before any `[[networks]]` is said as
/// that, once, not as a network without an id and a name.
#[test]
fn a_table_under_networks_before_any_network_is_said_as_such() {
    for (text, said) in [
        (
            "[[networks.partners]]\nname = \"X\"\n",
            "error: `[[networks.partners]]` comes before any `[[networks]]`",
        ),
        (
            "networks.partners = 3\n",
            "error: `networks.partners = 3` comes before any `[[networks]]`",
        ),
    ] {
        let out = Test::new().registry(text).args(["check"]).status(1).run();
        let errors: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("error")).collect();
        assert_eq!(errors, [said], "{}", out.stderr);
        assert!(
            out.stderr.contains(
                "hint: a network's partners and milestones go below its own `[[networks]]` header: move this there\n"
            ),
            "{}",
            out.stderr
        );
    }
    // The networks below it are read as written, each with its own mistakes,
    // and none of toml's "duplicate key" at their headers.
    let text = "format = 1\n\n[[networks.partners]]\nname = \"X\"\n\n\
                [[networks]]\nid = \"a\"\nname = \"A\"\nnaem = \"x\"\n\n\
                [[networks.partners]]\nname = \"Y\"\ncountry = \"ZZ\"\nrole = \"lead\"\n\n\
                [[networks]]\nid = \"b\"\nname = \"B\"\nstatus = \"bogus\"\n";
    let out = Test::new().registry(text).args(["check"]).status(1).run();
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning") || l.starts_with(" -->"))
        .map(|l| l.rsplit_once('/').map_or(l, |(_, file)| file))
        .collect();
    assert_eq!(
        said,
        [
            "error: `[[networks.partners]]` comes before any `[[networks]]`",
            "registry.toml:3:3",
            "error: unknown key `naem`",
            "registry.toml:9:1",
            "error: `ZZ` is not an ISO 3166-1 alpha-2 country code",
            "warning: network `b` has no lead partner",
            "error: unknown value `bogus`",
        ],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("registry.toml: 4 errors, 1 warning\n"),
        "{}",
        out.stderr
    );
    // The same for a `[networks]` written for `[[networks]]` amid networks:
    // the others are read, and it is read as the network it was meant to be.
    let text = "format = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\nstatus = \"gone\"\n\n\
                [networks]\nid = \"c\"\nnaem = \"C\"\n[[networks.partners]]\nname = \"Z\"\ncountry = \"QQ\"\n\n\
                [[networks]]\nid = \"b\"\nname = \"B\"\nstatus = \"bogus\"\n";
    let out = Test::new().registry(text).args(["check"]).status(1).run();
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| !l.starts_with(' ') || l.trim_start().starts_with("-->"))
        .filter(|l| !l.is_empty() && !l.starts_with("hint") && !l.contains('|'))
        .map(|l| l.rsplit_once('/').map_or(l, |(_, file)| file))
        .collect();
    assert_eq!(
        said,
        [
            "warning: network `a` has no lead partner",
            "registry.toml:4:6",
            "error: unknown value `gone`",
            "registry.toml:6:10",
            "error: `[networks]` is one table, not a list of networks",
            "registry.toml:8:1",
            "warning: network `c` has no lead partner",
            "registry.toml:9:6",
            "error: unknown key `naem`",
            "registry.toml:10:1",
            "error: `QQ` is not an ISO 3166-1 alpha-2 country code",
            "registry.toml:13:11",
            "warning: network `b` has no lead partner",
            "registry.toml:16:6",
            "error: unknown value `bogus`",
            "registry.toml:18:10",
            "registry.toml: 5 errors, 3 warnings",
        ],
        "{}",
        out.stderr
    );
}

#[test]
fn a_pair_of_coordinates_is_checked_whole_when_one_number_does_not_read() {
    for (pair, said) in [
        (
            "[100, \"a\"]",
            vec![
                "error: latitude 100 is not on the globe",
                "error: wrong type: expected a number",
            ],
        ),
        (
            "[\"a\", 500]",
            vec![
                "error: longitude 500 is not on the globe",
                "error: wrong type: expected a number",
            ],
        ),
        (
            "[true, \"b\"]",
            vec![
                "error: wrong type: expected a number",
                "error: wrong type: expected a number",
            ],
        ),
        (
            "[91, -181]",
            vec!["error: latitude 91 and longitude -181 are not on the globe"],
        ),
    ] {
        let text = format!(
            "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\n[[networks.partners]]\n\
             name = \"X\"\ncountry = \"IT\"\nrole = \"lead\"\ncoordinates = {pair}\n"
        );
        let out = Test::new().registry(&text).args(["check"]).status(1).run();
        let errors: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("error")).collect();
        assert_eq!(errors.len(), said.len(), "{pair}: {}", out.stderr);
        for (error, said) in errors.iter().zip(&said) {
            assert!(error.starts_with(said), "{pair}: {}", out.stderr);
        }
    }
}

#[test]
fn check_misses_nothing_a_json_schema_validator_finds() {
    if !have("python3", &["-c", "import jsonschema"]) {
        return;
    }
    let test = Test::new();
    let schema = test.path("netreg.schema.json");
    std::fs::write(&schema, Test::new().args(["schema"]).stdout()).expect("schema");
    let mut rng = Rng(24);
    let files: Vec<(std::path::PathBuf, Vec<Table>)> = (0..60)
        .map(|i| {
            let (text, tables) = mistaken(&mut rng);
            let file = test.path(&format!("mistaken-{i}.toml"));
            std::fs::write(&file, text).expect("write");
            (file, tables)
        })
        .collect();
    // Each file's TOML as taplo hands it to a schema (a date as its text).
    let mut args = vec![schema.as_os_str()];
    args.extend(files.iter().map(|(file, _)| file.as_os_str()));
    let found = python(
        "import datetime,json,sys,tomllib,jsonschema\n\
         v=jsonschema.Draft7Validator(json.load(open(sys.argv[1])))\n\
         def plain(x):\n\
         \x20 if isinstance(x,dict): return {k:plain(y) for k,y in x.items()}\n\
         \x20 if isinstance(x,list): return [plain(y) for y in x]\n\
         \x20 if isinstance(x,(datetime.date,datetime.datetime,datetime.time)): return x.isoformat()\n\
         \x20 return x\n\
         for i,f in enumerate(sys.argv[2:]):\n\
         \x20 data=plain(tomllib.load(open(f,'rb')))\n\
         \x20 for e in v.iter_errors(data): print(i, '/'.join(map(str,e.absolute_path)), e.validator, sep='\\t')\n",
        &args,
    );
    let mut problems = 0;
    for (i, (file, tables)) in files.iter().enumerate() {
        let out = Test::new()
            .args([
                Path::new("--registry"),
                file.as_path(),
                Path::new("check"),
                Path::new("--format"),
                Path::new("json"),
            ])
            .run();
        let rows: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        let lines: Vec<usize> = rows
            .as_array()
            .expect("a list")
            .iter()
            .filter(|r| r["severity"] == "error")
            .filter_map(|r| r["line"].as_u64().map(|l| l as usize))
            .collect();
        for found in found
            .lines()
            .filter(|l| l.split('\t').next() == Some(&i.to_string()))
        {
            let path = found.split('\t').nth(1).unwrap_or("");
            let table = lines_of(tables, path);
            assert!(
                lines.iter().any(|line| table.contains(line)),
                "{}: the validator finds {found:?} in lines {table:?}; check: {}\n{}",
                file.display(),
                out.stdout,
                std::fs::read_to_string(file).unwrap_or_default()
            );
            problems += 1;
        }
    }
    // The generator makes mistakes: the test would fail if it made none.
    assert!(problems > 100, "{problems}");
}

#[test]
fn taplo_takes_every_file_netreg_writes_against_its_schema() {
    if !have("taplo", &["--version"]) {
        return;
    }
    let test = Test::new();
    let registry = test.path("registry.toml");
    let taplo = |expect_ok: bool| {
        let out = std::process::Command::new("taplo")
            .args(["check", "--no-auto-config"])
            .arg(&registry)
            .current_dir(registry.parent().expect("a directory"))
            .env("RUST_LOG", "error")
            .output()
            .expect("taplo runs");
        assert_eq!(
            out.status.success(),
            expect_ok,
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let netreg = |args: &[&str]| {
        // One home for every run, so `undo` finds what the writes kept.
        let out = Test::new()
            .env("HOME", test.home())
            .args([Path::new("--registry").as_os_str(), registry.as_os_str()])
            .args(args)
            .run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    };
    netreg(&["init"]);
    taplo(true);
    for write in [
        &[
            "networks",
            "add",
            "new-net",
            "--name",
            "New",
            "--programme",
            "URBACT IV",
            "--start",
            "2024-06",
            "--end",
            "2026",
        ][..],
        &[
            "networks",
            "edit",
            "new-net",
            "--status",
            "closed",
            "--add-theme",
            "housing",
            "--add-source",
            "https://example.org",
        ],
        &[
            "partners",
            "add",
            "new-net",
            "Naples",
            "--country",
            "it",
            "--role",
            "lead",
            "--geonames",
            "3172394",
            "--coordinates",
            "40.85216,14.26811",
        ],
        &[
            "partners",
            "add",
            "new-net",
            "Region of Murcia",
            "--country",
            "ES",
            "--type",
            "region",
        ],
        &["partners", "edit", "new-net", "Naples", "--type", "city"],
        &["milestones", "add", "new-net", "2025-03-02", "Meeting"],
        &[
            "milestones",
            "edit",
            "new-net",
            "2025-03-02",
            "Meeting",
            "--date",
            "2025-03",
        ],
        &["networks", "rename", "new-net", "renamed-net"],
        &["partners", "remove", "renamed-net", "Region of Murcia"],
        &["networks", "remove", "creative-clusters", "--yes"],
        &["undo"],
    ] {
        netreg(write);
        taplo(true);
    }
    let import = test.path("import.toml");
    std::fs::write(
        &import,
        "[[networks]]\nid = \"imported\"\nname = \"Imported\"\n\n[[networks.partners]]\nname = \"Riga\"\ncountry = \"LV\"\ncoordinates = [56.946, 24.10589]\n\n[[networks.milestones]]\ndate = \"2020\"\ntitle = \"Launch\"\nkind = \"launch\"\n",
    )
    .expect("import file");
    netreg(&["import", import.to_str().expect("a path")]);
    taplo(true);
    // And taplo does read the schema: a misspelt key is refused.
    let mut text = std::fs::read_to_string(&registry).expect("registry");
    text = text.replacen("role = \"lead\"", "role = \"leader\"", 1);
    std::fs::write(&registry, text).expect("write");
    taplo(false);
}
