use std::process::ExitCode;

/// See Cargo.toml: loading a large registry is mostly allocation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash netreg -- ...`) is
    // answered here and netreg exits; `netreg completions SHELL` prints the
    // script that asks.
    if std::env::var_os("COMPLETE").is_some() {
        netreg::complete_from_env();
    }
    ExitCode::from(netreg::run(std::env::args_os()))
}
