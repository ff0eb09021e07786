//! Places across networks: `cities list` and `show`, `stats --by city` and
//! `--by network`, and the map and graph exports loaded in the tools they
//! are for (a GeoJSON parser, networkx, Graphviz).

use std::collections::BTreeSet;
use std::ffi::OsStr;

use serde_json::Value;

use crate::support::{Test, have, python};

const PLACES: &str = include_str!("fixtures/places.toml");

fn places() -> Test {
    Test::new().registry(PLACES)
}

#[test]
fn cities_list_is_one_row_per_place_whatever_its_partners_are_called() {
    let out = places().args(["cities", "list"]).stdout();
    assert_eq!(
        out,
        "Enguera\tES\tSpain\t\t1\t0\t2015\t2015\n\
         Le \"Havre\" <sur> \\ Mer\tFR\tFrance\t3003796\t1\t0\t2008\t2011\n\
         Lyon\tFR\tFrance\t\t2\t1\t2008\t2015\n\
         Naples\tIT\tItaly\t3172394\t3\t2\t2008\t2022\n\
         Óbidos\tPT\tPortugal\t2265449\t1\t0\t2019\t2022\n"
    );
    let json: Value =
        serde_json::from_str(&places().args(["cities", "list", "--format", "json"]).stdout()).expect("json");
    assert_eq!(
        json[3],
        serde_json::json!({"name": "Naples", "country": "IT", "country_name": "Italy", "geonames": 3172394,
                           "networks": 3, "leads": 2, "first": 2008, "last": 2022})
    );
    let top = places()
        .args([
            "cities",
            "list",
            "--sort",
            "-networks",
            "--limit",
            "2",
            "--fields",
            "name,networks",
        ])
        .stdout();
    assert_eq!(top, "Naples\t3\nLyon\t2\n");
    let led = places()
        .args(["cities", "list", "--role", "lead", "--fields", "name,leads"])
        .stdout();
    assert_eq!(led, "Lyon\t1\nNaples\t2\n");
    let italy = places()
        .args([
            "cities",
            "list",
            "--country",
            "Italy",
            "--programme",
            "URBACT III",
            "--format",
            "csv",
        ])
        .stdout();
    assert_eq!(
        italy,
        "name,country,country_name,geonames,networks,leads,first,last\nNaples,IT,Italy,3172394,2,1,2015,2022\n"
    );
}

#[test]
fn cities_show_finds_a_place_by_any_of_its_names_or_its_id() {
    let expected = "ports\tNapoli\tlead\t2008\t2011-06\n\
                    markets\tNaples\tpartner\t2015-09-15\t\n\
                    markets\tPort Authority of Naples\tpartner\t2015-09-15\t\n\
                    later\tNaples\tlead\t2019\t2022\n";
    for name in ["naples", "NAPOLI", "3172394", "port authority of naples"] {
        assert_eq!(
            places().args(["cities", "show", name]).stdout(),
            expected,
            "{name}"
        );
    }
    let json: Value = serde_json::from_str(
        &places()
            .args(["cities", "show", "Naples", "--format", "json"])
            .stdout(),
    )
    .expect("json");
    assert_eq!(json["geonames"], 3172394);
    assert_eq!(json["coordinates"], serde_json::json!([40.85216, 14.26811]));
    assert_eq!(json["leads"], 2);
    let peers: Vec<(&str, usize)> = json["shares_most_with"]
        .as_array()
        .expect("peers")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or(""),
                p["networks"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(
        peers,
        [
            ("Lyon", 2),
            ("Enguera", 1),
            ("Le \"Havre\" <sur> \\ Mer", 1),
            ("Óbidos", 1)
        ]
    );
}

#[test]
fn cities_show_says_which_place_was_meant() {
    let out = places().args(["cities", "show", "napels"]).run();
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: no place called `napels`\nhint: did you mean `Naples`? `netreg cities list` lists every place\n"
    );
    let out = places().args(["cities", "show", "lyon", "--format", "csv"]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("error: `cities show` does not print csv"),
        "{}",
        out.stderr
    );
}

#[test]
fn stats_by_city_and_by_network() {
    assert_eq!(
        places().args(["stats", "--by", "city"]).stdout(),
        "Naples\tIT\t3\t2\t4\nLyon\tFR\t2\t1\t3\nEnguera\tES\t1\t0\t2\n\
         Le \"Havre\" <sur> \\ Mer\tFR\t1\t0\t2\nÓbidos\tPT\t1\t0\t1\n"
    );
    // Newcomers: places whose first network this is (Naples and Lyon first
    // came with `ports`, Óbidos with `later`).
    assert_eq!(
        places()
            .args(["stats", "--by", "network", "--format", "csv"])
            .stdout(),
        "network,countries,partners,places,newcomers,newcomers_pct\nports,2,3,3,3,100\nmarkets,3,4,3,1,33\nlater,2,2,2,1,50\n"
    );
    // A network without a launch began with its earliest milestone (its
    // span, spec §4), as every filter takes it: `old` brought Naples first.
    let registry = "format = 1\n\
        [[networks]]\nid = \"new\"\nname = \"New\"\n\
        [[networks.partners]]\nname = \"Naples\"\ncountry = \"IT\"\nrole = \"lead\"\n\
        [[networks.partners]]\nname = \"Lyon\"\ncountry = \"FR\"\n\
        [[networks.milestones]]\ndate = \"2006\"\ntitle = \"Launch\"\nkind = \"launch\"\n\
        [[networks]]\nid = \"old\"\nname = \"Old\"\n\
        [[networks.partners]]\nname = \"Naples\"\ncountry = \"IT\"\nrole = \"lead\"\n\
        [[networks.milestones]]\ndate = \"2005\"\ntitle = \"First meeting\"\n";
    assert_eq!(
        Test::new()
            .registry(registry)
            .args(["stats", "--by", "network", "--fields", "network,newcomers"])
            .stdout(),
        "new\t1\nold\t1\n"
    );
}

#[test]
fn the_map_is_geojson_with_longitude_first_and_the_unplaced_counted() {
    let test = places();
    let file = test.path("map.geojson");
    let out = test
        .args(["export", "--format", "geojson", "--output"])
        .args([&file])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "note: 2 places without coordinates left off the map\nexported 3 places to {}\n",
            file.display()
        )
    );
    let map: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("map")).expect("json");
    assert_eq!(
        map["attribution"],
        "Place data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0."
    );
    let naples = &map["features"][0];
    assert_eq!(
        naples["geometry"]["coordinates"],
        serde_json::json!([14.26811, 40.85216])
    );
    assert_eq!(naples["properties"]["networks"], "ports, markets, later");
    if !have("python3", &["-c", "import geojson"]) {
        return;
    }
    let checked = python(
        "import geojson,sys\n\
         m=geojson.load(open(sys.argv[1]))\n\
         assert m.is_valid, m.errors()\n\
         assert all(-180<=f.geometry.coordinates[0]<=180 and -90<=f.geometry.coordinates[1]<=90 for f in m.features)\n\
         print(m.type, len(m.features))",
        &[file.as_os_str()],
    );
    assert_eq!(checked, "FeatureCollection 3\n");
}

#[test]
fn the_built_in_map_parses_and_every_point_is_on_the_globe() {
    if !have("python3", &["-c", "import geojson"]) {
        return;
    }
    let test = Test::new();
    let file = test.path("map.geojson");
    let out = test
        .args(["export", "--format", "geojson", "-o"])
        .args([&file])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let placed: usize = Test::new()
        .args(["cities", "list", "--fields", "geonames"])
        .stdout()
        .lines()
        .filter(|l| !l.is_empty())
        .count();
    let checked = python(
        "import geojson,sys\n\
         m=geojson.load(open(sys.argv[1]))\n\
         assert m.is_valid, m.errors()\n\
         bad=[f.properties['name'] for f in m.features if not (-180<=f.geometry.coordinates[0]<=180 and -90<=f.geometry.coordinates[1]<=90)]\n\
         assert not bad, bad\n\
         print(len(m.features))",
        &[file.as_os_str()],
    );
    assert_eq!(
        checked.trim(),
        placed.to_string(),
        "a feature per place with a GeoNames id"
    );
}

/// networkx reads the graph back: (nodes, edges, and the attributes of the
/// edge between Naples and Lyon, or of Naples's edge to `markets`).
fn networkx(file: &std::path::Path, reader: &str, a: &str, b: &str) -> String {
    python(
        &format!(
            "import networkx as nx,sys\n\
             g=nx.{reader}(sys.argv[1])\n\
             e=g.edges[sys.argv[2],sys.argv[3]]\n\
             print(g.number_of_nodes(), g.number_of_edges(), g.nodes[sys.argv[2]]['label'], float(e['weight']), e.get('shared', e.get('role')))"
        ),
        &[file.as_os_str(), OsStr::new(a), OsStr::new(b)],
    )
}

#[test]
fn graphml_and_gexf_load_in_networkx() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (format, reader) in [("graphml", "read_graphml"), ("gexf", "read_gexf")] {
        let cities = dir.path().join(format!("cities.{format}"));
        let bipartite = dir.path().join(format!("bipartite.{format}"));
        let test = places()
            .args(["export", "--format", format, "-o"])
            .args([&cities]);
        assert_eq!(test.run().code, 0);
        let test = places()
            .args(["export", "--format", format, "--graph", "bipartite", "-o"])
            .args([&bipartite]);
        assert_eq!(test.run().code, 0);
        assert_eq!(
            networkx(&cities, reader, "geonames:3172394", "name:lyon:fr"),
            "5 6 Naples 2.0 ports, markets\n",
            "{format}"
        );
        // Naples is in `markets` twice (the city and its port authority): one edge, weight 2.
        assert_eq!(
            networkx(&bipartite, reader, "geonames:3172394", "network:markets"),
            "8 8 Naples 2.0 partner\n",
            "{format}"
        );
    }
}

#[test]
fn the_built_in_graph_loads_in_networkx_with_a_node_per_place() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let places: usize = Test::new().args(["cities", "list"]).stdout().lines().count();
    let networks: usize = Test::new().args(["networks", "list"]).stdout().lines().count();
    for (format, reader) in [("graphml", "read_graphml"), ("gexf", "read_gexf")] {
        for (graph, nodes) in [("cities", places), ("bipartite", places + networks)] {
            let test = Test::new();
            let file = test.path("graph");
            let out = test
                .args(["export", "--format", format, "--graph", graph, "-o"])
                .args([&file])
                .run();
            assert_eq!(out.code, 0, "{}", out.stderr);
            let counted = python(
                &format!(
                    "import networkx as nx,sys\ng=nx.{reader}(sys.argv[1])\n\
                     assert all(float(d['weight'])>=1 for _,_,d in g.edges(data=True))\n\
                     print(g.number_of_nodes(), g.number_of_edges()>0)"
                ),
                &[file.as_os_str()],
            );
            assert_eq!(counted, format!("{nodes} True\n"), "{format} {graph}");
        }
    }
}

#[test]
fn dot_renders_in_graphviz() {
    if !have("dot", &["-V"]) {
        return;
    }
    for (registry, args) in [
        (Some(PLACES), vec!["export", "--format", "dot"]),
        (
            Some(PLACES),
            vec!["export", "--format", "dot", "--graph", "bipartite"],
        ),
        (None, vec!["export", "--format", "dot", "--country", "Italy"]),
    ] {
        let test = match registry {
            Some(text) => Test::new().registry(text),
            None => Test::new(),
        };
        let file = test.path("graph.dot");
        let out = test
            .args(args.clone())
            .args(["-o".as_ref(), file.as_os_str()])
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let svg = std::process::Command::new("dot")
            .args(["-Tsvg".as_ref(), file.as_os_str()])
            .output()
            .expect("dot");
        let text = String::from_utf8_lossy(&svg.stdout);
        assert!(
            svg.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&svg.stderr)
        );
        assert!(text.contains("<svg") && text.contains("Naples"), "{args:?}");
        if registry.is_some() && !args.contains(&"bipartite") {
            assert!(text.contains("Le &quot;Havre&quot; &lt;sur&gt; \\ Mer"), "{text}");
        }
    }
}

#[test]
fn naples_shows_every_network_of_naples_in_the_built_in_registry() {
    let shown: Value = serde_json::from_str(
        &Test::new()
            .args(["cities", "show", "naples", "--format", "json"])
            .stdout(),
    )
    .expect("json");
    let shown: BTreeSet<&str> = shown["networks"]
        .as_array()
        .expect("networks")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    // Every network with a partner at Naples's GeoNames place or called
    // Naples or Napoli, from the whole export.
    let export: Value = serde_json::from_str(&Test::new().args(["export"]).stdout()).expect("json");
    let expected: BTreeSet<&str> = export["networks"]
        .as_array()
        .expect("networks")
        .iter()
        .filter(|n| {
            n["partners"].as_array().is_some_and(|ps| {
                ps.iter().any(|p| {
                    p["geonames"] == 3172394 || matches!(p["name"].as_str(), Some("Naples" | "Napoli"))
                })
            })
        })
        .filter_map(|n| n["id"].as_str())
        .collect();
    assert_eq!(shown, expected);
    assert!(expected.len() >= 10, "{expected:?}");
    for id in ["sudest", "ctur", "hero", "2nd-chance", "civic-estate", "useact"] {
        assert!(shown.contains(id), "{id}");
    }
}

#[test]
fn graph_and_map_formats_are_refused_where_they_mean_nothing() {
    let out = places().args(["partners", "list", "--format", "dot"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `--format dot` is only for `export`"),
        "{}",
        out.stderr
    );
    let out = places().args(["check", "--format", "dot"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("error: `check` does not print dot"),
        "{}",
        out.stderr
    );
    let out = places()
        .args(["export", "--format", "geojson", "--entity", "partners"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `--format geojson` exports whole networks"),
        "{}",
        out.stderr
    );
    let out = places()
        .args(["export", "--format", "csv", "--graph", "cities"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `--graph` is for graphml, gexf and dot"),
        "{}",
        out.stderr
    );
}

/// `--search` chooses places, each with all its memberships: Budapest found
/// by its name keeps the networks its districts were in, in `cities list`
/// and `stats --by city` alike (24, as the unfiltered list has it).
#[test]
fn a_place_found_by_search_keeps_every_membership() {
    let row = |args: &[&str]| -> String {
        let out = Test::new().args(args).stdout();
        out.lines()
            .find(|line| line.starts_with("Budapest\t"))
            .unwrap_or_else(|| panic!("{args:?}: {out}"))
            .to_string()
    };
    let all = row(&["cities", "list", "--fields", "name,networks,leads"]);
    for search in ["budapest", "csepel"] {
        let list = [
            "cities",
            "list",
            "--fields",
            "name,networks,leads",
            "--search",
            search,
        ];
        assert_eq!(row(&list), all, "{search}");
    }
    let networks = all.split('\t').nth(1).unwrap_or_default().to_string();
    let stats = row(&["stats", "--by", "city", "--search", "Budapest"]);
    assert_eq!(stats.split('\t').nth(2), Some(networks.as_str()), "{stats}");
}

/// Every node id of the GraphML export is an XML name token, as GraphML's
/// schema wants (letters, digits, `.`, `-`, `_`, `:`), places without a
/// GeoNames id too.
#[test]
fn graphml_node_ids_are_name_tokens() {
    for graph in ["cities", "bipartite"] {
        let xml = Test::new()
            .args(["export", "--format", "graphml", "--graph", graph])
            .stdout();
        let ids: Vec<&str> = xml
            .split("<node id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(ids.len() > 700, "{graph}: {}", ids.len());
        let bad: Vec<&&str> = ids
            .iter()
            .filter(|id| {
                !id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-_:".contains(c))
            })
            .collect();
        assert!(bad.is_empty(), "{graph}: {bad:?}");
    }
}

/// The full DOT export as Graphviz's own tools take it (issue 24): `sfdp`
/// lays it out, `neato -n` draws it as a map (every node has a `pos`), each
/// within 30 s (it took minutes when the DOT asked for spline routing).
#[test]
fn sfdp_and_neato_n_draw_the_whole_registry() {
    if !have("sfdp", &["-V"]) || !have("timeout", &["--version"]) {
        return;
    }
    for graph in ["cities", "bipartite"] {
        let test = Test::new();
        let file = test.path("graph.dot");
        let out = test
            .args(["export", "--format", "dot", "--graph", graph, "-o"])
            .args([&file])
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let dot = std::fs::read_to_string(&file).expect("dot");
        let nodes = dot
            .lines()
            .filter(|l| l.starts_with("  \"") && !l.contains(" -- "))
            .count();
        let placed = dot
            .lines()
            .filter(|l| l.starts_with("  \"") && l.contains(", pos=\""))
            .count();
        assert_eq!((placed, nodes > 500), (nodes, true), "{graph}: every node placed");
        for layout in [&["sfdp"][..], &["neato", "-n"]] {
            let drawn = std::process::Command::new("timeout")
                .arg("30")
                .args(layout)
                .args(["-Tsvg"])
                .arg(&file)
                .output()
                .expect("graphviz");
            assert!(
                drawn.status.success(),
                "{graph} {layout:?} ({:?}): {}",
                drawn.status.code(),
                String::from_utf8_lossy(&drawn.stderr)
            );
            let svg = String::from_utf8_lossy(&drawn.stdout);
            assert_eq!(svg.matches("class=\"node\"").count(), nodes, "{graph} {layout:?}");
        }
    }
}
