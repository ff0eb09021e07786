//! `schema`: the JSON Schema of registry format 1, built from the
//! definitions `check` uses (the keys of each table, the roles, kinds and
//! statuses, the country codes, the id and date shapes). `check` still owns
//! what a schema cannot say: one lead, unique ids and names, real dates.

use serde_json::{Map, Value, json};

use super::country;
use super::model::{Kind, MILESTONE_KEYS, NETWORK_KEYS, PARTNER_KEYS, REGISTRY_KEYS, Role, Status};
use super::rules::FORMAT;

/// Where netreg puts the schema, beside a registry it creates.
pub const FILE_NAME: &str = "netreg.schema.json";

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the file writes a date (a TOML
/// local date is a string here, as taplo passes it to a schema).
const DATE: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
/// `[a-z0-9]+(-[a-z0-9]+)*`, the shape `rules::is_slug` accepts.
const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn described(mut value: Value, description: &str) -> Value {
    value["description"] = description.into();
    value
}

/// An object of exactly `keys`, each with its schema from `field`.
fn table(keys: &[&str], required: &[&str], field: impl Fn(&str) -> Value) -> Value {
    let properties: Map<String, Value> = keys.iter().map(|k| (k.to_string(), field(k))).collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn string(description: &str) -> Value {
    described(json!({"type": "string"}), description)
}

pub fn schema() -> Value {
    let countries = country::codes();
    let roles = [Role::Lead, Role::Partner, Role::Observer].map(Role::as_str);
    let kinds = [Kind::Launch, Kind::Completion, Kind::Event].map(Kind::as_str);
    let statuses = [Status::Planned, Status::Active, Status::Closed].map(Status::as_str);
    let partner = table(PARTNER_KEYS, &["name"], |key| match key {
        "name" => string("A town, city or organisation, in its native spelling"),
        "country" => described(
            json!({"type": "string", "enum": countries}),
            "ISO 3166-1 alpha-2 code; optional only because real sources omit it",
        ),
        "role" => described(
            json!({"enum": roles, "default": "partner"}),
            "Its role in the network",
        ),
        "type" => string("What it is, where not a city: agency, university, region, ..."),
        "geonames" => described(
            json!({"type": "integer", "minimum": 1}),
            "The GeoNames id of its place",
        ),
        _ => described(
            json!({
                "type": "array",
                "items": [
                    {"type": "number", "minimum": -90, "maximum": 90},
                    {"type": "number", "minimum": -180, "maximum": 180},
                ],
                "additionalItems": false,
                "minItems": 2,
                "maxItems": 2,
            }),
            "Latitude and longitude in degrees (WGS 84)",
        ),
    });
    let milestone = table(MILESTONE_KEYS, &["date", "title"], |key| match key {
        "date" => described(
            json!({"type": "string", "pattern": DATE}),
            "A date, or YYYY or YYYY-MM when only that is known",
        ),
        "title" => string("What happened"),
        _ => described(
            json!({"enum": kinds, "default": "event"}),
            "launch, completion or event",
        ),
    });
    let strings =
        |description: &str| described(json!({"type": "array", "items": {"type": "string"}}), description);
    let network = table(NETWORK_KEYS, &["id", "name"], |key| match key {
        "id" => described(
            json!({"type": "string", "pattern": SLUG}),
            "Unique slug: lower-case letters, digits and hyphens",
        ),
        "name" => string("The network's name"),
        "programme" => string("e.g. URBACT II"),
        "type" => string("e.g. Thematic Network, Action Planning Network"),
        "status" => described(
            json!({"enum": statuses}),
            "Derived from the milestones when absent",
        ),
        "themes" => strings("Short themes"),
        "url" => string("The network's own page"),
        "summary" => string("Free text, any length"),
        "sources" => strings("The pages the facts come from"),
        "partners" => json!({"type": "array", "items": {"$ref": "#/definitions/partner"}}),
        _ => json!({"type": "array", "items": {"$ref": "#/definitions/milestone"}}),
    });
    let root = table(REGISTRY_KEYS, &[], |key| match key {
        "format" => described(
            json!({"const": FORMAT}),
            "The registry format; a file without it is format 1",
        ),
        _ => json!({"type": "array", "items": {"$ref": "#/definitions/network"}}),
    });
    let mut schema = json!({
        // Draft 7, the one taplo and Even Better TOML validate with: they do
        // not know 2020-12's `prefixItems`, and refused every coordinate under it.
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": format!("https://netreg.invalid/schema/format-{FORMAT}.json"),
        "title": "netreg registry, format 1",
        "description": "A registry of cooperation networks between European towns and cities. \
            `netreg check` also enforces what a schema cannot: one lead per network, unique ids \
            and partner names, real dates.",
    });
    if let (Some(schema), Value::Object(root)) = (schema.as_object_mut(), root) {
        schema.extend(root);
    }
    schema["definitions"] = json!({"network": network, "partner": partner, "milestone": milestone});
    schema
}

/// The schema as `netreg schema` prints it and `init` writes it.
pub fn pretty() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// The line that points taplo and editors at the schema beside the file.
pub const DIRECTIVE: &str = "#:schema ./netreg.schema.json\n";
