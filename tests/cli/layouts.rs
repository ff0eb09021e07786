//! Valid registries in every layout a user can write, and edit sequences
//! for them: the generators behind the write path's property tests.
//!
//! `registry()` makes a valid format-1 registry file: 0 to 5 networks, each
//! laid out on its own (header spellings, partners and milestones as arrays
//! of tables or inline arrays, keys in any order, multi-line strings holding
//! header-like lines, comments everywhere, the whole list as one inline
//! array), with hostile text next to every boundary, and the whole file
//! sometimes in CRLF and/or behind a byte-order mark. `Generated::networks`
//! says what the file holds, as netreg should read it.
//!
//! `edits(&generated)` makes 1 to 5 write commands for that registry, mostly
//! aimed at what is there (a simulation keeps track of the earlier edits in
//! the sequence), some meant to be refused (unknown id, duplicate partner,
//! second lead, completion before launch, an id taken).
//!
//! Layout decisions are drawn from a seed per network (and one per file), so
//! a failing case shrinks by dropping networks, partners and milestones and
//! by simplifying seeds, not one layout decision at a time.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use netreg::name_key;

use crate::fuzz::{Registry, cases, netreg};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};

// ---------------------------------------------------------------------------
// The public API
// ---------------------------------------------------------------------------

/// A generated registry file and what it holds.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The registry file's exact bytes (may start with a BOM, may use CRLF).
    pub text: String,
    /// What it holds, in file order.
    pub networks: Vec<GenNetwork>,
    /// The layout features this sample uses (names in `FEATURES`), for
    /// coverage tests and for reporting what a failing case exercised.
    pub layouts: BTreeSet<&'static str>,
    /// What the file starts with that no edit may change: its byte-order
    /// mark, head comments and `format` line, less any comment lines right
    /// above the first network (which are that network's).
    pub head: String,
    /// The comment the file ends with, if any: it stays the file's last line.
    pub tail: Option<String>,
    /// Each network's own text, by id, in a file of `[[networks]]` tables:
    /// an edit of another network leaves it byte for byte.
    pub stretches: Vec<(String, String)>,
}

/// One network of a `Generated` registry, with its texts as TOML reads them
/// (a multi-line string's raw newlines in a CRLF file are `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenNetwork {
    pub id: String,
    /// Partner names, in file order.
    pub partners: Vec<String>,
    /// (date as `YYYY[-MM[-DD]]`, title), in file order.
    pub milestones: Vec<(String, String)>,
    pub has_lead: bool,
    pub has_launch: bool,
    pub has_completion: bool,
}

/// Valid registries in every layout; see the module's documentation.
pub fn registry() -> impl Strategy<Value = Generated> {
    let network = (any::<u64>(), 0usize..=4, 0usize..=3);
    (any::<u64>(), prop::collection::vec(network, 0..=5))
        .prop_map(|(seed, networks)| generate(seed, &networks))
}

/// What `Edit::Import::args` puts where the import file's path goes.
pub const IMPORT_FILE: &str = "<import.json>";

/// One write command of netreg.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// `partners add NET NAME [--country C] [--role R] [--replace-lead]`
    PartnerAdd {
        network: String,
        name: String,
        country: Option<String>,
        role: Option<&'static str>,
        replace_lead: bool,
    },
    /// `partners edit NET NAME [--name N] [--country C] [--role R] [--replace-lead]`
    PartnerChange {
        network: String,
        name: String,
        new_name: Option<String>,
        country: Option<String>,
        role: Option<&'static str>,
        replace_lead: bool,
    },
    /// `partners remove NET NAME`
    PartnerRemove { network: String, name: String },
    /// `milestones add NET DATE TITLE [--kind event]`
    MilestoneAdd {
        network: String,
        date: String,
        title: String,
        explicit_kind: bool,
    },
    /// `milestones remove NET DATE TITLE`
    MilestoneRemove {
        network: String,
        date: String,
        title: String,
    },
    /// `networks add ID --name N [--start D] [--end D]`
    NetworkAdd {
        id: String,
        name: String,
        start: Option<String>,
        end: Option<String>,
    },
    /// `networks edit ID [--name N] [--start D] [--end D] [--programme P]`
    NetworkChange {
        id: String,
        name: Option<String>,
        start: Option<String>,
        end: Option<String>,
        programme: Option<String>,
    },
    /// `networks remove ID --yes`
    NetworkRemove { id: String },
    /// `import FILE --on-conflict replace`. The caller writes `json` to a
    /// file whose name ends in `.json` (netreg takes the import format from
    /// the extension) and puts its path where `args()` has `IMPORT_FILE`,
    /// or calls `args_with_file`.
    Import { json: String },
}

impl Edit {
    /// The ids of the networks this edit is aimed at (an import's, all it holds).
    pub fn targets(&self) -> Vec<String> {
        match self {
            Edit::PartnerAdd { network, .. }
            | Edit::PartnerChange { network, .. }
            | Edit::PartnerRemove { network, .. }
            | Edit::MilestoneAdd { network, .. }
            | Edit::MilestoneRemove { network, .. } => vec![network.clone()],
            Edit::NetworkChange { id, .. } | Edit::NetworkRemove { id } => vec![id.clone()],
            Edit::NetworkAdd { .. } => vec![],
            Edit::Import { json } => serde_json::from_str::<serde_json::Value>(json)
                .ok()
                .and_then(|v| v["networks"].as_array().cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|n| n["id"].as_str().map(str::to_string))
                .collect(),
        }
    }

    /// The netreg arguments after the global flags, e.g.
    /// `["partners", "add", "net-a", "Gent", "--country", "BE"]`.
    pub fn args(&self) -> Vec<String> {
        self.args_with_file(IMPORT_FILE)
    }

    /// `args()`, with `import_file` as the path of an `Import`'s file.
    pub fn args_with_file(&self, import_file: &str) -> Vec<String> {
        let mut a: Vec<String> = Vec::new();
        let mut push = |items: &[&str]| a.extend(items.iter().map(|s| s.to_string()));
        match self {
            Edit::PartnerAdd {
                network,
                name,
                country,
                role,
                replace_lead,
            } => {
                push(&["partners", "add", network, name]);
                if let Some(c) = country {
                    push(&["--country", c]);
                }
                if let Some(r) = role {
                    push(&["--role", r]);
                }
                if *replace_lead {
                    push(&["--replace-lead"]);
                }
            }
            Edit::PartnerChange {
                network,
                name,
                new_name,
                country,
                role,
                replace_lead,
            } => {
                push(&["partners", "edit", network, name]);
                if let Some(n) = new_name {
                    push(&["--name", n]);
                }
                if let Some(c) = country {
                    push(&["--country", c]);
                }
                if let Some(r) = role {
                    push(&["--role", r]);
                }
                if *replace_lead {
                    push(&["--replace-lead"]);
                }
            }
            Edit::PartnerRemove { network, name } => push(&["partners", "remove", network, name]),
            Edit::MilestoneAdd {
                network,
                date,
                title,
                explicit_kind,
            } => {
                push(&["milestones", "add", network, date, title]);
                if *explicit_kind {
                    push(&["--kind", "event"]);
                }
            }
            Edit::MilestoneRemove { network, date, title } => {
                push(&["milestones", "remove", network, date, title])
            }
            Edit::NetworkAdd { id, name, start, end } => {
                push(&["networks", "add", id, "--name", name]);
                if let Some(d) = start {
                    push(&["--start", d]);
                }
                if let Some(d) = end {
                    push(&["--end", d]);
                }
            }
            Edit::NetworkChange {
                id,
                name,
                start,
                end,
                programme,
            } => {
                push(&["networks", "edit", id]);
                if let Some(n) = name {
                    push(&["--name", n]);
                }
                if let Some(d) = start {
                    push(&["--start", d]);
                }
                if let Some(d) = end {
                    push(&["--end", d]);
                }
                if let Some(p) = programme {
                    push(&["--programme", p]);
                }
            }
            Edit::NetworkRemove { id } => push(&["networks", "remove", id, "--yes"]),
            Edit::Import { .. } => push(&["import", import_file, "--on-conflict", "replace"]),
        }
        a
    }
}

/// 1 to 5 edits for `generated`: mostly aimed at its networks, partners and
/// milestones (and at what earlier edits of the sequence made), about one in
/// six meant to be refused.
pub fn edits(generated: &Generated) -> impl Strategy<Value = Vec<Edit>> + use<> {
    let start: Vec<SimNet> = generated
        .networks
        .iter()
        .map(|n| SimNet {
            id: n.id.clone(),
            partners: n.partners.clone(),
            lead: n.has_lead,
            milestones: n.milestones.clone(),
            has_launch: n.has_launch,
        })
        .collect();
    prop::collection::vec((0u32..100, any::<u64>()), 1..6)
        .prop_map(move |steps| simulate(start.clone(), &steps))
}

// ---------------------------------------------------------------------------
// Randomness for layout decisions
// ---------------------------------------------------------------------------

/// SplitMix64: layout decisions drawn from one seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn range(&mut self, low: i32, high: i32) -> i32 {
        low + self.below((high - low + 1) as usize) as i32
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

/// Every layout feature the generator records; the coverage test wants each.
pub const FEATURES: &[&str] = &[
    "header-plain",
    "header-spaced",
    "header-quoted",
    "header-literal-quoted",
    "header-comment",
    "sub-header-plain",
    "sub-header-spaced",
    "sub-header-quoted",
    "partners-aot",
    "partners-inline-one-line",
    "partners-inline-multi-line",
    "partners-empty-array",
    "milestones-aot",
    "milestones-inline-one-line",
    "milestones-inline-multi-line",
    "aot-interleaved",
    "networks-inline-array",
    "networks-inline-array-empty",
    "nested-multi-line-array-in-inline-table",
    "id-after-name",
    "id-after-ml-summary",
    "inline-array-before-id",
    "quoted-key",
    "indented-header",
    "tab-around-equals",
    "whitespace-only-line",
    "aligned-keys",
    "indented-keys",
    "ml-basic",
    "ml-literal",
    "ml-single-line",
    "ml-no-leading-newline",
    "ml-value-starts-with-newline",
    "ml-holds-header",
    "ml-holds-fake-id",
    "ml-hash-line",
    "ml-last-line-hash",
    "ml-basic-holds-'''",
    "ml-literal-holds-\"\"\"",
    "escaped-triple-quote",
    "crlf-inside-string",
    "ml-in-summary",
    "ml-in-name",
    "ml-in-title",
    "ml-in-partner-name",
    "ml-in-inline-table",
    "basic-escaped-newline",
    "top-comment",
    "comment-above-header",
    "comments-blank-between",
    "line-end-comment",
    "comment-in-array",
    "comment-holds-header",
    "trailing-comma",
    "eof-comment",
    "comment-after-network",
    "eof-comment-no-newline",
    "no-final-newline",
    "single-hash",
    "single-header-text",
    "single-quote",
    "single-cjk",
    "single-accent",
    "single-tab",
    "literal-string",
    "crlf",
    "bom",
    "crlf-and-bom",
    "format-line",
    "no-format-line",
    "format-after-networks",
    "networks-0",
    "networks-5",
    "partners-4",
    "milestones-3",
    "lead",
    "no-lead",
    "launch",
    "completion",
    "partner-no-country",
    "partner-place",
    "date-bare",
    "date-string-year",
    "date-string-month",
    "date-string-day",
    "kind-omitted",
    "multi-line-themes",
];

/// Places (name, ISO code): accents, other scripts, an apostrophe.
const CITIES: &[(&str, &str)] = &[
    ("Óbidos", "PT"),
    ("Enguera", "ES"),
    ("Viareggio", "IT"),
    ("Catanzaro", "IT"),
    ("Reggio Emilia", "IT"),
    ("Hódmezővásárhely", "HU"),
    ("Mizil", "RO"),
    ("Jyväskylä", "FI"),
    ("Barnsley", "GB"),
    ("Gent", "BE"),
    ("Pisa", "IT"),
    ("Lyon", "FR"),
    ("Łódź", "PL"),
    ("Århus", "DK"),
    ("Gdańsk", "PL"),
    ("Zürich", "CH"),
    ("東京", "JP"),
    ("Škofja Loka", "SI"),
    ("'s-Hertogenbosch", "NL"),
    ("Dún Laoghaire", "IE"),
    ("Guimarães", "PT"),
    ("Malmö", "SE"),
    ("Αθήνα", "GR"),
    ("София", "BG"),
];

/// Hostile pieces of a one-line string.
const FRAGMENTS: &[&str] = &[
    " # not a comment",
    "#",
    " [[networks]]",
    "[[networks.partners]]",
    " \"quoted\"",
    "\"",
    "'",
    " — 東京",
    "é",
    "\t(tab)",
    " = ",
    " {",
    "}",
    "],",
    "\\",
    "\\n",
    " id = \"fake\"",
    "'''",
    "\"\"\"",
    " ü",
];

/// Hostile lines of a multi-line string.
const LINES: &[&str] = &[
    "[[networks]]",
    "[[networks.partners]]",
    "[[networks.milestones]]",
    "[[ networks ]]",
    "id = \"fake\"",
    "id = 'fake'",
    "name = \"Fake\"",
    "# a line starting with a hash",
    "#",
    "format = 2",
    "'''",
    "\"\"\"",
    "\\\"\"\"",
    "''' \"\"\" '''",
    "  indented \t tab",
    "",
    "Ünïcödé — 東京",
    "}",
    "]",
    "{ id = \"x\" },",
    "[networks]",
    "\\",
    "networks = []",
    "\"",
    "'",
    "ends with a quote\"",
];

const COMMENTS: &[&str] = &[
    "# a comment",
    "# [[networks]]",
    "#[[networks.partners]]",
    "# id = \"fake\"",
    "#",
    "# \"\"\" and ''' in a comment",
    "# Ünïcödé 東京\there",
    "## [[networks.milestones]]",
    "#!",
    "# name = 'x' # twice",
];

const NETWORK_NAMES: &[&str] = &[
    "Creative Clusters",
    "Port Towns",
    "Réseau des villes",
    "城市网络",
    "Small Towns",
    "Gen",
];
const NETWORK_IDS: &[&str] = &[
    "creative-clusters",
    "port-towns",
    "net-a",
    "a",
    "b2",
    "x-1-y",
    "urbact4",
];
const TITLES: &[&str] = &[
    "Project launch",
    "Final conference",
    "Kick-off in Óbidos",
    "Transnational meeting",
    "Étape 2",
    "第一次会议",
    "Closing event",
];

/// A value's spelling in TOML.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Basic,
    Literal,
    MlBasic,
    MlLiteral,
}

/// The file being written: its text with `\n` line ends (made CRLF at the
/// end), the decisions' randomness and the features used.
struct Writer {
    text: String,
    rng: Rng,
    features: BTreeSet<&'static str>,
    crlf: bool,
    /// Where the last line of TOML (not a comment or blank line) ends.
    code_end: usize,
}

impl Writer {
    fn feature(&mut self, name: &'static str) {
        debug_assert!(FEATURES.contains(&name), "{name}");
        self.features.insert(name);
    }

    /// `value` as a TOML string, and the value TOML reads back from it.
    fn string(&mut self, value: &str) -> (String, String) {
        let style = self.style(value);
        self.string_in(value, style)
    }

    fn style(&mut self, value: &str) -> Style {
        let newline = value.contains('\n') || value.contains('\r');
        let plain_chars = value.chars().all(|c| c == '\t' || !c.is_control());
        let literal = !newline && !value.contains('\'') && plain_chars;
        let ml_literal = !value.contains("'''")
            && !value.starts_with('\'')
            && !value.ends_with('\'')
            && value.char_indices().all(|(i, c)| {
                c == '\t' || c == '\n' || !c.is_control() || (c == '\r' && value[i + 1..].starts_with('\n'))
            });
        let mut choices = vec![];
        if newline {
            choices.extend([Style::MlBasic; 4]);
            if ml_literal {
                choices.extend([Style::MlLiteral; 4]);
            }
            choices.push(Style::Basic);
        } else {
            choices.extend([Style::Basic; 5]);
            if literal {
                choices.extend([Style::Literal; 3]);
            }
            choices.push(Style::MlBasic);
            if ml_literal {
                choices.push(Style::MlLiteral);
            }
        }
        self.rng.pick(&choices)
    }

    fn string_in(&mut self, value: &str, style: Style) -> (String, String) {
        let mut out = String::new();
        let multi = matches!(style, Style::MlBasic | Style::MlLiteral);
        match style {
            Style::Basic => {
                out.push('"');
                let raw_tab = self.rng.one_in(2);
                for c in value.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' if raw_tab => out.push('\t'),
                        '\t' => out.push_str("\\t"),
                        c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                        c => out.push(c),
                    }
                }
                out.push('"');
                if value.contains('\n') {
                    self.feature("basic-escaped-newline");
                }
            }
            Style::Literal => {
                out.push('\'');
                out.push_str(value);
                out.push('\'');
                self.feature("literal-string");
            }
            Style::MlBasic | Style::MlLiteral => {
                let delimiter = if style == Style::MlBasic { "\"\"\"" } else { "'''" };
                out.push_str(delimiter);
                if value.starts_with(['\n', '\r']) || !self.rng.one_in(4) {
                    // Trimmed by TOML: the newline right after the opening quotes.
                    out.push('\n');
                } else {
                    self.feature("ml-no-leading-newline");
                }
                if style == Style::MlBasic {
                    let escape_first = self.rng.one_in(2);
                    let chars: Vec<char> = value.chars().collect();
                    let mut i = 0;
                    while i < chars.len() {
                        let c = chars[i];
                        if c == '"' {
                            let start = i;
                            while i < chars.len() && chars[i] == '"' {
                                i += 1;
                            }
                            let edge = start == 0 || i == chars.len();
                            for k in 0..i - start {
                                let escaped = edge || if escape_first { k % 3 == 0 } else { k % 3 == 2 };
                                out.push_str(if escaped { "\\\"" } else { "\"" });
                            }
                            continue;
                        }
                        match c {
                            '\\' => out.push_str("\\\\"),
                            '\r' if chars.get(i + 1) == Some(&'\n') => {
                                out.push_str("\r\n");
                                i += 1;
                            }
                            '\r' => out.push_str("\\r"),
                            '\n' | '\t' => out.push(c),
                            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                            c => out.push(c),
                        }
                        i += 1;
                    }
                    if value.contains("'''") && value.contains('\n') {
                        self.feature("ml-basic-holds-'''");
                    }
                    if out.contains("\\\"\"\"") {
                        self.feature("escaped-triple-quote");
                    }
                } else {
                    out.push_str(value);
                    if value.contains("\"\"\"") && value.contains('\n') {
                        self.feature("ml-literal-holds-\"\"\"");
                    }
                }
                out.push_str(delimiter);
                if value.contains('\n') {
                    self.feature(if style == Style::MlBasic {
                        "ml-basic"
                    } else {
                        "ml-literal"
                    });
                    let lines: Vec<&str> = value.lines().collect();
                    if value.starts_with(['\n', '\r']) {
                        self.feature("ml-value-starts-with-newline");
                    }
                    if lines.iter().any(|l| l.starts_with("[[networks")) {
                        self.feature("ml-holds-header");
                    }
                    if lines.iter().any(|l| l.starts_with("id = ")) {
                        self.feature("ml-holds-fake-id");
                    }
                    if lines.iter().any(|l| l.starts_with('#')) {
                        self.feature("ml-hash-line");
                    }
                    if lines.last().is_some_and(|l| l.starts_with('#')) && !value.ends_with('\n') {
                        self.feature("ml-last-line-hash");
                    }
                    if value.contains("\r\n") || self.crlf {
                        self.feature("crlf-inside-string");
                    }
                } else {
                    self.feature("ml-single-line");
                }
            }
        }
        if !multi {
            if value.contains('#') {
                self.feature("single-hash");
            }
            if value.contains("[[networks") {
                self.feature("single-header-text");
            }
            if value.contains('"') {
                self.feature("single-quote");
            }
            if value.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c)) {
                self.feature("single-cjk");
            }
            if value.chars().any(|c| ('\u{c0}'..='\u{17f}').contains(&c)) {
                self.feature("single-accent");
            }
            if value.contains('\t') {
                self.feature("single-tab");
            }
        }
        // Raw newlines of a multi-line string are the file's.
        let read = if multi && self.crlf {
            lone_newlines_to_crlf(value)
        } else {
            value.to_string()
        };
        (out, read)
    }

    /// A one-line text: `base`, sometimes with hostile pieces around it.
    fn one_line(&mut self, base: &str) -> String {
        let mut text = base.to_string();
        if self.rng.one_in(2) {
            for _ in 0..1 + self.rng.below(2) {
                let piece = self.rng.pick(FRAGMENTS);
                if self.rng.one_in(4) {
                    text.insert_str(0, piece.trim_start());
                } else {
                    text.push_str(piece);
                }
            }
        }
        text
    }

    /// A multi-line text whose lines look like TOML.
    fn multi_line(&mut self, base: &str) -> String {
        let separator = if self.rng.one_in(6) { "\r\n" } else { "\n" };
        let mut lines: Vec<String> = vec![];
        if self.rng.one_in(6) {
            lines.push(String::new());
        }
        lines.push(base.to_string());
        for _ in 0..1 + self.rng.below(4) {
            lines.push(self.rng.pick(LINES).to_string());
        }
        if self.rng.one_in(3) {
            lines.push("# the last line, right before the closing quotes".into());
        }
        lines.join(separator)
    }

    /// One comment (with its `#`).
    fn comment(&mut self) -> &'static str {
        let comment = self.rng.pick(COMMENTS);
        if comment.contains("[[networks") {
            self.feature("comment-holds-header");
        }
        comment
    }

    /// Comment lines, sometimes with blank lines between, above a header.
    fn comments_above(&mut self) {
        if !self.rng.one_in(2) {
            return;
        }
        self.feature("comment-above-header");
        for i in 0..1 + self.rng.below(3) {
            if i > 0 && self.rng.one_in(2) {
                self.feature("comments-blank-between");
                self.text.push('\n');
            }
            let comment = self.comment();
            self.text.push_str(comment);
            self.text.push('\n');
        }
    }

    /// ` # comment` or nothing, after a value.
    fn line_end_comment(&mut self) -> String {
        if self.rng.one_in(4) {
            self.feature("line-end-comment");
            let comment = self.comment();
            format!("{}{comment}", if self.rng.one_in(3) { "\t" } else { "  " })
        } else {
            String::new()
        }
    }

    /// A key as written: bare, or sometimes quoted.
    fn key(&mut self, key: &str) -> String {
        match self.below_n(12) {
            0 => {
                self.feature("quoted-key");
                format!("\"{key}\"")
            }
            1 => {
                self.feature("quoted-key");
                format!("'{key}'")
            }
            _ => key.to_string(),
        }
    }

    fn below_n(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }

    /// An array of already written items: one line, or one item a line with
    /// comments; `indent` is the items' indentation in the multi-line form.
    fn array(&mut self, items: &[String], multi_line: bool, indent: &str) -> String {
        if items.is_empty() {
            return if self.rng.one_in(2) {
                "[]".into()
            } else {
                "[ ]".into()
            };
        }
        let trailing = self.rng.one_in(3);
        if trailing {
            self.feature("trailing-comma");
        }
        if !multi_line {
            let (open, close, comma) = match self.rng.below(3) {
                0 => ("[", "]", ","),
                1 => ("[ ", " ]", ", "),
                _ => ("[", "]", ", "),
            };
            let mut out = String::from(open);
            out.push_str(&items.join(comma));
            if trailing {
                out.push(',');
            }
            out.push_str(close);
            return out;
        }
        let mut out = String::from("[\n");
        for (i, item) in items.iter().enumerate() {
            if self.rng.one_in(3) {
                self.feature("comment-in-array");
                let comment = self.comment();
                out.push_str(&format!("{indent}{comment}\n"));
            }
            if self.rng.one_in(8) {
                out.push('\n');
            }
            out.push_str(indent);
            out.push_str(item);
            if i + 1 < items.len() || trailing {
                out.push(',');
            }
            if self.rng.one_in(4) {
                self.feature("comment-in-array");
                let comment = self.comment();
                out.push_str(&format!(" {comment}"));
            }
            out.push('\n');
        }
        if self.rng.one_in(4) {
            self.feature("comment-in-array");
            let comment = self.comment();
            out.push_str(&format!("{indent}{comment}\n"));
        }
        out.push(']');
        out
    }

    /// `{ k = v, ... }` of already written values, keys shuffled.
    fn inline_table(&mut self, mut pairs: Vec<(&'static str, String)>) -> String {
        self.rng.shuffle(&mut pairs);
        let tight = self.rng.one_in(4);
        let pairs: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| {
                let key = self.key(k);
                if tight {
                    format!("{key}={v}")
                } else {
                    format!("{key} = {v}")
                }
            })
            .collect();
        if tight {
            format!("{{{}}}", pairs.join(","))
        } else {
            format!("{{ {} }}", pairs.join(", "))
        }
    }
}

/// The part of a file's head that stays whatever is edited: without the
/// comment lines that end it, which are the first network's when no blank
/// line parts them from its header, nor the blank lines before that
/// network (spacing, which goes with the first network when it goes).
fn head_kept(head: &str) -> String {
    let mut end = head.len();
    for line in head.split_inclusive('\n').rev() {
        if !line.trim_start().starts_with('#') {
            break;
        }
        end -= line.len();
    }
    for line in head[..end].split_inclusive('\n').rev() {
        if !line.trim().is_empty() {
            break;
        }
        end -= line.len();
    }
    head[..end].to_string()
}

/// How many bytes of `text` are the comment and blank lines it ends with.
fn trailing_trivia_len(text: &str) -> usize {
    text.split_inclusive('\n')
        .rev()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .map(str::len)
        .sum()
}

/// How many bytes of `trivia` (comment and blank lines right above a
/// header) are that header's: the comment lines with no blank line below
/// them, and the blank lines above those.
fn owned_len(trivia: &str) -> usize {
    let mut lines = trivia.split_inclusive('\n').rev().peekable();
    let mut len = 0;
    while let Some(line) = lines.next_if(|l| l.trim_start().starts_with('#')) {
        len += line.len();
    }
    while let Some(line) = lines.next_if(|l| l.trim().is_empty()) {
        len += line.len();
    }
    len
}

/// `\n` not already after `\r` made `\r\n`.
fn lone_newlines_to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

// ---------------------------------------------------------------------------
// The model: what each network holds
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Date {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Date {
    fn text(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date_in(rng: &mut Rng, year: i32) -> Date {
    match rng.below(5) {
        0 => Date {
            year,
            month: None,
            day: None,
        },
        1 => Date {
            year,
            month: Some(1 + rng.below(12) as u32),
            day: None,
        },
        _ => {
            let month = 1 + rng.below(12) as u32;
            // The month's last day now and then: 29 February, 31 December.
            let day = if rng.one_in(4) {
                days_in_month(year, month)
            } else {
                1 + rng.below(days_in_month(year, month) as usize) as u32
            };
            Date {
                year,
                month: Some(month),
                day: Some(day),
            }
        }
    }
}

struct PartnerModel {
    name: String,
    country: Option<&'static str>,
    role: Option<&'static str>,
    kind: Option<&'static str>,
    /// A GeoNames id and coordinates (spec §8).
    place: Option<(i32, [f64; 2])>,
}

struct MilestoneModel {
    date: Date,
    title: String,
    kind: &'static str,
}

/// How a network's partners or milestones are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Items {
    Tables,
    OneLine,
    MultiLine,
}

// ---------------------------------------------------------------------------
// Writing a registry
// ---------------------------------------------------------------------------

/// The written pieces of one network: its keys (name, value as TOML, and the
/// order-relevant facts) and its sub-tables.
struct Written {
    network: GenNetwork,
    /// (key, value as TOML)
    keys: Vec<(&'static str, String)>,
    /// `[[networks.partners]]`/`[[networks.milestones]]` blocks (AoT only),
    /// each without its header: (is_partner, keys).
    tables: Vec<(bool, Vec<(&'static str, String)>)>,
}

fn generate(seed: u64, networks: &[(u64, usize, usize)]) -> Generated {
    let mut w = Writer {
        text: String::new(),
        rng: Rng::new(seed),
        features: BTreeSet::new(),
        crlf: false,
        code_end: 0,
    };
    let bom = w.rng.one_in(5);
    w.crlf = w.rng.one_in(4);
    // One inline array of all networks, sometimes.
    let inline_list = w.rng.one_in(6);
    let format_line = w.rng.below(4);

    if w.rng.one_in(2) {
        w.feature("top-comment");
        for _ in 0..1 + w.rng.below(2) {
            let comment = w.comment();
            w.text.push_str(comment);
            w.text.push('\n');
        }
        if w.rng.one_in(2) {
            w.text.push('\n');
        }
    }
    if format_line > 0 && !(inline_list && format_line == 3) {
        w.feature("format-line");
        let end = w.line_end_comment();
        w.text.push_str(&format!("format = 1{end}\n"));
        w.code_end = w.text.len();
        if w.rng.one_in(2) {
            w.text.push('\n');
        }
    } else if format_line == 0 {
        w.feature("no-format-line");
    }
    let head = head_kept(&w.text);

    let mut stretches: Vec<(String, std::ops::Range<usize>)> = vec![];
    let mut ids: Vec<String> = vec![];
    let mut held = vec![];
    let mut written = vec![];
    for (index, &(network_seed, partners, milestones)) in networks.iter().enumerate() {
        let mut rng = Rng::new(network_seed);
        let mut id = rng.pick(NETWORK_IDS).to_string();
        if ids.contains(&id) {
            id = format!("{id}-{index}");
        }
        ids.push(id.clone());
        // Each network's decisions from its own seed.
        let outer = std::mem::replace(&mut w.rng, rng);
        let one = write_network(&mut w, id, partners, milestones, inline_list);
        w.rng = outer;
        held.push(one.network.clone());
        written.push(one);
    }

    match networks.len() {
        0 => w.feature("networks-0"),
        5 => w.feature("networks-5"),
        _ => {}
    }
    if inline_list {
        w.feature("networks-inline-array");
        if written.is_empty() {
            w.feature("networks-inline-array-empty");
        }
        let items: Vec<String> = written.into_iter().map(|one| w.inline_table(one.keys)).collect();
        let multi = !w.rng.one_in(5);
        let key = w.key("networks");
        let array = w.array(&items, multi, "  ");
        let end = w.line_end_comment();
        w.text.push_str(&format!("{key} = {array}{end}\n"));
        if format_line == 3 {
            w.feature("format-after-networks");
            w.text.push_str("format = 1\n");
        }
    } else {
        let last = written.len().saturating_sub(1);
        for (index, one) in written.into_iter().enumerate() {
            let id = one.network.id.clone();
            let start = write_tables(&mut w, one);
            // A comment block a blank line parts from the next network is this one's.
            if index < last && w.rng.one_in(4) {
                w.feature("comment-after-network");
                let comment = w.comment();
                w.text.push_str(&format!("\n{comment}\n"));
                if !w.rng.one_in(3) {
                    w.text.push('\n');
                }
            }
            stretches.push((id, start..w.text.len()));
        }
        for index in 1..stretches.len() {
            stretches[index - 1].1.end = stretches[index].1.start;
        }
    }

    let mut tail = None;
    if w.rng.one_in(3) {
        w.feature("eof-comment");
        if w.rng.one_in(2) {
            w.text.push('\n');
        }
        let comment = w.comment();
        tail = Some(comment.to_string());
        w.text.push_str(comment);
        w.text.push('\n');
        if w.rng.one_in(2) {
            w.feature("eof-comment-no-newline");
            w.text.pop();
        }
    } else if w.rng.one_in(5) && w.text.ends_with('\n') {
        w.feature("no-final-newline");
        while w.text.ends_with('\n') {
            w.text.pop();
        }
    }

    let crlf = w.crlf;
    let as_written = |text: &str| {
        if crlf {
            lone_newlines_to_crlf(text)
        } else {
            text.to_string()
        }
    };
    let stretches = stretches
        .into_iter()
        // The last may have lost its final line break since.
        .map(|(id, range)| (id, as_written(&w.text[range.start..range.end.min(w.text.len())])))
        .collect();
    let mut head = as_written(&head);
    let mut text = if w.crlf {
        w.feature("crlf");
        lone_newlines_to_crlf(&w.text)
    } else {
        w.text
    };
    if bom {
        w.features.insert("bom");
        if w.crlf {
            w.features.insert("crlf-and-bom");
        }
        text.insert(0, '\u{feff}');
        head.insert(0, '\u{feff}');
    }
    Generated {
        text,
        networks: held,
        layouts: w.features,
        head,
        tail,
        stretches,
    }
}

/// Decides one network's content and writes its values.
fn write_network(
    w: &mut Writer,
    id: String,
    partners: usize,
    milestones: usize,
    inline_list: bool,
) -> Written {
    // Partners: unique ignoring case and accents, at most one lead.
    let mut cities: Vec<(&str, &str)> = CITIES.to_vec();
    w.rng.shuffle(&mut cities);
    let lead = if w.rng.one_in(3) {
        None
    } else {
        Some(w.rng.below(partners.max(1)))
    };
    let mut partner_models: Vec<PartnerModel> = vec![];
    let mut keys: Vec<String> = vec![];
    for (i, (city, code)) in cities.into_iter().take(partners).enumerate() {
        let name = if w.rng.one_in(12) {
            w.multi_line(city)
        } else {
            w.one_line(city)
        };
        let key = name_key(&name);
        if key.is_empty() || keys.contains(&key) {
            continue;
        }
        keys.push(key);
        let role = if lead == Some(i) {
            Some("lead")
        } else {
            w.rng
                .pick(&[None, Some("partner"), Some("partner"), Some("observer")])
        };
        let country = if w.rng.one_in(6) { None } else { Some(code) };
        let kind = w
            .rng
            .pick(&[None, None, Some("city"), Some("agency"), Some("university")]);
        let place = w.rng.one_in(4).then(|| {
            let id = w.rng.range(1, 12_000_000);
            let latitude = f64::from(w.rng.range(-89, 89)) + 0.5;
            let longitude = f64::from(w.rng.range(-179, 179)) - 0.125;
            (id, [latitude, longitude])
        });
        partner_models.push(PartnerModel {
            name,
            country,
            role,
            kind,
            place,
        });
    }

    // Milestones: at most one launch and one completion, completion after.
    let launch_year = w.rng.range(2000, 2015);
    let with_launch = milestones > 0 && w.rng.one_in(2);
    let with_completion = milestones > usize::from(with_launch) && w.rng.one_in(2);
    let mut milestone_models = vec![];
    let mut titles: Vec<String> = vec![];
    for i in 0..milestones {
        let (kind, year) = if i == 0 && with_launch {
            ("launch", launch_year)
        } else if i == usize::from(with_launch) && with_completion {
            let year = if with_launch {
                w.rng.range(launch_year + 1, launch_year + 6)
            } else {
                w.rng.range(2001, 2020)
            };
            ("completion", year)
        } else {
            ("event", w.rng.range(1995, 2030))
        };
        let base = w.rng.pick(TITLES);
        let mut title = if w.rng.one_in(4) {
            w.multi_line(base)
        } else {
            w.one_line(base)
        };
        while titles.contains(&name_key(&title)) {
            title.push_str(" again");
        }
        titles.push(name_key(&title));
        milestone_models.push(MilestoneModel {
            date: date_in(&mut w.rng, year),
            title,
            kind,
        });
    }
    w.rng.shuffle(&mut milestone_models);

    let mut network = GenNetwork {
        id: id.clone(),
        partners: vec![],
        milestones: vec![],
        has_lead: partner_models.iter().any(|p| p.role == Some("lead")),
        has_launch: with_launch,
        has_completion: with_completion,
    };
    w.feature(if network.has_lead { "lead" } else { "no-lead" });
    if with_launch {
        w.feature("launch");
    }
    if with_completion {
        w.feature("completion");
    }
    if partner_models.len() == 4 {
        w.feature("partners-4");
    }
    if milestones == 3 {
        w.feature("milestones-3");
    }

    // How partners and milestones are written.
    let items = |w: &mut Writer| {
        if inline_list {
            if w.rng.one_in(2) {
                Items::OneLine
            } else {
                Items::MultiLine
            }
        } else {
            w.rng
                .pick(&[Items::Tables, Items::Tables, Items::OneLine, Items::MultiLine])
        }
    };
    let partner_items = items(w);
    let milestone_items = items(w);

    // The network's own keys.
    let mut pairs: Vec<(&'static str, String)> = vec![];
    let (id_toml, _) = w.string(&id);
    pairs.push(("id", id_toml));
    let name = w.rng.pick(NETWORK_NAMES);
    let name = if w.rng.one_in(4) {
        w.multi_line(name)
    } else {
        w.one_line(name)
    };
    let (name_toml, _) = w.string(&name);
    if name.contains('\n') && (name_toml.starts_with("\"\"\"") || name_toml.starts_with("'''")) {
        w.feature("ml-in-name");
    }
    pairs.push(("name", name_toml));
    if w.rng.one_in(2) {
        let programme = w.rng.pick(&["URBACT II", "URBACT III", "URBACT IV"]);
        let programme = w.one_line(programme);
        pairs.push(("programme", w.string(&programme).0));
    }
    if w.rng.one_in(3) {
        let kind = w.one_line("Thematic Network");
        pairs.push(("type", w.string(&kind).0));
    }
    if w.rng.one_in(3) {
        let status = w.rng.pick(&["planned", "active", "closed"]);
        pairs.push(("status", w.string(status).0));
    }
    if w.rng.one_in(4) {
        let url = w.one_line("https://urbact.eu/networks/");
        pairs.push(("url", w.string(&url).0));
    }
    let mut summary_is_multi_line = false;
    if w.rng.one_in(2) {
        let summary = if w.rng.one_in(3) {
            w.one_line("Free text, any length.")
        } else {
            w.multi_line("Free text, any length.")
        };
        let (toml, _) = w.string(&summary);
        summary_is_multi_line = toml.starts_with("\"\"\"") || toml.starts_with("'''");
        if summary_is_multi_line && summary.contains('\n') {
            w.feature("ml-in-summary");
        }
        pairs.push(("summary", toml));
    }
    for key in ["themes", "sources"] {
        if w.rng.one_in(3) {
            let values: Vec<String> = (0..1 + w.rng.below(3))
                .map(|i| {
                    let base = ["creative economy", "small towns", "ports"][i];
                    let text = w.one_line(base);
                    w.string(&text).0
                })
                .collect();
            let multi = w.rng.one_in(3);
            if multi {
                w.feature("multi-line-themes");
            }
            pairs.push((key, w.array(&values, multi, "  ")));
        }
    }

    // Partners and milestones as TOML, and what TOML reads from them.
    let mut partner_tables = vec![];
    for p in &partner_models {
        let mut kv: Vec<(&'static str, String)> = vec![];
        let (toml, read) = w.string(&p.name);
        if p.name.contains('\n') && (toml.starts_with("\"\"\"") || toml.starts_with("'''")) {
            w.feature("ml-in-partner-name");
            if partner_items != Items::Tables {
                w.feature("ml-in-inline-table");
            }
        }
        network.partners.push(read);
        kv.push(("name", toml));
        match p.country {
            Some(code) => kv.push(("country", w.string(code).0)),
            None => w.feature("partner-no-country"),
        }
        if let Some(role) = p.role {
            kv.push(("role", w.string(role).0));
        }
        if let Some(kind) = p.kind {
            kv.push(("type", w.string(kind).0));
        }
        if let Some((id, [latitude, longitude])) = p.place {
            w.feature("partner-place");
            kv.push(("geonames", id.to_string()));
            kv.push(("coordinates", format!("[{latitude}, {longitude}]")));
        }
        partner_tables.push(kv);
    }
    let mut milestone_tables = vec![];
    for m in &milestone_models {
        let mut kv: Vec<(&'static str, String)> = vec![];
        let date = m.date.text();
        let date_toml = if m.date.day.is_some() && !w.rng.one_in(4) {
            w.feature("date-bare");
            date.clone()
        } else {
            w.feature(match (m.date.month, m.date.day) {
                (None, _) => "date-string-year",
                (Some(_), None) => "date-string-month",
                _ => "date-string-day",
            });
            if w.rng.one_in(3) {
                format!("'{date}'")
            } else {
                format!("\"{date}\"")
            }
        };
        kv.push(("date", date_toml));
        let (toml, read) = w.string(&m.title);
        if m.title.contains('\n') && (toml.starts_with("\"\"\"") || toml.starts_with("'''")) {
            w.feature("ml-in-title");
            if milestone_items != Items::Tables {
                w.feature("ml-in-inline-table");
            }
        }
        network.milestones.push((date, read));
        kv.push(("title", toml));
        if m.kind == "event" && w.rng.one_in(2) {
            w.feature("kind-omitted");
        } else {
            kv.push(("kind", w.string(m.kind).0));
        }
        milestone_tables.push(kv);
    }

    let mut tables = vec![];
    for (is_partner, how, list) in [
        (true, partner_items, partner_tables),
        (false, milestone_items, milestone_tables),
    ] {
        let key = if is_partner { "partners" } else { "milestones" };
        let name = |what: &str| -> &'static str {
            match (is_partner, what) {
                (true, "aot") => "partners-aot",
                (true, "one") => "partners-inline-one-line",
                (true, _) => "partners-inline-multi-line",
                (false, "aot") => "milestones-aot",
                (false, "one") => "milestones-inline-one-line",
                (false, _) => "milestones-inline-multi-line",
            }
        };
        match how {
            Items::Tables => {
                if list.is_empty() {
                    if w.rng.one_in(4) {
                        if is_partner {
                            w.feature("partners-empty-array");
                        }
                        pairs.push((key, w.array(&[], false, "")));
                    }
                    continue;
                }
                w.feature(name("aot"));
                tables.extend(list.into_iter().map(|kv| (is_partner, kv)));
            }
            Items::OneLine | Items::MultiLine => {
                if list.is_empty() && !w.rng.one_in(2) {
                    continue;
                }
                if list.is_empty() && is_partner {
                    w.feature("partners-empty-array");
                }
                let multi = how == Items::MultiLine;
                if !list.is_empty() {
                    w.feature(name(if multi { "multi" } else { "one" }));
                }
                if multi && inline_list {
                    w.feature("nested-multi-line-array-in-inline-table");
                }
                let items: Vec<String> = list.into_iter().map(|kv| w.inline_table(kv)).collect();
                let indent = if inline_list { "      " } else { "  " };
                pairs.push((key, w.array(&items, multi, indent)));
            }
        }
    }
    // Array-of-tables blocks: partners then milestones, or mixed up.
    if tables.iter().any(|t| t.0) && tables.iter().any(|t| !t.0) && w.rng.one_in(3) {
        w.feature("aot-interleaved");
        w.rng.shuffle(&mut tables);
    }

    // Keys in any order (the inline-list layout shuffles them again).
    w.rng.shuffle(&mut pairs);
    let at = |k: &str| pairs.iter().position(|p| p.0 == k);
    let id_at = at("id").unwrap_or(0);
    if at("name").is_some_and(|n| n < id_at) {
        w.feature("id-after-name");
    }
    if summary_is_multi_line && at("summary").is_some_and(|s| s < id_at) {
        w.feature("id-after-ml-summary");
    }
    if pairs[..id_at]
        .iter()
        .any(|p| p.0 == "partners" || p.0 == "milestones")
    {
        w.feature("inline-array-before-id");
    }
    Written {
        network,
        keys: pairs,
        tables,
    }
}

const NETWORK_HEADERS: &[(&str, &str)] = &[
    ("[[networks]]", "header-plain"),
    ("[[networks]]", "header-plain"),
    ("[[ networks ]]", "header-spaced"),
    ("[[\"networks\"]]", "header-quoted"),
    ("[['networks']]", "header-literal-quoted"),
];
const SUB_HEADERS: &[(&str, &str)] = &[
    ("[[networks.{}]]", "sub-header-plain"),
    ("[[networks.{}]]", "sub-header-plain"),
    ("[[ networks . {} ]]", "sub-header-spaced"),
    ("[[networks.\"{}\"]]", "sub-header-quoted"),
    ("[[ \"networks\".{} ]]", "sub-header-quoted"),
];

/// One network as `[[networks]]` and its sub-tables.
/// Writes one network as `[[networks]]` tables; returns where its own text
/// starts: the comment lines right above its header and the blank lines
/// above those (a comment block a blank line parts from it is the text's above).
fn write_tables(w: &mut Writer, one: Written) -> usize {
    let trivia_start = w.code_end;
    if !w.text.is_empty() && w.rng.one_in(2) {
        w.text.push('\n');
    }
    w.comments_above();
    let header_start = w.text.len();
    let own_start = header_start - owned_len(&w.text[trivia_start..header_start]);
    let (header, feature) = w.rng.pick(NETWORK_HEADERS);
    w.feature(feature);
    if w.rng.one_in(8) {
        w.feature("indented-header");
        w.text.push_str(w.rng.pick(&["  ", "\t"]));
    }
    w.text.push_str(header);
    if w.rng.one_in(4) {
        w.feature("header-comment");
        let comment = w.comment();
        w.text.push_str(&format!(" {comment}"));
    }
    w.text.push('\n');
    write_keys(w, one.keys);
    for (is_partner, kv) in one.tables {
        if w.rng.one_in(2) {
            w.text.push('\n');
        }
        w.comments_above();
        let (header, feature) = w.rng.pick(SUB_HEADERS);
        w.feature(feature);
        let header = header.replace("{}", if is_partner { "partners" } else { "milestones" });
        let indent = if w.rng.one_in(4) { "  " } else { "" };
        w.text.push_str(&format!("{indent}{header}"));
        if w.rng.one_in(6) {
            w.feature("header-comment");
            let comment = w.comment();
            w.text.push_str(&format!(" {comment}"));
        }
        w.text.push('\n');
        write_keys(w, kv);
    }
    own_start
}

/// `key = value` lines, some aligned, indented or commented.
fn write_keys(w: &mut Writer, mut kv: Vec<(&'static str, String)>) {
    w.rng.shuffle(&mut kv);
    let aligned = w.rng.one_in(4);
    let indent = w.rng.pick(&["", "", "", "  ", "\t"]);
    if aligned {
        w.feature("aligned-keys");
    }
    if !indent.is_empty() {
        w.feature("indented-keys");
    }
    for (key, value) in kv {
        let key = w.key(key);
        let pad = if aligned {
            " ".repeat(10usize.saturating_sub(key.len()))
        } else {
            String::new()
        };
        let end = w.line_end_comment();
        let equals = if w.rng.one_in(10) {
            w.feature("tab-around-equals");
            "\t=\t"
        } else {
            " = "
        };
        w.text
            .push_str(&format!("{indent}{key}{pad}{equals}{value}{end}\n"));
        w.code_end = w.text.len();
        match w.rng.below(12) {
            0 => w.text.push('\n'),
            1 => {
                w.feature("whitespace-only-line");
                w.text.push_str(" \t \n");
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct SimNet {
    id: String,
    partners: Vec<String>,
    lead: bool,
    milestones: Vec<(String, String)>,
    has_launch: bool,
}

const NEW_NAMES: &[&str] = &[
    "Gent",
    "Pisa",
    "Lyon",
    "Óbidos",
    "Jyväskylä",
    "Kraków",
    "Tartu",
    "Cork",
    "Gdańsk # not a comment",
    "Zaragoza [[networks]]",
    "Bergen \"op\" Zoom",
    "Ústí nad Labem",
    "大阪",
];
const CLI_COUNTRIES: &[&str] = &["BE", "IT", "Italy", "UK", "pt", "DEU", "Czechia", "FR"];

fn fresh_name(rng: &mut Rng, taken: &[String]) -> String {
    for _ in 0..8 {
        let name = rng.pick(NEW_NAMES).to_string();
        if !taken.iter().any(|t| name_key(t) == name_key(&name)) {
            return name;
        }
    }
    let mut n = 0;
    loop {
        let name = format!("Newtown {n}");
        if !taken.iter().any(|t| name_key(t) == name_key(&name)) {
            return name;
        }
        n += 1;
    }
}

fn fresh_id(nets: &[SimNet], base: &str) -> String {
    (0..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !nets.iter().any(|net| net.id == *id))
        .unwrap_or_default()
}

fn cli_date(rng: &mut Rng, low: i32, high: i32) -> String {
    let year = rng.range(low, high);
    date_in(rng, year).text()
}

/// Which command a step is.
#[derive(Clone, Copy)]
enum Step {
    PartnerAdd,
    PartnerChange,
    PartnerRemove,
    MilestoneAdd,
    MilestoneRemove,
    NetworkAdd,
    NetworkChange,
    NetworkRemove,
    Import,
}

/// The edits the steps stand for, applying the ones expected to succeed to
/// `nets` so that later steps aim at what is there then.
fn simulate(mut nets: Vec<SimNet>, steps: &[(u32, u64)]) -> Vec<Edit> {
    let mut edits = vec![];
    for &(roll, seed) in steps {
        let mut rng = Rng::new(seed);
        // Most edits need a network: with none, add one or import.
        let roll = if nets.is_empty() && roll < 68 {
            68 + roll % 32
        } else {
            roll
        };
        let target = if nets.is_empty() { 0 } else { rng.below(nets.len()) };
        // One network-targeting edit in twelve names a network that is not there.
        let unknown = rng.one_in(12);
        let network = if unknown || nets.is_empty() {
            "no-such-network".to_string()
        } else {
            nets[target].id.clone()
        };
        let ok = !unknown && !nets.is_empty();
        let has_partners = nets.get(target).is_some_and(|n| !n.partners.is_empty());
        let has_milestones = nets.get(target).is_some_and(|n| !n.milestones.is_empty());
        let step = if roll < 20 {
            Step::PartnerAdd
        } else if roll < 35 && has_partners {
            Step::PartnerChange
        } else if roll < 45 && has_partners {
            Step::PartnerRemove
        } else if (45..53).contains(&roll) && has_milestones {
            Step::MilestoneRemove
        } else if roll < 68 {
            Step::MilestoneAdd
        } else if roll < 78 {
            Step::NetworkAdd
        } else if roll < 88 {
            Step::NetworkChange
        } else if roll < 93 {
            Step::NetworkRemove
        } else {
            Step::Import
        };
        let edit = match step {
            // partners add
            Step::PartnerAdd => {
                let net = nets.get(target).cloned();
                let taken = net.as_ref().map(|n| n.partners.clone()).unwrap_or_default();
                let country = rng.one_in(2).then(|| rng.pick(CLI_COUNTRIES).to_string());
                let (name, role, replace_lead, success) = match rng.below(10) {
                    // A name already there, in other case.
                    0 if !taken.is_empty() => {
                        (taken[rng.below(taken.len())].to_uppercase(), None, false, false)
                    }
                    1 | 2 => {
                        let lead = net.as_ref().is_some_and(|n| n.lead);
                        // A second lead without --replace-lead, now and then.
                        let replace = lead && !rng.one_in(3);
                        (
                            fresh_name(&mut rng, &taken),
                            Some("lead"),
                            replace,
                            !lead || replace,
                        )
                    }
                    _ => {
                        let role = rng.pick(&[None, Some("partner"), Some("observer")]);
                        (fresh_name(&mut rng, &taken), role, false, true)
                    }
                };
                if ok && success {
                    let n = &mut nets[target];
                    n.partners.push(name.clone());
                    n.lead |= role == Some("lead");
                }
                Edit::PartnerAdd {
                    network,
                    name,
                    country,
                    role,
                    replace_lead,
                }
            }
            // partners edit
            Step::PartnerChange => {
                let taken = nets[target].partners.clone();
                let at = rng.below(taken.len());
                let name = taken[at].clone();
                let mut new_name = None;
                let mut country = None;
                let mut role = None;
                let mut replace_lead = false;
                let mut success = true;
                match rng.below(4) {
                    0 => new_name = Some(fresh_name(&mut rng, &taken)),
                    1 => country = Some(rng.pick(CLI_COUNTRIES).to_string()),
                    2 => {
                        role = Some("lead");
                        replace_lead = nets[target].lead && !rng.one_in(4);
                        // Already the lead or not, without the flag a second lead is refused
                        // (unless it is the lead itself, which the simulation cannot tell).
                        success = !nets[target].lead || replace_lead;
                    }
                    _ => {
                        role = Some(rng.pick(&["partner", "observer"]));
                        country = Some(rng.pick(CLI_COUNTRIES).to_string());
                    }
                }
                if ok && success {
                    let n = &mut nets[target];
                    if let Some(new) = &new_name {
                        n.partners[at] = new.clone();
                    }
                    if role == Some("lead") {
                        n.lead = true;
                    }
                }
                Edit::PartnerChange {
                    network,
                    name,
                    new_name,
                    country,
                    role,
                    replace_lead,
                }
            }
            // partners remove
            Step::PartnerRemove => {
                let at = rng.below(nets[target].partners.len());
                let name = nets[target].partners[at].clone();
                if ok {
                    nets[target].partners.remove(at);
                }
                Edit::PartnerRemove { network, name }
            }
            // milestones remove
            Step::MilestoneRemove => {
                let at = rng.below(nets[target].milestones.len());
                let (date, title) = nets[target].milestones[at].clone();
                if ok {
                    nets[target].milestones.remove(at);
                }
                Edit::MilestoneRemove { network, date, title }
            }
            // milestones add
            Step::MilestoneAdd => {
                let date = cli_date(&mut rng, 1995, 2030);
                let title = rng.pick(&[
                    "Study visit",
                    "Peer review in Łódź",
                    "Final \"event\"",
                    "Meeting # 2",
                ]);
                let taken = nets.get(target).map(|n| n.milestones.clone()).unwrap_or_default();
                let mut title = title.to_string();
                while taken.iter().any(|(_, t)| name_key(t) == name_key(&title)) {
                    title.push_str(" again");
                }
                if ok {
                    nets[target].milestones.push((date.clone(), title.clone()));
                }
                Edit::MilestoneAdd {
                    network,
                    date,
                    title,
                    explicit_kind: rng.one_in(2),
                }
            }
            // networks add
            Step::NetworkAdd => {
                let taken = !nets.is_empty() && rng.one_in(8);
                let id = if taken {
                    nets[target].id.clone()
                } else {
                    fresh_id(&nets, "added")
                };
                let name = rng
                    .pick(&["Added Network", "Réseau ajouté", "New [[networks]] # x"])
                    .to_string();
                let start = rng.one_in(2).then(|| cli_date(&mut rng, 2016, 2019));
                let end = rng.one_in(2).then(|| cli_date(&mut rng, 2020, 2024));
                if !taken {
                    nets.push(SimNet {
                        id: id.clone(),
                        partners: vec![],
                        lead: false,
                        milestones: vec![],
                        has_launch: start.is_some(),
                    });
                }
                Edit::NetworkAdd { id, name, start, end }
            }
            // networks edit
            Step::NetworkChange => {
                let mut name = None;
                let mut start = None;
                let mut end = None;
                let mut programme = None;
                match rng.below(5) {
                    0 => {
                        name = Some(
                            rng.pick(&["Renamed", "Nouveau nom", "Name # with hash"])
                                .to_string(),
                        )
                    }
                    1 => start = Some(cli_date(&mut rng, 1990, 1999)),
                    2 => end = Some(cli_date(&mut rng, 2030, 2035)),
                    3 => programme = Some(rng.pick(&["URBACT IV", "Interreg \"Europe\""]).to_string()),
                    // A completion before the launch, refused when there is a launch.
                    _ => end = Some(cli_date(&mut rng, 1980, 1985)),
                }
                if ok && start.is_some() {
                    nets[target].has_launch = true;
                }
                Edit::NetworkChange {
                    id: network,
                    name,
                    start,
                    end,
                    programme,
                }
            }
            // networks remove
            Step::NetworkRemove => {
                if ok {
                    nets.remove(target);
                }
                Edit::NetworkRemove { id: network }
            }
            // import, replacing a network and/or adding one
            Step::Import => {
                let mut imported = vec![];
                let replace = !nets.is_empty() && !rng.one_in(3);
                if replace {
                    imported.push(nets[target].id.clone());
                }
                if !replace || rng.one_in(2) {
                    imported.push(fresh_id(&nets, "imported"));
                }
                let mut networks = vec![];
                for id in imported {
                    let mut names: Vec<String> = vec![];
                    for _ in 0..1 + rng.below(3) {
                        let name = fresh_name(&mut rng, &names);
                        names.push(name);
                    }
                    let lead = rng.one_in(2);
                    let partners: Vec<serde_json::Value> = names
                        .iter()
                        .enumerate()
                        .map(|(i, name)| {
                            let role = if lead && i == 0 { "lead" } else { "partner" };
                            serde_json::json!({ "name": name, "country": "IT", "role": role })
                        })
                        .collect();
                    networks.push(serde_json::json!({
                        "id": id,
                        "name": format!("Imported {id}"),
                        "partners": partners,
                        "milestones": [],
                    }));
                    let sim = SimNet {
                        id: id.clone(),
                        partners: names,
                        lead,
                        milestones: vec![],
                        has_launch: false,
                    };
                    match nets.iter().position(|n| n.id == id) {
                        Some(at) => nets[at] = sim,
                        None => nets.push(sim),
                    }
                }
                let json = serde_json::json!({ "format": 1, "networks": networks });
                Edit::Import {
                    json: json.to_string(),
                }
            }
        };
        edits.push(edit);
    }
    edits
}

// ---------------------------------------------------------------------------
// Self-tests
// ---------------------------------------------------------------------------

type Held = Vec<(String, BTreeSet<String>, BTreeSet<(String, String)>)>;

/// What an export holds: per network, its id, partner names and milestones.
fn held_by_export(json: &str) -> Result<Held, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("{e}: {json}"))?;
    let networks = value["networks"].as_array().ok_or("no networks array")?;
    Ok(networks
        .iter()
        .map(|n| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or("<not a string>").to_string();
            let partners = n["partners"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| text(&p["name"]));
            let milestones = n["milestones"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|m| (text(&m["date"]), text(&m["title"])));
            (text(&n["id"]), partners.collect(), milestones.collect())
        })
        .collect())
}

fn held_by_generator(generated: &Generated) -> Held {
    generated
        .networks
        .iter()
        .map(|n| {
            (
                n.id.clone(),
                n.partners.iter().cloned().collect(),
                n.milestones.iter().cloned().collect(),
            )
        })
        .collect()
}

fn runner() -> TestRunner {
    TestRunner::new(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })
}

/// Every generated registry passes a cold check, and netreg reads what the
/// generator says it wrote, with and without its snapshot.
#[test]
fn every_layout_passes_check_and_reads_back_what_was_written() {
    let reg = Registry::new();
    let file = reg.file.clone();
    runner()
        .run(&registry(), |generated| {
            let text = &generated.text;
            if generated.layouts.contains("crlf") {
                let body = text.trim_start_matches('\u{feff}');
                prop_assert!(
                    body.match_indices('\n')
                        .all(|(i, _)| i > 0 && &body[i - 1..i] == "\r"),
                    "a CRLF file with a bare LF: {text:?}"
                );
            }
            // The generator's own reading: the model's parse agrees.
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let parsed = toml::from_str::<netreg::Registry>(body);
            prop_assert!(
                parsed.is_ok(),
                "toml rejects the generated file: {:?}\n{}",
                parsed.err(),
                text
            );

            reg.forget_snapshot();
            std::fs::write(&file, text).expect("write");
            let (code, out, err) = netreg(&file, &["check", "-q"]);
            prop_assert_eq!(
                code,
                0,
                "cold check failed:\n{}{}\n--- file ---\n{}",
                out,
                err,
                text
            );

            let expected = held_by_generator(&generated);
            let (code, warm, err) = netreg(&file, &["export", "--format", "json"]);
            prop_assert_eq!(code, 0, "export: {}", err);
            let got = held_by_export(&warm).map_err(TestCaseError::fail)?;
            prop_assert_eq!(
                &got,
                &expected,
                "export differs from the generator\n--- file ---\n{}",
                text
            );

            reg.forget_snapshot();
            let (code, cold, err) = netreg(&file, &["export", "--format", "json"]);
            prop_assert_eq!(code, 0, "export: {}", err);
            prop_assert_eq!(
                &cold,
                &warm,
                "reads with and without the snapshot differ\n--- file ---\n{}",
                text
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Parsing a network at a time (what netreg does for large files) agrees
/// with one parse of the whole generated text, whenever it accepts the cut.
#[test]
fn every_layout_parses_the_same_in_pieces() {
    runner()
        .run(&registry(), |generated| {
            let text = generated.text.strip_prefix('\u{feff}').unwrap_or(&generated.text);
            let whole = toml::from_str::<netreg::Registry>(text)
                .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            let pieces = netreg::read_text(text);
            prop_assert!(pieces.problems.is_empty(), "{:?}\n{}", pieces.problems, text);
            prop_assert_eq!(
                crate::fuzz::placed(&whole),
                crate::fuzz::placed(&pieces.registry),
                "the pieces read differently\n--- file ---\n{}",
                text
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The generator cannot silently lose a layout: each feature occurs in 300
/// samples, and the file-level ones are really in the text.
#[test]
fn every_layout_feature_occurs() {
    let mut runner = TestRunner::deterministic();
    let strategy = registry();
    let mut seen: BTreeSet<&'static str> = BTreeSet::new();
    for _ in 0..300 {
        let generated = strategy.new_tree(&mut runner).expect("a sample").current();
        let text = &generated.text;
        let has = |f: &str| generated.layouts.contains(f);
        assert_eq!(has("bom"), text.starts_with('\u{feff}'), "{text:?}");
        if has("crlf") {
            let bare = text
                .match_indices('\n')
                .any(|(i, _)| i == 0 || &text[i - 1..i] != "\r");
            assert!(!bare, "a CRLF file with a bare LF: {text:?}");
        }
        if has("networks-inline-array") {
            assert!(
                text.contains("networks = [")
                    || text.contains("\"networks\" = [")
                    || text.contains("'networks' = ["),
                "{text}"
            );
        }
        if has("escaped-triple-quote") {
            assert!(text.contains("\\\"\"\""), "{text}");
        }
        if has("header-spaced") {
            assert!(text.contains("[[ networks ]]"), "{text}");
        }
        if has("no-final-newline") || has("eof-comment-no-newline") {
            assert!(!text.ends_with('\n'), "{text:?}");
        }
        seen.extend(generated.layouts.iter().copied());
    }
    let missing: Vec<&&str> = FEATURES.iter().filter(|f| !seen.contains(**f)).collect();
    assert!(
        missing.is_empty(),
        "layouts never generated in 300 samples: {missing:?}"
    );
}

/// Runs `edit` on the registry at `file`, writing an import's JSON next to
/// it first: (exit code, stderr).
fn apply(file: &Path, edit: &Edit, extra: &[&str]) -> (u8, String) {
    let import = file.with_file_name("import.json");
    if let Edit::Import { json } = edit {
        std::fs::write(&import, json).expect("write");
    }
    let args = edit.args_with_file(&import.to_string_lossy());
    let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
    argv.extend(extra);
    let (code, _, err) = netreg(file, &argv);
    (code, err)
}

/// Edits are commands netreg's command line takes, and they aim well: on
/// the generated registry as netreg itself writes it (`export --format
/// toml`, a layout the write path is sure to know), most succeed in turn
/// and some are refused, never with a usage error.
#[test]
fn edits_are_commands_that_mostly_succeed() {
    use clap::Parser as _;
    let reg = Registry::new();
    let file = reg.file.clone();
    let (tried, succeeded) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let strategy = registry().prop_flat_map(|generated| {
        let edits = edits(&generated);
        (Just(generated), edits)
    });
    runner()
        .run(&strategy, |(generated, edits)| {
            prop_assert!((1..6).contains(&edits.len()));
            for edit in &edits {
                let placeholder = edit.args();
                prop_assert_eq!(
                    placeholder.iter().any(|a| a == IMPORT_FILE),
                    matches!(edit, Edit::Import { .. })
                );
                let argv = ["netreg", "--registry", "r.toml"]
                    .into_iter()
                    .map(String::from)
                    .chain(placeholder);
                let parsed = netreg::cli::Cli::try_parse_from(argv);
                prop_assert!(
                    parsed.is_ok(),
                    "{:?}: {}",
                    edit,
                    parsed.err().map(|e| e.to_string()).unwrap_or_default()
                );
            }
            reg.forget_snapshot();
            std::fs::write(&file, &generated.text).expect("write");
            let (code, canonical, err) = netreg(&file, &["export", "--format", "toml"]);
            prop_assert_eq!(code, 0, "{}", err);
            reg.forget_snapshot();
            std::fs::write(&file, &canonical).expect("write");
            for edit in &edits {
                let (code, err) = apply(&file, edit, &["-q"]);
                prop_assert!(
                    code == 0 || code == 1,
                    "{:?} exit {}: {}\n--- file ---\n{}",
                    edit,
                    code,
                    err,
                    canonical
                );
                tried.set(tried.get() + 1);
                succeeded.set(succeeded.get() + u32::from(code == 0));
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let (tried, succeeded) = (tried.get(), succeeded.get());
    eprintln!("layouts: {succeeded} of {tried} edits succeed");
    assert!(
        succeeded * 10 >= tried * 6,
        "only {succeeded} of {tried} edits succeed"
    );
    assert!(succeeded < tried, "no edit is ever refused");
}

/// The write path's fast way (only the networks an edit touches parsed,
/// the rest of the text copied) gives what the simple way gives (the whole
/// file edited as one toml_edit document), on every generated layout and
/// edit sequence: the same exit code, message and file. Each write that
/// succeeds leaves a file a cold `check` accepts, and reads from its
/// snapshot agree with reads of the file.
#[test]
fn edits_by_network_equal_edits_of_the_whole_document() {
    let strategy = registry().prop_flat_map(|generated| {
        let edits = edits(&generated);
        (Just(generated), edits)
    });
    let dirs = [
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    ];
    runner()
        .run(&strategy, |(generated, edits)| {
            let files: Vec<PathBuf> = dirs.iter().map(|d| d.path().join("registry.toml")).collect();
            for file in &files {
                std::fs::write(file, &generated.text).expect("write");
                let _ = std::fs::remove_dir_all(file.with_file_name(".netreg"));
            }
            // toml_edit writes some layouts back otherwise (one spelling for
            // every `[[networks]]` header): there the whole document is no
            // reference, and only the file's own checks below apply.
            let text = generated.text.strip_prefix('\u{feff}').unwrap_or(&generated.text);
            let reference = text
                .parse::<toml_edit::DocumentMut>()
                .is_ok_and(|doc| doc.to_string() == text);
            let mut touched: BTreeSet<String> = BTreeSet::new();
            let mut tail_holds = !generated.networks.is_empty();
            for edit in &edits {
                // The store's two paths, through the library: by network
                // (as the binary edits), and as one document.
                let run = |index: usize| {
                    let file = &files[index];
                    let import = file.with_file_name("import.json");
                    if let Edit::Import { json } = edit {
                        std::fs::write(&import, json).expect("write");
                    }
                    let environment = netreg::Environment {
                        whole_document: index == 1,
                        ..crate::fuzz::environment(file)
                    };
                    let args = edit.args_with_file(&import.to_string_lossy());
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    let (code, _, stderr) = crate::fuzz::netreg_in(environment, file, &args);
                    let dir = file.parent().expect("dir").to_string_lossy();
                    let stderr = stderr.replace(&*dir, "DIR");
                    let after = String::from_utf8_lossy(&std::fs::read(file).expect("read")).into_owned();
                    (Some(i32::from(code)), stderr, after)
                };
                let by_network = run(0);
                let whole = if reference { run(1) } else { by_network.clone() };
                prop_assert_eq!(
                    &by_network,
                    &whole,
                    "{:?} differs by network and whole\n--- file ---\n{}",
                    edit,
                    String::from_utf8_lossy(&std::fs::read(&files[1]).unwrap_or_default())
                );
                prop_assert!(
                    matches!(by_network.0, Some(0 | 1)),
                    "{:?}: {}",
                    edit,
                    by_network.1
                );
                if by_network.0 == Some(0) {
                    let (code, _, err) = netreg(&files[0], &["check", "-q"]);
                    prop_assert_eq!(code, 0, "{:?} left a file check rejects: {}", edit, err);
                }
                // What the edit does not touch stays byte for byte: the file's
                // head and tail, and every network no edit so far was aimed at.
                let after = &by_network.2;
                prop_assert!(
                    // Its last line break may be gone with the file's last (no-final-newline).
                    after.starts_with(generated.head.trim_end_matches(['\r', '\n'])),
                    "{:?} changed the head {:?}:\n{}",
                    edit,
                    generated.head,
                    after
                );
                // In a file left with no network, what ends it heads the next
                // network added (as a file of comments alone does).
                let networks = toml::from_str::<toml::Table>(after.trim_start_matches('\u{feff}'))
                    .ok()
                    .and_then(|t| t.get("networks").and_then(|n| n.as_array()).map(Vec::len))
                    .unwrap_or(0);
                tail_holds &= networks > 0;
                if let (true, Some(tail)) = (tail_holds, &generated.tail) {
                    prop_assert!(
                        after.trim_end_matches(['\r', '\n']).ends_with(tail.as_str()),
                        "{:?} moved the comment that ends the file {:?}:\n{}",
                        edit,
                        tail,
                        after
                    );
                }
                touched.extend(edit.targets());
                for (id, stretch) in &generated.stretches {
                    // Comments that end a network become the file's tail when the
                    // networks below it go, and a network added goes above them.
                    let own = stretch.trim_end_matches(['\r', '\n']);
                    let own = &own[..own.len() - trailing_trivia_len(own)];
                    prop_assert!(
                        touched.contains(id) || after.contains(own),
                        "{:?} changed network {} it was not aimed at:\n--- was ---\n{:?}\n--- file ---\n{:?}",
                        edit,
                        id,
                        stretch,
                        after
                    );
                }
            }
            // Reads from the snapshot the last write stored agree with a cold read.
            let export = |file: &Path| {
                let out = assert_cmd::Command::cargo_bin("netreg")
                    .expect("binary")
                    .env_clear()
                    .env("HOME", file.with_file_name("home"))
                    .env("XDG_CACHE_HOME", file.with_file_name("cache"))
                    .arg("--registry")
                    .arg(file)
                    .args(["export", "--format", "json"])
                    .output()
                    .expect("run");
                out.stdout
            };
            let warm = export(&files[0]);
            let _ = std::fs::remove_dir_all(files[0].with_file_name("cache"));
            prop_assert_eq!(
                warm,
                export(&files[0]),
                "reads with and without the snapshot differ"
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
