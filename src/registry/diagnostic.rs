//! Problems found in a registry file, and how they are shown: file:line:col,
//! the offending line, and what to do about it.

use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Byte range in the file's text; `None` when the problem has no place.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(span, message)
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The 1-based line and column (in characters) where the problem starts.
    pub fn position(&self, text: &str) -> Option<(usize, usize)> {
        self.span.as_ref().map(|span| position(text, span.start))
    }

    /// Renders the problem the way compilers do, for stderr.
    pub fn render(&self, file: &str, text: &str, color: bool) -> String {
        let (label, paint) = match self.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let mut out = String::new();
        if color {
            let _ = write!(out, "{paint}{label}\x1b[0m\x1b[1m: {}\x1b[0m", self.message);
        } else {
            let _ = write!(out, "{label}: {}", self.message);
        }
        match &self.span {
            Some(span) => {
                let (line, col) = position(text, span.start);
                let width = line.to_string().len();
                let pad = " ".repeat(width);
                let source_line = text.lines().nth(line - 1).unwrap_or("");
                let source_line = source_line.trim_end_matches('\r');
                let marks = marker_width(source_line, col, span.len());
                let _ = write!(out, "\n{pad}--> {file}:{line}:{col}\n{pad} |");
                let _ = write!(out, "\n{line} | {source_line}");
                let _ = write!(out, "\n{pad} | {}{}", " ".repeat(col - 1), "^".repeat(marks));
            }
            None => {
                let _ = write!(out, "\n --> {file}");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\nhint: {hint}");
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

/// 1-based line and character column of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnäme = 2\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 6), (2, 1));
        assert_eq!(position(text, text.find('=').unwrap_or(0)), (1, 3));
        assert_eq!(position(text, text.rfind('=').unwrap_or(0)), (2, 6));
    }

    #[test]
    fn renders_file_line_column_and_hint() {
        let text = "format = 1\ncontry = \"IT\"\n";
        let d = Diagnostic::error(Some(11..17), "unknown key `contry`").hint("did you mean `country`?");
        assert_eq!(
            d.render("reg.toml", text, false),
            "error: unknown key `contry`\n --> reg.toml:2:1\n  |\n2 | contry = \"IT\"\n  | ^^^^^^\nhint: did you mean `country`?"
        );
    }
}
