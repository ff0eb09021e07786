//! The built-in registry on a fresh machine, and how the registry is chosen.

use serde_json::Value;

use crate::support::{BUILT_IN_NETWORKS, BUILT_IN_PARTNERS, SMALL, Test};

fn json(args: &[&str]) -> Value {
    let out = Test::new().args(args).stdout();
    serde_json::from_str(&out).expect("valid JSON")
}

fn creative_clusters_rows(rows: &Value) -> Vec<(String, String, String)> {
    rows.as_array()
        .expect("array")
        .iter()
        .filter(|r| r["network"] == "creative-clusters")
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("name"), s("country"), s("country_name"))
        })
        .collect()
}

#[test]
fn italian_partners_of_creative_clusters_on_a_fresh_home() {
    let rows = json(&["partners", "list", "--country", "Italy", "--format", "json"]);
    let italy = |name: &str| (name.to_string(), "IT".to_string(), "Italy".to_string());
    assert_eq!(
        creative_clusters_rows(&rows),
        [italy("Viareggio"), italy("Catanzaro"), italy("Reggio Emilia")]
    );
    assert!(
        rows.as_array()
            .expect("array")
            .iter()
            .all(|r| r["country"] == "IT")
    );
    for country in ["IT", "ITA", "italy"] {
        assert_eq!(
            json(&["partners", "list", "--country", country, "--format", "json"]),
            rows,
            "{country}"
        );
    }
}

#[test]
fn uk_finds_barnsley() {
    let rows = json(&["partners", "list", "--country", "UK", "--format", "json"]);
    let names = creative_clusters_rows(&rows);
    assert_eq!(names, [("Barnsley".into(), "GB".into(), "United Kingdom".into())]);
}

#[test]
fn creative_clusters_has_nine_partners_one_lead_and_its_span() {
    let network = json(&["networks", "show", "creative-clusters", "--format", "json"]);
    let partners = network["partners"].as_array().expect("partners");
    assert_eq!(partners.len(), 9);
    let leads: Vec<&Value> = partners.iter().filter(|p| p["role"] == "lead").collect();
    assert_eq!(leads.len(), 1);
    assert_eq!(
        (&leads[0]["name"], &leads[0]["country"]),
        (&"Óbidos".into(), &"PT".into())
    );
    assert_eq!(partners[0]["name"], "Óbidos", "the lead comes first");
    let kinds: Vec<&str> = network["milestones"]
        .as_array()
        .expect("milestones")
        .iter()
        .filter_map(|m| m["kind"].as_str())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "launch").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "completion").count(), 1);
    let names: Vec<&str> = partners.iter().filter_map(|p| p["name"].as_str()).collect();
    assert!(!names.contains(&"INTELI"), "INTELI is a comment, not a partner");
}

#[test]
fn search_finds_jyvaskyla_without_accents() {
    let out = Test::new()
        .args([
            "partners",
            "list",
            "--search",
            "jyvaskyla",
            "--fields",
            "network,name",
        ])
        .stdout();
    assert_eq!(out, "creative-clusters\tJyväskylä\n");
}

/// Every URBACT network the stored pages document (issue 14): the counts
/// per programme, the partners and places, no error, and a source for each.
#[test]
fn the_built_in_registry_counts() {
    let out = Test::new().args(["check", "--format", "json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diagnostics: Value = serde_json::from_str(&out.stdout).expect("json");
    let kinds: Vec<(&str, &str)> = diagnostics
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap_or(""),
                d["code"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(kinds, [], "neither errors nor warnings");
    let check = Test::new().args(["check"]).run();
    assert!(
        check.stderr.ends_with(&format!(
            "<built-in registry>: {BUILT_IN_NETWORKS} networks, {BUILT_IN_PARTNERS} partners, no errors, 0 warnings\n"
        )),
        "{}",
        check.stderr
    );
    assert_eq!(
        Test::new().args(["stats", "--by", "programme"]).stdout(),
        "URBACT I\t36\t388\nURBACT II\t61\t528\nURBACT III\t88\t707\nURBACT IV\t60\t437\n"
    );
    let about: Value =
        serde_json::from_str(&Test::new().args(["about", "--format", "json"]).stdout()).expect("json");
    assert_eq!(
        (
            &about["data"]["networks"],
            &about["data"]["partners"],
            &about["data"]["places"]
        ),
        (&BUILT_IN_NETWORKS.into(), &BUILT_IN_PARTNERS.into(), &757.into())
    );
    let export: Value = serde_json::from_str(&Test::new().args(["export"]).stdout()).expect("json");
    let networks = export["networks"].as_array().expect("networks");
    let unsourced: Vec<&Value> = networks
        .iter()
        .filter(|n| n["sources"].as_array().is_none_or(Vec::is_empty))
        .map(|n| &n["id"])
        .collect();
    assert!(unsourced.is_empty(), "networks without a source: {unsourced:?}");
    let partners: Vec<&Value> = networks
        .iter()
        .flat_map(|n| n["partners"].as_array().into_iter().flatten())
        .collect();
    let placed = partners.iter().filter(|p| p.get("geonames").is_some()).count();
    assert_eq!((partners.len(), placed), (BUILT_IN_PARTNERS, 1914));
}

/// URBACT III holds the UIA-URBACT Transfer Mechanism pilots of 2021, and
/// every URBACT I-III network says it is closed: those programmes have
/// ended (issue 26).
#[test]
fn urbact_i_to_iii_are_closed_and_iii_holds_its_transfer_pilots() {
    let export: Value = serde_json::from_str(&Test::new().args(["export"]).stdout()).expect("json");
    let networks = export["networks"].as_array().expect("networks");
    let ended = ["URBACT I", "URBACT II", "URBACT III"];
    let open: Vec<&Value> = networks
        .iter()
        .filter(|n| ended.contains(&n["programme"].as_str().unwrap_or("")))
        .filter(|n| n["status"] != "closed")
        .map(|n| &n["id"])
        .collect();
    assert!(open.is_empty(), "URBACT I-III networks not closed: {open:?}");
    let programme = |id: &str| {
        networks
            .iter()
            .find(|n| n["id"] == id)
            .and_then(|n| n["programme"].as_str())
    };
    for pilot in ["co4cities", "as-transfer", "use-it", "vilawatt", "next-agri"] {
        assert_eq!(programme(pilot), Some("URBACT III"), "{pilot}");
    }
    let listed = Test::new()
        .args(["networks", "list", "--programme", "URBACT III", "--fields", "id"])
        .stdout();
    assert!(listed.lines().any(|l| l == "co4cities"), "{listed}");
    assert!(listed.lines().any(|l| l == "as-transfer"), "{listed}");
}

#[test]
fn path_names_the_registry_and_where_it_came_from() {
    assert_eq!(Test::new().args(["path"]).stdout(), "built-in\tbuilt-in\n");

    let test = Test::new();
    let file = test.path("mine.toml");
    std::fs::write(&file, SMALL).expect("write");
    let out = test.env("NETREG_REGISTRY", &file).args(["path"]).stdout();
    assert_eq!(out, format!("{}\tenv\n", file.display()));

    let test = Test::new();
    let copy = test.home().join(".local/share/netreg/registry.toml");
    let json = test.args(["path", "--format", "json"]).stdout();
    let expected =
        serde_json::json!({"path": "built-in", "origin": "built-in", "first_write_copies_to": copy});
    assert_eq!(json, format!("{expected}\n"));
}

#[test]
fn a_registry_in_the_data_directory_wins_over_the_built_in_one() {
    let test = Test::new();
    let dir = test.home().join(".local/share/netreg");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("registry.toml"), SMALL).expect("write");
    let out = test.args(["networks", "list", "--fields", "id"]).stdout();
    assert_eq!(out, "creative-clusters\nport-towns\n");
}

#[test]
fn flag_wins_over_environment() {
    let test = Test::new();
    let env_file = test.path("env.toml");
    std::fs::write(&env_file, "format = 1\n").expect("write");
    let out = test
        .env("NETREG_REGISTRY", &env_file)
        .registry(SMALL)
        .args(["path"])
        .stdout();
    assert!(out.ends_with("registry.toml\tflag\n"), "{out}");
}

#[test]
fn readme_commands_are_true() {
    let readme = include_str!("../../README.md");
    assert!(readme.contains("cargo run --release -- partners list --country Italy"));
    assert!(readme.contains("cargo test"));
    let out = Test::new()
        .args(["partners", "list", "--country", "Italy"])
        .stdout();
    assert!(
        out.contains("creative-clusters\tViareggio\tIT\tItaly\tpartner"),
        "{out}"
    );
}

/// Where a user of the binary meets the data's credits: `netreg about`.
#[test]
fn about_credits_the_data_and_its_licences() {
    let out = Test::new().args(["about"]).stdout();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("netreg {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(lines[1], "Code: MIT OR Apache-2.0 (LICENSE-MIT, LICENSE-APACHE)");
    assert_eq!(
        lines[3],
        format!("Built-in registry: {BUILT_IN_NETWORKS} networks, {BUILT_IN_PARTNERS} partners, 757 places")
    );
    assert!(
        out.contains("https://github.com/pgourdongeo/Chap3_LocationalAnalysis\n"),
        "{out}"
    );
    assert!(
        out.ends_with("\nPlace data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.\n"),
        "{out}"
    );
    let header: Vec<&str> = include_str!("../../data/registry.toml")
        .lines()
        .take(12)
        .collect();
    assert!(
        header
            .iter()
            .any(|l| l.contains("GeoNames (https://www.geonames.org/)")),
        "{header:?}"
    );
    assert!(header.iter().any(|l| l.contains("CC BY 4.0")), "{header:?}");
    let out = Test::new().args(["about", "--format", "csv"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: `about` does not print csv"),
        "{}",
        out.stderr
    );
}

/// The built-in registry is parsed on its first read and cached like any
/// other: later reads use the snapshot, a corrupt one is rebuilt, and a
/// home with no room for a cache only means parsing every time.
#[test]
fn the_built_in_registry_is_cached_on_first_use() {
    let test = Test::new();
    let home = test.home();
    let read = |home: &std::path::Path| {
        Test::new()
            .env("HOME", home)
            .args([
                "partners",
                "list",
                "--country",
                "Italy",
                "--fields",
                "network,name",
            ])
            .stdout()
    };
    let first = read(&home);
    let snapshot = home.join(".cache/netreg/built-in.snapshot");
    assert!(snapshot.is_file(), "the first read keeps a snapshot");
    let made = std::fs::read(&snapshot).expect("snapshot");
    assert_eq!(read(&home), first);
    assert_eq!(
        std::fs::read(&snapshot).expect("snapshot"),
        made,
        "used, not made again"
    );

    std::fs::write(&snapshot, b"garbage").expect("corrupt");
    assert_eq!(read(&home), first);
    assert_eq!(std::fs::read(&snapshot).expect("snapshot"), made, "rebuilt");

    let not_a_directory = test.path("home-file");
    std::fs::write(&not_a_directory, "").expect("a file as HOME");
    assert_eq!(read(&not_a_directory), first);
}
