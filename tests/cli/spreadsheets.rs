//! Exchange as spreadsheets and other tools write it: delimiters, headers in
//! any case and order, byte-order marks, ndjson, standard input, and an
//! export that imports back exactly.

use crate::support::Test;

const REGISTRY: &str = "format = 1\n\n[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"=SUM(1)\"\ncountry = \"IT\"\nrole = \"lead\"\n";

/// Runs `import FILE` (FILE holding `input`) on REGISTRY: (exit code, stderr, registry after).
fn import(name: &str, input: &str, extra: &[&str]) -> (i32, String, String) {
    let test = Test::new().registry(REGISTRY);
    let file = test.path("registry.toml");
    let path = test.path(name);
    std::fs::write(&path, input).expect("write");
    let out = test.args(["import"]).args([&path]).args(extra).run();
    (
        out.code,
        out.stderr,
        std::fs::read_to_string(file).expect("registry"),
    )
}

#[test]
fn csv_for_spreadsheets_with_a_delimiter_and_a_bom() {
    let out = Test::new()
        .registry(REGISTRY)
        .args([
            "export",
            "--format",
            "csv",
            "--entity",
            "partners",
            "--delimiter",
            ";",
            "--bom",
        ])
        .stdout();
    assert_eq!(
        out,
        "\u{feff}network;name;country;country_name;role;type;place_id\nn;'=SUM(1);IT;Italy;lead;;name:_3dsum_281_29:it\n"
    );
    let out = Test::new()
        .registry(REGISTRY)
        .args(["export", "--format", "json", "--bom"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: `--bom` is for csv and tsv"),
        "{}",
        out.stderr
    );
}

#[test]
fn output_dash_is_stdout() {
    let out = Test::new()
        .registry(REGISTRY)
        .args([
            "export", "--format", "tsv", "--entity", "partners", "--output", "-",
        ])
        .run();
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_eq!(
        out.stdout,
        "network\tname\tcountry\tcountry_name\trole\ttype\tplace_id\nn\t'=SUM(1)\tIT\tItaly\tlead\t\tname:_3dsum_281_29:it\n"
    );
}

#[test]
fn a_csv_export_imports_back_exactly() {
    let csv = Test::new()
        .registry(REGISTRY)
        .args(["export", "--format", "csv", "--entity", "partners"])
        .stdout();
    let (code, stderr, after) = import("partners.csv", &csv, &["--on-conflict", "replace"]);
    assert_eq!((code, after.as_str()), (0, REGISTRY), "{stderr}");
    assert!(stderr.ends_with("already says that\n"), "{stderr}");
}

#[test]
fn csv_with_semicolons_and_headers_in_any_case_and_order() {
    let (code, stderr, after) = import("rows.csv", "Name;NETWORK;Country\nGent;n;Belgium\n", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        after.ends_with("[[networks.partners]]\nname = \"Gent\"\ncountry = \"BE\"\nrole = \"partner\"\n"),
        "{after}"
    );
    let (code, stderr, after) = import("rows.csv", "name\tnetwork\nGent\tn\n", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(after.contains("name = \"Gent\""), "{after}");
}

#[test]
fn a_csv_without_a_needed_column_or_with_an_unknown_one_is_refused() {
    let (code, stderr, after) = import("rows.csv", "name,country,colour\nGent,BE,red\n", &[]);
    assert_eq!((code, after.as_str()), (1, REGISTRY));
    assert!(
        stderr.starts_with("error: ")
            && stderr.contains("rows.csv:1: no network column; unknown column colour\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: the columns are network, name, country, country_name, role, type"),
        "{stderr}"
    );
}

#[test]
fn ndjson_and_partner_rows_as_netreg_prints_them_import() {
    let ndjson = "{\"id\":\"a\",\"name\":\"A\"}\n{\"id\":\"b\",\"name\":\"B\"}\n";
    let (code, stderr, after) = import("nets.ndjson", ndjson, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        after.contains("id = \"a\"") && after.contains("id = \"b\""),
        "{after}"
    );
    let rows = "[{\"network\":\"n\",\"name\":\"Gent\",\"country\":\"BE\",\"country_name\":\"Belgium\",\"role\":\"partner\"}]";
    let (code, stderr, after) = import("rows.json", rows, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("imported partners from "), "{stderr}");
    assert!(after.contains("name = \"Gent\"\ncountry = \"BE\""), "{after}");
}

#[test]
fn dash_reads_standard_input_and_a_missing_input_is_named_as_such() {
    let test = Test::new().registry(REGISTRY);
    let file = test.path("registry.toml");
    let out = test.args(["import", "-"]).stdin("network,name\nn,Gent\n").run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("imported partners from <stdin>: 1 added"),
        "{}",
        out.stderr
    );
    assert!(
        std::fs::read_to_string(file)
            .expect("registry")
            .contains("name = \"Gent\"")
    );
    let out = Test::new()
        .registry(REGISTRY)
        .args(["import", "nowhere.json"])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("error: input file `nowhere.json` does not exist\n"),
        "{}",
        out.stderr
    );
}

/// What `--delimiter ";" --bom` writes is what a spreadsheet-minded reader
/// takes: Python's csv module, told the dialect, with `utf-8-sig` for the BOM.
#[test]
fn a_semicolon_csv_with_a_bom_reads_in_pythons_csv_module() {
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs python3");
        eprintln!("skipped: needs python3");
        return;
    }
    let test = Test::new();
    let file = test.path("partners.csv");
    let out = test
        .args([
            "export",
            "--format",
            "csv",
            "--entity",
            "partners",
            "--delimiter",
            ";",
            "--bom",
            "--output",
        ])
        .args([&file])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let read = std::process::Command::new("python3")
        .arg("-c")
        .arg("import csv,sys\nrows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8-sig',newline=''),delimiter=';'))\nprint(len(rows), rows[0]['network'], [r['name'] for r in rows if r['name'].startswith('Jyv')][0])")
        .arg(&file)
        .output()
        .expect("python3");
    assert_eq!(
        String::from_utf8_lossy(&read.stdout),
        format!("{} sudest Jyväskylä\n", crate::support::BUILT_IN_PARTNERS),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
}

/// A CSV file's mistakes are reported at their line whatever its line ends
/// (Excel saves CRLF) and however many lines a quoted value spans.
#[test]
fn csv_mistakes_are_placed_on_their_line_with_crlf_and_quoted_line_breaks() {
    let registry = "[[networks]]\nid = \"n\"\nname = \"N\"\n";
    let files = [
        "network,name,country\r\nn,Pisa,IT\r\nn,Lyon,XX\r\n",
        "network,name,country\nn,Pisa,IT\nn,Lyon,XX\n",
        "network,name,country\r\nn,Pisa,IT\r\n\r\nn,Lyon,XX\r\n",
        "network,name,country\r\n\"n\",\"Pi\r\nsa\",IT\r\nn,Lyon,XX\r\n",
    ];
    for (contents, line) in files.into_iter().zip([3, 3, 4, 4]) {
        let test = Test::new().registry(registry);
        std::fs::write(test.path("rows.csv"), contents).expect("write");
        let file = test.path("rows.csv");
        test.args(["import"])
            .args([&file])
            .status(1)
            .expect_stderr(&format!(
                "error: $DIR/rows.csv:{line}: unknown country `XX` for partner `Lyon` of `n`\n"
            ))
            .run();
    }
}
