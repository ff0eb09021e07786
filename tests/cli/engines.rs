//! The SQL export loaded unchanged into SQLite, DuckDB and PostgreSQL, which
//! then give the same answers; the calendar in Python's icalendar; the
//! built-in registry against the JSON Schema in a real validator.

use std::path::Path;
use std::process::Command;

use crate::support::{Test, have, python};

/// What every engine is asked, one answer per line, columns joined by `|`.
const QUERIES: &[&str] = &[
    "SELECT COUNT(*) FROM networks",
    "SELECT COUNT(*) FROM partners",
    "SELECT COUNT(*) FROM milestones",
    "SELECT COUNT(*) FROM themes",
    "SELECT COUNT(*) FROM sources",
    "SELECT COUNT(*) FROM places",
    "SELECT COUNT(*) FROM places WHERE geonames IS NOT NULL",
    // Who led, by programme: a join over the foreign keys.
    "SELECT n.programme, COUNT(DISTINCT p.place_id) FROM networks n JOIN partners p ON p.network_id = n.id \
     WHERE p.role = 'lead' GROUP BY n.programme ORDER BY n.programme",
    // Dates compare as dates: networks begun from 2015 on, and spans' last days.
    "SELECT COUNT(*) FROM networks WHERE start_date >= '2015-01-01'",
    "SELECT id, start_date, start_precision, end_date, end_precision, end_last_day FROM networks \
     WHERE id = 'creative-clusters'",
    "SELECT COUNT(*) FROM milestones WHERE date_precision = 'year' AND last_day > date",
    "SELECT COUNT(*) FROM networks WHERE summary IS NULL",
];

/// A registry whose text tries to break out of SQL quoting.
const HOSTILE: &str = r#"
[[networks]]
id = "quotes"
name = "O'Brien's; DROP TABLE networks; --"
summary = "Line one\nline two with a backslash \\ and 'quotes'"
sources = ["https://example.org/?a=1&b='2'"]
themes = ["it's"]

[[networks.partners]]
name = "Dún Laoghaire'); DELETE FROM partners; --"
country = "IE"
role = "lead"

[[networks.milestones]]
date = "2015"
title = "Launch"
kind = "launch"

[[networks.partners]]
name = "Saint-Denis"
country = "FR"

[[networks.partners]]
name = "Saint Denis"
country = "FR"
"#;

fn sqlite(script: &Path, queries: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("r.db");
    let load = Command::new("sqlite3")
        .arg(&db)
        .stdin(std::fs::File::open(script).expect("script"))
        .output()
        .expect("sqlite3");
    assert!(
        load.status.success(),
        "sqlite3: {}",
        String::from_utf8_lossy(&load.stderr)
    );
    let mut answers = String::new();
    for query in queries {
        let out = Command::new("sqlite3")
            .arg(&db)
            .arg(query)
            .output()
            .expect("sqlite3");
        assert!(
            out.status.success(),
            "{query}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        answers.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    answers
}

fn duckdb(script: &Path, queries: &[&str]) -> String {
    let mut args = vec![script.as_os_str()];
    args.extend(queries.iter().map(std::ffi::OsStr::new));
    python(
        "import duckdb,sys\n\
         c=duckdb.connect()\n\
         c.execute(open(sys.argv[1],encoding='utf-8').read())\n\
         for q in sys.argv[2:]:\n\
         \x20   for row in c.execute(q).fetchall():\n\
         \x20       print('|'.join('' if v is None else str(v) for v in row))",
        &args,
    )
}

/// PostgreSQL through `psql` on the server the environment names (CI
/// starts one): a database of its own, dropped after.
fn postgres(script: &Path, queries: &[&str]) -> String {
    let db = format!("netreg_{}_{}", std::process::id(), rand_suffix());
    let psql = |args: &[&str]| {
        let out = Command::new("psql")
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At"])
            .args(args)
            .env("PGCLIENTENCODING", "UTF8")
            .output()
            .expect("psql");
        assert!(
            out.status.success(),
            "psql {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    psql(&["-d", "postgres", "-c", &format!("CREATE DATABASE {db}")]);
    psql(&["-d", &db, "-f", &script.to_string_lossy()]);
    let mut answers = String::new();
    for query in queries {
        answers.push_str(&psql(&["-d", &db, "-c", query]));
    }
    psql(&["-d", "postgres", "-c", &format!("DROP DATABASE {db}")]);
    answers
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos().into())
}

fn export_sql(registry: Option<&str>, dir: &Path, name: &str) -> std::path::PathBuf {
    let file = dir.join(name);
    let test = match registry {
        Some(text) => Test::new().registry(text),
        None => Test::new(),
    };
    let out = test.args(["export", "--format", "sql", "-o"]).args([&file]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    file
}

#[test]
fn the_sql_export_loads_unchanged_into_sqlite_duckdb_and_postgresql_with_the_same_answers() {
    let engines = [
        have("sqlite3", &["-version"]),
        have("python3", &["-c", "import duckdb"]),
        have("psql", &["-X", "-At", "-d", "postgres", "-c", "SELECT 1"]),
    ];
    let dir = tempfile::tempdir().expect("tmp");
    let built_in = export_sql(None, dir.path(), "built-in.sql");
    let hostile = export_sql(Some(HOSTILE), dir.path(), "hostile.sql");
    let script = std::fs::read_to_string(&built_in).expect("sql");
    assert!(
        script.starts_with(
            "-- Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.\n"
        )
    );
    let hostile_queries = [
        "SELECT name FROM networks",
        "SELECT summary FROM networks",
        "SELECT name, place_id FROM partners ORDER BY seq",
        "SELECT theme FROM themes",
        "SELECT url FROM sources",
    ];
    let expected_hostile = "O'Brien's; DROP TABLE networks; --\n\
                            Line one\nline two with a backslash \\ and 'quotes'\n\
                            Dún Laoghaire'); DELETE FROM partners; --|name:dun_20laoghaire_27_29_3b_20delete_20from_20partners_3b_20_2d_2d:ie\n\
                            Saint-Denis|name:saint_2ddenis:fr\n\
                            Saint Denis|name:saint_20denis:fr\n\
                            it's\n\
                            https://example.org/?a=1&b='2'\n";
    let mut answers = Vec::new();
    for (i, run) in [sqlite as fn(&Path, &[&str]) -> String, duckdb, postgres]
        .into_iter()
        .enumerate()
    {
        if !engines[i] {
            continue;
        }
        assert_eq!(run(&hostile, &hostile_queries), expected_hostile, "engine {i}");
        answers.push(run(&built_in, QUERIES));
    }
    if let Some(first) = answers.first() {
        for other in &answers[1..] {
            assert_eq!(other, first);
        }
        let lines: Vec<&str> = first.lines().collect();
        assert_eq!(lines[0], crate::support::BUILT_IN_NETWORKS.to_string());
        assert_eq!(lines[1], crate::support::BUILT_IN_PARTNERS.to_string());
        assert!(
            first.contains("creative-clusters|2008-01-01|year|2011-06-09|day|2011-06-09\n"),
            "{first}"
        );
    }
}

/// A network's span is one thing (spec §4): the networks active in a year
/// are the same through `networks list --from --to` and the SQL export's
/// span columns in SQLite; a closed network never runs on.
#[test]
fn networks_active_in_a_year_are_one_answer_in_lists_and_sql() {
    if !have("sqlite3", &["-version"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let script = export_sql(None, dir.path(), "built-in.sql");
    let ids = |args: &[&str]| -> Vec<String> {
        let out = Test::new()
            .args(["networks", "list", "--fields", "id"])
            .args(args)
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let mut ids: Vec<String> = out.stdout.lines().map(str::to_string).collect();
        ids.sort();
        ids
    };
    for year in ["2008", "2015", "2024"] {
        let listed = ids(&["--from", year, "--to", year]);
        let query = format!(
            "SELECT id FROM networks WHERE span_start <= '{year}-12-31' \
             AND (span_end IS NULL OR span_end >= '{year}-01-01') ORDER BY id"
        );
        let in_sql: Vec<String> = sqlite(&script, &[&query]).lines().map(str::to_string).collect();
        assert_eq!(listed, in_sql, "networks active in {year}");
        assert!(!listed.is_empty(), "{year}");
    }
    // URBACT I-III are closed: none runs on into 2030, and every network
    // that does is one of URBACT IV's, not closed.
    let later = ids(&["--from", "2030"]);
    let closed = ids(&["--status", "closed"]);
    assert!(later.iter().all(|id| !closed.contains(id)), "{later:?}");
    assert!(!later.is_empty());
}

#[test]
fn a_filtered_sql_export_keeps_every_partner_placed() {
    if !have("sqlite3", &["-version"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("it.sql");
    let out = Test::new()
        .args(["export", "--format", "sql", "--country", "IT", "-o"])
        .args([&file])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let all = sqlite(
        &export_sql(None, dir.path(), "all.sql"),
        &["SELECT COUNT(*) FROM partners WHERE place_id IS NULL"],
    );
    let italy = sqlite(&file, &["SELECT COUNT(*) FROM partners WHERE place_id IS NULL"]);
    // Every partner is a place: one with a GeoNames id, or one by its name.
    assert_eq!((all.as_str(), italy.as_str()), ("0\n", "0\n"));
}

/// The filters select the same partners in every format (spec §4): the
/// partner rows, the SQL export loaded into SQLite, the JSON, NDJSON and
/// TOML exports of whole networks.
#[test]
fn partner_filters_select_the_same_partners_in_every_format() {
    if !have("sqlite3", &["-version"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    for filter in [
        &["--role", "lead"][..],
        &["--country", "Italy"],
        &["--country", "IT", "--role", "partner"],
    ] {
        let rows = Test::new()
            .args(["partners", "list", "--fields", "network,name"])
            .args(filter)
            .stdout();
        let mut expected: Vec<String> = rows.lines().map(|l| l.replace('\t', "|")).collect();
        expected.sort();
        assert!(!expected.is_empty(), "{filter:?}");
        let file = dir.path().join("selected.sql");
        let out = Test::new()
            .args(["export", "--format", "sql", "-o"])
            .args([&file])
            .args(filter)
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let in_sql = sqlite(
            &file,
            &["SELECT network_id, name FROM partners ORDER BY network_id, name"],
        );
        let mut in_sql: Vec<String> = in_sql.lines().map(str::to_string).collect();
        in_sql.sort();
        assert_eq!(in_sql, expected, "sql {filter:?}");
        let pairs = |networks: &[serde_json::Value]| -> Vec<String> {
            let mut pairs: Vec<String> = networks
                .iter()
                .flat_map(|n| {
                    let id = n["id"].as_str().unwrap_or_default().to_string();
                    n["partners"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(move |p| format!("{id}|{}", p["name"].as_str().unwrap_or_default()))
                })
                .collect();
            pairs.sort();
            pairs
        };
        let export = |format: &str| {
            Test::new()
                .args(["export", "--format", format])
                .args(filter)
                .stdout()
        };
        let json: serde_json::Value = serde_json::from_str(&export("json")).expect("json");
        assert_eq!(
            pairs(json["networks"].as_array().expect("networks")),
            expected,
            "json {filter:?}"
        );
        let ndjson: Vec<serde_json::Value> = export("ndjson")
            .lines()
            .map(|line| serde_json::from_str(line).expect("ndjson line"))
            .collect();
        assert_eq!(pairs(&ndjson), expected, "ndjson {filter:?}");
        let toml: toml::Value = toml::from_str(&export("toml")).expect("toml");
        let toml = serde_json::to_value(&toml).expect("as json");
        assert_eq!(
            pairs(toml["networks"].as_array().expect("networks")),
            expected,
            "toml {filter:?}"
        );
    }
}

#[test]
fn a_calendar_of_nothing_is_empty_and_repeated_milestones_keep_their_own_uids() {
    let twice = "[[networks]]\nid = \"a\"\nname = \"A\"\nurl = \"https://example.org/a,b;c\"\n\
                 [[networks.milestones]]\ndate = \"2009-05\"\ntitle = \"Meeting\"\n\
                 [[networks.milestones]]\ndate = \"2009-05\"\ntitle = \"Meeting\"\n";
    let ics = Test::new()
        .registry(twice)
        .args(["export", "--format", "ics"])
        .stdout();
    let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
    assert!(uids[1].ends_with("-2@netreg"), "{uids:?}");
    assert!(
        ics.contains("URL:https://example.org/a,b;c\r\n"),
        "a URI is not TEXT: {ics}"
    );
    let out = Test::new()
        .registry(twice)
        .args(["export", "--format", "ics", "--network", "a", "--kind", "launch"])
        .run();
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
}

#[test]
fn the_calendar_parses_in_icalendar_with_one_event_per_milestone() {
    let milestones = Test::new().args(["milestones", "list"]).stdout().lines().count();
    let test = Test::new();
    let file = test.path("r.ics");
    let out = test.args(["export", "--format", "ics", "-o"]).args([&file]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!("exported {milestones} milestones to {}\n", file.display())
    );
    let text = std::fs::read_to_string(&file).expect("ics");
    assert!(
        text.lines().all(|l| l.len() <= 76),
        "folded at 75 octets and CRLF"
    );
    assert!(text.split("\r\n").all(|l| !l.contains('\n')));
    if !have("python3", &["-c", "import icalendar"]) {
        return;
    }
    let summary = python(
        "import icalendar,sys\n\
         cal=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n\
         ev=[e for e in cal.walk('VEVENT')]\n\
         uids={str(e['UID']) for e in ev}\n\
         cc=[e for e in ev if str(e['SUMMARY'])=='Creative Clusters: Network launched'][0]\n\
         print(len(ev), len(uids), cc.decoded('DTSTART'), cc.decoded('DTEND'), cc['CATEGORIES'].to_ical().decode())",
        &[file.as_os_str()],
    );
    // A launch known to the year spans the year: DTEND is exclusive.
    assert_eq!(
        summary,
        format!("{milestones} {milestones} 2008-01-01 2009-01-01 launch\n")
    );
}

#[test]
fn the_built_in_registry_validates_against_the_json_schema() {
    let test = Test::new();
    let schema = test.path("netreg.schema.json");
    let registry = test.path("registry.json");
    std::fs::write(&schema, Test::new().args(["schema"]).stdout()).expect("schema");
    std::fs::write(&registry, Test::new().args(["export"]).stdout()).expect("export");
    if !have("python3", &["-c", "import jsonschema"]) {
        return;
    }
    let checked = python(
        "import json,sys,jsonschema\n\
         schema=json.load(open(sys.argv[1]))\n\
         jsonschema.Draft7Validator.check_schema(schema)\n\
         v=jsonschema.Draft7Validator(schema)\n\
         good=json.load(open(sys.argv[2]))\n\
         errors=list(v.iter_errors(good))\n\
         assert not errors, [e.message for e in errors[:5]]\n\
         bad=json.loads(json.dumps(good))\n\
         bad['networks'][0]['contry']='IT'\n\
         bad['networks'][1]['partners'][0]['role']='boss'\n\
         bad['networks'][2]['milestones'][0]['date']='2011-6'\n\
         bad['networks'][3]['id']='Not A Slug'\n\
         print(len(good['networks']), sorted(e.validator for e in v.iter_errors(bad)))",
        &[schema.as_os_str(), registry.as_os_str()],
    );
    assert_eq!(
        checked,
        format!(
            "{} ['additionalProperties', 'enum', 'pattern', 'pattern']\n",
            crate::support::BUILT_IN_NETWORKS
        )
    );
}

/// Five questions a researcher asks, each asked of the lists, `stats`, the
/// CSV export and the SQL export loaded into SQLite: one answer each
/// (issue 24).
#[test]
fn five_questions_get_one_answer_from_lists_stats_csv_and_sql() {
    if !have("sqlite3", &["-version"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let script = export_sql(None, dir.path(), "built-in.sql");
    let sql = |query: &str| sqlite(&script, &[query]).trim_end().to_string();
    let run = |args: &[&str]| -> String {
        let out = Test::new().args(args).run();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        out.stdout
    };
    let csv_rows = |args: &[&str]| -> Vec<csv::StringRecord> {
        let mut command = vec!["export", "--format", "csv"];
        command.extend(args);
        csv::Reader::from_reader(run(&command).as_bytes())
            .records()
            .map(|r| r.expect("a csv row"))
            .collect()
    };
    let column = |text: &str, at: usize| -> Vec<String> {
        text.lines()
            .map(|l| l.split('\t').nth(at).unwrap_or("").to_string())
            .collect()
    };

    // 1. How many partners lead a network from Italy?
    let leads = run(&["partners", "list", "--role", "lead", "--country", "IT"])
        .lines()
        .count();
    assert!(leads > 20, "{leads}");
    let answers = [
        csv_rows(&["--entity", "partners", "--role", "lead", "--country", "Italy"]).len(),
        sql("SELECT count(*) FROM partners WHERE role = 'lead' AND country = 'IT'")
            .parse()
            .expect("a count"),
        column(
            &run(&["stats", "--by", "country", "--role", "lead", "--country", "it"]),
            3,
        )[0]
        .parse()
        .expect("a count"),
    ];
    assert_eq!(answers, [leads; 3], "Italian leads");

    // 2. Which networks were active in 2015?
    let mut active: Vec<String> = run(&[
        "networks", "list", "--from", "2015", "--to", "2015", "--fields", "id",
    ])
    .lines()
    .map(str::to_string)
    .collect();
    active.sort();
    let mut in_csv: Vec<String> = csv_rows(&["--entity", "networks", "--from", "2015", "--to", "2015"])
        .iter()
        .map(|r| r[0].to_string())
        .collect();
    in_csv.sort();
    let in_sql: Vec<String> = sql("SELECT id FROM networks WHERE span_start <= '2015-12-31' \
         AND (span_end IS NULL OR span_end >= '2015-01-01') ORDER BY id")
    .lines()
    .map(str::to_string)
    .collect();
    let in_stats: usize = column(
        &run(&["stats", "--by", "programme", "--from", "2015", "--to", "2015"]),
        1,
    )
    .iter()
    .map(|n| n.parse::<usize>().expect("a count"))
    .sum();
    // The whole CSV export's typed span columns, read as a program would
    // (no filter), and `stats --by year`'s row for 2015.
    let all = csv_rows(&["--entity", "networks"]);
    let networks_csv = run(&["export", "--format", "csv", "--entity", "networks"]);
    let names: Vec<&str> = networks_csv
        .lines()
        .next()
        .expect("a header")
        .split(',')
        .collect();
    let at = |name: &str| names.iter().position(|n| *n == name).expect(name);
    let (span_start, span_end) = (at("span_start"), at("span_end"));
    let mut by_span: Vec<String> = all
        .iter()
        .filter(|r| !r[span_start].is_empty() && &r[span_start] <= "2015-12-31")
        .filter(|r| r[span_end].is_empty() || &r[span_end] >= "2015-01-01")
        .map(|r| r[0].to_string())
        .collect();
    by_span.sort();
    let in_year: usize = run(&["stats", "--by", "year"])
        .lines()
        .find_map(|l| l.strip_prefix("2015\t"))
        .and_then(|l| l.split('\t').next())
        .expect("a 2015 row")
        .parse()
        .expect("a count");
    assert_eq!(
        (&in_csv, &in_sql, in_stats, &by_span, in_year),
        (&active, &active, active.len(), &active, active.len()),
        "active in 2015"
    );

    // 3. How many partners per country in URBACT III?
    let mut per_country: std::collections::BTreeMap<String, usize> = Default::default();
    for country in run(&[
        "partners",
        "list",
        "--programme",
        "URBACT III",
        "--fields",
        "country",
    ])
    .lines()
    {
        *per_country.entry(country.to_string()).or_default() += 1;
    }
    let stats: std::collections::BTreeMap<String, usize> =
        run(&["stats", "--by", "country", "--programme", "URBACT III"])
            .lines()
            .map(|l| {
                let cells: Vec<&str> = l.split('\t').collect();
                (cells[0].to_string(), cells[3].parse().expect("a count"))
            })
            .collect();
    let in_sql: std::collections::BTreeMap<String, usize> = sql(
        "SELECT coalesce(p.country, ''), count(*) FROM partners p JOIN networks n ON n.id = p.network_id \
         WHERE n.programme = 'URBACT III' GROUP BY p.country",
    )
    .lines()
    .map(|l| {
        let (country, n) = l.split_once('|').expect("two columns");
        (country.to_string(), n.parse().expect("a count"))
    })
    .collect();
    let mut in_csv: std::collections::BTreeMap<String, usize> = Default::default();
    for row in csv_rows(&["--entity", "partners", "--programme", "URBACT III"]) {
        *in_csv.entry(row[2].to_string()).or_default() += 1;
    }
    assert!(per_country.len() > 15, "{per_country:?}");
    assert_eq!(
        (&stats, &in_sql, &in_csv),
        (&per_country, &per_country, &per_country)
    );

    // 4. Which networks end last?
    let ends = run(&["networks", "list", "--sort", "-end", "--fields", "id,end"]);
    let latest = column(&ends, 1)[0].clone();
    let mut last: Vec<String> = ends
        .lines()
        .filter(|l| l.ends_with(&format!("\t{latest}")))
        .map(|l| column(l, 0)[0].clone())
        .collect();
    last.sort();
    let in_sql: Vec<String> = sql(
        "SELECT id FROM networks WHERE end_last_day = (SELECT max(end_last_day) FROM networks) ORDER BY id",
    )
    .lines()
    .map(str::to_string)
    .collect();
    let mut in_csv: Vec<String> = csv_rows(&["--entity", "networks"])
        .iter()
        .filter(|r| r[9] == *latest)
        .map(|r| r[0].to_string())
        .collect();
    in_csv.sort();
    assert!(!last.is_empty());
    assert_eq!((&in_sql, &in_csv), (&last, &last), "ending last, {latest}");

    // 5. In how many networks is Budapest?
    let listed: usize = column(
        &run(&[
            "cities",
            "list",
            "--search",
            "budapest",
            "--fields",
            "name,country,networks",
        ]),
        2,
    )[0]
    .parse()
    .expect("a count");
    let ranked = run(&["stats", "--by", "city"]);
    let in_stats: usize = ranked
        .lines()
        .find(|l| l.starts_with("Budapest\tHU\t"))
        .map(|l| column(l, 2)[0].parse().expect("a count"))
        .expect("Budapest ranked");
    let in_sql: usize = sql(
        "SELECT count(DISTINCT p.network_id) FROM partners p JOIN places pl ON pl.id = p.place_id \
         WHERE pl.name = 'Budapest' AND pl.country = 'HU'",
    )
    .parse()
    .expect("a count");
    let shown: serde_json::Value =
        serde_json::from_str(&run(&["cities", "show", "budapest", "--format", "json"])).expect("json");
    let mut networks: Vec<String> = shown["networks"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    networks.sort();
    networks.dedup();
    assert!(listed > 20, "{listed}");
    assert_eq!(
        (in_stats, in_sql, networks.len()),
        (listed, listed, listed),
        "Budapest's networks"
    );
}

/// The csv export's typed columns are what a data tool reads as dates:
/// DuckDB's own csv sniffer (as pandas' `parse_dates`) types them DATE, and
/// its span query gives the networks `networks list` gives for the year.
#[test]
fn the_csv_exports_typed_columns_load_as_dates_in_duckdb() {
    if !have("python3", &["-c", "import duckdb"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    let csv = |entity: &str| {
        let file = dir.path().join(format!("{entity}.csv"));
        let out = Test::new()
            .args(["export", "--format", "csv", "--entity", entity])
            .stdout();
        std::fs::write(&file, out).expect("csv");
        file
    };
    let (networks, milestones) = (csv("networks"), csv("milestones"));
    let out = python(
        "import duckdb,sys\n\
         n=duckdb.read_csv(sys.argv[1])\n\
         m=duckdb.read_csv(sys.argv[2])\n\
         t=dict(zip(n.columns,map(str,n.types)))\n\
         print(','.join(c for c in ['start_date','end_date','end_last_day','span_start','span_end'] if t[c]=='DATE'))\n\
         u=dict(zip(m.columns,map(str,m.types)))\n\
         print(','.join(c for c in ['first_day','last_day'] if u[c]=='DATE'))\n\
         print(duckdb.sql(\"SELECT count(*) FROM n WHERE span_start <= DATE '2015-12-31' \
         AND (span_end IS NULL OR span_end >= DATE '2015-01-01')\").fetchone()[0])",
        &[networks.as_os_str(), milestones.as_os_str()],
    );
    let active = Test::new()
        .args(["networks", "list", "--from", "2015", "--to", "2015"])
        .stdout()
        .lines()
        .count();
    assert_eq!(
        out,
        format!("start_date,end_date,end_last_day,span_start,span_end\nfirst_day,last_day\n{active}\n")
    );
}
