//! A write touches only the values that change, whatever the command:
//! `import --on-conflict replace` edits a network field by field, and
//! `networks edit` adds or removes one theme or source in the array's own
//! layout. Every other line, comments included, stays byte for byte.

use crate::support::{Test, write};

const REGISTRY: &str = r#"# My registry
format = 1

[[networks]]
id = "creative-clusters"   # the first
name = "Creative Clusters"
programme = "URBACT II"
themes = [
  "creative economy",  # why
  "small towns",
]
sources = ["https://urbact.eu/a"]
summary = """
Free text,
two lines."""

# the lead
[[networks.partners]]
name = "Óbidos"
country = "PT"
role = "lead"

[[networks.partners]]
name = "Viareggio"   # by the sea
country = "IT"

[[networks.partners]]
name = "Mizil"
country = "RO"

[[networks.milestones]]
date = 2008-05-01
title = "Project launch"
kind = "launch"
"#;

/// Runs `import FILE` of `input` (json) with `args`: (code, stdout, stderr, file after, registry path).
fn import(input: &str, args: &[&str]) -> (i32, String, String, String, String) {
    let test = Test::new().registry(REGISTRY);
    let file = test.path("registry.toml");
    std::fs::write(test.path("in.json"), input).expect("write input");
    let out = test.args(["import", "in.json"]).args(args).run();
    let after = std::fs::read_to_string(&file).expect("registry");
    (
        out.code,
        out.stdout,
        out.stderr,
        after,
        file.display().to_string(),
    )
}

/// The registry as `export --format json` gives it, changed by `change`.
fn exported(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let json = Test::new()
        .registry(REGISTRY)
        .args(["export", "--format", "json"])
        .stdout();
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
    change(&mut value["networks"][0]);
    value.to_string()
}

#[test]
fn importing_an_identical_network_is_unchanged_and_writes_nothing() {
    for policy in ["replace", "fail", "skip"] {
        let (code, _, stderr, after, path) = import(&exported(|_| {}), &["--on-conflict", policy]);
        assert_eq!(code, 0, "{policy}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "imported networks from in.json: 0 added, 0 skipped, 0 replaced, 1 unchanged\nnothing written: {path} already says that\n"
            ),
            "{policy}"
        );
        assert_eq!(after, REGISTRY, "{policy}");
    }
}

fn changed(network: &mut serde_json::Value) {
    network["programme"] = "URBACT III".into();
    network["themes"]
        .as_array_mut()
        .expect("themes")
        .push("tourism".into());
    let partners = network["partners"].as_array_mut().expect("partners");
    partners.retain(|p| p["name"] != "Mizil");
    partners[1]["country"] = "FR".into();
    partners.push(serde_json::json!({"name": "Enguera", "country": "ES", "role": "partner"}));
    network["milestones"]
        .as_array_mut()
        .expect("milestones")
        .push(serde_json::json!({"date": "2011", "title": "Closing", "kind": "completion"}));
}

#[test]
fn import_replace_edits_only_the_values_that_changed() {
    let (code, _, stderr, after, path) = import(&exported(changed), &["--on-conflict", "replace"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        format!("imported networks from in.json: 0 added, 0 skipped, 1 replaced, 0 unchanged in {path}\n")
    );
    let expected = REGISTRY
        .replace("programme = \"URBACT II\"", "programme = \"URBACT III\"")
        .replace("  \"small towns\",\n]", "  \"small towns\",\n  \"tourism\",\n]")
        .replace(
            "name = \"Viareggio\"   # by the sea\ncountry = \"IT\"",
            "name = \"Viareggio\"   # by the sea\ncountry = \"FR\"",
        )
        .replace(
            "[[networks.partners]]\nname = \"Mizil\"\ncountry = \"RO\"\n\n",
            "[[networks.partners]]\nname = \"Enguera\"\ncountry = \"ES\"\nrole = \"partner\"\n\n",
        )
        + "\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"Closing\"\nkind = \"completion\"\n";
    assert_eq!(after, expected);
}

#[test]
fn import_dry_run_shows_only_the_lines_that_change() {
    let input = exported(|n| n["programme"] = "URBACT III".into());
    let (code, stdout, stderr, after, path) = import(&input, &["--on-conflict", "replace", "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, REGISTRY);
    assert_eq!(
        stdout,
        format!(
            "--- {path}\n+++ {path}\n@@ -4,7 +4,7 @@\n [[networks]]\n id = \"creative-clusters\"   # the first\n name = \"Creative Clusters\"\n-programme = \"URBACT II\"\n+programme = \"URBACT III\"\n themes = [\n   \"creative economy\",  # why\n   \"small towns\",\n"
        )
    );
    assert_eq!(
        stderr,
        "would import networks from in.json: 0 added, 0 skipped, 1 replaced, 0 unchanged (dry run: nothing written)\n"
    );
}

#[test]
fn a_csv_row_the_registry_already_has_is_unchanged() {
    let test = Test::new().registry(REGISTRY);
    let file = test.path("registry.toml");
    std::fs::write(
        test.path("in.csv"),
        "network,name,country,role\ncreative-clusters,viareggio,IT,partner\n",
    )
    .expect("csv");
    let out = test.args(["import", "in.csv", "--on-conflict", "replace"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("imported partners from in.csv: 0 added, 0 skipped, 0 replaced, 1 unchanged\n"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(file).expect("registry"), REGISTRY);
}

fn edit(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["networks", "edit", "creative-clusters"];
    all.extend_from_slice(args);
    let (code, stderr, after) = write(REGISTRY, &all);
    // The registry's path ends the status line; the tests compare the rest.
    let stderr = stderr
        .split(" in /")
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_string();
    (code, stderr, after)
}

#[test]
fn add_theme_and_remove_theme_change_one_entry_in_the_arrays_layout() {
    // Accents and case aside, as names are matched; the comment ending the
    // removed theme's line goes with it.
    let (code, stderr, after) = edit(&["--add-theme", "tourism", "--remove-theme", "Créative Economy"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "changed themes of network `creative-clusters`; removed theme `creative economy`; added theme `tourism`"
    );
    assert_eq!(
        after,
        REGISTRY.replace(
            "  \"creative economy\",  # why\n  \"small towns\",\n]",
            "  \"small towns\",\n  \"tourism\",\n]"
        )
    );
    let (code, stderr, after) = edit(&["--add-source", "https://urbact.eu/b"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        REGISTRY.replace(
            "sources = [\"https://urbact.eu/a\"]",
            "sources = [\"https://urbact.eu/a\", \"https://urbact.eu/b\"]"
        )
    );
}

#[test]
fn theme_and_source_replace_the_whole_list_and_say_so() {
    let (code, stderr, after) = edit(&[
        "--theme",
        "culture",
        "--theme",
        "tourism",
        "--source",
        "https://x.eu",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "changed themes, sources of network `creative-clusters`; replaced themes (2); replaced sources (1)"
    );
    assert_eq!(
        after,
        REGISTRY
            .replace(
                "themes = [\n  \"creative economy\",  # why\n  \"small towns\",\n]",
                "themes = [\"culture\", \"tourism\"]"
            )
            .replace(
                "sources = [\"https://urbact.eu/a\"]",
                "sources = [\"https://x.eu\"]"
            )
    );
    let help = Test::new().args(["networks", "edit", "--help"]).stdout();
    assert!(
        help.contains("on `edit`, replaces the whole list of themes"),
        "{help}"
    );
    assert!(help.contains("--add-theme <T>"), "{help}");
}

#[test]
fn removing_a_theme_the_network_lacks_is_an_error_listing_its_themes() {
    let (code, stderr, after) = edit(&["--remove-theme", "waste"]);
    assert_eq!((code, after.as_str()), (1, REGISTRY));
    assert_eq!(
        stderr,
        "error: network `creative-clusters` has no theme `waste`\nhint: its themes are `creative economy`, `small towns`"
    );
    let (code, stderr, _) = edit(&["--theme", "a", "--add-theme", "b"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn adding_a_theme_already_there_writes_nothing() {
    let (code, stderr, after) = edit(&["--add-theme", "Small Towns"]);
    assert_eq!((code, after.as_str()), (0, REGISTRY), "{stderr}");
    assert!(stderr.starts_with("nothing written: "), "{stderr}");
}

#[test]
fn removing_the_last_source_removes_the_key() {
    let (code, stderr, after) = edit(&["--remove-source", "https://urbact.eu/a"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stderr,
        "changed sources of network `creative-clusters`; removed source `https://urbact.eu/a`"
    );
    assert_eq!(
        after,
        REGISTRY.replace("sources = [\"https://urbact.eu/a\"]\n", "")
    );
}

#[test]
fn networks_add_takes_sources() {
    let (code, stderr, after) = write(
        "format = 1\n",
        &[
            "networks",
            "add",
            "n",
            "--name",
            "N",
            "--source",
            "https://a",
            "--source",
            "https://b",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        after.contains("sources = [\"https://a\", \"https://b\"]\n"),
        "{after}"
    );
}

#[test]
fn importing_themes_in_another_order_is_unchanged_and_keeps_their_comments() {
    let registry = "format = 1\n\n[[networks]]\nid = \"alpha\"\nname = \"Alpha\"\nthemes = [\n  # above creative\n  \"creative economy\", # on creative\n  # above small\n  \"small towns\", # on small\n  # before close\n]\n";
    let replaced_by = |themes: &str| {
        let test = Test::new().registry(registry);
        let import = format!(
            r#"{{"format": 1, "networks": [{{"id": "alpha", "name": "Alpha", "themes": {themes}}}]}}"#
        );
        std::fs::write(test.path("imp.json"), import).expect("import");
        let file = test.path("registry.toml");
        let out = test
            .args(["import", "imp.json", "--on-conflict", "replace"])
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::read_to_string(file).expect("read")
    };
    assert_eq!(replaced_by(r#"["small towns", "creative economy"]"#), registry);
    // A theme added to them goes at the end; the others keep their lines and comments.
    assert_eq!(
        replaced_by(r#"["ports", "small towns", "creative economy"]"#),
        registry.replace("  # before close\n", "  \"ports\",\n  # before close\n")
    );
}
