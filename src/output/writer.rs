//! The one writer for data: what a command prints on stdout goes through
//! `Out`, which turns a failed write into `Error::Stdout` in one place (a
//! closed pipe then ends the command quietly, with success: `Error::exit_code`)
//! and, on a terminal, shows every character that would act on it as an
//! escape (`text::on_terminal`), whatever the format: a person reads it.
//! Anywhere else (a pipe, a file) the bytes go out exactly as written.

use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::text;

pub struct Out<'w> {
    inner: Stream<'w>,
}

/// Where the bytes go: as they are, or through the terminal's escaping.
enum Stream<'w> {
    Exact(&'w mut dyn Write),
    Terminal {
        inner: &'w mut dyn Write,
        /// The end of the last write that may go on in the next one: an
        /// unfinished UTF-8 character, or a `\r` that a `\n` may follow.
        pending: Vec<u8>,
    },
}

impl<'w> Out<'w> {
    /// A writer that writes its bytes as they are (a pipe, a file, a buffer).
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Self {
            inner: Stream::Exact(inner),
        }
    }

    /// A writer for a terminal: nothing in what it writes acts on it.
    pub fn terminal(inner: &'w mut dyn Write) -> Self {
        Self {
            inner: Stream::Terminal {
                inner,
                pending: Vec::new(),
            },
        }
    }

    /// What `write!(out, ...)` and `writeln!(out, ...)` call.
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) -> Result<()> {
        self.inner.write_fmt(args).map_err(Error::Stdout)
    }

    pub fn write_str(&mut self, text: &str) -> Result<()> {
        self.bytes(text.as_bytes())
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> Result<()> {
        self.inner.write_all(bytes).map_err(Error::Stdout)
    }

    /// netreg's own styled text (a table, a coloured line), whose data its
    /// maker escaped: on a terminal its colours are kept, and anything else
    /// that would act on the terminal is still shown escaped.
    pub fn styled(&mut self, text: &str) -> Result<()> {
        self.inner.end().map_err(Error::Stdout)?;
        let shown = match &self.inner {
            Stream::Exact(_) => std::borrow::Cow::Borrowed(text),
            Stream::Terminal { .. } => text::on_terminal(text, true),
        };
        match &mut self.inner {
            Stream::Exact(inner) | Stream::Terminal { inner, .. } => {
                inner.write_all(shown.as_bytes()).map_err(Error::Stdout)
            }
        }
    }

    /// `value` as serde_json writes it compactly, with no line end.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut self.inner, value).map_err(json_error)
    }

    /// `value` as serde_json writes it pretty, with no line end.
    pub fn json_pretty<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value).map_err(json_error)
    }

    /// The stream itself, for a library that writes to one (csv): mapping
    /// its errors is then the caller's. On a terminal it escapes as `Out` does.
    pub fn raw(&mut self) -> &mut dyn Write {
        &mut self.inner
    }

    pub fn flush(&mut self) -> Result<()> {
        self.inner.end().map_err(Error::Stdout)?;
        self.inner.flush().map_err(Error::Stdout)
    }
}

impl Stream<'_> {
    /// Writes what was held back for the next write: the stream ends here.
    fn end(&mut self) -> io::Result<()> {
        if let Stream::Terminal { inner, pending } = self {
            let held = std::mem::take(pending);
            let held = String::from_utf8_lossy(&held);
            inner.write_all(text::on_terminal(&held, false).as_bytes())?;
        }
        Ok(())
    }
}

impl Write for Stream<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let (inner, pending) = match self {
            Stream::Exact(inner) => return inner.write(bytes),
            Stream::Terminal { inner, pending } => (inner, pending),
        };
        pending.extend_from_slice(bytes);
        // Up to the last whole character, and short of a `\r` at the end.
        let mut upto = match std::str::from_utf8(pending) {
            Ok(_) => pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => pending.len(),
        };
        if upto > 0 && pending[upto - 1] == b'\r' {
            upto -= 1;
        }
        let ready: Vec<u8> = pending.drain(..upto).collect();
        let ready = String::from_utf8_lossy(&ready);
        inner.write_all(text::on_terminal(&ready, false).as_bytes())?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Exact(inner) | Stream::Terminal { inner, .. } => inner.flush(),
        }
    }
}

fn json_error(error: serde_json::Error) -> Error {
    Error::Stdout(error.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a terminal gets when `chunks` are written one by one.
    fn shown(chunks: &[&[u8]]) -> String {
        let mut screen = Vec::new();
        let mut out = Out::terminal(&mut screen);
        for chunk in chunks {
            out.bytes(chunk).unwrap_or_else(|e| panic!("{e:?}"));
        }
        out.flush().unwrap_or_else(|e| panic!("{e:?}"));
        String::from_utf8_lossy(&screen).into_owned()
    }

    #[test]
    fn a_terminal_gets_escapes_whatever_the_chunks() {
        let text = "a\u{1b}]0;x\u{7} \u{202e}é\r\nb\rc\u{e0041}\n".as_bytes();
        let whole = shown(&[text]);
        assert_eq!(whole, "a\\u{1b}]0;x\\u{7} \\u{202e}é\r\nb\\rc\\u{e0041}\n");
        // Cut anywhere, even inside a character or between `\r` and `\n`.
        for at in 0..=text.len() {
            assert_eq!(shown(&[&text[..at], &text[at..]]), whole, "cut at {at}");
        }
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(shown(&bytes), whole);
    }

    #[test]
    fn a_pipe_gets_the_bytes_and_styled_text_keeps_its_colours() {
        let mut pipe = Vec::new();
        let mut out = Out::new(&mut pipe);
        let _ = out.write_str("a\u{1b}[31mb\u{202e}");
        assert_eq!(pipe, "a\u{1b}[31mb\u{202e}".as_bytes());
        let mut screen = Vec::new();
        let mut out = Out::terminal(&mut screen);
        let _ = out.bytes(&"é".as_bytes()[..1]);
        let _ = out.styled("\u{1b}[1mbold\u{1b}[0m \u{1b}]0;x\u{7}\n");
        let _ = out.flush();
        assert_eq!(
            String::from_utf8_lossy(&screen),
            "\u{fffd}\u{1b}[1mbold\u{1b}[0m \\u{1b}]0;x\\u{7}\n"
        );
    }
}
