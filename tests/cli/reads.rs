//! Lists and filters over a small registry, in the plain format a pipe gets.

use crate::support::{SMALL, Test};

fn small(args: &[&str]) -> String {
    Test::new().registry(SMALL).args(args).stdout()
}

#[test]
fn partners_list_puts_each_lead_first_in_plain_rows() {
    assert_eq!(
        small(&["partners", "list"]),
        "creative-clusters\tÓbidos\tPT\tPortugal\tlead\tcity\n\
         creative-clusters\tEnguera\tES\tSpain\tpartner\t\n\
         creative-clusters\tJyväskylä\tFI\tFinland\tpartner\t\n\
         creative-clusters\tBarnsley\tGB\tUnited Kingdom\tpartner\t\n\
         port-towns\tLivorno\tIT\tItaly\tlead\t\n\
         port-towns\tGdańsk\tPL\tPoland\tpartner\t\n\
         port-towns\tPort Agency\t\t\tobserver\t\n"
    );
}

#[test]
fn country_filter_takes_codes_names_and_any_case() {
    let expected = "port-towns\tLivorno\tIT\tItaly\tlead\t\n";
    for country in ["IT", "it", "ITA", "Italy", "italy", "ITALY"] {
        assert_eq!(
            small(&["partners", "list", "--country", country]),
            expected,
            "{country}"
        );
    }
}

#[test]
fn country_aliases_uk_and_great_britain_find_barnsley() {
    for country in ["UK", "Great Britain", "United Kingdom", "gbr"] {
        let rows = small(&["partners", "list", "--country", country, "--fields", "name"]);
        assert_eq!(rows, "Barnsley\n", "{country}");
    }
}

#[test]
fn repeated_filters_mean_or_and_different_filters_mean_and() {
    let rows = small(&[
        "partners",
        "list",
        "--country",
        "PT",
        "--country",
        "PL",
        "--fields",
        "name",
    ]);
    assert_eq!(rows, "Óbidos\nGdańsk\n");
    let rows = small(&[
        "partners",
        "list",
        "--country",
        "PT",
        "--country",
        "PL",
        "--role",
        "lead",
        "--fields",
        "name",
    ]);
    assert_eq!(rows, "Óbidos\n");
}

#[test]
fn search_ignores_case_and_accents() {
    assert_eq!(
        small(&["partners", "list", "--search", "jyvaskyla", "--fields", "name"]),
        "Jyväskylä\n"
    );
    assert_eq!(
        small(&["partners", "list", "--search", "OBIDOS", "--fields", "name"]),
        "Óbidos\n"
    );
    assert_eq!(
        small(&["networks", "list", "--search", "gdansk", "--fields", "id"]),
        "port-towns\n"
    );
    assert_eq!(
        small(&["networks", "list", "--search", "small towns", "--fields", "id"]),
        "creative-clusters\n"
    );
}

#[test]
fn networks_list_derives_lead_span_and_status() {
    assert_eq!(
        small(&["networks", "list"]),
        "creative-clusters\tCreative Clusters\tURBACT II\tThematic Network\tclosed\tÓbidos\tPT\t4\t2008\t2011\n\
         port-towns\tPort Towns\tURBACT III\t\tclosed\tLivorno\tIT\t3\t2016-03\t2018-05-03\n"
    );
}

#[test]
fn network_filters_by_programme_status_and_id() {
    assert_eq!(
        small(&["networks", "list", "--programme", "urbact iii", "--fields", "id"]),
        "port-towns\n"
    );
    assert_eq!(small(&["networks", "list", "--status", "active"]), "");
    let ids = small(&[
        "networks",
        "list",
        "--network",
        "port-towns",
        "--network",
        "creative-clusters",
        "--fields",
        "id",
    ]);
    assert_eq!(ids, "creative-clusters\nport-towns\n");
}

#[test]
fn date_window_selects_overlapping_networks_and_inner_milestones() {
    assert_eq!(
        small(&["networks", "list", "--from", "2012", "--fields", "id"]),
        "port-towns\n"
    );
    assert_eq!(
        small(&["networks", "list", "--to", "2010-12", "--fields", "id"]),
        "creative-clusters\n"
    );
    assert_eq!(
        small(&["milestones", "list", "--from", "2011-06", "--to", "2016-03-31"]),
        "creative-clusters\t2011\tNetwork completed\tcompletion\n\
         creative-clusters\t2011-06-09\tFinal conference in Óbidos\tevent\n\
         port-towns\t2016-03\tKick-off in Livorno\tlaunch\n"
    );
}

#[test]
fn milestones_list_is_in_date_order_with_dates_at_their_precision() {
    assert_eq!(
        small(&[
            "milestones",
            "list",
            "--format",
            "json",
            "--network",
            "creative-clusters"
        ]),
        r#"[
  {
    "network": "creative-clusters",
    "date": "2008",
    "title": "Network launched",
    "kind": "launch",
    "first_day": "2008-01-01",
    "last_day": "2008-12-31",
    "date_precision": "year"
  },
  {
    "network": "creative-clusters",
    "date": "2011",
    "title": "Network completed",
    "kind": "completion",
    "first_day": "2011-01-01",
    "last_day": "2011-12-31",
    "date_precision": "year"
  },
  {
    "network": "creative-clusters",
    "date": "2011-06-09",
    "title": "Final conference in Óbidos",
    "kind": "event",
    "first_day": "2011-06-09",
    "last_day": "2011-06-09",
    "date_precision": "day"
  }
]
"#
    );
    assert_eq!(
        small(&[
            "milestones",
            "list",
            "--kind",
            "launch",
            "--fields",
            "network,date"
        ]),
        "creative-clusters\t2008\nport-towns\t2016-03\n"
    );
}

#[test]
fn timeline_in_a_pipe_is_milestone_rows() {
    assert_eq!(
        small(&["timeline", "show", "--network", "port-towns"]),
        "port-towns\t2016-03\tKick-off in Livorno\tlaunch\nport-towns\t2018-05-03\tClosing meeting\tcompletion\n"
    );
}

#[test]
fn stats_count_networks_and_partners_per_group() {
    assert_eq!(
        small(&["stats", "--by", "programme", "--format", "tsv"]),
        "programme\tnetworks\tpartners\nURBACT II\t1\t4\nURBACT III\t1\t3\n"
    );
    // A network counts in every year it was active (its span, spec §4).
    assert_eq!(
        small(&["stats", "--by", "year"]),
        "2008\t1\t4\n2009\t1\t4\n2010\t1\t4\n2011\t1\t4\n2016\t1\t3\n2017\t1\t3\n2018\t1\t3\n"
    );
    assert_eq!(
        small(&["stats", "--by", "year", "--from", "2010", "--to", "2016"]),
        "2010\t1\t4\n2011\t1\t4\n2016\t1\t3\n"
    );
    // One still to begin counts in its first year, not nowhere.
    let planned = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\nstatus = \"planned\"\n\
                   [[networks.milestones]]\ndate = \"2999-01\"\ntitle = \"Start\"\nkind = \"launch\"\n";
    assert_eq!(
        Test::new()
            .registry(planned)
            .args(["stats", "--by", "year"])
            .stdout(),
        "2999\t1\t0\n"
    );
    // One that runs on counts in every year of a window the lists keep it in,
    // past this year too: as `networks list --from Y --to Y` lists it.
    let running = "format = 1\n[[networks]]\nid = \"a\"\nname = \"A\"\nstatus = \"active\"\n\
                   [[networks.milestones]]\ndate = \"2020-01\"\ntitle = \"Start\"\nkind = \"launch\"\n";
    let run = |args: &[&str]| Test::new().registry(running).args(args).stdout();
    assert_eq!(
        run(&["stats", "--by", "year", "--from", "2030", "--to", "2031"]),
        "2030\t1\t0\n2031\t1\t0\n"
    );
    assert_eq!(
        run(&[
            "networks", "list", "--from", "2031", "--to", "2031", "--fields", "id"
        ]),
        "a\n"
    );
    let by_country = small(&["stats", "--fields", "country,partners"]);
    assert_eq!(by_country, "ES\t1\nFI\t1\nGB\t1\nIT\t1\nPL\t1\nPT\t1\n\t1\n");
}

#[test]
fn networks_show_json_is_the_export_shape_with_the_lead_first() {
    let json = small(&["networks", "show", "port-towns", "--format", "json"]);
    assert_eq!(
        json,
        r#"{
  "id": "port-towns",
  "name": "Port Towns",
  "programme": "URBACT III",
  "partners": [
    {
      "name": "Livorno",
      "country": "IT",
      "role": "lead"
    },
    {
      "name": "Gdańsk",
      "country": "PL",
      "role": "partner"
    },
    {
      "name": "Port Agency",
      "role": "observer"
    }
  ],
  "milestones": [
    {
      "date": "2016-03",
      "title": "Kick-off in Livorno",
      "kind": "launch"
    },
    {
      "date": "2018-05-03",
      "title": "Closing meeting",
      "kind": "completion"
    }
  ]
}
"#
    );
}

#[test]
fn networks_show_plain_has_one_fact_per_line() {
    assert_eq!(
        small(&["networks", "show", "port-towns"]),
        "id\tport-towns\nname\tPort Towns\nprogramme\tURBACT III\nstatus\tclosed\nspan\t2016-03 – 2018-05-03\n\
         partner\tLivorno\tIT\tlead\t\npartner\tGdańsk\tPL\tpartner\t\npartner\tPort Agency\t\tobserver\t\n\
         milestone\t2016-03\tKick-off in Livorno\tlaunch\nmilestone\t2018-05-03\tClosing meeting\tcompletion\n"
    );
}

#[test]
fn every_filter_flag_can_be_repeated_as_or() {
    assert_eq!(
        small(&[
            "milestones",
            "list",
            "--kind",
            "launch",
            "--kind",
            "completion",
            "--network",
            "port-towns",
            "--fields",
            "date"
        ]),
        "2016-03\n2018-05-03\n"
    );
    assert_eq!(
        small(&[
            "partners", "list", "--role", "lead", "--role", "observer", "--fields", "name"
        ]),
        "Óbidos\nLivorno\nPort Agency\n"
    );
    assert_eq!(
        small(&[
            "networks",
            "list",
            "--programme",
            "URBACT II",
            "--programme",
            "urbact iii",
            "--fields",
            "id"
        ]),
        "creative-clusters\nport-towns\n"
    );
    assert_eq!(
        small(&[
            "partners", "list", "--search", "barns", "--search", "livorno", "--fields", "name"
        ]),
        "Barnsley\nLivorno\n"
    );
}

/// A sorted column lists its empty cells last, ascending or descending:
/// the latest-ending networks are ones that have an end.
#[test]
fn empty_cells_sort_last_whichever_way() {
    for sort in ["end", "-end", "-programme"] {
        let field = sort.trim_start_matches('-');
        let out = Test::new()
            .args(["networks", "list", "--fields", field, "--sort", sort])
            .stdout();
        let values: Vec<&str> = out.lines().collect();
        let first_empty = values.iter().position(|v| v.is_empty()).unwrap_or(values.len());
        assert!(first_empty > 0, "{sort}: {values:?}");
        assert!(
            values[first_empty..].iter().all(|v| v.is_empty()),
            "{sort}: {values:?}"
        );
    }
    let latest = Test::new()
        .args([
            "networks", "list", "--fields", "end", "--sort", "-end", "--limit", "5",
        ])
        .stdout();
    assert_eq!(
        latest.lines().filter(|l| l.starts_with("2028")).count(),
        5,
        "{latest}"
    );
}

/// Roles, statuses and kinds on the command line ignore case, as countries
/// do, for a read and a write; the file gets the format's own spelling.
#[test]
fn words_on_the_command_line_ignore_case_and_are_written_as_the_format_spells_them() {
    let lower = Test::new()
        .args(["partners", "list", "--role", "lead", "--status", "closed"])
        .stdout();
    let upper = Test::new()
        .args(["partners", "list", "--role", "LEAD", "--status", "Closed"])
        .stdout();
    assert!(!lower.is_empty());
    assert_eq!(upper, lower);
    let registry = "[[networks]]\nid = \"n\"\nname = \"N\"\n";
    Test::new()
        .registry(registry)
        .args(["networks", "edit", "n", "--status", "Active"])
        .expect_file(
            "registry.toml",
            "[[networks]]\nid = \"n\"\nname = \"N\"\nstatus = \"active\"\n",
        )
        .run();
    Test::new()
        .registry(registry)
        .args(["milestones", "add", "n", "2011", "Start", "--kind", "LAUNCH"])
        .expect_file(
            "registry.toml",
            "[[networks]]\nid = \"n\"\nname = \"N\"\n\n[[networks.milestones]]\ndate = \"2011\"\ntitle = \"Start\"\nkind = \"launch\"\n",
        )
        .run();
}
