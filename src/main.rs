use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(netreg::run(std::env::args_os()))
}
