//! The built-in registry on a fresh machine, and how the registry is chosen.

use serde_json::Value;

use crate::support::{SMALL, Test};

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

#[test]
fn built_in_registry_passes_check() {
    let out = Test::new().args(["check"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("<built-in registry>: 26 networks"),
        "{}",
        out.stderr
    );
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
