//! The one writer for data: what a command prints on stdout goes through
//! `Out`, which turns a failed write into `Error::Stdout` in one place (a
//! closed pipe then ends the command quietly, with success: `Error::exit_code`).

use std::fmt;
use std::io::Write;

use serde::Serialize;

use crate::error::{Error, Result};

pub struct Out<'w> {
    inner: &'w mut dyn Write,
}

impl<'w> Out<'w> {
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Self { inner }
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

    /// `value` as serde_json writes it compactly, with no line end.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut *self.inner, value).map_err(json_error)
    }

    /// `value` as serde_json writes it pretty, with no line end.
    pub fn json_pretty<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer_pretty(&mut *self.inner, value).map_err(json_error)
    }

    /// The stream itself, for a library that writes to one (csv): mapping
    /// its errors is then the caller's.
    pub fn raw(&mut self) -> &mut dyn Write {
        &mut *self.inner
    }

    pub fn flush(&mut self) -> Result<()> {
        self.inner.flush().map_err(Error::Stdout)
    }
}

fn json_error(error: serde_json::Error) -> Error {
    Error::Stdout(error.into())
}
