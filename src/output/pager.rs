//! Output taller than the screen goes through a pager, as git's does: held
//! until it fills the screen, then the pager started and given it all;
//! shorter output goes straight to the terminal when the command ends.

use std::io::{self, IsTerminal as _, Write};
use std::os::fd::AsFd as _;
use std::process::{Child, ChildStdin, Command, Stdio};

enum State {
    /// Not yet a screenful: held, with the screen lines it takes so far.
    Holding {
        held: Vec<u8>,
        lines: usize,
        column: usize,
    },
    Paging {
        child: Child,
        stdin: ChildStdin,
        /// The terminal's stderr, while the pager has it.
        stderr: Option<std::os::fd::OwnedFd>,
    },
    /// No pager after all (it could not be started): straight to stdout.
    Direct,
}

/// Stdout on a terminal, through `command` once there is more than
/// `height` lines of `width` columns.
pub struct Paged<'w> {
    stdout: &'w mut dyn Write,
    command: String,
    height: usize,
    width: usize,
    /// Whether stdout is the terminal (not so in a test of `run_with`).
    stdout_terminal: bool,
    state: State,
}

impl<'w> Paged<'w> {
    pub fn new(stdout: &'w mut dyn Write, command: String, height: Option<u16>, width: Option<u16>) -> Self {
        Self {
            stdout,
            command,
            // The screen's last line holds the shell's prompt.
            height: height.map_or(0, usize::from),
            width: width.map_or(usize::MAX, usize::from).max(1),
            stdout_terminal: std::io::stdout().is_terminal(),
            state: State::Holding {
                held: Vec::new(),
                lines: 0,
                column: 0,
            },
        }
    }

    /// Starts the pager and gives it what was held; where it cannot be
    /// started, what was held goes to stdout.
    fn start(&mut self) -> io::Result<()> {
        let State::Holding { held, .. } = std::mem::replace(&mut self.state, State::Direct) else {
            return Ok(());
        };
        // A pager that is not there (a typo, no `less` installed) would
        // take the output with it through `sh`: the output stays, and says why.
        if let Some(missing) = missing_program(&self.command) {
            let _ = writeln!(
                std::io::stderr(),
                "note: cannot run the pager `{}`: no such program; set NETREG_PAGER or PAGER, or pass --no-pager",
                crate::text::visible(missing)
            );
            return self.stdout.write_all(&held);
        }
        let mut command = Command::new("sh");
        command.arg("-c").arg(&self.command).stdin(Stdio::piped());
        // What git gives less and lv when the user has not chosen.
        for (key, value) in [("LESS", "FRX"), ("LV", "-c")] {
            if std::env::var_os(key).is_none() {
                command.env(key, value);
            }
        }
        let Ok(mut child) = command.spawn() else {
            return self.stdout.write_all(&held);
        };
        let Some(stdin) = child.stdin.take() else {
            return self.stdout.write_all(&held);
        };
        // Ctrl-C is the pager's to handle: netreg ending under it
        // would give the shell back the terminal while it runs.
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, flag);
        // Notes and warnings go to the pager too, in their place
        // among the data, when they would go to the same terminal.
        let stderr = (std::io::stderr().is_terminal() && self.stdout_terminal)
            .then(|| std::io::stderr().as_fd().try_clone_to_owned().ok())
            .flatten()
            .filter(|_| rustix::stdio::dup2_stderr(&stdin).is_ok());
        self.state = State::Paging { child, stdin, stderr };
        self.write_all(&held)
    }

    /// Ends the output: what is held goes to the terminal, or the pager is
    /// waited for (its exit status is its own, not the command's).
    pub fn finish(mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.state, State::Direct) {
            State::Holding { held, .. } => {
                self.stdout.write_all(&held)?;
                self.stdout.flush()
            }
            State::Paging {
                mut child,
                stdin,
                stderr,
            } => {
                // Stderr back first: while it holds the pipe, the pager
                // would wait for more.
                if let Some(stderr) = stderr {
                    let _ = rustix::stdio::dup2_stderr(&stderr);
                }
                drop(stdin);
                child.wait().map(drop)
            }
            State::Direct => self.stdout.flush(),
        }
    }
}

/// The program a pager command starts, when it is a plain word (a name or a
/// path, not shell syntax) that names no program: on `PATH`, or the file.
fn missing_program(command: &str) -> Option<&str> {
    let program = command.split_whitespace().next()?;
    let plain = program
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+' | '/'));
    if !plain {
        return None;
    }
    let runnable = |path: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt as _;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    let found = if program.contains('/') {
        runnable(std::path::Path::new(program))
    } else {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| runnable(&dir.join(program))))
    };
    (!found).then_some(program)
}

impl Write for Paged<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.state {
            State::Holding { held, lines, column } => {
                held.extend_from_slice(buf);
                for &byte in buf {
                    if byte == b'\n' {
                        // A line wider than the screen takes more than one.
                        *lines += 1 + column.saturating_sub(1) / self.width;
                        *column = 0;
                    } else if byte & 0xc0 != 0x80 {
                        *column += 1;
                    }
                }
                if *lines >= self.height {
                    self.start()?;
                }
                Ok(buf.len())
            }
            State::Paging { stdin, .. } => stdin.write(buf),
            State::Direct => self.stdout.write(buf),
        }
    }

    /// A command flushes when its data is whole (a list's table, before the
    /// note about it): what is held, less than a screenful, then goes to
    /// the terminal as it is, so a note on stderr follows it there.
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Holding { held, .. } => {
                let held = std::mem::take(held);
                self.state = State::Direct;
                self.stdout.write_all(&held)?;
                self.stdout.flush()
            }
            State::Paging { stdin, .. } => stdin.flush(),
            State::Direct => self.stdout.flush(),
        }
    }
}
