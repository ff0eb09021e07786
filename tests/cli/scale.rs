//! The snapshot cache: rebuilt when the file changes, ignored when corrupt or
//! foreign, and never a different answer from the file itself.

use std::path::{Path, PathBuf};

use crate::support::{SMALL, Test};

/// A registry of `n` networks with ten partners each, diacritics and partial dates.
fn generated(n: usize) -> String {
    let towns = [
        ("Óbidos", "PT"),
        ("Jyväskylä", "FI"),
        ("Gdańsk", "PL"),
        ("Reggio Emilia", "IT"),
        ("Košice", "SK"),
    ];
    let mut text = String::from("# generated\nformat = 1\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n# network {i}\n[[networks]]\nid = \"net-{i}\"\nname = \"Network {i}\"\nprogramme = \"URBACT {}\"\n",
            ["II", "III", "IV"][i % 3]
        ));
        for p in 0..10 {
            let (town, country) = towns[(i + p) % towns.len()];
            let role = if p == 0 { "lead" } else { "partner" };
            text.push_str(&format!(
                "\n[[networks.partners]]\nname = \"{town} {p}\"\ncountry = \"{country}\"\nrole = \"{role}\"\n"
            ));
        }
        text.push_str(&format!(
            "\n[[networks.milestones]]\ndate = \"{}\"\ntitle = \"Launch\"\nkind = \"launch\"\n\n[[networks.milestones]]\ndate = {}-06-30\ntitle = \"End\"\nkind = \"completion\"\n",
            2000 + i % 20,
            2003 + i % 20
        ));
    }
    text
}

fn snapshots(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join(".cache/netreg"))
        .map(|dir| {
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "snapshot"))
                .collect()
        })
        .unwrap_or_default()
}

/// netreg for the user at `home`, on the registry `file`.
fn netreg(home: &Path, file: &Path) -> Test {
    Test::new()
        .env("HOME", home)
        .args(["--registry".as_ref(), file.as_os_str()])
}

fn run(home: &Path, file: &Path, args: &[&str]) -> String {
    netreg(home, file).args(args).stdout()
}

#[test]
fn every_read_is_the_same_with_and_without_the_snapshot() {
    let test = Test::new();
    let file = test.path("big.toml");
    std::fs::write(&file, generated(300)).expect("write");
    let commands: &[&[&str]] = &[
        &["partners", "list", "--country", "Italy"],
        &["networks", "list", "--format", "json"],
        &["milestones", "list", "--from", "2010"],
        &["timeline", "show", "--format", "table", "--network", "net-7"],
        &["stats", "--by", "year"],
        &["export"],
        &["export", "--format", "toml"],
        &["networks", "show", "net-42", "--format", "markdown"],
    ];
    for args in commands {
        let cold_home = test.path(&format!("cold-{}", args.join("-")));
        std::fs::create_dir_all(&cold_home).expect("home");
        let without = run(&cold_home, &file, args);
        assert_eq!(snapshots(&cold_home).len(), 1, "the first read leaves a snapshot");
        let with = run(&cold_home, &file, args);
        assert_eq!(with, without, "{args:?}");
    }
}

#[test]
fn a_change_that_keeps_size_and_mtime_is_still_seen() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("registry.toml");
    std::fs::write(&file, SMALL).expect("write");
    let mtime = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(
        run(
            &home,
            &file,
            &["partners", "list", "--country", "PL", "--fields", "name"]
        ),
        "Gdańsk\n"
    );
    assert_eq!(snapshots(&home).len(), 1);
    let changed = SMALL.replace("name = \"Gdańsk\"", "name = \"Gdynia!\"");
    assert_eq!(changed.len(), SMALL.len());
    std::fs::write(&file, &changed).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(mtime))
        .expect("set mtime");
    assert_eq!(
        run(
            &home,
            &file,
            &["partners", "list", "--country", "PL", "--fields", "name"]
        ),
        "Gdynia!\n"
    );
}

#[test]
fn a_corrupt_or_foreign_snapshot_is_ignored_and_rebuilt() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("registry.toml");
    std::fs::write(&file, SMALL).expect("write");
    let expected = run(&home, &file, &["networks", "list"]);
    let snapshot = snapshots(&home).pop().expect("a snapshot");
    for garbage in [b"NETREG\x00\x02garbage".to_vec(), Vec::new(), vec![0xff; 4096]] {
        std::fs::write(&snapshot, &garbage).expect("corrupt");
        assert_eq!(run(&home, &file, &["networks", "list"]), expected);
        assert_ne!(std::fs::read(&snapshot).expect("snapshot"), garbage, "rebuilt");
    }
    // The snapshot of another registry, put in this one's place.
    let other = test.path("other.toml");
    std::fs::write(&other, SMALL.replace("Port Towns", "Other Towns")).expect("write");
    let other_home = test.path("other-home");
    run(&other_home, &other, &["networks", "list"]);
    let foreign = snapshots(&other_home).pop().expect("a snapshot");
    std::fs::copy(&foreign, &snapshot).expect("copy");
    assert_eq!(run(&home, &file, &["networks", "list"]), expected);
}

#[test]
fn a_write_refreshes_the_snapshot_so_the_next_read_agrees() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("big.toml");
    std::fs::write(&file, generated(50)).expect("write");
    run(&home, &file, &["networks", "list"]);
    let out = netreg(&home, &file)
        .args(["partners", "add", "net-3", "Łódź", "--country", "PL"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let snapshot = snapshots(&home).pop().expect("a snapshot");
    let listed = run(
        &home,
        &file,
        &["partners", "list", "--network", "net-3", "--fields", "name"],
    );
    assert!(listed.ends_with("Łódź\n"), "{listed}");
    // The refreshed snapshot answers exactly like a fresh parse.
    let fresh_home = test.path("fresh");
    for args in [&["partners", "list"][..], &["milestones", "list"][..]] {
        assert_eq!(run(&home, &file, args), run(&fresh_home, &file, args));
    }
    assert!(snapshot.exists());
}

#[test]
fn check_reports_the_same_warnings_with_and_without_the_snapshot() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("registry.toml");
    let mut text = generated(20);
    text.push_str("\n[[networks]]\nid = \"no-lead\"\nname = \"No Lead\"\n\n[[networks.partners]]\nname = \"Somewhere\"\n");
    std::fs::write(&file, &text).expect("write");
    let check = || netreg(&home, &file).args(["check"]).run();
    let cold = check();
    assert_eq!(cold.code, 0, "{}", cold.stderr);
    assert_eq!(snapshots(&home).len(), 1);
    let warm = check();
    assert_eq!(warm.stderr, cold.stderr);
    assert!(
        warm.stderr.contains("registry.toml:1329:8")
            && warm
                .stderr
                .contains("warning: partner `Somewhere` of `no-lead` has no country"),
        "{}",
        warm.stderr
    );
    assert!(
        warm.stderr
            .ends_with("21 networks, 201 partners, no errors, 2 warnings\n"),
        "{}",
        warm.stderr
    );
}

#[test]
fn a_large_registry_reports_errors_at_their_place_and_reads_odd_layouts() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("big.toml");
    let text = generated(400);
    assert!(
        text.len() > 256 * 1024,
        "large enough to be parsed a network at a time"
    );
    let typo = text.replacen(
        "name = \"Network 200\"",
        "name = \"Network 200\"\ncontry = \"IT\"",
        1,
    );
    let line = typo[..typo.find("contry").expect("typo")].lines().count() + 1;
    std::fs::write(&file, &typo).expect("write");
    let out = netreg(&home, &file).args(["networks", "list"]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: unknown key `contry`")
            && out.stderr.contains(&format!("big.toml:{line}:1")),
        "{}",
        out.stderr
    );
    // A header line inside a multi-line string is text, not a network.
    let odd = text.replacen(
        "programme = \"URBACT II\"\n",
        "programme = \"URBACT II\"\nsummary = \"\"\"\n[[networks]]\nid = \"not-a-network\"\n\"\"\"\n",
        1,
    );
    std::fs::write(&file, &odd).expect("write");
    let ids = run(&home, &file, &["networks", "list", "--fields", "id"]);
    assert_eq!(ids.lines().count(), 400);
    assert!(!ids.contains("not-a-network"));
    let summary = run(&home, &file, &["networks", "show", "net-0", "--format", "json"]);
    assert!(
        summary.contains("\"summary\": \"[[networks]]\\nid = \\\"not-a-network\\\"\\n\""),
        "{summary}"
    );
}

#[test]
fn a_change_to_a_large_registry_that_keeps_size_and_mtime_is_still_seen() {
    let test = Test::new();
    let home = test.home();
    let file = test.path("big.toml");
    let text = generated(1300);
    assert!(
        text.len() > 1 << 20,
        "large enough to be hashed beside the snapshot's decoding"
    );
    std::fs::write(&file, &text).expect("write");
    let mtime = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    let names = ["partners", "list", "--network", "net-1299", "--fields", "name"];
    assert!(run(&home, &file, &names).starts_with("Košice 0\n"));
    assert_eq!(snapshots(&home).len(), 1);
    let changed = text.replace("name = \"Košice 0\"", "name = \"Kosice! 0\"");
    assert_eq!(changed.len(), text.len());
    std::fs::write(&file, &changed).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(mtime))
        .expect("set mtime");
    assert!(run(&home, &file, &names).starts_with("Kosice! 0\n"));
}

#[test]
fn a_registry_read_from_a_pipe_is_read_once_and_not_cached() {
    let test = Test::new();
    let home = test.home();
    for args in [&["check"][..], &["networks", "list", "--fields", "id"]] {
        let out = Test::new()
            .env("HOME", &home)
            .args(["--registry", "/dev/stdin"])
            .args(args)
            .stdin(SMALL)
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let shown = if args[0] == "check" {
            &out.stderr
        } else {
            &out.stdout
        };
        assert!(
            shown.contains("2 networks") || shown == "creative-clusters\nport-towns\n",
            "{args:?}: {shown}"
        );
    }
    assert!(snapshots(&home).is_empty());
}

#[test]
fn inline_networks_above_the_headers_of_a_large_registry_is_an_error() {
    let test = Test::new();
    let file = test.path("big.toml");
    let text = generated(400).replacen("format = 1\n", "format = 1\nnetworks = []\n", 1);
    std::fs::write(&file, &text).expect("write");
    let out = netreg(&test.home(), &file).args(["check"]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: invalid TOML: duplicate key"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_registry_with_a_byte_order_mark_is_read_from_its_snapshot() {
    use std::os::unix::fs::MetadataExt;
    let test = Test::new();
    let home = test.home();
    let file = test.path("registry.toml");
    std::fs::write(&file, format!("\u{feff}{SMALL}")).expect("write");
    let first = run(&home, &file, &["networks", "list"]);
    let snapshot = snapshots(&home).pop().expect("a snapshot");
    let inode = std::fs::metadata(&snapshot).expect("snapshot").ino();
    for args in [&["networks", "list"][..], &["check", "-q"]] {
        let out = run(&home, &file, args);
        if args[0] == "networks" {
            assert_eq!(out, first);
        }
        let now = std::fs::metadata(&snapshot).expect("snapshot").ino();
        assert_eq!(
            now, inode,
            "{args:?} used the snapshot instead of making it again"
        );
    }
}

#[test]
fn a_snapshot_of_a_large_registry_reads_like_the_file() {
    // Over 1,000 networks, read from the file and then from its snapshot.
    // (The second half decoded on a thread of its own, past 1 MiB, is
    // `cache::tests::a_large_snapshot_decoded_on_two_threads_round_trips`.)
    let test = Test::new();
    let file = test.path("big.toml");
    std::fs::write(&file, generated(1_201)).expect("write");
    for args in [&["export"][..], &["partners", "list", "--role", "lead"][..]] {
        let home = test.path(&format!("home-{}", args.join("-")));
        let without = run(&home, &file, args);
        assert_eq!(snapshots(&home).len(), 1, "the first read leaves a snapshot");
        assert_eq!(run(&home, &file, args), without, "{args:?}");
    }
}

/// The `--> file:line:col` places of a check's messages, as (line, col).
fn places(stderr: &str) -> Vec<(usize, usize)> {
    stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(|place| {
            let mut numbers = place.rsplit(':').map(|n| n.parse().expect("number"));
            let col = numbers.next().expect("col");
            (numbers.next().expect("line"), col)
        })
        .collect()
}

#[test]
fn a_registry_checked_on_every_core_lists_its_problems_in_file_order() {
    // From 2,000 networks on, the rules run on every core, a part each.
    let test = Test::new();
    let home = test.home();
    let file = test.path("registry.toml");
    let text = generated(2_100)
        .replace("role = \"lead\"", "role = \"partner\"")
        .replace("name = \"Košice 4\"\ncountry = \"SK\"\n", "name = \"Košice 4\"\n");
    std::fs::write(&file, &text).expect("write");
    for _ in ["cold", "warm"] {
        let out = netreg(&home, &file).args(["check"]).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let places = places(&out.stderr);
        assert_eq!(places.len(), 2_100 + 420);
        assert!(places.is_sorted(), "{places:?}");
        assert!(places.windows(2).all(|w| w[0] != w[1]));
        assert!(
            out.stderr
                .ends_with("2100 networks, 21000 partners, no errors, 2520 warnings\n"),
            "{}",
            &out.stderr[out.stderr.len() - 200..]
        );
        let quiet = netreg(&home, &file).args(["check", "-q"]).run();
        assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    }
    assert_eq!(snapshots(&home).len(), 1);

    // Errors in both parts and one of the whole registry: only the errors,
    // in file order.
    let broken = text
        .replacen("id = \"net-2050\"", "id = \"net-5\"", 1)
        .replacen("name = \"Gdańsk 2\"", "name = \"Óbidos 0\"", 1)
        .replacen("id = \"net-1999\"", "id = \"Net 1999\"", 1);
    std::fs::write(&file, &broken).expect("write");
    let all = netreg(&home, &file).args(["check"]).run();
    assert_eq!(all.code, 1, "{}", all.stderr);
    assert!(
        all.stderr.ends_with(": 3 errors, 2520 warnings\n"),
        "{}",
        &all.stderr[all.stderr.len() - 200..]
    );
    let out = netreg(&home, &file).args(["check", "-q"]).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
    let messages: Vec<&str> = out.stderr.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(
        messages,
        [
            "error: partner `Óbidos 0` is already in network `net-0` (as `Óbidos 0`)",
            "error: network id `Net 1999` is not a slug",
            "error: network id `net-5` is used twice",
        ],
        "{}",
        out.stderr
    );
    assert!(places(&out.stderr).is_sorted(), "{}", out.stderr);
}
