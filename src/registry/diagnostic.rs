//! Problems found in a registry file, and how they are shown: file:line:col,
//! the offending line, and what to do about it.

use std::borrow::Cow;
use std::fmt::Write as _;

use std::ops::Range;

use unicode_width::UnicodeWidthStr as _;

use crate::text::{in_message, visible};

/// How much of the problem's line is echoed: this many columns before it,
/// of it, and in all; a longer line is cut with `…`, so a stray character
/// on a line of megabytes is a message of a few lines.
const BEFORE: usize = 30;
const MARKED: usize = 40;
const LINE: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem it is, for programs (`check --format json`):
    /// `unknown-key`, `duplicate-partner`, `no-lead`...
    pub code: &'static str,
    /// Byte range in the file's text; `None` when the problem has no place.
    pub span: Option<Range<usize>>,
    pub message: String,
    /// Most hints are fixed text: a registry with a hundred thousand
    /// warnings then holds one copy of each instead of one per warning.
    pub hint: Option<Cow<'static, str>>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: &'static str, span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, span, message)
        }
    }

    /// Moves the place by `by` bytes: from a network's own text to the file's.
    pub fn shift(&mut self, by: usize) {
        self.span = self.span.take().map(|span| span.start + by..span.end + by);
    }

    pub fn hint(mut self, hint: impl Into<Cow<'static, str>>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Where the problem starts in the text (0 when it has no place): the
    /// order problems are listed in.
    pub fn start(&self) -> usize {
        self.span.as_ref().map_or(0, |span| span.start)
    }

    /// The 1-based line and column (in characters) where the problem starts.
    pub fn position(&self, text: &str) -> Option<(usize, usize)> {
        let source = Source::new(text);
        self.span.as_ref().map(|span| source.position(span.start))
    }

    /// Renders the problem the way compilers do, for stderr.
    pub fn render(&self, file: &str, source: &Source, color: bool) -> String {
        let (label, paint) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let message = in_message(&self.message);
        let mut out = if color {
            format!("{paint}{label}\x1b[0m\x1b[1m: {message}\x1b[0m")
        } else {
            format!("{label}: {message}")
        };
        let file = visible(file);
        match &self.span {
            Some(span) => {
                let (line, col) = source.position(span.start);
                let pad = " ".repeat(line.to_string().len());
                let source_line = source.line(line).trim_end_matches('\r');
                let (before, marked, after) = window(source_line, col - 1, span.len());
                let _ = write!(
                    out,
                    "\n{pad}--> {file}:{line}:{col}\n{pad} |\n{line} | {before}{marked}{after}\n{pad} | {}{}",
                    " ".repeat(before.width()),
                    "^".repeat(marked.trim_end_matches('…').width().max(1))
                );
            }
            None => {
                let _ = write!(out, "\n --> {file}");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\nhint: {}", in_message(hint));
        }
        out
    }
}

/// The line as it shows (escapes and all) around the span of `span_bytes`
/// from character `from` (at least one character, the span cut at the line's
/// end): what comes before it, it, and what comes after, each cut to its
/// room with `…` where the line goes on.
fn window(line: &str, from: usize, span_bytes: usize) -> (String, String, String) {
    let chars: Vec<char> = line.chars().collect();
    let from = from.min(chars.len());
    // As many characters as the span has bytes, at least one.
    let (mut to, mut bytes) = (from, 0);
    while to < chars.len() && bytes < span_bytes {
        bytes += chars[to].len_utf8();
        to += 1;
    }
    let to = to.max(from + 1).min(chars.len());
    let mut used = 0;
    // Before, from the problem back.
    let mut before = fit(chars[..from].iter().rev(), &mut used, BEFORE);
    before.reverse();
    let room = used + MARKED;
    let marked = fit(chars[from..to].iter(), &mut used, room).concat();
    let after = if marked.ends_with('…') {
        String::new()
    } else {
        fit(chars[to..].iter(), &mut used, LINE).concat()
    };
    (before.concat(), marked, after)
}

/// `chars` as they show, as many as fit in `room` columns counted from
/// `used`, then `…` if any are left out.
fn fit<'c>(chars: impl Iterator<Item = &'c char>, used: &mut usize, room: usize) -> Vec<String> {
    let mut part = Vec::new();
    for c in chars {
        let unit = visible(c.encode_utf8(&mut [0; 4])).into_owned();
        if *used + unit.width() > room {
            part.push("…".to_string());
            break;
        }
        *used += unit.width();
        part.push(unit);
    }
    part
}

/// A file's text with its line starts, so that many problems in a large
/// file each find their line without scanning it again.
pub struct Source<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
}

impl<'t> Source<'t> {
    pub fn new(text: &'t str) -> Self {
        // Counted first: a large file's index is then allocated once, at its size.
        let mut line_starts = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
        line_starts.push(0);
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self.line_starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line(&self, line: usize) -> &'t str {
        let start = self.line_starts.get(line - 1).copied().unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end.max(start)).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnäme = 2\n";
        let source = Source::new(text);
        assert_eq!(source.position(0), (1, 1));
        assert_eq!(source.position(6), (2, 1));
        assert_eq!(source.position(text.find('=').unwrap_or(0)), (1, 3));
        assert_eq!(source.position(text.rfind('=').unwrap_or(0)), (2, 6));
        assert_eq!(source.line(2), "näme = 2");
        assert_eq!(source.line(3), "");
    }

    #[test]
    fn a_long_line_is_cut_around_the_problem() {
        let line = format!("{}\u{1}{}", "a".repeat(5_000_000), "b".repeat(5_000_000));
        let text = format!("x = 1\n{line}\n");
        let at = 6 + 5_000_000;
        let d = Diagnostic::error("syntax", Some(at..at + 1), "invalid TOML");
        let shown = d.render("r.toml", &Source::new(&text), false);
        let dots = "a".repeat(30);
        let rest = "b".repeat(100 - 30 - 5);
        assert_eq!(
            shown,
            format!(
                "error: invalid TOML\n --> r.toml:2:5000001\n  |\n2 | …{dots}\\u{{1}}{rest}…\n  | {}^^^^^",
                " ".repeat(31)
            )
        );
        // A problem near the start of its line keeps the start.
        let d = Diagnostic::error("syntax", Some(6..7), "x");
        let shown = d.render("r.toml", &Source::new(&text), false);
        assert!(
            shown.ends_with(&format!("2 | {}…\n  | ^", "a".repeat(100))),
            "{shown}"
        );
    }

    #[test]
    fn renders_file_line_column_and_hint() {
        let text = "format = 1\ncontry = \"IT\"\n";
        let d = Diagnostic::error("unknown-key", Some(11..17), "unknown key `contry`")
            .hint("did you mean `country`?");
        assert_eq!(
            d.render("reg.toml", &Source::new(text), false),
            "error: unknown key `contry`\n --> reg.toml:2:1\n  |\n2 | contry = \"IT\"\n  | ^^^^^^\nhint: did you mean `country`?"
        );
    }
}
