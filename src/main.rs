use std::process::ExitCode;

/// See Cargo.toml: loading a large registry is mostly allocation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(netreg::run(std::env::args_os()))
}
