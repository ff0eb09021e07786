//! Writes on the layouts that once lost data or cut the file at the wrong
//! line (issue 12): each failure as a user met it, with the exact file after.

use crate::support::{Test, write};

const INLINE: &str = "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [{ name = \"Pisa\", country = \"IT\", role = \"lead\" }, { name = \"Lyon\", country = \"FR\" }]\n";

/// `check` on `text` from a fresh cache: (exit code, stderr).
fn check(text: &str) -> (i32, String) {
    let out = Test::new().registry(text).args(["check"]).run();
    (out.code, out.stderr)
}

#[test]
fn adding_a_partner_to_inline_partners_keeps_them_all() {
    let (code, stderr, after) = write(INLINE, &["partners", "add", "n", "Gent", "--country", "BE"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [{ name = \"Pisa\", country = \"IT\", role = \"lead\" }, { name = \"Lyon\", country = \"FR\" }, { name = \"Gent\", country = \"BE\", role = \"partner\" }]\n"
    );
}

#[test]
fn editing_an_inline_partner_changes_it_in_place() {
    let (code, stderr, after) = write(INLINE, &["partners", "edit", "n", "Lyon", "--role", "observer"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        INLINE.replace(
            "{ name = \"Lyon\", country = \"FR\" }",
            "{ name = \"Lyon\", country = \"FR\", role = \"observer\" }"
        )
    );
}

#[test]
fn milestones_and_spans_are_added_beside_inline_partners() {
    let (code, stderr, after) = write(INLINE, &["milestones", "add", "n", "2011", "Kick-off"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        format!(
            "{INLINE}\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"Kick-off\"\nkind = \"event\"\n"
        )
    );
    let (code, stderr, after) = write(INLINE, &["networks", "edit", "n", "--start", "2010-05-01"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(after.starts_with(INLINE), "{after}");
    assert!(
        after.ends_with("date = 2010-05-01\ntitle = \"Network launched\"\nkind = \"launch\"\n"),
        "{after}"
    );
}

#[test]
fn inline_milestones_take_a_new_one_in_date_order() {
    let text = "[[networks]]\nid = \"n\"\nname = \"N\"\nmilestones = [\n  { date = 2008-05-01, title = \"Launch\", kind = \"launch\" },\n  { date = \"2012\", title = \"Done\", kind = \"completion\" },\n]\n";
    let (code, stderr, after) = write(text, &["milestones", "add", "n", "2010", "Midway"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        "[[networks]]\nid = \"n\"\nname = \"N\"\nmilestones = [\n  { date = 2008-05-01, title = \"Launch\", kind = \"launch\" },\n  { date = \"2010\", title = \"Midway\", kind = \"event\" },\n  { date = \"2012\", title = \"Done\", kind = \"completion\" },\n]\n"
    );
}

/// A multi-line string whose last line starts with `#` is not a comment
/// above the next network: removing that network keeps the string whole.
#[test]
fn removing_the_network_after_a_string_ending_in_a_hash_line_keeps_the_string() {
    let a = "[[networks]]\nid = \"a\"\nname = \"A\"\nsummary = \"\"\"\ntext\n# not a comment\"\"\"\n";
    let text = format!("{a}\n[[networks]]\nid = \"b\"\nname = \"B\"\n");
    let (code, stderr, after) = write(&text, &["networks", "remove", "b", "--yes"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after, a);
    assert_eq!(check(&after).0, 0);
}

/// A `[[networks]]` line inside a multi-line string before a network's `id`
/// is text, for reads from the snapshot, removals and imports alike.
#[test]
fn a_header_inside_a_string_is_text_for_every_read_and_write() {
    let text = "[[networks]]\nid = \"a\"\nname = \"A\"\n\n[[networks]]\nname = \"\"\"\n[[networks]]\nid = \"fake\"\nname = \"Fake\"\n\"\"\"\nid = \"b\"\n";
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("registry.toml");
    std::fs::write(&file, text).expect("write");
    // The first read stores a snapshot (in this HOME's cache); the second reads from it.
    let list = || {
        Test::new()
            .env("HOME", dir.path())
            .args(["--registry"])
            .args([&file])
            .args(["networks", "list", "--fields", "id,name"])
            .stdout()
    };
    let (cold, warm) = (list(), list());
    assert!(dir.path().join(".cache/netreg").exists(), "a snapshot was stored");
    assert_eq!(
        cold,
        "a\tA\nb\t[[networks]]\\nid = \"fake\"\\nname = \"Fake\"\\n\n"
    );
    assert_eq!(warm, cold);

    let (code, stderr, after) = write(text, &["networks", "remove", "b", "--yes"]);
    assert_eq!(
        (code, after.as_str()),
        (0, "[[networks]]\nid = \"a\"\nname = \"A\"\n"),
        "{stderr}"
    );

    let test = Test::new().registry(text);
    let file = test.path("registry.toml");
    let import = test.path("import.json");
    std::fs::write(&import, "[{\"id\": \"b\", \"name\": \"B again\"}]").expect("write");
    let out = test
        .args(["import"])
        .args([&import])
        .args(["--on-conflict", "replace"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(file).expect("registry"),
        // The name set where it stands: the keys keep the file's order.
        "[[networks]]\nid = \"a\"\nname = \"A\"\n\n[[networks]]\nname = \"B again\"\nid = \"b\"\n"
    );
}

/// A write that would leave a broken file is refused, and no snapshot of it
/// makes a later `check` believe otherwise.
#[test]
fn check_says_the_same_with_and_without_the_cache_after_every_write() {
    let text = "[[networks]]\nid = \"a\"\nname = \"A\"\nsummary = \"\"\"\n# x\"\"\"\n\n# about b\n[[networks]]\nid = \"b\"\nname = \"B\"\n";
    let test = Test::new().registry(text);
    let file = test.path("registry.toml");
    let home = test.home();
    let out = test.args(["networks", "remove", "b", "--yes"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = std::fs::read_to_string(&file).expect("registry");
    let warm = Test::new()
        .env("HOME", &home)
        .args(["--registry"])
        .args([&file])
        .args(["check"])
        .run();
    assert_eq!((warm.code, check(&after).0), (0, 0), "{}", warm.stderr);
}

/// On a large hostile text, an edit by network equals the edit of the
/// whole document, and the file it leaves reads the same from its snapshot
/// as cold.
#[test]
fn a_large_hostile_registry_edits_by_network_as_the_whole_document_would() {
    let network = |i: usize| {
        format!(
            "# about n-{i}\n[[ networks ]]  # [[networks]]\nname = \"\"\"\n[[networks]]\nid = \"fake\"\n# not a comment\"\"\"\nid = \"n-{i}\"\npartners = [\n  {{ name = \"P{i}\", country = \"IT\", role = \"lead\" }}, # [[networks]]\n]\n\n"
        )
    };
    let text: String = std::iter::once("format = 1\n\n".to_string())
        .chain((0..4_000).map(network))
        .collect();
    let text = text.replace('\n', "\r\n");
    let edits: [&[&str]; 3] = [
        &["partners", "add", "n-2000", "Gent", "--country", "BE"],
        &["networks", "remove", "n-3999", "--yes"],
        &["milestones", "add", "n-7", "2011", "Kick-off"],
    ];
    for args in edits {
        // The store's two paths, through the library.
        let run = |whole: bool| {
            let dir = tempfile::tempdir().expect("tmp");
            let file = dir.path().join("registry.toml");
            std::fs::write(&file, &text).expect("write");
            let environment = netreg::Environment {
                whole_document: whole,
                ..crate::fuzz::environment(&file)
            };
            let (code, _, stderr) = crate::fuzz::netreg_in(environment, &file, args);
            assert_eq!(code, 0, "{args:?}: {stderr}");
            let after = std::fs::read_to_string(&file).expect("registry");
            let warm = crate::fuzz::netreg(&file, &["export"]);
            let elsewhere = netreg::Environment {
                dirs: netreg::Dirs::under(&dir.path().join("elsewhere")),
                ..Default::default()
            };
            let cold = crate::fuzz::netreg_in(elsewhere, &file, &["export"]);
            assert_eq!(warm, cold, "{args:?}: snapshot and file disagree");
            after
        };
        assert_eq!(run(false), run(true), "{args:?}");
    }
}

/// A comment stays with the element it sits above, and one after an
/// element's comma with that element: `partners remove` takes exactly the
/// removed partner's lines, whichever it is.
#[test]
fn removing_an_inline_partner_takes_only_its_own_comments() {
    let blocks = [
        "  # about Pisa\n  { name = \"Pisa\", country = \"IT\" }, # Pisa's\n",
        "  # about Lyon\n  { name = \"Lyon\", country = \"FR\" }, # Lyon's\n",
        "  # about Gent\n  { name = \"Gent\", country = \"BE\" }, # Gent's\n",
        "  # above the bracket\n",
    ];
    let file = |blocks: &[&str]| {
        format!(
            "[[networks]]\nid = \"n\"\nname = \"N\"\npartners = [\n{}]\n# the end\n",
            blocks.concat()
        )
    };
    for (index, name) in ["Pisa", "Lyon", "Gent"].into_iter().enumerate() {
        let (code, stderr, after) = write(&file(&blocks), &["partners", "remove", "n", name]);
        assert_eq!(code, 0, "{stderr}");
        let mut kept = blocks.to_vec();
        kept.remove(index);
        assert_eq!(after, file(&kept), "removing {name}");
    }
}

/// The same for milestones written one a line, and a one-line array keeps
/// its spacing whichever element goes.
#[test]
fn removing_an_inline_milestone_takes_only_its_own_comments() {
    let multi = "[[networks]]\nid = \"n\"\nname = \"N\"\nmilestones = [\n  # the start\n  { date = 2008-05-01, title = \"Launch\", kind = \"launch\" }, # kept\n  # the middle\n  { date = 2010-01-01, title = \"Midway\" }, # goes\n  # the end\n  { date = 2012-01-01, title = \"Done\", kind = \"completion\" },\n]\n";
    let (code, stderr, after) = write(multi, &["milestones", "remove", "n", "2010-01-01", "Midway"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        after,
        multi.replace(
            "  # the middle\n  { date = 2010-01-01, title = \"Midway\" }, # goes\n",
            ""
        )
    );
    let one = |items: &[&str]| {
        format!(
            "[[networks]]\nid = \"n\"\nname = \"N\"\nmilestones = [{}]\n",
            items.join(", ")
        )
    };
    let all = [
        "{ date = \"2008\", title = \"A\" }",
        "{ date = \"2009\", title = \"B\" }",
        "{ date = \"2010\", title = \"C\" }",
    ];
    for (index, (date, title)) in [("2008", "A"), ("2009", "B"), ("2010", "C")]
        .into_iter()
        .enumerate()
    {
        let (code, stderr, after) = write(&one(&all), &["milestones", "remove", "n", date, title]);
        assert_eq!(code, 0, "{stderr}");
        let mut kept = all.to_vec();
        kept.remove(index);
        assert_eq!(after, one(&kept), "removing {title}");
    }
}

/// The comments at the top of the file, which a blank line parts from the
/// first network, are the file's: removing that network keeps them, in a
/// file edited a network at a time and in one edited whole.
#[test]
fn removing_the_first_network_keeps_the_head_comments() {
    let head = "#:schema ./netreg.schema.json\n# Our cities' networks.\n\n";
    let a = "# about a\n[[networks]]\nid = \"a\"\nname = \"A\"\n";
    // An escaped header makes the file one document to edit.
    for header in ["[[networks]]", "[[\"netw\\u006Frks\"]]"] {
        let b = format!("\n{header}\nid = \"b\"\nname = \"B\"\n");
        let text = format!("{head}{a}{b}");
        let (code, stderr, after) = write(&text, &["networks", "remove", "a", "--yes"]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(
            after,
            format!("#:schema ./netreg.schema.json\n# Our cities' networks.\n{b}")
        );
    }
}

/// The comments that end the file stay there: a network added goes above
/// them, and removing it again gives back the file byte for byte.
#[test]
fn adding_then_removing_a_network_gives_back_the_file() {
    let head = "# Our networks.\n\nformat = 1\n\n";
    let a = "[[networks]]\nid = \"a\"\nname = \"A\"\n";
    let inline = "networks = [\n  { id = \"a\", name = \"A\" },\n]\n";
    for body in [a, inline] {
        for tail in ["", "# the end\n", "\n# the end\n# really\n", "\n# no line break"] {
            for crlf in [false, true] {
                let line_ends = |text: String| if crlf { text.replace('\n', "\r\n") } else { text };
                let (text, tail) = (line_ends(format!("{head}{body}{tail}")), line_ends(tail.into()));
                let test = Test::new().registry(&text);
                let file = test.path("registry.toml");
                let home = test.home();
                let out = test.args(["networks", "add", "b", "--name", "B"]).run();
                assert_eq!(out.code, 0, "{}", out.stderr);
                let added = std::fs::read_to_string(&file).expect("registry");
                assert!(added.ends_with(&tail), "{added:?}");
                let out = Test::new()
                    .env("HOME", &home)
                    .args(["--registry"])
                    .args([&file])
                    .args(["networks", "remove", "b", "--yes"])
                    .run();
                assert_eq!(out.code, 0, "{}", out.stderr);
                let removed = std::fs::read_to_string(&file).expect("registry");
                assert_eq!(removed, text, "added:\n{added}");
            }
        }
    }
}

/// A file edited as one document (here for its escaped header) keeps the
/// spelling and the line end of every line the edit does not change: the
/// other networks' headers as they are spelt, LF lines in a CRLF file.
#[test]
fn a_file_edited_whole_changes_only_the_lines_of_the_edit() {
    let text = "# head\r\nformat = 1\r\n\r\n[[\"netw\\u006Frks\"]]\r\nid = \"a\"\r\nname = \"A\"\r\n\r\n[[ networks . partners ]]\r\nname = \"Pisa\"\r\ncountry = \"IT\"\r\n\r\n[[ 'networks' ]]  # b\nid = \"b\"\nname = \"B\"\npartners = [\n  { name = \"Lyon\", country = \"FR\" },\n  { name = \"Gent\", country = \"BE\" },\n]\r\n\r\n[[networks]]\r\nid = \"c\"\r\nname = \"C\"\r\n# the end\r\n";
    let edits: [(&[&str], &str, &str); 4] = [
        (
            &["partners", "edit", "b", "Lyon", "--country", "IT"],
            "  { name = \"Lyon\", country = \"FR\" },\n",
            "  { name = \"Lyon\", country = \"IT\" },\n",
        ),
        (
            &["partners", "edit", "a", "Pisa", "--country", "PT"],
            "country = \"IT\"\r\n",
            "country = \"PT\"\r\n",
        ),
        (
            &["partners", "remove", "b", "Gent"],
            "  { name = \"Gent\", country = \"BE\" },\n",
            "",
        ),
        (
            &["networks", "edit", "c", "--name", "See"],
            "name = \"C\"\r\n",
            "name = \"See\"\r\n",
        ),
    ];
    for (args, old, new) in edits {
        for whole in [false, true] {
            let dir = tempfile::tempdir().expect("tmp");
            let file = dir.path().join("registry.toml");
            std::fs::write(&file, text).expect("write");
            let environment = netreg::Environment {
                whole_document: whole,
                ..crate::fuzz::environment(&file)
            };
            let (code, _, stderr) = crate::fuzz::netreg_in(environment, &file, args);
            assert_eq!(code, 0, "{stderr}");
            let after = std::fs::read_to_string(&file).expect("registry");
            assert_eq!(after, text.replacen(old, new, 1), "{args:?}");
        }
    }
}
