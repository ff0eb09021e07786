//! `export --format sql`: one portable script (standard DDL and INSERT, no
//! dialect's tricks) that SQLite, DuckDB and PostgreSQL each load unchanged.

use crate::error::Result;
use crate::output::Out;
use crate::registry::model::Network;
use crate::registry::places::{self, Place};

/// Rows per INSERT: short enough for any engine's statement limits.
const ROWS_PER_INSERT: usize = 200;

const SCHEMA: &str = "\
-- netreg's registry as SQL tables. Dates are the ISO date of their first day,
-- with their precision (year, month or day); a span's end also has its last day.
-- span_start and span_end are a network's span as netreg's filters take it
-- (spec section 4): its launch, else its earliest milestone, to the last day of
-- its completion; without one, a closed network ends with its latest milestone
-- and any other is still running (span_end NULL).
CREATE TABLE networks (
  id VARCHAR(1000) PRIMARY KEY,
  name VARCHAR(10000) NOT NULL,
  programme VARCHAR(1000),
  type VARCHAR(1000),
  status VARCHAR(10),
  url VARCHAR(10000),
  summary VARCHAR(1000000),
  start_date DATE,
  start_precision VARCHAR(5),
  end_date DATE,
  end_precision VARCHAR(5),
  end_last_day DATE,
  span_start DATE,
  span_end DATE,
  partners INTEGER NOT NULL
);
CREATE TABLE places (
  id VARCHAR(40000) PRIMARY KEY,
  name VARCHAR(10000) NOT NULL,
  country CHAR(2),
  geonames BIGINT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION
);
CREATE TABLE partners (
  network_id VARCHAR(1000) NOT NULL REFERENCES networks (id),
  seq INTEGER NOT NULL,
  name VARCHAR(10000) NOT NULL,
  country CHAR(2),
  role VARCHAR(10) NOT NULL,
  type VARCHAR(1000),
  place_id VARCHAR(40000) REFERENCES places (id),
  PRIMARY KEY (network_id, seq)
);
CREATE TABLE milestones (
  network_id VARCHAR(1000) NOT NULL REFERENCES networks (id),
  seq INTEGER NOT NULL,
  date DATE NOT NULL,
  date_precision VARCHAR(5) NOT NULL,
  last_day DATE NOT NULL,
  title VARCHAR(10000) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  PRIMARY KEY (network_id, seq)
);
CREATE TABLE themes (
  network_id VARCHAR(1000) NOT NULL REFERENCES networks (id),
  seq INTEGER NOT NULL,
  theme VARCHAR(10000) NOT NULL,
  PRIMARY KEY (network_id, seq)
);
CREATE TABLE sources (
  network_id VARCHAR(1000) NOT NULL REFERENCES networks (id),
  seq INTEGER NOT NULL,
  url VARCHAR(10000) NOT NULL,
  PRIMARY KEY (network_id, seq)
);
";

/// A value as an SQL literal.
enum Value<'a> {
    Text(&'a str),
    Owned(String),
    Int(i64),
    Float(f64),
    Null,
}

impl Value<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Value::Text(text) => quote(text, out),
            Value::Owned(text) => quote(text, out),
            Value::Int(n) => out.push_str(&n.to_string()),
            Value::Float(x) => out.push_str(&format!("{x:?}")),
            Value::Null => out.push_str("NULL"),
        }
    }
}

/// `'text'` with quotes doubled; NUL, which no engine keeps in text, becomes U+FFFD.
fn quote(text: &str, out: &mut String) {
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('\'');
}

fn opt(text: Option<&str>) -> Value<'_> {
    text.map_or(Value::Null, Value::Text)
}

fn day(date: chrono::NaiveDate) -> Value<'static> {
    Value::Owned(date.format("%Y-%m-%d").to_string())
}

/// Rows of one table, written as INSERTs of up to `ROWS_PER_INSERT` rows.
struct Table {
    head: String,
    rows: Vec<String>,
}

impl Table {
    fn new(name: &str, columns: &str) -> Self {
        Table {
            head: format!("INSERT INTO {name} ({columns}) VALUES\n"),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, values: &[Value]) {
        let mut row = String::from("  (");
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                row.push_str(", ");
            }
            value.write(&mut row);
        }
        row.push(')');
        self.rows.push(row);
    }

    fn write(&self, out: &mut Out<'_>) -> Result<()> {
        for chunk in self.rows.chunks(ROWS_PER_INSERT) {
            let text = format!("{}{};\n", self.head, chunk.join(",\n"));
            out.write_str(&text)?;
        }
        Ok(())
    }
}

/// The script for `networks` and the places of their partners.
pub fn write(
    out: &mut Out<'_>,
    networks: &[&Network],
    found: &[Place],
    today: chrono::NaiveDate,
) -> Result<()> {
    let mut places = Table::new("places", "id, name, country, geonames, latitude, longitude");
    for place in found {
        let id = place.id();
        let [lat, lon] = place
            .coordinates
            .map_or([None, None], |[a, b]| [Some(a), Some(b)]);
        places.push(&[
            Value::Text(&id),
            Value::Text(place.name),
            opt(place.country),
            place.geonames().map_or(Value::Null, Value::Int),
            lat.map_or(Value::Null, Value::Float),
            lon.map_or(Value::Null, Value::Float),
        ]);
    }
    let mut rows = Table::new(
        "networks",
        "id, name, programme, type, status, url, summary, start_date, start_precision, \
         end_date, end_precision, end_last_day, span_start, span_end, partners",
    );
    let mut partners = Table::new("partners", "network_id, seq, name, country, role, type, place_id");
    let mut milestones = Table::new(
        "milestones",
        "network_id, seq, date, date_precision, last_day, title, kind",
    );
    let mut themes = Table::new("themes", "network_id, seq, theme");
    let mut sources = Table::new("sources", "network_id, seq, url");
    for network in networks {
        let (start, end, span) = (network.start(), network.end(), network.span());
        rows.push(&[
            Value::Text(network.id()),
            Value::Text(&network.name),
            opt(network.programme.as_deref()),
            opt(network.kind.as_deref()),
            opt(network.status(today).map(|s| s.as_str())),
            opt(network.url.as_deref()),
            opt(network.summary.as_deref()),
            start.map_or(Value::Null, |d| day(d.first_day())),
            start.map_or(Value::Null, |d| Value::Text(d.precision())),
            end.map_or(Value::Null, |d| day(d.first_day())),
            end.map_or(Value::Null, |d| Value::Text(d.precision())),
            end.map_or(Value::Null, |d| day(d.last_day())),
            span.map_or(Value::Null, |(first, _)| day(first)),
            span.and_then(|(_, last)| last).map_or(Value::Null, day),
            Value::Int(network.partners.len() as i64),
        ]);
        for (seq, partner) in network.partners_lead_first().into_iter().enumerate() {
            partners.push(&[
                Value::Text(network.id()),
                Value::Int(seq as i64 + 1),
                Value::Text(partner.name()),
                opt(partner.country()),
                Value::Text(partner.role.as_str()),
                opt(partner.kind.as_deref()),
                Value::Owned(places::key_of(partner).id()),
            ]);
        }
        for (seq, milestone) in network.milestones_by_date().into_iter().enumerate() {
            let date = milestone.date();
            milestones.push(&[
                Value::Text(network.id()),
                Value::Int(seq as i64 + 1),
                day(date.first_day()),
                Value::Text(date.precision()),
                day(date.last_day()),
                Value::Text(&milestone.title),
                Value::Text(milestone.kind.as_str()),
            ]);
        }
        for (table, list) in [(&mut themes, &network.themes), (&mut sources, &network.sources)] {
            for (seq, entry) in list.iter().enumerate() {
                table.push(&[
                    Value::Text(network.id()),
                    Value::Int(seq as i64 + 1),
                    Value::Text(entry),
                ]);
            }
        }
    }
    let credit = format!("-- {}\n", super::GEONAMES_CREDIT);
    out.write_str(&credit)?;
    out.write_str(SCHEMA)?;
    out.write_str("BEGIN;\n")?;
    for table in [&rows, &places, &partners, &milestones, &themes, &sources] {
        table.write(out)?;
    }
    out.write_str("COMMIT;\n")
}
