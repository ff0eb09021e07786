//! Problems found in a registry file, and how they are shown: file:line:col,
//! the offending line, and what to do about it.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::text::visible;
use std::ops::Range;

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
        let mut out = String::new();
        let message = visible(&self.message);
        if color {
            let _ = write!(out, "{paint}{label}\x1b[0m\x1b[1m: {message}\x1b[0m");
        } else {
            let _ = write!(out, "{label}: {message}");
        }
        let file = visible(file);
        match &self.span {
            Some(span) => {
                let (line, col) = source.position(span.start);
                let width = line.to_string().len();
                let pad = " ".repeat(width);
                let source_line = source.line(line).trim_end_matches('\r');
                let marks = marker_width(source_line, col, span.len());
                // The line as it shows, escapes and all, with the carets under
                // what they mark.
                let chars: Vec<char> = source_line.chars().collect();
                let part = |range: std::ops::Range<usize>| -> String {
                    let text: String = chars[range.start.min(chars.len())..range.end.min(chars.len())]
                        .iter()
                        .collect();
                    visible(&text).into_owned()
                };
                let (before, marked, after) = (
                    part(0..col - 1),
                    part(col - 1..col - 1 + marks),
                    part(col - 1 + marks..chars.len()),
                );
                let _ = write!(out, "\n{pad}--> {file}:{line}:{col}\n{pad} |");
                let _ = write!(out, "\n{line} | {before}{marked}{after}");
                let carets = marked.chars().count().max(1);
                let _ = write!(
                    out,
                    "\n{pad} | {}{}",
                    " ".repeat(before.chars().count()),
                    "^".repeat(carets)
                );
            }
            None => {
                let _ = write!(out, "\n --> {file}");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\nhint: {}", visible(hint));
        }
        out
    }
}

/// How many carets fit under the span on its first line (at least one).
fn marker_width(line: &str, col: usize, span_bytes: usize) -> usize {
    let rest: String = line.chars().skip(col - 1).collect();
    let mut bytes = 0;
    let mut chars = 0;
    for c in rest.chars() {
        if bytes >= span_bytes {
            break;
        }
        bytes += c.len_utf8();
        chars += 1;
    }
    chars.max(1)
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
