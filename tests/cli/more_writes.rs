//! The writes people expect beyond add, edit and remove: rename, milestone
//! edits, several networks shown at once, sorting by several keys, and an
//! `init --force` that keeps what it replaces.

use crate::support::{SMALL, Test, on_terminal, write};

const NET: &str = "[[networks]]\nid = \"old-id\"   # kept\nname = \"N\"\n\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"Kick-off\"\nkind = \"launch\"\n\n[[networks]]\nid = \"other\"\nname = \"O\"\n";

#[test]
fn rename_changes_the_id_and_keeps_its_comment() {
    let (code, stderr, after) = write(NET, &["networks", "rename", "old-id", "new-id"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("renamed network `old-id` to `new-id` in "),
        "{stderr}"
    );
    assert_eq!(
        after,
        NET.replace("id = \"old-id\"   # kept", "id = \"new-id\"   # kept")
    );
    let (code, stderr, after) = write(NET, &["networks", "rename", "old-id", "other"]);
    assert_eq!((code, after.as_str()), (1, NET));
    assert!(
        stderr.starts_with("error: network `other` already exists"),
        "{stderr}"
    );
    let (code, stderr, _) = write(NET, &["networks", "rename", "old-id", "Not A Slug"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: `Not A Slug` is not a valid network id"),
        "{stderr}"
    );
}

#[test]
fn milestones_edit_changes_date_title_and_kind_in_place() {
    let (code, stderr, after) = write(
        NET,
        &[
            "milestones",
            "edit",
            "old-id",
            "2011-06-09",
            "kick-off",
            "--date",
            "2011-06",
            "--title",
            "Launch",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("changed date, title of milestone 2011-06-09 `Kick-off` of `old-id`"),
        "{stderr}"
    );
    assert_eq!(
        after,
        NET.replace(
            "date = 2011-06-09\ntitle = \"Kick-off\"",
            "date = \"2011-06\"\ntitle = \"Launch\""
        )
    );
    let (code, stderr, after) = write(NET, &["milestones", "edit", "old-id", "2011-06-09", "Kick-off"]);
    assert_eq!((code, after.as_str()), (2, NET));
    assert!(stderr.starts_with("error: nothing to change"), "{stderr}");
    let (code, stderr, _) = write(
        NET,
        &["milestones", "edit", "old-id", "2012", "Kick-off", "--title", "x"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("error: no milestone 2012 `Kick-off` in network `old-id`"),
        "{stderr}"
    );
}

#[test]
fn networks_show_takes_several_ids() {
    let out = Test::new()
        .registry(SMALL)
        .args([
            "networks",
            "show",
            "creative-clusters",
            "port-towns",
            "--format",
            "json",
        ])
        .stdout();
    let value: serde_json::Value = serde_json::from_str(&out).expect("json");
    let ids: Vec<&str> = value
        .as_array()
        .map_or(vec![], |a| a.iter().filter_map(|n| n["id"].as_str()).collect());
    assert_eq!(ids, ["creative-clusters", "port-towns"]);
    let one = Test::new()
        .registry(SMALL)
        .args(["networks", "show", "port-towns", "--format", "json"])
        .stdout();
    assert!(one.starts_with("{\n  \"id\": \"port-towns\""), "{one}");
    let plain = Test::new()
        .registry(SMALL)
        .args(["networks", "show", "creative-clusters", "port-towns"])
        .stdout();
    assert!(
        plain.starts_with("id\tcreative-clusters\n") && plain.contains("\n\nid\tport-towns\n"),
        "{plain}"
    );
}

#[test]
fn sort_takes_several_keys_each_either_way() {
    let out = Test::new()
        .args([
            "partners",
            "list",
            "--network",
            "creative-clusters",
            "--sort",
            "country,-name",
            "--fields",
            "country,name",
        ])
        .stdout();
    assert!(out.starts_with("ES\tEnguera\nFI\tJyväskylä\nGB\tBarnsley\nHU\tHódmezővásárhely\nIT\tViareggio\nIT\tReggio Emilia\nIT\tCatanzaro\n"), "{out}");
    let out = Test::new()
        .args(["networks", "list", "--sort", "name,nope"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: unknown field `nope`"),
        "{}",
        out.stderr
    );
}

#[test]
fn init_force_keeps_the_old_registry_in_the_history() {
    let empty = "#:schema ./netreg.schema.json\n# A netreg registry: see `netreg --help` and https://urbact.eu/networks\nformat = 1\n";
    let out = Test::new()
        .registry(NET)
        .args(["init", "--empty", "--force"])
        .status(0)
        .expect_stdout("")
        .expect_stderr(
            "kept the registry that was there in netreg's history (`netreg undo` brings it back)\ncreated $DIR/registry.toml with an empty registry\n",
        )
        .expect_file("registry.toml", empty)
        .run();
    assert!(!out._dir.path().join("registry.toml.bak").exists());
}

/// On a terminal, `networks remove` asks; answering no is a choice: exit 0,
/// the file as it was.
#[test]
fn answering_no_to_remove_is_not_an_error() {
    let test = Test::new().registry(NET);
    let file = test.path("registry.toml");
    let command = format!(
        "{} --registry {} networks remove other; echo \"exit=$?\"",
        assert_cmd::cargo::cargo_bin("netreg").display(),
        file.display()
    );
    let Some(shown) = on_terminal(&command, &[("HOME", test.home().as_os_str())], b"n\n") else {
        return;
    };
    assert!(shown.contains("network `other` was not removed"), "{shown}");
    assert!(shown.contains("exit=0"), "{shown}");
    assert_eq!(std::fs::read_to_string(file).expect("registry"), NET);
}

/// Clearing a network's end takes the date away, not what happened then:
/// a milestone that tells of an event stays (as an event), one netreg made
/// for the date alone goes; the status line says which.
#[test]
fn clearing_an_end_keeps_the_event_that_carried_it() {
    let text = "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.milestones]]\ndate = 2008\ntitle = \"Network launched\"\nkind = \"launch\"\n\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"Final conference\"\nkind = \"completion\"\n";
    let text = text.replace("date = 2008", "date = \"2008\"");
    let (code, stderr, after) = write(&text, &["networks", "edit", "n", "--end", ""]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with(
            "changed end of network `n`; kept its milestone 2011-06-09 `Final conference`, as an event in "
        ),
        "{stderr}"
    );
    assert_eq!(after, text.replace("kind = \"completion\"", "kind = \"event\""));
    let (code, stderr, after) = write(&text, &["networks", "edit", "n", "--start", ""]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("changed start of network `n`; removed its milestone 2008 `Network launched` in "),
        "{stderr}"
    );
    assert!(!after.contains("Network launched"), "{after}");
}
