//! Where each network's text lies in a registry file, found with TOML's own
//! lexer (`toml_parser`), never by matching lines: a `[[networks]]` line
//! inside a multi-line string is part of the string, a `#` there no comment.
//!
//! A network's stretch starts at the comments and blank lines directly above
//! its `[[networks]]` header and runs to the next network's. Such a stretch
//! is valid TOML on its own and says exactly that one network, so a large
//! file can be parsed (and edited) a network at a time. Only the usual
//! layout is cut this way: the top-level keys, then `[[networks]]` tables
//! with their `[[networks.partners]]` and `[[networks.milestones]]`
//! sub-tables. Anything else (`networks = [...]`, other tables, quoted keys
//! with escapes) has no layout, and is read and edited as one document.

use std::ops::Range;

use toml_parser::lexer::TokenKind;

/// Where each network's text lies, in file order; the text before the first
/// is the top-level keys and their comments.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    /// Where each network's stretch starts.
    pub starts: Vec<usize>,
    /// Where its `[[networks]]` header line starts.
    pub headers: Vec<usize>,
    /// Where the comment and blank lines that end its stretch begin (its
    /// end when there are none).
    pub trailing: Vec<usize>,
}

impl Layout {
    /// Each network's stretch of a text `len` bytes long.
    pub fn stretches(&self, len: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let ends = self.starts.iter().skip(1).copied().chain([len]);
        self.starts.iter().zip(ends).map(|(&start, end)| start..end)
    }

    /// Where the first network's stretch starts: the end of the top-level keys.
    pub fn head_end(&self, len: usize) -> usize {
        self.starts.first().copied().unwrap_or(len)
    }
}

/// The layout of `text` (TOML without a byte-order mark), or `None` when it is
/// not the usual one. For text that is not valid TOML the answer may be
/// either; the parse that follows finds the error.
pub fn scan(text: &str) -> Option<Layout> {
    let mut scanner = Scanner::default();
    scanner.feed(text, 0..text.len());
    scanner.finish(text.len())
}

/// A scan of a text, fed a stretch at a time from its start.
#[derive(Default)]
pub struct Scanner {
    layout: Layout,
    /// Not the usual layout.
    unusual: bool,
    /// Where the run of comment and blank lines before this line began.
    trivia_from: Option<usize>,
    line_start: usize,
    line: Line,
    /// Open brackets and braces of a value spread over several lines.
    depth: usize,
    /// Of a header line: `[[`, whether its first key part is `networks`,
    /// how many parts.
    array: bool,
    networks: bool,
    parts: usize,
}

impl Scanner {
    /// Scans `text[range]`, which starts where the scan stands: at its start,
    /// or where a stretch fed or passed before ended.
    pub fn feed(&mut self, text: &str, range: Range<usize>) {
        let piece = &text[range.clone()];
        let end = |token: toml_parser::lexer::Token| range.start + token.span().end();
        for token in toml_parser::Source::new(piece).lex() {
            if self.unusual {
                return;
            }
            match (self.line, token.kind()) {
                (_, TokenKind::Eof) => break,
                (Line::Start | Line::Header, TokenKind::Whitespace) => {}
                (Line::Start, TokenKind::Newline) | (Line::Comment, TokenKind::Newline) => {
                    self.trivia_from.get_or_insert(self.line_start);
                    (self.line, self.line_start) = (Line::Start, end(token));
                }
                (Line::Start, TokenKind::Comment) => self.line = Line::Comment,
                (Line::Start, TokenKind::LeftSquareBracket) => {
                    (self.line, self.array, self.networks, self.parts) = (Line::Header, false, false, 0);
                }
                // A key-value line: only the top-level keys stand before the
                // first network, and none of them may be `networks`.
                (Line::Start, _) => {
                    let key = key_part(piece, token);
                    self.unusual |= self.layout.starts.is_empty() && key.is_none_or(|key| key == "networks");
                    (self.line, self.depth, self.trivia_from) = (Line::Value, 0, None);
                }
                (Line::Header, TokenKind::LeftSquareBracket) if self.parts == 0 && !self.array => {
                    self.array = true
                }
                (Line::Header, TokenKind::Dot) => {}
                (Line::Header, TokenKind::RightSquareBracket) => {
                    match (self.array, self.parts) {
                        (true, 1) if self.networks => self.network(text, self.line_start),
                        // A sub-table of a network, after its `[[networks]]`.
                        (_, 2..) if self.networks && !self.layout.starts.is_empty() => {}
                        _ => self.unusual = true,
                    }
                    // The rest of the line (a second `]`, a comment) is skipped as a value's.
                    (self.line, self.depth, self.trivia_from) = (Line::Value, 0, None);
                }
                (Line::Header, _) => match key_part(piece, token) {
                    Some(part) => {
                        self.networks |= self.parts == 0 && part == "networks";
                        self.parts += 1;
                    }
                    None => self.unusual = true,
                },
                (Line::Value, TokenKind::Newline) if self.depth == 0 => {
                    (self.line, self.line_start) = (Line::Start, end(token));
                }
                (Line::Value, TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket) => self.depth += 1,
                (Line::Value, TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket) => {
                    self.depth = self.depth.saturating_sub(1);
                }
                (Line::Value | Line::Comment, _) => {}
            }
        }
    }

    /// A network whose `[[networks]]` header line starts at `header`: its
    /// stretch starts at the comment lines above the header that are its
    /// own (`owned_start`), where the stretch before ends.
    fn network(&mut self, text: &str, header: usize) {
        let start = match self.trivia_from {
            Some(from) => from + owned_start(&text[from..header]),
            None => header,
        };
        if let Some(last) = self.layout.trailing.last_mut() {
            *last = self.trivia_from.unwrap_or(start);
        }
        self.layout.starts.push(start);
        self.layout.headers.push(header);
        self.layout.trailing.push(start);
    }

    /// Whether the scan stands at the start of a line at `at`, outside any
    /// value: where a network's stretch may be passed.
    pub fn at_line_start(&self, at: usize) -> bool {
        matches!(self.line, Line::Start) && self.depth == 0 && self.line_start == at && !self.unusual
    }

    /// What `feed` would find in network `index` of a text laid out as
    /// `old`, whose stretch (`len` bytes, ending with a line break) now
    /// stands at `at` in `text`: its own comment lines and header as fed,
    /// the rest as scanned before. The scan must stand at the start of a
    /// line at `at`.
    pub fn pass(&mut self, text: &str, at: usize, old: &Layout, index: usize, len: usize) {
        let moved = |place: usize| at + place - old.starts[index];
        let header = moved(old.headers[index]);
        if header > at {
            self.trivia_from.get_or_insert(at);
        }
        self.network(text, header);
        let trailing = moved(old.trailing[index]);
        let end = at + len;
        self.trivia_from = (trailing < end).then_some(trailing);
        (self.line, self.line_start, self.depth) = (Line::Start, end, 0);
    }

    /// The layout of the text scanned, `len` bytes long.
    pub fn finish(mut self, len: usize) -> Option<Layout> {
        if self.unusual {
            return None;
        }
        if let Some(last) = self.layout.trailing.last_mut() {
            *last = self.trivia_from.unwrap_or(len);
        }
        Some(self.layout)
    }
}

/// Where the scan is in a line.
#[derive(Clone, Copy, Default)]
enum Line {
    /// Nothing but white space yet.
    #[default]
    Start,
    /// A comment line.
    Comment,
    /// A table header, up to its closing bracket.
    Header,
    /// A key-value line (or the rest of a header's), up to the line break
    /// that ends its value.
    Value,
}

/// Of the comment and blank lines right above a header (`trivia`), where the
/// header's own begin: the comment lines with no blank line between them and
/// the header, and the blank lines above those. A comment block with a blank
/// line below it is not the header's: it belongs to what is above (the
/// file's head comments, above the first network, stay when it goes).
pub fn owned_start(trivia: &str) -> usize {
    let mut start = trivia.len();
    let mut blank_seen = false;
    // What follows the last line break is the header line's own indentation.
    let lines = trivia.rfind('\n').map_or("", |end| &trivia[..=end]);
    start -= trivia.len() - lines.len();
    for line in lines.split_inclusive('\n').rev() {
        let blank = line.trim().is_empty();
        if blank {
            blank_seen = true;
        } else if blank_seen {
            return start;
        }
        start -= line.len();
    }
    0
}

/// A key part as TOML reads it: bare, or quoted without escapes.
fn key_part(text: &str, token: toml_parser::lexer::Token) -> Option<&str> {
    let raw = text.get(token.span().start()..token.span().end())?;
    match token.kind() {
        TokenKind::Atom => Some(raw),
        TokenKind::LiteralString => raw.get(1..raw.len().checked_sub(1)?),
        TokenKind::BasicString if !raw.contains('\\') => raw.get(1..raw.len().checked_sub(1)?),
        _ => None,
    }
}

/// `text` (TOML as toml_edit writes it) with every line break that ends a
/// line made CRLF, when `crlf`. A line break inside a multi-line string is
/// part of the string's value, and stays as it is.
pub fn with_line_ends(text: String, crlf: bool) -> String {
    if !crlf || !text.contains('\n') {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut copied = 0;
    for token in toml_parser::Source::new(&text).lex() {
        let span = token.span();
        if token.kind() == TokenKind::Newline && text.as_bytes().get(span.start()) == Some(&b'\n') {
            out.push_str(&text[copied..span.start()]);
            out.push_str("\r\n");
            copied = span.end();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the comment and blank lines that end `text` begin (after its last
/// line of TOML): what toml_edit keeps as a document's trailing text.
pub fn trailing_start(text: &str) -> usize {
    let (mut run, mut line_start, mut line_has_code, mut depth) = (None, 0, false, 0usize);
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Comment | TokenKind::Eof => {}
            TokenKind::Newline if depth == 0 => {
                if line_has_code {
                    run = None;
                } else {
                    run.get_or_insert(line_start);
                }
                line_start = token.span().end();
                line_has_code = false;
            }
            TokenKind::Newline => {}
            kind => {
                match kind {
                    TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                    TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                        depth = depth.saturating_sub(1)
                    }
                    _ => {}
                }
                line_has_code = true;
            }
        }
    }
    if line_has_code {
        text.len()
    } else {
        run.unwrap_or(line_start)
    }
}

/// Where the comments that end a file begin (`trailing_start`), where a
/// network added goes; none in a text of comments alone, which head it.
pub fn tail_start(text: &str) -> usize {
    match trailing_start(text) {
        0 => text.len(),
        start => start,
    }
}

/// Whether the lines of `text` end in CRLF: most of them, or (as many of
/// each) the first.
pub fn crlf(text: &str) -> bool {
    // With memchr's vector search: std's substring search over a 16 MB
    // registry cost every write 20 ms.
    let bytes = text.as_bytes();
    let breaks = memchr::memchr_iter(b'\n', bytes).count();
    let crlf = memchr::memmem::find_iter(bytes, b"\r\n").count();
    if crlf * 2 != breaks {
        return crlf * 2 > breaks;
    }
    text.find('\n')
        .is_some_and(|i| text.as_bytes().get(i.wrapping_sub(1)) == Some(&b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indented_header_owns_the_comment_right_above_it() {
        assert_eq!(owned_start("# mine\n  "), 0);
        assert_eq!(owned_start("# head\n\n# mine\n\t"), 7);
        assert_eq!(owned_start("# head\n\n"), 7);
    }

    fn stretches(text: &str) -> Option<Vec<&str>> {
        let layout = scan(text)?;
        Some(layout.stretches(text.len()).map(|r| &text[r]).collect())
    }

    #[test]
    fn each_network_owns_the_comments_above_it() {
        let text = "# top\nformat = 1\n\n[[networks]]\nid = \"a\"\nname = \"A\"\n\n# about b\n[[networks]]  # b\nname = \"B\"\nid = \"b\"\n[[networks.partners]]\nname = \"X\"\n";
        assert_eq!(
            stretches(text),
            Some(vec![
                "\n[[networks]]\nid = \"a\"\nname = \"A\"\n",
                "\n# about b\n[[networks]]  # b\nname = \"B\"\nid = \"b\"\n[[networks.partners]]\nname = \"X\"\n"
            ])
        );
    }

    #[test]
    fn a_comment_block_above_a_blank_line_is_not_the_next_networks() {
        let text = "# head\n# more\n\n[[networks]]\nid = \"a\"\n# a's\n\n\n# about b\n# and more\n[[networks]]\nid = \"b\"\n";
        assert_eq!(
            stretches(text),
            Some(vec![
                "\n[[networks]]\nid = \"a\"\n# a's\n",
                "\n\n# about b\n# and more\n[[networks]]\nid = \"b\"\n"
            ])
        );
        for (trivia, owned) in [
            ("", 0),
            ("# c\n", 0),
            ("\n# c\n", 0),
            ("# c\n\n", 4),
            ("# c\r\n \t\r\n# d\r\n", 5),
            ("# a\n\n# b\n\n", 9),
        ] {
            assert_eq!(owned_start(trivia), owned, "{trivia:?}");
        }
    }

    #[test]
    fn strings_and_arrays_hold_no_headers() {
        let text = "[[networks]]\nname = \"\"\"\n[[networks]]\n# x\"\"\"\nid = 'a'\nthemes = [\n  # [[networks]]\n  \"t\",\n]\n[[networks]]\nid = \"b\"\nsummary = '''\n[[networks]]\n'''\n";
        let found = stretches(text).unwrap_or_default();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].starts_with("[[networks]]\nid = \"b\""));
    }

    #[test]
    fn headers_as_toml_spells_them() {
        for header in [
            "[[networks]]",
            "[[ networks ]]",
            "[[\"networks\"]]",
            "[['networks']]",
            "[[networks]] # c",
        ] {
            let text = format!(
                "{header}\nid = \"a\"\n{header}\nid = \"b\"\n[[ networks . partners ]]\nname = \"X\"\n"
            );
            assert_eq!(scan(&text).map(|l| l.starts.len()), Some(2), "{text}");
        }
    }

    #[test]
    fn unusual_layouts_have_none() {
        for text in [
            "networks = [{ id = \"a\", name = \"A\" }]\n",
            "networks = []\n[[networks]]\nid = \"a\"\n",
            "[[networks]]\nid = \"a\"\n[extra]\n",
            "[other]\n[[networks]]\nid = \"a\"\n",
            "[[\"netw\\u006Frks\"]]\nid = \"a\"\n",
            "[networks]\nid = \"a\"\n",
        ] {
            assert_eq!(scan(text), None, "{text}");
        }
        assert_eq!(scan("format = 1\n# only comments\n"), Some(Layout::default()));
        assert_eq!(scan(""), Some(Layout::default()));
    }

    #[test]
    fn crlf_outside_multi_line_strings() {
        let cases = [
            ("a = 1\nb = 2\n", "a = 1\r\nb = 2\r\n"),
            ("a = 1\r\nb = 2\n", "a = 1\r\nb = 2\r\n"),
            ("# say \"\"\" here\na = 1\n", "# say \"\"\" here\r\na = 1\r\n"),
            (
                "s = \"\"\"\nx\ny\"\"\"\nt = 1\n",
                "s = \"\"\"\nx\ny\"\"\"\r\nt = 1\r\n",
            ),
            ("s = '''\nx\n'''\nt = 1\n", "s = '''\nx\n'''\r\nt = 1\r\n"),
            (
                "s = \"\"\"a \\\"\"\" b\n\"\"\"\nt = 1\n",
                "s = \"\"\"a \\\"\"\" b\n\"\"\"\r\nt = 1\r\n",
            ),
            (
                "s = \"a\\\"#\" # c\nt = 'x\"\"\"'\nu = 1\n",
                "s = \"a\\\"#\" # c\r\nt = 'x\"\"\"'\r\nu = 1\r\n",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(with_line_ends(text.to_string(), true), expected, "{text:?}");
        }
        assert!(crlf("a = 1\r\nb = 2\n"));
        assert!(!crlf("a = 1\nb = 2\r\n"));
    }
}
