//! Places (spec §8): a partner's GeoNames id and coordinates, written by
//! `partners add` and `edit`, checked by `check`, carried by every export.

use crate::support::{Test, write};

const NAPLES: &str = "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"Napoli\"\ncountry = \"IT\"\nrole = \"lead\"\n";

#[test]
fn partners_add_and_edit_take_a_place() {
    let (code, stderr, after) = write(
        NAPLES,
        &[
            "partners",
            "edit",
            "n",
            "Napoli",
            "--geonames",
            "3172394",
            "--coordinates",
            "40.85216,14.26811",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        format!("{NAPLES}geonames = 3172394\ncoordinates = [40.85216, 14.26811]\n")
    );
    let (code, stderr, after) = write(
        NAPLES,
        &[
            "partners",
            "add",
            "n",
            "Pisa",
            "--country",
            "IT",
            "--geonames",
            "3170647",
            "--coordinates",
            "43.70853,10.4036",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(after.ends_with("name = \"Pisa\"\ncountry = \"IT\"\nrole = \"partner\"\ngeonames = 3170647\ncoordinates = [43.70853, 10.4036]\n"), "{after}");
    for (flag, value, message) in [
        ("--geonames", "-4", "error: `-4` is not a GeoNames id"),
        ("--coordinates", "95,1", "error: `95,1` are not coordinates"),
        ("--coordinates", "north", "error: `north` are not coordinates"),
    ] {
        let (code, stderr, after) = write(NAPLES, &["partners", "edit", "n", "Napoli", flag, value]);
        assert_eq!((code, after.as_str()), (2, NAPLES), "{flag} {value}");
        assert!(stderr.starts_with(message), "{stderr}");
    }
}

#[test]
fn check_validates_places_and_warns_when_one_place_has_two_positions() {
    let bad = format!("{NAPLES}geonames = 0\ncoordinates = [40.8, 200.0]\n");
    let out = Test::new().registry(&bad).args(["check", "-q"]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("error: GeoNames id 0 is not a positive number"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("error: longitude 200 is not on the globe"),
        "{}",
        out.stderr
    );
    let twice = format!(
        "{NAPLES}geonames = 3172394\ncoordinates = [40.85216, 14.26811]\n\n[[networks]]\nid = \"m\"\nname = \"M\"\n[[networks.partners]]\nname = \"Naples\"\ncountry = \"IT\"\nrole = \"lead\"\ngeonames = 3172394\ncoordinates = [41.9, 12.5]\n"
    );
    let out = Test::new().registry(&twice).args(["check"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("warning: GeoNames place 3172394 is at [40.85216, 14.26811] elsewhere in the registry, not [41.9, 12.5]"),
        "{}",
        out.stderr
    );
}

#[test]
fn exports_carry_places_and_import_takes_them_back() {
    let placed = format!("format = 1\n\n{NAPLES}geonames = 3172394\ncoordinates = [40.85216, 14.26811]\n");
    let json = Test::new().registry(&placed).args(["export"]).stdout();
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    let partner = &value["networks"][0]["partners"][0];
    assert_eq!(partner["geonames"], 3172394);
    assert_eq!(partner["coordinates"], serde_json::json!([40.85216, 14.26811]));
    let test = Test::new().registry("format = 1\n");
    let file = test.path("registry.toml");
    let input = test.path("in.json");
    std::fs::write(&input, &json).expect("write");
    let out = test.args(["import"]).args([&input]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = std::fs::read_to_string(file).expect("registry");
    assert!(
        after.contains("geonames = 3172394\ncoordinates = [40.85216, 14.26811]\n"),
        "{after}"
    );
}

/// Coordinates are exactly two numbers: a third was once dropped on every
/// read, export and write; now it, one alone, none, a string and a
/// non-number are each an error with the place, on `check` and on any other
/// read alike, and a write leaves the file as it was.
#[test]
fn coordinates_other_than_two_numbers_are_an_error_with_their_place() {
    let shape = "two numbers, [latitude, longitude]";
    let hint = "hint: write `coordinates = [latitude, longitude]` in degrees, e.g. [40.85216, 14.26811], or remove the key\n";
    for (value, message, column, width) in [
        (
            "[40.8, 14.2, 3.0]",
            format!("coordinates are {shape}; these have 3"),
            15,
            17,
        ),
        (
            "[40.8]",
            format!("coordinates are {shape}; these have one"),
            15,
            6,
        ),
        ("[]", format!("coordinates are {shape}; these have none"), 15, 2),
        (
            "\"40.8,14.2\"",
            format!("wrong type: expected coordinates: {shape}, found the string \"40.8,14.2\""),
            15,
            11,
        ),
        (
            "[\"north\", 14.2]",
            format!(
                "wrong type: expected a number of degrees (coordinates are {shape}), found the string \"north\""
            ),
            16,
            7,
        ),
    ] {
        let text = format!("{NAPLES}coordinates = {value}\n");
        let test = Test::new().registry(&text);
        let expected = format!(
            "error: {message}\n --> {}:9:{column}\n  |\n9 | coordinates = {value}\n  | {}{}\n{hint}",
            test.path("registry.toml").display(),
            " ".repeat(column - 1),
            "^".repeat(width)
        );
        let out = test.args(["check", "-q"]).run();
        assert_eq!(out.code, 1, "{value}: {}", out.stderr);
        assert_eq!(out.stderr, expected, "{value}");
        for read in [&["partners", "list"][..], &["export", "--format", "json"]] {
            let out = Test::new().registry(&text).args(read).run();
            assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{value} {read:?}");
            assert!(out.stderr.contains(&message), "{value} {read:?}: {}", out.stderr);
        }
        let (code, stderr, after) = write(&text, &["partners", "edit", "n", "Napoli", "--type", "city"]);
        assert_eq!((code, after.as_str()), (1, text.as_str()), "{value}");
        assert!(stderr.contains(&message), "{value}: {stderr}");
    }
}

/// An import is read as strictly as the registry: three coordinates in a
/// TOML or JSON file are refused and nothing is written.
#[test]
fn import_refuses_three_coordinates() {
    let registry = "format = 1\n";
    for (name, input) in [
        (
            "in.toml",
            "[[networks]]\nid = \"n\"\nname = \"N\"\n[[networks.partners]]\nname = \"Q\"\ncoordinates = [1, 2, 3]\n",
        ),
        (
            "in.json",
            "[{\"id\": \"n\", \"name\": \"N\", \"partners\": [{\"name\": \"Q\", \"coordinates\": [1, 2, 3]}]}]",
        ),
    ] {
        let test = Test::new().registry(registry);
        let file = test.path("registry.toml");
        std::fs::write(test.path(name), input).expect("write");
        let out = test.args(["import", name]).run();
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        assert!(
            out.stderr
                .starts_with("error: coordinates are two numbers, [latitude, longitude]; these have 3\n"),
            "{name}: {}",
            out.stderr
        );
        assert_eq!(std::fs::read_to_string(file).expect("registry"), registry);
    }
}

#[test]
fn the_schema_says_coordinates_are_two_numbers() {
    let schema: serde_json::Value =
        serde_json::from_str(&Test::new().args(["schema"]).stdout()).expect("json");
    let coordinates = &schema["definitions"]["partner"]["properties"]["coordinates"];
    assert_eq!(coordinates["minItems"], 2);
    assert_eq!(coordinates["maxItems"], 2);
    assert_eq!(coordinates["additionalItems"], false);
}

/// A region or county is no city (the built-in registry's rule, README):
/// `check` warns when a partner whose type says so carries a place.
#[test]
fn a_region_placed_on_a_city_is_a_warning() {
    let text = "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.partners]]\nname = \"Inverclyde\"\ncountry = \"GB\"\nrole = \"lead\"\ntype = \"County council\"\ngeonames = 2648187\ncoordinates = [55.94771, -4.76121]\n\n[[networks.partners]]\nname = \"Brussels Environment\"\ncountry = \"BE\"\ntype = \"Regional agency\"\n\n[[networks.partners]]\nname = \"Dubrovnik Development Agency\"\ncountry = \"HR\"\ntype = \"agency\"\ngeonames = 3201047\ncoordinates = [42.64807, 18.09216]\n";
    let out = Test::new().registry(text).args(["check"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(
        warnings,
        ["warning: partner `Inverclyde` of `n` is a County council, but is placed on a city"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("hint: a region or county is no city: remove its `geonames` and `coordinates`")
    );
}
