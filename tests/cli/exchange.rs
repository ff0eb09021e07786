//! Export and import: formats, the round trip, conflicts.

use crate::support::{SMALL, Test};

#[test]
fn json_export_import_export_is_byte_identical() {
    let first = Test::new()
        .registry(SMALL)
        .args(["export", "--format", "json"])
        .stdout();
    let test = Test::new().registry("format = 1\n");
    let exported = test.path("export.json");
    std::fs::write(&exported, &first).expect("write");
    let registry = test.path("registry.toml");
    let out = test.args(["import".as_ref(), exported.as_os_str()]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "imported networks from {}: 2 added, 0 skipped, 0 replaced, 0 unchanged in ",
            exported.display()
        )),
        "{}",
        out.stderr
    );
    let second = Test::new()
        .args(["--registry".as_ref(), registry.as_os_str()])
        .args(["export", "--format", "json"])
        .stdout();
    assert_eq!(second, first);
}

#[test]
fn built_in_export_round_trips_too() {
    let first = Test::new().args(["export"]).stdout();
    assert!(
        first.starts_with("{\n  \"format\": 1,\n  \"networks\": ["),
        "json is the default"
    );
    let test = Test::new().registry("");
    let exported = test.path("all.json");
    std::fs::write(&exported, &first).expect("write");
    let registry = test.path("registry.toml");
    let imported = test.args(["import".as_ref(), exported.as_os_str()]).run();
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let second = Test::new()
        .args(["--registry".as_ref(), registry.as_os_str(), "export".as_ref()])
        .stdout();
    assert_eq!(second, first);
}

#[test]
fn toml_export_is_a_registry_that_passes_check() {
    let test = Test::new();
    let file = test.path("export.toml");
    let out = test
        .args([
            "--format".as_ref(),
            "toml".as_ref(),
            "export".as_ref(),
            "--output".as_ref(),
            file.as_os_str(),
        ])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let check = Test::new()
        .args(["--registry".as_ref(), file.as_os_str(), "check".as_ref()])
        .run();
    assert_eq!(check.code, 0, "{}", check.stderr);
    let counts = format!(
        ": {} networks, {} partners, no errors",
        crate::support::BUILT_IN_NETWORKS,
        crate::support::BUILT_IN_PARTNERS
    );
    assert!(check.stderr.contains(&counts), "{}", check.stderr);
}

#[test]
fn export_rows_per_entity_and_filters() {
    let csv = Test::new()
        .registry(SMALL)
        .args([
            "export",
            "--format",
            "csv",
            "--entity",
            "partners",
            "--country",
            "IT",
        ])
        .stdout();
    assert_eq!(
        csv,
        "network,name,country,country_name,role,type,place_id\nport-towns,Livorno,IT,Italy,lead,,name:livorno:it\n"
    );
    let ndjson = Test::new()
        .registry(SMALL)
        .args(["export", "--format", "ndjson", "--network", "port-towns"])
        .stdout();
    assert_eq!(ndjson.lines().count(), 1);
    assert!(
        ndjson.starts_with(
            "{\"id\":\"port-towns\",\"name\":\"Port Towns\",\"programme\":\"URBACT III\",\"partners\":["
        ),
        "{ndjson}"
    );
}

#[test]
fn csv_import_adds_partner_rows_with_quoted_commas_and_country_names() {
    let test = Test::new().registry(SMALL);
    let rows = test.path("partners.csv");
    std::fs::write(&rows, "network,name,country,role\nport-towns,\"Valletta, Malta's capital\",Malta,partner\nport-towns,Rīga,LVA,\n").expect("write");
    let file = test.path("registry.toml");
    let out = test.args(["import".as_ref(), rows.as_os_str()]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "imported partners from {}: 2 added, 0 skipped, 0 replaced, 0 unchanged",
            rows.display()
        )),
        "{}",
        out.stderr
    );
    let after = std::fs::read_to_string(&file).expect("file");
    assert!(after.ends_with(
        "[[networks.partners]]\nname = \"Valletta, Malta's capital\"\ncountry = \"MT\"\nrole = \"partner\"\n\n\
         [[networks.partners]]\nname = \"Rīga\"\ncountry = \"LV\"\nrole = \"partner\"\n\n\
         [[networks.milestones]]\ndate = \"2016-03\"\ntitle = \"Kick-off in Livorno\"\nkind = \"launch\"\n\n\
         [[networks.milestones]]\ndate = 2018-05-03\ntitle = \"Closing meeting\"\nkind = \"completion\"\n"
    ), "{after}");
}

#[test]
fn import_conflicts_fail_skip_or_replace() {
    let exported = Test::new()
        .registry(SMALL)
        .args(["export", "--network", "port-towns"])
        .stdout();
    let changed = exported.replace("\"Port Towns\"", "\"Port Cities\"");
    let run = |policy: &str| {
        let test = Test::new().registry(SMALL);
        let input = test.path("in.json");
        std::fs::write(&input, &changed).expect("write");
        let file = test.path("registry.toml");
        let out = test
            .args([
                "import".as_ref(),
                input.as_os_str(),
                "--on-conflict".as_ref(),
                policy.as_ref(),
            ])
            .run();
        (out, std::fs::read_to_string(file).expect("file"))
    };
    let (out, after) = run("fail");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: 1 of the networks in `"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("already in the registry: port-towns\n"),
        "{}",
        out.stderr
    );
    assert_eq!(after, SMALL);
    let (out, after) = run("skip");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(": 0 added, 1 skipped, 0 replaced, 0 unchanged"),
        "{}",
        out.stderr
    );
    assert_eq!(after, SMALL);
    let (out, after) = run("replace");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(": 0 added, 0 skipped, 1 replaced, 0 unchanged"),
        "{}",
        out.stderr
    );
    assert!(after.contains("name = \"Port Cities\""));
    assert!(after.starts_with(&SMALL[..SMALL.find("[[networks]]\nid = \"port-towns\"").expect("second")]));
}

#[test]
fn import_dry_run_reports_and_writes_nothing() {
    let test = Test::new().registry(SMALL);
    let rows = test.path("p.csv");
    std::fs::write(
        &rows,
        "network,name,country,role\ncreative-clusters,Mizil,RO,partner\n",
    )
    .expect("write");
    let file = test.path("registry.toml");
    let out = test
        .args(["import".as_ref(), rows.as_os_str(), "--dry-run".as_ref()])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("+name = \"Mizil\"\n+country = \"RO\"\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.starts_with("would import partners from "),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(file).expect("file"), SMALL);
}

#[test]
fn broken_import_files_name_their_line() {
    let test = Test::new().registry(SMALL);
    let bad = test.path("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": 1,\n \"networks\": [\n  {\"id\": \"x\" \"name\": \"X\"}]}\n",
    )
    .expect("write");
    let out = test.args(["import".as_ref(), bad.as_os_str()]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!("--> {}:3:", bad.display())),
        "{}",
        out.stderr
    );

    let test = Test::new().registry(SMALL);
    let bad = test.path("bad.csv");
    std::fs::write(&bad, "network,name,country,role\nport-towns,Pisa,Itly,partner\n").expect("write");
    let out = test.args(["import".as_ref(), bad.as_os_str()]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {}:2: unknown country `Itly` for partner `Pisa` of `port-towns`",
            bad.display()
        )),
        "{}",
        out.stderr
    );
}

/// What netreg prints as JSON for networks imports back: one network from
/// `networks show`, several; and a misspelt key in a partner row is refused
/// at its line, not dropped.
#[test]
fn shown_networks_import_back_and_a_misspelt_row_key_is_refused_at_its_place() {
    let registry = "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"Pisa\"\ncountry = \"IT\"\nrole = \"lead\"\n";
    let dir = tempfile::tempdir().expect("tmp");
    let shown = dir.path().join("shown.json");
    let out = Test::new()
        .registry(registry)
        .args(["networks", "show", "n", "--format", "json"])
        .stdout();
    std::fs::write(&shown, out).expect("write");
    let fresh = Test::new().registry("format = 1\n");
    let shown_here = fresh.path("shown.json");
    std::fs::copy(&shown, &shown_here).expect("copy");
    fresh
        .args(["import"])
        .args([&shown_here])
        .expect_stderr("imported networks from $DIR/shown.json: 1 added, 0 skipped, 0 replaced, 0 unchanged in $DIR/registry.toml\n")
        .run();
    let rows = Test::new().registry(registry);
    let file = rows.path("rows.json");
    std::fs::write(
        &file,
        "[\n  {\"network\": \"n\", \"name\": \"Gent\",\n   \"contry\": \"BE\"}\n]\n",
    )
    .expect("write");
    rows.args(["import"])
        .args([&file])
        .status(1)
        .expect_stderr(
            "error: unknown key `contry`\n \
             --> $DIR/rows.json:3:11\n  |\n3 |    \"contry\": \"BE\"}\n  |           ^\n\
             hint: did you mean `country`? known keys are: network, name, country, country_name, role, type, place_id, geonames, coordinates\n",
        )
        .expect_file("registry.toml", registry)
        .run();
}

/// An import that gives one id twice is refused as the import file's own
/// mistake, not at a line of a registry that was never written.
#[test]
fn an_import_that_gives_an_id_twice_is_refused_as_its_own_mistake() {
    let test = Test::new().registry("format = 1\n");
    let file = test.path("twice.json");
    std::fs::write(
        &file,
        r#"{"format": 1, "networks": [{"id": "dup", "name": "A"}, {"id": "other", "name": "O"}, {"id": "dup", "name": "B"}]}"#,
    )
    .expect("write");
    test.args(["import"])
        .args([&file])
        .status(1)
        .expect_stderr(
            "error: $DIR/twice.json: network id `dup` is given twice (networks 1 and 3)\nhint: give each network its own id\n",
        )
        .expect_file("registry.toml", "format = 1\n")
        .run();
}

/// A misspelt word in an import gets the words `check` gives it in the
/// registry, at its line: JSON, TOML and partner rows alike.
#[test]
fn a_misspelt_role_in_an_import_is_named_as_check_names_it() {
    let imports = [
        (
            "n.json",
            "{\"networks\": [{\"id\": \"x\", \"name\": \"X\",\n  \"partners\": [{\"name\": \"A\", \"role\": \"Lead\"}]}]}\n",
            "2:43",
        ),
        (
            "n.toml",
            "[[networks]]\nid = \"x\"\nname = \"X\"\n[[networks.partners]]\nname = \"A\"\nrole = \"Lead\"\n",
            "6:8",
        ),
        (
            "rows.json",
            "[{\"network\": \"x\", \"name\": \"A\",\n  \"role\": \"Lead\"}]\n",
            "2:16",
        ),
    ];
    for (name, contents, place) in imports {
        let test = Test::new().registry("[[networks]]\nid = \"x\"\nname = \"X\"\n");
        let file = test.path(name);
        std::fs::write(&file, contents).expect("write");
        let out = test.args(["import"]).args([&file]).status(1).run();
        assert!(
            out.stderr.starts_with(&format!(
                "error: unknown value `Lead`\n --> {}:{place}\n",
                file.display()
            )),
            "{name}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with("hint: did you mean `lead`? use one of: lead, partner, observer\n"),
            "{name}: {}",
            out.stderr
        );
    }
}
