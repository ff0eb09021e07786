//! The map and the graphs `export` writes: GeoJSON of places, and the
//! co-membership graph as GraphML, GEXF or DOT.

use std::collections::BTreeMap;

use crate::cli::{Format, Graph};
use crate::error::Result;
use crate::output::Out;
use crate::registry::model::{Network, Role};
use crate::registry::places::{self, Place};

/// A GeoJSON FeatureCollection: one Point per place with coordinates
/// (longitude first, as GeoJSON wants); returns how many places had none.
pub fn geojson(out: &mut Out<'_>, found: &[Place]) -> Result<usize> {
    let mut features = Vec::new();
    let mut unplaced = 0;
    for place in found {
        let Some([lat, lon]) = place.coordinates else {
            unplaced += 1;
            continue;
        };
        let (first, last) = place.years();
        let networks = place.networks();
        features.push(serde_json::json!({
            "type": "Feature",
            "id": place.id(),
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "name": place.name,
                "country": place.country,
                "geonames": place.geonames(),
                "networks": networks.join(", "),
                "network_count": networks.len(),
                "leads": place.leads(),
                "first": first,
                "last": last,
            },
        }));
    }
    // A foreign member (RFC 7946 §6.1): the coordinates' credit travels with them.
    let collection = serde_json::json!({
        "type": "FeatureCollection",
        "attribution": super::GEONAMES_CREDIT,
        "features": features,
    });
    out.json_pretty(&collection)?;
    writeln!(out)?;
    Ok(unplaced)
}

/// A node of either graph.
struct Node {
    id: String,
    label: String,
    kind: &'static str,
    country: Option<String>,
    geonames: Option<i64>,
    coordinates: Option<[f64; 2]>,
    programme: Option<String>,
    networks: usize,
}

/// An edge: its ends (indices into the nodes), weight, and the networks or
/// role it stands for.
struct Edge {
    source: usize,
    target: usize,
    weight: usize,
    networks: Option<String>,
    role: Option<&'static str>,
}

/// The attributes GraphML and GEXF give a node besides its label, with
/// their types in GEXF (GraphML's keys say theirs).
const NODE_ATTRIBUTES: [(&str, &str); 7] = [
    ("kind", "string"),
    ("country", "string"),
    ("geonames", "long"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("programme", "string"),
    ("networks", "integer"),
];

impl Node {
    /// The node's value of each of `NODE_ATTRIBUTES`, if it has one.
    fn attributes(&self) -> [Option<String>; 7] {
        let coordinate = |i: usize| self.coordinates.map(|c| c[i].to_string());
        [
            Some(self.kind.to_string()),
            self.country.clone(),
            self.geonames.map(|id| id.to_string()),
            coordinate(0),
            coordinate(1),
            self.programme.clone(),
            (self.kind == "place").then(|| self.networks.to_string()),
        ]
    }
}

fn place_node(place: &Place) -> Node {
    Node {
        id: place.id(),
        label: place.name.to_string(),
        kind: "place",
        country: place.country.map(str::to_string),
        geonames: place.geonames(),
        coordinates: place.coordinates,
        programme: None,
        networks: place.network_count(),
    }
}

fn build(found: &[Place], networks: &[&Network], graph: Graph) -> (Vec<Node>, Vec<Edge>) {
    let mut nodes: Vec<Node> = found.iter().map(place_node).collect();
    let mut edges = Vec::new();
    match graph {
        Graph::Cities => {
            for ((a, b), shared) in places::shared(found) {
                edges.push(Edge {
                    source: a,
                    target: b,
                    weight: shared.len(),
                    networks: Some(shared.join(", ")),
                    role: None,
                });
            }
        }
        Graph::Bipartite => {
            let mut index = BTreeMap::new();
            for network in networks {
                index.insert(network.id(), nodes.len());
                nodes.push(Node {
                    id: format!("network:{}", network.id()),
                    label: network.name.to_string(),
                    kind: "network",
                    country: None,
                    geonames: None,
                    coordinates: None,
                    programme: network.programme.as_deref().map(str::to_string),
                    networks: 1,
                });
            }
            // One edge per network and place, with the place's strongest role
            // there: roles order as lead, partner, observer.
            let mut joined: BTreeMap<(usize, usize), (usize, Role)> = BTreeMap::new();
            for (at, place) in found.iter().enumerate() {
                for (network, partner) in &place.members {
                    let Some(&n) = index.get(network.id()) else {
                        continue;
                    };
                    let entry = joined.entry((n, at)).or_insert((0, partner.role));
                    entry.0 += 1;
                    entry.1 = entry.1.min(partner.role);
                }
            }
            for ((n, at), (weight, role)) in joined {
                edges.push(Edge {
                    source: n,
                    target: at,
                    weight,
                    networks: None,
                    role: Some(role.as_str()),
                });
            }
        }
    }
    (nodes, edges)
}

/// Writes the graph of `found` (and, bipartite, of `networks`) in `format`.
pub fn write(
    out: &mut Out<'_>,
    format: Format,
    graph: Graph,
    found: &[Place],
    networks: &[&Network],
) -> Result<()> {
    let (nodes, edges) = build(found, networks, graph);
    let name = match graph {
        Graph::Cities => "cities",
        Graph::Bipartite => "bipartite",
    };
    let text = match format {
        Format::Graphml => graphml(name, &nodes, &edges),
        Format::Gexf => gexf(name, &nodes, &edges),
        _ => dot(name, &nodes, &edges),
    };
    out.write_str(&text)
}

/// Text as XML 1.0 can hold it: markup escaped, and the control characters
/// it cannot hold at all replaced.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn graphml(name: &str, nodes: &[Node], edges: &[Edge]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    // GraphML puts a description before the keys.
    s.push_str(&format!("  <desc>{}</desc>\n", xml(super::GEONAMES_CREDIT)));
    for (id, domain, kind) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("country", "node", "string"),
        ("geonames", "node", "long"),
        ("latitude", "node", "double"),
        ("longitude", "node", "double"),
        ("programme", "node", "string"),
        ("networks", "node", "int"),
        ("weight", "edge", "double"),
        ("shared", "edge", "string"),
        ("role", "edge", "string"),
    ] {
        s.push_str(&format!(
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>\n"
        ));
    }
    s.push_str(&format!("  <graph id=\"{name}\" edgedefault=\"undirected\">\n"));
    let data = |s: &mut String, key: &str, value: String| {
        s.push_str(&format!("      <data key=\"{key}\">{}</data>\n", xml(&value)));
    };
    for node in nodes {
        s.push_str(&format!("    <node id=\"{}\">\n", xml(&node.id)));
        data(&mut s, "label", node.label.clone());
        for ((key, _), value) in NODE_ATTRIBUTES.iter().zip(node.attributes()) {
            if let Some(value) = value {
                data(&mut s, key, value);
            }
        }
        s.push_str("    </node>\n");
    }
    for edge in edges {
        s.push_str(&format!(
            "    <edge source=\"{}\" target=\"{}\">\n",
            xml(&nodes[edge.source].id),
            xml(&nodes[edge.target].id)
        ));
        data(&mut s, "weight", edge.weight.to_string());
        if let Some(networks) = &edge.networks {
            data(&mut s, "shared", networks.clone());
        }
        if let Some(role) = edge.role {
            data(&mut s, "role", role.to_string());
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

fn gexf(name: &str, nodes: &[Node], edges: &[Edge]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n\
         \x20 <meta>\n    <creator>netreg {}</creator>\n    <description>{name}: {}. {}</description>\n  </meta>\n\
         \x20 <graph mode=\"static\" defaultedgetype=\"undirected\">\n",
        env!("CARGO_PKG_VERSION"),
        match name {
            "cities" => "places joined by the networks they share",
            _ => "networks and the places that took part in them",
        },
        xml(super::GEONAMES_CREDIT)
    );
    s.push_str("    <attributes class=\"node\">\n");
    for (i, (title, kind)) in NODE_ATTRIBUTES.iter().enumerate() {
        s.push_str(&format!(
            "      <attribute id=\"{i}\" title=\"{title}\" type=\"{kind}\"/>\n"
        ));
    }
    s.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    s.push_str("      <attribute id=\"0\" title=\"shared\" type=\"string\"/>\n");
    s.push_str("      <attribute id=\"1\" title=\"role\" type=\"string\"/>\n");
    s.push_str("    </attributes>\n    <nodes>\n");
    // The attributes a node or an edge has a value for, by their ids.
    let attvalues = |s: &mut String, values: &[Option<String>]| {
        for (i, value) in values.iter().enumerate() {
            if let Some(value) = value {
                s.push_str(&format!(
                    "          <attvalue for=\"{i}\" value=\"{}\"/>\n",
                    xml(value)
                ));
            }
        }
    };
    for node in nodes {
        s.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
            xml(&node.id),
            xml(&node.label)
        ));
        attvalues(&mut s, &node.attributes());
        s.push_str("        </attvalues>\n      </node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, edge) in edges.iter().enumerate() {
        s.push_str(&format!(
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n        <attvalues>\n",
            xml(&nodes[edge.source].id),
            xml(&nodes[edge.target].id),
            edge.weight
        ));
        attvalues(&mut s, &[edge.networks.clone(), edge.role.map(String::from)]);
        s.push_str("        </attvalues>\n      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

/// A DOT double-quoted string's contents.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a node without coordinates of its own is drawn on the map: amid
/// the placed nodes it is joined to (a network amid its places), else amid
/// its country's, else amid all.
fn estimated_places(nodes: &[Node], edges: &[Edge]) -> Vec<Option<[f64; 2]>> {
    let mean = |points: &mut dyn Iterator<Item = [f64; 2]>| {
        let (mut sum, mut n) = ([0.0, 0.0], 0.0);
        for [lat, lon] in points {
            sum = [sum[0] + lat, sum[1] + lon];
            n += 1.0;
        }
        (n > 0.0).then(|| [sum[0] / n, sum[1] / n])
    };
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for edge in edges {
        neighbours[edge.source].push(edge.target);
        neighbours[edge.target].push(edge.source);
    }
    let everywhere = mean(&mut nodes.iter().filter_map(|n| n.coordinates));
    nodes
        .iter()
        .zip(&neighbours)
        .map(|(node, next)| {
            if node.coordinates.is_some() {
                return None;
            }
            mean(&mut next.iter().filter_map(|&i| nodes[i].coordinates))
                .or_else(|| {
                    mean(
                        &mut nodes
                            .iter()
                            .filter(|n| n.country.is_some() && n.country == node.country)
                            .filter_map(|n| n.coordinates),
                    )
                })
                .or(everywhere)
        })
        .collect()
}

/// DOT for Graphviz: `sfdp` lays it out in a second (no overlap removal
/// nor spline routing asked for: those took minutes on the built-in
/// registry), and every node has a `pos`, so `neato -n` draws it as a map.
fn dot(name: &str, nodes: &[Node], edges: &[Edge]) -> String {
    let mut s = format!("// {}\ngraph {} {{\n", super::GEONAMES_CREDIT, quoted(name));
    s.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    let estimated = estimated_places(nodes, edges);
    for (node, estimate) in nodes.iter().zip(&estimated) {
        let mut attributes = vec![format!("label={}", quoted(&node.label))];
        if node.kind == "network" {
            attributes.push("shape=box".to_string());
        }
        if let Some(country) = &node.country {
            attributes.push(format!("country={}", quoted(country)));
        }
        if let Some(id) = node.geonames {
            attributes.push(format!("geonames={id}"));
        }
        // Longitude and latitude as a position in points for `neato -n`: an
        // equirectangular map, its longitudes narrowed as they are near 50°N.
        if let Some([lat, lon]) = node.coordinates.or(*estimate) {
            attributes.push(format!("pos=\"{:.1},{:.1}\"", lon * 23.0, lat * 36.0));
        }
        if node.coordinates.is_none() {
            attributes.push("estimated=true, style=dashed".to_string());
        }
        s.push_str(&format!("  {} [{}];\n", quoted(&node.id), attributes.join(", ")));
    }
    for edge in edges {
        let mut attributes = vec![format!("weight={}", edge.weight)];
        if let Some(networks) = &edge.networks {
            attributes.push(format!("networks={}", quoted(networks)));
            attributes.push(format!("penwidth={}", edge.weight.min(8)));
        }
        if let Some(role) = edge.role {
            attributes.push(format!("role={}", quoted(role)));
            if role == "lead" {
                attributes.push("style=bold".to_string());
            }
        }
        s.push_str(&format!(
            "  {} -- {} [{}];\n",
            quoted(&nodes[edge.source].id),
            quoted(&nodes[edge.target].id),
            attributes.join(", ")
        ));
    }
    s.push_str("}\n");
    s
}
