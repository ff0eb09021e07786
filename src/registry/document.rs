//! Edits to the registry's text through a toml_edit document, so comments,
//! key order, alignment and blank lines survive everywhere but the lines
//! that change.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::date::PartialDate;
use super::model::Registry;
use super::newlines;
use super::regions::{Regions, Spliced};

/// A new or changed value for one key; `None` removes the key.
pub type Change = Option<Value>;

/// The registry file as an editable document: the whole file parsed, or for
/// a registry already checked, only the networks an edit touches.
pub struct Document<'t> {
    mode: Mode<'t>,
}

enum Mode<'t> {
    /// The whole text parsed; the bool: whether its lines end in CRLF.
    Whole(DocumentMut, bool),
    Regions(Regions<'t>),
}

impl<'t> Document<'t> {
    /// Parses the whole text (which the registry rules have accepted).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut doc: DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| e.message().to_string())?;
        if doc.get("networks").is_some_and(|n| !n.is_array_of_tables()) {
            return Err("netreg edits registries whose networks are `[[networks]]` tables".into());
        }
        // An empty registry gets `format = 1` before its first network, under
        // the comments the file holds.
        if doc.get("format").is_none() && doc.get("networks").is_none() {
            let comments = take_trailing(&mut doc);
            doc.insert("format", toml_edit::value(1));
            if let (Some(comments), Some(mut key)) = (comments, doc.key_mut("format")) {
                key.leaf_decor_mut().set_prefix(comments);
            }
        }
        Ok(Self {
            mode: Mode::Whole(doc, newlines::crlf(text)),
        })
    }

    /// Parses only the networks an edit asks for, each from its own stretch
    /// of `text`, which `registry` was read from. Falls back to the whole
    /// text where a stretch cannot stand on its own.
    pub fn regions(text: &'t str, registry: &Registry) -> Result<Self, String> {
        if registry.networks.is_empty() {
            return Self::parse(text);
        }
        match Regions::new(text, registry) {
            Some(regions) => Ok(Self {
                mode: Mode::Regions(regions),
            }),
            None => Self::parse(text),
        }
    }

    /// The text with every edit in it; for a region edit, in stretches that
    /// tell each network's apart.
    pub fn render(&self) -> Spliced<'t> {
        match &self.mode {
            Mode::Whole(doc, crlf) => Spliced::whole(newlines::matching(doc.to_string(), *crlf)),
            Mode::Regions(regions) => regions.splice(),
        }
    }

    /// The `[[networks]]` of the whole document, parsing it now if only
    /// regions were parsed so far.
    fn whole_networks(&mut self) -> &mut ArrayOfTables {
        if let Mode::Regions(regions) = &self.mode {
            // The spliced text is the checked registry with valid TOML tables spliced in.
            let text = regions.splice().text();
            let doc = text.parse().expect("spliced registry text parses");
            self.mode = Mode::Whole(doc, newlines::crlf(&text));
        }
        let Mode::Whole(doc, _) = &mut self.mode else {
            unreachable!("made whole above")
        };
        let item = doc
            .entry("networks")
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
        item.as_array_of_tables_mut().expect("checked in Document::parse")
    }

    /// The network at `index` (file order, as in the typed registry).
    pub fn network(&mut self, index: usize) -> &mut Table {
        let whole_index = match &mut self.mode {
            Mode::Regions(regions) => match regions.network(index) {
                Some(_) => None,
                None => Some(regions.index_after_removals(index)),
            },
            Mode::Whole(..) => Some(index),
        };
        if let Some(whole_index) = whole_index {
            return self
                .whole_networks()
                .get_mut(whole_index)
                .expect("network indices come from the typed registry");
        }
        match &mut self.mode {
            Mode::Regions(regions) => regions.network(index).expect("parsed just above"),
            Mode::Whole(..) => unreachable!("regions stay regions until whole_networks"),
        }
    }

    pub fn push_network(&mut self, mut table: Table) {
        match &mut self.mode {
            Mode::Regions(regions) => regions.push(table),
            Mode::Whole(doc, _) => {
                // The first network goes under the comments that end the file
                // (toml_edit would put it above them).
                if doc.get("networks").is_none()
                    && let Some(comments) = take_trailing(doc)
                {
                    table.decor_mut().set_prefix(comments);
                }
                self.whole_networks().push(table);
            }
        }
    }

    /// Replaces a network, keeping the comments above it.
    pub fn replace_network(&mut self, index: usize, table: Table) {
        let old = self.network(index);
        let mut table = table;
        *table.decor_mut() = old.decor().clone();
        *old = table;
    }

    pub fn remove_network(&mut self, index: usize) {
        match &mut self.mode {
            Mode::Regions(regions) => regions.remove(index),
            Mode::Whole(..) => {
                self.whole_networks().remove(index);
            }
        }
    }

    /// Adds a partner after the network's last partner.
    pub fn push_partner(&mut self, network: usize, table: Table) {
        children(self.network(network), "partners").push(table);
    }

    pub fn partner(&mut self, network: usize, index: usize) -> &mut Table {
        children(self.network(network), "partners")
            .get_mut(index)
            .expect("partner indices come from the typed registry")
    }

    pub fn remove_partner(&mut self, network: usize, index: usize) {
        remove_child(self.network(network), "partners", index);
    }

    /// Adds a milestone at `index` among the network's milestones.
    pub fn insert_milestone(&mut self, network: usize, index: usize, table: Table) {
        children(self.network(network), "milestones").insert(index, table);
    }

    pub fn milestone(&mut self, network: usize, index: usize) -> &mut Table {
        children(self.network(network), "milestones")
            .get_mut(index)
            .expect("milestone indices come from the typed registry")
    }

    pub fn remove_milestone(&mut self, network: usize, index: usize) {
        remove_child(self.network(network), "milestones", index);
    }
}

impl std::fmt::Display for Document<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render().text())
    }
}

fn children<'t>(table: &'t mut Table, key: &str) -> &'t mut ArrayOfTables {
    let item = table
        .entry(key)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    if !item.is_array_of_tables() {
        *item = Item::ArrayOfTables(ArrayOfTables::new());
    }
    item.as_array_of_tables_mut()
        .expect("made an array of tables above")
}

fn remove_child(table: &mut Table, key: &str, index: usize) {
    let list = children(table, key);
    list.remove(index);
    if list.is_empty() {
        table.remove(key);
    }
}

/// Sets or removes `key`, keeping the old value's surrounding spaces and
/// trailing comment.
pub fn set(table: &mut Table, key: &str, change: Change) {
    match change {
        None => {
            table.remove(key);
        }
        Some(mut value) => match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        },
    }
}

pub fn string(text: &str) -> Value {
    Value::from(text)
}

pub fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(items.into_iter().collect::<Array>())
}

/// A date as TOML writes it: a bare local date for a day, a string otherwise.
pub fn date(date: PartialDate) -> Value {
    match (date.month, date.day) {
        (Some(month), Some(day)) => Value::from(toml_edit::Datetime {
            date: Some(toml_edit::Date {
                year: date.year as u16,
                month: month as u8,
                day: day as u8,
            }),
            time: None,
            offset: None,
        }),
        _ => Value::from(date.to_string()),
    }
}

/// A table whose keys come in the order given, skipping unset ones.
pub fn table(entries: impl IntoIterator<Item = (&'static str, Change)>) -> Table {
    let mut table = Table::new();
    for (key, value) in entries {
        if let Some(value) = value {
            table.insert(key, Item::Value(value));
        }
    }
    table
}

/// Puts `child` under `key` of `table` as an array of tables.
pub fn set_children(table: &mut Table, key: &str, list: Vec<Table>) {
    if list.is_empty() {
        return;
    }
    let mut array = ArrayOfTables::new();
    for child in list {
        array.push(child);
    }
    table.insert(key, Item::ArrayOfTables(array));
}

/// The comments and blank lines after the document's last item, taken out
/// of it; `None` when there are no comments.
fn take_trailing(doc: &mut DocumentMut) -> Option<String> {
    let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
    if !trailing.lines().any(|line| line.trim_start().starts_with('#')) {
        return None;
    }
    doc.set_trailing("");
    // What follows goes on a line of its own, even after a last comment
    // without a line break (render makes the break CRLF where it should be).
    Some(if trailing.ends_with('\n') {
        trailing
    } else {
        trailing + "\n"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# my registry\nformat = 1\n\n[[networks]]\nid   = \"a\"      # aligned\nname = \"A\"\n\n[[networks.partners]]\nname = \"X\"   # first\ncountry = \"IT\"\n\n# the milestones\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n";

    #[test]
    fn adding_a_partner_keeps_every_other_line() {
        let mut doc = Document::parse(TEXT).unwrap_or_else(|e| panic!("{e}"));
        doc.push_partner(
            0,
            table([("name", Some(string("Y"))), ("country", Some(string("FR")))]),
        );
        assert_eq!(
            doc.to_string(),
            "# my registry\nformat = 1\n\n[[networks]]\nid   = \"a\"      # aligned\nname = \"A\"\n\n[[networks.partners]]\nname = \"X\"   # first\ncountry = \"IT\"\n\n[[networks.partners]]\nname = \"Y\"\ncountry = \"FR\"\n\n# the milestones\n[[networks.milestones]]\ndate = 2011-06-09\ntitle = \"t\"\n"
        );
    }

    /// Every edit gives the same text whether the whole file or only the
    /// touched network's stretch of it was parsed.
    #[test]
    fn region_edits_match_whole_document_edits() {
        let text = format!(
            "{TEXT}\n# the second\n[[networks]]\nid = \"b\"\nname = \"B\"\n\n[[networks.partners]]\nname = \"Q\"\n"
        );
        let registry = crate::registry::parse(&text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .registry;
        fn partner() -> Table {
            table([("name", Some(string("Y")))])
        }
        fn named(id: &str, name: &str) -> Table {
            table([("id", Some(string(id))), ("name", Some(string(name)))])
        }
        let edits: [fn(&mut Document); 9] = [
            |d| d.push_partner(0, partner()),
            |d| d.push_partner(1, partner()),
            |d| set(d.partner(1, 0), "name", Some(string("R"))),
            |d| {
                d.insert_milestone(
                    0,
                    0,
                    table([("date", Some(string("2001"))), ("title", Some(string("t")))]),
                )
            },
            |d| d.remove_partner(0, 0),
            |d| d.remove_network(0),
            |d| d.remove_network(1),
            |d| d.replace_network(1, named("b", "C")),
            |d| d.push_network(named("c", "C")),
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut whole = Document::parse(&text).unwrap_or_else(|e| panic!("{e}"));
            let mut regions = Document::regions(&text, &registry).unwrap_or_else(|e| panic!("{e}"));
            edit(&mut whole);
            edit(&mut regions);
            assert_eq!(regions.to_string(), whole.to_string(), "edit {i}");
        }
    }

    #[test]
    fn setting_a_value_keeps_its_comment() {
        let mut doc = Document::parse(TEXT).unwrap_or_else(|e| panic!("{e}"));
        set(doc.partner(0, 0), "name", Some(string("Z")));
        assert!(doc.to_string().contains("name = \"Z\"   # first\n"), "{doc}");
    }

    #[test]
    fn text_with_line_breaks_round_trips() {
        let value = string("two\nlines \"quoted\"");
        let parsed: toml::Value = toml::from_str(&format!("x = {value}")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed["x"].as_str(), Some("two\nlines \"quoted\""));
    }

    #[test]
    fn dates_are_bare_for_days_and_strings_otherwise() {
        let day = PartialDate::parse("2011-06-09").unwrap_or_else(|e| panic!("{e}"));
        let month = PartialDate::parse("2011-06").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(date(day).to_string(), "2011-06-09");
        assert_eq!(date(month).to_string(), "\"2011-06\"");
    }
}
